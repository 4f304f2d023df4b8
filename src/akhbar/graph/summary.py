"""Summaries `akhbar reason` keeps in the inferred graph, so a library query reads a few rows at once.

`state-hostility` counted, for every state-level relation, the asserted events behind it: a join of every
event with the actors acting for each state, 3–4 s on a 10,000-article store for 119 rows. The counts only
change when the articles or the inferences do, so `akhbar reason` computes them once, after writing the
inferred graph (full or incremental: reason.finish), and stores one node per relation in that graph:

    <https://w3id.org/akhbar/summary/state-relation/…> a sum:StateRelation ;
        sum:state id:iran ; sum:relation ak:warns ; sum:other id:usa ; sum:events 2 ; sum:articles 2 .

The terms are in their own namespace (SUMMARY_NS), not the closed ontology: they describe the store, not
the world, and reasoning never reads them (they are written after the closure).
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox

from akhbar.graph.vocab import BASE, INFERRED_GRAPH

SUMMARY_NS = BASE + "summary#"
STATE_RELATION_NS = BASE + "summary/state-relation/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
STATE_RELATION = ox.NamedNode(SUMMARY_NS + "StateRelation")
FIELDS = ("state", "relation", "other", "events", "articles")  # one sum: property each

# Every state-level relation (ak:warns, ak:attacks, ak:pressures, ak:actsAgainst) between two distinct
# states that the store holds, with its asserted events: events whose agent is the state or acts for it
# and whose target is the other state or acts for it (ak:actsFor, ak:officialOf, ak:partOf, transitively),
# of the relation's action class. Read once from the whole store, inferred graph included.
STATE_RELATIONS_QUERY = """
PREFIX ak: <https://w3id.org/akhbar/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?state ?relation ?other (COUNT(DISTINCT ?event) AS ?events) (COUNT(DISTINCT ?article) AS ?articles)
WHERE {
  { SELECT DISTINCT ?agent ?state WHERE {
      { SELECT DISTINCT ?state WHERE { ?state a ak:State } }
      ?agent (ak:actsFor|ak:officialOf|ak:partOf)* ?state } }
  GRAPH ?g {
    ?event ak:agent ?agent ;
           ak:modality ak:Asserted ;
           ak:target ?target ;
           ak:article ?article ;
           a ?action .
  }
  { SELECT DISTINCT ?target ?other WHERE {
      { SELECT DISTINCT ?other WHERE { ?other a ak:State } }
      ?target (ak:actsFor|ak:officialOf|ak:partOf)* ?other } }
  FILTER(?state != ?other)
  { SELECT ?relation ?action WHERE {
      VALUES (?relation ?core) {
        (ak:actsAgainst ak:Action) (ak:warns ak:Warning) (ak:attacks ak:Attack) (ak:pressures ak:Pressure)
      }
      ?action rdfs:subClassOf* ?core } }
  FILTER EXISTS { ?state ?relation ?other }
}
GROUP BY ?state ?relation ?other
"""


def replace_summary(store: ox.Store) -> int:
    """Make the summary anew from the store as it is now (inferred graph written): the old summary nodes out
    and the new ones in, in one update (one transaction). Returns how many quads the summary holds."""
    quads = summary_quads(store)
    graph = ox.NamedNode(INFERRED_GRAPH)
    triples = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    store.update(f"DELETE WHERE {{ GRAPH {graph} {{ ?node a {STATE_RELATION} ; ?p ?o }} }} ;\n"
                 f"INSERT DATA {{ GRAPH {graph} {{\n{triples}\n}} }}")
    return len(quads)


def summary_quads(store: ox.Store) -> list[ox.Quad]:
    """The summary nodes of the store as it is now (its inferred graph written), as quads of that graph.

    >>> summary_quads(ox.Store())
    []
    """
    graph = ox.NamedNode(INFERRED_GRAPH)
    quads = []
    for row in store.query(STATE_RELATIONS_QUERY, use_default_graph_as_union=True):
        key = " ".join(row[name].value for name in FIELDS[:3])
        node = ox.NamedNode(STATE_RELATION_NS + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20])
        quads.append(ox.Quad(node, RDF_TYPE, STATE_RELATION, graph))
        quads.extend(ox.Quad(node, ox.NamedNode(SUMMARY_NS + name), row[name], graph) for name in FIELDS)
    return quads
