"""SUP rules: who supervises, who may bear supervision, and the independence of dispatched groups."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

import networkx as nx
from respchain.queries._common import leading_orgs, name_of, source_of
from respchain.queries.catalog import make_finding
from respchain.queries.finding import Finding
from respchain.queries.index import GraphIndex, ensure_index

__all__ = ["find_unsupervised", "find_supervisory_misplaced", "find_dispatched_conflict", "group_covers"]

_SUPERVISORS = frozenset({"discipline_commission", "dispatched_group"})


def group_covers(ix: GraphIndex, group: str) -> set[str]:
    """The organizations in the ``over`` of the ``supervisory`` responsibilities borne by ``group``."""
    return {o for r in ix.declared_by.get((group, "supervisory"), ()) for o in ix.covers.get(r, ())}


def find_unsupervised(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """SUP-001: leading party organizations that neither themselves nor through a unit they lead are supervised.

    Supervised means: in the ``over`` (COVERS) of some ``supervisory``
    responsibility. Evidence: ``[org, *units it leads (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    sup = ix.supervised
    out = []
    for o in leading_orgs(ix):
        units = ix.leads.get(o, ())
        if o in sup or any(u in sup for u in units):
            continue
        out.append(
            make_finding(
                "SUP-001", o, name_of(G, o), [o, *sorted(units)], {"units": len(units)}, source_of(G, o)
            )
        )
    return out


def find_supervisory_misplaced(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """SUP-002: declared ``supervisory`` responsibilities borne by neither a discipline commission nor a dispatched group.

    The bearer may be another organization or a person (``kind`` is then
    ``person``). Evidence: ``[bearer, *declaring responsibilities and lists (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    out = []
    for (bearer, rtype), ids in ix.declared_by.items():
        if rtype != "supervisory":
            continue
        kind = ix.org_kind.get(bearer)
        if kind in _SUPERVISORS:
            continue
        out.append(
            make_finding(
                "SUP-002",
                bearer,
                name_of(G, bearer),
                [bearer, *sorted(set(ids))],
                {"kind": kind or "person"},
                source_of(G, bearer),
            )
        )
    return out


def find_dispatched_conflict(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """SUP-003: people in a dispatched group who also hold a post in what the group supervises.

    What the group supervises: the organizations in the ``over`` of its
    ``supervisory`` responsibilities, and the organizations that lead a unit
    in it. Posts in the ``discipline_secretary`` role do not count (the
    discipline secretary on the committee of the same level is by design).
    Evidence: ``[person, *groups and organizations involved (sorted together)]``.
    """
    ix = ensure_index(G, index, as_of)
    groups: dict[str, set[str]] = defaultdict(set)
    orgs: dict[str, set[str]] = defaultdict(set)
    for g in ix.orgs_by_kind.get("dispatched_group", ()):
        members = {p.person for p in ix.posts_by_org.get(g, ())}
        if not members:
            continue
        covered = group_covers(ix, g)
        if not covered:
            continue
        watched = set(covered)
        for u in covered:
            watched.update(ix.led_by.get(u, ()))
        watched.discard(g)
        for person in members:
            for p in ix.posts_by_person.get(person, ()):
                if p.org in watched and p.role != "discipline_secretary":
                    groups[person].add(g)
                    orgs[person].add(p.org)
    return [
        make_finding(
            "SUP-003",
            person,
            name_of(G, person),
            [person, *sorted(groups[person] | orgs[person])],
            {
                "groups": [name_of(G, g) for g in groups[person]],
                "orgs": [name_of(G, o) for o in orgs[person]],
            },
            source_of(G, person),
        )
        for person in groups
    ]
