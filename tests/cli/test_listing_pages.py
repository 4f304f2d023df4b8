"""A page of a library listing read through the page index `akhbar reason` writes is the full listing's slice, and
an aggregate's answer the index keeps is the aggregate's own answer (the query evaluated from a file outside the
library, which is never read from the index)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.graph.pages import INDEX_FILE, LISTINGS, STORED, page_text
from akhbar.graph.store import open_store
from akhbar.paths import queries_dir

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
ARTICLES = (REPO / "examples" / "articles" / "seed.txt", DATA / "report_articles.jsonl", DATA / "dates.jsonl")
NOTE = "the whole listing is evaluated"


def invoke(runner: CliRunner, *args: object):
    return runner.invoke(app, [str(a) for a in args])


def csv_rows(result) -> list[list[str]]:
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout)))


def plain(runner: CliRunner, store: Path, name: str, *options: str) -> list[list[str]]:
    """A library query's rows evaluated in full: its text run from a file outside the library."""
    folder = store.parent / "plain"
    folder.mkdir(exist_ok=True)
    shutil.copy(queries_dir() / f"{name}.rq", folder / f"{name}.rq")
    return csv_rows(invoke(runner, "query", folder / f"{name}.rq", "--store", store, "-f", "csv", *options))


def from_index(store: Path, name: str, limit: int = 100, params: dict | None = None) -> bool:
    """Whether `akhbar query NAME` reads this page from the answer the index keeps (a SELECT of a VALUES table),
    not by evaluating the query (whose text starts with its comment header)."""
    path = queries_dir() / f"{name}.rq"
    text = page_text(open_store(store, read_only=True), store, path, path.read_text(encoding="utf-8"), params or {},
                     limit, 0)[0]
    return text.startswith("SELECT ?") and "WHERE { VALUES (?" in text


@pytest.fixture(scope="module")
def reasoned(tmp_path_factory: pytest.TempPathFactory, runner: CliRunner) -> Path:
    """The sample, five dated articles and the dates test set (events dated to the day and to the week),
    built and reasoned through the CLI."""
    store = tmp_path_factory.mktemp("pages") / "store"
    invoke(runner, "build", *ARTICLES, "--store", store)  # (a few records of the dates set are meant to fail)
    result = invoke(runner, "reason", "--store", store)
    assert result.exit_code == 0 and INDEX_FILE in result.stdout, result.output
    return store


def pages(runner: CliRunner, store: Path, name: str, size: int, params: list[str]) -> list[list[list[str]]]:
    """Every page of `size` rows of the listing, through `akhbar query --limit --offset`, until one is short."""
    found, offset = [], 0
    while True:
        result = invoke(runner, "query", name, "--store", store, "-f", "csv", "--limit", size, "--offset", offset,
                        *params)
        assert NOTE not in result.stderr, result.stderr  # (read through the index, not the whole listing)
        rows = csv_rows(result)
        found.append(rows)
        if len(rows) - 1 < size:
            return found
        offset += size


@pytest.mark.parametrize("name", sorted(LISTINGS))
@pytest.mark.parametrize("size", [1, 4, 1000])
def test_the_pages_of_a_listing_are_its_rows_in_order(runner: CliRunner, reasoned: Path, name: str,
                                                     size: int) -> None:
    full = csv_rows(invoke(runner, "query", name, "--store", reasoned, "-f", "csv"))
    header, rows = full[0], full[1:]
    read = pages(runner, reasoned, name, size, [])
    assert all(page[0] == header for page in read)
    assert [row for page in read for row in page[1:]] == rows
    if name in ("actor-profile", "timeline", "who-warns-whom"):
        assert len(rows) > 4  # (these span several pages of 4 on this store)


@pytest.mark.parametrize(("name", "param"), [("timeline", "modality=ak:Asserted"),
                                             ("who-warns-whom", "modality=ak:Asserted"),
                                             ("actor-profile", "actor=id:usa"),
                                             ("attacks-by-militias", "modality=ak:Possible"),
                                             ("events-per-article", "article=art:seed")])
def test_a_parameter_the_index_filters_on_pages_the_bound_listing(runner: CliRunner, reasoned: Path, name: str,
                                                                 param: str) -> None:
    full = csv_rows(invoke(runner, "query", name, "--store", reasoned, "-f", "csv", "--param", param))
    read = pages(runner, reasoned, name, 3, ["--param", param])
    assert [row for page in read for row in page[1:]] == full[1:]


def test_past_the_last_row_a_page_is_empty(runner: CliRunner, reasoned: Path) -> None:
    rows = csv_rows(invoke(runner, "query", "timeline", "--store", reasoned, "-f", "csv", "--limit", "5",
                           "--offset", "100000"))
    assert rows[1:] == [] and rows[0][0] == "date"


@pytest.mark.parametrize("params", [["actor=id:usa"], ["actor=id:iran", "modality=ak:Asserted"],
                                    ["from=2024-10-03"], ["to=2024-10-06"], ["from=2024-10-01", "to=2024-10-14"],
                                    ["from=2024-10"], ["from=2024", "to=2024-09-30"],
                                    ["actor=id:usa", "from=2024-09-20", "to=2024-10-31"]])
def test_timeline_pages_by_actor_and_dates(runner: CliRunner, reasoned: Path, params: list[str]) -> None:
    options = [option for param in params for option in ("--param", param)]
    full = csv_rows(invoke(runner, "query", "timeline", "--store", reasoned, "-f", "csv", *options))
    read = pages(runner, reasoned, "timeline", 2, options)
    assert [row for page in read for row in page[1:]] == full[1:]


def test_the_weeks_reach_into_a_from_date(runner: CliRunner, reasoned: Path) -> None:
    # a week dated by its Monday 2024-09-30 runs to 2024-10-06: from 2024-10-03 keeps it
    rows = csv_rows(invoke(runner, "query", "timeline", "--store", reasoned, "-f", "csv", "--limit", "50",
                           "--param", "from=2024-10-03"))
    assert ["2024-09-30", "week"] in [row[:2] for row in rows]


def test_a_parameter_the_index_does_not_hold_evaluates_the_whole_listing(runner: CliRunner, reasoned: Path) -> None:
    full = csv_rows(invoke(runner, "query", "timeline", "--store", reasoned, "-f", "csv", "--param", "offset=0"))
    paged = invoke(runner, "query", "timeline", "--store", reasoned, "-f", "csv", "--limit", "2", "--param",
                   "offset=0")
    assert "does not filter on ?offset" in paged.stderr and csv_rows(paged) == full[:3]


def test_after_a_remove_the_old_index_is_not_used(runner: CliRunner, reasoned: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(reasoned, store, ignore=shutil.ignore_patterns("LOCK", "akhbar.lock"))
    assert invoke(runner, "remove", "seed", "--store", store).exit_code == 0
    full = csv_rows(invoke(runner, "query", "who-warns-whom", "--store", store, "-f", "csv"))
    paged = invoke(runner, "query", "who-warns-whom", "--store", store, "-f", "csv", "--limit", "2")
    assert "older than the store" in paged.stderr and csv_rows(paged) == full[:3]
    assert invoke(runner, "reason", "--store", store).exit_code == 0
    assert [row for page in pages(runner, store, "who-warns-whom", 2, []) for row in page[1:]] == full[1:]


def test_an_incremental_reason_updates_the_index(runner: CliRunner, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert invoke(runner, "build", ARTICLES[1], "--store", store).exit_code == 0
    assert "page index of the library's listings written" in invoke(runner, "reason", "--store", store).stdout
    invoke(runner, "build", ARTICLES[0], ARTICLES[2], "--store", store)
    added = invoke(runner, "reason", "--store", store)
    assert "incremental" in added.stdout and "page index of the library's listings updated" in added.stdout
    assert invoke(runner, "remove", "seed", "dates-52", "--store", store).exit_code == 0
    removed = invoke(runner, "reason", "--store", store)
    assert "updated for the 2 changed articles" in removed.stdout
    for name in sorted(LISTINGS):  # (each against the listing evaluated from outside the library)
        assert [row for page in pages(runner, store, name, 3, []) for row in page[1:]] == plain(runner, store, name)[1:]
    for name in sorted(STORED):  # (the aggregates' answers the index keeps, evaluated again by the update)
        assert from_index(store, name)
        assert csv_rows(invoke(runner, "query", name, "--store", store, "-f", "csv")) == plain(runner, store, name)


@pytest.mark.parametrize("name", sorted(STORED))
@pytest.mark.parametrize("size", [0, 1, 4, 1000])
def test_a_stored_aggregate_is_its_plain_answer(runner: CliRunner, reasoned: Path, name: str, size: int) -> None:
    rows = plain(runner, reasoned, name)
    assert len(rows) > 5  # (a header and rows of several groups)
    assert from_index(reasoned, name, size)
    if size == 0:  # (all rows at once, as csv and json give them)
        assert csv_rows(invoke(runner, "query", name, "--store", reasoned, "-f", "csv")) == rows
        shown = invoke(runner, "query", name, "--store", reasoned, "-f", "json")
        assert shown.exit_code == 0 and shown.stdout.count('"type"') > len(rows)
        return
    read = pages(runner, reasoned, name, size, [])
    assert all(page[0] == rows[0] for page in read)
    assert [row for page in read for row in page[1:]] == rows[1:]


def test_a_bound_aggregate_and_a_stale_one_are_evaluated(runner: CliRunner, reasoned: Path, tmp_path: Path) -> None:
    bound = ["--param", "modality=ak:Asserted"]
    assert not from_index(reasoned, "events-by-modality", params={"modality": "ak:Asserted"})
    assert csv_rows(invoke(runner, "query", "events-by-modality", "--store", reasoned, "-f", "csv", *bound)) == \
        plain(runner, reasoned, "events-by-modality", *bound)
    store = tmp_path / "store"
    shutil.copytree(reasoned, store, ignore=shutil.ignore_patterns("LOCK", "akhbar.lock"))
    before = plain(runner, store, "actor-mentions")
    assert invoke(runner, "remove", "seed", "--store", store).exit_code == 0
    after = plain(runner, store, "actor-mentions")
    assert after != before and not from_index(store, "actor-mentions")
    stale = invoke(runner, "query", "actor-mentions", "--store", store, "-f", "csv")
    assert csv_rows(stale) == after and NOTE not in stale.stderr


@pytest.mark.parametrize("limit", [500, 0])  # (0: every touched article makes the update count in full)
def test_links_stated_anew_recount_the_linked_listings(runner: CliRunner, reasoned: Path, tmp_path: Path,
                                                        limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """attacks-by-militias and pressure-on-state follow ak:memberOf/ak:actsFor links and ak:Militia types any
    article may state: an update recounts the articles whose participants reach a fact that changed."""
    import pyoxigraph as ox

    from akhbar.graph import pages as page_index
    from akhbar.graph.pages import LINKED, link_facts, stamp, update_index
    from akhbar.graph.vocab import ARTICLE_NS, article_graph

    monkeypatch.setattr(page_index, "RECOUNT_LIMIT", limit)

    store = tmp_path / "store"
    shutil.copytree(reasoned, store)
    ak = "https://w3id.org/akhbar/ontology#"
    for step, (subject, predicate, obj) in enumerate([
            (f"{ARTICLE_NS}linkless", f"{ak}note", "x"),  # (no link: the update counts the new article only)
            ("https://w3id.org/akhbar/id/iran", f"{ak}memberOf", "https://w3id.org/akhbar/id/hezbollah")]):
        db = open_store(store)
        before, facts_before = stamp(db), link_facts(db)
        graph = ox.NamedNode(article_graph(f"links-{step}"))
        term = ox.Literal(obj) if obj == "x" else ox.NamedNode(obj)
        db.add(ox.Quad(ox.NamedNode(subject), ox.NamedNode(predicate), term, graph))
        assert (link_facts(db) == facts_before) == (step == 0)
        assert update_index(db, store, before, {"added": [graph.value]}) is not None
        db.flush()
        del db
        for name in sorted(LINKED):
            assert [row for page in pages(runner, store, name, 5, []) for row in page[1:]] \
                == plain(runner, store, name)[1:]
