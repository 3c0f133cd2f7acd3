"""What the rule modules share: node names and sources, the party and leading organizations."""

from __future__ import annotations

import networkx as nx
from respchain.graph.schema import LEADING_ORG_KINDS, PARTY_ORG_KINDS
from respchain.queries.index import GraphIndex

__all__ = ["name_of", "source_of", "party_orgs", "leading_orgs"]


def name_of(G: nx.MultiDiGraph, n: str) -> str:
    """The ``name`` of node ``n`` (its id when it has none)."""
    d = G._node.get(n)
    return (d.get("name") if d else None) or n


def source_of(G: nx.MultiDiGraph, n: str) -> str | None:
    """The source id of node ``n``'s record, if any."""
    d = G._node.get(n)
    return d.get("source") if d else None


def party_orgs(ix: GraphIndex) -> list[str]:
    """Party organizations (committee, group, branch), in graph order by kind."""
    return [o for k in sorted(PARTY_ORG_KINDS) for o in ix.orgs_by_kind.get(k, ())]


def leading_orgs(ix: GraphIndex) -> list[str]:
    """Leading party organizations (committee, group)."""
    return [o for k in sorted(LEADING_ORG_KINDS) for o in ix.orgs_by_kind.get(k, ())]
