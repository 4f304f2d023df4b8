"""A plain install works: the wheel carries the ontology, lexicons, queries and models, and every command runs
from another folder with no checkout around (the wheel installed with pip into a folder of its own)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "articles" / "seed.txt"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel (as pip builds it for a plain install) and installed without the checkout."""
    root = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(root / "dist"), str(REPO)],
                   check=True, capture_output=True)
    (wheel,) = (root / "dist").glob("akhbar-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(root / "site"),
                    str(wheel)], check=True, capture_output=True)
    return root / "site"


def akhbar(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AKHBAR_")}
    env["PYTHONPATH"] = str(site)
    return subprocess.run([sys.executable, "-m", "akhbar", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_installed_package_reads_its_own_data(installed: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AKHBAR_")} | {"PYTHONPATH": str(installed)}
    where = subprocess.run([sys.executable, "-c", "import akhbar.paths as p; print(p.__file__); "
                            "print(p.ontology_dir()); print(p.queries_dir())"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(w.startswith(str(installed)) for w in where)


def test_build_query_export_reason_validate_report_from_another_folder(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "seed.txt").write_bytes(SAMPLE.read_bytes())
    built = akhbar(installed, tmp_path, "build", "seed.txt", "--store", "st")
    assert built.returncode == 0, built.stderr
    assert "1 article," in built.stdout
    rows = akhbar(installed, tmp_path, "query", "who-warns-whom", "--store", "st", "--format", "csv")
    assert rows.returncode == 0 and len(rows.stdout.splitlines()) > 2, rows.stderr
    exported = akhbar(installed, tmp_path, "export", "--store", "st", "-o", "out.nq")
    assert exported.returncode == 0 and (tmp_path / "out.nq").stat().st_size > 10_000, exported.stderr
    reasoned = akhbar(installed, tmp_path, "reason", "--store", "st")
    said = reasoned.stdout + reasoned.stderr  # ("full: because …", then "N inferred triples in …")
    assert reasoned.returncode == 0 and int(reasoned.stdout.splitlines()[1].split()[0]) > 100, said
    checked = akhbar(installed, tmp_path, "validate", "--store", "st")
    assert checked.returncode == 0 and "conforms" in checked.stdout, checked.stdout + checked.stderr
    # the report carries D3 and its drawing script, both package data, with D3's licence beside it
    reported = akhbar(installed, tmp_path, "report", "--store", "st", "-o", "r.html")
    assert reported.returncode == 0, reported.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "https://d3js.org v7.9.2" in page and "d3.forceSimulation" in page and "Mike Bostock" in page
    assert (installed / "akhbar" / "report" / "vendor" / "LICENSE-d3.txt").is_file()
