"""An analysed article as the linker reads it: per sentence its words, actor mentions, triggers, parse and quotes.

`read_units(doc, article, kb)` runs the actor matcher and the trigger finder over every sentence once, in
order (the matcher remembers what the article introduced), and attaches the dependency parse as a word-level
head table. Candidates, features and decisions (`candidates`, `features`, `linker`) only read these units.

>>> from akhbar.kb import load_kb
>>> from akhbar.records import Article
>>> text = "حذرت مصر إسرائيل. وقال الوزير: «سنرد»."
>>> units = read_units(None, Article("x", "x.txt", text), load_kb())
>>> [len(s.refs) for s in units.sentences], units.sentences[1].quoted[-1]
([2, 0], True)
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.attrs import DEP, HEAD, IDX, POS
from spacy.tokens import Doc

from akhbar.extract.actors import ActorFinder, ActorRef
from akhbar.extract.events import Trigger, find_triggers
from akhbar.extract.killings import named_killings
from akhbar.extract.lexicon import Lexicon, load_lexicon
from akhbar.extract.phrases import open_phrases, phrase_ends
from akhbar.extract.text import Word, definite, reading_text, sentence_spans, words_of
from akhbar.extract.threats import conditional_threats
from akhbar.kb import KnowledgeBase
from akhbar.records import Article

OPENERS = "«“"
CLOSERS = "»”"
TOGGLES = "\""
# kinds of mention that can take part in an event (a media outlet reports; it is no participant)
PARTICIPANT_KINDS = ("State", "Militia", "Official", "StateOrgan", "Organization", "Location", "Actor")

# word index → (head word index, relation); words whose head is outside the sentence are absent
HeadTable = dict[int, tuple[int, str]]


@dataclass
class SentenceUnit:
    """One sentence of an article, ready for linking."""

    index: int
    start: int
    end: int
    words: list[Word]
    refs: list[ActorRef]
    triggers: list[Trigger]
    heads: HeadTable = field(default_factory=dict)
    passives: frozenset[int] = frozenset()
    quoted: list[bool] = field(default_factory=list)
    speaker: ActorRef | None = None  # the subject of its verb of saying, if it has one
    says: bool = False  # whether it has a verb of saying
    upos: list[str] = field(default_factory=list)  # the parser's part of speech of each word ([] without a parse)
    phrases: list[ActorRef] = field(default_factory=list)  # open noun phrases after attack triggers

    def ref_at(self) -> dict[int, ActorRef]:
        """Word index → the mention covering it."""
        return {k: r for r in self.refs for k in range(r.first, r.last)}


@dataclass
class ArticleUnits:
    """All sentences of one article, plus the matcher that minted its new actors."""

    article: Article
    finder: ActorFinder
    lex: Lexicon
    kb: KnowledgeBase
    sentences: list[SentenceUnit]
    mention_counts: Counter[str] = field(default_factory=Counter)
    source: Article | None = None  # the article as given, when the matchers read a folded copy (`reading_text`)

    @property
    def original(self) -> Article:
        """The article as given: what spans and surfaces are written from."""
        return self.source or self.article


Parse = tuple[list[int], list[int], list[str], list[str]]


def _parse_arrays(doc: Doc | None) -> Parse | None:
    """Token start offsets, head start offsets, relations and parts of speech of the whole article (None
    without a parse)."""
    if doc is None or not doc.has_annotation("DEP") or len(doc) == 0:
        return None
    arr = doc.to_array([IDX, HEAD]).astype("int64")  # HEAD is relative (negative values wrap in uint64)
    folded = reading_text(doc.text)
    starts = arr[:, 0].tolist()
    if folded != doc.text:  # (a word's token may begin with a mark the matchers read as a space: past it)
        for k, start in enumerate(starts):
            while not doc[k].is_space and start < len(folded) - 1 and folded[start] == " " \
                    and doc.text[start] != " ":
                start += 1
            starts[k] = start
    heads = [starts[k + rel] for k, rel in enumerate(arr[:, 1].tolist())]
    strings = doc.vocab.strings
    return (starts, heads, [strings[d] for d in doc.to_array(DEP).tolist()],
            [strings[p] for p in doc.to_array(POS).tolist()])


def word_tags(parse: Parse | None, words: list[Word]) -> list[tuple[str, ...]]:
    """Each word's tokens' parts of speech, clitics included (ل+وقف → ADP, NOUN; دعم+ه → NOUN, PRON): what tells
    the matchers that a word is no name ([] without a parse). A word's own part of speech is its last token's
    (the stem after the clitics: و+محطة → NOUN; `word_pos`)."""
    if parse is None or not words:
        return []
    tok_starts, _, _, pos = parse
    out = []
    for w in words:
        a, b = bisect.bisect_left(tok_starts, w.start), bisect.bisect_left(tok_starts, w.end)
        out.append(tuple(pos[a:b]))
    return out


def word_pos(tags: list[tuple[str, ...]]) -> list[str]:
    """Each word's part of speech from its tokens' (`word_tags`): its last token's, "X" for none."""
    return [t[-1] if t else "X" for t in tags]


def head_table(parse: Parse | None, words: list[Word]) -> HeadTable:
    """The parse between our words: for each word the word its (first) token depends on, with the relation."""
    if parse is None or not words:
        return {}
    tok_starts, tok_heads, rels, _ = parse
    starts = [w.start for w in words]
    lo, hi = words[0].start, words[-1].end

    def word_of(offset: int) -> int | None:
        if offset < lo or offset >= hi:
            return None
        k = bisect.bisect_right(starts, offset) - 1
        return k if k >= 0 and offset < words[k].end else None

    out: HeadTable = {}
    for t in range(bisect.bisect_left(tok_starts, lo), bisect.bisect_left(tok_starts, hi)):
        w, h = word_of(tok_starts[t]), word_of(tok_heads[t])
        if w is None or h is None or w == h:
            continue
        # a word of several tokens (وبالقصف) takes the relation of the token that leaves the word
        out.setdefault(w, (h, rels[t]))
    return out


def quoted_words(text: str, words: list[Word], inside: bool) -> tuple[list[bool], bool]:
    """Whether each word stands inside quotation marks, and whether a quote is still open after the last."""
    flags = []
    pos = words[0].start if words else 0
    for w in words:
        for ch in text[pos:w.start]:
            if ch in OPENERS:
                inside = True
            elif ch in CLOSERS:
                inside = False
            elif ch in TOGGLES:
                inside = not inside
        flags.append(inside)
        pos = w.end
    return flags, inside


def passive_words(words: list[Word]) -> frozenset[int]:
    """Words that are passive verbs: a damma on an early letter (قُصفت، استُهدف).

    The parser's Voice=Pass is not used: on unvocalised text it marks active verbs (حذروا) as passive.
    """
    return frozenset(w.index - words[0].index for w in words if "\u064f" in w.text[:4] and len(w.text) > 3)


def speaker_of(words: list[Word], refs: list[ActorRef], lex: Lexicon) -> tuple[bool, ActorRef | None]:
    """(has a verb of saying, its subject): the actor right after the first verb of saying (VSO), else right
    before it (SVO); a verb of saying joined by و with nobody after it goes on with the subject of the
    sentence's first clause (حذرت واشنطن ... وذكرت أنها). With no verb of saying, an actor opening the sentence
    and a colon soon after it (نتنياهو: سنواصل الحرب) is its speaker."""
    ref_at = {k: r for r in refs for k in range(r.first, r.last)}
    for j, w in enumerate(words):
        bare = w.norm.lstrip("وف")
        if bare in lex.reporting_verbs or w.norm in lex.reporting_verbs:
            after = ref_at.get(j + 1) or (ref_at.get(j + 2) if j + 1 < len(words) and
                                         words[j + 1].norm in lex.skip_words else None)
            if after is None and j + 1 < len(words) and words[j + 1].key in lex.heads["plural_titles"]:
                after = next((r for r in refs if j + 1 < r.first <= j + PLURAL_TITLE_REACH and r.kind == "Official"
                              and r.how in ("kb", "title")), None)  # (قال وزراء الخارجية الروسي … سيرغي لافروف)
            if after is None and w.norm.startswith("و") and j > 0:
                after = next((r for r in refs if r.first < j and r.kind not in ("Location", "MediaOutlet")
                              and r.how != "nisba"), None)
            elif after is None and j > 0 and not words[j - 1].comma_after and not words[j - 1].breaks_after:
                after = ref_at.get(j - 1)
            if after is not None and after.kind in ("Location", "MediaOutlet"):
                return True, None
            return True, after
    colon = next((k for k, w in enumerate(words[:COLON_REACH]) if ":" in w.gap_after), None)
    first = next((r for r in refs if r.first == 0), None)
    if colon is not None and first is not None and first.last <= colon + 1 and first.kind not in ("Location",
                                                                                                   "MediaOutlet"):
        return True, first  # (نتنياهو: سنواصل الحرب، بوتين مهددا الغرب: سنضرب — a headline's speaker and colon)
    return False, None


PLURAL_TITLE_REACH = 8  # words from a plural title after a verb of saying to the first person it names
COLON_REACH = 6  # words from a sentence's start within which "NAME ...:" opens what the name says


def with_longer_names(refs: list[ActorRef], words: list[Word], lex: Lexicon, upos: list[str] | None = None
                      ) -> list[ActorRef]:
    """Each mention with, as variant names, the noun phrase it heads (`phrase_ends`): news names actors by
    such phrases (قاعدة العديد الجوية الأمريكية في قطر, القواعد الأمريكية المنتشرة في المنطقة, المدنيين
    الأوكرانيين في خيرسون), and the longer surface names the same actor. A known actor other than a place keeps
    its own names: "حزب العمال الكردستاني في جبال قنديل" locates the party, and would label its shared node."""
    starts = {r.first: r for r in refs}
    out = []
    for ref in refs:
        if ref.how not in ("nisba", "anaphor", "title") and ref.kind != "State" \
                and (ref.how != "kb" or ref.kind == "Location") \
                and not ActorFinder.is_body(ref):
            for k in phrase_ends(words, ref.last, starts, lex, upos or [], modifiers=True):
                span = (ref.start, words[k - 1].end)
                if span not in ref.variants and span != (ref.start, ref.end):
                    ref = replace(ref, variants=(*ref.variants, span))
        out.append(ref)
    return out


DATELINE_SENTENCES = 4  # a dateline opens one of the article's first lines
DATELINE_MARKS = ":-–—ـ|"


def is_dateline(ref: ActorRef, text: str) -> bool:
    """Whether a place opens its line as a dateline, where the report was filed (طهران (ا ف ب) –، إيلاف من بيروت:،
    بغداد - ): it is no participant of the events told after it. The caller checks that the line begins there.

    >>> from akhbar.extract.actors import ActorRef
    >>> text = "إيلاف من بيروت: هدد نواب إسرائيل."
    >>> is_dateline(ActorRef(("beirut",), 2, 3, 9, 14, "بيروت", "Location", "kb"), text)
    True
    """
    filed_from = text[max(0, ref.start - 4):ref.start].strip().endswith("من")
    if ref.kind != "Location" or not (ref.first == 0 or (ref.first <= 2 and filed_from)):
        return False
    after = text[ref.end:ref.end + 40].lstrip()
    agency = after.startswith("(") and after.find(")") > 0
    if agency:
        after = after[after.find(")") + 1:].lstrip()
    mark = after[:1]
    # ("غزة: مقتل ..." is a title's topic, not a dateline: a colon counts only after an agency or "outlet من")
    return mark != "" and mark in DATELINE_MARKS and (mark != ":" or agency or filed_from)


def with_counts(refs: list[ActorRef], words: list[Word], lex: Lexicon) -> list[ActorRef]:
    """Each mention right after a counting word (عدة مطارات عسكرية، 5 قواعد أمريكية، أربع سفن، جميع شركات الشحن)
    or a quantity and من (عدد من أعضاء البرلمان) with, as variant names, its names with the count before them:
    news names a counted target or group with its count."""
    out = []
    for ref in refs:
        k = ref.first - 1
        if k >= 1 and words[k].norm == "من" and words[k - 1].norm in lex.particles["partitive"] \
                and not words[k - 1].gap_after.strip():
            k -= 1  # (عدد من)
        if k >= 0 and ref.start == words[ref.first].start and not words[k].gap_after.strip() \
                and (words[k].norm.isdigit() or words[k].norm in lex.particles["counting"]
                     or words[k].norm in lex.particles["partitive"]):
            start = words[k].start
            extra = [(start, end) for begin, end in ((ref.start, ref.end), *ref.variants) if begin == ref.start]
            ref = replace(ref, variants=(*ref.variants, *(e for e in extra if e not in ref.variants)))
        out.append(ref)
    return out


def names_water(ref: ActorRef, words: list[Word], lex: Lexicon) -> bool:
    """Whether a place or state only names the body of water before it (بحر اليابان، خليج عمان، بحر العرب): the sea
    is no actor, and what falls into it strikes no state (GUIDELINES §3: a body of water is never struck).

    >>> from akhbar.extract.lexicon import load_lexicon
    >>> ws = words_of("سقط الصاروخ في بحر اليابان")
    >>> names_water(ActorRef(("j",), 4, 5, 0, 0, "اليابان", "State", "kb"), ws, load_lexicon())
    True
    """
    if ref.kind not in ("State", "Location") or ref.first == 0:
        return False
    head = words[ref.first - 1]
    return head.key in lex.heads["waters"] and head.key not in AMBIGUOUS_WATERS and not definite(head.norm) \
        and not head.gap_after.strip()


AMBIGUOUS_WATERS = frozenset({"محيط"})  # (محيط مدينة حلب: the surroundings of a city, not an ocean)


def read_units(doc: Doc | None, article: Article, kb: KnowledgeBase, lex: Lexicon | None = None) -> ArticleUnits:
    """Split, match actors and triggers, and attach the parse, for every sentence of an article."""
    lex = lex or load_lexicon()
    source, text = article, reading_text(article.text)
    if text != article.text:
        article = replace(article, text=text)  # (what the matchers read; spans are written from `source`)
    finder = ActorFinder(kb, lex, text, scope=article.identifier)
    parse = _parse_arrays(doc)
    units = ArticleUnits(article, finder, lex, kb, [], source=source if article is not source else None)
    inside = False
    last_line_end = 0
    read = [(s_start, s_end, words, word_tags(parse, words)) for s_start, s_end in sentence_spans(text)
            if (words := words_of(text, s_start, s_end))]
    finder.foresee([(words, tags) for _, _, words, tags in read])
    for s_start, s_end, words, tags in read:
        if "\n" in text[last_line_end:s_start]:
            inside = False  # a quotation does not run across paragraphs
        last_line_end = s_end
        triggers = find_triggers(words, lex, text)
        upos = word_pos(tags)
        refs = with_counts(with_longer_names(finder.find(words, tags), words, lex, upos), words, lex)
        refs = [r for r in refs if not names_water(r, words, lex)]
        if len(units.sentences) < DATELINE_SENTENCES and (s_start == 0 or text[s_start - 1] == "\n"):
            refs = [r for r in refs if not is_dateline(r, text)]
        continued = inside  # (a quotation opened in an earlier sentence of the paragraph runs on into this one)
        quoted, inside = quoted_words(text, words, inside)
        says, speaker = speaker_of(words, refs, lex)
        if continued and speaker is None and not says and quoted and quoted[0] and units.sentences:
            speaker = units.sentences[-1].speaker  # وقال باراك: "... . سأبلغ ...": the quote's speaker goes on
        triggers = sorted(triggers + conditional_threats(words, triggers, lex, quoted, says)
                          + named_killings(words, refs, triggers, lex, kb), key=lambda t: t.first)
        if speaker is not None:
            speaker = finder.speaks_for.get(speaker.iri, speaker)
        upos = upos if triggers else []
        unit = SentenceUnit(len(units.sentences), s_start, s_end, words, refs, triggers,
                            head_table(parse, words) if triggers else {}, passive_words(words), quoted,
                            speaker, says, upos, with_counts(open_phrases(finder, words, refs, triggers, upos, text),
                                                             words, lex))
        units.sentences.append(unit)
        for r in refs:
            for iri in r.iris:
                units.mention_counts[iri] += 1
    return units
