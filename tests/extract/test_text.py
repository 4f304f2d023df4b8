"""Sentence splitting (as the annotation guidelines split) and words with exact offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from akhbar.extract.text import sentence_spans, words_of


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_newline_always_ends_a_sentence() -> None:
    assert split("عنوان بلا نقطة\nجملة أولى. جملة ثانية؟") == ["عنوان بلا نقطة", "جملة أولى.", "جملة ثانية؟"]


def test_period_needs_following_space_and_not_digits_or_double_dots() -> None:
    assert split("بلغت النسبة 3.5 بالمئة.. ثم ارتفعت.") == ["بلغت النسبة 3.5 بالمئة.. ثم ارتفعت."]
    assert split("قال: “انتهى الأمر.” ثم غادر.") == ["قال: “انتهى الأمر.”", "ثم غادر."]


def test_quote_only_fragment_joins_the_sentence_before() -> None:
    assert split("قال “لن نتراجع.” ”") == ["قال “لن نتراجع.” ”"]


def test_words_keep_offsets_and_fold_spelling() -> None:
    text = "وحذّرت أمريكا"
    words = words_of(text)
    assert [text[w.start:w.end] for w in words] == ["وحذّرت", "أمريكا"]
    assert words[0].norm == "وحذرت"
    assert words[0].offset_after(1, text) == 1  # after the clitic و


@given(st.text(alphabet="ابت ثج.؟!\n“”\"٣", max_size=60))
def test_sentences_are_exact_ordered_and_trimmed(text: str) -> None:
    spans = sentence_spans(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert "\n" not in text[s:e]
        last = e


def test_words_know_the_gap_to_the_next_word() -> None:
    text = "قال الوزير: إن الجيش، والشرطة جاهزون"
    words = words_of(text)
    assert [w.gap_after for w in words] == [" ", ": ", " ", "، ", " ", ""]
    assert [w.breaks_after for w in words] == [False, True, False, False, False, False]
    assert [w.comma_after for w in words] == [False, False, False, True, False, False]
    assert words[1].key == "وزير" and ("وزير", 0) in words[1].readings
