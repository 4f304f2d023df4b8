"""Who may not play a role of a trigger, whatever the scorer says: the categorical rules of the guidelines that bar
a candidate from the agent or the target of one trigger, kept as one table (`EXCLUSIONS`: a name, the role it
bars, the test, and the construction it reads). What each test reads of the trigger's sentence is worked out
once per trigger (`Frame`, by `frame`). The scorer's probabilities of the other candidates stand as they are:
a rule only takes a candidate out of a role's table.

>>> from akhbar.kb import load_kb
>>> from akhbar.records import Article
>>> from akhbar.extract.units import read_units
>>> from akhbar.extract.candidates import candidates
>>> units = read_units(None, Article("x", "x.txt", "أدانت الجزائر الهجوم الإسرائيلي على غزة."), load_kb())
>>> s = units.sentences[0]
>>> f = frame(units, s, s.triggers[0])
>>> [(c.ref.surface, excluded(f, "agent", c, {})) for c in candidates(units, s)]
[('الجزائر', 'accuser or judge'), ('الإسرائيلي', None), ('غزة', None)]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from akhbar.analysis.normalise import ellipsis_ends
from akhbar.extract.actors import ActorRef
from akhbar.extract.candidates import FREQUENT, Candidate
from akhbar.extract.coordination import (
    asked_to_stop,
    blame,
    condemner,
    content_after_addressee,
    content_opener,
    owns_positions,
    patron,
    speaker_places,
    starts_clause,
    stop_asker,
    warner_against,
)
from akhbar.extract.events import Trigger, phrase_subject
from akhbar.extract.features import (
    answered_from,
    attack_subject,
    controlling_verb,
    in_apposition,
    in_relative_on_mention,
    instrument_subject,
    means_of,
    resumptive_subject,
    trigger_pos,
    undergone_from,
    unnamed_subject,
)
from akhbar.extract.lexicon import Lexicon
from akhbar.extract.parties import (
    is_person,
    outlet_nationality,
    own_voice,
    threat_parties,
    undergone_from_clause,
)
from akhbar.extract.text import proclitic
from akhbar.extract.units import ArticleUnits, SentenceUnit

EARLIER = frozenset({"بعد", "عقب", "اثر", "غداه", "اعقاب"})  # (normalised) "after": an earlier act follows


@dataclass(frozen=True)
class Frame:
    """What the rules read of one trigger's sentence, worked out once (see `frame`)."""

    units: ArticleUnits
    s: SentenceUnit
    trig: Trigger
    opener: int | None  # where a demand's or warning's content opens (بوقف، من أن)
    content: int | None  # where the content after an addressee opens (حذر X Y من أن Z)
    undergone: int | None  # the verb of undergoing before an attack noun (تعرضت X لهجوم)
    verb: Trigger | None  # the attack or killing whose means the trigger is (قتل … بغارة)
    subject_role: str | None  # the role a fixed expression's subject plays (إيران سترد، إسرائيل ستدفع الثمن)
    where_said: set[int]  # first words of the places a speaker speaks from
    manner: bool  # the trigger is a participle of manner (مهددا)
    threatener: ActorRef | None  # who threatens the attack the trigger names (هددت إيران إسرائيل بضربات)
    threatened: set[int]  # first words of who is threatened
    addressee: ActorRef | None  # the one a demand is addressed to with لـ (أكد بلينكن لنتنياهو ضرورة)
    voice: set[str]  # whose words name the enemy's act (العدوان)
    weapon: tuple[int, int]  # the words of a weapon that is the verb's subject
    warner: ActorRef | None  # who warns against the attack (حذرت مصر من اقتحام رفح)
    intervener: ActorRef | None  # who is asked to act so that the attack stops (طالبت واشنطن بالتدخل لوقف العدوان)
    stopper: ActorRef | None  # who is asked to stop the attack (طالبت روسيا الولايات المتحدة بوقف الضربات)
    asker: ActorRef | None  # who asks that it stop (حثت قطر الطرفين على تجنب استهداف المدنيين)
    blamer: ActorRef | None  # who blames someone for it
    accused: ActorRef | None  # whom he blames
    judge: ActorRef | None  # who condemns, rejects or comments on it
    struck_subject: bool  # the subject is the attack itself or attackers left unnamed
    unknown: bool  # the text calls the subject, a weapon or attackers, unknown (مسيرة مجهولة)
    killed: bool  # the trigger is a killing noun (اغتيال)
    answered: int | None  # the response word before the attack the trigger names as answered (ردا على اغتيال)
    answers: int | None  # the word after the trigger that names an attack it answers or follows (ردا على، بعد)
    next_clause: int | None  # where a clause of a new subject opens after the trigger (وإسلام آباد ترد)
    own_clause: int | None  # where the trigger's own clause of a new subject opens, if it does (وأوكرانيا ترد بقصف)
    clause_subject: ActorRef | None  # that clause's subject, when its verb governs the trigger (وإسلام آباد ترد بقصف)


def frame(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> Frame:
    """What the exclusions (and the forced participants of `trigger_scores`) read of one trigger's sentence."""
    lex = units.lex
    attack = trig.core == "Attack"
    opener = content_opener(s, trig, lex)
    threatener, threatened = threat_parties(s, trig, lex)
    blamer, accused = blame(s, trig, lex) if attack else (None, None)
    return Frame(
        units=units, s=s, trig=trig, opener=opener,
        content=content_after_addressee(s, trig, lex, opener),
        undergone=undergone_from(s, trig, lex) if trig.core in ("Attack", "Pressure") else None,
        # (تتعرض الحكومة لضغوط أمريكية: what undergoes a pressure does not exert it either)
        verb=means_of(s, trig, lex),
        subject_role=phrase_subject(s.words, trig, lex),
        where_said=speaker_places(s, trig, lex),
        manner=trig.last - trig.first == 1 and s.words[trig.first].norm in lex.participles,
        threatener=threatener, threatened=threatened,
        addressee=next((r for r in s.refs if trig.addressed is not None and trig.addressed < r.first
                        and r.last <= trig.first and (proclitic(s.words[r.first], r.start).endswith("ل")
                                                      or _in_talks(s, r, lex))),
                       None),
        voice=own_voice(units, s) if attack and s.words[trig.first].key in lex.particles["pejorative"] else set(),
        weapon=instrument_subject(s, trig, lex) if trigger_pos(trig) == "verb" else resumptive_subject(s, trig, lex),
        warner=warner_against(s, trig, lex) if attack else None,
        intervener=asked_to_stop(s, trig, lex, intervene=True) if attack else None,
        stopper=asked_to_stop(s, trig, lex) if attack else None,
        asker=stop_asker(s, trig, lex) if attack else None,
        blamer=blamer, accused=accused,
        judge=condemner(s, trig, lex) if attack or trigger_pos(trig) == "noun" else None,
        # (رفضت إثيوبيا التحذيرات المصرية، ندد الكرملين بالتهديدات الأمريكية: who rejects a threat is not its author)
        struck_subject=attack and (attack_subject(s, trig) or any(
            v.last == trig.first and attack_subject(s, v) for v in s.triggers)  # (the verb's and its subject noun's)
            or unnamed_subject(s, trig, lex)),
        killed=trig.action == "TargetedKilling" and trigger_pos(trig) == "noun",
        unknown=attack and _unknown_subject(s, trig, lex),
        answered=answered_from(s, trig, lex),
        answers=min((k for t in s.triggers if t is not trig and (k := earlier_act(s, t, lex)) is not None
                     and k >= trig.last), default=None) if attack else None,
        next_clause=next_clause(units, s, trig),
        own_clause=(opened := own_clause(units, s, trig)),
        clause_subject=clause_subject(s, trig, opened, lex),
    )


def earlier_act(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> int | None:
    """The word that names the trigger's attack as one answered or one before (ردا على هجوم، بعد هجوم، إثر
    استهداف): what the sentence's other attacks name past it belongs to that act. None for any other trigger."""
    k = answered_from(s, trig, lex)
    if k is None and trig.core == "Attack" and trig.first > 0 and s.words[trig.first - 1].norm in EARLIER:
        k = trig.first - 1
    return k


def own_clause(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> int | None:
    """The first word of the clause the trigger stands in when it opens with و, a new subject and its verb after an
    earlier clause (الجيش يقصف مواقع في خاركيف وأوكرانيا ترد بقصف مواقع روسية): that subject acts; the mentions
    before it are another verb's. None if the trigger's clause is the sentence's first.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> units = read_units(None, Article("x", "x.txt", "الهند تقصف مواقع في باكستان وإسلام آباد ترد بقصف."), load_kb())
    >>> s = units.sentences[0]
    >>> s.words[own_clause(units, s, s.triggers[-1])].text, own_clause(units, s, s.triggers[0])
    ('وإسلام', None)
    """
    return max((first for first, last in clause_openers(units, s) if 0 < first and last <= trig.first), default=None)


def clause_subject(s: SentenceUnit, trig: Trigger, opened: int | None, lex: Lexicon) -> ActorRef | None:
    """The subject of the clause the trigger's own clause opens with (`own_clause`), when the verb right after that
    subject governs the trigger: the trigger itself, its light verb, or the verb of answering or carrying out that
    controls it (والجيش يشن غارات على كردفان، وإسلام آباد ترد بقصف مواقع هندية: the army, Islamabad); else None.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> units = read_units(None, Article("x", "x.txt", "الهند تقصف مواقع في باكستان وإسلام آباد ترد بقصف."), load_kb())
    >>> s = units.sentences[0]
    >>> clause_subject(s, s.triggers[-1], own_clause(units, s, s.triggers[-1]), units.lex).surface
    'إسلام آباد'
    """
    if opened is None:
        return None
    subject = next((r for r in s.refs if r.first == opened), None)
    if subject is None:
        return None
    verb = subject.last
    governs = verb in (trig.first, trig.light) or verb == controlling_verb(s, trig, lex)
    return subject if governs else None


def next_clause(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> int | None:
    """The first word of a clause after the trigger that opens with و, a new subject and its verb (الحوثيون
    يستهدفون مأرب والتحالف يرد بغارات على صنعاء): its mentions are that verb's, none of the trigger's. None if none.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> units = read_units(None, Article("x", "x.txt", "الهند تقصف مواقع في باكستان وإسلام آباد ترد بقصف."), load_kb())
    >>> s = units.sentences[0]
    >>> s.words[next_clause(units, s, s.triggers[0])].text
    'وإسلام'
    """
    return next((first for first, _ in clause_openers(units, s) if first >= trig.last), None)


def clause_openers(units: ArticleUnits, s: SentenceUnit) -> tuple[tuple[int, int], ...]:
    """The spans of the sentence's mentions that open a clause of a new subject with و (`starts_clause`), and the
    first word after an ellipsis outside quotes (an empty span), left to right, read once per sentence: each
    trigger's own clause and next clause are found among them."""
    cache: dict[int, tuple[tuple[int, int], ...]] = units.__dict__.setdefault("_clause_openers", {})
    if s.index not in cache:
        text = units.article.text
        openers = {(r.first, r.last) for r in s.refs if proclitic(s.words[r.first], r.start) == "و"
                   and starts_clause(s, r, units.lex)}
        cuts = {s.start + end for end in ellipsis_ends(text[s.start:s.end])}
        openers |= {(k, k) for k in range(1, len(s.words)) if s.words[k].start > s.words[k - 1].end
                    and any(s.words[k - 1].end <= c <= s.words[k].start for c in cuts)}
        # (two headlines joined by "..": the second opens a clause, whatever its word order)
        cache[s.index] = tuple(sorted(openers))
    return cache[s.index]


def _in_talks(s: SentenceUnit, ref: ActorRef, lex: Lexicon) -> bool:
    """Whether a mention is the one spoken with, after مع and a word of talks (أكد الوزير في اتصال مع نظيره الإيراني
    ضرورة: the demand is addressed to him, as with لـ)."""
    k = ref.first
    return k > 1 and s.words[k - 1].norm == "مع" and s.words[k - 2].key in lex.heads["talks"]


TALK_REACH = 12  # words from a call's verb to the one spoken with in the aside after its subject


def talks_addressee(s: SentenceUnit, trig: Trigger, lex: Lexicon, opener: int | None) -> ActorRef | None:
    """The one spoken with in an aside between a call and what it asks, when the call names no one else (دعا
    الرئيس التركي، خلال اتصال هاتفي مع نظيره الصومالي، إلى تجنب التصعيد؛ حث الوزير، في اتصال مع نظيره، على):
    the demand is addressed to him (GUIDELINES §2 and §3), as when the talks come first. None unless only the
    caller stands between the verb and the aside, and what it asks opens right after it (`opener`, the
    trigger's `content_opener`).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "دعا الرئيس المصري، خلال اتصال هاتفي مع نظيره الإثيوبي، إلى تجنب التصعيد."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> talks_addressee(s, s.triggers[0], units.lex, content_opener(s, s.triggers[0], units.lex)).surface
    'نظيره الإثيوبي'
    """
    words = s.words
    refs = [r for r in s.refs if trig.last <= r.first < trig.last + TALK_REACH]
    talk = next((r for r in refs if _in_talks(s, r, lex)), None)
    if talk is None or talk.last >= len(words) or not words[talk.last - 1].comma_after:
        return None
    between = [r for r in refs if r.first < talk.first]
    if len(between) > 1 or (between and between[0].first != trig.last):
        return None  # (an object stands between: دعا X Y، خلال اتصال مع Z، إلى — Y is addressed; دعا الوزير إيران)
    return talk if opener == talk.last else None


def _unknown_subject(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> bool:
    """Whether the text says the attack's author is unknown: a word of `heads.unknown` in the weapon or attackers
    that are the verb's subject, after it or right before it (قصفت طائرة مجهولة، مسيرة مجهولة استهدفت، هاجم مسلحون
    مجهولون; GUIDELINES §3: an unstated agent is null)."""
    if trigger_pos(trig) != "verb":
        return False
    first, last = instrument_subject(s, trig, lex)
    span = range(first, last) if last > first else range(max(0, trig.first - UNKNOWN_REACH), trig.first)
    return any(s.words[k].key in lex.heads["unknown"] and not s.words[k].breaks_after for k in span) \
        or (trig.last < len(s.words) and s.words[trig.last].key in lex.heads["unnamed_attacker"]
            and any(w.key in lex.heads["unknown"] for w in s.words[trig.last:trig.last + 2]))


UNKNOWN_REACH = 3  # words before a verb where its unknown subject stands (مسيرة مجهولة استهدفت)
Test = Callable[[Frame, Candidate, dict[str, float], str], bool]


@dataclass(frozen=True)
class Exclusion:
    """One rule: the role it bars ("agent", "target", or None for both), its test, and what it reads."""

    name: str
    role: str | None
    test: Test
    reads: str


def _here(f: Frame, c: Candidate) -> bool:
    return c.sentence == f.s.index


def _after(f: Frame, c: Candidate) -> bool:
    return _here(f, c) and c.ref.first >= f.trig.last


def _deep_in_content(f: Frame, c: Candidate) -> bool:
    """Whether a mention after a demand of necessity (أكد ضرورة احترام سيادة سوريا) lies deeper in its content than
    the verbal noun's own genitive (ضرورة وقف إسرائيل هجماتها; past عدم: بضرورة عدم السماح): the owner of what is
    to be respected or done, never the one the demand addresses."""
    if f.trig.addressed is None or not _after(f, c):
        return False
    direct = f.trig.last + (2 if f.trig.last < len(f.s.words) and f.s.words[f.trig.last].norm.lstrip("ب") == "عدم"
                            else 1)
    return c.ref.first > direct


EXCLUSIONS: tuple[Exclusion, ...] = (
    Exclusion("patron", None, lambda f, c, x, r: patron(f.units.sentences[c.sentence], c.ref, f.units.lex),
              "جماعة X المرتبطة بتنظيم القاعدة: the patron only describes the group"),
    Exclusion("protagonist", "agent", lambda f, c, x, r: c.source == FREQUENT,
              "an article's protagonist is a candidate target; as an author it was never right on dev"),
    Exclusion("defender", "agent", lambda f, c, x, r: "repels=True" in x,
              "تصدت X للهجوم: who repels an attack is not its author, GUIDELINES §2"),
    Exclusion("outlet's state", None, lambda f, c, x, r: _here(f, c) and outlet_nationality(f.s, c.ref, f.units.lex),
              "قال موقع أكسيوس الأمريكي إن: the nisba tells which state the outlet is of, GUIDELINES §3"),
    Exclusion("source", "agent", lambda f, c, x, r: f.trig.core == "Attack" and _here(f, c)
              and f.s.words[c.ref.first].norm in f.units.lex.particles["source_nouns"],
              "قالت مصادر أمنية عراقية إن طائرة مسيرة استهدفت القاعدة: a source reports, GUIDELINES §3"),
    Exclusion("described", "agent", lambda f, c, x, r: _here(f, c)
              and in_relative_on_mention(f.s, f.trig, c.ref, f.units.lex),
              "استهدفت الغارات مطار نيالا الذي تستخدمه قوات الدعم السريع: what describes the target"),
    Exclusion("apposition", None, lambda f, c, x, r: _here(f, c) and in_apposition(f.s, f.trig, c.ref, f.units.lex),
              "وتبنت المقاومة، وهي تحالف يضم فصائل موالية لإيران، الهجوم: what describes a party takes no part"),
    Exclusion("killed", "agent", lambda f, c, x, r: f.killed and "gen=True" in x and "slot=post0" in x
              and is_person(f.units, c.ref),
              "اغتيال إسماعيل هنية: the person a killing noun governs is killed, GUIDELINES §6"),
    Exclusion("owner struck", "agent", lambda f, c, x, r: f.trig.core == "Attack" and _after(f, c)
              and owns_positions(f.s, c.ref, f.units.lex) and not f.weapon[0] < c.ref.first < f.weapon[1],
              "قصفت الطائرات مقرات حركة الشباب: the owner of what was struck, GUIDELINES §3 (قصفت طائرات الاحتلال: "
              "the weapon's owner is no such owner)"),
    Exclusion("threatened", "agent", lambda f, c, x, r: _here(f, c) and (c.ref.first in f.threatened or bool(
        set(c.ref.iris) & {i for m in f.s.refs if m.first in f.threatened for i in m.iris})),  # (or named again)
              "هددت كوريا الشمالية اليابان بضربات: the one threatened does not strike"),
    Exclusion("manner object", "agent", lambda f, c, x, r: f.manner and _after(f, c),
              "بوتين مهددا الغرب: a participle of manner has its subject before it, its object after"),
    Exclusion("speaker's place", "target", lambda f, c, x, r: _here(f, c) and c.ref.first in f.where_said,
              "وقالت تنسيقية لجان المقاومة في الفاشر إن القصف: where the speaker is"),
    Exclusion("enemy's act", "agent", lambda f, c, x, r: bool(f.voice) and any(i in f.voice for i in c.ref.iris),
              "وأضاف [المتحدث الحوثي] أن العمليات ستستمر حتى يتوقف العدوان: the enemy's act"),
    Exclusion("phrase subject", None, lambda f, c, x, r: _here(f, c) and f.subject_role not in (None, r)
              and "slot=pre0" in x, "إيران سترد: the responder; إسرائيل ستدفع الثمن: the one who will pay"),
    Exclusion("asked to intervene", "agent", lambda f, c, x, r: _here(f, c) and c.ref is f.intervener,
              "طالبت الرئاسة الإدارة الأمريكية بالتدخل لوقف العدوان: the one asked to stop another's act"),
    Exclusion("accuser or judge", "agent", lambda f, c, x, r: _here(f, c) and c.ref in (f.blamer, f.judge),
              "حملت إيران واشنطن مسؤولية الهجوم، أدانت الجزائر الهجوم: the accuser or the judge, GUIDELINES §3"),
    Exclusion("judge as target", "target", lambda f, c, x, r: _here(f, c) and c.ref is f.judge
              and f.trig.core == "Attack",
              "أدانت السعودية الهجوم الإيراني: who condemns an attack judges it, as an audience (GUIDELINES §2, §3); "
              "on dev never its target"),
    Exclusion("deep in content", "target", lambda f, c, x, r: _deep_in_content(f, c),
              "أكد ضرورة احترام سيادة سوريا: whose sovereignty is to be respected is not addressed, GUIDELINES §2"),
    Exclusion("before what is asked", "target", lambda f, c, x, r: f.stopper is not None and _here(f, c)
              and c.ref.last <= f.trig.first,
              "حثت واشنطن القاهرة على الضغط على X لوقف الهجمات: what is to stop strikes what follows it, if anything"),
    Exclusion("asker", "agent", lambda f, c, x, r: _here(f, c) and c.ref is f.asker,
              "حثت قطر الطرفين على تجنب استهداف المدنيين: who asks that an attack stop is not its author"),
    Exclusion("warner", "agent", lambda f, c, x, r: _here(f, c) and c.ref is f.warner,
              "حذرت مصر من اقتحام رفح: one warns against what others may do"),
    Exclusion("undergoer", "agent", lambda f, c, x, r: f.undergone is not None and _here(f, c)
              and undergone_from_clause(f.s, f.undergone, f.units.lex) < c.ref.first and c.ref.last <= f.trig.first,
              "تعرضت قاعدة تستضيف قوات أمريكية لهجوم: what undergoes it and its description"),
    Exclusion("means object", "agent", lambda f, c, x, r: f.verb is not None and _here(f, c)
              and f.verb.last <= c.ref.first and c.ref.last <= f.trig.first,
              "اغتال الجيش القيادي في حزب الله في غارة: the verb's object, not the strike's author"),
    Exclusion("responder", "agent", lambda f, c, x, r: f.answered is not None and _here(f, c)
              and c.ref.last <= f.answered,
              "قال الحرس إن القصف جاء ردا على اغتيال سليماني: who responds is not the author of the act answered"),
    Exclusion("provocation", "target", lambda f, c, x, r: f.answers is not None and _here(f, c)
              and c.ref.first > f.answers,
              "قصفت إسرائيل غزة ردا على (بعد) هجوم لحماس على الجولان: what the answered or earlier attack names is "
              "not struck by this one"),
    Exclusion("addressed after", "target", lambda f, c, x, r: f.trig.core == "Attack" and _here(f, c)
              and any(t.core in ("Warning", "Pressure") and f.trig.last <= t.first and t.last <= c.ref.first
                      and t.last - t.first == 1 and f.s.words[t.first].norm in f.units.lex.participles
                      and f.s.words[t.first - 1].comma_after for t in f.s.triggers),
              "وصفت مصر القصف الإسرائيلي بأنه جريمة، مطالبة مجلس الأمن بالتحرك: who a later participle addresses "
              "is not struck"),
    Exclusion("unknown author", "agent", lambda f, c, x, r: f.unknown,
              "قصفت طائرة مسيرة مجهولة بلدة: the text says its author is unknown, GUIDELINES §3 (null agent)"),
    Exclusion("struck", "agent", lambda f, c, x, r: f.struck_subject and _after(f, c),
              "استهدفت الغارات كابل: the attack is the subject, what follows was struck"),
    Exclusion("after the addressee", "target", lambda f, c, x, r: f.addressee is not None and _after(f, c),
              "أكد بلينكن لنتنياهو ضرورة حماية المدنيين: the لـ mention is addressed, GUIDELINES §2"),
    Exclusion("content", "target", lambda f, c, x, r: f.content is not None and _here(f, c)
              and c.ref.first > f.content, "حذر X Y من أن Z: Y is addressed, Z is what the warning is about"),
    Exclusion("oblique object", "agent", lambda f, c, x, r: _after(f, c) and "oblique=True" in x
              and "slot=post0" in x and trigger_pos(f.trig) in ("verb", "addressed"),
              "ودعت الجانبين إلى ضبط النفس: a dual or plural in the oblique case is the verb's object, no subject"),
    Exclusion("later clause", None, lambda f, c, x, r: f.next_clause is not None and _here(f, c)
              and c.ref.first >= f.next_clause,
              "الهند تقصف معسكرات في باكستان وإسلام آباد ترد بقصف مواقع هندية: the next clause, its subject on, "
              "is another act's"),
    Exclusion("earlier clause", "agent", lambda f, c, x, r: f.own_clause is not None and _here(f, c)
              and c.ref.last <= f.own_clause,
              "الهند تقصف معسكرات وإسلام آباد ترد بقصف مواقع هندية: the trigger's clause has its own subject; who "
              "acts in the clause before may be its target, never its author"),
    Exclusion("asked", "agent", lambda f, c, x, r: f.opener is not None and _here(f, c) and c.ref.first > f.opener,
              "طالب نواب مجلس الأمن بوقف الانتهاكات الإسرائيلية: what is asked names no asker"),
)


def excluded(f: Frame, role: str, cand: Candidate, feats: dict[str, float]) -> str | None:
    """The name of the first rule of `EXCLUSIONS` that bars a candidate from a role of the frame's trigger, or
    None."""
    for rule in EXCLUSIONS:
        if rule.role in (None, role) and rule.test(f, cand, feats, role):
            return rule.name
    return None
