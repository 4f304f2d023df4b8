"""Finding actor mentions in a sentence: known actors, nisba organs and groups, titled persons, anaphora.

Matching runs on `text.Word`s with normalised keys (so clitics, hamza forms, ى/ي, ة/ه and
أمريكي/أميركي all fold) and returns `ActorRef`s that carry exact character spans. Actors that are not in
the base (an organ named by noun + nisba, a titled official, a facility) are minted with stable IRIs
(`actor_iri(kind, key)`) and kept in the `ActorFinder` so that later mentions in the article reuse them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

from akhbar.extract.events import CORE, names_place
from akhbar.extract.lexicon import Lexicon, candidates
from akhbar.extract.text import Word, bracketed_after, definite, last_letter, possessed, words_of
from akhbar.gazetteer import Gazetteer, Place, load_gazetteer
from akhbar.graph.vocab import actor_iri
from akhbar.kb import KnowledgeBase, label_key, nisba_stem, normalise, strip_article
from akhbar.records import NewActor

LIBERATION = frozenset({"لتحرير", "للتحرير"})  # (normalised) "for the liberation of", inside a front's name
HONORIFICS = frozenset({"الشيخ", "الشيخة"})  # (normalised) before a name, after an office: the person's
REFLEXIVES = frozenset({"نفسه", "نفسها", "نفسهم", "انفسهم", "نفسهما"})  # (normalised) himself, herself, themselves
OPENING_QUOTES = "\"“«'‘("
# (normalised) head nouns of militias, spelled with and without the first ي: either names back a militia whose
# name holds the other (ميليشيا الدعم السريع ... المليشيا)
MILITIA_NOUNS = frozenset({"ميليشيا", "ميليشيات", "مليشيا", "مليشيات"})
CLOSING_QUOTES = "\"”»'’)"
FUTURE = ("ست", "سي", "سن", "سا")  # (normalised) the future prefix before an imperfect's: ستدفع، سيرد، سنضرب
QUOTE_OPENERS = frozenset({"لن", "لا", "لم", "قد", "ان", "انه", "انها"})  # words that open a quoted clause, no name
SPACE_AND_QUOTES = " \u00a0\"“”«»'"  # what may stand between a title and its body or a body and its nisba
SPACE_AND_CLOSING = " \"”»'’"  # what may stand after a name before the word that goes on with it


# the matchers `ActorFinder._at` tries at a word, each only when the word passes its first test
# (normalised stems) unnamed groups of a state's people, one node per family and state: officials, diplomats,
# politicians, leaders and sources are different groups (سياسيين عراقيين بارزين | مسؤولين عراقيين)
GROUP_FAMILIES = (("مسوول", "officials"), ("دبلوماسي", "diplomats"), ("سياسي", "politicians"), ("قاد", "leaders"),
                  ("مصدر", "sources"), ("مصادر", "sources"), ("نواب", "lawmakers"))


def _most_named(mentions: list[ActorRef], kinds: tuple[str, ...]) -> tuple[str, str] | None:
    """The two actors of these kinds named most often, the later first on a tie; None unless the second is named
    twice at least."""
    counts = Counter(r.iri for r in mentions if r.kind in kinds and len(r.iris) == 1)
    last = {r.iri: n for n, r in enumerate(mentions)}
    ranked = sorted(counts, key=lambda x: (-counts[x], -last[x]))
    return (ranked[0], ranked[1]) if len(ranked) >= 2 and counts[ranked[1]] >= 2 else None


def group_family(noun: str) -> str:
    """The family of an official group's head noun (normalised), "officials" when none is listed.

    >>> group_family("دبلوماسيون"), group_family("المسوولين"), group_family("قاده")
    ('diplomats', 'officials', 'leaders')
    """
    bare = strip_article(noun)
    return next((family for stem, family in GROUP_FAMILIES if bare.startswith(stem)), "officials")


MOVEMENT_HEAD = "حركه"  # (normalised) the group head that is also the noun "movement" (`movement` heads)
MATCHERS = ("kb", "administration", "capital", "organ", "facility", "collective", "allies", "named_group", "members",
            "title", "anaphor", "nisba", "place", "region", "body")
GOVERNMENTAL = "حكوميه"  # (normalised) the adjective "governmental", which قوات الحكومة shares its node with
STACKED_OFFICE_WORDS = 6  # words an office held as well may take before a person's title
STACKED_PORTFOLIO = 3  # words of that office's portfolio
QUOTED_FORCE_WORDS = 5  # words of a quoted armed group's name
QUOTED_NAME_WORDS = 3  # words of a group's quoted name without its head noun («الشباب»، «أنصار الله»)
GROUP_HEADS = tuple(normalise(w) for w in ("حركة", "جماعة", "تنظيم"))  # heads a group's quoted name may leave out
QUOTED_BODY_WORDS = 4  # words a body's quoted name may run on past what the matchers read of it
BODY_KEY = "body"  # the first part of a body's key (`_body`); its IRI reads organization/body-…
BODY_PREFIX = actor_iri("Organization", BODY_KEY).rsplit("-", 1)[0] + "-"  # organization/body-
BODY_ADJECTIVES = 2  # definite adjectives a body's name may take after its organisation (السامية، الأممية)
BODY_COMPLEMENT = 3  # words of the لـ complement that ends a body's name (لحقوق الإنسان، لإغاثة وتشغيل اللاجئين)
# a one-word place name of the gazetteer is read as a place without a cue before it only if this populous
SINGLE_WORD_POPULATION = 100_000
# [heads] lists of nouns that are no proper name: a place list stops at them (بلدات كفركلا ومناطق أخرى)
OWN_COUNTRY = frozenset({"بلاده", "بلادها", "بلادهم", "دولته", "دولتها"})  # (normalised) "his/her/their country"
PRINCIPAL_GENERAL = frozenset({"العام", "العامه"})  # (normalised) "general" of a principal's title: القائد العام
LIST_STOPS = ("facility", "place", "place_plural", "phrase_stop", "direction", "vicinity", "part_of", "person_group",
              "struck", "population", "armed")
ALI = "علي"  # the name, normalised; the preposition على normalises to the same letters
GROUP_KINDS = ("Militia", "Organization", "StateOrgan")  # bodies and groups (no person, no place): what an
# abbreviation may name, what an office serves
SHORT_NAME = 4  # a one-word place name this short (in letters) needs a place noun before it
_NONE: frozenset[str] = frozenset()  # the matchers of most words
Readings = tuple[tuple[str, int], ...]


def wa_before_quote(word: Word) -> bool:
    """Whether a word is a lone و that stands apart before an opening quote (بلدتي «عيترون» و«كفرشوبا»): the
    conjunction of the quoted name after it.

    >>> from akhbar.extract.text import words_of
    >>> [wa_before_quote(w) for w in words_of("بلدتي «عيترون» و«كفرشوبا» و الخيام")]
    [False, False, True, False, False, False]
    """
    gap = word.gap_after.strip()
    return word.norm == "و" and bool(gap) and not gap.strip(OPENING_QUOTES)


@dataclass
class _Memo:
    """What depends only on a word's form, the base and the lexicon, worked out once per form:
    normal form → the `_at` matchers a word of that form can begin; proclitic readings → word counts of the
    KB labels that begin with one of them, longest first. The base and lexicon are kept alive with it so that
    their ids cannot be reused by other objects."""

    kb: KnowledgeBase
    lex: Lexicon
    matchers: dict[str, frozenset[str]] = field(default_factory=dict)
    lengths: dict[Readings, tuple[int, ...]] = field(default_factory=dict)


_MEMOS: dict[tuple[int, int], _Memo] = {}


def _memo_for(kb: KnowledgeBase, lex: Lexicon) -> _Memo:
    """The memo of one base and lexicon (both are loaded once per process and never changed)."""
    return _MEMOS.setdefault((id(kb), id(lex)), _Memo(kb, lex))


def _skips(word: Word) -> dict[str, int]:
    """Each distinct reading key of a word → the letters to skip for it (the first reading wins)."""
    skips: dict[str, int] = {}
    for key, skip in word.readings:
        skips.setdefault(key, skip)
    return skips


# (normalised) a name word that takes the next as its own (عبد الله، أبو عبيدة، بن سلمان، آل ثاني: آل folds to ال)
NAME_JOINERS = frozenset({"عبد", "ابو", "ابي", "ابن", "بن", "بنت", "ال"})


def _abd_spellings(name_words: list[Word]) -> tuple[str, ...]:
    """A last name compounded with عبد written apart is also written joined, and the article may name the
    person again so (وزير الخارجية حسين أمير عبد اللهيان ... وحذر عبداللهيان): the joined key.

    >>> from akhbar.extract.text import words_of
    >>> _abd_spellings(words_of("حسين أمير عبد اللهيان")), _abd_spellings(words_of("عباس عراقجي"))
    (('عبداللهيان',), ())
    """
    if len(name_words) > 1 and name_words[-2].norm.lstrip("و") == "عبد":
        return ("عبد" + name_words[-1].norm,)
    return ()


@dataclass(frozen=True)
class ActorRef:
    """An actor (or a group of actors, for anaphora) mentioned by words [first, last) of a sentence."""

    iris: tuple[str, ...]
    first: int
    last: int
    start: int
    end: int
    surface: str
    kind: str
    how: str  # kb | nisba | organ | title | alias | anaphor | facility | place | phrase
    states: tuple[str | None, ...] = ()
    variants: tuple[tuple[int, int], ...] = ()  # shorter spans of the text that name the same actor

    @property
    def iri(self) -> str:
        """The single actor (the first one of a group)."""
        return self.iris[0]


PAIR_REACH = 6  # the last mentions in which "البلدين" looks for the two states it names, when no pair is coordinated
LIST_ITEMS = 4  # unknown names a list may hold before the known place that closes it
INCLUDED_REACH = 3  # words from a plural place noun to the inclusion marker after it (عدة مدن أوكرانية، بينها)
NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يان", "يتين")  # (normalised) the endings of a nisba adjective
ALLIES = re.compile(r"^(حلفاء|حلفاي|حلفاو)(ها|ه|هم|هما)?$")  # (normalised: the allies, their allies)


@dataclass
class ActorFinder:
    """Per-article actor matcher: KB + lexicon, plus the actors minted so far in the article."""

    kb: KnowledgeBase
    lex: Lexicon
    text: str
    gazetteer: Gazetteer = field(default_factory=load_gazetteer)
    scope: str = ""  # the article's identifier: an open phrase names a thing of that article
    minted: dict[str, NewActor] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # person name word key → iri
    recent: list[ActorRef] = field(default_factory=list)
    recent_persons: list[list[ActorRef]] = field(default_factory=list)
    shortened: set[str] = field(default_factory=set)  # first-word keys of organs named with a nisba (`_shortened`)
    _words: list[Word] = field(default_factory=list)
    _tags: list[tuple[str, ...]] = field(default_factory=list)  # the current sentence's words' parts of speech
    _read: int = 0  # sentences read so far
    _foreseen: dict[str, int] = field(default_factory=dict)  # alias known ahead → the sentence that introduces it
    _ahead: list[ActorRef] = field(default_factory=list)  # the article's mentions, read ahead (`foresee`)
    speaks_for: dict[str, ActorRef] = field(default_factory=dict)  # spokesperson → the body they speak for
    _prev: ActorRef | None = None  # the mention found last in the current sentence
    _nisbas: dict[Word, str | None] = field(default_factory=dict)  # memo of _nisba per word
    _memo: dict[str, frozenset[str]] = field(default_factory=dict)  # memo of _matchers per normal form
    _lengths: dict[Readings, tuple[int, ...]] = field(default_factory=dict)  # memo of KB label lengths

    def __post_init__(self) -> None:
        memo = _memo_for(self.kb, self.lex)
        self._memo, self._lengths = memo.matchers, memo.lengths

    # ---- helpers -------------------------------------------------------------------------------------
    def kind_of(self, iri: str) -> str:
        """ak class of a KB or minted actor."""
        if iri in self.minted:
            return self.minted[iri].kind
        return self.kb.kind(iri)

    def state_of(self, iri: str) -> str | None:
        """The state an actor acts for (KB links or the links of a minted actor)."""
        if iri in self.minted:
            for prop, obj in self.minted[iri].links:
                if prop in ("partOf", "officialOf", "locatedIn"):
                    return obj
            return None
        return self.kb.state_of(iri)

    def mint_phrase(self, key: str, label: str, kind: str = "Location", links: tuple[tuple[str, str], ...] = ()
                    ) -> str:
        """An actor named by an open noun phrase (phrases.open_phrases): one node per article, kind and normalised
        phrase, since a description names no actor across articles ("مستودعات النفط" of one port and of another);
        `links`: the state of a place the phrase names (منزل في هرتسليا is in Israel, GUIDELINES §5)."""
        return self._mint(kind, f"phrase|{self.scope}|{key}" if self.scope else "phrase|" + key, label, links)

    def _mint(self, kind: str, key: str, label: str, links: tuple[tuple[str, str], ...] = (),
              label_en: str | None = None) -> str:
        iri = actor_iri(kind, key)
        if iri not in self.minted:
            self.minted[iri] = NewActor(iri=iri, kind=kind, label_ar=label, label_en=label_en, links=links)
        return iri

    def _militia_member(self, iri: str) -> bool:
        """Whether a known actor is a person of a militia (Nasrallah, Hemedti), not the militia itself."""
        return self.kb.kind(iri) == "Militia" and bool(self.kb.actors[iri].links.get("memberOf"))

    def _ref(self, words: list[Word], i: int, j: int, skip: int, iris: tuple[str, ...], how: str,
             kind: str | None = None) -> ActorRef:
        start = words[i].offset_after(skip, self.text)
        end = words[j - 1].end
        return ActorRef(iris, i, j, start, end, self.text[start:end], kind or self.kind_of(iris[0]), how,
                        tuple(self.state_of(x) for x in iris))

    def _state_word(self, word: Word) -> tuple[str | None, int]:
        """A state named by a nisba or by a state/capital label in one word: (state, skip)."""
        for key, skip in word.readings:
            iri = self.kb.lookup((key,))
            if iri:
                k = self.kb.kind(iri)
                if k == "State":
                    return iri, skip
                if iri in self.kb.capitals:
                    return self.kb.capitals[iri], skip
        stem = nisba_stem(word.norm)
        if stem and self.kb.nisba_state(stem):
            return self.kb.nisba_state(stem), 0
        return self._broken_nisba(word.norm), 0  # (after a noun of persons: دبلوماسيون روس)

    def _broken_nisba(self, key: str) -> str | None:
        """The state of a broken plural nisba (روس، الأتراك), through the lexicon's singular."""
        singular = self.lex.broken_nisba.get(strip_article(key))
        return None if singular is None else self.kb.nisba_state(singular)

    def _nisba(self, word: Word) -> str | None:
        """The state (or group) a nisba adjective names, through clitics (وبريطانية → UK)."""
        if word in self._nisbas:
            return self._nisbas[word]
        found = self._nisbas[word] = self._find_nisba(word)
        return found

    def _states_sites(self, words: list[Word], i: int, key: str) -> bool:
        """Whether a generic plural of sites (منشآت، مصالح) runs, past its adjectives, to a state's nisba (المنشآت
        النووية الإيرانية، منشآت عسكرية باكستانية): GUIDELINES §3 reads generic sites of X as X, so the nisba is
        the mention and no facility is named."""
        if key not in self.lex.generic_targets:
            return False
        k = i + 1
        while k < len(words) and k < i + 4 and not self.gap_text(k - 1, k).strip() \
                and definite(words[k].norm) == definite(words[i].norm) and self._nisba(words[k]) is None \
                and words[k].norm.endswith(("يه", "ي")) and words[k].norm not in self.lex.triggers:
            k += 1  # (النووية، العسكرية: its adjectives)
        return k < len(words) and not self.gap_text(k - 1, k).strip() \
            and definite(words[k].norm) == definite(words[i].norm) \
            and (state := self._nisba(words[k])) is not None and self.kb.kind(state) == "State"

    def _after_instrument(self, words: list[Word], i: int) -> bool:
        """Whether word i follows, with no break, an indefinite weapon (طائرات، مسيرات، صواريخ) whose adjective it
        may be."""
        prev = words[i - 1]
        return not prev.gap_after.strip() and not definite(prev.norm) \
            and any(k in self.lex.heads["instrument"] for k, _ in prev.readings)

    def _find_nisba(self, word: Word) -> str | None:
        stem = nisba_stem(word.norm)
        if stem and self.kb.nisba_state(stem):
            return self.kb.nisba_state(stem)
        if definite(word.norm):  # الروس، للأتراك (a bare روس may be a name, دنيس روس: read after persons only)
            broken = next(filter(None, (self._broken_nisba(key) for key, _ in word.readings)), None)
            if broken is not None:
                return broken
        for key, _ in word.readings:
            if key.startswith("ال"):
                continue
            stem = nisba_stem(key)
            if stem and self.kb.nisba_state(stem):
                return self.kb.nisba_state(stem)
        return None

    def _kb_match(self, words: list[Word], i: int) -> tuple[int, str, int] | None:
        """Longest KB label starting at word i: (length, iri, skip)."""
        readings = words[i].readings
        lengths = self.kb.label_lengths
        ns = self._lengths.get(readings)
        if ns is None:
            ns = self._lengths[readings] = tuple(sorted({n for key, _ in readings for n in lengths.get(key, ())},
                                                        reverse=True))
        for n in ns:
            if n > len(words) - i:
                continue
            if any(words[m].gap_after.strip(" \"“”«»'‘’-") for m in range(i, i + n - 1)):
                continue  # a name does not run across punctuation ("روسيا، اليوم" is not RT)
            rest = tuple(w.key for w in words[i + 1:i + n])
            for key, skip in readings:
                if n in lengths.get(key, ()):
                    iri = self.kb.lookup((key, *rest))
                    if iri:
                        return n, iri, skip
        return None

    def _phrase_at(self, words: list[Word], i: int, phrases: list[tuple[str, ...]],
                   index: dict[str, tuple[int, ...]]) -> tuple[int, int] | None:
        """Longest lexicon phrase at word i (first word may carry clitics): (length, skip).

        `phrases` is ordered longest first and `index` is its first-word index (lexicon.first_word_index).
        """
        readings = _skips(words[i])
        for pos in candidates(index, tuple(readings)):
            phrase = phrases[pos]
            n = len(phrase)
            if i + n > len(words):
                continue
            if tuple(w.key for w in words[i + 1:i + n]) == phrase[1:]:
                return n, readings[phrase[0]]
        return None

    # ---- matchers ------------------------------------------------------------------------------------
    def _organ_nouns_at(self, words: list[Word], i: int, readings: dict[str, int]) -> Iterator[int]:
        """The entries of `lex.organs` whose head noun begins at word i (الجيش، لقناة، وزارة), by position;
        `readings` are the word's (`_skips`)."""
        for pos in candidates(self.lex.organ_index, tuple(readings)):
            noun = self.lex.organs[pos][0]
            if i + len(noun) <= len(words) and tuple(w.key for w in words[i + 1:i + len(noun)]) == noun[1:]:
                yield pos

    def _organ(self, words: list[Word], i: int) -> ActorRef | None:
        """Organ / official group / militia named by a noun and a nisba or a state (الجيش الإسرائيلي)."""
        readings = _skips(words[i])
        for pos in self._organ_nouns_at(words, i, readings):
            noun, kind, link, group = self.lex.organs[pos]
            n = len(noun)
            skip = readings[noun[0]]
            j = i + n
            if j >= len(words) or self.text[words[j - 1].end:words[j].start].strip():
                continue
            if kind == "Militia":
                return self._militia(words, i, j, skip, noun)
            if n == 1 and noun[0] in self.lex.heads["force_unit"]:
                # (قوة من الجيش الإسرائيلي، دورية للجيش المالي: the unit of a body is that body, as its nisba would
                # make it: قوة إسرائيلية)
                of = j + 1 if words[j].norm == "من" else j  # (من, or the لـ of a genitive on the body's name)
                named = self._kb_match(words, of) if of < len(words) else None
                if named and ((of > j and named[2] == 0) or (of == j and words[of].norm.startswith("ل"))) \
                        and self.kb.kind(named[1]) in ("State", "StateOrgan", "Militia", "Organization"):
                    return self._ref(words, i, of + named[0], skip, (named[1],), "kb")
            if n == 1 and noun[0] in self.lex.heads["abstract_organ"] and not definite(words[i].norm[skip:]):
                continue  # (لن يسمح بتهديد أمن إسرائيل: Israel's security, no organ; الأمن الإسرائيلي is one)
            named = self._kb_match(words, j)
            if definite(words[i].norm[skip:] if n == 1 else words[j - 1].norm):
                named = None  # (اتهم الجيش قوات الدعم السريع، قصف الحرس الثوري قاعدة حرير: a definite noun is in
                # construct with no name)
            if named and named[0] > 1 and named[2] == 0 and self.kb.kind(named[1]) != "State" \
                    and not ((group or noun[-1] in self.lex.heads["leaders"]) and self.kb.kind(named[1]) == "Militia"):
                # (but قادة حركة الشباب، قيادة حركة المقاومة الإسلامية are the group's leaders: `_members`)
                # "قناة روسيا اليوم": the head introduces a known name, not a state
                return self._ref(words, i, j + named[0], skip, (named[1],), "kb")
            state, _ = self._state_word(words[j])
            if state is not None and definite(words[j - 1].norm) and not definite(words[j].norm) \
                    and self._nisba(words[j]) is None:
                state = None  # (وحذر الحرس الثوري إسرائيل: a definite organ takes no state's name as its genitive)
            if kind == "State" and state is not None:
                return self._ref(words, i, j + 1, skip, (state,), "organ", "State")  # النظام الإسرائيلي
            if state is None and words[j].norm in self.lex.particles["in_place"] and j + 1 < len(words) \
                    and not group:
                state, _ = self._state_word(words[j + 1])
                if state is not None:
                    j += 1
            between: tuple[str, ...] = ()
            if state is None and j + 1 < len(words) and not self.text[words[j].end:words[j + 1].start].strip():
                # one adjective between noun and nisba (القوات الجوية الإسرائيلية is listed; this covers others)
                state2 = self._nisba(words[j + 1])
                adjective = definite(words[j].norm) == definite(words[i].norm[skip:]) \
                    and (words[j].norm.endswith(("يه", "ي")) or (words[j].norm.startswith("ال")
                                                                and words[j].norm.endswith("ه")))
                # (an adjective agrees: مسؤول عسكري إسرائيلي، القوات المسلحة الإيرانية)
                if state2 and adjective and not self.kb.lookup((words[j].key,)):
                    state, j = state2, j + 1
            if state is None and kind == "StateOrgan" and not group and words[j].key in self.lex.heads["governmental"] \
                    and definite(words[j].norm) == definite(words[i].norm[skip:]):
                state = self._article_state()  # (القوات الحكومية: the forces of the government the article is
                if state is not None:  # about, the state it has named most)
                    between, j = (words[j].key,), j
            elif state is None and kind == "StateOrgan" and not group and words[j].key in self.lex.heads["government"] \
                    and definite(words[j].norm) and not definite(words[i].norm[skip:]) \
                    and (j + 1 >= len(words) or not self._nisba(words[j + 1])):
                state = self._article_state()  # (قوات الحكومة: the government's forces, as القوات الحكومية)
                if state is not None:
                    between = (GOVERNMENTAL,)
            if state is None and not group and kind == "StateOrgan":
                j, state, between = self._organ_name(words, j)
            if state is None and kind == "StateOrgan" and n >= 2 and definite(words[i + n - 1].norm) \
                    and noun[0] in self.lex.heads["armed"] | {"دفاعات"} and (self._nisba(words[i + n]) is None) \
                    and (state := self._article_state()) is not None:
                j = i + n - 1  # (قال الجيش السوداني إن سلاح الجو نفذ غارات: the air force of the state spoken of)
            if state is None:
                continue
            key = "|".join((*noun, *between)) + "|" + state.rsplit("/", 1)[-1]
            nisba = j
            if group and j + 1 < len(words) and words[j + 1].key in self.lex.heads["rank"] \
                    and not self.gap_text(j, j + 1).strip():
                j += 1  # (مسؤولون أمريكيون كبار: their rank is of the name; the node stays the group's)
            surface_start = words[i].offset_after(skip, self.text)
            label = self.text[surface_start:words[j].end]
            kb_iri = self.kb.lookup((*noun, words[nisba].key)) or self._known_organ(noun, state)
            if kb_iri:
                return self._ref(words, i, j + 1, skip, (kb_iri,), "kb")
            if group:
                key = group_family(noun[0]) + "|" + state.rsplit("/", 1)[-1]
            iri = self._mint(kind, key, label, ((link, state),) if link else ())
            ref = self._ref(words, i, j + 1, skip, (iri,), "organ")
            return ref
        return None

    def _organ_name(self, words: list[Word], j: int) -> tuple[int, str | None, tuple[str, ...]]:
        """A state organ named by its head, two definite words and the state's nisba (مكتب التحقيقات الفيدرالي
        الأمريكي، جهاز الأمن العام الإسرائيلي): (the nisba's index, its state, the two words' keys), else
        (j, None, ())."""
        k = j + 2
        if k >= len(words) or any(self.gap_text(m - 1, m).strip() for m in range(j + 1, k + 1)):
            return j, None, ()
        middle = words[j:k]
        if not all(w.norm.startswith("ال") and w.norm not in self.lex.triggers and not self._nisba(w) for w in middle) \
                or any(self._kb_match(words, m) is not None for m in range(j, k)):
            return j, None, ()  # (لجنة الأمن والدفاع النيابية | الحكومة العراقية: a body the base knows begins)
        state = self._nisba(words[k])
        if state is None or self.kb.kind(state) != "State" or words[k].norm.startswith("ل"):
            return j, None, ()  # (الهيئة الإعلامية التابعة للحوثيين: a body that belongs to a group)
        return k, state, tuple(w.key for w in middle)

    def _militia(self, words: list[Word], i: int, j: int, skip: int, noun: tuple[str, ...]) -> ActorRef | None:
        """ميليشيات عراقية / الميليشيات الموالية لطهران / الفصائل المدعومة من إيران; and a known militia's
        name after the noun (مليشيا الحوثي، ميليشيا حزب الله): that militia, named with its head noun (the bare
        name is a variant)."""
        named = self._kb_match(words, j)
        if named and named[2] == 0 and self.kb.kind(named[1]) == "Militia" and not self._militia_member(named[1]):
            ref = self._ref(words, i, j + named[0], skip, (named[1],), "kb")
            return replace(ref, variants=((words[j].start, words[j + named[0] - 1].end),))
        if named and named[2] == 0 and self._militia_member(named[1]):
            group = self.kb.actors[named[1]].links["memberOf"][0]
            return self._ref(words, i, j + named[0], skip, (group,), "kb")  # (مليشيات حفتر: his group's militias)
        patron: str | None = None
        home: str | None = None
        end = j
        k = j
        head_definite = definite(words[i].norm[skip:])
        adjectives = 0  # (الفصائل السورية المسلحة المدعومة من أنقرة: an adjective of the noun before the cue)
        while k < len(words) and k < j + 4 and not words[k - 1].gap_after.strip():
            w = words[k]
            if w.norm in self.lex.aligned_cues:
                for m in range(k + 1, min(k + 3, len(words))):
                    st, _ = self._state_word(words[m])
                    if st:
                        patron, end = st, m + 1
                        break
                break
            st = self._nisba(w)
            if st and k == j and self.kb.kind(st) == "Militia":
                # مليشيا الحوثي، الميليشيات الحوثية: the nisba names the militia itself, not a home state
                return self._ref(words, i, k + 1, skip, (st,), "kb")
            if st and home is None and k - j == adjectives:
                home, end = st, k + 1
                k += 1
                continue
            if not st and adjectives == 0 and definite(w.norm) == head_definite and w.norm.endswith("ه") \
                    and w.norm not in self.lex.triggers and not self._kb_match(words, k):
                adjectives += 1  # (المسلحة: it agrees, feminine as a broken plural's adjective is)
                k += 1
                continue
            break
        if patron is None and home is None and adjectives and k + 1 < len(words) \
                and words[k].norm in self.lex.particles["in_place"] and not words[k - 1].gap_after.strip() \
                and not words[k].gap_after.strip():
            km = self._kb_match(words, k + 1)
            if km and km[2] == 0 and self.kb.kind(km[1]) == "State":
                home, end = km[1], k + 1 + km[0]  # (ميليشيات شيعية في العراق، فصائل مسلحة في سوريا: where they are)
        if patron is None and home is None:
            return None
        surface_start = words[i].offset_after(skip, self.text)
        label = self.text[surface_start:words[end - 1].end]
        kb_iri = self.kb.lookup(tuple(w.key for w in words[i:end]))
        if kb_iri:
            return self._ref(words, i, end, skip, (kb_iri,), "kb")
        key = "militias|" + (home or "").rsplit("/", 1)[-1] + "|" + (patron or "").rsplit("/", 1)[-1]
        links = (("alignedWith", patron),) if patron else ()
        iri = self._mint("Militia", key, label, links)
        return self._ref(words, i, end, skip, (iri,), "organ", "Militia")

    def _title(self, words: list[Word], i: int, context_state: str | None) -> ActorRef | None:
        """وزير الخارجية السوري فيصل المقداد → a (new) Official linked to its state."""
        m = self._phrase_at(words, i, self.lex.titles, self.lex.title_index)
        if not m:
            return None
        n, skip = m
        if n == 1 and words[i].key in self.lex.madda_titles \
                and self.text[words[i].offset_after(skip, self.text):words[i].end].removeprefix("ال").startswith("أ"):
            return None  # (أمر البحرية: the verb or the noun "order", never the commander آمر, written with a madda)
        longer_holds = i + n < len(words) and (self._nisba(words[i + n]) or self._affiliation(words, i + n))
        for t in range(i + 1, i + n if not longer_holds else i + 1):
            inner = self._affiliation(words, t)
            if (inner is not None and inner[0] > i + n) or self._unit(words, t) > t:
                n = t - i  # قائد القوات البرية الإيرانية: the title is قائد, the organ begins inside the longer title
                break
        j = i + n
        if j < len(words) and strip_article(words[j].key) in self.lex.heads["person_group"] and not (
                (km := self._kb_match(words, j)) and km[2] == 0 and self.kb.kind(km[1]) in GROUP_KINDS):
            return None  # التقى الوزير مسؤولين إيرانيين: a group after the title is its object, not its holder
            # (but قائد القيادة المركزية الأمريكية: a body the base knows, the one he commands)
        # a known person a few words on (الأمين العام لحزب الله اللبناني حسن نصر الله): the title is his, unless it
        # is an aide's and names the office served first (مساعد الرئيس الأذربيجاني إلهام علييف: the principal)
        aide = n == 1 and strip_article(words[i].key) in self.lex.heads["aide"] and j < len(words) \
            and self._phrase_at(words, j, self.lex.titles, self.lex.title_index) is not None \
            and not skip and self._name_before(words, i) is not None  # (حكمت حاجييف، مساعد الرئيس …: the aide is
        # named before; in مستشار المرشد الإيراني علي شمخاني the known person is the aide himself)
        for k in range(j, min(len(words), j + 8) if not aide else j):
            if (k > j and any(c in ".:؛;!?؟()" for c in self.gap_text(k - 1, k))
                    and not self._bracketed_word(k) and not self._bracketed_word(k - 1)) \
                    or words[k].norm.lstrip("ولب") in self.lex.particles["counterpart"]:
                break  # (وزير الخارجية التركي | نظيره الإيراني عباس عراقجي: the name after is the counterpart's)
            if k > j and self._rank_word(words[k]) \
                    and not self.gap_text(k - 1, k).strip():
                continue  # (قائد القيادة المركزية الأمريكية الجنرال مايكل كوريلا: the holder's rank, his name next)
            if k > j and (not words[k].norm.startswith("ال") or self._definite_after_name(words, k)
                          or self._other_state_title(words, k)) \
                    and self._phrase_at(words, k, self.lex.titles, self.lex.title_index):
                break  # (التقى الموفد الفرنسي جان إيف لودريان رئيس مجلس النواب نبيه بري: a second, indefinite title
                # after the first's name opens the next person, the object; so does a definite one right after a
                # name, لودريان الرئيس جوزاف عون, or after the first title's nisba, وزير الخارجية الإيراني الرئيس
                # السوري بشار الأسد)
            km = self._kb_match(words, k)
            if km is None or km[2] != 0 or (km[0] == 1 and self._nisba(words[k])):
                continue  # (a one-word nisba such as السوداني is the adjective, not al-Sudani)
            if k > j and self._force_noun(words[k - 1]) and not self.gap_text(k - 1, k).strip():
                continue  # (المتحدث باسم مليشيات حفتر أحمد المسماري: the leader names the force served, not the
                # title's holder)
            kind = self.kb.kind(km[1])
            if kind == "Official" or self._militia_member(km[1]):
                return self._ref(words, i, self._family_after(words, k + km[0]), skip, (km[1],), "title")
        state: str | None = None
        affil: str | None = None
        if j < len(words):
            st = self._nisba(words[j])
            if st:
                state, j = st, j + 1
            elif n > 1 or not words[i].norm[skip:].startswith("ال"):
                j, state = self._office(words, j)  # (a one-word definite title takes no portfolio after it: in
                # حذر الرئيس الشعب الإيراني the people is the object, not the president's office)
                km = self._kb_match(words, j) if aide and state is not None and j < len(words) else None
                if km is not None and km[2] == 0 and self.kb.kind(km[1]) == "Official":
                    j += km[0]  # (مساعد الرئيس الأذربيجاني إلهام علييف: past the principal, named)
        # "باسم X" / "لـ X": the body the person speaks or works for
        on_behalf = j < len(words) and words[j].norm in self.lex.particles["on_behalf"]
        organ_office = False  # (the title's body is an organ of no named state: رئيس مجلس النواب)
        if on_behalf:
            j += 1
        if j < len(words) and state is None:
            j = self._unit(words, j)
        # (after a state's nisba the title is whole: in "حذر وزير الخارجية الأمريكي إيران" Iran is the object,
        # no body he works for, unless a particle says so: "وزير الدفاع الإسرائيلي لشؤون X")
        construct = on_behalf or not definite(words[j - 1].norm) or (j < len(words) and words[j].norm.startswith("ل"))
        # (a definite word ends the title: after رئيس الحكومة a body with no لـ or باسم is the verb's object)
        found = self._affiliation(words, j) if j < len(words) and not self.gap_text(j - 1, j).strip(
            SPACE_AND_QUOTES) and not (state is not None and not on_behalf) and construct else None
        if found is None and j < len(words) and words[j - 1].norm in self.lex.particles["on_behalf"] \
                and not self.gap_text(j - 1, j).strip(SPACE_AND_QUOTES):
            back = self._anaphor(words, j)  # (المتحدث باسم الجماعة: the group named before, referred back to)
            if back is not None and back.last == j + 1 and back.kind in GROUP_KINDS \
                    and len(back.iris) == 1:
                found = back.last, back.iri
        if found is None and j < len(words) and words[j - 1].norm in self.lex.particles["on_behalf"] \
                and (principal := self._phrase_at(words, j, self.lex.titles, self.lex.title_index)) is not None \
                and principal[1] == 0 and not self.gap_text(j - 1, j).strip(SPACE_AND_QUOTES):
            j = self._principal(words, j + principal[0])  # (الناطق باسم القائد العام للقوات المسلحة: his principal)
            if (st := self._nisba(words[j - 1])) is not None:
                state = st
            elif j < len(words) and words[j].norm.startswith("ل") and (inner := self._affiliation(words, j)):
                found = inner
        if found is not None:
            j, affil = found
        elif j + 1 < len(words) and words[j].norm.startswith("لل") and len(words[j].norm) > 4 and construct \
                and not self.gap_text(j - 1, j).strip() and self._kb_match(words, j) is None:
            j += 1  # (المدير العام للمنظمة رافائيل غروسي: a body the base does not know, still of the title)
            if j < len(words) and definite(words[j].norm) and words[j].norm.endswith(("يه", "ي")) \
                    and not self.gap_text(j - 1, j).strip() and self._nisba(words[j]) is None:
                j += 1  # (للوكالة الدولية: its adjective)
        elif j + 1 < len(words) and words[j].norm in self.lex.particles["constituency"]:
            place = self._place_of(words, j + 1)  # النائب عن زاهدان: the member for a place of a state
            if place is not None:
                j, state = place
            elif j + 2 < len(words) and strip_article(words[j + 1].key) in self.lex.heads["bloc"] \
                    and definite(words[j + 2].norm) \
                    and not (self.gap_text(j, j + 1) + self.gap_text(j + 1, j + 2)).strip():
                j += 3  # (النائب عن تحالف الفتح عباس الزاملي: the bloc he sits for, a name of one word)
        elif state is None and j < len(words) and words[i].key in self.lex.heads["governor"] \
                and not self.gap_text(j - 1, j).strip() and (place := self._place_of(words, j)
                                                             or self._governed_place(words, j)) is not None:
            j, state = place  # (حاكم إقليم دارفور، محافظ خاركيف: the governor of a place, an official of its state;
            # حاكم ولاية بورنو، محافظ نينوى: a province the base does not know, of the state the article is about)
        elif construct and state is None and j < len(words) and not self.gap_text(j - 1, j).strip():
            pos = next(self._organ_nouns_at(words, j, _skips(words[j])), None)
            if pos is not None:
                organ_office = True
                j += len(self.lex.organs[pos][0])  # (رئيس مجلس النواب: the body of the office, no state named; not
                # a person called "مجلس النواب")
                inner = self._affiliation(words, j) if j < len(words) and words[j].norm.startswith("ل") \
                    and not self.gap_text(j - 1, j).strip() else None
                if inner is not None:
                    j, affil = inner  # (الناطق باسم القائد العام للقوات المسلحة العراقية: the office's body's body)
        if affil is None and state is None and j + 2 < len(words) and definite(words[j].norm) \
                and words[j + 1].norm in self.lex.particles["in_place"] \
                and not (self.gap_text(j - 1, j) + self.gap_text(j, j + 1) + self.gap_text(j + 1, j + 2)).strip(
                    SPACE_AND_QUOTES) and (inner := self._affiliation(words, j + 2)) is not None \
                and self.kind_of(inner[1]) in GROUP_KINDS:
            j, affil = inner  # (وزير الإعلام في الحكومة اليمنية معمر الإرياني: a portfolio, then the body it is in)
        if affil is None and j + 1 < len(words) and words[j].norm in self.lex.particles["in_place"] \
                and not (self.gap_text(j - 1, j) + self.gap_text(j, j + 1)).strip(SPACE_AND_QUOTES):
            inner = self._affiliation(words, j + 1)  # القيادي في حركة الجهاد الإسلامي خالد منصور: the group he
            if inner is not None and self.kind_of(inner[1]) in GROUP_KINDS:  # is of
                j, affil = inner
        while j < len(words) and words[j].key in self.lex.heads["title_modifier"] and j + 1 < len(words) \
                and words[j + 1].norm in self.lex.particles["to_place"] and not self.gap_text(j - 1, j).strip():
            j += 1  # (المبعوث الأممي الخاص إلى اليمن، المبعوث الأميركي الخاص لشؤون العراق: of the title)
        office_end = j  # (where the title ends if no name follows: وزير الطاقة السوداني | في تصريحات)
        if j < len(words) and words[j].norm in self.lex.particles["to_place"]:
            k = j + 1
            while k < len(words) and k < j + 4 and "،" not in self.text[words[k - 1].end:words[k].start] \
                    and "," not in self.text[words[k - 1].end:words[k].start]:
                k += 1
            km = self._kb_match(words, j + 1) if j + 1 < len(words) else None
            if k < len(words) and k < j + 4:
                j = k
            elif km is not None and km[2] == 0 and self.kb.kind(km[1]) in ("State", "Location", "StateOrgan") \
                    and j + 1 + km[0] < len(words) and not self.gap_text(j + km[0], j + 1 + km[0]).strip():
                j = j + 1 + km[0]  # (المبعوث الأممي إلى اليمن هانس غروندبرغ: the place he is sent to, then his name;
                # النائب في البرلمان الإيراني علي كريمي: the body he sits in)
                state = state or self.state_of(km[1])
                if office_end > i + n and words[office_end - 1].key in self.lex.heads["title_modifier"]:
                    office_end = j  # (المبعوث الأممي الخاص إلى اليمن, unnamed: the place is of his office)
        j = self._past_quoted_name(words, i, j)  # (باسم "المجلس الوطني للإنقاذ" العقيد X: the body's whole name)
        while j < len(words) and words[j].key in self.lex.heads["title_modifier"] \
                and not self.gap_text(j - 1, j).strip():
            j += 1  # (وزير الخارجية السوري الجديد، المعين حديثا، السابق: of the title, before the name)
        if j + 1 < len(words) and words[j].norm in HONORIFICS and not self.gap_text(j, j + 1).strip():
            j += 1  # (وزير الخارجية البحريني الشيخ خالد بن أحمد آل خليفة: an honorific before the name)
        # the name: up to four words not in the stop list (the words after عبد، بن، آل not counted), with only
        # spaces/commas/quotes before each
        name_start = j
        k = j
        while k < len(words) and k < name_start + 4 + sum(w.norm in NAME_JOINERS for w in words[name_start:k]):
            gap = self.text[words[k - 1].end:words[k].start] if k > 0 else ""
            if k > name_start and gap.strip(SPACE_AND_QUOTES + "-"):  # (كارين جان-بيار: a hyphen joins a name)
                break
            if k == name_start and gap.strip(SPACE_AND_QUOTES + "،,"):
                break
            if k == name_start and words[k].norm.startswith("و") \
                    and self._phrase_at(words, k, self.lex.titles, self.lex.title_index):
                break  # (رئيس الحكومة، ورئيس مجلس النواب: a second title, coordinated, is no name)
            w = words[k]
            if k == name_start == j == i + n and definite(w.norm) and w.norm not in NAME_JOINERS \
                    and not self._rank_word(w) \
                    and k + 1 < len(words) and not self.gap_text(k, k + 1).strip() \
                    and not definite(words[k + 1].norm) and self._kb_match(words, k) is None \
                    and self._phrase_at(words, k, self.lex.titles, self.lex.title_index) is None:
                name_start = k = k + 1  # (رئيس المفوضية عمر توراي: the body the office heads, then the name)
                continue
            if k > name_start and self._no_name_word(words, k):
                break  # (غيتاتشو رضا | مسؤوليتها، إدريس ديبي | بنفسه، برهانو جولا | أبعد من ذلك)
            if k > name_start and words[k - 1].norm in NAME_JOINERS and not gap.strip():
                k += 1  # (عبد اللهيان، أبو عبيدة: the word after عبد or أبو is the name's own)
                continue
            rank = self._phrase_at(words, k, self.lex.titles, self.lex.title_index) if k > name_start or (
                k == name_start and (organ_office or self._rank_word(w))) else None
            if rank is not None and k > name_start and self._definite_after_name(words, k):
                break  # (الموفد الفرنسي جان إيف لودريان | الرئيس جوزاف عون: a definite title after a name is the
                # next person's)
            if rank is not None and (not gap.strip() or k == name_start) and words[k].norm.startswith("ال"):
                name_start = k = k + rank[0]  # (قائد الشرطة اللواء سامي الكعبي: the name follows the rank)
                continue
            if rank is not None and k == name_start + 1 and self.parsed_no_name(name_start):
                k = name_start  # (وزير الخارجية الأمريكي التقى رئيس الوزراء: a verb the parse reads, then a
                break  # second office; no name between them)
            if rank is not None and k >= name_start + 2 and not words[k].norm.startswith("ال"):
                break  # (وكيل الوزارة جون هيرلي | محافظ البنك المركزي: an indefinite title after a full name is
                # the next person's, the object's)
            if self.ends_name(w) or w.norm in self.lex.triggers or (w.norm.startswith("و") and k > j) \
                    or (w.norm.startswith("و") and w.norm[1:] in self.lex.name_stop
                        and self._tags_at(k) != ("PROPN",)) \
                    or (k == j and w.norm.startswith(("وت", "وي", "ول", "وب")) and self._tags_at(k) != ("PROPN",)) \
                    or len(w.norm) < 2 or w.norm.isdigit() or w.key in self.lex.particles["demand_content"] \
                    or w.norm in self.lex.particles["demand_content"] \
                    or (k == name_start and definite(w.norm) and w.norm.endswith(("ات", "ين", "ون"))):
                break  # (طلب من رئيس الوزراء العراقي | نقل ملف الفصائل: what is asked is no name; دعا محافظ جنين |
                # المؤسسات الدولية: a definite plural is the verb's object)
            km = self._kb_match(words, k)
            if km is not None and (km[2] == 0 or (k == name_start and not w.norm.startswith("ل"))):
                # (باراك is not بـ + Arak inside a name; but لنتنياهو is the one the holder speaks to)
                person = self.kb.kind(km[1]) == "Official" or self._militia_member(km[1])
                if k == name_start and person:
                    return self._ref(words, i, self._family_after(words, k + km[0]), skip, (km[1],), "title")
                break
            units = k - name_start - sum(words[m].norm in NAME_JOINERS for m in range(name_start, k))
            family = k - name_start >= 2 and w.norm.startswith("ال") and not gap.strip()  # (محمد شياع السوداني،
            # أبو حمزة الليبي: a kunya is a name of two words)
            if w.norm.startswith(("بال", "لل", "وال", "باست")) or self._verbal_noun_with_b(w) or (
                    k > name_start and ((self._nisba(w) and not family) or w.norm.endswith("ات"))):
                break  # (باستئناف، باستهداف، بفرض: بـ and a verbal noun, the name is over, or none begins)
            if w.norm in self.lex.pronoun_complementisers:
                break  # (متحدث عسكري باسم الجماعة قوله إنها: the reported clause begins)
            if any(key in self.lex.heads["pair_anaphoric"] for key, _ in w.readings):
                break  # (المنسق الأممي طرفي النزاع: the two sides addressed, no name)
            if (k > name_start or definite(w.norm)) and any(self._organ_nouns_at(words, k, _skips(w))):
                break  # (المتحدث ... محمد فيصل لقناة: the outlet he spoke to begins; رئيس البرلمان العراقي
                # الحكومة: a definite body is the verb's object, no name)
            if units >= 2 and self.parsed_no_name(k):
                break  # (دونالد ترامب | لوقف إطلاق النار، علي خامنئي | بما وصفه، أنطونيو غوتيريش | تحدث: a third
                # word the parse reads as a verb, or a preposition and its object)
            if units >= 2 and w.norm.startswith("ال") and not w.norm.endswith("ي") and w.norm not in NAME_JOINERS:
                break  # a definite common noun after a two-word name (شوشان ستيبانيان الاتهام; but محمد علي الحوثي,
                # and عبد الفتاح البرهان: عبد and its word are one)
            k += 1
        affil_kind = self.kind_of(affil) if affil else None
        if state is None and affil:
            state = self.state_of(affil)
        stated = state  # (the state the title itself names, before the sentence's context fills one in)
        if affil_kind != "Organization":
            state = state or context_state  # (an organisation's officer is no official of the place he speaks in:
            # في أديس أبابا، دعا رئيس مفوضية الاتحاد الأفريقي …)
        if state is None and affil is None and office_end - i >= 2:
            state = self._article_state()  # (سأبلغ رئيس الجمهورية ورئيس الحكومة: an office named in full, of no
            # state, is the one of the state the article is about)
        named_after = k - name_start >= 2 or (k - name_start == 1 and k < len(words)
                                              and self.text[words[k - 1].end:words[k].start].strip())
        if not named_after:
            name_start = office_end
        before = self._name_before(words, i) if not named_after and not skip else None
        if before is not None:
            # "NAME، TITLE" (دعا مسعد بولس، المستشار …؛ قال شون سافيت المتحدث باسم …): the name before the title
            return self._titled_person(words, before, i, name_start, state, affil, affil_kind)
        if named_after:
            iri, kind = self._person(words[name_start:k], state, affil, affil_kind)
            if affil and any(w.norm in self.lex.particles["on_behalf"] and len(w.norm) > 1
                             for w in words[i:name_start]):
                self.speaks_for[iri] = self._ref(words, i, i + 1, skip, (affil,), "organ")
            ref = self._ref(words, i, k, skip, (iri,), "title", kind)
            if j > i and any(c in self.gap_text(j - 1, j) for c in "،,"):
                # (المتحدث باسم الحكومة الانتقالية في مالي، العقيد عبد الله مايغا: the office and the name it is
                # apposed to each name him as well)
                ref = replace(ref, variants=((ref.start, words[j - 1].end), (words[j].start, ref.end)))
            return ref
        back = self._person_back(words, i, skip, name_start, stated)
        if back is not None:
            return back
        title_key = "|".join(tuple(w.key for w in words[i:i + n]))
        label = self.text[words[i].offset_after(skip, self.text):words[name_start - 1].end]
        if state and affil is None:
            iri = self._mint("Official", f"{title_key}|{state.rsplit('/', 1)[-1]}", label, (("officialOf", state),))
            return self._ref(words, i, name_start, skip, (iri,), "title", "Official")
        if affil is not None:
            # قائد الحرس الثوري، المتحدث باسم الخارجية: the holder of an office of a known body, unnamed
            kind = "Militia" if affil_kind == "Militia" else "Official"
            # (a member of a group or an organisation, else an official of the body's own state, never of the
            # state the sentence happens to name: المتحدث باسم الأمم المتحدة after "إسرائيل")
            link = ("memberOf", affil) if affil_kind in ("Militia", "Organization") else \
                ("officialOf", stated) if stated else None
            iri = self._mint(kind, f"{title_key}|{affil.rsplit('/', 1)[-1]}", label, (link,) if link else ())
            return self._ref(words, i, name_start, skip, (iri,), "title", kind)
        return None

    def _rank_word(self, word: Word) -> bool:
        """Whether a word is a military rank (العقيد، اللواء: `rank_title`), the person's own before his name."""
        return strip_article(word.key) in self.lex.heads["rank_title"]

    def _tags_at(self, k: int) -> tuple[str, ...]:
        """The parse's tags of word k of the current sentence (empty without a parse)."""
        return self._tags[k] if k < len(self._tags) else ()

    def _family_after(self, words: list[Word], end: int) -> int:
        """Where a known person's mention ends that the base names without the family his name goes on with (محمد
        بن عبد الرحمن | آل ثاني): past آل and its word, else at `end`."""
        if end + 1 < len(words) and words[end].norm == "ال" and not self.gap_text(end - 1, end).strip() \
                and not self.gap_text(end, end + 1).strip():
            return end + 2
        return end

    def _no_name_word(self, words: list[Word], k: int) -> bool:
        """Whether word k, after a name's first word, cannot go on a person's name: a noun with a possessive pronoun
        (مسؤوليتها، بنفسه: someone's, never a name) or a comparative the parse reads as an adjective before من
        (أبعد من ذلك، أكثر من)."""
        tags = self._tags_at(k)
        if possessed(words[k].text) or words[k].norm.removeprefix("ب") in REFLEXIVES \
                or (len(tags) > 2 and tags[0] == "ADP" and tags[-1] == "PRON"):
            return True
        return tags == ("ADJ",) and not definite(words[k].norm) and k + 1 < len(words) \
            and words[k + 1].norm == "من" and not self.gap_text(k, k + 1).strip()

    def _other_state_title(self, words: list[Word], k: int) -> bool:
        """Whether the title at word k follows a state's nisba and names another state's office (وزير الخارجية
        الإيراني | الرئيس السوري: two persons; but المتحدث باسم الخارجية الإيرانية الناطق الرسمي is one)."""
        before = self._nisba(words[k - 1])
        m = self._phrase_at(words, k, self.lex.titles, self.lex.title_index)
        if before is None or m is None or k + m[0] >= len(words):
            return False
        after = self._nisba(words[k + m[0]])
        return after is not None and after != before

    def _definite_after_name(self, words: list[Word], k: int) -> bool:
        """Whether word k, definite, follows a name's word, one without the article that is no title's own
        (لودريان | الرئيس جوزاف عون: a title there opens the next person; نائب الأدميرال is one rank)."""
        return k > 0 and words[k].norm.startswith("ال") and not definite(words[k - 1].norm) \
            and self._phrase_at(words, k - 1, self.lex.titles, self.lex.title_index) is None

    def _principal(self, words: list[Word], j: int) -> int:
        """Past the rest of the title of the one a spokesman speaks for, which begins at word j (الناطق باسم القائد
        | العام للقوات المسلحة، المتحدث باسم الرئيس | الأمريكي): its "العام" and a state's nisba, if they follow."""
        if j < len(words) and words[j].norm in PRINCIPAL_GENERAL and not self.gap_text(j - 1, j).strip():
            j += 1
        if j < len(words) and self._nisba(words[j]) is not None and not self.gap_text(j - 1, j).strip():
            j += 1
        return j

    def _person_back(self, words: list[Word], i: int, skip: int, end: int, state: str | None) -> ActorRef | None:
        """A definite title with no name after it (وأضاف الوزير الإسرائيلي، وقال المتحدث) refers back to the last
        person the article introduced with that title word, of the same state when the title names one (§3:
        anaphora are resolved); None when the article named no such person."""
        if not words[i].norm[skip:].startswith("ال"):
            return None
        head = words[i].key
        for ref in reversed(self.recent):
            if ref.how != "title":
                continue
            if label_key(ref.surface)[:1] != (head,) or (state and ref.states[:1] != (state,)):
                continue
            start = words[i].offset_after(skip, self.text)
            stop = words[end - 1].end
            return ActorRef(ref.iris, i, end, start, stop, self.text[start:stop], ref.kind, "anaphor", ref.states)
        return None

    def _affiliation(self, words: list[Word], j: int) -> tuple[int, str] | None:
        """The body a title's holder serves, beginning at word j: an organ named by noun and nisba (الحرس
        الثوري الإيراني) or a known organ, group, organisation or state: (end, IRI); the end is past a nisba
        that follows the body («الحرس الثوري» الإيراني)."""
        km = self._kb_match(words, j)
        organ = None if km else (self._organ(words, j) or self._named_group(words, j)  # (زعيم جماعة الفتح المبين)
                                 or self._body(words, j))  # (رئيس مفوضية الاتحاد الأفريقي)
        if organ is not None:
            end, iri = organ.last, organ.iri
        elif km and self.kb.kind(km[1]) in ("StateOrgan", "Militia", "Organization", "State") \
                and (km[2] == 0 or words[j].norm.startswith("ل")):
            end, iri = j + km[0], km[1]
        else:
            return None
        if end < len(words) and self._nisba(words[end]) and not self.gap_text(end - 1, end).strip(SPACE_AND_QUOTES) \
                and not self._kb_match(words, end):
            end += 1  # (not a state's own name that reads as a nisba: الأمين العام لحلف الناتو | روسيا)
        return end, iri

    def _unit(self, words: list[Word], j: int) -> int:
        """Past the unit of a body a title names before the body itself (قائد عمليات الحرس الثوري، قائد القوات
        البرية في الجيش الإيراني): a unit noun, at most two words more, then "في" or the body; else j."""
        if words[j].key not in self.lex.heads["unit"]:
            return j
        for k in range(j + 1, min(len(words), j + 4)):
            if self.gap_text(k - 1, k).strip(SPACE_AND_QUOTES):
                return j
            if self._affiliation(words, k) is not None:
                return k
            if words[k].norm in self.lex.particles["in_place"] and k + 1 < len(words) \
                    and self._affiliation(words, k + 1) is not None:
                return k + 1
            if self.ends_name(words[k]) or words[k].norm in self.lex.triggers:
                return j
        return j

    def _office(self, words: list[Word], j: int) -> tuple[int, str | None]:
        """A title's portfolio before the holder's nisba (وزير الطاقة السوداني، رئيس هيئة الاستعلامات المصرية): up
        to three words, no punctuation between, then a state's nisba: (the word after the nisba, the state);
        else (j, None)."""
        for k in range(j + 1, min(len(words), j + 4)):
            prev = words[k - 1]
            if self.gap_text(k - 1, k).strip() or self.ends_name(prev) or prev.norm in self.lex.triggers \
                    or self._kb_match(words, k - 1) or self._nisba(prev):
                break
            st = self._nisba(words[k])
            if st:
                return k + 1, st
        return j, None

    def _past_quoted_name(self, words: list[Word], i: int, j: int) -> int:
        """The word after the closing quote of a body's name that opened with a quote after word i and is still open
        at word j (المتحدث باسم "المجلس الوطني للإنقاذ": its name goes on to the quote), else j."""
        if j >= len(words) or j <= i:
            return j
        span = self.gap_text(i, j)
        if span.count("«") + span.count("“") - span.count("»") - span.count("”") + span.count('"') % 2 <= 0:
            return j
        for m in range(j, min(len(words), j + QUOTED_BODY_WORDS)):
            gap = self.gap_text(m, m + 1) if m + 1 < len(words) else self.text[words[m].end:words[m].end + 1]
            if any(c in CLOSING_QUOTES for c in gap):
                return m + 1
            if gap.strip(" "):
                return j
        return j

    def _bracketed_word(self, k: int) -> bool:
        """Whether word k of the sentence stands alone in brackets (الأمين العام لحلف شمال الأطلسي (الناتو) مارك روته:
        an abbreviation inside a title, which goes on past it)."""
        words = self._words
        return 0 < k < len(words) - 1 and self.gap_text(k - 1, k).strip().endswith("(") \
            and self.gap_text(k, k + 1).strip().startswith(")")

    def _place_of(self, words: list[Word], j: int) -> tuple[int, str] | None:
        """A place named at word j (مدينة أصفهان، زاهدان) and the state it lies in: (end, state)."""
        place = self._at(words, j, None)
        if place is None or place.kind not in ("Location", "State"):
            return None
        if place.states and place.states[0]:
            return place.last, place.states[0]
        for k in range(place.first, place.last):  # a known place the base gives no state: the gazetteer's country
            gm = self._gazetteer_match(words, k)
            state = self.kb.by_code.get(gm[1].country) if gm else None
            if state:
                return place.last, state
        return None

    def _governed_place(self, words: list[Word], j: int) -> tuple[int, str] | None:
        """A place the base does not know named right after a governor's title: a place noun and one name word
        (ولاية بورنو), or one name word no lexicon or base knows (نينوى), with the state the article is about:
        (end, state); None when the article names no state or word j names no such place."""
        state = self._article_state()
        if state is None:
            return None
        k = j + 1 if self._place_noun(words[j]) and j + 1 < len(words) and not self.gap_text(j, j + 1).strip() else j
        w = words[k]
        if definite(w.norm) or self._kb_match(words, k) is not None or w.norm in self.lex.triggers \
                or self._phrase_at(words, k, self.lex.titles, self.lex.title_index) is not None \
                or w.key in self.lex.head_nouns or self._common_noun(w) or len(w.norm) < 3 or self.ends_name(w):
            return None
        return k + 1, state

    def _name_before(self, words: list[Word], i: int) -> int | None:
        """Where a person's name of two or three words ends right before a title begins (only a space or a comma
        between), after a verb, a punctuation mark or the sentence start; None if there is none."""
        if i < 2 or self.gap_text(i - 1, i).strip(" \u00a0،,"):
            return None
        floor = self._prev.last if self._prev is not None else 0
        b = i
        while b > max(floor, i - 3):
            w = words[b - 1]
            if b < i and self.gap_text(b - 1, b).strip(" \u00a0"):
                break
            if w.norm.startswith(("ال", "و")) or self.ends_name(w) or w.norm in self.lex.triggers \
                    or w.norm in self.lex.reporting_verbs or w.norm in self.lex.claim_verbs or len(w.norm) < 3 \
                    or any(key in self.lex.heads["phrase_stop"] for key, _ in w.readings) \
                    or w.norm.isdigit() or self._kb_match(words, b - 1) is not None or self._nisba(w):
                break
            b -= 1
        if i - b < 2 or (b <= floor and floor > 0):
            return None
        opener = words[b - 1] if b > 0 else None
        if opener is not None and not self.gap_text(b - 1, b).strip() \
                and opener.norm not in self.lex.triggers and opener.norm not in self.lex.reporting_verbs \
                and opener.norm.lstrip("و") not in self.lex.reporting_verbs:
            return None  # (only after a verb of saying or acting, or a punctuation mark)
        return b

    def _person(self, name_words: list[Word], state: str | None, affil: str | None, affil_kind: str | None
                ) -> tuple[str, str]:
        """(IRI, kind) of the person a title names: a member of the title's group if it is a militia, else an
        Official of its state; one node per full name (a bare last name, one word, is the article's person of
        that last name: found again by that word)."""
        name = self.text[name_words[0].start:name_words[-1].end]
        kind = "Militia" if affil_kind == "Militia" else "Official"
        links: tuple[tuple[str, str], ...] = ()
        if affil and (kind == "Militia" or affil_kind == "Organization"):
            links = (("memberOf", affil),)  # (a militia's or an organisation's man, of no state)
        elif state:
            links = (("officialOf", state),)
        key = strip_article(name_words[-1].norm)
        known = self.aliases.get(key)
        if known is not None and len(name_words) > 1 and known in self.minted:
            # the same person only if one name holds the other's words (جلال رشيدي كوشي، رشيدي كوشي)
            mine = {strip_article(w.norm) for w in name_words}
            theirs = set(label_key(self.minted[known].label_ar))
            known = known if mine <= theirs or theirs <= mine else None
        iri = known or self._mint(kind, "|".join(strip_article(w.norm) for w in name_words), name, links)
        if key != ALI:
            self.aliases[key] = iri  # (not علي: it folds to the preposition على, which would name him everywhere)
        for other in _abd_spellings(name_words):
            self.aliases.setdefault(other, iri)
        return iri, kind

    def _titled_person(self, words: list[Word], b: int, i: int, end: int, state: str | None, affil: str | None,
                       affil_kind: str | None) -> ActorRef:
        """The person named by words [b, i) with the title at [i, end): an Official of the title's state, or a
        member of its group; the mention covers name and title, the name alone is a variant."""
        iri, kind = self._person(words[b:i], state, affil, affil_kind)
        start, stop = words[b].start, words[end - 1].end
        return ActorRef((iri,), b, end, start, stop, self.text[start:stop], kind, "title", (state,),
                        ((words[b].start, words[i - 1].end),))

    def _collective(self, words: list[Word], i: int) -> ActorRef | None:
        """جميع شركات الشحن / كلّ الدول / الدول الغربية / شركات الشحن → one collective Organization."""
        if i + 1 < len(words) and words[i].key in self.lex.heads["collective"] and words[i].norm.startswith("ال") \
                and words[i + 1].norm.startswith("ال") and words[i + 1].norm.endswith(("يه", "ي", "يين", "يون")) \
                and not self.gap_text(i, i + 1).strip() and (not self._nisba(words[i + 1]) or (
                    words[i].key in self.lex.heads["parties"] and self.kb.kind(self._nisba(words[i + 1]) or "")
                    == "State")) and not self.ends_name(words[i + 1]) \
                and strip_article(words[i + 1].norm).removesuffix("ه") not in self.lex.heads["direction"]:
            # (not الأطراف الشرقية للمدينة: its eastern outskirts)
            # (الأطراف الليبية: the parties of a state's conflict, one collective; الدول الأوروبية is the base's)
            # الدول الغربية، الفصائل المسلحة: a plural of bodies with an adjective (not الشركات التي: a relative)
            label = self.text[words[i].start:words[i + 1].end]
            iri = self._mint("Organization", "|".join(w.key for w in words[i:i + 2]), label)
            return ActorRef((iri,), i, i + 2, words[i].start, words[i + 1].end, label, "Organization", "organ",
                            (None,))
        parties = self._parties(words, i)
        if parties is not None:
            return parties
        company = next((sk for k, sk in words[i].readings if k in self.lex.heads["companies"]), None)
        if company is not None and i + 1 < len(words) and not definite(words[i].norm[company:]) \
                and definite(words[i + 1].norm) and not words[i].gap_after.strip() \
                and words[i + 1].norm not in self.lex.triggers and not self._kb_match(words, i + 1) \
                and not self._nisba(words[i + 1]):
            # شركات الشحن، شركات النفط: companies named by their trade, one collective (GUIDELINES §5)
            start = words[i].offset_after(company, self.text)
            label = self.text[start:words[i + 1].end]
            iri = self._mint("Organization", "|".join(w.key for w in words[i:i + 2]), label)
            return ActorRef((iri,), i, i + 2, start, words[i + 1].end, label, "Organization", "organ", (None,))
        skip = next((sk for k, sk in words[i].readings if k in self.lex.heads["quantifier"]), None)
        if skip is None or i + 1 >= len(words):  # (جميع، وكل، لجميع: with its clitics)
            return None
        end = i + 2
        if end < len(words) and not words[i + 1].norm.startswith("ال") and words[end].norm.startswith("ال") \
                and not self.gap_text(end - 1, end).strip() and words[end].norm not in self.lex.triggers:
            end += 1  # construct: شركات الشحن
        if self._kb_match(words, i + 1) or words[i + 1].key not in self.lex.heads["collective"]:
            return None
        start = words[i].offset_after(skip, self.text)
        label = self.text[start:words[end - 1].end]
        iri = self._mint("Organization", "|".join(w.key for w in words[i + 1:end]), label)
        return ActorRef((iri,), i, end, start, words[end - 1].end, label, "Organization", "organ", (None,))

    def _parties(self, words: list[Word], i: int) -> ActorRef | None:
        """الأطراف، الأطراف المتحاربة: the parties to the article's conflict, one collective of its own (GUIDELINES §3:
        the addressees of a call on "the parties" are one collective participant), a node of the article only (the
        parties of one conflict are not another's). Bare, or with a participle of fighting or disputing; not in
        construct (أطراف المدينة: its outskirts), nor with a nisba (`_collective`: الأطراف الليبية)."""
        word = words[i]
        skip = next((sk for k, sk in word.readings if k in self.lex.heads["parties"]), None)
        if skip is None or not definite(word.norm[skip:]):
            return None
        end = i + 1
        if end < len(words) and not self.gap_text(i, end).strip():
            nxt = words[end].norm
            if nxt.startswith("المت") and nxt.endswith("ه") and nxt not in self.lex.triggers:
                end += 1  # (الأطراف المتحاربة، المتنازعة، المتصارعة)
            elif definite(nxt) and nxt not in self.lex.name_stop and nxt not in self.lex.particles["prepositions"]:
                return None  # (الأطراف الشرقية للمدينة: an adjective of place; الأطراف الليبية: `_collective`)
        start = word.offset_after(skip, self.text)
        label = self.text[start:words[end - 1].end]
        key = "|".join(["parties", self.scope or "", *(w.key for w in words[i + 1:end])])
        iri = self._mint("Organization", key, label)
        return ActorRef((iri,), i, end, start, words[end - 1].end, label, "Organization", "organ", (None,))

    def _allies(self, words: list[Word], i: int) -> ActorRef | None:
        """حلفاء كييف، أوكرانيا وحلفاءها الغربيين، إيران أو حلفائها → one collective Organization, the allies of that
        state or group (GUIDELINES §5: "حلفاء كييف" is an Organization): the one named right after the noun, or for
        its pronoun the actor named right before; one node per ally, whatever the adjective after it."""
        for key, skip in words[i].readings:
            m = ALLIES.match(key)
            if m is None:
                continue
            end = i + 1
            if m.group(2):  # (حلفاءها: the actor named right before)
                prev = self._prev
                right_before = prev is not None and (prev.last == i or (prev.last == i - 1 and words[i - 1].norm in (
                    "او", "و")))  # (إيران أو حلفائها)
                owner = prev.iri if right_before and prev.kind in ("State", "Militia", "Organization") else None
            else:
                km = self._kb_match(words, end) if end < len(words) else None
                if km is None or km[2] != 0:
                    return None
                owner, end = km[1], end + km[0]
                owner = self.kb.capitals.get(owner, owner)  # (حلفاء كييف: a capital stands for its state)
                if self.kb.kind(owner) not in ("State", "Militia", "Organization"):
                    return None
            if owner is None:
                return None
            if end < len(words) and definite(words[end].norm) and words[end].norm.endswith(("يين", "ين")) \
                    and not self.gap_text(end - 1, end).strip() and self._nisba(words[end]) is None:
                end += 1  # (حلفاءها الغربيين)
            start = words[i].offset_after(skip, self.text)
            label = self.text[start:words[end - 1].end]
            iri = self._mint("Organization", "allies|" + owner.rsplit("/", 1)[-1], label)
            return ActorRef((iri,), i, end, start, words[end - 1].end, label, "Organization", "organ", (None,))
        return None

    def _foreign_organ(self, words: list[Word], i: int, km: tuple[int, str, int]) -> ActorRef | None:
        """A state organ's name followed by the nisba of another state names that state's organ (قوات الاحتلال
        الأمريكي: the American forces, not the Israeli army the bare name means in this news); a one-word name of a
        state so followed names the other state (الاحتلال الأمريكي: the American occupation)."""
        n, iri, skip = km
        j = i + n
        kind = self.kb.kind(iri)
        own = self.kb.state_of(iri) if kind == "StateOrgan" else iri if kind == "State" and n == 1 else None
        if own is None or j >= len(words) or self.gap_text(j - 1, j).strip() or words[j].norm.startswith("و"):
            return None  # (قوات أميركية وعراقية: a second state coordinated, not another owner)
        other = self._nisba(words[j])
        if other is None or other == own or self.kb.kind(other) != "State" \
                or not words[j].norm.endswith(NISBA_ENDINGS):
            return None  # (الكرملين أوكرانيا: a state's own name after an organ is the verb's object, no owner)
        if kind == "State":  # (الاحتلال الأمريكي: the occupier the nisba names; not إسرائيل سوريا, two states)
            if not definite(words[j].norm) or self._kb_match(words, j):
                return None
            return self._ref(words, i, j + 1, skip, (other,), "kb")
        noun = tuple(w.key for w in words[i:j])
        label = self.text[words[i].offset_after(skip, self.text):words[j].end]
        known = self._known_organ(noun, other)
        organ = known or self._mint("StateOrgan", "|".join(noun) + "|" + other.rsplit("/", 1)[-1], label,
                                    (("partOf", other),))
        return self._ref(words, i, j + 1, skip, (organ,), "kb" if known else "organ")

    def _known_organ(self, noun: tuple[str, ...], state: str) -> str | None:
        """The KB organ named "<noun> <nisba of state>" (وزارة خارجية العراق → وزارة الخارجية العراقية)."""
        actor = self.kb.actors.get(state)
        for nisba in actor.nisbas if actor else []:
            stem = strip_article(normalise(nisba))
            for form in (stem + "ه", stem):
                iri = self.kb.lookup((*noun, form))
                if iri and self.kb.kind(iri) in ("StateOrgan", "Official"):
                    return iri
        return None

    def organ_of(self, noun: str, state: str, label: str) -> str:
        """The KB organ named "<noun> <nisba of state>" (الحكومة العراقية), else a minted StateOrgan."""
        actor = self.kb.actors.get(state)
        for nisba in actor.nisbas if actor else []:
            stem = normalise(nisba)
            for form in (stem + "ه", stem):
                iri = self.kb.lookup((noun, strip_article(form)))
                if iri and self.kb.kind(iri) == "StateOrgan":
                    return iri
        return self._mint("StateOrgan", f"{noun}|{state.rsplit('/', 1)[-1]}", label, (("partOf", state),))

    def _quoted_force(self, words: list[Word], i: int) -> ActorRef | None:
        """«جيش التحرير الشعبي الصحراوي»، «قوات الدفاع الشعبي»: a name in quotation marks headed by an armed force's
        noun, which no state's nisba ends (that is a state's organ: «الجيش السوداني»), is an armed group of its own
        that the base does not know."""
        if i == 0 or words[i].norm[:1] in ("و", "ب", "ل") or not any(
                k in self.lex.heads["armed"] for k, _ in words[i].readings):
            return None
        opener = self.gap_text(i - 1, i).strip()
        if not opener or opener[-1] not in "«“\"":
            return None
        for end in range(i + 2, min(len(words), i + QUOTED_FORCE_WORDS) + 1):
            gap = self.gap_text(end - 2, end - 1).strip() if end - 1 > i else ""
            if gap:
                return None  # (a comma or a quote inside: no one name)
            stop = words[end].start if end < len(words) else len(self.text)
            after = self.text[words[end - 1].end:stop]
            if after.strip()[:1] in ("»", "”", "\""):
                name = words[i:end]
                if any(self._nisba(w) for w in name[1:]) or self._kb_match(words, i) \
                        or any(w.norm in self.lex.triggers for w in name):
                    return None
                start, stop = words[i].start, words[end - 1].end
                label = self.text[start:stop]
                iri = self._mint("Militia", "|".join(["quoted", *(w.key for w in name)]), label)
                return ActorRef((iri,), i, end, start, stop, label, "Militia", "organ", (None,))
        return None

    def _named_group(self, words: list[Word], i: int) -> ActorRef | None:
        """كتائب سيد الشهداء / حركة "أنصار الله": an armed group the base does not know, named after its head."""
        quoted_force = self._quoted_force(words, i)
        if quoted_force is not None:
            return quoted_force
        keys = words[i].readings
        head = next(((k, sk) for k, sk in keys if k in self.lex.heads["armed_group"]
                     or k in self.lex.heads["group_quoted"]), None)
        if head is None or i + 1 >= len(words):
            return None
        key, skip = head
        opener = self.gap_text(i, i + 1).strip()
        quoted = bool(opener) and opener[-1] in OPENING_QUOTES
        if key not in self.lex.heads["armed_group"] and not quoted and not (
                key in self.lex.heads["group_named"] and not words[i].norm[skip:].startswith("ال")
                and self._names_follow(words, i + 1, key)):
            return None  # (الجماعة المسلحة: the definite head refers back; it introduces no name)
        if opener and not quoted:
            return None
        end, closed = i + 1, False
        while end < len(words) and end < i + 5:
            w = words[end]
            gap = self.gap_text(end - 1, end)
            if end > i + 1 and gap.strip(" "):
                break
            joined = w.norm.startswith("وال") and words[end - 1].norm.startswith("ال")  # (نصرة الإسلام والمسلمين)
            if end > i + 1 and words[end - 1].norm in LIBERATION and w.norm not in self.lex.name_stop:
                end += 1  # (الجبهة الشعبية لتحرير أوغادين: what the front would liberate is in its name)
                break
            genitive = self._name_genitive(words, end, i)
            if genitive:
                end += genitive  # (حركة تحرير السودان، جبهة تحرير تيغراي: the place is the name's genitive)
                break
            if self.ends_name(w) or (end > i + 1 and self._place_noun(w) and not definite(w.norm)) \
                    or w.norm in self.lex.triggers or self._nisba(w) \
                    or w.norm in self.lex.pronoun_complementisers or (end == i + 1 and quoted and (
                        w.norm in QUOTE_OPENERS or (w.norm.startswith(FUTURE) and self.parsed_verb(end)))) \
                    or (end > i + 1 and w.norm.startswith("و") and not joined) or w.norm.isdigit() \
                    or (len(w.norm) > 4 and w.norm.endswith(("ها", "هم", "ته"))) \
                    or (end > i + 1 and (self._kb_match(words, end) or self._organ(words, end))) \
                    or (not quoted and definite(words[end - 1].norm) and not definite(w.norm.removeprefix("و"))
                        and w.norm not in LIBERATION):
                break  # (a possessive ending belongs to the sentence, not to the name; another actor begins; a
                # definite word takes no indefinite one after it: حركة الشباب | قاعدة عسكرية)
            end += 1
            after = self.text[w.end:words[end].start] if end < len(words) else ""
            if quoted and any(c in CLOSING_QUOTES for c in after):
                closed = True
                break
        if end == i + 1 or self._kb_match(words, i + 1) or (quoted and not closed):
            return None  # (الحزب "تعرض لضرر بالغ لكنه …: a quotation opens, no name)
        start = words[i].offset_after(skip, self.text)
        stop = words[end - 1].end
        while stop < len(self.text) and self.text[stop] in CLOSING_QUOTES:
            stop += 1
        label = self.text[start:stop]
        iri = self._mint("Militia", "|".join([key, *(w.key for w in words[i + 1:end])]), label)  # (لحركة X is X)
        return ActorRef((iri,), i, end, start, stop, label, "Militia", "organ", (None,))

    def _force_noun(self, word: Word) -> bool:
        """Whether a word is an indefinite noun of an armed force or faction in construct (مليشيات، قوات، جيش، فصائل):
        the person after it is the one the force is named for."""
        return not definite(word.norm) and any(
            key in self.lex.heads["armed"] or key in self.lex.heads["factions"] or key in self.lex.heads["group_quoted"]
            for key, _ in word.readings)

    def _place_noun(self, word: Word) -> bool:
        """Whether a word is a noun of places or facilities (مدينة، بلدات، قاعدة): a group's name ends before it,
        indefinite, in construct with the next place (جبهة تحرير تيغراي | مدينة بحر دار; but جبهة تحرير الساحل)."""
        return any(key in self.lex.heads[name] for key, _ in word.readings
                   for name in ("place", "place_named", "place_plural", "facility"))

    def _name_genitive(self, words: list[Word], k: int, i: int) -> int:
        """The length of a state or place of the base or the gazetteer at word k that is the genitive of the
        group's name begun at word i: right after an indefinite word of the name in construct, neither a nisba nor
        the head itself (حركة تحرير السودان، جيش تحرير بلوشستان); 0 otherwise (حركة X إسرائيل: after a definite
        word, the state is the next participant)."""
        prev = words[k - 1]
        if k <= i + 1 or self.gap_text(k - 1, k).strip() or definite(prev.norm) or self._nisba(prev) \
                or prev.norm.endswith(("يه", "ي")) or words[k].norm.startswith("و"):
            return 0
        km = self._kb_match(words, k)
        if km and km[2] == 0 and self.kb.kind(km[1]) in ("State", "Location"):
            return km[0]
        return self._known_place(words, k, False)

    def _body(self, words: list[Word], i: int) -> ActorRef | None:
        """A body of an international organisation the base knows, named by a body noun in construct with it and
        the adjectives and لـ complement that end its name (مفوضية الأمم المتحدة السامية لحقوق الإنسان، مفوضية الاتحاد
        الأفريقي): an Organization of its own that acts for the organisation (ak:actsFor), not the organisation
        itself nor nothing (GUIDELINES §3: the agent is the body that acts). A name the base holds whole is the
        base's (the longest match wins in `_at`)."""
        head = next(((k, sk) for k, sk in words[i].readings if k in self.lex.heads["body"]), None)
        if head is None or i + 1 >= len(words) or self.gap_text(i, i + 1).strip() \
                or definite(words[i].norm[head[1]:]):
            return None  # (المفوضية الأممية: a definite body noun is in construct with nothing)
        km = self._kb_match(words, i + 1)
        if km is None or km[2] != 0 or self.kb.kind(km[1]) != "Organization":
            return None
        end = i + 1 + km[0]
        for _ in range(BODY_ADJECTIVES):
            w = words[end] if end < len(words) else None
            if w is None or self.gap_text(end - 1, end).strip() or not definite(w.norm) \
                    or not w.norm.endswith(("يه", "ي")) or self._kb_match(words, end) or w.norm in self.lex.triggers:
                break
            end += 1  # (السامية، الأممية: the body's adjectives)
        if end < len(words) and not self.gap_text(end - 1, end).strip() and words[end].norm.startswith("ل") \
                and len(words[end].norm) > 3 \
                and self._kb_match(words, end) is None and words[end].norm not in self.lex.triggers \
                and words[end].norm not in self.lex.name_stop:
            k = end + 1  # (للمساعدة، للطفولة: a definite complement is its own genitive)
            while not definite(words[end].norm[1:]) and k < len(words) and k < end + BODY_COMPLEMENT \
                    and not self.gap_text(k - 1, k).strip() and self._kb_match(words, k) is None \
                    and words[k].norm not in self.lex.triggers:
                k += 1
                if definite(words[k - 1].norm):
                    if k < len(words) and not self.gap_text(k - 1, k).strip() and definite(words[k].norm) \
                            and words[k].norm.endswith(("يه", "يين", "ي")) and self._kb_match(words, k) is None:
                        k += 1  # (لتنسيق الشؤون الإنسانية: the genitive's adjective)
                    break  # (its genitive ends the complement: لحقوق الإنسان | القوات الإثيوبية)
                if not words[k - 1].norm.startswith("و"):
                    k = end + 1  # (an indefinite word is a conjunct of the complement or no part of it)
                    break
            end = k  # (لحقوق الإنسان، لإغاثة وتشغيل اللاجئين: what the body is for)
        if end + 1 < len(words) and words[end].norm in self.lex.particles["in_place"] \
                and not self.gap_text(end - 1, end).strip() and not self.gap_text(end, end + 1).strip():
            km_in = self._kb_match(words, end + 1)
            if km_in is not None and km_in[2] == 0 and self.kb.kind(km_in[1]) == "State":
                end += 1 + km_in[0]  # (بعثة الأمم المتحدة للمساعدة في أفغانستان: the state it serves in)
        skip = head[1]
        start = words[i].offset_after(skip, self.text)
        label = self.text[start:words[end - 1].end]
        iri = self._mint("Organization", "|".join([BODY_KEY, head[0], *(w.key for w in words[i + 1:end])]), label,
                         (("actsFor", km[1]),))
        return ActorRef((iri,), i, end, start, words[end - 1].end, label, "Organization", "organ", (None,))

    @staticmethod
    def is_body(ref: ActorRef) -> bool:
        """Whether a mention is a body `_body` named: its name ends where the matcher ended it (no longer noun
        phrase is another name of it: مفوضية الأمم المتحدة السامية لحقوق الإنسان | الجيش).

        >>> from akhbar.kb import load_kb
        >>> from akhbar.records import Article
        >>> from akhbar.extract.units import read_units
        >>> text = "حذرت مفوضية الاتحاد الأفريقي الجيش من التصعيد."
        >>> refs = read_units(None, Article("x", "x.txt", text), load_kb()).sentences[0].refs
        >>> [(r.surface, ActorFinder.is_body(r)) for r in refs][:1]
        [('مفوضية الاتحاد الأفريقي', True)]
        """
        return ref.how == "organ" and ref.iri.startswith(BODY_PREFIX)

    def _names_follow(self, words: list[Word], k: int, head: str = MOVEMENT_HEAD) -> bool:
        """Whether a group's proper name begins at word k, after its head noun (`head`, normalised), unquoted: a
        definite word, or a noun in construct with a definite one (جماعة أنصار الإسلام، جماعة جيش العدل); not an
        adjective (جماعة مسلحة، جماعة إرهابية)."""
        if k >= len(words) or self.gap_text(k - 1, k).strip():
            return False
        w = words[k].norm
        if head == MOVEMENT_HEAD and words[k].key in self.lex.heads["movement"]:
            return False  # (حركة المرور، حركة الجيش: a movement of something, no group; جماعة جيش العدل is one)
        if w.startswith("ال"):
            return True
        adjective = w.endswith(("يه", "ي")) or (w.startswith("م") and w.endswith("ه"))  # (a nisba, a participle)
        return k + 1 < len(words) and not self.gap_text(k, k + 1).strip() and not adjective \
            and (words[k + 1].norm.startswith("ال") or self._name_genitive(words, k + 1, k - 1) > 0)
        # (جماعة أنصار الإسلام; حركة تحرير كسلا: a place of the base or the gazetteer as the genitive)

    def _members(self, words: list[Word], i: int) -> ActorRef | None:
        """أعضاء البرلمان الإيراني، نواب في الكنيست: the members of a state organ, one group of officials of its
        state (a node of their own: the members of a parliament are not all of the state's officials); قادة حماس،
        قيادة حركة الشباب: the leaders of an armed group, one group of its members (not the whole movement)."""
        heads = self.lex.heads
        head = next(((k, sk) for k, sk in words[i].readings if k in heads["members"] or k in heads["leaders"]), None)
        if head is None or i + 1 >= len(words) or self.gap_text(i, i + 1).strip():
            return None
        key, skip = head
        j = i + 2 if words[i + 1].norm in self.lex.particles["in_place"] and i + 2 < len(words) else i + 1
        found = self._affiliation(words, j)
        if found is None and key in heads["leaders"]:
            named = self._named_group(words, j)
            found = (named.last, named.iri) if named is not None else None
        if found is None:
            return None
        end, organ = found
        label = self.text[words[i].offset_after(skip, self.text):words[end - 1].end]
        if key in heads["leaders"]:
            if self.kind_of(organ) != "Militia":
                return None  # (قادة لبنان: the state's leaders speak for the state)
            iri = self._mint("Militia", f"leaders|{organ.rsplit('/', 1)[-1]}", label, (("memberOf", organ),))
            return self._ref(words, i, end, skip, (iri,), "organ", "Militia")
        if self.kind_of(organ) != "StateOrgan":
            return None
        state = self.state_of(organ)
        iri = self._mint("Official", f"members|{organ.rsplit('/', 1)[-1]}", label,
                         (("officialOf", state),) if state else ())
        return self._ref(words, i, end, skip, (iri,), "organ", "Official")

    def _name_goes_on(self, words: list[Word], k: int) -> bool:
        """Whether a group's name goes on at word k with "لتحرير" and its object (جبهة تحرير X، الجبهة الشعبية
        لتحرير تيغراي): a longer name than the one matched before it, so another group."""
        return k + 1 < len(words) and words[k].norm in LIBERATION and not self.gap_text(k - 1, k).strip() \
            and not self.gap_text(k, k + 1).strip()

    def _kb_at(self, words: list[Word], i: int) -> ActorRef | None:
        km = self._kb_match(words, i)
        if km is None:
            return None
        return self._ref(words, i, i + km[0], km[2], (km[1],), "kb")

    def _anaphor(self, words: list[Word], i: int) -> ActorRef | None:
        """هؤلاء المسؤولين → the persons of the last sentence that named some; الحركة → last movement."""
        w = words[i]
        demonstratives = self.lex.heads["demonstrative_plural"]
        if w.key in demonstratives or strip_article(w.norm.lstrip("و")) in demonstratives:
            if self.recent_persons:
                persons = self.recent_persons[-1]
                persons = [p for p in persons if p.states[:1] == persons[0].states[:1]]
                j = i + 2 if i + 1 < len(words) and words[i + 1].key in self.lex.heads["person_group"] else i + 1
                iris = tuple(dict.fromkeys(p.iri for p in persons))
                return ActorRef(iris, i, j, w.start, words[j - 1].end, self.text[w.start:words[j - 1].end],
                                "Official", "anaphor", tuple(self.state_of(x) for x in iris))
            return None
        if w.key in self.lex.heads["plural_titles"] and definite(w.norm.lstrip("و")) and self.recent_persons \
                and len({p.iri for p in self.recent_persons[-1]}) > 1 \
                and not (i + 1 < len(words) and self._nisba(words[i + 1]) and not self.gap_text(i, i + 1).strip()):
            # (كما دعا الوزراء: the persons named together last, each one; not الوزراء الإسرائيليون, a group of its
            # own)
            persons = self.recent_persons[-1]
            iris = tuple(dict.fromkeys(p.iri for p in persons))
            skip = 1 if w.norm.startswith("و") else 0
            start = w.offset_after(skip, self.text)
            return ActorRef(iris, i, i + 1, start, w.end, self.text[start:w.end], "Official", "anaphor",
                            tuple(self.state_of(x) for x in iris))
        own = self._own_country(words, i)
        if own is not None:
            return own
        place = self._place_anaphor(words, i)
        if place is not None:
            return place
        factions = self._state_factions(words, i)
        if factions is not None:
            return factions
        pair = self._pair_anaphor(words, i)
        if pair is not None:
            return pair
        for key, skip in w.readings:
            if key in self.lex.heads["anaphoric"] and (w.norm.startswith(("ال", "لل")) or skip):  # (للحزب: لـ + ال)
                nxt = words[i + 1] if i + 1 < len(words) else None
                if nxt is not None and nxt.norm.endswith(("ي", "يه")) and self._nisba(nxt):
                    return None  # الجيش الإسرائيلي is an organ, not a reference back
                for ref in reversed(self.recent):
                    if ref.how == "anaphor":
                        continue
                    if ref.iri in self.minted:
                        labels = [self.minted[ref.iri].label_ar]
                    elif ref.iri in self.kb.actors:
                        labels = self.kb.actors[ref.iri].labels_ar
                    else:
                        labels = [ref.surface]
                    if ref.kind == "Official" or ref.how == "title":
                        continue  # a person is not "the army" or "the movement"
                    spellings = MILITIA_NOUNS if key in MILITIA_NOUNS else (key,)  # (المليشيا: ميليشيا الدعم السريع)
                    if any(k in label_key(lab) for lab in labels for k in spellings):
                        start = w.offset_after(skip, self.text)
                        return ActorRef((ref.iri,), i, i + 1, start, w.end, self.text[start:w.end], ref.kind,
                                        "anaphor", ref.states)
        return None

    def _own_country(self, words: list[Word], i: int) -> ActorRef | None:
        """"His country" (بلاده، بلادها، دولته) → the state of the official or organ named last (قال وزير الخارجية
        العماني إن بلاده تدعو: Oman; GUIDELINES §3, pronouns are resolved); None when none was named."""
        w = words[i]
        bare = w.norm[1:] if w.norm.startswith(("و", "ف")) else w.norm
        if bare not in OWN_COUNTRY:
            return None
        for ref in reversed(self.recent):
            if ref.kind in ("Official", "StateOrgan") and ref.states and ref.states[0]:
                state = ref.states[0]
                start = w.offset_after(len(w.norm) - len(bare), self.text)
                return ActorRef((state,), i, i + 1, start, w.end, self.text[start:w.end], "State", "anaphor",
                                (state,))
        return None

    def _pair_anaphor(self, words: list[Word], i: int) -> ActorRef | None:
        """البلدين، الدولتين → the two states named together last (X وY); الطرفين، الجانبين → the two states, armed
        groups or organs named so (GUIDELINES §3: anaphora are resolved, and each party is its own participant)."""
        w = words[i]
        skip = next((sk for key, sk in w.readings if key in self.lex.heads["pair_anaphoric"]), None)
        conflict = i + 1 < len(words) and strip_article(words[i + 1].key) in self.lex.heads["conflict"] \
            and not w.gap_after.strip()  # (طرفي النزاع: the construct names the two by their conflict)
        if skip is None or not (w.norm[skip:].startswith(("ال", "لل")) or (skip and w.norm[skip:][:1] == "ل")
                                or conflict):
            return None  # (البلدين، للبلدين: with the article)
        if i > 0 and words[i - 1].norm.lstrip("و") in ("بين", "لدي"):
            return None  # (التوتر بين البلدين، الإرادة لدى الجانبين: a relation of the two, no party to an act)
        kinds = ("State",) if strip_article(w.key) in self.lex.heads["pair_of_states"] \
            else ("State", "Militia", "StateOrgan")
        recent, end = list(self.recent), w.start
        while recent and self.text[recent[-1].end:end].strip() in ("", "و"):
            end = recent.pop().start  # (دعت الصين والولايات المتحدة الجارتين: the pair right before is the subject)
        callers = self._subject_before(words, i, recent)
        recent = [r for r in recent if r.iri not in callers]  # (الدوحة وأنقرة تدعوان الطرفين: the subject calls)
        pair = next(((a, b) for b, a in pairwise(reversed(recent))
                     if a.kind in kinds and b.kind in kinds and len(a.iris) == len(b.iris) == 1 and a.iri != b.iri
                     and self.text[a.end:b.start].strip() == "و"), None)  # (the last two named together: X وY)
        inner = self._states_named_together(words, next((k for k in range(i) if words[k].end > end), i), callers) \
            if pair is None and kinds == ("State",) else None
        if pair is not None:
            iris = (pair[0].iri, pair[1].iri)
        elif inner is not None:
            iris = inner  # (قواعد أمريكية في سوريا والعراق ... على البلدين: two states named inside a longer mention)
        elif kinds == ("State",):  # (else the last two states the recent mentions act for: اتهمت أذربيجان أرمينيا)
            states = list(dict.fromkeys(st for r in reversed(recent[-PAIR_REACH:]) for st in r.states[:1] if st))
            if len(states) < 2:
                return None
            iris = (states[1], states[0])
        else:  # (طرفي النزاع: else the two parties the article names most, the later first on a tie; if it has
            # not named two yet, as in a headline, those it names most in all: الدوحة وأنقرة تدعوان الطرفين)
            ranked = _most_named(recent, kinds) or _most_named(
                recent + [r for r in self._ahead if r.start > words[-1].end and r.iri not in callers], kinds)
            if ranked is None:
                return None
            iris = ranked
        end = i + 2 if conflict else i + 1
        start = w.offset_after(skip, self.text)
        return ActorRef(iris, i, end, start, words[end - 1].end, self.text[start:words[end - 1].end],
                        self.kind_of(iris[0]) or "State", "anaphor", tuple(self.state_of(x) for x in iris))

    def _states_named_together(self, words: list[Word], i: int, callers: set[str]) -> tuple[str, str] | None:
        """The last two states the sentence names together before word i (X وY), also inside a longer mention that
        holds them (قواعد أمريكية في سوريا والعراق), none of them a caller; else None."""
        for k in range(i - 1, 0, -1):
            second = self._kb_match(words, k)
            if second is None or not words[k].norm.startswith("و") or self.kb.kind(second[1]) != "State" \
                    or second[1] in callers:
                continue
            for m in range(max(0, k - 3), k):
                first = self._kb_match(words, m)
                if first is not None and m + first[0] == k and first[2] == 0 and first[1] not in callers \
                        and self.kb.kind(first[1]) == "State" and first[1] != second[1]:
                    return first[1], second[1]
            return None
        return None

    def _subject_before(self, words: list[Word], i: int, recent: list[ActorRef]) -> set[str]:
        """The actors that open word i's sentence, joined by و, right before the verb that word i follows (الدوحة
        وأنقرة تدعوان الطرفين): the verb's subject, not the pair it addresses."""
        if i < 1 or self.gap_text(i - 1, i).strip() or not (
                self.parsed_verb(i - 1) or words[i - 1].norm.lstrip("و") in self.lex.triggers):
            return set()
        opening = [r for r in recent if r.start >= words[0].start]
        k, subject = 0, set()
        for r in opening:
            if r.first != k or (k and self.gap_text(k - 1, k).strip() not in ("", "و")):
                return set()
            subject.add(r.iri)
            k = r.last
            if k == i - 1:
                return subject
            if k < len(words) and words[k].norm == "و":
                k += 1
        return set()

    def _shortenable(self, ref: ActorRef) -> None:
        """Note an organ or group named with its state's nisba last (وزارة الدفاع الروسية): the article may name it
        again without it (`_shortened`)."""
        short = self._short_form(ref)
        if short:
            self.shortened.update(key for key, _ in short[0].readings)

    def _short_form(self, ref: ActorRef) -> list[Word]:
        """An organ's or group's name less the state's nisba that ends it (وزارة الدفاع of وزارة الدفاع الروسية), if
        two words or more are left; none for other mentions."""
        if ref.kind not in GROUP_KINDS or ref.how == "anaphor":
            return []
        named = words_of(ref.surface)
        if len(named) < 3 or not self._nisba(named[-1]) or self._nisba(named[-2]):
            return []
        return named[:-1]

    def _shortened(self, words: list[Word], i: int) -> ActorRef | None:
        """An organ or group named again without the nisba of its state (وزارة الدفاع، القيادة المركزية after وزارة
        الدفاع الروسية، القيادة المركزية الأمريكية): the last one the article named with these words and a nisba
        (GUIDELINES §3: anaphora are resolved). Not when a nisba follows (وزارة الدفاع الأمريكية: another state's)."""
        first = {key for key, _ in words[i].readings}
        for ref in reversed(self.recent):
            short = self._short_form(ref)
            n = len(short)
            if not short or i + n > len(words) or any(words[k].gap_after.strip() for k in range(i, i + n - 1)) \
                    or not first & {key for key, _ in short[0].readings} \
                    or [w.key for w in words[i + 1:i + n]] != [w.key for w in short[1:]]:
                continue
            if i + n < len(words) and not words[i + n - 1].gap_after.strip() and self._nisba(words[i + n]):
                return None
            skip = next(sk for key, sk in words[i].readings if key in {k for k, _ in short[0].readings})
            start = words[i].offset_after(skip, self.text)
            end = words[i + n - 1].end
            return ActorRef((ref.iri,), i, i + n, start, end, self.text[start:end], ref.kind, "anaphor", ref.states)
        return None

    def _place_anaphor(self, words: list[Word], i: int) -> ActorRef | None:
        """المطار، المستشفى alone (no name or adjective after it): the last facility of the article named with that
        head (مطار معيتيقة، مستشفى الشفاء; GUIDELINES §3: anaphora are resolved). None when the article named none."""
        w = words[i]
        if not definite(w.norm) or w.key not in self.lex.heads["anaphoric_place"]:
            return None
        nxt = words[i + 1] if i + 1 < len(words) and not w.gap_after.strip() else None
        if nxt is not None and ((nxt.norm.startswith("ال") and nxt.norm not in self.lex.particles["relative_pronouns"])
                                or self._nisba(nxt)):
            return None  # (المدينة المنورة، المخيم الفلسطيني: a name or an adjective follows; not بالمدفعية)
        town = w.key in self.lex.heads["town"]
        if town and i > 0 and not words[i - 1].gap_after.strip() and not definite(words[i - 1].norm) \
                and self._common_noun(words[i - 1]):
            return None  # (سوق المدينة، مطار المدينة: the town's market is struck, and named so in full)
        for ref in reversed(self.recent):
            if ref.kind != "Location" or ref.how in ("anaphor", "region", "phrase"):
                continue
            named = words_of(ref.surface)
            head = named[0].key if named else ""
            if head == w.key or (town and self._bare_town(ref, head)):  # (الفاشر ... المدينة: a town named bare)
                start = w.offset_after(w.readings[0][1], self.text)
                return ActorRef((ref.iri,), i, i + 1, start, w.end, self.text[start:w.end], "Location", "anaphor",
                                ref.states)
        return None

    def _state_factions(self, words: list[Word], i: int) -> ActorRef | None:
        """Armed factions named with no nisba (الفصائل المسلحة، الفصائل، الميليشيات) in an article about one state:
        the factions of that state the base knows (الفصائل المسلحة العراقية), as a nisba would name them (GUIDELINES
        §3: the group meant). None when a nisba or a name follows, or the article's state has no such factions."""
        w = words[i]
        if not definite(w.norm.lstrip("و")) or w.key not in self.lex.heads["factions"]:
            return None
        j = i + 1
        if j < len(words) and not w.gap_after.strip() and words[j].key in ("مسلحه",):
            j += 1
        if j < len(words) and not words[j - 1].gap_after.strip() and (self._nisba(words[j]) or
                                                                       self._kb_match(words, j)):
            return None  # (الفصائل العراقية، الفصائل الموالية: named there)
        state = self._article_state()
        actor = self.kb.actors.get(state) if state else None
        for nisba in (actor.nisbas if actor else ()):
            fem = strip_article(normalise(nisba)) + "ه"
            iri = self.kb.lookup((*(x.key for x in words[i:j]), fem)) or self.kb.lookup((w.key, fem))
            if iri and self.kb.kind(iri) == "Militia":
                skip = 1 if w.norm.startswith("و") else 0
                start = w.offset_after(skip, self.text)
                return ActorRef((iri,), i, j, start, words[j - 1].end, self.text[start:words[j - 1].end], "Militia",
                                "anaphor", (None,))
        return None

    def _bare_town(self, ref: ActorRef, head: str) -> bool:
        """Whether a place mention names a town by its name alone (الفاشر، بيت جن): a populated place of the gazetteer
        or a place of the base with no head noun of a facility, a region or a state before its name."""
        if ref.how == "place":
            return True
        heads = self.lex.heads
        return ref.how == "kb" and self.kb.kind(ref.iri) == "Location" and ref.iri not in self.kb.capitals \
            and not any(head in heads[name] for name in ("facility", "named_facility", "place", "place_named",
                                                         "direction", "waters")) \
            and ref.iri not in self.kb.by_code.values()

    def _gazetteer_match(self, words: list[Word], i: int) -> tuple[int, Place, int] | None:
        """Longest gazetteer name starting at word i, through its proclitics: (length, place, skip)."""
        for key, skip in words[i].readings:
            for n in self.gazetteer.lengths.get(key, ()):
                if i + n > len(words) or any(words[m].gap_after.strip(" -") for m in range(i, i + n - 1)):
                    continue
                place = self.gazetteer.lookup((key, *(w.key for w in words[i + 1:i + n])), self._countries())
                if place is not None and place.needs_cue and not self._place_cue(words, i, skip, nouns_only=True):
                    continue  # (الأبيض is "the white" but for مدينة الأبيض)
                if place is not None:
                    return n, place, skip
        return None

    def _countries(self) -> frozenset[str]:
        """ISO codes of the states the article has named so far (to choose among places of one name)."""
        states = {st for r in self.recent for st in r.states if st}
        return frozenset(code for code, iri in self.kb.by_code.items() if iri in states)

    def _place_actor(self, place: Place) -> str:
        """The place as an actor of this article (one node per GeoNames id), located in its state."""
        state = self.kb.by_code.get(place.country)
        if place.iri not in self.minted:
            self.minted[place.iri] = NewActor(iri=place.iri, kind="Location", label_ar=place.name,
                                              links=(("locatedIn", state),) if state else (),
                                              same_as=(place.geonames,))
        return place.iri

    def _place(self, words: list[Word], i: int) -> ActorRef | None:
        """A populated place of the gazetteer (بهاولبور، بلدة بيت جن): a multi-word name, a large place, or a
        name after a place cue (a place noun, a direction, a preposition of place)."""
        m = self._gazetteer_match(words, i)
        if m is None:
            return None
        n, place, skip = m
        first = words[i].norm[skip:]
        if first.startswith("ال") != normalise(place.name).startswith("ال"):
            return None  # a toponym's article is part of it (الميدان is "the square", not Medan)
        if n == 1:
            if len(first) < SHORT_NAME or self._nisba(words[i]):
                return None
            if len(first) == SHORT_NAME and not self._place_cue(words, i, skip, nouns_only=True) \
                    and not (place.population >= SINGLE_WORD_POPULATION and (
                        self._after_locative(words, i, skip) or self._struck(words, i, skip))):
                return None  # (بايدن is no ب + Aydın: a short name needs a place noun, or "في" before a city)
            if place.population < SINGLE_WORD_POPULATION and not self._place_cue(words, i, skip):
                return None
        return self._ref(words, i, i + n, skip, (self._place_actor(place),), "place", "Location")

    def _after_locative(self, words: list[Word], i: int, skip: int) -> bool:
        """Whether word i, with no proclitic, follows a preposition of place (في حيفا، قرب يافا)."""
        return skip == 0 and i > 0 and not self.gap_text(i - 1, i).strip() \
            and words[i - 1].norm.lstrip("و") in self.lex.heads["locative"]

    def _struck(self, words: list[Word], i: int, skip: int) -> bool:
        """Whether word i, with no proclitic, is the object of a verb or verbal noun of attack, right after it or
        after its subject (قصف سومي، قصفت روسيا سومي)."""
        if skip != 0 or i == 0 or self.gap_text(i - 1, i).strip():
            return False
        k, prev = i - 1, self._prev
        if prev is not None and prev.last == i and prev.kind in ("State", "StateOrgan", "Militia"):
            k = prev.first - 1
            if k < 0 or self.gap_text(k, prev.first).strip():
                return False
        entry = self.lex.triggers.get(words[k].norm)
        return entry is not None and CORE.get(entry.action) == "Attack"

    def _place_cue(self, words: list[Word], i: int, skip: int, nouns_only: bool = False) -> bool:
        """Whether word i follows a word that announces a place (with `nouns_only`, a place noun), or carries
        the preposition بـ/لـ, or follows a place it is coordinated with."""
        clitic = words[i].norm[:skip].lstrip("وف")
        if clitic[:1] in ("ب", "ل") and not nouns_only:
            return True
        prev_ref = self._prev
        if i > 0 and prev_ref is not None and prev_ref.last == i and prev_ref.kind in ("Location", "State") \
                and (words[i].norm[:skip].startswith("و") or self.gap_text(i - 1, i).strip() in ("،", ",")):
            return True  # the next of coordinated places (بهاولبور وكوتلي، حلب، إدلب)
        if i == 0 or self.gap_text(i - 1, i).strip(" \"“”«»'"):
            return False
        prev = words[i - 1]
        cues = self.lex.heads["place"] | self.lex.heads["place_plural"] if nouns_only else self.lex.heads["place_cue"]
        return prev.key in cues or prev.norm.lstrip("و") in cues or self._places_included(words, i)

    def _places_included(self, words: list[Word], i: int) -> bool:
        """Whether word i begins the members a collective of places lists after an inclusion marker (عدة مدن، من
        بينها كاي: the plural place noun a few words before the marker is the list's cue)."""
        if not self._after_inclusion(words, i):
            return False
        start = max(0, i - 3 - INCLUDED_REACH)
        return any(k in self.lex.heads["place_plural"] for w in words[start:i] for k, _ in w.readings)

    def _region(self, words: list[Word], i: int) -> ActorRef | None:
        """A region named by a direction and a state or a known place (شمال العراق، جنوب شرق إيران، شرق مدينة
        رفح) → a Location located in that state."""
        directions = self.lex.heads["direction"]
        skip = next((sk for key, sk in words[i].readings if key in directions and sk in (0, 1)), None)
        if skip is None or words[i].norm[:skip] not in ("", "و", "ب"):
            return None
        j = i + 1
        if j < len(words) and words[j].key in directions and not words[i].gap_after.strip():
            j += 1  # جنوب شرق
        if j < len(words) and words[j].key in self.lex.heads["place"] and not words[j - 1].gap_after.strip():
            j += 1  # شرق مدينة رفح
        if j >= len(words) or words[j - 1].gap_after.strip():
            return None
        km = self._kb_match(words, j)
        if km is not None and km[2] == 0 and self.kb.kind(km[1]) in ("State", "Location"):
            n, place = km[0], km[1]
        else:
            gm = self._gazetteer_match(words, j)
            if gm is None or gm[2] != 0:
                return None
            n, place = gm[0], self._place_actor(gm[1])
        end = j + n
        whole = self.kb.lookup(tuple(w.key for w in words[i:end]))
        if whole:
            return self._ref(words, i, end, skip, (whole,), "kb")  # (جنوب لبنان is in the base)
        state = place if self.kind_of(place) == "State" else self.state_of(place)
        start = words[i].offset_after(skip, self.text)
        label = self.text[start:words[end - 1].end]
        iri = self._mint("Location", "region|" + "|".join(w.key for w in words[i:end]), label,
                         (("locatedIn", state),) if state else ())
        return ActorRef((iri,), i, end, start, words[end - 1].end, label, "Location", "region", (state,))

    def _facility(self, words: list[Word], i: int) -> ActorRef | None:
        """قاعدة الحرير، مطار الخرطوم، القواعد والمصالح الأميركية، المطارات → a Location actor."""
        prev = self._prev
        if prev is not None and prev.last == i and prev.kind == "Location" and words[i].norm.startswith("ل") \
                and not self.gap_text(i - 1, i).strip():
            return None  # (مخيم مخمور للاجئين: a genitive by لـ says what the place is for, no place of its own)
        for key, skip in words[i].readings:
            if key not in self.lex.heads["facility"]:
                continue
            if self._served_people(words, i, key, skip):
                continue
            if self._states_sites(words, i, key):
                continue
            if key.endswith("ات") and i + 1 < len(words) and not words[i].gap_after.strip() \
                    and (km := self._kb_match(words, i + 1)) is not None and km[2] == 0 \
                    and self.kb.kind(km[1]) == "Location" and km[1] not in self.kb.capitals:
                return None  # (منشآت فوردو ونطنز: the facilities the base names, each by its own name)
            if key in self.lex.generic_targets and i + 1 < len(words) and not words[i].gap_after.strip() \
                    and words[i + 1].norm.startswith("ل") and (km := self._kb_match(words, i + 1)) is not None \
                    and km[2] == 1 and self.kb.kind(km[1]) in ("Militia", "StateOrgan", "State"):
                return None  # (عناصر ومنشآت لحزب الله: an actor's generic sites are the actor, GUIDELINES §3)
            j = i + 1
            # coordinated heads sharing one modifier: القواعد والمصالح الأميركية
            heads = self.lex.heads["facility"]
            while j < len(words) and words[j].norm.startswith("و") and \
                    strip_article(words[j].norm[1:]) in heads and not self.gap_text(j - 1, j).strip():
                j += 1
            if j > i + 1 and j < len(words) and definite(words[j].norm) and not words[j].norm.endswith(("يه", "ي")) \
                    and not self.ends_name(words[j]) and words[j].norm not in self.lex.skip_words \
                    and not self.gap_text(j - 1, j).strip():
                j = i + 1  # (the last head's own genitive: سوق المدينة | ومستشفى الولادة are two places)
            end = j
            state = None
            kind_at = j
            if j + 1 < len(words) and words[j].key in self.lex.heads["facility_kind"] \
                    and key in self.lex.heads["named_facility"] and not self.gap_text(j - 1, j).strip():
                j = end = j + 1  # ناقلة النفط "X"، محطة كهرباء X: the kind of facility, then its name
            name_end = 0
            listed = False  # a definite name first in a list a plural place noun opens (بلدات الطيبة ودير سريان)
            bare: tuple[int, int] | None = None  # a town's own name, without its head noun
            if j + 2 < len(words) and words[j].norm in self.lex.particles["disjunction"] \
                    and words[j + 1].norm.startswith("ال") \
                    and self._nisba(words[j + 2]) and not any(self.gap_text(m, m + 1).strip()
                                                              for m in range(j - 1, j + 2)):
                # "المنشآت أو الأفراد الأميركيين": one collective named by the shared nisba
                state, end = self._nisba(words[j + 2]), j + 3
            elif j < len(words) and not self.gap_text(j - 1, j).strip(" \"“”«»'()"):
                state = self._nisba(words[j])
                km = self._kb_match(words, j)
                if km is None and j > kind_at and words[j].key in self.lex.heads["place"] and j + 1 < len(words):
                    km = self._kb_match(words, j + 1)  # محطة كهرباء محافظة الحديدة
                    km = (km[0] + 1, km[1], km[2]) if km else None
                if km and (km[2] != 0 or self.kb.kind(km[1]) not in ("Location", "State")):
                    km = None
                if state is not None:
                    end = j + 1
                elif km is not None:
                    end = j + km[0]
                    if key in self.lex.heads["named_facility"] and key not in self.lex.heads["place"]:
                        # مطار بغداد الدولي، مطار عدن عدي الدولي: the facility's name runs past the place it
                        # is named for, to its adjectives (the place's name alone stays a variant)
                        name_end = end
                        w = words[end] if end + 1 < len(words) else None
                        if w is not None and not definite(w.norm) and not w.norm.startswith("و") \
                                and not self.gap_text(end - 1, end).strip() and not self.ends_name(w) \
                                and w.norm not in self.lex.triggers and len(w.norm) > 2 \
                                and self._kb_match(words, end) is None and self._nisba(w) is None \
                                and self._name_adjectives(words, end + 1, None)[0] > end + 1:
                            end += 1
                        end, state = self._name_adjectives(words, end, state)
                else:
                    quoted = self.gap_text(j - 1, j).strip() != ""
                    w = words[j]
                    head_definite = definite(words[i].norm)  # (وولاية باكتيكا: a conjunction is no article)
                    opens = j + 1 < len(words) and self.second_name_word(words, j + 1)
                    short = len(w.norm) == 2 and opens
                    opening = opens and w.key in self.lex.heads["name_opening"]  # بلدة عين قانا، قرية ود النورة
                    name_like = (not head_definite or self._apposed_name(words, i, j)) \
                        and not w.norm.startswith("ال") and (short or opening or not w.norm.startswith("و")) \
                        and w.key not in self.lex.heads["direction"] \
                        and w.key not in self.lex.heads["phrase_stop"] \
                        and not self.ends_name(w) \
                        and (w.norm not in self.lex.triggers or names_place(words, j, self.lex)) \
                        and (opening or not w.norm.endswith(("يه", "ين", "ات")) or (
                            key in self.lex.heads["place_plural"] and self._list_goes_on(words, j + 1))) \
                        and key in self.lex.heads["named_facility"] and not w.norm.isdigit() \
                        and (len(w.norm) > 2 or short) \
                        and not (key in self.lex.heads["general_place"] and (
                            w.norm.endswith("ه") or self._common_noun(w)))
                    # (قرية ود النورة: a two-letter word opens a longer name; منطقة عازلة names no place)
                    place_name = not head_definite and w.norm.startswith("ال") and len(w.norm) > 4 \
                        and (key in self.lex.heads["place_named"] or (key in self.lex.heads["named_facility"]
                                                                      and key not in self.lex.heads["place_plural"]
                                                                      and key not in self.lex.heads["vessel"])) \
                        and not self.ends_name(w) \
                        and w.norm not in self.lex.triggers and not self._common_noun(w) \
                        and w.key not in self.lex.heads["direction"]  # ولاية الجزيرة، مستشفى الشفاء: a genitive name
                    construct = not head_definite and w.norm.startswith("ال") \
                        and key in self.lex.heads["collective_facility"] and not self.ends_name(w) \
                        and w.norm not in self.lex.triggers and len(w.norm) > 4
                    both_definite = words[i].norm.startswith("ال") and w.norm.startswith("ال")
                    adjective = construct or (w.norm.startswith("ال") == words[i].norm.startswith("ال") \
                        and len(w.norm) > 3 \
                        and w.norm.endswith(("يه", "ي", "يين", "يون")) \
                        and (key in self.lex.heads["collective_facility"] or both_definite) \
                        and not self.ends_name(w))
                    listed = not head_definite and key in self.lex.heads["place_plural"] and definite(w.norm) \
                        and len(w.norm) > 4 and not self._common_noun(w) and not self.ends_name(w) \
                        and w.norm not in self.lex.triggers and w.key not in self.lex.heads["direction"] \
                        and self._list_goes_on(words, j + 1)
                    if (place_name or listed) and not (quoted or name_like or adjective):
                        name_like = True
                    if quoted or name_like or adjective:
                        end = j + 1
                        if name_like and not definite(w.norm) and end < len(words) \
                                and (self.second_name_word(words, end) or self._opened_name(words, j, w.norm)):
                            end += 1  # عيتا الشعب، كفر كلا، رأس العين (a definite name takes adjectives only:
                            # مستشفى الأمل)
                        if name_like and key in self.lex.heads["town"]:
                            bare = (words[j].start, words[end - 1].end)  # مدينة كوتلي is also "كوتلي"
                        opener = self.gap_text(j - 1, j).strip()
                        if opener and opener[-1] in OPENING_QUOTES:
                            # a quoted or bracketed name runs to its closing mark: السفينة (غالاكسي ليدر)
                            for m in range(j, min(len(words), j + 4)):
                                after = self.text[words[m].end:words[m + 1].start] if m + 1 < len(words) \
                                    else self.text[words[m].end:words[m].end + 2]
                                if any(c in CLOSING_QUOTES for c in after):
                                    end = m + 1
                                    break
                        if name_like or quoted:
                            end, state = self._name_adjectives(words, end, state)
            if j > kind_at and end == j:
                # a kind with no name after it: ناقلة نفط is a facility named by its kind, ناقلة النفط no name
                j = kind_at
                end = j + 1 if not definite(words[i].norm) and not definite(words[j].norm) else j
            # "... في العراق" / "... شمال شرقي سوريا": the place the facilities are in belongs to their name,
            # with places coordinated to it (في سوريا والعراق)
            core_end = end
            if end < len(words) - 1 and (end > i + 1 or key in self.lex.heads["collective_facility"]) \
                    and not self.gap_text(end - 1, end).strip(SPACE_AND_CLOSING):
                at = end + 1 if words[end].norm in self.lex.particles["in_place"] else end
                km = self._kb_match(words, at)
                if km and km[2] == 0 and self.kb.kind(km[1]) in ("Location", "State"):
                    end = at + km[0]
                    state = state or self.kb.state_of(km[1])  # القواعد في العراق: located in Iraq
                    while end < len(words):
                        km = self._kb_match(words, end)
                        if not (km and km[2] == 1 and words[end].norm.startswith("و")
                                and self.kb.kind(km[1]) in ("Location", "State")
                                and not self.gap_text(end - 1, end).strip()
                                and strip_article(words[end].norm[1:]) not in self.lex.heads["facility"]):
                            break  # (past a comma or "..", وواشنطن is the next clause's subject; وقاعدة حرير is a
                            # facility of its own, not a place the first one is in)
                        end += km[0]
            if end == i + 1 and not (words[i].norm.startswith("ال") or skip):
                return None  # an indefinite bare head (قاعدة) names nothing
            if end == i + 1 and key not in self.lex.heads["collective_facility"]:
                return None  # a bare singular (المدينة، القاعدة، المركز) is anaphoric, not a name
            start = words[i].offset_after(skip, self.text)
            stop = words[end - 1].end
            opened = sum(self.text[start:stop].count(q) for q in OPENING_QUOTES)
            while stop < len(self.text) and self.text[stop] in CLOSING_QUOTES and opened > 0:
                stop += 1  # (قاعدة "الحرير": the name's own quote; not a quotation's that ends after المدنيين)
                opened -= 1
            label = self.text[start:stop]
            lkey = "|".join(w.key for w in words[i:end])
            kb_iri = self.kb.lookup(tuple(w.key for w in words[i:end]))
            if kb_iri:
                return self._ref(words, i, end, skip, (kb_iri,), "kb")
            if key in self.lex.heads["place"] and end > j:
                km = self._kb_match(words, j)
                if km and j + km[0] == end and self.kb.kind(km[1]) == "Location":
                    if key in self.lex.heads["province"]:
                        return self._province(words, i, end, skip, self.kb.state_of(km[1]))
                    return self._ref(words, i, end, skip, (km[1],), "kb")  # مدينة إيلات is Eilat
                gm = self._gazetteer_match(words, j)
                if gm and gm[2] == 0 and j + gm[0] >= end:
                    if key in self.lex.heads["province"]:
                        return self._province(words, i, j + gm[0], skip, self.kb.by_code.get(gm[1].country))
                    return self._ref(words, i, j + gm[0], skip, (self._place_actor(gm[1]),), "place", "Location")
                town = self._coordinated_town(words, j) if end == j + 1 else None
                if town is not None and town.start == words[j].start:
                    return town  # "مدينتي صور والنبطية": the first a dual place noun lists
            if key in self.lex.heads["place_plural"] and end > i + 1:
                km = self._kb_match(words, j)
                if km and km[2] == 0 and self.kb.kind(km[1]) in ("Location", "State"):
                    # "مدينتي تل أبيب وحيفا": the first listed place is the known place itself
                    return self._ref(words, j, j + km[0], 0, (km[1],), "kb")
                gm = self._gazetteer_match(words, j)
                if gm and gm[2] == 0:
                    # "مدن بهاولبور وكوتلي": a plural head lists places; the first is a place of its own
                    return self._ref(words, j, j + gm[0], 0, (self._place_actor(gm[1]),), "place", "Location")
                town = self._coordinated_town(words, j)
                if town is not None and town.start == words[j].start:
                    return town  # "مدينتي صور والنبطية"
            if key in self.lex.heads["place_plural"] and j < end <= j + 2 and end > i + 1 \
                    and (listed or not definite(words[j].norm)) and self._nisba(words[j]) is None:
                # "بلدات كفركلا والخيام، بلدات عيتا الشعب وكفركلا": a plural head lists places; the first name (of
                # one or two words) is a place of its own (in "القرى الحدودية، مدن أوكرانية" the word after the
                # head is its adjective, and the towns are one collective)
                start = words[j].start
                if not any(q in self.text[start:stop] for q in OPENING_QUOTES):
                    stop = words[end - 1].end  # (بلدتي «عيترون»: the name's quotes are both left out)
                label = self.text[start:stop]
                lkey = "|".join(w.key for w in words[j:end])
                i = j
            if state is None and j < end and key not in self.lex.heads["place"]:
                gm = self._gazetteer_match(words, j)  # (مطار بورتسودان: the town it is named for lies in a state)
                state = self.kb.by_code.get(gm[1].country) if gm is not None and j + gm[0] <= end else None
            km = self._kb_match(words, i)
            if km is not None and km[0] >= 2 and i + km[0] < end and self.kb.kind(km[1]) == "Location":
                return self._ref(words, i, i + km[0], km[2], (km[1],), "kb")  # (قاعدة عين الأسد الجوية في محافظة
                # الأنبار: the base the base knows; what follows describes or locates it)
            iri = self._mint("Location", lkey, label, (("locatedIn", state),) if state else ())
            variants = tuple((start, words[k - 1].end) for k in sorted({name_end, core_end}) if i < k < end)
            variants += (bare,) if bare and bare[0] > start else ()
            return ActorRef((iri,), i, end, start, stop, label, "Location", "facility", (state,), variants)
        return None

    def _province(self, words: list[Word], i: int, end: int, skip: int, state: str | None) -> ActorRef:
        """A province named after its city (محافظة الحديدة، ولاية الخرطوم): a place of its own, one node across
        articles by its name, located in the city's state; the city keeps its own node (مدينة الحديدة)."""
        label = self.text[words[i].offset_after(skip, self.text):words[end - 1].end]
        iri = self._mint("Location", "province|" + "|".join(w.key for w in words[i:end]), label,
                         (("locatedIn", state),) if state else ())
        return self._ref(words, i, end, skip, (iri,), "place", "Location")

    def _served_people(self, words: list[Word], i: int, key: str, skip: int) -> bool:
        """Whether word i is the people a place serves, with لـ right after the place's noun (مخيما للاجئين، مستشفى
        للأطفال): they name whom it is for, not a participant of their own (after an attack's verbal noun, لـ
        marks what was struck: قصف للمدنيين)."""
        if key not in self.lex.heads["population"] or not (skip == 1 or words[i].norm.startswith("لل")) \
                or not words[i].norm.startswith("ل") or i == 0 or words[i - 1].gap_after.strip():
            # (للاجئين، للنازحين: لـ with or without the article)
            return False
        before = {k for k, _ in words[i - 1].readings}
        before |= {k[:-1] for k in before if k.endswith("ا") and len(k) > 3}  # (مخيماً: the accusative)
        places = self.lex.heads["facility"] | self.lex.heads["place"] | self.lex.heads["place_named"]
        return bool(before & places) and not before & self.lex.heads["population"]

    def _adjective_name(self, words: list[Word], i: int, skip: int) -> bool:
        """Whether word i is a state's name that is also an everyday adjective (`heads.adjective_name`: مالي), read
        as that adjective: with the article, right after a definite word, which no construct can have as its
        head (الدعم المالي: "the financial support"; في مالي، شمال مالي name the state, and الجيش المالي is an
        organ of the base)."""
        w = words[i]
        return not skip and i > 0 and w.key in self.lex.heads["adjective_name"] and definite(w.norm) \
            and definite(words[i - 1].norm) and not self.gap_text(i - 1, i).strip()

    def _common_noun(self, word: Word) -> bool:
        """Whether a word is a noun some [heads] list of the lexicon holds (العمليات، القوات، المدنيين، فجر: the
        time words of `phrase_stop` too): no place's name. Not a word that opens place names (`name_opening`:
        بلدة المزرعة، قرية الخربة), which the lexicon holds because places are named with it."""
        return any(key in self.lex.head_nouns and key not in self.lex.heads["name_opening"] for key, _ in word.readings)

    def _apposed_name(self, words: list[Word], i: int, j: int) -> bool:
        """Whether word j is a vessel's name in apposition to its definite head at i (السفينة ستريندا، الناقلة
        "X"): a vessel head, a word that is no verb's form (no past -ت, no present prefix), then a break, a
        preposition or the end of the sentence (not السفينة تعرضت، السفينة كانت تبحر)."""
        w = words[j]
        if words[i].key not in self.lex.heads["vessel"] or w.norm.endswith("ت") \
                or w.norm.startswith(("ي", "ت", "ن", "ب", "ل")):  # (السفينة بخير)
            return False
        e = j + 1 + (j + 1 < len(words) and self.second_name_word(words, j + 1))
        return e >= len(words) or bool(self.gap_text(e - 1, e).strip()) or words[e].norm.startswith("و") \
            or words[e].norm in self.lex.particles["prepositions"] or self.ends_name(words[e])

    def _place_closing_list(self, words: list[Word], i: int) -> ActorRef | None:
        """The known place that closes a list of unknown names beginning at word i, after an attack word or a
        preposition of aim (استهدفت بهاولبور وكوتلي ومظفر آباد): items of one name-like word joined by و, up to
        `LIST_ITEMS`, then a place of the base or the gazetteer after و; None if the list closes on anything else."""
        if not self._list_name_word(words[i], words[i].norm):
            return None
        for k in range(i + 1, min(len(words), i + 1 + LIST_ITEMS)):
            if self.gap_text(k - 1, k).strip() or not words[k].norm.startswith("و"):
                return None
            known = self._at(words, k, None)
            if known is not None:
                return known if known.kind == "Location" and known.how in ("kb", "place") else None
            if not self._list_name_word(words[k], words[k].norm[1:], conj=True):
                return None
        return None

    def _list_goes_on(self, words: list[Word], k: int) -> bool:
        """Whether word k joins a further place to a list by و: a name-like word or a place of the base or the
        gazetteer (an adjective is never coordinated with a name: "بلدات الطيبة ودير سريان" lists names, "القرى
        الحدودية" describes)."""
        if k >= len(words) or self.gap_text(k - 1, k).strip() or not words[k].norm.startswith("و"):
            return False
        return bool(self._known_place(words, k, True)) or self._list_name_word(words[k], words[k].norm[1:], conj=True)

    def _known_place(self, words: list[Word], k: int, conj: bool) -> int:
        """The length of a place of the base or the gazetteer at word k (behind و when `conj`), else 0."""
        if k >= len(words):
            return 0
        km = self._kb_match(words, k)
        if km and km[2] == int(conj) and self.kb.kind(km[1]) == "Location":
            return km[0]
        gm = self._gazetteer_match(words, k)
        return gm[0] if gm and gm[2] == int(conj) else 0

    def _coordinated(self, words: list[Word], i: int) -> bool:
        """Whether word i is joined to the word before it by و or a comma."""
        gap = self.gap_text(i - 1, i).strip()
        return gap in ("،", ",") or (not gap and words[i].norm.startswith("و"))

    def _coordinated_town(self, words: list[Word], i: int) -> ActorRef | None:
        """A town the base names only after its place noun (مدينة صور: صور alone is "pictures"), named bare as the
        next of coordinated places (النبطية وصور) or the first a plural place noun lists (مدينتي صور والنبطية): the
        list is its cue, as for the gazetteer's places (`_place_cue`); not the first term of a construct (غزة وصور
        الضحايا: "pictures of the victims")."""
        if i + 1 < len(words) and not words[i].gap_after.strip() and words[i + 1].norm.startswith("ال"):
            return None
        for key, skip in words[i].readings:
            for town in sorted(self.lex.heads["town"] | self.lex.heads["named_facility"]):
                iri = self.kb.lookup((town, key))  # (قاعدتا عين الأسد وحرير: a base the base names with its noun)
                if iri and self.kb.kind(iri) == "Location":
                    return self._ref(words, i, i + 1, skip, (iri,), "kb")
        return None

    def _quoted_item(self, words: list[Word], i: int, before: ActorRef) -> ActorRef | None:
        """The next listed place when its و stands apart before the name's opening quote (بلدتي «عيترون»
        و«كفرشوبا»)."""
        if i + 1 >= len(words) or not wa_before_quote(words[i]):
            return None
        return self._listed_place(words, i + 1, before, first=True)

    def _opens_place_name(self, words: list[Word], i: int) -> bool:
        """Whether word i is و and a word that opens a place's two-word name (تل، عين، كفر، دير، بيت …) with its
        second word after it: coordinated with a place, it names another (GUIDELINES §3: each named place is one)."""
        w = words[i]
        return w.norm.startswith("و") and not self.gap_text(i - 1, i).strip() \
            and self._opened_name(words, i, w.norm[1:])

    def _opened_name(self, words: list[Word], i: int, core: str) -> bool:
        """Whether word i (`core`: without its و) opens a two-word place name and its second word follows, which may
        carry the article (تل الحارة، عين الأسد، بيت حانون)."""
        if not (i + 1 < len(words) and core in self.lex.heads["name_opening"]):
            return False
        second = words[i + 1]
        return self.second_name_word(words, i + 1) or (
            definite(second.norm) and not self.gap_text(i, i + 1).strip() and self._nisba(second) is None
            and second.norm not in self.lex.triggers and not self.ends_name(second)
            and self._kb_match(words, i + 1) is None)

    def _listed_place(self, words: list[Word], i: int, before: ActorRef | None, first: bool = False
                      ) -> ActorRef | None:
        """A place coordinated in a list that a plural place noun opened (بلدات عيتا الشعب والخيام وكفركلا، مدن
        بهاولبور وكوتلي، مناطق سيغو، موبتي، وسيكاسو; GUIDELINES §3: each named participant is one): a place of the
        gazetteer after و or a comma (the list is its cue), else one or two name-like words after و, located in
        the state of the place before it."""
        w = words[i]
        gap = self.gap_text(i - 1, i).strip()
        conj = w.norm.startswith("و") and not first
        core = w.norm[1:] if conj else w.norm
        opens = self._opened_name(words, i, core)
        if (not first and (gap not in ("", "،", ",") or (not gap and not conj))) or (len(w.norm) < 3 + conj
                                                                                    and not opens):
            return None  # (وأم عضام: a short word opens a longer name)
        gm = self._gazetteer_match(words, i)
        if gm and (gm[2] == 0 or (conj and gm[2] == 1)):
            return self._ref(words, i, i + gm[0], gm[2], (self._place_actor(gm[1]),), "place", "Location")
        town = self._coordinated_town(words, i) if conj else None
        if town is not None:
            return town  # (قاعدتي عين الأسد وحرير: a place or base the base names with its noun, named bare)
        if not conj and not first and not self._closed_list_ahead(words, i):
            return None  # (after a comma, only a place the gazetteer knows or a list closed by و: "، مما أسفر")
        if not (opens or self._list_name_word(w, core, conj, listed=True) or (conj and self._second_of_dual(words, i))):
            return None
        end = i + 2 if opens else i + 1
        if not opens and end < len(words) and self.second_name_word(words, end):
            end += 1
        start = w.offset_after(1 if conj else 0, self.text)
        label = self.text[start:words[end - 1].end]
        state = before.states[0] if before is not None and before.states else None
        iri = self._mint("Location", "|".join([core] + [x.key for x in words[i + 1:end]]), label,
                         (("locatedIn", state),) if state else ())
        return ActorRef((iri,), i, end, start, words[end - 1].end, label, "Location", "facility", (state,))

    def _second_of_dual(self, words: list[Word], i: int) -> bool:
        """Whether word i, after و, is the second of the two names a dual place noun announces (مدينتي كاسونغو
        وأوفيرا، بلدتي كفرا وياطر: GUIDELINES §3, each its own place): the dual one or two words before, nothing but
        its first name between; not a stop word, a trigger, a nisba, a number, a common noun of the lexicon or of
        the vicinity (بلدتي عيتا الشعب والجوار) or, unless it ends the item, a word the parse reads as a verb (a
        verb read there is still a name when it closes the item: بلدتي كفرا وياطر.)."""
        core = words[i].norm[1:]
        if core in self.lex.name_stop or core in self.lex.triggers or self._nisba(words[i]) or core.isdigit() \
                or (self.parsed_verb(i) and not self._lone_item(i)) or len(core) < 3 or self._common_noun(words[i]) \
                or any(key in self.lex.heads["vicinity"] for key, _ in words[i].readings):
            return False
        for m in (i - 2, i - 3):
            if m >= 0 and words[m].key in self.lex.heads["place_dual"] \
                    and not any(self.gap_text(k, k + 1).strip() for k in range(m, i)) \
                    and not any(w.norm.startswith("و") for w in words[m + 1:i]):
                return True
        return False

    def _list_name_word(self, w: Word, core: str, conj: bool = False, listed: bool = False) -> bool:
        """Whether a word (`core`: without its و) can be an unknown place's name in a list: no article, stop word,
        trigger, nisba, plural ending, number, common noun of a list's stop heads, or a verb's shape (بلدات X
        وتوغلت، وأضاف; the gazetteer's places are taken before this test). After و (`conj`), or as an item of a
        list already open or closed by و (`listed`: بلدات عيتا الشعب، رامية، القوزح، وبيت ليف), a name may end in
        ـية, ـين or ـون (بلدات يارين والضهيرة ومروحين، بلدتي يارون ومارون الراس): no adjective is coordinated with a
        name, and a plural noun there is one of the stop heads (nor one with a pronoun: وضواحيها); and it may carry the
        article (بلدات عيتا الشعب
        والقوزح، مدن دير البلح والمغازي). A word that opens a two-word name (أم، عين، بيت) is one too (قرى ود
        النورة وأم عضام)."""
        if core in self.lex.heads["name_opening"]:
            return True
        loose = conj or listed
        return not ((definite(core) and not (loose and len(core) > 4)) or core in self.lex.name_stop
                    or core in self.lex.triggers or self._nisba(w)
                    or core.endswith(("ات", "ها", "هم", "هما")) or (core.endswith(("ين", "ون")) and not loose)
                    or (core.endswith("يه") and not loose) or core.isdigit()
                    or any(key in self.lex.heads[name] for key, _ in w.readings for name in LIST_STOPS)
                    or (not definite(core) and (core.endswith("ت") or core.startswith(("ي", "ت", "ن", "ا")))
                        and not self.parsed_proper(w.index)
                        and not (listed and conj and not core.endswith("ت") and (
                            (core.startswith(("ي", "ن")) and not self.parsed_verb(w.index))
                            or (self.parsed_noun(w.index) and self._lone_item(w.index))))))
        # (مدن كاي ونيورو وسانديري، بلدات عيتا الشعب وياطر: in an open list, a word that begins with ي or ن, as no
        # verbal noun does, is a name unless the parse reads a verb; one the parse reads as a noun is one if it stands
        # alone as an item; a verbal noun of the forms that begin with ت or ا has its complement after it: وانقطاع
        # الكهرباء)

    def _after_inclusion(self, words: list[Word], i: int) -> bool:
        """Whether an inclusion marker ends right before word i (عدة بلدات، من بينها X وY; مدن أوكرانية، بينها X;
        بما في ذلك X): a collective's named members follow, a list of its own (GUIDELINES §3). A one-word marker
        (بينها، منها) counts only after a comma."""
        markers = self.lex.particles["inclusion"]
        for n in (3, 2, 1):
            k = i - n
            if k < 0 or any(self.gap_text(m, m + 1).strip() for m in range(k, i - 1)) \
                    or self.gap_text(i - 1, i).strip():
                continue
            phrase = " ".join([words[k].norm.removeprefix("و")] + [w.norm for w in words[k + 1:i]])
            if phrase in markers and (n > 1 or (k > 0 and self.gap_text(k - 1, k).strip() in ("،", ","))):
                return True
        return False

    def _closed_list_ahead(self, words: list[Word], i: int) -> bool:
        """Whether a comma list runs from word i, item by item (one or two name-like words each, commas between),
        to a last item after و (بلدات حولا، مركبا، وكفرشوبا؛ بلدات حولا، مركبا وكفرشوبا), or with و on every item
        after its comma (أوديسا، ولفيف، وميكولايف): such a list names a place in each item; a clause after a comma
        ("، مما أسفر عن"، "، حسبما ذكرت") closes no list."""
        k, plain, conjs = i, 0, 0
        for _ in range(8):
            conj = k > 0 and words[k].norm.startswith("و") and self.gap_text(k - 1, k).strip() in ("،", ",")
            item = known = self._known_place(words, k, conj)  # (a place of the base or the gazetteer is an item)
            k += known
            while not known and k < len(words) and item < 2 \
                    and (item > 0 or conj or not words[k].norm.startswith("و")) \
                    and (self._list_name_word(words[k], words[k].norm[1:] if conj else words[k].norm, conj=conj,
                                              listed=True)
                         if item == 0 else self.second_name_word(words, k)):  # (ميس الجبل: a name's second word)
                k, item = k + 1, item + 1
            if item == 0:
                return False
            plain, conjs = plain + (not conj), conjs + conj
            if conj:  # (، وكفرشوبا: the last item, unless a comma and another و item follow)
                if k < len(words) and self.gap_text(k - 1, k).strip() in ("،", ",") and words[k].norm.startswith("و"):
                    continue
                return plain > 0 or (conjs > 1 and (k >= len(words) or bool(self.gap_text(k - 1, k).strip())))
                # (with و on every item, two of them and the clause ends: not "مدينة غزة، وستهتز أسطح أبراج")
            if k >= len(words):
                return False
            gap = self.gap_text(k - 1, k).strip()
            if gap in ("،", ","):
                continue
            return not gap and words[k].norm.startswith("و") and self._list_name_word(words[k], words[k].norm[1:],
                                                                                       conj=True)
        return False

    def _name_adjectives(self, words: list[Word], end: int, state: str | None) -> tuple[int, str | None]:
        """A named facility's trailing definite adjectives belong to its name (قاعدة عثمان دقنة الجوية، مطار X
        الدولي، قاعدة "كي وان" العسكرية العراقية): up to two, and a state nisba among them locates it; so does
        the kind of facility after لـ and its adjectives (محطة تريبلسكا للطاقة الحرارية، محطة X التحويلية للكهرباء)."""
        adjectives = purpose = 0
        while end < len(words) and not self.gap_text(end - 1, end).strip(SPACE_AND_CLOSING):
            w = words[end]
            if not purpose and w.norm.startswith("لل") and w.norm[2:] in self.lex.heads["facility_kind"]:
                purpose, adjectives = 1, 0
                end += 1
                continue
            if adjectives == 2 or not (w.norm.startswith("ال") and len(w.norm) > 4 and w.norm.endswith(("ي", "يه"))) \
                    or self.ends_name(w) or w.norm in self.lex.triggers:
                break
            state = state or self._nisba(w)
            adjectives += 1
            end += 1
        return end, state

    def second_name_word(self, words: list[Word], k: int) -> bool:
        """Whether word k continues a place name begun just before it (بلدة عيتا الشعب): not a possessed noun
        (ولاية خراسان مسؤوليته) nor a thing an attack strikes, indefinite (ولاية خراسان حافلة)."""
        w = words[k]
        opened = words[k - 1].norm.lstrip("و") in self.lex.heads["name_opening"] and not definite(w.norm) \
            and self._nisba(w) is None  # (عين بورضاي، أبو راسين، بيت حانون: a construct's second word)
        return not self.gap_text(k - 1, k).strip() and not self.ends_name(w) \
            and w.norm not in self.lex.triggers and not w.norm.startswith("و") and len(w.norm) > 2 \
            and (opened or not w.norm.endswith(("يه", "ي", "ين", "ون", "ات"))) and not w.norm.isdigit() \
            and self._kb_match(words, k) is None \
            and not any(key in self.lex.heads["facility"] for key, _ in w.readings) \
            and not possessed(w.text) and not (not definite(w.norm) and w.key in self.lex.heads["struck"]) \
            and w.norm not in self.lex.particles["prepositions"] \
            and not any(key in self.lex.heads["phrase_stop"] or (key.endswith("ا") and key[:-1] in self.lex.heads[
                "phrase_stop"]) for key, _ in w.readings)  # مطار معيتيقة فجر اليوم، مدينة صور ردا على

    def _verbal_noun_with_b(self, word: Word) -> bool:
        """بـ and a verbal noun the lexicon knows, as what a threat or demand is made with (لوح الرئيس الأمريكي بفرض
        رسوم، هدد بشن، طالب بوقف): no name begins there."""
        bare = word.norm[1:] if word.norm.startswith("ب") else ""
        return bool(bare) and (word.norm in self.lex.triggers or bare in self.lex.particles["demand_content"]
                               or bare in self.lex.particles["escalation"])

    def parsed_no_name(self, k: int) -> bool:
        """Whether the parse reads word k of the sentence as a preposition and its object written as one word
        (ل+وقف، ب+ما) or as a verb (تحدث): no name word. Only past a name's first words, as the parse splits and
        tags some names so (ب+شار، عزيز)."""
        tags = self._tags_at(k)
        return (len(tags) > 1 and tags[0] == "ADP") or tags == ("VERB",)

    def _lone_item(self, k: int) -> bool:
        """Whether word k of the sentence ends a list's item by itself: punctuation, و, a preposition or the
        sentence's end after it."""
        words = self._words
        return k + 1 >= len(words) or bool(self.gap_text(k, k + 1).strip(SPACE_AND_QUOTES)) \
            or words[k + 1].norm.startswith("و") or words[k + 1].norm in self.lex.particles["prepositions"]

    def parsed_verb(self, k: int) -> bool:
        """Whether the parse reads word k of the sentence as a verb (after و or not); not without a parse."""
        tags = self._tags_at(k)
        return bool(tags) and tags[-1] in ("VERB", "AUX")

    def parsed_noun(self, k: int) -> bool:
        """Whether the parse reads word k of the sentence as a noun or a proper noun (after و or not)."""
        tags = self._tags_at(k)
        return bool(tags) and tags[-1] in ("NOUN", "PROPN") and tags[:-1] in ((), ("CCONJ",))

    def parsed_proper(self, k: int) -> bool:
        """Whether the parse reads word k of the sentence as a proper noun (after و or not): a name that has a verb's
        shape (ونورستان، يارين) is still a name."""
        tags = self._tags_at(k)
        return bool(tags) and tags[-1] == "PROPN" and tags[:-1] in ((), ("CCONJ",))

    def ends_name(self, word: Word) -> bool:
        """Whether a word cannot be part of a name (a preposition, a particle, a time word: `name_stop`; a verb of
        undergoing, reporting, claiming or addressing a demand: أبلغ، شدد). "علي" written with a final ي is the name
        Ali, not the preposition على: the two fold to the same letters."""
        if word.norm == ALI and last_letter(word.text) == "ي":
            return False
        verb = word.norm.lstrip("و")  # (قاعدة حرير | تعرضت لهجوم: a verb the lexicon knows ends a name)
        return word.norm in self.lex.name_stop or verb in self.lex.undergo_verbs or verb in self.lex.reporting_verbs \
            or verb in self.lex.claim_verbs or verb in self.lex.outcome_verbs \
            or any(verb in verbs for _, verbs, _, _ in self.lex.addressed) \
            or (verb.startswith("ب") and (verb[1:] in self.lex.weapons or any(
                n and key in self.lex.heads["instrument"] for key, n in word.readings))) \
            or (definite(word.norm) and word.key in self.lex.heads["collective"])
        # (مطار معيتيقة | بصاروخ، ثكنة زرعيت | بالأسلحة: the instrument; الرئيس الأوكراني | الحلفاء الغربيين: the
        # addressees)

    def gap_text(self, a: int, b: int) -> str:
        """Text between two words of the current sentence (by their offsets)."""
        return self.text[self._words[a].end:self._words[b].start]

    # ---- entry point ---------------------------------------------------------------------------------
    def foresee(self, sentences: list[tuple[list[Word], list[tuple[str, ...]]]]) -> None:
        """Read the article's sentences (words and their parts of speech) once ahead, keeping only the names it
        learns on the way (a person's last name, a group's abbreviation): the person a title names further on is
        known by his last name before that too (the headline's "كاتس يتوعد" before "وزير الدفاع الإسرائيلي يسرائيل
        كاتس" in the body, §3), each name until the sentence that introduces it."""
        ahead = ActorFinder(self.kb, self.lex, self.text, scope=self.scope)
        for n, (words, tags) in enumerate(sentences):
            known = set(ahead.aliases)
            self._ahead.extend(ahead.find(words, tags))
            for key in ahead.aliases.keys() - known - self.aliases.keys():
                iri = ahead.aliases[key]
                if iri in ahead.minted:
                    self.minted.setdefault(iri, ahead.minted[iri])
                self.aliases[key] = iri
                self._foreseen[key] = n  # (until the sentence that introduces him: there the title reads him)

    def find(self, words: list[Word], tags: list[tuple[str, ...]] | None = None) -> list[ActorRef]:
        """All actor mentions of one sentence, left to right, not overlapping (`tags`: each word's tokens' parts of
        speech, from the parse, when there is one)."""
        self._words = words
        self._tags = tags or []
        for key in [key for key, n in self._foreseen.items() if n <= self._read]:
            del self.aliases[key], self._foreseen[key]  # (his introduction: read as if unseen, name and title)
        self._read += 1
        self._prev = None
        refs: list[ActorRef] = []
        i = 0
        context_state: str | None = None
        memo, aliases = self._memo, self.aliases
        list_end = -1  # where the places listed after a plural place noun have reached (بلدات X وY وZ)
        struck_end = -1  # where a known place right after an attack or its preposition ends
        while i < len(words):
            word = words[i]
            skipped = memo.get(word.norm) == _NONE and not (aliases and any(k in aliases for k, _ in word.readings)) \
                and not (self.shortened and any(k in self.shortened for k, _ in word.readings))
            ref = None if skipped else self._at(words, i, context_state)
            if i == list_end and (ref is None or ref.kind != "Location" or ref.start - word.start > 1):
                # (in a list, وبليدا is و + a name: no ب of place, which would read ليدا)
                ref = self._listed_place(words, i, refs[-1]) or self._quoted_item(words, i, refs[-1]) or ref
            if ref is None and i == struck_end:
                ref = self._listed_place(words, i, refs[-1])  # (only a name no matcher knows: العدوان على غزة
                # ولبنان names a state)
            if ref is None and self._places_included(words, i):
                ref = self._listed_place(words, i, refs[-1] if refs else None, first=True)  # (عدة مدن، من بينها
                # كاي ونيورو)
            if ref is None and refs and refs[-1].last == i and refs[-1].kind == "Location" \
                    and self._coordinated(words, i):
                ref = self._coordinated_town(words, i)  # (النبطية وصور: the place before is the cue)
                if ref is None and self._opens_place_name(words, i):
                    ref = self._listed_place(words, i, refs[-1])  # (مدينة نوى وتل الجابية: a place of its own)
            if ref is None and i > 0 and (words[i - 1].norm in self.lex.triggers
                                          or words[i - 1].norm in self.lex.target_preps.get("any", ())
                                          or self._after_inclusion(words, i)):
                closing = self._place_closing_list(words, i)  # (استهدفت بهاولبور وكوتلي ومظفر آباد)
                if closing is not None:
                    ref = self._listed_place(words, i, closing, first=True)
                    list_end = i if ref is not None else list_end  # (the names after it are listed places too)
            if ref is None:
                i += 1  # (most words: no matcher can begin there, as _at would find)
                continue
            if ref.kind == "Location" and (ref.first in (list_end, list_end + 1) or (ref.first > 0 and any(
                    k in self.lex.heads["place_plural"] for k, _ in words[ref.first - 1].readings))
                    or self._after_inclusion(words, ref.first)):
                list_end = ref.last  # (بلدات X وY، عدة بلدات من بينها X وY: the names go on after و)
            elif ref.kind == "Location" and ref.how in ("kb", "place") and ref.last < len(words) \
                    and self.gap_text(ref.last - 1, ref.last).strip() in ("،", ",") \
                    and self._closed_list_ahead(words, ref.last):
                list_end = ref.last  # (الخيام، ميس الجبل، حولا، والعديسة: a known place opens a closed list)
            elif ref.kind == "Location" and ref.how in ("kb", "place") and ref.first > 0 and (
                    words[ref.first - 1].norm in self.lex.triggers
                    or words[ref.first - 1].norm in self.lex.target_preps.get("any", ())):
                struck_end = ref.last  # (غارات على درعا وتل الحارة: a known place struck opens a list of places)
            if ref.how == "title" and ref.kind == "Official":
                ref = self._stacked_offices(words, ref, refs[-1].last if refs else 0)
            refs.append(ref)
            self._prev = ref
            self._alias_known_person(words, ref)
            abbreviation = self._abbreviation(words, ref)
            if ref.how == "title":
                self.recent.extend(self._served(words, ref))
            if ref.how != "anaphor":
                self.recent.append(ref)
                self._shortenable(ref)
            for st in ref.states:
                if st:
                    context_state = st
            i = ref.last if abbreviation is None else abbreviation + 1
        persons = [r for r in refs if r.how in ("title", "alias") or (r.how == "kb" and r.kind == "Official")]
        if persons:
            self.recent_persons.append(persons)
        return refs

    def _stacked_offices(self, words: list[Word], ref: ActorRef, floor: int) -> ActorRef:
        """A titled person's mention with the office he holds as well, named right before his title with no name
        between (رئيس مجلس الوزراء وزير الخارجية X، وزير الثقافة والإعلام المتحدث باسم الحكومة X): one person, whose
        whole title the text gives (GUIDELINES §5: the participant's name as the article writes it). The earlier
        office is a title of the lexicon, its portfolio may be coordinated by و, and nothing but spaces stands
        between; no word before `floor` (another mention) is taken."""
        for b in range(max(floor, ref.first - STACKED_OFFICE_WORDS), ref.first):
            if any(self.gap_text(m, m + 1).strip() for m in range(b, ref.first)):
                continue
            m = self._phrase_at(words, b, self.lex.titles, self.lex.title_index)
            if m is None or m[1] != 0:
                continue  # (a title the lexicon holds, with no conjunction or preposition before it)
            rest = words[min(b + m[0], ref.first):ref.first]  # (نائب رئيس الوزراء: a longer title holds the start)
            if len(rest) <= STACKED_PORTFOLIO and not any(
                    self._nisba(w) or w.norm in self.lex.triggers or self._kb_match(words, w.index) for w in rest) \
                    and all(definite(w.norm.removeprefix("و")) or (
                        k + 1 < len(rest) and definite(rest[k + 1].norm)) for k, w in enumerate(rest)):
                # (مجلس الوزراء، الثقافة والإعلام: the first office's portfolio, in construct or coordinated)
                start = words[b].start
                return replace(ref, first=b, start=start, surface=self.text[start:ref.end])
        return ref

    def _abbreviation(self, words: list[Word], ref: ActorRef) -> int | None:
        """A group's or a body's one-word abbreviation in brackets or quotes right after its name (جبهة تحرير الساحل
        (جتس)، قوات سوريا الديمقراطية "قسد"): the article names it so from there on (an alias), and its index;
        None when none follows, the word is a known name, has the article or is a trigger, or the mention is of a
        part of a group (its leaders, its members)."""
        if ref.kind not in GROUP_KINDS or ref.end != words[ref.last - 1].end or (
                ref.iri in self.minted and any(link == "memberOf" for link, _ in self.minted[ref.iri].links)):
            return None  # (قيادة حركة المقاومة الإسلامية (حماس): the group's, not its leaders')
        held = bracketed_after(words, ref.last, self.text, 1)
        if held is None:
            return None
        w = words[held[0]]
        if definite(w.norm) or w.norm in self.lex.triggers or len(w.norm) < 3 or self._kb_match(words, held[0]) \
                or self._nisba(w) or w.key in self.aliases:
            return None
        self.aliases[w.key] = ref.iri
        return held[0]

    def _article_state(self) -> str | None:
        """The state the article has named most so far, itself or through its organs, officials and places (None
        before any, or on a tie)."""
        counts = Counter(st for r in self.recent for st in r.states if st)
        top = counts.most_common(2)
        return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None

    def _alias_known_person(self, words: list[Word], ref: ActorRef) -> None:
        """A person of the base named in full (الموفد الأميركي توم باراك) is found again by his last name alone, as a
        person a title introduced is (`_person`): وقال باراك is him, not بـ + the town Arak. Not a last name that reads
        as a nisba (محمد شياع السوداني: "السوداني" stays the adjective)."""
        if ref.how not in ("kb", "title") or ref.last - ref.first < 2 or ref.iri in self.minted \
                or not (self.kb.kind(ref.iri) == "Official" or self._militia_member(ref.iri)):
            return
        last = words[ref.last - 1]
        if self._nisba(last) is None and len(last.norm) > 2:
            self.aliases.setdefault(strip_article(last.norm), ref.iri)

    def _served(self, words: list[Word], title: ActorRef) -> list[ActorRef]:
        """The body a titled person serves, named inside his title (المتحدث باسم الجيش السوداني): a later "الجيش"
        refers back to it, as to a body named on its own (GUIDELINES §3: anaphora are resolved)."""
        for k in range(title.first + 1, title.last):
            served = self._affiliation(words, k)
            if served is not None and self.kind_of(served[1]) in ("StateOrgan", "Militia", "Organization"):
                end = min(served[0], title.last)
                return [ActorRef((served[1],), k, end, words[k].start, words[end - 1].end,
                                 self.text[words[k].start:words[end - 1].end], self.kind_of(served[1]), "organ",
                                 (self.state_of(served[1]),))]
        return []

    def _matchers(self, word: Word) -> frozenset[str]:
        """The matchers of `_at` whose first test this word passes (most words pass none).

        Depends only on the word's normal form, the lexicon and the base, so it is worked out once per form
        and kept (`_Memo`). Each test mirrors the matcher's own first test; a matcher left out here
        would have returned nothing at this word.
        """
        memo = self._memo
        found = memo.get(word.norm)
        if found is None:
            keys = {k for k, _ in word.readings}
            heads = self.lex.heads
            bare = word.norm.lstrip("و")
            found = memo[word.norm] = frozenset(name for name, hit in (
                ("kb", any(k in self.kb.label_lengths for k in keys)),
                ("administration", bool(keys & heads["administration"])),
                ("capital", bool(keys & heads["capital"])),
                ("organ", any(k in self.lex.organ_index for k in keys)),
                ("facility", bool(keys & heads["facility"])),
                ("collective", word.key in heads["collective"] or bool(keys & heads["quantifier"])),
                ("allies", any(ALLIES.match(k) for k in keys)),
                ("named_group", bool(keys & (heads["armed_group"] | heads["group_quoted"] | heads["armed"]))),
                ("members", bool(keys & (heads["members"] | heads["leaders"]))),
                ("title", any(k in self.lex.title_index for k in keys)),
                ("anaphor", bool(keys & (heads["anaphoric"] | heads["demonstrative_plural"] | heads["anaphoric_place"]
                                         | heads["pair_anaphoric"] | heads["plural_titles"] | heads["factions"]))
                 or strip_article(bare) in heads["demonstrative_plural"] or bool(keys & OWN_COUNTRY)
                 or word.norm.lstrip("وف") in OWN_COUNTRY),
                ("nisba", self._nisba(word) is not None),
                ("place", any(k in self.gazetteer.lengths for k in keys)),
                ("region", bool(keys & heads["direction"])),
                ("body", bool(keys & heads["body"])),
            ) if hit)
        return found

    def _quoted_group(self, words: list[Word], i: int) -> ActorRef | None:
        """«الشباب»، "أنصار الله": a group's name in quotation marks without its head noun (حركة، جماعة، تنظيم) names
        the group the base knows with that head: the quotes say it is a name, not the common word."""
        before = self.gap_text(i - 1, i) if i else self.text[max(0, words[0].start - 2):words[0].start]
        if not before.strip() or before.strip()[-1] not in "«“\"":
            return None  # (a headline may open with the name: "الشباب" تتبنى)
        for end in range(i + 1, min(len(words), i + QUOTED_NAME_WORDS) + 1):
            after = self.text[words[end - 1].end:words[end].start] if end < len(words) else ""
            if after.strip()[:1] not in ("»", "”", "\""):
                if after.strip():
                    return None  # (a comma or a quote inside: no one name)
                continue
            rest = tuple(w.key for w in words[i:end])
            for head in GROUP_HEADS:
                iri = self.kb.lookup((head, *rest))
                if iri and self.kb.kind(iri) in ("Militia", "Organization"):
                    return self._ref(words, i, end, 0, (iri,), "kb")
            return None
        return None

    def _at(self, words: list[Word], i: int, context_state: str | None) -> ActorRef | None:
        quoted = self._quoted_group(words, i)
        if quoted is not None and not self._kb_match(words, i):
            return quoted
        matchers = self._matchers(words[i])
        alias = self.aliases and any(k in self.aliases for k, _ in words[i].readings)
        short = self.shortened and any(k in self.shortened for k, _ in words[i].readings)
        if not matchers and not alias and not short:
            return None
        cands: list[ActorRef] = []
        head = words[i].readings
        if "administration" in matchers and i + 1 < len(words) \
                and any(k in self.lex.heads["administration"] for k, _ in head):
            # إدارة الرئيس الأميركي جو بايدن → the state the president heads
            inner = self._title(words, i + 1, context_state) or self._kb_at(words, i + 1)
            skip, noun = next((sk, k) for k, sk in head if k in self.lex.heads["administration"])
            if inner and inner.kind == "Official" and inner.states and inner.states[0]:
                st = inner.states[0]
                if noun in self.lex.heads["government"]:
                    # حكومة محمد شياع السوداني → the government (organ) of the state he leads
                    organ = self.organ_of(noun, st, self.text[words[i].offset_after(skip, self.text):
                                                              words[inner.last - 1].end])
                    return self._ref(words, i, inner.last, skip, (organ,), "organ", "StateOrgan")
                return self._ref(words, i, inner.last, skip, (st,), "organ", "State")
        if "capital" in matchers and i + 1 < len(words) and any(k in self.lex.heads["capital"] for k, _ in head):
            # العاصمة (الروسية) موسكو → the city
            j = i + 1
            if self._nisba(words[j]) and j + 1 < len(words):
                j += 1
            km = self._kb_match(words, j)
            skip = next(sk for k, sk in head if k in self.lex.heads["capital"])
            if km and km[2] == 0 and self.kb.kind(km[1]) == "Location":
                return self._ref(words, i, j + km[0], skip, (km[1],), "kb")
            gm = None if km else self._gazetteer_match(words, j)
            if gm and gm[2] == 0:  # العاصمة كابول: a capital the base does not hold, from the gazetteer
                return self._ref(words, i, j + gm[0], skip, (self._place_actor(gm[1]),), "place", "Location")
        km = self._kb_match(words, i) if "kb" in matchers else None
        if km and km[0] == 1 and words[i].key in self.lex.heads["direction"] \
                and not definite(words[i].norm[km[2]:]):
            km = None  # (غرب المدينة: a direction; only الغرب, with its article, is the West)
        if km and km[0] == 1 and self._adjective_name(words, i, km[2]):
            km = None  # (الدعم المالي: "financial", not Mali)
        if km and km[0] == 1 and i > 0 and words[i - 1].norm.startswith("ال") and words[i].norm.startswith("ال") \
                and not self.gap_text(i - 1, i).strip() and (nisba := self._nisba(words[i])) \
                and (self.kb.kind(km[1]) in ("Official", "Militia") or km[1] == nisba):
            km = None  # "الشعب السوداني": after a definite noun, a nisba is its adjective ("الطائرات التركية": not
            # the name تركية of Turkey, though the state is the same)
        elif km and km[0] == 1 and i > 0 and not definite(words[i].norm) and self._after_instrument(words, i) \
                and self._nisba(words[i]) == km[1]:
            km = None  # (قصفت طائرات تركية: after a weapon, تركية is its nationality, the name's old spelling only
            # by chance; a construct never follows a weapon, so no reading is lost)
        if km and self._name_goes_on(words, i + km[0]) and self.kb.kind(km[1]) in ("Militia", "Organization"):
            km = None  # (الجبهة الشعبية لتحرير تيغراي: a front of another liberation than the one the base knows)
        if km:
            n, iri, skip = km
            cands.append(self._ref(words, i, i + n, skip, (iri,), "kb"))
            foreign = self._foreign_organ(words, i, km)
            if foreign:
                cands.append(foreign)
        for name, matcher in (("organ", self._organ), ("facility", self._facility),
                              ("collective", self._collective), ("allies", self._allies),
                              ("named_group", self._named_group),
                              ("members", self._members), ("place", self._place), ("region", self._region),
                              ("body", self._body)):
            r = matcher(words, i) if name in matchers else None
            if r:
                cands.append(r)
        t = self._title(words, i, context_state) if "title" in matchers else None
        if t:
            cands.append(t)
        whole_alias = alias and any(k in self.aliases for k, sk in words[i].readings if sk == 0)
        if whole_alias and cands and all(c.first == i and c.last == i + 1 and c.start > words[i].start
                                         for c in cands):
            cands = []  # (وقال باراك after "توم باراك": the article's person, whole, not بـ + the town Arak)
        if not cands and alias:
            for key, skip in words[i].readings:
                if key in self.aliases:
                    cands.append(self._ref(words, i, i + 1, skip, (self.aliases[key],), "alias"))
                    break
        if not cands and "anaphor" in matchers:
            a = self._anaphor(words, i)
            if a:
                cands.append(a)
        if short:
            a = self._shortened(words, i)
            if a:
                cands.append(a)  # (القوات المسلحة after القوات المسلحة الأوكرانية: longer than the head alone)
        if not cands and "nisba" in matchers:
            st = self._nisba(words[i])
            if st:
                skip = 1 if words[i].norm[:1] in ("و", "ف") and not words[i].norm.startswith("وال") else 0
                if words[i].norm.startswith(("وال", "فال")):
                    skip = 1
                whole = nisba_stem(words[i].norm)
                if whole and self.kb.nisba_state(whole) and not words[i].norm.startswith(("وال", "فال")):
                    skip = 0  # (فلسطينيا: its ف is the name's own letter, not a conjunction)
                cands.append(self._ref(words, i, i + 1, skip, (st,), "nisba"))  # (a state, or a group: حوثي، أممي)
        if i + 1 < len(words) and words[i + 1].norm in self.lex.particles["made_in"]:
            cands = [c for c in cands if c.last > i + 1 or c.kind != "State"]  # (مسيرات تركية الصنع: made there)
        if not cands:
            return None
        # longest wins; on a tie a KB actor beats a minted one
        order = {"kb": 0, "title": 1, "organ": 2, "facility": 3, "region": 4, "place": 5, "alias": 6, "anaphor": 7,
                 "nisba": 8}
        return self._group_nationality(words, sorted(cands, key=lambda r: (-(r.last - r.first), order[r.how]))[0])

    def _group_nationality(self, words: list[Word], ref: ActorRef) -> ActorRef:
        """A known armed group's name with a state's nisba right after it, its nationality (حركة الشباب الصومالية،
        جماعة الحوثي اليمنية): one mention of the group, not the state beside it; a plural is a people, the object
        (هاجمت حماس الإسرائيليين)."""
        end = ref.last
        if ref.kind != "Militia" or ref.how not in ("kb", "named_group") or len(ref.iris) != 1 \
                or self._militia_member(ref.iri) or end >= len(words) \
                or self.gap_text(end - 1, end).strip(SPACE_AND_CLOSING) \
                or not words[end].norm.startswith("ال") or not words[end].norm.endswith(("ي", "يه")) \
                or (st := self._nisba(words[end])) is None or self.kb.kind(st) != "State":
            return ref
        name = label_key(ref.surface)
        actor = self.kb.actors.get(ref.iri)
        if actor is not None and any(len(k := label_key(label)) == len(name) + 1 and k[:-1] == name
                                     and (stem := nisba_stem(k[-1])) and self.kb.nisba_state(stem)
                                     for label in actor.labels_ar):
            return ref  # (حزب الله العراقي: the base names Hezbollah's own nationality, اللبناني; another is no
            # adjective of it)
        stop = words[end].end
        return replace(ref, last=end + 1, end=stop, surface=self.text[ref.start:stop],
                       variants=((ref.start, ref.end), *ref.variants))
