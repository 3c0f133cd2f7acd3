"""Save and load the in-memory graph as node-link JSON or GraphML.

Both formats round-trip: ``read_graph(write_graph(G, p))`` has the same nodes,
edges, keys and attributes as ``G``. GraphML holds only scalars, so list
attributes (``domains``, ``span``, ``areas_text``...) are written as JSON text
and decoded on reading; the graph attribute ``json_attrs`` names them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from respchain._files import atomic_path
from respchain.exceptions import InputError, Problem

__all__ = ["write_graph", "read_graph", "graph_to_node_link", "graph_from_node_link"]


def graph_to_node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as node-link data (``nodes``, ``edges``, ``graph``)."""
    data: dict[str, Any] = nx.node_link_data(G, edges="edges")
    return data


def graph_from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    """The inverse of :func:`graph_to_node_link`."""
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


def _graphml_safe(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    json_attrs: set[str] = set()

    def enc(attrs: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for k, v in attrs.items():
            if v is None:
                continue
            if isinstance(v, (list, dict, tuple)):
                out[k] = json.dumps(v, ensure_ascii=False)
                json_attrs.add(k)
            else:
                out[k] = v
        return out

    for n, d in G.nodes(data=True):
        H.add_node(n, **enc(d))
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **enc(d))
    H.graph.update(enc(G.graph))
    H.graph["json_attrs"] = json.dumps(
        sorted(json_attrs | {k for k, v in G.graph.items() if isinstance(v, (list, dict))})
    )
    return H


def write_graph(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` to ``path``: ``.json`` (node-link) or ``.graphml``.

    The file is written to a temporary name first and renamed, so a failure
    never leaves half a file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".graphml"):
        raise InputError(
            Problem(
                str(path),
                0,
                "",
                f"不支持的图文件类型 / unsupported graph file type {suffix!r} (.json, .graphml)",
            )
        )
    with atomic_path(path) as tmp:
        if suffix == ".json":
            with tmp.open("w", encoding="utf-8") as f:
                json.dump(graph_to_node_link(G), f, ensure_ascii=False, allow_nan=False)
        else:
            nx.write_graphml(_graphml_safe(G), tmp, encoding="utf-8")
    return path


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        with path.open(encoding="utf-8-sig") as f:
            return graph_from_node_link(json.load(f))
    if suffix == ".graphml":
        H = nx.read_graphml(path, force_multigraph=True)
        json_attrs = set(json.loads(H.graph.pop("json_attrs", "[]")))
        G = nx.MultiDiGraph()

        def dec(attrs: dict[str, Any]) -> dict[str, Any]:
            return {
                k: (json.loads(v) if k in json_attrs and isinstance(v, str) else v) for k, v in attrs.items()
            }

        G.graph.update(dec({k: v for k, v in H.graph.items() if k not in ("node_default", "edge_default")}))
        for n, d in H.nodes(data=True):
            G.add_node(n, **dec(d))
        for u, v, k, d in H.edges(keys=True, data=True):
            G.add_edge(u, v, key=k, **dec(d))
        return G
    raise InputError(
        Problem(
            str(path), 0, "", f"不支持的图文件类型 / unsupported graph file type {suffix!r} (.json, .graphml)"
        )
    )
