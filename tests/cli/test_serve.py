"""`akhbar serve`: the real Oxigraph server over HTTP, on 127.0.0.1, read-only by default."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"server at {url} did not answer in {seconds} s")


@contextmanager
def running_server(store: Path, *options: str):
    with serving(store, *options) as (port, _proc):
        yield port


@contextmanager
def serving(store: Path, *options: str):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "akhbar", "serve", "--store", str(store), "--port", str(port),
                             *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/query?query=" + urllib.parse.quote("ASK {}"))
        yield port, proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise


@pytest.fixture
def server(store_copy: Path):
    with running_server(store_copy) as port:
        yield port, store_copy


def test_server_answers_sparql_over_http(server) -> None:
    port, _ = server
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?e <https://w3id.org/akhbar/ontology#agent> ?a }"
    request = urllib.request.Request(f"http://127.0.0.1:{port}/query?query={urllib.parse.quote(query)}",
                                     headers={"Accept": "application/sparql-results+json"})
    body = json.loads(urllib.request.urlopen(request, timeout=10).read())
    assert int(body["results"]["bindings"][0]["n"]["value"]) > 0


def test_server_refuses_updates_by_default(server) -> None:
    port, _ = server
    request = urllib.request.Request(f"http://127.0.0.1:{port}/update", method="POST",
                                     data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code in (403, 404, 405)
    query = "ASK { GRAPH ?g { ?s ?p ?o } }"
    answer = urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query={urllib.parse.quote(query)}", timeout=10)
    assert b"true" in answer.read()


def test_build_refuses_a_served_store(server) -> None:
    _, store = server
    result = CliRunner().invoke(app, ["build", str(store), "--store", str(store)])
    assert result.exit_code == 1
    assert "in use" in result.output and "akhbar serve" in result.output


def test_server_binds_loopback_only(server) -> None:
    port, _ = server
    out = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout if Path("/usr/bin/ss").exists() \
        else ""
    if out:
        listening = [line for line in out.splitlines() if f":{port} " in line]
        assert listening and all("127.0.0.1:" in line for line in listening)
    else:  # no ss: the command line itself must bind 127.0.0.1
        from akhbar.cli.store_cmds import server_command

        assert "127.0.0.1:1" in server_command(Path("x"), False, 5)(1)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_runaway_queries_are_stopped_and_the_server_goes_on(store_copy: Path) -> None:
    """Four aggregates over a cartesian product (which Oxigraph's own --timeout-s does not cancel) at once: each
    is answered 503 soon after the limit, no process keeps burning CPU, and the next query is answered."""
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with serving(store_copy, "--timeout", "1") as (port, proc):
        statuses: list[tuple[int, str, float]] = []

        def ask() -> None:
            started = time.monotonic()
            request = urllib.request.Request(f"http://127.0.0.1:{port}/query?query={urllib.parse.quote(heavy)}",
                                             headers={"Accept": "application/sparql-results+json"})
            try:
                urllib.request.urlopen(request, timeout=60).read()
                statuses.append((200, "", time.monotonic() - started))
            except urllib.error.HTTPError as e:
                statuses.append((e.code, e.read().decode(), time.monotonic() - started))

        threads = [threading.Thread(target=ask) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=90)
        assert len(statuses) == 4
        for code, message, seconds in statuses:
            assert code == 503 and seconds < 15, (code, message, seconds)
            assert "time limit" in message or "send the request again" in message
        assert any("ran past the 1 s time limit" in message for _code, message, _s in statuses)
        deadline, seen, since = time.monotonic() + 20, None, time.monotonic()
        while time.monotonic() < deadline:  # (until the restarts are over: one server, the same for 1.5 s)
            now = children(proc.pid)
            if now != seen:
                seen, since = now, time.monotonic()
            elif len(now) == 1 and time.monotonic() - since > 1.5:
                break
            time.sleep(0.1)
        (backend,) = children(proc.pid)
        before = cpu_seconds(backend)
        time.sleep(2)
        assert cpu_seconds(backend) - before < 0.5, "a stopped query still runs"
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?e <https://w3id.org/akhbar/ontology#agent> ?a }"
        request = urllib.request.Request(f"http://127.0.0.1:{port}/query?query={urllib.parse.quote(query)}",
                                         headers={"Accept": "application/sparql-results+json"})
        body = json.loads(urllib.request.urlopen(request, timeout=10).read())
        assert int(body["results"]["bindings"][0]["n"]["value"]) > 0


def test_every_library_query_runs_as_it_is_over_http(server) -> None:
    """Each .rq declares its own PREFIX lines: the file, unchanged, runs on the server's /query endpoint."""
    from akhbar.graph.query import library, query_info

    port, _ = server
    for path in library():
        text = path.read_text(encoding="utf-8")
        request = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=text.encode("utf-8"), method="POST",
                                         headers={"Content-Type": "application/sparql-query",
                                                  "Accept": "application/sparql-results+json"})
        body = json.loads(urllib.request.urlopen(request, timeout=30).read())
        assert "results" in body, query_info(path).name


def children(pid: int) -> list[int]:
    """Child processes of every thread of `pid` (the server is restarted from the watchdog thread)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except FileNotFoundError:
            pass  # (a thread that has just ended)
    return found


def gone(pid: int, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            if Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z"):
                return True  # (a zombie waiting for its reaper has stopped)
        except (ProcessLookupError, FileNotFoundError):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc and relies on PR_SET_PDEATHSIG")
def test_the_server_holds_the_lock_and_dies_with_akhbar_serve(store_copy: Path) -> None:
    """kill -9 of `akhbar serve`: its Oxigraph server stops too, and until it has stopped it still holds the store
    lock (it inherited the locked descriptor), so a build never writes under a server still reading."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "akhbar", "serve", "--store", str(store_copy), "--port",
                             str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/query?query=" + urllib.parse.quote("ASK {}"))
        (server,) = children(proc.pid)
        held = [os.readlink(fd) for fd in Path(f"/proc/{server}/fd").iterdir()]
        assert str(store_copy / "akhbar.lock") in held
        proc.kill()
        proc.wait(timeout=10)
        assert gone(server), "the Oxigraph server outlived akhbar serve"
    finally:
        os.killpg(proc.pid, signal.SIGKILL) if proc.poll() is None else None
    result = CliRunner().invoke(app, ["reason", "--store", str(store_copy)])
    assert result.exit_code == 0, result.output


def test_fifty_concurrent_queries_are_all_answered(server) -> None:
    port, _ = server
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?e <https://w3id.org/akhbar/ontology#agent> ?a }"
    answers: list[int] = []

    def ask() -> None:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=query.encode(), method="POST",
                                         headers={"Content-Type": "application/sparql-query",
                                                  "Accept": "application/sparql-results+json"})
        body = json.loads(urllib.request.urlopen(request, timeout=60).read())
        answers.append(int(body["results"]["bindings"][0]["n"]["value"]))

    threads = [threading.Thread(target=ask) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    assert len(answers) == 50 and len(set(answers)) == 1 and answers[0] > 0


def test_a_writable_server_drops_the_page_index(store_copy: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["reason", "--store", str(store_copy)]).exit_code == 0
    index = store_copy / "pages.sqlite"
    assert index.is_file()
    with running_server(store_copy):  # (read-only: the index stays)
        pass
    assert index.is_file()
    with running_server(store_copy, "--writable"):
        assert not index.exists()  # (updates through the server would not be seen by it)
    paged = runner.invoke(app, ["query", "timeline", "--store", str(store_copy), "--limit", "2"])
    assert paged.exit_code == 0 and "no page index" in paged.stderr
