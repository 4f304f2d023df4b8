"""Running the SPARQL library (queries/*.rq) with safely bound parameters, and formatting results.

Parameters are bound with Oxigraph's substitutions (SEP-0007): a value becomes one RDF term, never
query text, so quotes, braces or an injected UPDATE in a value are matched literally.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from akhbar.graph.store import PREFIXES
from akhbar.paths import queries_dir

_PREFIXED = re.compile(r"([A-Za-z][\w-]*):([^\s<>\"{}|^`\\]*)")
_LANG_LITERAL = re.compile(r'"(.*)"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)', re.S)


class QueryError(Exception):
    """A query that cannot be found, parsed or bound; the message says what to do."""


def resolve_query(name: str) -> Path:
    """A .rq path, or the name of a query in queries/ (with or without .rq)."""
    path = Path(name)
    if path.suffix == ".rq" and path.is_file():
        return path
    candidate = queries_dir() / (name if name.endswith(".rq") else f"{name}.rq")
    if candidate.is_file():
        return candidate
    available = ", ".join(sorted(p.stem for p in queries_dir().glob("*.rq")))
    raise QueryError(f"{name}: no such query file or library query (library: {available})")


def parse_param(text: str) -> tuple[str, ox.NamedNode | ox.Literal]:
    """`name=value` → (name, term): <iri> or prefix:local → IRI; "x"@lang → tagged literal;
    an integer → xsd:integer; anything else → a plain string literal, matched as it is."""
    if "=" not in text:
        raise QueryError(f"--param {text!r}: expected name=value")
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?$")
    if not re.fullmatch(r"[A-Za-z_]\w*", name):
        raise QueryError(f"--param {text!r}: {name!r} is not a SPARQL variable name")
    return name, parse_term(value)


def parse_term(value: str) -> ox.NamedNode | ox.Literal:
    """One RDF term from a command-line value (see parse_param)."""
    if value.startswith("<") and value.endswith(">"):
        try:
            return ox.NamedNode(value[1:-1])
        except ValueError as err:
            raise QueryError(f"{value!r} is not a valid IRI ({err})") from None
    match = _PREFIXED.fullmatch(value)
    if match and match.group(1) in PREFIXES:
        return ox.NamedNode(PREFIXES[match.group(1)] + match.group(2))
    match = _LANG_LITERAL.fullmatch(value)
    if match:
        return ox.Literal(match.group(1), language=match.group(2))
    if re.fullmatch(r"-?\d+", value):
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(value)


def run_query(store: ox.Store, text: str, params: dict[str, ox.NamedNode | ox.Literal] | None = None):
    """Execute a SPARQL query over all graphs (the default graph is their union)."""
    substitutions = {ox.Variable(k): v for k, v in (params or {}).items()}
    try:
        return store.query(text, use_default_graph_as_union=True, substitutions=substitutions or None,
                           prefixes=PREFIXES)
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {err}") from None


def short(term: object) -> str:
    """A readable form of a result term: IRIs with the known prefixes, literal values bare."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns) and re.fullmatch(r"[\w.-]*", term.value[len(ns):]):
                return f"{prefix}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)
