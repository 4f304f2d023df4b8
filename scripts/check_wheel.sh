#!/usr/bin/env bash
# A plain install in a fresh virtual environment: build the wheel as pip would for `pip install .`, install
# it (with its dependencies) into a new venv, and run the main commands from a folder with no checkout.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$repo" 2>&1 | grep -v "^WARNING: Location" || true
mkdir "$work/elsewhere"
cp "$repo/examples/articles/seed.txt" "$work/elsewhere/"
cd "$work/elsewhere"
env -u AKHBAR_ONTOLOGY_DIR -u AKHBAR_QUERIES_DIR -u AKHBAR_LINKER bash -euo pipefail -c '
  akhbar=$0
  "$akhbar" --version
  "$akhbar" build seed.txt --store st
  test "$("$akhbar" query who-warns-whom --store st --format csv | wc -l)" -gt 2
  "$akhbar" export --store st -o out.trig
  test -s out.trig
  "$akhbar" reason --store st
  "$akhbar" validate --store st
  "$akhbar" report --store st --output report.html
  grep -q "d3.forceSimulation" report.html
  echo "fresh install: build, query, export, reason, validate and report work"
' "$work/venv/bin/akhbar"
