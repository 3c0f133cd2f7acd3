"""Compare gap runs: :func:`diff_gaps` between two registers and :func:`whatif` a record were removed."""

from __future__ import annotations

import datetime as _dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from respchain.graph.schema import ROLE_INFO, Lang, NodeKind, RelType, held_at
from respchain.queries.engine import find_gaps
from respchain.queries.finding import Finding
from respchain.queries.index import norm_as_of

from respchain.exceptions import InputError, Problem

__all__ = [
    "GapDiff",
    "WhatIf",
    "diff_gaps",
    "whatif",
    "graph_changes",
    "handovers",
    "removal_closure",
    "render_diff",
    "render_whatif",
]


@dataclass
class GapDiff:
    """Gaps opened, closed and still open between an old and a new register, and the changes between them."""

    opened: list[Finding]
    closed: list[Finding]
    still_open: list[Finding]
    changes: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    old_as_of: str = ""
    new_as_of: str = ""
    handovers: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old_as_of": self.old_as_of,
            "new_as_of": self.new_as_of,
            "opened": [f.to_dict() for f in self.opened],
            "closed": [f.to_dict() for f in self.closed],
            "still_open": [f.to_dict() for f in self.still_open],
            "changes": self.changes,
            "handovers": self.handovers,
            "summary": {
                "opened": len(self.opened),
                "closed": len(self.closed),
                "still_open": len(self.still_open),
            },
        }


@dataclass
class WhatIf:
    """The gaps that appear and disappear if some records are removed."""

    removed: list[dict[str, Any]]
    appear: list[Finding]
    disappear: list[Finding]
    unchanged: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "removed": self.removed,
            "appear": [f.to_dict() for f in self.appear],
            "disappear": [f.to_dict() for f in self.disappear],
            "unchanged": self.unchanged,
            "summary": {"appear": len(self.appear), "disappear": len(self.disappear)},
        }


def _split(old: list[Finding], new: list[Finding]) -> tuple[list[Finding], list[Finding], list[Finding]]:
    ok = {f.key() for f in old}
    nk = {f.key() for f in new}
    return (
        [f for f in new if f.key() not in ok],
        [f for f in old if f.key() not in nk],
        [f for f in new if f.key() in ok],
    )


def _records(G: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """Comparable signatures of organizations, posts, responsibilities, tasks and events."""
    orgs, posts, resps, tasks, events = {}, {}, {}, {}, {}
    for n, d in G.nodes(data=True):
        kind = d.get("kind")
        succ = G._succ[n]
        if kind == NodeKind.ORGANIZATION:
            orgs[n] = {
                "name": d.get("name"),
                "kind": d.get("org_kind"),
                "parent": next((v for v, k in succ.items() if "SUB_ORGANIZATION_OF" in k), None),
                "leads": sorted(v for v, k in succ.items() if RelType.LEADS in k),
            }
        elif kind == "Post":
            areas = sorted(
                [v for v, k in succ.items() if "IN_CHARGE_OF" in k] + list(d.get("areas_text") or ())
            )
            posts[f"{d.get('person')}@{d.get('org')}:{d.get('role')}"] = {
                "person": d.get("person"),
                "org": d.get("org"),
                "role": d.get("role"),
                "areas": areas,
                "since": d.get("since"),
                "until": d.get("until"),
            }
        elif kind == "Responsibility":
            over = sorted([v for v, k in succ.items() if "COVERS" in k] + list(d.get("over_text") or ()))
            # Generated ids (resp:3) shift when records are added; compare by content.
            resps[f"{d.get('type')}:{d.get('bearer')}:{'|'.join(over)}"] = {
                "id": n,
                "type": d.get("type"),
                "bearer": d.get("bearer"),
                "over": over,
            }
        elif kind == NodeKind.TASK:
            tasks[n] = {"goal": d.get("goal"), "due": d.get("due"), "status": d.get("status")}
        elif kind == "Event":
            events[n] = {"kind": d.get("event_kind"), "date": d.get("date"), "name": d.get("name")}
    return {
        "organizations": orgs,
        "posts": posts,
        "responsibilities": resps,
        "tasks": tasks,
        "events": events,
    }


def graph_changes(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> dict[str, dict[str, list[Any]]]:
    """Records added, removed and changed between two graphs, per section.

    Returns
    -------
    dict
        ``{section: {"added": [...], "removed": [...], "changed": [...]}}`` for
        organizations, posts, responsibilities, tasks and events; each entry
        is ``{"key": ..., **record}`` (changed: ``{"key", "old", "new"}``).
    """
    a, b = _records(old), _records(new)
    out: dict[str, dict[str, list[Any]]] = {}
    for section in a:
        ra, rb = a[section], b[section]
        out[section] = {
            "added": [{"key": k, **rb[k]} for k in sorted(rb.keys() - ra.keys())],
            "removed": [{"key": k, **ra[k]} for k in sorted(ra.keys() - rb.keys())],
            "changed": [
                {"key": k, "old": ra[k], "new": rb[k]}
                for k in sorted(ra.keys() & rb.keys())
                if {x: y for x, y in ra[k].items() if x != "id"}
                != {x: y for x, y in rb[k].items() if x != "id"}
            ],
        }
    return out


def _holders(G: nx.MultiDiGraph, day: str) -> dict[tuple[str, str], set[str]]:
    """(organization, role) -> the people holding a post of that role there at ``day``."""
    out: dict[tuple[str, str], set[str]] = {}
    for d in G._node.values():
        if d.get("kind") == "Post" and held_at(d.get("since"), d.get("until"), day):
            out.setdefault((d.get("org", ""), d.get("role", "")), set()).add(d.get("person", ""))
    return out


def handovers(
    old: nx.MultiDiGraph, new: nx.MultiDiGraph, old_as_of: str, new_as_of: str
) -> list[dict[str, Any]]:
    """Who left and who came: per (organization, role), the people holding it at the old
    date and not at the new (``left``) and the other way round (``came``).

    Returns
    -------
    list of dict
        ``{"org", "org_name", "role", "left": [{"id", "name"}], "came": [...]}``,
        by organization and role.
    """
    a, b = _holders(old, old_as_of), _holders(new, new_as_of)

    def people(G: nx.MultiDiGraph, ids: set[str]) -> list[dict[str, Any]]:
        return [{"id": p, "name": G._node.get(p, {}).get("name") or p} for p in sorted(ids)]

    out = []
    for seat in sorted(a.keys() | b.keys()):
        left, came = a.get(seat, set()) - b.get(seat, set()), b.get(seat, set()) - a.get(seat, set())
        if left or came:
            org = seat[0]
            name = (new._node.get(org) or old._node.get(org) or {}).get("name") or org
            out.append(
                {
                    "org": org,
                    "org_name": name,
                    "role": seat[1],
                    "left": people(old, left),
                    "came": people(new, came),
                }
            )
    return out


def diff_gaps(
    old: nx.MultiDiGraph,
    new: nx.MultiDiGraph,
    *,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
    rules: Iterable[str] | str | None = None,
    skip: Iterable[str] | str | None = None,
) -> GapDiff:
    """The gaps opened, closed and still open from ``old`` to ``new``, with the record changes that explain them.

    Each graph is checked at its own ``as_of`` and ``period`` unless these are given.
    """
    fo = find_gaps(old, as_of=as_of, period=period, rules=rules, skip=skip)
    fn = find_gaps(new, as_of=as_of, period=period, rules=rules, skip=skip)
    opened, closed, still = _split(fo, fn)
    old_day, new_day = norm_as_of(old, as_of), norm_as_of(new, as_of)
    return GapDiff(
        opened,
        closed,
        still,
        graph_changes(old, new),
        old_as_of=str(as_of or old.graph.get("as_of", "")),
        new_as_of=str(as_of or new.graph.get("as_of", "")),
        handovers=handovers(old, new, old_day, new_day),
    )


_REMOVABLE = (NodeKind.PERSON, NodeKind.ORGANIZATION, NodeKind.RESPONSIBILITY, NodeKind.LIST, NodeKind.TASK)


def _closest_records(G: nx.MultiDiGraph, key: str, n: int = 5) -> list[str]:
    """The records ``key`` most likely means, as ``id（名称）``: by name first, then by id.

    A name written in full (``赵某``) or in part (``纪委``) gives the ids of the
    records so named; otherwise the closest names and ids (difflib).
    """
    names: dict[str, list[str]] = {}
    for node, d in G.nodes(data=True):
        if d.get("kind") in _REMOVABLE and d.get("name"):
            names.setdefault(str(d["name"]), []).append(str(node))
    picked = list(names.get(key, []))
    if not picked and len(key) >= 2:
        picked = [i for name, ids in names.items() if key in name for i in ids]
    if not picked:
        for name in difflib.get_close_matches(key, list(names), n=n, cutoff=0.5):
            picked += names[name]
    if not picked:
        ids = [str(node) for node, d in G.nodes(data=True) if d.get("kind") in _REMOVABLE]
        picked = difflib.get_close_matches(key, ids, n=n, cutoff=0.6)
    return [f"{i}（{G.nodes[i].get('name')}）" if G.nodes[i].get("name") else i for i in picked[:n]]


def removal_closure(G: nx.MultiDiGraph, ids: Iterable[str]) -> list[str]:
    """The nodes removed with ``ids``: each id and what depends on it.

    A person takes their posts; an organization its posts, the
    responsibilities it bears and the lists it owns; a person also the
    responsibilities they bear; a list takes its tasks.

    Raises
    ------
    InputError
        Naming every id that is not in the graph, with the closest ids.
    """
    ids = list(ids)
    problems = []
    for i in ids:
        if i not in G or G.nodes[i].get("kind") in ("ResponsibilityType", "OrganizationKind"):
            close = _closest_records(G, i)
            hint = f" (是否指 / did you mean: {', '.join(close)}?)" if close else ""
            problems.append(Problem("--remove", 0, i, f"图中没有此记录 / no such record{hint}"))
    if problems:
        raise InputError(problems)
    out: list[str] = []
    seen: set[str] = set()
    todo = list(ids)
    while todo:
        n = todo.pop(0)
        if n in seen:
            continue
        seen.add(n)
        out.append(n)
        kind = G.nodes[n].get("kind")
        if kind in (NodeKind.PERSON, NodeKind.ORGANIZATION):
            for v, keys in G._succ[n].items():
                if "HOLDS" in keys or "BEARS" in keys or "OWNS" in keys:
                    todo.append(v)
        if kind == NodeKind.ORGANIZATION:
            todo.extend(u for u, keys in G._pred[n].items() if "POST_IN" in keys)
        if kind == "List":
            todo.extend(v for v, keys in G._succ[n].items() if RelType.HAS_TASK in keys)
    return out


def whatif(
    G: nx.MultiDiGraph,
    remove: Iterable[str],
    *,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
    rules: Iterable[str] | str | None = None,
    skip: Iterable[str] | str | None = None,
) -> WhatIf:
    """The gaps that appear and disappear if the records ``remove`` (and what depends on them) were gone.

    Examples
    --------
    >>> from respchain.loaders import load_graph
    >>> G = load_graph("tests/data/gaps/district/register.yaml")
    >>> [f.key() for f in whatif(G, ["sec"]).appear]
    [('FIRST-001', 'district'), ...]
    """
    gone = removal_closure(G, remove)
    H = G.copy()
    H.remove_nodes_from(gone)
    before = find_gaps(G, as_of=as_of, period=period, rules=rules, skip=skip)
    after = find_gaps(H, as_of=as_of, period=period, rules=rules, skip=skip)
    appear, disappear, still = _split(before, after)
    removed = [{"id": n, "kind": G.nodes[n].get("kind"), "name": G.nodes[n].get("name", n)} for n in gone]
    return WhatIf(removed, appear, disappear, len(still))


def _lines(findings: list[Finding], lang: Lang) -> list[str]:
    return [
        f"  [{f.severity}] {f.rule} {f.subject} ({f.subject_name}): {getattr(f, 'message_' + lang)}"
        for f in findings
    ]


def render_diff(d: GapDiff, lang: Lang = "zh") -> str:
    """The diff as plain text: gaps opened, closed, still open, then the record changes."""
    out = [
        f"新增缺口 / opened: {len(d.opened)}   已关闭 / closed: {len(d.closed)}   仍存在 / still open: {len(d.still_open)}",
        "",
        f"新增缺口 / gaps opened ({len(d.opened)}):",
        *_lines(d.opened, lang),
        f"已关闭缺口 / gaps closed ({len(d.closed)}):",
        *_lines(d.closed, lang),
        f"仍存在 / still open ({len(d.still_open)}):",
        *_lines(d.still_open, lang),
        "",
        "登记变化 / changes in the register:",
    ]
    names = {
        "organizations": "组织 / organizations",
        "posts": "岗位 / posts",
        "responsibilities": "责任 / responsibilities",
        "tasks": "任务 / tasks",
        "events": "事件 / events",
    }
    for section, ch in d.changes.items():
        if not any(ch.values()):
            continue
        out.append(f"  {names.get(section, section)}:")
        for e in ch["added"]:
            out.append(f"    + {e['key']}")
        for e in ch["removed"]:
            out.append(f"    - {e['key']}")
        for e in ch["changed"]:
            diffs = [
                f"{k}: {e['old'].get(k)!r} -> {e['new'].get(k)!r}"
                for k in e["new"]
                if k != "id" and e["old"].get(k) != e["new"].get(k)
            ]
            out.append(f"    ~ {e['key']}: {'; '.join(diffs)}")
    if d.handovers:
        out.append("  任职变化 / who left and who came:")
        for h in d.handovers:
            role = ROLE_INFO.get(h["role"], {}).get(lang, h["role"])
            left = "、".join(p["name"] for p in h["left"]) or "—"
            came = "、".join(p["name"] for p in h["came"]) or "—"
            out.append(f"    {h['org_name']} {role}: 离任 / left {left}; 到任 / came {came}")
    return "\n".join(out)


def render_whatif(w: WhatIf, lang: Lang = "zh") -> str:
    """The what-if as plain text: what is removed, gaps that appear and that disappear."""
    out = [f"移除 / removed ({len(w.removed)}):"]
    out += [f"  - {r['id']} ({r['kind']}: {r['name']})" for r in w.removed]
    out += [f"出现的缺口 / gaps that appear ({len(w.appear)}):", *_lines(w.appear, lang)]
    out += [f"消失的缺口 / gaps that disappear ({len(w.disappear)}):", *_lines(w.disappear, lang)]
    out.append(f"不变 / unchanged: {w.unchanged}")
    return "\n".join(out)
