"""CHAIN rule: 层层传导 — party organizations below a broken link of the leadership line."""

from __future__ import annotations

import datetime as _dt

import networkx as nx
from respchain.queries._common import name_of, party_orgs, source_of
from respchain.queries.catalog import make_finding
from respchain.queries.finding import Finding
from respchain.queries.first import head_vacant
from respchain.queries.index import GraphIndex, ensure_index
from respchain.queries.main import main_broken

__all__ = ["find_broken_above", "broken_links"]


def broken_links(ix: GraphIndex) -> dict[str, list[str]]:
    """Organizations with MAIN-001 or FIRST-001 -> those rule ids (whatever rules are selected)."""
    out: dict[str, list[str]] = {}
    for o in main_broken(ix):
        out.setdefault(o, []).append("MAIN-001")
    for o in head_vacant(ix):
        out.setdefault(o, []).append("FIRST-001")
    return out


def find_broken_above(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """CHAIN-001: party organizations with an ancestor (along ``parent``) that has MAIN-001 or FIRST-001.

    Evidence: the path of ids from the subject up to the nearest broken
    ancestor, both ends included. Each organization's path is worked out once
    and shared with the organizations below it.
    """
    ix = ensure_index(G, index, as_of)
    broken = broken_links(ix)
    parent = ix.parent
    # memo[o]: the path above o up to its nearest broken ancestor (o excluded), or None.
    memo: dict[str, tuple[str, ...] | None] = {}
    out = []
    for x in party_orgs(ix):
        stack: list[str] = []
        seen: set[str] = set()
        cur = x
        while cur not in memo:
            p = parent.get(cur)
            if p is None or cur in seen:  # the top of the line, or a cycle
                memo[cur] = None
                break
            seen.add(cur)
            if p in broken:
                memo[cur] = (p,)
                break
            stack.append(cur)
            cur = p
        while stack:
            c = stack.pop()
            above = memo.get(parent[c])
            memo[c] = (parent[c], *above) if above else None
        path = memo[x]
        if path:
            b = path[-1]
            out.append(
                make_finding(
                    "CHAIN-001",
                    x,
                    name_of(G, x),
                    [x, *path],
                    {"broken": name_of(G, b), "reasons": broken[b], "depth": len(path)},
                    source_of(G, x),
                )
            )
    return out
