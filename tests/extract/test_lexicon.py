"""The trigger lexicon: inflected forms generated from the stems kept as data."""

from __future__ import annotations

import pytest

from akhbar.extract.lexicon import load_lexicon
from akhbar.kb import normalise


@pytest.mark.parametrize(("form", "action", "pos"), [
    ("وحذرت", "Warning", "verb"), ("يهددون", "Warning", "verb"), ("هاجمتها", "Attack", "verb"),
    ("استهدفت", "Attack", "verb"), ("تستهدف", "Attack", "verb"), ("طالبا", "Pressure", "verb"),
    ("للهجمات", "Attack", "noun"), ("والغارات", "AirStrike", "noun"), ("ضغوطا", "Pressure", "noun"),
    ("تحذيرا", "Warning", "noun"), ("اغتيال", "TargetedKilling", "noun"),
])
def test_inflected_forms(form: str, action: str, pos: str) -> None:
    entry = load_lexicon().triggers[normalise(form)]
    assert (entry.action, entry.pos) == (action, pos)


def test_flags_of_forms() -> None:
    lex = load_lexicon()
    assert lex.triggers[normalise("سيهاجم")].future
    assert lex.triggers[normalise("لاستهداف")].purpose  # purpose only for verbal nouns (masdar)
    assert not lex.triggers[normalise("للهجمات")].purpose
    assert lex.triggers[normalise("حذرنا")].first_plural
    assert not lex.triggers[normalise("حذرت")].first_plural


def test_light_verbs_and_nouns_only_table() -> None:
    lex = load_lexicon()
    assert {"شن", "وشنت", "نفذها", "سينفذون"} <= lex.light_verbs
    assert lex.noun_triggers[normalise("ضربة")].pos == "noun"


def test_not_triggers() -> None:
    lex = load_lexicon()
    for word in ("الحرب", "اشتباكات", "أدان", "اعترض"):
        assert normalise(word) not in lex.triggers
