"""Event rules: what should follow accountability and poor ratings, talks and consultations in the period."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

import networkx as nx
from respchain.queries._common import LEADING, TEAM, leading_orgs, name_of, source_of
from respchain.queries.catalog import make_finding
from respchain.queries.finding import Finding
from respchain.queries.index import GraphIndex, ensure_index, norm_as_of, norm_period
from respchain.queries.supervision import group_covers

__all__ = [
    "find_accountability_no_followup",
    "find_team_no_talk",
    "find_poor_ecology_no_talk",
    "find_no_consultation",
]

_ECO_TALKS = frozenset({"collective", "warning"})


def find_accountability_no_followup(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """ACC-001: people held accountable with no encouragement talk since (问责"后半篇文章").

    An accountability is followed up by an ``encouragement`` talk with the
    person dated on or after the accountability's date and not after
    ``as_of`` (the same day counts). Evidence: ``[person, *accountability
    events without a follow-up (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    day = norm_as_of(G, as_of)
    # The latest encouragement talk of each person up to as_of decides every accountability.
    last_enc: dict[str, str] = {}
    for _eid, talk, date, with_ in ix.talks:
        if talk == "encouragement" and date <= day:
            for p in with_:
                if date > last_enc.get(p, ""):
                    last_enc[p] = date
    missing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for eid, date, targets in ix.accountabilities:
        for p in targets:
            if last_enc.get(p, "") < date:
                missing[p].append((eid, date))
    return [
        make_finding(
            "ACC-001",
            p,
            name_of(G, p),
            [p, *sorted(e for e, _ in evs)],
            {"dates": sorted({d for _, d in evs}), "as_of": day},
            source_of(G, p),
        )
        for p, evs in missing.items()
    ]


def find_team_no_talk(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """TALK-001: heads, deputies and members of leading party organizations in no talk dated in ``period``.

    Evidence: ``[person, *those leading orgs (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    year = norm_period(G, period, norm_as_of(G, as_of))
    talked = {p for _e, _t, date, with_ in ix.talks if date[:4] == year for p in with_}
    seats: dict[str, set[str]] = defaultdict(set)
    for o in leading_orgs(ix):
        for p in ix.posts_by_org.get(o, ()):
            if p.role in TEAM and p.person not in talked:
                seats[p.person].add(o)
    return [
        make_finding(
            "TALK-001",
            person,
            name_of(G, person),
            [person, *sorted(orgs)],
            {"orgs": [name_of(G, o) for o in orgs], "period": year},
            source_of(G, person),
        )
        for person, orgs in seats.items()
    ]


def find_poor_ecology_no_talk(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """ECO-001: organizations rated ``poor`` with no collective or warning talk with their people since.

    A rating is followed up by a ``collective`` or ``warning`` talk dated on or
    after it whose ``with`` includes someone holding a post in the rated
    organization. Evidence: ``[org, *poor ratings without a follow-up (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    last_talk: dict[str, str] = {}
    for _eid, talk, date, with_ in ix.talks:
        if talk in _ECO_TALKS:
            for p in with_:
                if date > last_talk.get(p, ""):
                    last_talk[p] = date
    missing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for eid, date, org, rating in ix.ratings:
        if rating != "poor" or not org:
            continue
        latest = max((last_talk.get(p.person, "") for p in ix.posts_by_org.get(org, ())), default="")
        if latest < date:
            missing[org].append((eid, date))
    return [
        make_finding(
            "ECO-001",
            org,
            name_of(G, org),
            [org, *sorted(e for e, _ in evs)],
            {"dates": sorted({d for _, d in evs})},
            source_of(G, org),
        )
        for org, evs in missing.items()
    ]


def find_no_consultation(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """CONS-001: leading party organizations a dispatched group supervises, with no consultation of both in ``period``.

    Evidence: ``[org, *dispatched groups without a consultation (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    year = norm_period(G, period, norm_as_of(G, as_of))
    met: set[tuple[str, str]] = set()
    for _eid, date, parties in ix.consultations:
        if date[:4] != year:
            continue
        groups = [g for g in parties if ix.org_kind.get(g) == "dispatched_group"]
        for g in groups:
            for o in parties:
                met.add((g, o))
    missing: dict[str, set[str]] = defaultdict(set)
    for g in ix.orgs_by_kind.get("dispatched_group", ()):
        for o in group_covers(ix, g):
            if ix.org_kind.get(o) in LEADING and (g, o) not in met:
                missing[o].add(g)
    order = {o: i for i, o in enumerate(leading_orgs(ix))}
    return [
        make_finding(
            "CONS-001",
            o,
            name_of(G, o),
            [o, *sorted(gs)],
            {"groups": [name_of(G, g) for g in gs], "period": year},
            source_of(G, o),
        )
        for o, gs in sorted(missing.items(), key=lambda kv: order.get(kv[0], 0))
    ]
