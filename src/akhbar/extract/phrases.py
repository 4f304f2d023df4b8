"""Open noun phrases as candidate targets: what an attack strikes when no actor base names it.

News attacks strike things no base lists ("مستودعات النفط", "منزل في هرتسليا", "محطة كهرباء مظفر آباد"). After
each Attack trigger, and after a preposition of aim (على، ضد …) near it, the noun phrase that is not
already an actor mention becomes a candidate Location: a head noun, the nouns and adjectives that follow
it without punctuation (up to `MAX_WORDS`), and a closing place ("في هرتسليا"). Its shorter left parts
are kept as variant names. The trained scorer decides whether the phrase is the target; only phrases
that end up in an event are written to the graph.

>>> from akhbar.kb import load_kb
>>> from akhbar.records import Article
>>> from akhbar.extract.units import read_units
>>> units = read_units(None, Article("x", "x.txt", "قصفت إسرائيل مستودعات النفط في الميناء."), load_kb())
>>> [p.surface for p in units.sentences[0].phrases]
['مستودعات النفط']
"""

from __future__ import annotations

from akhbar.extract.actors import SPACE_AND_QUOTES, ActorFinder, ActorRef
from akhbar.extract.events import Trigger
from akhbar.extract.lexicon import Lexicon
from akhbar.extract.text import ADJECTIVE_ENDINGS, Word, consequent_future, definite, possessed

MAX_WORDS = 5  # a phrase's words, its closing place included
WINDOW = 8  # words after the trigger searched for a preposition of aim
NOUNISH = frozenset({"NOUN", "PROPN", "ADJ", "X", "NUM"})
HEADS = frozenset({"NOUN", "PROPN", "X"})  # a phrase begins with a noun (not an adjective or a number)
PLACE_KINDS = ("Location", "State")
DESCRIBED = ("facility", "phrase")  # mentions of things struck that a text describes rather than names
OWNERS = ("State", "StateOrgan", "Militia")  # who may own the instrument named before them (طائرات الاحتلال)


def _nounish(words: list[Word], upos: list[str], k: int, lex: Lexicon) -> bool:
    w = words[k]
    if w.norm in lex.name_stop or w.norm in lex.particles["prepositions"] or len(w.norm) < 2 \
            or w.norm in lex.particles["relative_pronouns"] or w.norm in lex.triggers or w.norm in lex.skip_words \
            or w.norm.lstrip("و") in lex.outcome_verbs or w.norm.lstrip("و") in lex.particles["reach"] \
            or consequent_future(w.norm):
        return False  # (فستكون العواقب: a condition's consequent begins, whatever the tagger says)
    return (upos[k] in NOUNISH or struck_head(w, lex) or w.key in lex.head_nouns) if upos else not w.norm.isdigit()
    # (the lexicon's nouns are nouns whatever the tagger says: سفينتين tagged ADJ, أسلحة tagged VERB)


def open_phrases(finder: ActorFinder, words: list[Word], refs: list[ActorRef], triggers: list[Trigger],
                 upos: list[str], text: str) -> list[ActorRef]:
    """The noun phrases after the sentence's Attack triggers that no mention covers, the subject of a verb of
    undergoing before one (تعرض مبنى سكني لقصف) and the people a warning or demand is addressed to (أنذر الجيش
    سكان البلدات, GUIDELINES §5: a civilian population is a Location), as Location refs."""
    lex = finder.lex
    ref_at = {k: r for r in refs for k in range(r.first, r.last)}
    starts_at = {r.first: r for r in refs}  # (where each mention begins: a longer name stops at a non-place one)
    aims = lex.target_preps["any"] | lex.particles["aim"]
    starts: list[int] = []
    listed: set[int] = set()  # the later conjuncts of a list
    for trig in triggers:
        if trig.core in ("Warning", "Pressure"):
            k = trig.last  # (أنذر الجيش سكان 12 بلدة، دعا خامنئي الشبان السوريين: the people addressed, past
            # the subject)
            k = ref_at[k].last if k in ref_at else k
            if k < len(words) and k not in ref_at \
                    and any(key in lex.heads["population"] for key, _ in words[k].readings):
                starts.append(k)
            continue
        if trig.core != "Attack":
            continue
        k, steps = past_unnamed(words, trig.last, lex, owned=True), 0
        if trig.entry is not None and trig.entry.pos == "verb" and k == trig.last \
                and _attack_noun_at(words, triggers, k):
            k = next(t.last for t in triggers if t.first == k)  # (واستهدف القصف مدرسة: the noun is the subject)
        if k == trig.last and trig.entry is not None and trig.entry.pos == "verb" and k < len(words) \
                and definite(words[k].norm) and k not in ref_at and _group_noun(words[k], lex):
            k += 1  # (قصفت الفصائل مستوطنة X، استهدفت المقاومة القاعدة: the verb's subject, a group left unnamed)
            if k < len(words) and definite(words[k].norm) and words[k].key in ARMED | {"مسلحين", "مسلحون"}:
                k += 1  # (الفصائل المسلحة)
        # (هاجم مسلحون مجهولون دورية، هاجم مسلحون من جماعة X موقعا: the subject, unnamed or with its owner next)
        while k < len(words) and steps < 4 and (
                k in ref_at or words[k].norm in aims or words[k].norm in lex.skip_words
                or words[k].norm.lstrip("و") in lex.particles["reach"]
                or words[k].norm in lex.aligned_cues or _describes_event(words, k, lex)):
            # (past the subject, and its patron: أطلقتها المليشيا الحوثية المدعومة من إيران باتجاه X)
            k = ref_at[k].last if k in ref_at else k + 1
            steps += 1
        if trig.entry is not None and (trig.entry.requires_weapon or (trig.entry.pos == "verb" and not any(
                r in ref_at for r in range(trig.last, k)))):
            k = past_instrument(words, k, ref_at, upos, lex)
        predicate = k == trig.last and trig.light is None and not trig.phrase and trig.entry is not None \
            and trig.entry.pos == "noun" and definite(words[trig.first].norm) \
            and not _subject_of_reaching(words, triggers, trig, lex) \
            and k < len(words) and not definite(words[k].norm) and not words[k].norm.startswith(("ب", "ل"))
        # (الضربة جاءت ردا، الهجوم أسفر عن: after a definite noun an indefinite word is no genitive or adjective of
        # it, but what the clause says of it)
        adjective_after = k == trig.last and k < len(words) and trig.entry is not None and trig.entry.pos == "noun" \
            and k not in ref_at and (words[k].norm.startswith("و") or _adjective_of(words, upos, trig, k))
        # (هجمات وشيكة: what a noun strikes follows it with no و, which is the adjective's own letter here)
        described = k
        noun = trig.entry is not None and trig.entry.pos == "noun"
        while k < len(words) and k not in ref_at and not words[k - 1].gap_after.strip() and (
                (noun and _adjective_of(words, upos, trig, k))
                or (k > trig.last and _joined_adjective(words[k]) and (noun or _describes_event(words, k - 1, lex)))):
            k += 1  # (القصف المتعمد للمدنيين، اعتداءاتها المتكررة على: past the noun's adjectives; قصفها الصاروخي
            # والمدفعي: one joined by و to the one before it too, also after a trigger read as the verb with its
            # pronoun)
        named = k > described and bool(words[k - 1].gap_after.strip())  # (عمليتها العسكرية "نبع السلام": its name)
        conjunct = k > trig.last and k < len(words) and words[k].norm.startswith("و") and k - 1 in ref_at \
            and not struck_head(words[k], lex)  # (غارات على مدينة رأس العين ونزوح المدنيين: no thing struck)
        if not _place_purpose(words, k, ref_at) and not (k > trig.last and words[k - 1].comma_after) \
                and not predicate and not (adjective_after and k == trig.last) and not named and not conjunct:
            starts.append(k)  # (not past a comma: الضربات الأمريكية، معتبرة إياها is another clause)
        while k in ref_at and ref_at[k].kind == "Location":
            k = ref_at[k].last  # (the place struck; a thing coordinated with it is struck too)
        if _conjunct_of_place(words, k, ref_at) and struck_head(words[k], lex):
            starts.append(k)  # (استهدفت مطار بورتسودان ومستودعات الوقود: the next struck thing, its و its own)
            listed.add(k)
        for j in range(trig.first - 1, max(-1, trig.first - WINDOW), -1):
            if words[j].breaks_after:
                break
            if words[j].norm.lstrip("و") in lex.undergo_verbs:
                starts.append(j + 1)  # تعرض مبنى سكني لقصف: what undergoes the attack, before its noun
                break
        for j in range(trig.last, min(len(words) - 1, trig.last + WINDOW)):
            if words[j].breaks_after or _own_clause(words, upos, j, lex):
                break
            if words[j].norm in aims:
                starts.append(j + 1)
    out: list[ActorRef] = []
    taken: set[int] = set()
    while starts:
        st = starts.pop(0)
        if st + 1 < len(words) and _lists_names(words, st, lex):
            st += 1  # (بلدات الطيبة ودير سريان: the plural head lists the places, each named on its own)
            listed.add(st)
        if st + 1 < len(words) and words[st].norm in lex.particles["counting"] \
                and not words[st].gap_after.strip() and _listed(words[st + 1].key, lex.generic_targets):
            st += 1  # (عشرات الآليات التابعة للقوات السورية: what is counted heads the phrase, generic and owned)
        if st >= len(words) or st in ref_at or st in taken or _modifies_place(words, st, ref_at) \
                or counted_at(words, st, lex) in ref_at \
                or not _nounish(words, upos, st, lex) \
                or _stop_head(words[st], lex) or words[st].norm.lstrip("و") in lex.reporting_verbs \
                or (st not in listed and upos and upos[st] not in HEADS and not struck_head(words[st], lex)) \
                or words[st].key in lex.weapons or words[st].norm.lstrip("وب") in lex.weapons \
                or (st + 1 < len(words) and words[st + 1].norm in lex.particles["made_in"]) \
                or _listed(words[st].key, lex.heads["vicinity"]) \
                or instrument_clitic(words[st], lex, st in listed) or _listed_means(words, st, ref_at, upos, lex):
            continue  # (بطائرات مسيرة: an instrument, not what was struck)
        phrase = _extend(finder, words, ref_at, starts_at, upos, st, text)
        if phrase is not None and _group_owned(words, phrase, ref_at, lex):
            continue  # (بنى تحتية لحزب الله، مخازن أسلحة للحوثيين: the group's sites, GUIDELINES §3: the group)
        if phrase is not None:
            phrase = _with_unnamed_conjunct(finder, words, ref_at, starts_at, upos, phrase, text)
            out.append(phrase)
            taken.update(range(phrase.first, phrase.last))
            if phrase.last < len(words) and words[phrase.last].norm.startswith("و") \
                    and not words[phrase.last - 1].gap_after.strip() \
                    and not _coordinated_adjective(words, phrase.first, phrase.last):
                starts.insert(0, phrase.last)  # coordinated: مستودعات النفط ومحطة كهرباء، ميكولايف وسومي
                listed.add(phrase.last)
    return out


def _adjective_of(words: list[Word], upos: list[str], trig: Trigger, k: int) -> bool:
    """Whether word k, with the article, is an adjective of the attack noun before it (القصف المتعمد، الهجمات
    الأخيرة، اعتداءاتها المتكررة على الأراضي العراقية): the parse reads an adjective, or, without one, the word
    has a nisba's ending, or a feminine one after a feminine or plural noun. A noun with the article or a pronoun
    takes no definite genitive, so what follows it with the article is its adjective or the clause's next part
    (طالت الغارات الجوية المستشفى: the verb's object).

    >>> from akhbar.extract.text import words_of
    >>> words, noun = words_of("الغارات المتكررة للمدنيين"), Trigger(0, 1, "Attack", None)
    >>> _adjective_of(words, [], noun, 1), _adjective_of(words, [], noun, 2)
    (True, False)
    """
    noun, word = words[trig.last - 1], words[k].norm
    if not word.startswith("ال") or not (words[trig.first].norm.startswith(("ال", "وال")) or possessed(noun.text)):
        return False
    if upos and k < len(upos) and upos[k]:
        return upos[k] == "ADJ"
    return word.endswith(NISBA_ENDS) or (word.endswith("ه") and noun.norm.endswith(("ات", "ه", "اته", "اتها")))


NISBA_ENDS = ("يه", "يين", "يون")  # (normalised) endings of a nisba adjective: الجوية، العراقيين


def _joined_adjective(word: Word) -> bool:
    """Whether a word is a nisba adjective joined by و to the adjective before it (الصاروخي والمدفعي، المدفعي
    والجوي): the attack noun's second adjective, not what it struck."""
    return word.norm.startswith("وال") and word.norm.endswith(("ي", *NISBA_ENDS)) and len(word.norm) > 5


ADJECTIVE_ENDS = (*ADJECTIVE_ENDINGS, "ه")  # (normalised) endings an adjective shares with one joined to it


def _coordinated_adjective(words: list[Word], first: int, k: int) -> bool:
    """Whether word k, after و, is an adjective joined to the one that ends the phrase before it (قافلة عسكرية
    ومدنية، ضربات دقيقة ومحسوبة): same ending, same article, no head of its own; not a struck thing.

    >>> from akhbar.extract.text import words_of
    >>> words = words_of("قافلة عسكرية ومدنية")
    >>> _coordinated_adjective(words, 0, 2), _coordinated_adjective(words_of("مستودعات النفط ومحطة"), 0, 2)
    (True, False)
    """
    if k - 1 <= first or not words[k].norm.startswith("و"):
        return False
    prev, nxt = words[k - 1].norm, words[k].norm[1:]
    end = next((e for e in ADJECTIVE_ENDS if prev.endswith(e)), None)
    return end is not None and nxt.endswith(end) and definite(prev) == definite(nxt) \
        and not definite(prev) and len(nxt) > 3


GROUP_OWNER_REACH = 4  # words of the sites' list and adjectives before their owner (ومنصات صاروخية تابعة لـ)


def _group_owned(words: list[Word], phrase: ActorRef, ref_at: dict[int, ActorRef], lex: Lexicon) -> bool:
    """Whether unnamed, indefinite sites struck, named by a plural (`group_sites` heads), belong to an armed group
    named right after them with لـ or تابع (بنى تحتية لحزب الله، مخازن أسلحة تابعة للحوثيين), or members of a
    group or a force named after من (عناصر من الحركة): GUIDELINES §3 reads generic sites of X, and X's men, as X
    itself; one facility, or a definite or named one (مستودعا للأسلحة، مطار نيالا) stays a place of its own."""
    k = phrase.last
    head = words[phrase.first]
    if definite(head.norm) or k >= len(words) or words[k - 1].gap_after.strip():
        return False
    if any(key in lex.heads["person_group"] for key, _ in head.readings) and phrase.last == phrase.first + 1 \
            and words[k].norm == "من" and k + 1 < len(words):
        owner = ref_at.get(k + 1)  # (عناصر من الحركة: members of the group, the group itself)
        return owner is not None and owner.first == k + 1 and owner.kind in ("Militia", "StateOrgan")
    if not any(key in lex.heads["group_sites"] or key in lex.heads["person_group"] for key, _ in head.readings):
        return False  # (مستودعا للأسلحة تابعا لحركة الشباب: one store, individuated, a Location of its own)
    steps = 0
    while k < len(words) and steps < GROUP_OWNER_REACH and k not in ref_at and words[k].norm not in lex.belonging \
            and not words[k - 1].gap_after.strip() and (words[k].norm.startswith("و") or words[k].norm.endswith(
                ADJECTIVE_ENDINGS) or not definite(words[k].norm)) and words[k].norm not in lex.triggers:
        k, steps = k + 1, steps + 1  # (بنى تحتية عسكرية ومنصات صاروخية تابعة لحزب الله، ومنصات إطلاق صواريخ تابعة
        # لـ: the sites listed, with their adjectives and genitives, then whose)
    if k < len(words) and words[k].norm in lex.belonging and k + 1 < len(words):
        k += 1
    owner = ref_at.get(k)
    return owner is not None and owner.first == k and owner.kind == "Militia" and words[k].norm.startswith("ل")


def _own_clause(words: list[Word], upos: list[str], j: int, lex: Lexicon) -> bool:
    """Whether word j, between an attack and a preposition of aim after it, opens a clause the preposition then
    belongs to: a verb other than a light verb (عملية في رفح قائلة إنها تنطوي على مخاطر، بقصفها إذا لم توافق على
    اتفاق: what the verb governs is not struck; الهجوم الذي شنته إيران على X still is) or a word of response (ردا على
    محاولات كييف: what follows provoked the attack).

    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.text import words_of
    >>> words = words_of("الهجوم الذي شنته إيران ردا على توافق")
    >>> tags = ["NOUN", "PRON", "VERB", "PROPN", "NOUN", "ADP", "VERB"]
    >>> [_own_clause(words, tags, j, load_lexicon()) for j in range(7)]
    [False, False, False, False, True, False, True]
    """
    w = words[j]
    bare = w.norm.lstrip("و")
    if bare in lex.particles["response"]:
        return True
    if not upos or upos[j] != "VERB":
        return False
    return not any(form in lex.light_verbs for form in (w.norm, bare, bare[:-1], bare[:-2]))
    # (a light verb with its object pronoun: شنته، نفذها)


def _conjunct_of_place(words: list[Word], k: int, ref_at: dict[int, ActorRef]) -> bool:
    """Whether word k joins by و a further thing to a named place or facility right before it (مطار بورتسودان
    ومستودعات الوقود): coordinated targets, each a participant of its own (GUIDELINES §3); the caller asks for a
    noun of a struck thing (not قصف القرى ومساندة الجماعات: a second act)."""
    before = ref_at.get(k - 1)
    return k < len(words) and before is not None and before.kind == "Location" and before.last == k \
        and words[k].norm.startswith("و") and not words[k - 1].gap_after.strip()


def _lists_names(words: list[Word], k: int, lex: Lexicon) -> bool:
    """Whether word k is an indefinite plural place noun in construct with the first name of a list (بلدات الطيبة،
    مدن خاركيف): not with its adjective (بلدات حدودية، القرى الحدودية: one collective)."""
    w, name = words[k], words[k + 1]
    return not w.gap_after.strip() and not definite(w.norm) and _listed(w.key, lex.heads["place_plural"]) \
        and not name.norm.startswith("و") and (definite(name.norm) or not name.norm.endswith(("يه", "ي", "يين")))
    # (an indefinite head takes no definite adjective: بلدات الزرارية is a name however it ends)


def _modifies_place(words: list[Word], k: int, ref_at: dict[int, ActorRef]) -> bool:
    """Whether word k, with the article and no preposition, right after a described thing or place (السفن المتجهة
    إلى الموانئ) is that mention's adjective, not a target of its own (after a state, a city acting for it or a
    group, a definite word is the object: قصفت إسرائيل الضاحية؛ استهداف واشنطن للمنشآت)."""
    before = ref_at.get(k - 1)
    return k < len(words) and before is not None and before.kind == "Location" and before.how in DESCRIBED \
        and before.last == k and words[k].norm.startswith("ال") and not words[k - 1].gap_after.strip()


def _place_purpose(words: list[Word], k: int, ref_at: dict[int, ActorRef]) -> bool:
    """Whether word k is a لـ phrase right after a named place or facility (مخيم زمزم للنازحين، مستشفى الشفاء
    للأطفال): it says whom the place serves, and opens no target of its own. (After an actor, لـ marks a verbal
    noun's object: قصف إسرائيل لمواقع حزب الله.)"""
    before = ref_at.get(k - 1)
    return k < len(words) and before is not None and before.kind == "Location" and before.how != "kb" \
        and words[k].norm.startswith("لل") and not words[k - 1].gap_after.strip()


def instrument_clitic(word: Word, lex: Lexicon, listed: bool = False) -> bool:
    """Whether a word opens with the preposition بـ (بطائرات مسيرة: an instrument, not what was struck). In a list
    (`listed`: the word follows و after a conjunct without it) the conjuncts share their preposition, so a ب
    before an indefinite word is the name's own letter (على كوستيانتينيفكا وبهاولبور), unless it opens a source
    (وبحسب).

    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.text import words_of
    >>> [instrument_clitic(w, load_lexicon(), True) for w in words_of("وبهاولبور وبالمدفعية وبحسب")]
    [False, True, True]
    >>> [instrument_clitic(w, load_lexicon()) for w in words_of("بهاولبور بنى")]
    [True, False]
    """
    bare = word.norm.lstrip("و")
    if not bare.startswith("ب") or word.key in lex.head_nouns:
        return False  # (بنى تحتية، بيوت: a noun the lexicon lists whole, its ب is its own)
    return not listed or bare.startswith("بال") or bare in lex.particles["source_markers"]


def _listed_means(words: list[Word], k: int, ref_at: dict[int, ActorRef], upos: list[str], lex: Lexicon) -> bool:
    """Whether word k is an instrument joined by و to an instrument behind بـ (بالمسيرات والمدفعية): the means
    listed, not what was struck."""
    if k < 1 or not words[k].norm.startswith("و") or past_instrument(words, k, ref_at, upos, lex) == k:
        return False
    return any(words[m].norm.lstrip("و").startswith("ب") and past_instrument(words, m, ref_at, upos, lex) == k
               for m in range(max(0, k - 3), k))


def counted_at(words: list[Word], k: int, lex: Lexicon) -> int | None:
    """The word a counting word or a quantity with من at word k counts (عشرات المستوطنين، مئات من المسلحين،
    أكثر من مئة مستوطن), None when word k counts nothing: what is counted is the participant, the count only
    says how many.

    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.text import words_of
    >>> texts = ("عشرات المستوطنين", "مئات من المسلحين", "أكثر من مئة مستوطن", "قرب المدينة")
    >>> [counted_at(words_of(t), 0, load_lexicon()) for t in texts]
    [1, 2, 3, None]
    """
    particles = lex.particles
    if k + 2 < len(words) and words[k].norm in ("اكثر", "اقل") and words[k + 1].norm == "من" \
            and (words[k + 2].norm.isdigit() or words[k + 2].norm in particles["counting"]
                 or words[k + 2].norm in NUMBER_WORDS):
        return k + 3  # (أكثر من مئة مستوطن، أكثر من 20 مسلحا)
    if words[k].gap_after.strip() or k + 1 >= len(words):
        return None
    if words[k].norm in particles["partitive"] and words[k + 1].norm == "من" and k + 2 < len(words):
        return k + 2
    if words[k].norm in particles["counting"] or words[k].norm in particles["partitive"] \
            or words[k].norm in NUMBER_WORDS:
        return k + 1
    return None


NUMBER_WORDS = frozenset({"ميه", "مايه", "الف", "الاف", "ميات", "ميتي", "ميتا", "عشرين", "ثلاثين", "اربعين",
                          "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"})  # (normalised) round numbers that count a noun


def past_instrument(words: list[Word], k: int, ref_at: dict[int, ActorRef], upos: list[str], lex: Lexicon) -> int:
    """The word after an instrument of attack that begins at word k, with its adjectives (طائرات مجهولة، طائرة
    مسيرة، صواريخ باليستية إيرانية): after a verb of attack such a noun is its subject, after a verb of launching
    its object, and what was struck comes after it; k itself when word k is no instrument.

    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.text import words_of
    >>> words = words_of("طائرة مسيرة إسرائيلية سيارة")
    >>> past_instrument(words, 0, {}, [], load_lexicon()), past_instrument(words, 3, {}, [], load_lexicon())
    (3, 3)
    >>> past_instrument(words_of("وابلا من الصواريخ على المدينة"), 0, {}, [], load_lexicon())
    3
    """
    instruments = lex.heads.get("instrument", frozenset())
    if k + 2 < len(words) and {words[k].norm, words[k].norm[1:]} & lex.particles["partitive"] \
            and words[k + 1].norm == "من" and any(key in instruments for key, _ in words[k + 2].readings):
        k += 2  # (أطلقت وابلا من الصواريخ، عشرات من الطائرات المسيرة: a quantity of the instrument)
    if k >= len(words) or not any(key in instruments for key, _ in words[k].readings):
        return k
    head_definite = definite(words[k].norm)
    first = k
    k += 1
    while k < len(words) and not words[k - 1].gap_after.strip():
        ref = ref_at.get(k)
        agrees = definite(words[k].norm) == head_definite  # (an adjective agrees: الطائرات | محطة is no adjective)
        if ref is not None and ((ref.how == "nisba" and agrees) or (
                k == first + 1 and not head_definite and ref.kind in OWNERS and definite(words[k].norm))):
            k = ref.last  # (طائرات إسرائيلية، طائرات الاحتلال الإسرائيلي: its nationality or its owner)
        elif ref is None and words[k].norm in lex.belonging and k + 1 in ref_at and ref_at[k + 1].kind in OWNERS:
            k = ref_at[k + 1].last  # (زوارق تابعة للحرس الثوري: the owner it belongs to)
        elif ref is None and agrees and (
                words[k].key in instruments or words[k].key in lex.heads["unnamed_attacker"]  # (مسيرة مجهولة)
                or (not words[k].norm.startswith("و") and _adjective(words[k], upos, k)
                    and words[k].norm not in lex.triggers and not struck_head(words[k], lex))):
            # (طائرات إسرائيلية منزلا: what was struck, though the parse may read it as an adjective)
            k += 1
        else:
            break
    return k


def past_unnamed(words: list[Word], k: int, lex: Lexicon, owned: bool = False) -> int:
    """The word after unnamed attackers that begin at word k (مسلحون مجهولون: `unnamed_attacker`), k itself when
    none stand there or an owner follows them (مسلحون من حركة الشباب، مقاتلو الحركة: the group named is the
    author); with `owned`, the word where that owner is named (after من, or right after a construct).

    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.text import words_of
    >>> words = words_of("هاجم مسلحون مجهولون دورية")
    >>> past_unnamed(words, 1, load_lexicon()), past_unnamed(words_of("هاجم مسلحون من الحركة دورية"), 1, load_lexicon())
    (3, 1)
    """
    unnamed = lex.heads.get("unnamed_attacker", frozenset())
    j = k
    if j + 1 < len(words) and words[j].key in lex.heads.get("unnamed_group", frozenset()) \
            and words[j + 1].key in ARMED and not words[j].gap_after.strip():
        j += 2  # (مجموعة مسلحة، جماعة مسلحة: an armed group left unnamed)
    while j < len(words) and words[j].key in unnamed and not definite(words[j].norm) \
            and (j == k or not words[j - 1].gap_after.strip()):
        j += 1
    construct = j > k and words[j - 1].norm.endswith("و")  # (مقاتلو الحركة: the owner is their genitive)
    hedged = j > k and j + 2 < len(words) and words[j].norm in HEDGES and words[j + 1].norm in HEDGED_THEY \
        and words[j + 2].norm == "من"  # (مسلحون يعتقد أنهم من حركة الشباب: the owner, suspected)
    if hedged:
        return j + 3 if owned else k
    if j > k and owned and j < len(words) and (words[j].norm == "من" or construct):
        return j if construct else j + 1  # (the owner that follows is the author, named next)
    if j == k or construct or (j < len(words) and (words[j].norm in OWNER_WORDS or words[j].norm.startswith("ل")
                                                   or words[j].norm in lex.belonging)):
        return k
    return j


def _group_noun(word: Word, lex: Lexicon) -> bool:
    """Whether a word names an armed group by its head noun alone (الفصائل، المقاومة، الجماعة، الميليشيات)."""
    return any(key in lex.heads.get(name, frozenset()) for key, _ in word.readings
               for name in ("anaphoric", "group_quoted", "armed_group", "unnamed_group"))


OWNER_WORDS = frozenset({"من", "ينتمون", "ينتمي", "تابعون", "تابعين", "موالون", "موالين"})
HEDGES = frozenset({"يعتقد", "يشتبه", "يرجح"})  # (normalised) "believed", "suspected", "likely"
HEDGED_THEY = frozenset({"انهم", "بانهم"})  # (normalised) أنهم، بأنهم
ARMED = frozenset({"مسلحه", "مسلحتان", "مسلحتين"})  # (normalised) "armed", after a group noun


def _listed(key: str, words: frozenset[str]) -> bool:
    """Whether a word key is in a list, read also without an accusative alif (عددًا، مشتركاً: the indefinite
    accusative of a listed noun or adjective)."""
    return key in words or (key.endswith("ا") and len(key) > 2 and key[:-1] in words)


def _stop_head(word: Word, lex: Lexicon) -> bool:
    """Whether a word cannot head an open phrase (`phrase_stop`: عددًا، ردًا are adverbial nouns too)."""
    return any(_listed(key, lex.heads["phrase_stop"]) for key, _ in word.readings)


def _adjective(word: Word, upos: list[str], k: int) -> bool:
    """Whether a word reads as an adjective: so tagged, or shaped like a nisba (الجوية، الانفصاليين)."""
    return (bool(upos) and upos[k] == "ADJ") or word.norm.endswith(ADJECTIVE_ENDINGS)


PLACE_HEADS = ("place", "place_named", "town", "place_plural")  # [heads] of a place's noun before its name
STRUCK_LISTS = ("struck", "facility", "collective_facility", "named_facility", "part_of", "place", "place_plural",
                "person_group")  # [heads] lists whose nouns name what an attack strikes


def struck_head(word: Word, lex: Lexicon) -> bool:
    """Whether an open phrase's first word is a noun of a thing attacks strike (محطة، قوارب، مدنيين، مواقع), as
    the lexicon lists them; an unlisted head (مخاطر، محاولات، a verb the tagger took for a noun) is rarely a target.

    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.text import words_of
    >>> [struck_head(w, load_lexicon()) for w in words_of("والمحطات محاولات")]
    [True, False]
    """
    return any(_listed(key, lex.heads.get(name, frozenset())) for key, _ in word.readings for name in STRUCK_LISTS) \
        or any(_listed(key, lex.generic_targets) for key, _ in word.readings)


def _attack_noun_at(words: list[Word], triggers: list[Trigger], k: int) -> bool:
    """Whether a definite Attack noun of the sentence's triggers begins at word k (القصف، الغارات)."""
    return k < len(words) and definite(words[k].norm) and any(
        t.first == k and t.core == "Attack" and t.entry is not None and t.entry.pos == "noun" for t in triggers)


def _subject_of_reaching(words: list[Word], triggers: list[Trigger], trig: Trigger, lex: Lexicon) -> bool:
    """Whether an attack noun is the subject of the verb right before it, a verb of reaching or of attack, so that
    the word after it is that verb's object, what was struck (وطال القصف مدرسة، واستهدفت الغارات منازل), not what
    the clause says of the noun (الضربة جاءت ردا)."""
    if trig.first == 0 or words[trig.first - 1].gap_after.strip() or not definite(words[trig.first].norm):
        return False
    before = words[trig.first - 1]
    return before.norm.lstrip("و") in lex.particles["reach"] or any(
        t.last == trig.first and t.core == "Attack" and t.entry is not None and t.entry.pos == "verb"
        for t in triggers)


def _describes_event(words: list[Word], k: int, lex: Lexicon) -> bool:
    """Whether word k is an adjective of the attack noun before it (جويا، المحتملة، الإرهابي): it says how the
    attack was made, not what it struck; quoted too (ضربات "انتقامية")."""
    return _listed(words[k].key, lex.particles["event_adjectives"]) \
        and not words[k - 1].gap_after.strip(SPACE_AND_QUOTES)


def _with_unnamed_conjunct(finder: ActorFinder, words: list[Word], ref_at: dict[int, ActorRef],
                           starts_at: dict[int, ActorRef], upos: list[str], phrase: ActorRef, text: str) -> ActorRef:
    """An unnamed phrase with the unnamed thing coordinated after it (after the phrase or one of its longer
    readings), as one collective participant (GUIDELINES §3: "a collective phrase whose members are not
    individually named is one collective participant": القواعد والمصالح الأميركية، المدارس والمستشفيات،
    البنية التحتية للطاقة والمرافق المدنية); the first conjunct's readings stay variants. Not when the first
    names a place or the second is a mention, nor when either head is no common noun of a thing struck the lexicon
    lists (ميكولايف وسومي، كوستيانتينيفكا وبيلوزيرسك: names, each its own), nor before a verb or a trigger (قصف
    المنازل وقتل، والهجمات)."""
    if any(j in ref_at for j in range(phrase.first, phrase.last)) or not struck_head(words[phrase.first], finder.lex):
        return phrase  # (كوستيانتينيفكا وبيلوزيرسك: names the lexicon does not know as common nouns, each its own)
    ends = sorted({phrase.end} | {end for start, end in phrase.variants if start == phrase.start})
    for end in reversed(ends):  # (the longest reading the conjunction follows)
        k = next((m for m in range(phrase.last, len(words)) if words[m].start > end), len(words))
        if k >= len(words) or words[k - 1].end != end:
            continue
        bare_head = k in ref_at and ref_at[k].how == "facility" and ref_at[k].last == k + 1  # (ومنشآت: no name)
        if not words[k].norm.startswith("و") or words[k - 1].gap_after.strip() or (k in ref_at and not bare_head) \
                or any(j in ref_at for j in range(phrase.last, k)) or words[k].norm in finder.lex.triggers \
                or not _nounish(words, upos, k, finder.lex) or (upos and upos[k] not in HEADS) \
                or not struck_head(words[k], finder.lex):
            continue
        second = _extend(finder, words, ref_at, starts_at, upos, k, text)
        if second is None or second.how != "phrase":
            return phrase
        surface = text[phrase.start:second.end]
        iri = finder.mint_phrase("|".join(w.key for w in words[phrase.first:second.last]), surface, phrase.kind)
        variants = ((phrase.start, phrase.end), *phrase.variants,
                    *((phrase.start, e) for s, e in second.variants if s == second.start))
        return ActorRef((iri,), phrase.first, second.last, phrase.start, second.end, surface, phrase.kind,
                        "phrase", (None,), variants)
    return phrase


def _extend(finder: ActorFinder, words: list[Word], ref_at: dict[int, ActorRef], starts_at: dict[int, ActorRef],
            upos: list[str], st: int, text: str) -> ActorRef | None:
    """The phrase from word `st`: nouns and adjectives, then at most one place (after في/بـ or as a genitive)."""
    lex = finder.lex
    ends = [st + 1]
    j = st + 1
    kind = "Location"
    placed = False  # the phrase closes on a place: a place coordinated with it continues it
    if j in ref_at and ref_at[j].kind in PLACE_KINDS and ref_at[j].how != "nisba" \
            and ref_at[j].start == words[j].start and not words[st].gap_after.strip(SPACE_AND_QUOTES) \
            and any(key in lex.heads[name] for key, _ in words[st].readings for name in PLACE_HEADS):
        return None  # (منطقة ساراتوف، مدينتي صور، بلدتي «عيترون»: a place noun and the name, which names the place)
    while j < len(words) and j - st < MAX_WORDS and not words[j - 1].gap_after.strip():
        if j in ref_at:
            if ref_at[j].how == "nisba" and j == st + 1 and any(key in lex.heads["population"]
                                                                 for key, _ in words[st].readings):
                ends.append(ref_at[j].last)  # (المدنيين الأوكرانيين، الشبان السوريين: a people, GUIDELINES §5)
                break
            if ref_at[j].how == "nisba" and j == st + 1:
                return None  # العمق الروسي: a nisba names the owner, the target is its state (GUIDELINES §3)
            if ref_at[j].kind in PLACE_KINDS and ref_at[j].how != "nisba" and ref_at[j].start == words[j].start:
                ends.append(ref_at[j].last)  # محطة كهرباء مظفر آباد (a genitive; not "... ومحطة كهرباء", a conjunct)
                placed = True
            elif j == st + 1 and ref_at[j].kind == "Militia" and not definite(words[st].norm) \
                    and words[j].norm.startswith("ل") and ref_at[j].start > words[j].start \
                    and any(key in lex.heads["group_sites"] for key, _ in words[st].readings):
                return None  # (مقرا لحزب العمال، مخازن للحوثيين: an armed group's unnamed site is the group, §3)
            elif _listed(words[st].key, lex.heads["part_of"]) and j == st + 1 and ref_at[j].how != "nisba":
                # قادة حماس (بالخارج), مقر الحشد الشعبي: a part of a named actor, an actor of its own
                owner = ref_at[j]
                kind = owner.kind if owner.kind in ("Militia", "Official", "StateOrgan") and \
                    words[st].key in lex.heads["person_group"] else "Location"
                j = owner.last
                ends.append(j)
                if j + 1 < len(words) and not words[j - 1].gap_after.strip() and j + 1 in ref_at \
                        and ref_at[j + 1].kind in PLACE_KINDS and (words[j].norm in lex.particles["in_place"]):
                    ends.append(ref_at[j + 1].last)  # ... في قطر
                elif j < len(words) and j in ref_at and ref_at[j].kind in PLACE_KINDS and \
                        words[j].norm.startswith("ب") and not words[j - 1].gap_after.strip():
                    ends.append(ref_at[j].last)  # ... بالدوحة
            break
        if words[j].norm in lex.particles["in_place"] and j + 1 in ref_at and ref_at[j + 1].kind in PLACE_KINDS \
                and not words[j].gap_after.strip():
            ends.append(ref_at[j + 1].last)  # منزل في هرتسليا
            placed = True
            break
        if words[j].norm.startswith("ب") and any(n and (key in lex.heads["instrument"] or key in lex.weapons)
                                                 for key, n in words[j].readings):
            break  # (ثكنة زرعيت | بالأسلحة الصاروخية: what it was struck with)
        feminine_adjective = j == st + 1 and words[j].norm.endswith("يه") and not definite(words[j].norm) \
            and not definite(words[st].norm)  # (بنى تحتية: an adjective the tagger may read as a verb)
        genitive_pair = j > st + 1 and words[j].norm.startswith("وال") and definite(words[j - 1].norm) \
            and not definite(words[st].norm)  # (منشآت مجمع الوقود والطاقة، مستودعات النفط والغاز: one genitive)
        if not (_nounish(words, upos, j, lex) or feminine_adjective) or (
                words[j].norm.startswith("و") and not (upos and upos[j] == "ADJ") and not genitive_pair
                and not own_waw(words[j], lex)):
            break  # (a conjunct is a phrase of its own: ميكولايف | وسومي, each named place its own participant; but
            # مناطق واسعة: its و is the adjective's own letter)
        if definite(words[j - 1].norm) and not (definite(words[j].norm) and _adjective(words[j], upos, j)) \
                and not genitive_pair:
            break  # the first term of a construct has no article, and a definite noun takes only adjectives
        j += 1
        ends.append(j)
    if placed and any(_listed(key, lex.heads["place_plural"]) for key, _ in words[st].readings):
        return None  # قرى في ناحية سيدكان: unnamed places in a named one add nothing, the place is struck (§6)
    if _listed(words[st].key, lex.generic_targets) or words[st].norm in lex.generic_targets:  # (أرتالا: accusative)
        end = ends[-1]
        owned = (end < len(words) and end in ref_at) or any(k in ref_at for k in range(st, end)) or (
            end + 1 < len(words) and words[end].norm in lex.belonging and end + 1 in ref_at)
        if len(ends) == 1 or owned or _placed_after(words, end, ref_at, starts_at, lex, upos):
            return None  # a bare "positions" names nothing; "targets in X", "مواقع تابعة لـX" are X's (GUIDELINES §3)
    start = words[st].offset_after(_skip(words[st], lex), text)
    end = words[ends[-1] - 1].end
    surface = text[start:end]
    where = next((ref_at[k] for k in range(st + 1, ends[-1]) if k in ref_at and ref_at[k].kind in PLACE_KINDS), None)
    state = finder.state_of(where.iris[0]) if where is not None and kind == "Location" else None
    if state is None and kind == "Location":  # (السفن الأمريكية في البحر الأحمر: a sea is no state's, the nisba
        # names whose the ships are, GUIDELINES §5: ships → their flag state)
        state = next((ref_at[k].states[0] for k in range(st + 1, ends[-1]) if k in ref_at
                      and ref_at[k].how == "nisba" and ref_at[k].kind == "State" and ref_at[k].states), None)
    iri = finder.mint_phrase("|".join(w.key for w in words[st:ends[-1]]), surface, kind,
                             (("locatedIn", state),) if state else ())  # (منزل في هرتسليا: in Israel)
    longer = phrase_ends(words, ends[-1], starts_at, lex, upos, placed, modifiers=True)
    variants = tuple((start, words[e - 1].end) for e in ends[:-1] + longer)
    if ends[-1] > st + 1 and any(_listed(key, lex.heads[name]) for key, _ in words[st].readings
                                 for name in PLACE_HEADS):
        variants += ((words[st + 1].start, end),)  # (حيي غوانغي: the place's own name, without its noun)
    return ActorRef((iri,), st, ends[-1], start, end, surface, kind, "phrase", (None,), variants)


def _placed_after(words: list[Word], k: int, ref_at: dict[int, ActorRef], starts: dict[int, ActorRef], lex: Lexicon,
                  upos: list[str]) -> bool:
    """Whether the noun phrase before word k runs on, past its modifiers (and a closing quote: “أهداف حيوية” في
    إسرائيل), to a place or a state: generic targets there are that place's (مواقع مرتبطة بالإرهاب في باكستان)."""
    if k >= len(words) or words[k - 1].gap_after.strip(" \"'”»"):
        return False
    ends = phrase_ends(words, k, starts, lex, upos, quoted=True)
    return any(j in ref_at and ref_at[j].kind in PLACE_KINDS for j in range(k, max(ends, default=k)))


def own_waw(word: Word, lex: Lexicon) -> bool:
    """Whether a word's first و is its own letter, no conjunction: a noun the lexicon lists whole (ولاية، وحدات،
    مستودعات وقود: fuel depots, not depots and ...)."""
    return word.key in lex.head_nouns


def _skip(word: Word, lex: Lexicon) -> int:
    """Letters of a conjunction or preposition clitic before a phrase's first word (و، بـ، لـ); none when the
    whole word is a noun the lexicon lists (ولاية، وحدات: their و is no conjunction)."""
    if own_waw(word, lex):
        return 0
    for clitic in ("وب", "ول", "و", "ب", "ل"):
        if word.norm.startswith(clitic) and len(word.norm) - len(clitic) >= 3 and (
                word.norm[len(clitic):].startswith("ال") or clitic == "و"):
            return len(clitic)
    return 0


PHRASE_WORDS = 8  # words a noun phrase's modifiers run to after its head
PLACE_PREPS = frozenset({"في", "قرب", "بالقرب", "عبر", "داخل", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي",
                         "شرقي", "غربي", "وسط", "عمق", "بمحيط", "محيط"})


def phrase_ends(words: list[Word], k: int, starts: dict[int, ActorRef], lex: Lexicon, upos: list[str],
                placed: bool = False, quoted: bool = False, modifiers: bool = False) -> list[int]:
    """Where the noun phrase headed by the words before `k` may end: after each adjective (الجوية
    الأمريكية، عسكرية روسية، المنتشرة) and after each word of a place phrase (في عمق سيبيريا، بالمنطقة، قرب مخمور
    وسنجار; `placed`: the words before `k` close on a place already, so a place coordinated with it continues
    it: في البحر الأحمر وبحر العرب; `quoted`: the words before `k` close a quotation). It stops at punctuation,
    a verb, a trigger, another preposition, a relative pronoun or a mention that is not a place (a relative clause
    made a longer name of its own: that lost on dev, 5-fold by article)."""
    ends: list[int] = []
    first = k
    in_place = False
    while k < len(words) and k - first < PHRASE_WORDS and (not words[k - 1].gap_after.strip() or (
            quoted and k == first)):
        w = words[k]
        pos = upos[k] if k < len(upos) else ""
        if w.norm in PLACE_PREPS:  # (a closed class: before the parser's part of speech)
            in_place = True
            k += 1
            continue
        if modifiers and (w.norm in lex.belonging or w.norm in lex.aligned_cues):
            in_place = True  # (منشآت نفطية تابعة لشركة أرامكو، قواعد لمسلحين مرتبطين بإسرائيل: who owns it)
            k += 1
            continue
        if modifiers and pos == "VERB" and w.norm[:1] in ("ت", "ي") and not in_place and k > 0 \
                and not definite(words[k - 1].norm) and w.norm not in lex.triggers:
            in_place = True  # (سفن تجارية تمر عبر البحر الأحمر: an indefinite noun's relative clause, to its place)
            k += 1
            continue
        if in_place and any(_listed(key, lex.heads["place_plural"]) for key, _ in w.readings):
            k += 1  # (في محافظتي طهران وخوزستان: a place noun before the names, whatever the parse reads)
            continue
        if w.norm in lex.triggers or pos in ("VERB", "AUX") or w.norm in lex.particles["relative_pronouns"] \
                or _stop_head(w, lex):
            break  # (بغداد في حال: a frame word, "in case", is no place)
        if k in starts:
            ref = starts[k]
            coordinated = placed and w.norm.startswith("و")
            clitic_in = modifiers and w.norm.startswith("ب") and ref.start > w.start  # (بريف القنيطرة)
            if not (ref.how == "nisba" or ((in_place or coordinated or clitic_in) and ref.kind in PLACE_KINDS)):
                break  # (a nisba is an adjective: قاعدة عسكرية روسية)
            k = ref.last
            ends.append(k)
            placed = ref.kind in PLACE_KINDS and ref.how != "nisba"
            continue
        if w.norm.startswith("ب") and any(n and (key in lex.heads["instrument"] or key in lex.weapons)
                                          for key, n in w.readings):
            break  # (القوات السورية | بالمدفعية الثقيلة: what it fires with, no place)
        if w.norm.startswith("بال") and len(w.norm) > 5 and w.key not in lex.weapons:
            in_place = True  # بالمنطقة، بالخارج
            k += 1
            ends.append(k)
            continue
        if w.norm in lex.particles["prepositions"] or w.norm in lex.name_stop or w.norm in lex.skip_words:
            break
        if modifiers and w.norm.startswith("ل") and len(w.norm) > 3 and pos in ("NOUN", "PROPN"):
            k += 1  # (مخيم للاجئين، حقل كونيكو للغاز: a genitive by لـ)
            ends.append(k)
            continue
        adjective = pos == "ADJ" or (not upos and w.norm.endswith(ADJECTIVE_ENDINGS))
        if not in_place and definite(words[k - 1].norm) and not definite(w.norm):
            break  # an adjective agrees with a definite noun: القواعد الأمريكية, not القواعد | أمريكية
        if w.norm.startswith("و") and not (in_place and pos == "PROPN"):
            break
        if not (adjective or (in_place and pos in ("NOUN", "PROPN", "X", "ADJ", ""))):
            break
        k += 1
        ends.append(k)
    return ends
