"""Analysers: text in, spaCy Doc out, with `doc.text == text` and exact token offsets.

DefaultAnalyser: the shipped model (UDPipe 1 tokenizer for sentences and clitics, then a spaCy CNN
pipeline for UPOS, morphology, lemmas and dependencies) on normalised text.
UDPipeAnalyser: any UDPipe model file (e.g. the official PADT model) for the whole analysis, loaded
through spacy-udpipe but tokenised here with UDPipe's `ranges` so offsets survive multiword tokens.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from akhbar.analysis.build import Tok, build_doc, split_surface
from akhbar.analysis.normalise import Normalised, ellipsis_ends, normalise, normalise_form

TOKENIZER_FILE = "tokenizer.udpipe"
SPACY_DIR = "spacy"
BATCH_SIZE = 256  # sentences per spaCy batch
LATIN_END = 0x0250  # end of Latin Extended-B
CHUNK_TEXTS = 16  # texts tokenised together before their sentences go through spaCy
_MODEL_ATTRS = [POS, MORPH, LEMMA, DEP, HEAD]


class AnalysisError(Exception):
    """The analysis model cannot be loaded or run; str() is an actionable one-line message."""


def _lines(text: str) -> Iterator[tuple[int, str]]:
    r"""(offset, piece) for every line; a newline always ends a sentence, and so does an ellipsis outside
    quotation marks: news sites join two headlines with one ("الحوثيون يعلنون استهداف سفن.. وواشنطن تردّ
    بضربات"), and each is read as a sentence of its own; inside a quotation it is the speaker's pause.

    >>> [piece for _, piece in _lines('قصف على المدينة.. وواشنطن تحذر\nقال: «نريد اتفاقا.. نريد سلاما»')]
    ['قصف على المدينة..', ' وواشنطن تحذر', 'قال: «نريد اتفاقا.. نريد سلاما»']
    """
    pos = 0
    for line in text.split("\n"):
        start = 0
        for end in ellipsis_ends(line):
            yield pos + start, line[start:end]
            start = end
        yield pos + start, line[start:]
        pos += len(line) + 1


def _latin(ch: str) -> bool:
    """A Latin letter (Basic Latin to Latin Extended-B)."""
    return ch.isalpha() and ord(ch) < LATIN_END


def _load_udpipe(path: Path) -> Any:
    """Load a UDPipe model file or raise AnalysisError."""
    from ufal.udpipe import Model

    if not path.is_file():
        raise AnalysisError(f"UDPipe model file not found: {path}")
    model = Model.load(str(path))
    if model is None:
        raise AnalysisError(f"not a UDPipe model file (cannot load): {path}")
    return model


@dataclass
class _UDSentence:
    """A UDPipe sentence with the original span of each word (None: merged into `merged[k]`)."""

    sentence: Any
    spans: list[tuple[int, int] | None]
    merged: list[int]


def _word_spans(sentence: Any, raw: str, line: Normalised, offset: int) -> _UDSentence:
    """Original span of every word of a tokenised sentence.

    Multiword tokens are split among their words by character alignment, or given whole to their
    syntactic head word when some word would get no character.
    """
    words = list(sentence.words)[1:]
    spans: list[tuple[int, int] | None] = [None] * len(words)
    merged = list(range(len(words)))
    mwt = {mw.idFirst: mw for mw in sentence.multiwordTokens}

    def token_span(holder: Any) -> tuple[int, int]:
        return line.span(holder.getTokenRangeStart(), holder.getTokenRangeEnd())

    k = 0
    while k < len(words):
        if k + 1 in mwt:
            mw = mwt[k + 1]
            members = list(range(mw.idFirst - 1, mw.idLast))
            s, e = token_span(mw)
            parts = split_surface(raw[s:e], [words[m].form for m in members])
            if parts is not None:
                for m, (ps, pe) in zip(members, parts, strict=True):
                    spans[m] = (offset + s + ps, offset + s + pe)
            else:
                inside = set(members)
                main = next((m for m in members if words[m].head - 1 not in inside), members[0])
                spans[main] = (offset + s, offset + e)
                for m in members:
                    merged[m] = main
            k = mw.idLast
            continue
        s, e = token_span(words[k])
        spans[k] = (offset + s, offset + e)
        k += 1
    return _UDSentence(sentence, spans, merged)


def _tokenise(model: Any, text: str, normalise_line: bool) -> list[_UDSentence]:
    """UDPipe sentences of a text, line by line, with original word spans.

    A fresh tokenizer per line, because `ranges` keep counting across calls, and because a newline
    always ends a sentence (headlines stay separate).
    """
    from ufal.udpipe import ProcessingError, Sentence

    out: list[_UDSentence] = []
    for offset, raw in _lines(text):
        if not raw.strip():
            continue
        line = normalise(raw) if normalise_line else Normalised(raw, tuple(range(len(raw))))
        if not line.text.strip():
            continue
        tokenizer = model.newTokenizer("ranges")
        if tokenizer is None:
            raise AnalysisError("this UDPipe model has no tokenizer")
        tokenizer.setText(line.text)
        error = ProcessingError()
        sentence = Sentence()
        while tokenizer.nextSentence(sentence, error):
            out.append(_word_spans(sentence, raw, line, offset))
            sentence = Sentence()
        if error.occurred():
            raise AnalysisError(f"UDPipe tokenizer failed: {error.message}")
    return out


class Analyser:
    """Text in, annotated Doc out (see module docstring); subclasses implement `_sentences`."""

    vocab: Vocab
    name: str = "analyser"

    def __call__(self, text: str) -> Doc:
        """Analyse one text."""
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Analyse texts one by one (subclasses may batch the model)."""
        for text in texts:
            yield build_doc(self.vocab, text, self._sentences(text))

    def _sentences(self, text: str) -> list[list[Tok]]:
        """Model tokens of each sentence, with original offsets."""
        raise NotImplementedError


class DefaultAnalyser(Analyser):
    """UDPipe 1 tokenizer + spaCy pipeline, from a model folder (tokenizer.udpipe, spacy/)."""

    name = "default"

    def __init__(self, model_dir: Path | str, spacy_dir: Path | str | None = None) -> None:
        model_dir = Path(model_dir)
        tok_path = model_dir / TOKENIZER_FILE
        spacy_path = Path(spacy_dir) if spacy_dir is not None else model_dir / SPACY_DIR
        if not tok_path.is_file() or not spacy_path.is_dir():
            raise AnalysisError(f"no analysis model in {model_dir} (needs {TOKENIZER_FILE} and {SPACY_DIR}/); "
                                "reinstall akhbar or train one with `akhbar model train`")
        self.model_dir = model_dir
        self.tokenizer = _load_udpipe(tok_path)
        try:
            self.nlp: Language = spacy.load(spacy_path)
        except (OSError, ValueError) as err:
            raise AnalysisError(f"cannot load the spaCy pipeline in {spacy_path}: {err}") from None
        self.vocab = self.nlp.vocab

    def _segment(self, text: str) -> list[list[tuple[int, int, str]]]:
        """Sentences of (start, end, model form) for one text."""
        sentences = []
        for sent in _tokenise(self.tokenizer, text, normalise_line=True):
            toks: list[tuple[int, int, str]] = []
            for span in sent.spans:
                if span is None:
                    continue
                start, end = span
                if toks and toks[-1][1] == start and _latin(text[start - 1]) and _latin(text[start]):
                    start = toks.pop()[0]  # clitic splitting is for Arabic: keep Latin words whole
                form = normalise_form(text[start:end]) or text[start:end]
                toks.append((start, end, form))
            if toks:
                sentences.append(toks)
        return sentences

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Analyse texts, batching the sentences of several texts through spaCy."""
        chunk: list[str] = []
        for text in texts:
            chunk.append(text)
            if len(chunk) >= CHUNK_TEXTS:
                yield from self._analyse_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._analyse_chunk(chunk)

    def _analyse_chunk(self, texts: list[str]) -> Iterator[Doc]:
        """Tokenise the texts, run the spaCy pipeline on every sentence at once, build the Docs."""
        segmented = [self._segment(text) for text in texts]
        twins = self.nlp.pipe((self._twin(seg) for segs in segmented for seg in segs),
                              batch_size=BATCH_SIZE)
        strings = self.vocab.strings
        for text, segments in zip(texts, segmented, strict=True):
            sentences: list[list[Tok]] = []
            for seg in segments:
                twin = next(twins)
                rows = twin.to_array(_MODEL_ATTRS).tolist()
                toks = []
                for i, ((s, e, form), (pos_id, morph, lemma, dep, head)) in enumerate(
                        zip(seg, rows, strict=True)):
                    # HEAD is a signed offset stored as uint64
                    rel = head - (1 << 64) if head >= 1 << 63 else head
                    toks.append(Tok(s, e, head=-1 if rel == 0 else i + rel,
                                    ids=(pos_id, morph, lemma, dep, strings.add(form))))
                sentences.append(toks)
            yield build_doc(self.vocab, text, sentences)

    def _twin(self, seg: list[tuple[int, int, str]]) -> Doc:
        """The model's view of one sentence: normalised forms, one sentence."""
        return Doc(self.vocab, words=[form for _s, _e, form in seg],
                   sent_starts=[i == 0 for i in range(len(seg))])


class UDPipeAnalyser(Analyser):
    """A UDPipe model file for tokens, tags, lemmas and parse (loaded through spacy-udpipe)."""

    name = "udpipe"

    def __init__(self, path: Path | str) -> None:
        path = Path(path).expanduser()
        _load_udpipe(path)  # clear error before spacy-udpipe's generic one
        from spacy_udpipe.udpipe import UDPipeModel

        self.udpipe = UDPipeModel("ar", path=str(path))
        self.vocab = spacy.blank("ar").vocab

    def _sentences(self, text: str) -> list[list[Tok]]:
        """Tokenise with ranges, then tag and parse each sentence with the UDPipe model."""
        out: list[list[Tok]] = []
        for sent in _tokenise(self.udpipe.model, text, normalise_line=False):
            self.udpipe.tag(sent.sentence)
            self.udpipe.parse(sent.sentence)
            words = list(sent.sentence.words)[1:]
            index: dict[int, int] = {}
            toks: list[Tok] = []
            for k, span in enumerate(sent.spans):
                if span is not None:
                    index[k] = len(toks)
                    toks.append(Tok(span[0], span[1]))
            for k, w in enumerate(words):
                if k not in index:
                    continue
                tok = toks[index[k]]
                head = w.head - 1
                if head >= 0:
                    head = sent.merged[head]
                tok.pos, tok.lemma = w.upostag, w.lemma
                tok.morph = "" if w.feats == "_" else w.feats
                tok.head = -1 if head < 0 or head == k else index.get(head, -1)
                tok.dep = w.deprel if tok.head >= 0 else "ROOT"
                tok.norm = w.form
            if toks:
                out.append(toks)
        return out
