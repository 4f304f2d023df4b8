"""Shared fixtures: the shipped default analyser and a tiny UDPipe tokenizer trained on the fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar.analysis import Analyser, load_analyser
from akhbar.analysis.conllu import read_conllu
from akhbar.analysis.train import TOKENIZER_OPTIONS, train_tokenizer

DATA = Path(__file__).parent / "data"
TINY_CONLLU = DATA / "tiny.conllu"
TINY_MWT_CONLLU = DATA / "tiny_mwt.conllu"
FAST_TOKENIZER = TOKENIZER_OPTIONS.replace("epochs=100", "epochs=1").replace("batch_size=50", "batch_size=2")


@pytest.fixture(scope="session")
def analyser() -> Analyser:
    """The shipped default model."""
    return load_analyser("default")


@pytest.fixture(scope="session")
def tiny_udpipe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A UDPipe tokenizer-only model trained for 2 epochs on the hand-written fixture."""
    sentences = read_conllu(TINY_CONLLU)
    path = tmp_path_factory.mktemp("udpipe") / "tiny.udpipe"
    train_tokenizer(sentences[:8], sentences[8:], path, FAST_TOKENIZER)
    return path


@pytest.fixture(scope="session")
def tiny_mwt_udpipe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A UDPipe tokenizer trained on a fixture with multiword tokens (forms differ from the surface)."""
    sentences = read_conllu(TINY_MWT_CONLLU)
    path = tmp_path_factory.mktemp("udpipe") / "tiny_mwt.udpipe"
    train_tokenizer(sentences * 20, sentences, path, FAST_TOKENIZER)
    return path


@pytest.fixture(scope="session")
def tiny_full_udpipe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A complete UDPipe model (tokenizer, tagger, lemmatizer, parser), trained briefly on the fixtures."""
    from ufal.udpipe import InputFormat, ProcessingError, Trainer
    from ufal.udpipe import Sentence as UDSentence

    from akhbar.analysis.conllu import write_sentences

    reader = InputFormat.newConlluInputFormat()
    reader.setText(write_sentences(read_conllu(TINY_MWT_CONLLU) * 20 + read_conllu(TINY_CONLLU) * 5))
    error = ProcessingError()
    sentences: list[UDSentence] = []
    sentence = UDSentence()
    while reader.nextSentence(sentence, error):
        sentences.append(sentence)
        sentence = UDSentence()
    parser = ("iterations=1;hidden_layer=20;embedding_form=10;embedding_upostag=5;embedding_feats=0;"
              "embedding_deprel=5;embedding_xpostag=0;embedding_lemma=0")
    model = Trainer.train("morphodita_parsito", sentences, sentences, "epochs=1;batch_size=2",
                          "iterations=1;guesser_suffix_rules=2", parser, error)
    assert not error.occurred(), error.message
    path = tmp_path_factory.mktemp("udpipe") / "tiny_full.udpipe"
    path.write_bytes(model if isinstance(model, bytes) else model.encode("latin-1"))
    return path
