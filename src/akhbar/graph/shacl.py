"""SHACL validation (pyshacl) of the store against ontology/shapes.ttl."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import Graph
from rdflib.namespace import RDF, SH

from akhbar.graph.reason import to_rdflib
from akhbar.graph.store import data_quads
from akhbar.paths import ontology_dir


@dataclass
class ValidationResult:
    """Whether the data conforms, and pyshacl's text report."""

    conforms: bool
    report: str
    violations: int


def validate_graph(data: Graph, shapes_path: Path | None = None) -> ValidationResult:
    """Validate an rdflib graph (data + ontology, so rdfs:subClassOf targets apply)."""
    shapes = Graph().parse(shapes_path or ontology_dir() / "shapes.ttl", format="turtle")
    conforms, report_graph, report_text = pyshacl.validate(
        data, shacl_graph=shapes, inference="rdfs", advanced=True, allow_warnings=True
    )
    violations = len(set(report_graph.subjects(RDF.type, SH.ValidationResult)))
    return ValidationResult(bool(conforms), str(report_text), violations)


def validate_store(store: ox.Store, shapes_path: Path | None = None) -> ValidationResult:
    """Validate everything in the store except the inferred graph."""
    return validate_graph(to_rdflib(data_quads(store, include_inferred=False)), shapes_path)
