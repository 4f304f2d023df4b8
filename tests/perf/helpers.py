"""Reading a store as sorted N-Quads, to compare builds."""

from __future__ import annotations

import pyoxigraph as ox

from akhbar.graph.vocab import ONTOLOGY_GRAPH


def sorted_nquads(store: ox.Store) -> list[str]:
    """Every quad of the store as N-Quads, sorted; the ontology graph (whose RDF lists are blank nodes,
    fresh at each load) as its size only."""
    ontology = ox.NamedNode(ONTOLOGY_GRAPH)
    lines = sorted(str(q) for q in store if q.graph_name != ontology)
    lines.append(f"ontology graph: {sum(1 for _ in store.quads_for_pattern(None, None, None, ontology))} quads")
    return lines
