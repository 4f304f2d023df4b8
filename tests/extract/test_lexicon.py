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


def test_first_word_index_keeps_list_order() -> None:
    from akhbar.extract.lexicon import candidates, first_word_index

    entries = [("a", "b", "c"), ("x", "y"), ("a", "d"), ("x",), ("a",)]
    index = first_word_index(entries)
    assert index == {"a": (0, 2, 4), "x": (1, 3)}
    assert candidates(index, ("a",)) == [0, 2, 4]
    assert candidates(index, ("x", "a", "x")) == [0, 1, 2, 3, 4]
    assert candidates(index, ("q",)) == []


def test_every_organ_title_and_phrase_is_indexed_by_its_first_word() -> None:
    lex = load_lexicon()
    for entries, index in ((list(o[0] for o in lex.organs), lex.organ_index), (lex.titles, lex.title_index),
                           ([p for p, _ in lex.phrases], lex.phrase_index)):
        assert sorted(pos for positions in index.values() for pos in positions) == list(range(len(entries)))
        assert all(entries[pos][0] == first for first, positions in index.items() for pos in positions)


def _triggers(text: str) -> list[tuple[str, str]]:
    from akhbar.extract.events import find_triggers
    from akhbar.extract.text import words_of

    words = words_of(text, 0, len(text))
    found = find_triggers(words, load_lexicon(), text)
    return [(t.action, " ".join(w.text for w in words[t.first:t.last])) for t in found]


@pytest.mark.parametrize(("text", "found"), [
    ("وقال القائد إن كل قافلة تعبر الطريق ستكون هدفا مشروعا لمقاتليه.", ("Warning", "هدفا مشروعا")),
    ("وأعلنت الحكومة احتفاظها بحق الرد في الوقت المناسب.", ("Warning", "بحق الرد")),
    ("وقال المتحدث إن الرد سيأتي في الزمان والمكان المناسبين.", ("Warning", "الرد سيأتي")),
    ("وقال المسؤول إن الجماعة ستدفع ثمنا باهظا.", ("Warning", "ستدفع ثمنا")),  # (the indefinite accusative)
    ("وندد البيان بالأعمال العدوانية التي تستهدف البلاد.", ("Attack", "بالأعمال")),
    ("وتواصل القوات عمليات ضد الخلايا المسلحة في الجبال.", ("Attack", "عمليات")),
])
def test_threats_and_hostile_operations_the_guidelines_name(text: str, found: tuple[str, str]) -> None:
    assert found in _triggers(text)


@pytest.mark.parametrize(("text", "hit"), [
    ("وقال الجيش إن ثلاثة صواريخ أصابت مستودعا للذخيرة قرب المدينة.", True),  # the weapon before the verb
    ("وذكرت الشركة أن السفينة أصيبت بطائرة مسيرة قبالة الساحل.", True),  # and after it
    ("وأصيب خمسة جنود بجروح خلال الاشتباكات.", False),  # wounded, with no weapon: no attack
    ("وأصابت الأزمة قطاع السياحة بالشلل.", False),
])
def test_a_weapon_hitting_something_is_an_attack(text: str, hit: bool) -> None:
    assert any(action == "Attack" for action, _ in _triggers(text)) is hit


def test_an_operation_that_is_neither_military_nor_aimed_is_no_attack() -> None:
    assert _triggers("وناقش الوزيران العملية السياسية وعمليات الإغاثة في البلاد.") == []


def test_a_demand_to_bear_responsibility_is_blame_not_pressure() -> None:
    assert _triggers("وطالب الوزير أن تتحمل الحكومة المسؤولية الكاملة عن الهجوم.") == [("Attack", "الهجوم")]
    assert ("Pressure", "وطالب") in _triggers("وطالب الوزير الحكومة بوقف الهجوم.")


def _light(text: str) -> list[tuple[str, bool]]:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    units = read_units(None, Article("t", "t.txt", text), load_kb())
    return [(s.words[t.first].text, t.light is not None) for s in units.sentences for t in s.triggers]


@pytest.mark.parametrize("text", [
    "شنت القوات الجوية التركية صباح اليوم السبت غارات على مواقع في الجبال.",
    "وأطلق قائد الجماعة، سالم الراشد، مساء أمس تهديدات جديدة.",
])
def test_a_light_verb_reaches_its_noun_across_its_subject(text: str) -> None:
    """VSO: the light verb, its subject (and a time), then the noun it carries (شن X هجوما)."""
    assert any(light for _, light in _light(text))


def test_a_light_verb_does_not_reach_past_a_clause_or_another_verb() -> None:
    assert ("غارة", False) in _light("أطلقت الطائرات قنابل على القرم ليلا، ودمرت غارة مخزنا للوقود.")
    assert ("لهجماتهم", False) in _light("ودعا إلى تنفيذ قرار المجلس الذي يطالب بالوقف الفوري لهجماتهم.")


@pytest.mark.parametrize("word", ["الشرطة", "والشرطة", "بحث", "للبحث", "طالبان", "تغير", "ستغير", "التغير", "لوحة",
                                  "نصرة"])
def test_a_generated_form_that_is_another_word_is_no_trigger(word: str) -> None:
    """الشرطة (the police) is no شرط + ه, بحث (a discussion) no بـ + حث, طالبان (the Taliban) no dual of طالب."""
    lex = load_lexicon()
    assert normalise(word) not in lex.triggers and normalise(word) not in lex.noun_triggers


@pytest.mark.parametrize("word", ["وحث", "لحث", "طالب", "أغارت", "شروط", "بشروط"])
def test_the_trigger_forms_beside_a_homograph_stay(word: str) -> None:
    assert normalise(word) in load_lexicon().triggers


@pytest.mark.parametrize(("text", "action"), [
    ("وحضت الصين الولايات المتحدة على عدم التدخل.", "Pressure"),  # حض is حث (GUIDELINES §2)
    ("ودمرت القوات الروسية مستودعا للذخيرة في المدينة.", "Attack"),  # destroying in a strike is an attack
])
def test_urging_and_destroying_are_triggers(text: str, action: str) -> None:
    from akhbar.extract.events import find_triggers
    from akhbar.extract.lexicon import load_lexicon
    from akhbar.extract.text import words_of

    triggers = find_triggers(words_of(text), load_lexicon(), text)
    assert [t.core for t in triggers][:1] == [action]


def test_a_device_named_for_its_alarm_is_no_warning() -> None:
    assert _triggers("وقال الجيش إن صفارات الإنذار دوت في مدينة حيفا.") == []
    assert _triggers("ووجه الجيش إنذارا إلى سكان البلدة.") != []


def test_a_threat_to_navigation_is_a_danger_not_a_warning() -> None:
    # GUIDELINES §2: a warning threatens a party; endangering shipping names no addressee
    assert _triggers("وقالت الحكومة إنها لن تسمح للجماعة بتهديد الملاحة الدولية.") == []


def test_what_constitutes_a_threat_is_a_danger_not_a_warning() -> None:
    assert _triggers("وقال الوزير إن القصف يشكل تهديدا جديا لسكان المدينة.") == [("Attack", "القصف")]
    assert _triggers("ووجه الوزير تهديدا جديا لسكان المدينة.") != []
    # (the subject between the verb of being and its predicate: still a danger)
    assert _triggers("ويشكل القصف لليوم الثاني على التوالي تهديدا جديا للمدينة.") == [("Attack", "القصف")]
    assert _triggers("يشكل القصف، كما هدد الوزير، خطرا.") == [("Attack", "القصف"), ("Warning", "هدد")]


def test_what_air_defences_destroy_is_intercepted_not_attacked() -> None:
    # GUIDELINES §2: interceptions and shooting down are not annotated
    assert _triggers("وقالت الوزارة إن الدفاعات الجوية دمرت 40 مسيرة فوق المقاطعة.") == []
    assert _triggers("وزارة الدفاع التركية قصفت مواقع المسلحين.") == [("Attack", "قصفت")]


def test_what_endangers_people_is_a_danger_not_a_warning() -> None:
    assert _triggers("وقال إن القصف يهدد آلاف المدنيين في المدينة.") == [("Attack", "القصف")]
    assert _triggers("وقالت إن العملية العسكرية تهدد أكثر من مليون فلسطيني.") == [("Attack", "العملية")]
    assert ("Warning", "وهددت") in _triggers("وهددت إيران إسرائيل برد قاس.")
    # (only هدد means "endanger" too: who warns residents warns them)
    assert ("Warning", "محذرا") in _triggers("وقال إن القوات ستواصل عملياتها، محذرا سكان البلدات من العودة.")
    assert ("Warning", "وحذر") in _triggers("وحذر الجيش سكان القرى من العودة.")


def test_an_ultimatums_deadline_and_a_right_kept_to_respond_are_warnings() -> None:
    # GUIDELINES §6: ultimatums are Warnings, each mention of one; تحتفظ بحقها في الرد as تحتفظ بالحق
    assert ("Warning", "مهلة") in _triggers("ومنحت الحكومة المسلحين مهلة يومين لتسليم أسلحتهم.")
    assert ("Warning", "المهلة") in _triggers("ورفضت الحركة المهلة الأمريكية.")
    assert ("Warning", "تحتفظ بحقها") in _triggers("وقالت الوزارة إن البلاد تحتفظ بحقها في الرد.")


def test_weapons_aimed_at_a_place_in_a_headline_are_an_attack() -> None:
    # a verbless headline: the weapons launched (light-only nouns), their nisba, then what they were aimed at
    assert ("Attack", "صواريخ") in _triggers("صواريخ تركية على مواقع الحزب في قنديل")
    assert ("Attack", "مسيرات") in _triggers("مسيرات أوكرانية باتجاه موسكو")
    assert _triggers("وحصلت الجماعة على صواريخ متطورة.") == []  # (weapons obtained, none aimed)


def test_a_warning_against_any_attack_stays_a_warning() -> None:
    # من opens what a warning is about; only أكثر من counts people endangered
    assert ("Warning", "وحذرت") in _triggers("وحذرت من أي هجوم على إيران.")


@pytest.mark.parametrize(("text", "found"), [
    ("حذرت الحكومة الجماعة من عواقب وخيمة إذا واصلت هجماتها.", [("Warning", "حذرت")]),
    ("أطلق القائد تهديدات للجيش، مؤكدا أن كل طائرة تقلع ستكون هدفا مشروعا.", [("Warning", "تهديدات")]),
    # (a phrase whose subject plays a role keeps its own event; one with no warning word before it stands alone)
    ("حذر الوزير من أن المعتدي سيندم.", [("Warning", "حذر"), ("Warning", "سيندم")]),
    ("وقال المتحدث إن الرد سيأتي قريبا.", [("Warning", "الرد سيأتي")]),
    ("حذرت إيران من التصعيد، فيما قال المتحدث إن الرد سيأتي.", [("Warning", "حذرت"), ("Warning", "الرد سيأتي")]),
])
def test_a_threat_phrase_after_a_warning_word_is_that_warnings_content(text: str, found: list[tuple[str, str]]) -> None:
    assert [t for t in _triggers(text) if t[0] == "Warning"] == found


def test_a_call_reaches_its_ila_across_a_long_subject_and_addressee() -> None:
    # GUIDELINES §2: دعا X إلى (فعل) is a Pressure; the caller and the called may both be long names (eleven words
    # to إلى here; the window was eight)
    from akhbar.extract.events import find_triggers
    from akhbar.extract.text import words_of

    text = "دعت وزارة الخارجية الفرنسية حكومة جنوب السودان والفصائل المسلحة في البلاد إلى وقف القتال."
    assert [t.core for t in find_triggers(words_of(text), load_lexicon(), text)] == ["Pressure"]


@pytest.mark.parametrize(("form", "agree"), [
    ("حث", "m"), ("وحثت", "f"), ("يحث", "m"), ("ستحث", "f"), ("هاجموا", "pl"), ("يهاجمون", "pl"),
    ("دعا", "m"), ("دعت", "f"), ("دعوا", "pl"), ("غزت", "f"), ("حذرته", "f"),
    ("تهدد", ""),  # (he threatened, she threatens: spelt alike)
    ("حذرنا", ""),  # (we)
])
def test_a_verb_form_carries_the_subject_it_agrees_with(form: str, agree: str) -> None:
    entry = load_lexicon().triggers[normalise(form)]
    assert (entry.pos, entry.agree) == ("verb", agree)


def test_a_call_named_by_its_noun_is_a_pressure() -> None:
    # GUIDELINES §1-2: دعا X إلى is a Pressure, and so is its verbal noun (a mention of the act); it was a trigger
    # only by accident of generating the forms of the verb دعوا, and now is one on purpose
    from akhbar.extract.events import find_triggers
    from akhbar.extract.text import words_of

    text = "وجدد الأمين العام دعوته الأطراف إلى ضبط النفس، وسط دعوات أوروبية إلى وقف القتال."
    found = find_triggers(words_of(text), load_lexicon(), text)
    assert [(t.core, t.entry.pos if t.entry else None) for t in found] == [("Pressure", "noun")] * 2
