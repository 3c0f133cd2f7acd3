"""Where the gap rules run: one module per backend, each with ``run(G, rule_ids, *, as_of, period, **options)``.

- :mod:`~respchain.queries.backends.memory`: the Python rules over the networkx graph;
- :mod:`~respchain.queries.backends.neo4j`: the rules' Cypher over the graph stored in Neo4j;
- :mod:`~respchain.queries.backends.shacl`: the rules' SHACL shapes over the graph as RDF
  (the rules that are not shapes of single nodes run in memory).

:func:`respchain.queries.find_gaps` chooses one by name and imports it only then,
so that the memory backend never loads the Neo4j driver, rdflib or pySHACL.
"""

BUILTIN = {
    "memory": "respchain.queries.backends.memory",
    "neo4j": "respchain.queries.backends.neo4j",
    "shacl": "respchain.queries.backends.shacl",
}
"""Backend name -> the module holding its ``run``."""

__all__ = ["BUILTIN"]
