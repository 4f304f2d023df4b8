"""Report benchmark: how long `akhbar report` takes on a store, part by part, against the 1 s target.

Usage: python benchmarks/bench_report.py STORE [--repeat R] [--limit N] [--param name=value ...] [--no-cli]

Opens the store read-only once and times, R times each (median), every query the report runs (network and
timeline aggregates, the newest-events selection, the lookups of their details) and the page's rendering
(networkx layout, matplotlib SVG, the template); then the whole command `akhbar report` as a user runs it (a
fresh process: Python start, imports, store opening, queries, rendering, writing), median of R. Prints the
figures side by side with the target and their ratio to it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 1.0


def timed(fn, repeat: int) -> tuple[float, object]:
    """(median seconds of `repeat` calls, the last result)."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--param", action="append", default=[])
    parser.add_argument("--no-cli", action="store_true", help="Skip timing the whole command.")
    args = parser.parse_args()

    import pyoxigraph as ox

    from akhbar.report import data as report_data
    from akhbar.report.page import render

    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    db = ox.Store.read_only(str(args.store))
    filters = report_data.parse_filters(args.param)
    rows: list[tuple[str, str, float]] = []

    def run(text: str) -> int:
        return sum(1 for _ in db.query(text, use_default_graph_as_union=True))

    queries = (("network (GROUP BY agent, target, action)", report_data.network_query(filters)),
               ("timeline (GROUP BY date, action)", report_data.timeline_query(filters)),
               (f"newest {args.limit} events (ORDER BY, LIMIT)", report_data.newest_query(filters, args.limit)))
    for name, text in queries:
        seconds, n = timed(lambda text=text: run(text), args.repeat)
        rows.append((name, f"{n} rows", seconds))
    seconds, states = timed(lambda: report_data.state_of(db), args.repeat)
    rows.append(("who acts for which state", f"{len(states)} actors", seconds))
    seconds, data = timed(lambda: report_data.read_report(db, filters, args.limit), args.repeat)
    rows.append(("all reading (the above + details of the rows)", f"{data.total} events", seconds))
    render(data, str(args.store))  # (the first call imports networkx and matplotlib: timed in the command below)
    seconds, page = timed(lambda: render(data, str(args.store)), args.repeat)
    rows.append(("rendering (layout, SVG, page)", f"{len(page) // 1024} KiB", seconds))
    if not args.no_cli:
        with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
            command = [sys.executable, "-m", "akhbar", "report", "--store", str(args.store), "--output",
                       str(Path(tmp) / "report.html"), "--limit", str(args.limit)]
            for param in args.param:
                command += ["--param", param]
            seconds, _ = timed(lambda: subprocess.run(command, check=True, capture_output=True), args.repeat)
            rows.append(("whole command `akhbar report` (fresh process)", "", seconds))
    print(f"{args.store}: median of {args.repeat}; filters: {filters.describe()}; target {TARGET_S:.1f} s")
    print(f"{'part':50} {'size':>14} {'seconds':>9} {'/ target':>9}")
    for name, size, seconds in rows:
        print(f"{name:50} {size:>14} {seconds:9.3f} {seconds / TARGET_S:8.2f}x")


if __name__ == "__main__":
    main()
