#!/usr/bin/env python3
"""Score the dev set as users may bring it: copies of its articles written differently, side by side.

    .venv/bin/python scripts/evaluate_robustness.py ../shared/eval/dev [--variants nbsp,persian,...]

Real articles arrive with what the annotated ones were cleaned of: non-breaking spaces and direction marks from
web pages, Persian letters from text copied out of Persian sources, Egyptian spelling (ى for a final ي), no
hamza, tatweel, short vowels written out, curly or angle quotes, CRLF line endings. Each variant below rewrites
every dev article (and, where it changes letters the shared scorer does not fold, the gold names alike, as an
annotator of that text would have written them), reads it with the shipped linker through
`scripts/evaluate_dev.py` (in-sample: the figure is for comparing variants, not a generalisation figure), and
prints one row per variant with its difference from the unchanged copy. A variant that falls far below "clean"
is a kind of input akhbar reads worse.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PERSIAN = str.maketrans({"ي": "ی", "ك": "ک"})
MARKS = "\u200f"  # a right-to-left mark, as some sites put before every word

# name → (rewrite of the article text, rewrite of a gold name or None when the scorer's folding covers it)
VARIANTS: dict[str, tuple[Callable[[str], str], Callable[[str], str] | None]] = {
    "clean": (lambda t: t, None),
    "nbsp": (lambda t: t.replace(" ", "\u00a0"), lambda n: n.replace(" ", "\u00a0")),
    "marks": (lambda t: re.sub(r"(?<=\s)(?=\w)", MARKS, t), None),
    "persian": (lambda t: t.translate(PERSIAN), lambda n: n.translate(PERSIAN)),
    "crlf": (lambda t: t.replace("\n", "\r\n"), None),
    "latin_comma": (lambda t: t.replace("،", ","), None),
    "guillemets": (lambda t: re.sub(r'"([^"\n]{1,200})"', r"«\1»", t), None),
    "curly_quotes": (lambda t: re.sub(r'"([^"\n]{1,200})"', r"“\1”", t), None),
    "tatweel": (lambda t: re.sub(r"\bال(?=\w{3})", "الـ", t), lambda n: re.sub(r"\bال(?=\w{3})", "الـ", n)),
    "diacritics": (lambda t: re.sub(r"([بتثجحخدذرزسشصضطظعغفقكلمن])(?=\w)", "\\1\u064e", t), None),
    "no_hamza": (lambda t: re.sub("[أإآ]", "ا", t), None),
    "egyptian_ya": (lambda t: re.sub(r"ي\b", "ى", t), None),
    "one_paragraph": (lambda t: re.sub(r"\s*\n+\s*", " ", t), None),
}


def write_variant(dev: Path, out: Path, text: Callable[[str], str], name: Callable[[str], str] | None) -> None:
    """A dev folder at `out` whose articles (and gold names, when `name` is given) are rewritten."""
    (out / "articles").mkdir(parents=True)
    for path in sorted((dev / "articles").glob("*.txt")):
        # bytes, so that CRLF is written as CRLF
        (out / "articles" / path.name).write_bytes(text(path.read_text(encoding="utf-8")).encode("utf-8"))
    with open(dev / "gold.jsonl", encoding="utf-8") as src, open(out / "gold.jsonl", "w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            record = json.loads(line)
            if name is not None:
                for entity in record["entities"]:
                    names = entity.get("names", {})
                    names["ar"] = [name(n) for n in names.get("ar", [])]
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")


def score(folder: Path, scorer: Path) -> dict:
    """The shared scorer's JSON figures for a dev folder read by `scripts/evaluate_dev.py`."""
    out = folder / "graph.nq"
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "evaluate_dev.py"), str(folder), "--scorer",
                          str(scorer), "--out", str(out)], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"evaluate_robustness: reading {folder.name} failed: {run.stderr.strip().splitlines()[-1:]}")
    from akhbar.kb import actor_files

    figures = subprocess.run([sys.executable, str(scorer), str(out), *map(str, actor_files()), "--gold",
                              str(folder / "gold.jsonl"), "--ontology", str(REPO / "ontology"), "--json"],
                             capture_output=True, text=True, check=True)
    return json.loads(figures.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dev", type=Path, help="a dev folder: articles/*.txt and gold.jsonl")
    ap.add_argument("--scorer", type=Path, help="the shared score.py (default: beside the dev folder)")
    ap.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated, of: " + ", ".join(VARIANTS))
    args = ap.parse_args()
    scorer = args.scorer or args.dev.parent / "score.py"
    names = args.variants.split(",")
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        sys.exit(f"evaluate_robustness: no variant {', '.join(unknown)}; choose from {', '.join(VARIANTS)}")
    if "clean" not in names:
        names.insert(0, "clean")
    rows = []
    with tempfile.TemporaryDirectory(prefix="akhbar-robust-") as tmp:
        for name in names:
            folder = Path(tmp) / name
            write_variant(args.dev, folder, *VARIANTS[name])
            rows.append((name, score(folder, scorer)))
    base = rows[0][1]["strict"]["f1"]
    print(f"{'variant':14s} {'strict P / R / F1':>22s} {'state F1':>9s} {'modality F1':>12s} {'Δ strict':>9s}")
    for name, r in rows:
        s = r["strict"]
        print(f"{name:14s} {s['precision']:>7.3f}/{s['recall']:.3f}/{s['f1']:.3f} {r['state']['f1']:>9.3f} "
              f"{r['modality']['f1']:>12.3f} {s['f1'] - base:>+9.3f}")


if __name__ == "__main__":
    main()
