"""`build --workers 2` writes exactly what the one-process build writes, and reports the same failures."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.pipeline import BuildReport, build

from .helpers import sorted_nquads


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildReport, list[str]]:
    store = tmp_path_factory.mktemp("serial") / "store"
    report = build([corpus], store, workers=1)
    return report, sorted_nquads(ox.Store(str(store)))


def test_two_workers_write_the_same_quads(corpus: Path, tmp_path: Path, serial: tuple[BuildReport, list[str]]
                                          ) -> None:
    report, expected = serial
    seen: list[tuple[str, str | None]] = []
    parallel = build([corpus], tmp_path / "store", workers=2, on_file=lambda p, e: seen.append((p.name, e)))
    assert report.articles == parallel.articles == 6
    assert (parallel.events, parallel.triples) == (report.events, report.triples) and report.events > 0
    assert sorted(parallel.errors) == sorted(report.errors) and len(report.errors) == 2
    assert len(seen) == 8 and sum(e is not None for _, e in seen) == 2
    assert sorted_nquads(ox.Store(str(tmp_path / "store"))) == expected


def test_cli_build_with_workers(corpus: Path, tmp_path: Path, serial: tuple[BuildReport, list[str]]) -> None:
    result = CliRunner().invoke(app, ["build", str(corpus / "whole.txt"), str(corpus / "a.txt"),
                                      "--store", str(tmp_path / "s"), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "2 articles" in result.output
    quads = sorted_nquads(ox.Store(str(tmp_path / "s")))
    assert set(quads) <= set(serial[1])
    assert any("/article/whole>" in q for q in quads)


def test_workers_must_be_positive(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(corpus), "--store", str(tmp_path / "s"), "--workers", "0"])
    assert result.exit_code != 0
