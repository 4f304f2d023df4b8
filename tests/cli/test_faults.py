"""Faults a real machine brings (RELIABILITY.md, "Faults of the machine"): FIFOs and repeated paths among the
inputs, a damaged store, a full or read-only disk, a store path that is a file, kills of the server and of
parallel builds, interrupted loads. Each runs the real command (mostly as a subprocess, as a user would) and
checks its one-line message, its exit status and what the store holds afterwards.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


# -- the store: damaged, a file, on read-only media --------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("sample") / "s"
    assert akhbar("build", SAMPLE, "--store", store).returncode == 0
    return store


def damaged_copy(source: Path, where: Path, kind: str) -> Path:
    """A copy of the store with one kind of damage a disk or a careless hand brings."""
    store = where / kind
    shutil.copytree(source, store)
    tables = sorted(store.glob("*.sst"), key=lambda p: p.stat().st_size)
    if kind == "truncated-table":
        os.truncate(tables[-1], 1000)
    elif kind == "bad-CURRENT":
        (store / "CURRENT").write_text("garbage\n")
    elif kind == "no-MANIFEST":
        for manifest in store.glob("MANIFEST-*"):
            manifest.unlink()
    elif kind == "flipped-block":  # a damaged data block in the middle of the largest table
        data = bytearray(tables[-1].read_bytes())
        middle = len(data) // 2
        data[middle:middle + 200] = bytes(b ^ 0xFF for b in data[middle:middle + 200])
        tables[-1].write_bytes(bytes(data))
    return store


DAMAGE = ["truncated-table", "bad-CURRENT", "no-MANIFEST", "flipped-block"]


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_store_is_one_line_from_every_command(sample_store: Path, tmp_path: Path, kind: str) -> None:
    store = damaged_copy(sample_store, tmp_path, kind)
    commands = [["check"], ["validate"], ["build", SAMPLE]]
    if kind != "flipped-block":  # (a damaged block shows only to the reads that meet it: check finds it)
        commands += [["query", "state-hostility"], ["export", "-o", tmp_path / "out.ttl"], ["actors"], ["reason"]]
    for command in commands:
        proc = akhbar(*command, "--store", store)
        assert proc.returncode == 1, (command, proc.stdout, proc.stderr)
        lines = one_line(proc).strip().splitlines()
        assert lines[-1].startswith(f"error: {store}: the store is damaged ("), (command, proc.stderr)
        assert "rebuild it from the articles" in lines[-1]


def test_check_reads_a_sound_store(sample_store: Path) -> None:
    proc = akhbar("check", "--store", sample_store)
    assert proc.returncode == 0, proc.stderr
    assert re.fullmatch(r"sound: \d+ quads in 4 graphs, read in 6 index orders\n", proc.stdout), proc.stdout


def test_a_store_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("my notes\n")
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    for command in (["build", tmp_path / "a.txt"], ["query", "state-hostility"], ["check"], ["reason"]):
        proc = akhbar(*command, "--store", tmp_path / "notes.txt")
        assert proc.returncode == 1
        assert one_line(proc).startswith(f"error: {tmp_path / 'notes.txt'}: ")
    assert (tmp_path / "notes.txt").read_text() == "my notes\n"


@contextmanager
def read_only_mount(folder: Path) -> Iterator[Path]:
    """`folder` bind-mounted read-only (needs root and mount; the test is skipped where the machine forbids it)."""
    target = folder.with_name(folder.name + "-ro")
    target.mkdir()
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(target)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount here: {mounted.stderr.decode().strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=True)


def test_readers_work_on_read_only_media(sample_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "s"
    shutil.copytree(sample_store, copy)
    (copy / "akhbar.lock").unlink()  # (the worst case: not even the lock file exists)
    with read_only_mount(copy) as store:
        assert not os.access(store, os.W_OK) or subprocess.run(["touch", str(store / "x")]).returncode != 0
        for command in (["query", "state-hostility"], ["export", "-o", tmp_path / "out.trig"], ["check"],
                        ["validate"], ["actors", "Iran"]):
            proc = akhbar(*command, "--store", store)
            assert proc.returncode == 0, (command, proc.stderr)
            assert "Traceback" not in proc.stderr
        proc = akhbar("build", SAMPLE, "--store", store)
        assert proc.returncode == 1
        assert one_line(proc).strip() == (f"error: {store}: cannot write to the store folder (Read-only file "
                                          "system); `akhbar build` needs a writable folder")


def test_a_second_build_names_the_build_holding_the_lock(tmp_path: Path) -> None:
    from akhbar.graph.store import StoreLock

    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    with StoreLock(tmp_path / "s", "build"):
        proc = akhbar("build", tmp_path / "a.txt", "--store", tmp_path / "s")
    assert proc.returncode == 1
    assert one_line(proc).strip() == (f"error: {tmp_path / 's'}: the store is in use (akhbar build, pid {os.getpid()});"
                                      " stop it before running `akhbar build`")


# -- signals: a terminated build stops all its processes and says what it stored ---------------------------------

def descendants(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids = (task / "children").read_text().split()
        except FileNotFoundError:
            continue  # (a thread or process that has just ended)
        for child in kids:
            found |= {int(child)} | descendants(int(child))
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_sigterm_to_a_parallel_build_stops_every_process(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(400):
        shutil.copy(SAMPLE, folder / f"a{i:03d}.txt")
    proc = subprocess.Popen([sys.executable, "-m", "akhbar", "build", str(folder), "--store", str(tmp_path / "s"),
                             "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "AKHBAR_PROGRESS_EVERY": "0.2"})
    lines: list[str] = []
    reading = threading.Thread(target=lambda: lines.extend(proc.stderr or []), daemon=True)
    reading.start()
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not any(re.match(r"reading articles: [2-9]\d/", x) for x in lines):
        time.sleep(0.2)  # (until the workers have read some twenty articles)
    workers = descendants(proc.pid)
    assert len(workers) >= 2, "the workers did not start"
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    reading.join(timeout=10)
    err = "".join(lines)
    assert proc.returncode == 143, err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    match = re.fullmatch(rf"error: {re.escape(str(tmp_path / 's'))}: build terminated; (\d+) articles stored whole "
                         r"\(each in one transaction\), the rest not; run the same build again to complete it", last)
    assert match, last
    time.sleep(1)
    left = {pid: Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:120] for pid in workers
            if running(pid)}
    assert not left, f"processes outlived the build: {left}"
    assert len(stored(tmp_path / "s")) == int(match.group(1))



def running(pid: int) -> bool:
    """Whether a process exists and is not a zombie (one waiting for its reaper has stopped)."""
    try:
        return not Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except (FileNotFoundError, IndexError):
        return False


# -- identity: the same stem from another folder ------------------------------------------------------------------

def test_the_same_stem_from_another_folder_is_refused_unless_replace(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "b" / "x.txt").write_text("هاجمت إسرائيل غزة.\n", encoding="utf-8")
    store = tmp_path / "s"
    assert akhbar("build", "a/x.txt", "--store", store, cwd=tmp_path).returncode == 0

    def text() -> str:
        rows = open_store(store, read_only=True).query(
            "SELECT ?t WHERE { GRAPH ?g { ?a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
            "isString> ?t } }")
        return next(iter(rows))["t"].value

    proc = akhbar("build", "b/x.txt", "--store", store, cwd=tmp_path)
    assert proc.returncode == 1
    assert one_line(proc).strip() == (f"error: b/x.txt: the article 'x' is already stored from {tmp_path}/a/x.txt, "
                                      "with another text; rename one, or build with --replace to replace it")
    assert text() == SHORT
    # the same file again, from another working folder, is a rebuild (even once edited)
    (tmp_path / "a" / "x.txt").write_text(SHORT + "وهددت إيران بالرد.\n", encoding="utf-8")
    assert akhbar("build", "x.txt", "--store", store, cwd=tmp_path / "a").returncode == 0
    assert akhbar("build", "b/x.txt", "--store", store, "--replace", cwd=tmp_path).returncode == 0
    assert text() == "هاجمت إسرائيل غزة.\n"


# -- load: whole graphs or nothing --------------------------------------------------------------------------------

def shard(path: Path, tag: str, graphs: int = 8000, triples: int = 30) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(graphs):
            graph = f"<https://w3id.org/akhbar/graph/article/g{i}>"
            out.writelines(f'<urn:s{i}> <urn:p{j}> "{tag}-{i}-{j}" {graph} .\n' for j in range(triples))
    return path


def test_a_load_killed_while_replacing_leaves_every_graph_whole(tmp_path: Path) -> None:
    store = tmp_path / "s"
    assert akhbar("load", shard(tmp_path / "old.nq", "old"), "--store", store).returncode == 0
    new = shard(tmp_path / "new.nq", "new")
    proc = subprocess.Popen([sys.executable, "-m", "akhbar", "load", str(new), "--store", str(store)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(4)  # (about halfway: a replacing load of 8000 graphs takes some ten seconds here)
    proc.kill()
    assert proc.wait() == -signal.SIGKILL, "the load finished before it was killed: make the shard larger"
    db = open_store(store, read_only=True)
    tags: dict[str, set[str]] = {}
    sizes: dict[str, int] = {}
    for quad in db.quads_for_pattern(None, None, None, None):
        if "/article/g" in quad.graph_name.value:
            tags.setdefault(quad.graph_name.value, set()).add(quad.object.value.split("-")[0])
            sizes[quad.graph_name.value] = sizes.get(quad.graph_name.value, 0) + 1
    assert len(tags) == 8000, "a graph was lost"
    assert all(len(t) == 1 for t in tags.values()), "a graph holds both old and new triples"
    assert set(sizes.values()) == {30}, "a graph is partly loaded"
    print({tag: sum(t == {tag} for t in tags.values()) for tag in ("old", "new")})  # (how far it got)


# -- a full disk -------------------------------------------------------------------------------------------------

@contextmanager
def small_disk(where: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `where` (needs root; skipped where the machine forbids mounting)."""
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def test_a_full_disk_stops_the_build_with_one_line_and_a_whole_store(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(60):
        shutil.copy(SAMPLE, folder / f"a{i:02d}.txt")
    with small_disk(tmp_path / "disk", "12m") as disk:
        store = disk / "s"
        proc = akhbar("build", folder, "--store", store)
        assert proc.returncode == 1
        # (a slow machine may add plain progress lines, "reading articles: …", every AKHBAR_PROGRESS_EVERY seconds)
        lines = [line for line in one_line(proc).strip().splitlines() if not line.startswith("reading articles")]
        assert len(lines) == 1, lines  # (not one line per article left)
        match = re.fullmatch(rf"error: {re.escape(str(store))}: the disk is full; build stopped, (\d+) articles "
                             r"stored whole \(each in one transaction\), the rest not; free some space and run the "
                             r"same build again to complete it", lines[0])
        assert match, lines[0]
        assert 0 < int(match.group(1)) < 60
        assert len(stored(store)) == int(match.group(1))
        assert akhbar("check", "--store", store).returncode == 0
        subprocess.run(["mount", "-o", "remount,size=200m", str(disk)], check=True)
        proc = akhbar("build", folder, "--store", store)
        assert proc.returncode == 0, proc.stderr
        assert len(stored(store)) == 60
