"""The linker's features read the parse locally: the mention's own relation to its head."""

from __future__ import annotations

import pytest

from akhbar.analysis import load_analyser
from akhbar.extract.candidates import SENTENCE, candidates
from akhbar.extract.coordination import relative_author
from akhbar.extract.features import _parse_place, elided_subject, features
from akhbar.extract.units import ArticleUnits, SentenceUnit, read_units
from akhbar.kb import KnowledgeBase
from akhbar.records import Article


def _read(kb: KnowledgeBase, text: str) -> tuple[ArticleUnits, SentenceUnit]:
    units = read_units(load_analyser("default")(text), Article("t", "t.txt", text), kb)
    return units, units.sentences[0]


def test_a_words_place_in_the_parse_is_its_relation_and_its_heads_part_of_speech() -> None:
    s = SentenceUnit(index=0, start=0, end=10, words=[], refs=[], triggers=[],
                     heads={1: (0, "nsubj"), 2: (1, "nmod")}, upos=["VERB", "PROPN", "NOUN"])
    assert _parse_place(s, 1) == "nsubj<VERB"
    assert _parse_place(s, 2) == "nmod<PROPN"
    assert _parse_place(s, 0) == "root"
    assert _parse_place(SentenceUnit(index=0, start=0, end=1, words=[], refs=[], triggers=[]), 0) == "noparse"


def test_every_candidate_of_the_sentence_carries_its_mentions_place_in_the_parse(kb: KnowledgeBase) -> None:
    units, s = _read(kb, "قصفت إسرائيل مواقع لحزب الله في جنوب لبنان.")
    found = [c for c in candidates(units, s) if c.source == SENTENCE]
    assert found
    for cand in found:
        marks = [k for k in features(units, s, s.triggers[0], cand) if k.startswith("mrel=")]
        assert len(marks) == 1
        assert marks[0] != "mrel=noparse"
        assert marks[0].split("=", 1)[1] in {_parse_place(s, k) for k in range(cand.ref.first, cand.ref.last)}


def _feature(kb: KnowledgeBase, text: str, name: str) -> dict[str, str]:
    """Each mention of the sentence → the value of feature `name` for the first trigger."""
    units, s = _read(kb, text)
    out = {}
    for cand in candidates(units, s):
        if cand.source == SENTENCE:
            feats = features(units, s, s.triggers[0], cand)
            out[cand.ref.surface] = next(k.split("=", 1)[1] for k in feats if k.startswith(f"{name}="))
    return out


def _governors(kb: KnowledgeBase, text: str) -> dict[str, str]:
    return _feature(kb, text, "mgov")


def test_the_word_a_mention_hangs_on_tells_a_speaker_a_condemner_and_an_argument(kb: KnowledgeBase) -> None:
    said = _governors(kb, "قال وزير الخارجية الإيراني إن إيران ستضرب إسرائيل.")
    assert said["وزير الخارجية الإيراني"] == "say"
    assert said["إسرائيل"] == "trigger"
    condemned = _governors(kb, "أدانت مصر الهجوم الإسرائيلي على لبنان.")
    assert condemned["مصر"] == "condemn"
    assert condemned["الإسرائيلي"] == "trigger"


def test_an_open_phrase_says_whether_its_head_names_a_thing_attacks_strike(kb: KnowledgeBase) -> None:
    units, s = _read(kb, "قصفت الطائرات خزانات الوقود الرئيسية في المدينة.")
    phrases = [c for c in candidates(units, s) if c.ref.how == "phrase"]
    assert phrases
    marks = {k for c in phrases for k in features(units, s, s.triggers[0], c)
             if k.startswith("phead=") and "&" not in k}
    assert marks == {"phead=True"}
    # a named actor carries no such mark
    named = [c for c in candidates(units, s) if c.ref.how != "phrase"]
    assert not any(k.startswith("phead=") for c in named for k in features(units, s, s.triggers[0], c))


def _feature(kb: KnowledgeBase, text: str, name: str) -> dict[str, str]:
    """The value of one feature for each candidate of the sentence's first trigger."""
    units, s = _read(kb, text)
    out = {}
    for cand in candidates(units, s):
        if cand.source == SENTENCE:
            feats = features(units, s, s.triggers[0], cand)
            out[cand.ref.surface] = next(k.split("=", 1)[1] for k in feats if k.startswith(name + "="))
    return out


def test_a_response_clause_between_trigger_and_mention_is_marked(kb: KnowledgeBase) -> None:
    resp = _feature(kb, "قصفت إسرائيل مدينة صور رداً على هجوم حزب الله.", "resp_between")
    assert resp["مدينة صور"] == "False" and resp["إسرائيل"] == "False"
    assert resp["حزب الله"] == "True"  # what provoked the strike is not struck by it
    resp = _feature(kb, "قصفت إسرائيل مدينة صور وردا على ذلك أطلق حزب الله صواريخ.", "resp_between")
    assert resp["حزب الله"] == "True"
    # a noun of response before the act it answers (برد قاس على اغتيال), not before the one it is aimed at
    resp = _feature(kb, "توعدت إيران برد قاس على اغتيال القائد في دمشق.", "resp_between")
    assert resp["دمشق"] == "True" and resp["إيران"] == "False"
    resp = _feature(kb, "توعدت إيران بالرد على إسرائيل.", "resp_between")
    assert resp["إسرائيل"] == "False"
    # and a verb of responding: who will respond to an attack did not make it
    units, s = _read(kb, "وقال الوزير إن الجيش الإسرائيلي سيرد بقوة على أي هجوم يستهدف مدينة حيفا.")
    attack = next(t for t in s.triggers if t.core == "Attack")
    resp = {c.ref.surface: features(units, s, attack, c).get("resp_between=True") for c in candidates(units, s)
            if c.source == SENTENCE}
    assert resp["الجيش الإسرائيلي"] == 1.0 and resp["مدينة حيفا"] is None


def test_who_denies_an_attack_is_read_as_its_claimed_author(kb: KnowledgeBase) -> None:
    claimed = _feature(kb, "ونفت إيران أي علاقة لها بالهجوم على الناقلة.", "claimed")
    assert claimed["إيران"] == "True"


def test_the_nisba_of_a_weapon_that_is_the_subject_is_the_agent(kb: KnowledgeBase) -> None:
    units, s = _read(kb, "هاجمت مسيرات أوكرانية مصفاة نفط في المدينة.")
    nisba = next(c for c in candidates(units, s) if c.ref.how == "nisba")
    f = features(units, s, s.triggers[0], nisba)
    assert f.get("inst_nisba=True") == 1.0 and f.get("grammar=agent") == 1.0


def test_a_conjunct_shares_the_slot_of_the_mention_it_joins(kb: KnowledgeBase) -> None:
    # دعت فرنسا وألمانيا إيران: both callers are the subject (post0), the addressee the object (post1)
    units, s = _read(kb, "دعت فرنسا وألمانيا إيران إلى العودة إلى الاتفاق النووي.")
    slots = {}
    for cand in candidates(units, s):
        if cand.source == SENTENCE:
            marks = [k for k in features(units, s, s.triggers[0], cand) if k.startswith("slot=")]
            slots[cand.ref.surface] = marks[0].split("=", 1)[1]
    assert slots == {"فرنسا": "post0", "ألمانيا": "post0", "إيران": "post1"}


def test_a_place_off_which_or_outside_which_a_strike_fell_is_read_behind_its_preposition(kb: KnowledgeBase) -> None:
    # قبالة and خارج only say where: the scorer weighs them as prepositions, not as an object slot
    for text, place, prep in (("واستهدفت مسيرة حوثية سفينة تجارية قبالة اليمن.", "اليمن", "قباله"),
                              ("واستهدفت إسرائيل قادة حماس خارج قطاع غزة.", "قطاع غزة", "خارج")):
        units, s = _read(kb, text)
        preps = {c.ref.surface: next(k for k in features(units, s, s.triggers[0], c) if k.startswith("prep="))
                 for c in candidates(units, s) if c.source == SENTENCE}
        assert preps[place] == f"prep={prep}"


def test_the_trigger_word_itself_is_an_indicator(kb: KnowledgeBase) -> None:
    # اغتيال takes its author as genitive as often as its victim, استهداف its target: the scorer weighs the word
    units, s = _read(kb, "وأدان لبنان اغتيال إسرائيل لقائد في حماس واستهداف غزة.")
    words = {next(k for k in features(units, s, t, c) if k.startswith("tword=")) for t in s.triggers
             for c in candidates(units, s)[:1]}
    assert words == {"tword=اغتيال", "tword=استهداف"}


def _shared(kb: KnowledgeBase, text: str, trigger: str) -> set[str]:
    """The mentions whose features say they share the subject of the trigger written `trigger`."""
    units, s = _read(kb, text)
    trig = next(t for t in s.triggers if s.words[t.first].text == trigger)
    return {c.ref.surface for c in candidates(units, s) if features(units, s, trig, c).get("shared_subj=True")}


@pytest.mark.parametrize(("text", "trigger", "shared"), [
    # استدعت is no trigger, and the tagger may miss it; after قد it is a verb, and its subject (SVO) warns too
    ("وكانت بغداد قد استدعت السفير التركي احتجاجا على الغارات، وحذرت من أن استمرار الانتهاكات يهدد العلاقات.",
     "وحذرت", {"بغداد"}),
    # SVO: the mention right after the second verb is its object, not a new subject (which would stand before it)
    ("الرئيس الأمريكي يتوعد إيران بالرد ويهدد العراق بعقوبات قاسية.", "ويهدد", {"الرئيس الأمريكي"}),
    # VSO: وهددت حماس opens a clause of its own, so nobody before it is its subject by word order
    ("قصفت إسرائيل غزة ليلا، وهددت حماس بالرد على القصف.", "وهددت", set()),
    # a participle of manner shares the subject of its clause's main verb, past the verbs of a condition
    ("وطالب وزير الخارجية الفرنسي الجيش السوداني بوقف القتال، محذرا من أن الحرب ستطول.", "محذرا",
     {"وزير الخارجية الفرنسي"}),
    ("وحذر الوزير الإيطالي الحكومة من عواقب إذا واصلت القصف، مطالبا الأمم المتحدة بالتحرك.", "مطالبا",
     {"الوزير الإيطالي"}),
    # a verbal noun after a control verb's preposition: the verb's subject does it, its genitive is its object
    ("وتلجأ مليشيا الحوثي بشكل متكرر إلى تهديد السعودية بالهجمات.", "تهديد", {"مليشيا الحوثي"}),
    ("سعت فرنسا إلى الضغط على إيران.", "الضغط", {"فرنسا"}),
    ("رحبت فرنسا بالتهديد الإيراني.", "بالتهديد", set()),  # (no control verb: nobody shares)
])
def test_coordinated_verbs_and_participles_share_their_clauses_subject(kb: KnowledgeBase, text: str, trigger: str,
                                                                       shared: set[str]) -> None:
    assert _shared(kb, text, trigger) == shared


def test_the_object_after_a_verb_that_shares_its_subject_is_a_target(kb: KnowledgeBase) -> None:
    units, s = _read(kb, "الرئيس الأمريكي يتوعد إيران بالرد ويهدد العراق بعقوبات قاسية.")
    warn = next(t for t in s.triggers if s.words[t.first].text == "ويهدد")
    iraq = next(c for c in candidates(units, s) if c.ref.surface == "العراق")
    assert features(units, s, warn, iraq).get("grammar=target")


@pytest.mark.parametrize(("text", "agree", "grammar"), [
    ("وحث بيلاروسيا على وقف دعم موسكو.", "False", "target"),  # a masculine verb: the feminine state is its object
    ("وحثت بيلاروسيا روسيا على وقف الحرب.", "True", "agent"),
    ("ودعا العراق إلى ضبط النفس.", "True", "agent"),
    ("ودعت العراق إلى ضبط النفس.", "False", "target"),  # (a feminine verb, a masculine state: her subject is elsewhere)
])
def test_a_verb_agrees_in_gender_with_the_subject_after_it(kb: KnowledgeBase, text: str, agree: str,
                                                           grammar: str) -> None:
    # VSO: the verb before its subject agrees with it in gender (not in number); a mention that does not agree is
    # the verb's object, its subject a pronoun (someone named before)
    units, s = _read(kb, text)
    first = next(c for c in candidates(units, s) if c.source == SENTENCE)
    f = features(units, s, s.triggers[0], first)
    assert f[f"agree={agree}"] == 1.0 and f[f"grammar={grammar}"] == 1.0


def test_a_mention_whose_gender_the_words_do_not_tell_has_no_agreement(kb: KnowledgeBase) -> None:
    units, s = _read(kb, "وحذر إسرائيليون من التصعيد.")  # (a nisba: an adjective as often as a subject)
    assert not any(k.startswith("agree=") for c in candidates(units, s) if c.source == SENTENCE
                   for k in features(units, s, s.triggers[0], c))


def test_the_author_of_an_attack_noun_is_read_past_the_means_it_names(kb: KnowledgeBase) -> None:
    # هجوم بالصواريخ والطائرات المسيرة شنته X: the relative clause on the noun names its author past its weapons
    text = "وتعرضت قاعدة حرير أمس لهجوم بالصواريخ والطائرات المسيرة شنته حركة النجباء العراقية."
    units = read_units(None, Article("t", "t.txt", text), kb)
    s = units.sentences[0]
    author = relative_author(s, next(t for t in s.triggers if t.core == "Attack"), units.lex)
    assert author is not None and author.surface.startswith("حركة النجباء"), author


def test_a_verb_with_no_subject_of_its_own_takes_the_previous_sentences_subject(kb: KnowledgeBase) -> None:
    # وحث X Y على ... كما حث Z على ...: the elided subject is the one who urged before (GUIDELINES §3, pronouns)
    text = "وحث وزير الخارجية الماليزي سلطات بيلاروسيا على الامتناع عن أي تصعيد. كما حث روسيا على سحب قواتها."
    units = read_units(None, Article("t", "t.txt", text), kb)
    s = units.sentences[1]
    subject = elided_subject(units, s, s.triggers[0])
    assert subject is not None and subject.surface.startswith("وزير الخارجية"), subject


@pytest.mark.parametrize(("text", "subject", "target"), [
    ("هاجم عشرات المستوطنين قرية اللبن.", "المستوطنين", "قرية اللبن"),
    ("هاجم مسلحو حركة الشباب بلدة بلعد.", "حركة الشباب", "بلدة بلعد"),
    ("قصف متمردو حركة إم 23 المدعومة من رواندا مدينة غوما.", "حركة إم 23", "مدينة غوما"),
    ("قصفت إسرائيل بالمدفعية والطائرات بلدتي عيترون وبليدا.", "إسرائيل", "عيترون"),
])
def test_a_count_fighters_a_patron_or_the_means_take_no_slot_after_the_verb(kb: KnowledgeBase, text: str,
                                                                           subject: str, target: str) -> None:
    # the count says how many, the fighters whose they are, the patron whom they serve: what they read on fills
    # the subject's slot, and what follows is the object; the means listed (بالمدفعية والطائرات) is no candidate
    slots = _feature(kb, text, "slot")
    assert "الطائرات" not in slots and "والطائرات" not in slots, slots
    assert (slots[subject], slots[target]) == ("post0", "post1"), slots


def test_a_claim_reaches_its_attack_past_an_apposition_of_the_claimant(kb: KnowledgeBase) -> None:
    # "X، وهي جماعة ...، استهداف": the description set off by commas counts no words between claimant and claim
    claimed = _feature(kb, "أعلنت حركة الشباب، وهي جماعة مرتبطة بتنظيم القاعدة منذ سنوات طويلة في الصومال، "
                           "استهداف قاعدة للجيش الصومالي.", "claimed")
    assert claimed["حركة الشباب"] == "True", claimed
