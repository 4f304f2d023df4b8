"""The table of categorical exclusions: one named rule per construction, each barring one role (or both)."""

from __future__ import annotations

from akhbar.extract.candidates import candidates
from akhbar.extract.exclusions import EXCLUSIONS, excluded, frame
from akhbar.extract.units import read_units
from akhbar.kb import KnowledgeBase
from akhbar.records import Article


def test_every_rule_has_its_own_name_a_role_and_what_it_reads() -> None:
    names = [rule.name for rule in EXCLUSIONS]
    assert len(names) == len(set(names))
    assert all(rule.role in (None, "agent", "target") and rule.reads for rule in EXCLUSIONS)


def test_a_rule_names_itself_when_it_bars_a_candidate(kb: KnowledgeBase) -> None:
    text = "وقالت مصادر أمنية عراقية إن طائرة مسيرة استهدفت قاعدة عين الأسد."
    units = read_units(None, Article("t", "t.txt", text), kb)
    s = units.sentences[0]
    f = frame(units, s, s.triggers[0])
    why = {c.ref.surface: (excluded(f, "agent", c, {}), excluded(f, "target", c, {})) for c in candidates(units, s)}
    assert why["مصادر أمنية عراقية"] == ("source", None)
    units = read_units(None, Article("t", "t.txt", "واستهدفت الغارات حركة الشباب في مقديشو."), kb)
    s = units.sentences[0]
    f = frame(units, s, s.triggers[0])
    assert {c.ref.surface: excluded(f, "agent", c, {}) for c in candidates(units, s)}["حركة الشباب"] == "struck"
