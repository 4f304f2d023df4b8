"""Incremental reasoning (graph/increments.py) gives the full run's inferred graph, set for set.

Hand-written article graphs put the cases where articles interact through shared actors: an article whose
affiliation lifts the events of older ones, removing the only support of a lifted fact, a fact two
articles support with one removed, a derived fact an article then states, sameAs through a functional
property, and random add / rebuild / remove sequences (hypothesis). The CLI test does the same with
articles read by `akhbar build`, rebuilt with --replace and dropped with `akhbar remove`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.graph.increments import Outcome, Retirer, forget, reason_store, state_folder
from akhbar.graph.pages import STORED, stored_page
from akhbar.graph.query import run_query
from akhbar.graph.reason import fast_inferences
from akhbar.graph.store import data_quads, load_base_graphs, open_store, replace_graph
from akhbar.graph.vocab import ACTORS_GRAPH, INFERRED_GRAPH, article_graph
from akhbar.paths import queries_dir

AK, ID = "https://w3id.org/akhbar/ontology#", "https://w3id.org/akhbar/id/"
SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "articles" / "seed.txt"


def inferred(store: ox.Store) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH))}


def reference(store: ox.Store) -> set[ox.Triple]:
    """What a full run writes: the filtered closure of the store's data, computed apart from any state."""
    return fast_inferences(list(data_quads(store)))


class Articles:
    """An on-disk store written as `akhbar build` and `akhbar remove` write it (a reasoned graph is copied
    into the reasoning state before it is replaced or dropped), reasoned as `akhbar reason` reasons."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = open_store(folder)
        load_base_graphs(self.store)

    def put(self, name: str, turtle: str) -> None:
        graph = article_graph(name)
        Retirer(self.store, self.folder).retire(graph)
        triples = ox.parse(f"@prefix ak: <{AK}> . @prefix id: <{ID}> .\n{turtle}".encode(),
                           format=ox.RdfFormat.TURTLE)
        replace_graph(self.store, graph, [ox.Quad(t.subject, t.predicate, t.object) for t in triples])

    def drop(self, name: str) -> None:
        graph = article_graph(name)
        Retirer(self.store, self.folder).retire(graph)
        self.store.remove_graph(ox.NamedNode(graph))

    def reason(self, full: bool = False) -> Outcome:
        outcome = reason_store(self.store, self.folder, full=full)
        assert inferred(self.store) == reference(self.store)  # the point: the same graph as a full run
        assert outcome.triples == len(inferred(self.store))
        return outcome


def has(store: ox.Store, s: str, p: str, o: str) -> bool:
    return ox.Triple(ox.NamedNode(ID + s), ox.NamedNode(AK + p), ox.NamedNode(ID + o)) in inferred(store)


def test_an_added_affiliation_lifts_the_events_of_older_articles(tmp_path: Path) -> None:
    arts = Articles(tmp_path / "s")
    arts.put("old", "id:usa ak:warns id:t_minister . id:t_army ak:attacks id:t_minister .")
    assert not arts.reason().incremental
    assert not has(arts.store, "usa", "warns", "iraq")
    arts.put("new", "id:t_minister a ak:Official ; ak:officialOf id:iraq . id:t_army ak:partOf id:israel .")
    outcome = arts.reason()
    assert outcome.incremental and outcome.summary() == "incremental: 1 article changed (1 added)"
    assert has(arts.store, "usa", "warns", "iraq") and has(arts.store, "israel", "attacks", "iraq")
    assert has(arts.store, "iraq", "warnedBy", "usa")


def test_removing_the_only_support_of_a_lifted_fact_removes_it(tmp_path: Path) -> None:
    arts = Articles(tmp_path / "s")
    arts.put("old", "id:usa ak:warns id:t_minister .")
    arts.put("affiliation", "id:t_minister a ak:Official ; ak:officialOf id:iraq .")
    arts.reason()
    assert has(arts.store, "usa", "warns", "iraq")
    arts.drop("affiliation")
    outcome = arts.reason()
    assert outcome.incremental and outcome.articles["removed"] == [article_graph("affiliation")]
    assert not has(arts.store, "usa", "warns", "iraq")


def test_a_fact_two_articles_support_stays_when_one_goes(tmp_path: Path) -> None:
    arts = Articles(tmp_path / "s")
    arts.put("one", "id:usa ak:warns id:t_minister . id:t_minister ak:officialOf id:iraq .")
    arts.put("two", "id:t_minister ak:officialOf id:iraq . id:t_unit ak:actsFor id:t_minister .")
    arts.reason()
    arts.drop("two")
    assert arts.reason().incremental
    assert has(arts.store, "usa", "warns", "iraq") and has(arts.store, "t_minister", "actsFor", "iraq")
    assert not has(arts.store, "t_unit", "actsFor", "iraq")
    arts.drop("one")
    assert arts.reason().incremental
    assert not has(arts.store, "usa", "warns", "iraq")


def test_rebuilding_an_article_with_other_facts(tmp_path: Path) -> None:
    arts = Articles(tmp_path / "s")
    arts.put("a", "id:t_army ak:partOf id:israel . id:t_army ak:attacks id:iran .")
    arts.put("b", "id:iran ak:warns id:t_army .")
    arts.reason()
    assert has(arts.store, "israel", "attacks", "iran") and has(arts.store, "iran", "warns", "israel")
    arts.put("a", "id:t_army ak:partOf id:lebanon .")
    outcome = arts.reason()
    assert outcome.incremental and outcome.articles["replaced"] == [article_graph("a")]
    assert not has(arts.store, "israel", "attacks", "iran") and has(arts.store, "iran", "warns", "lebanon")


def test_a_derived_fact_an_article_then_states_leaves_the_inferred_graph(tmp_path: Path) -> None:
    arts = Articles(tmp_path / "s")
    arts.put("a", "id:t_army ak:partOf id:israel . id:t_army ak:attacks id:iran .")
    arts.reason()
    assert has(arts.store, "israel", "attacks", "iran")
    arts.put("b", "id:israel ak:attacks id:iran .")
    arts.reason()
    assert not has(arts.store, "israel", "attacks", "iran")  # stated now, so not inferred
    arts.drop("b")
    arts.reason()
    assert has(arts.store, "israel", "attacks", "iran")  # inferred again


def test_sameas_from_a_functional_property_across_articles(tmp_path: Path) -> None:
    """Two articles give one node two modalities: prp-fp makes the modalities the same, and every fact about
    one is copied to the other; removing either article undoes it."""
    arts = Articles(tmp_path / "s")
    arts.put("a", "id:t_event ak:modality id:m1 . id:m1 ak:warns id:usa . id:m1 ak:partOf id:iraq .")
    arts.reason()
    arts.put("b", "id:t_event ak:modality id:m2 . id:m2 ak:attacks id:iran .")
    arts.reason()
    assert has(arts.store, "m1", "attacks", "iran") and has(arts.store, "m2", "warns", "usa")
    arts.drop("a")
    arts.reason()
    assert not has(arts.store, "m2", "warns", "usa")


def test_fallbacks_to_a_full_run_say_why(tmp_path: Path) -> None:
    arts = Articles(tmp_path / "s")
    arts.put("a", "id:usa ak:warns id:t_minister .")
    assert arts.reason().summary() == "full: because there is no reasoning state yet (first run)"
    assert arts.reason(full=True).summary() == "full: because --full was asked for"
    forget(arts.store)  # (as `akhbar load` does)
    assert "without a reasoning state" in arts.reason().why
    # a run killed after changing the state, before committing the inferred graph
    state = ox.Store(str(state_folder(arts.folder)))
    state.update("DELETE WHERE { GRAPH ?g { ?s <urn:akhbar:reasoning:token> ?t } }")
    del state
    assert "does not match" in arts.reason().why
    arts.store.update(f"INSERT DATA {{ GRAPH <{ACTORS_GRAPH}> {{ <{ID}t_minister> <{AK}officialOf> <{ID}iraq> }} }}")
    assert arts.reason().why == "the ontology or the actor base changed"
    arts.store.remove_graph(ox.NamedNode(article_graph("a")))  # dropped without keeping a copy
    assert "went without `akhbar remove`" in arts.reason().why
    assert arts.reason().incremental


# Random article graphs over a few shared actors and the properties whose rules join facts of different
# articles (transitive actsFor, the lifting chains, inverses, the functional modality and sameAs).
_ACTORS = [f"id:n{k}" for k in range(5)] + ["id:iraq", "id:usa"]
_PROPS = ["ak:actsFor", "ak:partOf", "ak:officialOf", "ak:hasRepresentative", "ak:warns", "ak:attacks",
          "ak:modality", "<http://www.w3.org/2002/07/owl#sameAs>"]
_FACTS = st.lists(st.tuples(st.sampled_from(_ACTORS), st.sampled_from(_PROPS), st.sampled_from(_ACTORS)),
                  min_size=1, max_size=5)
_STEPS = st.lists(st.tuples(st.sampled_from(["put", "drop"]), st.sampled_from("abc"), _FACTS),
                  min_size=1, max_size=4)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.lists(st.tuples(st.sampled_from("abc"), _FACTS), min_size=1, max_size=3), steps=_STEPS)
def test_random_changes_keep_the_full_runs_graph(tmp_path_factory: pytest.TempPathFactory,
                                                 first: list, steps: list) -> None:
    arts = Articles(tmp_path_factory.mktemp("random") / "s")
    for name, facts in first:
        arts.put(name, " ".join(f"{s} {p} {o} ." for s, p, o in facts))
    arts.reason()
    for action, name, facts in steps:
        if action == "put":
            arts.put(name, " ".join(f"{s} {p} {o} ." for s, p, o in facts))
        elif arts.store.contains_named_graph(ox.NamedNode(article_graph(name))):
            arts.drop(name)
        assert arts.reason().incremental


def sorted_inferred(store: Path) -> list[str]:
    db = open_store(store, read_only=True)
    return sorted(str(q) for q in db.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH)))


def stored_equals_plain(store: Path) -> None:
    """The aggregates' answers the page index keeps are the queries' own answers, row for row, in order."""
    db = open_store(store, read_only=True)
    for name in sorted(STORED):
        text = (queries_dir() / f"{name}.rq").read_text(encoding="utf-8")
        solutions = run_query(db, text)
        names = [v.value for v in solutions.variables]
        plain = [[s[n] for n in names] for s in solutions]
        kept = run_query(db, stored_page(db, store, name, text, 0, 0))
        assert [v.value for v in kept.variables] == names
        assert [[s[n] for n in names] for s in kept] == plain and len(plain) > 3, name


def test_reason_after_build_replace_and_remove_equals_a_full_run(runner: CliRunner, tmp_path: Path) -> None:
    """Through the CLI: each incremental `akhbar reason` writes what `akhbar reason --full` writes on a copy, and
    keeps the aggregates' answers in the page index as they are."""
    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, pieces in ((first, {"a": lines[:4], "b": lines[4:8]}), (second, {"b": lines[8:]})):
        folder.mkdir()
        for name, body in pieces.items():
            (folder / f"{name}.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "store"

    def run(*args: object) -> str:
        result = runner.invoke(app, [str(a) for a in args])
        assert result.exit_code == 0, result.output
        return result.output

    def reason_matches_full() -> str:
        said = run("reason", "--store", store)
        copy = tmp_path / "copy"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(store, copy, ignore=shutil.ignore_patterns("akhbar.lock"))
        assert "full: because --full was asked for" in run("reason", "--store", copy, "--full")
        assert sorted_inferred(store) == sorted_inferred(copy)
        stored_equals_plain(store)
        count = int(re.search(r"(\d+) inferred triples", said).group(1))
        assert count == len(sorted_inferred(store)) > 1000
        return said.splitlines()[0]

    run("build", first, "--store", store)
    assert reason_matches_full() == "full: because there is no reasoning state yet (first run)"
    run("build", tmp_path / "c.txt", "--store", store)
    assert reason_matches_full() == "incremental: 1 article changed (1 added)"
    run("build", second / "b.txt", "--store", store, "--replace")  # the same article, another text
    assert reason_matches_full() == "incremental: 1 article changed (1 replaced)"
    assert "removed 1 article" in run("remove", "a", "--store", store)
    assert reason_matches_full() == "incremental: 1 article changed (1 removed)"
    missing = runner.invoke(app, ["remove", "a", "--store", str(store)])
    assert missing.exit_code == 1 and "no article 'a'" in missing.output
