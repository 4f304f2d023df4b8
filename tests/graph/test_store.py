"""The on-disk Oxigraph store: atomic graph replacement, base graphs, the build/serve lock."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from akhbar.graph.store import (
    StoreError,
    StoreLock,
    article_graphs,
    count_quads,
    load_base_graphs,
    open_store,
    replace_graph,
    using_store,
)
from akhbar.graph.vocab import ONTOLOGY_GRAPH, article_graph

G1 = article_graph("a1")
EX = "http://example.org/"


def quads(graph: str, n: int, tag: str = "v") -> list[ox.Quad]:
    g = ox.NamedNode(graph)
    return [ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(f"{tag}{i} \"q\" }}"), g)
            for i in range(n)]


def test_replace_graph_is_idempotent_and_replaces(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db")
    replace_graph(store, G1, quads(G1, 5))
    replace_graph(store, G1, quads(G1, 5))
    assert count_quads(store, G1) == 5
    replace_graph(store, G1, quads(G1, 3, "w"))
    assert sorted(q.object.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode(G1))) == [
        'w0 "q" }', 'w1 "q" }', 'w2 "q" }']
    assert article_graphs(store) == [G1]


def test_a_failed_write_leaves_the_graph_as_it_was(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db")
    replace_graph(store, G1, quads(G1, 4))

    def broken():
        yield from quads(G1, 2, "new")
        raise OSError("disk went away")

    with pytest.raises(OSError):
        replace_graph(store, G1, broken())
    assert sorted(q.object.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode(G1)))[0] == 'v0 "q" }'
    assert count_quads(store, G1) == 4


def test_base_graphs_load_the_ontology(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db")
    load_base_graphs(store)
    first = count_quads(store, ONTOLOGY_GRAPH)
    assert first > 100
    load_base_graphs(store)
    assert count_quads(store, ONTOLOGY_GRAPH) == first


def test_store_lock_refuses_a_second_holder(tmp_path: Path) -> None:
    with StoreLock(tmp_path, "serve"):
        with pytest.raises(StoreError, match=r"in use .*akhbar serve"):
            with StoreLock(tmp_path, "build"):
                pass
    with StoreLock(tmp_path, "build"):
        pass


def test_missing_read_only_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="build one first"):
        open_store(tmp_path / "nothing", read_only=True)


def test_a_writing_command_leaves_no_log_to_replay(tmp_path: Path) -> None:
    """What a command wrote is flushed to the tables when it ends: no write-ahead log for readers to replay."""
    # (RocksDB names its logs by a zero-padded growing number: the greatest is the live one)
    path = tmp_path / "s"
    open_store(path).flush()  # (created, closed)
    graph = ox.NamedNode(article_graph("a"))
    with using_store(path, "test", write=True) as db:
        db.extend([ox.Quad(ox.NamedNode(f"urn:x:{n}"), ox.NamedNode("urn:x:p"), ox.Literal("x" * 100), graph)
                   for n in range(2000)])
        assert sum(log.stat().st_size for log in path.glob("*.log")) > 200_000
    # the log being written is empty (an older one may wait for RocksDB to delete it: its writes are in tables)
    assert max(path.glob("*.log")).stat().st_size == 0
    assert len(open_store(path, read_only=True)) == 2000
