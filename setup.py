"""Build hook: copy the top-level data folders into the package, so a plain install (wheel, sdist, pipx) has them.

ontology/ (the ontology, shapes, actor base and lexicons) and queries/ (the SPARQL library) stay the source of
truth in the checkout; `build_py` copies them to `akhbar/_data/` in the built package, where
`akhbar.paths` finds them when no checkout is around (an editable install keeps reading the checkout).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_FOLDERS = ("ontology", "queries")
HERE = Path(__file__).resolve().parent


class BuildPyWithData(build_py):
    """build_py, then the data folders into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the checkout's folders
        target = Path(self.build_lib) / "akhbar" / "_data"
        for name in DATA_FOLDERS:
            source = HERE / name
            if source.is_dir():
                shutil.rmtree(target / name, ignore_errors=True)
                shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildPyWithData})
