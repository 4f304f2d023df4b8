"""Where the project's data files live (ontology, actor base, lexicons, SPARQL library)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent.parent


def _data_dir(name: str, env: str) -> Path:
    """A data folder: the env override, else the checkout's folder (editable install)."""
    override = os.environ.get(env)
    if override:
        return Path(override)
    return REPO_DIR / name


def ontology_dir() -> Path:
    """Folder holding akhbar.ttl, shapes.ttl, actors.ttl and the lexicons."""
    return _data_dir("ontology", "AKHBAR_ONTOLOGY_DIR")


def queries_dir() -> Path:
    """Folder holding the ready SPARQL queries (*.rq)."""
    return _data_dir("queries", "AKHBAR_QUERIES_DIR")
