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


def test_an_article_with_web_spaces_and_persian_letters_reads_as_the_clean_one_with_its_own_spans() -> None:
    from akhbar.analysis import load_analyser
    from akhbar.extract import extract
    from akhbar.graph.rdf import extraction_quads
    from akhbar.kb import load_kb
    from akhbar.records import Article, Extraction

    def read(text: str) -> Extraction:
        return extract(load_analyser("default")(text), Article("t", "t.txt", text), load_kb())

    clean = "حذر الحرس الثوري الإيراني إسرائيل من مهاجمة مدينة صور."
    messy = clean.replace(" ", "\u00a0").replace("الثوري", "الثوری").replace("حذر", "\u200fحذر")
    got, want = read(messy), read(clean)
    assert [(e.action, e.agent, e.target) for e in got.events] == [(e.action, e.agent, e.target) for e in want.events]
    assert got.events and got.article.text == messy  # the article as given is what the graph stores
    assert all(messy[m.span.start:m.span.end] == m.text for m in got.mentions)
    assert extraction_quads(got)  # (every span and surface is checked against the stored text on writing)


def test_reading_text_keeps_every_offset() -> None:
    from akhbar.extract.text import reading_text

    text = "قال\u00a0المتحدث\u202fباسم\u200f الجيش\tالایرانی"
    assert len(reading_text(text)) == len(text)
    clean = "قال المتحدث باسم  الجيش الايراني"
    assert [w.norm for w in words_of(reading_text(text))] == [w.norm for w in words_of(clean)]


def test_a_word_behind_a_direction_mark_keeps_its_part_of_speech() -> None:
    from akhbar.analysis import load_analyser
    from akhbar.extract.units import read_units
    from akhbar.kb import load_kb
    from akhbar.records import Article

    analyse = load_analyser("default")
    clean = "قصفت الطائرات الإسرائيلية مواقع في جنوب لبنان."
    marked = clean.replace(" ", " \u200f")
    tags = []
    for text in (clean, marked):
        units = read_units(analyse(text), Article("t", "t.txt", text), load_kb())
        tags.append(units.sentences[0].upos)
    assert tags[1] == tags[0] and "X" not in tags[0]


def test_sentences_are_trimmed_of_marks_as_of_spaces() -> None:
    assert split("\u200fقصف الجيش.\u00a0\u200fوحذر.") == ["قصف الجيش.", "وحذر."]
