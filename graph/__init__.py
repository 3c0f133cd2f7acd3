"""The responsibility graph: schema, in-memory model, files and backends."""

from respchain.graph.io import read_graph, write_graph
from respchain.graph.model import graph_from_register
from respchain.graph.schema import NodeKind, OrgKind, RelType, ResponsibilityKind, Role

__all__ = [
    "graph_from_register",
    "read_graph",
    "write_graph",
    "NodeKind",
    "RelType",
    "OrgKind",
    "ResponsibilityKind",
    "Role",
]
