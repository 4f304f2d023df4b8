"""Span-aligned scoring: a perfect analyser scores 100, mistakes cost exactly what they should."""

from __future__ import annotations

from pathlib import Path

from spacy.vocab import Vocab

from akhbar.analysis.analyser import Analyser
from akhbar.analysis.build import Tok
from akhbar.analysis.conllu import Sentence, read_conllu
from akhbar.analysis.evaluate import evaluate, gold_items

DATA = Path(__file__).parent / "data"


class Oracle(Analyser):
    """Returns the gold analysis of known sentences; optionally merges the first two words."""

    def __init__(self, sentences: list[Sentence], merge_first: bool = False) -> None:
        self.vocab = Vocab()
        self.gold = {s.text: s for s in sentences}
        self.merge_first = merge_first

    def _sentences(self, text: str) -> list[list[Tok]]:
        s = self.gold[text]
        items = gold_items(s)
        toks = [Tok(it.span[0], it.span[1], w.upos, "" if w.feats == "_" else w.feats, w.lemma,
                    w.deprel, w.head - 1) for it, w in zip(items, s.words, strict=True)]
        if self.merge_first:
            first, second = toks[0], toks[1]
            merged = Tok(first.start, second.end, second.pos, second.morph, second.lemma, second.dep,
                         second.head)
            toks = [merged] + [Tok(t.start, t.end, t.pos, t.morph, t.lemma, t.dep,
                                   -1 if t.head < 0 else max(t.head - 1, 0)) for t in toks[2:]]
        return [toks]


def test_perfect_analysis_scores_100() -> None:
    sentences = read_conllu(DATA / "tiny.conllu")
    scores = evaluate(Oracle(sentences), sentences)
    for metric in ("tokens", "upos", "lemma", "uas", "las"):
        assert scores[metric] == 100.0, metric


def test_a_tokenisation_error_costs_tokens() -> None:
    sentences = read_conllu(DATA / "tiny.conllu")[1:2]  # و + حذر ...: six words
    scores = evaluate(Oracle(sentences, merge_first=True), sentences)
    # system 5 words, gold 6, 4 match: F1 = 2*4/11
    assert scores["tokens"] == round(800 / 11, 2)
    assert scores["gold_words"] == 6 and scores["system_words"] == 5
