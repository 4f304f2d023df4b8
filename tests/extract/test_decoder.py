"""The decoder's categorical rules and the scorer's arithmetic, on scores and sentences of our own."""

from __future__ import annotations

import math

import pytest

from akhbar.extract.coordination import coordination_groups, included_members, reciprocal, siblings
from akhbar.extract.linker import LinkerError, LinkerModel, Policy, RoleModel, Scores, decide, load_linker, parse_linker
from akhbar.extract.units import read_units
from akhbar.kb import load_kb
from akhbar.records import Article


def units_of(text: str):
    return read_units(None, Article("t", "t.txt", text), load_kb())


def test_listwise_probabilities_share_one_unit_with_nobody() -> None:
    m = RoleModel(0.0, {"a": 1.0, "NONE": 0.5}, listwise=True)
    p = m.probabilities([{"a": 1.0}, {}], {"NONE": 1.0})
    z = math.exp(1) + math.exp(0) + math.exp(0.5)
    assert p == pytest.approx([math.exp(1) / z, 1 / z])


def test_pointwise_probability_is_a_sigmoid() -> None:
    assert RoleModel(-1.0, {"x": 2.0}).probability({"x": 1.0}) == pytest.approx(1 / (1 + math.exp(-1)))


def test_the_likelier_role_wins_when_one_actor_tops_both() -> None:
    s = Scores(agent={"a": 0.7, "b": 0.2}, target={"a": 0.6, "c": 0.5})
    assert decide(s, "Attack", Policy(target=0.4, agent=0.5)) == [("a", "c")]


def test_coordinated_agents_and_targets_each_give_an_event() -> None:
    s = Scores(agent={"fr": 0.8, "uk": 0.1}, target={"ir": 0.6, "ly": 0.05})
    pairs = decide(s, "Warning", Policy(target=0.5, extra_target=0.9), {"fr": {"uk"}, "uk": {"fr"},
                                                                          "ir": {"ly"}, "ly": {"ir"}})
    assert sorted(pairs) == [("fr", "ir"), ("fr", "ly"), ("uk", "ir"), ("uk", "ly")]


def test_a_sibling_of_the_agent_is_never_its_target() -> None:
    s = Scores(agent={"fr": 0.8, "uk": 0.1}, target={"uk": 0.7, "ir": 0.4})
    assert decide(s, "Warning", Policy(target=0.3), {"fr": {"uk"}, "uk": {"fr"}}) == [("fr", "ir"), ("uk", "ir")]


def test_reciprocal_exchange_goes_both_ways() -> None:
    s = Scores(agent={"ir": 0.8, "il": 0.1}, target={})
    assert sorted(decide(s, "Attack", Policy(), {"ir": {"il"}, "il": {"ir"}}, reciprocal=True)) == \
        [("il", "ir"), ("ir", "il")]
    assert sorted(decide(Scores(agent={"ir": 0.9, "il": 0.1}, target={"il": 0.9}), "Attack", Policy(),
                         reciprocal=True)) == \
        [("il", "ir"), ("ir", "il")]


def test_coordinated_sides_of_an_exchange_strike_each_other_not_the_place_it_happens() -> None:
    s = Scores(agent={"hz": 0.5, "idf": 0.1}, target={"south": 0.6, "idf": 0.2})
    assert sorted(decide(s, "Attack", Policy(target=0.3), {"hz": {"idf"}, "idf": {"hz"}}, reciprocal=True)) == \
        [("hz", "idf"), ("idf", "hz")]


@pytest.mark.parametrize(("text", "exchanged"), [
    ("تواصل القصف المتبادل بين حزب الله والجيش الإسرائيلي.", True),
    ("تواصل إطلاق النار المتبادل بين الطرفين.", True),
    ("تواصل القصف الإسرائيلي على جنوب لبنان.", False),
])
def test_the_adjective_of_an_exchange_makes_it_reciprocal(text: str, exchanged: bool) -> None:
    s = units_of(text).sentences[0]
    assert any(reciprocal(s, t) for t in s.triggers) is exchanged


def test_a_passive_attack_keeps_its_target_without_an_author() -> None:
    s = Scores(agent={"x": 0.05}, target={"base": 0.6})
    assert decide(s, "Attack", Policy(target=0.5, agent_floor=0.3, null_agent=1.01)) == []
    assert decide(s, "Attack", Policy(target=0.5, agent_floor=0.3, null_agent=1.01), passive=True) == [(None, "base")]


def test_pressure_and_warning_need_an_author() -> None:
    s = Scores(agent={}, target={"t": 0.9})
    assert decide(s, "Pressure", Policy(null_agent=0.1)) == []
    assert decide(s, "Attack", Policy(null_agent=0.5)) == [(None, "t")]


def test_coordination_groups_from_the_text() -> None:
    u = units_of("حذرت فرنسا وبريطانيا وألمانيا إيران من شن هجمات على قطر والبحرين.")
    names = [[r.surface for r in g] for g in coordination_groups(u.sentences[0], u.lex, u.article.text)]
    assert ["فرنسا", "بريطانيا", "ألمانيا"] in names and ["قطر", "البحرين"] in names and ["إيران"] in names


def test_a_singular_verb_after_a_coordinated_mention_starts_a_new_clause() -> None:
    u = units_of("وصل وفد من مصر والجيش السوداني يهاجم مواقع الدعم السريع.")
    sib = siblings(u.sentences[0], u.lex, u.article.text)
    assert not any(i.endswith("/sudanese_army") for group in sib.values() for i in group)


def test_a_dual_verb_closes_a_coordinated_subject() -> None:
    u = units_of("وقال الموقع إن سوليفان وبلينكن طالبا السوداني بمنع الهجمات.")
    sib = siblings(u.sentences[0], u.lex, u.article.text)
    assert "https://w3id.org/akhbar/id/blinken" in sib["https://w3id.org/akhbar/id/sullivan"]


def _members(text: str) -> dict[str, set[str]]:
    u = units_of(text)
    s = u.sentences[0]
    return {k.rsplit("/", 1)[-1]: {m.rsplit("/", 1)[-1] for m in v}
            for k, v in included_members(s, s.triggers[0], u.lex, u.article.text).items()}


def test_named_members_listed_after_an_inclusion_marker_belong_to_the_collective_before_it() -> None:
    m = _members("قصفت الطائرات الروسية عدة مدن في أوكرانيا، من بينها خاركيف ودنيبرو.")
    assert m["ukraine"] == {"kharkiv", "dnipro"}
    m = _members("استهدف الجيش مقرات حركة حماس، وأبرزها مكتب إسماعيل هنية.")
    assert all("haniyeh" in v for v in m.values()) and "hamas" in m
    # a one-word marker needs a comma before it (منها is also "from it"); another trigger's clause is not read
    assert not _members("انسحبت القوات الإسرائيلية منها بعد أن قصفت رفح.")
    assert not _members("هاجمت إسرائيل غزة ثم حذرت لبنان، ومن بينها حزب الله.")
    # an unnamed collective phrase is no member
    assert not any(_members("ضربت الطائرات منشآت للحوثيين، منها مخازن أسلحة.").values())


def test_the_decoder_adds_the_listed_members_of_a_chosen_target_only() -> None:
    # (every member is a candidate of the sentence: the role's table holds it, however unlikely)
    s = Scores(agent={"il": 0.9}, target={"hamas": 0.8, "qatar": 0.1, "hayya": 0.01, "doha": 0.01, "il": 0.01})
    members = {"hamas": {"hayya"}, "qatar": {"doha"}}
    assert decide(s, "Attack", Policy(target=0.3), members=members) == [("il", "hamas"), ("il", "hayya")]
    # a member that is the agent itself is dropped
    assert decide(s, "Attack", Policy(target=0.3), members={"hamas": {"il"}}) == [("il", "hamas")]


def test_an_official_does_not_strike_his_state_does() -> None:
    s = Scores(agent={"katz": 0.9}, target={"beirut": 0.8})
    assert decide(s, "Attack", Policy(target=0.3), striker={"katz": "il"}) == [("il", "beirut")]
    # he still warns and presses in his own name
    assert decide(s, "Warning", Policy(target=0.3), striker={"katz": "il"}) == [("katz", "beirut")]
    # his state is then the agent: its own capital is no target
    s = Scores(agent={"katz": 0.9}, target={"jerusalem": 0.8, "beirut": 0.5})
    assert decide(s, "Attack", Policy(target=0.3), striker={"katz": "il"}, capital_of={"jerusalem": "il"}) == \
        [("il", "beirut")]


def test_a_coordinated_actor_takes_a_role_only_as_the_role_admits_it() -> None:
    # a place coordinated with the addressee was left out of the target table (no place is addressed): not added
    s = Scores(agent={"us": 0.9}, target={"iraq": 0.8})
    assert decide(s, "Warning", Policy(target=0.3), siblings={"iraq": {"basra"}}) == [("us", "iraq")]
    # a capital coordinated with the agent acts as its state; the reciprocal exchange turns it the same way
    s = Scores(agent={"ir": 0.9, "sy": 0.1}, target={})
    assert decide(s, "Attack", Policy(), {"ir": {"damascus"}}, reciprocal=True, capital_of={"damascus": "sy"}) == \
        [("ir", "sy"), ("sy", "ir")]


def test_reciprocal_trigger_is_read_from_the_exchange_verb() -> None:
    s = units_of("تبادلت إيران وإسرائيل الضربات.").sentences[0]
    assert [reciprocal(s, t) for t in s.triggers] == [True]
    s = units_of("شنت إيران ضربات على إسرائيل.").sentences[0]
    assert [reciprocal(s, t) for t in s.triggers] == [False]


def test_the_exchange_verb_reaches_over_its_coordinated_subject() -> None:
    # (GUIDELINES §2: "يتبادل أ وب القصف" gives two events) the act exchanged is a phrase after the subject
    s = units_of("تبادل حزب الله والجيش الإسرائيلي إطلاق النار على الحدود.").sentences[0]
    assert [reciprocal(s, t) for t in s.triggers] == [True]
    s = units_of("اتهمت إيران إسرائيل بتبادل المعلومات قبل الهجوم على طهران.").sentences[0]
    assert [reciprocal(s, t) for t in s.triggers] == [False]


def test_in_an_exchange_the_coordinated_sides_stay_each_others_targets() -> None:
    # coordinated actors otherwise share a role (فرنسا وبريطانيا: both warn), which left an exchange whose author
    # is under the agent threshold with no target and no event
    s = Scores(agent={"az": 0.52, "am": 0.45}, target={"az": 0.17, "am": 0.14})
    policy = Policy(agent=0.6, target=0.05, agent_floor=0.15)
    assert decide(s, "Attack", policy, {"az": {"am"}, "am": {"az"}}, reciprocal=True) == [("az", "am"), ("am", "az")]
    assert decide(s, "Attack", policy, {"az": {"am"}, "am": {"az"}}) == []


def test_model_json_round_trip_and_clear_errors(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    m = LinkerModel(RoleModel(0.0, {"a": 1.25}, True), RoleModel(0.5, {"b": -2.0}), Policy(target=0.3),
                    {"learner": "listwise"})
    back = parse_linker(m.to_json())
    assert back == m
    path = tmp_path / "linker.json"
    path.write_text(m.to_json(), encoding="utf-8")
    monkeypatch.setenv("AKHBAR_LINKER", str(path))
    assert load_linker() == m
    path.write_text("{", encoding="utf-8")
    with pytest.raises(LinkerError, match=r"linker\.json: not a linker model"):
        load_linker(str(path))
    with pytest.raises(LinkerError, match="cannot read the linker model"):
        load_linker(str(tmp_path / "missing.json"))


def test_the_shipped_model_is_listed_with_its_card() -> None:
    from importlib import resources

    model = load_linker()
    assert model.meta.get("learner") in ("listwise", "pointwise") and model.agent.weights
    card = resources.files("akhbar.extract").joinpath("model/linker.md").read_text(encoding="utf-8")
    assert "Cross-validated figures" in card


def test_an_agent_never_acts_against_itself_or_its_own_state() -> None:
    s = Scores(agent={"minister": 0.9}, target={"state": 0.8, "other": 0.3})
    assert decide(s, "Warning", Policy(target=0.2), own_state={"minister": "state"}) == [("minister", "other")]
    assert decide(s, "Warning", Policy(target=0.5), own_state={"minister": "state"}) == []
    assert decide(s, "Warning", Policy(target=0.5)) == [("minister", "state")]


def test_a_demand_may_be_addressed_at_home_a_warning_not() -> None:
    s = Scores(agent={"parliament": 0.9}, target={"government": 0.8})
    home = {"parliament": "state", "government": "state"}
    assert decide(s, "Pressure", Policy(target=0.2, pressure_target=0.2), own_state=home) == \
        [("parliament", "government")]
    assert decide(s, "Warning", Policy(target=0.2), own_state=home) == []


def test_an_agent_never_strikes_its_own_states_capital() -> None:
    s = Scores(agent={"army": 0.9}, target={"capital": 0.8, "other": 0.3})
    capitals = {"capital": "state", "other": "elsewhere"}
    assert decide(s, "Attack", Policy(target=0.2), own_state={"army": "state"}, capital_of=capitals) == \
        [("army", "other")]
    assert decide(s, "Attack", Policy(target=0.2), capital_of=capitals) == [("army", "capital")]


def test_an_attack_on_places_of_the_agents_own_state_is_the_next_likely_agents() -> None:
    s = Scores(agent={"iran": 0.7, "group": 0.3}, target={"province": 0.8})
    located = {"province": "iran"}
    states = {"iran": "iran"}
    assert decide(s, "Attack", Policy(target=0.2, agent=0.6, agent_floor=0.15), own_state=states,
                  located=located) == [("group", "province")]
    assert decide(s, "Attack", Policy(target=0.2, agent=0.6, agent_floor=0.4), own_state=states,
                  located=located) == [("iran", "province")]  # (no other agent likely enough: kept)
    assert decide(s, "Attack", Policy(target=0.2, agent=0.6, agent_floor=0.15), own_state=states) == \
        [("iran", "province")]


def test_a_capital_coordinated_with_a_target_is_dropped_when_it_is_the_agents_own(read) -> None:
    found = {(e.agent.rsplit("/", 1)[-1], e.target.rsplit("/", 1)[-1]) for e in read(
        "قصفت روسيا موسكو وكييف بالصواريخ.").events if e.agent and e.target}
    assert ("russia", "kyiv") in found
    assert ("russia", "moscow") not in found


def test_no_one_acts_against_his_own_armed_group_or_a_fellow_member() -> None:
    s = Scores(agent={"leader": 0.9}, target={"group": 0.8, "fighter": 0.6, "enemy": 0.3})
    groups = {"leader": "group", "fighter": "group"}
    assert decide(s, "Warning", Policy(target=0.2), group_of=groups) == [("leader", "enemy")]
    assert decide(Scores(agent={"group": 0.9}, target={"leader": 0.8, "enemy": 0.3}), "Attack", Policy(target=0.2),
                  group_of=groups) == [("group", "enemy")]


@pytest.mark.parametrize(("text", "leader", "group"), [
    ("هدد قائد قوات الدعم السريع محمد حمدان دقلو الجيش السوداني وقوات الدعم السريع بالرد.", "hemedti", "rsf"),
    ("توعد زعيم حزب الله حسن نصر الله إسرائيل وحزب الله بالرد.", "nasrallah", "hezbollah"),
])
def test_a_leader_coordinated_with_his_group_does_not_warn_it(read, text: str, leader: str, group: str) -> None:
    found = {(e.agent.rsplit("/", 1)[-1], e.target.rsplit("/", 1)[-1]) for e in read(text).events
             if e.agent and e.target}
    assert any(a == leader for a, _ in found)
    assert (leader, group) not in found


@pytest.mark.parametrize("text", [
    "حذر وزير الخارجية الباكستاني من أن باكستان لن تقف مكتوفة الأيدي.",
    "وهدد وزير الدفاع الإيراني بأن إيران سترد على أي هجوم يستهدف أراضيها.",
    "وحذر الرئيس الروسي من أن روسيا ستدافع عن نفسها بكل الوسائل.",
])
def test_an_official_speaking_of_his_own_state_does_not_warn_it(read, text: str) -> None:
    for event in read(text).events:
        assert event.target is None or event.target.rsplit("/", 1)[-1] not in ("pakistan", "iran", "russia"), event


def test_a_place_is_never_an_agent_but_a_capital_stands_for_its_state() -> None:
    from akhbar.extract import resolve

    kb = load_kb()
    units = units_of("قصفت طائرات مسيرة مستودعات الوقود قرب الميناء، وحذرت طهران من الرد.")
    s = units.sentences[0]
    places = [r for r in (*s.refs, *s.phrases) if r.kind == "Location" and not set(r.iris) & set(kb.capitals)]
    assert places and all(resolve(r, "agent", "Attack", kb) == [] for r in places)
    assert all(resolve(r, "target", "Attack", kb) == list(r.iris) for r in places)
    tehran = next(r for r in s.refs if set(r.iris) & set(kb.capitals))
    assert resolve(tehran, "agent", "Warning", kb) == ["https://w3id.org/akhbar/id/iran"]


def test_a_warning_or_demand_addresses_people_not_places() -> None:
    from akhbar.extract import resolve

    kb = load_kb()
    units = units_of("حذر قائد الجيش من استهداف مطار الخرطوم، ودعا المدنيين في المدينة إلى الابتعاد عن المعسكرات.")
    s = units.sentences[0]
    airport = next(r for r in s.refs if r.surface == "مطار الخرطوم")
    assert resolve(airport, "target", "Warning", kb, units.lex) == []
    assert resolve(airport, "target", "Attack", kb, units.lex) == list(airport.iris)
    civilians = next(r for r in (*s.refs, *s.phrases) if r.surface.startswith("المدنيين"))
    assert resolve(civilians, "target", "Pressure", kb, units.lex) == list(civilians.iris)


def test_an_attack_strikes_armed_bodies_and_persons_only_in_a_targeted_killing() -> None:
    from akhbar.extract import resolve

    kb = load_kb()
    units = units_of("قصفت الطائرات مقار الجيش السوداني ووزارة الخارجية السودانية واغتالت الوزير علي كرتي.")
    s = units.sentences[0]
    by = {r.surface: r for r in (*s.refs, *s.phrases)}
    army = next(r for name, r in by.items() if name.startswith("الجيش"))
    ministry = next(r for name, r in by.items() if "الخارجية" in name and r.kind == "StateOrgan")
    assert resolve(army, "target", "Attack", kb, units.lex, "Airstrike") == list(army.iris)
    assert resolve(ministry, "target", "Attack", kb, units.lex, "Airstrike") == []
    assert resolve(ministry, "target", "Attack", kb, units.lex, "Airstrike", struck=True) == list(ministry.iris)
    # the ministry still warns and is warned
    assert resolve(ministry, "target", "Warning", kb, units.lex, "Warning") == list(ministry.iris)
    person = next(r for r in s.refs if r.kind == "Official")
    assert resolve(person, "target", "Attack", kb, units.lex, "Airstrike") == []
    assert resolve(person, "target", "Attack", kb, units.lex, "TargetedKilling") == list(person.iris)
    # … or when word order makes him the attack's object (قصفت إسرائيل العميد X)
    assert resolve(person, "target", "Attack", kb, units.lex, "Airstrike", struck=True) == list(person.iris)


def test_the_articles_protagonists_are_candidate_targets_but_never_authors() -> None:
    from akhbar.extract import scored_pairs, trigger_scores
    from akhbar.extract.candidates import FREQUENT, candidates

    text = ("تطورات جديدة في المنطقة\nزار وفد من إيران الدوحة. وناقش الوفد مع إيران ملفات عدة. "
            "واستقبلت قطر وفد إيران بحفاوة. ووصل المراسل إلى الفندق. واستمر القصف على بغداد فجر اليوم.")
    units = units_of(text)
    s = units.sentences[-1]
    cands = candidates(units, s)
    frequent = {i for c in cands if c.source == FREQUENT for i in c.ref.iris}
    assert "https://w3id.org/akhbar/id/iran" in frequent
    for trig in s.triggers:
        pairs, none = scored_pairs(units, s, trig, cands)
        ts = trigger_scores(units, s, trig, cands, [f for _, f in pairs], none, load_linker())
        assert not frequent & set(ts.scores.agent)
        assert frequent & set(ts.scores.target)


def test_a_body_of_water_locates_an_attack_but_is_not_struck() -> None:
    from akhbar.extract import resolve

    kb = load_kb()
    units = units_of("هاجم الحوثيون سفينة تجارية في البحر الأحمر.")
    s = units.sentences[0]
    sea = next(r for r in s.refs if r.surface == "البحر الأحمر")
    assert resolve(sea, "target", "Attack", kb, units.lex, "Attack") == []
    ship = next(r for r in (*s.refs, *s.phrases) if r.surface.startswith("سفينة"))
    assert resolve(ship, "target", "Attack", kb, units.lex, "Attack") == list(ship.iris)


def test_a_pressure_needs_its_own_target_threshold() -> None:
    s = Scores(agent={"un": 0.9}, target={"iran": 0.15})
    policy = Policy(target=0.05, pressure_target=0.2, agent=0.5)
    assert decide(s, "Warning", policy) == [("un", "iran")]
    assert decide(s, "Pressure", policy) == []  # (a Pressure with no addressee is no event: null_target > 1)
    assert decide(Scores(agent={"un": 0.9}, target={"iran": 0.3}), "Pressure", policy) == [("un", "iran")]


def test_an_older_model_file_without_the_pressure_threshold_reads_as_it_did() -> None:
    assert Policy.from_dict({"target": 0.1}).pressure_target == 0.1
    assert Policy.from_dict({"target": 0.1, "pressure_target": 0.2}).pressure_target == 0.2


def test_a_place_in_brackets_after_a_place_only_says_where_it_is() -> None:
    from akhbar.extract import score_article

    u = units_of("واستهدفت المقاومة بالمسيرات قاعدة عين الأسد (محافظة الأنبار غرب العراق) فجر اليوم.")
    ts = next(t for t in score_article(u, load_linker()) if t.trigger.core == "Attack")
    targets = {iri.rsplit("/", 1)[-1] for iri in ts.scores.target}
    assert "ain_al_asad" in targets and "anbar" not in targets


def test_a_warnings_target_is_its_addressee_not_the_actor_of_its_content() -> None:
    from akhbar.extract import extract
    from akhbar.kb import load_kb
    from akhbar.records import Article

    text = "ووجهت الإدارة الأمريكية تحذيرا للحكومة العراقية بأن إسرائيل قد تقصف بغداد إذا سمحت بهجوم إيراني."
    ex = extract(None, Article("t", "t.txt", text), load_kb())
    warned = {e.target.rsplit("/", 1)[-1] for e in ex.events if e.action == "Warning" and e.target}
    assert warned == {"iraqi_government"}


def test_an_attack_whose_likeliest_target_is_its_authors_own_is_left_out() -> None:
    # أي اعتداء على إيران سيقابل برد، قال خامنئي: Iran is far likelier the target than Khamenei (read as Iran) the
    # author; no one attacks his own state, so the attack is not moved to the next target named (واشنطن)
    s = Scores(agent={"leader": 0.36, "ir": 0.35}, target={"ir": 0.74, "us": 0.1})
    assert decide(s, "Attack", Policy(target=0.05, agent_floor=0.15), striker={"leader": "ir"}) == []
    # an author likelier than his own state as target keeps the next target, as before
    s = Scores(agent={"army": 0.9}, target={"state": 0.8, "other": 0.4})
    assert decide(s, "Attack", Policy(target=0.3), own_state={"army": "state"}) == [("army", "other")]
