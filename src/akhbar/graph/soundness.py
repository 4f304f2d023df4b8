"""Is a store sound? Read every index of every graph, and say in one line when it is damaged.

Oxigraph keeps each quad in several RocksDB indexes (by graph, subject, predicate and object orders) and its
terms in a string table. A damaged data block shows only when the index holding it is read: a store can
export normally while lookups by object fail. `check_store` therefore walks the quads once (graph and
default-graph orders, decoding every term through the string table), then looks every quad up again by its
subject, its predicate, its object, its graph and predicate, and its graph and object, so that every index
is read in full; RocksDB verifies each block's checksum as it reads it. The counts of the lookups must agree
with the walk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

REMEDY = ("rebuild it from the articles (`akhbar build ARTICLES --store NEW`) or load its N-Quads shards into a "
          "new store (`akhbar load`)")


class StoreDamaged(Exception):
    """The store could not be read in full; the message names the store, the damage and what to do."""


@dataclass
class Soundness:
    """What `check_store` read: quads, graphs, and the index orders it read in full."""

    quads: int = 0
    graphs: int = 0
    orders: list[str] = field(default_factory=list)


Pattern = tuple[object | None, object | None, object | None, object | None]


def damage_message(path: Path | str, err: BaseException) -> str:
    """The one line for a store that failed to read: where, what the storage engine said, what to do.

    >>> damage_message("s", RuntimeError("Corruption: block checksum mismatch in s/000015.sst"))[:70]
    's: the store is damaged (Corruption: block checksum mismatch in s/0000'
    """
    what = " ".join(str(err).split()) or type(err).__name__
    return f"{path}: the store is damaged ({what}); {REMEDY}"


def is_damage(err: BaseException) -> bool:
    """Whether an error from Oxigraph reports a damaged store (RocksDB corruption, a missing table file).

    >>> is_damage(RuntimeError("Corruption: CURRENT file corrupted")), is_damage(ValueError("bad IRI"))
    (True, False)
    """
    text = str(err)
    return "Corruption" in text or ("No such file or directory" in text and (".sst" in text or "MANIFEST" in text))


def check_store(store: ox.Store, path: Path | str = "store",
                on_order: Callable[[str], None] | None = None) -> Soundness:
    """Read every index of `store` in full; raise StoreDamaged (one line) at the first damage found.

    >>> report = check_store(ox.Store())
    >>> report.quads, report.orders[0]
    (0, 'graph, subject, predicate, object')
    """
    report = Soundness()
    subjects: set[object] = set()
    predicates: set[object] = set()
    objects: set[object] = set()
    graph_predicates: set[tuple[object, object]] = set()
    graph_objects: set[tuple[object, object]] = set()
    graphs: set[object] = set()
    try:
        for quad in store.quads_for_pattern(None, None, None, None):
            report.quads += 1
            subjects.add(quad.subject)
            predicates.add(quad.predicate)
            objects.add(quad.object)
            graphs.add(quad.graph_name)
            graph_predicates.add((quad.graph_name, quad.predicate))
            graph_objects.add((quad.graph_name, quad.object))
        report.graphs = len(graphs)
        report.orders.append("graph, subject, predicate, object")
        orders: list[tuple[str, Iterable[Pattern], bool]] = [
            ("subject, predicate, object", ((s, None, None, None) for s in subjects), True),
            ("predicate, object, subject", ((None, p, None, None) for p in predicates), True),
            ("object, subject, predicate", ((None, None, o, None) for o in objects), False),
            ("graph, predicate, object", ((None, p, None, g) for g, p in graph_predicates), True),
            ("graph, object, subject", ((None, None, o, g) for g, o in graph_objects), False),
        ]
        for name, patterns, exact in orders:
            found = sum(1 for pattern in patterns for _quad in store.quads_for_pattern(*pattern))
            # (a lookup by object may also match literals equal in value, hence "at least" there)
            if found < report.quads or (exact and found != report.quads):
                raise StoreDamaged(f"{path}: the store is damaged (the {name} index holds {found} quads, the "
                                   f"graph index {report.quads}); {REMEDY}")
            report.orders.append(name)
            if on_order:
                on_order(name)
    except StoreDamaged:
        raise
    except Exception as err:  # what RocksDB raises on a bad block: RuntimeError or OSError "Corruption: …"
        raise StoreDamaged(damage_message(path, err)) from None
    return report
