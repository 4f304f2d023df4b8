#!/usr/bin/env python3
"""Build the dev set's graph with akhbar's own pipeline and score it with the shared scorer.

    .venv/bin/python scripts/evaluate_dev.py /work/shared/eval/dev [--scorer PATH] [--explain] [--blank]
        [--kb ontology/actors.ttl] [--out /tmp/dev.nq] [--cv 5 [--seeds 13,7,21,5] [--hold-out-actors]
         [--extra eval/written/HIJ ...]]

DEV is a folder with articles/*.txt and gold.jsonl; the scorer defaults to DEV/../score.py. The script
analyses every article (the default model, or the blank spaCy Arabic tokenizer with --blank), runs
akhbar.extract.extract, turns the records into N-Quads with akhbar.graph.rdf.extraction_quads, checks
that every trigger and sentence offset reads back exactly, and prints the scorer's lines.

With --cv K the shipped linker is not used: the articles are split into K folds (akhbar.learn.train.folds),
and each fold is read by a linker trained (with the shipped model's learner and C) on the other folds and
decoded with thresholds chosen by an inner cross-validation over those folds (akhbar.learn.train.nested),
so every figure is for articles that neither the model nor its thresholds saw. How the 70 articles fall into
folds moves the figure by a few points: --seeds runs the whole nested cross-validation once per fold seed and
prints each run's figures and their mean (the first seed, 13, is the one training uses). Either way the actor graph
(ontology/actors.ttl and states.ttl, or --kb) is scored along, as a store's export has it.

The actor base grew while the dev articles were read, so each finds its own rare actors by name. With
--hold-out-actors (and --cv) each article is read without the base's actors that no other dev article names
(akhbar.learn.dataset.singular_actors), as an unseen article would be: a figure nearer to what unseen articles
get, and a measure of the open matchers (titles, facilities, places, phrases) on 70 articles rather than 18.
With --hold-out-actors all, each article is read with the base's states and capitals only
(akhbar.learn.dataset.base_actors): every other actor it names must be found by the open matchers, as in an
article from a region or a war the base was never extended for.

With --extra FOLDER (repeatable, with --cv) every fold's linker is also trained on the articles of FOLDER (the sets
written for us, eval/written/), which are never held out or scored: the figure stays the dev articles'.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from statistics import mean

import pyoxigraph as ox

from akhbar import extract as extract_mod
from akhbar.extract.text import sentence_spans
from akhbar.graph.rdf import extraction_quads
from akhbar.kb import load_kb
from akhbar.paths import ontology_dir
from akhbar.records import Extraction
from akhbar.text import read_article


def analyser(blank: bool) -> Callable:
    """The project's default analyser, or spaCy's blank Arabic tokenizer."""
    if not blank:
        try:
            from akhbar.analysis import load_analyser

            return load_analyser("default")
        except Exception as err:  # no model committed yet
            print(f"evaluate_dev: default analyser unavailable ({err}); using the blank tokenizer",
                  file=sys.stderr)
    import spacy

    return spacy.blank("ar")


def check_offsets(ex: Extraction) -> int:
    """Count offset problems: triggers inside their sentence, sentences exactly as split, mentions exact."""
    text = ex.article.text
    sentences = set(sentence_spans(text))
    bad = 0
    for ev in ex.events:
        if (ev.sentence.start, ev.sentence.end) not in sentences:
            bad += 1
        if not ev.sentence.start <= ev.trigger.start < ev.trigger.end <= ev.sentence.end:
            bad += 1
    for m in ex.mentions:
        if text[m.span.start:m.span.end] != m.text:
            bad += 1
    return bad


NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


def check_export(quads: list[ox.Quad]) -> tuple[int, int]:
    """(NIF strings checked, mismatches): every evidence offset must read back its anchorOf in its article."""
    strings: dict[str, str] = {}
    props: dict[str, dict[str, str]] = {}
    for q in quads:
        p = q.predicate.value
        if p == NIF + "isString":
            strings[q.subject.value] = q.object.value
        elif p in (NIF + "beginIndex", NIF + "endIndex", NIF + "anchorOf", NIF + "referenceContext"):
            props.setdefault(q.subject.value, {})[p[len(NIF):]] = q.object.value
    bad = 0
    for node in props.values():
        text = strings[node["referenceContext"]]
        if text[int(node["beginIndex"]):int(node["endIndex"])] != node["anchorOf"]:
            bad += 1
    return len(props), bad


def main() -> None:
    """Build, check and score."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dev", type=Path)
    ap.add_argument("--scorer", type=Path)
    ap.add_argument("--kb", type=Path)
    ap.add_argument("--out", type=Path, help="the graph written (default: a new temporary file, so that runs "
                    "at the same time do not score each other's graphs)")
    ap.add_argument("--explain", action="store_true")
    ap.add_argument("--blank", action="store_true", help="use spaCy's blank Arabic tokenizer (no parse)")
    ap.add_argument("--ids", help="comma-separated article ids")
    ap.add_argument("--cv", type=int, default=0, help="cross-validate the linker over this many folds by article")
    ap.add_argument("--seeds", default="13", help="with --cv: comma-separated fold seeds (several: each and the mean)")
    ap.add_argument("--extra", action="append", default=[], type=Path,
                    help="with --cv: a further annotated folder every fold's linker is trained on as well (never "
                         "held out or scored; repeatable), as `akhbar model train-linker --extra`")
    ap.add_argument("--hold-out-actors", nargs="?", const="singular", choices=("singular", "all"),
                    help="with --cv: read each article without the base's actors that no other dev article names "
                    "(singular, the default), or without all but its states and capitals (all)")
    args = ap.parse_args()
    if args.out is None:
        handle, name = tempfile.mkstemp(prefix="akhbar_dev_", suffix=".nq")
        os.close(handle)
        args.out = Path(name)

    kb = load_kb(args.kb)
    nlp = analyser(args.blank)
    if args.hold_out_actors and not args.cv:
        sys.exit("evaluate_dev: --hold-out-actors needs --cv (the shipped linker was trained with those actors)")
    if args.cv:
        return cross_validated(args, kb, nlp)
    files = sorted((args.dev / "articles").glob("*.txt"))
    if args.ids:
        keep = set(args.ids.split(","))
        files = [f for f in files if f.stem in keep]
    started = time.perf_counter()
    quads: list[ox.Quad] = []
    bad = events = 0
    for f in files:
        article = read_article(f)
        ex = extract_mod.extract(nlp(article.text), article, kb)
        bad += check_offsets(ex)
        events += len(ex.events)
        quads.extend(extraction_quads(ex))
    with open(args.out, "wb") as fh:
        ox.serialize(quads, fh, ox.RdfFormat.N_QUADS)
    checked, mismatched = check_export(list(ox.parse(path=str(args.out), format=ox.RdfFormat.N_QUADS)))
    print(f"{len(files)} articles, {events} events, record offset problems: {bad}, "
          f"NIF evidence strings checked in the export: {checked}, mismatched: {mismatched}, "
          f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
    if bad or mismatched:
        sys.exit("evaluate_dev: evidence offsets are not exact")
    run_scorer(args)


def cross_validated(args: argparse.Namespace, kb, nlp: Callable) -> None:
    """Score every article with a linker trained on the other folds; write all and score once."""
    from akhbar.extract import decode_article
    from akhbar.extract.linker import load_linker
    from akhbar.learn.dataset import load_dev
    from akhbar.learn.train import nested

    shipped = load_linker()
    started = time.perf_counter()
    hold_out = {None: False, "singular": True, "all": "all"}[args.hold_out_actors]
    articles = load_dev(args.dev, kb, nlp, set(args.ids.split(",")) if args.ids else None, hold_out)
    extra = [a for folder in args.extra for a in load_dev(folder, kb, nlp)]
    seeds = [int(x) for x in args.seeds.split(",")]
    runs: list[dict] = []
    for seed in seeds:
        scores, policies = nested(articles, args.cv, shipped.meta.get("learner", "listwise"),
                                  float(shipped.meta.get("c", 0.05)), seed, extra)
        quads: list[ox.Quad] = []
        bad = 0
        for a in articles:
            ex = decode_article(a.units, scores[a.id], policies[a.id])
            bad += check_offsets(ex)
            quads.extend(extraction_quads(ex))
        with open(args.out, "wb") as fh:
            ox.serialize(quads, fh, ox.RdfFormat.N_QUADS)
        print(f"{len(articles)} articles cross-validated in {args.cv} folds (seed {seed}), offset problems {bad}, "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
        if bad:
            sys.exit("evaluate_dev: evidence offsets are not exact")
        if len(seeds) == 1:
            run_scorer(args)
        runs.append(json.loads(subprocess.run([*scorer_command(args), "--json"], check=True, capture_output=True,
                                              text=True).stdout))
    levels = ("strict", "state", "modality")
    for seed, r in zip(seeds, runs, strict=True):
        print(f"seed {seed:3d}  " + "  ".join(
            f"{lv} P={r[lv]['precision']:.3f} R={r[lv]['recall']:.3f} F1={r[lv]['f1']:.3f}" for lv in levels))
    print("mean      " + "  ".join(
        f"{lv} P={mean(r[lv]['precision'] for r in runs):.3f} R={mean(r[lv]['recall'] for r in runs):.3f} "
        f"F1={mean(r[lv]['f1'] for r in runs):.3f}" for lv in levels))


def scorer_command(args: argparse.Namespace) -> list[str]:
    """The shared scorer's command line on the written graph (and the actor base, as a store export has it)."""
    from akhbar.kb import actor_files

    scorer = args.scorer or args.dev.parent / "score.py"
    actors = [str(args.kb)] if args.kb else [str(p) for p in actor_files()]
    graphs = [str(args.out), *actors]
    cmd = [sys.executable, str(scorer), *graphs, "--gold", str(args.dev / "gold.jsonl"),
           "--ontology", str(ontology_dir())]
    if args.ids:
        cmd += ["--ids", args.ids]
    return cmd


def run_scorer(args: argparse.Namespace) -> None:
    """Run the shared scorer and print its lines."""
    code = subprocess.call([*scorer_command(args), *(["--explain"] if args.explain else [])])
    if code:
        sys.exit(code)


if __name__ == "__main__":
    main()
