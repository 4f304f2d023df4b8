"""Pages of the library's ordered listings, evaluated over the few rows they show.

Oxigraph evaluates and sorts every row of an ordered query before it returns the first, so a 1,000-row page
of an unbound listing of 10,000 articles cost as much as the whole listing (up to 38 s). Each listing here
is ordered first by a *page key* (its leading ORDER BY variables, e.g. ?article, or ?actor ?article), and
the rows of one key value are consecutive. `akhbar reason` writes a page index next to the store
(INDEX_FILE): for every listing, its key values in the query's order with the number of rows each has
(split by the columns a parameter may filter on). A page is then the query itself over a window of key
values: the listing's text with the window's values bound in VALUES at the start of its WHERE group (so
Oxigraph reads only those articles or actors), a FILTER keeping the keys from the window's first to its last
(so only rows of those key values are kept), and LIMIT/OFFSET within the window. The rows are those of the
full query's slice, since the query is the same, its order is total and the window holds whole key groups.
timeline's ?from/?to are not counted: the window is every key whose date they can let through, and the
page is read from it with the user's own LIMIT/OFFSET.

The library's two unpaged aggregates, events-by-modality and actor-mentions (STORED), read every event or
every surface form of the store (0.6–0.9 s on 10,000 articles) for a few hundred rows that no key narrows:
the index keeps their whole unbound answer, in order, and a page of it is a query of those rows alone
(stored_page: a VALUES table, so every output format works as for any query).

The index is used only while it is current: made from the same query code, after the last change to the
articles and to the inferences, with the same base graphs; otherwise (before `akhbar reason`, or after a
build or remove), and for a variable it cannot filter on, `akhbar query` evaluates the whole listing (for a
stored aggregate, with any parameter). An incremental `akhbar reason` updates it (update_index: the changed
articles' rows recounted, and timeline's participant pairs read again for them only; for attacks-by-militias
and pressure-on-state also the articles whose participants reach a link or type that changed; the stored
aggregates evaluated again in full), a full one writes it anew (write_index).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

import pyoxigraph as ox

from akhbar.graph.query import NOT_CODE, QueryError, library, where_group
from akhbar.graph.store import count_quads, last_changed
from akhbar.graph.vocab import (
    ACTORS_GRAPH,
    ARTICLES_MARK,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    article_of_graph,
    graph_of_article,
)

INDEX_FILE = "pages.sqlite"
Row = dict[str, "ox.NamedNode | ox.Literal | ox.BlankNode | None"]


def _timeline_day(row: Row) -> ox.Literal:
    """timeline's first sort key: its date as text, "~" (after every digit) for an undated event."""
    date = row["date"]
    return ox.Literal(date.value if date is not None else "~")


@dataclass(frozen=True)
class Paging:
    """How one listing pages: `key`, the variables its ORDER BY starts with (ascending, in scope at the end
    of its WHERE group); `narrow`, those of them bound at the start to narrow the evaluation (each a
    variable of a required pattern); `columns`, projected columns a bound parameter of the same name filters
    on (a key variable filters too); `derive`, a key variable the query does not project, computed from a
    row as the query computes it; `participants`, a parameter matched through the events it names (the
    column "event" holds each row's event); `dated`, see date_candidates."""

    key: tuple[str, ...]
    narrow: tuple[str, ...]
    columns: tuple[str, ...] = ()
    derive: dict[str, Callable[[Row], ox.Literal]] | None = None
    participants: tuple[str, str] | None = None  # (parameter, SELECT of (?event, ?<parameter>) pairs)
    dated: bool = False  # ?from and ?to bound the first key as timeline's dates do (see date_candidates)

    @property
    def reads(self) -> frozenset[str]:
        """The variables the index reads from a row: the key (less the derived), the columns, and the date a
        derived key is computed from."""
        return frozenset({*self.key, *self.columns, *(("date",) if self.derive else ())} - set(self.derive or {}))

    def key_of(self, row: Row) -> tuple:
        """The row's page key (terms, None when unbound)."""
        derive = self.derive or {}
        return tuple(derive[name](row) if name in derive else row[name] for name in self.key)


LISTINGS: dict[str, Paging] = {
    "actor-profile": Paging(("actor", "article"), ("actor", "article")),
    "attacks-by-militias": Paging(("article",), ("article",), ("militia", "modality")),
    "events-per-article": Paging(("date", "article"), ("article",)),
    "pressure-on-state": Paging(("article",), ("article",), ("state", "modality")),
    "reported-by": Paging(("outlet", "article"), ("outlet", "article")),
    "timeline": Paging(("sortKey", "article"), ("article",), ("modality", "event"), {"sortKey": _timeline_day},
                       ("actor", "SELECT DISTINCT ?event ?actor WHERE { ?event ak:agent|ak:target ?actor }"),
                       dated=True),
    "unresolved-events": Paging(("article",), ("article",), ("modality",)),
    "who-warns-whom": Paging(("article",), ("article",), ("agent", "target", "modality")),
}


# Aggregates whose whole unbound answer the index keeps (see the module doc).
STORED = frozenset({"actor-mentions", "events-by-modality"})


def order_key(term: object) -> tuple[int, str]:
    """Where SPARQL's ORDER BY puts a key value: unbound first, then blank nodes, IRIs (by their text) and
    literals (the listings' literal keys are strings and ISO dates, in the order of their text)."""
    if term is None:
        return (0, "")
    if isinstance(term, ox.BlankNode):
        return (1, term.value)
    if isinstance(term, ox.NamedNode):
        return (2, term.value)
    return (3, term.value)  # type: ignore[attr-defined]


def _nt(term: object) -> str | None:
    """A term as N-Triples (how VALUES writes it), None for unbound."""
    return None if term is None else str(term)


def digest(text: str) -> str:
    """The fingerprint of a query text, comments left out: an index counts the rows of one query only."""
    code = NOT_CODE.sub(lambda m: " " if m.group(0).startswith("#") else m.group(0), text)
    return hashlib.sha256(" ".join(code.split()).encode("utf-8")).hexdigest()[:32]


def stamp(db: ox.Store) -> str:
    """What the index's counts depend on besides the query: the last changes to the articles and the
    inferences, and the size of the ontology and actor graphs."""
    base = ",".join(str(count_quads(db, graph)) for graph in (ONTOLOGY_GRAPH, ACTORS_GRAPH))
    return f"{last_changed(db, ARTICLES_MARK)}|{last_changed(db, INFERRED_GRAPH)}|{base}"


def without_order(text: str) -> str:
    """The query with no ORDER BY clause (the index counts rows; sorting them is what it saves)."""
    at = where_group(text)[1]
    tail = text[at + 1:]
    upper = tail.upper()
    cut = upper.find("ORDER BY")
    return text if cut < 0 else text[:at + 1 + cut] + "\n"


def count_groups(db: ox.Store, name: str, text: str, articles: list[str] | None = None
                 ) -> list[tuple[tuple, tuple, int]]:
    """(key, columns, rows) of one listing, unbound, in the query's order: its rows counted by page key
    and by the values of the parameter columns (as N-Triples); only the rows of `articles` (article IRIs)
    if given."""
    from akhbar.graph.query import run_query

    paging = LISTINGS[name]
    counts: Counter = Counter()
    order: dict[tuple, tuple] = {}
    query = without_order(text)
    if articles is not None:
        if re.search(r"GRAPH\s+\?g\b", query):
            # (a listing's ?g is the graph of its row's article: bound before each GRAPH ?g block, every block —
            # a UNION branch, an OPTIONAL — starts from those graphs: 0.1 s, not 2 s, for one article of
            # actor-profile on 10,000 articles)
            graphs = {a: f"<{graph_of_article(a)}>" for a in articles}
            pairs = " ".join(f"(<{a}> {g})" for a, g in graphs.items())
            query = re.sub(r"GRAPH\s+\?g\s*\{", f"VALUES ?g {{ {' '.join(graphs.values())} }} GRAPH ?g {{", query)
            query = _bind(query, f"VALUES (?article ?g) {{ {pairs} }}")
        else:
            query = _bind(query, _articles(articles))
    solutions = run_query(db, query)
    reads = paging.reads
    missing = reads - {v.value for v in solutions.variables}
    if missing:  # (a column it does not project would read as unbound in every row)
        raise KeyError(f"{name} does not project {', '.join(sorted(missing))}")
    for solution in solutions:
        row = {var: solution[var] for var in reads}
        key_terms = paging.key_of(row)
        key = tuple(_nt(t) for t in key_terms)
        order.setdefault(key, tuple(order_key(t) for t in key_terms))
        counts[key, tuple(_nt(row[c]) for c in paging.columns)] += 1
    return [(key, cols, n) for (key, cols), n in sorted(counts.items(), key=lambda item: order[item[0][0]])]


def _bind(query: str, clause: str) -> str:
    """The query with `clause` first in its WHERE group (where a VALUES block narrows the whole evaluation)."""
    at = where_group(query)[0]
    return f"{query[:at + 1]} {clause}\n{query[at + 1:]}"


def _articles(articles: list[str]) -> str:
    """A VALUES block binding ?article to these article IRIs."""
    return f"VALUES ?article {{ {' '.join(f'<{a}>' for a in articles)} }}"


def write_index(db: ox.Store, store_dir: Path) -> float:
    """Count every listing of the library and write the page index next to the store (atomically: a reader
    sees the old index or the new one). Returns the seconds it took."""
    start = time.perf_counter()
    listings = {}
    for path in library():
        if path.stem in LISTINGS:
            text = path.read_text(encoding="utf-8")
            try:
                listings[path.stem] = (digest(text), count_groups(db, path.stem, text))
            except (QueryError, KeyError):  # (a listing edited so that it no longer parses or projects its key)
                continue  # (no index for it: its pages are read in full)
    _write(db, Path(store_dir), listings, stored_answers(db))
    return time.perf_counter() - start


def stored_answers(db: ox.Store) -> dict[str, tuple[str, list[str], list[list[str | None]]]]:
    """The STORED aggregates' answers: name → (digest, variables, rows as N-Triples, None for unbound), each the
    whole unbound query evaluated, in its order."""
    from akhbar.graph.query import run_query

    answers = {}
    for path in library():
        if path.stem in STORED:
            text = path.read_text(encoding="utf-8")
            try:
                solutions = run_query(db, text)
            except QueryError:  # (edited so that it no longer parses: evaluated in full when asked)
                continue
            if not isinstance(solutions, ox.QuerySolutions):
                continue
            names = [v.value for v in solutions.variables]
            rows = [[s[name] for name in names] for s in solutions]
            if any(isinstance(term, ox.BlankNode) for row in rows for term in row):
                continue  # (VALUES cannot write a blank node: evaluated in full when asked)
            answers[path.stem] = (digest(text), names, [[_nt(term) for term in row] for row in rows])
    return answers


# Listings whose rows of one article depend on that article's graph alone (and on the ontology and actor base,
# whose change makes `akhbar reason` a full run): an incremental run recounts only the changed articles. The
# others (LINKED) also follow ak:memberOf or ak:actsFor/… links and ak:Militia/ak:State types any article or
# inference may state (LINKS, kept in the index): an incremental run recounts the changed articles and those
# with an event whose agent or target reaches, through such links, the subject of a fact that was added or
# removed (`touched_articles`).
ARTICLE_LOCAL = frozenset({"actor-profile", "events-per-article", "reported-by", "timeline", "unresolved-events",
                           "who-warns-whom"})
LINKED = frozenset({"attacks-by-militias", "pressure-on-state"})
RECOUNT_LIMIT = 500  # touched articles past which an update counts a LINKED listing in full (on 10,000 articles,
# recounting 3,808 by VALUES made the update 16.5 s; both listings in full, about 5 s of it)
LINKS = """PREFIX ak: <https://w3id.org/akhbar/ontology#>
SELECT DISTINCT ?s ?p ?o WHERE {
  { VALUES ?p { ak:memberOf ak:actsFor ak:officialOf ak:partOf ak:capitalOf } ?s ?p ?o }
  UNION { VALUES ?o { ak:Militia ak:State } ?s a ?o BIND(<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> AS ?p) }
}"""


def link_facts(db: ox.Store) -> set[tuple[str, str, str]]:
    """The distinct facts (in any graph, as N-Triples terms) the LINKED listings follow beyond an event's
    article: who is a member of, acts for or is part of whom, and which actors are militias or states (20 ms on
    10,000 articles: about a thousand distinct facts)."""
    return {(str(r["s"]), str(r["p"]), str(r["o"])) for r in db.query(LINKS, use_default_graph_as_union=True)}


def touched_articles(db: ox.Store, before: set[tuple[str, str, str]], after: set[tuple[str, str, str]]
                     ) -> set[str]:
    """Articles (as N-Triples IRIs) whose LINKED rows may differ between two sets of link facts: those with an
    event whose agent or target is, or reaches through links of either set, the subject of a fact in one set
    only (a member's group, an official's state: what the listings follow goes from subject to object)."""
    from akhbar.graph.query import run_query

    changed = before ^ after
    if not changed:
        return set()
    reached = {s for s, _, _ in changed}  # (a fact adds or cuts paths only for who reaches its subject)
    into: dict[str, set[str]] = {}
    for s, p, o in before | after:
        if not p.endswith("-ns#type>"):
            into.setdefault(o, set()).add(s)
    todo = list(reached)
    while todo:  # (who reaches a touched actor: its members, officials, parts … and theirs)
        for s in into.get(todo.pop(), ()):
            if s not in reached:
                reached.add(s)
                todo.append(s)
    actors = " ".join(r for r in reached if r.startswith("<"))
    query = f"""SELECT DISTINCT ?article WHERE {{ VALUES ?x {{ {actors} }}
        {{ ?event ak:agent ?x }} UNION {{ ?event ak:target ?x }} ?event ak:article ?article }}"""
    return {str(row["article"]) for row in run_query(db, query)}


def update_index(db: ox.Store, store_dir: Path, before: str, articles: dict[str, list[str]]) -> float | None:
    """After an incremental `akhbar reason` of the article graphs `articles` (added, replaced, removed):
    renew the index by recounting only those articles' rows of the ARTICLE_LOCAL and LINKED listings (and, of
    the LINKED ones, the rows of the articles whose links changed), the others in full.
    `before` is the store's stamp before the run; None (write_index instead) unless the index on disk is the
    one the last run left for the same queries."""
    start = time.perf_counter()
    path = Path(store_dir) / INDEX_FILE
    if not path.is_file():
        return None
    as_article = {g: article_of_graph(g) for gs in articles.values() for g in gs}
    changed = {str(ox.NamedNode(a)) for a in as_article.values()}
    fresh = [as_article[g] for key in ("added", "replaced") for g in articles.get(key, [])]
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (stored,) = con.execute("SELECT stamp FROM meta").fetchone()
        if stored.split("|")[1:] != before.split("|")[1:]:  # (the inferences and the base it was made with)
            return None
        facts = link_facts(db)
        touched = touched_articles(db, set(con.execute("SELECT s, p, o FROM link")), facts) - changed
        digests = dict(con.execute("SELECT name, digest FROM listing"))
        listings = {}
        parts: dict[str, list[tuple[str, str]]] = {}
        for query in library():
            if query.stem not in LISTINGS:
                continue
            text = query.read_text(encoding="utf-8")
            if digests.get(query.stem) != digest(text):
                return None
            paging = LISTINGS[query.stem]
            again = touched if query.stem in LINKED else set()  # (articles whose links changed under them)
            if query.stem not in ARTICLE_LOCAL | LINKED or len(again) > RECOUNT_LIMIT:
                # (rows that follow other articles' facts, or so many touched that the whole is the cheaper count)
                listings[query.stem] = (digests[query.stem], count_groups(db, query.stem, text))
                continue
            at = paging.key.index("article")
            width = len(paging.columns)
            dropped = changed | again
            kept = [(key, cols, n) for *values, n in con.execute(
                        "SELECT k0, k1, c0, c1, c2, n FROM grp WHERE name = ? ORDER BY seq", (query.stem,))
                    for key, cols in [(tuple(values[:len(paging.key)]), tuple(values[2:2 + width]))]
                    if key[at] not in dropped]
            recount = fresh + sorted(a[1:-1] for a in again)
            new = count_groups(db, query.stem, text, recount) if recount else []
            merged = sorted(kept + new, key=lambda group: tuple(_order_of(v) for v in group[0]))
            listings[query.stem] = (digests[query.stem], merged)
            if paging.participants is not None:  # (each row's event is its article's: <article>/event/n)
                prefixes = tuple(a[:-1] + "/" for a in changed)  # ("<…/article/x/": the stored N-Triples form)
                parts[query.stem] = [(event, value) for event, value in con.execute(
                                         "SELECT event, value FROM part WHERE name = ?", (query.stem,))
                                     if not event.startswith(prefixes)] + participants_of(db, paging, fresh)
    except (sqlite3.Error, QueryError, KeyError):
        return None
    finally:
        con.close()
    _write(db, Path(store_dir), listings, stored_answers(db), parts, facts)  # (the aggregates: again in full)
    return time.perf_counter() - start


def participants_of(db: ox.Store, paging: Paging, articles: list[str] | None = None) -> list[tuple[str, str]]:
    """A listing's (event, participant) pairs, as its index keeps them: every event's, or those of the events of
    `articles` (article IRIs)."""
    from akhbar.graph.query import run_query

    assert paging.participants is not None
    param, select = paging.participants
    if articles is not None:
        if not articles:
            return []
        select = _bind(select, f"{_articles(articles)} ?event ak:article ?article .")
    return [(str(row["event"]), str(row[param])) for row in run_query(db, select)]


def _order_of(value: str | None) -> tuple[int, str]:
    """order_key of a key value given as N-Triples."""
    if value is None:
        return (0, "")
    if value.startswith("<"):
        return (2, value[1:-1])
    if value.startswith("_:"):
        return (1, value[2:])
    return (3, _literal(value).value)


def _write(db: ox.Store, store_dir: Path, listings: dict[str, tuple[str, list]],
           answers: dict[str, tuple[str, list[str], list[list[str | None]]]],
           parts: dict[str, list[tuple[str, str]]] | None = None,
           facts: set[tuple[str, str, str]] | None = None) -> None:
    """Write the index file (a new file put in place of the old one) with these listings' groups, their
    participant pairs (`parts`, else read from the store) and these aggregates' answers (each row a JSON list;
    row -1 holds the variables)."""
    target = store_dir / INDEX_FILE
    temporary = target.with_suffix(".tmp")
    temporary.unlink(missing_ok=True)
    with sqlite3.connect(temporary) as con:
        con.execute("CREATE TABLE meta (stamp TEXT)")
        con.execute("CREATE TABLE link (s TEXT, p TEXT, o TEXT)")
        con.execute("CREATE TABLE listing (name TEXT PRIMARY KEY, digest TEXT)")
        con.execute("CREATE TABLE grp (name TEXT, seq INTEGER, k0 TEXT, k1 TEXT, c0 TEXT, c1 TEXT, c2 TEXT, n INTEGER)")
        con.execute("CREATE TABLE part (name TEXT, event TEXT, value TEXT)")
        con.execute("CREATE TABLE answer (name TEXT, seq INTEGER, row TEXT)")
        con.execute("INSERT INTO meta VALUES (?)", (stamp(db),))
        con.executemany("INSERT INTO link VALUES (?, ?, ?)", sorted(facts if facts is not None else link_facts(db)))
        for name, (fingerprint, groups) in listings.items():
            con.execute("INSERT INTO listing VALUES (?, ?)", (name, fingerprint))
            con.executemany("INSERT INTO grp VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            ((name, seq, *_pad(key, 2), *_pad(cols, 3), n)
                             for seq, (key, cols, n) in enumerate(groups)))
            paging = LISTINGS[name]
            if paging.participants is not None:
                pairs = (parts or {}).get(name)
                con.executemany("INSERT INTO part VALUES (?, ?, ?)",
                                ((name, event, value) for event, value in
                                 (pairs if pairs is not None else participants_of(db, paging))))
        for name, (fingerprint, names, rows) in answers.items():
            con.execute("INSERT INTO listing VALUES (?, ?)", (name, fingerprint))
            con.executemany("INSERT INTO answer VALUES (?, ?, ?)",
                            ((name, seq, json.dumps(row, ensure_ascii=False))
                             for seq, row in enumerate([names, *rows], start=-1)))
        con.execute("CREATE INDEX grp_seq ON grp (name, seq)")
        con.execute("CREATE INDEX answer_seq ON answer (name, seq)")
        con.execute("CREATE INDEX part_value ON part (name, value)")
    os.replace(temporary, target)


def _pad(values: tuple, size: int) -> tuple:
    return (*values, *([None] * (size - len(values))))


class NoIndex(Exception):
    """No current page index for this listing (the message says why): evaluate the whole listing."""


def window(db: ox.Store, store_dir: Path, name: str, text: str, params: dict[str, object], limit: int,
           offset: int) -> tuple[list[tuple], int]:
    """(the key values holding rows offset … offset+limit-1 of the listing with these parameters, in order;
    how many of the window's rows come before the page) from the index. Raises NoIndex."""
    paging = LISTINGS.get(name)
    if paging is None:
        raise NoIndex(f"{name} is not a paged listing")
    path = Path(store_dir) / INDEX_FILE
    if not path.is_file():
        raise NoIndex("the store has no page index (`akhbar reason` writes it)")
    conditions: list[str] = []
    values: list[str] = []
    for param, term in params.items():
        if param in paging.key:
            conditions.append(f"k{paging.key.index(param)} = ?")
        elif param in paging.columns:
            conditions.append(f"c{paging.columns.index(param)} = ?")
        elif paging.participants and param == paging.participants[0]:
            conditions.append(f"c{paging.columns.index('event')} IN "
                              "(SELECT event FROM part WHERE name = ? AND value = ?)")
            values.append(name)
        else:
            continue
        values.append(str(term))
    dates = {p: params[p] for p in ("from", "to") if p in params} if paging.dated else {}
    if dates:
        candidates = date_candidates(dates)
        if candidates is None:
            raise NoIndex(f"the page index of {name} cannot bound the dates {', '.join(map(str, dates.values()))}")
        conditions.append(candidates[0])
        values.extend(candidates[1])
    unknown = sorted(set(params) - set(paging.key) - set(paging.columns) - set(dates)
                     - {paging.participants[0] if paging.participants else ""})
    if unknown:
        raise NoIndex(f"the page index of {name} does not filter on ?{unknown[0]}")
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        _check_current(con, db, name, text)
        where = "".join(f" AND ({condition})" for condition in conditions)
        rows = con.execute(f"SELECT k0, k1, n FROM grp WHERE name = ?{where} ORDER BY seq", (name, *values))
        sizes = ((key, sum(n for _, n in group))
                 for key, group in groupby(((tuple(k[:len(paging.key)]), n) for *k, n in rows), key=lambda kn: kn[0]))
        if dates:  # (the rows of keys that may hold dates in range: the whole page is read from them)
            chosen = [key for key, _ in sizes]
            return chosen, offset
        chosen: list[tuple] = []
        seen, skip = 0, 0
        for key, n in sizes:  # (a key's rows may be split over several column values: summed)
            if seen + n <= offset:
                seen += n
                continue
            if not chosen:
                skip = offset - seen
            chosen.append(key)
            seen += n
            if limit and seen >= offset + limit:
                break
    except sqlite3.Error as err:
        raise NoIndex(f"the page index cannot be read ({err})") from None
    finally:
        con.close()
    return chosen, skip


def _check_current(con: sqlite3.Connection, db: ox.Store, name: str, text: str) -> None:
    """Raise NoIndex unless the open index was made from this store as it is and from this query's code."""
    (stored,) = con.execute("SELECT stamp FROM meta").fetchone()
    known = con.execute("SELECT digest FROM listing WHERE name = ?", (name,)).fetchone()
    if stored != stamp(db) or known is None or known[0] != digest(text):
        raise NoIndex("the page index is older than the store or the query (`akhbar reason` renews it)")


def date_candidates(bounds: dict[str, object]) -> tuple[str, list[str]] | None:
    """An SQL condition on timeline's first key (its date as text, as N-Triples) met by every date that
    timeline's ?from/?to filters can let through, with its values; None for a bound it cannot read.

    ?to keeps a date whose first day is at or before it, so its text is at or before it (the text is a prefix
    of its first day). ?from keeps a date whose last day is at or after it: a week's (its Monday and six
    days) when the Monday is at most six days before it; a day, month or year ("2024-10~" for a month) when
    its text is at or after it or is a prefix of it (the year and the month of ?from). An undated event
    passes neither.

    >>> date_candidates({"from": ox.Literal("2024-10-01"), "to": ox.Literal("2024-10-31")})[1]
    ['"2024-09-25"', '"2024-10-31"', '"2024"', '"2024-10"']
    """
    from datetime import date, timedelta

    texts = {}
    for name, term in bounds.items():
        text = getattr(term, "value", "")
        if not isinstance(term, ox.Literal) or not re.fullmatch(r"[0-9]{4}(-[0-9]{2}){0,2}", text):
            return None
        texts[name] = text
    low, high, prefixes = '""', '"~"', []
    if "from" in texts:
        first = texts["from"] + "-01" * ((10 - len(texts["from"])) // 3)
        try:
            low = str(ox.Literal((date.fromisoformat(first) - timedelta(days=6)).isoformat()))
        except ValueError:
            return None
        prefixes = [str(ox.Literal(texts["from"][:n])) for n in (4, 7) if n < len(texts["from"])]
    if "to" in texts:
        high = str(ox.Literal(texts["to"]))
    condition = "(k0 >= ? AND k0 <= ? AND k0 < '\"~\"')" + "".join(" OR k0 = ?" for _ in prefixes)
    return condition, [low, high, *prefixes]


def page_query(text: str, paging: Paging, keys: list[tuple], limit: int, skip: int) -> str:
    """The listing over the window `keys` (consecutive key values, in order): their values bound at the start
    of the WHERE group (narrowing what is read), a FILTER keeping the rows whose key lies between the first
    and the last of the window, and LIMIT/OFFSET within the window.

    (The FILTER compares the keys' text, which orders IRIs and strings as ORDER BY does; an unbound key is ""
    and sorts first. Joining the window's key tuples as a VALUES table instead makes Oxigraph evaluate the
    listing once per tuple: 15 s for a page of actor-profile.)"""
    if not keys:
        return _bind(text, "FILTER(false)")
    start, end = where_group(text)
    head = " ".join(f"VALUES ?{name} {{ {' '.join(dict.fromkeys(k[i] for k in keys if k[i] is not None))} }}"
                    for i, name in enumerate(paging.key)
                    if name in paging.narrow and all(k[i] is not None for k in keys))
    texts = [f'COALESCE(STR(?{name}), "")' for name in paging.key]
    bounds = (_compare(texts, [_text(v) for v in keys[0]], ">"), _compare(texts, [_text(v) for v in keys[-1]], "<"))
    clauses = (f"LIMIT {limit}" if limit else "") + (f" OFFSET {skip}" if skip else "")
    return (f"{text[:start + 1]} {head}\n{text[start + 1:end]}  FILTER(({bounds[0]}) && ({bounds[1]}))\n"
            f"{text[end:].rstrip()}\n{clauses}")


def _text(value: str | None) -> str:
    """The text of a key value given as N-Triples (what STR gives), as a SPARQL string literal."""
    if value is None:
        return '""'
    if value.startswith("<"):
        return str(ox.Literal(value[1:-1]))
    return str(ox.Literal(_literal(value).value))


def _literal(nt: str) -> ox.Literal:
    """A literal from its N-Triples form."""
    return next(iter(ox.parse(f"<urn:s> <urn:p> {nt} .".encode(), format=ox.RdfFormat.N_TRIPLES))).object


def _compare(texts: list[str], values: list[str], op: str) -> str:
    """`texts` against `values` in lexicographic order: op ">" for at or after, "<" for at or before."""
    if len(texts) == 1:
        return f"{texts[0]} {op}= {values[0]}"
    return f"{texts[0]} {op} {values[0]} || ({texts[0]} = {values[0]} && {_compare(texts[1:], values[1:], op)})"


def paged(db: ox.Store, store_dir: Path, name: str, text: str, params: dict[str, object], limit: int,
          offset: int) -> str:
    """The query text that gives rows offset … offset+limit-1 of a library listing (limit 0: all from
    offset) from its page index. Raises NoIndex when there is no current index for it."""
    keys, skip = window(db, store_dir, name, text, params, limit, offset)
    paging = LISTINGS[name]
    return page_query(text, paging, keys, limit, skip)


def stored_page(db: ox.Store, store_dir: Path, name: str, text: str, limit: int, offset: int) -> str:
    """A query giving rows offset … offset+limit-1 (limit 0: all from offset) of a STORED aggregate's unbound
    answer, from the index: a SELECT of those rows written as a VALUES table, in order. Raises NoIndex when
    the index holds no current answer for it.
    """
    path = Path(store_dir) / INDEX_FILE
    if name not in STORED or not path.is_file():
        raise NoIndex(f"{name}: no stored answer")
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        _check_current(con, db, name, text)
        head = con.execute("SELECT row FROM answer WHERE name = ? AND seq = -1", (name,)).fetchone()
        if head is None:
            raise NoIndex(f"the page index holds no answer of {name}")
        rows = con.execute("SELECT row FROM answer WHERE name = ? AND seq >= ? ORDER BY seq LIMIT ?",
                           (name, offset, limit or -1))
        return stored_rows(json.loads(head[0]), [json.loads(row) for (row,) in rows])
    except sqlite3.Error as err:
        raise NoIndex(f"the page index cannot be read ({err})") from None
    finally:
        con.close()


def stored_rows(names: list[str], rows: list[list[str | None]]) -> str:
    """A SELECT of exactly these rows (terms as N-Triples, None unbound), in this order.

    >>> print(stored_rows(["n", "x"], [['"1"^^<http://www.w3.org/2001/XMLSchema#integer>', None]]))
    SELECT ?n ?x WHERE { VALUES (?n ?x) {
      ("1"^^<http://www.w3.org/2001/XMLSchema#integer> UNDEF)
    } }
    """
    table = "\n".join("  (" + " ".join("UNDEF" if term is None else term for term in row) + ")" for row in rows)
    variables = " ".join(f"?{name}" for name in names)
    return f"SELECT {variables} WHERE {{ VALUES ({variables}) {{\n{table}\n}} }}"


def page_text(db: ox.Store, store_dir: Path, path: Path, text: str, params: dict[str, object], limit: int,
              offset: int) -> tuple[str, str | None]:
    """(the query text for rows offset … offset+limit-1, why the whole query is evaluated or None): a library
    listing over the window of its page index, a stored aggregate's rows (unbound, whatever the page, even
    none), else the query with LIMIT/OFFSET appended (evaluated and sorted in full). No page asked (limit and
    offset 0): the query itself."""
    from akhbar.graph.query import page
    from akhbar.paths import queries_dir

    library_query = path.resolve().parent == queries_dir().resolve()
    if path.stem in STORED and library_query and not params:
        try:
            return stored_page(db, store_dir, path.stem, text, limit, offset), None
        except NoIndex:  # (evaluated in full, as an aggregate always was: no note)
            return page(text, limit, offset), None
    if (limit or offset) and path.stem in LISTINGS and library_query:
        try:
            return paged(db, store_dir, path.stem, text, params, limit, offset), None
        except NoIndex as why:
            return page(text, limit, offset), str(why)
    return page(text, limit, offset), None
