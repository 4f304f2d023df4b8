"""The command line end to end on temporary stores: real analysis, real Oxigraph, real RDF parsers."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.graph.store import article_graphs, count_quads, load_base_graphs, open_store, replace_graph
from akhbar.graph.vocab import INFERRED_GRAPH, article_graph

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "articles" / "seed.txt"

SUMMARY = re.compile(r"(\d+) articles?, (\d+) events?, (\d+) triples? in [\d.]+ s")


def invoke(runner: CliRunner, *args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_build_prints_a_summary_and_stores_one_graph_per_article(runner: CliRunner, tmp_path: Path) -> None:
    store = tmp_path / "s"
    result = invoke(runner, "build", SAMPLE, "--store", store)
    assert result.exit_code == 0, result.output
    articles, events, triples = map(int, SUMMARY.search(result.output).groups())
    assert (articles, triples) == (1, count_quads(open_store(store, read_only=True), article_graph("seed")))
    assert events >= 5


def test_rebuilding_replaces_the_graph(runner: CliRunner, store_copy: Path) -> None:
    before = count_quads(open_store(store_copy, read_only=True))
    result = invoke(runner, "build", SAMPLE, "--store", store_copy)
    assert result.exit_code == 0, result.output
    assert count_quads(open_store(store_copy, read_only=True)) == before


def test_bad_files_are_reported_and_good_ones_stored(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    store = tmp_path / "s"
    result = invoke(runner, "build", folder, "--store", store)
    assert result.exit_code == 1
    assert re.search(r"error:.*empty\.txt: empty file", result.output)
    assert re.search(r"error:.*latin1\.txt: not valid UTF-8", result.output)
    assert "1 article," in result.output and "2 failed" in result.output
    assert article_graphs(open_store(store, read_only=True)) == [article_graph("good")]


def test_a_crash_mid_build_keeps_earlier_articles_whole(runner: CliRunner, store_copy: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected failure while reading the second article leaves the first one and the old store intact."""

    before = count_quads(open_store(store_copy, read_only=True), article_graph("seed"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_first.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "b_second.txt").write_bytes(SAMPLE.read_bytes())
    import akhbar.extract

    real = akhbar.extract.extract

    def explode(doc, article, kb, *rest):
        if article.identifier == "b_second":
            raise RuntimeError("simulated crash")
        return real(doc, article, kb, *rest)

    monkeypatch.setattr(akhbar.extract, "extract", explode)
    result = invoke(runner, "build", folder, "--store", store_copy)
    assert result.exit_code != 0
    store = open_store(store_copy, read_only=True)
    assert article_graphs(store) == sorted([article_graph("seed"), article_graph("a_first")])
    assert count_quads(store, article_graph("a_first")) == before


@pytest.mark.parametrize(("fmt", "parse_as"), [("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"),
                                               ("jsonld", "json-ld")])
def test_every_export_format_parses_back(runner: CliRunner, sample_store: Path, tmp_path: Path, fmt: str,
                                         parse_as: str) -> None:
    out = tmp_path / f"export.{fmt}"
    result = invoke(runner, "export", "--store", sample_store, "--format", fmt, "--output", out)
    assert result.exit_code == 0, result.output
    store = open_store(sample_store, read_only=True)
    dataset = rdflib.Dataset()
    dataset.parse(out, format=parse_as)
    ox_format = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
                 "jsonld": ox.RdfFormat.JSON_LD}[fmt]
    parsed = list(ox.parse(path=str(out), format=ox_format))
    if fmt == "turtle":  # graphs merged: as many triples as distinct triples in the store
        distinct = {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, None)}
        assert len(parsed) == len(distinct)
    else:
        assert len(parsed) == count_quads(store)
        assert len(list(dataset.quads((None, None, None, None)))) == count_quads(store)


def test_export_one_graph_to_stdout(runner: CliRunner, sample_store: Path) -> None:
    result = invoke(runner, "export", "--store", sample_store, "--format", "nquads", "--graph", article_graph("seed"))
    assert result.exit_code == 0
    quads = list(ox.parse(io.BytesIO(result.stdout_bytes), format=ox.RdfFormat.N_QUADS))
    assert quads and {q.graph_name.value for q in quads} == {article_graph("seed")}
    missing = invoke(runner, "export", "--store", sample_store, "--graph", "http://example.org/nope")
    assert missing.exit_code == 1 and "no such graph" in missing.output


def test_query_formats_and_params(runner: CliRunner, sample_store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "count.rq"
    rq.write_text("PREFIX dcterms: <http://purl.org/dc/terms/>\n"
                  "SELECT ?id WHERE { ?a dcterms:identifier ?id FILTER(?id = ?want) }", encoding="utf-8")
    table = invoke(runner, "query", rq, "--store", sample_store, "--param", "want=seed")
    assert table.exit_code == 0 and "seed" in table.output and "1 row" in table.output
    as_json = invoke(runner, "query", rq, "--store", sample_store, "--format", "json", "--param", "want=seed")
    assert json.loads(as_json.stdout)["results"]["bindings"][0]["id"]["value"] == "seed"
    as_csv = invoke(runner, "query", rq, "--store", sample_store, "--format", "csv", "--param", 'want=x" } #')
    assert as_csv.exit_code == 0 and as_csv.stdout.strip().splitlines() == ["id"]
    unknown = invoke(runner, "query", "no-such-query", "--store", sample_store)
    assert unknown.exit_code == 1 and "no such query" in unknown.output


def test_reason_lifts_an_organs_attack_to_its_state(runner: CliRunner, tmp_path: Path) -> None:
    """A hand-written article graph: the Israeli army (partOf Israel) attacks Iran; an official of Iraq is warned."""
    store_dir = tmp_path / "s"
    load_base_graphs(open_store(store_dir))
    ak, idn = "https://w3id.org/akhbar/ontology#", "https://w3id.org/akhbar/id/"
    g = article_graph("hand")
    trig = f"""
        @prefix ak: <{ak}> . @prefix id: <{idn}> .
        <{g}> {{ id:test_army a ak:StateOrgan ; ak:partOf id:israel .
                 id:test_minister a ak:Official ; ak:officialOf id:iraq .
                 id:test_army ak:attacks id:iran .  id:usa ak:warns id:test_minister .
                 id:test_spokesman a ak:Official ; ak:officialOf id:israel .
                 id:test_army ak:pressures id:test_spokesman . }}"""
    store = open_store(store_dir)
    replace_graph(store, g, ox.parse(trig.encode(), format=ox.RdfFormat.TRIG))
    del store
    result = invoke(runner, "reason", "--store", store_dir)
    assert result.exit_code == 0, result.output
    added = int(re.search(r"(\d+) inferred triples", result.output).group(1))
    store = open_store(store_dir, read_only=True)
    assert count_quads(store, INFERRED_GRAPH) == added > 0
    inferred = f"<{INFERRED_GRAPH}>"
    assert store.query(f"ASK {{ GRAPH {inferred} {{ <{idn}israel> <{ak}attacks> <{idn}iran> }} }}")
    assert store.query(f"ASK {{ GRAPH {inferred} {{ <{idn}iran> <{ak}attackedBy> <{idn}israel> }} }}")
    assert store.query(f"ASK {{ GRAPH {inferred} {{ <{idn}usa> <{ak}warns> <{idn}iraq> }} }}")
    assert store.query(f"ASK {{ GRAPH {inferred} {{ <{idn}test_army> <{ak}actsAgainst> <{idn}iran> }} }}")
    assert not store.query(f"ASK {{ GRAPH {inferred} {{ <{idn}israel> ?p <{idn}israel> }} }}")
    again = invoke(runner, "reason", "--store", store_dir)
    assert f"{added} inferred triples" in again.output


def test_validate_passes_the_sample_and_catches_a_broken_graph(runner: CliRunner, store_copy: Path) -> None:
    ok = invoke(runner, "validate", "--store", store_copy)
    assert ok.exit_code == 0, ok.output
    assert "conforms" in ok.output
    ak = "https://w3id.org/akhbar/ontology#"
    g = article_graph("broken")
    store = open_store(store_copy)
    replace_graph(store, g, [ox.Quad(ox.NamedNode("http://example.org/e1"), ox.NamedNode(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(ak + "Attack"), ox.NamedNode(g))])
    del store
    bad = invoke(runner, "validate", "--store", store_copy)
    assert bad.exit_code == 1
    assert "SHACL violations" in bad.output


def test_commands_on_a_missing_store_say_what_to_do(runner: CliRunner, tmp_path: Path) -> None:
    for command in ("export", "reason", "validate"):
        result = invoke(runner, command, "--store", tmp_path / "none")
        assert result.exit_code == 1
        assert "build one first" in result.output
