"""A small corpus cut from the sample article."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "articles" / "seed.txt"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six articles: the sample, its first and second halves, three-line pieces, plus one empty file
    and one duplicate stem in a subfolder (the build reports both and goes on)."""
    folder = tmp_path_factory.mktemp("corpus")
    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    half = len(lines) // 2
    pieces = {"whole": lines, "first": lines[:half], "second": [lines[0], *lines[half:]],
              "a": lines[:3], "b": lines[3:6], "c": lines[6:9]}
    for name, body in pieces.items():
        (folder / f"{name}.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sub").mkdir()
    (folder / "sub" / "a.txt").write_text(lines[0] + "\n", encoding="utf-8")
    return folder
