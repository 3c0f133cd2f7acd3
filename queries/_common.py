"""Helpers shared by the rule families: node names and sources, kinds of organization."""

from __future__ import annotations

import networkx as nx
from respchain.graph.schema import LEADING_ORG_KINDS, PARTY_ORG_KINDS, TEAM_ROLES

__all__ = ["name_of", "source_of", "PARTY", "LEADING", "TEAM", "party_orgs", "leading_orgs"]

PARTY = frozenset(k.value for k in PARTY_ORG_KINDS)
LEADING = frozenset(k.value for k in LEADING_ORG_KINDS)
TEAM = frozenset(r.value for r in TEAM_ROLES)


def name_of(G: nx.MultiDiGraph, n: str) -> str:
    """The ``name`` of node ``n`` (its id when it has none)."""
    d = G._node.get(n)
    return (d.get("name") if d else None) or n


def source_of(G: nx.MultiDiGraph, n: str) -> str | None:
    """The source id of node ``n``'s record, if any."""
    d = G._node.get(n)
    return d.get("source") if d else None


def party_orgs(ix) -> list[str]:
    """Party organizations (committee, group, branch), in graph order by kind."""
    return [o for k in sorted(PARTY) for o in ix.orgs_by_kind.get(k, ())]


def leading_orgs(ix) -> list[str]:
    """Leading party organizations (committee, group)."""
    return [o for k in sorted(LEADING) for o in ix.orgs_by_kind.get(k, ())]
