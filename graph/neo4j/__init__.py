"""The Neo4j store: write the graph, read it back, export it for bulk import.

The gap rules run in Cypher in :mod:`respchain.queries.backends.neo4j`.

The caller makes the :class:`neo4j.Driver` and passes it in; respchain never
makes one itself (the command line does, from ``NEO4J_URI``, ``NEO4J_USER``,
``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``).

>>> import neo4j  # doctest: +SKIP
>>> from respchain.loaders import load_graph  # doctest: +SKIP
>>> from respchain.graph.neo4j import graph_to_neo4j  # doctest: +SKIP
>>> from respchain.queries.backends.neo4j import gaps_from_neo4j  # doctest: +SKIP
>>> with neo4j.GraphDatabase.driver("bolt://127.0.0.1:7687", auth=None) as driver:  # doctest: +SKIP
...     graph_to_neo4j(load_graph("data/seed"), driver, replace=True)
...     findings = gaps_from_neo4j(driver)
"""

from respchain.graph.neo4j.admin import graph_to_neo4j_admin, graphs_to_neo4j_admin
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
    "graph_to_neo4j_admin",
    "graphs_to_neo4j_admin",
    "GRAPH_NODE_ID",
    "DATA_LABELS",
    "DEFAULT_BATCH_SIZE",
]
