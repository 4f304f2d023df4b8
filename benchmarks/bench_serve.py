"""Latency of `akhbar serve` (Oxigraph behind akhbar's time-limit proxy) against the bare Oxigraph server, side by
side in one run, and how long a runaway aggregate holds a core in each.

    python benchmarks/bench_serve.py STORE [--requests 200]

Prints median and 95th-percentile latency of a small query (sequential requests) for both, the ratio, then the
CPU seconds the bare server spends on a COUNT over a cartesian product after its 1 s limit, against the proxy
(which restarts the server a few seconds past the limit).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from akhbar.cli.store_cmds import server_command
from akhbar.server import free_port

SMALL = "SELECT (COUNT(*) AS ?n) WHERE { ?e <https://w3id.org/akhbar/ontology#agent> ?a }"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def wait(port: int) -> None:
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2).read()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise SystemExit(f"nothing answered on port {port}")


def latencies(port: int, n: int) -> list[float]:
    url = f"http://127.0.0.1:{port}/query?query={urllib.parse.quote(SMALL)}"
    out = []
    for _ in range(n):
        started = time.perf_counter()
        urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"}),
                               timeout=30).read()
        out.append((time.perf_counter() - started) * 1000)
    return out


def cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (FileNotFoundError, ProcessLookupError):
        return -1.0


def runaway(port: int, pids: Callable[[], list[int]], watch_s: float) -> tuple[float, float]:
    """(seconds until the client got an answer, CPU seconds the server processes spent over `watch_s`), sampling
    every process of the server (a restarted one included) five times a second."""
    last: dict[int, float] = {pid: cpu(pid) for pid in pids()}
    spent = 0.0
    answered: list[float] = []
    started = time.monotonic()

    def ask() -> None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query={urllib.parse.quote(HEAVY)}",
                                   timeout=watch_s).read()
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            pass
        answered.append(time.monotonic() - started)

    threading.Thread(target=ask, daemon=True).start()
    while time.monotonic() - started < watch_s:
        time.sleep(0.2)
        for pid in pids():
            now = cpu(pid)
            if now >= 0:
                spent += now - last.get(pid, 0.0)
                last[pid] = now
    return (answered[0] if answered else watch_s), spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--watch", type=float, default=20.0, help="seconds to watch the runaway query")
    args = parser.parse_args()

    bare_port = free_port()
    bare = subprocess.Popen(server_command(args.store, False, 1)(bare_port), stderr=subprocess.DEVNULL)
    wait(bare_port)
    bare_lat = latencies(bare_port, args.requests)
    bare_run = runaway(bare_port, lambda: [bare.pid], args.watch)
    bare.kill()
    bare.wait()

    port = free_port()
    proxied = subprocess.Popen([sys.executable, "-m", "akhbar", "serve", "--store", str(args.store), "--port",
                                str(port), "--timeout", "1"], stderr=subprocess.DEVNULL)
    wait(port)
    proxy_lat = latencies(port, args.requests)

    def family() -> list[int]:
        found = [proxied.pid]
        for task in Path(f"/proc/{proxied.pid}/task").glob("*"):
            found += [int(p) for p in (task / "children").read_text().split()]
        return found

    proxy_run = runaway(port, family, args.watch)
    proxied.terminate()
    proxied.wait()

    def p95(xs: list[float]) -> float:
        return sorted(xs)[int(0.95 * (len(xs) - 1))]

    print(f"{'':28}{'bare oxigraph':>16}{'akhbar serve':>16}{'ratio':>8}")
    for name, f in (("median latency (ms)", statistics.median), ("p95 latency (ms)", p95)):
        a, b = f(bare_lat), f(proxy_lat)
        print(f"{name:28}{a:16.2f}{b:16.2f}{b / a:8.2f}")
    print(f"{'runaway: answered after (s)':28}{bare_run[0]:16.1f}{proxy_run[0]:16.1f}")
    print(f"{'runaway: CPU s in ' + str(int(args.watch)) + ' s':28}{bare_run[1]:16.1f}{proxy_run[1]:16.1f}")


if __name__ == "__main__":
    main()
