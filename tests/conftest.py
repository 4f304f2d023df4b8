"""Shared fixtures: the sample article and a store built from it once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "examples" / "articles" / "seed.txt"


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory, runner: CliRunner) -> Path:
    """A store holding the sample article, built once through the CLI (tests must not write to it)."""
    store = tmp_path_factory.mktemp("sample") / "store"
    result = runner.invoke(app, ["build", str(SAMPLE), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture
def store_copy(sample_store: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store that a test may change."""
    target = tmp_path / "store"
    shutil.copytree(sample_store, target, ignore=shutil.ignore_patterns("LOCK", "akhbar.lock"))
    return target
