"""Provenance beyond offsets: who reports an event (outlet, sources) and the date the text gives it."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from akhbar.extract.actors import ActorRef
from akhbar.extract.lexicon import LEXICON_DIR, Lexicon
from akhbar.extract.text import Word
from akhbar.kb import normalise
from akhbar.paths import ontology_dir

_DATE_RE = re.compile(r"(?:(\d{1,2})\s+)?([^\W\d_]+(?:\s+[^\W\d_]+)?)(?:\s*/\s*[^\W\d_]+(?:\s+[^\W\d_]+)?)?\s+(\d{4})")


@lru_cache(maxsize=2)
def _data() -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    raw = tomllib.loads((ontology_dir() / LEXICON_DIR / "provenance.toml").read_text(encoding="utf-8"))
    months = {normalise(k): int(v) for k, v in raw.get("months", {}).items()}
    rep = raw.get("reporting", {})
    return (months, frozenset(normalise(w) for w in rep.get("transmit", [])),
            frozenset(normalise(w) for w in rep.get("according", [])))


_YEAR_RE = re.compile(r"\d{4}")
_DAY_MONTH_RE = re.compile(r"(\d{1,2})\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)")


def event_date(text: str, start: int, end: int, article_date: str | None = None) -> str | None:
    """An explicit date in text[start:end] (19 نوفمبر/تشرين الثاني 2023 → 2023-11-19).

    A day and month without a year (في 26 أكتوبر) take the year of the article's date, the year before when
    that month is later than the article's; without an article date they give nothing.
    """
    months = _data()[0]
    found = _full_date(text, start, end, months)
    if found or not article_date:
        return found
    year, month_now = int(article_date[:4]), int(article_date[5:7])
    for m in _DAY_MONTH_RE.finditer(text, start, end):
        name = normalise(m.group(2))
        month = months.get(name) or months.get(name.split()[0])
        if month and 1 <= int(m.group(1)) <= 31:
            y = year if month <= month_now else year - 1
            return f"{y:04d}-{month:02d}-{int(m.group(1)):02d}"
    return None


def _full_date(text: str, start: int, end: int, months: dict[str, int]) -> str | None:
    if not _YEAR_RE.search(text, start, end):
        return None  # every full date ends in a year: skip the slow pattern on most sentences
    for m in _DATE_RE.finditer(text, start, end):
        day, month_name, year = m.group(1), normalise(m.group(2)), int(m.group(3))
        month = months.get(month_name) or months.get(month_name.split()[-1]) if month_name else None
        if month is None and month_name and len(month_name.split()) == 2:
            month = months.get(month_name.split()[1])
        if not month or not 1900 <= year <= 2100:
            continue
        if day and 1 <= int(day) <= 31:
            return f"{year:04d}-{month:02d}-{int(day):02d}"
        return f"{year:04d}-{month:02d}"
    return None


def reporting_chain(words: list[Word], refs: list[ActorRef], lex: Lexicon,
                    text: str) -> tuple[str | None, tuple[str, ...]]:
    """(outlet that reports, sources it cites) read from a sentence (نقل موقع اكسيوس عن مسؤولين)."""
    _, transmit, according = _data()
    ref_at = {k: r for r in refs for k in range(r.first, r.last)}
    outlet = next((r.iri for r in refs if r.kind == "MediaOutlet"), None)
    sources: list[str] = []
    for i, w in enumerate(words):
        if w.norm in transmit:
            for j in range(i + 1, min(len(words), i + 6)):
                if words[j].norm == "عن":
                    r = ref_at.get(j + 1)
                    if r is not None:
                        sources.extend(x for x in r.iris if x != outlet)
                    break
        elif w.norm in according:
            r = ref_at.get(i + 1) or ref_at.get(i + 2)
            if r is not None:
                if r.kind == "MediaOutlet":
                    outlet = outlet or r.iri
                else:
                    sources.extend(r.iris)
    return outlet, tuple(dict.fromkeys(sources))
