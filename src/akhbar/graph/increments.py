"""Incremental reasoning: the inferred graph updated from what changed since the last `akhbar reason`.

Design (chosen over a per-article partition, which is exact only while no rule joins facts of two articles
through a shared actor — prp-trp, the lifting chains, prp-fp and sameAs replacement all can): the full
closure is kept, and maintained with the textbook algorithms for materialised views of Datalog rules.

- State. A second Oxigraph store in the store folder's `reasoning/` subfolder (invisible to queries,
  exports and validation) holds BASE, the set of every fact of the ontology, actor and article graphs
  (each once, however many articles state it), DERIVED, everything the rules of graph/rules.py derive from
  BASE that is not in it — *including* the "noise" that the inferred graph leaves out (reflexive sameAs,
  self-hostility, owl:Thing types, facts about the vocabulary), since noise can be a premise — and the
  list of article graphs it reflects. The inferred graph is exactly the noise-filtered DERIVED.
- Changes. Added articles are the graphs the list lacks. A build replacing, or `akhbar remove` dropping, an
  article that the state reflects first copies the graph as it was into the state store (`retire`);
  replaced and removed articles are those with such a copy. A copy made just before a crash, of a graph
  that then did not change, only costs a no-op.
- Insertion is semi-naive: the new facts are the first round's delta, and each round matches every rule
  once per premise with that premise among the facts the round before added (graph/rules.py).
- Removal is DRed (delete and rederive): the facts no graph states any more are over-deleted together with
  everything derived with them (semi-naive again, over the old facts), then every over-deleted fact that
  still has a derivation from what is left is rederived, and the insertion rounds restore what follows.
  Support counting was the alternative; DRed needs no count per fact, which the 2.3 million facts of a
  10,000-article store would have to carry and keep exact.
- Safety. The state holds a token that must equal the one the store's meta graph holds beside the inferred
  graph. Every run first takes the token out of the state, then changes it, then commits the inferred graph
  and the new token in one store transaction, and last writes the token into the state: a run killed at any
  point leaves the tokens different, and the next run is a full one (and says why). So do `akhbar load`
  (it replaces graphs without copies), the owlrl engine, and a changed ontology or actor base (the rules'
  schema), whose fingerprint the state keeps.

The result is the full run's set of inferred triples (tests/graph/test_increments.py checks set equality
after additions, rebuilds, removals and random sequences of them).
"""

from __future__ import annotations

import hashlib
import shutil
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from akhbar.graph.rules import _SETTLE as SETTLE
from akhbar.graph.rules import (
    BASE,
    DELTA,
    DERIVED,
    MAX_ROUNDS,
    NEW,
    PREFIX,
    RULES,
    _count,
    _where,
    rule_update,
    semi_naive_rounds,
)
from akhbar.graph.store import article_graphs, count_quads, data_quads, graph_update
from akhbar.graph.vocab import ACTORS_GRAPH, ARTICLE_GRAPH_NS, INFERRED_GRAPH, META_GRAPH, ONTOLOGY_GRAPH

STATE_FOLDER = "reasoning"  # the state store, inside the store folder
NS = "urn:akhbar:reasoning:"
STATE = NS + "state"  # the state's own facts: token, fingerprint, the articles it reflects
RETIRED = NS + "retired/"  # + an article graph's IRI: that graph as the state knew it
TOKEN = ox.NamedNode(NS + "token")
FINGERPRINT = ox.NamedNode(NS + "fingerprint")
REASONED = ox.NamedNode(NS + "reflects")
# Working graphs of one incremental run (in the state store).
GONE = NS + "gone"  # facts no graph states any more
OVER = NS + "over"  # over-deleted facts (with GONE)
ODELTA = NS + "over-delta"  # over-deleted in the last round
ONEW = NS + "over-new"  # over-deleted in this round
ENTERED = NS + "entered"  # facts that entered DERIVED
WORKING = (GONE, OVER, ODELTA, ONEW, ENTERED, NEW, DELTA)
FULL_SHARE = 0.25  # more changed articles than this share of the store (and over FULL_MIN): a full run is cheaper
FULL_MIN = 100
DATA_GRAPHS = (ONTOLOGY_GRAPH, ACTORS_GRAPH)  # besides the article graphs
SCHEMA_GRAPHS = DATA_GRAPHS  # whose change changes the rules' schema: a full run


@dataclass
class Outcome:
    """What `reason_store` did: the inferred graph's size, how (incremental or full), and why a full run."""

    triples: int
    incremental: bool
    changed: int = 0
    why: str = ""
    articles: dict[str, list[str]] = field(default_factory=dict)  # added / replaced / removed graphs

    def summary(self) -> str:
        """The line `akhbar reason` prints first, e.g. 'incremental: 3 articles changed (2 added, 1 removed)'."""
        if not self.incremental:
            return f"full: because {self.why}"
        parts = ", ".join(f"{len(v)} {k}" for k, v in self.articles.items() if v)
        noun = "article" if self.changed == 1 else "articles"
        return f"incremental: {self.changed} {noun} changed" + (f" ({parts})" if parts else "")


def state_folder(store_dir: Path) -> Path:
    """Where the reasoning state of the store at `store_dir` lives."""
    return Path(store_dir) / STATE_FOLDER


def _main_token(store: ox.Store) -> str | None:
    for quad in store.quads_for_pattern(ox.NamedNode(INFERRED_GRAPH), TOKEN, None, ox.NamedNode(META_GRAPH)):
        return quad.object.value
    return None


def _state_token(state: ox.Store) -> str | None:
    for quad in state.quads_for_pattern(ox.NamedNode(STATE), TOKEN, None, ox.NamedNode(STATE)):
        return quad.object.value
    return None


def forget(store: ox.Store) -> None:
    """Make the next fast `akhbar reason` a full run (the store changed in a way the state cannot follow)."""
    store.update(f"DELETE WHERE {{ GRAPH {ox.NamedNode(META_GRAPH)} {{ {ox.NamedNode(INFERRED_GRAPH)} {TOKEN} ?t }} }}")


def fingerprint(store: ox.Store) -> str:
    """A digest of the ontology and actor graphs (the rules' schema): their sorted N-Quads, blank nodes
    canonically renamed (every build reloads them from the Turtle files, with new blank node ids), SHA-256."""
    dataset = ox.Dataset(q for graph in SCHEMA_GRAPHS
                         for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return hashlib.sha256("\n".join(sorted(str(q) for q in dataset)).encode()).hexdigest()


def open_state(store: ox.Store, store_dir: Path) -> tuple[ox.Store | None, str]:
    """The state store when it matches the store (else None), and why not."""
    folder = state_folder(store_dir)
    if not (folder / "CURRENT").exists():
        return None, "there is no reasoning state yet (first run)"
    token = _main_token(store)
    if token is None:
        return None, "the inferred graph was last made without a reasoning state (first run, `akhbar load`, " \
                     "or the owlrl engine)"
    try:
        state = ox.Store(str(folder))
    except (OSError, RuntimeError) as err:
        return None, f"the reasoning state cannot be opened ({' '.join(str(err).split())})"
    if _state_token(state) != token:
        return None, "the reasoning state does not match the inferred graph (an interrupted run)"
    return state, ""


class Retirer:
    """Keeps a copy of each article graph that the reasoning state reflects before a build replaces it or
    `akhbar remove` drops it, so that the next `akhbar reason` knows what was there (see the module doc)."""

    def __init__(self, store: ox.Store, store_dir: Path) -> None:
        self.store = store
        self.state, _why = open_state(store, store_dir)
        self.reflected: set[str] = set()
        self.retired: set[str] = set()
        if self.state is not None:
            self.reflected = {q.subject.value for q in self.state.quads_for_pattern(
                None, REASONED, None, ox.NamedNode(STATE))}
            self.retired = {g.value[len(RETIRED):] for g in self.state.named_graphs()
                            if isinstance(g, ox.NamedNode) and g.value.startswith(RETIRED)}

    def retire(self, graph: str) -> None:
        """Copy `graph` into the state (one transaction) if the state reflects it and holds no copy yet."""
        if self.state is None or graph not in self.reflected or graph in self.retired:
            return
        target = ox.NamedNode(RETIRED + graph)
        quads = [ox.Quad(q.subject, q.predicate, q.object, target)
                 for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
        self.state.extend(quads)
        self.state.flush()
        self.retired.add(graph)


def _is_data_graph(graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> bool:
    return isinstance(graph, ox.NamedNode) and (graph.value in DATA_GRAPHS
                                                or graph.value.startswith(ARTICLE_GRAPH_NS))


def _quads(triples: Iterable[ox.Triple | ox.Quad], graph: str) -> list[ox.Quad]:
    target = ox.NamedNode(graph)
    return [ox.Quad(t.subject, t.predicate, t.object, target) for t in triples]


def _triples(store: ox.Store, graph: str) -> list[ox.Triple]:
    return [ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))]


def _template_triples(template: str) -> list[str]:
    """A rule's conclusion template as single triple patterns ('?c a ?x , ?y . ?d a ?z' -> three)."""
    found = []
    for statement in template.split(" . "):
        subject, predicate, objects = statement.strip().split(" ", 2)
        found += [f"{subject} {predicate} {obj.strip()}" for obj in objects.split(" , ")]
    return found


# Over-deletion: each rule once per premise, that premise among the last round's over-deleted facts, the
# others among the old facts (BASE and DERIVED as they were), conclusions into ONEW.
OVERDELETE_UPDATES = tuple(rule_update(t, p, c, into=ONEW, delta=k, using=(BASE, DERIVED), delta_graph=ODELTA)
                           for _name, t, p, c in RULES for k in range(len(p)))
_SETTLE_OVER = (f"DELETE {{ GRAPH <{ONEW}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{ONEW}> {{ ?s ?p ?o }} "
                f"FILTER NOT EXISTS {{ GRAPH <{DERIVED}> {{ ?s ?p ?o }} }} }} ;\n"
                f"DELETE {{ GRAPH <{ONEW}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{ONEW}> {{ ?s ?p ?o }} "
                f"GRAPH <{OVER}> {{ ?s ?p ?o }} }} ;\n"
                f"DROP SILENT GRAPH <{ODELTA}> ;\n"
                f"INSERT {{ GRAPH <{OVER}> {{ ?s ?p ?o }} GRAPH <{ODELTA}> {{ ?s ?p ?o }} }} "
                f"WHERE {{ GRAPH <{ONEW}> {{ ?s ?p ?o }} }} ;\n"
                f"DROP SILENT GRAPH <{ONEW}>")
# Rederivation: each conclusion of each rule, bound first to an over-deleted fact, its premises among the
# facts left (BASE and DERIVED after the deletion, the new articles' facts included), into NEW.
REDERIVE_UPDATES = tuple(
    f"{PREFIX}INSERT {{ GRAPH <{NEW}> {{ {conclusion} }} }}\nUSING <{BASE}> USING <{DERIVED}> USING NAMED <{OVER}>\n"
    f"WHERE {{ GRAPH <{OVER}> {{ {conclusion} }} . {_where(p, c)} }}"
    for _name, t, p, c in RULES for conclusion in _template_triples(t))


def _holds(state: ox.Store, graph: str, t: ox.Triple) -> bool:
    return any(True for _ in state.quads_for_pattern(t.subject, t.predicate, t.object, ox.NamedNode(graph)))


_PREFIXED = {"a": "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "rdf:": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
             "rdfs:": "http://www.w3.org/2000/01/rdf-schema#", "owl:": "http://www.w3.org/2002/07/owl#"}


def _pattern_term(text: str) -> str | ox.NamedNode:
    """A term of a rule's template: a variable name ('?x'), or the IRI a prefixed name stands for."""
    if text.startswith("?"):
        return text
    if text == "a":
        return ox.NamedNode(_PREFIXED["a"])
    prefix, local = text.split(":", 1)
    return ox.NamedNode(_PREFIXED[prefix + ":"] + local)


def _bindings(conclusion: str, facts: list[ox.Triple]) -> tuple[list[str], list[tuple]]:
    """The variables of a conclusion pattern and, for each fact it matches, their values."""
    terms = [_pattern_term(x) for x in conclusion.split(" ")]
    names = list(dict.fromkeys(x for x in terms if isinstance(x, str)))
    rows = []
    for fact in facts:
        bound: dict[str, object] = {}
        for term, value in zip(terms, (fact.subject, fact.predicate, fact.object), strict=True):
            if isinstance(term, str):
                if bound.setdefault(term, value) != value:
                    break
            elif term != value:
                break
        else:
            rows.append(tuple(bound[n] for n in names))
    return names, rows


REDERIVE_CHUNK = 2000  # over-deleted facts per rederivation update


def _rederive(state: ox.Store, over: list[ox.Triple]) -> None:
    """Into NEW: every over-deleted fact that a rule still derives in one step from the facts left.

    Each rule's conclusion is bound to the over-deleted facts it matches through VALUES (so the match
    starts from those few facts; a GRAPH pattern over them would not bind first). VALUES cannot hold
    blank nodes: facts with one are matched with the GRAPH pattern (REDERIVE_UPDATES) instead."""
    plain = [t for t in over if not any(isinstance(x, ox.BlankNode) for x in (t.subject, t.object))]
    if len(plain) < len(over):
        for update in REDERIVE_UPDATES:
            state.update(update)
    for _name, template, premises, condition in RULES:
        for conclusion in _template_triples(template):
            names, rows = _bindings(conclusion, plain)
            for k in range(0, len(rows), REDERIVE_CHUNK):
                values = " ".join("(" + " ".join(str(v) for v in row) + ")" for row in rows[k:k + REDERIVE_CHUNK])
                state.update(f"{PREFIX}INSERT {{ GRAPH <{NEW}> {{ {conclusion} }} }}\n"
                             f"USING <{BASE}> USING <{DERIVED}>\n"
                             f"WHERE {{ VALUES ({' '.join(names)}) {{ {values} }} {_where(premises, condition)} }}")


def _copy(source: str, target: str) -> str:
    return f"INSERT {{ GRAPH <{target}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{source}> {{ ?s ?p ?o }} }}"


def _insertion_rounds(state: ox.Store) -> None:
    """Semi-naive rounds from the facts in DELTA until a round adds nothing (every fact added to DERIVED
    also goes to ENTERED)."""
    semi_naive_rounds(state, after_round=_copy(DELTA, ENTERED))


def _overdelete(state: ox.Store) -> None:
    """Over-delete from GONE: OVER gets every DERIVED fact with a derivation that uses a GONE or OVER fact."""
    state.update(_copy(GONE, OVER) + " ;\n" + _copy(GONE, ODELTA))
    for _ in range(MAX_ROUNDS):
        if _count(state, ODELTA) == 0:
            return
        for update in OVERDELETE_UPDATES:
            state.update(update)
        state.update(_SETTLE_OVER)
    raise RuntimeError(f"over-deletion did not reach a fixpoint in {MAX_ROUNDS} rounds")


def _drop_working(state: ox.Store) -> str:
    return " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in WORKING)


def _changes(store: ox.Store, state: ox.Store) -> tuple[dict[str, list[str]], str]:
    """The article graphs added, replaced and removed since the state was made, or why they cannot be told."""
    current = set(article_graphs(store))
    reflected = {q.subject.value for q in state.quads_for_pattern(None, REASONED, None, ox.NamedNode(STATE))}
    retired = {g.value[len(RETIRED):] for g in state.named_graphs()
               if isinstance(g, ox.NamedNode) and g.value.startswith(RETIRED)}
    removed = sorted(reflected - current)
    unknown = [g for g in removed if g not in retired]
    if unknown:
        return {}, (f"{len(unknown)} article graph(s) went without `akhbar remove` (e.g. {unknown[0]}), "
                    "so what they held is unknown")
    return {"added": sorted(current - reflected), "replaced": sorted(retired & current & reflected),
            "removed": removed}, ""


def reason_store(store: ox.Store, store_dir: Path, full: bool = False) -> Outcome:
    """`akhbar reason` with the fast engine: incremental when the state allows it (see the module doc), else
    a full run that makes the state; the inferred graph is the same either way."""
    state, why = (None, "--full was asked for") if full else open_state(store, store_dir)
    changes: dict[str, list[str]] = {}
    if state is not None:
        changes, why = _changes(store, state)
        if not why and _state_fingerprint(state) != fingerprint(store):
            why = "the ontology or the actor base changed"
        changed = sum(len(v) for v in changes.values())
        total = max(len(article_graphs(store)), 1)
        if not why and changed > FULL_MIN and changed > FULL_SHARE * total:
            why = f"{changed} of {total} articles changed (a full run is cheaper)"
        if not why:
            return _incremental(store, state, changes)
    del state
    return full_reason(store, store_dir, why)


def _state_fingerprint(state: ox.Store) -> str | None:
    for quad in state.quads_for_pattern(ox.NamedNode(STATE), FINGERPRINT, None, ox.NamedNode(STATE)):
        return quad.object.value
    return None


def _state_facts(token: str, digest: str, articles: Iterable[str]) -> list[ox.Quad]:
    graph, node = ox.NamedNode(STATE), ox.NamedNode(STATE)
    facts = [ox.Quad(node, TOKEN, ox.Literal(token), graph), ox.Quad(node, FINGERPRINT, ox.Literal(digest), graph)]
    facts += [ox.Quad(ox.NamedNode(a), REASONED, node, graph) for a in articles]
    return facts


def _commit(store: ox.Store, updates: list[str], token: str) -> None:
    """One store transaction: the inferred graph's change (`updates`) and the state token beside it."""
    meta, inferred = ox.NamedNode(META_GRAPH), ox.NamedNode(INFERRED_GRAPH)
    store.update("".join(f"{u} ;\n" for u in updates)
                 + f"DELETE WHERE {{ GRAPH {meta} {{ {inferred} {TOKEN} ?t }} }} ;\n"
                 f"INSERT DATA {{ GRAPH {meta} {{ {inferred} {TOKEN} {ox.Literal(token)} }} }}")


def full_reason(store: ox.Store, store_dir: Path, why: str) -> Outcome:
    """The whole closure from scratch (graph/rules.py); writes the inferred graph and a new state."""
    from akhbar.graph.reason import _interesting_triple, finish
    from akhbar.graph.rules import materialise

    quads = list(data_quads(store, include_inferred=False))
    derived = materialise(quads)
    found = sorted((ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(INFERRED_GRAPH))
                    for t in derived if _interesting_triple(t)), key=str)
    folder = state_folder(store_dir)
    forget(store)
    shutil.rmtree(folder, ignore_errors=True)
    state = ox.Store(str(folder))
    token = uuid.uuid4().hex
    state.bulk_extend(_quads({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, BASE))
    del quads
    state.bulk_extend(_quads(derived, DERIVED))
    state.extend(_state_facts(token, fingerprint(store), article_graphs(store)))
    state.flush()
    del state
    _commit(store, [graph_update(INFERRED_GRAPH, found)], token)
    summary = finish(store)  # (the summary graph/summary.py keeps in the inferred graph: counted with it)
    return Outcome(len(found) + summary, incremental=False, why=why)


def _incremental(store: ox.Store, state: ox.Store, changes: dict[str, list[str]]) -> Outcome:
    """Update BASE, DERIVED and the inferred graph for the changed articles (module doc: semi-naive, DRed)."""
    from akhbar.graph.reason import _interesting_triple, finish

    state.update(f"DELETE WHERE {{ GRAPH <{STATE}> {{ <{STATE}> {TOKEN} ?t }} }} ;\n" + _drop_working(state))
    added, replaced, removed = changes["added"], changes["replaced"], changes["removed"]
    # The facts of the new graphs, and those of the old ones that no graph states any more.
    stated = {t for g in added + replaced for t in _triples(store, g)}
    old = {t for g in replaced + removed for t in _triples(state, RETIRED + g)}
    gone = [t for t in old if not any(_is_data_graph(q.graph_name)
                                      for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None))]
    # A derived fact that an article now states is a base fact (it leaves the inferred graph); a stated fact
    # that is neither base nor derived is new: the first insertion round's delta.
    promoted = [t for t in stated if _holds(state, DERIVED, t)]
    seeds = [t for t in stated if not _holds(state, BASE, t) and not _holds(state, DERIVED, t)]
    left = list(promoted)
    for t in promoted:
        state.remove(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(DERIVED)))
    state.bulk_extend(_quads(promoted, BASE))
    if gone:
        state.bulk_extend(_quads(gone, GONE))
        _overdelete(state)
        over = _triples(state, OVER)
        left += [t for t in over if _holds(state, DERIVED, t)]
        state.update(f"DELETE {{ GRAPH <{DERIVED}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{OVER}> {{ ?s ?p ?o }} }} ;\n"
                     f"DELETE {{ GRAPH <{BASE}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{GONE}> {{ ?s ?p ?o }} }}")
        state.bulk_extend(_quads(seeds, BASE))
        _rederive(state, over)
        state.update(SETTLE)  # (rederived facts: into DERIVED and DELTA)
        state.update(_copy(DELTA, ENTERED))
    else:  # (only additions: nothing to over-delete or rederive)
        state.bulk_extend(_quads(seeds, BASE))
    state.bulk_extend(_quads(seeds, DELTA))
    _insertion_rounds(state)
    # The inferred graph's change: what left DERIVED for good out, what entered in (both noise-filtered).
    out = [t for t in set(left) if _interesting_triple(t) and not _holds(state, DERIVED, t)]
    new = [t for t in _triples(state, ENTERED) if _interesting_triple(t)]
    inferred = ox.NamedNode(INFERRED_GRAPH)
    parts = []
    if out:
        parts.append(f"DELETE DATA {{ GRAPH {inferred} {{\n"
                     + "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in out) + "\n} }")
    if new:
        parts.append(f"INSERT DATA {{ GRAPH {inferred} {{\n"
                     + "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in new) + "\n} }")
    token = uuid.uuid4().hex
    node, graph = ox.NamedNode(STATE), ox.NamedNode(STATE)
    state.update(" ;\n".join([
        _drop_working(state),
        *(f"DROP SILENT GRAPH <{RETIRED + g}>" for g in replaced + removed),
        *(f"DELETE DATA {{ GRAPH {graph} {{ {ox.NamedNode(g)} {REASONED} {node} }} }}" for g in removed),
        f"INSERT DATA {{ GRAPH {graph} {{ " + " ".join(f"{ox.NamedNode(g)} {REASONED} {node} ." for g in added)
        + f" {node} {TOKEN} {ox.Literal(token)} }} }}"]))
    _commit(store, parts, token)
    finish(store)
    changed = len(added) + len(replaced) + len(removed)
    return Outcome(count_quads(store, INFERRED_GRAPH), incremental=True, changed=changed, articles=changes)
