"""The Dask path (LocalCluster, 2 worker processes) and `akhbar load` give the plain build's graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from akhbar import distributed
from akhbar.cli import app
from akhbar.distributed import article_nquads
from akhbar.pipeline import build
from akhbar.text import read_article

from .helpers import sorted_nquads


@pytest.fixture(scope="module")
def plain(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("plain") / "store"
    build([corpus], store)
    return store


def test_dask_local_cluster_equals_plain_build(corpus: Path, plain: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from dask.distributed import LocalCluster

    monkeypatch.setattr(distributed, "ARTICLES_PER_PARTITION", 2)  # several shards, spread over both workers
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = CliRunner().invoke(app, ["build", str(corpus), "--store", str(tmp_path / "store"), "--dask",
                                          cluster.scheduler_address, "--shards", str(tmp_path / "shards")])
    assert result.exit_code == 1, result.output  # the empty file and the duplicate stem fail, the rest is built
    assert "6 articles" in result.output and "2 failed" in result.output
    assert len(list((tmp_path / "shards").glob("*.nq"))) == 4  # 7 unique paths (one empty), 2 a shard
    assert sorted_nquads(ox.Store(str(tmp_path / "store"))) == sorted_nquads(ox.Store(str(plain)))


def test_article_nquads_is_the_articles_graph(corpus: Path, plain: Path) -> None:
    article = read_article(corpus / "a.txt")
    held = ox.Store()  # Oxigraph stores integer subtypes (nif offsets) as xsd:integer: compare as stored
    held.load(article_nquads(article), format=ox.RdfFormat.N_QUADS)
    quads = list(held)
    graph = ox.NamedNode("https://w3id.org/akhbar/graph/article/a")
    stored = list(ox.Store(str(plain)).quads_for_pattern(None, None, None, graph))
    assert quads and sorted(map(str, quads)) == sorted(map(str, stored))


def test_load_round_trip(plain: Path, tmp_path: Path) -> None:
    """Export the plain build's article graphs as two shards; `akhbar load` gives back the same store."""
    source = ox.Store(str(plain))
    graphs = sorted((g for g in source.named_graphs() if "/article/" in g.value), key=str)
    shards = tmp_path / "shards"
    shards.mkdir()
    for n, part in enumerate((graphs[:3], graphs[3:])):
        quads = [q for g in part for q in source.quads_for_pattern(None, None, None, g)]
        (shards / f"shard-{n}.nq").write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    result = CliRunner().invoke(app, ["load", str(shards), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert f"2 shards, {len(graphs)} graphs" in result.output
    assert sorted_nquads(ox.Store(str(tmp_path / "store"))) == sorted_nquads(source)


def test_load_replaces_graphs(tmp_path: Path) -> None:
    graph = "<https://w3id.org/akhbar/graph/article/x>"
    old, new = tmp_path / "old.nq", tmp_path / "new.nq"
    old.write_text(f'<urn:s> <urn:p> "old" {graph} .\n<urn:s> <urn:q> "kept" <urn:other> .\n', encoding="utf-8")
    new.write_text(f'<urn:s> <urn:p> "new" {graph} .\n', encoding="utf-8")
    runner = CliRunner()
    for shard in (old, new):
        assert runner.invoke(app, ["load", str(shard), "--store", str(tmp_path / "s")]).exit_code == 0
    values = {q.object.value for q in ox.Store(str(tmp_path / "s")) if q.subject == ox.NamedNode("urn:s")}
    assert values == {"new", "kept"}


def test_load_refuses_bad_shards(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nq"
    bad.write_text("<urn:s> <urn:p> .\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["load", str(bad), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and "not valid N-Quads" in result.output
    result = runner.invoke(app, ["load", str(tmp_path / "missing"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and "no such shard" in result.output


def test_an_unreachable_scheduler_is_one_line(tmp_path) -> None:
    from typer.testing import CliRunner

    from akhbar.cli import app

    article = tmp_path / "a.txt"
    article.write_text("حذرت واشنطن طهران.", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(article), "--store", str(tmp_path / "s"),
                                      "--dask", "tcp://127.0.0.1:1"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in result.output
    assert "Traceback" not in result.output
