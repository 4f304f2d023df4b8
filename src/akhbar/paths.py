"""Where the project's data files live (ontology, actor base, lexicons, SPARQL library).

In order: an environment variable (`AKHBAR_ONTOLOGY_DIR`, `AKHBAR_QUERIES_DIR`) naming your own folder; the
checkout's top-level folder when akhbar runs from one (an editable install); else the copy a plain install
carries inside the package (`akhbar/_data/`, put there by the build, see setup.py).

>>> (ontology_dir() / "akhbar.ttl").is_file() and (queries_dir() / "who-warns-whom.rq").is_file()
True
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent.parent
# a file each folder must hold to be taken for the checkout's (and not some other folder of that name)
MARKERS = {"ontology": "akhbar.ttl", "queries": "who-warns-whom.rq"}


def _data_dir(name: str, env: str) -> Path:
    """A data folder: the env override, else the checkout's folder, else the installed package's copy."""
    override = os.environ.get(env)
    if override:
        return Path(override)
    checkout = REPO_DIR / name
    if (checkout / MARKERS[name]).is_file():
        return checkout
    return Path(str(resources.files("akhbar").joinpath("_data", name)))


def ontology_dir() -> Path:
    """Folder holding akhbar.ttl, shapes.ttl, actors.ttl, states.ttl and the lexicons (AKHBAR_ONTOLOGY_DIR)."""
    return _data_dir("ontology", "AKHBAR_ONTOLOGY_DIR")


def queries_dir() -> Path:
    """Folder holding the ready SPARQL queries, *.rq (AKHBAR_QUERIES_DIR)."""
    return _data_dir("queries", "AKHBAR_QUERIES_DIR")
