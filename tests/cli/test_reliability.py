"""Reliability (RELIABILITY.md): bad input beside good articles, kills mid-build, idempotence, concurrency, fuzzing.

Each test drives the real build (shipped model, real Oxigraph store) and checks the promise in RELIABILITY.md.
"""

from __future__ import annotations

import codecs
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.graph.store import StoreLock, article_graphs, count_quads, open_store
from akhbar.graph.vocab import ACTORS_GRAPH, INFERRED_GRAPH, META_GRAPH, ONTOLOGY_GRAPH, article_graph

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "articles" / "seed.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
EVIDENCE = """
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?text ?b ?e ?anchor WHERE {
  ?s nif:referenceContext ?a ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor .
  ?a nif:isString ?text }"""


def invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def reader(path: Path) -> ox.Store:
    return open_store(path, read_only=True)


def offsets_exact(store: ox.Store) -> int:
    """Assert every NIF string reads its anchor from its article text; returns how many were checked."""
    rows = list(store.query(EVIDENCE, use_default_graph_as_union=True))
    for row in rows:
        assert row["text"].value[int(row["b"].value):int(row["e"].value)] == row["anchor"].value
    return len(rows)


def article_nquads(store: ox.Store) -> list[str]:
    """Sorted N-Quads of the article graphs (what two equivalent builds must share byte for byte)."""
    lines = []
    for graph in article_graphs(store):
        lines += [str(q) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
    return sorted(lines)


def test_bad_inputs_are_reported_one_line_each_and_good_articles_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    good = SAMPLE.read_bytes()
    processed = {  # decoded, then read like any article
        "good1": good,
        "good2": good.replace("الولايات المتحدة".encode(), "أمريكا".encode()),
        "bom8": codecs.BOM_UTF8 + good,
        "bom16": codecs.BOM_UTF16_LE + SAMPLE_TEXT.encode("utf-16-le"),
        "crlf": good.replace(b"\n", b"\r\n"),
    }
    refused = {
        "empty": (b"", "empty file"),
        "blank": (b"  \n\t\n", "empty file"),
        "image": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "not valid UTF-8"),
        "badutf8": (good[:200] + b"\xff\xfe\xfd" + good[200:400], "not valid UTF-8"),
        "page": (b"<!DOCTYPE html>\n<html><body><p>" + good[:300] + b"</p></body></html>", "HTML"),
        "english": (b"The United States warned Iraq that Israel may strike Baghdad.\n", "no Arabic"),
    }
    for name, data in processed.items():
        (folder / f"{name}.txt").write_bytes(data)
    for name, (data, _) in refused.items():
        (folder / f"{name}.txt").write_bytes(data)
    with (folder / "huge.txt").open("wb") as fh:  # 5 MB
        fh.write(good * (5 * 1024 * 1024 // len(good) + 1))
    (folder / "sub" / "loop").symlink_to(folder / "sub")
    store = tmp_path / "store"

    result = invoke("build", folder, "--store", store)

    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    for name, (_, problem) in refused.items():
        assert any(f"{name}.txt: " in line and problem in line for line in errors), (name, errors)
    assert any("huge.txt: file too large" in line for line in errors)
    assert any("sub/loop" in line and "loop" in line for line in errors)
    assert len(errors) == len(refused) + 2
    db = reader(store)
    assert article_graphs(db) == sorted(article_graph(n) for n in processed)
    assert offsets_exact(db) > 0
    # BOM and CRLF: offsets index the decoded text (no BOM, LF line endings), which is the article's nif:isString
    for name in ("bom8", "bom16", "crlf"):
        text = next(iter(db.query(f"""SELECT ?t WHERE {{ GRAPH <{article_graph(name)}> {{
            ?a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t }} }}""")))["t"].value
        assert text == SAMPLE_TEXT
        assert count_quads(db, article_graph(name)) == count_quads(db, article_graph("good1"))


def test_a_200000_character_line_is_processed(tmp_path: Path) -> None:
    line = " ".join(SAMPLE_TEXT.splitlines()[1:])
    (tmp_path / "long.txt").write_text((line + " ") * (200_000 // len(line) + 1), encoding="utf-8")
    text = (tmp_path / "long.txt").read_text(encoding="utf-8")[:200_000]
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    result = invoke("build", tmp_path / "long.txt", "--store", tmp_path / "s")
    assert result.exit_code == 0, result.output
    assert offsets_exact(reader(tmp_path / "s")) > 100


def test_a_folder_of_5000_tiny_files(tmp_path: Path) -> None:
    folder = tmp_path / "tiny"
    folder.mkdir()
    for i in range(5000):
        (folder / f"t{i:04d}.txt").write_text("حذرت واشنطن طهران." if i % 2 else "نص قصير", encoding="utf-8")
    result = invoke("build", folder, "--store", tmp_path / "s")
    assert result.exit_code == 0, result.output
    assert re.search(r"^5000 articles", result.output, re.M)
    assert len(article_graphs(reader(tmp_path / "s"))) == 5000


DROP_AND_BUILD = """
import os, sys
from akhbar.cli import app
warm, folder, store = sys.argv[1:4]
app(["build", warm, "--store", warm + ".store"], standalone_mode=False)  # load every module while root
os.setgid(65534)
os.setuid(65534)
sys.exit(app(["build", folder, "--store", store], standalone_mode=False) or 0)
"""


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to drop to another user")
def test_an_unreadable_file_is_reported() -> None:
    """Build as an unprivileged user (root reads everything), so the permission check is real.

    The child process loads everything as root (the interpreter lives in root's home), then drops to
    `nobody` and builds a folder holding one good and one unreadable article.
    """
    tmp_path = Path(tempfile.mkdtemp(prefix="akhbar-perm-"))  # pytest's own tmp is private to root
    tmp_path.chmod(0o777)
    folder = tmp_path / "in"
    folder.mkdir(mode=0o755)
    (folder / "good.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "secret.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "secret.txt").chmod(0)
    warm = tmp_path / "warm.txt"
    warm.write_text("حذرت واشنطن طهران.", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", DROP_AND_BUILD, str(warm), str(folder), str(tmp_path / "s")],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert re.search(r"secret\.txt: cannot read \(Permission denied\)", output), output
    assert article_graphs(reader(tmp_path / "s")) == [article_graph("good")]
    shutil.rmtree(tmp_path)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten articles: the sample's sentences shuffled into different articles."""
    folder = tmp_path_factory.mktemp("corpus")
    lines = SAMPLE_TEXT.splitlines()
    rng = random.Random(7)
    for i in range(10):
        body = lines[1:]
        rng.shuffle(body)
        (folder / f"art{i:02d}.txt").write_text("\n".join([lines[0], *body[: 4 + i % 6]]) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("reference") / "s"
    assert invoke("build", corpus, "--store", store).exit_code == 0
    return store


def test_building_twice_or_in_halves_gives_the_same_triples(corpus: Path, reference: Path, tmp_path: Path) -> None:
    expected = article_nquads(reader(reference))
    files = sorted(corpus.glob("*.txt"))
    halves = tmp_path / "halves"
    assert invoke("build", *files[5:], "--store", halves).exit_code == 0
    assert invoke("build", *files[:5], "--store", halves).exit_code == 0
    assert invoke("build", *files, "--store", halves).exit_code == 0
    assert article_nquads(reader(halves)) == expected
    assert invoke("reason", "--store", halves).exit_code == 0
    db = reader(halves)
    parts = sum(count_quads(db, g) for g in article_graphs(db))
    parts += sum(count_quads(db, g) for g in (ONTOLOGY_GRAPH, ACTORS_GRAPH, INFERRED_GRAPH))
    # when the articles and the inferences last changed, the token of the reasoning state beside the
    # inferences (graph/increments.py), and the file each article was read from
    assert count_quads(db, META_GRAPH) == 3 + len(files)
    assert count_quads(db) == parts + 3 + len(files)


def test_sigkill_mid_build_leaves_whole_articles_and_a_rebuild_completes(corpus: Path, reference: Path,
                                                                          tmp_path: Path) -> None:
    ref = reader(reference)
    whole = {g: count_quads(ref, g) for g in article_graphs(ref)}
    expected = article_nquads(ref)
    rng = random.Random(11)
    store = tmp_path / "s"
    for run in range(3):
        proc = subprocess.Popen([sys.executable, "-m", "akhbar", "build", str(corpus), "--store", str(store)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(2.0, 7.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        db = reader(store)
        for graph in article_graphs(db):  # only whole articles
            assert count_quads(db, graph) == whole[graph], (run, graph)
        del db
        assert invoke("validate", "--store", store).exit_code == 0
    assert invoke("build", corpus, "--store", store).exit_code == 0
    assert article_nquads(reader(store)) == expected


def test_readers_are_refused_while_a_build_writes(reference: Path) -> None:
    """A build holds the store exclusively: a query or export gets a clear refusal, never a torn read."""
    with StoreLock(reference, "build"):
        result = invoke("query", "who-warns-whom", "--store", reference)
        assert result.exit_code == 1
        assert "in use (akhbar build" in result.output
    assert invoke("query", "who-warns-whom", "--store", reference).exit_code == 0
