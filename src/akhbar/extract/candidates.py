"""Candidate participants of a trigger: every plausible actor mention, from the sentence and around it.

High recall, cheap and dumb: the trained scorer (`linker`) decides. Each generator is one source of
candidates and is named for it; a candidate remembers its source, which is one of its features.

- `in_sentence`: every mention of the trigger's sentence;
- `previous_sentence`: the mentions of the sentence before (the addressee or author told just before);
- `headline`: the mentions of the article's first line (the article's framing);
- `last_speaker`: who spoke last, for a sentence that goes on quoting them (وأضاف: «سنرد»);
- `frequent`: the actors the article names most (its protagonists).
"""

from __future__ import annotations

from dataclasses import dataclass

from akhbar.extract.actors import ActorRef
from akhbar.extract.units import PARTICIPANT_KINDS, ArticleUnits, SentenceUnit

SENTENCE, PREVIOUS, HEADLINE, SPEAKER, FREQUENT = "sentence", "previous", "headline", "speaker", "frequent"
SOURCES = (SENTENCE, PREVIOUS, HEADLINE, SPEAKER, FREQUENT)
FREQUENT_TOP = 3  # protagonists: the actors with the most mentions in the article


@dataclass(frozen=True)
class Candidate:
    """An actor mention that may be a participant of a trigger, and where it was found."""

    ref: ActorRef
    sentence: int  # index of the sentence holding the mention
    source: str


def _participants(refs: list[ActorRef]) -> list[ActorRef]:
    return [r for r in refs if r.kind in PARTICIPANT_KINDS]


def in_sentence(units: ArticleUnits, s: SentenceUnit) -> list[Candidate]:
    """Every participant-like mention of the sentence itself, and its open noun phrases."""
    return [Candidate(r, s.index, SENTENCE) for r in _participants(s.refs) + s.phrases]


def previous_sentence(units: ArticleUnits, s: SentenceUnit) -> list[Candidate]:
    """The mentions of the sentence before, in the same article."""
    if s.index == 0:
        return []
    prev = units.sentences[s.index - 1]
    return [Candidate(r, prev.index, PREVIOUS) for r in _participants(prev.refs)]


def headline(units: ArticleUnits, s: SentenceUnit) -> list[Candidate]:
    """The mentions of the article's first sentence (its title), for the sentences after the next one."""
    if s.index <= 1:
        return []
    first = units.sentences[0]
    return [Candidate(r, first.index, HEADLINE) for r in _participants(first.refs)]


def last_speaker(units: ArticleUnits, s: SentenceUnit) -> list[Candidate]:
    """The last speaker named before this sentence, when the sentence names none of its own."""
    if s.speaker is not None:
        return []
    for prev in reversed(units.sentences[:s.index]):
        if prev.speaker is not None:
            home = next((u for u in units.sentences if u.start <= prev.speaker.start < u.end), prev)
            return [Candidate(prev.speaker, home.index, SPEAKER)]  # (a quotation that runs on keeps the speaker
            # of the sentence that named him: the mention is that sentence's)
    return []


def frequent(units: ArticleUnits, s: SentenceUnit) -> list[Candidate]:
    """The article's most-mentioned actors (a mention of each, the first one)."""
    top = [iri for iri, _ in units.mention_counts.most_common(FREQUENT_TOP)]
    out: list[Candidate] = []
    for iri in top:
        for unit in units.sentences:
            ref = next((r for r in _participants(unit.refs) if r.iris == (iri,)), None)
            if ref is not None:
                out.append(Candidate(ref, unit.index, FREQUENT))
                break
    return out


GENERATORS = (previous_sentence, last_speaker, headline, frequent)


def candidates(units: ArticleUnits, s: SentenceUnit) -> list[Candidate]:
    """The sentence's own mentions, then one candidate per actor the sentence does not name, from the first
    context generator that offers it (an actor named in the sentence is judged by that mention alone)."""
    out = in_sentence(units, s)
    seen = {r.iris for r in s.refs}
    for generate in GENERATORS:
        for cand in generate(units, s):
            if cand.ref.iris not in seen:
                seen.add(cand.ref.iris)
                out.append(cand)
    return out


def context_sources(units: ArticleUnits, s: SentenceUnit, cand: Candidate) -> dict[str, bool]:
    """For a candidate from outside the sentence: which context generators offer its actor."""
    return {gen.__name__: any(c.ref.iris == cand.ref.iris for c in gen(units, s)) for gen in GENERATORS}
