"""CoNLL-U reading and writing."""

from __future__ import annotations

from pathlib import Path

from akhbar.analysis.conllu import parse_conllu, read_conllu, write_sentences

DATA = Path(__file__).parent / "data"


def test_read_and_rebuild_text() -> None:
    sentences = read_conllu(DATA / "tiny.conllu")
    assert len(sentences) == 10
    for s in sentences:
        rebuilt = "".join(w.form + (" " if w.space_after else "") for w in s.words).rstrip(" ")
        assert rebuilt == s.text


def test_write_round_trip_keeps_multiword_tokens() -> None:
    sentences = read_conllu(DATA / "tiny_mwt.conllu")
    again = list(parse_conllu(write_sentences(sentences).splitlines()))
    assert [s.multiword for s in again] == [s.multiword for s in sentences]
    assert [[w.form for w in s.words] for s in again] == [[w.form for w in s.words] for s in sentences]
    assert again[0].multiword[0][:3] == (2, 3, "للسلطة")
