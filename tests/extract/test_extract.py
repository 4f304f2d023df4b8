"""Extraction rules on sentences written for the tests, through the public entry point extract()."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.records import Extraction

from .helpers import local, triples, tuples

Read = Callable[[str], Extraction]


# ---- actors -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("surface", ["للولايات المتحدة", "بالولايات المتحدة", "والولايات المتحده", "الولايات المتّحدة"])
def test_state_found_through_clitics_and_spelling(read: Read, surface: str) -> None:
    ex = read(f"قال مسؤول إن الرسالة وصلت {surface} أمس.")
    assert "usa" in {local(m.actor) for m in ex.mentions}


def test_mention_span_reads_back_without_the_clitic(read: Read) -> None:
    text = "وحذرت الولايات المتحدة إيران."
    ex = read(text)
    for m in ex.mentions:
        assert text[m.span.start:m.span.end] == m.text
    assert {m.text for m in ex.mentions} == {"الولايات المتحدة", "إيران"}


@pytest.mark.parametrize("nisba", ["الأمريكية", "الأميركية", "الامريكيه"])
def test_nisba_variants_name_the_state(read: Read, nisba: str) -> None:
    ex = read(f"حذرت الإدارة {nisba} إيران.")
    assert ("Warning", "usa", "iran") in triples(ex)


def test_capital_as_agent_and_addressee_is_its_state(read: Read) -> None:
    ex = read("حذرت طهران واشنطن من أي هجوم على أراضيها.")
    assert ("Warning", "iran", "usa") in triples(ex)


def test_struck_capital_is_the_city(read: Read) -> None:
    ex = read("قصفت إسرائيل طهران فجر اليوم.")
    assert triples(ex) == {("Attack", "israel", "tehran")}


def test_known_organ_by_noun_and_nisba(read: Read) -> None:
    ex = read("أعلن الجيش الإسرائيلي أنه قصف مواقع لحزب الله في لبنان.")
    assert ("Attack", "idf", "hezbollah") in triples(ex)


def test_unknown_organ_is_minted_and_linked_to_its_state(read: Read) -> None:
    ex = read("حذرت الحكومة النرويجية إيران من عواقب خطيرة.")
    organ = next(a for a in ex.new_actors if a.label_ar == "الحكومة النرويجية")
    assert organ.kind == "StateOrgan"
    assert ("partOf", "https://w3id.org/akhbar/id/norway") in organ.links
    assert ("Warning", local(organ.iri), "iran") in triples(ex)


def test_titled_person_is_a_new_official_and_found_again_by_name(read: Read) -> None:
    ex = read("هدد وزير الخارجية النرويجي يوهان كارلسن روسيا بعقوبات. وكرر كارلسن تحذيره لروسيا.")
    person = next(a for a in ex.new_actors if a.kind == "Official")
    assert person.label_ar == "يوهان كارلسن"
    assert ("officialOf", "https://w3id.org/akhbar/id/norway") in person.links
    agents = [e.agent for e in ex.events if e.action == "Warning"]
    assert agents == [person.iri, person.iri]  # the second sentence names him by surname only


def test_minted_iri_is_stable_across_articles(read: Read) -> None:
    a = read("حذرت الحكومة النرويجية إيران.", "a1")
    b = read("وقالت الحكومة النرويجية إنها حذرت روسيا.", "a2")
    assert {x.iri for x in a.new_actors} & {x.iri for x in b.new_actors}


def test_militia_aligned_with_a_state(read: Read) -> None:
    ex = read("هاجمت الفصائل الموالية لطهران قاعدة عين الأسد.")
    militia = next(a for a in ex.new_actors if a.kind == "Militia")
    assert ("alignedWith", "https://w3id.org/akhbar/id/iran") in militia.links
    assert ("Attack", local(militia.iri), "ain_al_asad") in triples(ex)


def test_group_of_officials_by_nisba(read: Read) -> None:
    ex = read("وكان مسؤولون إسرائيليون حذروا لبنان.")
    (event,) = ex.events
    assert event.target.endswith("/lebanon")
    assert event.agent is not None and not event.agent.endswith("/israel")


# ---- triggers -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("وجهت السعودية تحذيرا لإيران.", ("Warning", "saudi_arabia", "iran")),
    ("شنت القوات الروسية هجوما على كييف.", ("Attack", "russian_army", "kyiv")),
    ("نفذ سلاح الجو الإسرائيلي غارات على دمشق.", ("Attack", "israeli_air_force", "damascus")),
    ("مارست واشنطن ضغوطا على الحكومة العراقية.", ("Pressure", "usa", "iraqi_government")),
])
def test_light_verb_phrases(read: Read, text: str, expected: tuple[str, str, str]) -> None:
    assert triples(read(text)) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("هددت تركيا قوات سوريا الديمقراطية.", ("Warning", "turkey", "sdf")),
    ("حثت فرنسا لبنان على نزع سلاح حزب الله.", ("Pressure", "france", "lebanon")),
    ("طالب مجلس الأمن الدولي الحوثيين بالإفراج عن السفينة.", ("Pressure", "un_security_council", "houthis")),
    ("دعت مصر إسرائيل إلى وقف إطلاق النار.", ("Pressure", "egypt", "israel")),
    ("هاجمت أوكرانيا موسكو.", ("Attack", "ukraine", "moscow")),
])
def test_verb_triggers(read: Read, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(read(text))


def test_air_strike_subclass_and_trigger_offsets(read: Read) -> None:
    text = "نفذ سلاح الجو الإسرائيلي غارات على دمشق."
    (event,) = read(text).events
    assert event.action == "AirStrike"
    assert text[event.trigger.start:event.trigger.end] == "غارات"
    assert (event.sentence.start, event.sentence.end) == (0, len(text))


def test_drone_attack_subclass(read: Read) -> None:
    (event,) = read("هاجمت أوكرانيا موسكو بطائرات مسيرة.").events
    assert event.action == "DroneAttack"


def test_figurative_warning(read: Read) -> None:
    ex = read("قصفت إسرائيل القنصلية الإيرانية في دمشق. وقال الحرس الثوري الإيراني إن الهجوم لن يمر دون رد.")
    assert ("Warning", "irgc", "israel") in triples(ex)


def test_not_an_action(read: Read) -> None:
    assert read("أدانت مصر التصعيد في المنطقة ودعت للحوار.").events == []


# ---- arguments ----------------------------------------------------------------------------------------
def test_adjectival_agent_and_prepositional_target(read: Read) -> None:
    ex = read("تواصلت الغارات الإسرائيلية على بيروت.")
    assert triples(ex) == {("Attack", "israel", "beirut")}


def test_genitive_agent_of_an_event_noun(read: Read) -> None:
    ex = read("دعا مجلس الأمن الدولي إلى وقف هجمات الحوثيين على السفن التجارية.")
    assert ("Pressure", "un_security_council", "houthis") in triples(ex)
    assert any(t[:2] == ("Attack", "houthis") for t in triples(ex))


def test_genitive_of_a_transitive_verbal_noun_is_the_target(read: Read) -> None:
    ex = read("أعلن الحرس الثوري الإيراني استهداف أربيل.")
    assert triples(ex) == {("Attack", "irgc", "erbil")}


def test_relative_clause_agent(read: Read) -> None:
    ex = read("أدان لبنان الغارات التي نفذها الجيش الإسرائيلي على بيروت.")
    assert triples(ex) == {("Attack", "idf", "beirut")}


def test_passive_verbal_noun_keeps_the_target(read: Read) -> None:
    ex = read("تم استهداف قاعدة عين الأسد بطائرات مسيرة.")
    assert triples(ex) == {("Attack", None, "ain_al_asad")}


def test_coordinated_targets_give_one_event_each(read: Read) -> None:
    ex = read("هاجمت أوكرانيا موسكو والقرم بطائرات مسيرة.")
    assert triples(ex) == {("Attack", "ukraine", "moscow"), ("Attack", "ukraine", "crimea")}


def test_coordinated_agents_give_one_event_each(read: Read) -> None:
    ex = read("حذرت فرنسا وبريطانيا إيران.")
    assert triples(ex) == {("Warning", "france", "iran"), ("Warning", "uk", "iran")}


def test_pronoun_subject_of_a_complement_clause(read: Read) -> None:
    ex = read("أكد الجيش الإسرائيلي أنه هاجم أهدافا عسكرية في إيران.")
    assert triples(ex) == {("Attack", "idf", "iran")}


def test_content_of_a_warning_takes_the_warned_party_as_agent(read: Read) -> None:
    ex = read("وحذرت الولايات المتحدة إيران من شن هجوم على إسرائيل.")
    assert tuples(ex) == {("Warning", "usa", "iran", "Asserted"), ("Attack", "iran", "israel", "Possible")}


def test_anaphoric_event_noun_takes_the_last_participants(read: Read) -> None:
    ex = read("قصفت إسرائيل مطار دمشق. وأدانت سوريا الضربة.")
    assert [(local(e.agent), local(e.target)) for e in ex.events] == [("israel", "damascus_airport")] * 2


def test_demonstrative_officials_refer_to_the_persons_named_before(read: Read) -> None:
    ex = read("التقى المبعوث الأمريكي الخاص جون هاركر ووزير الدفاع الأمريكي بيتر كولمان بالرئيس اللبناني. "
              "وقد ضغط هؤلاء المسؤولين على الحكومة اللبنانية.")
    pressure = {e.agent for e in ex.events if e.action == "Pressure"}
    assert len(pressure) == 2


# ---- modality -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "modality"), [
    ("قصفت إسرائيل دمشق.", "Asserted"),
    ("قد تهاجم إسرائيل إيران خلال الأيام المقبلة.", "Possible"),
    ("اتهمت روسيا أوكرانيا بمهاجمة موسكو.", "Possible"),
    ("تخطط إيران لشن هجوم على إسرائيل.", "Planned"),
    ("ستهاجم إسرائيل لبنان إذا لم ينزع حزب الله سلاحه.", "Conditional"),
    ("لم تهاجم تركيا العراق.", "Negated"),
    ("نفت الولايات المتحدة أنها قصفت دمشق.", "Negated"),
])
def test_attack_modality(read: Read, text: str, modality: str) -> None:
    ex = read(text)
    attacks = [e for e in ex.events if e.action in ("Attack", "AirStrike", "DroneAttack", "MissileStrike")]
    assert attacks and {e.modality for e in attacks} == {modality}


def test_antecedent_of_a_condition_is_possible(read: Read) -> None:
    ex = read("قد تهاجم إسرائيل بغداد في حال سمحت بهجوم إيراني على أراضيها.")
    by_agent = {local(e.agent): e.modality for e in ex.events}
    assert by_agent["israel"] == "Conditional"


def test_past_tense_qad_is_not_a_hedge(read: Read) -> None:
    ex = read("وقد ضغط المسؤولون الأمريكيون على الحكومة العراقية.")
    assert {e.modality for e in ex.events} == {"Asserted"}


# ---- provenance ---------------------------------------------------------------------------------------
def test_reporting_chain_and_explicit_date(read: Read) -> None:
    ex = read("ونقل موقع أكسيوس عن مسؤولين أمريكيين أن إسرائيل قصفت دمشق في 19 نوفمبر/تشرين الثاني 2023.")
    (event,) = ex.events
    assert local(event.reported_by) == "axios"
    assert event.according_to and event.date == "2023-11-19"


# ---- other conflicts and outlets (generalisation) --------------------------------------------------
def test_denier_is_the_author_of_a_negated_attack_and_keeps_the_subject(read: Read) -> None:
    ex = read("من جهتها، نفت قوات الدعم السريع مسؤوليتها عن الهجوم على مخيم زمزم، "
              "وحذرت الجيش السوداني من مواصلة قصف الأحياء السكنية.")
    got = tuples(ex)
    camp = next(a for a in ex.new_actors if a.label_ar == "مخيم زمزم")
    assert ("Attack", "rsf", local(camp.iri), "Negated") in got
    assert ("Warning", "rsf", "sudanese_army", "Asserted") in got


def test_coordinated_nisba_agents_and_generic_sites(read: Read) -> None:
    ex = read("وشنت طائرات أمريكية وبريطانية غارات على مواقع حوثية في الحديدة.")
    assert triples(ex) == {("Attack", "usa", "houthis"), ("Attack", "uk", "houthis")}


def test_prepositional_phrase_is_not_an_adjectival_agent(read: Read) -> None:
    ex = read("وتعهد الرئيس الأوكراني فولوديمير زيلينسكي بمواصلة الضربات على العمق الروسي.")
    assert triples(ex) == {("Attack", "zelenskyy", "russia")}


def test_nisba_after_a_noun_is_not_a_person(read: Read) -> None:
    ex = read("قال المتحدث باسم الجيش السوداني إن الشعب السوداني لن ينسى.")
    assert {local(m.actor) for m in ex.mentions} == {"sudanese_army", "sudan"}
    assert ex.events == []


def test_interception_is_not_an_attack(read: Read) -> None:
    assert read("أعلنت روسيا أن دفاعاتها الجوية أسقطت 30 طائرة مسيرة أوكرانية فوق بيلغورود.").events == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="اأإبتثجحخدذرزسشصضطظعغفقكلمنهويىةء ،.؟\n“”0123456789abc", max_size=120))
def test_any_text_gives_exact_offsets(read: Read, text: str) -> None:
    if not text.strip():
        return
    ex = read(text)
    for m in ex.mentions:
        assert text[m.span.start:m.span.end] == m.text
    for e in ex.events:
        assert 0 <= e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end <= len(text)


def test_accused_author_of_a_light_verb_attack(read: Read) -> None:
    ex = read("اتهمت الحكومة السودانية قوات الدعم السريع بشن هجمات على مخيمات النازحين.")
    (event,) = ex.events
    assert (local(event.agent), event.modality) == ("rsf", "Possible")
    camps = next(a for a in ex.new_actors if a.iri == event.target)
    assert (camps.kind, camps.label_ar) == ("Location", "مخيمات النازحين")


def test_unknown_armed_group_after_its_head(read: Read) -> None:
    ex = read("وهددت ألوية الوعد الصادق الحكومة الصومالية بشن هجمات.")
    group = next(a for a in ex.new_actors if a.kind == "Militia")
    assert group.label_ar == "ألوية الوعد الصادق"
    assert any(e.agent == group.iri and e.action == "Warning" for e in ex.events)


def test_names_do_not_run_across_punctuation_and_heads_introduce_known_names(read: Read) -> None:
    ex = read("توعدت روسيا، اليوم الأحد، برد حاسم. وذكرت قناة روسيا اليوم أن القوات الروسية قصفت خاركيف.")
    assert [local(m.actor) for m in ex.mentions][:2] == ["russia", "rt"]
    assert triples(ex) == {("Attack", "russian_army", "kharkiv")}


def test_plural_of_bodies_with_an_adjective_is_one_collective(read: Read) -> None:
    ex = read("دعا الرئيس الأوكراني فولوديمير زيلينسكي الدول الغربية إلى تزويد بلاده بالذخائر.")
    (event,) = ex.events
    target = next(a for a in ex.new_actors if a.iri == event.target)
    assert (event.action, local(event.agent), target.kind, target.label_ar) == \
        ("Pressure", "zelenskyy", "Organization", "الدول الغربية")


def test_negation_through_intent_and_light_noun(read: Read) -> None:
    ex = read("وأعلنت الخارجية القطرية أن الدوحة لا تنوي ممارسة أي ضغط على حماس.")
    assert tuples(ex) == {("Pressure", "qatar", "hamas", "Negated")}


def test_generic_pressure_noun_does_not_repeat_the_last_pressure(read: Read) -> None:
    ex = read("ودعا الاتحاد الأوروبي إسرائيل إلى وقف إطلاق النار. ورفض نتنياهو الضغوط الدولية.")
    assert triples(ex) == {("Pressure", "eu", "israel")}


def test_addressed_necessity_is_a_demand_only_with_an_addressee(read: Read) -> None:
    assert triples(read("وأكد وزير الخارجية المصري سامح شكري لنظيره الأمريكي ضرورة وقف التصعيد في غزة.")) == \
        {("Pressure", "shoukry", "usa")}
    assert read("وأكد وزير الخارجية المصري سامح شكري ضرورة وقف التصعيد في غزة.").events == []


def test_place_names_and_definite_facilities(read: Read) -> None:
    ex = read("وتبنت جماعة الحوثي الهجوم على السفينة التجارية. وقصف الجيش الإسرائيلي بلدة عيتا الشعب.")
    labels = {a.iri: a.label_ar for a in ex.new_actors}
    got = {(local(e.agent), labels.get(e.target)) for e in ex.events}
    assert got == {("houthis", "السفينة التجارية"), ("idf", "بلدة عيتا الشعب")}


def test_claimed_attack_by_coordinated_nisba_subjects(read: Read) -> None:
    ex = read("وذكرت وكالة سبأ أن طائرات أمريكية وبريطانية شنت 12 غارة على محافظة الحديدة.")
    assert triples(ex) == {("Attack", "usa", "hodeidah"), ("Attack", "uk", "hodeidah")}
    assert all(local(e.reported_by) == "saba" for e in ex.events)


def test_actor_inside_a_prepositional_phrase_is_not_the_subject(read: Read) -> None:
    ex = read("وقال الحرس الثوري الإيراني إن صواريخه التي سقطت بشمال العراق استهدفت قواعد إسرائيلية سرية.")
    assert all(local(e.agent) != "iraq" for e in ex.events)


def test_object_pronoun_of_an_attack_verb_is_the_last_actor_named(read: Read) -> None:
    ex = read("وذكرت الولايات المتحدة أنها لن تكون قادرة على كبح إسرائيل إذا هاجمتها طهران مجددا.")
    assert tuples(ex) == {("Pressure", "usa", "israel", "Negated"), ("Attack", "iran", "israel", "Possible")}


@pytest.mark.parametrize("text", [
    "حذر صندوق النقد الدولي من تباطؤ النمو في مصر.",  # a danger, not an addressee
    "وضربت عاصفة قوية سواحل ليبيا.",  # a verb of striking with no actor as subject
    "وتلقت المفاوضات ضربة قوية بعد انسحاب الوفد الإيراني.",
])
def test_no_event_without_actors_in_their_roles(read: Read, text: str) -> None:
    assert read(text).events == []


def test_who_condemns_an_attack_is_not_its_author(read: Read) -> None:
    ex = read("وقالت وزارة الخارجية التركية إنها تدين بشدة الهجوم الإرهابي في أنقرة.")
    assert all(local(e.agent) != "turkish_mfa" for e in ex.events)


def test_organ_in_construct_with_a_state_is_the_known_organ(read: Read) -> None:
    ex = read("استدعت وزارة خارجية العراق السفير الإيراني.")
    assert local(ex.mentions[0].actor) == "iraqi_mfa"
    assert ex.mentions[0].text == "وزارة خارجية العراق"


def test_attack_announced_by_a_threat_is_planned(read: Read) -> None:
    ex = read("يأتي ذلك بعد تهديد الرئيس التركي رجب طيب أردوغان بإطلاق عملية عسكرية وشيكة في شمال سوريا.")
    attacks = [e for e in ex.events if e.action == "Attack"]
    assert attacks and {e.modality for e in attacks} == {"Planned"}
