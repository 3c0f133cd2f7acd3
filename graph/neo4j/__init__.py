"""The Neo4j backend: write the graph, read it back, run the gap rules in Cypher, export for bulk import.

The caller makes the :class:`neo4j.Driver` and passes it in; respchain never
makes one itself (the command line does, from ``NEO4J_URI``, ``NEO4J_USER``,
``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``).

>>> import neo4j  # doctest: +SKIP
>>> from respchain.graph import graph_from_register  # doctest: +SKIP
>>> from respchain.graph.neo4j import graph_to_neo4j, gaps_from_neo4j  # doctest: +SKIP
>>> with neo4j.GraphDatabase.driver("bolt://127.0.0.1:7687", auth=None) as driver:  # doctest: +SKIP
...     graph_to_neo4j(graph_from_register("data/seed"), driver, replace=True)
...     findings = gaps_from_neo4j(driver)
"""

from respchain.graph.neo4j.admin import graph_to_neo4j_admin
from respchain.graph.neo4j.rules import ORDERED_EVIDENCE, cypher_for, gaps_from_neo4j, neo4j_backend
from respchain.graph.neo4j.store import (
    DATA_LABELS,
    DEFAULT_BATCH_SIZE,
    GRAPH_NODE_ID,
    backend_errors,
    clear_neo4j,
    ensure_constraints,
    graph_from_neo4j,
    graph_meta_from_neo4j,
    graph_to_neo4j,
    run_query,
)

__all__ = [
    "graph_to_neo4j",
    "graph_from_neo4j",
    "graph_meta_from_neo4j",
    "clear_neo4j",
    "ensure_constraints",
    "run_query",
    "backend_errors",
    "gaps_from_neo4j",
    "neo4j_backend",
    "cypher_for",
    "graph_to_neo4j_admin",
    "ORDERED_EVIDENCE",
    "GRAPH_NODE_ID",
    "DATA_LABELS",
    "DEFAULT_BATCH_SIZE",
]
