"""The build's store writer: background writes in order, one transaction each, failures reported per file."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from akhbar.graph.rdf import ArticleGraph
from akhbar.graph.store import article_graphs, count_quads, open_store, replace_graph, replace_graph_ntriples
from akhbar.graph.vocab import article_graph
from akhbar.pipeline import StoreWriter

EX = "http://example.org/"


def quads(graph: str, n: int, tag: str = "v") -> list[ox.Quad]:
    g = ox.NamedNode(graph)
    return [ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(f"{tag}{i}"), g) for i in range(n)]


def graph_of(name: str, n: int, tag: str = "v") -> ArticleGraph:
    """An article graph of n triples, as the build hands it to the writer."""
    text = "".join(f'<{EX}s{i}> <{EX}p> "{tag}{i}" .\n' for i in range(n))
    return ArticleGraph(article_graph(name), text.encode(), n, 0)


def test_writes_come_back_in_order_and_all_land(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db")
    names = [f"a{n:02d}" for n in range(3 * StoreWriter.MAX_PENDING)]  # more than may wait at once
    seen: list[Path] = []
    with StoreWriter(store) as writer:
        for n, name in enumerate(names):
            writer.submit(Path(name), graph_of(name, n + 1))
            seen += [done.item for done in writer.finished()]
            assert len(writer._pending) <= StoreWriter.MAX_PENDING
        seen += [done.item for done in writer.drain()]
    assert seen == [Path(name) for name in names]
    assert article_graphs(store) == sorted(article_graph(name) for name in names)
    assert [count_quads(store, article_graph(name)) for name in names] == list(range(1, len(names) + 1))


@pytest.mark.parametrize("error", [ValueError("bad term"), OSError("No space left on device")])
def test_a_failed_write_is_reported_and_the_others_land(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       error: Exception) -> None:
    """A write refused for its content fails that article alone; an I/O error is the store's (`fatal`): the build
    stops on it (see tests/cli/test_faults.py for the full disk)."""
    store = open_store(tmp_path / "db")
    real = StoreWriter._write

    def flaky(self: StoreWriter, graph: ArticleGraph) -> None:
        if graph.graph == article_graph("bad"):
            raise error
        real(self, graph)

    monkeypatch.setattr(StoreWriter, "_write", flaky)
    with StoreWriter(store) as writer:
        for name in ("first", "bad", "last"):
            writer.submit(Path(f"{name}.txt"), graph_of(name, 3))
        outcomes = list(writer.finished()) + list(writer.drain())
    if isinstance(error, OSError):
        assert [(o.item.name, o.error, o.fatal) for o in outcomes] == [
            ("first.txt", None, None), ("bad.txt", None, error), ("last.txt", None, None)]
    else:
        assert [(o.item.name, o.error) for o in outcomes] == [
            ("first.txt", None), ("bad.txt", "bad.txt: bad term"), ("last.txt", None)]
    assert article_graphs(store) == sorted([article_graph("first"), article_graph("last")])


def test_leaving_early_still_finishes_the_queued_writes(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db")
    with pytest.raises(KeyboardInterrupt), StoreWriter(store) as writer:
        for name in ("one", "two"):
            writer.submit(Path(name), graph_of(name, 5))
        raise KeyboardInterrupt
    assert [count_quads(store, article_graph(name)) for name in ("one", "two")] == [5, 5]


def test_replace_graph_puts_every_triple_in_the_named_graph(tmp_path: Path) -> None:
    """New graphs are written with Store.extend, existing ones by a SPARQL update: the same result either way."""
    store = open_store(tmp_path / "db")
    target = article_graph("x")
    elsewhere = quads(EX + "other-graph", 4)
    replace_graph(store, target, elsewhere)  # new graph
    assert count_quads(store, target) == 4 and not store.contains_named_graph(ox.NamedNode(EX + "other-graph"))
    replace_graph(store, target, quads(EX + "other-graph", 2, "w"))  # existing graph
    assert sorted(q.object.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode(target))) == \
        ["w0", "w1"]


def test_replace_graph_ntriples_loads_new_graphs_replaces_old_ones_and_is_atomic(tmp_path: Path) -> None:
    """The build's write: N-Triples text into one named graph, one transaction (a bad text changes nothing)."""
    store = open_store(tmp_path / "db")
    target = article_graph("x")
    replace_graph_ntriples(store, target, graph_of("x", 4).ntriples)  # new graph: Store.load
    assert count_quads(store, target) == 4 and count_quads(store) == 4
    replace_graph_ntriples(store, target, graph_of("x", 2, "w").ntriples)  # existing graph: SPARQL update
    assert sorted(q.object.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode(target))) == \
        ["w0", "w1"]
    broken = graph_of("x", 3, "z").ntriples + b"<http://example.org/s> <http://example.org/p> .\n"
    for graph in (target, article_graph("new")):
        with pytest.raises(SyntaxError):
            replace_graph_ntriples(store, graph, broken)
    assert sorted(q.object.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode(target))) == \
        ["w0", "w1"]
    assert article_graphs(store) == [target]


def test_a_group_of_articles_keeps_each_failure_with_its_article() -> None:
    """Reader.graphs analyses a group, then extracts it: an article that fails is a message, the others graphs;
    an unexpected error still gives the graphs of the articles before it, then propagates."""
    from akhbar.pipeline import Reader
    from akhbar.records import Article

    reader = Reader()
    real = reader.analyse

    def analyse(text: str) -> object:
        if "تعذر" in text:
            raise ValueError("cannot analyse")
        if "انهيار" in text:
            raise RuntimeError("simulated crash")
        return real(text)

    reader.analyse = analyse
    text = "حذرت واشنطن بغداد من هجمات الفصائل."
    good, bad, crash = (Article(name, f"{name}.txt", f"{text} {extra}") for name, extra in
                        (("good", ""), ("bad", "تعذر"), ("crash", "انهيار")))
    out = list(reader.graphs([good, bad, good]))
    assert [type(o) for o in out] == [ArticleGraph, str, ArticleGraph] and out[1] == "cannot analyse"
    assert out[0].events >= 1 and out[0].ntriples == out[2].ntriples
    got: list[object] = []
    with pytest.raises(RuntimeError, match="simulated crash"):
        got.extend(reader.graphs([good, crash, good]))
    assert [type(o) for o in got] == [ArticleGraph]


def test_a_stop_while_a_write_is_counted_takes_effect_when_the_count_is_done() -> None:
    import os
    import signal
    import threading
    import time

    from akhbar.pipeline import _signals_held

    steps: list[str] = []
    # Ctrl-C as a terminal delivers it, whatever this process inherited (a shell's background job ignores it)
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    before = signal.getsignal(signal.SIGINT)
    go = threading.Event()

    def send() -> None:
        go.wait()
        os.kill(os.getpid(), signal.SIGINT)

    # a thread started before the block (as the writer's is) may be the one the kernel hands the signal to
    sender = threading.Thread(target=send)
    sender.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            with _signals_held():
                go.set()
                sender.join()
                time.sleep(0.05)  # (the handler would have run by now)
                steps.append("counted")
        assert steps == ["counted"]
        assert signal.getsignal(signal.SIGINT) is before
    finally:
        signal.signal(signal.SIGINT, inherited)


def test_a_held_signal_that_was_ignored_stays_ignored() -> None:
    import os
    import signal

    from akhbar.pipeline import _signals_held

    inherited = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with _signals_held():
            os.kill(os.getpid(), signal.SIGINT)
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, inherited)
