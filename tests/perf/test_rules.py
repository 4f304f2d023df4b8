"""The fast reasoner (SPARQL rules in Oxigraph) derives exactly owlrl's inferred triples."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Namespace, URIRef

from akhbar.graph.reason import ENGINES, _interesting, _interesting_triple, _term, infer, infer_fast, reason, to_rdflib
from akhbar.graph.rules import materialise
from akhbar.graph.store import data_quads, open_store
from akhbar.graph.vocab import AK, ID_NS, INFERRED_GRAPH, ONTOLOGY_GRAPH
from akhbar.paths import ontology_dir

ID = Namespace(ID_NS)
SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"


def _q(s: URIRef, p: URIRef, o: URIRef) -> ox.Quad:
    return ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), ox.NamedNode(str(o)))


# Affiliations the sample article does not state, so that every lifting path is exercised: an official of
# an organ, a unit of an organ (transitive actsFor), actions by and against both, and a pressure.
EXTRA_FACTS = [
    _q(ID.test_minister, AK.officialOf, ID.test_state),
    _q(ID.test_unit, AK.actsFor, ID.test_army),
    _q(ID.test_army, AK.partOf, ID.test_state),
    _q(ID.test_unit, AK.attacks, ID.test_minister),
    _q(ID.test_minister, AK.warns, ID.test_unit),
    _q(ID.test_army, AK.pressures, ID.usa),
    _q(ID.test_state, AK.alignedWith, ID.iran),
]


@pytest.fixture(scope="module")
def realistic(sample_store: Path) -> list[ox.Quad]:
    """The sample article's store (ontology, actor base, article graph) plus the extra facts."""
    store = open_store(sample_store, read_only=True)
    return [*data_quads(store), *EXTRA_FACTS]


def test_fast_equals_owlrl_on_a_realistic_graph(realistic: list[ox.Quad]) -> None:
    reference = infer(to_rdflib(realistic))
    fast = infer_fast(realistic)
    assert len(reference) > 1000  # the comparison is not between two empty sets
    assert fast == reference, (sorted(reference - fast)[:5], sorted(fast - reference)[:5])


def test_lifting_is_among_the_fast_inferences(realistic: list[ox.Quad]) -> None:
    fast = infer_fast(realistic)
    assert (ID.test_state, AK.attacks, ID.test_state) not in fast  # self-directed noise is dropped
    assert (ID.test_army, AK.attacks, ID.test_state) in fast  # unit → army, minister → state
    assert (ID.test_state, AK.pressures, ID.usa) in fast
    assert (ID.usa, AK.pressuredBy, ID.test_state) in fast
    assert (ID.test_unit, AK.actsFor, ID.test_state) in fast


def test_semi_naive_rounds_equal_the_naive_fixpoint(realistic: list[ox.Quad]) -> None:
    semi = materialise(realistic)
    assert len(semi) > 1000
    assert semi == materialise(realistic, semi_naive=False)


# Random facts over the ontology's own properties and classes and a few individuals: every rule gets
# premises that appear in any order, so the semi-naive rounds are checked against the naive fixpoint
# on graphs nobody wrote by hand.
OWL_NS, RDFS_NS = "http://www.w3.org/2002/07/owl#", "http://www.w3.org/2000/01/rdf-schema#"
_PROPERTIES = [ox.NamedNode(str(AK[p])) for p in ("actsFor", "partOf", "officialOf", "attacks", "warns",
                                                  "pressures", "alignedWith", "agent", "target", "modality")]
_PROPERTIES += [ox.NamedNode(OWL_NS + "sameAs"), ox.NamedNode(RDFS_NS + "subClassOf"),
                ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")]
_NODES = [ox.NamedNode(str(ID[f"n{k}"])) for k in range(6)] + [ox.NamedNode(str(AK[c])) for c in (
    "State", "Militia", "StateOrgan", "Official", "Attack", "Warning", "Asserted")]


@pytest.fixture(scope="module")
def ontology_quads() -> list[ox.Quad]:
    return [ox.Quad(t.subject, t.predicate, t.object)
            for t in ox.parse(path=str(ontology_dir() / "akhbar.ttl"), format=ox.RdfFormat.TURTLE)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_NODES), st.sampled_from(_PROPERTIES), st.sampled_from(_NODES)),
                min_size=1, max_size=25))
def test_semi_naive_equals_naive_on_random_facts(ontology_quads: list[ox.Quad],
                                                 facts: list[tuple[ox.NamedNode, ...]]) -> None:
    quads = [*ontology_quads, *(ox.Quad(s, p, o) for s, p, o in facts)]
    assert materialise(quads) == materialise(quads, semi_naive=False)


_TERMS = st.one_of(st.sampled_from(_NODES + _PROPERTIES + [ox.NamedNode(OWL_NS + "Thing"),
                                                           ox.NamedNode(RDFS_NS + "Resource")]),
                   st.builds(ox.BlankNode, st.sampled_from(["b1", "b2"])),
                   st.builds(ox.Literal, st.sampled_from(["x", "n1"])))


@given(_TERMS, st.sampled_from(_PROPERTIES), _TERMS)
def test_the_fast_engines_noise_filter_is_owlrls(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode) -> None:
    if isinstance(s, ox.Literal):
        s = ox.NamedNode(RDFS_NS + "label")  # (a pyoxigraph triple cannot have a literal subject)
    triple = ox.Triple(s, p, o)
    assert _interesting_triple(triple) == _interesting(_term(s), _term(p), _term(o))


def test_sameas_follows_a_functional_property() -> None:
    """Two modalities of one event make them the same individual (prp-fp), symmetric, and shared."""
    event, modality = ox.NamedNode(str(ID.ev)), ox.NamedNode(str(AK.modality))
    functional = ox.Quad(modality, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                         ox.NamedNode("http://www.w3.org/2002/07/owl#FunctionalProperty"))
    one, two = ox.NamedNode(str(ID.m1)), ox.NamedNode(str(ID.m2))
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    new = materialise([functional, ox.Quad(event, modality, one), ox.Quad(event, modality, two),
                       ox.Quad(one, label, ox.Literal("one"))])
    assert ox.Triple(one, ox.NamedNode(SAMEAS), two) in new
    assert ox.Triple(two, ox.NamedNode(SAMEAS), one) in new
    assert ox.Triple(two, label, ox.Literal("one")) in new


def test_reason_engines_write_the_same_graph() -> None:
    """Both engines through `reason`, on a small store (ontology + extra facts) so owlrl stays quick."""
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(ONTOLOGY_GRAPH))
                 for t in ox.parse(path=str(ontology_dir() / "akhbar.ttl"), format=ox.RdfFormat.TURTLE))
    store.extend(EXTRA_FACTS)
    graph = ox.NamedNode(INFERRED_GRAPH)
    written = {}
    for engine in ENGINES:
        count = reason(store, engine=engine)
        written[engine] = sorted(str(q) for q in store.quads_for_pattern(None, None, None, graph))
        assert count == len(written[engine]) > 0
    assert written["fast"] == written["owlrl"]


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown reasoning engine"):
        reason(ox.Store(), engine="pellet")
