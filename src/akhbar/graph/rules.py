"""Fast OWL 2 RL reasoning: the rules of the OWL 2 RL profile that this ontology's axioms use, run as
SPARQL updates inside an in-memory Oxigraph store until nothing new is derived.

owlrl (graph/reason.py) is the reference; it is exact but runs in pure Python and takes minutes on a
few thousand articles. These rules derive the same inferred triple set for the vocabulary that
ontology/akhbar.ttl and ontology/actors.ttl use (tests/perf/test_rules.py checks set equality with
owlrl): class and property hierarchies, domains and ranges, inverses, transitive, symmetric and
functional properties, equivalences, owl:sameAs, and property chains of two or three properties
(the lifting chains). `reasonable` (the Rust OWL 2 RL reasoner) was measured too and rejected: it does
not execute owl:propertyChainAxiom, so no action of an organ or official lifts to its state.

Base triples sit in one graph and derived ones in others; every rule reads all of them (SPARQL `USING`)
and writes only derived graphs. After one full pass, rounds are semi-naive (each rule matched only with
at least one fact the previous round derived) and repeat until a round derives nothing new.
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

# (OWL 2 RL rule name, template, premises, filter), after the rule tables of the OWL 2 Profiles
# recommendation (section 4.3) as owlrl implements them; one triple pattern per premise (a rule that owlrl
# writes with a UNION is two rules here). Consistency rules (eq-diff, prp-irp, cax-dw, ...) derive no
# triples and are left to owlrl and the SHACL shapes. FILTERs skip reflexive premises (c ⊑ c, p ≡ p,
# x = x) whose conclusion is the other premise itself: they derive nothing and would copy every triple.
Rule = tuple[str, str, tuple[str, ...], str]
_CHAIN2 = ("?p owl:propertyChainAxiom ?l1", "?l1 rdf:first ?p1", "?l1 rdf:rest ?l2", "?l2 rdf:first ?p2",
           "?l2 rdf:rest rdf:nil")
_CHAIN3 = ("?p owl:propertyChainAxiom ?l1", "?l1 rdf:first ?p1", "?l1 rdf:rest ?l2", "?l2 rdf:first ?p2",
           "?l2 rdf:rest ?l3", "?l3 rdf:first ?p3", "?l3 rdf:rest rdf:nil")
RULES: tuple[Rule, ...] = (
    # Schema: classes.
    ("scm-cls", "?c rdfs:subClassOf ?c , owl:Thing . ?c owl:equivalentClass ?c . owl:Nothing rdfs:subClassOf ?c",
     ("?c a owl:Class",), ""),
    ("scm-sco", "?c1 rdfs:subClassOf ?c3", ("?c1 rdfs:subClassOf ?c2", "?c2 rdfs:subClassOf ?c3"),
     "?c1 != ?c2 && ?c2 != ?c3"),
    ("scm-eqc1", "?c1 rdfs:subClassOf ?c2 . ?c2 rdfs:subClassOf ?c1", ("?c1 owl:equivalentClass ?c2",), ""),
    ("scm-eqc2", "?c1 owl:equivalentClass ?c2", ("?c1 rdfs:subClassOf ?c2", "?c2 rdfs:subClassOf ?c1"), ""),
    # Schema: properties.
    ("scm-op", "?p rdfs:subPropertyOf ?p . ?p owl:equivalentProperty ?p", ("?p a owl:ObjectProperty",), ""),
    ("scm-dp", "?p rdfs:subPropertyOf ?p . ?p owl:equivalentProperty ?p", ("?p a owl:DatatypeProperty",), ""),
    ("scm-spo", "?p1 rdfs:subPropertyOf ?p3", ("?p1 rdfs:subPropertyOf ?p2", "?p2 rdfs:subPropertyOf ?p3"),
     "?p1 != ?p2 && ?p2 != ?p3"),
    ("scm-eqp1", "?p1 rdfs:subPropertyOf ?p2 . ?p2 rdfs:subPropertyOf ?p1", ("?p1 owl:equivalentProperty ?p2",), ""),
    ("scm-eqp2", "?p1 owl:equivalentProperty ?p2", ("?p1 rdfs:subPropertyOf ?p2", "?p2 rdfs:subPropertyOf ?p1"), ""),
    ("scm-dom1", "?p rdfs:domain ?c2", ("?p rdfs:domain ?c1", "?c1 rdfs:subClassOf ?c2"), "?c1 != ?c2"),
    ("scm-dom2", "?p1 rdfs:domain ?c", ("?p2 rdfs:domain ?c", "?p1 rdfs:subPropertyOf ?p2"), "?p1 != ?p2"),
    ("scm-rng1", "?p rdfs:range ?c2", ("?p rdfs:range ?c1", "?c1 rdfs:subClassOf ?c2"), "?c1 != ?c2"),
    ("scm-rng2", "?p1 rdfs:range ?c", ("?p2 rdfs:range ?c", "?p1 rdfs:subPropertyOf ?p2"), "?p1 != ?p2"),
    # Classes of instances.
    ("cax-sco", "?x a ?c2", ("?c1 rdfs:subClassOf ?c2", "?x a ?c1"), "?c1 != ?c2"),
    ("cax-eqc1", "?x a ?c2", ("?c1 owl:equivalentClass ?c2", "?x a ?c1"), "?c1 != ?c2"),
    ("cax-eqc2", "?x a ?c1", ("?c1 owl:equivalentClass ?c2", "?x a ?c2"), "?c1 != ?c2"),
    ("prp-dom", "?x a ?c", ("?p rdfs:domain ?c", "?x ?p ?y"), ""),
    ("prp-rng", "?y a ?c", ("?p rdfs:range ?c", "?x ?p ?y"), ""),
    # Properties of instances.
    ("prp-spo1", "?x ?p2 ?y", ("?p1 rdfs:subPropertyOf ?p2", "?x ?p1 ?y"), "?p1 != ?p2"),
    ("prp-eqp1", "?x ?p2 ?y", ("?p1 owl:equivalentProperty ?p2", "?x ?p1 ?y"), "?p1 != ?p2"),
    ("prp-eqp2", "?x ?p1 ?y", ("?p1 owl:equivalentProperty ?p2", "?x ?p2 ?y"), "?p1 != ?p2"),
    ("prp-inv1", "?y ?q ?x", ("?p owl:inverseOf ?q", "?x ?p ?y"), ""),
    ("prp-inv2", "?y ?p ?x", ("?p owl:inverseOf ?q", "?x ?q ?y"), ""),
    ("prp-symp", "?y ?p ?x", ("?p a owl:SymmetricProperty", "?x ?p ?y"), ""),
    ("prp-trp", "?x ?p ?z", ("?p a owl:TransitiveProperty", "?x ?p ?y", "?y ?p ?z"), ""),
    ("prp-spo2-2", "?x ?p ?z", (*_CHAIN2, "?x ?p1 ?y", "?y ?p2 ?z"), ""),
    ("prp-spo2-3", "?x ?p ?z", (*_CHAIN3, "?x ?p1 ?y1", "?y1 ?p2 ?y2", "?y2 ?p3 ?z"), ""),
    ("prp-fp", "?y1 owl:sameAs ?y2", ("?p a owl:FunctionalProperty", "?x ?p ?y1", "?x ?p ?y2"), "?y1 != ?y2"),
    ("prp-ifp", "?x1 owl:sameAs ?x2", ("?p a owl:InverseFunctionalProperty", "?x1 ?p ?y", "?x2 ?p ?y"),
     "?x1 != ?x2"),
    # Equality.
    ("eq-sym", "?y owl:sameAs ?x", ("?x owl:sameAs ?y",), ""),
    ("eq-trans", "?x owl:sameAs ?z", ("?x owl:sameAs ?y", "?y owl:sameAs ?z"), ""),
    ("eq-rep-s", "?s2 ?p ?o", ("?s owl:sameAs ?s2", "?s ?p ?o"), "?s != ?s2"),
    ("eq-rep-p", "?s ?p2 ?o", ("?p owl:sameAs ?p2", "?s ?p ?o"), "?p != ?p2"),
    ("eq-rep-o", "?s ?p ?o2", ("?o owl:sameAs ?o2", "?s ?p ?o"), "?o != ?o2"),
)

MAX_ROUNDS = 64  # a fixpoint is reached in a handful of rounds; more means a rule is wrong

NEW = "urn:akhbar:reasoning:new"  # what the current round derived
DELTA = "urn:akhbar:reasoning:delta"  # what the previous round derived (that was not known before it)


def _where(premises: tuple[str, ...], condition: str, delta: int | None = None, delta_graph: str = DELTA) -> str:
    """A rule's premises as a WHERE group; premise `delta` (if any) is matched in `delta_graph` only."""
    parts = [f"GRAPH <{delta_graph}> {{ {p} }}" if k == delta else p for k, p in enumerate(premises)]
    if delta is not None:  # (the new facts first: they are few, and they bind the rest)
        parts.insert(0, parts.pop(delta))
    return " . ".join(parts) + (f" FILTER({condition})" if condition else "")


def rule_update(template: str, premises: tuple[str, ...], condition: str, into: str = DERIVED,
                delta: int | None = None, using: tuple[str, ...] = (BASE, DERIVED, NEW),
                delta_graph: str = DELTA) -> str:
    """One rule as a SPARQL update: its premises matched among all facts (the graphs `using`: base, derived
    and this round's new ones) — premise `delta`, if given, among the facts of `delta_graph` only (the
    previous round's new ones) — and its conclusions written to the graph `into`."""
    named = f" USING NAMED <{delta_graph}>" if delta is not None else ""
    graphs = " ".join(f"USING <{g}>" for g in using)
    return (f"{PREFIX}INSERT {{ GRAPH <{into}> {{ {template} }} }}\n"
            f"{graphs}{named}\n"
            f"WHERE {{ {_where(premises, condition, delta, delta_graph)} }}")


# Naive rounds: every rule over all facts, into DERIVED (the reference, and the schema closure).
UPDATES: tuple[tuple[str, str], ...] = tuple((name, rule_update(t, p, c)) for name, t, p, c in RULES)
# The schema rules (scm-*) match only the ontology's few axioms: closed first, so that the first pass of
# the instance rules sees the whole class and property hierarchy and the rounds after it need not
# re-match every instance against a newly derived axiom.
SCHEMA_UPDATES: tuple[tuple[str, str], ...] = tuple(
    (name, update) for name, update in UPDATES if name.startswith("scm-"))
# The semi-naive first pass: every rule over all facts, into NEW.
FIRST_PASS: tuple[tuple[str, str], ...] = tuple(
    (name, rule_update(t, p, c, into=NEW)) for name, t, p, c in RULES)
# The semi-naive rounds: each rule once per premise, that premise among the previous round's new facts.
DELTA_UPDATES: tuple[tuple[str, str], ...] = tuple(
    (name, rule_update(t, p, c, into=NEW, delta=k)) for name, t, p, c in RULES for k in range(len(p)))
# After a semi-naive round: keep in NEW only what is really new, then move it into DERIVED and DELTA.
_SETTLE = (f"DELETE {{ GRAPH <{NEW}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{NEW}> {{ ?s ?p ?o }} "
           f"GRAPH <{DERIVED}> {{ ?s ?p ?o }} }} ;\n"
           f"DELETE {{ GRAPH <{NEW}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{NEW}> {{ ?s ?p ?o }} "
           f"GRAPH <{BASE}> {{ ?s ?p ?o }} }} ;\n"
           f"DROP SILENT GRAPH <{DELTA}> ;\n"
           f"INSERT {{ GRAPH <{DERIVED}> {{ ?s ?p ?o }} GRAPH <{DELTA}> {{ ?s ?p ?o }} }} "
           f"WHERE {{ GRAPH <{NEW}> {{ ?s ?p ?o }} }} ;\n"
           f"DROP SILENT GRAPH <{NEW}>")


def semi_naive_rounds(store: ox.Store, after_round: str | None = None) -> None:
    """Semi-naive rounds from the facts in DELTA until a round derives nothing new; `after_round` is an update
    run after each round, once its new facts are settled into DERIVED and DELTA."""
    for _ in range(MAX_ROUNDS):
        if _count(store, DELTA) == 0:
            return
        for _name, update in DELTA_UPDATES:
            store.update(update)
        store.update(_SETTLE)
        if after_round:
            store.update(after_round)
    raise RuntimeError(f"reasoning did not reach a fixpoint in {MAX_ROUNDS} rounds")


def _count(store: ox.Store, graph: str) -> int:
    row = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")))
    return int(row["n"].value)


def _fixpoint(store: ox.Store, updates: tuple[tuple[str, str], ...]) -> None:
    """Run `updates` (writing DERIVED) over all facts, round after round, until DERIVED stops growing."""
    size = -1
    for _ in range(MAX_ROUNDS):
        for _name, update in updates:
            store.update(update)
        now = _count(store, DERIVED)
        if now == size:
            return
        size = now
    raise RuntimeError(f"reasoning did not reach a fixpoint in {MAX_ROUNDS} rounds")


def materialise(triples: Iterable[ox.Triple | ox.Quad], semi_naive: bool = True) -> set[ox.Triple]:
    """The triples the rules derive from `triples` that are not among them (graph names are ignored).

    Semi-naive (the default): the schema rules to their fixpoint, one full pass of every rule, then rounds
    in which each rule fires only on matches that use at least one fact the round before derived, until a
    round derives nothing new. A rule match whose newest premise appeared in round r fires in round r + 1
    at the latest, so the result is the naive fixpoint's (every rule over all facts until nothing changes:
    `semi_naive=False`, the reference in tests/perf/test_rules.py), without re-matching every old fact in
    every round.
    """
    store = ox.Store()
    base = ox.NamedNode(BASE)
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, base) for t in triples)
    if semi_naive:
        _fixpoint(store, SCHEMA_UPDATES)
        for _name, update in FIRST_PASS:  # everything it derives is new to the first round
            store.update(update)
        store.update(_SETTLE)
        semi_naive_rounds(store)
    else:
        _fixpoint(store, UPDATES)
    store.update(f"DELETE {{ GRAPH <{DERIVED}> {{ ?s ?p ?o }} }} "
                 f"WHERE {{ GRAPH <{BASE}> {{ ?s ?p ?o }} GRAPH <{DERIVED}> {{ ?s ?p ?o }} }}")
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(DERIVED))}
