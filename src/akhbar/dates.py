"""Time expressions: every date the text gives, resolved against the article's publication date, with its
precision and its exact span; and which of them dates an event.

What is read (the words are data: ontology/lexicon/dates.toml):

- explicit dates: 19 نوفمبر/تشرين الثاني 2023, 16 أكتوبر (the year that puts it nearest the publication date),
  أكتوبر 2023
  (a month), 16/10/2024, 2024-10-16, any digits (Arabic-Indic too), the Egyptian/Gulf, Levantine, Maghreb
  and Moroccan month names; Hijri dates (15 رمضان 1445 هـ) converted with hijridate;
- days relative to publication: اليوم، أمس، أول أمس، غدا، بعد غد;
- weekdays: الأربعاء (the last one on or before publication), الأربعاء الماضي (strictly before), الأربعاء
  المقبل (strictly after);
- periods: الأسبوع/الشهر/العام الماضي، المقبل، الجاري، هذا الشهر، مطلع الشهر (الماضي): week, month or year
  precision;
- durations back: قبل يومين، قبل نحو أسبوعين، منذ ثلاثة أشهر (an approximate count of days is a week).

An expression that cannot be resolved — any relative one without a publication date, a vague one (قبل أيام),
one relative to something else (قبل يومين من الانتخابات), a month name alone (مارس is also a verb) — gives no
date: never a guess. A date right after an event noun (هجمات 7 أكتوبر) names another event and dates nothing.

Which date belongs to an event (`event_date`): the nearest expression in the event's clause (no comma,
semicolon, colon or quote between it and the trigger), else the nearest in its sentence; an asserted or
negated event is never dated in the future of its publication (a warning about "next week" happened now), and
a date with another event's trigger between it and this event's is the other event's (تهديدات ... بعد الغارات
التي نفذتها إسرائيل قبل نحو أسبوعين: the strikes were two weeks ago, not the threats); and
an event that is only possible, planned or conditional — the content of a warning, a threat or a demand — takes
a date only from after its own trigger (in حذرت واشنطن أمس من مهاجمة إسرائيل, أمس dates the warning, not the
attack it warns of).
Weeks are written as the date of their Monday with precision "week".
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from akhbar.kb import normalise
from akhbar.paths import ontology_dir
from akhbar.records import Span

PRECISIONS = ("day", "week", "month", "year")
CLITICS = "وفبل"
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")
_NUMERIC = re.compile(r"(?<!\d)(?:(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))(?!\d)")
_CLAUSE_BREAK = re.compile(r"[،,؛;:\"«»“”]")


@dataclass(frozen=True)
class TimeExpr:
    """A date read from the text: its span, ISO value (YYYY-MM-DD, YYYY-MM or YYYY; a week is its Monday),
    precision (day, week, month, year), whether it lies after publication, and whether it names another event
    (a date right after an event noun)."""

    span: Span
    value: str
    precision: str
    future: bool = False
    names_event: bool = False


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    norm: str  # normalised, without a leading clitic when the rest is a known word
    raw_norm: str  # normalised as written


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    hijri_months: dict[str, int]
    hijri_marks: frozenset[str]
    weekdays: dict[str, int]
    days: dict[str, int]
    day_phrases: dict[tuple[str, ...], int]
    not_today_after: frozenset[str]
    not_weekday_after: frozenset[str]
    past: frozenset[str]
    next: frozenset[str]
    this: frozenset[str]
    this_before: frozenset[str]
    periods: dict[str, str]
    period_parts: frozenset[str]
    ago: frozenset[str]
    approx: frozenset[tuple[str, ...]]
    units: dict[str, tuple[str, int]]
    numbers: dict[str, int]
    event_nouns: frozenset[str]

    def known(self, word: str) -> bool:
        return any(word in table for table in (
            self.months, self.hijri_months, self.weekdays, self.days, self.periods, self.units, self.numbers)) \
            or word in self.past or word in self.next or word in self.this or word in self.ago \
            or word in self.period_parts or any(word == p[0] for p in self.day_phrases)


@lru_cache(maxsize=2)
def _lexicon() -> _Lexicon:
    raw: dict[str, Any] = tomllib.loads((ontology_dir() / "lexicon" / "dates.toml").read_text(encoding="utf-8"))

    cues = raw["cues"]

    def words(key: str) -> frozenset[str]:
        return frozenset(normalise(w) for w in cues.get(key, []))

    return _Lexicon(
        months={normalise(k): int(v) for k, v in raw["months"].items()},
        hijri_months={normalise(k): int(v) for k, v in raw["hijri_months"].items()},
        hijri_marks=words("hijri_marks"),
        weekdays={normalise(k): int(v) for k, v in raw["weekdays"].items()},
        days={normalise(k): int(v) for k, v in raw["days"].items()},
        day_phrases={tuple(normalise(k).split()): int(v) for k, v in raw["day_phrases"].items()},
        not_today_after=words("not_today_after"),
        not_weekday_after=words("not_weekday_after"),
        past=words("past"), next=words("next"), this=words("this"), this_before=words("this_before"),
        periods={normalise(k): v for k, v in raw["periods"].items()},
        period_parts=words("period_parts"),
        ago=words("ago"),
        approx=frozenset(tuple(normalise(w).split()) for w in cues.get("approx", [])),
        units={normalise(k): (v[0], int(v[1])) for k, v in raw["units"].items()},
        numbers={normalise(k): int(v) for k, v in raw["numbers"].items()},
        event_nouns=words("event_nouns"),
    )


def _tokens(text: str, lex: _Lexicon) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        word = normalise(m.group())
        start = m.start()
        if not lex.known(word) and len(word) > 3 and word[0] in CLITICS:
            rest = word[1:]
            if lex.known(rest) or (rest[0] in CLITICS and lex.known(rest[1:])):
                skip = 1 if lex.known(rest) else 2
                out.append(_Tok(start + skip, m.end(), word[skip:], word))
                continue
        out.append(_Tok(start, m.end(), word, word))
    return out


def _nearest_year(year: int, month_now: int, month: int) -> int:
    """The year of a day and month written without one: the one that puts it nearest the publication (16
    أكتوبر published in January is last October; 1 نوفمبر published in October is next month)."""
    return min((year - 1, year, year + 1), key=lambda y: abs((y * 12 + month) - (year * 12 + month_now)))


def _number(word: str) -> int | None:
    return int(word) if word.isdecimal() else None  # (int() reads Arabic-Indic digits too)


def _iso(d: date) -> str:
    return d.isoformat()


def _month_back(pub: date, months: int) -> tuple[int, int]:
    index = pub.year * 12 + pub.month - 1 - months
    return index // 12, index % 12 + 1


def _period_value(precision: str, pub: date, shift: int) -> tuple[str, bool]:
    """The week, month or year `shift` periods from the publication's (negative: before)."""
    if precision == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        return _iso(monday), shift > 0
    if precision == "month":
        year, month = _month_back(pub, -shift)
        return f"{year:04d}-{month:02d}", shift > 0
    return f"{pub.year + shift:04d}", shift > 0


class _Reader:
    """One pass over an article's tokens, trying each kind of expression at each position."""

    def __init__(self, text: str, pub: date | None) -> None:
        self.text = text
        self.pub = pub
        self.lex = _lexicon()
        self.toks = _tokens(text, self.lex)

    def word(self, i: int) -> str:
        return self.toks[i].norm if 0 <= i < len(self.toks) else ""

    def span(self, i: int, j: int) -> Span:
        return Span(self.toks[i].start, self.toks[j - 1].end)

    def names_event(self, i: int) -> bool:
        return i > 0 and self.toks[i - 1].raw_norm in self.lex.event_nouns

    def read(self) -> list[TimeExpr]:
        found: list[TimeExpr] = []
        taken: set[int] = set()
        for m in _NUMERIC.finditer(self.text):
            value = self._numeric(m)
            if value:
                found.append(TimeExpr(Span(m.start(), m.end()), value, "day", self._after_pub(value)))
                taken.update(k for k, t in enumerate(self.toks) if m.start() <= t.start < m.end())
        i = 0
        while i < len(self.toks):
            if i in taken:
                i += 1
                continue
            for attempt in (self._explicit, self._ago, self._day_phrase, self._day, self._weekday, self._period):
                hit = attempt(i)
                if hit is not None:
                    expr, j = hit
                    if expr is not None:
                        found.append(expr)
                    i = j
                    break
            else:
                i += 1
        return sorted(found, key=lambda e: e.span.start)

    def _after_pub(self, value: str) -> bool:
        return self.pub is not None and value > _iso(self.pub)[: len(value)]

    @staticmethod
    def _numeric(m: re.Match[str]) -> str | None:
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5),
                                                                                   m.group(4))
        try:
            return _iso(date(int(year), int(month), int(day)))
        except ValueError:
            return None

    # -- explicit dates (Gregorian and Hijri) ----------------------------------------------------------------

    def _month_at(self, i: int, table: dict[str, int]) -> tuple[int, int] | None:
        """(month, tokens) for a one- or two-word month name at i."""
        two = f"{self.word(i)} {self.word(i + 1)}"
        if i + 1 < len(self.toks) and two in table:
            return table[two], 2
        if self.word(i) in table:
            return table[self.word(i)], 1
        return None

    def _explicit(self, i: int) -> tuple[TimeExpr | None, int] | None:
        day = _number(self.word(i))
        first = i
        if day is not None and 1 <= day <= 31 and len(self.word(i)) <= 2:
            i += 1
        else:
            day = None
        for table, hijri in ((self.lex.months, False), (self.lex.hijri_months, True)):
            month = self._month_at(i, table)
            if month is not None:
                return self._finish_explicit(first, i + month[1], day, month[0], hijri)
        return None

    def _finish_explicit(self, first: int, j: int, day: int | None, month: int, hijri: bool
                         ) -> tuple[TimeExpr | None, int] | None:
        if not hijri and j < len(self.toks) and "/" in self.text[self.toks[j - 1].end:self.toks[j].start]:
            alt = self._month_at(j, self.lex.months)  # (نوفمبر/تشرين الثاني: the same month twice)
            if alt is not None:
                j += alt[1]
        if self.word(j) in ("عام", "سنه") and _number(self.word(j + 1)):
            j += 1
        year = _number(self.word(j)) if len(self.word(j)) == 4 else None
        end = j + 1 if year is not None else j
        if year is not None and hijri and self.word(end) in self.lex.hijri_marks:
            end += 1
        span = self.span(first, end)
        names_event = self.names_event(first)
        if hijri:
            return self._hijri(span, day, month, year, names_event), end
        if year is not None and not 1900 <= year <= 2100:
            return None
        if day is None and year is None:
            return None  # (a month name alone: مارس is also a verb)
        if year is None:
            if self.pub is None:
                return None, end
            year = _nearest_year(self.pub.year, self.pub.month, month)
        if day is None:
            value = f"{year:04d}-{month:02d}"
            return TimeExpr(span, value, "month", self._after_pub(value), names_event), end
        try:
            value = _iso(date(year, month, day))
        except ValueError:
            return None, end
        return TimeExpr(span, value, "day", self._after_pub(value), names_event), end

    def _hijri(self, span: Span, day: int | None, month: int, year: int | None, names_event: bool
               ) -> TimeExpr | None:
        from hijridate import Gregorian, Hijri

        if day is None:
            return None  # (a Hijri month straddles two Gregorian months)
        if year is None:
            if self.pub is None:
                return None
            now = Gregorian(self.pub.year, self.pub.month, self.pub.day).to_hijri()
            year = _nearest_year(now.year, now.month, month)
        if not 1300 <= year <= 1600:
            return None
        try:
            value = _iso(Hijri(year, month, day).to_gregorian())
        except (ValueError, OverflowError):
            return None
        return TimeExpr(span, value, "day", self._after_pub(value), names_event)

    # -- relative to publication ------------------------------------------------------------------------------

    def _resolved(self, span: Span, value: str, precision: str, future: bool) -> TimeExpr | None:
        return TimeExpr(span, value, precision, future) if self.pub is not None else None

    def _ago(self, i: int) -> tuple[TimeExpr | None, int] | None:
        if self.word(i) not in self.lex.ago:
            return None
        j, approx = i + 1, False
        for phrase in sorted(self.lex.approx, key=len, reverse=True):
            if tuple(self.word(j + k) for k in range(len(phrase))) == phrase:
                j, approx = j + len(phrase), True
                break
        count = _number(self.word(j)) or self.lex.numbers.get(self.word(j))
        if count is not None:
            j += 1
        unit = self.lex.units.get(self.word(j))
        if unit is None:
            return None
        kind, implied = unit
        end = j + 1
        count = count or implied
        if not count or self.word(end) == "من" or self.pub is None:
            return None, end  # (vague: قبل أيام; relative to something else: قبل يومين من الانتخابات)
        span = self.span(i, end)
        if kind == "day":
            when = self.pub - timedelta(days=count)
            if approx:
                return self._resolved(span, _iso(when - timedelta(days=when.weekday())), "week", False), end
            return self._resolved(span, _iso(when), "day", False), end
        if kind == "week":
            when = self.pub - timedelta(weeks=count)
            return self._resolved(span, _iso(when - timedelta(days=when.weekday())), "week", False), end
        if kind == "month":
            year, month = _month_back(self.pub, count)
            return self._resolved(span, f"{year:04d}-{month:02d}", "month", False), end
        return self._resolved(span, f"{self.pub.year - count:04d}", "year", False), end

    def _day_phrase(self, i: int) -> tuple[TimeExpr | None, int] | None:
        for phrase, offset in self.lex.day_phrases.items():
            if tuple(self.word(i + k) for k in range(len(phrase))) == phrase:
                end = i + len(phrase)
                return self._day_value(self.span(i, end), offset), end
        return None

    def _day_value(self, span: Span, offset: int) -> TimeExpr | None:
        if self.pub is None:
            return None
        return TimeExpr(span, _iso(self.pub + timedelta(days=offset)), "day", offset > 0)

    def _day(self, i: int) -> tuple[TimeExpr | None, int] | None:
        offset = self.lex.days.get(self.word(i))
        if offset is None:
            return None
        if offset == 0 and self.word(i + 1) in self.lex.not_today_after:
            return None, i + 2  # (اليوم التالي: the day after something else)
        return self._day_value(self.span(i, i + 1), offset), i + 1

    def _weekday(self, i: int) -> tuple[TimeExpr | None, int] | None:
        weekday = self.lex.weekdays.get(self.word(i))
        if weekday is None:
            return None
        if i > 0 and self.toks[i - 1].raw_norm in self.lex.not_weekday_after:
            return None, i + 1  # (صلاة الجمعة: Friday prayers)
        explicit = self._explicit(i + 1)  # (الأربعاء 16 أكتوبر: the explicit date says it)
        if explicit is not None and explicit[0] is not None:
            expr, end = explicit
            return TimeExpr(self.span(i, end), expr.value, expr.precision, expr.future, expr.names_event), end
        end, modifier = i + 1, self.word(i + 1)
        if modifier in self.lex.past or modifier in self.lex.next:
            end += 1
        if self.pub is None:
            return None, end
        back = (self.pub.weekday() - weekday) % 7
        if modifier in self.lex.next:
            ahead = (weekday - self.pub.weekday()) % 7 or 7
            return TimeExpr(self.span(i, end), _iso(self.pub + timedelta(days=ahead)), "day", True), end
        if modifier in self.lex.past and back == 0:
            back = 7
        return TimeExpr(self.span(i, end), _iso(self.pub - timedelta(days=back)), "day", False), end

    def _period(self, i: int) -> tuple[TimeExpr | None, int] | None:
        j, part, this = i, False, False
        if self.word(j) in self.lex.period_parts:
            j, part = j + 1, True
        if self.word(j) in self.lex.this_before:
            j, this = j + 1, True
        precision = self.lex.periods.get(self.word(j))
        if precision is None:
            return None
        end, modifier = j + 1, self.word(j + 1)
        if modifier in self.lex.past:
            shift = -1
        elif modifier in self.lex.next:
            shift = 1
        elif modifier in self.lex.this or this or part:
            shift = 0
        else:
            return None  # (الشهر alone: no period of time named)
        if modifier in self.lex.past or modifier in self.lex.next or modifier in self.lex.this:
            end += 1
        if self.pub is None:
            return None, end
        value, future = _period_value(precision, self.pub, shift)
        return TimeExpr(self.span(i, end), value, precision, future), end


def find_dates(text: str, published: str | None = None) -> list[TimeExpr]:
    """Every time expression of `text`, resolved against the publication date `published` (ISO day).

    >>> text = "قصفت إسرائيل الأربعاء الماضي مواقع، بعد هجمات قبل نحو أسبوعين."
    >>> [(text[e.span.start:e.span.end], e.value, e.precision) for e in find_dates(text, "2024-10-16")]
    [('الأربعاء الماضي', '2024-10-09', 'day'), ('قبل نحو أسبوعين', '2024-09-30', 'week')]
    """
    pub = date.fromisoformat(published) if published else None
    return _Reader(text, pub).read()


def event_date(dates: list[TimeExpr], text: str, trigger: Span, sentence: Span, modality: str,
               others: Sequence[Span] = ()) -> TimeExpr | None:
    """The expression that dates an event: the nearest in its clause, else in its sentence; never one naming
    another event, nor a future one for an asserted or negated event, nor one before the trigger of an event
    that is not asserted.

    >>> text = "حذرت واشنطن الاثنين من هجوم الأسبوع المقبل."
    >>> e = event_date(find_dates(text, "2024-10-16"), text, Span(0, 4), Span(0, len(text)), "Asserted")
    >>> text[e.span.start:e.span.end], e.value
    ('الاثنين', '2024-10-14')
    """
    asserted = modality in ("Asserted", "Negated")

    def nearer_event(d: TimeExpr) -> bool:  # (another event's trigger lies between: the date is that event's)
        lo, hi = (d.span.end, trigger.start) if d.span.end <= trigger.start else (trigger.end, d.span.start)
        return any(lo <= o.start and o.end <= hi for o in others if o != trigger)

    usable = [d for d in dates if sentence.start <= d.span.start and d.span.end <= sentence.end
              and not d.names_event and not (d.future and asserted)
              and (asserted or d.span.start >= trigger.end) and not nearer_event(d)]
    if not usable:
        return None

    def distance(d: TimeExpr) -> tuple[bool, int]:
        lo, hi = (d.span.end, trigger.start) if d.span.end <= trigger.start else (trigger.end, d.span.start)
        return bool(_CLAUSE_BREAK.search(text, lo, max(lo, hi))), abs(hi - lo)

    return min(usable, key=distance)


def dateline_date(text: str, lines: int = 3) -> str | None:
    """A publication date written in the first lines (a dateline: «بيروت - 16 أكتوبر 2024»), as an ISO day;
    only a full date (day, month and year) counts.

    >>> dateline_date("عنوان الخبر\\nبيروت ـ الأربعاء 16 أكتوبر/تشرين الأول 2024\\nنص الخبر")
    '2024-10-16'
    """
    found = _dateline(text, lines)
    return found.value if found else None


def dateline_span(text: str, value: str | None, lines: int = 3) -> Span | None:
    """Where the dateline gave the publication date `value` (for its NIF evidence)."""
    found = _dateline(text, lines)
    return found.span if found and found.value == value else None


def _dateline(text: str, lines: int) -> TimeExpr | None:
    end, seen = 0, 0
    for line in text.splitlines(keepends=True):
        end += len(line)
        seen += bool(line.strip())
        if seen >= lines:
            break
    for expr in find_dates(text[:end]):
        if expr.precision == "day" and not expr.names_event:
            return expr
    return None
