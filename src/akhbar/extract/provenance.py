"""Provenance beyond offsets: who reports an event (the outlet, the sources it cites). Dates: akhbar.dates."""

from __future__ import annotations

import tomllib
from functools import lru_cache

from akhbar.extract.actors import ActorRef
from akhbar.extract.lexicon import LEXICON_DIR, Lexicon
from akhbar.extract.text import Word
from akhbar.kb import normalise
from akhbar.paths import ontology_dir


@lru_cache(maxsize=2)
def _data() -> tuple[frozenset[str], frozenset[str]]:
    raw = tomllib.loads((ontology_dir() / LEXICON_DIR / "provenance.toml").read_text(encoding="utf-8"))
    rep = raw.get("reporting", {})
    return (frozenset(normalise(w) for w in rep.get("transmit", [])),
            frozenset(normalise(w) for w in rep.get("according", [])))


def reporting_chain(words: list[Word], refs: list[ActorRef], lex: Lexicon,
                    text: str) -> tuple[str | None, tuple[str, ...]]:
    """(outlet that reports, sources it cites) read from a sentence (نقل موقع اكسيوس عن مسؤولين)."""
    transmit, according = _data()
    ref_at = {k: r for r in refs for k in range(r.first, r.last)}
    outlet = next((r.iri for r in refs if r.kind == "MediaOutlet"), None)
    sources: list[str] = []
    for i, w in enumerate(words):
        if w.norm in transmit:
            for j in range(i + 1, min(len(words), i + 6)):
                if words[j].norm == "عن":
                    r = ref_at.get(j + 1)
                    if r is not None:
                        sources.extend(x for x in r.iris if x != outlet)
                    break
        elif w.norm in according:
            r = ref_at.get(i + 1) or ref_at.get(i + 2)
            if r is not None:
                if r.kind == "MediaOutlet":
                    outlet = outlet or r.iri
                else:
                    sources.extend(r.iris)
    return outlet, tuple(dict.fromkeys(sources))
