"""Whole-command benchmark: `akhbar query NAME` as a user runs it, against the 1 s target.

Usage: python benchmarks/bench_commands.py STORE [--repeat R] [--only NAME ...]
           [--before-src DIR --before-store STORE [--before-python PYTHON]]

For every query of queries/, with its documented example parameters and unbound, runs the command in a
fresh process (Python start, imports, opening the store read-only, the query or its page through the page
index, drawing the table on a 150-column terminal) and prints the median of R runs for the default table
page (`akhbar query`'s TABLE_PAGE rows) and for a 1,000-row table (`--limit 1000`) side by side, with the
ratio of the default to the target. The output goes to /dev/null: what is timed is the command, not a
terminal's scrolling.

--before-src DIR names a checkout of another revision (e.g. `git worktree add /tmp/before main`): the
default page is then also timed by that revision's code (its src/ first on PYTHONPATH, run by --before-python,
an interpreter with its dependencies) on --before-store (the store as that revision's `akhbar reason` left
it: its page index is made for its own queries), the two taking turns so that both see the same load.
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


def run(cmd: list[str], repeat: int, before: list[str] | None = None, before_env: dict | None = None
        ) -> tuple[float, float | None]:
    """Median seconds of `repeat` runs of a command (stdout and stderr discarded; a failure stops the run),
    and of the `before` command's (run by turns with it), None without one."""
    env = {**os.environ, "COLUMNS": "150"}
    times: list[float] = []
    before_times: list[float] = []
    for _ in range(repeat):
        for command, command_env, into in ((cmd, env, times), (before, {**env, **(before_env or {})}, before_times)):
            if command is None:
                continue
            started = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=command_env)
            into.append(time.perf_counter() - started)
    return statistics.median(times), statistics.median(before_times) if before_times else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--before-src", type=Path, help="A checkout of the revision to compare with.")
    parser.add_argument("--before-store", type=Path, help="The store as that revision's `akhbar reason` left it.")
    parser.add_argument("--before-python", type=Path, default=Path(sys.executable),
                        help="The interpreter for --before-src (with that revision's dependencies).")
    args = parser.parse_args(argv)
    if bool(args.before_src) != bool(args.before_store):
        parser.error("--before-src and --before-store go together")
    from akhbar.cli.store_cmds import TABLE_PAGE

    akhbar = [sys.executable, "-m", "akhbar"]  # (as the before revision is run: from its src/, by -m)
    before_env = {"PYTHONPATH": str(args.before_src.resolve() / "src")} if args.before_src else None
    print(f"{args.store}: whole `akhbar query` commands, median of {args.repeat}; load average "
          f"{os.getloadavg()[0]:.2f} at start; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
          + (f"; before: {args.before_src} on {args.before_store}" if before_env else ""))
    print(f"{'query':22s} {'params':45s} " + (f"{'before s':>9s} " if before_env else "")
          + f"{'default s':>9s} {'1000 rows s':>11s} {'vs 1 s':>7s} {'load':>5s}")
    for path in sorted((REPO / "queries").glob("*.rq")):
        if args.only and path.stem not in args.only:
            continue
        params = example_params(path.read_text(encoding="utf-8"))
        for bound in ([params] if params else []) + [[]]:
            options = [option for p in bound for option in ("--param", p)]
            cmd = [*akhbar, "query", path.stem, "--store", str(args.store), *options]
            before = ([str(args.before_python), "-m", "akhbar", "query", path.stem, "--store", str(args.before_store),
                       *options] if before_env else None)
            default, before_s = run(cmd, args.repeat, before, before_env)
            thousand, _ = run([*cmd, "--limit", "1000"], args.repeat)
            label = " ".join(bound) or "(unbound)"
            print(f"{path.stem:22s} {label:45s} " + (f"{before_s:9.2f} " if before_s is not None else "")
                  + f"{default:9.2f} {thousand:11.2f} {default / TARGET_S:6.2f}x {os.getloadavg()[0]:5.2f}",
                  flush=True)
    print(f"default table page: {TABLE_PAGE} rows. Load average {os.getloadavg()[0]:.2f} at the end.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
