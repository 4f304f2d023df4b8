"""Synthetic benchmark corpus: new articles made by recombining the sentences of real ones.

Usage: python benchmarks/corpus.py OUT_DIR --articles N [--source DIR ...] [--seed S]

Sentences come from examples/articles and from any folder given with --source (e.g. the dev articles
of the shared evaluation set). Each article gets a title line (a sentence) and SENTENCES_PER_ARTICLE
sentences drawn with a seeded generator, so the same arguments make the same corpus. Articles are
written one by one (nothing corpus-sized is held in memory). Never commit a generated corpus.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = (REPO / "examples" / "articles",)
SENTENCES_PER_ARTICLE = (6, 12)  # inclusive range, about the length of a short news report
_SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+")
MIN_SENTENCE_WORDS = 4


def sentences(sources: list[Path]) -> list[str]:
    """The sentences (one line or one period-ended clause each) of every *.txt under the sources."""
    found: list[str] = []
    for source in sources:
        files = sorted(source.rglob("*.txt")) if source.is_dir() else [source]
        for path in files:
            for line in path.read_text(encoding="utf-8").splitlines():
                for part in _SENTENCE_END.split(line.strip()):
                    if len(part.split()) >= MIN_SENTENCE_WORDS:
                        found.append(part)
    return found


def articles(pool: list[str], count: int, seed: int = 0) -> Iterator[str]:
    """`count` article texts, each a title sentence then a few body sentences drawn from `pool`."""
    rng = random.Random(seed)
    low, high = SENTENCES_PER_ARTICLE
    for _ in range(count):
        body = rng.sample(pool, k=min(len(pool), rng.randint(low, high)))
        yield "\n".join(body) + "\n"


def write_corpus(out: Path, count: int, sources: list[Path], seed: int = 0) -> int:
    """Write `count` articles as OUT/syn-NNNNN.txt; returns the number of words written."""
    pool = sentences(sources)
    if not pool:
        raise SystemExit(f"no sentences found in {', '.join(map(str, sources))}")
    out.mkdir(parents=True, exist_ok=True)
    words = 0
    for n, text in enumerate(articles(pool, count, seed)):
        (out / f"syn-{n:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def main(argv: list[str] | None = None) -> int:
    """Make the corpus and say how big it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--source", type=Path, action="append", default=[])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sources = [*DEFAULT_SOURCES, *args.source]
    words = write_corpus(args.out, args.articles, sources, args.seed)
    print(f"{args.articles} articles, {words} words from {len(sentences(sources))} sentences -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
