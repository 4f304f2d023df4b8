"""The extractor's shortcuts change nothing: the per-word matcher choice gives what trying every matcher gives."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from akhbar.extract import actors
from akhbar.records import Extraction

from .conftest import SAMPLE

TEST_SOURCES = sorted((Path(__file__).parent).glob("test_*.py"))
ALL_MATCHERS = frozenset({"kb", "administration", "capital", "organ", "facility", "collective", "allies",
                          "named_group", "members", "place", "region", "title", "anaphor", "nisba", "body"})


def sentences_of_the_tests() -> list[str]:
    """Every Arabic sentence quoted in the extraction tests (a varied set of constructions)."""
    found: list[str] = []
    for path in TEST_SOURCES:
        found += [s for s in re.findall(r'"([^"\n]*[\u0600-\u06ff][^"\n]*)"', path.read_text(encoding="utf-8"))
                  if len(s.split()) >= 4]
    return found


def summary(ex: Extraction) -> tuple:
    return (sorted((m.actor, m.span.start, m.span.end) for m in ex.mentions),
            sorted((e.action, e.agent or "", e.target or "", e.modality, e.trigger.start) for e in ex.events),
            sorted((a.iri, a.kind, a.label_ar or "") for a in ex.new_actors))


def test_every_matcher_is_reachable_from_the_memo() -> None:
    assert set(actors.MATCHERS) == ALL_MATCHERS


@pytest.mark.parametrize("which", ["sample", "test sentences"])
def test_matcher_choice_changes_nothing(read: Callable[..., Extraction], monkeypatch: pytest.MonkeyPatch,
                                        which: str) -> None:
    texts = [SAMPLE.read_text(encoding="utf-8")] if which == "sample" else sentences_of_the_tests()
    assert len(texts) >= 1 and (which == "sample" or len(texts) > 50)
    fast = [summary(read(text)) for text in texts]
    monkeypatch.setattr(actors.ActorFinder, "_matchers", lambda self, word: ALL_MATCHERS)
    slow = [summary(read(text)) for text in texts]
    assert fast == slow
    assert any(s[0] for s in fast) and any(s[1] for s in fast)
