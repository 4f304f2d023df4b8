"""Normalisation keeps a map from every kept character back to the original."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from akhbar.analysis.normalise import DELETE_CHARS, normalise, normalise_form


def test_punctuation_and_digits_map_one_for_one() -> None:
    text = "«قال» ، هل؟ ١٢٣؛"
    n = normalise(text)
    assert n.text == '"قال" , هل? 123;'
    assert n.origin == tuple(range(len(text)))


def test_tatweel_and_diacritics_are_deleted_with_their_origin_kept() -> None:
    text = "وَقـــالَ x"
    n = normalise(text)
    assert n.text == "وقال x"
    assert [text[i] for i in n.origin] == ["و", "ق", "ا", "ل", " ", "x"]
    # a token over "وقال" maps back to the original word without the trailing fatha
    assert n.span(0, 4) == (0, 8)
    assert text[slice(*n.span(0, 4))] == "وَقـــال"


def test_normalise_form_matches_normalise_text() -> None:
    text = "\u200fمرحبًا، “عالم”"
    assert normalise_form(text) == normalise(text).text == 'مرحبا, "عالم"'


@given(st.text())
def test_origin_is_increasing_and_points_at_kept_characters(text: str) -> None:
    n = normalise(text)
    assert len(n.text) == len(n.origin)
    assert list(n.origin) == sorted(set(n.origin))
    assert all(text[i] not in DELETE_CHARS for i in n.origin)
    assert len(n.text) == len(text) - sum(ch in DELETE_CHARS for ch in text)
