"""Actor mentions: the knowledge base, every state (CLDR), places (GeoNames), organs, titled persons, groups,
facilities and open noun phrases — what the matchers find, independent of the trained linker."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from akhbar.records import Extraction

from .helpers import local

if TYPE_CHECKING:
    from akhbar.extract.units import ArticleUnits

Read = Callable[[str], Extraction]


def mentions(ex: Extraction) -> dict[str, str]:
    """Surface → actor local name."""
    return {m.text: local(m.actor) for m in ex.mentions}


@pytest.mark.parametrize("nisba", ["الأمريكية", "الأميركية", "الامريكيه"])
def test_nisba_variants_name_the_state(read: Read, nisba: str) -> None:
    assert "usa" in mentions(read(f"حذرت الإدارة {nisba} إيران.")).values()


def test_every_state_of_the_world_is_known_with_its_nisba(read: Read) -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "استدعت كينيا سفير مالطا، وقالت الحكومة الكينية إنها لن تتراجع."
    units = read_units(None, Article("t", "t.txt", text), load_kb())
    refs = {r.surface: r for r in units.sentences[0].refs}
    assert local(refs["كينيا"].iri) == "kenya"
    assert refs["الحكومة الكينية"].states == ("https://w3id.org/akhbar/id/kenya",)
    assert not any("وقالت" in surface for surface in refs)  # a title's name does not run into the next clause


def test_a_populated_place_after_a_cue_is_located_in_its_state(read: Read) -> None:
    ex = read("قصفت القوات الروسية مدينة لفيف ومحيط خاركوف.")
    places = {a.label_ar: a for a in ex.new_actors if a.iri.startswith("https://w3id.org/akhbar/id/place/")}
    if not places:  # the places take part in an event only when the linker chooses them: read the mentions
        places = {m.text: m for m in ex.mentions if "/place/" in m.actor}
    assert any("لفيف" in name for name in places)


def test_a_gazetteer_name_that_is_a_common_word_needs_a_place_cue(read: Read) -> None:
    found = mentions(read("أكد الميدان الإعلامي أن السوري لم يحضر."))
    assert not any("/place/" in a for a in found.values())


def test_capital_is_a_location_with_its_state_as_metonym(read: Read) -> None:
    assert mentions(read("قصفت إسرائيل طهران فجر اليوم."))["طهران"] == "tehran"


def test_known_organ_by_noun_and_nisba(read: Read) -> None:
    assert mentions(read("أعلن الجيش الإسرائيلي أنه قصف مواقع لحزب الله."))["الجيش الإسرائيلي"] == "idf"


def test_unknown_organ_is_minted_and_linked_to_its_state(read: Read) -> None:
    ex = read("حذرت الحكومة النرويجية إيران من عواقب خطيرة.")
    organ = next(a for a in ex.new_actors if a.label_ar == "الحكومة النرويجية")
    assert organ.kind == "StateOrgan"
    assert ("partOf", "https://w3id.org/akhbar/id/norway") in organ.links


@pytest.mark.parametrize(("text", "organ", "state"), [
    ("وقالت القوات المسلحة الكينية إنها ستلاحق المسلحين.", "القوات المسلحة الكينية", "kenya"),  # a feminine adjective
    ("وحذر جهاز الأمن الداخلي النرويجي من هجمات.", "جهاز الأمن الداخلي النرويجي", "norway"),  # head and two words
    ("وقال مكتب التحقيقات الجنائية الكيني إن الخلية فككت.", "مكتب التحقيقات الجنائية الكيني", "kenya"),
])
def test_an_organ_named_past_its_adjectives_is_minted_for_the_state(text: str, organ: str, state: str) -> None:
    ref = _refs(text)[organ]
    assert ref.kind == "StateOrgan" and ref.states == (f"https://w3id.org/akhbar/id/{state}",)


def test_a_body_that_belongs_to_a_group_is_no_state_organ() -> None:
    refs = _refs("وقال نائب رئيس الهيئة الإعلامية التابعة للحوثيين إن الجماعة سترد.")
    assert not any(r.kind == "StateOrgan" for r in refs.values())


def test_titled_person_is_a_new_official_and_found_again_by_name(read: Read) -> None:
    ex = read("هدد وزير الخارجية النرويجي يوهان كارلسن روسيا بعقوبات. وكرر كارلسن تحذيره لروسيا.")
    person = {m.actor for m in ex.mentions if m.text.endswith("كارلسن")}
    assert len(person) == 1  # the second sentence names him by surname only: the same node


def test_militia_aligned_with_a_state(read: Read) -> None:
    found = mentions(read("هاجمت الفصائل الموالية لطهران قاعدة عين الأسد."))
    assert found["قاعدة عين الأسد"] == "ain_al_asad"
    assert any(k.startswith("الفصائل الموالية") for k in found)


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("شنت مليشيا الحوثي هجوما على جازان.", "مليشيا الحوثي", None),
    ("قالت ميليشيا حزب الله إنها ستواصل القتال.", "ميليشيا حزب الله", "حزب الله"),
    ("هاجمت المليشيا الحوثية سفينة تجارية.", "المليشيا الحوثية", None),
])
def test_a_known_militia_after_the_militia_noun_is_that_militia(text: str, surface: str, name: str | None) -> None:
    refs = _refs(text)
    assert refs[surface].how == "kb" and refs[surface].kind == "Militia"  # the known militia, no new node
    assert [text[a:b] for a, b in refs[surface].variants] == ([name] if name else [])  # (a nisba is no name)


def test_unknown_armed_group_after_its_head(read: Read) -> None:
    assert "ألوية الوعد الصادق" in mentions(read("وهددت ألوية الوعد الصادق الحكومة الصومالية بشن هجمات."))


@pytest.mark.parametrize(("text", "group"), [
    ("وهددت جماعة أنصار الشريعة والجهاد، في بيان، القوات الحكومية.", "جماعة أنصار الشريعة والجهاد"),
    ("وأعلنت جماعة الفتح المبين مسؤوليتها عن الهجوم.", "جماعة الفتح المبين"),
    ("وهاجمت جماعة مسلحة القرية فجر اليوم.", None),  # an adjective, not a name
    ("وقالت الجماعة المتشددة إنها ستواصل القتال.", None),  # the definite head refers back
    ("وهاجمت جماعة جيش الخلاص مركزا للشرطة.", "جماعة جيش الخلاص"),  # (a group whose name opens with جيش)
    ("ورصدت السلطات حركة الجيش قرب الحدود.", None),  # (the army's movement: حركة is a noun too)
])
def test_a_group_named_after_jamaa_without_quotes(text: str, group: str | None) -> None:
    groups = [name for name, r in _refs(text).items() if r.kind == "Militia" and r.how == "organ"]
    assert groups == ([group] if group else [])


def test_names_do_not_run_across_punctuation_and_heads_introduce_known_names(read: Read) -> None:
    ex = read("توعدت روسيا، اليوم الأحد، برد حاسم. وذكرت قناة روسيا اليوم أن القوات الروسية قصفت خاركيف.")
    assert [local(m.actor) for m in ex.mentions][:2] == ["russia", "rt"]


def test_plural_of_bodies_with_an_adjective_is_one_collective(read: Read) -> None:
    ex = read("دعا الرئيس الأوكراني فولوديمير زيلينسكي الدول الغربية إلى تزويد بلاده بالذخائر.")
    assert any(a.kind == "Organization" and a.label_ar == "الدول الغربية" for a in
               [*ex.new_actors, *()]) or "الدول الغربية" in mentions(ex)


def test_open_noun_phrase_after_an_attack_is_a_candidate_place(read: Read) -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "قصفت إسرائيل مستودعات النفط ومحطة كهرباء في الميناء بطائرات مسيرة."
    units = read_units(None, Article("t", "t.txt", text), load_kb())
    phrases = [p.surface for p in units.sentences[0].phrases]
    assert phrases[0] == "مستودعات النفط"  # (its conjunct is a facility of its own: محطة كهرباء)
    assert "محطة كهرباء" in {r.surface for r in units.sentences[0].refs}
    assert not any(p.startswith("بطائرات") for p in phrases)  # an instrument is not what was struck


def test_coordinated_unknown_names_are_one_phrase_each(read: Read) -> None:
    # GUIDELINES §3: each named place of a list is its own participant; a ب before a later conjunct is the
    # name's own letter (the conjuncts share the first one's preposition), not an instrument's
    ex = read("شنت روسيا هجمات على كوستيانتينيفكا وبيلوزيرسك.")
    names = {a.iri: a.label_ar for a in ex.new_actors}
    struck = {names.get(e.target) for e in ex.events if local(e.agent) == "russia"}
    assert struck >= {"كوستيانتينيفكا", "بيلوزيرسك"}, struck


def test_generic_targets_of_an_owner_are_not_phrases(read: Read) -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "قصف الجيش الإسرائيلي أهدافا عسكرية في إيران ومواقع لحزب الله."
    units = read_units(None, Article("t", "t.txt", text), load_kb())
    assert units.sentences[0].phrases == []
    # "belonging to X" (تابعة لـ) names the owner too; camps are positions as well
    for text in ("ضربت تركيا معسكرات تابعة لحزب العمال الكردستاني.",
                 "استهدفت مسيرات الدعم السريع مواقع عسكرية تابعة للجيش السوداني."):
        units = read_units(None, Article("t", "t.txt", text), load_kb())
        assert units.sentences[0].phrases == [], text
    # nor do targets whose modifiers (or a closing quote) run on to a place: "targets in X" are X's
    from akhbar.analysis import load_analyser

    for text in ("قالت الحركة إنها لن تتردد في قصف “أهداف عسكرية” في إسرائيل.",
                 "أعلنت الجماعة أنها ستواصل مهاجمة “أهداف استراتيجية” في السعودية."):
        units = read_units(load_analyser("default")(text), Article("t", "t.txt", text), load_kb())
        assert units.sentences[0].phrases == [], text
    # without an owner the phrase stays a candidate
    text = "استهدفت تركيا مواقع عسكرية قرب الحدود."
    assert read_units(None, Article("t", "t.txt", text), load_kb()).sentences[0].phrases


def _refs(text: str) -> dict[str, object]:
    from akhbar.analysis import load_analyser
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    units = read_units(load_analyser("default")(text), Article("t", "t.txt", text), load_kb())
    return {text[r.start:r.end]: r for s in units.sentences for r in s.refs}


@pytest.mark.parametrize(("text", "name"), [
    ("قصفت الطائرات قاعدة عثمان دقنة الجوية ليلا.", "قاعدة عثمان دقنة الجوية"),
    ("سقط صاروخ قرب مطار ماركا الدولي صباح أمس.", "مطار ماركا الدولي"),
    ("استهدفت الصواريخ السفينة \"غالاكسي ليدر\" التجارية.", "السفينة \"غالاكسي ليدر\" التجارية"),
    # hotels, compounds, prisons, crossings and ports take a proper name too
    ("استهدفت الغارات فندق رامادا في المدينة.", "فندق رامادا"),
    ("هاجم المسلحون سجن غويران ليلا.", "سجن غويران"),
])
def test_a_named_facility_keeps_its_trailing_adjectives(text: str, name: str) -> None:
    assert name in _refs(text)


def test_a_state_adjective_after_a_named_facility_locates_it() -> None:
    ref = _refs("قصفت المسيرات قاعدة \"كي وان\" العسكرية العراقية.")["قاعدة \"كي وان\" العسكرية العراقية"]
    assert ref.states == ("https://w3id.org/akhbar/id/iraq",)


@pytest.mark.parametrize(("text", "name"), [
    # a vessel's name in apposition to its definite head, up to a preposition or a break
    ("أصاب صاروخ الناقلة سونيون في البحر الأحمر.", "الناقلة سونيون"),
    # the kind of facility between its head and its name
    ("استهدفت مسيرة ناقلة النفط \"سيلفر ستار\" في الخليج.", "ناقلة النفط \"سيلفر ستار\""),
    ("قصفت الطائرات محطة كهرباء مظفر آباد ليلا.", "محطة كهرباء مظفر آباد"),
    # a station's name with its kind after لـ and the adjectives of both
    ("قصفت الصواريخ محطة زميفسكا للطاقة الحرارية فجرا.", "محطة زميفسكا للطاقة الحرارية"),
    # a facility named for a known place runs on to its own name and adjectives
    ("سقطت قذائف على مطار عدن عدي الدولي.", "مطار عدن عدي الدولي"),
])
def test_vessels_and_stations_are_named_facilities(text: str, name: str) -> None:
    assert name in {text[a:b] for ref in _refs(text).values() for a, b in ((ref.start, ref.end), *ref.variants)}


@pytest.mark.parametrize("text", [
    "وقالت الشركة إن السفينة تعرضت لهجوم.",  # a verb after the definite head is no name
    "وأكد الطاقم أن السفينة بخير.",  # nor a predicate with a preposition
    "استهدفت مسيرة ناقلة النفط في الخليج.",  # a kind with no name after it names nothing
])
def test_a_definite_vessel_head_takes_no_verb_or_predicate_as_its_name(text: str) -> None:
    assert not any(name.startswith(("السفينة", "ناقلة النفط")) for name in _refs(text))


def test_a_facility_named_for_a_place_keeps_the_place_name_as_a_variant() -> None:
    text = "سقطت قذائف على مطار عدن عدي الدولي."
    ref = _refs(text)["مطار عدن عدي الدولي"]
    assert "مطار عدن" in {text[a:b] for a, b in ref.variants}


def test_a_time_word_does_not_continue_a_facility_name() -> None:
    found = _refs("هاجم مسلحون مطار معيتيقة فجر اليوم.")
    assert "مطار معيتيقة" in found and not any("فجر" in name for name in found)


@pytest.mark.parametrize(("text", "name", "state"), [
    ("وقال كريم ناصر، المتحدث باسم الخارجية المصرية، إن القاهرة لن تقبل بذلك.", "كريم ناصر", "egypt"),
    ("دعا جون سميث المتحدث باسم الخارجية الأمريكية إيران إلى وقف التخصيب.", "جون سميث", "usa"),
])
def test_a_name_before_its_title_is_the_person(read: Read, text: str, name: str, state: str) -> None:
    ref = next(r for r in _refs(text).values() if r.how == "title")
    assert text[slice(*ref.variants[0])] == name
    assert ref.states == (f"https://w3id.org/akhbar/id/{state}",)


def test_a_time_word_before_a_title_is_no_name() -> None:
    assert not any(r.how == "title" and "أمس" in r.surface
                   for r in _refs("وحذر أمس المتحدث باسم الخارجية الإيرانية من أي هجوم.").values())


def _all_refs(text: str) -> list[object]:
    from akhbar.analysis import load_analyser
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    units = read_units(load_analyser("default")(text), Article("t", "t.txt", text), load_kb())
    return [r for s in units.sentences for r in (*s.refs, *s.phrases)]


@pytest.mark.parametrize(("text", "longer"), [
    ("هددت الجماعة بضرب القواعد الأمريكية بالمنطقة إذا استمر القصف.", "القواعد الأمريكية بالمنطقة"),
    ("وأعلن الجيش قصف قاعدة عسكرية إيرانية في عمق الصحراء، وفق بيان.", "قاعدة عسكرية إيرانية في عمق الصحراء"),
    ("وتواصل قصف مستودعات الوقود قرب بلدة صغيرة شرق البلاد.", "مستودعات الوقود قرب بلدة صغيرة شرق البلاد"),
])
def test_a_mention_keeps_the_noun_phrase_it_heads_as_a_longer_name(text: str, longer: str) -> None:
    names = {text[a:b] for r in _all_refs(text) for a, b in ((r.start, r.end), *r.variants)}
    assert longer in names


def test_a_known_group_or_organ_takes_no_longer_name() -> None:
    # "the party in the Qandil mountains" locates the party, it is no name of it (the node is shared by articles)
    text = "نفذت القوات التركية ضربات جوية على مواقع حزب العمال الكردستاني في جبال قنديل."
    refs = {r.surface: r for r in _all_refs(text)}
    assert refs["حزب العمال الكردستاني"].variants == () and refs["القوات التركية"].variants == ()


def test_the_longer_name_stops_at_a_verb_a_preposition_or_punctuation() -> None:
    text = "قصفت المسيرات قاعدة عسكرية روسية، ثم هاجمت القوات المطار على الحدود."
    names = {text[a:b] for r in _all_refs(text) for a, b in ((r.start, r.end), *r.variants)}
    assert not any("،" in n or "ثم" in n or "على الحدود" in n for n in names)


@pytest.mark.parametrize("text", [
    "حذرت واشنطن من أن إسرائيل قد تهاجم بغداد في حال سمحت بالهجوم.",  # في حال: "in case"
    "وهدد كاتس في ظل التصعيد بضرب بيروت.",
    "استهدفت الصواريخ طهران في مارس الماضي.",
])
def test_a_frame_or_time_word_after_in_is_no_place_of_a_longer_name(text: str) -> None:
    names = {text[a:b] for r in _all_refs(text) for a, b in ((r.start, r.end), *r.variants)}
    assert not any(n.endswith((" في حال", " في ظل", " في مارس")) for n in names), names


@pytest.mark.parametrize("text", [
    "نفذ الجيش هجوما جويا واسع النطاق على المدينة.",
    "حذر الوزير من هجمات محتملة على الموانئ.",
    "أدانت الحكومة الهجوم الإرهابي على السوق.",
    "ردت القوات بهجوم مضاد على المدينة.",
    "شنت القوات هجوماً مشتركاً على المدينة.",  # (in the accusative)
])
def test_an_adjective_of_the_attack_is_not_what_it_struck(text: str) -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    units = read_units(None, Article("t", "t.txt", text), load_kb())
    starts = [p.surface.split()[0] for p in units.sentences[0].phrases]
    assert not any(w in ("جويا", "واسع", "محتملة", "الإرهابي", "مضاد", "مشتركاً") for w in starts), starts


@pytest.mark.parametrize("text", [
    "قصفت الطائرات على التوالي مخازن الذخيرة.",  # an adverbial noun after على
    "هاجمت روسيا ردًا على ذلك مخازن الذخيرة.",  # an adverbial accusative (ردًا على: in response to)
    "قصفت روسيا عددًا من مخازن الذخيرة.",  # a quantity, in the accusative
    "شنت إسرائيل غارات، موضحا أن الهدف مخازن الذخيرة.",  # a participle of saying
    "هاجمت إسرائيل، ثانيًا، مخازن الذخيرة.",
    "استمر القصف ساعتين على المدينة.",  # a time, in the dual
    "دمر القصف أجزاء من مخازن الذخيرة.",  # a part of what was struck
])
def test_adverbial_nouns_and_verbs_of_saying_begin_no_phrase(text: str) -> None:
    phrases = [p.surface for p in _units(text).sentences[0].phrases]
    assert not any(p.split()[0] in ("التوالي", "ردًا", "عددًا", "موضحا", "ثانيًا", "ساعتين", "أجزاء")
                   for p in phrases), phrases


def test_a_definite_noun_takes_adjectives_but_no_further_noun() -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "قصفت الطائرات مستودعات الوقود قرب الميناء."
    units = read_units(None, Article("t", "t.txt", text), load_kb())
    names = {text[a:b] for p in units.sentences[0].phrases for a, b in ((p.start, p.end), *p.variants)}
    assert not any(n.startswith("الطائرات مستودعات") for n in names), names


@pytest.mark.parametrize(("text", "name"), [
    ("قصفت الطائرات مدينة حلب وولاية كسلا.", "ولاية كسلا"),  # a conjunction before the head is no article
    ("هاجمت الجماعة قرية عين زيتون وبلدة كفرمسلم.", "بلدة كفرمسلم"),
])
def test_a_coordinated_named_place_is_a_place_of_its_own(text: str, name: str) -> None:
    ref = _refs(text)[name]
    assert ref.kind == "Location"


@pytest.mark.parametrize(("text", "name", "key"), [
    ("هاجمت الجماعة سفينة في خليج عدن.", "خليج عدن", "gulf_of_aden"),
    ("أطلقت الزوارق النار قرب ناقلة في بحر عمان.", "بحر عمان", "gulf_of_oman"),  # not the state of Oman
    ("استهدفت المسيرات سفنا في المحيط الهندي.", "المحيط الهندي", "indian_ocean"),  # not India's nisba
])
def test_the_seas_of_the_region_are_places(text: str, name: str, key: str) -> None:
    ref = _refs(text)[name]
    assert ref.kind == "Location" and ref.iri.endswith("/" + key)


def test_a_place_coordinated_with_the_closing_place_of_a_phrase_continues_it() -> None:
    text = "استهدف الحوثيون ناقلات نفط في البحر الأحمر وخليج عدن أمس."
    names = {text[a:b] for p in _units(text).sentences[0].phrases for a, b in ((p.start, p.end), *p.variants)}
    assert {"ناقلات نفط في البحر الأحمر", "ناقلات نفط في البحر الأحمر وخليج عدن"} <= names
    assert not any(n.endswith("أمس") for n in names)  # only a place continues it, not the next noun


def test_an_organs_name_with_another_states_nisba_is_that_states_organ() -> None:
    kb = "https://w3id.org/akhbar/id/"
    refs = _refs("استهدفت الفصائل قوات الاحتلال الأمريكي قرب الحدود.")
    ref = refs["قوات الاحتلال الأمريكي"]  # (the bare name is the Israeli army in the base)
    assert ref.kind == "StateOrgan" and not ref.iri.endswith("/idf") and ref.states == (kb + "usa",)
    assert _refs("قصفت قوات الاحتلال الإسرائيلي المخيم.")["قوات الاحتلال الإسرائيلي"].iri == kb + "idf"
    assert "قوات أميركية" in _refs("هاجمت الطائرات قوات أميركية وعراقية قرب كركوك.")  # coordinated: two owners


@pytest.mark.parametrize(("text", "name", "counted"), [
    ("قصفت المسيرات عدة مطارات عسكرية قرب الحدود.", "مطارات عسكرية", "عدة مطارات عسكرية"),
    ("استهدفت الفصائل 5 قواعد أمريكية في المنطقة.", "قواعد أمريكية", "5 قواعد أمريكية"),
    ("هاجمت الزوارق أربع سفن تجارية قبالة الساحل.", "سفن تجارية", "أربع سفن تجارية"),
    ("هدد عدد من أعضاء البرلمان الإيراني أذربيجان.", "أعضاء البرلمان الإيراني", "عدد من أعضاء البرلمان الإيراني"),
])
def test_a_counted_target_keeps_its_count_as_a_name(text: str, name: str, counted: str) -> None:
    units = _units(text)
    names = {text[a:b] for s in units.sentences for r in (*s.refs, *s.phrases)
             for a, b in ((r.start, r.end), *r.variants)}
    assert name in names and counted in names


def test_a_capital_noun_before_a_gazetteer_city_names_the_city() -> None:
    ref = _refs("قصفت الطائرات العاصمة كابول صباح اليوم.")["العاصمة كابول"]
    assert ref.how == "place" and ref.states == ("https://w3id.org/akhbar/id/afghanistan",)


@pytest.mark.parametrize(("text", "first"), [
    ("استهدف الهجوم منطقتي بوندهيري ووارتا في العاصمة.", "بوندهيري"),  # a dual lists two places
    ("قصفت الصواريخ مدينتي حيفا وعكا.", "حيفا"),  # the first listed place is the known one, not a new node
])
def test_a_dual_place_noun_lists_its_places(text: str, first: str) -> None:
    refs = _refs(text)
    assert first in refs and not any(name.startswith(("منطقتي", "مدينتي")) for name in refs)
    if first == "حيفا":
        assert local(refs[first].iri) == "haifa"


@pytest.mark.parametrize(("text", "name"), [
    ("ونفت المتحدثة باسم وزارة الدفاع الأرمينية آنا بتروسيان الاتهام.", "آنا بتروسيان"),
    ("وقالت المتحدثة باسم البيت الأبيض، ماري جان-لوك، إن واشنطن سترد.", "ماري جان-لوك"),
    ("ونقلت الوكالة عن متحدث عسكري باسم الجماعة قوله إنها استهدفت السفينة.", None),
    ("وأكد المتحدث باسم وزارة الدفاع، العميد الركن سالم العتيبي، أن الدفاعات اعترضت الصواريخ.", "سالم العتيبي"),
    ("وقال وزير الخارجية الليبي سالم أحمد عبد الرحمن إن بلاده سترد.", "سالم أحمد عبد الرحمن"),  # عبد takes the next
    ("وهدد قائد الشرطة اللواء سامي الزهراني المسلحين.", "سامي الزهراني"),  # the name follows the rank
    ("وقال المتحدث باسم الجيش العقيد خالد الحمادي إن القوات ستواصل.", "خالد الحمادي"),
])
def test_a_titled_name_ends_where_the_name_does(text: str, name: str | None) -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    units = read_units(None, Article("t", "t.txt", text), load_kb())
    titles = [r for s in units.sentences for r in s.refs if r.how == "title"]
    labels = {units.finder.minted[r.iri].label_ar for r in titles if r.iri in units.finder.minted}
    assert not any(w in label for label in labels for w in ("الاتهام", "قوله", "إنها"))
    if name is not None:
        assert name in labels


def test_a_one_word_definite_title_takes_no_portfolio_after_it() -> None:
    refs = _refs("وحذر الرئيس الشعب الإيراني من الفوضى.")  # VSO: the people is the object
    assert not any(r.how == "title" for r in refs.values())
    assert _refs("وقال وزير الطاقة الكيني إن الإمدادات مستمرة.")["وزير الطاقة الكيني"].how == "title"


def test_the_verb_amara_is_no_title() -> None:
    """أمر (ordered) and آمر (commander) fold to one spelling: the verb is far the commoner, so it is no title."""
    assert not any(r.how == "title" for r in _refs("أمر الرئيس الجيش بقصف المواقع.").values()
                   if r.surface.startswith("أمر"))


def _units(text: str) -> ArticleUnits:
    """An article of one text read without a parse (as the matchers see it)."""
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    return read_units(None, Article("t", "t.txt", text), load_kb())


def _surfaces(text: str) -> list[str]:
    return [r.surface for s in _units(text).sentences for r in s.refs]


@pytest.mark.parametrize(("text", "name"), [
    ("حذر قائد الجيش الإيراني اللواء محمد علي رشيد الجيران من التصعيد.", "محمد علي رشيد"),
    ("وقال علي حسن رشيد، المتحدث باسم الخارجية المصرية، إن بلاده سترد.", "علي حسن رشيد، المتحدث"),
])
def test_the_name_ali_is_part_of_a_name_though_it_folds_like_the_preposition(text: str, name: str) -> None:
    assert any(name in surface for surface in _surfaces(text)), _surfaces(text)


def test_the_preposition_on_still_ends_a_name() -> None:
    surfaces = _surfaces("وقال المتحدث باسم الوزارة أحمد سالم على هامش المؤتمر إن بلاده سترد.")
    assert any(s.endswith("أحمد سالم") for s in surfaces) and not any("على" in s for s in surfaces), surfaces


def test_a_name_after_a_title_stops_where_the_outlet_he_spoke_to_begins() -> None:
    surfaces = _surfaces("وقال المتحدث باسم الخارجية المصرية أحمد سالم لقناة محلية إن بلاده سترد.")
    assert any(s.endswith("أحمد سالم") for s in surfaces) and not any("لقناة" in s for s in surfaces), surfaces


def test_a_place_name_stops_before_the_participle_of_belonging() -> None:
    surfaces = _surfaces("قصفت الطائرات قرية كفر سالم التابعة لمحافظة حمص.")
    assert not any("التابعة" in s for s in surfaces), surfaces


def test_a_second_title_coordinated_after_a_first_is_no_name() -> None:
    surfaces = _surfaces("وقال الوزير اللبناني إنه أبلغ رئيس الحكومة، ورئيس مجلس النواب بالخطة.")
    assert "رئيس الحكومة" in surfaces and "رئيس مجلس النواب" in surfaces, surfaces


@pytest.mark.parametrize(("text", "group"), [
    ("هددت الولايات المتحدة سياسيين عراقيين بارزين بفرض عقوبات.", "سياسيين عراقيين بارزين"),  # (and their rank)
    ("وقال دبلوماسي روسي إن موسكو سترد.", "دبلوماسي روسي"),
    ("وقال مصدر أمني باكستاني كبير إن الهجوم فشل.", "مصدر أمني باكستاني كبير"),  # an indefinite adjective between
    ("وقال المسؤول العسكري الإسرائيلي إن الجيش سيرد.", "المسؤول العسكري الإسرائيلي"),
])
def test_persons_named_by_a_noun_and_a_nisba_are_officials_of_that_state(text: str, group: str) -> None:
    units = _units(text)
    refs = {r.surface: r for s in units.sentences for r in s.refs}
    assert group in refs and refs[group].kind == "Official", list(refs)
    assert units.finder.minted[refs[group].iri].kind == "Official"


def test_officials_diplomats_and_politicians_of_one_state_are_different_groups() -> None:
    units = _units("وقال مسؤولون عراقيون إن سياسيين عراقيين التقوا دبلوماسيين عراقيين، وأكد مسؤولو العراق ذلك.")
    iris = {r.surface: r.iri for s in units.sentences for r in s.refs if r.kind == "Official"}
    assert len({iris["مسؤولون عراقيون"], iris["سياسيين عراقيين"], iris["دبلوماسيين عراقيين"]}) == 3, iris


def test_a_definite_noun_takes_no_indefinite_adjective_before_the_nisba() -> None:
    surfaces = _surfaces("وقال المسؤول عسكري إسرائيلي إن الجيش سيرد.")
    assert "المسؤول عسكري إسرائيلي" not in surfaces, surfaces


def _titled(text: str) -> dict[str, tuple[str, str | None]]:
    """Surface of each titled mention → (kind, local name of the state it acts for)."""
    return {r.surface: (r.kind, local(r.states[0]) if r.states and r.states[0] else None)
            for s in _units(text).sentences for r in s.refs if r.how == "title"}


@pytest.mark.parametrize(("text", "surface", "kind", "state"), [
    ("هدد قائد الحرس الثوري الإيراني إسرائيل برد قاس.", "قائد الحرس الثوري الإيراني", "Official", "iran"),
    ("وقال المتحدث باسم وزارة الخارجية التركية إن أنقرة سترد.", "المتحدث باسم وزارة الخارجية التركية", "Official",
     "turkey"),
    ("توعد قائد قوات الدعم السريع الجيش بهجوم جديد.", "قائد قوات الدعم السريع", "Militia", None),
])
def test_the_unnamed_holder_of_an_office_of_a_known_body_is_a_person(text: str, surface: str, kind: str,
                                                                     state: str | None) -> None:
    assert _titled(text).get(surface) == (kind, state), _titled(text)


@pytest.mark.parametrize(("text", "start", "name", "state"), [
    ("حذر قائد عمليات الجيش السوري العميد سامر حداد من التصعيد.", "قائد عمليات الجيش السوري", "سامر حداد", "syria"),
    ("وقال قائد القوات البرية في الجيش المصري اللواء حسن كامل إن الجيش مستعد.", "قائد القوات البرية في الجيش المصري",
     "حسن كامل", "egypt"),
    ("حذر قائد القوات الجوية الأردنية العميد فادي سليم من أي اختراق.", "قائد القوات الجوية الأردنية", "فادي سليم",
     "jordan"),
])
def test_a_title_reaches_its_body_past_the_unit_it_commands(text: str, start: str, name: str, state: str) -> None:
    found = _titled(text)
    assert any(s.startswith(start) and s.endswith(name) and v[1] == state for s, v in found.items()), found


def test_a_portfolio_stands_between_a_minister_and_his_nisba() -> None:
    assert _titled("وقال وزير النقل المغربي إن الموانئ مفتوحة.") == {"وزير النقل المغربي": ("Official", "morocco")}


def test_a_member_of_parliament_acts_for_the_state_of_the_place_he_stands_for() -> None:
    for place in ("مدينة يزد", "أصفهان"):  # a place of the gazetteer, a place of the actor base
        found = _titled(f"وقال النائب عن {place}، جواد كريمي، إن الرد قادم.")
        assert any(s.endswith("جواد كريمي") and v == ("Official", "iran") for s, v in found.items()), found


def test_two_persons_of_one_last_name_are_two_nodes_and_the_bare_name_is_the_last_one() -> None:
    units = _units("قال وزير الخارجية المصري سامح عادل إن القاهرة سترد. وقال الوزير الأردني محمود عادل إن عمان "
                   "ستنتظر. وأضاف عادل أن الحوار ممكن.")
    persons = [r.iri for s in units.sentences for r in s.refs if r.kind == "Official"]
    assert len(persons) == 3 and persons[0] != persons[1] and persons[2] == persons[1], persons


def test_a_definite_title_without_a_name_is_the_person_the_article_introduced_with_it() -> None:
    units = _units("قال وزير الدفاع الأردني سمير حداد إن الجيش مستعد. وأضاف الوزير الأردني أن الحدود آمنة. "
                   "وقال المتحدث باسم الخارجية المصرية أحمد سالم إن مصر حذرت. وأضاف المتحدث أن القاهرة لن تصمت.")
    refs = [r for s in units.sentences for r in s.refs if r.kind == "Official"]
    minister, minister_again, spokesman, spokesman_again = refs
    assert minister_again.how == "anaphor" and minister_again.iri == minister.iri
    assert spokesman_again.surface == "المتحدث" and spokesman_again.iri == spokesman.iri


def test_a_definite_title_of_another_state_is_another_person() -> None:
    units = _units("قال وزير الدفاع الأردني سمير حداد إن الجيش مستعد. وأضاف الوزير السوري أن الحدود آمنة.")
    first, second = (r for s in units.sentences for r in s.refs if r.kind == "Official")
    assert second.how == "title" and second.iri != first.iri and local(second.states[0]) == "syria"


def test_the_holder_of_an_organisations_office_is_its_member_not_an_official_of_the_state_named_before() -> None:
    units = _units("قصفت إسرائيل المدينة. وقال المتحدث باسم الأمم المتحدة إن القصف مدان.")
    (holder,) = (r for r in units.sentences[1].refs if r.how == "title")
    assert units.finder.minted[holder.iri].links == (("memberOf", "https://w3id.org/akhbar/id/un"),)


@pytest.mark.parametrize(("text", "surface", "state"), [
    ("هدد عدد من أعضاء البرلمان الإيراني إسرائيل.", "أعضاء البرلمان الإيراني", "iran"),
    ("وقال نواب في الكنيست الإسرائيلي إن الحكومة فشلت.", "نواب في الكنيست الإسرائيلي", "israel"),
])
def test_the_members_of_a_state_organ_are_a_group_of_its_officials(text: str, surface: str, state: str) -> None:
    units = _units(text)
    (group,) = (r for r in units.sentences[0].refs if r.surface == surface)
    assert group.kind == "Official" and local(group.states[0]) == state
    assert units.finder.minted[group.iri].kind == "Official"


def test_the_members_of_an_alliance_are_no_officials() -> None:
    assert not any(r.kind == "Official" for s in _units("اجتمع أعضاء حلف الناتو في بروكسل.").sentences for r in s.refs)


def test_a_definite_plural_place_noun_with_its_adjective_is_one_collective() -> None:
    found = _refs("اتهم البيان الجهات بالمشاركة في قصف القرى الحدودية ليلا.")
    assert "القرى الحدودية" in found and "الحدودية" not in found


@pytest.mark.parametrize(("text", "place", "kept"), [
    ("عنوان الخبر\nطهران (ا ف ب) – حذر قائد الحرس الثوري الولايات المتحدة من رد حاسم.", "طهران", False),
    ("عنوان الخبر\nموقع من بيروت: هدد نواب إيرانيون إسرائيل بالصواريخ.", "بيروت", False),
    ("بغداد - قصفت مسيرات مطار أربيل.", "بغداد", False),
    # a title's topic before a colon is no dateline, nor a place later in the line
    ("غزة: عشرات القتلى في غارات إسرائيلية", "غزة", True),
    ("عنوان الخبر\nقصفت الطائرات طهران - العاصمة - ليلا.", "طهران", True),
])
def test_a_dateline_place_is_where_the_report_was_filed_not_a_participant(text: str, place: str, kept: bool) -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    units = read_units(None, Article("t", "t.txt", text), load_kb())
    assert any(r.surface == place for s in units.sentences for r in s.refs) is kept



@pytest.mark.parametrize(("text", "places"), [
    # GUIDELINES §3: each named place of a list is its own participant, whatever its name ends in
    ("قصفت المدفعية أطراف بلدات يارين والضهيرة ومروحين.", ["يارين", "الضهيرة", "مروحين"]),
    ("شنت الطائرات غارات على بلدات عيتا الشعب، رامية، القوزح، وبيت ليف.", ["عيتا الشعب", "رامية", "القوزح", "بيت ليف"]),
    ("هاجمت القوات قرى ود النورة وأم عضام والتكينة.", ["ود النورة", "أم عضام", "التكينة"]),
    ("قصفت الطائرات بلدات كفرشلال وعين بورضاي.", ["كفرشلال", "عين بورضاي"]),
])
def test_every_name_a_plural_place_noun_lists_is_a_place(text: str, places: list[str]) -> None:
    assert [name for name, r in _refs(text).items() if r.kind == "Location"] == places


@pytest.mark.parametrize("text", [
    "قصفت المدفعية بلدات حدودية ومناطق أخرى.",  # (an adjective and a place noun: no names)
    "قصفت المدفعية بلدات الجنوب، مما أسفر عن إصابات.",  # (a clause after a comma closes no list)
])
def test_no_list_of_names_is_read_where_there_is_none(text: str) -> None:
    assert [name for name, r in _refs(text).items() if r.kind == "Location"] == []


@pytest.mark.parametrize(("text", "person", "group"), [
    ("اغتالت مسيرة القيادي في حركة الجهاد الإسلامي خالد منصور في رفح.", "خالد منصور", "pij"),
    ("حذر القيادي في حزب الله محمود قماطي إسرائيل من توسيع الحرب.", "محمود قماطي", "hezbollah"),
    ("قتلت غارة القيادي في كتائب حزب الله أبو باقر الساعدي في بغداد.", "أبو باقر الساعدي", "kataib_hezbollah"),
])
def test_a_title_in_a_group_names_a_member_of_the_group(read: Read, text: str, person: str, group: str) -> None:
    ex = read(text)
    new = {a.label_ar: a for a in ex.new_actors}
    assert person in new, sorted(new)
    assert new[person].kind == "Militia" and local(dict(new[person].links).get("memberOf")) == group


def test_a_facility_name_stops_before_off_the_coast_of(read: Read) -> None:
    # (قبالة "off" locates the ship; it is no word of its name)
    assert "ناقلة نفط" in mentions(read("استهدفت مسيرة ناقلة نفط قبالة سواحل اليمن."))
