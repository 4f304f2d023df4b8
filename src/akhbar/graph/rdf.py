"""Extraction records → RDF quads in the article's named graph (the graph contract of ontology/akhbar.ttl).

One event node per Event, with ak:agent/ak:target/ak:modality/ak:article/ak:date and ak:evidence: a NIF
phrase for the trigger (nif:sentence → the NIF sentence), both with code-point offsets into the
article's nif:isString. Asserted events with both participants also give a direct triple
(`agent ak:warns target`). Every surface form that named an actor becomes its skos:altLabel.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from akhbar.graph.vocab import AK, DIRECT_PROPERTY, MODALITY_IRI, NIF, article_graph, article_iri
from akhbar.records import Event, Extraction, Span

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")

CORE_ACTIONS = ("Warning", "Attack", "Pressure")
# Finer action classes and the core class they refine (mirrors rdfs:subClassOf in ontology/akhbar.ttl).
ACTION_PARENT = {
    "Threat": "Warning",
    "AirStrike": "Attack",
    "DroneAttack": "Attack",
    "MissileStrike": "Attack",
    "RocketFire": "Attack",
    "Shelling": "Attack",
    "TargetedKilling": "Attack",
    "Demand": "Pressure",
}


@lru_cache(maxsize=100_000)
def nn(iri: str) -> ox.NamedNode:
    """A pyoxigraph IRI node (cached: vocabulary and actor IRIs recur in every article; nodes are immutable)."""
    return ox.NamedNode(str(iri))


def core_action(action: str) -> str:
    """The core class (Warning, Attack, Pressure) of an action class local name."""
    core = ACTION_PARENT.get(action, action)
    if core not in CORE_ACTIONS:
        raise ValueError(f"unknown action class {action!r}; expected one of {CORE_ACTIONS} or a subclass")
    return core


def date_literal(value: str) -> ox.Literal:
    """An xsd:date (YYYY-MM-DD) or xsd:gYearMonth (YYYY-MM) literal."""
    if _ISO_DATE.fullmatch(value):
        return ox.Literal(value, datatype=nn(XSD.date))
    if _ISO_MONTH.fullmatch(value):
        return ox.Literal(value, datatype=nn(XSD.gYearMonth))
    raise ValueError(f"date {value!r} is not YYYY-MM-DD or YYYY-MM")


@lru_cache(maxsize=100_000)
def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=nn(XSD.nonNegativeInteger))


def span_iri(article: str, span: Span) -> str:
    """NIF/RFC 5147-style IRI of a character span of the article."""
    return f"{article}#char={span.start},{span.end}"


# Terms written for every event, as pyoxigraph nodes made once (rdflib namespace lookups are slow in a loop).
_TYPE = ox.NamedNode(str(RDF.type))
_NIF_STRING, _NIF_PHRASE, _NIF_SENTENCE = (ox.NamedNode(str(NIF[t])) for t in ("String", "Phrase", "Sentence"))
_BEGIN, _END, _ANCHOR, _CONTEXT, _IN_SENTENCE = (
    ox.NamedNode(str(NIF[t])) for t in ("beginIndex", "endIndex", "anchorOf", "referenceContext", "sentence"))
_ARTICLE, _MODALITY, _AGENT, _TARGET, _DATE, _REPORTED_BY, _ACCORDING_TO, _EVIDENCE = (
    ox.NamedNode(str(AK[t])) for t in ("article", "modality", "agent", "target", "date", "reportedBy", "accordingTo",
                                       "evidence"))
_NIF_KIND = {"Phrase": _NIF_PHRASE, "Sentence": _NIF_SENTENCE}


class _Quads:
    """Collects quads of one named graph, deduplicated, in insertion order."""

    def __init__(self, graph: str) -> None:
        self.graph = nn(graph)
        self.quads: dict[ox.Quad, None] = {}

    def add(self, s: str | ox.NamedNode, p: str | ox.NamedNode, o: ox.NamedNode | ox.Literal | str) -> None:
        subject = s if isinstance(s, ox.NamedNode) else nn(s)
        predicate = p if isinstance(p, ox.NamedNode) else nn(p)
        obj = o if isinstance(o, ox.NamedNode | ox.Literal) else nn(o)
        self.quads[ox.Quad(subject, predicate, obj, self.graph)] = None


def extraction_quads(ex: Extraction) -> list[ox.Quad]:
    """All quads of one article's named graph."""
    art = ex.article
    text = art.text
    a_iri = article_iri(art.identifier)
    q = _Quads(article_graph(art.identifier))

    q.add(a_iri, RDF.type, AK.Article)
    q.add(a_iri, RDF.type, NIF.Context)
    q.add(a_iri, DCTERMS.identifier, ox.Literal(art.identifier))
    q.add(a_iri, DCTERMS.title, ox.Literal(art.title, language="ar"))
    q.add(a_iri, DCTERMS.source, ox.Literal(art.source))
    q.add(a_iri, NIF.isString, ox.Literal(text))
    if art.date:
        q.add(a_iri, DCTERMS.date, date_literal(art.date))

    for actor in ex.new_actors:
        q.add(actor.iri, RDF.type, AK[actor.kind])
        q.add(actor.iri, RDFS.label, ox.Literal(actor.label_ar, language="ar"))
        if actor.label_en:
            q.add(actor.iri, RDFS.label, ox.Literal(actor.label_en, language="en"))
        for prop, obj in actor.links:
            q.add(actor.iri, AK[prop], obj)

    for mention in ex.mentions:
        _check_span(text, mention.span, mention.text, art.identifier)
        q.add(mention.actor, SKOS.altLabel, ox.Literal(mention.text, language="ar"))

    for n, event in enumerate(ex.events):
        _event_quads(q, a_iri, text, n, event, art.identifier)
    return list(q.quads)


def _check_span(text: str, span: Span, surface: str | None, identifier: str) -> None:
    if not 0 <= span.start < span.end <= len(text):
        raise ValueError(f"{identifier}: span {span} is outside the text ({len(text)} characters)")
    if surface is not None and text[span.start:span.end] != surface:
        raise ValueError(f"{identifier}: span {span} reads {text[span.start:span.end]!r}, not {surface!r}")


def _nif_string(q: _Quads, a_iri: str, text: str, span: Span, kind: str) -> ox.NamedNode:
    iri = nn(span_iri(a_iri, span))
    q.add(iri, _TYPE, _NIF_STRING)
    q.add(iri, _TYPE, _NIF_KIND[kind])
    q.add(iri, _BEGIN, _int(span.start))
    q.add(iri, _END, _int(span.end))
    q.add(iri, _ANCHOR, ox.Literal(text[span.start:span.end]))
    q.add(iri, _CONTEXT, a_iri)
    return iri


def _event_quads(q: _Quads, a_iri: str, text: str, n: int, ev: Event, identifier: str) -> None:
    core = core_action(ev.action)
    if ev.modality not in MODALITY_IRI:
        raise ValueError(f"{identifier}: unknown modality {ev.modality!r}; expected one of {list(MODALITY_IRI)}")
    if ev.agent is None and ev.target is None:
        raise ValueError(f"{identifier}: an event needs an agent or a target (trigger {ev.trigger})")
    _check_span(text, ev.trigger, None, identifier)
    _check_span(text, ev.sentence, None, identifier)
    e_iri = nn(f"{a_iri}/event/{n}")
    q.add(e_iri, _TYPE, AK[ev.action])
    q.add(e_iri, _ARTICLE, a_iri)
    q.add(e_iri, _MODALITY, MODALITY_IRI[ev.modality])
    if ev.agent:
        q.add(e_iri, _AGENT, ev.agent)
    if ev.target:
        q.add(e_iri, _TARGET, ev.target)
    if ev.date:
        q.add(e_iri, _DATE, date_literal(ev.date))
    if ev.reported_by:
        q.add(e_iri, _REPORTED_BY, ev.reported_by)
    for source in ev.according_to:
        q.add(e_iri, _ACCORDING_TO, source)
    trigger = _nif_string(q, a_iri, text, ev.trigger, "Phrase")
    sentence = _nif_string(q, a_iri, text, ev.sentence, "Sentence")
    q.add(trigger, _IN_SENTENCE, sentence)
    q.add(e_iri, _EVIDENCE, trigger)
    if ev.modality == "Asserted" and ev.agent and ev.target and ev.agent != ev.target:
        q.add(ev.agent, DIRECT_PROPERTY[core], ev.target)
