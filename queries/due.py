"""Deadlines and their state (红黄绿): tasks, rectification measures and problems by due date.

Every dated duty of a register is one :class:`DueItem`, in one of four states
at the reference date ``as_of``:

==========  ======  ========================================================
state       colour  meaning
==========  ======  ========================================================
overdue     红 red   not done, and ``due`` is before ``as_of``
soon        黄 yellow not done, and ``due`` is on ``as_of`` or within ``within`` days after it
late        黄 yellow done, but ``done_on`` is after ``due`` (逾期完成)
on_time     绿 green done by ``due``, or not done and not due within the window
==========  ======  ========================================================

A task or measure is charged to its lead unit (牵头单位), else to the owner of
its list or the organization of its problem; a problem to the organization that
must rectify it. Each item lists its responsible people (责任人).
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from respchain.graph.schema import NodeKind, RelType
from respchain.queries.index import norm_as_of
from respchain.queries.rules._common import name_of
from respchain.queries.rules.list import DEFAULT_SOON

__all__ = ["DueItem", "due_items", "group_items", "STATES", "STATE_INFO"]

STATES = ("overdue", "soon", "late", "on_time")
"""The states, most pressing first."""

STATE_INFO: dict[str, dict[str, str]] = {
    "overdue": {
        "colour": "red",
        "zh": "红",
        "label_zh": "逾期未完成",
        "label_en": "overdue",
        "rgb": "FFC7CE",
    },
    "soon": {"colour": "yellow", "zh": "黄", "label_zh": "即将到期", "label_en": "due soon", "rgb": "FFEB9C"},
    "late": {
        "colour": "yellow",
        "zh": "黄",
        "label_zh": "逾期完成",
        "label_en": "done late",
        "rgb": "FFEB9C",
    },
    "on_time": {"colour": "green", "zh": "绿", "label_zh": "按期", "label_en": "on time", "rgb": "C6EFCE"},
}

_KIND_NAMES = {
    NodeKind.TASK.value: ("任务", "task"),
    NodeKind.MEASURE.value: ("整改措施", "measure"),
    NodeKind.PROBLEM.value: ("整改问题", "problem"),
}


@dataclass(frozen=True)
class DueItem:
    """One dated duty and its state at ``as_of``."""

    id: str
    kind: str
    name: str
    due: str
    done: bool
    done_on: str | None
    state: str
    days: int
    unit: str
    unit_name: str
    people: tuple[tuple[str, str], ...] = field(default=())
    parent: str = ""
    parent_name: str = ""

    @property
    def colour(self) -> str:
        return STATE_INFO[self.state]["colour"]

    @property
    def kind_zh(self) -> str:
        return _KIND_NAMES[self.kind][0]

    @property
    def kind_en(self) -> str:
        return _KIND_NAMES[self.kind][1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "due": self.due,
            "done": self.done,
            "done_on": self.done_on,
            "state": self.state,
            "colour": self.colour,
            "days": self.days,
            "unit": self.unit,
            "unit_name": self.unit_name,
            "people": [{"id": p, "name": n} for p, n in self.people],
            "parent": self.parent,
            "parent_name": self.parent_name,
        }


def state_of(due: str, done: bool, done_on: str | None, day: str, last: str) -> str:
    """The state of a duty due on ``due`` at ``day``, the window ending on ``last``."""
    if done:
        return "late" if done_on and done_on > due else "on_time"
    if due < day:
        return "overdue"
    if due <= last:
        return "soon"
    return "on_time"


def _out(G: nx.MultiDiGraph, n: str, rel: str) -> list[str]:
    return sorted(v for v, keys in G._succ[n].items() if rel in keys)


def due_items(
    G: nx.MultiDiGraph, *, as_of: str | _dt.date | None = None, within: int = DEFAULT_SOON
) -> list[DueItem]:
    """Every task, measure and problem with a ``due`` date, with its state at ``as_of``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    as_of : str or date, optional
        Default: ``G.graph['as_of']``.
    within : int
        The days after ``as_of`` that count as "due soon" (default 30).

    Returns
    -------
    list of DueItem
        By state (overdue first), then due date, then id.
    """
    day = norm_as_of(G, as_of)
    d0 = _dt.date.fromisoformat(day)
    last = (d0 + _dt.timedelta(days=int(within))).isoformat()
    out = []
    nodes = G._node
    for n, d in nodes.items():
        kind = d.get("kind")
        due = d.get("due")
        if kind not in (NodeKind.TASK, NodeKind.MEASURE, NodeKind.PROBLEM) or not due:
            continue
        if kind == NodeKind.PROBLEM:
            done, done_on = bool(d.get("closed_on")), d.get("closed_on")
            parent, unit = "", d.get("org", "")
            people: list[str] = []
        else:
            done, done_on = d.get("status") == "done", d.get("done_on")
            parent = d.get("list", "") if kind == NodeKind.TASK else d.get("problem", "")
            pd = nodes.get(parent, {})
            lead = _out(G, n, RelType.LEAD)
            unit = lead[0] if lead else (pd.get("owner") if kind == NodeKind.TASK else pd.get("org")) or ""
            people = _out(G, n, RelType.RESPONSIBLE)
        out.append(
            DueItem(
                id=n,
                kind=str(kind),
                name=d.get("name") or n,
                due=due,
                done=done,
                done_on=done_on,
                state=state_of(due, done, done_on, day, last),
                days=(_dt.date.fromisoformat(due) - d0).days,
                unit=unit,
                unit_name=name_of(G, unit) if unit else "",
                people=tuple((p, name_of(G, p)) for p in people),
                parent=parent,
                parent_name=name_of(G, parent) if parent else "",
            )
        )
    rank = {s: i for i, s in enumerate(STATES)}
    out.sort(key=lambda i: (rank[i.state], i.due, i.id))
    return out


def group_items(items: Iterable[DueItem], by: str = "unit") -> dict[tuple[str, str], list[DueItem]]:
    """Items grouped by unit, or by responsible person (``by="person"``; an item of
    several people is in each of their groups, one without anybody under ``("", "")``).

    Returns
    -------
    dict
        ``(id, name)`` -> items, groups in order of their most pressing item.
    """
    groups: dict[tuple[str, str], list[DueItem]] = defaultdict(list)
    for it in items:
        if by == "person":
            for key in it.people or (("", ""),):
                groups[key].append(it)
        else:
            groups[(it.unit, it.unit_name)].append(it)
    return dict(groups)
