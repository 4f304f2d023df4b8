"""Extraction records → the triples of the article's named graph (the graph contract of ontology/akhbar.ttl).

One event node per Event, with ak:agent/ak:target/ak:modality/ak:article/ak:date/ak:cell and ak:evidence: a NIF
phrase for the trigger (nif:sentence → the NIF sentence), both with code-point offsets into the
article's nif:isString. Asserted events with both participants also give a direct triple
(`agent ak:warns target`). Every surface form that named an actor becomes its skos:altLabel.
`extraction_graph` gives the graph as N-Triples text (what the build writes); `extraction_quads` as
pyoxigraph quads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from akhbar.graph.cells import cell_iri
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


# Terms are written as N-Triples text, not built as pyoxigraph objects: the text is a little cheaper to make
# (≈ 0.57 vs 0.68 ms per article), crosses process boundaries as it is, and the store parses it in Rust without
# holding the GIL (akhbar.graph.store.replace_graph_ntriples). Every IRI is checked, every literal escaped,
# as N-Triples asks.
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


@lru_cache(maxsize=100_000)
def iri(value: str) -> str:
    """An IRI as an N-Triples term (cached: vocabulary and actor IRIs recur in every article)."""
    value = str(value)
    if ":" not in value or _IRI_FORBIDDEN.search(value):
        raise ValueError(f"not an absolute IRI: {value!r}")
    return f"<{value}>"


def literal(value: str, language: str | None = None, datatype: str | None = None) -> str:
    """A literal as an N-Triples term: escaped text, with a language tag or a datatype IRI."""
    # (four replaces: each a C scan of the text, far faster than str.translate on an article-long string)
    text = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    text = f'"{text}"'
    if language:
        return f"{text}@{language}"
    return f"{text}^^{iri(datatype)}" if datatype else text


def core_action(action: str) -> str:
    """The core class (Warning, Attack, Pressure) of an action class local name."""
    core = ACTION_PARENT.get(action, action)
    if core not in CORE_ACTIONS:
        raise ValueError(f"unknown action class {action!r}; expected one of {CORE_ACTIONS} or a subclass")
    return core


def date_literal(value: str) -> str:
    """An xsd:date (YYYY-MM-DD), xsd:gYearMonth (YYYY-MM) or xsd:gYear (YYYY) literal."""
    if _ISO_DATE.fullmatch(value):
        return literal(value, datatype=XSD.date)
    if _ISO_MONTH.fullmatch(value):
        return literal(value, datatype=XSD.gYearMonth)
    if len(value) == 4 and value.isdigit():
        return literal(value, datatype=XSD.gYear)
    raise ValueError(f"date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")


PRECISION_TERM = {p: iri(AK[p.capitalize()]) for p in ("day", "week", "month", "year")}


@lru_cache(maxsize=100_000)
def _int(value: int) -> str:
    return literal(str(value), datatype=XSD.nonNegativeInteger)


def span_iri(article: str, span: Span) -> str:
    """NIF/RFC 5147-style IRI of a character span of the article."""
    return f"{article}#char={span.start},{span.end}"


# Terms written for every event, made once (rdflib namespace lookups are slow in a loop).
_TYPE = iri(RDF.type)
_NIF_STRING, _NIF_PHRASE, _NIF_SENTENCE = (iri(NIF[t]) for t in ("String", "Phrase", "Sentence"))
_BEGIN, _END, _ANCHOR, _CONTEXT, _IN_SENTENCE = (
    iri(NIF[t]) for t in ("beginIndex", "endIndex", "anchorOf", "referenceContext", "sentence"))
_ARTICLE, _MODALITY, _AGENT, _TARGET, _DATE, _REPORTED_BY, _ACCORDING_TO, _EVIDENCE = (
    iri(AK[t]) for t in ("article", "modality", "agent", "target", "date", "reportedBy", "accordingTo",
                         "evidence"))
_CELL = iri(AK.cell)
_NIF_KIND = {"Phrase": _NIF_PHRASE, "Sentence": _NIF_SENTENCE}
_LABEL, _ALT_LABEL = iri(RDFS.label), iri(SKOS.altLabel)
_MODALITY_TERM = {name: iri(node) for name, node in MODALITY_IRI.items()}
_DIRECT_TERM = {core: iri(node) for core, node in DIRECT_PROPERTY.items()}


@dataclass(frozen=True)
class ArticleGraph:
    """One article's named graph, as N-Triples text (the triples, without the graph name), and its counts."""

    graph: str
    ntriples: bytes
    triples: int
    events: int

    def nquads(self) -> bytes:
        """The graph as N-Quads (each triple with the graph name), for shards and other stores."""
        # every line ends " .\n" and no term holds a raw newline (literals escape it)
        return self.ntriples.replace(b" .\n", f" {iri(self.graph)} .\n".encode())

    def quads(self) -> list[ox.Quad]:
        """The graph as pyoxigraph quads (parsed by pyoxigraph from the text)."""
        return list(ox.parse(self.nquads(), format=ox.RdfFormat.N_QUADS))


class _Triples:
    """Collects the triples of one graph as N-Triples lines (terms made by `iri`/`literal`), deduplicated,
    in insertion order."""

    def __init__(self) -> None:
        self.lines: dict[str, None] = {}

    def add(self, s: str, p: str, o: str) -> None:
        self.lines[f"{s} {p} {o} .\n"] = None


def extraction_graph(ex: Extraction) -> ArticleGraph:
    """One article's named graph: its N-Triples and counts."""
    art = ex.article
    text = art.text
    a_iri = iri(article_iri(art.identifier))
    q = _Triples()

    q.add(a_iri, _TYPE, iri(AK.Article))
    q.add(a_iri, _TYPE, iri(NIF.Context))
    q.add(a_iri, iri(DCTERMS.identifier), literal(art.identifier))
    q.add(a_iri, iri(DCTERMS.title), literal(art.title, language="ar"))
    q.add(a_iri, iri(DCTERMS.source), literal(art.url or art.source))
    q.add(a_iri, iri(NIF.isString), literal(text))
    if art.date:
        q.add(a_iri, iri(DCTERMS.issued), date_literal(art.date))
        if ex.date_span is not None:
            _check_span(text, ex.date_span, None, art.identifier)
            q.add(a_iri, iri(AK.dateEvidence), _nif_string(q, a_iri, text, ex.date_span, "Phrase"))
    if ex.outlet:
        q.add(a_iri, iri(DCTERMS.publisher), iri(ex.outlet))
    if art.outlet:
        q.add(a_iri, iri(AK.outletName), literal(art.outlet))
    if art.language:
        q.add(a_iri, iri(DCTERMS.language), literal(art.language))

    for actor in ex.new_actors:
        node = iri(actor.iri)
        q.add(node, _TYPE, iri(AK[actor.kind]))
        q.add(node, _LABEL, literal(actor.label_ar, language="ar"))
        if actor.label_en:
            q.add(node, _LABEL, literal(actor.label_en, language="en"))
        for prop, obj in actor.links:
            q.add(node, iri(AK[prop]), iri(obj))
        for other in actor.same_as:
            q.add(node, iri(SKOS.exactMatch), iri(other))

    for mention in ex.mentions:
        _check_span(text, mention.span, mention.text, art.identifier)
        q.add(iri(mention.actor), _ALT_LABEL, literal(mention.text, language="ar"))

    article_date = date_literal(art.date) if art.date else None
    for n, event in enumerate(ex.events):
        _event_triples(q, a_iri, text, n, event, art.identifier, article_date)
    return ArticleGraph(article_graph(art.identifier), "".join(q.lines).encode(), len(q.lines), len(ex.events))


def extraction_quads(ex: Extraction) -> list[ox.Quad]:
    """All quads of one article's named graph."""
    return extraction_graph(ex).quads()


def _check_span(text: str, span: Span, surface: str | None, identifier: str) -> None:
    if not 0 <= span.start < span.end <= len(text):
        raise ValueError(f"{identifier}: span {span} is outside the text ({len(text)} characters)")
    if surface is not None and text[span.start:span.end] != surface:
        raise ValueError(f"{identifier}: span {span} reads {text[span.start:span.end]!r}, not {surface!r}")


def _nif_string(q: _Triples, a_iri: str, text: str, span: Span, kind: str) -> str:
    node = f"<{span_iri(a_iri[1:-1], span)}>"  # (the article IRI is checked; offsets add no forbidden character)
    q.add(node, _TYPE, _NIF_STRING)
    q.add(node, _TYPE, _NIF_KIND[kind])
    q.add(node, _BEGIN, _int(span.start))
    q.add(node, _END, _int(span.end))
    q.add(node, _ANCHOR, literal(text[span.start:span.end]))
    q.add(node, _CONTEXT, a_iri)
    return node


def _event_triples(q: _Triples, a_iri: str, text: str, n: int, ev: Event, identifier: str,
                   article_date: str | None) -> None:
    core = core_action(ev.action)
    if ev.modality not in MODALITY_IRI:
        raise ValueError(f"{identifier}: unknown modality {ev.modality!r}; expected one of {list(MODALITY_IRI)}")
    if ev.agent is None and ev.target is None:
        raise ValueError(f"{identifier}: an event needs an agent or a target (trigger {ev.trigger})")
    _check_span(text, ev.trigger, None, identifier)
    _check_span(text, ev.sentence, None, identifier)
    e_iri = f"{a_iri[:-1]}/event/{n}>"  # (the article IRI is checked; the suffix adds no forbidden character)
    action = iri(AK[ev.action])
    q.add(e_iri, _TYPE, action)
    q.add(e_iri, _ARTICLE, a_iri)
    q.add(e_iri, _MODALITY, _MODALITY_TERM[ev.modality])
    # the event's cell (graph/cells.py): its own date with its precision, else its article's date
    date, precision = (date_literal(ev.date), PRECISION_TERM.get(ev.date_precision or "")) if ev.date \
        else (article_date, None)
    q.add(e_iri, _CELL, iri(cell_iri(action, _MODALITY_TERM[ev.modality], ev.agent and iri(ev.agent),
                                     ev.target and iri(ev.target), date, precision)))
    if ev.agent:
        q.add(e_iri, _AGENT, iri(ev.agent))
    if ev.target:
        q.add(e_iri, _TARGET, iri(ev.target))
    if ev.date:
        q.add(e_iri, _DATE, date_literal(ev.date))
        if ev.date_precision:
            q.add(e_iri, iri(AK.datePrecision), PRECISION_TERM[ev.date_precision])
        if ev.date_span is not None:
            _check_span(text, ev.date_span, None, identifier)
            q.add(e_iri, iri(AK.dateEvidence), _nif_string(q, a_iri, text, ev.date_span, "Phrase"))
    if ev.reported_by:
        q.add(e_iri, _REPORTED_BY, iri(ev.reported_by))
    for source in ev.according_to:
        q.add(e_iri, _ACCORDING_TO, iri(source))
    if ev.why:
        q.add(e_iri, iri(RDFS.comment), literal(ev.why, language="en"))
    trigger = _nif_string(q, a_iri, text, ev.trigger, "Phrase")
    sentence = _nif_string(q, a_iri, text, ev.sentence, "Sentence")
    q.add(trigger, _IN_SENTENCE, sentence)
    q.add(e_iri, _EVIDENCE, trigger)
    if ev.modality == "Asserted" and ev.agent and ev.target and ev.agent != ev.target:
        q.add(iri(ev.agent), _DIRECT_TERM[core], iri(ev.target))
