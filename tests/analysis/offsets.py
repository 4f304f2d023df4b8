"""Offset invariants shared by the analyser tests."""

from __future__ import annotations

from akhbar.analysis import Analyser

ARABIC = "".join(chr(c) for c in range(0x0621, 0x064B)) + "ـًٌٍَُِّْ،؛؟«»٠١٢٣"
ALPHABET = ARABIC + "abcXYZ019" + ".,;:!?\"'()-–“”‘’%/" + " \t\n\u00a0\u200f\u200d"


def check_offsets(analyser: Analyser, text: str) -> None:
    """The invariants every analysis must keep."""
    doc = analyser(text)
    assert doc.text == text
    pos = 0
    for token in doc:
        assert token.idx == pos
        assert text[token.idx:token.idx + len(token.text)] == token.text
        pos = token.idx + len(token.text) + len(token.whitespace_)
    assert pos == len(text)
    for sent in doc.sents:
        assert text[sent.start_char:sent.end_char] == sent.text
        # a newline always ends a sentence
        assert "\n" not in sent.text.strip()
