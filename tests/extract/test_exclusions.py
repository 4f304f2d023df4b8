"""The table of categorical exclusions: one named rule per construction, each barring one role (or both)."""

from __future__ import annotations

import pytest

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


def test_whose_sovereignty_a_demand_asks_to_respect_is_not_addressed(kb: KnowledgeBase) -> None:
    # GUIDELINES §2: أكد ضرورة ... is a demand on a party; the owner deep in its content is not that party
    for text, barred in (("وأكد وزير الخارجية الألماني ضرورة احترام سيادة لبنان.", "deep in content"),
                         ("وأكد وزير الخارجية الألماني ضرورة وقف إسرائيل عملياتها.", None)):
        units = read_units(None, Article("t", "t.txt", text), kb)
        s = units.sentences[0]
        demand = next(t for t in s.triggers if t.core == "Pressure")
        f = frame(units, s, demand)
        last = max(candidates(units, s), key=lambda c: c.ref.first if c.sentence == s.index else -1)
        assert excluded(f, "target", last, {}) == barred, text


def test_any_attack_a_warning_answers_is_not_the_warners(kb: KnowledgeBase) -> None:
    units = read_units(None, Article("t", "t.txt", "تركيا تحذر اليونان: أي هجوم سيقابل برد حاسم"), kb)
    s = units.sentences[0]
    attack = next(t for t in s.triggers if t.core == "Attack")
    f = frame(units, s, attack)
    assert {c.ref.surface: excluded(f, "agent", c, {}) for c in candidates(units, s)}["تركيا"] == "warner"


def test_the_movement_whose_arm_acts_takes_no_part(kb: KnowledgeBase) -> None:
    text = "وقصفت سرايا القدس، الجناح العسكري لحركة الجهاد الإسلامي، مستوطنات غلاف غزة."
    units = read_units(None, Article("t", "t.txt", text), kb)
    s = units.sentences[0]
    f = frame(units, s, s.triggers[0])
    barred = {c.ref.surface: (excluded(f, "agent", c, {}), excluded(f, "target", c, {})) for c in candidates(units, s)}
    assert barred["حركة الجهاد الإسلامي"] == ("patron", "patron"), barred


def test_who_condemns_an_attack_is_neither_its_author_nor_its_target(kb: KnowledgeBase) -> None:
    # GUIDELINES §2, §3: condemnation is no event, and its author judges the attack as an audience
    text = "كما أدانت البرازيل الهجوم الإيراني بشدة."
    units = read_units(None, Article("t", "t.txt", text), kb)
    s = units.sentences[0]
    f = frame(units, s, next(t for t in s.triggers if t.core == "Attack"))
    judge = next(c for c in candidates(units, s) if c.ref.surface == "البرازيل")
    assert (excluded(f, "agent", judge, {}), excluded(f, "target", judge, {})) == ("accuser or judge",
                                                                                    "judge as target")


def test_the_next_clause_of_a_new_subject_is_another_acts(kb: KnowledgeBase) -> None:
    # two clauses joined by و, each with its own subject and verb: the second's mentions are not the first's
    text = "الجيش يقصف مواقع في أوكرانيا وروسيا ترد بضربات على كييف."
    units = read_units(None, Article("t", "t.txt", text), kb)
    s = units.sentences[0]
    first, second = s.triggers[0], s.triggers[-1]
    barred = {c.ref.surface: excluded(frame(units, s, first), "target", c, {}) for c in candidates(units, s)}
    assert barred["روسيا"] == barred["كييف"] == "later clause" and barred["أوكرانيا"] is None, barred
    assert excluded(frame(units, s, second), "target", next(c for c in candidates(units, s)
                                                            if c.ref.surface == "كييف"), {}) is None



def test_a_clause_of_its_own_bars_the_clause_before_from_authorship(kb: KnowledgeBase) -> None:
    from akhbar.extract.exclusions import clause_subject, own_clause

    # وإسلام آباد ترد بقصف: the new clause's subject acts; a comma before the verb opens no clause of the conjunct
    units = read_units(None, Article("t", "t.txt", "الهند تقصف مواقع في باكستان وإسلام آباد ترد بقصف مواقع هندية."), kb)
    s = units.sentences[0]
    shell = s.triggers[-1]
    barred = {c.ref.surface: excluded(frame(units, s, shell), "agent", c, {}) for c in candidates(units, s)}
    assert barred["الهند"] == barred["باكستان"] == "earlier clause", barred
    assert clause_subject(s, shell, own_clause(units, s, shell), units.lex).surface == "إسلام آباد"
    units = read_units(None, Article("t", "t.txt", "وقال الجيش إن الضربات في العراق وسوريا، استهدفت منشآت."), kb)
    s = units.sentences[0]
    assert own_clause(units, s, s.triggers[-1]) is None


def test_who_responds_is_not_the_author_of_the_act_answered(kb: KnowledgeBase) -> None:
    # ردا على اغتيال X: the responder named before the response word answers the killing, he did not commit it
    text = "وقال الحرس الثوري الإيراني إن الهجوم الصاروخي جاء ردا على اغتيال إسماعيل هنية في طهران."
    units = read_units(None, Article("t", "t.txt", text), kb)
    s = units.sentences[0]
    killing = s.triggers[-1]
    barred = {c.ref.surface: excluded(frame(units, s, killing), "agent", c, {}) for c in candidates(units, s)}
    assert barred["الحرس الثوري الإيراني"] == "responder", barred
    first = {c.ref.surface: excluded(frame(units, s, s.triggers[0]), "agent", c, {}) for c in candidates(units, s)}
    assert first["الحرس الثوري الإيراني"] is None, first  # (the response itself is his)


@pytest.mark.parametrize("linker", ["ردا على", "بعد"])
def test_what_an_answered_or_earlier_attack_names_is_not_struck_by_this_one(kb: KnowledgeBase, linker: str) -> None:
    # X قصف Y ردا على (بعد) هجوم لـZ على W: Z's attack on W provoked or preceded the strike, which hits Y only
    text = f"وقصفت المدفعية الإسرائيلية بلدة الخيام {linker} هجوم لحزب الله على مستوطنة المطلة."
    units = read_units(None, Article("t", "t.txt", text), kb)
    s = units.sentences[0]
    f = frame(units, s, s.triggers[0])
    barred = {c.ref.surface: excluded(f, "target", c, {}) for c in candidates(units, s)}
    assert barred["حزب الله"] == barred["مستوطنة المطلة"] == "provocation" and barred["بلدة الخيام"] is None, barred


def test_who_a_later_participle_addresses_is_not_struck(kb: KnowledgeBase) -> None:
    # X القصف ...، مطالبة Y بالتحرك: Y is asked to act, the attack named before does not strike it
    text = 'ووصفت الخارجية المصرية القصف الإسرائيلي بأنه "جريمة نكراء"، مطالبة مجلس الأمن بالتحرك.'
    units = read_units(None, Article("t", "t.txt", text), kb)
    s = units.sentences[0]
    f = frame(units, s, next(t for t in s.triggers if t.core == "Attack"))
    barred = {c.ref.surface: excluded(f, "target", c, {}) for c in candidates(units, s)}
    assert barred["مجلس الأمن"] == "addressed after", barred
