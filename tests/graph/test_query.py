"""Parameter binding: one RDF term per value, whatever the value holds."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from akhbar.graph.query import QueryError, bind_values, parse_param, run_query

EX = "http://example.org/"


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    s.add(ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "name"), ox.Literal('x" } ; DROP ALL #'),
                  ox.NamedNode(EX + "g")))
    s.add(ox.Quad(ox.NamedNode(EX + "b"), ox.NamedNode(EX + "name"), ox.Literal("plain"), ox.NamedNode(EX + "g")))
    return s


@pytest.mark.parametrize(("value", "expected"), [("plain", ["b"]), ('x" } ; DROP ALL #', ["a"]),
                                                 ('"} UNION { ?s ?p ?o', []), ("<http://example.org/a>", [])])
def test_values_are_matched_literally(store: ox.Store, value: str, expected: list[str]) -> None:
    query = "SELECT ?s WHERE { ?s <http://example.org/name> ?name }"
    rows = run_query(store, query, dict([parse_param(f"name={value}")]))
    assert sorted(r["s"].value.removeprefix(EX) for r in rows) == expected
    assert len(store) == 2


def test_terms_from_the_command_line() -> None:
    assert parse_param("s=id:usa") == ("s", ox.NamedNode("https://w3id.org/akhbar/id/usa"))
    assert parse_param('l="العراق"@ar') == ("l", ox.Literal("العراق", language="ar"))
    assert parse_param("n=42")[1].datatype.value.endswith("#integer")
    assert parse_param("x=unknown:thing") == ("x", ox.Literal("unknown:thing"))
    with pytest.raises(QueryError):
        parse_param("no-equals-sign")
    with pytest.raises(QueryError):
        parse_param("bad name=1")


def test_binding_skips_braces_in_comments_strings_and_iris() -> None:
    query = 'PREFIX a: <http://x/#{>\n# WHERE {\nSELECT ("WHERE {" AS ?t) WHERE { ?s ?p ?o }'
    bound = bind_values(query, {"s": ox.NamedNode(EX + "a")})
    assert bound.endswith("WHERE { VALUES ?s { <http://example.org/a> }  ?s ?p ?o }")
    assert bind_values("ASK { ?s ?p ?o }", {"s": ox.Literal("1")}).startswith('ASK { VALUES ?s { "1" }')
