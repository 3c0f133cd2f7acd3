"""FIRST rules: the head (一把手) of party organizations and their first-responsible duty."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

import networkx as nx
from respchain.queries._common import PARTY, leading_orgs, name_of, source_of
from respchain.queries.catalog import make_finding
from respchain.queries.finding import Finding
from respchain.queries.index import GraphIndex, ensure_index

__all__ = ["find_head_vacant", "find_head_without_first", "head_vacant"]


def head_vacant(ix: GraphIndex) -> set[str]:
    """Leading party organizations where nobody holds a ``head`` post (the FIRST-001 subjects)."""
    return {o for o in leading_orgs(ix) if not any(p.role == "head" for p in ix.posts_by_org.get(o, ()))}


def find_head_vacant(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """FIRST-001: leading party organizations (committee, group) with no person in the ``head`` role.

    Evidence: ``[org]``.
    """
    ix = ensure_index(G, index, as_of)
    return [
        make_finding("FIRST-001", o, name_of(G, o), [o], {}, source_of(G, o))
        for o in leading_orgs(ix)
        if not any(p.role == "head" for p in ix.posts_by_org.get(o, ()))
    ]


def find_head_without_first(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """FIRST-002: heads of party organizations with no declared ``first_responsible`` responsibility.

    One finding per person. Evidence: ``[person, *party orgs they head (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    heads: dict[str, set[str]] = defaultdict(set)
    for person, posts in ix.posts_by_person.items():
        if (person, "first_responsible") in ix.declared:
            continue
        for p in posts:
            if p.role == "head" and ix.org_kind.get(p.org) in PARTY:
                heads[person].add(p.org)
    return [
        make_finding(
            "FIRST-002",
            person,
            name_of(G, person),
            [person, *sorted(orgs)],
            {"orgs": [name_of(G, o) for o in orgs]},
            source_of(G, person),
        )
        for person, orgs in heads.items()
    ]
