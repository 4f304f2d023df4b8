"""Fuzzing the whole build (hypothesis): random Arabic/Latin/digit/punctuation/whitespace articles.

Whatever the text, the build either refuses the file with one line naming it, or stores a graph whose
every evidence offset is exact and which satisfies the SHACL shapes. It never crashes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from akhbar.graph.reason import to_rdflib
from akhbar.graph.shacl import validate_graph
from akhbar.graph.store import article_graphs, open_store
from akhbar.paths import ontology_dir
from akhbar.pipeline import build

WORDS = ["حذرت", "الولايات", "المتحدة", "إيران", "من", "شن", "هجوم", "على", "إسرائيل", "وقصفت", "الطائرات",
         "الإسرائيلية", "بغداد", "وضغط", "بلينكن", "السوداني", "قد", "لم", "إذا", "الحوثيون", "هاجموا", "سفينة",
         "واشنطن", "طهران", "الجيش", "الحرس", "الثوري", "Axios", "CNN", "2024", "١٢", "ـــ", "َُ"]
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x0652), min_size=1, max_size=8),
    st.text(alphabet="abcXYZ0123456789", min_size=1, max_size=6),
    st.sampled_from(list(".,:;!?؟،؛«»“”\"'()-–…/")),
    st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u200f"]),
)
ONTOLOGY = Graph().parse(ontology_dir() / "akhbar.ttl", format="turtle")
ANCHORS = """
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?text ?b ?e ?anchor WHERE { GRAPH ?g {
  ?s nif:referenceContext ?a ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor .
  ?a nif:isString ?text } }"""


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=60).map("".join))
def test_random_articles_build_cleanly(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.txt"
        path.write_text(text, encoding="utf-8")
        report = build([path], Path(tmp) / "store")
        if report.errors:  # refused: one line naming the file, nothing stored
            assert report.articles == 0 and len(report.errors) == 1
            assert report.errors[0].startswith(str(path)) and "\n" not in report.errors[0]
            return
        store = open_store(Path(tmp) / "store", read_only=True)
        graphs = article_graphs(store)
        assert len(graphs) == 1
        for row in store.query(ANCHORS):
            assert row["text"].value[int(row["b"].value):int(row["e"].value)] == row["anchor"].value
        data = to_rdflib(store.quads_for_pattern(None, None, None, ox.NamedNode(graphs[0])))
        data += ONTOLOGY
        result = validate_graph(data)
        assert result.conforms, result.report
