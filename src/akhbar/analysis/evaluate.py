"""Scoring an analyser from raw text against gold CoNLL-U (CoNLL 2018 style, span-aligned F1).

Each gold sentence's `# text` is analysed from scratch; system and gold words are aligned by their
character spans in that text, so tokenisation errors cost every other score too. LAS compares the
universal part of the relation (before ':'), as the CoNLL 2018 shared task did; `las_full` keeps
subtypes. With no multiword tokens in the gold (PUD), a word is a token.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from akhbar.analysis.analyser import Analyser
from akhbar.analysis.conllu import ROOT_LABEL, Sentence

METRICS = ("tokens", "upos", "ufeats", "lemma", "uas", "las", "las_full")


@dataclass(frozen=True)
class _Item:
    span: tuple[int, int]
    upos: str
    feats: str
    lemma: str
    head: tuple[int, int] | None  # head's span; None for the root
    deprel: str


def gold_items(sentence: Sentence) -> list[_Item]:
    """Gold words with their character spans in the sentence text."""
    text = sentence.text
    spans: list[tuple[int, int]] = []
    pos = 0
    for w in sentence.words:
        start = text.find(w.form, pos)
        if start < 0:  # forms that do not occur verbatim: assume they follow directly
            start = pos
        spans.append((start, start + len(w.form)))
        pos = start + len(w.form)
    return [
        _Item(spans[i], w.upos, "" if w.feats == "_" else w.feats, w.lemma,
              None if w.head == 0 else spans[w.head - 1], ROOT_LABEL if w.head == 0 else w.deprel)
        for i, w in enumerate(sentence.words)
    ]


def system_items(analyser: Analyser, text: str) -> list[_Item]:
    """Non-space tokens of the analysis with the same fields as the gold."""
    doc = analyser(text)
    items = []
    for t in doc:
        if t.is_space:
            continue
        root = t.head.i == t.i
        items.append(_Item((t.idx, t.idx + len(t.text)), t.pos_, str(t.morph), t.lemma_,
                           None if root else (t.head.idx, t.head.idx + len(t.head.text)),
                           ROOT_LABEL if root else t.dep_))
    return items


def _universal(deprel: str) -> str:
    return deprel.split(":")[0].lower()


def evaluate(analyser: Analyser, sentences: Iterable[Sentence]) -> dict[str, float]:
    """F1 (in %) of tokens, UPOS, UFeats, lemma, UAS, LAS from raw text, plus word counts."""
    correct = dict.fromkeys(METRICS, 0)
    n_gold = n_sys = 0
    for sentence in sentences:
        gold = gold_items(sentence)
        system = system_items(analyser, sentence.text)
        n_gold += len(gold)
        n_sys += len(system)
        by_span = {item.span: item for item in system}
        for g in gold:
            s = by_span.get(g.span)
            if s is None:
                continue
            correct["tokens"] += 1
            correct["upos"] += s.upos == g.upos
            correct["ufeats"] += s.feats == g.feats
            correct["lemma"] += s.lemma == g.lemma
            if s.head == g.head:
                correct["uas"] += 1
                correct["las"] += _universal(s.deprel) == _universal(g.deprel)
                correct["las_full"] += s.deprel.lower() == g.deprel.lower()
    scores = {m: round(200.0 * correct[m] / (n_gold + n_sys), 2) if n_gold + n_sys else 0.0
              for m in METRICS}
    scores["gold_words"] = n_gold
    scores["system_words"] = n_sys
    return scores
