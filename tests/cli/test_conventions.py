"""The CLI follows its ecosystem: no silent wrong answers, one-line errors, formats by extension (issue 13)."""

from __future__ import annotations

import socket
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from akhbar.cli import app

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "articles" / "seed.txt"


def invoke(runner: CliRunner, *args: object, env: dict[str, str] | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def one_line_error(result) -> str:
    """The error a command printed: exactly one line, no traceback."""
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, "--version")
    assert result.exit_code == 0 and result.output.startswith("akhbar 0.")


def test_singular_and_plural_counts(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "build", SAMPLE, "--store", tmp_path / "s")
    assert result.exit_code == 0 and "1 article, " in result.output and "1 articles" not in result.output


@pytest.mark.parametrize(("name", "fmt"), [("g.ttl", ox.RdfFormat.TURTLE), ("g.trig", ox.RdfFormat.TRIG),
                                           ("g.nq", ox.RdfFormat.N_QUADS), ("g.jsonld", ox.RdfFormat.JSON_LD)])
def test_export_takes_the_format_from_the_extension(runner: CliRunner, sample_store: Path, tmp_path: Path,
                                                    name: str, fmt: ox.RdfFormat) -> None:
    out = tmp_path / name
    result = invoke(runner, "export", "--store", sample_store, "-o", out)
    assert result.exit_code == 0, result.output
    assert list(ox.parse(path=str(out), format=fmt))


def test_export_refuses_what_it_cannot_do_in_one_line(runner: CliRunner, sample_store: Path, tmp_path: Path) -> None:
    clash = one_line_error(invoke(runner, "export", "--store", sample_store, "-o", tmp_path / "g.ttl",
                                  "--format", "nquads"))
    assert "means turtle" in clash
    assert "format from the extension" in one_line_error(invoke(runner, "export", "--store", sample_store,
                                                                "-o", tmp_path / "g.xyz"))
    assert "does not exist" in one_line_error(invoke(runner, "export", "--store", sample_store,
                                                     "-o", tmp_path / "no" / "g.ttl"))
    assert "not an IRI" in one_line_error(invoke(runner, "export", "--store", sample_store, "--graph", "seed"))
    assert not (tmp_path / "g.ttl").exists()


def test_query_names_queries_and_their_parameters(runner: CliRunner, sample_store: Path, tmp_path: Path) -> None:
    assert "did you mean who-warns-whom" in one_line_error(invoke(runner, "query", "who-warns-whm", "--store",
                                                                   sample_store))
    unknown = one_line_error(invoke(runner, "query", "who-warns-whom", "--store", sample_store,
                                    "--param", "agnt=id:usa"))
    assert "agnt" in unknown and "agent, target, modality" in unknown
    listing = invoke(runner, "queries")
    assert listing.exit_code == 0 and "who-warns-whom" in listing.output and "state-hostility" in listing.output
    one = invoke(runner, "queries", "state-hostility")
    assert "--param state=" in one.output and "akhbar reason" in one.output


def test_sparql_files_and_unknown_prefixes(runner: CliRunner, sample_store: Path, tmp_path: Path) -> None:
    good = tmp_path / "count.sparql"
    good.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a ak:Warning }", encoding="utf-8")
    result = invoke(runner, "query", good, "--store", sample_store, "--format", "csv")
    assert result.exit_code == 0 and result.stdout.splitlines()[0] == "n"
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT * WHERE { ?s foo:bar ?o }", encoding="utf-8")
    line = one_line_error(invoke(runner, "query", bad, "--store", sample_store))
    assert "unknown prefix foo:" in line and len(line) < 250


def test_a_value_that_matches_nothing_says_so_and_suggests_actors(runner: CliRunner, sample_store: Path) -> None:
    result = invoke(runner, "query", "who-warns-whom", "--store", sample_store, "--param", "agent=usa")
    assert result.exit_code == 0 and result.stdout.strip().endswith("0 rows")
    assert "matches nothing" in result.output and "did you mean id:usa" in result.output
    found = invoke(runner, "query", "who-warns-whom", "--store", sample_store, "--param", "agent=id:usa")
    assert "warning" not in found.output


@pytest.mark.parametrize("text", ["الولايات المتحده", "United States", "id:usa", "امريكا"])
def test_actors_are_looked_up_by_label_or_iri(runner: CliRunner, sample_store: Path, text: str) -> None:
    result = invoke(runner, "actors", text, "--store", sample_store)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[3].split("│")[1].strip() == "id:usa"


def test_queries_that_need_reasoning_warn_when_it_is_missing_or_stale(runner: CliRunner, store_copy: Path) -> None:
    missing = invoke(runner, "query", "state-hostility", "--store", store_copy)
    assert missing.exit_code == 0 and "has no inferred graph" in missing.output
    assert invoke(runner, "reason", "--store", store_copy).exit_code == 0
    current = invoke(runner, "query", "state-hostility", "--store", store_copy)
    assert "warning" not in current.output
    assert invoke(runner, "build", SAMPLE, "--store", store_copy).exit_code == 0
    stale = invoke(runner, "query", "state-hostility", "--store", store_copy)
    assert "changed since its inferences were made" in stale.output


def test_a_failed_build_leaves_no_empty_store(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "linker.json"
    bad.write_text("{}", encoding="utf-8")
    store = tmp_path / "s"
    line = one_line_error(invoke(runner, "build", SAMPLE, "--store", store, env={"AKHBAR_LINKER": str(bad)}))
    assert "not a linker model" in line and not store.exists()
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert invoke(runner, "build", empty, "--store", store).exit_code == 1 and not store.exists()


def test_serve_on_a_port_in_use_says_so_in_one_line(runner: CliRunner, sample_store: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line = one_line_error(invoke(runner, "serve", "--store", sample_store, "--port", port))
    assert f"127.0.0.1:{port} is in use" in line


@pytest.mark.parametrize("width", [80, 120])
def test_tables_fit_the_terminal_and_say_what_they_leave_out(runner: CliRunner, sample_store: Path,
                                                           width: int) -> None:
    result = invoke(runner, "query", "who-warns-whom", "--store", sample_store, env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= width for line in lines)
    header = lines[1]
    for column in ("agentLabel", "targetLabel", "action", "modality", "sentence"):
        assert column in header, (width, header)
    assert "…" not in "".join(lines[3:-2])  # long text wraps; nothing is cut to an ellipsis
    note = " ".join(lines[-2:]) if "not shown" in lines[-2] else lines[-1]
    if width == 80:
        assert "not shown at this width: event, article" in note and "--format csv or json" in note
    else:
        assert "article" in header and "not shown" not in note


def test_csv_and_json_keep_every_column(runner: CliRunner, sample_store: Path) -> None:
    result = invoke(runner, "query", "who-warns-whom", "--store", sample_store, "--format", "csv",
                    env={"COLUMNS": "40"})
    assert result.stdout.splitlines()[0].split(",") == ["event", "agent", "agentLabel", "target", "targetLabel",
                                                        "action", "modality", "date", "sentence", "article"]


def test_extract_explains_one_article_without_a_store(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("قصفت إسرائيل مطار دمشق فجر اليوم.", encoding="utf-8")
    result = invoke(runner, "extract", article, "--format", "json")
    assert result.exit_code == 0, result.output
    import json

    (event,) = json.loads(result.stdout)["events"]
    assert (event["action"], event["agentLabel"], event["trigger"]) == ("Attack", "Israel", "قصفت")
    assert event["why"].startswith("trigger «قصفت»: Attack verb of the lexicon; agent: linker p=")
    assert "«إسرائيل» (sentence, slot post0, grammar agent)" in event["why"]
    table = invoke(runner, "extract", article, env={"COLUMNS": "120"})
    assert table.exit_code == 0 and "1 event" in table.output and "Israel" in table.output
    plain = invoke(runner, "extract", article, "--format", "turtle")
    explained = invoke(runner, "extract", article, "--format", "turtle", "--explain")
    assert "rdfs:comment" not in plain.stdout and "rdfs:comment" in explained.stdout
    assert list(ox.parse(explained.stdout.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    assert one_line_error(invoke(runner, "extract", tmp_path / "missing.txt")).startswith("error:")


def test_the_decoders_rules_are_named_in_the_explanation(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "b.txt"
    article.write_text("تم استهداف قاعدة عين الأسد بطائرات مسيرة.", encoding="utf-8")
    import json

    result = json.loads(invoke(runner, "extract", article, "--format", "json").stdout)
    assert any("a passive: the text does not say who" in e["why"] for e in result["events"])
    article.write_text("قال وزير الدفاع الإسرائيلي إن الجيش سيضرب بيروت.", encoding="utf-8")
    result = json.loads(invoke(runner, "extract", article, "--format", "json").stdout)
    (why,) = [e["why"] for e in result["events"] if e["action"] == "Attack"]
    assert "agent: the state or group of " in why and "p=0.00" not in why
    article.write_text("وقالت مصادر أمنية عراقية إن طائرة مسيرة استهدفت قاعدة عين الأسد.", encoding="utf-8")
    result = json.loads(invoke(runner, "extract", article, "--format", "json").stdout)
    assert any("barred by rule: «مصادر أمنية عراقية» as agent (source)" in e["why"] for e in result["events"])


@pytest.mark.parametrize("command", [["reason"], ["validate"]])
def test_long_commands_print_plain_progress_lines_in_a_log(store_copy: Path, command: list[str]) -> None:
    """With stderr not a terminal, a running command prints where it is every few seconds (here: 0.05 s)."""
    import os
    import subprocess
    import sys

    env = os.environ | {"AKHBAR_PROGRESS_EVERY": "0.05"}
    run = subprocess.run([sys.executable, "-m", "akhbar", *command, "--store", str(store_copy)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.endswith(" s") and ": " in line]
    assert lines and lines[0].split(":")[0] in ("reasoning (fast)", "validating", "exporting")
