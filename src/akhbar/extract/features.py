"""Features of a (trigger, candidate) pair: a flat dict of named indicators for the trained scorer.

Each feature is named for what it measures: word order, distance in words and clause breaks, the
preposition or particle before the mention, the dependency path, the mention's own relation to its head
and the kind of word it hangs on (features among many: the parse is weak, never a gate), the kind of
actor, the trigger's class and part of speech, quotes, the sentence's place, and the candidate's source. A
few conjunctions (`CONJUNCTIONS`) let the linear scorer weigh, say, "after the trigger, behind على"
differently for an Attack and a Warning.

>>> from akhbar.kb import load_kb
>>> from akhbar.records import Article
>>> from akhbar.extract.units import read_units
>>> from akhbar.extract.candidates import candidates
>>> units = read_units(None, Article("x", "x.txt", "قصفت إسرائيل مواقع في لبنان."), load_kb())
>>> s = units.sentences[0]
>>> f = features(units, s, s.triggers[0], candidates(units, s)[0])
>>> f["order=after"], f["cls=Attack"], f["prep=none"]
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

from dataclasses import replace

from akhbar.extract.actors import ActorRef
from akhbar.extract.candidates import SENTENCE, Candidate, context_sources
from akhbar.extract.coordination import ANNOUNCING, NAMING, aside_end, aside_ending_at, compatible, patron
from akhbar.extract.events import Trigger
from akhbar.extract.lexicon import Lexicon
from akhbar.extract.phrases import OWNERS, _describes_event, counted_at, past_instrument, past_unnamed, struck_head
from akhbar.extract.text import (
    CLAUSE_BREAK,
    COMMAS,
    PREPOSITIONS,
    Word,
    clause_word_before,
    definite,
    last_letter,
    written_feminine,
)
from akhbar.extract.units import ArticleUnits, SentenceUnit
from akhbar.kb import normalise, strip_article

PROCLITIC_PREPS = ("ب", "ل", "ك")

# feature groups multiplied together (each tuple names base features; the product is one indicator)
CONJUNCTIONS: tuple[tuple[str, ...], ...] = (
    ("cls", "order"), ("cls", "prep"), ("cls", "order", "prep"), ("tpos", "order"), ("tpos", "order", "prep"),
    ("cls", "tpos", "order"), ("cls", "kind"), ("cls", "kind", "order"), ("order", "dist"), ("cls", "order", "dist"),
    ("cls", "dep"), ("tpos", "dep"), ("order", "nearest"), ("cls", "order", "nearest"), ("tpos", "gen"),
    ("cls", "gen"), ("cls", "how"), ("how", "order"), ("order", "breaks"), ("order", "commas"),
    ("cls", "src"), ("src", "kind"), ("src", "n_before"), ("src", "tpos"), ("src", "cls", "n_before"),
    ("cls", "tpass", "order"), ("cls", "spk"), ("cls", "tquote", "spk"), ("order", "trig_between"),
    ("cls", "conj"), ("cls", "tdef", "order"),
    ("cls", "we", "spk"), ("cls", "subj"), ("cls", "order", "refs_between"), ("src", "also_here"),
    ("cls", "src", "count"), ("cls", "ctx_previous_sentence"), ("cls", "ctx_last_speaker"), ("cls", "ctx_headline"),
    ("cls", "slot"), ("cls", "tpos", "slot"), ("cls", "tpos", "slot", "pre0_taken"), ("tpos", "slot", "kind"),
    ("cls", "slot", "prep"), ("cls", "tcomp", "spk"), ("cls", "tcomp", "slot"),
    ("tnoun_tr", "gen"), ("tnoun_tr", "slot"), ("tnoun_tr", "slot", "cls"), ("obj_pron", "slot"),
    ("obj_pron", "slot", "cls"), ("pre_word", "slot"), ("pre_word", "slot", "cls"), ("pre_word", "tpos", "slot"),
    ("cls", "aim_between"), ("cls", "aim_between", "kind"), ("condemned", "slot"), ("condemned", "src"),
    ("condemned", "slot", "cls"), ("passive", "slot"), ("passive", "cls", "slot"),
    ("grammar",), ("cls", "grammar"), ("tpos", "grammar"), ("cls", "tpos", "grammar"), ("grammar", "kind"),
    ("antecedent",), ("cls", "antecedent"), ("antecedent", "kind"), ("cls", "shared_subj"),
    ("tword", "slot"), ("tword", "grammar"),
    ("cls", "was_subj"), ("cls", "was_obj"), ("cls", "src", "was_subj"), ("cls", "src", "was_obj"),
    ("cls", "tpos", "was_subj"), ("cls", "rank"), ("cls", "kind", "src"), ("cls", "n_before", "ctx_previous_sentence"),
    ("cls", "light_in"), ("cls", "rel"), ("cls", "mrel"), ("cls", "mgov"), ("cls", "phead"), ("phead", "slot"),
    ("cls", "spk", "kind"), ("cls", "resp_between"), ("cls", "order", "resp_between"),
    ("cls", "tobj"), ("src", "tobj"), ("cls", "src", "tobj"), ("cls", "tobj", "kind"), ("cls", "inst_nisba"),
    ("agree",), ("cls", "agree"),
)
NOUNS = ("NOUN", "PROPN", "X")
OBJECT_REACH = 6  # words after the trigger searched for what fills its object's place


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """The bucket of n: the first edge it does not exceed ("3-4"), or the last edge and above ("13+")."""
    lo = 0
    for edge in edges:
        if n <= edge:
            return str(n) if lo == edge else f"{lo}-{edge}"
        lo = edge + 1
    return f"{lo}+"


def _ancestors(s: SentenceUnit, word: int, limit: int) -> list[tuple[int, str]]:
    """The heads above a word, nearest first, each with the relation of the word below it."""
    out: list[tuple[int, str]] = []
    for _ in range(limit):
        h = s.heads.get(word)
        if h is None:
            break
        out.append(h)
        word = h[0]
    return out


def _dep_path(s: SentenceUnit, frm: int, to: int, limit: int = 3) -> str:
    """The relations from word `frm` up to word `to` ("nsubj", "nmod>obl"), "up:…" the other way round,
    "sib:a/b" through a common head, else "none"."""
    if not s.heads:
        return "noparse"
    up = _ancestors(s, frm, limit)
    for k, (word, _) in enumerate(up):
        if word == to:
            return ">".join(rel for _, rel in up[:k + 1])
    down = _ancestors(s, to, limit)
    for k, (word, _) in enumerate(down):
        if word == frm:
            return "up:" + ">".join(rel for _, rel in down[:k + 1])
    if up and down and up[0][0] == down[0][0]:
        return f"sib:{up[0][1]}/{down[0][1]}"
    return "none"


def _mention_head(s: SentenceUnit, first: int, last: int) -> int:
    """The word of a mention whose head lies outside it (the mention's syntactic head)."""
    for k in range(first, last):
        h = s.heads.get(k)
        if h is None or not first <= h[0] < last:
            return k
    return first


def _parse_place(s: SentenceUnit, word: int) -> str:
    """A word's own place in the parse: its relation to its head and the head's part of speech ("obj<VERB"),
    "root", or "noparse" without a parse. Local, so less exposed to the parser's errors than a long path."""
    above = s.heads.get(word)
    if above is None:
        return "root" if s.heads else "noparse"
    return f"{above[1]}<{s.upos[above[0]] if s.upos else '?'}"


def _governor(units: ArticleUnits, s: SentenceUnit, trig: Trigger, head: int, word: int) -> str:
    """What kind of word the parse hangs a mention on: this trigger, another trigger, a verb of saying,
    claiming or condemning, a light verb, else "other" ("none" at the root); `head`: the trigger's."""
    above = s.heads.get(word)
    if above is None:
        return "none"
    h = above[0]
    if trig.first <= h < trig.last or h == head:
        return "trigger"
    if any(t.first <= h < t.last for t in s.triggers):
        return "other_trigger"
    lex = units.lex
    n = s.words[h].norm
    bare = n.lstrip("وف")
    if n in lex.reporting_verbs or bare in lex.reporting_verbs:
        return "say"
    if n in lex.claim_verbs or bare in lex.claim_verbs:
        return "claim"
    if bare in lex.particles["condemnation"]:
        return "condemn"
    if n in lex.light_verbs or bare in lex.light_verbs:
        return "light"
    return "other"


def trigger_head(trig: Trigger) -> int:
    """The word that carries a trigger's arguments: its light or emphasis verb, else the trigger itself."""
    if trig.light is not None:
        return trig.light
    if trig.addressed is not None:
        return trig.addressed
    return trig.first


def trigger_pos(trig: Trigger) -> str:
    """phrase | addressed | light | verb | noun."""
    if trig.phrase:
        return "phrase"
    if trig.addressed is not None:
        return "addressed"
    if trig.light is not None:
        return "light"
    return trig.entry.pos if trig.entry is not None else "noun"


def _frequency_rank(units: ArticleUnits, iri: str) -> int:
    """0 for the article's most-mentioned actor, 1 for the next, ..."""
    for k, (other, _) in enumerate(units.mention_counts.most_common()):
        if other == iri:
            return k
    return 99


def pronoun_subject(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> str | None:
    """The actor a verb's pronoun subject stands for: the speaker of the sentence, when the trigger's clause
    opens with أنه/أنها/إنهم (قال X إنه هاجم، ذكرت X أنها لن تكبح) and no mention stands between them."""
    head = trigger_head(trig)
    if trigger_pos(trig) not in ("verb", "light") or s.speaker is None or s.speaker.kind in ("Location",):
        return None
    if _complementiser(s.words, head, units.lex) != "pron":
        return None
    k = next(k for k in range(head - 1, -1, -1) if s.words[k].norm in units.lex.pronoun_complementisers)
    if any(k < r.first < head for r in s.refs):
        return None
    iri = s.speaker.iri
    return units.kb.capitals.get(iri, iri)


def speakers_forces(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> ActorRef | None:
    """The speaker whose own forces or weapons are the subject of the trigger, a verb of the clause he says (أكدت
    القيادة المركزية أن قواتها نفذت ضربات، قالت الوزارة إن طائراتها قصفت): the possessive is his (GUIDELINES §3:
    pronouns are resolved); a ministry's or an official's forces are his state's armed forces where the base names
    them (`ARMED_FORCES`). None when a mention stands between, or the forces are not right after أن or إن.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "وقالت وزارة الدفاع الروسية إن قواتها قصفت مستودعات في أوكرانيا."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> speakers_forces(units, s, s.triggers[0]).surface
    'وزارة الدفاع الروسية'
    """
    head = trigger_head(trig)
    if trig.core != "Attack" or trigger_pos(trig) not in ("verb", "light") or s.speaker is None \
            or _complementiser(s.words, head, units.lex) != "that":
        return None
    k = next(k for k in range(head - 1, -1, -1) if s.words[k].norm in THAT)
    if k + 1 >= head or not _own_forces(s.words[k + 1], units.lex) or any(k < r.first < head for r in s.refs) \
            or s.speaker.last > k:
        return None
    speaker = s.speaker
    armed = strip_article(s.words[speaker.first].norm.lstrip("و")) in units.lex.heads["armed"]  # (القيادة المركزية:
    # a command's forces are its own)
    state = speaker.iri if speaker.kind == "State" else units.finder.state_of(speaker.iri) \
        if speaker.kind in ("StateOrgan", "Official") and not armed else None
    for noun in ARMED_FORCES if state else ():
        army = units.finder._known_organ(noun, state)
        if army is not None:  # (أعلنت وزارة الدفاع التركية أن قواتها نفذت: the Turkish armed forces)
            return replace(speaker, iris=(army,), kind="StateOrgan", how="kb")
    return speaker


ARMED_FORCES = (("قوات",), ("جيش",), ("قوات", "مسلحه"))  # nouns of a state's armed forces in the base (+ nisba)


def _own_forces(word: Word, lex: Lexicon) -> bool:
    """Whether a word is forces or weapons with a possessive pronoun (قواتها، جيشه، طائراتها، مسيراته)."""
    suffix = possessive_suffix(word)
    if suffix is None:
        return False
    bare = word.norm[:-len(suffix)]
    bare = bare[:-1] + "ه" if bare.endswith("ت") and not bare.endswith("ات") else bare  # (قوتها → قوه)
    return bare in lex.heads["armed"] or bare in lex.heads.get("instrument", frozenset()) or bare in lex.weapons


POSSESSIVES = ("هما", "هم", "ها")  # attached possessive pronouns (ه too, when written ه and not ة)
PERSONS_PLURAL = ("ون", "ين")  # sound masculine plurals: of persons (الحوثيين، المسؤولون)


def possessive_suffix(word: Word) -> str | None:
    """The possessive pronoun a word ends with (هما، هم، ها; ه only when written ه, not a ة that normalises to
    it), None if none."""
    suffix = next((p for p in POSSESSIVES if word.norm.endswith(p)), None)
    return suffix if suffix is not None else "ه" if last_letter(word.text) == "ه" else None


def shared_subject(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> ActorRef | None:
    """The subject a verb of warning or demand shares with the clause before it, when it follows a comma and
    و and names no subject of its own, or is a participle of manner after a comma (طالبت واشنطن الجيش بتفكيك
    المواقع، محذرة من أن …) (اتهمت قسد الجيش التركي بقصف المدنيين، ودعت التحالف إلى التدخل; أفادت
    باكستان بإصابة مدنيين، وحذرت من): the nearest mention before it that is a verb's subject and agrees with it
    in gender (GUIDELINES §3: pronouns, here an elided one, are resolved). None when the mention after the verb
    may be its subject (it agrees, or its gender is unknown).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "حذرت مصر إسرائيل من التصعيد، ودعت مجلس الأمن إلى التدخل."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> shared_subject(units, s, s.triggers[-1]).surface
    'مصر'
    """
    words = s.words
    entry = trig.entry
    norm = words[trig.first].norm
    participle = norm in units.lex.participles  # (، محذرة من أن: a participle of manner after a comma)
    agree = ("f" if norm.endswith(("ه", "ات")) else "m" if norm.endswith(("ا", "ين", "ون")) else "") \
        if participle else entry.agree if entry is not None else ""
    if trig.core == "Attack" or entry is None or entry.pos != "verb" or trig.light is not None \
            or agree not in ("m", "f") or trig.first == 0 or not words[trig.first - 1].comma_after \
            or not (participle or norm.startswith("و")):
        return None
    after = s.ref_at().get(trig.last)
    if not participle and after is not None and agreement(units, trig, after) != "False":
        return None  # (، ودعت فرنسا إيران: the mention after it may be its own subject; a participle's is before it)
    verbs = {t.first for t in s.triggers if t.entry is not None and t.entry.pos == "verb"}

    def a_verb(k: int) -> bool:
        return 0 <= k < len(words) and (k in verbs or (bool(s.upos) and s.upos[k] == "VERB" and not participle)
                                        or words[k].norm.lstrip("و") in units.lex.reporting_verbs)
        # (a participle's subject is the one of the verb of warning, demand or saying it goes with: not of any
        # verb the parse reads, وطالب بولس الجيش والدعم السريع بحث المقترح، محذرا)

    subjects = [r for r in sorted(s.refs, key=lambda r: -r.first) if r.last <= trig.first
                and (r.kind != "Location" or r.iri in units.kb.capitals)  # (a capital stands for its state)
                and r.how != "nisba" and (a_verb(r.first - 1) or (r.last < trig.first and a_verb(r.last)))]
    # (a nisba is an adjective, and a mention right before the comma and this verb is not its subject)
    return next((r for r in subjects if mention_gender(units, r) == agree),
                next((r for r in subjects if mention_gender(units, r) == ""), None))  # (قسد: of no known gender)


def possessor(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> ActorRef | None:
    """Who a trigger noun's possessive pronoun stands for (أمهلت واشنطن الحوثيين أسبوعا لوقف هجماتهم: the Houthis'
    attacks; طالبت مصر إسرائيل بوقف عدوانها): the nearest actor named before it in the sentence that is no place
    (GUIDELINES §3: pronouns are resolved). Only for nouns whose possessor is their author: a transitive verbal
    noun's pronoun may be its object (قصفها: bombing it).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "أمهلت الولايات المتحدة الحوثيين أسبوعا لوقف هجماتهم على السفن."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> possessor(units, s, s.triggers[-1]).surface
    'الحوثيين'
    """
    entry = trig.entry
    if trig.last - trig.first != 1 or entry is None or entry.pos != "noun" or entry.transitive_noun:
        return None
    word = s.words[trig.first]
    nouns = units.lex.noun_triggers
    suffix = possessive_suffix(word)
    if suffix is None:
        return None
    stem = word.norm[:-len(suffix)]
    if not (stem in nouns or (stem.endswith("ت") and stem[:-1] + "ه" in nouns)):
        return None
    before = [r for r in s.refs if r.last <= trig.first and (r.kind != "Location" or r.iri in units.kb.capitals)]
    # the pronoun agrees with its antecedent: هم with a plural of persons (الحوثيين), ها and ه with any other, ها
    # with a feminine one and ه with a masculine one where the words tell (ملوحة بتوسيع عملياتها: أنقرة's, not حزب
    # العمال's)
    persons = [r for r in before if (s.words[r.last - 1].norm.endswith(PERSONS_PLURAL)) == (suffix in ("هم", "هما"))]
    gender = {"ها": "f", "ه": "m"}.get(suffix)
    agreeing = [r for r in persons if gender is None or mention_gender(units, r) in (gender, "")]
    return (agreeing or persons or before or [None])[-1]


POSSESSED_HEADS = ("armed", "facility", "struck")  # [heads] lists of what a state or group owns and an attack strikes


def possessed_target(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> ActorRef | None:
    """Whose forces, bases or ships an attack strikes when they are named by a possessive pronoun right after it
    (أي هجوم يستهدف قواتها، الاعتداء على قواعده): the nearest actor named before the trigger that agrees with the
    pronoun (ها: feminine, ه: masculine) and is no place, or in a threat the first, who threatens (GUIDELINES §3:
    pronouns are resolved, and generic positions of X are X).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "حذرت الولايات المتحدة من أنها سترد على أي هجوم يستهدف قواتها."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> possessed_target(units, s, s.triggers[-1]).surface
    'الولايات المتحدة'
    """
    if trig.core != "Attack" or trig.entry is None:
        return None
    k = trig.last
    if trig.entry.pos == "noun" and k < len(s.words) and s.words[k].norm in ("علي", "ضد"):
        k += 1  # (الاعتداء على قواعده)
    verb = next((t for t in s.triggers if t.first == k and t.core == "Attack" and t.entry is not None
                 and t.entry.pos == "verb"), None) if trig.entry.pos == "noun" else None
    k = verb.last if verb is not None else k  # (أي هجوم يستهدف قواتها: the verb after the noun tells its target)
    if k >= len(s.words) or k in s.ref_at() or s.words[k - 1].gap_after.strip():
        return None
    word = s.words[k]
    suffix = possessive_suffix(word)
    if suffix is None:
        return None
    stem = word.norm[:-len(suffix)]
    stems = {stem, stem[:-1] + "ه"} if stem.endswith("ت") else {stem}  # (قواتها، قواعدها؛ قوته: a ة before it)
    heads = units.lex.heads
    if not any(x in heads.get(name, ()) for x in stems for name in POSSESSED_HEADS):
        return None
    gender = {"ها": "f", "ه": "m"}.get(suffix)
    before = [r for r in s.refs if r.last <= trig.first and r.kind != "Location"]
    agreeing = [r for r in before if gender is None or mention_gender(units, r) in (gender, "")]
    if not agreeing:
        return None
    threat = any(t.core == "Warning" and t.last <= trig.first for t in s.triggers)
    return agreeing[0] if threat else agreeing[-1]  # (حذرت واشنطن طهران من أنها سترد على أي هجوم يستهدف قواتها:
    # in a threat, the threatener's forces, not the addressee's)


DETACHED_POSSESSIVES = {"له": "ه", "لها": "ها", "لهم": "هم", "لهما": "هما"}  # (normalised) مواقع له: its positions


def owned_positions(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> ActorRef | None:
    """Whose positions an attack strikes when a pronoun names their owner (أعلن الجيش السوداني أن قوات إثيوبية
    هاجمت مواقع له، قصفت الطائرات مواقعها): the nearest actor named before the trigger that agrees with the pronoun
    and is no place (GUIDELINES §3: generic positions of X are X, and pronouns are resolved). The object may stand
    after the verb's subject (VSO). Unlike the forces of `possessed_target`, positions may lie in a named place,
    which is struck too (§6).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "أعلن الجيش السوداني أن قوات إثيوبية هاجمت مواقع له في منطقة الفشقة."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> owned_positions(units, s, s.triggers[-1]).surface
    'الجيش السوداني'
    """
    if trig.core != "Attack" or trig.entry is None or trig.entry.pos != "verb":
        return None
    words, ref_at = s.words, s.ref_at()
    k = trig.last
    if k in ref_at and ref_at[k].kind != "Location":
        k = ref_at[k].last  # (هاجمت قوات إثيوبية مواقع له: past the subject)
    if k >= len(words) or k in ref_at or any(words[m].gap_after.strip() for m in range(trig.last - 1, k)):
        return None
    word = words[k]
    suffix = possessive_suffix(word)
    stem = word.norm[:-len(suffix)] if suffix else word.norm
    if suffix is None and k + 1 < len(words) and not word.gap_after.strip():
        suffix = DETACHED_POSSESSIVES.get(words[k + 1].norm)
    if suffix is None or not (stem in units.lex.generic_targets or word.key in units.lex.generic_targets):
        return None
    gender = {"ها": "f", "ه": "m"}.get(suffix)
    opener = max((m for m in range(trig.first) if words[m].norm in THAT), default=-1)
    subject_from = opener if opener >= 0 else trig.first - 1  # (the attacker, after إن or right before the verb,
    # owns no positions it strikes: قالت قسد إن الطائرات التركية قصفت مواقع لها — the SDF's)
    before = [r for r in s.refs if r.last <= trig.first and r.kind != "Location" and r.last <= subject_from]
    agreeing = [r for r in before if gender is None or mention_gender(units, r) in (gender, "")]
    return agreeing[-1] if agreeing else None


THAT = frozenset({"ان", "بان", "وان"})


OBJECT_PRONOUNS = ("ها", "هم", "هما", "كم")
DETACHED_OBJECTS = frozenset({"اياه", "اياها", "اياهم", "اياهما"})


def has_object_pronoun(s: SentenceUnit, trig: Trigger, lex: Lexicon | None = None) -> bool:
    """A verb whose object is a pronoun, attached (هاجمتها) or detached (متوعدة إياها); given the lexicon, also
    "him" (طالبه، حثه: ه, which a normalised ة also reads as, only where the word without it is a verb of the
    lexicon)."""
    if trigger_pos(trig) != "verb":
        return False
    w = s.words[trig.first]
    him = lex is not None and w.text.endswith("ه") and w.norm[:-1].lstrip("و") in lex.triggers  # (the text's ه,
    # not a feminine ة: مطالبة)
    return (w.norm.endswith(OBJECT_PRONOUNS) and len(w.norm) > 5) or him or \
        (trig.last < len(s.words) and s.words[trig.last].norm in DETACHED_OBJECTS)


def _before_head(units: ArticleUnits, s: SentenceUnit, trig: Trigger, head: int) -> str:
    """What stands right before the trigger's head word: another trigger (قصف إسرائيلي استهدف: the verb's
    subject is that event), a relative pronoun, a mention, a noun, the sentence start, or something else."""
    k = head - 1
    while k >= 0 and (s.words[k].norm.endswith(("ي", "يه")) and s.words[k].norm.startswith("ال")) and k > head - 3:
        k -= 1  # adjectives of the word before
    if k < 0:
        return "start"
    others = [t for t in s.triggers if t is not trig]
    if any(t.first <= k < t.last for t in others) or (
            k > 0 and not s.words[k - 1].comma_after and any(t.first <= k - 1 < t.last for t in others)):
        return "trigger"  # (not across a comma: تبادلتا القصف، فيما دعت واشنطن)
    if s.words[k].norm in units.lex.particles["relative_pronouns"]:
        return "rel"
    if any(r.first <= k < r.last for r in s.refs):
        return "mention"
    if s.upos and s.upos[k] == "NOUN":
        return "noun"
    return "other"


PASSIVE_AUXILIARIES = frozenset({"تم", "يتم", "وتم", "ويتم", "جرى", "يجري", "وجرى"})
COUNTS = frozenset({"عده", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "عشرات", "مئات", "بضع", "ثلاثه",
                    "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره"})  # (normalised: ة → ه, أ → ا)


def is_passive(s: SentenceUnit, trig: Trigger, lex: Lexicon | None = None) -> bool:
    """Whether the trigger's author is unstated by its grammar: a passive verb (قُصفت), a verbal noun after تم/جرى
    (تم استهداف), and, given the lexicon, what undergoes an attack (تعرضت القاعدة لهجوم), an attack repelled
    (تصدت الدفاعات للهجوم: its defender is no author) or a verb whose subject is only the weapon (استهدفت ثلاث
    طائرات مسيرة القاعدة, GUIDELINES §3: a weapon as agent is a null agent), the attack itself
    (`attack_subject`: استهدفت غارة منزلا) or attackers left unnamed, also as a light verb's subject (شن مسلحون
    مجهولون هجوما).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "تعرضت القاعدة لهجوم. واستهدفت ثلاث طائرات مسيرة المطار. وهاجمت مسيرات أوكرانية المطار."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [is_passive(s, s.triggers[0], units.lex) for s in units.sentences]
    [True, True, False]
    """
    head = trigger_head(trig)
    words = s.words
    if head in s.passives or (head > 0 and words[head - 1].norm in PASSIVE_AUXILIARIES):
        return True
    if lex is None:
        return False
    if trig.core == "Attack" and unclaimed(s, lex):
        return True  # (ولم تعلن أي جهة مسؤوليتها عن الهجوم: the text says nobody is named)
    if words[head].norm.startswith("ل") and undergone_from(s, trig, lex) is not None:
        return True  # تعرضت قاعدة حرير لهجوم، قال الوزير إن إيران تعرضت لهجوم: nobody is said to make it
    for k in range(head - 1, max(-1, head - 5), -1):
        if words[k].breaks_after:
            break
        if words[k].norm.lstrip("وف") in lex.repel_words:
            return True  # تصدت الدفاعات للهجوم، أحبطت هجوما: the defender speaks, nobody is said to make it
    if trigger_pos(trig) == "verb" and instrument_before(s, trig, lex):
        return True  # (مسيرة مجهولة استهدفت مقرا: SVO, the weapon is the subject)
    if trigger_pos(trig) == "verb":
        k, after = instrument_subject(s, trig, lex)
        ref_at = s.ref_at()
        if after > k and not any(m in ref_at and (ref_at[m].how == "nisba" or ref_at[m].kind in OWNERS)
                                 for m in range(k, after)):
            return True  # (هاجمت مسيرات أوكرانية، قصفت طائرات الاحتلال: the weapon's nisba or owner names its author)
        if attack_subject(s, trig):
            return True  # استهدفت غارة منزلا: the attack itself is the subject (غارة إسرائيلية names its author)
        if unnamed_subject(s, trig, lex):
            return True  # (هاجم مسلحون مجهولون دورية: the text leaves the attackers unnamed)
    if trigger_pos(trig) == "light" and trig.light is not None and trig.light + 1 < trig.first:
        k, ref_at = trig.light + 1, s.ref_at()
        end = past_unnamed(words, k, lex)
        if end == k and k not in ref_at:
            end = past_instrument(words, k, ref_at, s.upos, lex)
            unnamed = lex.heads.get("unnamed_attacker", frozenset())
            while k < end < trig.first and words[end].key.removesuffix("ه") in unnamed:
                end += 1  # (طائرات مسيرة مجهولة)
        if end == trig.first:
            return True  # (شن مسلحون مجهولون هجوما، نفذت طائرات مسيرة مجهولة هجوما: nobody is named)
    return False


def unclaimed(s: SentenceUnit, lex: Lexicon) -> bool:
    """Whether the sentence says that no party claimed its attack (ولم تعلن أي جهة مسؤوليتها، لم يتبن أحد الهجوم):
    a negated verb of claiming with a party left unnamed as its subject, so the attack's author is unstated
    (GUIDELINES §3), whoever else the sentence names.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "ولم تعلن أي جهة مسؤوليتها عن الهجوم. ولم تعلن الحكومة عن الهجوم."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [unclaimed(s, units.lex) for s in units.sentences]
    [True, False]
    """
    words, verbs, parties = s.words, lex.particles["unclaimed_verbs"], lex.particles["unclaimed_parties"]
    for k in range(len(words) - 2):
        if words[k].norm.removeprefix("و") != "لم" or words[k + 1].norm not in verbs or words[k].breaks_after:
            continue
        j = k + 2 + (words[k + 2].norm in lex.modality["possible"]["hypothetical"] and k + 3 < len(words))
        if words[j].norm in parties:
            return True
    return False


def in_relative_on_mention(s: SentenceUnit, trig: Trigger, ref: ActorRef, lex: Lexicon) -> bool:
    """Whether a mention after the trigger stands in a relative clause that describes another mention (استهدفت
    الغارات مطار نيالا الذي تستخدمه قوات الدعم السريع): it tells what the place is, it does not act in the trigger's
    event. A relative clause on the trigger itself (الغارات التي شنتها إسرائيل) names its author and does not count.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "قصفت الطائرات مطار نيالا الذي تستخدمه قوات الدعم السريع."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> [in_relative_on_mention(s, s.triggers[0], r, units.lex) for r in s.refs]
    [False, True]
    """
    if ref.first < trig.last:
        return False
    covered = {k for r in (*s.refs, *s.phrases) for k in range(r.first, r.last)}
    relatives = lex.particles["relative_pronouns"]
    return any(s.words[k].norm.lstrip("و") in relatives and k - 1 in covered and k - 1 >= trig.last
               and not any(w.breaks_after for w in s.words[trig.last:k])
               for k in range(trig.last + 1, ref.first))


def in_apposition(s: SentenceUnit, trig: Trigger, ref: ActorRef, lex: Lexicon) -> bool:
    """Whether a mention stands in a clause set off by commas that describes the mention before it (وتبنت المقاومة
    الإسلامية في العراق، وهي تحالف يضم فصائل موالية لإيران، الهجوم): from a pronoun of apposition after a comma
    (وهي، وهو، وهم) to the next comma, with the trigger outside it; it tells what the group is, it does not act.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "وتبنت المقاومة الإسلامية في العراق، وهي تحالف يضم فصائل موالية لإيران، الهجوم على القاعدة."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> [(r.surface, in_apposition(s, s.triggers[-1], r, units.lex)) for r in s.refs][:2]
    [('المقاومة الإسلامية في العراق', False), ('فصائل موالية لإيران', True)]
    """
    words = s.words
    for k in range(ref.first - 1, -1, -1):
        if words[k].breaks_after or (words[k].comma_after and k != ref.first - 1 and words[k + 1].norm not in
                                     lex.particles["apposition"]):
            return False
        if words[k].norm in lex.particles["apposition"] and k > 0 and words[k - 1].comma_after \
                and any(r.last == k for r in s.refs):  # (after a mention: وهم مدركون after a verb is no apposition)
            if _names_listed(s, k + 1):
                return False  # (قاعدتين، هما عين الأسد وحرير: the names of the mention, each a participant, §3)
            end = next((m for m in range(ref.last - 1, len(words)) if words[m].comma_after or words[m].breaks_after),
                       len(words) - 1)
            return not (k <= trig.first <= end)
    return False


LISTED_REACH = 6  # words a listed name's adjectives and place may take before the next name


def _names_listed(s: SentenceUnit, k: int) -> bool:
    """Whether a list of two names or more begins at word k: a named actor of the base or the gazetteer, then
    another joined by و (عين الأسد وحرير), not a description (تحالف يضم فصائل، فصائل موالية لإيران)."""
    at = {r.first: r for r in s.refs}
    first = at.get(k)
    if first is None or first.how not in NAMING:
        return False
    for m in range(first.last, min(len(s.words), first.last + LISTED_REACH)):
        if s.words[m - 1].comma_after or s.words[m - 1].breaks_after:
            return False
        second = at.get(m)
        if second is not None and second.how in NAMING and s.words[m].norm.startswith("و"):
            return True  # (عين الأسد الجوية في محافظة الأنبار وقاعدة حرير: past where the first is)
    return False


def attack_subject(s: SentenceUnit, trig: Trigger) -> bool:
    """Whether a verb trigger's subject, right after it, is an attack noun with no nisba (استهدفت غارة منزلا،
    استهدفت الغارات كابل): the attack itself is the subject, so its author is unstated and what follows is struck.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "واستهدفت غارة منزلا. واستهدفت غارة إسرائيلية منزلا."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [attack_subject(s, s.triggers[0]) for s in units.sentences]
    [True, False]
    """
    k = trig.last
    if trigger_pos(trig) != "verb" or k >= len(s.words):
        return False
    ref_at = s.ref_at()
    return any(t.first == k and t.core == "Attack" and trigger_pos(t) == "noun" for t in s.triggers) \
        and not (k + 1 in ref_at and ref_at[k + 1].how == "nisba")


def unnamed_subject(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> bool:
    """Whether a verb trigger's subject, right after it, is an attacker the text leaves unnamed (هاجم مسلحون
    مجهولون دورية للجيش): the author is unstated (GUIDELINES §3), so what follows is struck, not its author.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "هاجم مسلحون مجهولون دورية للجيش المالي. هاجم الجيش المالي مسلحين."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [unnamed_subject(s, s.triggers[0], units.lex) for s in units.sentences]
    [True, False]
    """
    return trigger_pos(trig) == "verb" and past_unnamed(s.words, trig.last, lex) > trig.last


def undergone_from(s: SentenceUnit, trig: Trigger, lex: Lexicon, window: int = 14) -> int | None:
    """Where the verb of undergoing stands whose attack noun the trigger is (تعرضت قاعدة عين الأسد التي تستضيف قوات
    أمريكية لهجوم): the words between them name what was struck and describe it, never the author. None when no
    such verb stands within `window` words before the trigger noun in its sentence.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "وتعرضت قاعدة التنف التي تستضيف قوات أمريكية لهجوم بطائرتين مسيرتين."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> undergone_from(s, s.triggers[0], units.lex)
    0
    """
    if trigger_pos(trig) != "noun":
        return None
    for k in range(trig.first - 1, max(-1, trig.first - 1 - window), -1):
        if s.words[k].breaks_after and k < trig.first - 1:
            return None
        if s.words[k].norm.lstrip("وف") in lex.undergo_verbs:
            return k
    return None


MEANS_REACH = 12  # words back from an attack noun to the attack verb it may be the means of


def means_of(s: SentenceUnit, trig: Trigger, lex: Lexicon | None = None) -> Trigger | None:
    """The attack verb whose means the trigger noun is (اغتال الجيش القيادي في حزب الله في غارة على الضاحية،
    قصفت إسرائيل غزة بغارات): the noun, after في or with بـ, repeats the verb's act, so its author is the verb's
    and what lies between them is the verb's object; so does a killing noun's (اغتيال نصر الله في غارة: the one killed
    is struck, not striking). Given the lexicon, a verb of killing or wounding counts too
    (قتل الجيش قائدا في حركة الجهاد بغارة: no attack word of its own, §6, but the strike is its means). None when
    no such verb stands earlier in the clause.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "اغتال الجيش القيادي في حزب الله في غارة على الضاحية."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> means_of(s, s.triggers[-1]).first
    0
    """
    if trigger_pos(trig) != "noun" or trig.light is not None or trig.core != "Attack":
        return None
    words = s.words
    if not (words[trig.first].norm.startswith("ب") or (trig.first > 0 and words[trig.first - 1].norm == "في")):
        return None
    control = controlling_verb(s, trig, lex) if lex is not None else None
    accusing = lex.modality["possible"]["accusation"] if lex is not None else frozenset()
    for v in sorted(s.triggers, key=lambda t: -t.first):
        if any(w.norm.lstrip("و") in accusing for w in words[v.last:trig.first]):
            break  # (نفت أن تكون قد هاجمت مواقع، متهمة الجيش بمهاجمة مزارعين: the noun is what the accusation says)
        if control is not None and control >= v.last:
            break  # (الهند تقصف معسكرات وإسلام آباد ترد بقصف مواقع هندية: the noun is the later verb's act)
        if v.last <= trig.first and trig.first - v.last <= MEANS_REACH and v.core == "Attack" \
                and (trigger_pos(v) == "verb" or v.action == "TargetedKilling") \
                and not any(w.breaks_after for w in words[v.first:trig.first]):
            return v
    for k in range(trig.first - 1, max(-1, trig.first - 1 - MEANS_REACH), -1) if lex is not None else ():
        if words[k].breaks_after:
            break
        if words[k].norm.lstrip("و") in lex.particles["killing"]:
            return Trigger(k, k + 1, "Attack", None)
    return None


def instrument_before(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> bool:
    """Whether a verb trigger's subject, right before it, is only a weapon with no nisba (أن مسيرة مجهولة استهدفت
    مقرا، صواريخ أطلقت من لبنان سقطت: GUIDELINES §3, a weapon as agent is a null agent).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "وقالت مصادر إن مسيرة مجهولة استهدفت مقرا. وقالت مصادر إن مسيرة إسرائيلية استهدفت مقرا."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [instrument_before(s, s.triggers[0], units.lex) for s in units.sentences]
    [True, False]
    """
    instruments = lex.heads.get("instrument", frozenset())
    ref_at = s.ref_at()
    for k in range(trig.first - 1, max(-1, trig.first - 4), -1):
        w = s.words[k]
        if w.breaks_after or w.comma_after or k in ref_at:
            return False
        if any(key in instruments for key, _ in w.readings):
            return True
        if not w.norm.endswith(("ه", "ي", "ين", "ون", "يه")):
            return False  # (only its adjectives stand between: مسيرة مجهولة، صواريخ باليستية)
    return False


def instrument_subject(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> tuple[int, int]:
    """The words [first, last) of the instrument right after a verb trigger, past a count (ثلاث طائرات مسيرة،
    عدة صواريخ باليستية إيرانية), with its adjectives and nisbas; first == last when no instrument stands there."""
    words = s.words
    k = trig.last
    while k < len(words) and (words[k].norm in COUNTS or words[k].norm.isdigit()) \
            and not words[k - 1].gap_after.strip():
        k += 1
    ref_at = s.ref_at()
    return k, (past_instrument(words, k, ref_at, s.upos, lex) if k < len(words) and k not in ref_at else k)


def instrument_owner(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> ActorRef | None:
    """The actor the instrument that is a verb's subject belongs to (وقصفت طائرات مسيرة تابعة لقوات حفتر مواقع:
    Haftar's forces; GUIDELINES §3: a weapon is no agent, whose it is names the author); None when the subject is
    no instrument, or names no owner with تابع/تابعة.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "وقصفت طائرات مسيرة تابعة للجيش السوداني مواقع في نيالا."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> instrument_owner(s, s.triggers[0], units.lex).surface
    'للجيش السوداني'
    """
    if trigger_pos(trig) not in ("verb", "light"):
        return None
    first, last = instrument_subject(s, trig, lex)
    return next((r for r in s.refs if first < r.first < last and r.kind in OWNERS and r.how != "nisba"
                 and s.words[r.first - 1].norm in lex.belonging), None)


SENTENCE_OPENERS = frozenset({"كما", "فيما", "بينما", "ثم"})  # (normalised) what may open a sentence before its verb
ANNOUNCING_KILLING = ANNOUNCING | {"اكد", "اكدت"}  # (normalised) verbs that announce a killing, or affirm it


def announced_killer(s: SentenceUnit, killing: Trigger | None) -> ActorRef | None:
    """Who announces the killing an attack noun is the means of (أعلنت وزارة الدفاع التركية تحييد سبعة من عناصر
    الحزب في غارات جوية: the ministry), the subject right after the verb of announcing or right before it: who
    says he killed with the strikes is their author, as a claim is (GUIDELINES §3); else None.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> from akhbar.extract.lexicon import load_lexicon
    >>> text = "أعلن الجيش الباكستاني مقتل عشرة مسلحين في غارات جوية."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> announced_killer(s, means_of(s, s.triggers[-1], load_lexicon())).surface
    'الجيش الباكستاني'
    """
    if killing is None or killing.entry is not None:
        return None  # (only a word of killing with no attack of its own: مقتل، تحييد)
    words, k = s.words, killing.first
    before = next((r for r in s.refs if r.last == k), None)
    verb = before.first - 1 if before is not None else k - 1
    if verb < 0 or words[verb].norm.lstrip("و") not in ANNOUNCING_KILLING:
        return None
    if before is not None:
        return before  # (أعلنت الوزارة تحييد: VSO)
    return next((r for r in s.refs if r.last == verb and not words[verb - 1].comma_after), None)  # (SVO)


def elided_subject(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> ActorRef | None:
    """The previous sentence's speaker (or else the subject named next to its first verb: وحث بوريل X. كما حث Y),
    when a verb opens this sentence with no subject of its own — nothing named
    before it, and the mention after it, which disagrees with it in gender or is in the oblique case, is its
    object (قال وزير الخارجية البريطاني إن الحرب يجب أن تنتهي. كما حث بيلاروسيا على …: the minister; GUIDELINES
    §3, the elided pronoun is resolved); else None.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "وقالت الرئاسة المصرية إن القاهرة تتابع الوضع. ودعت العراق إلى ضبط النفس."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[1]
    >>> elided_subject(units, s, s.triggers[0]).surface
    'الرئاسة المصرية'
    """
    words = s.words
    if trigger_pos(trig) != "verb" or s.index == 0 or any(r.first < trig.first for r in s.refs):
        return None
    if any(w.norm not in SENTENCE_OPENERS for w in words[:trig.first]):
        return None
    after = s.ref_at().get(trig.last)
    if after is None or not (agreement(units, trig, after) == "False" or oblique(words[after.first], after)):
        return None
    previous = units.sentences[s.index - 1]
    subject = previous.speaker if previous.speaker is not None else _first_verbs_subject(previous)
    return subject if subject is not None and subject.kind != "Location" else None


def _first_verbs_subject(s: SentenceUnit) -> ActorRef | None:
    """The subject of a sentence's first verb of warning, demand or attack when it is named right after the verb
    (وحث بوريل سلطات بيلاروسيا على ...: بوريل), or right before it; None when no mention stands there."""
    verb = next((t for t in s.triggers if trigger_pos(t) == "verb"), None)
    if verb is None:
        return None
    at = s.ref_at()
    after = at.get(verb.last)
    if after is not None and after.first == verb.last:
        return after
    before = at.get(verb.first - 1) if verb.first > 0 else None
    return before if before is not None and not s.words[verb.first - 1].gap_after.strip() else None


def _complementiser(words: list[Word], head: int, lex: Lexicon) -> str:
    """What opens the trigger's clause: "pron" (أنه/إنها: its subject is the one who said it), "that", "none"
    (looked for up to six words back, not across a clause break: أنها لن تكون قادرة على كبح)."""
    for k in range(head - 1, max(-1, head - 7), -1):
        if words[k].breaks_after:
            break
        n = words[k].norm
        if n in lex.pronoun_complementisers:
            return "pron"
        if n in THAT:
            return "that"
    return "none"


def _sentence_features(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> dict[str, str]:
    """What describes the trigger and its sentence, whatever the candidate."""
    words = s.words
    w = words[trig.first]
    entry = trig.entry
    before = sum(1 for r in s.refs if r.last <= trig.first)
    after = sum(1 for r in s.refs if r.first >= trig.last)
    head = trigger_head(trig)
    return {
        "cls": trig.core,
        "act": trig.action,
        "tpos": trigger_pos(trig),
        "tpass": str(head in s.passives),
        "future": str(bool(entry and entry.future)),
        "purpose": str(bool(entry and entry.purpose)),
        "we": str(bool(entry and entry.first_plural)),
        "tnoun_tr": str(bool(entry and entry.transitive_noun)),
        "tdef": str(definite(w.norm)),
        "tdem": str(trig.first > 0 and words[trig.first - 1].norm.lstrip("و") in units.lex.particles["demonstratives"]),
        "tquote": str(s.quoted[trig.first]) if s.quoted else "False",
        "sent": _bucket(s.index, (0, 1, 3)),
        "says": str(s.says),
        "n_before": _bucket(before, (0, 1)),
        "n_after": _bucket(after, (0, 1)),
        "tplace": _bucket(trig.first, (0, 2, 5, 10)),
        "tcomp": _complementiser(words, head, units.lex),
        "obj_pron": str(has_object_pronoun(s, trig)),
        "pre_word": _before_head(units, s, trig, head),
        "condemned": str(any(w.norm.lstrip("وف") in units.lex.particles["condemnation"]
                             for w in words[max(0, head - 4):head])),
        "passive": str(is_passive(s, trig, units.lex)),
        "tobj": object_slot(units, s, trig),
        "tshared": str(bool(_shared_subjects(units, s, trig))),
        "tword": s.words[trigger_head(trig)].key.lstrip("وفب"),  # (the trigger word itself, without و/ف/بـ: one
        # verbal noun takes its author as genitive, another its target)
    }


def object_slot(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> str:
    """What fills the trigger's object or aim, right after it (past adverbs, a preposition of aim, an instrument
    and, after a verb, one mention of an actor that may be its subject): a "place" or another "mention", an open
    "phrase", a "noun" that no mention covers (what the article names there is no actor the matchers know: a
    context candidate is then rarely the participant), or "none".

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> units = read_units(None, Article("x", "x.txt", "هددت إيران التجار. وقصفت إسرائيل مدينة حيفا."), load_kb())
    >>> [object_slot(units, s, s.triggers[0]) for s in units.sentences]
    ['noun', 'place']
    """
    words, lex = s.words, units.lex
    ref_at = s.ref_at()
    phrase_at = {k for p in s.phrases for k in range(p.first, p.last)}
    aims = lex.target_preps["any"] | lex.particles["aim"]
    verb = trig.entry is not None and trig.entry.pos == "verb"
    k, subject = trig.last, verb
    for _ in range(OBJECT_REACH):
        if k >= len(words) or words[k - 1].breaks_after:
            return "none"
        w = words[k]
        if w.norm in aims or w.norm in lex.skip_words or _describes_event(words, k, lex):
            k += 1
            continue
        ref = ref_at.get(k)
        if ref is not None:
            if subject and ref.kind != "Location" and ref.how != "nisba":
                k, subject = ref.last, False  # (قصفت إسرائيل X: the subject, then the object)
                continue
            return "place" if ref.kind in ("Location", "State") else "mention"
        after = past_instrument(words, k, ref_at, s.upos, lex)
        if after > k:
            k, subject = after, False
            continue
        if k in phrase_at:
            return "phrase"
        nounish = s.upos[k] in NOUNS if s.upos else not w.norm.isdigit() and w.norm not in lex.name_stop
        return "noun" if nounish and w.norm not in lex.triggers else "none"
    return "none"


def features(units: ArticleUnits, s: SentenceUnit, trig: Trigger, cand: Candidate,
             base: dict[str, str] | None = None) -> dict[str, float]:
    """The indicators of one (trigger, candidate) pair (`base`: the trigger's `_sentence_features`, if read)."""
    f = dict(base if base is not None else _sentence_features(units, s, trig))
    ref = cand.ref
    f["src"] = cand.source
    f["kind"] = ref.kind
    f["how"] = ref.how
    f["capital"] = str(ref.iri in units.kb.capitals)
    f["count"] = _bucket(units.mention_counts[ref.iri], (1, 2, 5))
    f["spk"] = str(s.speaker is not None and s.speaker.iris == ref.iris)
    subjects, objects = _history(units)[s.index].get(trig.core, (frozenset(), frozenset()))
    f["was_subj"] = str(ref.iri in subjects)
    f["was_obj"] = str(ref.iri in objects)
    if ref.how == "phrase":
        f["phead"] = str(struck_head(s.words[ref.first], units.lex))
    if cand.source == SENTENCE:
        _relational(units, s, trig, cand, f)
    else:
        for name, hit in context_sources(units, s, cand).items():
            f["ctx_" + name] = str(hit)
        f["rank"] = _bucket(_frequency_rank(units, ref.iri), (0, 1, 2))
    out = {f"{k}={v}": 1.0 for k, v in f.items()}
    for group in CONJUNCTIONS:
        if all(k in f for k in group):
            out["&".join(f"{k}={f[k]}" for k in group)] = 1.0
    return out


SUBJECT_SLOTS = frozenset({"pre0", "post0"})


AGREEING_KINDS = frozenset({"State", "Location"})  # named by a proper name, feminine unless the lexicon says


def mention_gender(units: ArticleUnits, ref: ActorRef) -> str:
    """The gender a verb before it agrees with for a mention, by its first word: "f" for a word written with ة or
    ات (الحكومة، القوات) and for a state or place by name (إسرائيل، روسيا), "m" for the masculine heads and names
    the lexicon lists (الجيش، حزب الله، العراق) and a title (وزير الخارجية); "" when the words do not tell (a
    nisba, a person by name: officials are not all men).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "هاجم حزب الله والقوات الروسية إسرائيل، وحذر العراق ووزير الخارجية."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [mention_gender(units, r) for r in units.sentences[0].refs]
    ['m', 'f', 'f', 'm', 'm']
    """
    first = ref.surface.split()[0] if ref.surface.strip() else ""
    if ref.how == "nisba" or not first:
        return ""
    if written_feminine(first):
        return "f"
    key = strip_article(normalise(first))
    if key in units.lex.heads.get("masculine", ()):
        return "m"
    if ref.how == "title":
        return "m"
    return "f" if ref.kind in AGREEING_KINDS and ref.how in ("kb", "place") else ""


def agreement(units: ArticleUnits, trig: Trigger, ref: ActorRef) -> str:
    """Whether a mention right after a verb agrees in gender with it, as its subject must (VSO: the verb is
    singular whatever the subject's number, and agrees in gender): "True", "False", or "" when either is unknown.
    حث بيلاروسيا (a masculine verb, a feminine state): Belarus is the object, the subject is someone named before."""
    verb = trig.entry.agree if trig.entry is not None and trig.entry.pos == "verb" and trig.light is None else ""
    gender = mention_gender(units, ref) if verb in ("m", "f") else ""
    return str(gender == verb) if gender else ""


def _history(units: ArticleUnits) -> list[dict[str, tuple[frozenset[str], frozenset[str]]]]:
    """Per sentence, per class: the actors that stood in a trigger's subject slot (or as a noun trigger's
    genitive or adjective) and in its object slot (or behind a preposition of aim) in the sentences before it.
    Read from word order only, not from decisions, so that training and reading see the same thing."""
    cached = getattr(units, "_history", None)
    if cached is not None:
        return cached
    out: list[dict[str, tuple[frozenset[str], frozenset[str]]]] = []
    seen: dict[str, tuple[set[str], set[str]]] = {}
    for s in units.sentences:
        out.append({cls: (frozenset(a), frozenset(b)) for cls, (a, b) in seen.items()})
        for trig in s.triggers:
            subj, obj = seen.setdefault(trig.core, (set(), set()))
            for ref in s.refs:
                prep = _prep_of(units, s, ref)
                slot, _ = _slot(units, s, trig, ref, prep)
                if slot in SUBJECT_SLOTS and not (slot == "post0" and trigger_pos(trig) == "noun"
                                                  and ref.how != "nisba" and prep != "none"):
                    subj.update(ref.iris)
                elif slot == "post1" or (slot == "prep" and prep in ("علي", "ضد")):
                    obj.update(ref.iris)
    units._history = out  # type: ignore[attr-defined]
    return out


def _prep_of(units: ArticleUnits, s: SentenceUnit, ref: ActorRef) -> str:
    """The preposition right before a mention: a proclitic بـ/لـ/كـ, or a preposition word, else "none"."""
    words = s.words
    clitic = units.article.text[words[ref.first].start:ref.start].lstrip("وف")
    prev = words[ref.first - 1].norm.lstrip("و") if ref.first > 0 else "START"
    if clitic[:1] in PROCLITIC_PREPS:
        return clitic[:1]
    return prev if prev in PREPOSITIONS else "none"


AIM_PREPS = frozenset({"علي", "ضد", "ل", "بحق", "تجاه", "باتجاه", "نحو", "صوب"})
ASKING_STEMS = ("طالب", "طلب")  # (normalised) verbs of asking whose addressee stands behind من (طالب X من Y)
OBJECT_MAKERS = frozenset({"trigger", "rel"})  # a verb after these has its subject already (قصف إسرائيلي استهدف X)


def _instrument_nisba(units: ArticleUnits, s: SentenceUnit, trig: Trigger, ref: ActorRef) -> bool:
    """Whether a nisba qualifies the instrument that is a verb's subject (هاجمت مسيرات أوكرانية مصفاة، شنت طائرات
    إسرائيلية غارات): the weapon's nationality, which names the attack's author (GUIDELINES §3: the weapon is no
    agent, the adjective is the mention)."""
    if trigger_pos(trig) not in ("verb", "light"):
        return False
    first, last = instrument_subject(s, trig, units.lex)
    return first < ref.first < last


OBLIQUE_ENDING = "ين"  # (normalised) the dual's and the sound masculine plural's accusative or genitive ending


def oblique(word: Word, ref: ActorRef) -> bool:
    """Whether a mention is a common noun in the oblique case of the dual or the sound masculine plural (الجانبين،
    الطرفين، المسلحين، المدنيين): never a verb's subject, which would end in ان or ون. Names (الصين، البحرين، فلسطين)
    end so in every case, so only a mention that is no name counts.

    >>> from akhbar.extract.text import words_of
    >>> w = words_of("الجانبين")[0]
    >>> oblique(w, ActorRef(("x",), 0, 1, 0, 8, "الجانبين", "State", "anaphor", ("x",)))
    True
    """
    return ref.how not in ("kb", "place", "nisba", "title", "alias") and len(word.norm) > 4 \
        and word.norm.lstrip("وف").startswith("ال") and word.norm.endswith(OBLIQUE_ENDING)


RESUMPTIVE = ("هما", "هم", "ها", "ه")  # object pronouns that refer a relative clause's verb back to its noun


def resumptive_subject(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> tuple[int, int]:
    """The words [first, last) of the subject of a light verb that refers back to the attack noun right before it
    with a pronoun (غارات شنتها طائرات حربية إسرائيلية، هجوم نفذه مسلحون): an indefinite noun's relative clause needs
    no relative pronoun, and its subject is the attack's author or, as a verb's, the instrument that names him
    (الغارات التي شنتها X). An instrument is taken with its adjectives and nisbas; (0, 0) when no such verb stands
    there.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "قتل عشرة في غارات شنتها طائرات حربية إسرائيلية على رفح."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> raids = next(t for t in s.triggers if s.words[t.first].text == "غارات")
    >>> a, b = resumptive_subject(s, raids, units.lex)
    >>> " ".join(w.text for w in s.words[a:b])
    'طائرات حربية إسرائيلية'
    """
    words = s.words
    if trigger_pos(trig) != "noun":
        return 0, 0
    for k in range(trig.last, min(len(words) - 1, trig.last + 3)):
        if words[k - 1].gap_after.strip() or words[k].gap_after.strip():
            return 0, 0
        norm = words[k].norm
        pronoun = next((p for p in RESUMPTIVE if norm.endswith(p)), None)
        if norm in lex.light_verbs and pronoun is not None and norm[:-len(pronoun)] in lex.light_verbs:
            ref_at = s.ref_at()
            first = k + 1
            if first in ref_at:
                return first, ref_at[first].last
            last = past_instrument(words, first, ref_at, s.upos, lex)
            while last > first and words[last - 1].norm in PREPOSITIONS:
                last -= 1  # (طائرات إسرائيلية | على رفح: the instrument ends before the aim)
            return (first, last) if last > first else (0, 0)
    return 0, 0


def _in_span(ref: ActorRef, span: tuple[int, int]) -> bool:
    """Whether a mention begins inside the words [first, last) of a span."""
    return span[0] <= ref.first < span[1]


def grammar_role(f: dict[str, str]) -> str:
    """The role Arabic word order gives a mention next to the trigger, by the standard patterns: agent for
    an SVO/VSO subject, a light verb's subject, an event noun's genitive or adjective (هجمات الحوثيين، القصف
    الإسرائيلي) or "من قبل X"; target for a verb's object, a transitive verbal noun's genitive (استهداف أربيل),
    the subject of a passive, or a mention behind a preposition of aim; agent also for the speaker when the
    trigger's clause opens with a pronoun (قال X إنه هاجم) and for the subject of a relative light verb (الغارات
    التي نفذها X); "none" otherwise. One indicator among the others: the scorer learns how far to trust it.

    >>> grammar_role({"tpos": "verb", "slot": "post0", "pre0_taken": "True", "obj_pron": "False",
    ...               "tcomp": "none", "pre_word": "mention", "passive": "False", "prep": "none"})
    'target'
    """
    tpos, slot, prep = f.get("tpos"), f.get("slot"), f.get("prep")
    if f.get("source") == "True":
        return "none"  # نقل عن مسؤولين: a source, not a participant
    if f.get("inst_nisba") == "True":
        return "agent"  # هاجمت مسيرات أوكرانية: the weapon's nisba names who sent it
    if f.get("undergoes") == "True":
        return "target"  # تعرضت X لهجوم
    if f.get("repels") == "True":
        return "none"  # تصدت X للهجوم: the defender (the target's side, or only its shield)
    if prep == "قبل" or f.get("rel_light") == "True" or (f.get("claimed") == "True" and tpos == "noun"):
        return "agent"  # من قبل X، الغارات التي نفذها X، أعلن X استهداف
    if f.get("tcomp") == "pron" and f.get("spk") == "True":
        return "agent"  # قال X إنه هاجم: the pronoun subject is the speaker
    if f.get("shared_subj") == "True":
        return "agent"  # دعت فرنسا طهران إلى التعاون، وحذرت من أن: a coordinated verb shares the subject
    if slot == "prep":
        return "target" if prep in AIM_PREPS or f.get("asked_of") == "True" else "none"
    if tpos in ("verb", "light", "addressed"):
        if f.get("light_in") == "True" and tpos == "light":
            return "agent"
        if slot == "pre0":
            return "target" if f.get("passive") == "True" else "agent"
        if slot == "post0":
            if f.get("passive") == "True":
                return "target"
            if f.get("obj_pron") == "True":
                return "agent"
            if f.get("agree") == "False" or f.get("oblique") == "True":
                return "target"  # (حث بيلاروسيا: a masculine verb's subject is no feminine state; ودعت الجانبين:
                # the oblique dual or plural is no subject)
            if f.get("pre0_taken") == "True" or f.get("tcomp") == "pron" or f.get("pre_word") in OBJECT_MAKERS \
                    or f.get("tshared") == "True":
                return "target"  # (ترمب يتوعد حماس ويهدد مصر: the coordinated verb has its subject already)
            return "agent"
        if slot == "post1":
            return "none" if f.get("obj_pron") == "True" else "target"
        return "none"
    if tpos == "noun" and slot == "post0":
        if f.get("how") == "nisba":
            return "agent"
        if f.get("gen") == "True":
            return "target" if f.get("tnoun_tr") == "True" else "agent"
    return "none"


def _subject_of(units: ArticleUnits, s: SentenceUnit, trig: Trigger, ref: ActorRef, verbs: frozenset[str],
                window: int) -> bool:
    """Whether the mention is the subject (right after it, or right before it) of one of `verbs` standing at
    most `window` words before the trigger in the same clause (أعلن X استهداف، X تعرضت لهجوم)."""
    words = s.words
    passed: list[tuple[int, int]] = []  # the asides walked past (أعلنت X، وهي مظلة تضم فصائل، استهداف: no words)
    k, seen = trig.first - 1, 0
    while k >= 0 and seen < window:
        begin = aside_ending_at(s, k, units.lex)
        if begin is not None:
            passed.append((begin, k + 1))
            k = begin - 1
            continue
        if words[k].breaks_after and k < trig.first - 1:
            return False
        if words[k].norm in verbs or words[k].norm.lstrip("وف") in verbs:
            after = k < ref.first and ref.last <= trig.first and all(
                _skippable(units, words[m]) or any(b <= m < e for b, e in passed)
                for m in range(k + 1, ref.first))
            before = ref.last == k and (k == 0 or not words[k - 1].comma_after)
            return after or before
        k, seen = k - 1, seen + 1
    return False


def _skippable(units: ArticleUnits, word: Word) -> bool:
    """Adverbs, particles and time words that may stand between a verb and its arguments."""
    skip = units.lex.skip_words
    return word.norm in skip or word.key in skip or word.norm.isdigit()


def _opens_clause(units: ArticleUnits, word: Word) -> bool:
    """A verb with the conjunction و/ف (وحذرت، فقصفت): it opens a clause of its own, so the mention before it
    is not its subject."""
    lex = units.lex
    return word.norm[:1] in ("و", "ف") and (word.norm[1:] in lex.triggers or word.norm[1:] in lex.light_verbs
                                            or word.norm[1:] in lex.reporting_verbs)


def _slot(units: ArticleUnits, s: SentenceUnit, trig: Trigger, ref: ActorRef, prep: str) -> tuple[str, str]:
    """The argument slot a mention fills next to the trigger's head word, as word order tells it:
    pre0 (right before: an SVO subject), pre_far; post0, post1 (the first, second mention after the head with
    only mentions and adverbs between: VSO subject, object; after a noun, its genitive or adjective), post_far;
    prep (behind a preposition). Also whether the pre0 slot is taken by some mention."""
    words = s.words
    head = trigger_head(trig)
    ref_at = {k: r for r in s.refs for k in range(r.first, r.last)}
    pre0 = None
    k = head - 1
    while k >= 0 and (_skippable(units, words[k]) and k not in ref_at) and not words[k].comma_after \
            and not words[k].breaks_after:
        k -= 1
    if k >= 0 and k in ref_at and not words[k].comma_after and not words[k].breaks_after \
            and not _opens_clause(units, words[head]):
        pre0 = ref_at[k]
    taken = str(pre0 is not None)
    if ref.last <= head:
        return ("pre0" if pre0 is ref else "pre_far"), taken
    if prep != "none":
        return "prep", taken
    k, seen = (trig.last if trig.light is None and ref.first >= trig.last else head + 1), 0
    prev: ActorRef | None = None
    while k < ref.first:
        if k in ref_at:
            if prev is not None and patron(s, ref_at[k], units.lex):
                k = ref_at[k].last  # (متمردو الحركة المدعومة من رواندا البلدة: the patron describes the group before)
                continue
            if not (prev is not None and (_conjunct(units, s, prev, ref_at[k]) or _lam_genitive(units, s, prev,
                                                                                                ref_at[k]))):
                seen += 1  # (دعت فرنسا وألمانيا إيران: a conjunct shares its slot, post0, and إيران is post1)
            prev = ref_at[k]
            k = prev.last
            continue
        end = aside_end(s, k, units.lex)
        if end is not None and end <= ref.first:
            k = end  # (دعا لاريجاني، خلال زيارته بغداد، الحكومة العراقية: past an aside set off by commas)
            continue
        if (trig.first <= k < trig.last) or _skippable(units, words[k]) or (words[k].norm.startswith("ال") \
                and words[k].norm.endswith(("ي", "يه"))):
            k += 1
            continue
        if prev is not None and prev.last == k and words[k].norm.lstrip("و") in units.lex.aligned_cues \
                and k + 2 < ref.first and (k + 1 in ref_at or words[k + 1].norm in ("من", "ل")):
            k += 1 if k + 1 in ref_at else 2
            continue
        if words[k].norm.lstrip("و").startswith("ب"):
            past = past_instrument(words, k, ref_at, s.upos or [], units.lex)
            while k < past < ref.first and words[past].norm.startswith("و"):
                further = past_instrument(words, past, ref_at, s.upos or [], units.lex)
                if further == past:
                    break
                past = further  # (بالمسيرات والمدفعية: the means listed)
            if past > k:
                k = past  # (قصفت بالمدفعية مواقع، استهدفت بطائرات مسيرة قاعدة: the means, between verb and object)
                continue
        if k + 1 in ref_at and ref_at[k + 1].first == k + 1 and ref_at[k + 1].kind == "Location" \
                and words[k].key in units.lex.heads["place_plural"]:
            k += 1  # (استهدف بلدتي X وY: the head of the places listed)
            continue
        counted = counted_at(words, k, units.lex)
        if counted is None:
            counted = past_unnamed(words, k, units.lex, owned=True)
        if counted > k and counted in ref_at and ref_at[counted].first == counted:
            k = counted  # (اقتحم عشرات المستوطنين البلدة، هاجم مسلحون من الحركة: the count, or the unnamed fighters,
            continue  # say how many or who for it; what it counts, or their owner, fills the slot
        return "post_far", taken
    if prev is not None and _conjunct(units, s, prev, ref):
        seen -= 1
    return f"post{min(seen, 2)}", taken


def _shared_subjects(units: ArticleUnits, s: SentenceUnit, trig: Trigger) -> frozenset[tuple[int, int]]:
    """The spans of the sentence's mentions that are the trigger's shared subject (`_shares_subject`), read once per
    trigger: the trigger's own feature and each candidate's ask for them."""
    cache: dict[tuple[int, int, int], frozenset[tuple[int, int]]] = units.__dict__.setdefault("_shared", {})
    key = (s.index, trig.first, trig.last)
    if key not in cache:
        cache[key] = frozenset((r.first, r.last) for r in s.refs if _shares_subject(units, s, trig, r))
    return cache[key]


def controlling_verb(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> int | None:
    """The word of a control verb whose preposition the trigger, a verbal noun, follows (تلجأ بشكل متكرر إلى تهديد،
    سعت إلى الضغط، عادت لقصف): a verb of `control_verbs`, up to `CONTROL_REACH` words before the preposition, which is
    a word of `control_preps` or the noun's own بـ/لـ/إلى clitic; else None.

    >>> from akhbar.extract.units import words_of
    >>> from akhbar.extract.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> ws = words_of("تلجأ الجماعة إلى تهديد السعودية")
    >>> controlling_verb(SentenceUnit(0, 0, 0, ws, [], []), Trigger(3, 4, "Warning", None), lex)
    0
    """
    if trigger_pos(trig) != "noun":
        return None
    words = s.words
    k = trig.first
    if k > 0 and words[k - 1].norm in lex.particles["control_preps"]:
        k -= 1
    elif not words[k].norm.startswith(("ب", "ل")):
        return None
    return clause_word_before(words, k, lex.particles["control_verbs"], CONTROL_REACH)


CONTROL_REACH = 6  # words from a control verb to the preposition of its verbal noun (its subject, an adverb between)


def _shares_subject(units: ArticleUnits, s: SentenceUnit, trig: Trigger, ref: ActorRef) -> bool:
    """Whether the trigger is a verb joined by و to an earlier verb of its sentence (or a participle of manner)
    and the mention is that earlier verb's subject (دعت فرنسا وبريطانيا طهران إلى التعاون،
    وحذرت من أن برنامجها يقترب من نقطة اللاعودة; استدعت بغداد السفير التركي، وحذرت من أن …: the earlier verb is
    any the parser tags). A mention right after the verb is its object when the earlier verb's subject stood
    before it (ترمب يتوعد حماس ويهدد مصر: SVO, and a new subject would stand before its verb again); after a
    verb-first clause it may be a subject of its own (وحذرت فرنسا), so only the SVO subject is shared then.
    A participle of manner shares the subject of its clause's main verb, the first (وطالب بولس الطرفين بقبول
    المقترح، محذرا من أن: the one who demanded warns)."""
    words = s.words
    control = controlling_verb(s, trig, units.lex)
    if control is not None:  # (تلجأ الجماعة إلى تهديد السعودية: the controlling verb's subject)
        if ref.last > trig.first:
            return False
        slot, pre0_taken = _slot(units, s, Trigger(control, control + 1, trig.core, None), ref, _prep_of(units, s, ref))
        return slot == "pre0" or (slot == "post0" and pre0_taken == "False")
    manner = trig.last - trig.first == 1 and words[trig.first].norm in units.lex.participles
    joined = trigger_pos(trig) == "verb" and words[trig.first].norm.startswith("و")
    if ref.last > trig.first or not (manner or joined):
        return False
    after = s.ref_at().get(trig.last)
    own_next = after is not None and not manner and not oblique(words[after.first], after)
    # (a participle's object follows it; so does the verb's, in the oblique case: ودعت الجانبين)
    earlier = [t for t in s.triggers if t.last <= trig.first and trigger_pos(t) == "verb"]
    earlier += [Trigger(k, k + 1, trig.core, None) for k in range(trig.first)
                if ((s.upos and s.upos[k] == "VERB") or (k > 0 and words[k - 1].norm in ("قد", "لقد")))
                and not any(t.first <= k < t.last for t in s.triggers)]  # (استدعت بغداد السفير، وحذرت: any verb,
    # as the parser tags it or after قد)
    if not earlier:
        return False
    verb = (min if manner else max)(earlier, key=lambda t: t.first)  # (a participle of manner hangs on the main
    # verb, the clause's first, past the verbs of a condition or a report between: وحذر X ... إذا واصل ...، مطالبا)
    slot, pre0_taken = _slot(units, s, verb, ref, _prep_of(units, s, ref))
    return slot == "pre0" or (slot == "post0" and pre0_taken == "False" and not own_next)  # (SVO, else VSO)


def _lam_genitive(units: ArticleUnits, s: SentenceUnit, a: ActorRef, b: ActorRef) -> bool:
    """Whether mention b, right after mention a with the clitic لـ, is a's genitive (طالب المجلس الوزاري لمجلس
    التعاون إيران: the council of the GCC, one argument; إيران is the object after it)."""
    word = s.words[b.first]
    return a.last == b.first and not s.words[a.last - 1].gap_after.strip() and b.start > word.start \
        and units.article.text[word.start:b.start].endswith("ل") and a.how != "nisba"


def _conjunct(units: ArticleUnits, s: SentenceUnit, a: ActorRef, b: ActorRef) -> bool:
    """Whether mention b is joined to mention a right before it by و (فرنسا وألمانيا), as one argument."""
    if a.last != b.first:
        return False
    word = s.words[b.first]
    return not s.words[a.last - 1].gap_after.strip() and units.article.text[word.start:b.start].startswith("و") \
        and compatible(a.kind, b.kind)


def _response_between(units: ArticleUnits, s: SentenceUnit, lo: int, hi: int) -> bool:
    """Whether a response clause opens between trigger and mention (ردا على، انتقاما لـ، رد على، برد قاس على
    اغتيال، سيرد بقوة على أي هجوم): the mention names what provoked the act, or the act answers the mention's;
    either way it takes no part in the other. Other words of responding count only before the act they answer
    (توعد بالرد على اغتيال قائده; in توعد بالرد على إسرائيل the one answered is the warning's target)."""
    response = units.lex.particles["response"]
    words = s.words
    attacks = {t.first for t in s.triggers if t.core == "Attack"}
    for k in range(lo, hi):
        w = words[k].norm
        w = w[1:] if w.startswith("و") and w[1:] in response else w
        if w in response or (w == "رد" and k + 1 < len(words) and words[k + 1].norm in ("علي", "عليه")):
            return True
        if w in RESPONSE_WORDS:
            on = next((m for m in range(k + 1, min(k + 4, hi)) if words[m].norm == "علي"), None)
            if on is not None and (on + 1 in attacks or (on + 2 in attacks and words[on + 1].norm == "اي")):
                return True
    return False


# (normalised) words of responding before على and the act answered (برد قاس على اغتيال، سيرد بقوة على أي هجوم)
RESPONSE_WORDS = frozenset({"برد", "الرد", "بالرد", "رد", "سيرد", "سترد", "سنرد", "يرد", "ترد", "نرد", "ردت"})


def answered_from(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> int | None:
    """The response word right before an attack the trigger names as the one answered (جاء ردا على «الاغتيال»،
    الرد على اغتيال سليماني، سيرد على أي هجوم، انتقاما لمقتل): whoever is named before it responds, and is not the
    author of the act he answers. None when no response word stands right before the trigger.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "وقال الحرس الثوري إن القصف جاء ردا على اغتيال قائده."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> [answered_from(s, t, units.lex) for t in s.triggers]
    [None, 6]
    """
    if trig.core != "Attack":
        return None
    words = s.words
    k = trig.first - 1
    if k >= 0 and words[k].norm == "اي":
        k -= 1  # (على أي هجوم)
    if k >= 0 and words[k].norm == "علي":
        k -= 1
    elif not words[trig.first].norm.startswith("ل"):
        return None  # (انتقاما لاغتيال: the لـ is the trigger's own clitic)
    if k < 0 or words[k].gap_after.strip(" \"'“”«»"):
        return None
    w = words[k].norm.removeprefix("و")
    return k if w in lex.particles["response"] or w in RESPONSE_WORDS else None


def _asked_of(units: ArticleUnits, s: SentenceUnit, trig: Trigger, ref: ActorRef) -> bool:
    """Whether the mention stands behind من right after a verb of asking and its subject (طالب الوزير من إيران
    وقف دعم الحوثيين): whom the demand is asked of, its addressee (GUIDELINES §3)."""
    words = s.words
    if trig.core != "Pressure" or trigger_pos(trig) != "verb" or ref.first < trig.last + 1 \
            or words[ref.first - 1].norm != "من" \
            or not any(stem in words[trigger_head(trig)].key for stem in ASKING_STEMS):
        return False
    ref_at = s.ref_at()
    k = trig.last
    while k < ref.first - 1:
        if k in ref_at and ref_at[k].first == k:
            k = ref_at[k].last
        elif _skippable(units, words[k]):
            k += 1
        else:
            return False
    return True


def _relational(units: ArticleUnits, s: SentenceUnit, trig: Trigger, cand: Candidate, f: dict[str, str]) -> None:
    """Where the mention stands relative to the trigger in the sentence."""
    words = s.words
    text = units.article.text
    ref = cand.ref
    after = ref.first >= trig.last
    inside = not after and ref.last > trig.first
    f["order"] = "after" if after else ("inside" if inside else "before")
    lo, hi = (trig.last, ref.first) if after else (ref.last, trig.first)
    lo, hi = min(lo, hi), max(lo, hi)
    gap = text[words[lo - 1].end if lo > 0 else s.start:words[hi].start if hi < len(words) else s.end]
    f["dist"] = _bucket(hi - lo, (0, 1, 2, 4, 7, 12))
    f["asked_of"] = str(_asked_of(units, s, trig, ref))
    f["breaks"] = _bucket(sum(gap.count(c) for c in CLAUSE_BREAK), (0,))
    f["commas"] = _bucket(sum(gap.count(c) for c in COMMAS), (0, 1))
    others = [t for t in s.triggers if t is not trig and lo <= t.first < hi]
    f["trig_between"] = _bucket(len(others), (0,))
    side = [r for r in s.refs if (r.first >= trig.last if after else r.last <= trig.first)]
    side.sort(key=lambda r: r.first if after else -r.first)
    rank = next((k for k, r in enumerate(side) if r is ref), 9)
    f["nearest"] = _bucket(rank, (0, 1))
    f["refs_between"] = _bucket(sum(1 for r in s.refs if lo <= r.first and r.last <= hi and r is not ref), (0, 1))
    first = words[ref.first]
    clitic = text[first.start:ref.start]
    f["conj"] = str(clitic.startswith("و"))
    f["prep"] = _prep_of(units, s, ref)
    f["gen"] = str(after and ref.first == trig.last and trig.light is None and not clitic
                   and f.get("tpos") == "noun")
    f["subj"] = str(bool(s.refs) and s.refs[0] is ref and ref.first < trig.first)
    relatives = units.lex.particles["relative_pronouns"]
    f["rel"] = str(any(w.norm in relatives for w in words[lo:hi]))
    light = units.lex.light_verbs
    f["rel_light"] = str(after and (any(w.norm in relatives and k + 1 < hi and words[k + 1].norm in light
                                        for k, w in enumerate(words[lo:hi], lo))
                                    or _in_span(ref, resumptive_subject(s, trig, units.lex))))
    f["source"] = str(ref.first > 0 and words[ref.first - 1].norm.lstrip("و") in units.lex.particles["source_markers"])
    claimed = _subject_of(units, s, trig, ref, units.lex.claim_verbs, 8)
    repels = _subject_of(units, s, trig, ref, units.lex.repel_words, 4) or (claimed and any(
        w.norm.lstrip("وف") in units.lex.repel_words for w in words[ref.last:trig.first]))
    f["repels"] = str(repels)  # تصدت الدفاعات للهجوم، أعلن الجيش التصدي لهجوم: the defender, not the author
    f["claimed"] = str(claimed and not repels)
    f["undergoes"] = str(_subject_of(units, s, trig, ref, units.lex.undergo_verbs, 4))
    head = trigger_head(trig)
    f["light_in"] = str(head < ref.first and ref.last <= trig.first)
    aims = units.lex.particles["aim"]
    f["aim_between"] = str(after and any(w.norm in aims for w in words[trig.last:ref.first]))
    f["resp_between"] = str(_response_between(units, s, lo, hi))
    f["mquote"] = str(s.quoted[ref.first]) if s.quoted else "False"
    f["slot"], f["pre0_taken"] = _slot(units, s, trig, ref, f["prep"])
    f["oblique"] = str(oblique(s.words[ref.first], ref))
    if f["slot"] == "post0" and (agree := agreement(units, trig, ref)):
        f["agree"] = agree
    f["shared_subj"] = str((ref.first, ref.last) in _shared_subjects(units, s, trig))
    f["inst_nisba"] = str(ref.how == "nisba" and after and _instrument_nisba(units, s, trig, ref))
    if f.get("obj_pron") == "True" and ref.last <= trig.first:
        # the pronoun object stands for an actor named before the verb: the nearer, the likelier
        before = sorted((r for r in s.refs if r.last <= trig.first), key=lambda r: -r.first)
        f["antecedent"] = _bucket(next((k for k, r in enumerate(before) if r is ref), 9), (0, 1, 2))
    f["grammar"] = grammar_role(f)
    mhead = _mention_head(s, ref.first, ref.last)
    f["dep"] = _dep_path(s, mhead, head)
    f["mrel"] = _parse_place(s, mhead)  # obj<VERB, nsubj<VERB, nmod<NOUN (a possessor), obl<VERB …
    f["mgov"] = _governor(units, s, trig, head, mhead)
    if head != trig.first:
        f["dep_noun"] = _dep_path(s, mhead, trig.first)
