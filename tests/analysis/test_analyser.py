"""The default analyser: exact offsets, sentences per line, clitics split, annotations set."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.analysis import Analyser, AnalysisError, load_analyser

from .offsets import ALPHABET, check_offsets

ARTICLE = (
    "واشنطن تحذر طهران من التصعيد\n\n"
    "قال وزير الخارجية الأمريكي، يوم الاثنين: «سنرد بقوة على أي هجوم». "
    "وأضاف أن بلاده لن تقبل بذلك؟\n"
)

def test_doc_text_is_the_original(analyser: Analyser) -> None:
    check_offsets(analyser, ARTICLE)


def test_headline_is_its_own_sentence(analyser: Analyser) -> None:
    doc = analyser(ARTICLE)
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents[0] == "واشنطن تحذر طهران من التصعيد"
    assert len(sents) >= 3


def test_clitics_are_split_with_exact_offsets(analyser: Analyser) -> None:
    text = "قال الرئيس إن بلاده سترد بقوة وأضاف أن الهجوم لن يمر."
    doc = analyser(text)
    words = [t.text for t in doc]
    k = words.index("أضاف")
    assert words[k - 1] == "و"
    assert doc[k - 1].idx == text.index("وأضاف") and doc[k].idx == text.index("وأضاف") + 1
    assert not doc[k - 1].whitespace_


def test_normalised_forms_keep_original_text(analyser: Analyser) -> None:
    text = "قـــالَ الرئيسُ، «سنرد»؟"
    doc = analyser(text)
    assert doc.text == text
    texts = [t.text for t in doc if not t.is_space]
    assert "«" in texts and "؟" in texts and "،" in texts
    assert any(t.text == "قـــالَ" and t.norm_ == "قال" for t in doc)


def test_annotations_are_set(analyser: Analyser) -> None:
    doc = analyser(ARTICLE)
    words = [t for t in doc if not t.is_space]
    assert all(t.pos_ for t in words)
    assert all(t.lemma_ for t in words)
    assert all(t.dep_ for t in words)
    assert {t.pos_ for t in words} >= {"NOUN", "VERB", "PUNCT"}
    for t in doc:
        if t.is_space:
            assert t.pos_ == "SPACE"
            assert t.head.sent == t.sent
    for sent in doc.sents:
        roots = [t for t in sent if t.head.i == t.i]
        assert len(roots) >= 1


def test_pipe_matches_call(analyser: Analyser) -> None:
    texts = ["قال الرئيس.", "", "  \n", ARTICLE]
    for text, doc in zip(texts, analyser.pipe(texts), strict=True):
        assert doc.text == text
        assert [t.text for t in doc] == [t.text for t in analyser(text)]


def test_load_analyser_is_cached_and_reports_missing_models(tmp_path: object) -> None:
    assert load_analyser("default") is load_analyser("default")
    with pytest.raises(AnalysisError, match="not found"):
        load_analyser("udpipe:/nonexistent/model.udpipe")
    with pytest.raises(AnalysisError, match="unknown analysis model"):
        load_analyser("no-such-model")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_offsets_hold_for_random_text(analyser: Analyser, text: str) -> None:
    check_offsets(analyser, text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_offsets_hold_for_any_unicode(analyser: Analyser, text: str) -> None:
    check_offsets(analyser, text)


def test_a_bare_spacy_pipeline_folder_uses_the_shipped_tokenizer() -> None:
    from akhbar.analysis import MODEL_DIR

    analyser = load_analyser(str(MODEL_DIR / "spacy"))
    text = "قال الرئيس إن بلاده سترد."
    assert [t.text for t in analyser(text)] == [t.text for t in load_analyser("default")(text)]


def test_latin_words_are_not_split(analyser: Analyser) -> None:
    text = "قالت الممثلة Keira Knightley إن Kiera وصلت."
    words = [t.text for t in analyser(text) if not t.is_space]
    assert "Keira" in words and "Knightley" in words and "Kiera" in words
