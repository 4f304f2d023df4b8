"""Event dates on akhbar's own date test set (tests/data/dates.jsonl: 76 sentences, every kind of expression and
the traps the guidelines name), scored as scripts/evaluate_dates.py scores them."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT / "tests" / "data" / "dates.jsonl"


def evaluate_dates():
    spec = importlib.util.spec_from_file_location("evaluate_dates", ROOT / "scripts" / "evaluate_dates.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_date_set_covers_every_kind_with_traps() -> None:
    records = [json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines()]
    kinds = {r["kind"] for r in records}
    assert len(records) >= 60
    assert {"relative-day", "weekday", "period", "ago", "explicit", "explicit-maghreb", "explicit-digits", "hijri",
            "no-publication-date"} <= kinds
    assert sum(k.startswith("trap") for k in kinds) >= 8


def test_day_exact_dates_are_precise_and_found() -> None:
    module = evaluate_dates()
    records = [json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines()]
    scores = module.scores(records)
    precision, recall, *_ = scores["day"]
    assert precision >= 0.95 and recall >= 0.95, scores
    wrong = [(r["text"], r["trigger"], module.predict(r)) for r in records
             if module.predict(r) != (r["date"], r["precision"])]
    assert len(wrong) <= 3, wrong
