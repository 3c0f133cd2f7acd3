"""The responsibility graph: schema, in-memory model, files and backends.

The schema is imported at once; the model and the graph files are imported
when first used, so that what needs only the schema (reading and validating a
register) does not pay for importing networkx.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from respchain.graph.schema import NodeKind, OrgKind, RelType, ResponsibilityKind, Role

if TYPE_CHECKING:
    from respchain.graph.io import read_graph, write_graph
    from respchain.graph.model import ResponsibilityGraph, graph_from_register

__all__ = [
    "ResponsibilityGraph",
    "graph_from_register",
    "read_graph",
    "write_graph",
    "NodeKind",
    "RelType",
    "OrgKind",
    "ResponsibilityKind",
    "Role",
]

_LAZY = {
    "ResponsibilityGraph": "respchain.graph.model",
    "graph_from_register": "respchain.graph.model",
    "read_graph": "respchain.graph.io",
    "write_graph": "respchain.graph.io",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
