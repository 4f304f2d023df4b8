"""Looking actors up in a store by label or IRI, in Arabic or English: for `akhbar actors TEXT` and for the
"did you mean" of a query parameter that matches nothing.

Labels are compared folded (hamza forms, ى/ي, ة/ه, diacritics, case, the article; as `akhbar.kb.normalise`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import pyoxigraph as ox

from akhbar.graph.store import PREFIXES
from akhbar.graph.vocab import ACTORS_GRAPH, ID_NS
from akhbar.kb import label_key

# Every label of the actor base, and the main label of every actor (those minted from articles too). The
# surface forms an article graph adds as altLabels are left out: on a 10,000-article store they are most of
# the labels, and reading them all took 7 s for a "did you mean" (0.4 s without them).
ACTOR_LABELS = f"""
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?actor ?label ?type WHERE {{
  {{ GRAPH <{ACTORS_GRAPH}> {{ ?actor a ?type ; rdfs:label|skos:altLabel|skos:prefLabel ?label }} }}
  UNION
  {{ GRAPH ?g {{ ?actor a ?type ; rdfs:label ?label }} }}
  FILTER(STRSTARTS(STR(?actor), "{ID_NS}") && STRSTARTS(STR(?type), "https://w3id.org/akhbar/ontology#"))
}}
"""


@dataclass
class ActorHit:
    """An actor of the store and the labels it answers to."""

    iri: str
    kind: str
    english: str = ""
    arabic: str = ""
    score: float = 0.0

    @property
    def curie(self) -> str:
        """The IRI as id:local when it is one of the base's."""
        return "id:" + self.iri[len(ID_NS):] if self.iri.startswith(ID_NS) and "/" not in self.iri[len(ID_NS):] \
            else f"<{self.iri}>"


def _fold(text: str) -> str:
    return " ".join(label_key(text)) or text.lower()


def find_actors(store: ox.Store, text: str, limit: int = 10) -> list[ActorHit]:
    """Actors whose label or IRI matches `text` best: exact label first, then a label containing it, then
    close spellings (difflib), at most `limit`."""
    wanted = _fold(text.removeprefix("id:").replace("_", " "))
    hits: dict[str, ActorHit] = {}
    for row in store.query(ACTOR_LABELS, use_default_graph_as_union=True):
        iri, label, kind = row["actor"].value, row["label"], row["type"].value.rsplit("#", 1)[1]
        hit = hits.setdefault(iri, ActorHit(iri, kind))
        if label.language == "en" and not hit.english:
            hit.english = label.value
        elif label.language == "ar" and not hit.arabic:
            hit.arabic = label.value
        folded = _fold(label.value)
        local = iri[len(ID_NS):].replace("_", " ").replace("/", " ")
        score = 0.0
        if folded == wanted or local == wanted:
            score = 1.0
        elif wanted and (wanted in folded or wanted in local):
            score = 0.8
        else:
            score = 0.6 * max(difflib.SequenceMatcher(None, wanted, folded).ratio(),
                              difflib.SequenceMatcher(None, wanted, local).ratio())
        hit.score = max(hit.score, score)
    ranked = sorted((h for h in hits.values() if h.score >= 0.45), key=lambda h: (-h.score, h.iri))
    return ranked[:limit]


def occurs(store: ox.Store, term: ox.NamedNode | ox.Literal) -> bool:
    """Whether a term is anywhere in the store, as a subject or an object."""
    query = f"ASK {{ VALUES ?x {{ {term} }} {{ ?x ?p ?o }} UNION {{ ?s ?p ?x }} }}"
    return bool(store.query(query, use_default_graph_as_union=True))


def did_you_mean(store: ox.Store, term: ox.NamedNode | ox.Literal, limit: int = 3) -> str:
    """"did you mean id:usa (United States, الولايات المتحدة)?" for a value that matches nothing, or ""."""
    text = term.value
    for ns in PREFIXES.values():
        if isinstance(term, ox.NamedNode) and text.startswith(ns):
            text = text[len(ns):]
            break
    hits = find_actors(store, text, limit)
    best = max((h.score for h in hits), default=0.0)
    hits = [h for h in hits if h.score >= min(best, 0.8)]  # exact or containing matches hide the far ones
    if not hits:
        return ""
    return "did you mean " + " or ".join(
        f"{h.curie} ({', '.join(x for x in (h.english, h.arabic) if x)})" for h in hits) + "?"
