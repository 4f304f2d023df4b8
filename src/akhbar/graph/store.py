"""The on-disk Oxigraph store: one named graph per article, the ontology, the actor base and the
inferences each in their own graph.

Every write that replaces a graph is one Oxigraph transaction: a graph the store does not hold yet is
loaded in one call (Store.load of N-Triples text, or Store.extend of quads), an existing one is dropped
and refilled by one SPARQL update (DROP + INSERT DATA). A failure or a kill mid-write leaves the graph
as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from akhbar.graph.vocab import (
    ACTORS_GRAPH,
    ARTICLE_GRAPH_NS,
    ARTICLES_MARK,
    INFERRED_GRAPH,
    META_GRAPH,
    NIF,
    ONTOLOGY_GRAPH,
)
from akhbar.paths import ontology_dir

BASE_GRAPHS = {ONTOLOGY_GRAPH: ("akhbar.ttl",), ACTORS_GRAPH: ("actors.ttl", "states.ttl")}

PREFIXES = {
    "ak": "https://w3id.org/akhbar/ontology#",
    "id": "https://w3id.org/akhbar/id/",
    "art": "https://w3id.org/akhbar/article/",
    "nif": str(NIF),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "wd": "http://www.wikidata.org/entity/",
}


class StoreError(Exception):
    """The store cannot be opened or written; the message says what to do."""


def open_store(path: Path, read_only: bool = False) -> ox.Store:
    """Open (or create) the store folder, with a one-line StoreError when it cannot be: held by another
    process, damaged (see akhbar.graph.soundness), not a folder, or not readable."""
    from akhbar.graph.soundness import damage_message, is_damage

    path = Path(path)
    not_a_folder(path)
    try:
        if read_only:
            if not path.exists():
                raise StoreError(f"{path}: no store here; build one first with `akhbar build ... --store {path}`")
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except (OSError, RuntimeError) as err:
        message = str(err)
        if is_damage(err):
            raise StoreError(damage_message(path, err)) from None
        if "lock" in message.lower():
            raise StoreError(
                f"{path}: the store is in use by another process (a running `akhbar serve` or build); "
                "stop it first, or serve a copy"
            ) from None
        raise StoreError(f"{path}: cannot open the store ({' '.join(message.split())})") from None


def not_a_folder(path: Path) -> None:
    """Refuse a store path that exists but is not a folder (a file given to --store by mistake)."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store folder; give --store a folder (a new one is created)")


def graph_update(graph: str, quads: Iterable[ox.Quad]) -> str:
    """A SPARQL update that replaces `graph` with `quads` (terms serialised by pyoxigraph, never pasted text)."""
    target = ox.NamedNode(graph)
    body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return f"DROP SILENT GRAPH {target} ;\nINSERT DATA {{ GRAPH {target} {{\n{body}\n}} }}"


def replace_graph(store: ox.Store, graph: str, quads: Iterable[ox.Quad]) -> None:
    """Atomically replace one named graph's content (one transaction) with the triples of `quads`.

    A graph the store does not hold yet is written with `Store.extend` (transactional, and about a third
    cheaper than parsing a SPARQL update); an existing one is dropped and refilled by one SPARQL update.
    The quads' own graph names are ignored: everything lands in `graph`.
    """
    target = ox.NamedNode(graph)
    quads = [q if q.graph_name == target else ox.Quad(q.subject, q.predicate, q.object, target) for q in quads]
    if store.contains_named_graph(target):
        store.update(graph_update(graph, quads))
    else:
        store.extend(quads)


def replace_graph_ntriples(store: ox.Store, graph: str, ntriples: bytes) -> None:
    """Atomically replace one named graph's content (one transaction) with N-Triples text.

    The text is parsed by Oxigraph, which holds no Python lock while it parses and writes, so a writer
    thread can do this beside the analysis of the next article. A new graph is loaded straight into its
    graph; an existing one is dropped and refilled by one SPARQL update.
    """
    target = ox.NamedNode(graph)
    if store.contains_named_graph(target):
        store.update(f"DROP SILENT GRAPH {target} ;\nINSERT DATA {{ GRAPH {target} {{\n"
                     f"{ntriples.decode()}\n}} }}")
    else:
        store.load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=target)


def load_base_graphs(store: ox.Store, folder: Path | None = None) -> None:
    """(Re)load ontology/akhbar.ttl, and ontology/actors.ttl with states.ttl, into their graphs, each atomically."""
    folder = folder or ontology_dir()
    for graph, names in BASE_GRAPHS.items():
        triples = []
        for name in names:
            path = folder / name
            if name != names[0] and not path.is_file():
                continue  # (states.ttl is optional: a folder of one's own may have only actors.ttl)
            try:
                triples += ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
            except (OSError, SyntaxError) as err:
                raise StoreError(f"{path}: cannot read the {name} base graph ({err})") from None
        target = ox.NamedNode(graph)
        replace_graph(store, graph, (ox.Quad(t.subject, t.predicate, t.object, target) for t in triples))


MODIFIED = ox.NamedNode("http://purl.org/dc/terms/modified")
DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")


def mark_changed(store: ox.Store, what: str) -> None:
    """Record in the meta graph that `what` (ARTICLES_MARK or INFERRED_GRAPH) changed now (one transaction)."""
    from datetime import UTC, datetime

    now = datetime.now(UTC).isoformat(timespec="microseconds")
    node, graph = ox.NamedNode(what), ox.NamedNode(META_GRAPH)
    store.update(f"DELETE WHERE {{ GRAPH {graph} {{ {node} {MODIFIED} ?t }} }}; "
                 f"INSERT DATA {{ GRAPH {graph} {{ {node} {MODIFIED} {ox.Literal(now, datatype=DATETIME)} }} }}")


def last_changed(store: ox.Store, what: str) -> str | None:
    """When `what` last changed (an ISO timestamp), if the meta graph says."""
    for quad in store.quads_for_pattern(ox.NamedNode(what), MODIFIED, None, ox.NamedNode(META_GRAPH)):
        return quad.object.value
    return None


def inferences_state(store: ox.Store) -> str:
    """"missing", "stale" (the articles changed after the last `akhbar reason`) or "current"."""
    if not store.contains_named_graph(ox.NamedNode(INFERRED_GRAPH)):
        return "missing"
    reasoned, built = last_changed(store, INFERRED_GRAPH), last_changed(store, ARTICLES_MARK)
    if built is not None and (reasoned is None or built > reasoned):
        return "stale"
    return "current"


def article_graphs(store: ox.Store) -> list[str]:
    """IRIs of the per-article graphs, sorted."""
    return sorted(g.value for g in store.named_graphs()
                  if isinstance(g, ox.NamedNode) and g.value.startswith(ARTICLE_GRAPH_NS))


SOURCE = ox.NamedNode("http://purl.org/dc/terms/source")


def stored_sources(store: ox.Store) -> dict[str, tuple[str, str]]:
    """For each article graph: the file it was read from (its absolute path, kept in the meta graph; else the
    path as given, from the article itself) and its text, what a later build of the same identifier is
    compared with."""
    rows = store.query(f"""
        SELECT ?g ?source ?file ?text WHERE {{
          GRAPH ?g {{ ?a {SOURCE} ?source ; <{NIF}isString> ?text }}
          OPTIONAL {{ GRAPH {ox.NamedNode(META_GRAPH)} {{ ?g {SOURCE} ?file }} }} }}""")
    return {row["g"].value: ((row["file"] or row["source"]).value, row["text"].value) for row in rows}


def record_sources(store: ox.Store, files: dict[str, str]) -> None:
    """Keep the absolute path each article graph was read from in the meta graph (one transaction)."""
    if not files:
        return
    meta = ox.NamedNode(META_GRAPH)
    graphs = " ".join(str(ox.NamedNode(g)) for g in files)
    data = "\n".join(f"{ox.NamedNode(g)} {SOURCE} {ox.Literal(f)} ." for g, f in files.items())
    store.update(f"DELETE {{ GRAPH {meta} {{ ?g {SOURCE} ?f }} }} WHERE {{ VALUES ?g {{ {graphs} }} "
                 f"GRAPH {meta} {{ ?g {SOURCE} ?f }} }} ;\nINSERT DATA {{ GRAPH {meta} {{ {data} }} }}")


def count_quads(store: ox.Store, graph: str | None = None) -> int:
    """Number of quads in one graph, or in the whole store."""
    where = f"GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }}" if graph else "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } }"
    row = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")))
    return int(row["n"].value)


def data_quads(store: ox.Store, include_inferred: bool = False) -> Iterator[ox.Quad]:
    """Quads of the ontology, actor and article graphs (and the inferred graph if asked; never the meta graph)."""
    skip = {META_GRAPH} if include_inferred else {INFERRED_GRAPH, META_GRAPH}
    for quad in store.quads_for_pattern(None, None, None, None):
        graph = quad.graph_name
        if isinstance(graph, ox.NamedNode) and graph.value in skip:
            continue
        yield quad


LOCK_NAME = "akhbar.lock"


class StoreLock:
    """An advisory lock on a store folder, held by every command for its whole run.

    Writers (`build`, `reason`, `serve --writable`) hold it exclusively; readers (`query`, `export`,
    `validate`, the read-only `serve`) share it. Oxigraph's read-only mode must not run while another
    process writes, so a reader and a writer refuse each other with a clear message instead of risking
    a torn read; readers run side by side.
    """

    def __init__(self, path: Path, purpose: str, shared: bool = False) -> None:
        self.path = Path(path)
        self.purpose = purpose
        self.shared = shared
        self._fh: IO[str] | None = None

    def __enter__(self) -> StoreLock:
        import fcntl

        not_a_folder(self.path)
        if self.shared:
            fh = self._reader_lock_file()
            if fh is None:
                return self  # (read-only media: no writer can run here either)
        else:
            try:
                self.path.mkdir(parents=True, exist_ok=True)
                fh = open(self.path / LOCK_NAME, "a+")
            except OSError as err:
                raise StoreError(f"{self.path}: cannot write to the store folder ({err.strerror}); "
                                 f"`akhbar {self.purpose}` needs a writable folder") from None
        try:
            fcntl.flock(fh, (fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._holder(fh)
            fh.close()
            raise StoreError(f"{self.path}: the store is in use ({holder}); "
                             f"stop it before running `akhbar {self.purpose}`") from None
        self._sign(fh)
        self._fh = fh
        return self

    def _sign(self, fh: IO[str]) -> None:
        """Write who holds the lock, so a refused command can name it: a writer alone, each reader on a line of
        its own (lines of readers that have ended are dropped when the file grows)."""
        line = f"akhbar {self.purpose}, pid {os.getpid()}\n"
        try:
            if not self.shared:
                fh.seek(0)
                fh.truncate()
            elif fh.seek(0, os.SEEK_END) > 4096:
                fh.seek(0)
                live = [held for held in fh.read().splitlines(keepends=True) if _alive(held)]
                fh.seek(0)
                fh.truncate()
                fh.writelines(live)
            fh.write(line)
            fh.flush()
        except OSError:
            pass  # (a lock file opened read-only, on read-only media: the lock holds, unsigned)

    def _reader_lock_file(self) -> IO[str] | None:
        """The lock file opened for a shared lock; read-only if it cannot be written; None on read-only media
        where it does not exist and cannot be made."""
        try:
            return open(self.path / LOCK_NAME, "a+")
        except FileNotFoundError:
            raise StoreError(f"{self.path}: no store here; build one first with "
                             f"`akhbar build ARTICLES --store {self.path}`") from None
        except OSError:
            try:
                return open(self.path / LOCK_NAME)
            except OSError:
                return None

    @staticmethod
    def _holder(fh: IO[str]) -> str:
        """Who holds the lock, from the lines its holders wrote (read again briefly while a writer writes)."""
        import time

        for _ in range(20):
            fh.seek(0)
            holders = list(dict.fromkeys(line.strip() for line in fh.read().splitlines() if _alive(line)))
            if holders:
                return "; ".join(holders)
            time.sleep(0.05)
        return "another akhbar command reading it: serve, query, export or validate"

    @property
    def fileno(self) -> int | None:
        """The locked descriptor (to hand to a child process so the lock lives as long as it does)."""
        return self._fh.fileno() if self._fh is not None else None

    def __exit__(self, *exc: object) -> None:
        if self._fh is not None:
            if not self.shared:
                self._fh.seek(0)
                self._fh.truncate()
            self._fh.close()
            self._fh = None


def _alive(holder: str) -> bool:
    """Whether the process named on a lock-file line ("akhbar query, pid 123") is still running."""
    pid = holder.rsplit("pid ", 1)[-1].strip()
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def using_store(path: Path, purpose: str, write: bool = False) -> Iterator[ox.Store]:
    """Open an existing store for one command, under the store lock (shared for readers). A writing command
    flushes the store when it ends well: what it wrote then lies in the store's tables, not only in its
    write-ahead log, which every later read-only opening would replay (2 s on 10,000 articles after a
    `reason`)."""
    path = Path(path)
    if not (path / "CURRENT").exists():
        raise StoreError(f"{path}: no store here; build one first with `akhbar build ARTICLES --store {path}`")
    with StoreLock(path, purpose, shared=not write):
        db = open_store(path, read_only=not write)
        yield db
        if write:
            db.flush()
