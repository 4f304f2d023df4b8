"""Precision and recall of event dates on akhbar's own date test set (tests/data/dates.jsonl).

    python scripts/evaluate_dates.py [DATASET] [--errors]

Each record is a sentence with a publication date (or none), the trigger of one event, its modality, the
other event triggers of the sentence (`others`) and the date the event should get (ISO value and precision, or
none). The script reads every time expression with akhbar.dates, picks the event's as the extractor does, and
prints precision and recall of day-exact dates (the value and the precision "day" both right), of all dates
(value and precision), and per kind.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from akhbar.dates import event_date, find_dates
from akhbar.records import Span

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "dates.jsonl"


def predict(record: dict) -> tuple[str | None, str | None]:
    """(value, precision) the extractor would give the record's event."""
    text = record["text"]
    start = text.index(record["trigger"])
    others = [Span(text.index(word), text.index(word) + len(word)) for word in record.get("others", [])]
    found = event_date(find_dates(text, record["published"]), text, Span(start, start + len(record["trigger"])),
                       Span(0, len(text)), record["modality"], others)
    return (found.value, found.precision) if found else (None, None)


def scores(records: list[dict]) -> dict[str, tuple[float, float, int, int, int]]:
    """{scope: (precision, recall, true positives, predicted, gold)} for day-exact and for all dates."""
    counts: Counter[str] = Counter()
    for record in records:
        value, precision = predict(record)
        gold = (record["date"], record["precision"])
        for scope, keep in (("day", lambda p: p == "day"), ("all", lambda p: p is not None)):
            if keep(precision):
                counts[scope + " predicted"] += 1
            if keep(gold[1]):
                counts[scope + " gold"] += 1
            if keep(precision) and (value, precision) == gold:
                counts[scope + " tp"] += 1
    out = {}
    for scope in ("day", "all"):
        tp, pred, gold_n = counts[scope + " tp"], counts[scope + " predicted"], counts[scope + " gold"]
        out[scope] = (tp / pred if pred else 0.0, tp / gold_n if gold_n else 0.0, tp, pred, gold_n)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", action="store_true", help="print each record the extractor gets wrong")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.dataset.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"{len(records)} sentences, {len({r['kind'] for r in records})} kinds")
    for scope, (p, r, tp, pred, gold) in scores(records).items():
        name = "day-exact dates" if scope == "day" else "all dates (value and precision)"
        print(f"{name:32} P {p:.3f}  R {r:.3f}  ({tp} right of {pred} given, {gold} in gold)")
    by_kind: dict[str, list[int]] = {}
    for record in records:
        right = predict(record) == (record["date"], record["precision"])
        by_kind.setdefault(record["kind"], [0, 0])
        by_kind[record["kind"]][0] += right
        by_kind[record["kind"]][1] += 1
        if args.errors and not right:
            print(f"  wrong ({record['kind']}): {record['text']} [{record['trigger']}] gave {predict(record)}, "
                  f"gold {(record['date'], record['precision'])}")
    print("per kind (right/total): " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(by_kind.items())))


if __name__ == "__main__":
    main()
