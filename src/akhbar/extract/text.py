"""Words, clauses and sentences of an article, with exact code-point offsets.

Extraction matches lexicons on its own word segmentation (whitespace/punctuation words with their
proclitics still attached) so that offsets into `Article.text` are exact whatever the parser does;
the parse is consulted through character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from akhbar.analysis.normalise import SPACE_CHARS
from akhbar.kb import normalise, strip_article

WORD_RE = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")
_DIACRITIC_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# proclitic chains, longest first: conjunction, preposition, article
PROCLITICS = ("وبال", "فبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "وب", "ول", "وك", "فب", "فل",
              "ال", "و", "ف", "ب", "ل", "ك")
_CLOSERS = "\"'”’»)]}›"
CLAUSE_BREAK = ".؛;:!?؟"  # punctuation that ends a clause: arguments and cues are not looked for across it
COMMAS = "،,"
ADJECTIVE_ENDINGS = ("ي", "يه", "يين", "يون")  # (normalised) endings of a nisba or an adjective like one
# words that, right before a mention, say how it relates to the event (a closed class of the grammar)
PREPOSITIONS = frozenset({"علي", "ضد", "من", "عن", "الي", "في", "مع", "بين", "باتجاه", "نحو", "بحق", "تجاه", "امام",
                          "لدي", "حول", "قبل", "يد", "عبر", "داخل", "قرب", "بشان", "ازاء", "بحسب", "حسب", "وفق",
                          "لصالح", "باسم", "منذ", "بعد", "مثل", "بينها", "بينهم", "قباله", "خارج"})
_ENDERS = ".!?؟"
DEFINITE = ("ال", "وال", "فال", "بال", "لل", "ولل", "وبال", "كال")  # the article behind its proclitics


# What the matchers read in place of characters an article may carry from the web or from Persian sources: a
# whitespace variant, a zero-width or a direction mark is a space, and ی ک ۀ are the Arabic ي ك ة. One character
# for one, so every offset into the folded text is the same offset into the article.
_READING = str.maketrans({**dict.fromkeys(SPACE_CHARS, " "),
                          **dict.fromkeys("\u200b\u200c\u200d\u200e\u200f\ufeff\u061c\u202a\u202b\u202c\u202d"
                                          "\u202e\u2066\u2067\u2068\u2069", " "),
                          "\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c0": "\u0629"})


def reading_text(text: str) -> str:
    """The article as the matchers read it: the same length, non-breaking and other spaces and marks read as a
    space, Persian letters as Arabic ones (offsets unchanged).

    >>> folded = reading_text("قصفت\u00a0إسرائيل\u200f کرمان")
    >>> folded, len(folded) == len("قصفت\u00a0إسرائيل\u200f کرمان")
    ('قصفت إسرائيل  كرمان', True)
    """
    return text.translate(_READING)


def last_letter(surface: str) -> str:
    """The last letter of a word as written, past its diacritics (to tell علي from على, which normalise alike).

    >>> last_letter("عليّ"), last_letter("على")
    ('ي', 'ى')
    """
    bare = _DIACRITIC_RE.sub("", surface)
    return bare[-1] if bare else ""


POSSESSED_ENDINGS = ("ته", "تها", "تهم", "تهما")  # ة written ت before a possessive pronoun (مسؤوليته، قيادتها)


def possessed(surface: str) -> bool:
    """Whether a word is a feminine noun with a possessive pronoun, as written (ة turns to ت before it): a
    common noun of someone's, never part of a proper name.

    >>> possessed("مسؤوليته"), possessed("قيادتها"), possessed("خراسان"), possessed("الحديدة")
    (True, True, False, False)
    """
    bare = _DIACRITIC_RE.sub("", surface)
    return len(bare) > 4 and bare.endswith(POSSESSED_ENDINGS)


FEMININE_ENDINGS = ("ة", "ات")  # as written: a feminine noun, a sound feminine or non-human plural


def written_feminine(surface: str) -> bool:
    """Whether a word is written feminine: with ة or the plural ات (الحكومة، القوات), past its diacritics.

    >>> written_feminine("الحكومةُ"), written_feminine("القوات"), written_feminine("الجيش")
    (True, True, False)
    """
    return _DIACRITIC_RE.sub("", surface).endswith(FEMININE_ENDINGS)


def consequent_future(norm: str) -> bool:
    """Whether a normalised word is فـ, the future prefix and an imperfect verb: the first word of a condition's
    consequent (فسندمر، فستكون), never a noun.

    >>> consequent_future("فستكون"), consequent_future("فلسطين")
    (True, False)
    """
    return len(norm) > 4 and norm.startswith("فس") and norm[2] in "يتنا"


def clause_word_before(words: list[Word], i: int, cues: frozenset[str], reach: int) -> int | None:
    """The nearest word before word i, at most `reach` words back and in its clause (no clause break or comma
    after any word on the way), whose form without و is one of `cues`; None if there is none.

    >>> ws = words_of("يشكل القصف منذ يومين تهديدا")
    >>> clause_word_before(ws, 4, frozenset({"يشكل"}), 8), clause_word_before(ws, 4, frozenset({"يشكل"}), 2)
    (0, None)
    """
    for k in range(i - 1, max(-1, i - 1 - reach), -1):
        if words[k].breaks_after or words[k].comma_after:
            return None
        if words[k].norm.lstrip("و") in cues:
            return k
    return None


BRACKETS = {"(": ")", "“": "”", "«": "»", '"': '"'}  # what opens an abbreviation after a name → what closes it


def bracketed_after(words: list[Word], k: int, text: str, most: int) -> tuple[int, int] | None:
    """The words [k, m) that brackets or quotes hold right after word k − 1 (حزب العمال الكردستاني (بي كا كا)،
    قوات سوريا الديمقراطية "قسد"), at most `most` of them, else None.

    >>> text = 'حذرت قوات سوريا الديمقراطية "قسد" تركيا.'
    >>> bracketed_after(words_of(text), 4, text, 2), bracketed_after(words_of(text), 3, text, 2)
    ((4, 5), None)
    >>> text = 'أعلنت ميليشيا "المقاومة الإسلامية في العراق" أنها "ستبدأ مرحلة جديدة".'
    >>> bracketed_after(words_of(text), 6, text, 1) is None  # (a quote that closes, then another that opens)
    True
    """
    if k <= 0 or k >= len(words):
        return None
    gap = words[k - 1].gap_after
    close = BRACKETS.get(gap.strip())
    if close is None or not gap.endswith(gap.strip()):
        return None  # (the mark opens only if it stands right before the word: العراق" أنها is a quote closing)
    for m in range(k, min(len(words), k + most)):
        after = words[m].gap_after if m + 1 < len(words) else text[words[m].end:words[m].end + 1]
        if after.startswith(close):
            return k, m + 1
        if after.strip():
            return None
    return None


def proclitic(word: Word, start: int) -> str:
    """The letters of a word before the offset where a mention inside it begins (و، ل، ول; "" when it begins with
    the word): لنظيره is لـ + نظيره, but لبنان is a name that begins with ل.

    >>> w = words_of("لنظيره لبنان")
    >>> proclitic(w[0], w[0].start + 1), proclitic(w[1], w[1].start)
    ('ل', '')
    """
    return word.text[:max(0, start - word.start)]


def definite(norm: str) -> bool:
    """Whether a normalised word carries the definite article (الجيش، والقواعد، بالمنطقة)."""
    return norm.startswith(DEFINITE)


class Word:
    """A word of the text: surface, offsets, normalised form and its clitic-stripped readings.

    The matching key and the proclitic readings are computed once, when the word is made: the matchers
    ask for them at every word of every sentence. Words compare by identity (each is one place in a text).
    """

    __slots__ = ("breaks_after", "comma_after", "end", "gap_after", "index", "key", "norm", "readings", "start",
                 "text")

    def __init__(self, index: int, start: int, end: int, text: str) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.norm, self.readings = _forms(text)
        self.key = self.readings[0][0]  # matching key: normalised, without the definite article
        self.gap_after = ""  # the text up to the next word of the sentence (set by words_of)
        self.breaks_after = False  # whether that gap holds a clause break
        self.comma_after = False  # whether that gap holds a comma

    def __repr__(self) -> str:
        return f"Word({self.index}, {self.start}, {self.end}, {self.text!r})"

    def offset_after(self, stripped: int, text: str) -> int:
        """Character offset in the text after skipping `stripped` normalised letters of this word."""
        pos, seen = self.start, 0
        while pos < self.end and seen < stripped:
            if not _DIACRITIC_RE.match(text[pos]):
                seen += 1
            pos += 1
        while pos < self.end and _DIACRITIC_RE.match(text[pos]):
            pos += 1
        return pos


@lru_cache(maxsize=200_000)
def _readings(norm: str) -> tuple[tuple[str, int], ...]:
    """(key without article, letters to skip for the surface) for each proclitic reading of a word."""
    out = [(strip_article(norm), 0)]
    for p in PROCLITICS:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            rest = norm[len(p):]
            if p.endswith(("لل", "ال")):
                out.append((rest, len(p) - 2))
            else:
                out.append((strip_article(rest), len(p)))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _forms(surface: str) -> tuple[str, tuple[tuple[str, int], ...]]:
    """A word's normal form and proclitic readings (news vocabulary is small and repetitive: computed once
    per surface form and process)."""
    norm = normalise(surface)
    return norm, _readings(norm)


def words_of(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of text[start:end], with offsets into the whole text."""
    end = len(text) if end is None else end
    out = [Word(n, m.start(), m.end(), m.group()) for n, m in enumerate(WORD_RE.finditer(text, start, end))]
    for word, following in pairwise(out):
        gap = word.gap_after = text[word.end:following.start]
        if gap != " ":
            word.breaks_after = any(c in CLAUSE_BREAK for c in gap)
            word.comma_after = any(c in COMMAS for c in gap)
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences as GUIDELINES §1 splits them, trimmed of surrounding whitespace.

    A newline always ends a sentence; . ! ? ؟ end one when followed (after closing quotes) by whitespace or
    the end of the text; ".." and a period between digits do not; a fragment of only quotes joins the one before.
    A non-breaking space or an invisible mark counts as whitespace (the text is read as `reading_text` folds it).

    >>> sentence_spans("\u200fقصف الجيش.\u00a0\u200fوحذر.")
    [(1, 11), (13, 18)]
    """
    text = reading_text(text)  # (the same length: every span is a span of the text as given)
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        ls, le = line.start(), line.end()
        start = ls
        i = ls
        while i < le:
            ch = text[i]
            if ch in _ENDERS:
                if ch == "." and ((i + 1 < le and text[i + 1] == ".") or (i > ls and text[i - 1] == ".")):
                    i += 1
                    continue
                if ch == "." and 0 < i - ls and i + 1 < le and text[i - 1].isdigit() and text[i + 1].isdigit():
                    i += 1
                    continue
                j = i + 1
                while j < le and (text[j] in _CLOSERS or text[j] in _ENDERS):
                    j += 1
                if j >= le or text[j].isspace():
                    spans.append((start, j))
                    start = j
                    i = j
                    continue
            i += 1
        if start < le:
            spans.append((start, le))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if out and not WORD_RE.search(text, s, e) and all(c in _CLOSERS + _ENDERS + " " for c in text[s:e]) \
                and text.count("\n", out[-1][1], s) == 0:
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


def names_as_one(head: int, window: int, spans: Iterable[tuple[int, int]]) -> int:
    """How many words back from word `head` a window of `window` words reaches when each name (a mention's
    (first, last) words in `spans`) counts as one word: a cue before a long name is as near as before a short one
    (اتهمت حركة الشباب القوات الإثيوبية العاملة ضمن بعثة الاتحاد الأفريقي بقصف).

    >>> names_as_one(6, 3, [(1, 4)])
    5
    """
    starts = {k: first for first, last in spans for k in range(first + 1, last)}
    lo, count = head, 0
    while lo > 0 and count < window:
        lo -= 1
        lo = starts.get(lo, lo)
        count += 1
    return head - lo
