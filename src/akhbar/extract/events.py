"""Triggers of events in one sentence, from the lexicon: verbs by form, verbal nouns, light-verb phrases
(شن هجوما، وجه تحذيرا), addressed demands (أكد لـ X ضرورة) and fixed expressions (لن يمر دون رد).

Their participants are chosen elsewhere (`candidates`, `features`, `linker`); their modality by
`modality`.
"""

from __future__ import annotations

from dataclasses import dataclass

from akhbar.extract.lexicon import Lexicon, TriggerEntry, candidates
from akhbar.extract.text import ADJECTIVE_ENDINGS, CLAUSE_BREAK, COMMAS, Word, clause_word_before, definite

LINK_PRONOUNS = ("ه", "ها", "هم", "هما")  # a verb's attached object: a relative clause's link to its head
INSTRUMENT_REACH = 6  # words from an attack verb to an instrument noun of its own act (بغارات، برشقة)
RELATIVE_REACH = 3  # words before a verb with an object pronoun that may hold what the pronoun stands for
WEAPON_REACH = 10  # words after a verb of launching or hitting within which its weapon stands (a subject, a time and a
# quantity come between: أطلقت القوات الروسية وابلا من الصواريخ)

CORE = {"Warning": "Warning", "Threat": "Warning", "Attack": "Attack", "AirStrike": "Attack", "DroneAttack": "Attack",
        "MissileStrike": "Attack", "RocketFire": "Attack", "Shelling": "Attack", "TargetedKilling": "Attack",
        "Pressure": "Pressure", "Demand": "Pressure"}

@dataclass
class Trigger:
    """A trigger word (or phrase) of an action in a sentence."""

    first: int
    last: int
    action: str
    entry: TriggerEntry | None
    light: int | None = None  # word index of the light verb that carries this noun
    phrase: bool = False
    addressed: int | None = None  # word index of the emphasis verb of an addressed demand (أكد لـ X ضرورة)

    @property
    def core(self) -> str:
        """Warning, Attack or Pressure."""
        return CORE[self.action]


def coordinated_verb(words: list[Word], trig: Trigger) -> bool:
    """Whether a trigger is a verb (or a light verb's noun) joined to the clause before it by و (تتهم أفغانستان
    بإيواء مسلحين وتشن غارات، ودعت التحالف): a clause of its own, whose subject may be the one before it.

    >>> from akhbar.extract.text import words_of
    >>> words = words_of("وتشن غارات")
    >>> coordinated_verb(words, Trigger(1, 2, "AirStrike", None, light=0))
    True
    """
    head = trig.light if trig.light is not None else trig.first
    return words[head].norm.startswith("و") and (trig.light is not None or (
        trig.entry is not None and trig.entry.pos == "verb" and joined_verbal_noun(words, head) is None))


def joined_verbal_noun(words: list[Word], head: int) -> int | None:
    """For a word joined by و that reads as a verbal noun after an act named with بـ and a verbal noun (بخرق وقف
    إطلاق النار وقصف قطاعي، بتمشيط المنطقة وقصف مواقع), the word of that first act: the two are one list of acts in
    one clause, not a verb of a clause of its own. None for a verb with its prefix or suffix (وتشن، وقصفت) or when no
    such act stands before it in the clause, with no comma between.

    >>> from akhbar.extract.text import words_of
    >>> words = words_of("اتهم الجيش القوات بخرق الهدنة وقصف القرى")
    >>> joined_verbal_noun(words, 5), joined_verbal_noun(words_of("بخرق الهدنة وقصفت القرى"), 2)
    (3, None)
    """
    bare = words[head].norm[1:] if words[head].norm.startswith("و") else ""
    if len(bare) != 3 or bare.startswith(("ت", "ي", "ن")):
        return None  # (a masdar of فعل reads like its perfect: قصف، ضرب)
    for k in range(head - 1, max(-1, head - JOINED_REACH), -1):
        if words[k].breaks_after or words[k].comma_after:
            return None
        if words[k].norm.startswith("ب") and len(words[k].norm) >= 4 and not words[k].norm.startswith("بين"):
            return k
    return None


JOINED_REACH = 6  # words from a verbal noun joined by و back to the act with بـ it continues


MONTH_BEFORE = frozenset({"في", "منذ", "خلال", "حتى", "مطلع", "اواخر", "اوايل", "منتصف", "شهر", "بداية", "نهاية"})
MONTH_AFTER = frozenset({"الماضي", "المقبل", "الجاري", "المنصرم", "القادم"})


def _month(words: list[Word], i: int, lex: Lexicon) -> bool:
    """Whether word i is a month's name where a verb of the same letters could be read (في مارس الماضي: March, not
    مارس "exercised"): a time word of the lexicon after a preposition of time or a number, or before الماضي, المقبل."""
    if words[i].norm not in lex.heads["phrase_stop"]:
        return False
    before = words[i - 1].norm if i > 0 else ""
    after = words[i + 1].norm if i + 1 < len(words) else ""
    return before.lstrip("و") in MONTH_BEFORE or before.isdigit() or after in MONTH_AFTER or after.isdigit()


def find_triggers(words: list[Word], lex: Lexicon, text: str) -> list[Trigger]:
    """Trigger words and phrases of a sentence, left to right."""
    out: list[Trigger] = []
    taken: set[int] = set()
    index = lex.phrase_index
    for i in range(len(words)):
        norm = words[i].norm
        bare = norm.lstrip("وف")
        if norm not in index and bare not in index:
            continue  # (most words: no phrase starts with them)
        for pos in candidates(index, (norm, bare)):
            phrase, action = lex.phrases[pos]
            n = len(phrase)
            if tuple(w.norm for w in words[i:i + n]) == phrase or (
                    i + n <= len(words) and words[i].norm.lstrip("وف") == phrase[0]
                    and tuple(w.norm for w in words[i + 1:i + n]) == phrase[1:]):
                out.append(Trigger(i, i + n, action, None, phrase=True))
                taken.update(range(i, i + n))
                break
    for i, w in enumerate(words):
        if i in taken:
            continue
        if w.norm in lex.light_verbs and not _month(words, i, lex) \
                and not any(words[j].norm in lex.particles["cessation"] for j in (i - 1, i - 2)
                            if j >= 0 and not words[j].breaks_after) \
                and not (i > 0 and not words[i - 1].gap_after.strip()
                         and words[i - 1].norm.lstrip("و") in lex.particles["launchers"]
                         and (w.norm.startswith("ل") or not w.norm.startswith("ال"))):
            # (وقف إطلاق النار، وقف فوري لإطلاق النار: a ceasefire, the firing it names is stopped, not done; منصات
            # إطلاق صواريخ: launch pads, a thing, not a launch)
            blocked = False  # (past the window, only across the verb's subject: no clause, verb or relative)
            for k in range(i + 1, min(i + 1 + max(lex.light_window, lex.light_reach), len(words))):
                blocked = blocked or (k > i + 1 and _ends_light_reach(words, k, lex))
                if blocked and k - i > lex.light_window:
                    break
                e = lex.noun_triggers.get(words[k].norm)  # وجهت ضربة: after a light verb, a noun
                if e and (k - i <= lex.light_window or words[k].norm in lex.triggers) and _needs_ok(words, k, e, lex):
                    out.append(Trigger(k, k + 1, e.action, e, light=i))
                    taken.update((i, k))
                    break
            if i in taken:
                continue
        e = lex.triggers.get(w.norm)
        if e is None or not _needs_ok(words, i, e, lex):
            continue
        if w.norm in lex.manner_only and not (i > 0 and words[i - 1].comma_after):
            continue  # (داعية: a participle of manner only after its clause's comma; else "preacher")
        if e.pos == "verb" and i > 0 and words[i - 1].norm in lex.particles["relative_what"]:
            continue  # "ما يلزم": a relative clause, not an act
        if CORE[e.action] == "Pressure" and i + 2 < len(words) and words[i + 1].norm == "عدم" \
                and words[i + 2].norm.lstrip("ل") in lex.particles["anonymity"]:
            continue  # "مسؤول، طلب عدم الكشف عن اسمه": a source asking not to be named, no demand
        if e.pos == "verb" and names_place(words, i, lex):
            continue  # "ناحية سيدكان": a place's own name that reads as a verb
        if e.pos == "verb" and i > 0 and w.norm.startswith("و") and words[i - 1].norm.lstrip("و") in lex.repel_words:
            continue  # "اعترضت ودمرت ثلاثة صواريخ": destroying what was intercepted is the interception (§2)
        if CORE[e.action] == "Warning" and i + 1 < len(words) and not w.gap_after.strip() \
                and any(stem in w.norm for stem in ENDANGER_STEMS) and _endangers(words, i + 1, lex):
            continue  # "يهدد حياة المدنيين، تهدد أكثر من مليون فلسطيني": a danger to something, no warning to a party
            # (only هدد reads so: محذرا سكان المدينة من البقاء warns the people)
        if CORE[e.action] == "Attack" and e.pos == "verb" and _air_defence_subject(words, i, lex):
            continue  # "الدفاعات الجوية دمرت 40 مسيرة": an interception, no attack (GUIDELINES §2)
        if CORE[e.action] == "Warning" and i > 0 and words[i - 1].norm.lstrip("و") in lex.particles["alarms"]:
            continue  # "صفارات الإنذار": a device that sounds the alarm, no warning to a party
        if CORE[e.action] in ("Warning", "Pressure") and any(x.norm.lstrip("ول") in lex.particles["own_nationals"]
                                                             for x in words[i + 1:i + 4]):
            continue  # "حذرت الولايات المتحدة رعاياها من السفر إلى لبنان، دعت مواطنيها إلى المغادرة": advice to
            # one's own people, no warning or demand to a party
        if CORE[e.action] == "Warning" and e.pos == "noun" and any(
                words[k].norm.lstrip("و") in lex.particles["without"] for k in range(max(0, i - 2), i)):
            continue  # "دون سابق إنذار، بلا تحذير": the act came with no warning
        if CORE[e.action] == "Warning" and e.pos == "noun" and _predicate_of_being(words, i, lex):
            continue  # "يشكل تهديدا للمدينة، يشكل الهجوم لليوم الثالث تهديدا": something is a danger, nobody warns
        if CORE[e.action] == "Pressure" and any(x.norm.lstrip("و") in lex.particles["blame"]
                                                 for x in words[i + 1:i + 4]):
            continue  # "طالب أن تتحمل X المسؤولية": blame, not pressure
        out.append(Trigger(i, i + 1, e.action, e))
        taken.add(i)
    for i, w in enumerate(words):
        e = lex.noun_triggers.get(w.norm)
        if i in taken or e is None or w.norm in lex.triggers or CORE.get(e.action) != "Attack" \
                or w.norm.startswith(("ال", "و", "ب", "ل", "ف")):
            continue
        k = i + 1  # (صواريخ إيرانية على حيفا: a headline's launched weapons, their nisba, what they were aimed at)
        while k < len(words) and k - i <= LAUNCHED_NISBAS and not words[k - 1].gap_after.strip() \
                and words[k].norm.endswith(ADJECTIVE_ENDINGS) and words[k].norm not in LAUNCH_AIMS:
            k += 1
        if k < len(words) and not words[k - 1].gap_after.strip() and words[k].norm in LAUNCH_AIMS:
            out.append(Trigger(i, i + 1, e.action, e))
            taken.add(i)
    for action, verbs, nouns, window in lex.addressed:
        for i, w in enumerate(words):
            if i in taken or w.norm not in nouns:
                continue
            for v in range(i - 1, max(-1, i - 1 - window), -1):
                if words[v].breaks_after:
                    break  # (within the sentence's clause)
                if words[v].norm in verbs or words[v].norm.lstrip("و") in verbs:
                    out.append(Trigger(i, i + 1, action, None, addressed=v))
                    taken.add(i)
                    break
    out.sort(key=lambda t: t.first)
    # an instrument noun after a verb of the same action, in its clause, is that verb's (استهدفت بقصف جوي، قصفت
    # مستوطنة سديروت برشقة صاروخية): one event, with the verb's participants (a demand's بالضغط further on is
    # its content: طالب الرئيس أوروبا بالضغط على روسيا)
    verbs = [t for t in out if t.entry is not None and t.entry.pos == "verb"]
    control = lex.particles["control_verbs"]
    return [t for t in out if not (
        t.entry is not None and t.entry.pos == "noun" and words[t.first].norm.startswith("ب")
        and any(v.core == t.core and 0 < t.first - v.first <= (INSTRUMENT_REACH if t.core == "Attack" else 2)
                and not any(w.breaks_after or w.comma_after for w in words[v.first:t.first])
                and not any(w.norm.lstrip("و") in control for w in words[v.last:t.first]) for v in verbs))
        and not threat_content(t, out, words, lex)]
    # (a verb between that controls the noun has it for its own act: الجيش يقصف مواقع وروسيا ترد بضربات)


def phrase_subject(words: list[Word], trig: Trigger, lex: Lexicon) -> str | None:
    """The role the subject of a fixed expression plays: "agent" (إيران سترد), "target" (إسرائيل ستدفع الثمن), or
    None when the lexicon does not say."""
    if not trig.phrase:
        return None
    norms = [w.norm for w in words[trig.first:trig.last]]
    return lex.phrase_subject.get(tuple(norms)) or lex.phrase_subject.get((norms[0].lstrip("وف"), *norms[1:]))


def threat_content(trig: Trigger, triggers: list[Trigger], words: list[Word], lex: Lexicon) -> bool:
    """Whether a fixed threat phrase says what a warning word before it in the sentence threatens (حذرت واشنطن
    لبنان من "عواقب خطيرة"، أطلق تهديدات ضد الجيش مؤكدا أن أي طائرة ستكون "هدفا مشروعا"): the content of that
    warning, one event with the warning word's participants (GUIDELINES §2 annotates the warning, not each of
    its words). A phrase whose subject plays a role (سيندم، سنرد) keeps its own event.

    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.text import words_of
    >>> lex = load_lexicon()
    >>> words = words_of("حذرت واشنطن لبنان من عواقب خطيرة")
    >>> [t.action for t in find_triggers(words, lex, "حذرت واشنطن لبنان من عواقب خطيرة")]
    ['Warning']
    """
    if not trig.phrase or trig.core != "Warning" or phrase_subject(words, trig, lex) is not None:
        return False
    whiles = lex.modality["conditional"]["while"]  # (حذرت إيران من التصعيد، فيما قال X إن الرد سيأتي: another
    # speaker's clause)
    return any(t.core == "Warning" and not t.phrase and t.last <= trig.first
               and not any(w.norm in whiles for w in words[t.last:trig.first]) for t in triggers)


def launched_before(word: Word, entry: TriggerEntry | None) -> bool:
    """Whether a verb of launching carries the pronoun of a weapon named before it (صاروخا أطلقه حزب الله، الطائرة
    التي أطلقها الحوثيون): a relative clause on the weapon, which is read from the words before the verb."""
    return entry is not None and entry.requires_weapon and word.norm.endswith(LINK_PRONOUNS)


def names_place(words: list[Word], i: int, lex: Lexicon) -> bool:
    """Whether word `i` is the proper name of the place whose indefinite head noun comes right before it (قرية
    X، ناحية X): a verb there would need an object pronoun pointing back to the head (قرية هاجمها مستوطنون).

    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.text import words_of
    >>> words = words_of("قصفت المدفعية قرى في ناحية سيدكان")
    >>> names_place(words, 5, load_lexicon()), names_place(words, 0, load_lexicon())
    (True, False)
    """
    if i == 0 or words[i - 1].breaks_after or words[i - 1].comma_after or words[i - 1].norm.startswith("ال"):
        return False
    head = words[i - 1].norm.lstrip("و")
    return (head in lex.heads["place_named"] or head in lex.heads["named_facility"]) \
        and not words[i].norm.endswith(LINK_PRONOUNS)


def _ends_light_reach(words: list[Word], k: int, lex: Lexicon) -> bool:
    """Whether word k lies past what a light verb's subject can span: a clause break or a comma and a
    conjunction before it, a relative pronoun, a verb of the lexicon or another light verb (، ودمرت غارة؛
    الذي يطالب بالوقف … لهجماتهم)."""
    entry = lex.triggers.get(words[k].norm)
    gap = words[k - 1].gap_after
    return any(c in CLAUSE_BREAK for c in gap) or words[k].norm in lex.light_verbs \
        or words[k].norm in lex.particles["relative_pronouns"] or (entry is not None and entry.pos == "verb") \
        or (any(c in COMMAS for c in gap) and words[k].norm.startswith("و"))  # (، ودمرت: a new clause)


CONSTITUTES_REACH = 8  # words from a verb of being (يشكل، يمثل) to the threat noun it predicates, its subject between


def _predicate_of_being(words: list[Word], i: int, lex: Lexicon) -> bool:
    """Whether the noun at word i is what a verb of being says something is (يشكل تهديدا، يشكل الهجوم لليوم الثالث
    على التوالي تهديدا جديا): the verb right before it, or within `CONSTITUTES_REACH` words of its clause when the
    noun has no article (the predicate, not a subject: يشكل التهديد الإيراني خطرا)."""
    if i > 0 and words[i - 1].norm.lstrip("و") in lex.particles["constitutes"]:
        return True
    return not definite(words[i].norm) and \
        clause_word_before(words, i, lex.particles["constitutes"], CONSTITUTES_REACH) is not None


LAUNCH_AIMS = frozenset({"علي", "باتجاه", "نحو", "صوب"})  # (normalised) where launched weapons are aimed
LAUNCHED_NISBAS = 2  # words of nisba or adjective between the weapons and their aim (إيرانية، باليستية)
ENDANGER_STEMS = ("هدد", "هديد")  # (normalised) the one warning word that also means "endanger": يهدد، تهديد


def _endangers(words: list[Word], k: int, lex: Lexicon) -> bool:
    """Whether what a verb of threatening takes at word k is something endangered (حياة، الملاحة) or people,
    past a count (أكثر من مليون فلسطيني، آلاف المدنيين): a danger, not a warning to a party (but حذر من أي هجوم
    is a warning: من opens its content, and only أكثر من counts).

    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.text import words_of
    >>> lex = load_lexicon()
    >>> texts = ("تهدد أكثر من مليون فلسطيني", "حذرت من أي هجوم", "يهدد آلاف المدنيين")
    >>> [_endangers(words_of(t), 1, lex) for t in texts]
    [True, False, True]
    """
    start = k
    while k < len(words) and k - start < ENDANGERED_COUNT_REACH and (
            words[k].norm in COUNT_WORDS or words[k].norm.isdigit()
            or (words[k].norm == "من" and k > start and words[k - 1].norm == "اكثر")):
        k += 1
    if k >= len(words):
        return False
    counted = k > start  # (a nisba alone after the verb may be its subject; after a count it is a people)
    return words[k].norm in lex.particles["endangered"] or any(
        key in lex.heads["population"] for key, _ in words[k].readings) or (
        counted and words[k].norm.endswith(("ي", "يين", "يون")))  # (مليون فلسطيني: people of a nation)


COUNT_WORDS = frozenset({"اكثر", "نحو", "حوالي", "قرابه", "مليون", "ملايين", "الاف", "الف", "مئات", "عشرات"})
ENDANGERED_COUNT_REACH = 4  # words of a count before the people a verb of threatening endangers


def _air_defence_subject(words: list[Word], i: int, lex: Lexicon) -> bool:
    """Whether the verb at word i has air defences for its subject, right before it or right after it (الدفاعات
    الجوية دمرت، دمرت الدفاعات الجوية): what they destroy or strike is intercepted, not attacked."""
    before = [k for k in (i - 2, i - 1) if k >= 0 and not any(w.breaks_after for w in words[k:i])]
    return any(words[k].norm.lstrip("و") in lex.particles["air_defence"] for k in (*before, i + 1)
               if k < len(words))


def _needs_ok(words: list[Word], i: int, e: TriggerEntry, lex: Lexicon) -> bool:
    if e.needs:
        window = words[i + 1:i + 1 + max(e.needs_window, 1)]
        ok = any(w.norm in e.needs or w.key in e.needs or any(len(n) == 1 and w.norm.startswith(n) for n in e.needs)
                 for w in window)
        if not ok:
            return False
    if e.requires_weapon:
        # a verb with its object pronoun takes the weapon from before it (صاروخا أطلقه حزب الله على حيفا، الطائرة
        # التي أطلقها الحوثيون): a relative clause on the weapon
        # (and a weapon right before it is what it launched: صاروخا أُطلق من اليمن باتجاه إيلات, a relative clause)
        before = max(e.weapon_before, RELATIVE_REACH if launched_before(words[i], e) else 1)
        window = words[max(0, i - before):i] + words[i + 1:i + 1 + WEAPON_REACH]
        if not any(w.norm.lstrip("وب") in lex.weapons or w.key in lex.weapons for w in window):
            return False
    return True
