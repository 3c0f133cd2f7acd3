"""The ``memory`` backend: the rules' Python functions over the networkx graph."""

from __future__ import annotations

from typing import Any

import networkx as nx
from respchain.queries.catalog import CATALOG
from respchain.queries.finding import Finding
from respchain.queries.index import GraphIndex, build_index

__all__ = ["memory_backend", "run"]


def memory_backend(
    G: nx.MultiDiGraph,
    rule_ids: list[str],
    *,
    as_of: str,
    period: str,
    index: GraphIndex | None = None,
    **options: Any,
) -> list[Finding]:
    """Run the rules over the in-memory graph: one index, then one pass per rule."""
    ix = index if index is not None and index.as_of == as_of else build_index(G, as_of)
    out: list[Finding] = []
    for rid in rule_ids:
        out.extend(CATALOG[rid].run(G, index=ix, as_of=as_of, period=period, **options))
    return out


run = memory_backend
"""The backend function :func:`respchain.queries.find_gaps` looks up by the name ``memory``."""
