"""Query benchmark: every query of queries/ on Oxigraph and on rdflib's in-memory SPARQL, same triples.

Usage: python benchmarks/bench_queries.py --store DIR [--articles K] [--repeat R] [--rdflib-timeout S]
                                           [--unbound]
       python benchmarks/bench_queries.py --store DIR --on-disk [--before REF] [--repeat R] [--page N]
                                           [--only NAME ...]

The store (e.g. the one `bench_build.py growth --store DIR` keeps) is copied into memory, both into an
Oxigraph store and an rdflib Dataset whose default graph is the union of the graphs (as `akhbar query`
sees it): with --articles K only the base graphs, the inferred graph and the first K article graphs.
Each query runs with the parameters of the example in its header comment (bound; --unbound drops them):
the median of R runs on Oxigraph, one run on rdflib (in a forked child, stopped after --rdflib-timeout
seconds, reported as a lower bound). Prints rows, both times and their ratio per query.

--on-disk measures the queries as `akhbar query --store DIR` runs them: on the store on disk (opened
read-only, as the CLI opens it), each with its example parameters and unbound, in one run. Per query it
times the text at git REF (default main: "before") and the working tree's ("after"), each the median of R
runs of run_query plus turning every row into the table's cells (`short`, what the CLI does before
drawing the table); a run whose first take is over 10 s is run once. It prints the rows, both times, whether
both give the same rows in the same order,
the first page as `akhbar query` showed a table before (--page rows, default 1000: LIMIT appended to the
whole query) and shows it now (read through the page index `akhbar reason` writes, graph/pages.py), whether
that page is the full query's slice, a later page (--offset at the middle of the rows) likewise, and the
load average after each line.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_EXAMPLE_PARAM = re.compile(r"--param\s+(\S+=\S+)")


def example_params(text: str) -> list[str]:
    """The `--param name=value` pairs of the query's documented example."""
    for line in text.splitlines():
        if line.startswith("#") and "akhbar query " in line and "--store" in line:
            return _EXAMPLE_PARAM.findall(line)
    return []


def copy_graphs(store_dir: Path, articles: int, with_rdflib: bool = True):
    """(oxigraph in-memory store, rdflib Dataset, quad count) holding the chosen graphs of the store."""
    import pyoxigraph as ox
    from rdflib import Dataset, URIRef

    from akhbar.graph.reason import _term
    from akhbar.graph.store import ARTICLE_GRAPH_PREFIX

    source = ox.Store.read_only(str(store_dir))
    graphs = sorted((g for g in source.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    base = [g for g in graphs if not g.value.startswith(ARTICLE_GRAPH_PREFIX)]
    chosen = [g for g in graphs if g.value.startswith(ARTICLE_GRAPH_PREFIX)]
    if articles:
        chosen = chosen[:articles]
    memory = ox.Store()
    dataset = Dataset(default_union=True)
    count = 0
    for graph in [*base, *chosen]:
        quads = list(source.quads_for_pattern(None, None, None, graph))
        memory.extend(quads)
        if with_rdflib:
            target = dataset.graph(URIRef(graph.value))
            for q in quads:
                target.add((_term(q.subject), _term(q.predicate), _term(q.object)))
        count += len(quads)
    return memory, dataset, count, len(chosen)


def disk_run(store, text: str, params: dict) -> tuple[list[tuple[str, ...]], float]:
    """(rows as tuples of table cells, seconds) of one run as `akhbar query` makes it: run_query + short."""
    from akhbar.graph.query import run_query, short

    start = time.perf_counter()
    result = run_query(store, text, params)
    names = [v.value for v in result.variables]
    rows = [tuple(short(solution[name]) for name in names) for solution in result]
    return rows, time.perf_counter() - start


def timed(store, text: str, params: dict, repeat: int, once_over: float = 10.0) -> tuple[list, float, int]:
    """(rows, median seconds, runs): `repeat` runs, or one when the first takes over `once_over` seconds."""
    rows, first = disk_run(store, text, params)
    times = [first]
    if first <= once_over:
        times += [disk_run(store, text, params)[1] for _ in range(repeat - 1)]
    return rows, statistics.median(times), len(times)


def text_at(ref: str, path: Path) -> str | None:
    """The query file as it is at git `ref` (None if it does not exist there)."""
    import subprocess

    done = subprocess.run(["git", "-C", str(REPO), "show", f"{ref}:{path.relative_to(REPO).as_posix()}"],
                          capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def on_disk(args) -> int:
    """Before (git ref) and after (working tree) of every library query, bound and unbound, on the store: the
    whole query, and the page `akhbar query` shows then and now."""
    from akhbar.graph.pages import page_text
    from akhbar.graph.query import page, parse_param
    from akhbar.graph.store import open_store

    store = open_store(args.store, read_only=True)
    articles = sum(1 for g in store.named_graphs() if g.value.startswith("https://w3id.org/akhbar/graph/article/"))
    print(f"{args.store}: {articles:,} article graphs, {len(store):,} quads, on disk (read-only, as akhbar query); "
          f"median of {args.repeat} (1 if over 10 s); before = {args.before}, after = working tree; "
          f"load average {os.getloadavg()[0]:.2f} at start; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"{'query':22} {'params':40} {'rows':>7} {'full before':>11} {'full after':>10} {'same':>5} "
          f"{'page before':>11} {'page after':>10} {'equal':>5} {'later page':>10} {'equal':>5} {'load':>5}")
    for path in sorted(args.queries.glob("*.rq")):
        if args.only and path.stem not in args.only:
            continue
        after = path.read_text(encoding="utf-8")
        before = text_at(args.before, path)
        for params in (example_params(after), []):
            bound = dict(parse_param(p) for p in params)
            rows, after_s, runs = timed(store, after, bound, args.repeat)
            full_after = f"{after_s:.2f}" + ("¹" if runs < args.repeat else "")
            if before is None:
                full_before = page_before = same = "-"
            else:
                before_rows, before_s, runs = timed(store, before, bound, args.repeat)
                same = str(before_rows == rows)
                full_before = f"{before_s:.2f}" + ("¹" if runs < args.repeat else "")
                _, old_page_s, runs = timed(store, page(before, args.page), bound, args.repeat)
                page_before = f"{old_page_s:.2f}" + ("¹" if runs < args.repeat else "")
            cells = []
            for offset in (0, (len(rows) // 2 // args.page) * args.page or args.page):
                text, why = page_text(store, args.store, path, after, bound, args.page, offset)
                got, page_s, _ = timed(store, text, bound, args.repeat)
                mark = "²" if why else ""
                cells.append((f"{page_s:.2f}{mark}", str(got == rows[offset:offset + args.page])))
            (first_s, first_equal), (later_s, later_equal) = cells
            print(f"{path.stem:22} {' '.join(params) or '(unbound)':40.40} {len(rows):7d} {full_before:>11} "
                  f"{full_after:>10} {same:>5} {page_before:>11} {first_s:>10} {first_equal:>5} {later_s:>10} "
                  f"{later_equal:>5} {os.getloadavg()[0]:5.2f}", flush=True)
    print(f"¹ one run. page: the first {args.page} rows as `akhbar query` shows a table (before: LIMIT {args.page} "
          f"appended to the whole query; after: read through the page index where it applies, else the same); "
          f"later page: --offset at the middle of the rows (the second page when there are fewer). "
          f"² no page index for these parameters: the whole query with LIMIT/OFFSET. same: the full query's rows "
          f"after are those before (in order). equal: the page's rows are the full query's slice (in order). "
          f"Load average {os.getloadavg()[0]:.2f} at the end.")
    return 0


def oxigraph_run(store, text: str) -> tuple[int, float]:
    """(rows, seconds) of one run through akhbar's run_query (union default graph, prefixes)."""
    from akhbar.graph.query import run_query

    start = time.perf_counter()
    rows = sum(1 for _ in run_query(store, text))
    return rows, time.perf_counter() - start


def _rdflib_child(dataset, text: str, conn) -> None:
    from akhbar.graph.store import PREFIXES

    start = time.perf_counter()
    rows = sum(1 for _ in dataset.query(text, initNs=PREFIXES))
    conn.send((rows, time.perf_counter() - start))


def rdflib_run(dataset, text: str, timeout: float) -> tuple[int | None, float]:
    """(rows, seconds) on rdflib in a forked child; (None, timeout) if it had not finished by then."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_rdflib_child, args=(dataset, text, child))
    process.start()
    if parent.poll(timeout):
        result = parent.recv()
        process.join()
        return result
    process.terminate()
    process.join()
    return None, timeout


def main(argv: list[str] | None = None) -> int:
    """Run every library query on both engines and print the table."""
    from akhbar.graph.query import bind_values, parse_param

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=0, help="only the first K article graphs (0: all)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rdflib-timeout", type=float, default=60.0)
    parser.add_argument("--unbound", action="store_true")
    parser.add_argument("--no-rdflib", action="store_true", help="time Oxigraph alone (e.g. on the whole store)")
    parser.add_argument("--queries", type=Path, default=REPO / "queries")
    parser.add_argument("--on-disk", action="store_true", help="before/after on the store on disk, bound and unbound")
    parser.add_argument("--before", default="main", help="git ref of the 'before' queries (with --on-disk)")
    parser.add_argument("--page", type=int, default=1000, help="rows of the first page (with --on-disk)")
    parser.add_argument("--only", nargs="*", default=[], help="only these queries (by name)")
    args = parser.parse_args(argv)
    if args.on_disk:
        return on_disk(args)

    start = time.perf_counter()
    memory, dataset, quads, articles = copy_graphs(args.store, args.articles, not args.no_rdflib)
    engines = "Oxigraph" if args.no_rdflib else "Oxigraph and rdflib"
    print(f"{quads:,} quads ({articles} article graphs) copied into {engines} in "
          f"{time.perf_counter() - start:.0f} s; Oxigraph median of {args.repeat}, rdflib one run "
          f"(timeout {args.rdflib_timeout:.0f} s); parameters: {'none' if args.unbound else 'the examples'}")
    print(f"{'query':24} {'params':30} {'rows':>7} {'oxigraph s':>11} {'rdflib s':>9} {'ratio':>8}")
    for path in sorted(args.queries.glob("*.rq")):
        raw = path.read_text(encoding="utf-8")
        params = [] if args.unbound else example_params(raw)
        text = bind_values(raw, dict(parse_param(p) for p in params))
        runs = [oxigraph_run(memory, text) for _ in range(args.repeat)]
        rows, ox_seconds = runs[0][0], statistics.median(t for _, t in runs)
        if args.no_rdflib:
            print(f"{path.stem:24} {' '.join(params)[:30]:30} {rows:7d} {ox_seconds:11.3f}", flush=True)
            continue
        rd_rows, rd_seconds = rdflib_run(dataset, text, args.rdflib_timeout)
        bound = "" if rd_rows is not None else ">"
        agree = "" if rd_rows in (None, rows) else f"  (rdflib: {rd_rows} rows)"
        print(f"{path.stem:24} {' '.join(params)[:30]:30} {rows:7d} {ox_seconds:11.3f} "
              f"{bound + format(rd_seconds, '.2f'):>9} {bound + format(rd_seconds / ox_seconds, '.0f') + 'x':>8}"
              f"{agree}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
