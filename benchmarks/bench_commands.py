"""Whole-command benchmark: `akhbar query NAME` as a user runs it, against the 1 s target.

Usage: python benchmarks/bench_commands.py STORE [--repeat R] [--only NAME ...]

For every query of queries/, with its documented example parameters and unbound, runs the command in a
fresh process (Python start, imports, opening the store read-only, the query or its page through the page
index, drawing the table on a 150-column terminal) and prints the median of R runs for the default table
page (`akhbar query`'s TABLE_PAGE rows) and for a 1,000-row table (`--limit 1000`) side by side, with the
ratio of the default to the target. The output goes to /dev/null: what is timed is the command, not a
terminal's scrolling.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_queries import example_params  # noqa: E402

TARGET_S = 1.0


def run(cmd: list[str], repeat: int) -> float:
    """Median seconds of `repeat` runs of a command (stdout and stderr discarded; a failure stops the run)."""
    env = {**os.environ, "COLUMNS": "150"}
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args(argv)
    from akhbar.cli.store_cmds import TABLE_PAGE

    akhbar = str(Path(sys.executable).with_name("akhbar"))
    print(f"{args.store}: whole `akhbar query` commands, median of {args.repeat}; load average "
          f"{os.getloadavg()[0]:.2f} at start; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"{'query':22s} {'params':45s} {'default s':>9s} {'1000 rows s':>11s} {'vs 1 s':>7s}")
    for path in sorted((REPO / "queries").glob("*.rq")):
        if args.only and path.stem not in args.only:
            continue
        params = example_params(path.read_text(encoding="utf-8"))
        for bound in ([params] if params else []) + [[]]:
            cmd = [akhbar, "query", path.stem, "--store", str(args.store)]
            for p in bound:
                cmd += ["--param", p]
            default = run(cmd, args.repeat)
            thousand = run([*cmd, "--limit", "1000"], args.repeat)
            label = " ".join(bound) or "(unbound)"
            print(f"{path.stem:22s} {label:45s} {default:9.2f} {thousand:11.2f} {default / TARGET_S:6.2f}x",
                  flush=True)
    print(f"default table page: {TABLE_PAGE} rows. Load average {os.getloadavg()[0]:.2f} at the end.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
