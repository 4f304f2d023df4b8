"""The training recipe end to end on a tiny hand-written treebank (a few steps, not a real model)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from akhbar.analysis import load_analyser
from akhbar.analysis.conllu import read_conllu
from akhbar.analysis.train import SCORES_FILE, TRAINING_FILE, sentence_to_doc, split_treebank
from akhbar.cli import app

from .conftest import TINY_CONLLU


def test_split_is_deterministic_80_10_10() -> None:
    sentences = read_conllu(TINY_CONLLU)
    split = split_treebank(sentences)
    assert [len(split.train), len(split.dev), len(split.test)] == [8, 1, 1]
    assert split.dev[0] is sentences[8] and split.test[0] is sentences[9]


def test_gold_doc_uses_normalised_forms_and_spacy_root() -> None:
    from spacy.vocab import Vocab

    doc = sentence_to_doc(Vocab(), read_conllu(TINY_CONLLU)[1])
    assert [t.text for t in doc][:2] == ["و", "حذر"]
    assert doc[1].dep_ == "ROOT" and doc[0].head.i == 1
    assert doc[0].lemma_ == "و" and doc[1].pos_ == "VERB"


def test_train_command_produces_a_loadable_model(tmp_path: Path) -> None:
    out = tmp_path / "model"
    result = CliRunner().invoke(app, ["model", "train", str(TINY_CONLLU), "--output", str(out),
                                      "--max-steps", "6", "--tokenizer-epochs", "1",
                                      "--tokenizer-batch", "2", "--set", "components.parser.min_action_freq=1"])
    assert result.exit_code == 0, result.output
    scores = json.loads((out / SCORES_FILE).read_text(encoding="utf-8"))
    assert scores["gold_words"] == 7 and 0 <= scores["las"] <= 100
    assert json.loads((out / TRAINING_FILE).read_text(encoding="utf-8"))["sentences"]["train"] == 8
    analyser = load_analyser(str(out))
    text = "قال الرئيس.\nوحذر الوزير."
    assert analyser(text).text == text


def test_augmentation_glues_wa_to_verb_initial_sentences() -> None:
    from akhbar.analysis.train import augment_initial_conjunction

    sentences = read_conllu(TINY_CONLLU)
    extra = augment_initial_conjunction(sentences)
    verb_initial = [s for s in sentences if s.words[0].upos == "VERB"]
    assert len(extra) == len(verb_initial) > 0
    first = extra[0]
    assert first.text.startswith("و" + verb_initial[0].words[0].form)
    assert first.words[0].head == 2 and not first.words[0].space_after
    # heads still point at the same words after the shift
    original = verb_initial[0]
    for w_old, w_new in zip(original.words, first.words[1:], strict=True):
        assert w_new.form == w_old.form
        assert (w_new.head - 1 if w_new.head else 0) == w_old.head
