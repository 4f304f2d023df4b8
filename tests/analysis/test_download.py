"""`akhbar model download` against a local HTTP server on 127.0.0.1 (never the real network)."""

from __future__ import annotations

import functools
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.analysis import load_analyser
from akhbar.analysis.download import DownloadError, cache_dir, download
from akhbar.cli import app


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""


@pytest.fixture()
def server(tmp_path: Path, tiny_udpipe: Path) -> Iterator[str]:
    """Serve a folder holding a small UDPipe model and a non-model file; yields the base URL."""
    root = tmp_path / "www"
    root.mkdir()
    shutil.copy(tiny_udpipe, root / "arabic-test.udpipe")
    (root / "junk.udpipe").write_text("not a model", encoding="utf-8")
    httpd = HTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _closed_port() -> int:
    """A local port with nothing listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_download_saves_a_usable_model(server: str, tmp_path: Path) -> None:
    path = download(f"{server}/arabic-test.udpipe", tmp_path / "cache")
    assert path == tmp_path / "cache" / "arabic-test.udpipe"
    doc = load_analyser(f"udpipe:{path}")("قال الرئيس.")
    assert doc.text == "قال الرئيس."
    assert [p.name for p in path.parent.iterdir()] == ["arabic-test.udpipe"]  # no partial files left


def test_second_download_uses_the_cache(server: str, tmp_path: Path) -> None:
    first = download(f"{server}/arabic-test.udpipe", tmp_path / "dest")
    # a second call finds the file and does not touch the (here unreachable) network
    assert download("http://127.0.0.1:1/arabic-test.udpipe", tmp_path / "dest") == first


def test_unreachable_server_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match="cannot reach"):
        download(f"http://127.0.0.1:{_closed_port()}/m.udpipe", tmp_path, timeout=5)
    assert list(tmp_path.iterdir()) == []


def test_missing_file_and_non_model_are_refused(server: str, tmp_path: Path) -> None:
    dest = tmp_path / "dest"
    with pytest.raises(DownloadError, match="HTTP 404"):
        download(f"{server}/nothing.udpipe", dest)
    with pytest.raises(DownloadError, match="not a UDPipe model"):
        download(f"{server}/junk.udpipe", dest)
    assert list(dest.iterdir()) == []


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AKHBAR_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.delenv("AKHBAR_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache_dir() == tmp_path / "x" / "akhbar" / "models"


def test_cli_download(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKHBAR_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    ok = runner.invoke(app, ["model", "download", "--url", f"{server}/arabic-test.udpipe"])
    assert ok.exit_code == 0, ok.output
    assert f"udpipe:{tmp_path / 'cache' / 'arabic-test.udpipe'}" in ok.output
    bad = runner.invoke(app, ["model", "download", "--url", f"http://127.0.0.1:{_closed_port()}/m.udpipe"])
    assert bad.exit_code == 1
    assert "cannot reach" in bad.output
