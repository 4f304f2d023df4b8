"""The sample article (examples/articles/seed.txt): its key facts and exact provenance offsets."""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox
import pytest

from akhbar.extract.text import sentence_spans
from akhbar.graph.rdf import extraction_quads
from akhbar.records import Extraction
from akhbar.text import read_article

from .conftest import SAMPLE
from .helpers import tuples

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


@pytest.fixture(scope="module")
def sample(read: Callable[[str, str], Extraction]) -> Extraction:
    article = read_article(SAMPLE)
    return read(article.text, article.identifier)


def test_the_us_warns_iraq(sample: Extraction) -> None:
    assert ("Warning", "usa", "iraq", "Asserted") in tuples(sample)
    assert ("Warning", "usa", "iraqi_government", "Asserted") in tuples(sample)


def test_israel_may_attack_baghdad_but_not_asserted(sample: Extraction) -> None:
    modalities = {m for a, ag, t, m in tuples(sample) if (a, ag, t) == ("Attack", "israel", "baghdad")}
    assert modalities and "Asserted" not in modalities


def test_the_israeli_army_attacked_iran(sample: Extraction) -> None:
    assert ("Attack", "idf", "iran", "Asserted") in tuples(sample)


def test_the_islamic_resistance_in_iraq_attacked_israel(sample: Extraction) -> None:
    assert ("Attack", "islamic_resistance_in_iraq", "israel", "Asserted") in tuples(sample)
    assert ("Attack", "islamic_resistance_in_iraq", "haifa", "Asserted") in tuples(sample)


def test_sullivan_and_blinken_pressed_al_sudani(sample: Extraction) -> None:
    got = tuples(sample)
    for official in ("sullivan", "blinken"):
        assert ("Pressure", official, "sudani", "Asserted") in got
        assert ("Pressure", official, "iraqi_government", "Asserted") in got  # هؤلاء المسؤولين


def test_the_us_cannot_restrain_israel_is_negated(sample: Extraction) -> None:
    assert ("Pressure", "usa", "israel", "Negated") in tuples(sample)


def test_reporting_chain(sample: Extraction) -> None:
    planned = [e for e in sample.events if e.modality == "Planned" and e.reported_by]
    assert any(e.reported_by.endswith("/wsj") and any(s.endswith("/iranian_officials") for s in e.according_to)
               for e in planned)


def test_every_offset_is_exact(sample: Extraction) -> None:
    text = sample.article.text
    sentences = set(sentence_spans(text))
    for ev in sample.events:
        assert (ev.sentence.start, ev.sentence.end) in sentences
        assert ev.sentence.start <= ev.trigger.start < ev.trigger.end <= ev.sentence.end
    for m in sample.mentions:
        assert text[m.span.start:m.span.end] == m.text


def test_nif_offsets_in_the_graph_read_back(sample: Extraction) -> None:
    quads = extraction_quads(sample)
    text = sample.article.text
    begin: dict[str, int] = {}
    end: dict[str, int] = {}
    anchor: dict[str, str] = {}
    for q in quads:
        p = q.predicate.value
        if p == NIF + "beginIndex":
            begin[q.subject.value] = int(q.object.value)
        elif p == NIF + "endIndex":
            end[q.subject.value] = int(q.object.value)
        elif p == NIF + "anchorOf":
            anchor[q.subject.value] = q.object.value
    assert anchor
    for node, surface in anchor.items():
        assert text[begin[node]:end[node]] == surface
    assert all(isinstance(q, ox.Quad) for q in quads)
