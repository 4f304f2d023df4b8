"""`akhbar serve`: the Oxigraph server behind a small proxy that bounds every request in time.

Oxigraph's own `--timeout-s` cancels a query only where its evaluator checks for it: an aggregate over a large
join (COUNT over a cartesian product) runs on for minutes after the limit, and after the client has gone,
holding a core each. Nothing outside the process can cancel one query, so the proxy does what can be done from
outside: it forwards every request to an Oxigraph server on a private port, and a watchdog restarts that server
when a request has run `grace` seconds past the limit. The runaway request gets `503` with a one-line reason;
requests that were running beside it get `503` with `Retry-After: 1` (a read-only server restarts in well under
a second; an update is one transaction, so a writable one loses nothing either).

The server process inherits the store lock's descriptor and dies with its parent (PR_SET_PDEATHSIG), so it
never outlives `akhbar serve`, and a build can never write to a store it still reads.
"""

from __future__ import annotations

import http.client
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
              "transfer-encoding", "upgrade", "host", "content-length"}
GRACE_S = 2.0  # past the limit, before the watchdog restarts the server
WATCH_EVERY_S = 0.25


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now (for the private server)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def die_with_parent() -> None:
    """In the server process, before it starts (Linux): be sent SIGTERM when the akhbar process that started
    it dies, even by SIGKILL, so the server never outlives `akhbar serve` unnoticed."""
    import ctypes

    pr_set_pdeathsig = 1
    try:
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # (not Linux: the inherited lock still keeps writers away while the server runs)


class Backend:
    """The Oxigraph server on a private port: started, watched, restarted."""

    def __init__(self, command: Callable[[int], list[str]], lock_fd: int | None = None) -> None:
        self.command = command
        self.lock_fd = lock_fd
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.restarts = 0
        self.lock = threading.Lock()

    def start(self, wait_s: float = 30) -> None:
        """Start the server and wait until it answers (a one-line RuntimeError if it does not)."""
        self.process = subprocess.Popen(
            self.command(self.port), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            pass_fds=() if self.lock_fd is None else (self.lock_fd,),
            preexec_fn=die_with_parent if sys.platform == "linux" else None)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                said = (self.process.stderr.read() if self.process.stderr else b"").decode(errors="replace")
                last = [line for line in said.splitlines() if line.strip()][-1:] or ["no message"]
                raise RuntimeError(f"the Oxigraph server stopped at once ({last[0].strip()})")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"the Oxigraph server did not answer within {wait_s:.0f} s")

    def restart(self) -> None:
        """Kill the server (and the queries it runs) and start a fresh one on a new private port."""
        with self.lock:
            self.stop()
            self.restarts += 1
            self.port = free_port()
            self.start()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@dataclass
class InFlight:
    """One request being served: when it started and whether the watchdog ended it."""

    started: float = field(default_factory=time.monotonic)
    sent: bool = False
    runaway: bool = False
    cut: bool = False


class Proxy(ThreadingHTTPServer):
    """Forwards every request to the backend; its watchdog restarts the backend on a runaway request."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # (the stdlib's 5 resets connections when many clients ask at once)

    def __init__(self, address: tuple[str, int], backend: Backend, timeout_s: float, grace_s: float = GRACE_S):
        self.backend = backend
        self.timeout_s = timeout_s
        self.grace_s = grace_s
        self.in_flight: dict[int, InFlight] = {}
        self.flights = threading.Lock()
        self.stopping = threading.Event()
        super().__init__(address, ProxyHandler)
        self.watchdog = threading.Thread(target=self._watch, name="akhbar-watchdog", daemon=True)
        self.watchdog.start()

    def _watch(self) -> None:
        while not self.stopping.wait(WATCH_EVERY_S):
            now = time.monotonic()
            with self.flights:
                late = [f for f in self.in_flight.values() if now - f.started > self.timeout_s + self.grace_s]
                if not late:
                    continue
                for flight in self.in_flight.values():
                    flight.cut = flight.sent
                    flight.runaway = flight.runaway or flight in late
            self.backend.restart()

    def server_close(self) -> None:
        self.stopping.set()
        super().server_close()


class ProxyHandler(BaseHTTPRequestHandler):
    """Relays one request and its response (status, headers, body) between the client and the backend."""

    server: Proxy
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass  # (Oxigraph logs nothing per request either)

    def do_GET(self) -> None:
        self._relay()

    def do_POST(self) -> None:
        self._relay()

    def do_PUT(self) -> None:
        self._relay()

    def do_DELETE(self) -> None:
        self._relay()

    def do_HEAD(self) -> None:
        self._relay()

    def _relay(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        flight = InFlight()
        with self.server.flights:
            self.server.in_flight[id(flight)] = flight
        try:
            self._forward(body, headers, flight)
        finally:
            with self.server.flights:
                self.server.in_flight.pop(id(flight), None)

    def _forward(self, body: bytes | None, headers: dict[str, str], flight: InFlight) -> None:
        with self.server.backend.lock:  # (not while it restarts)
            port = self.server.backend.port
            flight.sent = True
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=None)
        try:
            connection.request(self.command, self.path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            if flight.cut:
                self._cut(flight)
            else:
                self._error(502, "the Oxigraph server did not answer; try again")
            return
        finally:
            connection.close()
        if flight.cut:
            self._cut(flight)
            return
        self.send_response(response.status, response.reason)
        for key, value in response.getheaders():
            if key.lower() not in HOP_BY_HOP:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _cut(self, flight: InFlight) -> None:
        if flight.runaway:
            self._error(503, f"the query ran past the {self.server.timeout_s:g} s time limit and was stopped; "
                             "narrow it (LIMIT, more specific patterns) or serve with a larger --timeout")
        else:
            self._error(503, "the server was restarted to stop another, runaway query; send the request again",
                        retry=True)

    def _error(self, status: int, message: str, retry: bool = False) -> None:
        data = (message + "\n").encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            if retry:
                self.send_header("Retry-After", "1")
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # (the client has gone)


def serve_forever(host: str, port: int, command: Callable[[int], list[str]], timeout_s: float,
                  lock_fd: int | None = None, ready: Callable[[], None] | None = None,
                  grace_s: float = GRACE_S) -> None:
    """Run the proxy on host:port in front of a fresh backend until Ctrl-C or SIGTERM (KeyboardInterrupt)."""
    backend = Backend(command, lock_fd)
    backend.start()
    try:
        proxy = Proxy((host, port), backend, timeout_s, grace_s)
    except OSError:
        backend.stop()
        raise
    try:
        if ready:
            ready()
        proxy.serve_forever(poll_interval=0.2)
    finally:
        proxy.server_close()
        backend.stop()
