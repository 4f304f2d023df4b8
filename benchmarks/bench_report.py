"""Report benchmark: how long `akhbar report` takes on a store, part by part, against the 1 s target.

Usage: python benchmarks/bench_report.py STORE [--repeat R] [--limit N] [--param name=value ...] [--no-cli] [--events]
           [--small STORE] [--before-src DIR [--before-python PYTHON]]

Opens the store read-only once and times, R times each (median), every query the report runs — the check that
every event has its cell, the count of events per cell, the network and timeline queries on one event of each
cell, the newest events among the latest cells — and all reading (those, the state walk and the lookups of the
rows' details), the page's rendering (the charts' data, the template), then the whole command `akhbar report` as
a user runs it (a fresh process: Python start, imports, store opening, queries, rendering, writing), median of R;
with --small, the whole command on a small store too (what start, imports and rendering cost when reading costs
nothing). With --events, also the report's queries over every event (what it runs on a store without cells) and
all reading that way: the figures before cells, side by side. Prints each figure with its ratio to the target.

--before-src DIR names a checkout of another revision (e.g. `git worktree add /tmp/before main`): the whole
commands are then also run with its src/ first on PYTHONPATH (by --before-python, an interpreter with that
revision's dependencies), before and after taking turns so that both see the same load; its figures go in a
column of their own.
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
    parser.add_argument("--small", type=Path, help="A small store: the whole command timed on it too.")
    parser.add_argument("--before-src", type=Path, help="A checkout of the revision to compare the whole command with.")
    parser.add_argument("--before-python", type=Path, default=Path(sys.executable),
                        help="The interpreter for --before-src (with that revision's dependencies).")
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
    seconds, page = timed(lambda: render(data, str(args.store)), args.repeat)
    rows.append(("rendering (the charts' data, the page)", f"{len(page) // 1024} KiB", seconds))
    commands: list[tuple[str, Path]] = []
    if not args.no_cli:
        commands.append((f"whole command `akhbar report` (fresh process), {args.store.name}", args.store))
        if args.small:
            commands.append((f"whole command `akhbar report` (fresh process), {args.small.name}", args.small))
    befores: dict[str, float] = {}
    for name, store in commands:
        after, before = whole_command(store, args)
        rows.append((name, "", after))
        if before is not None:
            befores[name] = before
    print(f"{args.store}: median of {args.repeat}; filters: {filters.describe()}; target {TARGET_S:.1f} s; "
          f"{os.cpu_count()} CPUs ({_cpu_model()})" + (f"; before = {args.before_src}" if befores else ""))
    print(f"{'part':60} {'size':>14} {'seconds':>9} {'/ target':>9}" + (f" {'before s':>9}" if befores else ""))
    for name, size, seconds in rows:
        before = f" {befores[name]:9.3f}" if name in befores else ""
        print(f"{name:60} {size:>14} {seconds:9.3f} {seconds / TARGET_S:8.2f}x{before}")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def whole_command(store: Path, args: argparse.Namespace) -> tuple[float, float | None]:
    """Median seconds of `akhbar report` on `store` in a fresh process, and of the --before-src revision's
    (None without it), the two taking turns."""
    after_times: list[float] = []
    before_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        command = ["-m", "akhbar", "report", "--store", str(store), "--output", str(Path(tmp) / "report.html"),
                   "--limit", str(args.limit)]
        for param in args.param:
            command += ["--param", param]
        before_env = None
        if args.before_src:
            before_env = {**os.environ, "PYTHONPATH": str(args.before_src.resolve() / "src")}
        for _ in range(args.repeat):
            runs = [(sys.executable, None, after_times)]
            if before_env is not None:
                runs.append((str(args.before_python), before_env, before_times))
            for python, env, times in runs:
                start = time.perf_counter()
                subprocess.run([python, *command], check=True, capture_output=True, env=env)
                times.append(time.perf_counter() - start)
    return statistics.median(after_times), statistics.median(before_times) if before_times else None


if __name__ == "__main__":
    main()
