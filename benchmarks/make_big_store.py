"""A large store made cheaply: the article graphs of a small built store, replicated N times.

Usage: python benchmarks/make_big_store.py SHARED_DIR --out DIR [--copies N] [--small DIR] [--no-reason]

Builds the sample article (examples/articles) and SHARED_DIR/eval/dev/articles once with `akhbar build`
into --small (default: OUT.small; kept and reused if it exists), then writes into --out (which must not
exist) the base graphs (ontology, actor base) unchanged and N copies of every article graph. Copy k > 0
renames the article: its graph IRI and every node IRI of the article (the article, its events,
mentions and evidence strings: `art:<id>`, `art:<id>/...`, `art:<id>#...`) get the suffix `-rK` on the
identifier, and so does a literal equal to the identifier (dcterms:identifier). Actor IRIs (`id:...`,
also the ones minted per article) and the vocabulary stay as they are, so actors are shared by all
copies as they would be in a real corpus. So do the events' cells (ak:cell, graph/cells.py: digests of an
event's action, modality, agent, target, date and precision, none of which a copy renames), which the build of
--small wrote: a small store built before cells gives a big one without them (remove it to rebuild it).
Finally runs `akhbar reason` on the new store (fast engine) unless --no-reason, so the inferred graph matches
the replicated data.

With the 70 articles of examples/ + dev (the sample and 69 dev articles: the dev set's own seed.txt clashes
with the sample's identifier and is skipped by build), 143 copies give 10,010 articles.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parent.parent
AKHBAR = str(Path(sys.executable).parent / "akhbar")
GRAPH_ARTICLE = "https://w3id.org/akhbar/graph/article/"
ARTICLE = "https://w3id.org/akhbar/article/"


def build_small(shared: Path, small: Path) -> None:
    """`akhbar build` of the sample and the dev articles (one identifier clash: dev's seed.txt fails)."""
    dev = shared / "eval" / "dev" / "articles"
    if not dev.is_dir():
        raise SystemExit(f"{dev}: no such folder")
    subprocess.run([AKHBAR, "build", str(REPO / "examples" / "articles"), str(dev), "--store", str(small)],
                   check=False)
    if not (small.exists() and any(small.iterdir())):
        raise SystemExit(f"build wrote no store at {small}")


def renamer(identifier: str, suffix: str):
    """A function renaming one term of article `identifier` for a copy with `suffix` ('' = unchanged)."""
    art = ARTICLE + identifier
    new_art = art + suffix

    def rename(term):
        if not suffix:
            return term
        if isinstance(term, ox.NamedNode):
            value = term.value
            if value == art or value.startswith(art + "/") or value.startswith(art + "#"):
                return ox.NamedNode(new_art + value[len(art):])
            return term
        if isinstance(term, ox.Literal) and term.value == identifier and term.language is None:
            return ox.Literal(identifier + suffix, datatype=term.datatype)
        return term

    return rename


def replicate(small: Path, out: Path, copies: int) -> tuple[int, int]:
    """Write base graphs + `copies` renamed copies of each article graph; returns (articles, quads)."""
    source = ox.Store.read_only(str(small))
    graphs = sorted((g for g in source.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    articles = {g: list(source.quads_for_pattern(None, None, None, g))
                for g in graphs if g.value.startswith(GRAPH_ARTICLE)}
    base = [q for g in graphs if not g.value.startswith(GRAPH_ARTICLE)
            for q in source.quads_for_pattern(None, None, None, g)]
    target = ox.Store(str(out))
    target.bulk_extend(base)
    total = len(base)
    for k in range(copies):
        suffix = f"-r{k}" if k else ""
        batch = []
        for graph, quads in articles.items():
            identifier = graph.value[len(GRAPH_ARTICLE):]
            rename = renamer(identifier, suffix)
            new_graph = ox.NamedNode(graph.value + suffix)
            batch.extend(ox.Quad(rename(q.subject), q.predicate, rename(q.object), new_graph) for q in quads)
        target.bulk_extend(batch)
        total += len(batch)
    target.flush()
    target.optimize()
    del target
    return len(articles) * copies, total


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", type=Path, help="the shared folder (holds eval/dev/articles)")
    parser.add_argument("--out", type=Path, required=True, help="the new store folder (must not exist)")
    parser.add_argument("--copies", type=int, default=143, help="copies of each article graph (default 143)")
    parser.add_argument("--small", type=Path, help="the small built store (default: OUT.small)")
    parser.add_argument("--no-reason", action="store_true", help="skip `akhbar reason` on the new store")
    args = parser.parse_args(argv)
    if args.out.exists():
        raise SystemExit(f"{args.out} exists; remove it or choose another --out")
    small = args.small or args.out.with_name(args.out.name + ".small")
    if not small.exists():
        build_small(args.shared, small)
    start = time.perf_counter()
    articles, quads = replicate(small, args.out, args.copies)
    print(f"{articles} articles, {quads} quads in {time.perf_counter() - start:.1f} s -> {args.out}")
    if not args.no_reason:
        start = time.perf_counter()
        subprocess.run([AKHBAR, "reason", "--store", str(args.out)], check=True)
        print(f"reasoned in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
