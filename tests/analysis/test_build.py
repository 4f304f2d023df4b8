"""Building Docs over the original text from model tokens."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from akhbar.analysis.build import OffsetError, Tok, build_doc, split_surface


def test_split_surface_exact_and_aligned() -> None:
    assert split_surface("وقال", ["و", "قال"]) == [(0, 1), (1, 4)]
    # ل + السلطة over للسلطة: the article's alif is not in the surface
    assert split_surface("للسلطة", ["ل", "السلطة"]) == [(0, 1), (1, 6)]
    assert split_surface("ab", ["x", "y", "z"]) is None
    assert split_surface("", []) is None


def test_whitespace_and_stray_marks() -> None:
    text = "  قال\u0640 x\n\n\u200fy"
    toks = [[Tok(2, 5, "VERB", "", "قال", "ROOT", -1), Tok(7, 8, "X", "", "x", "dep", 0)],
            [Tok(11, 12, "X", "", "y", "ROOT", -1)]]
    doc = build_doc(Vocab(), text, toks)
    assert doc.text == text
    assert [t.text for t in doc] == ["  ", "قال\u0640", "x", "\n\n", "\u200fy"]
    assert [t.pos_ for t in doc] == ["SPACE", "VERB", "X", "SPACE", "X"]
    sents = [s.text for s in doc.sents]
    assert sents == ["  قال\u0640 x\n\n", "\u200fy"]
    assert doc[0].head.i == 1 and doc[3].head.i == 2


def test_stray_token_of_its_own_line_is_its_own_sentence() -> None:
    text = "a\n\u064b\nb"
    doc = build_doc(Vocab(), text, [[Tok(0, 1, "X", dep="ROOT")], [Tok(4, 5, "X", dep="ROOT")]])
    assert doc.text == text
    assert [s.text for s in doc.sents] == ["a\n", "\u064b\n", "b"]


def test_overlapping_tokens_are_refused() -> None:
    with pytest.raises(OffsetError):
        build_doc(Vocab(), "abc", [[Tok(0, 2), Tok(1, 3)]])
