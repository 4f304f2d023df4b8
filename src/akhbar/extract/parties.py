"""Who plays which part: what the graph says of an actor (its kind, state and armed group, who strikes for it)
and the sentence rules that settle a participant before the scorer weighs the rest (who threatens in a threat's
content, where the description of what undergoes an attack begins, whose words a sentence gives, what the subject
of a fixed expression plays). Read by `akhbar.extract.trigger_scores`.

>>> from akhbar.kb import load_kb
>>> from akhbar.records import Article
>>> from akhbar.extract.units import read_units
>>> units = read_units(None, Article("x", "x.txt", "هددت إيران إسرائيل بضربات."), load_kb())
>>> s = units.sentences[0]
>>> threatener, threatened = threat_parties(s, s.triggers[-1], units.lex)
>>> threatener.surface, [s.words[k].text for k in threatened]
('إيران', ['إسرائيل'])
"""

from __future__ import annotations

from akhbar.extract.actors import ActorRef
from akhbar.extract.events import Trigger
from akhbar.extract.lexicon import Lexicon
from akhbar.extract.linker import Scores
from akhbar.extract.text import clause_word_before, definite
from akhbar.extract.units import ArticleUnits, SentenceUnit
from akhbar.kb import STATE_LINKS, normalise


def group_of(units: ArticleUnits, iri: str) -> str | None:
    """The armed group a member or leader belongs to (ak:memberOf, GUIDELINES §5), if the graph says."""
    minted = units.finder.minted.get(iri)
    if minted is not None:
        return dict(minted.links).get("memberOf")
    actor = units.kb.actors.get(iri)
    members = actor.links.get("memberOf") if actor is not None else None
    return members[0] if members else None


def is_person(units: ArticleUnits, ref: ActorRef) -> bool:
    """Whether a mention names one person: an official, or a member or leader of an armed group (GUIDELINES §5)."""
    return ref.kind == "Official" or any(group_of(units, iri) is not None for iri in ref.iris)


def strikers(units: ArticleUnits, scores: Scores, states: dict[str, str], groups: dict[str, str]
             ) -> dict[str, str]:
    """Who carries out the attacks an agent candidate orders, threatens or announces: an official's state, a
    militia leader's or member's group (of the dev gold's 405 attacks, one has an official as its agent and
    none a militia's leader), and a foreign ministry's state (no attack of the dev or written gold has a
    foreign ministry for its author)."""
    out = {iri: state for iri, state in states.items()
           if (kind := kind_of(units, iri)) == "Official" or (kind == "StateOrgan" and diplomatic(units, iri))}
    out.update({iri: group for iri, group in groups.items()
                if iri in scores.agent and kind_of(units, iri) == "Militia"})
    return out


def diplomatic(units: ArticleUnits, iri: str) -> bool:
    """Whether an organ is its state's foreign ministry or diplomacy (وزارة الخارجية الباكستانية، الخارجية
    القطرية، الدبلوماسية الإيرانية), by its Arabic labels."""
    minted = units.finder.minted.get(iri)
    actor = units.kb.actors.get(iri)
    labels = [minted.label_ar] if minted is not None else (actor.labels_ar if actor is not None else [])
    return any(stem in normalise(label) for label in labels for stem in DIPLOMATIC_STEMS)


DIPLOMATIC_STEMS = ("خارجيه", "دبلوماسيه")  # (normalised) the foreign ministry, the diplomacy of a state


def kind_of(units: ArticleUnits, iri: str) -> str:
    """The ak class local name of an actor of the base or minted in this article ("Actor" when unknown)."""
    minted = units.finder.minted.get(iri)
    return minted.kind if minted is not None else units.kb.kind(iri)


def state_of(units: ArticleUnits, iri: str) -> str | None:
    """The state an actor of the base or minted in this article acts for (or is), if the graph says."""
    minted = units.finder.minted.get(iri)
    if minted is None:
        return units.kb.state_of(iri)
    links = dict(minted.links)
    for prop in STATE_LINKS:
        if prop in links:
            return units.kb.state_of(links[prop]) or links[prop]
    return None


THREAT_CONTENT_REACH = 4  # words from a warning verb to the attack noun (with بـ) it threatens, names aside


def _threatened_head(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> tuple[int | None, bool]:
    """Where an attack that may be a threat's content begins (its light verb: بشن هجمات), and whether it follows
    وإلا (an ultimatum's consequence); None when it is no content: not an attack, no بـ of content (بتوسيع العملية
    العسكرية) and no وإلا before it."""
    head = trig.light if trig.light is not None else trig.first
    otherwise = trig.core == "Attack" and any(s.words[k].norm in lex.modality["conditional"]["otherwise"]
                                              for k in range(max(0, head - 2), head))
    content = s.words[head].norm.startswith("ب") or (head > 0 and s.words[head - 1].norm.startswith("ب") and s.words[
        head - 1].norm[1:] in lex.particles["escalation"])
    return (head if trig.core == "Attack" and (content or otherwise) else None), otherwise


def threat_of(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> Trigger | None:
    """The threat whose content an attack is (الحوثيون هددوا باستهداف السفن، توعدت حماس بقصف المطار، أمهلت ...
    وإلا ستستهدف): the last warning before it within reach, whoever is named between them; None if none."""
    head, otherwise = _threatened_head(s, trig, lex)
    if head is None:
        return None
    named = {k for r in s.refs for k in range(r.first, r.last)}
    return next((w for w in reversed(s.triggers) if w.core == "Warning" and w.last <= head and sum(
        k not in named for k in range(w.last, head)) <= (ULTIMATUM_REACH if otherwise else THREAT_CONTENT_REACH)),
        None)


def threat_parties(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> tuple[ActorRef | None, set[int]]:
    """Who threatens, and who is threatened (their mentions' first words), when the trigger is a threat's content
    (هددت إيران إسرائيل بضربات، مهددة اليابان بضربات جديدة، هدد نتنياهو بتوسيع العملية العسكرية) or what an
    ultimatum says follows (أمهلت الفصائل القوات الأمريكية أسبوعا للمغادرة وإلا ستستهدف قواعدها, GUIDELINES §6):
    the attack threatened is the threatener's, never the addressee's. The threatener is known here only when
    named after the verb of threatening, before the addressee."""
    head, otherwise = _threatened_head(s, trig, lex)
    if head is None:
        return None, set()
    named = {k for r in s.refs for k in range(r.first, r.last)}  # (a name of many words is one step: هددت جبهة
    # تحرير أزواد الجيش المالي بشن هجمات)
    for w in s.triggers:
        if w.core == "Warning" and w.last <= head and sum(k not in named for k in range(w.last, head)) <= (
                ULTIMATUM_REACH if otherwise else THREAT_CONTENT_REACH):
            between = [r for r in s.refs if w.last <= r.first and r.last <= head]
            before = any(r.last <= w.first for r in s.refs if r.kind != "Location")
            if not between:
                return None, set()
            if len(between) == 1 and not before:
                return between[0], set()  # (وتوعدت حماس بقصف المطار: the one named is the subject)
            if otherwise and not (w.entry is not None and w.entry.pos == "verb"):
                quoted = bool(s.quoted) and s.quoted[w.first]
                return (s.speaker if quoted else None), {between[0].first}  # (هذا تحذير أخير لقتلة حماس ... وإلا
                # ستدمر غزة: a noun of warning has no subject after it, the one named is the one warned; in quotes,
                # the speaker warns)
            if otherwise:  # (the subject, then the one given the deadline)
                return (None if before else between[0]), {between[0 if before else 1].first}
            return (between[0] if len(between) > 1 else None), {between[-1].first}
    return None, set()


ULTIMATUM_REACH = 12  # words from the verb of an ultimatum to the attack it threatens after وإلا
SUFFERERS = ("Location", "State", "StateOrgan", "Militia")  # who may undergo an attack as its target (a person: only
# in a targeted killing, which names him otherwise)


def undergone_from_clause(s: SentenceUnit, undergo: int, lex: Lexicon) -> int:
    """Where the description of what undergoes an attack begins: the relative pronoun of a clause that runs up to
    the verb of undergoing (ناقلة النفط ... والتي ترفع علم جزر مارشال، تعرضت لهجوم), else the verb itself."""
    for k in range(undergo - 1, max(-1, undergo - RELATIVE_CLAUSE_REACH), -1):
        if s.words[k].breaks_after and k < undergo - 1:
            break
        if s.words[k].norm.lstrip("و") in lex.particles["relative_pronouns"]:
            return k
    return undergo


RELATIVE_CLAUSE_REACH = 8  # words back from a verb of undergoing to the relative pronoun of its subject's clause


def own_voice(units: ArticleUnits, s: SentenceUnit) -> set[str]:
    """Whose words a sentence gives: its speaker, or the last one named before it (وأضاف أن ...), with the state
    and the armed group he speaks for."""
    speaker = s.speaker or next((p.speaker for p in reversed(units.sentences[:s.index]) if p.speaker is not None),
                                None)
    if speaker is None:
        return set()
    out = set(speaker.iris)
    for iri in speaker.iris:
        out |= {x for x in (state_of(units, iri), group_of(units, iri)) if x is not None}
    return out


ISSUER_REACH = 8  # words back from a document noun to the verb of issuing it


def document_issuer(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> ActorRef | None:
    """Who demands or warns through a document (GUIDELINES §3: the agent is a state, a body, an official): for a
    verb of demand or warning right after a document noun (أصدر مجلس الأمن قرارا يطالب الحوثيين، تبنت الجمعية
    العامة قرارا يدعو إسرائيل), the body that issued it, the subject of the verb of issuing before the noun (VSO,
    or SVO: مجلس الأمن أصدر قرارا); the mention after the verb is then its object. None otherwise.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> s = read_units(None, Article("x", "x.txt", "أصدر مجلس الأمن الدولي قرارا يطالب الحوثيين بوقف الهجمات."),
    ...                load_kb()).sentences[0]
    >>> from akhbar.extract.lexicon import load_lexicon
    >>> document_issuer(s, next(t for t in s.triggers if t.core == "Pressure"), load_lexicon()).surface
    'مجلس الأمن الدولي'
    """
    if trig.core not in ("Pressure", "Warning") or trig.entry is None or trig.entry.pos != "verb" or trig.first == 0:
        return None
    words = s.words
    doc = trig.first - 1
    if words[doc].norm.lstrip("و") not in lex.particles["documents"] or words[doc].gap_after.strip():
        return None
    k = clause_word_before(words, doc, lex.particles["issuing_verbs"], ISSUER_REACH)
    if k is None:
        return None
    after = next((r for r in s.refs if k < r.first and r.last <= doc), None)  # (VSO: the subject after the verb)
    return after or next((r for r in reversed(s.refs) if r.last <= k and not any(
        w.breaks_after or w.comma_after for w in words[r.last - 1:k])), None)


OUTLET_NAME_WORDS = 3  # words of an outlet's name between its noun and the nisba of its nationality


def outlet_nationality(s: SentenceUnit, ref: ActorRef, lex: Lexicon) -> bool:
    """Whether a state's nisba tells which state a news outlet is of (صحيفة هآرتس الإسرائيلية، موقع "أكسيوس"
    الأمريكي، قناة الميادين اللبنانية، وكالة رويترز البريطانية): right after an outlet the base knows, or after a
    noun of an outlet and up to `OUTLET_NAME_WORDS` words of its name (no adjective, mention or punctuation but
    quotes between). The outlet reports; its state takes no part in what it reports (GUIDELINES §3).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> units = read_units(None, Article("x", "x.txt", "وقال موقع أكسيوس الأمريكي إن إسرائيل قصفت دمشق."), load_kb())
    >>> [(r.surface, outlet_nationality(units.sentences[0], r, units.lex)) for r in units.sentences[0].refs]
    [('موقع أكسيوس', False), ('الأمريكي', True), ('إسرائيل', False), ('دمشق', False)]
    """
    if ref.how != "nisba" or ref.first == 0:
        return False
    words = s.words
    before = {r.last: r for r in s.refs}
    k = ref.first
    for n in range(OUTLET_NAME_WORDS + 1):
        prev = before.get(k)
        if prev is not None:
            return prev.kind == "MediaOutlet"  # (قناة الميادين | اللبنانية)
        j = k - 1
        if j < 0 or words[j].gap_after.strip(" \"'“”«»"):
            return False
        if words[j].norm.lstrip("و") in lex.particles["media_nouns"]:
            return n > 0  # (the noun, then at least one word of the outlet's name)
        if words[j].norm.endswith(("ي", "يه")) or words[j].norm in lex.name_stop:
            return False  # (قاعدة عسكرية | إسرائيلية: an adjective, no name)
        k = j
    return False


NOUN_PHRASE_REACH = 3  # words after an attack noun in which its phrase may name a party (adjectives between)


def anaphoric_attack(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> bool:
    """Whether an attack is named by a definite noun alone, as a mention of one told before (وقال الكرملين إن
    الهجوم أسفر عن، هذه الضربة، أدانت الخارجية القصف; GUIDELINES §1, §3): a noun with the article, or after a
    demonstrative, that no adjective of a state or a following actor gives an author (not الهجوم الإيراني، قصف
    إسرائيل، الهجوم على القاعدة), and a verb of attack whose subject is such a noun (القصف استهدف).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> units = read_units(None, Article("x", "x.txt", "قال الجيش إن الهجوم فشل. وأدان الهجوم الإيراني."), load_kb())
    >>> [anaphoric_attack(s, s.triggers[0], units.lex) for s in units.sentences]
    [True, False]
    """
    if trig.entry is not None and trig.entry.pos == "verb":
        return any(t.last == trig.first and t.core == "Attack" and anaphoric_attack(s, t, lex) for t in s.triggers)
        # (القصف استهدف منشآت مدنية: a verb whose subject is such a noun tells the same attack)
    if trig.entry is None or trig.entry.pos != "noun" or trig.last - trig.first != 1 or trig.light is not None:
        return False
    words = s.words
    word = words[trig.first]
    demonstrative = trig.first > 0 and words[trig.first - 1].norm.lstrip("و") in lex.particles["demonstratives"]
    if not (demonstrative or definite(word.norm)):
        return False
    starts = {r.first for r in s.refs}
    verbs = {t.first for t in s.triggers}
    for k in range(trig.last, min(len(words), trig.last + NOUN_PHRASE_REACH)):
        if words[k - 1].gap_after.strip() or k in verbs or (s.upos and s.upos[k] == "VERB"):
            break  # (القصف استهدف منشآت، الهجوم يأتي ردا على: what the verb after it says is no part of the noun's
            # phrase)
        if k in starts or words[k].norm in lex.target_preps["any"]:
            return False  # (الأعمال العدوانية لدول الناتو، الهجوم الأخير على القاعدة: the phrase names a party)
    return True


US_REACH = 6  # words after an attack in which "us" or "our country" may stand as what it strikes


def aimed_at_us(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> bool:
    """Whether an attack is aimed at "us" or "our country" in its own clause (الهند تشن على بلدنا هجوما، اعتدت
    علينا بصواريخ، مصدر للعمليات ضدنا): the speaker's side is its target, as with an object pronoun ـنا.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "قال الوزير إن جارتنا اعتدت علينا بصواريخ. وقال إن الجيش قصف مواقعهم."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [aimed_at_us(s, s.triggers[0], units.lex) for s in units.sentences]
    [True, False]
    """
    if trig.core != "Attack":
        return False
    words, aims = s.words, lex.particles.get("us_aims", frozenset())
    for k in range(trig.last, min(len(words), trig.last + US_REACH)):  # (after it, in its clause)
        if words[k - 1].gap_after.strip():
            break
        if words[k].norm.lstrip("و") in aims:
            return True
    if trig.light is None:
        return False
    for k in range(trig.first - 1, max(trig.light, trig.first - US_REACH) - 1, -1):
        if words[k].gap_after.strip():  # (تشن على بلدنا هجوما: between a light verb and its noun)
            break
        if words[k].norm.lstrip("و") in aims:
            return True
    return False
