"""Reasoning benchmark: owlrl (the reference) vs the fast SPARQL rules (graph/rules.py), same triples.

Usage: python benchmarks/bench_reason.py --store DIR [--articles K ...] [--fast-only-all]

For each K, the ontology, the actor base and the first K article graphs of the store are reasoned by
both engines one after the other; prints both times, the ratio, and whether the inferred triple sets
are equal. With --fast-only-all, the fast engine also runs on the whole store (owlrl would take hours).
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


def main(argv: list[str] | None = None) -> int:
    """Time both engines on growing slices of the store."""
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
