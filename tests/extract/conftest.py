"""Shared fixtures for extraction tests: the default analyser and actor base, loaded once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from akhbar.analysis import load_analyser
from akhbar.extract import extract
from akhbar.kb import KnowledgeBase, load_kb
from akhbar.records import Article, Extraction

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "articles" / "seed.txt"
ID = "https://w3id.org/akhbar/id/"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="session")
def read(kb: KnowledgeBase) -> Callable[[str], Extraction]:
    """Run the public entry point on a text: analyse, then extract."""
    analyse = load_analyser("default")

    def run(text: str, identifier: str = "t") -> Extraction:
        return extract(analyse(text), Article(identifier=identifier, source=f"{identifier}.txt", text=text), kb)

    return run
