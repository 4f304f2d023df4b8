"""examples/: the sample article is the shared seed, and its committed graph is what a build produces now."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox

from akhbar.graph.store import open_store
from akhbar.graph.vocab import article_graph

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEED_SHA256 = "7bacb8f94ea30c6865fde73f0fc9b0b92f56da935c0e4318257fdf7428ba7302"  # ../shared/seed/seed.txt


def test_sample_graph_is_current(sample_store: Path) -> None:
    """examples/seed.trig equals a fresh build of the sample (regenerate with scripts/export_example.sh)."""
    committed = {(q.subject, q.predicate, q.object) for q in ox.parse(path=str(EXAMPLES / "seed.trig"))}
    store = open_store(sample_store, read_only=True)
    built = {(q.subject, q.predicate, q.object)
             for q in store.quads_for_pattern(None, None, None, ox.NamedNode(article_graph("seed")))}
    source = "http://purl.org/dc/terms/source"  # the path as given to build: differs between checkouts
    committed = {t for t in committed if t[1].value != source}
    built = {t for t in built if t[1].value != source}
    assert committed == built, "examples/seed.trig is stale: run scripts/export_example.sh"


def test_sample_article_is_the_seed_byte_for_byte() -> None:
    data = (EXAMPLES / "articles" / "seed.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256
