"""Building a spaCy Doc over the ORIGINAL text from model tokens given as original offsets.

Whatever a model does (normalisation, clitic splitting, multiword tokens), it hands this module
tokens as [start, end) ranges of the original text plus their annotations. The Doc is then made of
original substrings only, so `doc.text == text` and every token's offsets are exact. Characters no
model token covers become part of an adjacent token (marks such as tatweel or diacritics that the
model never saw), whitespace tokens (spaCy's convention: one plain space goes into `whitespace_`,
anything else is a SPACE token), or a token of its own tagged X.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

SPACE_POS = "SPACE"
OTHER_POS = "X"
ATTACH_DEP = "dep"  # relation of whitespace and stray tokens to their neighbour
ROOT_DEP = "ROOT"
_ATTRS = [POS, MORPH, LEMMA, DEP, HEAD, NORM]


class OffsetError(ValueError):
    """Model tokens that are not ordered, non-overlapping, non-empty ranges of the text."""


@dataclass(slots=True)
class Tok:
    """A model token: original [start, end), annotations, and head index within its sentence (-1: root).

    `ids` may carry the annotations already as vocabulary ids (POS id, MORPH, LEMMA, DEP and NORM
    hashes), which spares string look-ups for spaCy models; it then wins over the strings.
    """

    start: int
    end: int
    pos: str = ""
    morph: str = ""
    lemma: str = ""
    dep: str = ""
    head: int = -1
    norm: str = ""
    ids: tuple[int, int, int, int, int] | None = None


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    kind: str  # "model", "space" or "other"
    sent: int = -1
    tok: Tok | None = None
    tok_index: int = -1  # index within its sentence


def split_surface(surface: str, forms: Sequence[str]) -> list[tuple[int, int]] | None:
    """Split a multiword token's surface among its words' forms, as offsets into `surface`.

    Exact when the forms concatenate to the surface; otherwise boundaries are placed by a character
    alignment (e.g. Arabic ل + السلطة over للسلطة). None when some word would get no character.
    """
    if not forms:
        return None
    if "".join(forms) == surface:
        out, pos = [], 0
        for form in forms:
            out.append((pos, pos + len(form)))
            pos += len(form)
        return out
    joined = "".join(forms)
    blocks = difflib.SequenceMatcher(None, joined, surface, autojunk=False).get_matching_blocks()

    def to_surface(b: int) -> int:
        for a, s, size in blocks:
            if a <= b < a + size:
                return s + (b - a)
            if b < a:
                return s
        return len(surface)

    bounds = [0]
    cum = 0
    for form in forms[:-1]:
        cum += len(form)
        bounds.append(min(max(to_surface(cum), bounds[-1]), len(surface)))
    bounds.append(len(surface))
    spans = list(itertools.pairwise(bounds))
    if any(end <= start for start, end in spans):
        return None
    return spans


def _pieces(text: str, sentences: Sequence[Sequence[Tok]]) -> list[_Piece]:
    """Cover the whole text with model, whitespace and stray pieces, in order."""
    model = [_Piece(t.start, t.end, "model", si, t, ti)
             for si, sent in enumerate(sentences) for ti, t in enumerate(sent)]
    model.sort(key=lambda p: p.start)
    prev_end = 0
    for p in model:
        if p.start < prev_end or p.end <= p.start or p.end > len(text):
            raise OffsetError(f"model token [{p.start}, {p.end}) overlaps or leaves the text")
        prev_end = p.end
    pieces: list[_Piece] = []
    pos = 0
    for nxt in [*model, None]:
        gap_end = nxt.start if nxt is not None else len(text)
        i = pos
        while i < gap_end:
            j = i
            space = text[i].isspace()
            while j < gap_end and text[j].isspace() == space:
                j += 1
            if space:
                pieces.append(_Piece(i, j, "space"))
            elif pieces and pieces[-1].kind != "space" and pieces[-1].end == i:
                pieces[-1].end = j  # a mark glued to the previous token
            elif nxt is not None and j == nxt.start:
                nxt.start = i  # a mark glued to the next token
            else:
                pieces.append(_Piece(i, j, "other"))
            i = j
        if nxt is not None:
            pieces.append(nxt)
            pos = nxt.end
    return pieces


def _sentence_ids(text: str, owners: list[_Piece], n_model_sents: int) -> list[int]:
    """Sentence of every token; sentences are contiguous runs of tokens.

    Whitespace joins the current sentence (so a newline ends it), or the first sentence when the text
    starts with whitespace. A stray token joins the current sentence if the previous non-space token
    is on the same line, else the next model token's sentence if on the same line, else it starts a
    sentence of its own.
    """
    n = len(owners)
    line_of: list[int] = []
    line, pos = 0, 0
    for p in owners:
        line += text.count("\n", pos, p.start)
        pos = p.start
        line_of.append(line)
    sent = [-1] * n
    current, last_word, extra = -1, -1, n_model_sents
    for i, p in enumerate(owners):
        if p.kind == "space":
            sent[i] = current
            continue
        if p.kind == "model":
            current = p.sent
        elif not (current >= 0 and last_word >= 0 and line_of[last_word] == line_of[i]):
            nxt = next((j for j in range(i + 1, n) if owners[j].kind != "space"), -1)
            if nxt >= 0 and owners[nxt].kind == "model" and line_of[nxt] == line_of[i]:
                current = owners[nxt].sent
            else:
                current, extra = extra, extra + 1
        sent[i] = current
        last_word = i
    first = next((s for s in sent if s >= 0), extra)
    return [first if s < 0 else s for s in sent]


def build_doc(vocab: Vocab, text: str, sentences: Sequence[Sequence[Tok]]) -> Doc:
    """A Doc whose text is exactly `text`, annotated from the model tokens of each sentence."""
    pieces = _pieces(text, sentences)
    # Words and spaces: a single plain space after a non-space piece goes to whitespace_.
    words: list[str] = []
    spaces: list[bool] = []
    owners: list[_Piece] = []
    for p in pieces:
        if p.kind == "space" and words and not words[-1].isspace() and text[p.start] == " ":
            spaces[-1] = True
            if p.end - p.start == 1:
                continue
            p = _Piece(p.start + 1, p.end, "space")
        words.append(text[p.start:p.end])
        spaces.append(False)
        owners.append(p)
    n = len(words)
    sent = _sentence_ids(text, owners, len(sentences))
    # Doc index of every model token, by (sentence, index in sentence).
    where: dict[tuple[int, int], int] = {(p.sent, p.tok_index): i for i, p in enumerate(owners)
                                         if p.kind == "model"}
    heads = list(range(n))
    strings = vocab.strings
    space_pos, other_pos = IDS[SPACE_POS], IDS[OTHER_POS]
    attach, root = strings.add(ATTACH_DEP), strings.add(ROOT_DEP)
    rows = numpy.zeros((n, 6), dtype="uint64")
    for i, p in enumerate(owners):
        t = p.tok
        if t is not None:
            if t.ids is not None:
                pos_id, morph, lemma, dep, norm = t.ids
            else:
                pos_id = IDS.get(t.pos, 0) if t.pos else 0
                morph = vocab.morphology.add(t.morph) if t.morph else 0
                lemma = strings.add(t.lemma) if t.lemma else 0
                dep = strings.add(t.dep) if t.dep else 0
                norm = strings.add(t.norm) if t.norm else 0
            rows[i, 0] = pos_id
            rows[i, 1] = morph
            rows[i, 2] = lemma or strings.add(words[i])
            rows[i, 5] = norm or strings.add(words[i])
            if t.head >= 0 and (p.sent, t.head) in where and where[(p.sent, t.head)] != i:
                heads[i] = where[(p.sent, t.head)]
                rows[i, 3] = dep or attach
            else:
                rows[i, 3] = root
        else:
            rows[i, 0] = space_pos if p.kind == "space" else other_pos
            rows[i, 2] = rows[i, 5] = strings.add(words[i])
            rows[i, 3] = root
    # Attach non-model tokens to the nearest model token of their sentence (previous, else next).
    for i, p in enumerate(owners):
        if p.kind == "model":
            continue
        target = -1
        for j in range(i - 1, -1, -1):
            if sent[j] != sent[i]:
                break
            if owners[j].kind == "model":
                target = j
                break
        if target < 0:
            for j in range(i + 1, n):
                if sent[j] != sent[i]:
                    break
                if owners[j].kind == "model":
                    target = j
                    break
        if target < 0:  # a sentence without model tokens: its first token is the root
            first = i
            while first > 0 and sent[first - 1] == sent[i]:
                first -= 1
            target = first
        if target != i:
            heads[i] = target
            rows[i, 3] = attach
    rows[:, 4] = (numpy.arange(n, dtype="int64") * -1 + numpy.array(heads, dtype="int64")).astype("uint64")
    doc = Doc(vocab, words=words, spaces=spaces)
    if n:
        doc.from_array(_ATTRS, rows)
    return doc
