"""The responsibility graph as an interactive, self-contained HTML page.

:func:`to_pyvis` turns the graph into a :class:`pyvis.network.Network` whose
page is rendered from respchain's own template: vis-network's script and style
are inlined from the copy bundled with pyvis, so the page makes no network
request at all (pyvis' own template links bootstrap and tom-select from CDNs).
:func:`save_html` writes that page as UTF-8, atomically.

What is drawn
-------------
Organizations (coloured and shaped by their kind), people, declared
responsibilities, lists, tasks, events, mechanisms and figures. A person's
posts are drawn as edges from the person to the organization; the vocabulary
nodes (responsibility types, organization kinds) and the sources are not
drawn: their content is in each node's details. Edges that carry a
responsibility are coloured by its type.

Every string from the register reaches the page as JSON data inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&``
escaped, and the page's script puts it into the document with ``textContent``
only; vis-network draws labels on a canvas. Tooltips are the page's own DOM
elements, never HTML strings.
"""

from __future__ import annotations

import gc
import heapq
import json
import math
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network
from respchain.graph.schema import (
    ORG_KIND_INFO,
    RESPONSIBILITY_INFO,
    Lang,
    NodeKind,
    RelType,
    metric_label,
    vocab_label,
)
from respchain.queries.due import STATE_INFO, due_items
from respchain.queries.finding import SEVERITY_ORDER, Finding
from respchain.viz._inline import json_for_script, vis_assets
from respchain.viz.style import (
    DRAWN_KINDS,
    EDGE_LABELS,
    FIELD_LABELS,
    NODE_STYLES,
    RESP_COLORS,
    SEVERITY_COLORS,
    STRUCT_COLOR,
    UI,
    kind_key,
    kind_label,
    resp_label,
    severity_label,
    ui,
)

from respchain._files import write_text_atomic
from respchain.exceptions import InputError

__all__ = [
    "to_pyvis",
    "save_html",
    "view_graph",
    "chain_positions",
    "RespchainNetwork",
    "DRAWN_KINDS",
    "GROUP_THRESHOLD",
    "LAYOUTS",
]

# Plain strings: enum attribute access is slow in the loops below.
_K_EVENT = NodeKind.EVENT.value
_K_LIST = NodeKind.LIST.value
_K_ORGANIZATION = NodeKind.ORGANIZATION.value
_K_PERSON = NodeKind.PERSON.value
_K_RESPONSIBILITY = NodeKind.RESPONSIBILITY.value
_K_SOURCE = NodeKind.SOURCE.value
_K_TASK = NodeKind.TASK.value
_R_ASSIST = RelType.ASSIST.value
_R_BEARS = RelType.BEARS.value
_R_COVERS = RelType.COVERS.value
_R_HAS_TASK = RelType.HAS_TASK.value
_R_IN_CHARGE_OF = RelType.IN_CHARGE_OF.value
_R_LEAD = RelType.LEAD.value
_R_LEADS = RelType.LEADS.value
_R_OWNS = RelType.OWNS.value
_R_POST_IN = RelType.POST_IN.value
_R_RESPONSIBLE = RelType.RESPONSIBLE.value
_R_SUB_ORGANIZATION_OF = RelType.SUB_ORGANIZATION_OF.value

#: Above this many drawn nodes, the page groups everything but organizations.
GROUP_THRESHOLD = 1500
LAYOUTS = ("chain", "force")

_HERE = Path(__file__).resolve().parent
_TEMPLATE = "graph.html.j2"
_SKIP_FIELDS = {"kind", "name", "quote", "span", "file", "line", "source", "name_en"}
_LABEL_MAX = 18
_MEMBER_LABEL_MAX = 11


# --------------------------------------------------------------------------- view


# Fields whose values are vocabulary values, and their vocabulary (graph.schema.VOCAB_LABELS).
_VOCAB_FIELDS = {
    "level": "level",
    "event_kind": "event_kind",
    "talk": "talk_kind",
    "rating": "rating",
    "status": "task_status",
    "list_kind": "list_kind",
    "role": "role",
    "origin": "problem_origin",
}


def _fact_name(a: dict, lang: Lang) -> str:
    """A reported figure as the page shows it: ``任务数=55项``."""
    return f"{metric_label(a.get('metric'), lang)}={a.get('value', '')}{a.get('unit') or ''}"


def _label(name: str, limit: int = _LABEL_MAX) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _text(v: Any) -> str:
    if isinstance(v, (list, tuple, set)):  # noqa: UP038 - faster than a union
        return "、".join(str(x) for x in v)
    return str(v)


def _org_levels(G: nx.MultiDiGraph, orgs: list[str]) -> dict[str, int]:
    """Depth of each organization on the leadership line (roots 0, children +1,
    units one below the party group that leads them)."""
    up: dict[str, str] = {}
    for u, v, k in G.edges(keys=True):
        if k == _R_SUB_ORGANIZATION_OF:
            up.setdefault(u, v)
    for u, v, k in G.edges(keys=True):
        if k == _R_LEADS:
            up.setdefault(v, u)
    levels: dict[str, int] = {}
    for o in orgs:
        path = []
        cur: str | None = o
        seen = set()
        while cur is not None and cur not in levels and cur not in seen:
            seen.add(cur)
            path.append(cur)
            cur = up.get(cur)
        base = levels.get(cur, -1) if cur is not None else -1
        for node in reversed(path):
            base += 1
            levels[node] = base
    return levels


def _ancestors(org: str, up: dict[str, str]) -> list[str]:
    out, seen = [], {org}
    cur = up.get(org)
    while cur is not None and cur not in seen:
        out.append(cur)
        seen.add(cur)
        cur = up.get(cur)
    return out


#: Fill colours of the deadline states (红 overdue, 黄 due soon or done late, 绿 on time).
DUE_COLORS = {"red": "#e74c3c", "yellow": "#f1c40f", "green": "#2ecc71"}


def _due_states(G: nx.MultiDiGraph) -> dict[str, str]:
    """The deadline state (``queries.due``) of every dated task, measure and problem at the graph's as-of date."""
    if not G.graph.get("as_of"):
        return {}
    try:
        return {it.id: it.state for it in due_items(G)}
    except (ValueError, TypeError):  # a register whose dates are not ISO dates draws no states
        return {}


def _dated_by_org(G: nx.MultiDiGraph) -> dict[str, dict[str, None]]:
    """The tasks, problems and measures of each organization, in one pass over the graph.

    A task is an organization's when the organization owns its list or the task
    points to it (lead, assist); a problem when it is the problem's unit; a
    measure when it is its problem's unit's or the measure points to it.
    """
    by_org: dict[str, dict[str, None]] = {}

    def add(org: Any, n: str) -> None:
        if org is not None:
            by_org.setdefault(org, {})[n] = None

    for n, a in G.nodes(data=True):
        kind = a.get("kind")
        if kind == NodeKind.TASK:
            add(G.nodes.get(a.get("list"), {}).get("owner"), n)
        elif kind == NodeKind.PROBLEM:
            add(a.get("org"), n)
            continue
        elif kind == NodeKind.MEASURE:
            add(G.nodes.get(a.get("problem"), {}).get("org"), n)
        else:
            continue
        for m in G.succ[n]:
            add(m, n)
    return by_org


def _org_timeline(
    G: nx.MultiDiGraph, org: str, lang: Lang, states: dict[str, str], dated: Iterable[str] = ()
) -> list[list[str]]:
    """An organization's dated record in date order: posts (since/until), events, the
    deadlines and done dates of its tasks, its problems and their measures
    (``dated``: those of :func:`_dated_by_org` for ``org``).

    Returns
    -------
    list of [date, text]
    """
    en = lang == "en"
    out: list[tuple[str, str, str]] = []
    people: set[str] = set()
    for u, _, k in G.in_edges(org, keys=True):
        a = G.nodes[u]
        if k == _R_POST_IN:
            person = a.get("person")
            people.add(person)
            who = f"{G.nodes[person].get('name', person) if person in G else person} {a.get('title') or a.get('role', '')}".strip()
            if a.get("since"):
                out.append((str(a["since"]), u, f"{'took post' if en else '任职'}：{who}"))
            if a.get("until"):
                out.append((str(a["until"]), u + ":until", f"{'left post' if en else '离任'}：{who}"))
    events = set()
    for n in {org, *people}:
        for m in (*G.predecessors(n), *G.successors(n)):
            if G.nodes[m].get("kind") == NodeKind.EVENT and G.nodes[m].get("date"):
                events.add(m)
    for e in events:
        a = G.nodes[e]
        out.append((str(a["date"]), e, f"{'event' if en else '活动'}：{a.get('name', e)}"))
    for n in dated:
        a = G.nodes[n]
        kind = a.get("kind")
        if kind == NodeKind.TASK:
            label = "task" if en else "任务"
        elif kind == NodeKind.PROBLEM:
            label = "problem" if en else "问题"
            if a.get("found"):
                out.append(
                    (str(a["found"]), n, f"{'problem found' if en else '发现问题'}：{a.get('name', n)}")
                )
        else:
            label = "measure" if en else "整改措施"
        name = a.get("name", n)
        if a.get("due"):
            st = STATE_INFO.get(states.get(n, ""), {})
            mark = f" ({st['label_en'] if en else st['zh'] + ' ' + st['label_zh']})" if st else ""
            out.append((str(a["due"]), n, f"{label} {'due' if en else '时限'}：{name}{mark}"))
        done = a.get("closed_on") if kind == NodeKind.PROBLEM else a.get("done_on")
        if done:
            out.append((str(done), n + ":done", f"{label} {'done' if en else '完成'}：{name}"))
    out.sort()
    return [[d, _text(t)] for d, _, t in out]


def view_graph(
    G: nx.MultiDiGraph,
    *,
    findings: Iterable[Finding] | None = None,
    lang: Lang = "zh",
    focus: str | None = None,
    depth: int = 2,
) -> dict[str, Any]:
    """The nodes and edges the page draws, with everything the page shows about them.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A responsibility graph (:func:`respchain.graph.graph_from_register`).
    findings : iterable of Finding, optional
        Gaps to mark.
    lang : {"zh", "en"}
        Language of labels and messages.
    focus : str, optional
        Keep only the nodes within ``depth`` steps of this node (edges taken
        either way).
    depth : int
        See ``focus``.

    Returns
    -------
    dict
        ``nodes`` (list of dicts with ``id``, ``kind``, ``name``, ``level``,
        ``anchor`` (the nearest organization), ``fields``, ``quote``,
        ``findings`` (indices into ``findings``), ``sev`` and ``gapchain``),
        ``edges`` (dicts with ``id``, ``from``, ``to``, ``rel``, ``rtype``) and
        ``findings`` (dicts).

    Raises
    ------
    InputError
        When ``focus`` is not a drawn node of ``G``.
    """
    findings = sorted(findings or (), key=Finding.sort_key)
    nodes = [n for n, a in G.nodes(data=True) if a.get("kind") in DRAWN_KINDS]
    drawn = set(nodes)
    edges, posts = _drawn_edges(G, drawn)
    if focus is not None:
        if focus not in drawn:
            raise InputError(f"--focus: 图中没有可绘制的节点 / no drawn node with id {focus!r}")
        drawn = _neighbourhood(focus, depth, _adjacency(edges))
        nodes = [n for n in nodes if n in drawn]
        edges = [e for e in edges if e[0] in drawn and e[1] in drawn]
        # the gap list of a focused page holds only the gaps of what it shows
        findings = [f for f in findings if f.subject in drawn]
    adj = _adjacency(edges)
    levels, anchor = _levels_and_anchors(G, nodes, adj)
    by_node, chain = _gap_marks(findings, edges, anchor, drawn)
    sources = {n: a for n, a in G.nodes(data=True) if a.get("kind") == _K_SOURCE}
    states = _due_states(G)
    dated = _dated_by_org(G)
    out_nodes = []
    for n in nodes:
        a = G.nodes[n]
        idx = by_node.get(n, [])
        sev = min((findings[i].severity for i in idx), key=SEVERITY_ORDER.__getitem__, default=None)
        out_nodes.append(
            {
                "id": n,
                "kind": kind_key(a),
                "name": _fact_name(a, lang) if a.get("kind") == "Fact" else str(a.get("name", n)),
                "level": levels.get(n, 0),
                "anchor": anchor.get(n),
                "rtype": _rtype_of(G, n),
                "fields": _node_fields(G, n, lang, posts, sources),
                "quote": str(a.get("quote", "")),
                "findings": idx,
                "sev": sev,
                "gapchain": sorted(chain.get(n, ()), key=SEVERITY_ORDER.__getitem__),
                "due": states.get(n),
            }
        )
        if a.get("kind") == _K_ORGANIZATION:
            out_nodes[-1]["timeline"] = _org_timeline(G, n, lang, states, dated.get(n, ()))
    out_edges = [
        {"id": f"e{i}", "from": u, "to": v, "rel": k, "rtype": t} for i, (u, v, k, t) in enumerate(edges)
    ]
    out_findings = [
        {
            "rule": f.rule,
            "severity": f.severity,
            "subject": f.subject,
            "subject_name": f.subject_name,
            "message": f.message_en if lang == "en" else f.message_zh,
            "evidence": list(f.evidence),
        }
        for f in findings
    ]
    return {"nodes": out_nodes, "edges": out_edges, "findings": out_findings}


_Edge = tuple[str, str, str, "str | None"]  # from, to, relationship, responsibility type


def _rtype_of(G: nx.MultiDiGraph, n: str) -> str | None:
    """The responsibility type a node carries (a duty's, a list's kind, a task's), for edge colours."""
    a = G.nodes[n]
    if a.get("kind") == _K_RESPONSIBILITY:
        return a.get("type")
    if a.get("kind") == _K_LIST:
        return a.get("list_kind") if a.get("list_kind") in RESPONSIBILITY_INFO else None
    if a.get("kind") == _K_TASK:
        if a.get("implements"):
            return a["implements"]
        lst = a.get("list")
        return _rtype_of(G, lst) if lst in G else None
    return None


def _drawn_edges(G: nx.MultiDiGraph, drawn: set[str]) -> tuple[list[_Edge], dict[str, list[str]]]:
    """The edges between drawn nodes (posts drawn as person -> organization, parents above their
    children), and each person's posts as text."""
    edges: list[_Edge] = []
    posts: dict[str, list[str]] = defaultdict(list)
    for u, v, k in G.edges(keys=True):
        if k == _R_POST_IN:
            a = G.nodes[u]
            person = a.get("person")
            if person in drawn and v in drawn:
                edges.append((person, v, "POST", None))
                title = a.get("title") or a.get("role", "")
                posts[person].append(f"{G.nodes[v].get('name', v)} {title}".strip())
        elif k == _R_IN_CHARGE_OF:
            person = G.nodes[u].get("person")
            if person in drawn and v in drawn:
                edges.append((person, v, "IN_CHARGE_OF", "one_post_two_duties"))
        elif u in drawn and v in drawn:
            if k == _R_SUB_ORGANIZATION_OF:
                edges.append((v, u, k, None))  # drawn from the parent down
            elif k in (_R_BEARS, _R_OWNS):
                edges.append((u, v, k, _rtype_of(G, v)))
            elif k in (_R_COVERS, _R_HAS_TASK):
                edges.append((u, v, k, _rtype_of(G, u if k == _R_COVERS else v)))
            elif k in (_R_RESPONSIBLE, _R_LEAD, _R_ASSIST):
                edges.append((u, v, k, _rtype_of(G, u)))
            else:
                edges.append((u, v, k, None))
    return edges, posts


def _adjacency(edges: list[_Edge]) -> dict[str, set[str]]:
    adj: dict[str, set[str]] = defaultdict(set)
    for u, v, _, _ in edges:
        adj[u].add(v)
        adj[v].add(u)
    return adj


def _neighbourhood(focus: str, depth: int, adj: dict[str, set[str]]) -> set[str]:
    """The nodes within ``depth`` steps of ``focus``, edges taken either way."""
    keep = {focus}
    frontier = deque([(focus, 0)])
    while frontier:
        n, d = frontier.popleft()
        if d >= depth:
            continue
        for m in adj[n]:
            if m not in keep:
                keep.add(m)
                frontier.append((m, d + 1))
    return keep


def _levels_and_anchors(
    G: nx.MultiDiGraph, nodes: list[str], adj: dict[str, set[str]]
) -> tuple[dict[str, int], dict[str, str]]:
    """Each node's level (organizations by the leadership tree, everything else one level below
    its nearest organization) and that organization (its anchor)."""
    orgs = [n for n in nodes if G.nodes[n].get("kind") == _K_ORGANIZATION]
    found = _org_levels(G, orgs)
    levels = {o: found[o] for o in orgs}
    anchor = {o: o for o in orgs}
    heap = [(levels[o], o) for o in orgs]
    heapq.heapify(heap)
    while heap:
        lv, n = heapq.heappop(heap)
        if levels.get(n, lv) < lv:
            continue
        for m in sorted(adj[n]):
            if m in anchor and G.nodes[m].get("kind") == _K_ORGANIZATION:
                continue
            if m not in levels or levels[m] > lv + 1:
                levels[m] = lv + 1
                anchor[m] = anchor[n]
                heapq.heappush(heap, (lv + 1, m))
    return levels, anchor


def _gap_marks(
    findings: list[Finding], edges: list[_Edge], anchor: dict[str, str], drawn: set[str]
) -> tuple[dict[str, list[int]], dict[str, set[str]]]:
    """The findings of each node (indices), and the severities of the gaps whose chain passes
    through it: the subject, its evidence, their organizations and those up the leadership line."""
    up: dict[str, str] = {}
    for u, v, k, _ in edges:
        if k in (_R_SUB_ORGANIZATION_OF, _R_LEADS):
            up.setdefault(v, u)
    by_node: dict[str, list[int]] = defaultdict(list)
    chain: dict[str, set[str]] = defaultdict(set)
    for i, f in enumerate(findings):
        by_node[f.subject].append(i)
        touched = {f.subject, *f.evidence}
        for n in list(touched):
            if n in anchor:
                touched.add(anchor[n])
                touched.update(_ancestors(anchor[n], up))
        for n in touched:
            if n in drawn:
                chain[n].add(f.severity)
    return by_node, chain


def _node_fields(
    G: nx.MultiDiGraph, n: str, lang: Lang, posts: dict[str, list[str]], sources: dict[str, dict]
) -> list[list[str]]:
    """The rows of a node's side panel: id, kind, its attributes in words, posts, source, location."""
    a = G.nodes[n]
    en = lang == "en"
    fields = [[FIELD_LABELS["id"][en], n], [FIELD_LABELS["kind"][en], kind_label(kind_key(a), lang)]]
    for k, v in a.items():
        if k in _SKIP_FIELDS or v in (None, "", [], ()):
            continue
        if k == "org_kind":
            v = ORG_KIND_INFO.get(v, {}).get("en" if en else "zh", v)
        elif k in ("type", "implements", "for") or (k == "list_kind" and v in RESPONSIBILITY_INFO):
            v = resp_label(str(v), lang)
        elif k in _VOCAB_FIELDS:
            v = vocab_label(v, lang, _VOCAB_FIELDS[k])
        elif k == "metric":
            v = metric_label(v, lang)
        elif k in ("bearer", "owner", "list", "subject") and v in G:
            v = f"{G.nodes[v].get('name', v)} ({v})"
        fields.append([FIELD_LABELS.get(k, (k, k))[en], _text(v)])
    if posts.get(n):
        fields.append([FIELD_LABELS["posts"][en], "；".join(posts[n])])
    src = a.get("source")
    if src:
        title = sources.get(src, {}).get("title", "")
        fields.append([FIELD_LABELS["source"][en], f"{title} ({src})" if title else src])
    if a.get("file"):
        loc = f"{a['file']}:{a['line']}" if a.get("line") else str(a["file"])
        fields.append([FIELD_LABELS["location"][en], loc])
    return fields


# --------------------------------------------------------------------------- chain layout

_KIND_ORDER = ["Responsibility", "Person", "List", "Task", "Event", "Mechanism", "Fact"]
_CELL_W, _CELL_H, _GAP, _LEVEL_GAP = 150, 58, 36, 90
_RING_GAP = 220.0  # radial start of the force layout: rings, and organizations on a ring, apart
_RING_SPACING = 130.0
_MEMBER_RING = 70.0


_ORG_FONT = 20
#: The smallest on-screen size of an organization label in the first view (px).
MIN_ORG_LABEL_PX = 12
_MEMBER_LABEL_PX = 10


def _org_width(name: str) -> float:
    return _ORG_FONT * len(_label(name)) + 30


def _shelves(
    items: list[tuple[str, float, float]], *, min_w: float
) -> tuple[dict[str, tuple[float, float]], float, float]:
    """Pack boxes ``(id, width, height)`` in rows about 1.8 times as wide as the
    whole is high; return each box's top-left offset, the width and the height."""
    if not items:
        return {}, 0.0, 0.0
    area = sum(w * (h + _LEVEL_GAP) for _, w, h in items)
    target = max(min_w, max(w for _, w, _ in items), (area * 1.8) ** 0.5)
    rows: list[list[tuple[str, float, float]]] = [[]]
    x = 0.0
    for it in items:
        if rows[-1] and x + it[1] > target:
            rows.append([])
            x = 0.0
        rows[-1].append(it)
        x += it[1] + _GAP
    widths = [sum(w for _, w, _ in row) + _GAP * (len(row) - 1) for row in rows]
    total_w = max(widths)
    off: dict[str, tuple[float, float]] = {}
    y = 0.0
    for row, rw in zip(rows, widths, strict=True):
        x = (total_w - rw) / 2
        for i, w, _ in row:
            off[i] = (x, y)
            x += w + _GAP
        y += max(h for _, _, h in row) + _LEVEL_GAP
    return off, total_w, y - _LEVEL_GAP


@dataclass
class _OrgTree:
    """The leadership tree of a view: each organization's parent, children and depth,
    and the nodes drawn beside each organization (its members)."""

    org_ids: list[str]
    names: dict[str, str]
    members: dict[str, list[str]]
    loose: list[str]
    children: dict[str, list[str]]
    roots: list[str]
    order: list[str]
    depth: dict[str, int]


def _org_tree(view: dict[str, Any], grouped: bool) -> _OrgTree:
    org_ids = [n["id"] for n in view["nodes"] if n["kind"] in ORG_KIND_INFO]
    is_org = set(org_ids)
    names = {n["id"]: n["name"] for n in view["nodes"]}
    up: dict[str, str] = {}
    for e in view["edges"]:
        if e["rel"] in ("SUB_ORGANIZATION_OF", "LEADS") and e["from"] in is_org and e["to"] in is_org:
            up.setdefault(e["to"], e["from"])
    members: dict[str, list[str]] = defaultdict(list)
    loose: list[str] = []
    rank = {k: i for i, k in enumerate(_KIND_ORDER)}
    for n in sorted(view["nodes"], key=lambda n: rank.get(n["kind"], 99)):
        if n["id"] in is_org:
            continue
        if n["anchor"] in is_org:
            members[n["anchor"]].append(n["id"])
        else:
            loose.append(n["id"])
    if grouped:
        members = {o: [f"group:{o}"] for o, m in members.items() if m}
    children: dict[str, list[str]] = defaultdict(list)
    for o in org_ids:
        if o in up:
            children[up[o]].append(o)
    # Roots: no parent drawn, or on a cycle of parents (then the first one met).
    roots = [o for o in org_ids if o not in up]
    depth: dict[str, int] = {}
    order: list[str] = []

    def walk(start: str) -> None:
        stack = [(start, 0)]
        while stack:
            o, d = stack.pop()
            if o in depth:
                continue
            depth[o] = d
            order.append(o)
            stack.extend((c, d + 1) for c in reversed(children[o]))

    for r in roots:
        walk(r)
    for o in org_ids:
        if o not in depth:
            roots.append(o)
            walk(o)
    children = {
        o: [c for c in cs if depth.get(c) == depth[o] + 1 and up.get(c) == o] for o, cs in children.items()
    }

    return _OrgTree(org_ids, names, members, loose, children, roots, order, depth)


def chain_positions(view: dict[str, Any], *, grouped: bool = False) -> dict[str, tuple[float, float]]:
    """Positions of the chain layout: the leadership tree from the top down.

    Each organization sits in its slot with its people, duties, lists, tasks and
    events in a compact grid to its right (or one group node when ``grouped``);
    the organizations it leads sit in the slots below, one row per level.

    Parameters
    ----------
    view : dict
        From :func:`view_graph`.
    grouped : bool
        Place one ``group:<org>`` node per organization instead of its members.

    Returns
    -------
    dict
        Node id -> ``(x, y)``.
    """
    t = _org_tree(view, grouped)
    org_ids, names, members, loose = t.org_ids, t.names, t.members, t.loose
    children, roots, order = t.children, t.roots, t.order

    def block(o: str) -> tuple[int, int]:
        m = len(members.get(o, ()))
        if not m:
            return 0, 0
        cols = min(4, max(1, int((m - 1) ** 0.5) + 1))
        return cols, -(-m // cols)

    # Each subtree is a box: the organization and its members on top, the
    # boxes of the organizations it leads packed in rows (shelves) below, so
    # that a committee leading thirty bodies gives a few rows, not one line.
    own_w: dict[str, float] = {}
    own_h: dict[str, float] = {}
    for o in org_ids:
        cols, rows = block(o)
        own_w[o] = _org_width(names[o]) + (_GAP / 2 + cols * _CELL_W if cols else 0)
        own_h[o] = max(40.0, rows * _CELL_H)
    box_w: dict[str, float] = {}
    box_h: dict[str, float] = {}
    kid_off: dict[str, dict[str, tuple[float, float]]] = {}
    for o in reversed(order):  # children before parents
        kids = children.get(o, [])
        if kids:
            off, kw, kh = _shelves([(c, box_w[c], box_h[c]) for c in kids], min_w=own_w[o])
            kid_off[o] = off
            box_w[o] = max(own_w[o], kw)
            box_h[o] = own_h[o] + _LEVEL_GAP + kh
        else:
            box_w[o], box_h[o] = own_w[o], own_h[o]

    pos: dict[str, tuple[float, float]] = {}
    top_off, _, total_h = _shelves([(r, box_w[r], box_h[r]) for r in roots], min_w=0.0)
    stack = [(r, *top_off[r]) for r in roots]
    while stack:
        o, lx, ty = stack.pop()
        ul = lx + (box_w[o] - own_w[o]) / 2
        ow = _org_width(names[o])
        pos[o] = (ul + ow / 2, ty)
        cols, _ = block(o)
        for i, m in enumerate(members.get(o, ())):
            r, c = divmod(i, cols)
            pos[m] = (ul + ow + _GAP / 2 + (c + 0.5) * _CELL_W, ty + r * _CELL_H)
        for kid, (dx, dy) in kid_off.get(o, {}).items():
            stack.append((kid, lx + dx, ty + own_h[o] + _LEVEL_GAP + dy))
    ys = [total_h]
    y = ys[-1] + _LEVEL_GAP
    for i, n in enumerate(loose):  # not linked to any organization
        r, c = divmod(i, 12)
        pos[n] = (c * _CELL_W, y + r * _CELL_H)
    return pos


def radial_positions(view: dict[str, Any], *, grouped: bool = False) -> dict[str, tuple[float, float]]:
    """Starting positions of the force layout: the leadership tree in rings.

    Each top organization gets a wedge of the circle in proportion to the
    organizations below it, each organization the part of its parent's wedge in
    proportion to its own subtree, at a radius that grows with its depth; an
    organization's members sit on a small circle around it. The force layout
    starts near its rest from here, so that it settles in a few iterations even
    for thousands of nodes (from random positions it needs hundreds).

    Parameters
    ----------
    view : dict
        From :func:`view_graph`.
    grouped : bool
        As for :func:`chain_positions`.

    Returns
    -------
    dict
        Node id -> ``(x, y)``.
    """
    t = _org_tree(view, grouped)
    weight: dict[str, int] = {}
    for o in reversed(t.order):  # children before parents
        weight[o] = 1 + sum(weight[c] for c in t.children.get(o, ()))
    per_depth: dict[int, int] = defaultdict(int)
    for o in t.order:
        per_depth[t.depth[o]] += 1
    # A ring holds its organizations about _RING_SPACING apart, and rings are at
    # least _RING_GAP apart.
    radius: dict[int, float] = {0: 0.0 if len(t.roots) == 1 else _RING_GAP}
    for d in range(1, max(per_depth, default=0) + 1):
        radius[d] = max(radius[d - 1] + _RING_GAP, per_depth[d] * _RING_SPACING / (2 * math.pi))
    pos: dict[str, tuple[float, float]] = {}
    total = sum(weight[r] for r in t.roots) or 1
    stack: list[tuple[str, float, float]] = []
    start = 0.0
    for r in t.roots:
        span = 2 * math.pi * weight[r] / total
        stack.append((r, start, span))
        start += span
    while stack:
        o, a0, span = stack.pop()
        a = a0 + span / 2
        rr = radius[t.depth[o]]
        x, y = rr * math.cos(a), rr * math.sin(a)
        pos[o] = (x, y)
        ms = t.members.get(o, ())
        for k, m in enumerate(ms):
            b = 2 * math.pi * k / len(ms)
            ring = _MEMBER_RING * (1 + k // 12)
            pos[m] = (x + ring * math.cos(b), y + ring * math.sin(b))
        kids = t.children.get(o, ())
        inner = sum(weight[c] for c in kids) or 1
        for c in kids:
            cs = span * weight[c] / inner
            stack.append((c, a0, cs))
            a0 += cs
    outer = radius[max(radius)] + _RING_GAP
    for k, n in enumerate(t.loose):  # not linked to any organization: a ring outside
        b = 2 * math.pi * k / len(t.loose)
        pos[n] = (outer * math.cos(b), outer * math.sin(b))
    return pos


# --------------------------------------------------------------------------- pyvis


def _vis_node(n: dict, pos: tuple[float, float] | None = None) -> dict:
    st = NODE_STYLES.get(n["kind"], NODE_STYLES["unit"])
    is_org = n["kind"] in ORG_KIND_INFO
    node: dict[str, Any] = {
        "id": n["id"],
        "label": _label(n["name"]) if is_org else _label(n["name"], _MEMBER_LABEL_MAX),
        "shape": st["shape"],
        "color": st["color"],
        "font": {"color": st["font"], "size": _ORG_FONT} if is_org else {"color": st["font"], "size": 14},
    }
    if not is_org:
        # Labels of people, duties, tasks and events appear from about 10 px on
        # screen: the first view shows the organizations, the rest comes on zoom.
        node["scaling"] = {"label": {"drawThreshold": _MEMBER_LABEL_PX}}
    if n["kind"] == "Responsibility" and n["rtype"] in RESP_COLORS:
        node["color"] = RESP_COLORS[n["rtype"]]
    if "size" in st:
        node["size"] = st["size"]
    if n.get("due"):
        node["color"] = DUE_COLORS[STATE_INFO[n["due"]]["colour"]]
    if n["sev"]:
        node["color"] = {"background": node["color"], "border": SEVERITY_COLORS[n["sev"]]}
        node["borderWidth"] = 4
    if pos is not None:
        node["x"], node["y"] = round(pos[0], 1), round(pos[1], 1)
    return node


def _vis_edge(e: dict) -> dict:
    color = RESP_COLORS.get(e["rtype"] or "", STRUCT_COLOR)
    edge = {"id": e["id"], "from": e["from"], "to": e["to"], "color": color, "arrows": "to"}
    if e["rel"] in ("LEADS", "IN_CHARGE_OF", "ASSIST"):
        edge["dashes"] = True
    if e["rtype"]:
        edge["width"] = 2
    return edge


def _options(layout: str, n_visible: int) -> dict:
    big = n_visible > 400
    opts: dict[str, Any] = {
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": big, "keyboard": False},
        "nodes": {"font": {"size": 14, "face": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"}},
        "edges": {
            "smooth": False if big else {"type": "cubicBezier", "roundness": 0.4},
            "arrows": {"to": {"scaleFactor": 0.5}},
        },
    }
    if layout == "chain":  # positions come from chain_positions()
        opts["layout"] = {"hierarchical": {"enabled": False}, "improvedLayout": False}
        opts["physics"] = {"enabled": False}
        opts["edges"]["smooth"] = False
    else:
        # Nodes start from radial_positions(), near their rest: a few iterations settle them.
        opts["layout"] = {"improvedLayout": False, "randomSeed": 7}
        opts["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": 40 if big else 150, "updateInterval": 50},
        }
    return opts


class RespchainNetwork(Network):
    """A :class:`pyvis.network.Network` rendered with respchain's offline template.

    ``generate_html`` (and so ``write_html``, ``show`` and Jupyter display)
    produces one self-contained page; ``respchain_data`` holds what the page
    shows beside vis-network's nodes and edges (findings, legend, texts).
    Displayed as the last expression of a Jupyter cell, the network shows
    itself inline in a sandboxed ``iframe``.
    """

    respchain_data: dict[str, Any]

    def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
        self.html = _render_page(self)
        return self.html

    def write_html(
        self, name: str, local: bool = True, notebook: bool = False, open_browser: bool = False
    ) -> None:
        save_html(self, name)
        if open_browser:  # pragma: no cover - opens a browser
            import webbrowser

            webbrowser.open(str(name))

    def _repr_html_(self) -> str:
        from html import escape

        return (
            f'<iframe srcdoc="{escape(self.generate_html(), quote=True)}" '
            f'style="width:100%;height:{escape(str(self.height))};border:0" sandbox="allow-scripts"></iframe>'
        )


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: building the page allocates many
    small objects and no cycles, and collections would double the time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def to_pyvis(
    G: nx.MultiDiGraph,
    *,
    findings: Iterable[Finding] | None = None,
    layout: str = "chain",
    lang: Lang = "zh",
    focus: str | None = None,
    depth: int = 2,
    group_threshold: int = GROUP_THRESHOLD,
    gaps_checked: bool | None = None,
    height: str = "100vh",
) -> RespchainNetwork:
    """Turn a responsibility graph into an interactive network.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A responsibility graph (:func:`respchain.graph.graph_from_register`).
    findings : iterable of Finding, optional
        Gaps to light up (from :func:`respchain.queries.find_gaps`): their
        subjects are outlined in the severity's colour with a badge giving the
        count, and listed in the side panel.
    layout : {"chain", "force"}
        ``chain``: the leadership chain from the top committee down;
        ``force``: a force layout whose physics stops once it has settled.
    lang : {"zh", "en"}
        Language of the page.
    focus : str, optional
        Draw only the neighbourhood of this node (an organization or a person).
    depth : int
        How many steps from ``focus`` to draw.
    group_threshold : int
        Above this many drawn nodes, the page groups people, tasks, events and
        the like under their organization (expand on click).
    gaps_checked : bool, optional
        Whether the gaps were looked for; by default, when ``findings`` is given.
    height : str
        CSS height of the page's graph area.

    Returns
    -------
    RespchainNetwork
        A :class:`pyvis.network.Network`; write it with :func:`save_html`, or
        call ``generate_html()`` for the page as a string.

    Examples
    --------
    >>> from respchain.loaders import load_graph
    >>> net = to_pyvis(load_graph("data/seed"), lang="en")
    >>> save_html(net, "graph.html")
    PosixPath('graph.html')
    """
    if layout not in LAYOUTS:
        raise InputError(f"--layout: 应为 chain 或 force / must be chain or force, not {layout!r}")
    if lang not in ("zh", "en"):
        raise InputError(f"--lang: 应为 zh 或 en / must be zh or en, not {lang!r}")
    findings = list(findings) if findings is not None else None
    with _gc_paused():
        return _to_pyvis(G, findings, layout, lang, focus, depth, group_threshold, gaps_checked, height)


def _to_pyvis(
    G, findings, layout, lang, focus, depth, group_threshold, gaps_checked, height
) -> RespchainNetwork:
    view = view_graph(G, findings=findings or (), lang=lang, focus=focus, depth=depth)
    grouped = len(view["nodes"]) > group_threshold

    net = RespchainNetwork(height=height, width="100%", directed=True, heading="", cdn_resources="in_line")
    # Filled directly: pyvis' add_node/add_edge scan lists and are quadratic.
    place = chain_positions if layout == "chain" else radial_positions
    pos = place(view, grouped=grouped)
    for n in view["nodes"]:
        vn = _vis_node(n, pos.get(n["id"]))
        net.nodes.append(vn)
        net.node_ids.append(n["id"])
        net.node_map[n["id"]] = vn
    net.edges.extend(_vis_edge(e) for e in view["edges"])
    # The chain around gaps laid out on its own: the gap-only filter moves the
    # nodes it keeps there, so that they close up and fill the screen.
    gap_pos: dict[str, tuple[float, float]] = {}
    if layout == "chain" and not grouped:
        keep = {n["id"] for n in view["nodes"] if n["gapchain"]}
        if keep and len(keep) < len(view["nodes"]):
            sub = {
                "nodes": [n for n in view["nodes"] if n["id"] in keep],
                "edges": [e for e in view["edges"] if e["from"] in keep and e["to"] in keep],
            }
            gap_pos = chain_positions(sub)
    n_visible = len({n["anchor"] or n["id"] for n in view["nodes"]}) * 2 if grouped else len(view["nodes"])
    net.options = _options(layout, n_visible)

    title = G.graph.get("title") or ui("title", lang)
    if focus is not None:
        focus_name = next(n["name"] for n in view["nodes"] if n["id"] == focus)
        subtitle = ui("focus", lang, name=focus_name, depth=depth)
    else:
        subtitle = ""
    net.respchain_data = {
        "lang": lang,
        "layout": layout,
        "title": title,
        "subtitle": subtitle,
        "as_of": str(G.graph.get("as_of", "")),
        "grouped": grouped,
        "groupPos": {k: [round(x, 1), round(y, 1)] for k, (x, y) in pos.items() if k.startswith("group:")},
        "gapPos": {k: [round(x, 1), round(y, 1)] for k, (x, y) in gap_pos.items()},
        "groupThreshold": group_threshold,
        "orgFont": _ORG_FONT,
        "minOrgPx": MIN_ORG_LABEL_PX,
        "gapsChecked": findings is not None if gaps_checked is None else gaps_checked,
        "nodes": view["nodes"],
        "edges": view["edges"],
        "findings": view["findings"],
        "kinds": {k: {"label": kind_label(k, lang), **NODE_STYLES[k]} for k in NODE_STYLES},
        "rtypes": {t: {"label": resp_label(t, lang), "color": c} for t, c in RESP_COLORS.items()},
        "severities": {s: {"label": severity_label(s, lang), "color": c} for s, c in SEVERITY_COLORS.items()},
        "dueStates": {
            s: {
                "label": i["label_en"] if lang == "en" else f"{i['zh']} {i['label_zh']}",
                "color": DUE_COLORS[i["colour"]],
            }
            for s, i in STATE_INFO.items()
        },
        "edgeLabels": {k: v[lang == "en"] for k, v in EDGE_LABELS.items()},
        "structColor": STRUCT_COLOR,
        "text": {k: v[lang == "en"] for k, v in UI.items()},
    }
    return net


# --------------------------------------------------------------------------- page


def _env():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(_HERE / "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def _render_page(net: RespchainNetwork) -> str:
    from markupsafe import Markup

    data = getattr(net, "respchain_data", None)
    if data is None:  # a plain Network's nodes, drawn with our template
        data = {"lang": "zh", "title": net.heading, "nodes": [], "edges": [], "findings": [], "text": {}}
    js, css = vis_assets()
    vis_nodes = net.nodes
    vis_edges = net.edges
    options = net.options if isinstance(net.options, dict) else json.loads(net.options.to_json())
    payload = {**data, "visNodes": vis_nodes, "visEdges": vis_edges, "options": options}
    t = data.get("text") or {k: v[0] for k, v in UI.items()}
    return (
        _env()
        .get_template(_TEMPLATE)
        .render(
            lang=data.get("lang", "zh"),
            title=data.get("title", ""),
            subtitle=data.get("subtitle", ""),
            as_of=data.get("as_of", ""),
            t=t,
            height=net.height,
            kinds=data.get("kinds", {}),
            rtypes=data.get("rtypes", {}),
            severities=data.get("severities", {}),
            due_states=data.get("dueStates", {}),
            struct_color=data.get("structColor", STRUCT_COLOR),
            vis_js=Markup(js),
            vis_css=Markup(css),
            page_js=Markup((_HERE / "static" / "graph.js").read_text(encoding="utf-8")),
            page_css=Markup((_HERE / "static" / "graph.css").read_text(encoding="utf-8")),
            data_json=Markup(json_for_script(payload)),
        )
    )


def save_html(net: Network, path: str | Path) -> Path:
    """Write the page of ``net`` to ``path`` as UTF-8, atomically.

    Parameters
    ----------
    net : pyvis.network.Network
        Usually from :func:`to_pyvis`; a plain pyvis network is drawn with
        pyvis' own template (which links CDNs) and written as UTF-8.
    path : str or Path
        The ``.html`` file to write.

    Returns
    -------
    Path
        ``path``.
    """
    path = Path(path)
    with _gc_paused():
        html = net.generate_html() if isinstance(net, RespchainNetwork) else Network.generate_html(net)
    return write_text_atomic(path, html)
