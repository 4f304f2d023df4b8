"""OWL 2 RL reasoning with owlrl (the reference reasoner) over ontology + actors + articles.

Only triples that are new, and that say something about the data or the AK vocabulary, are kept:
the inferred graph is replaced as a whole on every run (one transaction).
"""

from __future__ import annotations

import owlrl
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from akhbar.graph.store import data_quads, mark_changed, replace_graph
from akhbar.graph.summary import replace_summary
from akhbar.graph.vocab import AK, INFERRED_GRAPH

_HOSTILE = {URIRef(AK[name]) for name in ("actsAgainst", "warns", "attacks", "pressures", "warnedBy",
                                          "attackedBy", "pressuredBy")}
# Vocabulary namespaces whose own axioms owlrl restates; inferences about them are noise.
_BUILTIN = (str(RDF), str(RDFS), str(OWL), "http://www.w3.org/2001/XMLSchema#")


def to_rdflib(quads) -> Graph:
    """Union of quads as one rdflib Graph (graph names dropped: reasoning sees one knowledge base)."""
    graph = Graph()
    for q in quads:
        graph.add((_term(q.subject), _term(q.predicate), _term(q.object)))
    return graph


def _term(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _ox(term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _interesting(s, p, o) -> bool:
    """Drop reflexive and built-in-vocabulary noise, keep facts about data and AK terms."""
    if isinstance(s, Literal) or isinstance(s, BNode) or isinstance(o, BNode):
        return False
    if str(s).startswith(_BUILTIN):
        return False
    if p in (OWL.sameAs, RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty) \
            and s == o:
        return False
    if p == RDF.type and o in (OWL.Thing, RDFS.Resource, OWL.NamedIndividual):
        return False
    if s == o and p in _HOSTILE:  # an organ acting against its own state lifts to "X attacks X": noise
        return False
    return True


def infer(base: Graph) -> set[tuple]:
    """The OWL 2 RL closure's new, interesting triples."""
    closed = Graph()
    for triple in base:
        closed.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closed)
    return {t for t in closed if t not in base and _interesting(*t)}


_TYPE = ox.NamedNode(str(RDF.type))
_SAME_TERM_NOISE = frozenset(ox.NamedNode(str(p)) for p in (OWL.sameAs, RDFS.subClassOf, RDFS.subPropertyOf,
                                                              OWL.equivalentClass, OWL.equivalentProperty))
_TRIVIAL_TYPES = frozenset(ox.NamedNode(str(c)) for c in (OWL.Thing, RDFS.Resource, OWL.NamedIndividual))
_HOSTILE_OX = frozenset(ox.NamedNode(str(p)) for p in _HOSTILE)


def _interesting_triple(t: ox.Triple) -> bool:
    """`_interesting` for a pyoxigraph triple (the fast engine's results stay pyoxigraph terms)."""
    s, p, o = t.subject, t.predicate, t.object
    if not isinstance(s, ox.NamedNode) or isinstance(o, ox.BlankNode) or s.value.startswith(_BUILTIN):
        return False
    if s == o and (p in _SAME_TERM_NOISE or p in _HOSTILE_OX):
        return False
    return not (p == _TYPE and o in _TRIVIAL_TYPES)


ENGINES = ("fast", "owlrl")  # fast: SPARQL rules in Oxigraph (graph/rules.py), proven equal to owlrl by tests/perf


def fast_inferences(quads) -> set[ox.Triple]:
    """The same triples as `infer`, derived by the SPARQL rules of graph/rules.py inside Oxigraph (as
    pyoxigraph triples: nothing to convert on the way to the store)."""
    from akhbar.graph.rules import materialise

    return {t for t in materialise(quads) if _interesting_triple(t)}


def infer_fast(quads) -> set[tuple]:
    """`fast_inferences` as rdflib terms, comparable with `infer`."""
    return {(_term(t.subject), _term(t.predicate), _term(t.object)) for t in fast_inferences(quads)}


def reason(store: ox.Store, engine: str = "fast") -> int:
    """Recompute the inferred graph with `engine` (see ENGINES), keeping no reasoning state; returns how many
    triples it now holds. (`akhbar reason` calls graph/increments.py, which keeps one for incremental runs.)"""
    if engine not in ENGINES:
        raise ValueError(f"unknown reasoning engine {engine!r}; use one of {', '.join(ENGINES)}")
    quads = data_quads(store, include_inferred=False)
    target = ox.NamedNode(INFERRED_GRAPH)
    if engine == "fast":
        found = [ox.Quad(t.subject, t.predicate, t.object, target) for t in fast_inferences(quads)]
    else:
        found = [ox.Quad(_ox(s), _ox(p), _ox(o), target) for s, p, o in infer(to_rdflib(quads))]
    from akhbar.graph.increments import forget

    forget(store)  # (no reasoning state beside this graph: the next incremental run must be a full one)
    replace_graph(store, INFERRED_GRAPH, sorted(found, key=str))
    return len(found) + finish(store)


def finish(store: ox.Store) -> int:
    """What follows every change of the inferred graph, full or incremental (graph/increments.py): the
    summary `state-hostility` reads, made anew (graph/summary.py), and the mark that says when the graph was
    made (`akhbar query` warns when the articles changed after it). Anything derived from the whole inferred
    graph is recomputed here, so that both kinds of run keep it. Returns how many summary quads it wrote."""
    summary = replace_summary(store)
    mark_changed(store, INFERRED_GRAPH)
    return summary
