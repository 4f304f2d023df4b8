#!/usr/bin/env bash
# Rebuild the sample article's graph into examples/seed.trig (run after any change to extraction;
# tests/test_examples.py fails while the committed graph is stale).
set -euo pipefail
cd "$(dirname "$0")/.."
store=$(mktemp -d)/store
akhbar=${AKHBAR:-.venv/bin/akhbar}
"$akhbar" build examples/articles/seed.txt --store "$store"
"$akhbar" export --store "$store" --format trig --graph https://w3id.org/akhbar/graph/article/seed --output examples/seed.trig
rm -rf "$(dirname "$store")"
