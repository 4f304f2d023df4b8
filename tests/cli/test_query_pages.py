"""`akhbar query` pages its rows (--limit/--offset) and state-hostility reads the summary `akhbar reason` keeps."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.graph.summary import STATE_RELATIONS_QUERY


def invoke(runner: CliRunner, *args: object):
    return runner.invoke(app, [str(a) for a in args])


def csv_rows(result) -> list[list[str]]:
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout)))


def test_limit_and_offset_page_the_ordered_rows(runner: CliRunner, sample_store: Path) -> None:
    everything = csv_rows(invoke(runner, "query", "timeline", "--store", sample_store, "-f", "csv"))
    header, rows = everything[0], everything[1:]
    assert len(rows) >= 4  # (csv and json are not paged unless asked)
    first = csv_rows(invoke(runner, "query", "timeline", "--store", sample_store, "-f", "csv", "--limit", "2"))
    assert first == [header, *rows[:2]]
    second = csv_rows(invoke(runner, "query", "timeline", "--store", sample_store, "-f", "csv",
                             "--limit", "2", "--offset", "2"))
    assert second == [header, *rows[2:4]]
    table = invoke(runner, "query", "timeline", "--store", sample_store, "--limit", "3", "--offset", "1")
    assert table.exit_code == 0, table.output
    assert "3 rows" in table.stdout and "rows 2–4 (a page of 3); --offset 4 for the next page" in table.stderr


def test_a_table_is_not_paged_below_its_page_size(runner: CliRunner, sample_store: Path) -> None:
    table = invoke(runner, "query", "timeline", "--store", sample_store)
    assert table.exit_code == 0 and "a page of" not in table.output


def test_state_hostility_reads_the_summary_written_by_reason(runner: CliRunner, store_copy: Path,
                                                              tmp_path: Path) -> None:
    before = invoke(runner, "query", "state-hostility", "--store", store_copy, "-f", "csv")
    assert before.exit_code == 0 and "has no inferred graph" in before.stderr
    assert csv_rows(before)[1:] == []  # (no summary before `akhbar reason`)
    assert invoke(runner, "reason", "--store", store_copy).exit_code == 0
    summary = csv_rows(invoke(runner, "query", "state-hostility", "--store", store_copy, "-f", "csv"))
    assert summary[0][:3] == ["state", "stateLabel", "relation"] and len(summary) > 1
    # The summary says what counting every event says (the same aggregation, run through the CLI).
    counting = tmp_path / "count.rq"
    counting.write_text(STATE_RELATIONS_QUERY, encoding="utf-8")
    counted = csv_rows(invoke(runner, "query", counting, "--store", store_copy, "-f", "csv"))
    columns = ("state", "relation", "other", "events", "articles")
    read = [[row[summary[0].index(c)] for c in columns] for row in summary[1:]]
    assert sorted(read) == sorted([row[counted[0].index(c)] for c in columns] for row in counted[1:])


def test_a_quote_in_a_header_comment_does_not_hide_the_parameters(runner: CliRunner, sample_store: Path,
                                                                  tmp_path: Path) -> None:
    query = tmp_path / "agent-of.rq"
    query.write_text("# agent-of: the events' agents (an odd apostrophe in a comment)\n"
                     "PREFIX ak: <https://w3id.org/akhbar/ontology#>\n"
                     "SELECT ?event WHERE { ?event ak:agent ?actor FILTER(STR(?event) != 'x') }\n",
                     encoding="utf-8")
    rows = csv_rows(invoke(runner, "query", query, "--store", sample_store, "-f", "csv",
                           "--param", "actor=id:usa"))
    assert len(rows) > 1
