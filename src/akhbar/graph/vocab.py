"""The closed AK vocabulary (ontology/akhbar.ttl) and the IRIs akhbar mints.

`AK` is an rdflib DefinedNamespace: using a term that the ontology does not define raises,
and tests/graph/test_vocab.py keeps this list and ontology/akhbar.ttl in step.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

BASE = "https://w3id.org/akhbar/"
ONTOLOGY_NS = BASE + "ontology#"
ID_NS = BASE + "id/"  # actors (KB and minted)
ARTICLE_NS = BASE + "article/"
GRAPH_NS = BASE + "graph/"
ARTICLE_GRAPH_NS = GRAPH_NS + "article/"  # one named graph per article, named like the article
CELL_NS = BASE + "cell/"  # event cells (graph/cells.py): digests of what the report counts events by

ONTOLOGY_GRAPH = GRAPH_NS + "ontology"
ACTORS_GRAPH = GRAPH_NS + "actors"
INFERRED_GRAPH = GRAPH_NS + "inferred"
META_GRAPH = GRAPH_NS + "meta"  # when the articles and the inferences last changed (dcterms:modified)
ARTICLES_MARK = GRAPH_NS + "articles"  # stands for all article graphs in META_GRAPH

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")


class AK(DefinedNamespace):
    """Terms of https://w3id.org/akhbar/ontology# ."""

    _NS = Namespace(ONTOLOGY_NS)
    _fail = True

    # classes
    Actor: URIRef
    State: URIRef
    Militia: URIRef
    Official: URIRef
    StateOrgan: URIRef
    Organization: URIRef
    MediaOutlet: URIRef
    Location: URIRef
    Article: URIRef
    Action: URIRef
    Warning: URIRef
    Threat: URIRef
    Attack: URIRef
    AirStrike: URIRef
    DroneAttack: URIRef
    MissileStrike: URIRef
    RocketFire: URIRef
    Shelling: URIRef
    TargetedKilling: URIRef
    Pressure: URIRef
    Demand: URIRef
    Modality: URIRef
    DatePrecision: URIRef
    EventCell: URIRef
    # date precision individuals
    Day: URIRef
    Week: URIRef
    Month: URIRef
    Year: URIRef
    # modality individuals
    Asserted: URIRef
    Possible: URIRef
    Planned: URIRef
    Conditional: URIRef
    Negated: URIRef
    # action properties
    agent: URIRef
    target: URIRef
    modality: URIRef
    article: URIRef
    date: URIRef
    datePrecision: URIRef
    dateEvidence: URIRef
    outletName: URIRef
    evidence: URIRef
    reportedBy: URIRef
    accordingTo: URIRef
    cell: URIRef
    # direct relations between actors
    actsAgainst: URIRef
    warns: URIRef
    attacks: URIRef
    pressures: URIRef
    warnedBy: URIRef
    attackedBy: URIRef
    pressuredBy: URIRef
    # affiliation
    actsFor: URIRef
    hasRepresentative: URIRef
    officialOf: URIRef
    partOf: URIRef
    memberOf: URIRef
    alignedWith: URIRef
    capitalOf: URIRef
    locatedIn: URIRef
    countryCode: URIRef
    nisba: URIRef


MODALITY_IRI = {name: AK[name] for name in ("Asserted", "Possible", "Planned", "Conditional", "Negated")}
DIRECT_PROPERTY = {"Warning": AK.warns, "Attack": AK.attacks, "Pressure": AK.pressures}


def _slug(text: str) -> str:
    """A readable IRI-safe slug of `text` (ASCII letters kept, everything else hashed)."""
    ascii_part = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", text).lower()).strip("-")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return f"{ascii_part}-{digest}" if ascii_part else digest


def article_iri(identifier: str) -> str:
    """The IRI of an article, from its identifier (the input file stem)."""
    return ARTICLE_NS + _slug(identifier) if not re.fullmatch(r"[A-Za-z0-9_.-]+", identifier) \
        else ARTICLE_NS + identifier


def article_graph(identifier: str) -> str:
    """The named graph that holds everything read from one article."""
    return graph_of_article(article_iri(identifier))


def graph_of_article(iri: str) -> str:
    """The named graph of the article with this IRI.

    >>> graph_of_article(ARTICLE_NS + "a1") == ARTICLE_GRAPH_NS + "a1"
    True
    """
    return ARTICLE_GRAPH_NS + iri[len(ARTICLE_NS):]


def article_of_graph(graph: str) -> str:
    """The IRI of the article whose named graph this is (the inverse of `graph_of_article`)."""
    return ARTICLE_NS + graph[len(ARTICLE_GRAPH_NS):]


def actor_iri(kind: str, key: str) -> str:
    """A stable IRI for an actor minted from text: same kind and normalised key, same node."""
    return f"{ID_NS}{kind.lower()}/{_slug(key)}"
