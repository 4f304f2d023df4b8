"""The extraction lexicons (ontology/lexicon/*.toml) loaded into normalised lookup tables.

Inflected forms of verbs and nouns are generated here from the stems the data lists, so the data
stays short: verbs get person prefixes, conjugation suffixes, object pronouns and the clitics
و ف س ل; nouns get the article, prepositions, case alif, dual/possessive endings.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from akhbar.kb import label_key, normalise, strip_article
from akhbar.paths import ontology_dir

LEXICON_DIR = "lexicon"
PERFECT_SUFFIXES = ("", "ت", "وا", "ا", "تا", "نا", "تم", "ن", "و")
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
IMPERFECT_SUFFIXES = ("", "ون", "ان", "ين", "ن", "وا", "ا")
OBJECT_SUFFIXES = ("", "ه", "ها", "هم", "هما", "نا", "كم", "ني")
NOUN_SUFFIXES = ("", "ا", "ه", "ها", "هم", "هما", "نا", "كم", "ين", "ان")
VERB_CLITICS = ("", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل", "ك")
NOUN_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
PARTICIPLE_SUFFIXES = ("", "ا", "ه", "ة", "ين", "ون", "ات", "تين", "ان")  # محذرا، مهددة، متوعدين


@dataclass(frozen=True)
class TriggerEntry:
    """What a trigger form means: the action class, its part of speech and its constraints."""

    action: str
    pos: str  # "verb" | "noun"
    transitive_noun: bool = False
    needs: tuple[str, ...] = ()
    needs_window: int = 0
    requires_weapon: bool = False
    future: bool = False  # the form carries the future prefix سـ
    purpose: bool = False  # the form carries the preposition/particle لـ
    first_plural: bool = False  # the subject is "we" (حذرنا، نحذر): the speaker
    we_prefix: bool = False  # ... by the imperfect's prefix نـ (نحذر، سنضرب): never the object "us" as حذرنا may be
    us_object: bool = False  # the object is "us" (هاجمتنا، يستهدفوننا): the speaker is its target
    weapon_before: int = 0  # with `requires_weapon`: how many words before the trigger may hold the weapon too
    agree: str = ""  # a verb form's subject: "m" masculine singular, "f" feminine singular, "pl" plural; "" unknown


@dataclass
class Lexicon:
    """All lookup tables the extractor uses (every key normalised)."""

    triggers: dict[str, TriggerEntry] = field(default_factory=dict)
    noun_triggers: dict[str, TriggerEntry] = field(default_factory=dict)  # nouns only (after a light verb)
    light_verbs: set[str] = field(default_factory=set)
    addressed: list[tuple[str, frozenset[str], frozenset[str], int]] = field(default_factory=list)
    light_window: int = 3
    light_reach: int = 3  # how far a light verb reaches a noun that is a trigger on its own (across its subject)
    phrases: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    phrase_subject: dict[tuple[str, ...], str] = field(default_factory=dict)  # the role a phrase's subject plays
    participles: set[str] = field(default_factory=set)  # trigger forms that are participles of manner (محذرا)
    manner_only: set[str] = field(default_factory=set)  # participles that are other words but after a comma (داعية)
    subclasses: list[tuple[str, frozenset[str], int]] = field(default_factory=list)
    weapons: frozenset[str] = frozenset()
    modality: dict = field(default_factory=dict)
    organs: list[tuple[tuple[str, ...], str, str, bool]] = field(default_factory=list)
    aligned_cues: frozenset[str] = frozenset()
    titles: list[tuple[str, ...]] = field(default_factory=list)
    madda_titles: frozenset[str] = frozenset()  # one-word titles spelt with آ (آمر): أمر, with hamza, is another word
    name_stop: frozenset[str] = frozenset()
    claim_verbs: frozenset[str] = frozenset()
    pronoun_complementisers: frozenset[str] = frozenset()
    skip_words: frozenset[str] = frozenset()
    generic_targets: frozenset[str] = frozenset()
    belonging: frozenset[str] = frozenset()
    broken_nisba: dict[str, str] = field(default_factory=dict)  # الروس → روسي (normalised)
    heads: dict[str, frozenset[str]] = field(default_factory=dict)
    head_nouns: frozenset[str] = frozenset()  # every noun some [heads] list holds (a common noun, no name)
    reporting_verbs: frozenset[str] = frozenset()
    undergo_verbs: frozenset[str] = frozenset()
    outcome_verbs: frozenset[str] = frozenset()
    repel_words: frozenset[str] = frozenset()
    particles: dict[str, frozenset[str]] = field(default_factory=dict)
    target_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    modality_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # first word → positions in `organs` / `titles` / `phrases` / the condition openers of entries that start
    # with it (in list order): the matchers try only those at a word instead of the whole list
    organ_index: dict[str, tuple[int, ...]] = field(default_factory=dict)
    title_index: dict[str, tuple[int, ...]] = field(default_factory=dict)
    phrase_index: dict[str, tuple[int, ...]] = field(default_factory=dict)
    opener_index: dict[str, tuple[int, ...]] = field(default_factory=dict)


def first_word_index(entries: list[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """First word → positions (ascending) of the word sequences that start with it."""
    index: dict[str, list[int]] = {}
    for pos, words in enumerate(entries):
        if words:
            index.setdefault(words[0], []).append(pos)
    return {first: tuple(positions) for first, positions in index.items()}


def candidates(index: dict[str, tuple[int, ...]], firsts: tuple[str, ...]) -> list[int]:
    """Positions of the entries starting with any of `firsts`, in list order."""
    hits = [index[first] for first in dict.fromkeys(firsts) if first in index]
    if len(hits) < 2:
        return list(hits[0]) if hits else []
    return sorted(pos for positions in hits for pos in positions)


def _n(word: str) -> str:
    return normalise(word)


# the subject a verb form agrees with, by its conjugation: "m" a masculine singular (هاجم، يهاجم), "f" a feminine
# singular (هاجمت، تهاجم), "pl" a plural or dual (هاجموا، يهاجمون، هاجمتا); none for the first and second persons
PERFECT_AGREEMENT = {"": "m", "ت": "f", "وا": "pl", "و": "pl", "ا": "pl", "تا": "pl", "ن": "pl"}
IMPERFECT_AGREEMENT = {("ي", ""): "m", ("ت", ""): "f", ("ي", "ون"): "pl", ("ي", "وا"): "pl", ("ي", "ان"): "pl",
                       ("ي", "ا"): "pl", ("ي", "ن"): "pl", ("ت", "ان"): "pl", ("ت", "ا"): "pl"}
DEFECTIVE_SUFFIXES = ("ت", "وا", "تا")  # دعا → دعت، دعوا، دعتا: a final alif drops before them


def _verb_forms(perfect: list[str], imperfect: list[str]) -> dict[str, tuple[bool, bool, str]]:
    """Inflected forms → (future, purpose, agreement) flags; a form two conjugations spell alike (تهدد: he
    threatened, she threatens) agrees with no one in particular (""). A three-letter perfect ending in alif (دعا،
    غزا) drops it before ت، وا، تا."""
    bare: dict[str, str] = {}

    def add(form: str, agree: str) -> None:
        bare[form] = agree if bare.get(form, agree) == agree else ""

    for stem in map(_n, perfect):
        base = stem[:-1] if stem.endswith("ي") or (stem.endswith("ا") and len(stem) > 3) else stem
        for suf in PERFECT_SUFFIXES:
            for obj in OBJECT_SUFFIXES:
                add(stem + suf + obj, PERFECT_AGREEMENT.get(suf, ""))
                if base != stem:
                    add(base + suf + obj, PERFECT_AGREEMENT.get(suf, ""))
        if stem.endswith("ا") and len(stem) == 3:
            for suf in DEFECTIVE_SUFFIXES:
                for obj in OBJECT_SUFFIXES:
                    add(stem[:-1] + suf + obj, PERFECT_AGREEMENT[suf])
    for stem in map(_n, imperfect):
        for pre in IMPERFECT_PREFIXES:
            for suf in IMPERFECT_SUFFIXES:
                for obj in OBJECT_SUFFIXES:
                    add(pre + stem + suf + obj, IMPERFECT_AGREEMENT.get((pre, suf), ""))
    forms: dict[str, tuple[bool, bool, str]] = {}
    for form, agree in bare.items():
        for clitic in VERB_CLITICS:
            future = "س" in clitic
            purpose = "ل" in clitic
            key = clitic + form
            if key not in forms or (not future and not purpose):
                forms[key] = (future, purpose, agree if key not in forms or forms[key][2] == agree else "")
    return forms


def _participle_forms(participles: list[str]) -> set[str]:
    """Active participles used as verbs of manner (محذرا إيران من، متوعدة إياها، مطالبين بـ), with their
    endings, object pronouns and the conjunction و."""
    out = set()
    for stem in map(_n, participles):
        base = stem[:-1] if stem.endswith("ه") else stem
        for suf in PARTICIPLE_SUFFIXES:
            for obj in OBJECT_SUFFIXES:
                for clitic in ("", "و"):
                    out.add(clitic + _n(base + suf) + obj)
    return out


def _first_plural_forms(perfect: list[str], imperfect: list[str]) -> tuple[set[str], set[str]]:
    """Forms whose subject is "we", with their clitics: the perfect's (حذرنا) and the imperfect's (نحذر، سنرد)."""
    return ({clitic + _n(stem) + "نا" for stem in perfect for clitic in VERB_CLITICS},
            {clitic + "ن" + _n(stem) for stem in imperfect for clitic in VERB_CLITICS})


def _us_object_forms(perfect: list[str], imperfect: list[str]) -> set[str]:
    """Forms whose object is "us" and whose subject is someone else (هاجمتنا، هاجمونا، تستهدفنا، يهاجموننا), with
    their clitics: not the perfect's bare ـنا, which is also "we" (هاجمنا)."""
    bare = {_n(stem) + suf + "نا" for stem in perfect for suf in ("ت", "وا", "و", "ا", "تا")}
    bare |= {pre + _n(stem) + suf + "نا" for stem in imperfect for pre in ("ي", "ت") for suf in ("", "ون", "ان", "و")}
    return {clitic + form for form in bare for clitic in VERB_CLITICS}


def _noun_forms(forms: list[str]) -> dict[str, bool]:
    """Inflected noun forms → purpose flag (prefixed by ل)."""
    out: dict[str, bool] = {}
    for f in map(_n, forms):
        stems = {f}
        if f.endswith("ه"):
            stems.add(f[:-1] + "ت")  # ضربة → ضربته
        variants = set()
        for s in stems:
            for suf in NOUN_SUFFIXES:
                variants.add(s + suf)
        for v in variants:
            for clitic in NOUN_CLITICS:
                out.setdefault(clitic + v, False)
                out.setdefault(clitic + "ال" + v, False)
                if clitic.endswith("ل"):
                    out[clitic + v] = True
                    out[clitic + "ل" + v] = True  # لل + noun (ل + ال)
                    out[clitic + "ال" + v] = True
    return out


def parse_lexicon(folder: Path) -> Lexicon:
    """Read triggers.toml, modality.toml, actors.toml and grammar.toml from `folder`."""
    lex = Lexicon()
    trig = tomllib.loads((folder / "triggers.toml").read_text(encoding="utf-8"))
    for v in trig.get("verb", []):
        we_past, we_now = _first_plural_forms(v["perfect"], v["imperfect"])
        us = _us_object_forms(v["perfect"], v["imperfect"])
        plain = TriggerEntry(v["action"], "verb", False, tuple(_n(w) for w in v.get("needs", [])),
                             int(v.get("needs_window", 0)), bool(v.get("requires_weapon", False)),
                             weapon_before=int(v.get("weapon_before", 0)))
        entries: dict[tuple[bool, bool, bool, bool, str, bool], TriggerEntry] = {}  # one entry per flag combination
        for form, (future, purpose, agree) in _verb_forms(v["perfect"], v["imperfect"]).items():
            flags = (future, purpose, form in we_past or form in we_now, form in us, agree, form in we_now)
            entry = entries.get(flags)
            if entry is None:
                entry = entries[flags] = replace(plain, future=future, purpose=purpose, first_plural=flags[2],
                                                 us_object=flags[3], agree=agree, we_prefix=flags[5])
            lex.triggers.setdefault(form, entry)
        plain = entries.get((False, False, False, False, "", False), plain)
        for form in _participle_forms(v.get("participles", [])):
            if lex.triggers.setdefault(form, plain) is plain:
                lex.participles.add(form)
    for n in trig.get("noun", []):
        needs = tuple(_n(w) for w in n.get("needs", []))
        noun_entries = {masdar: TriggerEntry(n["action"], "noun", bool(n.get("transitive_noun", False)), needs,
                                             int(n.get("needs_window", 0)), False, False, masdar)
                        for masdar in (False, True)}
        for form, purpose in _noun_forms(n["forms"]).items():
            entry = noun_entries[purpose and bool(n.get("masdar", False))]
            lex.noun_triggers.setdefault(form, entry)
            if n.get("light_only"):
                continue  # (صواريخ is an attack only when launched: أطلق صواريخ)
            current = lex.triggers.get(form)
            if current is None or (current.pos == "verb" and purpose):
                lex.triggers[form] = entry  # لحث، لضرب: after لـ a perfect-looking form is a verbal noun
    manner = {_n(word) for word in trig.get("homographs", {}).get("manner", [])}
    for word in trig.get("homographs", {}).get("words", []):
        w = _n(word)
        for form in {c + a + w for c in (*NOUN_CLITICS, "س", "وس", "فس") for a in ("", "ال")} | \
                {c + "لل" + w for c in ("", "و", "ف")}:
            if form in manner and form in lex.participles:
                lex.manner_only.add(form)  # (a trigger only after a comma: `events.find_triggers`)
                continue
            lex.triggers.pop(form, None)  # (الشرطة "the police" is no شرط + ه "his condition")
            lex.noun_triggers.pop(form, None)
    for light in trig.get("light", []):
        forms = set(_verb_forms(light["stems_perfect"], light["stems_imperfect"]))
        # their verbal nouns after ب (اتهمها بشن هجمات، هدد بتنفيذ ضربات)
        lex.light_verbs |= forms | {c + _n(stem) for stem in light["stems_perfect"] for c in ("ب", "وب")}
        lex.light_verbs |= {c + a + _n(noun) for noun in light.get("nouns", []) for c in NOUN_CLITICS
                            for a in ("", "ال")}
        lex.light_window = int(light.get("window", 3))
        lex.light_reach = int(light.get("reach", lex.light_window))
    for a in trig.get("addressed", []):
        nouns = frozenset(_n(w).split()[-1] for w in a["nouns"])
        lex.addressed.append((a["action"], frozenset(_n(w) for w in a["verbs"]), nouns, int(a.get("window", 8))))
    for p in trig.get("phrase", []):
        for words in p["words"]:
            lex.phrases.append((tuple(_n(w) for w in words), p["action"]))
            if "subject" in p:
                lex.phrase_subject[lex.phrases[-1][0]] = p["subject"]
    weapons: set[str] = set()
    for s in trig.get("subclass", []):
        cues = frozenset(_n(c) for c in s["cues"])
        lex.subclasses.append((s["action"], cues, int(s.get("window", 3))))
        if s["action"] in ("DroneAttack", "MissileStrike", "Shelling"):
            weapons |= cues
    lex.weapons = frozenset(weapons)

    mod = tomllib.loads((folder / "modality.toml").read_text(encoding="utf-8"))
    lex.modality = _normalise_tree(mod)
    grammar = tomllib.loads((folder / "grammar.toml").read_text(encoding="utf-8"))
    lex.particles = {k: frozenset(_n(w) for w in v) for k, v in grammar.get("particles", {}).items()}
    lex.target_preps = {k: frozenset(_n(w) for w in v) for k, v in grammar.get("target_prepositions", {}).items()}
    lex.modality_words = {k: frozenset(_n(w) for w in v) for k, v in grammar.get("modality", {}).items()}

    act = tomllib.loads((folder / "actors.toml").read_text(encoding="utf-8"))
    for organ in act.get("organ", []):
        for words in organ["nouns"]:
            lex.organs.append((label_key(" ".join(words)), organ["kind"], organ["link"], bool(organ.get("group"))))
        lex.aligned_cues |= frozenset(_n(w) for w in organ.get("aligned_cues", []))
    lex.organs.sort(key=lambda o: -len(o[0]))
    titles = act.get("titles", {})
    lex.titles = sorted({label_key(" ".join(t)) for t in titles.get("official", [])}, key=lambda t: -len(t))
    lex.organ_index = first_word_index([o[0] for o in lex.organs])
    lex.title_index = first_word_index(lex.titles)
    lex.madda_titles = frozenset(label_key(t[0])[0] for t in titles.get("official", []) if len(t) == 1
                                 and t[0].removeprefix("ال").startswith("آ"))
    lex.phrase_index = first_word_index([phrase for phrase, _ in lex.phrases])
    lex.opener_index = first_word_index(lex.modality["conditional"]["openers"])
    lex.name_stop = frozenset(_n(w) for w in titles.get("stop", []))
    lex.broken_nisba = {_n(plural): _n(singular) for plural, singular in act.get("broken_nisba", {}).items()}
    lex.heads = {name: frozenset(strip_article(_n(w)) for w in words)
                 for name, words in act.get("heads", {}).items()}
    lex.head_nouns = frozenset().union(*lex.heads.values())
    links = act.get("links", {})
    lex.claim_verbs = frozenset(_n(w) for w in links.get("claim_verbs", []))
    lex.pronoun_complementisers = frozenset(_n(w) for w in links.get("pronoun_complementisers", []))
    lex.name_stop |= lex.pronoun_complementisers  # (مطار إنجلز | بأنه عمل إرهابي: a clause opens, the name ends)
    lex.name_stop |= {clitic + word for word in lex.particles.get("counterpart", ()) for clitic in ("", "و", "ل", "ب")}
    # (لنظيره الإيراني: "his counterpart", with its clitics, is never part of a name)
    lex.skip_words = frozenset(_n(w) for w in links.get("skip", []))
    lex.generic_targets = frozenset(_n(w) for w in links.get("generic_targets", []))
    lex.belonging = frozenset(_n(w) for w in links.get("belonging", []))
    lex.reporting_verbs = frozenset(_n(w) for w in links.get("reporting_verbs", []))
    lex.undergo_verbs = frozenset(_n(w) for w in links.get("undergo_verbs", []))
    lex.repel_words = frozenset(_n(w) for w in links.get("repel_words", []))
    lex.outcome_verbs = frozenset(_n(w) for w in links.get("outcome_verbs", []))
    return lex


def _normalise_tree(value: object) -> object:
    """Normalise every string of a TOML tree (lists of words, nested tables)."""
    if isinstance(value, str):
        return _n(value)
    if isinstance(value, list):
        return [_normalise_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalise_tree(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=4)
def load_lexicon(folder: Path | None = None) -> Lexicon:
    """The lexicons under ontology_dir()/lexicon (cached)."""
    return parse_lexicon(folder or ontology_dir() / LEXICON_DIR)
