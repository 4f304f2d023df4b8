"""Build benchmarks, each comparison measured side by side in one run.

Usage:
  python benchmarks/bench_build.py compare [--articles N] [--source DIR] [--corpus DIR] [--workers W] [--repeat R]
  python benchmarks/bench_build.py scaling [--articles N] [--source DIR] [--corpus DIR] [--repeat R]
  python benchmarks/bench_build.py growth --articles 10000 [--source DIR] [--workers W] [--store DIR]

compare: on one synthetic corpus (benchmarks/corpus.py), (1) analysis alone (model load + analysing
every article, as the build calls it), (2) `build` with 1 worker, (3) `build` with W workers, in turn,
R times (--repeat); prints words/s of each, the build/analysis and W-worker/1-worker ratios of each run
and their medians, and whether the W-worker store holds exactly the 1-worker store's quads (sorted N-Quads).
scaling: the machine's own limit for 2 workers: analysis alone of the corpus in one process, then of its
two halves in two processes at once; prints both times and their ratio (what 2 workers could gain with
no writes, no extraction and no parent at all).
growth: builds N articles and prints the rate of each block of BLOCK articles, last block / first
block, and the resident memory of the build (parent + worker processes) at the end of each block.
With --store the store is kept (for bench_queries.py and bench_reason.py).
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_SOURCES, write_corpus

BLOCK = 1000  # growth is reported per block of this many articles


def machine() -> str:
    """One line naming the machine and the date, for BENCHMARKS.md."""
    import os

    cpu = platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                    if line.startswith("model name")), cpu)
    return (f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {cpu}, "
            f"{os.cpu_count()} cores; Python {platform.python_version()}; load average "
            f"{os.getloadavg()[0]:.2f} at start")


def tree_rss_mib() -> float:
    """Resident memory of this process and all its children, MiB."""
    import psutil

    me = psutil.Process()
    total = me.memory_info().rss
    for child in me.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:
            pass
    return total / 2**20


def corpus_words(folder: Path) -> tuple[int, int]:
    """(articles, whitespace words) of the corpus."""
    files = sorted(folder.rglob("*.txt"))
    return len(files), sum(len(f.read_text(encoding="utf-8").split()) for f in files)


def analysis_alone(folder: Path, model: str) -> float:
    """Seconds to import and load the analyser and analyse every article one by one (as the build does).

    Both timers (this and `build_once`) start before any akhbar import: importing akhbar.analysis imports
    spaCy (≈ 0.8 s), which the build does inside its timer too.
    """
    start = time.perf_counter()
    from akhbar.analysis import load_analyser
    from akhbar.text import read_article

    analyse = load_analyser(model)
    for path in sorted(folder.rglob("*.txt")):
        analyse(read_article(path).text)
    return time.perf_counter() - start


def build_once(folder: Path, store: Path, model: str, workers: int) -> float:
    """Seconds for a whole build (imports, model load, base graphs, every article, flush)."""
    start = time.perf_counter()
    from akhbar.pipeline import build

    report = build([folder], store, model=model, workers=workers)
    if report.errors:
        print(f"  {len(report.errors)} errors, first: {report.errors[0]}", file=sys.stderr)
    return time.perf_counter() - start


def timed(what: str, folder: Path, model: str, store: Path | None = None, workers: int = 1) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process tree) of one measurement, run in a fresh Python process.

    Every measurement starts cold (its own model load, its own garbage collector and thread pools), so
    neither side of a comparison inherits the other's loaded model.
    """
    import json
    import subprocess

    command = [sys.executable, __file__, "_time", what, "--corpus", str(folder), "--model", model,
               "--workers", str(workers)] + (["--store", str(store)] if store else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return figures["wall"], figures["cpu"]


def _time(args: argparse.Namespace) -> None:
    """The child side of `timed`: run one measurement, print its figures as JSON."""
    import json
    import resource

    if args.what == "analysis":
        wall = analysis_alone(args.corpus, args.model)
    else:
        wall = build_once(args.corpus, args.store, args.model, args.workers)
    cpu = sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for field in ("ru_utime", "ru_stime"))
    print(json.dumps({"wall": wall, "cpu": cpu}))


def store_lines(store: Path) -> list[str]:
    """All quads except the ontology graph's (blank-node lists are fresh at each load), sorted."""
    import pyoxigraph as ox

    from akhbar.graph.vocab import ONTOLOGY_GRAPH

    ontology = ox.NamedNode(ONTOLOGY_GRAPH)
    return sorted(str(q) for q in ox.Store.read_only(str(store)) if q.graph_name != ontology)


def stages(folder: Path, store_dir: Path, model: str) -> dict[str, float]:
    """Seconds spent in each stage of the build's reading, timed in one process, a group at a time as the
    build reads (pipeline.READ_GROUP articles analysed, then extracted), with the store written inline."""
    from akhbar.extract import extract
    from akhbar.graph.rdf import extraction_graph
    from akhbar.graph.store import load_base_graphs, open_store, replace_graph_ntriples
    from akhbar.pipeline import READ_GROUP, Reader, batched
    from akhbar.text import read_article

    reader = Reader(model)
    store = open_store(store_dir)
    load_base_graphs(store)
    spent = dict.fromkeys(("read", "analysis", "extraction", "rdf", "store write"), 0.0)
    for group in batched(sorted(folder.rglob("*.txt")), READ_GROUP):
        t0 = time.perf_counter()
        articles = [read_article(path) for path in group]
        t1 = time.perf_counter()
        docs = [reader.analyse(article.text) for article in articles]
        t2 = time.perf_counter()
        extractions = [extract(doc, article, reader.kb) for doc, article in zip(docs, articles, strict=True)]
        t3 = time.perf_counter()
        graphs = [extraction_graph(extraction) for extraction in extractions]
        t4 = time.perf_counter()
        for graph in graphs:
            replace_graph_ntriples(store, graph.graph, graph.ntriples)
        t5 = time.perf_counter()
        for name, seconds in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
            spent[name] += seconds
    store.flush()
    return spent


def compare(args: argparse.Namespace, folder: Path, work: Path) -> None:
    """Analysis alone vs 1-worker build vs W-worker build on the same corpus, one after the other.

    With --repeat R the three run R times in turn (each ratio from neighbouring runs, then the median of
    the R ratios: this machine's speed drifts). Each run is a fresh process (`timed`). CPU seconds are
    printed too: a 1-worker build writes the store on a second thread, which Oxigraph runs without the GIL.
    """
    articles, words = corpus_words(folder)
    print(f"corpus: {articles} articles, {words} words")
    ratios, speedups = [], []
    for run in range(args.repeat):
        label = f" (run {run + 1})" if args.repeat > 1 else ""
        analysis, analysis_cpu = timed("analysis", folder, args.model)
        print(f"analysis alone{label}:  {analysis:7.1f} s  {words / analysis:8,.0f} words/s  "
              f"(CPU {analysis_cpu:.1f} s)", flush=True)
        shutil.rmtree(work / "store-1", ignore_errors=True)
        one, one_cpu = timed("build", folder, args.model, work / "store-1", 1)
        ratios.append(analysis / one)
        print(f"build, 1 worker{label}: {one:7.1f} s  {words / one:8,.0f} words/s  "
              f"= {analysis / one:.1%} of analysis alone  (CPU {one_cpu:.1f} s, all threads)", flush=True)
        if args.workers > 1:
            shutil.rmtree(work / f"store-{args.workers}", ignore_errors=True)
            many, many_cpu = timed("build", folder, args.model, work / f"store-{args.workers}", args.workers)
            speedups.append(one / many)
            print(f"build, {args.workers} workers{label}: {many:7.1f} s  {words / many:8,.0f} words/s  "
                  f"= {one / many:.2f}x the 1-worker rate  (CPU {many_cpu:.1f} s, all processes)", flush=True)
    if args.repeat > 1:
        print(f"build / analysis alone, median of {args.repeat}: {statistics.median(ratios):.1%} "
              f"(each: {', '.join(f'{r:.1%}' for r in ratios)})")
        if speedups:
            print(f"{args.workers} workers / 1 worker, median of {args.repeat}: {statistics.median(speedups):.2f}x "
                  f"(each: {', '.join(f'{r:.2f}x' for r in speedups)})")
    if args.workers > 1:
        same = store_lines(work / "store-1") == store_lines(work / f"store-{args.workers}")
        print(f"{args.workers}-worker store equals the 1-worker store (sorted N-Quads): {same}")
    spent = stages(folder, work / "store-stages", args.model)
    total = sum(spent.values())
    print("what each stage costs, timed one after the other in one thread (model load excluded; `build` "
          "overlaps the store writes with the next articles): "
          + ", ".join(f"{name} {seconds:.1f} s ({seconds / total:.0%})" for name, seconds in spent.items()))


def scaling(args: argparse.Namespace, folder: Path, work: Path) -> None:
    """Analysis alone in one process vs the two halves of the corpus in two processes at once."""
    import json
    import subprocess

    files = sorted(folder.rglob("*.txt"))
    halves = [work / "half-0", work / "half-1"]
    for k, half in enumerate(halves):
        half.mkdir()
        for path in files[k::2]:
            (half / path.name).symlink_to(path.resolve())
    articles, words = corpus_words(folder)
    print(f"corpus: {articles} articles, {words} words")
    for run in range(args.repeat):
        one, _cpu = timed("analysis", folder, args.model)
        start = time.perf_counter()
        children = [subprocess.Popen([sys.executable, __file__, "_time", "analysis", "--corpus", str(half),
                                      "--model", args.model], stdout=subprocess.PIPE, text=True) for half in halves]
        walls = [json.loads(child.communicate()[0].strip().splitlines()[-1])["wall"] for child in children]
        both = time.perf_counter() - start
        print(f"run {run + 1}: analysis alone, 1 process: {one:6.1f} s; halves in 2 processes at once: {both:6.1f} s "
              f"(each {walls[0]:.1f} s, {walls[1]:.1f} s) = {one / both:.2f}x", flush=True)


def growth(args: argparse.Namespace, folder: Path, work: Path) -> None:
    """Per-block ingest rate and memory over one long build."""
    from akhbar.pipeline import build

    articles, words = corpus_words(folder)
    print(f"corpus: {articles} articles, {words} words; {args.workers} workers")
    store = args.store or work / "store"
    marks: list[tuple[float, float]] = []  # (time, rss) at the end of each block
    done = 0
    start = time.perf_counter()

    def on_file(path: Path, error: str | None) -> None:
        nonlocal done
        done += 1
        if done % BLOCK == 0:
            marks.append((time.perf_counter(), tree_rss_mib()))
            print(f"  {done:6d} articles  {marks[-1][0] - start:8.1f} s  RSS {marks[-1][1]:7.0f} MiB", flush=True)

    report = build([folder], store, model=args.model, workers=args.workers, on_file=on_file)
    total = time.perf_counter() - start
    print(f"built {report.articles} articles, {report.triples} triples in {total:.1f} s "
          f"({words / total:,.0f} words/s overall); {len(report.errors)} errors")
    if len(marks) >= 2:
        first = BLOCK / (marks[0][0] - start)  # includes model loading: the honest first-block rate
        second = BLOCK / (marks[1][0] - marks[0][0])
        last = BLOCK / (marks[-1][0] - marks[-2][0])
        print(f"first {BLOCK}: {first:.1f} articles/s (with model load); second {BLOCK}: {second:.1f}; "
              f"last {BLOCK}: {last:.1f} articles/s")
        print(f"last/first = {last / first:.1%}; last/second = {last / second:.1%}")
        rss = [m[1] for m in marks]
        print(f"RSS (parent + workers) after first block {rss[0]:.0f} MiB, after last {rss[-1]:.0f} MiB, "
              f"peak sampled {max(rss):.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    """Make (or take) the corpus, run the chosen benchmark, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("compare", "scaling", "growth", "_time"))
    parser.add_argument("what", nargs="?", choices=("analysis", "build"), help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--source", type=Path, action="append", default=[])
    parser.add_argument("--corpus", type=Path, help="use this folder of articles instead of making one")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="compare: analysis/build pairs to run")
    parser.add_argument("--model", default="default")
    parser.add_argument("--store", type=Path, help="growth: keep the store here")
    args = parser.parse_args(argv)
    if args.mode == "_time":
        _time(args)
        return 0
    print(machine())
    work = Path(tempfile.mkdtemp(prefix="akhbar-bench-"))
    try:
        folder = args.corpus
        if folder is None:
            folder = work / "corpus"
            write_corpus(folder, args.articles, [*DEFAULT_SOURCES, *args.source])
        {"compare": compare, "scaling": scaling, "growth": growth}[args.mode](args, folder, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
