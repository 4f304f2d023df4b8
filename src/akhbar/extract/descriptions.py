"""The fuller descriptions of an actor that has no name of its own: where its noun phrase may end.

An open noun phrase or a facility the base does not know is named by its description ("سفنا تجارية في البحر
الأحمر وبحر العرب", "مخيم للاجئين قرب مخمور وسنجار", "المنطقة التي تحتضن العديد من المرافق الحيوية"), and how much
of it a reader takes as the name varies: the mention the matchers found is its head and first modifiers, the text
goes on with coordinated nouns, places, a relative clause. GUIDELINES §5 takes a participant's names as the
surface strings of the article, so each longer reading that ends where a constituent may end (before و, a
preposition or a relative pronoun, or where the phrase stops) is kept as a variant name (an skos:altLabel) of the
minted actor. The phrase stops at punctuation other than quotes, another event's trigger, a verb of saying or
claiming, a word of `description_stops` (بحسب، حيث، منذ، ردا، time words …), a verb that opens no relative clause
(with a parse), and after `MAX_WORDS` words. An actor of the base keeps its own names.

>>> from akhbar.kb import load_kb
>>> from akhbar.records import Article
>>> from akhbar.extract.units import read_units
>>> text = "قصفت الطائرات مخيما للاجئين قرب مخمور وسنجار، بحسب مصادر محلية."
>>> units = read_units(None, Article("x", "x.txt", text), load_kb())
>>> s = units.sentences[0]
>>> camp = next(p for p in s.phrases if p.surface.startswith("مخيما"))
>>> camp.surface, [text[a:b] for a, b in description_spans(s, camp, units.lex, text)]
('مخيما للاجئين', ['مخيما للاجئين قرب مخمور', 'مخيما للاجئين قرب مخمور وسنجار'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from akhbar.extract.lexicon import Lexicon
from akhbar.extract.phrases import PLACE_PREPS
from akhbar.extract.text import Word, bracketed_after, definite

if TYPE_CHECKING:
    from akhbar.extract.actors import ActorRef
    from akhbar.extract.units import SentenceUnit

MAX_WORDS = 12  # words a description may run on after the mention
PLACE_WORDS = PLACE_PREPS | {"قباله"}  # (normalised) words that open where a thing is: قرب، شمال، قبالة …
QUOTES = "\"'“”«»‘’"
AUXILIARIES = frozenset({"كان", "كانت", "كانوا", "يكون", "تكون"})  # (normalised) كانت تبحر: the auxiliary and its verb
OPENING, CLOSING = "“«", "”»"


def _opens_constituent(word: Word, lex: Lexicon) -> bool:
    """Whether a word begins a new constituent of a noun phrase: a conjunct (و), a preposition (في، قرب، بـ …)
    or a relative pronoun; a description may end right before it."""
    norm = word.norm
    return norm.startswith("و") or norm in lex.particles["prepositions"] or norm in PLACE_WORDS \
        or norm in lex.particles["relative_pronouns"] \
        or (norm.startswith(("ب", "ل")) and len(norm) > 4)


def _stops(s: SentenceUnit, k: int, ref: ActorRef, lex: Lexicon) -> bool:
    """Whether the description of `ref` cannot run on to word k."""
    word = s.words[k]
    norm, bare = word.norm, word.norm.lstrip("و")
    if norm in lex.particles["description_stops"] or bare in lex.particles["description_stops"] \
            or any(t.first <= k < t.last for t in s.triggers) or bare in lex.reporting_verbs \
            or bare in lex.claim_verbs:
        return True  # (another event's trigger: not a word the lexicon only might read as one, الأعمال الخبيثة)
    if k < len(s.upos) and s.upos[k] in ("VERB", "AUX"):
        relative = k > 0 and s.words[k - 1].norm in lex.particles["relative_pronouns"]
        unmarked = k == ref.last and not definite(s.words[ref.first].norm)  # (سفينة كانت تبحر: an indefinite
        # noun's relative clause needs no pronoun; its auxiliary's verb goes with it)
        chained = k > ref.last and (s.upos[k - 1] == "AUX" or s.words[k - 1].norm in AUXILIARIES)
        return not (relative or unmarked or chained)
    return False


OPENING_HEADS = ("quantifier", "place_plural", "vicinity")  # [heads] whose nouns open a place's description


def opener_before(s: SentenceUnit, ref: ActorRef, lex: Lexicon, text: str) -> int | None:
    """Where a word that opens the description of the place named at `ref` begins, right before it (إحدى منشآت
    المجمع، بلدات شمال إسرائيل، مناطق شمالي العراق; its conjunction و left out), else None."""
    if ref.first == 0 or s.words[ref.first - 1].gap_after.strip() or ref.start != s.words[ref.first].start:
        return None
    word = s.words[ref.first - 1]
    bare = word.norm[1:] if word.norm.startswith("و") and len(word.norm) > 3 else word.norm
    if bare in lex.particles["description_openers"] or any(
            key in lex.heads[name] for key, _ in word.readings for name in OPENING_HEADS):
        return word.offset_after(len(word.norm) - len(bare), text)
    return None


def description_spans(s: SentenceUnit, ref: ActorRef, lex: Lexicon, text: str, left: bool = False
                      ) -> list[tuple[int, int]]:
    """The (start, end) character spans of the longer readings of a mention's description, shortest first: from
    the mention's start to each word after it where a constituent may end (see the module); with `left`, each
    of those (and the mention itself) from the word before it too, if that word opens a description
    (`opener_before`)."""
    spans = _right_spans(s, ref, lex, text)
    start = opener_before(s, ref, lex, text) if left else None
    return spans if start is None else [*spans, (start, ref.end), *((start, end) for _, end in spans)]


def _right_spans(s: SentenceUnit, ref: ActorRef, lex: Lexicon, text: str) -> list[tuple[int, int]]:
    words = s.words
    last = k = ref.last
    while k < len(words) and k - ref.last < MAX_WORDS and not words[k - 1].gap_after.strip(" " + QUOTES) \
            and not _stops(s, k, ref, lex):
        k += 1
        last = k
    out = []
    for end in range(ref.last + 1, last + 1):
        if end < last and not _opens_constituent(words[end], lex):
            continue
        stop = words[end - 1].end
        span = text[ref.start:stop]
        if stop < len(text) and ((text[stop] == '"' and span.count('"') % 2) or (
                text[stop] in CLOSING and sum(map(span.count, OPENING)) > sum(map(span.count, CLOSING)))):
            stop += 1  # (مقر الحشد الشعبي "اللواء 45": the name's own closing quote)
        out.append((ref.start, stop))
    return out


ABBREVIATION_WORDS = 2  # words an abbreviation in quotes or brackets after a name may have (قسد، بي كا كا)


def abbreviated(s: SentenceUnit, ref: ActorRef, lex: Lexicon, text: str) -> tuple[int, int] | None:
    """The span of a name and the abbreviation the text gives right after it in quotes or brackets (قوات سوريا
    الديمقراطية "قسد"، حزب العمال الكردستاني (بي كا كا)), a surface name of its own (GUIDELINES §5), else None:
    up to `ABBREVIATION_WORDS` words, none with the article (not an epithet: "الإرهابي") nor a trigger.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = 'حذرت قوات سوريا الديمقراطية "قسد" تركيا.'
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> [text[a:b] for r in s.refs if (span := abbreviated(s, r, units.lex, text)) for a, b in [span]]
    ['قوات سوريا الديمقراطية "قسد"']
    """
    words = s.words
    if ref.last >= len(words) or ref.end != words[ref.last - 1].end:
        return None
    held = bracketed_after(words, ref.last, text, ABBREVIATION_WORDS)
    if held is None or any(definite(w.norm) or w.norm in lex.triggers for w in words[held[0]:held[1]]):
        return None
    return ref.start, words[held[1] - 1].end + 1
