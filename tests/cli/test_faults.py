"""Faults a real machine brings (RELIABILITY.md, "Faults of the machine"): FIFOs and repeated paths among the
inputs, a damaged store, a full or read-only disk, a store path that is a file, kills of the server and of
parallel builds, interrupted loads. Each runs the real command (mostly as a subprocess, as a user would) and
checks its one-line message, its exit status and what the store holds afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from akhbar.graph.store import article_graphs, open_store
from akhbar.graph.vocab import article_graph

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "articles" / "seed.txt"
SHORT = "حذرت الولايات المتحدة إيران من مهاجمة السفن في الخليج.\n"


def akhbar(*args: object, timeout: float = 300, env: dict[str, str] | None = None,
           cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line as a user would (python -m akhbar), with a time limit (a hang fails the test)."""
    return subprocess.run([sys.executable, "-m", "akhbar", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})}, cwd=cwd)


def one_line(proc: subprocess.CompletedProcess[str]) -> str:
    """The error output, asserted to be error lines only (no traceback)."""
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stderr


def stored(store: Path) -> list[str]:
    return article_graphs(open_store(store, read_only=True))


# -- inputs: never open anything but a regular file; a path named twice is read once ----------------------------

def test_a_fifo_in_the_input_folder_is_skipped_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(SHORT, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block for ever
    proc = akhbar("build", folder, "--store", tmp_path / "s", timeout=240)
    assert proc.returncode == 1, proc.stderr
    assert "pipe.txt: not a regular file" in one_line(proc)
    assert stored(tmp_path / "s") == [article_graph("good")]


def test_a_fifo_named_on_the_command_line_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(SHORT, encoding="utf-8")
    proc = akhbar("build", tmp_path / "pipe.txt", tmp_path / "good.txt", "--store", tmp_path / "s", timeout=240)
    assert proc.returncode == 1
    assert "pipe.txt: not a regular file" in one_line(proc)
    assert stored(tmp_path / "s") == [article_graph("good")]


def test_the_same_folder_or_file_named_twice_is_read_once(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "a.txt").write_text(SHORT, encoding="utf-8")
    proc = akhbar("build", "x", "./x", "x/a.txt", str(folder), "--store", "s", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "loop" not in proc.stderr and "same identifier" not in proc.stderr
    assert proc.stdout.startswith("1 article,"), proc.stdout
    assert stored(tmp_path / "s") == [article_graph("a")]


# -- the boundary: an unexpected error is one line (the traceback only with --debug) -----------------------------

def test_describe_names_the_path_and_what_to_do() -> None:
    from akhbar.cli import describe

    assert describe(OSError(28, "No space left on device", "/x/y")) == (
        "/x/y: the disk is full; free some space and run the command again")
    assert describe(OSError(30, "Read-only file system", "/m")).startswith("/m: cannot write here")
    assert describe(RuntimeError("boom\nmore")) == "RuntimeError: boom (run with --debug for the traceback)"


def test_main_turns_an_unexpected_exception_into_one_line(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    import akhbar.cli as cli

    def broken() -> None:
        raise RuntimeError("the knowledge base is broken\nsecond line")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.setattr(sys, "argv", ["akhbar", "build"])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 2
    assert capsys.readouterr().err == ("error: RuntimeError: the knowledge base is broken "
                                       "(run with --debug for the traceback)\n")
    monkeypatch.setattr(sys, "argv", ["akhbar", "--debug", "build"])
    with pytest.raises(RuntimeError, match="knowledge base is broken"):
        cli.main()
