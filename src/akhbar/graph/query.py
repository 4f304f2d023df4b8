"""Running the SPARQL library (queries/*.rq) with safely bound parameters, and formatting results.

A parameter becomes one RDF term in a VALUES block, serialised by pyoxigraph — never pasted text —
so quotes, braces or an injected UPDATE in a value are matched literally.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from akhbar.graph.store import PREFIXES
from akhbar.paths import queries_dir

_PREFIXED = re.compile(r"([A-Za-z][\w-]*):([^\s<>\"{}|^`\\]*)")
_LANG_LITERAL = re.compile(r'"(.*)"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)', re.S)


class QueryError(Exception):
    """A query that cannot be found, parsed or bound; the message says what to do."""


QUERY_SUFFIXES = (".rq", ".sparql")


def library() -> list[Path]:
    """The library's queries, by name."""
    return sorted(queries_dir().glob("*.rq"))


def resolve_query(name: str) -> Path:
    """A .rq or .sparql file, or the name of a query in queries/ (with or without .rq); a misspelt name gets
    "did you mean"."""
    path = Path(name)
    if path.suffix in QUERY_SUFFIXES and path.is_file():
        return path
    candidate = queries_dir() / (name if name.endswith(".rq") else f"{name}.rq")
    if candidate.is_file():
        return candidate
    names = [p.stem for p in library()]
    close = difflib.get_close_matches(Path(name).stem, names, n=3, cutoff=0.6)
    if close:
        raise QueryError(f"{name}: no such query; did you mean {' or '.join(close)}? (`akhbar queries` lists them)")
    raise QueryError(f"{name}: no such query file or library query (library: {', '.join(names)})")


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


def bind_values(text: str, params: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """Bind parameters by opening the WHERE group with `VALUES ?name { term }`.

    Each term is written by pyoxigraph's own N-Triples serialiser, so a value can only ever be one
    RDF term: quotes, braces or an injected UPDATE are escaped and matched literally. (Oxigraph's own
    substitutions would do the same but demand that every bound variable is projected.)
    """
    if not params:
        return text
    at = _where_brace(text)
    if at < 0:
        raise QueryError("cannot bind --param: the query has no WHERE group")
    values = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in params.items())
    return f"{text[:at + 1]} {values} {text[at + 1:]}"


def _where_brace(text: str) -> int:
    """Index of the `{` opening the WHERE group, skipping comments, strings and IRIs (-1 if none)."""
    i, n, first_brace, after_where = 0, len(text), -1, False
    while i < n:
        ch = text[i]
        if ch == "#":
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif ch in "\"'":
            end = text.find(ch, i + 1)
            while end > 0 and text[end - 1] == "\\":
                end = text.find(ch, end + 1)
            i = n if end < 0 else end
        elif ch == "<" and re.match(r"<[^\s<>\"{}|^`]*>", text[i:]):
            i = text.index(">", i)
        elif ch == "{":
            if after_where:
                return i
            first_brace = i if first_brace < 0 else first_brace
        elif text[i:i + 5].upper() == "WHERE" and not text[i - 1:i].isalnum() and not text[i + 5:i + 6].isalnum():
            after_where = True
            i += 4
        i += 1
    return first_brace


def where_group(text: str) -> tuple[int, int]:
    """Indexes of the `{` opening the WHERE group and of the `}` closing it (comments, strings and IRIs
    skipped).

    >>> where_group("SELECT * WHERE { ?s ?p ?o { ?o ?q '}' } } ORDER BY ?s")
    (15, 40)
    """
    start = _where_brace(text)
    if start < 0:
        raise QueryError("the query has no WHERE group")
    depth, i, n = 0, start, len(text)
    while i < n:
        match = NOT_CODE.match(text, i)
        if match:
            i = match.end()
            continue
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return start, i
        i += 1
    raise QueryError("the query's WHERE group is not closed")


_TRAILING_LIMIT = re.compile(r"\b(LIMIT|OFFSET)\s+\d+\s*((LIMIT|OFFSET)\s+\d+\s*)?$", re.I)


def page(text: str, limit: int | None, offset: int = 0) -> str:
    r"""The query with `LIMIT limit OFFSET offset` appended: one page of its (ordered) rows.

    A query that already ends in its own LIMIT or OFFSET keeps it (paging it again would change what it
    means), and so does a query asking for no page (limit None or 0, offset 0).

    >>> page("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s", 100, 200)
    'SELECT * WHERE { ?s ?p ?o } ORDER BY ?s\nLIMIT 100 OFFSET 200'
    >>> page("SELECT * WHERE { ?s ?p ?o } LIMIT 5", 100)
    'SELECT * WHERE { ?s ?p ?o } LIMIT 5'
    """
    if not limit and not offset:
        return text
    body = re.sub(r"#[^\n]*", " ", _without_iris(text)).rstrip()
    if _TRAILING_LIMIT.search(body):
        return text
    clauses = ([f"LIMIT {limit}"] if limit else []) + ([f"OFFSET {offset}"] if offset else [])
    return text.rstrip() + "\n" + " ".join(clauses)


def run_query(store: ox.Store, text: str, params: dict[str, ox.NamedNode | ox.Literal] | None = None):
    """Execute a SPARQL query over all graphs (the default graph is their union), parameters bound."""
    try:
        return store.query(bind_values(text, params or {}), use_default_graph_as_union=True, prefixes=PREFIXES)
    except SyntaxError as err:
        raise QueryError(syntax_message(text, str(err))) from None


def syntax_message(text: str, message: str) -> str:
    """One short line for a SPARQL syntax error (the parser lists every character it would have accepted)."""
    undeclared = sorted({p for p in re.findall(r"(?<![\w<\"'])([A-Za-z][\w-]*):[A-Za-z_]", _without_iris(text))
                         if p not in PREFIXES and not re.search(rf"PREFIX\s+{p}:", text, re.I)})
    found = re.search(r"error at (\d+:\d+)", message)
    where = f"line:column {found.group(1)}" if found else "in the query"
    if undeclared:
        return (f"SPARQL: unknown prefix {', '.join(p + ':' for p in undeclared)} ({where}); declare it with "
                f"PREFIX or use one of {', '.join(p + ':' for p in PREFIXES)}")
    first = message.split(", [", 1)[0].split("\n", 1)[0]
    return f"SPARQL syntax error: {first[:160]}"


def _without_iris(text: str) -> str:
    """The query with its <IRIs> and strings blanked (their colons are no prefixes)."""
    return re.sub(r"<[^>\s]*>|\"[^\"]*\"|'[^']*'", " ", text)


def short(term: object) -> str:
    """A readable form of a result term: IRIs with the known prefixes, literal values bare."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns) and re.fullmatch(r"[\w.\-/#=,]*", term.value[len(ns):]):
                return f"{prefix}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


@dataclass(frozen=True)
class QueryInfo:
    """What a library query's comment header says: its one-line description, parameters and needs."""

    name: str
    description: str
    parameters: dict[str, str]
    needs_reason: bool


def query_info(path: Path) -> QueryInfo:
    """Read a query file's header (`# name: what it answers`, a Parameters block of `#   ?name  meaning`,
    `# Needs: akhbar reason`)."""
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        header.append(line[1:])
    first = header[0].strip() if header else path.stem
    description = first.split(":", 1)[1].strip() if ":" in first else first
    parameters: dict[str, str] = {}
    in_params = False
    for line in header:
        if line.strip().startswith("Parameters"):
            in_params = True
            continue
        match = re.match(r"\s+\?(\w+)\s+(.*)", line)
        if in_params and match:
            parameters[match.group(1)] = match.group(2).strip()
        elif in_params and not line.startswith("     "):
            in_params = False
    needs = any(line.strip().lower().startswith("needs: akhbar reason") for line in header)
    return QueryInfo(path.stem, description, parameters, needs)


# IRIs, strings and comments in one left-to-right pass, so that each hides what it contains: a quote in a
# comment (# the state's …) opens no string, a # in a string or an IRI (<…#x>) starts no comment.
NOT_CODE = re.compile(r"<[^>\s]*>|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*")


def query_variables(text: str) -> set[str]:
    """The variable names a query uses (outside comments, strings and IRIs).

    >>> sorted(query_variables("# the state's ?notOne\\nSELECT ?a WHERE { ?a <http://x#y> 'it''s ?b' }"))
    ['a']
    """
    return set(re.findall(r"[?$](\w+)", NOT_CODE.sub(" ", text)))


def check_params(path: Path, text: str, params: dict[str, object]) -> None:
    """Every --param must name a variable of the query: an unknown one is an error listing those it takes."""
    known = query_variables(text)
    unknown = sorted(set(params) - known)
    if unknown:
        info = query_info(path)
        takes = ", ".join(info.parameters) if info.parameters else ", ".join(sorted(known))
        raise QueryError(f"--param {', '.join(unknown)}: {path.stem} has no such variable; it takes {takes}")
