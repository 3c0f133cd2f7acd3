"""LIST rules: tasks of responsibility lists and ledgers (责任清单 / 台账)."""

from __future__ import annotations

import datetime as _dt
import re

import networkx as nx
from respchain.queries._common import name_of, source_of
from respchain.queries.catalog import make_finding
from respchain.queries.finding import Finding
from respchain.queries.index import GraphIndex, ensure_index, norm_as_of

__all__ = [
    "find_task_no_responsible",
    "find_task_no_lead",
    "find_task_no_due",
    "find_task_overdue",
    "find_task_done_late",
    "find_task_done_no_evidence",
    "find_task_due_soon",
    "records_performance",
    "soon_until",
    "DEFAULT_SOON",
    "STANDING_DUE",
    "is_standing_due",
]

#: A ``due_note`` that is a deadline in its own right although not a date:
#: standing (长期坚持, 常态化), recurring (每季度, 每月, 按季度) or ongoing
#: (持续推进, 全年, 及时). Text such as 待定 or 无 is not one. The same regular
#: expression is in ``cypher/LIST-003.cypher`` (a whole-string match there too).
STANDING_DUE = (
    r"(?s)\s*(每|长期|持续|常态|经常|定期|随时|全年|全程|逐年|日常|动态|及时|年内|年度内|适时|视情|"
    r"根据|按(季|月|年|周|旬|半年|期|时|要求|上级|规定|计划|进度|程序|节点)).*"
)
_STANDING = re.compile(STANDING_DUE)


def is_standing_due(text: str | None) -> bool:
    """True when ``text`` is a recognised non-date deadline (``长期坚持``, ``每季度``).

    Examples
    --------
    >>> is_standing_due("长期坚持"), is_standing_due("每季度"), is_standing_due("待定")
    (True, True, False)
    """
    return bool(text) and _STANDING.fullmatch(str(text)) is not None


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
    """LIST-003: tasks with no ``due`` date and no recognised non-date deadline
    (a ``due_note`` such as 长期坚持 or 每季度, see :func:`is_standing_due`).
    Evidence: ``[task, list]``."""
    return _task_findings(
        G,
        ensure_index(G, index, as_of),
        "LIST-003",
        lambda t: not t.due and not is_standing_due(t.due_note),
    )


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


def records_performance(G: nx.MultiDiGraph, ix: GraphIndex) -> bool:
    """Whether the register keeps a record of duties performed (履责纪实): any ``done_on``,
    evidence record or problem. LIST-006 and LIST-007 ask only such registers; a
    register of who bears what alone gets the findings it always had."""
    return bool(ix.problems) or ix.n_evidence > 0 or any(t.done_on for t in ix.tasks)


def find_task_done_late(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """LIST-005: tasks finished (``done_on``) after their ``due`` date (逾期完成). Evidence: ``[task, list]``."""
    return _task_findings(
        G,
        ensure_index(G, index, as_of),
        "LIST-005",
        lambda t: bool(t.due and t.done_on) and t.done_on > t.due,
        lambda t: {"due": t.due, "done_on": t.done_on},
    )


def find_task_done_no_evidence(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """LIST-006: tasks with ``status: done`` and no ``evidence`` (完成无佐证), in a register
    that records performance (:func:`records_performance`). Evidence: ``[task, list]``."""
    ix = ensure_index(G, index, as_of)
    if not records_performance(G, ix):
        return []
    return _task_findings(G, ix, "LIST-006", lambda t: t.status == "done" and not t.evidence)


DEFAULT_SOON = 30
"""Days ahead that LIST-007 and ``respchain due`` call "due soon"."""


def soon_until(as_of: str, soon: int | None) -> str:
    """The last day of the window of ``soon`` days after ``as_of``.

    >>> soon_until("2025-09-30", 30)
    '2025-10-30'
    """
    days = DEFAULT_SOON if soon is None else int(soon)
    return (_dt.date.fromisoformat(as_of) + _dt.timedelta(days=days)).isoformat()


def find_task_due_soon(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
    soon: int | None = None,
) -> list[Finding]:
    """LIST-007: tasks not done whose ``due`` falls on ``as_of`` or within the ``soon``
    days after it (即将到期; default 30), in a register that records performance.

    Evidence: ``[task, list]``.
    """
    day = norm_as_of(G, as_of)
    ix = ensure_index(G, index, day)
    if not records_performance(G, ix):
        return []
    last = soon_until(day, soon)
    d0 = _dt.date.fromisoformat(day)
    return _task_findings(
        G,
        ix,
        "LIST-007",
        lambda t: t.status != "done" and bool(t.due) and day <= t.due <= last,
        lambda t: {"due": t.due, "days": (_dt.date.fromisoformat(t.due) - d0).days},
    )
