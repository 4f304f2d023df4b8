"""The lifting chains of ontology/akhbar.ttl, executed by owlrl (OWL 2 RL): officials and organs act for states."""

from __future__ import annotations

import owlrl
import pytest
from owlrl.Namespaces import ERRNS
from rdflib import Graph, Namespace
from rdflib.namespace import RDF
from rdflib.term import Node

from akhbar.graph.vocab import AK, ID_NS

ID = Namespace(ID_NS)

Triple = tuple[Node, Node, Node]


def closure(ontology: Graph, facts: list[Triple]) -> Graph:
    """The OWL 2 RL closure of the ontology plus a few hand-written facts."""
    g = Graph()
    for triple in ontology:
        g.add(triple)
    for triple in facts:
        g.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    return g


@pytest.fixture(scope="module")
def sample(ontology: Graph) -> Graph:
    """Closure of: Sudani is Iraq's official, the IDF Israel's organ; the IDF attacks Iran, the USA warns Sudani."""
    return closure(ontology, [
        (ID.sudani, AK.officialOf, ID.iraq),
        (ID.idf, AK.partOf, ID.israel),
        (ID.idf, AK.attacks, ID.iran),
        (ID.usa, AK.warns, ID.sudani),
    ])


def test_organ_action_lifts_to_its_state(sample: Graph) -> None:
    assert (ID.israel, AK.attacks, ID.iran) in sample


def test_action_against_official_lifts_to_its_state(sample: Graph) -> None:
    assert (ID.usa, AK.warns, ID.iraq) in sample


def test_inverses(sample: Graph) -> None:
    assert (ID.iran, AK.attackedBy, ID.israel) in sample
    assert (ID.iran, AK.attackedBy, ID.idf) in sample
    assert (ID.iraq, AK.warnedBy, ID.usa) in sample
    assert (ID.iraq, AK.hasRepresentative, ID.sudani) in sample


def test_super_properties_and_domains(sample: Graph) -> None:
    assert (ID.israel, AK.actsAgainst, ID.iran) in sample
    assert (ID.sudani, AK.actsFor, ID.iraq) in sample
    assert (ID.sudani, RDF.type, AK.Official) in sample
    assert (ID.idf, RDF.type, AK.StateOrgan) in sample
    assert (ID.iraq, RDF.type, AK.State) in sample


def test_no_lifting_without_affiliation(sample: Graph) -> None:
    """Nothing is invented: the USA does not become an attacker, Iran is not warned, Iraq does not attack."""
    assert (ID.usa, AK.attacks, ID.iran) not in sample
    assert (ID.usa, AK.warns, ID.iran) not in sample
    assert (ID.iraq, AK.attacks, ID.iran) not in sample
    assert (ID.israel, AK.warns, ID.iraq) not in sample


def test_lifting_through_a_chain_of_affiliation(ontology: Graph) -> None:
    """actsFor is transitive: a unit of an organ of a state lifts to the state."""
    g = closure(ontology, [
        (ID.quds_force, AK.actsFor, ID.irgc),
        (ID.irgc, AK.partOf, ID.iran),
        (ID.quds_force, AK.attacks, ID.erbil),
    ])
    assert (ID.iran, AK.attacks, ID.erbil) in g
    assert (ID.irgc, AK.attacks, ID.erbil) in g


def test_pressure_lifts_both_ways(ontology: Graph) -> None:
    g = closure(ontology, [
        (ID.blinken, AK.officialOf, ID.usa),
        (ID.iraqi_government, AK.partOf, ID.iraq),
        (ID.blinken, AK.pressures, ID.iraqi_government),
    ])
    assert (ID.usa, AK.pressures, ID.iraq) in g
    assert (ID.iraq, AK.pressuredBy, ID.usa) in g


def test_two_modalities_are_inconsistent(ontology: Graph) -> None:
    """ak:modality is functional and the five modalities are all different: owlrl reports a clash.

    (owlrl 7.6's eq-diff2 loop skips the last list member, so the pair tested here avoids ak:Negated;
    shapes.ttl still enforces at most one modality for every pair.)
    """
    event = ID["event-1"]
    g = closure(ontology, [(event, AK.modality, AK.Asserted), (event, AK.modality, AK.Possible)])
    messages = [str(m) for node in g.subjects(RDF.type, ERRNS.ErrorMessage) for m in g.objects(node, ERRNS.error)]
    assert messages, "owlrl found no clash between two different modalities"


def test_one_modality_is_consistent(ontology: Graph) -> None:
    g = closure(ontology, [(ID["event-1"], AK.modality, AK.Asserted), (ID["event-1"], RDF.type, AK.Attack)])
    assert list(g.subjects(RDF.type, ERRNS.ErrorMessage)) == []
