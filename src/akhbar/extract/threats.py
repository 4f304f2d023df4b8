"""Conditional threats in quoted or reported speech (GUIDELINES §2): "إذا ... فسنـ", "إذا ... فإن ... سيدفع".

A sentence that sets a condition and says what will then happen (a verb in the future, سـ or سوف, after the
condition or before it, an attack verb too: سنضرب القواعد إذا ...) threatens its addressee even with no
warning word: the future verb is read as a Warning trigger whose participants
the linker chooses like any other's (the speaker warns; the addressee is the one the condition is about).
Only in speech — inside quotation marks or after a verb of saying — and only when the sentence has no
warning trigger of its own.

>>> from akhbar.kb import load_kb
>>> from akhbar.records import Article
>>> from akhbar.extract.units import read_units
>>> text = "وقال الوزير: «إذا هاجمتنا إيران فسنرد بقوة»."
>>> [t.action for t in read_units(None, Article("x", "x.txt", text), load_kb()).sentences[0].triggers]
['Attack', 'Warning']
"""

from __future__ import annotations

from akhbar.extract.events import Trigger
from akhbar.extract.lexicon import Lexicon
from akhbar.extract.modality import conditions
from akhbar.extract.text import Word

FUTURE_PREFIXES = ("س", "وس", "فس")
IMPERFECT = ("ي", "ت", "ن", "ا")
SOON = frozenset({"سوف", "وسوف", "فسوف"})


def future_verb(words: list[Word], k: int) -> bool:
    """Whether word k is a verb in the future (سنرد، فستدفع، سوف نرد)."""
    norm = words[k].norm
    if norm in SOON:
        return k + 1 < len(words)
    for prefix in FUTURE_PREFIXES:
        rest = norm[len(prefix):]
        if norm.startswith(prefix) and len(rest) >= 4 and rest[0] in IMPERFECT:
            return True
    return False


def conditional_threats(words: list[Word], triggers: list[Trigger], lex: Lexicon, quoted: list[bool],
                        says: bool) -> list[Trigger]:
    """The Warning triggers of a conditional threat in speech (none if the sentence has a warning already)."""
    if any(t.core == "Warning" for t in triggers) or not (says or any(quoted)):
        return []
    openers = conditions(words, lex)
    if not openers:
        return []
    taken = {k for t in triggers if t.core != "Attack" for k in range(t.first, t.last)}
    for first, _ in openers:  # the consequent after its condition (إذا ... فسنرد), or before it (سنضرب ... إذا)
        for k in [*range(first + 1, len(words)), *range(first - 1, -1, -1)]:
            if k in taken or not future_verb(words, k):
                continue
            if says or quoted[k]:
                return [Trigger(k, k + 1, "Warning", None, phrase=True)]
    return []
