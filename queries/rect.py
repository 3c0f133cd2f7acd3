"""RECT rules: problems found by inspection, patrol and supervision, and their rectification (问题整改).

A measure is done when it has ``done_on`` or ``status: done``; a problem is
closed when it has ``closed_on``.
"""

from __future__ import annotations

import calendar
import datetime as _dt

import networkx as nx
from respchain.graph.schema import PROBLEM_ORIGIN_NAMES
from respchain.queries._common import name_of, source_of
from respchain.queries.catalog import make_finding
from respchain.queries.finding import Finding
from respchain.queries.index import GraphIndex, ensure_index, norm_as_of

__all__ = [
    "find_problem_no_measure",
    "find_report_overdue",
    "find_measure_overdue",
    "find_closed_not_done",
    "find_measure_no_responsible",
    "months_before",
    "REPORT_ORIGINS",
]

REPORT_ORIGINS = frozenset({"inspection", "patrol"})
"""Origins whose rectification report is due within two months of the feedback (巡视, 巡察)."""


def months_before(day: str, months: int) -> str:
    """The same day of the month ``months`` earlier, clamped to that month's last day.

    >>> months_before("2025-05-10", 2), months_before("2025-04-30", 2), months_before("2024-04-30", 2)
    ('2025-03-10', '2025-02-28', '2024-02-29')
    """
    d = _dt.date.fromisoformat(day)
    m = d.year * 12 + d.month - 1 - months
    y, mo = divmod(m, 12)
    last = calendar.monthrange(y, mo + 1)[1]
    return _dt.date(y, mo + 1, min(d.day, last)).isoformat()


def _problem_params(G: nx.MultiDiGraph, pb) -> dict:
    return {"org": name_of(G, pb.org)}


def find_problem_no_measure(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """RECT-001: a problem not closed that has no measure. Evidence: ``[problem, org]``."""
    ix = ensure_index(G, index, as_of)
    return [
        make_finding("RECT-001", pb.id, name_of(G, pb.id), [pb.id, pb.org], _problem_params(G, pb),
                     source_of(G, pb.id))
        for pb in ix.problems
        if not pb.closed_on and not pb.measures
    ]


def find_report_overdue(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """RECT-002: a problem from an inspection or patrol with no ``reported_on``, fed back
    (``found``) more than two months before ``as_of``. Evidence: ``[problem, org]``."""
    day = norm_as_of(G, as_of)
    ix = ensure_index(G, index, day)
    limit = months_before(day, 2)
    return [
        make_finding(
            "RECT-002", pb.id, name_of(G, pb.id), [pb.id, pb.org],
            {**_problem_params(G, pb), "origin": PROBLEM_ORIGIN_NAMES[pb.origin], "found": pb.found, "as_of": day},
            source_of(G, pb.id),
        )
        for pb in ix.problems
        if pb.origin in REPORT_ORIGINS and not pb.reported_on and pb.found and pb.found < limit
    ]


def find_measure_overdue(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """RECT-003: a measure not done whose ``due`` is before ``as_of``. Evidence: ``[measure, problem]``."""
    day = norm_as_of(G, as_of)
    ix = ensure_index(G, index, day)
    return [
        make_finding("RECT-003", m.id, name_of(G, m.id), [m.id, m.problem],
                     {"problem": name_of(G, m.problem), "due": m.due, "as_of": day}, source_of(G, m.id))
        for m in ix.measures.values()
        if not m.done and m.due and m.due < day
    ]


def find_closed_not_done(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """RECT-004: a problem closed while one of its measures is not done, or closed with no
    evidence on the problem or any of its measures (销号不实).

    Evidence: ``[problem, *measures not done (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    out = []
    for pb in ix.problems:
        if not pb.closed_on:
            continue
        ms = [ix.measures[m] for m in pb.measures if m in ix.measures]
        undone = sorted(m.id for m in ms if not m.done)
        n_evidence = len(set(pb.evidence).union(*(m.evidence for m in ms)))
        if undone or not n_evidence:
            out.append(make_finding(
                "RECT-004", pb.id, name_of(G, pb.id), [pb.id, *undone],
                {"closed_on": pb.closed_on, "open": len(undone), "evidence": n_evidence}, source_of(G, pb.id),
            ))
    return out


def find_measure_no_responsible(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """RECT-005: a measure with no ``responsible`` person. Evidence: ``[measure, problem]``."""
    ix = ensure_index(G, index, as_of)
    return [
        make_finding("RECT-005", m.id, name_of(G, m.id), [m.id, m.problem], {"problem": name_of(G, m.problem)},
                     source_of(G, m.id))
        for m in ix.measures.values()
        if not m.responsible
    ]
