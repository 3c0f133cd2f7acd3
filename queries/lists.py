"""LIST rules: tasks of responsibility lists and ledgers (责任清单 / 台账)."""

from __future__ import annotations

import datetime as _dt

import networkx as nx
from respchain.queries._common import name_of, source_of
from respchain.queries.catalog import make_finding
from respchain.queries.finding import Finding
from respchain.queries.index import GraphIndex, ensure_index, norm_as_of

__all__ = ["find_task_no_responsible", "find_task_no_lead", "find_task_no_due", "find_task_overdue"]


def _task_findings(G: nx.MultiDiGraph, ix: GraphIndex, rule: str, pred, extra=None) -> list[Finding]:
    out = []
    for t in ix.tasks:
        if pred(t):
            params = {"list": name_of(G, t.list)}
            if extra:
                params.update(extra(t))
            out.append(make_finding(rule, t.id, name_of(G, t.id), [t.id, t.list], params, source_of(G, t.id)))
    return out


def find_task_no_responsible(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """LIST-001: tasks with no ``responsible`` person. Evidence: ``[task, list]``."""
    return _task_findings(G, ensure_index(G, index, as_of), "LIST-001", lambda t: not t.responsible)


def find_task_no_lead(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """LIST-002: tasks with no ``lead`` unit (牵头单位). Evidence: ``[task, list]``."""
    return _task_findings(G, ensure_index(G, index, as_of), "LIST-002", lambda t: not t.lead)


def find_task_no_due(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """LIST-003: tasks with no ``due`` date. Evidence: ``[task, list]``."""
    return _task_findings(G, ensure_index(G, index, as_of), "LIST-003", lambda t: not t.due)


def find_task_overdue(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """LIST-004: tasks whose ``due`` is before ``as_of`` and whose status is not ``done``.

    A task due on ``as_of`` itself is not overdue; a done task never is.
    Evidence: ``[task, list]``.
    """
    day = norm_as_of(G, as_of)
    return _task_findings(
        G,
        ensure_index(G, index, as_of),
        "LIST-004",
        lambda t: bool(t.due) and t.due < day and t.status != "done",
        lambda t: {"due": t.due, "as_of": day},
    )
