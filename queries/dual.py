"""DUAL rules: one post, two duties (一岗双责) of the leading team, and units in nobody's charge."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

import networkx as nx
from respchain.queries._common import LEADING, TEAM, leading_orgs, name_of, source_of
from respchain.queries.catalog import make_finding
from respchain.queries.finding import Finding
from respchain.queries.index import GraphIndex, ensure_index

__all__ = ["find_member_without_dual", "find_unit_unassigned"]

_OTHER_MEMBERS = frozenset({"deputy", "member"})


def find_member_without_dual(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """DUAL-001: deputies and members of a leading party organization with no declared ``one_post_two_duties``.

    One finding per person. Evidence: ``[person, *those leading orgs (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    seats: dict[str, set[str]] = defaultdict(set)
    for person, posts in ix.posts_by_person.items():
        if (person, "one_post_two_duties") in ix.declared:
            continue
        for p in posts:
            if p.role in _OTHER_MEMBERS and ix.org_kind.get(p.org) in LEADING:
                seats[person].add(p.org)
    return [
        make_finding(
            "DUAL-001",
            person,
            name_of(G, person),
            [person, *sorted(orgs)],
            {"orgs": [name_of(G, o) for o in orgs]},
            source_of(G, person),
        )
        for person, orgs in seats.items()
    ]


def find_unit_unassigned(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """DUAL-002: units a leading party organization ``leads`` that are in no ``areas`` of its team (分管空白).

    The team is the posts in the ``head``, ``deputy`` or ``member`` role in the
    leading organization (a head's areas count). One finding per unit.
    Evidence: ``[unit, *leading orgs whose team leaves it out (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    gaps: dict[str, set[str]] = defaultdict(set)
    for org in leading_orgs(ix):
        units = ix.leads.get(org)
        if not units:
            continue
        covered = {a for p in ix.posts_by_org.get(org, ()) if p.role in TEAM for a in p.areas}
        for u in units:
            if u not in covered:
                gaps[u].add(org)
    return [
        make_finding(
            "DUAL-002",
            u,
            name_of(G, u),
            [u, *sorted(leaders)],
            {"leaders": [name_of(G, o) for o in leaders]},
            source_of(G, u),
        )
        for u, leaders in gaps.items()
    ]
