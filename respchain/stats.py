"""Counts of what a graph holds: by kind, by responsibility type, people per organization."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from respchain.graph.schema import NodeKind

__all__ = ["graph_stats"]


def graph_stats(G: nx.MultiDiGraph) -> dict:
    """Summary counts of a responsibility graph.

    Returns
    -------
    dict
        ``nodes`` and ``edges`` (totals), ``by_kind`` (node kind -> count),
        ``by_org_kind``, ``by_relationship``, ``by_responsibility_type``
        (declared responsibilities and lists per type), ``people_per_org``
        (organization id -> number of people holding a post in it, largest
        first), ``events_by_kind``.
    """
    by_kind: Counter = Counter()
    by_org_kind: Counter = Counter()
    by_type: Counter = Counter()
    events: Counter = Counter()
    people_per_org: Counter = Counter()
    for _, d in G.nodes(data=True):
        k = d.get("kind")
        by_kind[k] += 1
        if k == NodeKind.ORGANIZATION:
            by_org_kind[d.get("org_kind")] += 1
        elif k == NodeKind.RESPONSIBILITY:
            by_type[d.get("type")] += 1
        elif k == NodeKind.LIST and d.get("list_kind") in ("main", "supervisory"):
            by_type[d["list_kind"]] += 1
        elif k == NodeKind.EVENT:
            events[d.get("event_kind")] += 1
        elif k == NodeKind.POST:
            people_per_org[d["org"]] += 0  # counted below, once per person
    seen = set()
    for _, d in G.nodes(data=True):
        if d.get("kind") == NodeKind.POST and (d["person"], d["org"]) not in seen:
            seen.add((d["person"], d["org"]))
            people_per_org[d["org"]] += 1
    by_rel = Counter(k for _, _, k in G.edges(keys=True))
    return {
        "title": G.graph.get("title", ""),
        "as_of": G.graph.get("as_of"),
        "period": G.graph.get("period"),
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "by_kind": dict(sorted(by_kind.items())),
        "by_org_kind": dict(sorted(by_org_kind.items())),
        "by_relationship": dict(sorted(by_rel.items())),
        "by_responsibility_type": dict(sorted(by_type.items())),
        "events_by_kind": dict(sorted(events.items())),
        "people_per_org": dict(sorted(people_per_org.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
