"""Fast OWL 2 RL reasoning: the rules of the OWL 2 RL profile that this ontology's axioms use, run as
SPARQL updates inside an in-memory Oxigraph store until nothing new is derived.

owlrl (graph/reason.py) is the reference; it is exact but runs in pure Python and takes minutes on a
few thousand articles. These rules derive the same inferred triple set for the vocabulary that
ontology/akhbar.ttl and ontology/actors.ttl use (tests/perf/test_rules.py checks set equality with
owlrl): class and property hierarchies, domains and ranges, inverses, transitive, symmetric and
functional properties, equivalences, owl:sameAs, and property chains of two or three properties
(the lifting chains). `reasonable` (the Rust OWL 2 RL reasoner) was measured too and rejected: it does
not execute owl:propertyChainAxiom, so no action of an organ or official lifts to its state.

Base triples sit in one graph and derived ones in another; every rule reads both (SPARQL `USING`)
and writes only to the derived graph. Rounds repeat until the derived graph stops growing.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

BASE = "urn:akhbar:reasoning:base"
DERIVED = "urn:akhbar:reasoning:derived"

PREFIX = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""

# (OWL 2 RL rule name, template, body), after the rule tables of the OWL 2 Profiles recommendation
# (section 4.3) as owlrl implements them. Consistency rules (eq-diff, prp-irp, cax-dw, ...) derive no
# triples and are left to owlrl and the SHACL shapes. FILTERs skip reflexive premises (c ⊑ c, p ≡ p,
# x = x) whose conclusion is the other premise itself: they derive nothing and would copy every triple.
RULES: tuple[tuple[str, str, str], ...] = (
    # Schema: classes.
    ("scm-cls", "?c rdfs:subClassOf ?c , owl:Thing . ?c owl:equivalentClass ?c . owl:Nothing rdfs:subClassOf ?c",
     "?c a owl:Class"),
    ("scm-sco", "?c1 rdfs:subClassOf ?c3",
     "?c1 rdfs:subClassOf ?c2 . ?c2 rdfs:subClassOf ?c3 . FILTER(?c1 != ?c2 && ?c2 != ?c3)"),
    ("scm-eqc1", "?c1 rdfs:subClassOf ?c2 . ?c2 rdfs:subClassOf ?c1", "?c1 owl:equivalentClass ?c2"),
    ("scm-eqc2", "?c1 owl:equivalentClass ?c2", "?c1 rdfs:subClassOf ?c2 . ?c2 rdfs:subClassOf ?c1"),
    # Schema: properties.
    ("scm-op", "?p rdfs:subPropertyOf ?p . ?p owl:equivalentProperty ?p", "?p a owl:ObjectProperty"),
    ("scm-dp", "?p rdfs:subPropertyOf ?p . ?p owl:equivalentProperty ?p", "?p a owl:DatatypeProperty"),
    ("scm-spo", "?p1 rdfs:subPropertyOf ?p3",
     "?p1 rdfs:subPropertyOf ?p2 . ?p2 rdfs:subPropertyOf ?p3 . FILTER(?p1 != ?p2 && ?p2 != ?p3)"),
    ("scm-eqp1", "?p1 rdfs:subPropertyOf ?p2 . ?p2 rdfs:subPropertyOf ?p1", "?p1 owl:equivalentProperty ?p2"),
    ("scm-eqp2", "?p1 owl:equivalentProperty ?p2",
     "?p1 rdfs:subPropertyOf ?p2 . ?p2 rdfs:subPropertyOf ?p1"),
    ("scm-dom1", "?p rdfs:domain ?c2", "?p rdfs:domain ?c1 . ?c1 rdfs:subClassOf ?c2 . FILTER(?c1 != ?c2)"),
    ("scm-dom2", "?p1 rdfs:domain ?c", "?p2 rdfs:domain ?c . ?p1 rdfs:subPropertyOf ?p2 . FILTER(?p1 != ?p2)"),
    ("scm-rng1", "?p rdfs:range ?c2", "?p rdfs:range ?c1 . ?c1 rdfs:subClassOf ?c2 . FILTER(?c1 != ?c2)"),
    ("scm-rng2", "?p1 rdfs:range ?c", "?p2 rdfs:range ?c . ?p1 rdfs:subPropertyOf ?p2 . FILTER(?p1 != ?p2)"),
    # Classes of instances.
    ("cax-sco", "?x a ?c2", "?c1 rdfs:subClassOf ?c2 . FILTER(?c1 != ?c2) ?x a ?c1"),
    ("cax-eqc", "?x a ?c2 . ?y a ?c1",
     "?c1 owl:equivalentClass ?c2 . FILTER(?c1 != ?c2) { ?x a ?c1 } UNION { ?y a ?c2 }"),
    ("prp-dom", "?x a ?c", "?p rdfs:domain ?c . ?x ?p ?y"),
    ("prp-rng", "?y a ?c", "?p rdfs:range ?c . ?x ?p ?y"),
    # Properties of instances.
    ("prp-spo1", "?x ?p2 ?y", "?p1 rdfs:subPropertyOf ?p2 . FILTER(?p1 != ?p2) ?x ?p1 ?y"),
    ("prp-eqp", "?x ?p2 ?y . ?u ?p1 ?v",
     "?p1 owl:equivalentProperty ?p2 . FILTER(?p1 != ?p2) { ?x ?p1 ?y } UNION { ?u ?p2 ?v }"),
    ("prp-inv", "?y ?q ?x . ?v ?p ?u", "?p owl:inverseOf ?q . { ?x ?p ?y } UNION { ?u ?q ?v }"),
    ("prp-symp", "?y ?p ?x", "?p a owl:SymmetricProperty . ?x ?p ?y"),
    ("prp-trp", "?x ?p ?z", "?p a owl:TransitiveProperty . ?x ?p ?y . ?y ?p ?z"),
    ("prp-spo2-2", "?x ?p ?z",
     "?p owl:propertyChainAxiom ?l1 . ?l1 rdf:first ?p1 ; rdf:rest ?l2 . ?l2 rdf:first ?p2 ; rdf:rest rdf:nil . "
     "?x ?p1 ?y . ?y ?p2 ?z"),
    ("prp-spo2-3", "?x ?p ?z",
     "?p owl:propertyChainAxiom ?l1 . ?l1 rdf:first ?p1 ; rdf:rest ?l2 . ?l2 rdf:first ?p2 ; rdf:rest ?l3 . "
     "?l3 rdf:first ?p3 ; rdf:rest rdf:nil . ?x ?p1 ?y1 . ?y1 ?p2 ?y2 . ?y2 ?p3 ?z"),
    ("prp-fp", "?y1 owl:sameAs ?y2", "?p a owl:FunctionalProperty . ?x ?p ?y1 , ?y2 . FILTER(?y1 != ?y2)"),
    ("prp-ifp", "?x1 owl:sameAs ?x2",
     "?p a owl:InverseFunctionalProperty . ?x1 ?p ?y . ?x2 ?p ?y . FILTER(?x1 != ?x2)"),
    # Equality.
    ("eq-sym", "?y owl:sameAs ?x", "?x owl:sameAs ?y"),
    ("eq-trans", "?x owl:sameAs ?z", "?x owl:sameAs ?y . ?y owl:sameAs ?z"),
    ("eq-rep-s", "?s2 ?p ?o", "?s owl:sameAs ?s2 . FILTER(?s != ?s2) ?s ?p ?o"),
    ("eq-rep-p", "?s ?p2 ?o", "?p owl:sameAs ?p2 . FILTER(?p != ?p2) ?s ?p ?o"),
    ("eq-rep-o", "?s ?p ?o2", "?o owl:sameAs ?o2 . FILTER(?o != ?o2) ?s ?p ?o"),
)

MAX_ROUNDS = 64  # a fixpoint is reached in a handful of rounds; more means a rule is wrong


def rule_update(template: str, body: str) -> str:
    """One rule as a SPARQL update: read base + derived, write derived."""
    return (f"{PREFIX}INSERT {{ GRAPH <{DERIVED}> {{ {template} }} }}\n"
            f"USING <{BASE}> USING <{DERIVED}>\nWHERE {{ {body} }}")


UPDATES: tuple[tuple[str, str], ...] = tuple((name, rule_update(t, b)) for name, t, b in RULES)


def _count(store: ox.Store, graph: str) -> int:
    row = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")))
    return int(row["n"].value)


def materialise(triples: Iterable[ox.Triple | ox.Quad]) -> set[ox.Triple]:
    """The triples the rules derive from `triples` that are not among them (graph names are ignored)."""
    store = ox.Store()
    base = ox.NamedNode(BASE)
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, base) for t in triples)
    size = -1
    for _ in range(MAX_ROUNDS):
        for _name, update in UPDATES:
            store.update(update)
        now = _count(store, DERIVED)
        if now == size:
            break
        size = now
    else:
        raise RuntimeError(f"reasoning did not reach a fixpoint in {MAX_ROUNDS} rounds")
    store.update(f"DELETE {{ GRAPH <{DERIVED}> {{ ?s ?p ?o }} }} "
                 f"WHERE {{ GRAPH <{BASE}> {{ ?s ?p ?o }} GRAPH <{DERIVED}> {{ ?s ?p ?o }} }}")
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(DERIVED))}
