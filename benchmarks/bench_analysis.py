"""Benchmark of analysis alone: words per second and peak memory, one process.

Usage: python benchmarks/bench_analysis.py [FILES_OR_FOLDERS ...] [--model SPEC] [--min-seconds S]
Defaults to examples/articles. The texts are analysed repeatedly until at least --min-seconds have
passed, so short inputs still give a stable rate. Words are whitespace-separated words of the input
(tokens after clitic splitting are reported too). Model loading is timed separately.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO / "examples" / "articles"


def _texts(paths: list[Path]) -> list[str]:
    """Decoded texts of the given files and folders (*.txt)."""
    from akhbar.text import decode

    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.txt")) if path.is_dir() else [path])
    return [decode(f.read_bytes(), f) for f in files]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a short report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=[DEFAULT_INPUT])
    parser.add_argument("--model", default="default")
    parser.add_argument("--min-seconds", type=float, default=10.0)
    args = parser.parse_args(argv)

    texts = _texts(args.inputs)
    if not texts:
        print("no input texts", file=sys.stderr)
        return 1
    start = time.perf_counter()
    from akhbar.analysis import load_analyser

    analyser = load_analyser(args.model)
    load_seconds = time.perf_counter() - start
    rss_after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    analyser("تسخين.")  # warm-up
    words = tokens = rounds = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    while True:
        for doc in analyser.pipe(texts):
            tokens += sum(not t.is_space for t in doc)
        words += sum(len(text.split()) for text in texts)
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= args.min_seconds:
            break
    cpu = time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model: {args.model}; {len(texts)} texts x {rounds} rounds")
    print(f"load: {load_seconds:.2f} s, RSS after load {rss_after_load:.0f} MiB")
    print(f"words: {words} in {elapsed:.2f} s = {words / elapsed:,.0f} words/s "
          f"({tokens / elapsed:,.0f} tokens/s after clitic splitting)")
    print(f"CPU time: {cpu:.2f} s = {words / cpu:,.0f} words per CPU second "
          f"(wall and CPU rates differ when other processes share the cores)")
    print(f"peak memory (max RSS): {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
