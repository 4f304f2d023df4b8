"""ontology/shapes.ttl: a hand-written well-formed graph conforms, and each kind of damage is caught."""

from __future__ import annotations

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import Graph
from rdflib.namespace import RDF, SH

PREFIXES = """
@prefix ak: <https://w3id.org/akhbar/ontology#> .
@prefix id: <https://w3id.org/akhbar/id/> .
@prefix art: <https://w3id.org/akhbar/article/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
"""

# The article text; "حذرت" is at code points [18, 22) and the first sentence is [0, 39).
TEXT = "قالت الصحيفة إن واشنطن حذرت بغداد من هجوم. وأضافت أن إيران هددت."
TRIGGER = "حذرت"
SENTENCE = TEXT.split(".")[0] + "."

VALID = PREFIXES + f"""
art:a1 a ak:Article , nif:Context ;
    dcterms:identifier "a1" ;
    nif:isString "{TEXT}" .

art:a1\\/event\\/0 a ak:Warning ;
    ak:article art:a1 ;
    ak:agent id:usa ;
    ak:target id:iraq ;
    ak:modality ak:Asserted ;
    ak:date "2024-01-05"^^xsd:date ;
    ak:evidence <https://w3id.org/akhbar/article/a1#char={TEXT.index(TRIGGER)},{TEXT.index(TRIGGER) + len(TRIGGER)}> .

<https://w3id.org/akhbar/article/a1#char={TEXT.index(TRIGGER)},{TEXT.index(TRIGGER) + len(TRIGGER)}>
    a nif:String , nif:Phrase ;
    nif:beginIndex "{TEXT.index(TRIGGER)}"^^xsd:nonNegativeInteger ;
    nif:endIndex "{TEXT.index(TRIGGER) + len(TRIGGER)}"^^xsd:nonNegativeInteger ;
    nif:anchorOf "{TRIGGER}" ;
    nif:referenceContext art:a1 ;
    nif:sentence <https://w3id.org/akhbar/article/a1#char=0,{len(SENTENCE)}> .

<https://w3id.org/akhbar/article/a1#char=0,{len(SENTENCE)}>
    a nif:String , nif:Sentence ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ;
    nif:endIndex "{len(SENTENCE)}"^^xsd:nonNegativeInteger ;
    nif:anchorOf "{SENTENCE}" ;
    nif:referenceContext art:a1 .

id:usa a ak:State ; rdfs:label "الولايات المتحدة"@ar , "United States"@en .
id:iraq a ak:State ; rdfs:label "العراق"@ar , "Iraq"@en .
"""

EVENT = "<https://w3id.org/akhbar/article/a1/event/0>"
TRIGGER_NODE = f"<https://w3id.org/akhbar/article/a1#char={TEXT.index(TRIGGER)},{TEXT.index(TRIGGER) + len(TRIGGER)}>"


def validate(data: str, shapes: Graph, ontology: Graph | None = None) -> tuple[bool, Graph]:
    """pyshacl over the data (plus the ontology when given, as the lead validates), RDFS inference on."""
    g = Graph().parse(data=data, format="turtle")
    if ontology is not None:
        for triple in ontology:
            g.add(triple)
    conforms, report, _ = pyshacl.validate(g, shacl_graph=shapes, inference="rdfs", advanced=True)
    return bool(conforms), report


def failing_shapes(report: Graph) -> set[str]:
    """Local names of the constraint components that failed."""
    return {str(report.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
            for r in report.subjects(RDF.type, SH.ValidationResult)}


def test_sample_text_offsets() -> None:
    start = TEXT.index(TRIGGER)
    assert TEXT[start:start + len(TRIGGER)] == TRIGGER
    assert TEXT[:len(SENTENCE)] == SENTENCE


@pytest.mark.parametrize("with_ontology", [False, True])
def test_valid_graph_conforms(shapes: Graph, ontology: Graph, with_ontology: bool) -> None:
    conforms, report = validate(VALID, shapes, ontology if with_ontology else None)
    assert conforms, report.serialize(format="turtle")


def test_action_without_article_fails(shapes: Graph, ontology: Graph) -> None:
    data = VALID.replace("    ak:article art:a1 ;\n", "")
    conforms, report = validate(data, shapes, ontology)
    assert not conforms
    assert "MinCountConstraintComponent" in failing_shapes(report)


def test_action_with_two_articles_fails(shapes: Graph, ontology: Graph) -> None:
    second = 'art:a2 a ak:Article ; dcterms:identifier "a2" ; nif:isString "x" .\n'
    data = VALID + f"{EVENT} ak:article art:a2 .\n" + second
    conforms, report = validate(data, shapes, ontology)
    assert not conforms
    assert "MaxCountConstraintComponent" in failing_shapes(report)


def test_action_with_neither_agent_nor_target_fails(shapes: Graph, ontology: Graph) -> None:
    data = VALID.replace("    ak:agent id:usa ;\n", "").replace("    ak:target id:iraq ;\n", "")
    conforms, report = validate(data, shapes, ontology)
    assert not conforms
    assert failing_shapes(report) == {"OrConstraintComponent"}


def test_action_with_only_a_target_conforms(shapes: Graph, ontology: Graph) -> None:
    conforms, _ = validate(VALID.replace("    ak:agent id:usa ;\n", ""), shapes, ontology)
    assert conforms


def test_action_without_evidence_fails(shapes: Graph, ontology: Graph) -> None:
    data = VALID.replace(f"    ak:evidence {TRIGGER_NODE} .", "    ak:date \"2024-01-05\"^^xsd:date .")
    conforms, _ = validate(data, shapes, ontology)
    assert not conforms


def test_unknown_or_second_modality_fails(shapes: Graph, ontology: Graph) -> None:
    conforms, report = validate(VALID + f"{EVENT} ak:modality ak:Negated .\n", shapes, ontology)
    assert not conforms and "MaxCountConstraintComponent" in failing_shapes(report)
    conforms, report = validate(VALID.replace("ak:Asserted", "ak:Maybe"), shapes)
    assert not conforms and "InConstraintComponent" in failing_shapes(report)


def test_bad_date_datatype_fails(shapes: Graph, ontology: Graph) -> None:
    conforms, _ = validate(VALID.replace('"2024-01-05"^^xsd:date', '"5 January"'), shapes, ontology)
    assert not conforms
    conforms, _ = validate(VALID.replace('"2024-01-05"^^xsd:date', '"2024-01"^^xsd:gYearMonth'), shapes, ontology)
    assert conforms


def test_actor_without_arabic_label_fails(shapes: Graph, ontology: Graph) -> None:
    data = VALID.replace('id:iraq a ak:State ; rdfs:label "العراق"@ar , "Iraq"@en .',
                         'id:iraq a ak:State ; rdfs:label "Iraq"@en , "العراق" .')
    conforms, report = validate(data, shapes, ontology)
    assert not conforms
    assert "QualifiedMinCountConstraintComponent" in failing_shapes(report)


def test_agent_unknown_to_the_graph_fails(shapes: Graph, ontology: Graph) -> None:
    """With the ontology, ak:agent's range types the agent ak:Actor, which then needs an Arabic label."""
    conforms, _ = validate(VALID.replace("ak:agent id:usa", "ak:agent id:nobody"), shapes, ontology)
    assert not conforms


@pytest.mark.parametrize(("begin", "end"), [(17, 21), (19, 23), (18, 18), (18, 200)])
def test_evidence_offsets_that_do_not_match_fail(shapes: Graph, ontology: Graph, begin: int, end: int) -> None:
    start = TEXT.index(TRIGGER)
    data = VALID.replace(f'nif:beginIndex "{start}"', f'nif:beginIndex "{begin}"') \
        .replace(f'nif:endIndex "{start + len(TRIGGER)}"', f'nif:endIndex "{end}"')
    conforms, report = validate(data, shapes, ontology)
    assert not conforms
    assert "SPARQLConstraintComponent" in failing_shapes(report)


def test_sentence_anchor_that_does_not_match_fails(shapes: Graph, ontology: Graph) -> None:
    conforms, report = validate(VALID.replace(f'nif:anchorOf "{SENTENCE}"', 'nif:anchorOf "جملة أخرى"'),
                                shapes, ontology)
    assert not conforms
    assert "SPARQLConstraintComponent" in failing_shapes(report)


def test_article_without_identifier_or_text_fails(shapes: Graph, ontology: Graph) -> None:
    conforms, _ = validate(VALID.replace('    dcterms:identifier "a1" ;\n', ""), shapes, ontology)
    assert not conforms
    conforms, _ = validate(VALID.replace(f'    nif:isString "{TEXT}" .', '    dcterms:title "t" .'), shapes, ontology)
    assert not conforms


def test_offsets_count_code_points_not_utf16_or_bytes(shapes: Graph, ontology: Graph) -> None:
    """An emoji outside the BMP before the trigger shifts code-point offsets by one (UTF-16 would say two)."""
    shifted = VALID.replace(TEXT, "🙂" + TEXT)
    start = TEXT.index(TRIGGER)
    for old, new in ((f'"{start}"', f'"{start + 1}"'), (f'"{start + len(TRIGGER)}"', f'"{start + 1 + len(TRIGGER)}"')):
        shifted = shifted.replace(old, new)
    # the sentence now starts with the emoji too
    shifted = shifted.replace(f'nif:anchorOf "{SENTENCE}"', f'nif:anchorOf "🙂{SENTENCE[:-1]}"')
    conforms, report = validate(shifted, shapes, ontology)
    assert conforms, report.serialize(format="turtle")


def test_offsets_typed_xsd_integer_conform_but_negative_fail(shapes: Graph, ontology: Graph) -> None:
    """Oxigraph stores xsd:nonNegativeInteger as xsd:integer, so both are accepted, but never below zero."""
    as_integer = VALID.replace("xsd:nonNegativeInteger", "xsd:integer")
    conforms, report = validate(as_integer, shapes, ontology)
    assert conforms, report.serialize(format="turtle")
    conforms, report = validate(as_integer.replace('nif:beginIndex "0"', 'nif:beginIndex "-1"'), shapes, ontology)
    assert not conforms
    assert "MinInclusiveConstraintComponent" in failing_shapes(report)
    conforms, _ = validate(VALID.replace('nif:beginIndex "0"^^xsd:nonNegativeInteger', 'nif:beginIndex "0"'),
                           shapes, ontology)
    assert not conforms


def test_graph_round_tripped_through_oxigraph_conforms(shapes: Graph, ontology: Graph) -> None:
    store = ox.Store()
    store.load(VALID.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")
    assert "nonNegativeInteger" not in data  # what Oxigraph does to integer subtypes
    g = Graph().parse(data=data, format="nt")
    for triple in ontology:
        g.add(triple)
    conforms, _, text = pyshacl.validate(g, shacl_graph=shapes, inference="rdfs", advanced=True)
    assert conforms, text
