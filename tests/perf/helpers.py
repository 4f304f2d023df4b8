"""Reading a store as sorted N-Quads, to compare builds."""

from __future__ import annotations

import pyoxigraph as ox

from akhbar.graph.vocab import META_GRAPH, ONTOLOGY_GRAPH


def sorted_nquads(store: ox.Store) -> list[str]:
    """Every quad of the store as N-Quads, sorted; the ontology graph (whose RDF lists are blank nodes,
    fresh at each load) as its size only; the meta graph (when things last changed) left out."""
    ontology, meta = ox.NamedNode(ONTOLOGY_GRAPH), ox.NamedNode(META_GRAPH)
    lines = sorted(str(q) for q in store if q.graph_name not in (ontology, meta))
    lines.append(f"ontology graph: {sum(1 for _ in store.quads_for_pattern(None, None, None, ontology))} quads")
    return lines
