"""ontology/akhbar.ttl: parses, labels and comments every term, and declares exactly the AK vocabulary."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from akhbar.graph.vocab import AK, ONTOLOGY_NS

from .conftest import ONTOLOGY_FILES, load

ONTOLOGY_IRI = URIRef("https://w3id.org/akhbar/ontology")
DECLARATION_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                     OWL.NamedIndividual)


def vocab_terms() -> set[URIRef]:
    """Every term listed in the closed AK namespace of src/akhbar/graph/vocab.py."""
    return {URIRef(ONTOLOGY_NS + name) for name in AK.__annotations__}


def declared_terms(g: Graph) -> set[URIRef]:
    """ak: IRIs that akhbar.ttl declares as a class, property or named individual."""
    return {s for t in DECLARATION_TYPES for s in g.subjects(RDF.type, t)
            if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_NS)}


def used_ak_terms(g: Graph) -> set[URIRef]:
    """Every ak: IRI that occurs anywhere in a graph."""
    return {term for triple in g for term in triple
            if isinstance(term, URIRef) and str(term).startswith(ONTOLOGY_NS)}


@pytest.mark.parametrize("name", ONTOLOGY_FILES)
def test_file_parses_with_rdflib_and_oxigraph(ontology_path: Path, name: str) -> None:
    assert len(load(name)) > 0
    store = ox.Store()
    store.load(path=str(ontology_path / name), format=ox.RdfFormat.TURTLE)
    assert len(store) > 0


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None


def test_declared_terms_equal_vocab(ontology: Graph) -> None:
    declared = declared_terms(ontology)
    assert declared - vocab_terms() == set(), "declared in akhbar.ttl but missing from vocab.AK"
    assert vocab_terms() - declared == set(), "in vocab.AK but not declared in akhbar.ttl"


@pytest.mark.parametrize("name", ONTOLOGY_FILES)
def test_every_used_ak_term_is_declared(ontology: Graph, name: str) -> None:
    assert used_ak_terms(load(name)) - declared_terms(ontology) == set()


def test_every_term_has_ar_en_labels_and_one_comment(ontology: Graph) -> None:
    for term in sorted(declared_terms(ontology)):
        labels = list(ontology.objects(term, RDFS.label))
        langs = sorted(lbl.language for lbl in labels if isinstance(lbl, Literal))
        assert langs == ["ar", "en"], f"{term}: labels {labels}"
        comments = list(ontology.objects(term, RDFS.comment))
        assert len(comments) == 1, f"{term}: {len(comments)} comments"
        comment = comments[0]
        assert isinstance(comment, Literal) and comment.language == "en" and "\n" not in str(comment)


def test_action_and_actor_hierarchy(ontology: Graph) -> None:
    def parents(cls: URIRef) -> set[URIRef]:
        return set(ontology.transitive_objects(cls, RDFS.subClassOf)) - {cls}

    for name in ("State", "Militia", "Official", "StateOrgan", "Organization", "MediaOutlet"):
        assert AK.Actor in parents(AK[name]), name
    for name in ("Warning", "Threat", "Attack", "AirStrike", "DroneAttack", "MissileStrike", "RocketFire",
                 "Shelling", "TargetedKilling", "Pressure", "Demand"):
        assert AK.Action in parents(AK[name]), name
    assert AK.Actor not in parents(AK.Location)


def test_modalities_are_all_different_individuals(ontology: Graph) -> None:
    modalities = set(ontology.subjects(RDF.type, AK.Modality))
    assert modalities == {AK.Asserted, AK.Possible, AK.Planned, AK.Conditional, AK.Negated}
    member_lists = [ontology.value(node, OWL.members) for node in ontology.subjects(RDF.type, OWL.AllDifferent)]
    assert any(set(Collection(ontology, lst)) == modalities for lst in member_lists)
    assert (AK.modality, RDF.type, OWL.FunctionalProperty) in ontology


def test_inverses_and_sub_properties(ontology: Graph) -> None:
    for direct, inverse in ((AK.warns, AK.warnedBy), (AK.attacks, AK.attackedBy),
                            (AK.pressures, AK.pressuredBy), (AK.actsFor, AK.hasRepresentative)):
        assert (inverse, OWL.inverseOf, direct) in ontology
    for sub in (AK.warns, AK.attacks, AK.pressures):
        assert (sub, RDFS.subPropertyOf, AK.actsAgainst) in ontology
    for sub in (AK.officialOf, AK.partOf):
        assert (sub, RDFS.subPropertyOf, AK.actsFor) in ontology
    assert (AK.actsFor, RDF.type, OWL.TransitiveProperty) in ontology


def test_stays_within_simple_owl2_rl(ontology: Graph) -> None:
    """No unions, complements or disjointness: owlrl must not infer nonsense from a target's mixed types."""
    for p in (OWL.unionOf, OWL.complementOf, OWL.disjointWith, OWL.AllDisjointClasses):
        assert not list(ontology.triples((None, p, None))) and not list(ontology.subjects(RDF.type, p)), p
    chains = list(ontology.subject_objects(OWL.propertyChainAxiom))
    assert {s for s, _ in chains} == {AK.warns, AK.attacks, AK.pressures}
    assert len(chains) == 6
