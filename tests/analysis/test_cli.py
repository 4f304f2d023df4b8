"""`akhbar analyse` prints what the extractor sees, as a table or CoNLL-U."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from akhbar.analysis.conllu import parse_conllu
from akhbar.cli import app

TEXT = "واشنطن تحذر طهران\n\nقال الرئيس، «سنرد بقوة».\n"


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "a1.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_analyse_conllu_round_trips_offsets(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["analyse", str(_article(tmp_path)), "--format", "conllu"])
    assert result.exit_code == 0, result.output
    sentences = list(parse_conllu(result.output.splitlines()))
    assert len(sentences) == 2
    assert sentences[0].text == "واشنطن تحذر طهران"
    for sentence in sentences:
        roots = [w for w in sentence.words if w.head == 0]
        assert len(roots) >= 1 and all(w.deprel == "root" for w in roots)
        for w in sentence.words:
            start, end = (int(x) for x in w.misc.split("TokenRange=")[1].split(":"))
            assert TEXT[start:end] == w.form


def test_analyse_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["analyse", str(_article(tmp_path))])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line and not line.startswith("#")]
    first = lines[0].split("\t")
    assert first[1] == "0:6" and first[2] == "واشنطن"
    assert result.output.count("# sentence") == 2


def test_analyse_reports_bad_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["analyse", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    bad_model = CliRunner().invoke(app, ["analyse", str(_article(tmp_path)), "--model", "udpipe:/no/such"])
    assert bad_model.exit_code == 1
    assert "not found" in bad_model.output
