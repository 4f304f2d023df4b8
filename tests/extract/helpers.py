"""Helpers for extraction tests: short actor names and event tuples."""

from __future__ import annotations

from akhbar.graph.rdf import core_action
from akhbar.records import Extraction


def local(iri: str | None) -> str | None:
    """The last path segment of an actor IRI (usa, iran, or a minted slug)."""
    return None if iri is None else iri.rsplit("/", 1)[-1]


def tuples(ex: Extraction) -> set[tuple[str, str | None, str | None, str]]:
    """(core action, agent, target, modality) of every event, with actor IRIs shortened."""
    return {(core_action(e.action), local(e.agent), local(e.target), e.modality) for e in ex.events}


def triples(ex: Extraction) -> set[tuple[str, str | None, str | None]]:
    """(core action, agent, target) of every event."""
    return {t[:3] for t in tuples(ex)}
