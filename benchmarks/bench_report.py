"""Report benchmark: how long `akhbar report` takes on a store, part by part, against the 1 s target.

Usage: python benchmarks/bench_report.py STORE [--repeat R] [--limit N] [--param name=value ...] [--no-cli] [--events]

Opens the store read-only once and times, R times each (median), every query the report runs — the check that
every event has its cell, the count of events per cell, the network and timeline queries on one event of each
cell, the newest-events selection among the latest cells — and all reading (those, the state walk and the
lookups of the rows' details), the page's rendering (networkx layout, matplotlib SVG, the template), then the
whole command `akhbar report` as a user runs it (a fresh process: Python start, imports, store opening, queries,
rendering, writing), median of R. With --events, also the report's queries over every event (what it runs on
a store without cells) and all reading that way: the figures before cells, side by side. Prints each figure
with its ratio to the target.
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


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "CPU model unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--param", action="append", default=[])
    parser.add_argument("--no-cli", action="store_true", help="Skip timing the whole command.")
    parser.add_argument("--events", action="store_true",
                        help="Also time the queries over every event (the report on a store without cells).")
    args = parser.parse_args()

    import pyoxigraph as ox

    from akhbar.graph.cells import events_without_cell
    from akhbar.report import data as report_data
    from akhbar.report.page import render

    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    db = ox.Store.read_only(str(args.store))
    filters = report_data.parse_filters(args.param)
    rows: list[tuple[str, str, float]] = []

    def run(text: str) -> int:
        return sum(1 for _ in db.query(text, use_default_graph_as_union=True))

    if args.events:
        queries = (("by events: network (GROUP BY agent, target, action)", report_data.network_query(filters)),
                   ("by events: timeline (GROUP BY date, action)", report_data.timeline_query(filters)),
                   (f"by events: newest {args.limit} (ORDER BY, LIMIT)", report_data.newest_query(filters, args.limit)))
        for name, text in queries:
            seconds, n = timed(lambda text=text: run(text), args.repeat)
            rows.append((name, f"{n} rows", seconds))
        seconds, data = timed(lambda: report_data.read_report(db, filters, args.limit, by_cells=False), args.repeat)
        rows.append(("by events: all reading", f"{data.total} events", seconds))
    seconds, missing = timed(lambda: events_without_cell(db), args.repeat)
    rows.append(("events without a cell (two pattern counts)", f"{missing} events", seconds))
    seconds, n = timed(lambda: run(report_data.CELLS_QUERY), args.repeat)
    rows.append(("events per cell (GROUP BY cell)", f"{n} cells", seconds))
    cells = {s["cell"].value: (s["one"].value, int(s["n"].value)) for s in db.query(
        report_data.CELLS_QUERY, use_default_graph_as_union=True)}
    queries = (("by cells: network (one event per cell)", report_data.cell_network_query(filters, cells)),
               ("by cells: timeline (one event per cell)", report_data.cell_timeline_query(filters, cells)))
    for name, text in queries:
        seconds, n = timed(lambda text=text: run(text), args.repeat)
        rows.append((name, f"{n} rows", seconds))
    seconds, (_, _, newest) = timed(lambda: report_data._read_cells(db, filters, args.limit), args.repeat)
    rows.append((f"by cells: the above + newest {args.limit}", f"{len(newest)} rows", seconds))
    seconds, states = timed(lambda: report_data.state_of(db), args.repeat)
    rows.append(("who acts for which state", f"{len(states)} actors", seconds))
    seconds, data = timed(lambda: report_data.read_report(db, filters, args.limit), args.repeat)
    rows.append(("by cells: all reading (+ state walk, row details)", f"{data.total} events", seconds))
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
        # what of it no store and no page can change: Python starting and importing what the command imports
        imports = [sys.executable, "-c", "import akhbar.cli, akhbar.report.page, matplotlib; matplotlib.use('Agg');"
                   " import matplotlib.pyplot, networkx, scipy.optimize"]
        seconds, _ = timed(lambda: subprocess.run(imports, check=True, capture_output=True), args.repeat)
        rows.append(("  of which Python start and imports (no store)", "", seconds))
    print(f"{args.store}: median of {args.repeat}; filters: {filters.describe()}; target {TARGET_S:.1f} s; "
          f"{os.cpu_count()} CPUs ({_cpu_model()})")
    print(f"{'part':52} {'size':>14} {'seconds':>9} {'/ target':>9}")
    for name, size, seconds in rows:
        print(f"{name:52} {size:>14} {seconds:9.3f} {seconds / TARGET_S:8.2f}x")


if __name__ == "__main__":
    main()
