"""What `akhbar report` shows, read from the store by a few SPARQL queries whose cost does not grow with a dump.

Three aggregate or bounded queries carry the report: edge counts grouped by (agent, target, action, asserted),
event counts grouped by (date, action) — whose sum is the total — and the newest `limit` events. Small
lookups by VALUES then fetch the details of those rows only (sentence, trigger, labels, surface forms) and
which actors act for which state (walked once from each ak:State, as queries/state-hostility.rq does).
Filters (from, to, actor, action) are bound as RDF terms serialised by pyoxigraph, never pasted text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from akhbar.graph.cells import event_count
from akhbar.graph.query import QueryError, parse_term
from akhbar.graph.rdf import ACTION_PARENT, CORE_ACTIONS
from akhbar.graph.store import PREFIXES
from akhbar.graph.vocab import ONTOLOGY_NS

PARAMETERS = ("from", "to", "actor", "action")
# the action words --param action=… takes, and the core class each names
ACTION_WORDS = {"warns": "Warning", "attacks": "Attack", "pressures": "Pressure"}
DEFAULT_LIMIT = 300
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

_SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
# every action class the extraction writes, with its core class (the graph holds the asserted class only in the
# article graph; `akhbar reason` adds the superclasses elsewhere, which the queries do not read)
_ACTION_VALUES = "VALUES (?type ?core) { " + " ".join(
    f'(ak:{name} "{ACTION_PARENT.get(name, name)}")' for name in (*CORE_ACTIONS, *ACTION_PARENT)) + " }"
_CORE_OF = {name: ACTION_PARENT.get(name, name) for name in (*CORE_ACTIONS, *ACTION_PARENT)}
_LIFT_PATH = "(ak:actsFor|ak:officialOf|ak:partOf)"


class ReportError(Exception):
    """A bad --param; the message says what the report takes."""


@dataclass(frozen=True)
class Filters:
    """The report's filters: a day range on the event's date (else its article's), an actor taking part (or
    acting for it) and an action core class; None matches everything."""

    start: str | None = None
    end: str | None = None
    actor: ox.NamedNode | None = None
    action: str | None = None

    def describe(self) -> str:
        """The filters as the command line gave them, or "none".

        >>> Filters(start="2024-10-01", action="Warning").describe()
        'from=2024-10-01 action=Warning'
        """
        parts = [f"{name}={value}" for name, value in (("from", self.start), ("to", self.end)) if value]
        if self.actor is not None:
            parts.append(f"actor={short_iri(self.actor.value)}")
        if self.action:
            parts.append(f"action={self.action}")
        return " ".join(parts) or "none"


def parse_filters(params: Iterable[str]) -> Filters:
    """`--param name=value` pairs → Filters; an unknown name or a bad value raises ReportError.

    >>> parse_filters(["from=2024-10-01", "action=warns", "actor=id:usa"]).actor.value
    'https://w3id.org/akhbar/id/usa'
    >>> parse_filters(["when=today"])
    Traceback (most recent call last):
    akhbar.report.data.ReportError: --param when=today: the report takes from, to, actor, action
    """
    values: dict[str, str] = {}
    for text in params:
        name, sep, value = text.partition("=")
        name = name.strip()
        if not sep or name not in PARAMETERS:
            raise ReportError(f"--param {text}: the report takes {', '.join(PARAMETERS)}")
        if not value:
            raise ReportError(f"--param {text}: give a value")
        values[name] = value.strip()
    for name in ("from", "to"):
        if name in values and not _valid_day(values[name]):
            raise ReportError(f"--param {name}={values[name]}: not a day; write YYYY-MM-DD, e.g. 2024-10-01")
    if "from" in values and "to" in values and values["from"] > values["to"]:
        raise ReportError(f"--param from={values['from']} is after to={values['to']}")
    actor = None
    if "actor" in values:
        try:
            term = parse_term(values["actor"])
        except QueryError as e:
            raise ReportError(f"--param actor={values['actor']}: {e}") from None
        if not isinstance(term, ox.NamedNode):
            raise ReportError(f"--param actor={values['actor']}: not an IRI; write id:usa or <https://…>")
        actor = term
    return Filters(values.get("from"), values.get("to"), actor, action_class(values["action"]) if "action" in
                   values else None)


def _valid_day(text: str) -> bool:
    import datetime

    if not _DAY.fullmatch(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def action_class(text: str) -> str:
    """The action class local name an --param action value names: warns/attacks/pressures, or a class
    (Warning, ak:Threat, the full IRI).

    >>> action_class("warns"), action_class("ak:DroneAttack")
    ('Warning', 'DroneAttack')
    """
    word = text.strip().lower()
    if word in ACTION_WORDS:
        return ACTION_WORDS[word]
    name = text.strip().strip("<>")
    for prefix in (ONTOLOGY_NS, "ak:"):
        name = name.removeprefix(prefix)
    known = {n.lower(): n for n in (*CORE_ACTIONS, *ACTION_PARENT)}
    if name.lower() in known:
        return known[name.lower()]
    raise ReportError(f"--param action={text}: not an action; use warns, attacks, pressures or a class such as "
                      f"{', '.join(sorted(known.values()))}")


def short_iri(value: str) -> str:
    """An IRI with a known prefix (id:usa), else as it is."""
    for prefix, ns in PREFIXES.items():
        if value.startswith(ns):
            return f"{prefix}:{value[len(ns):]}"
    return value


def _where(filters: Filters, with_agent_target: bool = False, dates: bool = True, first: str = "") -> str:
    """The WHERE body every report query shares: one event of an article graph, its core action, modality
    and date (its own, else its article's publication date), the filters applied. `first` (patterns binding
    ?event, e.g. a VALUES list) goes first in the GRAPH block, so that the rest is looked up for those events
    only."""
    lines = []
    if filters.actor is not None:
        # events in which the actor, or someone acting for it, takes part: walked back from the actor once
        lines.append(f"{{ SELECT DISTINCT ?member WHERE {{ VALUES ?actor {{ {filters.actor} }} "
                     f"?member {_LIFT_PATH}* ?actor }} }}")
    graph = ([first] if first else []) + ["?event ak:modality ?modality ; a ?type ; ak:article ?article ."]
    if filters.actor is not None:
        graph.append("?event ak:agent|ak:target ?member .")
    if with_agent_target:
        graph.append("?event ak:agent ?agent ; ak:target ?target .")
    # (only triple patterns in the GRAPH block: a FILTER inside it makes Oxigraph's plan ten times slower)
    block = "GRAPH ?g { " + "\n    ".join(graph) + " }"
    # (with `first`, the block is a sub-select: joined as a whole to the action VALUES below, not entered from them,
    # which on 10,000 articles takes seconds)
    lines.append(f"{{ SELECT * WHERE {{ {block} }} }}" if first else block)
    if with_agent_target:
        lines.append("FILTER(?agent != ?target)")
    if not (dates or filters.start or filters.end):
        return "\n  ".join(lines + _action_filter(filters))
    # (the optional dates outside the GRAPH block: inside it Oxigraph's left join is several times slower)
    lines.append("OPTIONAL { ?event ak:date ?eventDate }")
    if filters.start or filters.end:
        lines.append("OPTIONAL { ?event ak:datePrecision ?eventPrecision }")
    lines.append("OPTIONAL { ?article dcterms:issued ?articleDate }")
    lines += _action_filter(filters)
    lines.append("BIND(STR(COALESCE(?eventDate, ?articleDate)) AS ?date)")
    if filters.start or filters.end:
        # the span of days a date covers, as text (as queries/timeline.rq): a month 2024-10 runs from 2024-10-00
        # to 2024-10~ ("~" sorts after every digit), a week from its Monday to the Sunday after
        lines.append('BIND(IF(STRLEN(?date) = 10, ?date, CONCAT(?date, IF(STRLEN(?date) = 7, "-00", "-00-00"))) '
                     "AS ?firstDay)")
        lines.append('BIND(IF(COALESCE(?eventPrecision = ak:Week, false), '
                     'STR(xsd:date(?date) + "P6D"^^xsd:dayTimeDuration), '
                     'IF(STRLEN(?date) = 10, ?date, CONCAT(?date, "~"))) AS ?lastDay)')
        if filters.start:
            lines.append(f"FILTER(BOUND(?date) && ?lastDay >= {ox.Literal(filters.start)})")
        if filters.end:
            lines.append(f"FILTER(BOUND(?date) && ?firstDay <= {ox.Literal(filters.end)})")
    return "\n  ".join(lines)


def _action_filter(filters: Filters) -> list[str]:
    """The action classes with their core class, narrowed to the --param action asked for."""
    if filters.action is None:
        return [_ACTION_VALUES]
    core = ACTION_PARENT.get(filters.action, filters.action)
    exact = filters.action not in CORE_ACTIONS
    return [_ACTION_VALUES, f'FILTER(?type = ak:{filters.action})' if exact else f'FILTER(?core = "{core}")']


def _count(filters: Filters) -> str:
    """COUNT(*), or COUNT(DISTINCT ?event) when the actor filter can match an event twice (agent and target)."""
    return "COUNT(DISTINCT ?event)" if filters.actor is not None else "COUNT(*)"


def network_query(filters: Filters) -> str:
    """Events with both participants, counted by (agent, target, core action, asserted or not)."""
    return (f"{_SPARQL_PREFIXES}SELECT ?agent ?target ?core ?asserted ({_count(filters)} AS ?n) WHERE {{\n  "
            f"{_where(filters, with_agent_target=True, dates=False)}\n"
            "  BIND(?modality = ak:Asserted AS ?asserted)\n}\n"
            "GROUP BY ?agent ?target ?core ?asserted")


def timeline_query(filters: Filters) -> str:
    """Events counted by (date, core action); undated events have no ?date."""
    return (f"{_SPARQL_PREFIXES}SELECT ?date ?core ({_count(filters)} AS ?n) WHERE {{\n  {_where(filters)}\n}}\n"
            "GROUP BY ?date ?core")


def newest_query(filters: Filters, limit: int) -> str:
    """The `limit` newest events (undated last), then by event IRI (article, then number)."""
    return (f"{_SPARQL_PREFIXES}SELECT DISTINCT ?event ?date WHERE {{\n  "
            f"{_where(filters)}\n  BIND(COALESCE(?date, \"\") AS ?sortKey)\n}}\n"
            f"ORDER BY DESC(?sortKey) ?event LIMIT {int(limit)}")


def cell_events_query(cells: Iterable[str]) -> str:
    """Every event of these cells, with its cell."""
    values = " ".join(str(ox.NamedNode(c)) for c in sorted(cells))
    return (f"{_SPARQL_PREFIXES}SELECT DISTINCT ?event ?cell WHERE {{ GRAPH ?g {{ VALUES ?cell {{ {values} }} "
            "?event ak:cell ?cell } }")


CELLS_QUERY = f"""{_SPARQL_PREFIXES}SELECT ?cell (COUNT(*) AS ?n) (SAMPLE(?event) AS ?one) WHERE {{
  GRAPH ?g {{ ?event ak:cell ?cell }}
}}
GROUP BY ?cell"""


def _cell_values(cells: dict[str, tuple[str, int]]) -> str:
    """A VALUES list binding ?event to one event of each cell."""
    return f"VALUES ?event {{ {' '.join(str(ox.NamedNode(one)) for one, _ in sorted(cells.values()))} }}"


def cell_network_query(filters: Filters, cells: dict[str, tuple[str, int]]) -> str:
    """The network query's pattern, filters and keys for one event of each cell (each cell's events share
    action, modality, agent, target and date, so one event answers for all of them)."""
    return (f"{_SPARQL_PREFIXES}SELECT DISTINCT ?event ?agent ?target ?core ?asserted WHERE {{\n  "
            f"{_where(filters, with_agent_target=True, dates=False, first=_cell_values(cells))}\n"
            "  BIND(?modality = ak:Asserted AS ?asserted)\n}")


def cell_timeline_query(filters: Filters, cells: dict[str, tuple[str, int]]) -> str:
    """The timeline query's pattern, filters and keys for one event of each cell, with the cell."""
    return (f"{_SPARQL_PREFIXES}SELECT DISTINCT ?event ?cell ?date ?core WHERE {{\n  "
            f"{_where(filters, first=_cell_values(cells) + ' ?event ak:cell ?cell .')}\n}}")


_DETAILS = """SELECT ?event ?g ?type ?modality ?agent ?target ?eventDate ?articleDate ?article ?title ?outlet
       ?publisher ?sentence ?sentenceBegin ?triggerBegin ?triggerEnd WHERE {
  GRAPH ?g {
    VALUES ?event { %s }
    ?event a ?type ; ak:article ?article ; ak:modality ?modality ; ak:evidence ?trigger .
    ?trigger nif:beginIndex ?triggerBegin ; nif:endIndex ?triggerEnd ; nif:sentence ?s .
    ?s nif:beginIndex ?sentenceBegin ; nif:anchorOf ?sentence .
    OPTIONAL { ?event ak:agent ?agent }
    OPTIONAL { ?event ak:target ?target }
    OPTIONAL { ?event ak:date ?eventDate }
    OPTIONAL { ?article dcterms:issued ?articleDate }
    OPTIONAL { ?article dcterms:title ?title }
    OPTIONAL { ?article ak:outletName ?outlet }
    OPTIONAL { ?article dcterms:publisher ?publisher }
  }
}"""

_STATES = f"""SELECT ?member ?state WHERE {{
  {{ SELECT DISTINCT ?state WHERE {{ ?state a ak:State }} }}
  ?member {_LIFT_PATH}+ ?state
}}"""


@dataclass(frozen=True)
class Actor:
    """An actor as the report shows it: IRI, label (English, else Arabic, else the IRI's short form), kind."""

    iri: str
    label: str
    kind: str


@dataclass(frozen=True)
class Edge:
    """Events of one action from one actor to another, asserted or not."""

    agent: str
    target: str
    action: str
    asserted: bool
    count: int


@dataclass(frozen=True)
class Mark:
    """A highlighted span of a sentence (code-point offsets into the sentence): trigger, agent or target."""

    start: int
    end: int
    role: str


@dataclass(frozen=True)
class EventRow:
    """One event of the table, with its sentence and what to highlight in it."""

    event: str
    action: str
    core: str
    modality: str
    agent: str | None
    target: str | None
    date: str | None
    date_source: str
    article: str
    graph: str
    title: str
    outlet: str
    sentence: str
    marks: tuple[Mark, ...]


@dataclass
class ReportData:
    """Everything the page shows: edges (actors as read, and lifted to their states), counts per (date, core
    action), the newest events, the actors they name and the total number of events."""

    filters: Filters
    edges: list[Edge]
    lifted: list[Edge]
    per_date: dict[tuple[str | None, str], int]
    events: list[EventRow]
    actors: dict[str, Actor] = field(default_factory=dict)
    total: int = 0
    limit: int = DEFAULT_LIMIT
    uncelled: int = 0  # events without an ak:cell link: when not 0, every event was read one by one


def _select(db: ox.Store, text: str) -> ox.QuerySolutions:
    return db.query(text, use_default_graph_as_union=True)


def _value(term: object) -> str | None:
    return None if term is None else term.value


def read_report(db: ox.Store, filters: Filters, limit: int = DEFAULT_LIMIT, by_cells: bool | None = None
                ) -> ReportData:
    """Read what the report shows from the store: the counts by event cell (graph/cells.py) when every event
    has its cell (or `by_cells` says so), else by the three aggregate queries over every event; then lookups
    of the rows."""
    cells = cell_counts(db) if by_cells is not False else {}
    # (the events without a cell: all events less those the cells count, which saves a second scan)
    uncelled = max(event_count(db) - sum(n for _, n in cells.values()), 0) if by_cells is None else 0 if by_cells \
        else -1
    if uncelled:
        edges, per_date, newest = _read_events(db, filters, limit)
    else:
        edges, per_date, newest = _read_cells(db, filters, limit, cells)
    edges.sort(key=lambda e: (e.agent, e.target, e.action, e.asserted))
    states = state_of(db)
    lifted = lift(edges, states)
    events = _event_rows(db, newest)
    named = {a for e in edges + lifted for a in (e.agent, e.target)}
    named |= {a for row in events for a in (row.agent, row.target) if a}
    named |= {row.outlet for row in events if row.outlet.startswith(("http://", "https://"))}  # dcterms:publisher
    actors = describe_actors(db, named)
    data = ReportData(filters, edges, lifted, per_date, events, actors, sum(per_date.values()), limit,
                      max(uncelled, 0))
    _mark_participants(db, data)
    return data


Counts = tuple[list[Edge], dict[tuple[str | None, str], int], list[ox.NamedNode]]


def _read_events(db: ox.Store, filters: Filters, limit: int) -> Counts:
    """Edges, counts per (date, core action) and the newest events, by queries over every event."""
    edges = [Edge(s["agent"].value, s["target"].value, s["core"].value, s["asserted"].value == "true",
                  int(s["n"].value)) for s in _select(db, network_query(filters))]
    per_date = {(_value(s["date"]), s["core"].value): int(s["n"].value) for s in _select(db, timeline_query(filters))}
    newest = [s["event"] for s in _select(db, newest_query(filters, limit))]
    return edges, per_date, newest


def cell_counts(db: ox.Store) -> dict[str, tuple[str, int]]:
    """Each event cell → (one of its events, how many events it holds), by one scan of ak:cell."""
    return {s["cell"].value: (s["one"].value, int(s["n"].value)) for s in _select(db, CELLS_QUERY)}


def _read_cells(db: ox.Store, filters: Filters, limit: int, cells: dict[str, tuple[str, int]] | None = None
                ) -> Counts:
    """The same as `_read_events`, by cells: the events counted per cell in one scan of ak:cell, then the
    network and timeline queries' patterns and filters run on one event of each cell, whose counts are summed;
    the newest events are the events of the cells of the latest dates that hold `limit` events, sorted here
    (and, when the dated events are fewer, the first undated events by IRI, as the newest query orders them)."""
    cells = cell_counts(db) if cells is None else cells
    size = {one: n for one, n in cells.values()}
    if not cells:
        return [], {}, []
    summed: dict[tuple[str, str, str, bool], int] = {}
    for s in _select(db, cell_network_query(filters, cells)):
        key = (s["agent"].value, s["target"].value, s["core"].value, s["asserted"].value == "true")
        summed[key] = summed.get(key, 0) + size[s["event"].value]
    edges = [Edge(*key, n) for key, n in summed.items()]
    per_date: dict[tuple[str | None, str], int] = {}
    per_cell: dict[str, tuple[str | None, int]] = {}
    for s in _select(db, cell_timeline_query(filters, cells)):
        key = (_value(s["date"]), s["core"].value)
        n = size[s["event"].value]
        per_date[key] = per_date.get(key, 0) + n
        per_cell[s["cell"].value] = (key[0], n)
    # the newest: every event of the cells of the latest dates that hold `limit` events, then (when those are fewer)
    # of the undated cells, sorted here as newest_query sorts (date descending, undated last, then by IRI); every
    # event of a cell passes the filters, as the cell's event did, since the events of a cell agree on everything
    # the filters test. (Sorting in Oxigraph was the slow part: `ORDER BY ?event LIMIT 300` over 14,000 undated
    # events took over a second, fetching them 0.05 s)
    by_date: dict[str, int] = {}
    for date, n in per_cell.values():
        if date is not None:
            by_date[date] = by_date.get(date, 0) + n
    taken, cutoff = 0, None
    for date in sorted(by_date, reverse=True):
        taken += by_date[date]
        cutoff = date
        if taken >= limit:
            break
    chosen = [c for c, (d, _) in per_cell.items() if d is not None and cutoff is not None and d >= cutoff]
    if taken < limit:
        chosen += [c for c, (d, _) in per_cell.items() if d is None]
    rows = _select(db, cell_events_query(chosen)) if chosen else []
    found = sorted((s["event"].value, per_cell[s["cell"].value][0] or "") for s in rows)
    found.sort(key=lambda event_date: event_date[1], reverse=True)  # (stable: by IRI within a date)
    newest = [ox.NamedNode(event) for event, _ in found[:limit]]
    return edges, per_date, newest


def state_of(db: ox.Store) -> dict[str, str]:
    """Each actor acting for a state (ak:actsFor, ak:officialOf, ak:partOf, transitively) → that state (the
    first by IRI when there are several)."""
    found: dict[str, str] = {}
    for s in _select(db, _SPARQL_PREFIXES + _STATES):
        member, state = s["member"].value, s["state"].value
        if member != state and (member not in found or state < found[member]):
            found[member] = state
    return found


def lift(edges: Iterable[Edge], states: dict[str, str]) -> list[Edge]:
    """The edges with officials, organs and parts replaced by their state, counts summed; an edge that becomes
    a state acting on itself is dropped.

    >>> lift([Edge("id:a", "id:b", "Attack", True, 2), Edge("id:c", "id:b", "Attack", True, 1)], {"id:c": "id:a"})
    [Edge(agent='id:a', target='id:b', action='Attack', asserted=True, count=3)]
    """
    summed: dict[tuple[str, str, str, bool], int] = {}
    for e in edges:
        key = (states.get(e.agent, e.agent), states.get(e.target, e.target), e.action, e.asserted)
        if key[0] != key[1]:
            summed[key] = summed.get(key, 0) + e.count
    return [Edge(*key, count) for key, count in summed.items()]


KIND_ORDER = ("State", "Militia", "Official", "StateOrgan", "Organization", "MediaOutlet", "Location", "Actor")


def describe_actors(db: ox.Store, iris: Iterable[str]) -> dict[str, Actor]:
    """Label and kind of each actor (two VALUES lookups; an actor with no label shows its IRI's short form)."""
    iris = sorted(set(iris))
    if not iris:
        return {}
    values = " ".join(str(ox.NamedNode(i)) for i in iris)
    labels: dict[str, dict[str, str]] = {}
    kinds: dict[str, set[str]] = {}
    # (two lookups, each DISTINCT: a minted actor is described again in every article graph naming it, 45,000 rows
    # → 800 on the 10k store; one UNION of both took twice as long. Of several labels in one language, the first
    # in code-point order, so that the choice does not hang on the order of the store's answer)
    text = f"{_SPARQL_PREFIXES}SELECT DISTINCT ?x ?l WHERE {{ VALUES ?x {{ {values} }} ?x rdfs:label ?l }}"
    for s in _select(db, text):
        names = labels.setdefault(s["x"].value, {})
        language, text = s["l"].language or "", s["l"].value
        if language not in names or text < names[language]:
            names[language] = text
    for s in _select(db, f"SELECT DISTINCT ?x ?kind WHERE {{ VALUES ?x {{ {values} }} ?x a ?kind }}"):
        if s["kind"].value.startswith(ONTOLOGY_NS):
            kinds.setdefault(s["x"].value, set()).add(s["kind"].value.removeprefix(ONTOLOGY_NS))
    out = {}
    for i in iris:
        names = labels.get(i, {})
        label = names.get("en") or names.get("ar") or (names[min(names)] if names else short_iri(i))
        kind = next((k for k in KIND_ORDER if k in kinds.get(i, ())), "Actor")
        out[i] = Actor(i, label, kind)
    return out


def _event_rows(db: ox.Store, events: list[ox.NamedNode]) -> list[EventRow]:
    """The table's rows for these events, in their order. An event's action class is the first of its classes
    (in its article graph) that is one, mapped to its core class here: joined to the classes' VALUES table in the
    query, Oxigraph took five times longer (0.16 s against 0.03 s for 300 rows on 10,000 articles)."""
    if not events:
        return []
    text = _SPARQL_PREFIXES + _DETAILS % " ".join(str(e) for e in events)
    rows: dict[str, EventRow] = {}
    for s in _select(db, text):
        event = s["event"].value
        action = s["type"].value.removeprefix(ONTOLOGY_NS)
        if event in rows or action not in _CORE_OF:
            continue
        begin = int(s["sentenceBegin"].value)
        trigger = Mark(int(s["triggerBegin"].value) - begin, int(s["triggerEnd"].value) - begin, "trigger")
        date = _value(s["eventDate"]) or _value(s["articleDate"])
        source = "event" if s["eventDate"] is not None else "publication" if date else ""
        outlet = _value(s["outlet"]) or _value(s["publisher"]) or ""
        rows[event] = EventRow(event, action, _CORE_OF[action], s["modality"].value.removeprefix(ONTOLOGY_NS),
                               _value(s["agent"]), _value(s["target"]), date, source, s["article"].value,
                               s["g"].value, _value(s["title"]) or "", outlet, s["sentence"].value, (trigger,))
    return [rows[e.value] for e in events if e.value in rows]


def _mark_participants(db: ox.Store, data: ReportData) -> None:
    """Highlight each row's agent and target in its sentence: the graph keeps no offsets for participants, only
    the surface forms that named each actor in the article (skos:altLabel in its graph), so the longest form
    found in the sentence, not overlapping the trigger, is marked."""
    pairs = {(row.graph, a) for row in data.events for a in (row.agent, row.target) if a}
    if not pairs:
        return
    values = " ".join(f"({ox.NamedNode(g)} {ox.NamedNode(a)})" for g, a in sorted(pairs))
    forms: dict[tuple[str, str], list[str]] = {}
    text = (f"{_SPARQL_PREFIXES}SELECT ?g ?x ?form WHERE {{ VALUES (?g ?x) {{ {values} }} "
            "GRAPH ?g { ?x skos:altLabel ?form } }")
    for s in _select(db, text):
        forms.setdefault((s["g"].value, s["x"].value), []).append(s["form"].value)
    for n, row in enumerate(data.events):
        marks = list(row.marks)
        for role, actor in (("agent", row.agent), ("target", row.target)):
            if actor:
                found = find_form(row.sentence, forms.get((row.graph, actor), []), marks)
                if found:
                    marks.append(Mark(found[0], found[1], role))
        data.events[n] = EventRow(**{**row.__dict__, "marks": tuple(sorted(marks, key=lambda m: m.start))})


def find_form(sentence: str, forms: Iterable[str], taken: Iterable[Mark]) -> tuple[int, int] | None:
    """Where the longest of `forms` occurs in `sentence` without overlapping a span already taken.

    >>> find_form("حذرت إيران الولايات المتحدة", ["الولايات المتحدة"], [Mark(0, 4, "trigger")])
    (11, 27)
    """
    taken = list(taken)
    for form in sorted(set(forms), key=len, reverse=True):
        for match in re.finditer(re.escape(form), sentence):
            if not any(match.start() < m.end and m.start < match.end() for m in taken):
                return match.start(), match.end()
    return None
