"""Reading CoNLL-U treebanks (for training and scoring) and writing analysed Docs as CoNLL-U."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

ROOT_LABEL = "root"  # UD spelling; spaCy's parser spells the root relation "ROOT"


@dataclass
class Word:
    """One syntactic word of a CoNLL-U sentence (multiword-token lines are kept separately)."""

    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    misc: str

    @property
    def space_after(self) -> bool:
        """False when MISC says SpaceAfter=No."""
        return "SpaceAfter=No" not in self.misc.split("|")


@dataclass
class Sentence:
    """A CoNLL-U sentence: comments (including `# text`), words, and multiword-token ranges."""

    comments: list[str] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    multiword: list[tuple[int, int, str, str]] = field(default_factory=list)  # first, last, form, misc

    @property
    def text(self) -> str:
        """The `# text` comment, else the text rebuilt from forms and SpaceAfter."""
        for comment in self.comments:
            if comment.startswith("# text = "):
                return comment[len("# text = "):]
        return "".join(w.form + (" " if w.space_after else "") for w in self.words).rstrip(" ")


def parse_conllu(lines: Iterable[str]) -> Iterator[Sentence]:
    """Parse CoNLL-U lines into sentences (empty nodes `n.m` are skipped)."""
    sentence = Sentence()
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            if sentence.words:
                yield sentence
            sentence = Sentence()
            continue
        if line.startswith("#"):
            sentence.comments.append(line)
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"CoNLL-U line without 10 columns: {line[:80]!r}")
        if "." in cols[0]:
            continue
        if "-" in cols[0]:
            first, last = cols[0].split("-")
            sentence.multiword.append((int(first), int(last), cols[1], cols[9]))
            continue
        head = int(cols[6]) if cols[6] not in ("_", "") else 0
        sentence.words.append(Word(int(cols[0]), cols[1], cols[2], cols[3], cols[4], cols[5], head,
                                   cols[7], cols[9]))
    if sentence.words:
        yield sentence


def read_conllu(path: Path | str) -> list[Sentence]:
    """All sentences of a CoNLL-U file."""
    with open(path, encoding="utf-8") as handle:
        return list(parse_conllu(handle))


def write_sentences(sentences: Iterable[Sentence]) -> str:
    """Serialise sentences back to CoNLL-U (used to give UDPipe its training files)."""
    out: list[str] = []
    for sentence in sentences:
        out.extend(sentence.comments)
        ranges = {first: (last, form, misc) for first, last, form, misc in sentence.multiword}
        for w in sentence.words:
            if w.id in ranges:
                last, form, misc = ranges[w.id]
                out.append(f"{w.id}-{last}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
            out.append("\t".join([str(w.id), w.form, w.lemma, w.upos, w.xpos, w.feats, str(w.head),
                                  w.deprel, "_", w.misc]))
        out.append("")
    return "\n".join(out) + "\n"


def _escape(text: str) -> str:
    """Make a token text safe for a CoNLL-U column (no tabs or newlines)."""
    return text.replace("\t", "\\t").replace("\n", "\\n") or "_"


def doc_to_conllu(doc: Doc, doc_id: str | None = None) -> str:
    """CoNLL-U of an analysed Doc: whitespace tokens are dropped, offsets go to MISC as TokenRange."""
    out: list[str] = []
    if doc_id:
        out.append(f"# newdoc id = {doc_id}")
    for n, sent in enumerate(doc.sents, start=1):
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        index = {t.i: k for k, t in enumerate(words, start=1)}
        out.append(f"# sent_id = {n}")
        out.append(f"# text = {_escape(sent.text.strip())}")
        for k, t in enumerate(words, start=1):
            head = 0 if t.head.i == t.i or t.head.i not in index else index[t.head.i]
            dep = ROOT_LABEL if head == 0 else (t.dep_ or "dep")
            misc = [f"TokenRange={t.idx}:{t.idx + len(t.text)}"]
            if not t.whitespace_ and k < len(words) and words[k].idx == t.idx + len(t.text):
                misc.insert(0, "SpaceAfter=No")
            out.append("\t".join([str(k), _escape(t.text), _escape(t.lemma_), t.pos_ or "X", "_",
                                  str(t.morph) or "_", str(head), dep, "_", "|".join(misc)]))
        out.append("")
    return "\n".join(out) + "\n"
