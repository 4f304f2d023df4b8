"""Reasoning benchmark: owlrl (the reference) vs the fast SPARQL rules (graph/rules.py), same triples;
and incremental `akhbar reason` vs a full run.

Usage: python benchmarks/bench_reason.py --store DIR [--articles K ...] [--fast-only-all]
       python benchmarks/bench_reason.py incremental --store DIR --work NEW_DIR [--add 100] [--remove 10]

For each K, the ontology, the actor base and the first K article graphs of the store are reasoned by
both engines one after the other; prints both times, the ratio, and whether the inferred triple sets
are equal. With --fast-only-all, the fast engine also runs on the whole store (owlrl would take hours).

`incremental` copies the store to NEW_DIR (the original is only read), runs `akhbar reason --full` there
(which also makes the reasoning state), adds --add articles (renamed copies of the store's first article
graphs, as benchmarks/make_big_store.py renames them, each written in one transaction as a build does),
times `akhbar reason` (incremental) and then `akhbar reason --full` on the same store, and compares the two
inferred graphs (sorted N-Quads); then the same after `akhbar remove` of --remove articles. Every time is
the whole command, as a user runs it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def data(store_dir: Path, articles: int | None) -> list:
    """Quads of the base graphs and of the first `articles` article graphs (None: all), inferred graph left out."""
    import pyoxigraph as ox

    from akhbar.graph.store import ARTICLE_GRAPH_PREFIX
    from akhbar.graph.vocab import INFERRED_GRAPH

    store = ox.Store.read_only(str(store_dir))
    graphs = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value != INFERRED_GRAPH),
                    key=lambda g: g.value)
    base = [g for g in graphs if not g.value.startswith(ARTICLE_GRAPH_PREFIX)]
    chosen = [g for g in graphs if g.value.startswith(ARTICLE_GRAPH_PREFIX)][:articles]
    return [q for g in [*base, *chosen] for q in store.quads_for_pattern(None, None, None, g)]


AKHBAR = str(Path(sys.executable).parent / "akhbar")
INFERRED = "https://w3id.org/akhbar/graph/inferred"


def timed_reason(store: Path, *options: str) -> tuple[float, str]:
    """Run `akhbar reason` on `store`; its wall-clock seconds and the line saying incremental or full."""
    import subprocess

    start = time.perf_counter()
    done = subprocess.run([AKHBAR, "reason", "--store", str(store), *options], capture_output=True, text=True,
                          check=True)
    return time.perf_counter() - start, done.stdout.splitlines()[0]


def inferred_nquads(store: Path) -> list[str]:
    """The inferred graph as sorted N-Quads lines."""
    import pyoxigraph as ox

    db = ox.Store.read_only(str(store))
    return sorted(str(q) for q in db.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED)))


def add_copies(store: Path, count: int, suffix: str) -> list[str]:
    """Write renamed copies of the store's first `count` article graphs (one transaction each); their ids."""
    import pyoxigraph as ox
    from make_big_store import GRAPH_ARTICLE, renamer

    db = ox.Store(str(store))
    graphs = sorted(g.value for g in db.named_graphs()
                    if isinstance(g, ox.NamedNode) and g.value.startswith(GRAPH_ARTICLE))[:count]
    ids = []
    for graph in graphs:
        identifier = graph[len(GRAPH_ARTICLE):]
        rename = renamer(identifier, suffix)
        target = ox.NamedNode(graph + suffix)
        db.extend([ox.Quad(rename(q.subject), q.predicate, rename(q.object), target)
                   for q in db.quads_for_pattern(None, None, None, ox.NamedNode(graph))])
        ids.append(identifier + suffix)
    db.flush()
    return ids


def incremental(argv: list[str]) -> int:
    """Full vs incremental `akhbar reason` after adding and after removing articles, on a copy of a store."""
    import shutil
    import subprocess

    parser = argparse.ArgumentParser(prog="bench_reason.py incremental")
    parser.add_argument("--store", type=Path, required=True, help="the store to copy (only read)")
    parser.add_argument("--work", type=Path, required=True, help="where the copy goes (must not exist)")
    parser.add_argument("--add", type=int, default=100)
    parser.add_argument("--remove", type=int, default=10)
    args = parser.parse_args(argv)
    if args.work.exists():
        raise SystemExit(f"{args.work} exists; remove it or choose another --work")
    shutil.copytree(args.store, args.work, ignore=shutil.ignore_patterns("LOCK", "akhbar.lock", "reasoning"))
    seconds, how = timed_reason(args.work, "--full")
    print(f"initial `akhbar reason --full`: {seconds:.1f} s ({how})", flush=True)
    print(f"{'change':>22} {'incremental s':>13} {'full s':>8} {'ratio':>7} {'inferred':>9} equal"
          "  (incremental's line)")

    def compare(change: str) -> None:
        inc_seconds, inc_how = timed_reason(args.work)
        after_incremental = inferred_nquads(args.work)
        full_seconds, _ = timed_reason(args.work, "--full")
        equal = inferred_nquads(args.work) == after_incremental
        print(f"{change:>22} {inc_seconds:13.2f} {full_seconds:8.1f} {inc_seconds / full_seconds:6.1%} "
              f"{len(after_incremental):9,d} {equal}  ({inc_how})", flush=True)

    ids = add_copies(args.work, args.add, "-inc")
    compare(f"+{len(ids)} articles")
    gone = ids[: args.remove // 2] + [i.removesuffix("-inc") for i in ids[args.remove // 2: args.remove]]
    subprocess.run([AKHBAR, "remove", *gone, "--store", str(args.work)], check=True, capture_output=True)
    compare(f"-{len(gone)} articles")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Time both engines on growing slices of the store (or, with `incremental`, incremental reasoning)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["incremental"]:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        return incremental(argv[1:])
    from akhbar.graph.reason import _term, fast_inferences, infer, to_rdflib

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--articles", type=int, action="append", default=[])
    parser.add_argument("--fast-only-all", action="store_true")
    args = parser.parse_args(argv)
    print(f"{'articles':>8} {'quads':>9} {'inferred':>9} {'owlrl s':>9} {'fast s':>8} {'ratio':>7} equal")
    for count in args.articles or [16, 100]:
        quads = data(args.store, count)
        start = time.perf_counter()
        found = fast_inferences(quads)  # (what `akhbar reason` writes; converted for the comparison below)
        fast_seconds = time.perf_counter() - start
        fast = {(_term(t.subject), _term(t.predicate), _term(t.object)) for t in found}
        start = time.perf_counter()
        reference = infer(to_rdflib(quads))
        owlrl_seconds = time.perf_counter() - start
        print(f"{count:8d} {len(quads):9,d} {len(reference):9,d} {owlrl_seconds:9.1f} {fast_seconds:8.2f} "
              f"{owlrl_seconds / fast_seconds:6.1f}x {fast == reference}", flush=True)
    if args.fast_only_all:
        quads = data(args.store, None)
        start = time.perf_counter()
        fast = fast_inferences(quads)
        print(f"{'all':>8} {len(quads):9,d} {len(fast):9,d} {'-':>9} {time.perf_counter() - start:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
