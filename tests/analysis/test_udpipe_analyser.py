"""`udpipe:PATH` models: offsets hold, also across multiword tokens whose forms differ from the text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.analysis import load_analyser
from akhbar.analysis.analyser import UDPipeAnalyser

from .offsets import ALPHABET, check_offsets


def test_udpipe_spec_loads_a_udpipe_file(tiny_udpipe: Path) -> None:
    analyser = load_analyser(f"udpipe:{tiny_udpipe}")
    assert isinstance(analyser, UDPipeAnalyser)
    check_offsets(analyser, "قال الرئيس.\nوحذر الوزير من الهجوم.")


def test_multiword_tokens_keep_offsets(tiny_mwt_udpipe: Path) -> None:
    analyser = UDPipeAnalyser(tiny_mwt_udpipe)
    text = "نقل للسلطة وكتابه."
    doc = analyser(text)
    assert doc.text == text
    words = [t.text for t in doc]
    # ل + السلطة is aligned onto the surface للسلطة: every token is an original substring
    assert words[1:3] == ["ل", "لسلطة"]
    assert [t.norm_ for t in doc][1:3] == ["ل", "السلطة"]  # the model's forms stay available as norm_
    for t in doc:
        assert text[t.idx:t.idx + len(t.text)] == t.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=ALPHABET + "للسلطةوكتابه", max_size=60))
def test_udpipe_offsets_hold_for_random_text(tiny_mwt_udpipe: Path, text: str) -> None:
    check_offsets(UDPipeAnalyser(tiny_mwt_udpipe), text)


def test_full_udpipe_model_tags_and_parses_across_multiword_tokens(tiny_full_udpipe: Path) -> None:
    text = "نقل للسلطة وكتابه.\nقال الرئيس."
    doc = load_analyser(f"udpipe:{tiny_full_udpipe}")(text)
    check_offsets(load_analyser(f"udpipe:{tiny_full_udpipe}"), text)
    words = [t for t in doc if not t.is_space]
    assert all(t.pos_ for t in words) and all(t.lemma_ for t in words) and all(t.dep_ for t in words)
    assert [s.text.strip() for s in doc.sents] == ["نقل للسلطة وكتابه.", "قال الرئيس."]
    for sent in doc.sents:
        assert all(t.head.sent == sent for t in sent)
        assert sum(t.head.i == t.i for t in sent) >= 1
