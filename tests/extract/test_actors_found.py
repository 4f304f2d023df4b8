"""Actor mentions: the knowledge base, every state (CLDR), places (GeoNames), organs, titled persons, groups,
facilities and open noun phrases — what the matchers find, independent of the trained linker."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from akhbar.records import Extraction

from .helpers import local, triples

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



@pytest.mark.parametrize(("text", "surface", "state"), [
    ("انتقدت المجر العقوبات الجديدة.", "المجر", "hungary"),  # the news' name, not CLDR's هنغاريا
    ("وطالبت المفوضية الحكومة المجرية بالتراجع.", "الحكومة المجرية", "hungary"),
    ("واستدعت ساحل العاج السفير.", "ساحل العاج", "cote_divoire"),
    ("وقالت الحكومة الإيفوارية إنها لن تتراجع.", "الحكومة الإيفوارية", "cote_divoire"),  # an irregular nisba
    ("وقالت بورما إنها لن تتراجع.", "بورما", "myanmar_burma"),
    ("وقال الجيش المالي إنه صد الهجوم.", "الجيش المالي", "mali"),  # not "financial": only as an army
])
def test_states_are_known_by_the_names_the_news_uses(text: str, surface: str, state: str) -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    units = read_units(None, Article("t", "t.txt", text), load_kb())
    refs = {r.surface.removeprefix("و"): r for r in units.sentences[0].refs}
    assert refs[surface].states == (f"https://w3id.org/akhbar/id/{state}",)


def test_a_capital_of_any_state_stands_for_it_as_the_one_warned(read: Read) -> None:
    # GUIDELINES §3: a capital as addressee is its state (Washington → usa); GeoNames gives every state's capital
    ex = read("توعد الرئيس الروسي وارسو بالرد على نشر الصواريخ الأمريكية.")
    assert {local(e.target) for e in ex.events if e.action == "Warning"} == {"poland"}


def test_financial_support_is_no_malian_actor(read: Read) -> None:
    assert "mali" not in mentions(read("وقدمت قطر دعما ماليا للحكومة اللبنانية، وقالت الوزارة إن الدعم المالي سيصل.")
                                  ).values()

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


@pytest.mark.parametrize(("text", "name"), [
    ("حث الممثل الخاص للاتحاد الأوروبي، توماس كلاين، أرمينيا على سحب قواتها.", "توماس كلاين"),
    ("وحذر رئيس لجنة الأمن القومي في البرلمان الإيراني إبراهيم عزيزي إسرائيل من أي مغامرة.", "إبراهيم عزيزي"),
    ("حذّر عضو المكتب السياسي لحماس سامي عبد الهادي إسرائيل من أي تصعيد جديد.", "سامي عبد الهادي"),  # a member
    ("أمهل المبعوث الأميركي الخاص لشؤون العراق توماس بريستون الحكومة العراقية أسبوعين.", "توماس بريستون"),
    # a portfolio, then the government it is in; a spokesman for an office, then that office's body
    ("وحذر وزير النقل في الحكومة الليبية سالم الهاشمي تركيا من التصعيد.", "سالم الهاشمي"),
    ("وحذر الناطق باسم القائد العام للقوات المسلحة السودانية خالد عثمان إثيوبيا من التصعيد.", "خالد عثمان"),
])
def test_a_representative_or_a_committee_chair_is_a_titled_official(read: Read, text: str, name: str) -> None:
    ex = read(text)
    (event,) = ex.events
    labels = {a.iri: a.label_ar for a in ex.new_actors}
    assert labels.get(event.agent, "").endswith(name), labels


@pytest.mark.parametrize(("text", "state"), [
    ("حذر حاكم إقليم دارفور مني أركو مناوي قوات الدعم السريع من مواصلة الهجمات.", "sudan"),
    ("وحذر والي شمال دارفور قوات الدعم السريع من اقتحام المدينة.", "sudan"),
    # a province the base does not know: the governor is of the state the article is about
    ("أعلنت نيجيريا حالة الطوارئ. وحذر حاكم ولاية زمفرة داودا لاوال جماعة بوكو حرام من مواصلة الهجمات.", "nigeria"),
])
def test_a_governor_is_an_official_of_the_state_of_his_place(read: Read, text: str, state: str) -> None:
    ex = read(text)
    links = {a.iri: dict(a.links) for a in ex.new_actors}
    assert {links.get(e.agent, {}).get("officialOf") for e in ex.events if e.action == "Warning"} == {
        f"https://w3id.org/akhbar/id/{state}"}


def test_armed_factions_named_bare_are_those_of_the_state_the_article_is_about(read: Read) -> None:
    ex = read("العراق: توتر أمني\nطالب رئيس الوزراء العراقي محمد شياع السوداني الفصائل المسلحة بحصر السلاح بيد الدولة.")
    assert {local(e.target) for e in ex.events} == {"iraqi_militias_pro_iran"}


def test_a_definite_plural_after_a_title_is_no_name(read: Read) -> None:
    ex = read("دعا محافظ جنين المؤسسات الدولية إلى الضغط على إسرائيل.")
    labels = {a.iri: a.label_ar for a in ex.new_actors}
    assert ex.events and {labels.get(e.agent) for e in ex.events if e.action == "Pressure"} == {"محافظ جنين"}


def test_a_title_goes_on_past_an_abbreviation_in_brackets(read: Read) -> None:
    ex = read("قال الأمين العام لحلف شمال الأطلسي (الناتو) مارك روته إن الحلف سيرد، محذرا موسكو من أي هجوم.")
    assert {local(e.agent) for e in ex.events if e.action == "Warning"} == {"rutte"}


def test_european_capitals_are_a_collective_of_states(read: Read) -> None:
    ex = read("حذر المتحدث باسم الكرملين دميتري بيسكوف العواصم الأوروبية من أنها ستتحمل العواقب كاملة.")
    labels = {a.iri: a.label_ar for a in ex.new_actors}
    assert {labels.get(e.target) for e in ex.events} == {"العواصم الأوروبية"}


def test_a_special_envoys_office_holds_where_he_is_sent(read: Read) -> None:
    ex = read("دعا المبعوث الأممي الخاص إلى اليمن جميع الأطراف إلى ضبط النفس.")
    (event,) = ex.events
    labels = {a.iri: a.label_ar for a in ex.new_actors}
    assert labels[event.agent] == "المبعوث الأممي الخاص إلى اليمن" and local(event.target) != "yemen"


def test_a_name_ends_before_the_next_persons_title(read: Read) -> None:
    ex = read("حث وكيل وزارة الخزانة الأميركية جون هيرلي محافظ البنك المركزي العراقي علي العلاق على إغلاق الثغرات.")
    labels = {a.iri: a.label_ar for a in ex.new_actors}
    assert {(labels[e.agent].split()[-1], labels[e.target].split()[-1]) for e in ex.events} == {("هيرلي", "العلاق")}


@pytest.mark.parametrize(("text", "person"), [
    # a rank right after the office and its body is the person's own, however the parse tags the name after it
    ("وقال المتحدث باسم الجيش الغاني العقيد كوامي أتيبوري إن الدوريات ستستمر.",
     "المتحدث باسم الجيش الغاني العقيد كوامي أتيبوري"),
    ("وقال المتحدث باسم الجبهة العقيد الرائد سالو تيغانا إن المقاتلين مستعدون.",
     "المتحدث باسم الجبهة العقيد الرائد سالو تيغانا"),
    # a possessed noun, a reflexive or a comparative before من goes on no name
    ("وأعلن المتحدث باسم الحركة ديسو كانغا مسؤوليتها عن الهجوم.", "المتحدث باسم الحركة ديسو كانغا"),
    ("وذهب قائد الجيش الغاني الجنرال أكوا مينساه أبعد من ذلك.", "قائد الجيش الغاني الجنرال أكوا مينساه"),
    ("وأشرف الرئيس الغاني جون أدومي بنفسه على العملية.", "الرئيس الغاني جون أدومي"),
    # an honorific before the name, and a family name after آل, which does not count among the name's words
    ("وقال وزير الخارجية الغاني الشيخ سالم بن راشد آل منصور إن الحكومة سترد.",
     "وزير الخارجية الغاني الشيخ سالم بن راشد آل منصور"),
    # a member of parliament for a bloc of a one-word name
    ("وقال النائب عن تحالف النهضة كريم الساعدي إن البرلمان سيصوت.", "النائب عن تحالف النهضة كريم الساعدي"),
    # the title's adjective (العسكري) is the title's; a name the parse reads whole though it begins with و is a name
    ("وحذر المتحدث العسكري ويلي كابوندي القوات من التقدم.", "المتحدث العسكري ويلي كابوندي"),
    # a body named in quotes is named to its closing quote; the rank and name after it are the spokesman's
    ('وقال المتحدث باسم "المجلس الوطني للإنقاذ" العقيد أمادو كوليبالي إن الرد سيكون حاسما.',
     'المتحدث باسم "المجلس الوطني للإنقاذ" العقيد أمادو كوليبالي'),
    # the body a bare title heads (رئيس المفوضية) is no name's first word, though the parse reads the name as a verb
    ("وحذر رئيس المفوضية عمر توراي قادة الانقلاب من عملية عسكرية.", "رئيس المفوضية عمر توراي"),
])
def test_a_titled_persons_name_ends_where_the_name_does(read: Read, text: str, person: str) -> None:
    ex = read(text)
    found = mentions(ex)
    assert person in found and found[person] != "ghana"
    assert not any(m.text.startswith(person) and len(m.text) > len(person) and m.actor != ex.mentions[0].actor
                   for m in ex.mentions)
    assert any(a.label_ar == person.split()[-2] + " " + person.split()[-1] or a.label_ar.endswith(person.split()[-1])
               for a in ex.new_actors)


def test_a_known_persons_office_and_rank_before_his_name_are_his_mention(read: Read) -> None:
    # the body he commands is named by a noun that alone names a group's leadership (القيادة), and his rank
    # stands between it and his name: one mention of the person the base knows, title and all
    ex = read("وأبلغ قائد القيادة المركزية الأمريكية الجنرال مايكل كوريلا الوزير بضرورة خفض التصعيد.")
    assert mentions(ex).get("قائد القيادة المركزية الأمريكية الجنرال مايكل كوريلا") == "kurilla", mentions(ex)


def test_a_front_for_another_liberation_is_not_the_known_front(read: Read) -> None:
    # الجبهة الشعبية is the PFLP's short name; "لتحرير تيغراي" after it names another front, a group of its own
    ex = read("وشنت الجبهة الشعبية لتحرير أوغادين هجمات على الجيش. وهاجمت الجبهة الشعبية لتحرير فلسطين موقعا.")
    found = mentions(ex)
    assert found["الجبهة الشعبية لتحرير فلسطين"] == "pflp"
    assert found["الجبهة الشعبية لتحرير أوغادين"] not in ("pflp", None), found


def test_a_known_persons_family_name_after_al_is_in_his_mention(read: Read) -> None:
    # the base names him without the family (محمد بن عبد الرحمن); the text goes on with آل ثاني, his too
    ex = read("وقال رئيس الوزراء القطري الشيخ محمد بن عبد الرحمن آل ثاني إن الدوحة ستواصل الوساطة.")
    assert mentions(ex).get("رئيس الوزراء القطري الشيخ محمد بن عبد الرحمن آل ثاني") == "mohammed_al_thani"


def test_an_office_and_the_name_apposed_to_it_each_name_the_person(read: Read) -> None:
    # the article may name him by either half later, and the gold by either: both are names of the one node
    ex = read("وقال المتحدث باسم الحكومة الغانية، العقيد كوفي أمانكوا، إن الجيش سيرد.")
    found = mentions(ex)
    whole = "المتحدث باسم الحكومة الغانية، العقيد كوفي أمانكوا"
    assert found[whole] == found["المتحدث باسم الحكومة الغانية"] == found["العقيد كوفي أمانكوا"], found


def test_a_titled_persons_names_do_not_run_into_the_words_after_him(read: Read) -> None:
    # a person is named by his title and name, never by the noun phrase the parse lets run on after them
    ex = read("وذهب قائد الجيش الغاني الجنرال أكوا مينساه أبعد من ذلك، إذ حذر توغو من أي تدخل.")
    person = mentions(ex)["قائد الجيش الغاني الجنرال أكوا مينساه"]
    assert [m.text for m in ex.mentions if m.actor.endswith(person)] == ["قائد الجيش الغاني الجنرال أكوا مينساه"]


def test_a_senator_is_a_titled_official(read: Read) -> None:
    ex = read("هدد السيناتور الديمقراطي جيمس هولاند بفرض عقوبات على تركيا.")
    assert "السيناتور الديمقراطي جيمس هولاند" in mentions(ex)
    assert [(e.action, local(e.target)) for e in ex.events] == [("Warning", "turkey")]


def test_titled_person_is_a_new_official_and_found_again_by_name(read: Read) -> None:
    ex = read("هدد وزير الخارجية النرويجي يوهان كارلسن روسيا بعقوبات. وكرر كارلسن تحذيره لروسيا.")
    person = {m.actor for m in ex.mentions if m.text.endswith("كارلسن")}
    assert len(person) == 1  # the second sentence names him by surname only: the same node


def test_a_person_named_in_the_headline_before_his_title_is_the_one_the_body_introduces(read: Read) -> None:
    text = "منساه يهدد توغو بالرد\nحذر وزير الدفاع الغاني كوفي منساه، الأحد، توغو من أي اعتداء على الحدود."
    ex = read(text)
    agents = {text[e.trigger.start:e.trigger.end]: local(e.agent) for e in ex.events if e.agent}
    assert agents["يهدد"] == agents["حذر"] and agents["يهدد"] not in ("ghana", None)


def test_a_person_foreseen_is_still_introduced_by_his_name_before_his_title(read: Read) -> None:
    ex = read("وقال علي دلاور، قائد اللواء الخامس، إن التدريبات ستستمر. وهدد دلاور إسرائيل.")
    assert "علي دلاور، قائد اللواء الخامس" in mentions(ex)


def test_an_abbreviation_in_brackets_after_a_groups_name_names_it_from_there_on(read: Read) -> None:
    text = "وأعلنت جبهة تحرير الساحل (جتس) مسؤوليتها عن الهجوم. وهددت جتس بشن هجمات جديدة على القواعد الفرنسية."
    ex = read(text)
    group = {m.actor for m in ex.mentions if m.text == "جبهة تحرير الساحل"}
    assert len(group) == 1 and group <= {m.actor for m in ex.mentions if m.text == "جتس"}
    assert any(e.agent in group for e in ex.events if text[e.trigger.start:e.trigger.end] == "وهددت")


def test_an_abbreviation_after_a_groups_leaders_is_the_groups_not_theirs() -> None:
    from akhbar.analysis import load_analyser
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "استهدف الجيش قيادة جبهة تحرير الساحل (جتس) في المدينة. وهددت جتس بالرد."
    units = read_units(load_analyser("default")(text), Article("t", "t.txt", text), load_kb())
    leaders = next(r for r in units.sentences[0].refs if r.surface.startswith("قيادة"))
    assert units.finder.aliases.get("جتس") != leaders.iri


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


@pytest.mark.parametrize(("text", "collective"), [
    ("ودعا المبعوث الأممي جميع الأطراف إلى ضبط النفس.", "جميع الأطراف"),
    ("وكرر المبعوث الأممي دعوته لجميع الأطراف إلى ضبط النفس.", "جميع الأطراف"),  # (the quantifier with لـ)
    ("ووجهت الحكومة تحذيرا لكل الدول المجاورة.", "كل الدول"),
])
def test_a_quantifier_and_a_plural_of_bodies_are_one_collective_whatever_clitic_it_takes(text: str, collective: str
                                                                                        ) -> None:
    assert _refs(text)[collective].kind == "Organization"


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


@pytest.mark.parametrize(("text", "places"), [
    # a dual place noun announces two names: the word after the first one's و is the second, whatever its shape
    ("وقصف الجيش مدينتي كاسونغو وأوفيرا.", {"كاسونغو", "أوفيرا"}),
    ("وقصفت المدفعية بلدتي كفرا وياطر.", {"كفرا", "ياطر"}),
    ("وشنت الطائرات غارات على مديريتي زرمت وبرمل في ولاية بكتيكا.", {"برمل"}),
    # a word that opens place names is the town's name after its noun, though the lexicon holds it (المزرعة: farm)
    ("وقصفت المدفعية دبابات في بلدات المزرعة والمتونة وولغا.", {"المزرعة", "المتونة", "ولغا"}),
])
def test_the_places_a_dual_or_plural_place_noun_names_are_each_a_place(read: Read, text: str, places: set[str]
                                                                        ) -> None:
    ex = read(text)
    located = {a.label_ar for a in ex.new_actors if a.kind == "Location"}
    assert places <= {label.removeprefix("بلدة ").removeprefix("مدينة ") for label in located}, located


def test_the_congolese_army_is_an_organ_of_the_democratic_republic(read: Read) -> None:
    ex = read("وقصف الجيش الكونغولي مواقع المتمردين. وحذرت الكونغو برازافيل من التصعيد.")
    organ = next(a for a in ex.new_actors if a.label_ar == "الجيش الكونغولي")
    assert organ.links == (("partOf", "https://w3id.org/akhbar/id/congo_kinshasa"),)
    assert "congo_brazzaville" in mentions(ex).values()  # the Republic of the Congo is named in full


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


@pytest.mark.parametrize(("text", "surface"), [
    ("وتوعد المجلس العسكري في النيجر فرنسا بالرد.", "المجلس العسكري في النيجر"),
    ("ورفض المجلس العسكري النيجري المهلة.", "المجلس العسكري النيجري"),
    # and so are a state's republican guard, its transitional authorities and its ministry of security
    ("وهاجم الحرس الجمهوري النيجري البلدة.", "الحرس الجمهوري النيجري"),
    ("وحذرت السلطات الانتقالية في النيجر الجزائر من التدخل.", "السلطات الانتقالية في النيجر"),
])
def test_a_junta_is_an_organ_of_the_state_it_rules(read: Read, text: str, surface: str) -> None:
    # GUIDELINES §5: the military council that rules a state is a StateOrgan of it, not the state
    ex = read(text)
    organ = mentions(ex)[surface]
    assert organ != "niger" and organ.startswith("niger"), mentions(ex)


@pytest.mark.parametrize(("text", "target"), [
    # a force's vehicles, air defences, emplacements and depots are the force's, or the state's they stand in (§3)
    ("واستهدف الجيش الهندي رادارات ومنظومات دفاع جوي داخل باكستان.", "pakistan"),
    ("وقصف الجيش الإسرائيلي آليات ودبابات تابعة للجيش السوري.", "syrian_army"),
    ("ودمرت الطائرات مخازن أسلحة لحزب الله في الجنوب.", "hezbollah"),
])
def test_a_forces_military_things_are_the_force(read: Read, text: str, target: str) -> None:
    ex = read(text)
    assert {local(e.target) for e in ex.events} == {target}, [(e.action, e.target) for e in ex.events]


def test_a_preposition_past_another_verb_or_a_response_opens_no_phrase() -> None:
    # what a verb between the attack and على governs is not struck (تحمل على عاتقها), nor what a response
    # answers (ردا على); a light verb keeps the attack's preposition (الهجوم الذي شنته ... على)
    from akhbar.analysis import load_analyser
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    def phrases(text: str) -> list[str]:
        units = read_units(load_analyser("default")(text), Article("t", "t.txt", text), load_kb())
        return [p.surface for s in units.sentences for p in s.phrases]

    assert not any("خسائر" in p for p in phrases("نفذت القوات هجوما في المدينة وأكدت أنها تحرص على تجنب خسائر بشرية."))
    assert not any("الاعتداءات" in p for p in phrases("قصفت القوات مواقع في المنطقة ردا على الاعتداءات المتكررة."))
    assert any("مستودعات" in p for p in phrases("الهجوم الذي شنته القوات على مستودعات الوقود كان واسعا."))


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


@pytest.mark.parametrize(("text", "name"), [
    ("وقال الرئيس الغاني كوفي منساه لوقف إطلاق النار إنه يدعم الهدنة.", "الرئيس الغاني كوفي منساه"),
    ("توعد المرشد الأعلى كريم زاهدي بما وصفه انتقاما قاسيا.", "المرشد الأعلى كريم زاهدي"),
    ("وأضاف المتحدث أن المبعوث الأممي كارلوس مندوزا تحدث مع الطرفين أمس.", "المبعوث الأممي كارلوس مندوزا"),
])
def test_a_titled_name_ends_before_a_word_the_parse_reads_as_a_verb_or_a_preposition(text: str, name: str) -> None:
    assert name in {r.surface for r in _all_refs(text) if r.how == "title"}


@pytest.mark.parametrize(("text", "title"), [
    ("وقال ترامب إنه أمر البحرية الأمريكية بإسقاط أي زوارق تقترب.", False),  # the verb "ordered"
    ("وقال إن الأمر العسكري صدر أمس.", False),  # the noun "order"
    ("وقال آمر اللواء الخامس سامي خليل إن القوات ستتقدم.", True),  # the commander
])
def test_the_title_amir_is_read_only_as_spelt_with_a_madda(text: str, title: bool) -> None:
    assert any(r.how == "title" and r.surface.startswith("آمر") for r in _all_refs(text)) is title
    assert not any(r.how == "title" and "أمر" in r.surface for r in _all_refs(text))


@pytest.mark.parametrize(("text", "name"), [
    ("وقصفت الطائرات ولايات قندهار وهلمند ونورستان وبكتيا.", "نورستان"),
    ("وقصفت المدفعية قرى كفرحمام ويارين وتلال الخربة.", "يارين"),
])
def test_a_listed_name_with_a_verbs_shape_is_a_place_when_the_parse_reads_a_proper_noun(text: str, name: str
                                                                                         ) -> None:
    assert name in _refs(text)


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
    units = _units("وقال مسؤولون عراقيون إن سياسيين عراقيين التقوا دبلوماسيين عراقيين، وأكد مسؤولو العراق ذلك. "
                   "وطالب نواب عراقيون الحكومة بالتحرك.")
    iris = {r.surface: r.iri for s in units.sentences for r in s.refs if r.kind == "Official"}
    groups = {iris["مسؤولون عراقيون"], iris["سياسيين عراقيين"], iris["دبلوماسيين عراقيين"], iris["نواب عراقيون"]}
    assert len(groups) == 4, iris


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
    # GUIDELINES §3: coordinated named participants after a plural place noun, each a place of its own
    ("قصفت الطائرات بلدات عيتا الشعب والخيام وكفرحمام.", ["عيتا الشعب", "الخيام", "كفرحمام"]),
    ("استهدفت الصواريخ مدن بهاولبور وكوتلي.", ["بهاولبور", "كوتلي"]),
    # after an inclusion marker, the collective's named members are a list of their own
    ("قصف الجيش عدة بلدات، من بينها أم روابة والرهد.", ["أم روابة", "الرهد"]),
    ("هاجم المسلحون عدة مدن، من بينها كاي ونيورو وسانديري.", ["كاي", "نيورو", "سانديري"]),
    ("شنت روسيا هجوما على عدة مدن أوكرانية، بينها لفيف ولوتسك وريفنه.", ["لفيف", "لوتسك", "ريفنه"]),
    # a dual place noun lists two names
    ("قصفت المدفعية حيي الشجاعية والتفاح.", ["الشجاعية", "التفاح"]),
    # in an open list a word the parse reads as a noun is a name, whatever its first letter
    ("هاجم المسلحون مدن كاي ونيورو وسانديري.", ["كاي", "نيورو", "سانديري"]),
    # a dual of provinces (ولايتي: not the surname of a person the base knows, who is named in full first)
    ("شن الجيش الباكستاني غارات على مخابئ في ولايتي خوست وبكتيكا الأفغانيتين.", ["خوست", "بكتيكا"]),
    # and one that begins with ي, as no verbal noun does, unless the parse reads a verb
    ("استهدفت الغارات بلدات عيتا الشعب وياطر ومجدل سلم.", ["عيتا الشعب", "ياطر", "مجدل سلم"]),
    # a name's opening word (أبو، بيت) takes the next word whatever its ending
    ("قصفت المدفعية قرى تل تمر وأبو راسين في ريف الحسكة.", ["تل تمر", "أبو راسين"]),
    ("قصفت الطائرات بلدات جباليا وبيت حانون.", ["جباليا", "بيت حانون"]),
])
def test_places_listed_after_a_plural_place_noun_are_each_a_place(text: str, places: list[str]) -> None:
    found = _refs(text)
    assert all(found[p].kind == "Location" for p in places)


def test_government_forces_are_the_forces_of_the_state_the_article_is_about(read: Read) -> None:
    ex = read("اشتباكات في غرب ليبيا\nقصفت القوات الحكومية مدينة الزاوية غربي ليبيا.")
    (event,) = ex.events
    assert {a.iri: a.links for a in ex.new_actors}[event.agent] == (("partOf", "https://w3id.org/akhbar/id/libya"),)


@pytest.mark.parametrize(("text", "agent"), [
    ("أمهل الجانب الأميركي حماس حتى نهاية الشهر للرد على المقترح.", "usa"),  # (the US side: the state)
    ("وطالب الجانب التركي الحكومة العراقية بطرد المسلحين.", "turkey"),
])
def test_a_states_side_is_the_state(read: Read, text: str, agent: str) -> None:
    assert {local(e.agent) for e in read(text).events} == {agent}


def test_facilities_the_base_names_are_named_by_their_own_names() -> None:
    found = _refs("قصفت إسرائيل والولايات المتحدة منشآت فوردو ونطنز وأصفهان.")
    assert {local(found[name].iri) for name in ("فوردو", "نطنز", "أصفهان")} == {"fordow", "natanz", "isfahan"}


def test_a_unit_of_a_body_is_that_body() -> None:
    found = _refs("اقتحمت قوة من الجيش الإسرائيلي بلدة قباطية.")
    assert local(found["قوة من الجيش الإسرائيلي"].iri) == "idf"
    found = _refs("أطلقت دبابة إسرائيلية النار باتجاه دورية لليونيفيل.")  # (an organisation's patrol too)
    assert local(found["دورية لليونيفيل"].iri) == "unifil"


def test_the_highlands_of_a_town_are_that_town(read: Read) -> None:
    ex = read("شن الطيران الإسرائيلي غارات على جرود بلدة جنتا.")
    labels = {a.iri: a.label_ar for a in ex.new_actors}
    assert {labels.get(e.target, "") for e in ex.events} == {"بلدة جنتا"}


def test_a_place_list_ends_at_a_verb_or_a_plain_noun() -> None:
    found = _refs("قصفت الطائرات بلدات كفركلا وتوغلت القوات.")
    assert "كفركلا" in found and not any("توغلت" in name for name in found)
    found = _refs("قصفت الطائرات بلدات كفركلا والمدنيين.")
    assert found["المدنيين"].iri != found["كفركلا"].iri


def test_a_place_list_runs_on_past_commas_and_its_gazetteer_places_need_no_other_cue() -> None:
    found = _refs("وتفرض الجماعة سيطرتها في مناطق سيغو، موبتي، كاي، وسيكاسو، وتمنع مرور القوافل.")
    assert all(found[p].kind == "Location" for p in ("سيغو", "موبتي", "كاي", "سيكاسو"))
    found = _refs("قصفت الطائرات بلدات كفركلا، وأضاف المصدر أن القصف عنيف.")
    assert not any("أضاف" in name for name in found)


@pytest.mark.parametrize(("text", "phrase"), [
    ("تعرض مبنى سكني في المدينة لقصف عنيف.", "مبنى سكني"),
    ("كما تضرر منزل في هرتسليا بعد استهدافه برشقة صاروخية.", "منزل في هرتسليا"),
])
def test_what_undergoes_an_attack_before_its_noun_is_a_candidate_place(text: str, phrase: str) -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    units = read_units(None, Article("t", "t.txt", text), load_kb())
    assert phrase in {p.surface for p in units.sentences[0].phrases}


@pytest.mark.parametrize(("text", "title", "obj"), [
    ("حذر وزير الخارجية الأمريكي إيران من مهاجمة إسرائيل.", "وزير الخارجية الأمريكي", "إيران"),
    ("هدد وزير الدفاع الإسرائيلي حماس بقصف غزة.", "وزير الدفاع الإسرائيلي", "حماس"),
])
def test_the_object_after_a_title_and_its_nisba_is_no_body_he_works_for(text: str, title: str, obj: str) -> None:
    found = _refs(text)
    assert found[title].kind == "Official" and obj in found


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("قصفت الطائرات مدينة كوتلي الحدودية.", "مدينة كوتلي الحدودية", "كوتلي"),
    ("استهدف الجيش بلدة عيتا الشعب.", "بلدة عيتا الشعب", "عيتا الشعب"),
])
def test_a_town_named_after_its_head_noun_keeps_its_own_name_as_a_variant(text: str, surface: str,
                                                                          name: str) -> None:
    ref = _refs(text)[surface]
    assert name in {ref_text for ref_text in _variant_texts(text, ref)}


def test_a_plural_place_noun_with_a_nisba_is_one_collective_not_a_place_named_by_the_nisba() -> None:
    found = _refs("واستهدفت الصواريخ عدة مدن أوكرانية، بما في ذلك أوديسا.")
    assert "أوكرانية" not in found and found["مدن أوكرانية"].kind == "Location"


def _variant_texts(text: str, ref: object) -> list[str]:
    return [text[a:b] for a, b in ref.variants]  # type: ignore[attr-defined]


def test_a_short_name_of_a_large_city_after_a_preposition_of_place_is_the_city() -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import label_key, load_kb
    from akhbar.records import Article

    kb = load_kb()
    kb = kb.without({kb.lookup(label_key("حيفا"))})  # as an unseen article reads a city the base lacks
    text = "سقط صاروخ في حيفا، وقال بايدن إن بلاده تتابع."
    refs = {r.surface: r for r in read_units(None, Article("t", "t.txt", text), kb).sentences[0].refs}
    assert refs["حيفا"].how == "place" and refs["حيفا"].kind == "Location"
    assert refs["بايدن"].kind == "Official"  # (not ب + a short place name)


def test_a_comma_list_of_unknown_places_closed_by_wa_names_each_place() -> None:
    found = _refs("قصفت الطائرات بلدات حولا، مركبا، وكفرشوبا.")
    assert all(found[p].kind == "Location" for p in ("حولا", "مركبا", "كفرشوبا"))
    found = _refs("قصفت الطائرات بلدات كفركلا، مما أسفر عن مقتل مدنيين.")
    assert not any("مما" in name for name in found)


def test_a_movement_named_after_its_head_is_a_group_unless_it_is_the_movement_of_something() -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import label_key, load_kb
    from akhbar.records import Article

    kb = load_kb()
    kb = kb.without({kb.lookup(label_key("حركة الشباب"))})  # a movement the base does not know
    text = "هجوم لحركة الشباب على مقديشو. وشنت حركة الشباب هجوما آخر، وتوقفت حركة الملاحة في الميناء."
    refs = [r for s in read_units(None, Article("t", "t.txt", text), kb).sentences for r in s.refs]
    groups = [r for r in refs if r.surface.endswith("حركة الشباب")]
    assert len(groups) == 2 and {r.kind for r in groups} == {"Militia"} and len({r.iri for r in groups}) == 1
    assert not any("الملاحة" in r.surface for r in refs)


def test_a_titled_person_is_found_again_by_the_joined_spelling_of_an_abd_last_name() -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import label_key, load_kb
    from akhbar.records import Article

    kb = load_kb()
    kb = kb.without({kb.lookup(label_key("عبد اللهيان"))})  # a minister the base does not know
    text = "وقال وزير الخارجية الإيراني حسين أمير عبد اللهيان إن بلاده تراقب. وحذر عبداللهيان الولايات المتحدة."
    sentences = read_units(None, Article("t", "t.txt", text), kb).sentences
    titled = sentences[0].refs[0]
    again = next(r for r in sentences[1].refs if r.surface == "عبداللهيان")
    assert titled.how == "title" and again.iri == titled.iri


@pytest.mark.parametrize(("text", "surface"), [
    ("واستهدفت الغارة قيادات حماس في الدوحة.", "قيادات حماس"),
    ("وهدد قادة حركة الشباب الحكومة.", "قادة حركة الشباب"),
    ("استهدفت الطائرات قيادة حركة المقاومة الإسلامية.", "قيادة حركة المقاومة الإسلامية"),
])
def test_the_leaders_of_an_armed_group_are_a_group_of_its_members(text: str, surface: str) -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    units = read_units(None, Article("t", "t.txt", text), load_kb())
    ref = next(r for r in units.sentences[0].refs if r.surface == surface)
    actor = units.finder.minted[ref.iri]
    assert ref.kind == "Militia" and actor.links[0][0] == "memberOf"
    assert local(actor.links[0][1]) in ("hamas", "al_shabaab")


def test_a_states_leaders_are_not_an_armed_groups_leaders() -> None:
    assert _refs("وقال قادة لبنان إنهم يرفضون.")["قادة لبنان"].kind == "Official"


@pytest.mark.parametrize(("text", "surface"), [
    # a family name after عبد and its word, or a family nisba after two names, belongs to the name
    ("وقال قائد الجيش السوداني عبد الكريم الحسن إن الجيش سيرد.", "عبد الكريم الحسن"),
    ("وقال رئيس وزراء البلاد محمد شياع السوداني إن الحكومة سترد.", "محمد شياع السوداني"),
    # the words that qualify a title come before the name
    ("وحذر وزير الخارجية السوري الجديد، أسعد حسن الشيباني، إيران.", "أسعد حسن الشيباني"),
    ("وقال وزير الخارجية السوري المعين حديثا أسعد حسن الشيباني إن بلاده لن تقبل.", "أسعد حسن الشيباني"),
])
def test_a_titled_persons_name_runs_to_its_family_name(text: str, surface: str) -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    kb = load_kb()
    kb = kb.without({i for i, a in kb.actors.items() if a.kind == "Official"})  # persons the base does not know
    refs = read_units(None, Article("t", "t.txt", text), kb).sentences[0].refs
    titled = next(r for r in refs if r.how == "title")
    assert titled.surface.endswith(surface) and not any(r.kind == "State" and r.surface == "السوداني" for r in refs)


@pytest.mark.parametrize("text", [
    "وأدى القصف إلى حركة نزوح المزيد من السكان.",
    'وقال إن الحزب "تعرض لضرر بالغ لكنه لم يهزم بعد" في الحرب.',
])
def test_a_movement_of_people_or_a_quotation_after_a_group_noun_names_no_group(text: str) -> None:
    assert not any(r.kind == "Militia" and r.how == "organ" for r in _refs(text).values())


def test_the_group_a_written_leaders_node_belongs_to_is_written_too() -> None:
    from akhbar.extract import extract
    from akhbar.kb import label_key, load_kb
    from akhbar.records import Article

    kb = load_kb()
    kb = kb.without({kb.lookup(label_key("حركة الشباب"))})  # a group the base does not know
    text = "قصفت الطائرات الأمريكية مقرا يجتمع فيه قادة حركة الشباب قرب مقديشو."
    ex = extract(None, Article("t", "t.txt", text), kb)
    written = {a.iri: a for a in ex.new_actors}
    leaders = next(a for a in written.values() if a.label_ar == "قادة حركة الشباب")
    group = dict(leaders.links)["memberOf"]
    assert written[group].label_ar == "حركة الشباب" and written[group].kind == "Militia"


@pytest.mark.parametrize(("text", "name"), [
    ("هاجمت القوات قرية ود النورة فجر اليوم.", "قرية ود النورة"),  # a two-letter word opens a longer name
    ("قصفت الطائرات مخيم الشاطئ غرب المدينة.", "مخيم الشاطئ"),  # a definite genitive after a place noun
    ("سقطت قذائف على حي الزيتونة وسط المدينة.", "حي الزيتونة"),
])
def test_a_place_noun_names_a_place_by_its_genitive_or_a_short_first_word(text: str, name: str) -> None:
    assert _refs(text)[name].kind == "Location"


def test_a_place_noun_before_a_listed_common_noun_names_no_place() -> None:
    assert not any(r.kind == "Location" for r in _refs("وصلت التعزيزات إلى منطقة العمليات أمس.").values())


def test_a_list_after_a_plural_place_noun_takes_names_ending_in_iya_and_two_word_names() -> None:
    refs = _refs("قصفت المدفعية بلدات عين قانا وزبدية وبيت حانون الحدودية.")
    assert {"عين قانا", "زبدية", "بيت حانون"} <= set(refs)


def test_a_groups_definite_name_takes_no_indefinite_word_after_it() -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import label_key, load_kb
    from akhbar.records import Article

    kb = load_kb()
    kb = kb.without({kb.lookup(label_key("حركة الشباب"))})
    text = "هاجمت حركة الشباب قاعدة عسكرية قرب المدينة."
    refs = {r.surface: r for r in read_units(None, Article("t", "t.txt", text), kb).sentences[0].refs}
    assert refs["حركة الشباب"].kind == "Militia" and "حركة الشباب قاعدة" not in " ".join(refs)


@pytest.mark.parametrize(("text", "struck"), [
    ("أطلقت الجماعة طائرة مسيرة باتجاه مستودع الوقود.", "مستودع الوقود"),  # the launched weapon is no target
    ("قصفت طائرات حربية إسرائيلية قافلة شاحنات قرب الحدود.", "قافلة شاحنات"),  # nor the aircraft that struck
])
def test_an_instrument_of_attack_begins_no_phrase_of_what_was_struck(text: str, struck: str) -> None:
    from akhbar.analysis import load_analyser
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    units = read_units(load_analyser("default")(text), Article("t", "t.txt", text), load_kb())
    phrases = [p.surface for p in units.sentences[0].phrases]
    assert any(p.startswith(struck) for p in phrases) and not any(p.startswith(("طائر", "قذائف")) for p in phrases)


@pytest.mark.parametrize(("text", "locator", "located"), [
    ("ضربت المسيرات مصفاة نفط في منطقة سمارا.", "سمارا", "مصفاة نفط"),  # the region only says where
    ("قصفت الطائرات مستشفى الأمل بمدينة حمص.", "حمص", "مستشفى الأمل"),
])
def test_a_place_that_locates_one_facility_adds_nothing(text: str, locator: str, located: str) -> None:
    from akhbar.extract.coordination import facility_locators
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    units = read_units(None, Article("t", "t.txt", text), load_kb())
    s = units.sentences[0]
    by_iri = {r.iri: r.surface for r in (*s.refs, *s.phrases)}
    found = {by_iri[a]: by_iri[b] for a, b in facility_locators(s, units.lex, text).items()}
    assert any(place.endswith(locator) and facility.startswith(located) for place, facility in found.items())


def test_a_place_after_unnamed_plural_facilities_is_a_target_of_its_own() -> None:
    from akhbar.extract.coordination import facility_locators
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "استهدفت المسيرات مطارات في مناطق سمارا وريازان."
    units = read_units(None, Article("t", "t.txt", text), load_kb())
    assert facility_locators(units.sentences[0], units.lex, text) == {}


def test_a_dual_place_noun_before_its_places_is_no_phrase_of_its_own() -> None:
    from akhbar.analysis import load_analyser
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "شنت الطائرات غارات على مدينتي صور والنبطية."
    units = read_units(load_analyser("default")(text), Article("t", "t.txt", text), load_kb())
    s = units.sentences[0]
    assert not any(p.surface.startswith("مدينتي") for p in s.phrases)
    assert {"صور", "النبطية"} <= {r.surface for r in s.refs}


def test_a_listed_name_keeps_its_ba() -> None:
    refs = _refs("شنت الطائرات غارات على بلدات عيترون وبليدا ومحيبيب.")
    assert {"عيترون", "بليدا", "محيبيب"} <= set(refs)


def test_the_army_a_spokesman_served_is_found_again_by_its_noun() -> None:
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = ("وقال المتحدث باسم الجيش السوداني العميد نبيل عبد الله إن الدفاعات تصدت للمسيرات.\n"
            "وقالت قوات الدعم السريع إن الجيش شن غارات على مدينة نيالا.")
    units = read_units(None, Article("t", "t.txt", text), load_kb())
    army = next(r for r in units.sentences[1].refs if r.surface == "الجيش")
    assert local(army.iri) == "sudanese_army"


def test_a_definite_organ_noun_introduces_no_known_name_after_it() -> None:
    refs = _refs("واتهم الجيش قوات الدعم السريع بقصف المدينة.")
    assert "قوات الدعم السريع" in refs and "الجيش قوات الدعم السريع" not in refs


@pytest.mark.parametrize(("text", "surface", "state"), [
    ("حذر دبلوماسيون روس من التصعيد.", "دبلوماسيون روس", "russia"),  # a broken plural nisba after persons
    ("هاجم الأتراك مواقع المسلحين.", "الأتراك", "turkey"),  # the definite broken plural alone
    ("حذرت البحرية الألمانية من التصعيد.", "البحرية الألمانية", "germany"),  # ألماني: its ال is the name's
    ("التقى الوزير مسؤولين إيرانيين في بغداد.", "مسؤولين إيرانيين", "iran"),  # a group after a title: its object
])
def test_nisbas_of_persons_name_their_state(text: str, surface: str, state: str) -> None:
    from akhbar.kb import load_kb

    refs = _refs(text)
    assert surface in refs, list(refs)
    kb = load_kb()
    ref = refs[surface]
    assert {local(kb.state_of(i) or s) for i, s in zip(ref.iris, ref.states, strict=True)} == {state}


def test_a_broken_plural_after_a_name_is_no_nisba() -> None:
    assert "روس" not in _refs("قال الدبلوماسي الأمريكي دنيس روس إن الوضع خطير.")


def test_a_verbal_noun_after_a_title_is_no_name() -> None:
    refs = _refs("لوح الرئيس الروسي باستخدام الأسلحة النووية ضد الدول الغربية.")
    assert "الرئيس الروسي" in refs and not any("باستخدام" in surface for surface in refs)


def test_a_city_named_by_a_common_word_needs_a_place_noun() -> None:
    # الأبيض (El Obeid) is "the white" but after مدينة: the gazetteer's city of Sudan, so its state is known
    refs = _refs("قصفت قوات الدعم السريع مدينة الأبيض بالمسيرات.")
    assert refs["مدينة الأبيض"].how == "place" and local(refs["مدينة الأبيض"].states[0]) == "sudan"
    assert not any(r.kind == "Location" for r in _refs("رفع المتظاهرون العلم الأبيض فوق المبنى.").values())


def test_a_short_city_name_right_after_an_attack_is_the_place() -> None:
    # a four-letter name needs a cue (بايدن is no ب + Aydın); the object of a verb of attack is one, past its
    # subject too, for a city of 100,000 or more
    assert _refs("قصفت روسيا حماة ليلا.")["حماة"].how == "place"  # (Hama: the gazetteer's, not the base's)
    assert "حماة" in _refs("وتواصل القوات قصف حماة منذ أيام.") and "حماة" not in _refs("رأى حماة الوطن ذلك.")


@pytest.mark.parametrize(("text", "surface"), [
    ("طالبت الفصائل السورية المسلحة المدعومة من أنقرة بوقف القصف.", "الفصائل السورية المسلحة المدعومة من أنقرة"),
    ("هاجمت فصائل مسلحة مدعومة من تركيا مواقع قسد.", "فصائل مسلحة مدعومة من تركيا"),
])
def test_an_armed_groups_adjective_does_not_hide_its_patron(text: str, surface: str) -> None:
    ref = _refs(text)[surface]
    assert ref.kind == "Militia" and "turkey" in ref.iri


def test_a_verb_the_lexicon_knows_ends_a_facilitys_name() -> None:
    refs = _refs("وأعلن الجيش أن قاعدة حرير تعرضت لهجوم بالمسيرات.")
    assert "قاعدة حرير" in refs and not any("تعرضت" in surface for surface in refs)


def test_an_adjective_of_the_attack_names_no_target() -> None:
    # an artillery or random shelling (قصفا مدفعيا عشوائيا) describes the act; nothing it struck is named there
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "وأفادت مصادر محلية بأن قصفا مدفعيا عشوائيا طال السوق المركزي."
    units = read_units(None, Article("t", "t.txt", text), load_kb())
    assert not [p.surface for p in units.sentences[0].phrases if "مدفعي" in p.surface]


def test_regional_bodies_and_governments_are_known(read: Read) -> None:
    ex = read("وطالب البرلمان العربي حكومة طرابلس بوقف القصف، ودعت إيكواس الأطراف إلى التهدئة.")
    assert {"arab_parliament", "libya_gnu", "ecowas"} <= {local(m.actor) for m in ex.mentions}


def test_a_verbal_noun_with_b_after_a_title_begins_no_name(read: Read) -> None:
    # لوح الرئيس الأمريكي بفرض رسوم: what he brandishes, not his name (but a name in ب stays one: بشار الأسد)
    ex = read("ولوح الرئيس الأمريكي بفرض رسوم جمركية على الصين.")
    assert "الرئيس الأمريكي" in {m.text for m in ex.mentions}
    ex = read("وقال الرئيس السوري بشار الأسد إن بلاده سترد.")
    assert any(m.text.endswith("بشار الأسد") for m in ex.mentions)


@pytest.mark.parametrize(("text", "first", "counterpart", "state"), [
    ("وحث وزير الخارجية التركي نظيره الإيراني عباس عراقجي على ضبط النفس.", "وزير الخارجية التركي",
     "نظيره الإيراني عباس عراقجي", "iran"),
    ("وأكد وزير الخارجية البريطاني لنظيره الإيراني ضرورة الإفراج عن المعتقلين.", "وزير الخارجية البريطاني",
     "نظيره الإيراني", "iran"),
])
def test_a_counterpart_is_a_second_official(text: str, first: str, counterpart: str, state: str) -> None:
    # the first title is not the counterpart's name's, and a counterpart with a nisba is an official of that state
    from akhbar.kb import load_kb

    refs = _refs(text)
    assert first in refs and counterpart in refs, list(refs)
    ref, kb = refs[counterpart], load_kb()
    assert {local(kb.state_of(i) or s) for i, s in zip(ref.iris, ref.states, strict=True)} == {state}


def test_the_surroundings_after_a_list_of_towns_are_no_town() -> None:
    assert set(_refs("وشن الطيران الإسرائيلي غارات على بلدتي عيتا الشعب والجوار.")) == {"الطيران الإسرائيلي",
                                                                                           "عيتا الشعب"}


@pytest.mark.parametrize(("text", "organ"), [
    ("وصوت مجلس الشيوخ الفرنسي على القرار.", "مجلس الشيوخ الفرنسي"),
    ("وقال مجلس الشورى العماني إنه يدعم الوساطة.", "مجلس الشورى العماني"),
    ("ونفذت أجهزة المخابرات الأردنية العملية.", "أجهزة المخابرات الأردنية"),
    ("وقال الأمن العام الأردني إنه أوقف مشتبهين.", "الأمن العام الأردني"),
    ("وأعلنت قوات الدفاع الكينية أنها صدت الهجوم.", "قوات الدفاع الكينية"),
])
def test_chambers_and_services_of_a_state_are_its_organs(text: str, organ: str) -> None:
    refs = {r.surface: r for s in _units(text).sentences for r in s.refs}
    assert organ in refs and refs[organ].kind == "StateOrgan", list(refs)


def test_amir_is_a_commanders_title() -> None:
    refs = {r.surface: r for s in _units("وقال آمر الكتيبة خالد الزاوي إن قواته سترد.").sentences for r in s.refs}
    assert any(r.kind == "Official" and r.how == "title" and "خالد الزاوي" in name for name, r in refs.items()), refs


@pytest.mark.parametrize(("text", "place"), [
    ("قصفت الطائرات مديرية حيس جنوب الحديدة.", "مديرية حيس"),
    ("قصفت المسيرات قضاء مخمور شمال البلاد.", "قضاء مخمور"),
])
def test_a_district_noun_names_a_place(text: str, place: str) -> None:
    refs = {r.surface: r for s in _units(text).sentences for r in s.refs}
    assert place in refs and refs[place].kind == "Location", list(refs)


def test_a_states_nisba_after_a_definite_noun_is_an_adjective_even_when_it_spells_the_states_name() -> None:
    # (تركية is also a spelling of Turkey: after الطائرات it is the planes' nationality)
    refs = {r.surface: r for s in _units("قصفت الطائرات التركية قرى في الشمال.").sentences for r in s.refs}
    assert refs["التركية"].how == "nisba", {k: r.how for k, r in refs.items()}


def test_a_title_of_a_body_the_base_does_not_know_keeps_its_holders_name() -> None:
    refs = {r.surface: r for s in _units("وحث المدير العام للمنظمة رافائيل فاسكيز إيران على التعاون.").sentences
            for r in s.refs}
    assert refs["المدير العام للمنظمة رافائيل فاسكيز"].kind == "Official", list(refs)


@pytest.mark.parametrize(("text", "person"), [
    ("وطالب المبعوث الأممي إلى ليبيا مارتن كوبلر الأطراف بالتهدئة.", "المبعوث الأممي إلى ليبيا مارتن كوبلر"),
    ("وقال السفير الصيني لدى مصر لياو ليتشيانغ إن بلاده قلقة.", "السفير الصيني لدى مصر لياو ليتشيانغ"),
    ("وحذر النائب في البرلمان الإيراني حسين نوروزي إسرائيل.", "النائب في البرلمان الإيراني حسين نوروزي"),
])
def test_an_envoy_is_named_past_the_place_he_is_sent_to(text: str, person: str) -> None:
    refs = {r.surface: r for s in _units(text).sentences for r in s.refs}
    assert person in refs and refs[person].kind == "Official", list(refs)


def test_the_un_has_a_nisba() -> None:
    refs = {r.surface: r for s in _units("وحذر مسؤولون أمميون من مجاعة وشيكة.").sentences for r in s.refs}
    assert refs["مسؤولون أمميون"].states == ("https://w3id.org/akhbar/id/un",), refs


def test_a_leader_is_named_past_the_group_the_base_does_not_know() -> None:
    refs = {r.surface: r for s in _units("وهدد زعيم جماعة الفتح المبين أبو حمزة الليبي القوات الحكومية.").sentences
            for r in s.refs}
    assert "زعيم جماعة الفتح المبين أبو حمزة الليبي" in refs, list(refs)  # (a kunya is a name of two words)


def test_a_definite_organ_takes_no_states_name_as_its_genitive() -> None:
    refs = {r.surface: r for s in _units("وحذر الحرس الثوري إسرائيل من أي مغامرة.").sentences for r in s.refs}
    assert "الحرس الثوري" in refs and refs["إسرائيل"].kind == "State", list(refs)


def _parsed_units(text: str) -> ArticleUnits:
    """An article of one text read with the offline parse."""
    from akhbar.analysis import load_analyser
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    return read_units(load_analyser("default")(text), Article("t", "t.txt", text), load_kb())


@pytest.mark.parametrize(("text", "longer"), [
    ("قصفت الطائرات القاعدة الجوية في حقل العمر للنفط.", "القاعدة الجوية في حقل العمر للنفط"),  # a genitive by لـ
    ("ضربت الصواريخ مستودعات تابعة لشركة النفط الوطنية.", "مستودعات تابعة لشركة النفط الوطنية"),  # its owner
    ("هاجمت إيران قواعد لمسلحين مرتبطين بتركيا.", "قواعد لمسلحين مرتبطين بتركيا"),
    ("أطلقت القوات النار على صيادين في قرية الزهراء بريف حمص.", "صيادين في قرية الزهراء بريف حمص"),  # بـ + place
    ("هاجمت الزوارق ناقلات نفط تبحر عبر مضيق هرمز.", "ناقلات نفط تبحر عبر مضيق هرمز"),  # a relative clause
])
def test_a_struck_phrase_is_named_with_its_modifiers_too(text: str, longer: str) -> None:
    # news names what was struck with what tells it apart: its owner, its place, a clause about it
    names = {text[a:b] for s in _parsed_units(text).sentences for r in (*s.refs, *s.phrases)
             for a, b in ((r.start, r.end), *r.variants)}
    assert longer in names, names


def test_the_weapon_fired_is_no_place_of_the_force_that_fires_it() -> None:
    text = "استهدفت القوات الأردنية بالمدفعية الثقيلة مواقع حدودية."
    ref = {r.surface: r for r in _parsed_units(text).sentences[0].refs}["القوات الأردنية"]
    assert ref.variants == ()  # (not "القوات الأردنية بالمدفعية …")


def test_a_known_person_named_in_full_is_found_again_by_his_last_name() -> None:
    text = "حذر الموفد الأميركي توم باراك لبنان من التصعيد.\nوقال باراك إن الوقت ينفد."
    s = _parsed_units(text).sentences[1]
    assert [(r.surface, r.iri.rsplit("/", 1)[-1]) for r in s.refs[:1]] == [("باراك", "barrack")]  # not بـ + Arak
    assert s.speaker is not None and s.speaker.iri.endswith("/barrack")


def test_a_quotation_running_into_the_next_sentence_keeps_its_speaker() -> None:
    text = "وقال المبعوث الفرنسي: \"هذه زيارتي الأخيرة. سأبلغ المسؤولين أن الوقت ينفد\"."
    first, second = _parsed_units(text).sentences
    assert first.speaker is not None and second.speaker is not None and second.speaker.iri == first.speaker.iri
    plain = _parsed_units("وقال المبعوث الفرنسي إن زيارته الأخيرة. سأبلغ المسؤولين أن الوقت ينفد.").sentences
    assert plain[1].speaker is None  # (no quotation open: nobody speaks on)


@pytest.mark.parametrize("title", ["رئيس الجمهورية", "رئيس الحكومة", "رئيس مجلس النواب"])
def test_an_office_named_in_full_without_a_state_is_the_articles_states(title: str) -> None:
    text = f"وصل المبعوث إلى لبنان.\nوقال إن لبنان أمام فرصة أخيرة وإنه سيبلغ {title} بذلك."
    refs = {r.surface: r for r in _parsed_units(text).sentences[1].refs}
    ref = refs[title]
    assert ref.kind == "Official" and ref.states == ("https://w3id.org/akhbar/id/lebanon",)


def test_a_group_referred_back_to_after_li_is_the_group() -> None:
    text = "قصفت الطائرات مواقع حزب العمال الكردستاني.\nوضربت معسكرات تابعة للحزب في الجبال."
    refs = {r.surface: r for r in _parsed_units(text).sentences[1].refs}
    assert "للحزب" in refs and local(refs["للحزب"].iri) == "pkk"  # (لـ + ال: "of the party")


def test_brigades_referred_back_to_are_the_brigades_named_before() -> None:
    text = "أعلنت \"كتائب القسام\" أنها قصفت عسقلان.\nوقالت الكتائب في بيان: \"قصفنا المدينة\"."
    s = _parsed_units(text).sentences[1]
    assert s.speaker is not None and local(s.speaker.iri) == "qassam_brigades"


@pytest.mark.parametrize(("text", "names"), [
    ("قالت الحكومة إن الصواريخ استهدفت شيخوبورة وجهلوم ومظفر آباد.", ["شيخوبورة", "جهلوم", "مظفر آباد"]),
    ("وقصفت المدفعية على زاوتا وحمص.", ["زاوتا", "حمص"]),
])
def test_unknown_names_in_a_list_a_known_place_closes_are_places(text: str, names: list[str]) -> None:
    # GUIDELINES §3: each named place struck is a participant; a list closed by a known place lists places
    refs = {r.surface: r for r in _parsed_units(text).sentences[0].refs}
    assert all(n in refs and refs[n].kind == "Location" for n in names), list(refs)


def test_a_list_of_names_closed_by_no_place_names_no_place() -> None:
    refs = {r.surface: r for r in _parsed_units("استهدفت الغارات كريمو وحسانو والجيش.").sentences[0].refs}
    assert "كريمو" not in refs


@pytest.mark.parametrize(("text", "place"), [
    ("ضربت الطائرات مواقع الحزب في منطقة قنديل.", "منطقة قنديل"),
    ("هاجم مسلحون منطقة باهالغام السياحية.", "منطقة باهالغام السياحية"),
    ("أقامت تركيا منطقة عازلة في الشمال.", None),  # (an adjective: no name)
    ("قصفت الطائرات منطقة الحدود مع لبنان.", None),  # (a common noun)
])
def test_a_region_noun_names_a_place_only_with_a_name_after_it(text: str, place: str | None) -> None:
    refs = {r.surface: r for r in _parsed_units(text).sentences[0].refs}
    found = [name for name, r in refs.items() if name.startswith("منطقة") and r.kind == "Location"]
    assert found == ([place] if place else []), found


def test_an_adjective_beginning_with_waw_continues_the_phrase_it_describes() -> None:
    text = "قصفت الطائرات مناطق واسعة في الجنوب."
    assert [p.surface for p in _parsed_units(text).sentences[0].phrases] == ["مناطق واسعة"]  # (not و + "اسعة")


def test_ministers_named_together_are_referred_back_to_by_their_plural_title() -> None:
    text = ("وقال وزراء خارجية الدول الثلاث سيرغي لافروف وعباس عراقجي ووانغ يي إن الاتفاق ملزم.\n"
            "كما دعا الوزراء الدول الأوروبية إلى التراجع.")
    first, second = _parsed_units(text).sentences
    assert first.speaker is not None and local(first.speaker.iri) == "lavrov"  # (past the plural title)
    ref = {r.surface: r for r in second.refs}["الوزراء"]
    assert {local(i) for i in ref.iris} == {"lavrov", "araghchi", "wang_yi"}
    alone = _parsed_units("وقال سيرغي لافروف إن الاتفاق ملزم.\nكما دعا الوزراء الدول الأوروبية إلى التراجع.")
    assert "الوزراء" not in {r.surface for r in alone.sentences[1].refs}  # (one person named: no group to refer to)


@pytest.mark.parametrize(("text", "name", "same_as"), [
    ("نقل الحرس الثوري صواريخ إلى ميليشيات شيعية في العراق.", "ميليشيات شيعية في العراق",
     "ميليشيات متشددة في العراق"),
    ("هاجمت فصائل مسلحة في سوريا القاعدة الأمريكية.", "فصائل مسلحة في سوريا", "فصائل سورية"),
])
def test_armed_groups_described_and_placed_in_a_state_are_militias_of_it(text: str, name: str, same_as: str) -> None:
    # GUIDELINES §5 (issue 12): unnamed groups tied to a state by the text; one node per state, however described
    ref = {r.surface: r for r in _parsed_units(text).sentences[0].refs}[name]
    other = {r.surface: r for r in _parsed_units(f"هاجمت {same_as} القاعدة.").sentences[0].refs}[same_as]
    assert ref.kind == "Militia" and ref.iri == other.iri


def test_two_definite_genitives_joined_by_waw_are_one_phrase() -> None:
    text = "قصفت الطائرات مخازن الوقود والذخيرة قرب الميناء."
    names = [p.surface for p in _parsed_units(text).sentences[0].phrases]
    assert "مخازن الوقود والذخيرة" in names and not any(n.startswith("الذخيرة") for n in names), names


@pytest.mark.parametrize(("text", "name"), [
    ("هاجمت الطائرات زوارق ايرانية في الخليج.", "زوارق ايرانية"),
    ("وأمرنا وحداتنا باستهداف القوارب الأمريكية.", "القوارب الأمريكية"),
])
def test_boats_are_vessels(text: str, name: str) -> None:
    # GUIDELINES §5: a vessel struck is a Location
    ref = {r.surface: r for r in _parsed_units(text).sentences[0].refs}[name]
    assert ref.kind == "Location"


@pytest.mark.parametrize(("text", "name", "ally"), [
    ("دعا حلفاء كييف إلى تزويدها بالأسلحة.", "حلفاء كييف", "ukraine"),  # (a capital stands for its state)
    ("واتهم بيسكوف أوكرانيا وحلفاءها الغربيين بالهجوم.", "حلفاءها الغربيين", "ukraine"),  # (her: named before)
    ("هدد النائب بالرد إذا أطلقوا رصاصة على إيران أو حلفائها.", "حلفائها", "iran"),
])
def test_the_allies_of_a_state_are_one_organization(text: str, name: str, ally: str) -> None:
    # GUIDELINES §5: a collective of states ("حلفاء كييف") is an Organization; one node per state allied with
    units = _parsed_units(text)
    ref = {r.surface: r for r in units.sentences[0].refs}[name]
    other = {r.surface: r for r in _parsed_units(f"هاجمت روسيا حلفاء {'كييف' if ally == 'ukraine' else 'طهران'}.")
             .sentences[0].refs}
    assert ref.kind == "Organization" and ref.iri in {r.iri for r in other.values()}


def test_a_settlement_named_by_a_known_place_is_that_place() -> None:
    refs = {r.surface: r for r in _parsed_units("قصفت سرايا القدس مستوطنة سديروت برشقة صاروخية.").sentences[0].refs}
    assert local(refs["مستوطنة سديروت"].iri) == "sderot"  # (one place, not a second "facility" beside it)


def test_a_states_own_name_after_an_organ_is_no_owner_of_it() -> None:
    refs = {r.surface: r for r in _parsed_units("واتهم الكرملين أوكرانيا بالهجوم على الجسر.").sentences[0].refs}
    assert local(refs["الكرملين"].iri) == "kremlin" and local(refs["أوكرانيا"].iri) == "ukraine"


@pytest.mark.parametrize(("text", "phrase"), [
    ("قصف الجيش منطقة سكنية في غزة.", "منطقة سكنية في غزة"),
    ("استهدفت الفصائل المسلحة مخازن الوقود قرب المطار.", "مخازن الوقود"),
])
def test_a_group_noun_right_after_an_attack_verb_is_its_subject_not_what_it_struck(text: str, phrase: str) -> None:
    phrases = [p.surface for p in _parsed_units(text).sentences[0].phrases]
    assert phrases and phrases[0] == phrase, phrases


def test_a_verb_of_reaching_after_an_attack_noun_begins_no_phrase() -> None:
    text = "وقال المسؤول إن القصف الباكستاني طال إلى جانب كابل ولايات قندهار وبكتيا."
    assert not any(p.surface.startswith("طال") for p in _parsed_units(text).sentences[0].phrases)


def test_a_noun_the_lexicon_lists_continues_a_phrase_whatever_the_tagger_says() -> None:
    text = "نفذت المقاتلات الإسرائيلية سلسلة غارات استهدفت مستودعات أسلحة في منطقة البقاع."
    units = _parsed_units(text)
    s = units.sentences[0]
    assert s.upos[[w.text for w in s.words].index("أسلحة")] != "NOUN"  # (the case: the tagger reads a verb)
    assert any(p.surface.startswith("مستودعات أسلحة") for p in s.phrases), [p.surface for p in s.phrases]


@pytest.mark.parametrize(("text", "places"), [
    # GUIDELINES §3: each coordinated named place is a participant; a definite name can open the list
    ("قصفت المدفعية قرى الصفصافة والمنصورة ودير ميماس.", ["الصفصافة", "المنصورة", "دير ميماس"]),
    ("أغارت الطائرات على بلدات الطيبة ودير سريان والعديسة.", ["الطيبة", "دير سريان", "العديسة"]),
])
def test_a_definite_name_first_in_a_list_of_places_is_a_place(text: str, places: list[str]) -> None:
    found = _refs(text)
    assert all(p in found and found[p].kind == "Location" for p in places)
    assert len({found[p].iri for p in places}) == len(places)


def test_a_definite_word_after_a_plural_place_noun_with_no_list_after_it_names_no_place() -> None:
    assert "العشائر" not in _refs("قصفت الطائرات قرى العشائر بعنف.")  # the villages of the tribes


@pytest.mark.parametrize(("text", "name"), [
    ("قصفت الطائرات النبطية وصور.", "صور"),          # the next of coordinated places
    ("شنت الطائرات غارات على مدينتي صور والنبطية.", "صور"),  # the first a plural place noun lists
])
def test_a_town_the_base_names_only_after_its_place_noun_is_found_bare_in_a_list(text: str, name: str) -> None:
    assert local(_refs(text)[name].iri) == "tyre"


def test_a_common_word_after_a_place_is_no_town_when_a_genitive_follows_it() -> None:
    assert "صور" not in _refs("نشرت الوكالة صور الدمار في غزة وصور الضحايا.")
    assert "صور" not in _refs("نشرت الوكالة صور الدمار في غزة.")


def test_a_province_noun_opens_a_list_of_places_each_struck(read: Read) -> None:
    from .helpers import triples

    ex = read("شنت القوات الأوكرانية هجمات بالمسيرات على مقاطعات بيلغورود وكورسك وبريانسك.")
    assert {t for _, _, t in triples(ex)} == {"belgorod", "kursk", "bryansk"}
    assert not any(m.text.startswith("مقاطعات") for m in ex.mentions)


@pytest.mark.parametrize(("text", "second"), [
    ("استهدفت المسيرات مطار بورتسودان ومستودعات الوقود في الميناء.", "مستودعات الوقود"),
    ("ضربت صواريخ روسية محطة كهرباء في أوديسا ومستودعا للوقود في ميكولايف.", "مستودعا للوقود في ميكولايف"),
])
def test_a_thing_coordinated_with_a_named_facility_struck_is_struck_too(read: Read, text: str, second: str) -> None:
    ex = read(text)
    names = {a.iri: a.label_ar for a in ex.new_actors}
    assert second in {names.get(e.target) for e in ex.events}  # GUIDELINES §3: each conjunct its own event


def test_a_second_act_coordinated_with_a_struck_place_is_no_target() -> None:
    from akhbar.analysis import load_analyser
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "وقالت الحكومة إن الجماعة شاركت في قصف البلدات الحدودية ومساندة مسلحين أجانب."
    units = read_units(load_analyser("default")(text), Article("t", "t.txt", text), load_kb())
    assert not any(p.surface.startswith("مساندة") for p in units.sentences[0].phrases)


def test_an_open_phrase_is_a_node_of_its_article_and_a_named_place_one_node_across_articles(read: Read) -> None:
    text = "قصفت الطائرات مستودعات النفط في حيفا."
    first, second = read(text, "one"), read(text, "two")
    phrase = {e.target for e in first.events} - {e.target for e in second.events}
    assert phrase and {e.target for e in first.events} & {e.target for e in second.events}  # حيفا is shared
    assert {e.target for e in read(text, "one").events} == {e.target for e in first.events}  # stable on a rebuild


@pytest.mark.parametrize(("text", "unknown"), [
    # GUIDELINES §3: a list whose every item carries و after its comma names a place in each item
    ("وقصفت القوات الروسية كراماتورسك، وكوبيانسك، وسومي.", "كوبيانسك"),
    ("وقصفت القوات الروسية كراماتورسك، وسلوفيانسك، وكوبيانسك، وبالاكليا.", "كوبيانسك"),
])
def test_a_list_with_wa_after_every_comma_names_a_place_in_each_item(text: str, unknown: str) -> None:
    found = _refs(text)
    assert found[unknown].kind == "Location" and found[unknown].how == "facility"


@pytest.mark.parametrize("text", ["سيضرب إعصار هائل سماء مدينة غزة، وستهتز أسطح أبراج الرعب.",
                                  "قصفت روسيا خاركيف، وقال المتحدث إن القصف عنيف."])
def test_a_clause_after_a_place_and_a_comma_is_no_list_item(text: str) -> None:
    assert all(r.kind != "Location" or r.how != "facility" for r in _refs(text).values())


@pytest.mark.parametrize(("text", "name", "actor"), [
    ("حذر ألكسندر لوكاشينكو بولندا من أي تحرك.", "ألكسندر لوكاشينكو", "lukashenko"),
    ("اتهمت طهران وكالة المخابرات المركزية الأمريكية بالتخطيط للهجوم.", "وكالة المخابرات المركزية الأمريكية", "cia"),
    ("هاجمت ولاية خراسان حافلة في كابل.", "ولاية خراسان", "isis_khorasan"),
    ("أعلن تنظيم ولاية خراسان مسؤوليته عن الهجوم.", "ولاية خراسان", "isis_khorasan"),
    ("أعلن المجلس الانتقالي الجنوبي سيطرته على المدينة.", "المجلس الانتقالي الجنوبي", "southern_transitional_council"),
    ("وحث مسعد بولس الطرفين على قبول الهدنة.", "مسعد بولس", "boulos"),
    ("وقال وفيق صفا إن الحزب لن يسلم سلاحه.", "وفيق صفا", "wafiq_safa"),
])
def test_the_regions_groups_organs_and_officials_are_in_the_base(text: str, name: str, actor: str) -> None:
    # issue 12: the base holds the region's groups, organs and officials by name (before: no mention, or a
    # "facility" for ولاية خراسان; and a place name runs on neither into a possessed noun, مسؤوليته, nor into a
    # thing struck, حافلة, which made that facility the longer match)
    refs = {r.surface: r for r in _parsed_units(text).sentences[0].refs}
    assert local(refs[name].iri) == actor, refs


@pytest.mark.parametrize(("text", "name", "state"), [
    ("أطلق خفر السواحل اليوناني النار على قارب.", "خفر السواحل اليوناني", "greece"),
    ("قصفت قوات حرس الحدود الإيرانية مواقع للمسلحين.", "قوات حرس الحدود الإيرانية", "iran"),
])
def test_a_coast_or_border_guard_with_a_nisba_is_an_organ_of_that_state(text: str, name: str, state: str) -> None:
    ref = {r.surface: r for r in _parsed_units(text).sentences[0].refs}[name]
    assert ref.kind == "StateOrgan" and [local(s) for s in ref.states] == [state]


@pytest.mark.parametrize(("text", "collective"), [
    ("استهدفت الغارات المدارس والمستشفيات في شمال غزة.", "المدارس والمستشفيات"),
    ("هاجمت القوات البنية التحتية للطاقة والمرافق المدنية في المدينة.", "البنية التحتية للطاقة والمرافق المدنية"),
    ("قصفت المسيرات محطات فرعية ومنشآت كهرباء في خمس مناطق.", "محطات فرعية ومنشآت كهرباء"),
])
def test_unnamed_things_coordinated_are_one_collective_target(text: str, collective: str) -> None:
    # GUIDELINES §3: a collective phrase whose members are not individually named is one collective participant
    # (before: two phrases, the second alone a target)
    phrases = _parsed_units(text).sentences[0].phrases
    names = {p.surface for p in phrases} | {text[a:b] for p in phrases for a, b in p.variants}
    assert collective in names and len(phrases) == 1, [p.surface for p in phrases]


@pytest.mark.parametrize("text", [
    "قصفت الطائرات مخازن الوقود وقتلت ثلاثة مدنيين.",  # (a second verb, no conjunct)
    "استهدف الهجوم مطار بورتسودان ومستودعات الوقود.",  # (a named facility and an unnamed thing: two)
])
def test_a_verb_or_a_named_place_before_and_is_no_collective(text: str) -> None:
    phrases = _parsed_units(text).sentences[0].phrases
    assert not any(" و" in p.surface for p in phrases), [p.surface for p in phrases]


def test_a_province_named_after_its_city_is_a_place_of_its_own() -> None:
    # GUIDELINES §6 lists town, district and province apart: محافظة الحديدة is not the city of مدينة الحديدة, and
    # a province noun before a city the gazetteer knows names the province too (one node by name, in the city's state)
    refs = {r.surface: r for r in _parsed_units("قصفت الطائرات محافظة الحديدة ثم مدينة الحديدة.").sentences[0].refs}
    province, city = refs["محافظة الحديدة"], refs["مدينة الحديدة"]
    assert province.iri != city.iri and local(city.iri) == "hodeidah"
    assert province.kind == "Location" and [local(s) for s in province.states] == ["yemen"]
    again = {r.surface: r for r in _parsed_units("وقصفت محافظة الحديدة مجددا.").sentences[0].refs}["محافظة الحديدة"]
    assert again.iri == province.iri


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


def test_a_phrase_that_names_a_place_is_located_in_its_state(read: Read) -> None:
    # GUIDELINES §5: a Location's state is the state the place belongs to; a described target names it
    ex = read("وقصفت حركة حماس منزلا في حيفا برشقة صاروخية.")
    places = {a.label_ar: dict(a.links) for a in ex.new_actors if a.kind == "Location"}
    assert any(links.get("locatedIn", "").endswith("/israel") for label, links in places.items()
               if "حيفا" in label), places


def test_an_organ_named_again_without_its_nisba_is_the_one_named_before() -> None:
    # GUIDELINES §3: anaphora are resolved; news names an organ in full once, then by its head alone
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    def refs(text: str) -> list[tuple[str, str]]:
        units = read_units(None, Article("t", "t.txt", text), load_kb())
        return [(r.surface, r.iris[0].rsplit("/", 1)[-1]) for s in units.sentences for r in s.refs]

    found = dict(refs("أعلنت وزارة الدفاع الروسية إسقاط مسيرات. وقالت وزارة الدفاع إن قواتها قصفت مواقع."))
    assert found.get("وزارة الدفاع") == found["وزارة الدفاع الروسية"], found
    # another state's organ is its own; and with no full name before, the head alone names nobody
    found = dict(refs("أعلنت وزارة الدفاع الروسية إسقاط مسيرات. وقالت وزارة الدفاع الأوكرانية إن قواتها ردت."))
    assert found["وزارة الدفاع الأوكرانية"] != found["وزارة الدفاع الروسية"], found
    assert "وزارة الدفاع" not in dict(refs("قالت وزارة الدفاع إن قواتها قصفت مواقع في خاركيف."))
    # the longer name wins over its head alone (القوات is a group word that refers back on its own too)
    found = dict(refs("وقالت القوات المسلحة الأوكرانية إنها صدت هجوما. وأضافت القوات المسلحة أنها قصفت مواقع."))
    assert found.get("القوات المسلحة") == found["القوات المسلحة الأوكرانية"], found


def test_the_people_a_place_serves_are_no_participant_of_their_own() -> None:
    # a لـ phrase after a place's noun says whom it serves (مخيما للاجئين، مستشفى للأطفال); after an attack's
    # verbal noun لـ marks what was struck (القصف للمدنيين), and the people stay a candidate
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    def surfaces(text: str) -> list[str]:
        units = read_units(None, Article("t", "t.txt", text), load_kb())
        return [r.surface for s in units.sentences for r in (*s.refs, *s.phrases)]

    assert "لاجئين" not in surfaces("قصفت الطائرات مخيما للاجئين قرب الحدود.")
    assert "مستشفى للأطفال" in surfaces("واستهدف القصف مستشفى للأطفال في المدينة.")
    assert any("مدنيين" in x for x in surfaces("وأدان الوزير القصف للمدنيين في المدينة."))


def test_a_definite_word_after_a_thing_struck_is_its_adjective_not_a_target() -> None:
    # السفن المتجهة إلى الموانئ: the ships bound for the ports, one mention; after a state or a city acting for
    # it the definite word after is what was struck (قصفت إسرائيل الضاحية، استهداف واشنطن للمنشآت النووية)
    from akhbar.analysis import load_analyser
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    def phrases(text: str) -> list[str]:
        units = read_units(load_analyser("default")(text), Article("t", "t.txt", text), load_kb())
        return [p.surface for s in units.sentences for p in s.phrases]

    assert phrases("وتوعد المتحدث بمواصلة استهداف السفن المتجهة إلى الموانئ.") == []
    assert any("منشآت" in p for p in phrases("وجاء ذلك ردا على استهداف واشنطن للمنشآت النووية بقنابل."))


def test_a_listed_town_may_end_as_a_plural_does() -> None:
    # GUIDELINES §3: each named place of a list is its own; ـون ends names as ـين does (بلدتي يارون ومارون الراس)
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "قصفت الطائرات بلدات يارون ومارون الراس وعيترون."
    units = read_units(None, Article("t", "t.txt", text), load_kb())
    assert {"يارون", "مارون الراس", "عيترون"} <= {r.surface for s in units.sentences for r in s.refs}


@pytest.mark.parametrize(("text", "place"), [
    ("وقصف الجيش مدينة نوى وتل الجابية.", "تل الجابية"),
    ("وقصفت المدفعية بلدة الحراك وعين العبد بريف المحافظة.", "عين العبد"),
    ("واستهدفت الغارات مواقع في محيط قرية نمر ودير العدس.", "دير العدس"),
])
def test_a_two_word_name_coordinated_with_a_place_is_a_place_of_its_own(text: str, place: str) -> None:
    # GUIDELINES §3: each named place is one; تل، عين، دير … open a place's name, and its second word may carry
    # the article
    assert place in set(_refs(text)), _refs(text)


@pytest.mark.parametrize(("text", "places"), [
    ("وقصفت الفصائل مستوطنتي كفار عزة ونتيفوت.", {"كفار عزة", "نتيفوت"}),
    # quoted names: the و stands apart before the second name's quote, and neither label keeps a quote
    ("وقصفت الفصائل مستوطنتي «كفار عزة» و«نتيفوت».", {"كفار عزة", "نتيفوت"}),
    ("وقصف الجيش بلدتي «عيترون» و«كفرشوبا» جنوبي البلاد.", {"عيترون", "كفرشوبا"}),
])
def test_each_place_a_dual_settlement_or_quoted_list_names_is_a_place(text: str, places: set[str]) -> None:
    # GUIDELINES §3: coordinated named participants, each its own
    refs = _refs(text)
    assert places <= set(refs), list(refs)
    assert not any(k.startswith(("مستوطنتي", "بلدتي")) for k in refs), list(refs)


def test_a_verb_after_an_unnamed_title_is_no_name() -> None:
    # وزير الخارجية الأمريكي أبلغ/التقى رئيس الوزراء العراقي: two offices and a verb between them, no person
    # named "أبلغ رئيس" (a verb of addressing a demand ends a name; a verb the parse reads before a second office)
    from akhbar.analysis import load_analyser
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    for verb in ("أبلغ", "التقى", "زار"):
        text = f"وكان وزير الخارجية الأمريكي {verb} رئيس الوزراء العراقي في بغداد."
        units = read_units(load_analyser("default")(text), Article("t", "t.txt", text), load_kb())
        found = [r.surface for s in units.sentences for r in s.refs]
        assert "وزير الخارجية الأمريكي" in found and "رئيس الوزراء العراقي" in found, found


def test_a_group_named_again_as_coalition_and_an_owner_inside_a_thing_struck() -> None:
    # التحالف refers back to the coalition named before (GUIDELINES §3); a group named inside the description of
    # what was struck (مكتبا لحزب الله في المدينة) owns it and strikes nothing
    from akhbar.extract.coordination import owns_positions
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "أعلن التحالف بقيادة السعودية اعتراض صاروخين. ورد التحالف بشن غارات على صعدة."
    units = read_units(None, Article("t", "t.txt", text), load_kb())
    first, second = ([r.iris[0] for r in s.refs] for s in units.sentences)
    assert first[0] in second, (first, second)
    text = "استهدفت المسيرات مكتبا لحزب الله في المدينة."
    units = read_units(None, Article("t", "t.txt", text), load_kb())
    s = units.sentences[0]
    assert [owns_positions(s, r, units.lex) for r in s.refs if "حزب" in r.surface] == [True]


def test_an_armed_wing_is_a_group_of_its_own() -> None:
    # as the dev gold reads the Qassam Brigades apart from Hamas, the Al-Quds Brigades are not the movement
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "أعلنت سرايا القدس، الجناح العسكري لحركة الجهاد الإسلامي، قصف مستوطنات."
    units = read_units(None, Article("t", "t.txt", text), load_kb())
    iris = {r.surface: r.iris[0].rsplit("/", 1)[-1] for r in units.sentences[0].refs}
    assert iris["سرايا القدس"] == "quds_brigades" and iris["حركة الجهاد الإسلامي"] == "pij", iris


def test_companies_named_by_their_trade_are_one_collective() -> None:
    # GUIDELINES §5: a collective of companies is one Organization, with a quantifier or without
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    for text, name in (("محذرا شركات الشحن من التعامل مع إسرائيل.", "شركات الشحن"),
                       ("وحذرت الجماعة جميع شركات الشحن من التعامل مع إسرائيل.", "جميع شركات الشحن")):
        units = read_units(None, Article("t", "t.txt", text), load_kb())
        kinds = {r.surface: r.kind for s in units.sentences for r in s.refs}
        assert kinds.get(name) == "Organization", kinds


def test_the_un_and_au_missions_of_the_region_are_bodies_of_their_own() -> None:
    # a mission makes demands of its own (ودعت بعثة الأمم المتحدة للدعم في ليبيا جميع الأطراف): not the UN, and not
    # left to the previous sentence's actors
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "ودعت بعثة الأمم المتحدة للدعم في ليبيا الأطراف إلى التهدئة. وطالبت بعثة الاتحاد الأفريقي الحكومة بالتحرك."
    units = read_units(None, Article("t", "t.txt", text), load_kb())
    found = [(r.iris[0].rsplit("/", 1)[-1], r.kind) for s in units.sentences for r in s.refs]
    assert ("unsmil", "Organization") in found and ("au_mission_somalia", "Organization") in found, found


def _found(text: str) -> list[list[tuple[str, tuple[str, ...], str]]]:
    """Per sentence: (surface, local IRIs, how) of each mention the matchers find (no parse)."""
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    units = read_units(None, Article("t", "t.txt", text), load_kb())
    return [[(r.surface, tuple(i.rsplit("/", 1)[-1] for i in r.iris), r.how) for r in s.refs]
            for s in units.sentences]


def test_a_weapons_nationality_is_its_adjective_though_it_spells_a_states_old_name() -> None:
    # تركية is Turkey's old spelling and the nisba of its weapons: after an indefinite weapon it is the adjective,
    # so the aircraft's state is the author and not an owner of what was struck (GUIDELINES §3)
    found = _found("وقصفت طائرات تركية مواقع لحزب العمال الكردستاني في جبال قنديل.")[0]
    assert ("تركية", ("turkey",), "nisba") in found, found
    assert ("تركية", ("turkey",), "kb") in _found("وزار الوفد تركية الأسبوع الماضي.")[0]


def test_a_ministry_named_again_by_its_head_is_the_one_named_before() -> None:
    # وقالت الوزارة after وزارة الدفاع الأذربيجانية: the same organ (GUIDELINES §3, anaphora are resolved)
    first, second = _found("اتهمت وزارة الدفاع الأذربيجانية أرمينيا بقصف مواقعها. وقالت الوزارة إن وحداتها ردت.")
    assert second[0][0] == "الوزارة" and second[0][1] == first[0][1], (first, second)


def test_a_spokesman_of_a_group_referred_back_to_is_its_member() -> None:
    # المتحدث باسم الجماعة: the spokesman of the group named before, not an official of the article's state
    text = "هاجمت جماعة نصرة الإسلام والمسلمين معسكرا للجيش المالي. وتوعد المتحدث باسم الجماعة بمواصلة الهجمات."
    found = _found(text)[1]
    assert found[0][0] == "المتحدث باسم الجماعة" and "jnim" in found[0][1][0], found


@pytest.mark.parametrize(("text", "want"), [
    ("اندلعت اشتباكات بين أرمينيا وأذربيجان. ودعا الاتحاد الأوروبي البلدين إلى ضبط النفس.", ("armenia", "azerbaijan")),
    ("اتهمت أذربيجان أرمينيا بقصف مواقعها. ودعا الاتحاد الأوروبي البلدين إلى ضبط النفس.", ("azerbaijan", "armenia")),
])
def test_the_two_countries_are_the_two_states_named_before(text: str, want: tuple[str, str]) -> None:
    # البلدين: each of the two states (the pair named together, else the last two named), GUIDELINES §3
    found = _found(text)[1]
    assert ("البلدين", want, "anaphor") in found, found


def test_the_two_countries_between_which_a_relation_holds_are_no_participant() -> None:
    # التوتر بين البلدين: a relation of the two, no party to an act
    found = _found("اتهمت أذربيجان أرمينيا بقصف مواقعها. وتصاعد التوتر بين البلدين.")[1]
    assert not any(surface == "البلدين" for surface, _, _ in found), found


def test_the_two_neighbours_are_not_the_pair_that_addresses_them() -> None:
    # دعت الصين والولايات المتحدة الجارتين: the subject named right before is not what الجارتين refers to
    text = "قصفت الهند مواقع في باكستان. ودعت الصين والولايات المتحدة الجارتين إلى ضبط النفس."
    found = _found(text)[1]
    assert ("الجارتين", ("india", "pakistan"), "anaphor") in found, found


def test_a_headlines_two_sides_are_the_parties_the_body_names_not_its_subject() -> None:
    # الدوحة وأنقرة تدعوان الطرفين: the pair opening the headline calls; the two sides are the article's parties,
    # named only in the body after it (GUIDELINES §3: anaphora are resolved, each party its own participant)
    text = ("الدوحة وأنقرة تدعوان الطرفين إلى التفاوض\nقصفت باكستان مواقع في أفغانستان، وردت حركة طالبان بقصف "
            "مواقع باكستانية. واتهمت أفغانستان باكستان بقصف كابل.")
    found = _found(text)[0]
    pair = next(iris for surface, iris, how in found if surface == "الطرفين")
    assert set(pair) == {"pakistan", "afghanistan"}, found


def test_the_two_sides_after_a_verb_are_not_the_mentions_before_it_unless_they_open_the_clause() -> None:
    # أعربت الخارجية الصينية عن أسفها للعملية الهندية في باكستان، ودعت الجانبين: the verb's subject is the
    # ministry, after أعربت; India and Pakistan, named in the clause, are the two sides
    text = ("قصفت الهند مواقع في باكستان. وأعربت وزارة الخارجية الصينية عن أسفها للعملية العسكرية الهندية "
            "في باكستان، ودعت الجانبين إلى ضبط النفس.")
    found = _found(text)[1]
    pair = next(iris for surface, iris, how in found if surface == "الجانبين")
    assert set(pair) == {"india", "pakistan"}, found


def test_a_states_parties_are_one_collective() -> None:
    # الأطراف اليمنية: the sides of a state's conflict, one Organization (GUIDELINES §5), not the state's nisba
    found = _found("ودعا المبعوث الأممي الأطراف اليمنية إلى وقف التصعيد.")[0]
    assert any(surface == "الأطراف اليمنية" for surface, _, _ in found), found


def test_kashmir_and_its_administered_parts_are_places() -> None:
    # the region is no state's; each side's part lies in the state that administers it (GUIDELINES §5)
    found = _found("وقصفت الهند مواقع في كشمير الباكستانية. وقصفت باكستان مواقع في إقليم جامو وكشمير.")
    assert ("كشمير الباكستانية", ("azad_kashmir",), "kb") in found[0], found[0]
    assert any(iris == ("kashmir",) for _, iris, _ in found[1]), found[1]


def test_a_states_security_is_no_organ_but_its_security_service_is() -> None:
    # أمن إسرائيل: Israel's security, an abstract thing; الأمن الإسرائيلي: the organ
    first, second = _found("لن نسمح بتهديد أمن إسرائيل. وقال الأمن الإسرائيلي إن الخلية فككت.")
    assert not any(surface == "أمن إسرائيل" for surface, _, _ in first), first
    assert second[0][0] == "الأمن الإسرائيلي", second


def test_a_body_after_a_title_is_its_object_and_the_government_refers_back() -> None:
    # رئيس البرلمان العراقي الحكومة: a definite body is no name of the title's holder; الحكومة alone is the
    # government named before (GUIDELINES §3, anaphora are resolved)
    first, second = _found("انتقدت الحكومة العراقية الضربات. وطالب رئيس البرلمان العراقي الحكومة باتخاذ إجراءات.")
    assert ("رئيس البرلمان العراقي" in [surface for surface, _, _ in second]), second
    assert ("الحكومة", first[0][1], "anaphor") in second, (first, second)


def test_warships_coordinated_with_ships_share_their_nisba() -> None:
    # السفن والبوارج الأمريكية: two heads, one collective of the state's vessels (GUIDELINES §3)
    found = _found("هدد الحوثي باستهداف السفن والبوارج الأمريكية في البحر الأحمر.")[0]
    assert any(surface.startswith("السفن والبوارج الأمريكية") for surface, _, _ in found), found


def test_a_direction_is_no_west_and_the_two_sides_of_a_conflict_are_its_main_parties() -> None:
    # غرب المدينة: a direction, not the West (only الغرب is); طرفي النزاع: the two parties the article names most
    text = ("هاجمت قوات الدعم السريع مدينة الفاشر. وقال الجيش السوداني إن قوات الدعم السريع قصفت الأحياء. "
            "وتصدى الجيش السوداني للهجوم غرب المدينة. وطالب المنسق الأممي طرفي النزاع بوقف القتال.")
    found = _found(text)
    assert not any(iris == ("the_west",) for _, iris, _ in found[2]), found[2]
    assert any(surface == "طرفي النزاع" and set(iris) == {"rsf", "sudanese_army"} for surface, iris, _ in found[3]), \
        found[3]


@pytest.mark.parametrize(("text", "agent"), [
    # an aide named before his title: the known person after the office he serves is his principal
    ("وحذر كريم سعيد، مستشار الرئيس المصري عبد الفتاح السيسي، إسرائيل من التصعيد.", "كريم سعيد"),
    ("وحذر مستشار المرشد الإيراني علي شمخاني إسرائيل من التصعيد.", "shamkhani"),  # (the known person is the aide)
])
def test_the_principal_an_aide_serves_is_not_the_aide(read: Read, text: str, agent: str) -> None:
    ex = read(text)
    labels = {a.iri: a.label_ar for a in ex.new_actors}
    agents = {labels.get(e.agent or "", (e.agent or "").rsplit("/", 1)[-1]) for e in ex.events}
    assert any(a.startswith(agent) for a in agents), agents


def test_a_definite_title_after_a_full_name_opens_the_next_person() -> None:
    # الموفد الرئاسي الفرنسي X Y الرئيس Z: two persons, the envoy and the one he met (not one title running on)
    found = _found("التقى الموفد الرئاسي الفرنسي جان إيف لودريان الرئيس جوزاف عون في بعبدا.")[0]
    surfaces = [surface for surface, _, _ in found]
    assert surfaces[:2] == ["الموفد الرئاسي الفرنسي جان إيف لودريان", "الرئيس جوزاف عون"], found
    # a rank right after the office still opens the name
    assert [s for s, _, _ in _found("وقال قائد الشرطة الإيرانية العميد أحمد رضا رادان إن.")[0]] == [
        "قائد الشرطة الإيرانية العميد أحمد رضا رادان"]


def test_a_groups_nationality_is_part_of_its_mention_but_a_people_is_not() -> None:
    # حركة الشباب الصومالية: Somalia's al-Shabaab, one mention; الإسرائيليين after حماس: the people, its object
    assert [s for s, _, _ in _found("زرع مسلحو حركة الشباب الصومالية عبوة ناسفة.")[0]] == ["حركة الشباب الصومالية"]
    assert [s for s, _, _ in _found("هاجمت حماس الإسرائيليين.")[0]] == ["حماس", "الإسرائيليين"]
    # a group whose base name carries its own nationality (حزب الله اللبناني) takes no other one as its adjective
    assert "حزب الله العراقي" not in [s for s, _, _ in _found("وقصفت الطائرات مواقع حزب الله العراقي.")[0]]


def test_a_definite_organ_is_in_construct_with_no_name_after_it() -> None:
    # الحرس الثوري | قاعدة حرير: the organ and the base it struck, not one name "الحرس الثوري قاعدة حرير"
    assert [s for s, _, _ in _found("وقصف الحرس الثوري قاعدة حرير.")[0]] == ["الحرس الثوري", "قاعدة حرير"]


@pytest.mark.parametrize(("text", "body", "organisation"), [
    ("وحذرت مفوضية الأمم المتحدة السامية لحقوق الإنسان الجيش من قصف الأحياء.",
     "مفوضية الأمم المتحدة السامية لحقوق الإنسان", "un"),
    ("دعت مفوضية الاتحاد الأفريقي الطرفين إلى الحوار.", "مفوضية الاتحاد الأفريقي", "african_union"),
    ("وحذر مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية من المجاعة.",
     "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية", "un"),
    ("وطالبت وكالة الأمم المتحدة لإغاثة وتشغيل المهجرين الحكومة بفتح المعابر.",
     "وكالة الأمم المتحدة لإغاثة وتشغيل المهجرين", "un"),
])
def test_a_body_in_construct_with_an_organisation_is_its_own_organisation(
        read: Read, text: str, body: str, organisation: str) -> None:
    ex = read(text)
    minted = {a.label_ar: a for a in ex.new_actors}
    assert minted[body].kind == "Organization"  # the body itself, not the organisation inside its name
    assert [local(o) for p, o in minted[body].links] == [organisation]
    assert dict(minted[body].links).keys() == {"actsFor"}
    assert organisation not in mentions(ex).values()


def test_a_definite_body_noun_refers_back_to_the_body_named_before(read: Read) -> None:
    ex = read("حذرت مفوضية الأمم المتحدة السامية لحقوق الإنسان الجيش من قصف المدينة. ودعت المفوضية إثيوبيا "
              "إلى حماية المدنيين.")
    body = next(a.iri for a in ex.new_actors if a.label_ar.startswith("مفوضية"))
    assert ("Pressure", local(body), "ethiopia") in triples(ex)  # (ودعت المفوضية: the body named before)
    assert [m.text for m in ex.mentions if m.actor == body] == ["مفوضية الأمم المتحدة السامية لحقوق الإنسان"]


def test_an_organisations_officer_is_of_no_state_the_sentence_names(read: Read) -> None:
    ex = read("وفي نيروبي، دعا رئيس مفوضية الاتحاد الأفريقي موسى فكي محمد الطرفين إلى وقف القتال.")
    person = next(a for a in ex.new_actors if a.kind == "Official")
    assert [(p, local(o)) for p, o in person.links] == \
        [("memberOf", local(next(a.iri for a in ex.new_actors if a.kind == "Organization")))]


def test_a_name_ending_in_ali_does_not_make_the_preposition_ala_a_mention(read: Read) -> None:
    ex = read("قال المتحدث باسم الحركة أحمد علي إن الهجوم فشل. وأكد أن القوات سيطرت على المدينة.")
    assert "على" not in mentions(ex)


@pytest.mark.parametrize(("text", "group"), [
    ("وهاجمت حركة تحرير كسلا مواقع الجيش.", "حركة تحرير كسلا"),  # (the place is the name's genitive)
    ("قصفت جبهة إنقاذ دارفور مدينة بحر دار.", "جبهة إنقاذ دارفور"),  # (the name ends at the place noun)
])
def test_a_groups_name_keeps_its_genitive_place_and_ends_at_a_place_noun(text: str, group: str) -> None:
    groups = [name for name, r in _refs(text).items() if r.kind == "Militia" and r.how == "organ"]
    assert groups == [group]


@pytest.mark.parametrize(("text", "parties"), [
    ("دعا المبعوث الأممي الأطراف إلى وقف القتال فورا.", "الأطراف"),
    ("وحذرت البعثة الأطراف المتحاربة من استهداف المدنيين.", "الأطراف المتحاربة"),
    ("وسيطرت القوات على أطراف البلدة.", None),  # (its outskirts, in construct)
    ("وقصفت المدفعية الأطراف الشرقية للبلدة.", None),  # (its eastern outskirts)
])
def test_the_parties_addressed_are_one_collective_of_the_article(text: str, parties: str | None) -> None:
    found = [name for name, r in _refs(text).items() if r.kind == "Organization" and r.how == "organ"]
    assert found == ([parties] if parties else [])


def test_the_parties_of_two_articles_are_two_nodes(read: Read) -> None:
    one = read("دعا المبعوث الأممي الأطراف إلى وقف القتال فورا.", "a")
    two = read("دعا المبعوث الأممي الأطراف إلى وقف القتال فورا.", "b")
    node = {a.label_ar: a.iri for a in one.new_actors}.get("الأطراف")
    assert node is not None and node != {a.label_ar: a.iri for a in two.new_actors}.get("الأطراف")


def test_a_known_base_named_bare_after_another_place_is_that_base() -> None:
    refs = _refs("ضربت المسيرات قاعدتي عين الأسد وحرير فجرا.")
    assert local(refs["حرير"].iri) == "harir_base" and refs["حرير"].how == "kb"


def test_a_known_base_described_further_is_still_the_known_base() -> None:
    refs = _refs("وسقطت الصواريخ داخل قاعدة حرير الجوية في ناحية حرير شمال مدينة أربيل فجرا.")
    bases = [r for name, r in refs.items() if name.startswith("قاعدة حرير")]
    assert bases and all(local(r.iri) == "harir_base" for r in bases)  # (no new node for the longer description)


@pytest.mark.parametrize(("text", "group"), [
    ("وقالت الوكالة إن وحدات «جيش التحرير الوطني الأزوادي» استهدفت مواقع للجيش.", "جيش التحرير الوطني الأزوادي"),
    ("وأعلنت «قوات حماية الجبل» مسؤوليتها عن الهجوم.", "قوات حماية الجبل"),
    ("وأعلن «الجيش السوداني» أنه قصف مواقع للمتمردين.", None),  # (a state's nisba: its organ, not a group)
])
def test_a_quoted_name_headed_by_an_armed_force_is_a_group(text: str, group: str | None) -> None:
    groups = [name for name, r in _refs(text).items() if r.kind == "Militia" and r.how == "organ"]
    assert groups == ([group] if group else [])


def test_a_force_named_for_its_leader_is_his_group_and_its_spokesman_not_the_leader() -> None:
    refs = _refs("وقال الناطق باسم ميليشيات حفتر خالد المحجوب إن قواتهم ستتقدم نحو العاصمة.")
    spokesman = next(r for name, r in refs.items() if name.endswith("خالد المحجوب"))
    assert local(spokesman.iri) != "haftar" and spokesman.kind == "Militia"
    assert local(_refs("وقصفت ميليشيات حفتر أحياء العاصمة.")["ميليشيات حفتر"].iri) == "lna"


@pytest.mark.parametrize(("text", "person"), [
    ("وقال وزير الإعلام والاتصال المتحدث باسم الحكومة سامي الراشد إن الهجوم فشل.",
     "وزير الإعلام والاتصال المتحدث باسم الحكومة سامي الراشد"),
    ("وأكد نائب رئيس الوزراء وزير الدفاع عمر الفاتح أن الرد قادم.", "نائب رئيس الوزراء وزير الدفاع عمر الفاتح"),
])
def test_a_person_holding_two_offices_is_named_with_both(text: str, person: str) -> None:
    persons = [name for name, r in _refs(text).items() if r.how == "title"]
    assert persons == [person]


def test_two_titled_persons_side_by_side_stay_two() -> None:
    persons = [name for name, r in _refs("استقبل الرئيس اللبناني جوزاف عون رئيس الوزراء نواف سلام.").items()
               if r.how == "title"]
    assert persons == ["الرئيس اللبناني جوزاف عون", "رئيس الوزراء نواف سلام"]


@pytest.mark.parametrize(("text", "persons"), [
    ("التقى وزير الدفاع التركي الرئيس العراقي عبد اللطيف رشيد.",
     ["وزير الدفاع التركي", "الرئيس العراقي عبد اللطيف رشيد"]),
    ("وقال المتحدث باسم الخارجية الإيرانية الناطق الرسمي إسماعيل بقائي إن طهران سترد.",
     ["المتحدث باسم الخارجية الإيرانية الناطق الرسمي إسماعيل بقائي"]),
])
def test_a_second_title_of_another_state_opens_another_person(text: str, persons: list[str]) -> None:
    assert [name for name, r in _refs(text).items() if r.how == "title"] == persons


def test_the_governments_forces_are_the_government_forces_of_the_article() -> None:
    refs = _refs("قصفت القوات اليمنية مواقع الحوثيين. وتقدمت قوات الحكومة نحو عدن. وهاجمت القوات الحكومية المدينة.")
    assert refs["قوات الحكومة"].iri == refs["القوات الحكومية"].iri and refs["قوات الحكومة"].kind == "StateOrgan"
    assert refs["قوات الحكومة"].states == ("https://w3id.org/akhbar/id/yemen",)


def test_an_organs_name_does_not_run_over_a_body_the_base_knows() -> None:
    # لجنة الأمن والدفاع النيابية | الحكومة العراقية: the committee's words end where the government's name begins
    surfaces = _surfaces("وطالب نواب في لجنة الأمن والدفاع النيابية الحكومة العراقية باتخاذ موقف أكثر حزما.")
    assert "الحكومة العراقية" in surfaces, surfaces
    assert not any(x.endswith("النيابية الحكومة العراقية") for x in surfaces), surfaces


@pytest.mark.parametrize(("text", "surface", "actor"), [
    ("وهاجم جهاز دعم الاستقرار مقرا في طرابلس.", "جهاز دعم الاستقرار", "ssa_libya"),
    ("وقصفت قوة الردع الخاصة مواقع في طرابلس.", "قوة الردع الخاصة", "radaa"),
    ("وتقدمت قوات اللواء 444 قتال نحو المطار.", "قوات اللواء 444 قتال", "brigade_444"),
    ("وهاجم مستوطنون قرية اللبن.", "مستوطنون", "israeli_settlers"),
])
def test_armed_bodies_and_groups_the_news_names_are_known(read: Read, text: str, surface: str, actor: str) -> None:
    # the region's armed bodies the base names (Tripoli's, under the unity government) and the settlers, a party
    # of their own
    assert mentions(read(text)).get(surface) == actor, mentions(read(text))


@pytest.mark.parametrize(("place", "actor"), [("أبين", "abyan"), ("شبوة", "shabwa"), ("نينوى", "nineveh"),
                                              ("كردفان", "kordofan")])
def test_provinces_the_news_names_bare_are_places(read: Read, place: str, actor: str) -> None:
    # first-level divisions are no populated places of GeoNames; the base names those the news names bare
    assert mentions(read(f"وقصفت الطائرات مواقع في {place} فجر اليوم."))[place] == actor


@pytest.mark.parametrize("text", ['"الشباب" تتبنى الهجوم على قاعدة للجيش الصومالي',
                                  "وأعلنت «الشباب» مسؤوليتها عن الهجوم."])
def test_a_groups_quoted_name_without_its_head_noun_names_the_group(read: Read, text: str) -> None:
    # «الشباب» in quotes is حركة الشباب, the quotes marking a name; unquoted it stays the common word (youth)
    assert mentions(read(text)).get("الشباب") == "al_shabaab", mentions(read(text))
    assert "al_shabaab" not in mentions(read("وقال إن الشباب هم أمل البلاد.")).values()
