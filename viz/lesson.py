"""The lesson page: one offline HTML page that teaches the responsibility system.

:func:`render_lesson` draws the page from its content, which the teaching
package gathers (:func:`respchain.teach.lesson.lesson_content`). It walks
through five sections, each generated from the project's own material at
build time, so that the page is always true to the model and the engine:

1. the five responsibility types and who bears each, as an interactive concept
   graph read from the ontology (:func:`respchain.teach.concepts.concept_graph`);
   a click on a node opens its definition and basis;
2. how they chain, on a small example register revealed step by step (the gap
   rules are run on the finished register and their verdict shown);
3. the seed article's local practices as case cards, each with its graph
   fragment and the sentence it rests on;
4. every gap rule with a tiny register that has the gap and the same register
   fixed; the engine runs on both, and the page shows its finding and that the
   fix clears it;
5. a quiz generated from the seed register's facts, checked in the page.

The page makes no network request: vis-network's script and style are inlined
from the copy bundled with pyvis (:mod:`respchain.viz._inline`, shared with the
graph page). Every string from the registers and the catalog is escaped
(``html.escape``) in the markup, or travels as JSON in a
``<script type="application/json">`` block and is put in the document with
``textContent`` only.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from respchain.graph.schema import ORG_KIND_INFO, RESPONSIBILITY_INFO, NodeKind, RelType
from respchain.viz._inline import json_for_script, vis_assets
from respchain.viz.style import (
    DRAWN_KINDS,
    EDGE_LABELS,
    NODE_STYLES,
    RESP_COLORS,
    SEVERITY_COLORS,
    STRUCT_COLOR,
    kind_key,
    kind_label,
    severity_label,
)

__all__ = ["render_lesson", "svg_graph", "LANGS"]

LANGS = ("zh", "en")
_HERE = Path(__file__).resolve().parent

_SKIP_ATTRS = {"file", "line"}


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _e(s: Any) -> str:
    return html.escape("" if s is None else str(s), quote=True)


# --------------------------------------------------------------------------- drawing a register


def _ink(bg: str) -> str:
    """Dark or white text, whichever reads on the background colour ``#rrggbb``."""
    try:
        r, g, b = (int(bg[i : i + 2], 16) / 255 for i in (1, 3, 5))
    except (ValueError, IndexError):
        return "#212121"
    return "#212121" if 0.299 * r + 0.587 * g + 0.114 * b > 0.6 else "#ffffff"


def _short(s: str, n: int = 16) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _text_w(s: str, size: float) -> float:
    return sum(size if ord(c) > 0x2E80 else size * 0.58 for c in s)


def _node_label(G: nx.MultiDiGraph, n: str, lang: str) -> tuple[str, str]:
    """(main label, kind label) of a drawn node."""
    a = G.nodes[n]
    kind = a.get("kind")
    if kind == NodeKind.RESPONSIBILITY.value:
        info = RESPONSIBILITY_INFO.get(a.get("type", ""), {})
        return info.get("en" if lang == "en" else "zh", a.get("type", "")), kind_label(kind, lang)
    if kind == NodeKind.FACT.value:
        return f"{a.get('value', '')}{a.get('unit', '')}", kind_label(kind, lang)
    if kind == NodeKind.TASK.value:
        return _short(str(a.get("goal") or a.get("name") or n)), f"{kind_label(kind, lang)} {n}"
    return _short(str(a.get("name") or n)), kind_label(kind_key(a), lang)


# Shorter words than the graph page's legend, for labels drawn on small pictures.
_SHORT_EDGE_LABELS: dict[str, tuple[str, str]] = {
    "SUB_ORGANIZATION_OF": ("领导", "leads"),
    "LEADS": ("领导", "leads"),
    "BEARS": ("承担", "bears"),
    "COVERS": ("覆盖", "covers"),
    "ADOPTED_BY": ("采用", "adopted by"),
    "ABOUT": ("关于", "about"),
}


def drawn_edges(
    G: nx.MultiDiGraph, nodes: Iterable[str], lang: str = "zh"
) -> list[tuple[str, str, str, str]]:
    """The edges between ``nodes`` as the lesson draws them: ``(from, to, label, colour)``.

    A person's post is an edge from the person to the organization (labelled with
    the post's title); the leadership line is drawn from the organization above to
    the one below; the vocabulary, posts and sources are not drawn.
    """
    keep = set(nodes)
    pairs: dict[tuple[str, str], list[str]] = {}
    colours: dict[tuple[str, str], str] = {}

    def add(u: str, v: str, label: str, colour: str = STRUCT_COLOR) -> None:
        if u in keep and v in keep and u != v:
            pairs.setdefault((u, v), [])
            if label not in pairs[(u, v)]:
                pairs[(u, v)].append(label)
            if colour != STRUCT_COLOR:
                colours[(u, v)] = colour

    for u, v, k in G.edges(keys=True):
        if k == RelType.POST_IN.value:
            p = G.nodes[u]
            add(p.get("person", ""), v, _short(str(p.get("title") or p.get("role") or ""), 12))
        elif k == RelType.IN_CHARGE_OF.value:
            add(G.nodes[u].get("person", ""), v, _t(lang, *EDGE_LABELS["IN_CHARGE_OF"]))
        elif k in EDGE_LABELS and k not in ("POST", "GROUP"):
            colour = STRUCT_COLOR
            for end in (u, v):
                if G.nodes[end].get("kind") == NodeKind.RESPONSIBILITY.value:
                    colour = RESP_COLORS.get(G.nodes[end].get("type", ""), STRUCT_COLOR)
            label = _t(lang, *_SHORT_EDGE_LABELS.get(k, EDGE_LABELS[k]))
            if k == RelType.SUB_ORGANIZATION_OF.value:
                u, v = v, u
            add(u, v, label, colour)
    return [(u, v, " · ".join(labels), colours.get((u, v), STRUCT_COLOR)) for (u, v), labels in pairs.items()]


def _org_depth(G: nx.MultiDiGraph, orgs: list[str]) -> dict[str, int]:
    up: dict[str, str] = {}
    keep = set(orgs)
    for u, v, k in G.edges(keys=True):
        if k == RelType.SUB_ORGANIZATION_OF.value and u in keep and v in keep:
            up.setdefault(u, v)
        elif k == RelType.LEADS.value and u in keep and v in keep:
            up.setdefault(v, u)
    depth = {}
    for o in orgs:
        d, cur, seen = 0, o, {o}
        while cur in up and up[cur] not in seen:
            cur = up[cur]
            seen.add(cur)
            d += 1
        depth[o] = d
    return depth


_ROW_OF = {"Person": 1, "Responsibility": 2, "List": 2, "Task": 3, "Event": 3, "Mechanism": 3, "Fact": 3}


def layout_rows(G: nx.MultiDiGraph, nodes: list[str], *, per_row: int = 4) -> list[list[str]]:
    """Rows of a layered drawing: organizations by depth on the leadership line, then
    people, then duties and lists, then tasks, events, mechanisms and figures."""
    orgs = [n for n in nodes if G.nodes[n].get("kind") == NodeKind.ORGANIZATION.value]
    depth = _org_depth(G, orgs)
    keyed: dict[tuple[int, int], list[str]] = {}
    for n in nodes:
        kind = G.nodes[n].get("kind")
        key = (0, depth[n]) if kind == NodeKind.ORGANIZATION.value else (_ROW_OF.get(kind, 3), 0)
        keyed.setdefault(key, []).append(n)
    rows: list[list[str]] = []
    for key in sorted(keyed):
        items = keyed[key]
        for i in range(0, len(items), per_row):
            rows.append(items[i : i + per_row])
    return rows


def _clip(cx: float, cy: float, w: float, h: float, tx: float, ty: float) -> tuple[float, float]:
    """Where the segment from the box centre towards (tx, ty) leaves the box."""
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    sx = (w / 2) / abs(dx) if dx else math.inf
    sy = (h / 2) / abs(dy) if dy else math.inf
    s = min(sx, sy)
    return cx + dx * s, cy + dy * s


def svg_graph(
    G: nx.MultiDiGraph,
    nodes: list[str] | None = None,
    *,
    lang: str = "zh",
    marked: Iterable[str] = (),
    mark_colour: str = SEVERITY_COLORS["high"],
    mark_text: str = "",
    added: Iterable[str] = (),
    added_text: str = "",
    title: str = "",
    per_row: int = 4,
) -> str:
    """A small register drawn as inline SVG (every text escaped).

    Parameters
    ----------
    G : networkx.MultiDiGraph
    nodes : list of str, optional
        The nodes to draw (default: every record node of ``G``).
    marked : iterable of str
        Nodes outlined in ``mark_colour`` and tagged ``mark_text`` (a gap's subject).
    added : iterable of str
        Nodes outlined in green and tagged ``added_text`` (what a fix adds or changes).
    title : str
        The SVG's accessible title.
    """
    if nodes is None:
        nodes = [n for n, a in G.nodes(data=True) if a.get("kind") in DRAWN_KINDS]
    marked, added = set(marked), set(added)
    rows = layout_rows(G, nodes, per_row=per_row)
    font, small = 13.0, 10.5
    box_h, gap_x, gap_y, pad = 44.0, 34.0, 58.0, 14.0
    boxes: dict[str, tuple[float, float, float]] = {}  # id -> (cx, cy, w)
    labels = {n: _node_label(G, n, lang) for n in nodes}
    widths = {n: max(_text_w(labels[n][0], font), _text_w(labels[n][1], small)) + 22 for n in nodes}
    row_w = [sum(widths[n] for n in row) + gap_x * (len(row) - 1) for row in rows]
    total_w = max(row_w, default=100) + 2 * pad
    for i, row in enumerate(rows):
        x = (total_w - row_w[i]) / 2
        cy = pad + 10 + i * (box_h + gap_y) + box_h / 2
        for n in row:
            boxes[n] = (x + widths[n] / 2, cy, widths[n])
            x += widths[n] + gap_x
    total_h = pad * 2 + 10 + len(rows) * box_h + max(0, len(rows) - 1) * gap_y
    out = [
        f'<svg class="rc-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total_w:.0f} {total_h:.0f}" '
        f'width="{total_w:.0f}" height="{total_h:.0f}" role="img">',
        f"<title>{_e(title)}</title>",
        '<defs><marker id="rc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#78909c"/></marker></defs>',
    ]
    edge_labels = []
    edges = drawn_edges(G, nodes, lang)
    pairs = {(u, v) for u, v, _l, _c in edges}
    for u, v, label, colour in edges:
        (ux, uy, uw), (vx, vy, vw) = boxes[u], boxes[v]
        if (v, u) in pairs:  # two opposite edges: draw them side by side
            dx, dy = vx - ux, vy - uy
            norm = math.hypot(dx, dy) or 1.0
            ox, oy = -dy / norm * 7, dx / norm * 7
            ux, uy, vx, vy = ux + ox, uy + oy, vx + ox, vy + oy
        x1, y1 = _clip(ux, uy, uw + 4, box_h + 4, vx, vy)
        x2, y2 = _clip(vx, vy, vw + 8, box_h + 8, ux, uy)
        cls = ' class="rc-added-edge"' if u in added or v in added else ""
        out.append(
            f'<line{cls} x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{_e(colour)}" '
            f'stroke-width="1.6" marker-end="url(#rc-arrow)"/>'
        )
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        lw = _text_w(label, small) + 6
        edge_labels.append(
            f'<rect x="{mx - lw / 2:.1f}" y="{my - 8:.1f}" width="{lw:.1f}" height="15" rx="3" '
            f'fill="#ffffff" fill-opacity="0.85"/><text x="{mx:.1f}" y="{my + 3.5:.1f}" '
            f'font-size="{small}" text-anchor="middle" fill="#455a64">{_e(label)}</text>'
        )
    out.extend(edge_labels)
    for n in nodes:
        cx, cy, w = boxes[n]
        style = NODE_STYLES.get(kind_key(G.nodes[n]), NODE_STYLES["unit"])
        stroke, sw, dash, tag, tag_colour = "#546e7a", 1.0, "", "", ""
        if n in marked:
            stroke, sw, tag, tag_colour = mark_colour, 3.5, mark_text, mark_colour
        elif n in added:
            stroke, sw, dash, tag, tag_colour = (
                "#2e7d32",
                3.0,
                ' stroke-dasharray="6 3"',
                added_text,
                "#2e7d32",
            )
        main, sub = labels[n]
        x, y = cx - w / 2, cy - box_h / 2
        out.append(
            f'<g class="rc-node" data-id="{_e(n)}"><rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" '
            f'height="{box_h}" rx="8" fill="{_e(style["color"])}" stroke="{_e(stroke)}" stroke-width="{sw}"'
            f"{dash}/>"
            f'<text x="{cx:.1f}" y="{cy - 3:.1f}" font-size="{font}" text-anchor="middle" '
            f'fill="{_ink(style["color"])}">{_e(main)}</text>'
            f'<text x="{cx:.1f}" y="{cy + 13:.1f}" font-size="{small}" text-anchor="middle" '
            f'fill="{_ink(style["color"])}" fill-opacity="0.85">{_e(sub)}</text>'
        )
        if tag:
            tw = _text_w(tag, small) + 10
            out.append(
                f'<rect x="{x + w - tw + 4:.1f}" y="{y - 9:.1f}" width="{tw:.1f}" height="15" rx="7" '
                f'fill="{_e(tag_colour)}"/><text x="{x + w - tw / 2 + 4:.1f}" y="{y + 2:.1f}" '
                f'font-size="{small}" text-anchor="middle" fill="#ffffff">{_e(tag)}</text>'
            )
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def _changed(Gg: nx.MultiDiGraph, Gf: nx.MultiDiGraph) -> set[str]:
    """Record nodes of the fixed graph that are new or whose attributes or links changed."""
    out = set()
    for n, a in Gf.nodes(data=True):
        if a.get("kind") not in DRAWN_KINDS:
            continue
        if n not in Gg:
            out.add(n)
            continue
        b = Gg.nodes[n]
        if {k: v for k, v in a.items() if k not in _SKIP_ATTRS} != {
            k: v for k, v in b.items() if k not in _SKIP_ATTRS
        }:
            out.add(n)
        elif set(Gf.out_edges(n, keys=True)) != set(Gg.out_edges(n, keys=True)):
            out.add(n)
    # A person whose posts changed (posts are drawn as the person's edges).
    for n, a in Gf.nodes(data=True):
        if a.get("kind") == NodeKind.POST.value:
            b = Gg.nodes.get(n)
            if b is None or set(Gf.out_edges(n, keys=True)) != set(Gg.out_edges(n, keys=True)):
                out.add(a.get("person", ""))
    for n, a in Gg.nodes(data=True):
        if a.get("kind") == NodeKind.POST.value and n not in Gf:
            out.add(a.get("person", ""))
    return out & set(Gf.nodes)


# --------------------------------------------------------------------------- vis-network data


def _vis_style(group: str) -> dict[str, Any]:
    if group == "type":
        return {
            "shape": "box",
            "margin": 12,
            "font": {"size": 20, "color": "#ffffff", "face": "sans-serif"},
            "borderWidth": 2,
        }
    if group == "role":
        return {
            "shape": "ellipse",
            "color": {"background": "#efebe9", "border": "#6d4c41"},
            "font": {"size": 17, "color": "#3e2723"},
        }
    return {"shape": "box", "font": {"size": 17}}


# Where the concept graph puts each concept: the chain of types top to bottom in the
# middle, supervision above it, kinds of organization to the right, roles to the left.
_CONCEPT_POS: dict[str, tuple[int, int]] = {
    "type:supervisory": (0, -200),
    "type:main": (0, 0),
    "type:first_responsible": (0, 150),
    "type:one_post_two_duties": (0, 300),
    "type:functional_regulatory": (0, 450),
    "kind:discipline_commission": (330, -260),
    "kind:dispatched_group": (330, -160),
    "kind:party_committee": (330, -60),
    "kind:party_group": (330, 30),
    "kind:party_branch": (330, 120),
    "kind:unit": (560, 30),
    "kind:functional_department": (330, 450),
    "role:discipline_secretary": (-330, -80),
    "role:head": (-330, 150),
    "role:deputy": (-330, 270),
    "role:member": (-330, 340),
}


def _concept_vis(concepts: dict[str, Any], lang: str) -> dict[str, Any]:
    nodes, edges = [], []
    for n in concepts["nodes"]:
        v: dict[str, Any] = {
            "id": n["id"],
            "label": n["en"] if lang == "en" else n["zh"],
            **_vis_style(n["group"]),
        }
        if n["group"] == "type":
            c = RESP_COLORS.get(n["code"], "#546e7a")
            v["color"] = {
                "background": c,
                "border": "#263238",
                "highlight": {"background": c, "border": "#000000"},
            }
        elif n["group"] == "kind":
            st = NODE_STYLES.get(n["code"], NODE_STYLES["unit"])
            v["color"] = {"background": st["color"], "border": "#37474f"}
            v["font"] = {"size": 17, "color": st["font"]}
            v["shape"] = st["shape"] if st["shape"] in ("box", "ellipse", "database") else "box"
        if n["id"] in _CONCEPT_POS:
            v["x"], v["y"] = _CONCEPT_POS[n["id"]]
        nodes.append(v)
    for i, e in enumerate(concepts["edges"]):
        colour = (
            RESP_COLORS.get(e["to"].split(":", 1)[1], STRUCT_COLOR)
            if e["to"].startswith("type:")
            else STRUCT_COLOR
        )
        dashed = e["rel"] == "watches"
        edges.append(
            {
                "id": f"c{i}",
                "from": e["from"],
                "to": e["to"],
                "label": e["en"] if lang == "en" else e["zh"],
                "arrows": "to",
                "dashes": dashed,
                "color": {"color": colour},
                "width": 2.5 if e["rel"] in ("carries", "watches") else 1.5,
                "font": {"size": 13, "align": "horizontal", "background": "#ffffff"},
            }
        )
    return {"nodes": nodes, "edges": edges}


def _chain_vis(
    G: nx.MultiDiGraph, steps: list[dict], lang: str, layout: dict[str, tuple[int, int]] | None = None
) -> dict[str, Any]:
    order = [n for s in steps for n in s["show"] if n in G]
    step_of = {n: i for i, s in enumerate(steps) for n in s["show"]}
    pos: dict[str, tuple[float, float]] = {}
    for r, row in enumerate(layout_rows(G, order, per_row=5)):
        for c, n in enumerate(row):
            pos[n] = ((c - (len(row) - 1) / 2) * 210, r * 120)
    pos.update({n: xy for n, xy in (layout or {}).items() if n in pos})
    nodes = []
    for n in order:
        a = G.nodes[n]
        main, sub = _node_label(G, n, lang)
        label = (
            main
            if a.get("kind") in (NodeKind.PERSON.value, NodeKind.RESPONSIBILITY.value)
            else f"{main}\n{sub}"
        )
        st = NODE_STYLES.get(kind_key(a), NODE_STYLES["unit"])
        shape = (
            "box"
            if a.get("kind") in (NodeKind.ORGANIZATION.value, NodeKind.RESPONSIBILITY.value)
            else "ellipse"
        )
        colour = st["color"]
        if a.get("kind") == NodeKind.RESPONSIBILITY.value:
            colour = RESP_COLORS.get(a.get("type", ""), colour)
        nodes.append(
            {
                "id": n,
                "label": label,
                "x": pos[n][0],
                "y": pos[n][1],
                "shape": shape,
                "step": step_of[n],
                "color": {"background": colour, "border": "#37474f"},
                "font": {"size": 18, "color": _ink(colour)},
            }
        )
    edges = []
    for i, (u, v, label, colour) in enumerate(drawn_edges(G, order, lang)):
        edges.append(
            {
                "id": f"s{i}",
                "from": u,
                "to": v,
                "label": label,
                "arrows": "to",
                "color": {"color": colour},
                "font": {"size": 13, "align": "horizontal", "background": "#ffffff"},
                "step": max(step_of[u], step_of[v]),
            }
        )
    return {"nodes": nodes, "edges": edges}


# --------------------------------------------------------------------------- sections


def _h2(num: int, zh: str, en: str, lang: str) -> str:
    main, other = (en, zh) if lang == "en" else (zh, en)
    return f'<h2><span class="rc-num">{num}</span>{_e(main)} <small>{_e(other)}</small></h2>'


def _section_concepts(concepts: dict[str, Any], lang: str) -> str:
    t = lambda zh, en: _e(_t(lang, zh, en))  # noqa: E731
    src = (
        t("本体（graph/ontology.ttl）", "the ontology (graph/ontology.ttl)")
        if concepts["source"] == "ontology"
        else t("图模型（graph/schema.py）", "the graph schema (graph/schema.py)")
    )
    cards = []
    for n in concepts["nodes"]:
        if n["group"] != "type":
            continue
        bearers = "、".join(b["en" if lang == "en" else "zh"] for b in n["bearers"])
        cards.append(
            f'<div class="rc-type" style="border-color:{_e(RESP_COLORS.get(n["code"], "#546e7a"))}">'
            f"<b>{_e(n['en'] if lang == 'en' else n['zh'])}</b> <small>{_e(n['zh'] if lang == 'en' else n['en'])}</small>"
            f"<div>{t('承担者', 'Borne by')}：{_e(bearers)}</div></div>"
        )
    return (
        '<section id="concepts" class="rc-section">'
        + _h2(1, "五种责任，谁来承担", "The five responsibilities and who bears them", lang)
        + f"<p>{t('下图由', 'The graph below is generated from ')}{src}"
        f"{t('生成：中间一列是五种责任，右边是承担它们的组织类型，左边是岗位角色。点击任一节点，右侧显示它的定义和依据。', ': the five responsibility types in the middle, the kinds of organization that bear them on the right, the roles of posts on the left. Click any node to open its definition and basis.')}</p>"
        '<div class="rc-split"><div id="concept-net" class="rc-net" aria-label="concept graph"></div>'
        f'<aside id="concept-detail" class="rc-detail"><p class="rc-hint">{t("点击图中的节点查看定义和依据。", "Click a node of the graph to see its definition and basis.")}</p></aside></div>'
        f'<div class="rc-types">{"".join(cards)}</div></section>'
    )


def _section_chain(steps: list[dict], verdict: list, lang: str) -> str:
    t = lambda zh, en: _e(_t(lang, zh, en))  # noqa: E731
    items = "".join(
        f'<li data-step="{i}">{_e(s["en"] if lang == "en" else s["zh"])}</li>' for i, s in enumerate(steps)
    )
    if verdict:
        v = t(
            f"缺口规则在完整的示例登记簿上找到 {len(verdict)} 个缺口。",
            f"The gap rules find {len(verdict)} gap(s) in the finished example register.",
        )
    else:
        v = t(
            "缺口规则在完整的示例登记簿上没有找到任何缺口：链条完整。",
            "The gap rules find no gap in the finished example register: the chain is complete.",
        )
    return (
        '<section id="chain" class="rc-section">'
        + _h2(2, "责任如何串成链条", "How the responsibilities chain", lang)
        + f"<p>{t('主体责任 → 第一责任人责任 → 一岗双责 → 职能部门监管责任，监督责任贯穿其上，并层层传导到下一级。用“下一步”在一个示例县的登记簿上逐步展开。', 'Main → first-responsible → one post, two duties → functional regulatory, watched over by supervision and passed down level by level. Use Next to unfold it on an example county register.')}</p>"
        '<div class="rc-controls">'
        f'<button type="button" id="chain-prev">{t("上一步", "Previous")}</button>'
        f'<span id="chain-count" class="rc-count"></span>'
        f'<button type="button" id="chain-next">{t("下一步", "Next")}</button></div>'
        '<p id="chain-text" class="rc-steptext" aria-live="polite"></p>'
        '<div id="chain-net" class="rc-net rc-net-wide" aria-label="chain example"></div>'
        f'<ol id="chain-steps" class="rc-steps">{items}</ol>'
        f'<p id="chain-verdict" class="rc-verdict" hidden>{v}</p></section>'
    )


def _section_cases(G: nx.MultiDiGraph, cases: list[dict], lang: str) -> str:
    t = lambda zh, en: _e(_t(lang, zh, en))  # noqa: E731
    cards = []
    for c in cases:
        title = c["place_en"] if lang == "en" else c["region"].replace("/", "")
        mech = "".join(f'<span class="rc-chip">{_e(m)}</span>' for m in c["mechanisms"])
        facts = "".join(
            f"<li>{_e(f['quote'])} <small>({_e(f['metric'])} = {_e(f['value'])}{_e(f.get('unit') or '')})</small></li>"
            for f in c["facts"]
        )
        span = (
            f"{t('原文第', 'article chars ')}{c['span'][0]}–{c['span'][1]}{t(' 字', '')}" if c["span"] else ""
        )
        svg = svg_graph(G, c["nodes"], lang=lang, title=title, per_row=4)
        cards.append(
            f'<article class="rc-case" data-place="{_e(c["place"])}"><h3>{_e(title)}'
            f" <small>{_e(c['place'] if lang == 'en' else c['place_en'])}</small></h3>"
            f"<blockquote>“{_e(c['quote'])}”<cite>{_e(span)}</cite></blockquote>"
            + (f'<div class="rc-chips"><b>{t("工作机制", "Mechanisms")}：</b>{mech}</div>' if mech else "")
            + (f'<ul class="rc-facts">{facts}</ul>' if facts else "")
            + f'<div class="rc-svgwrap">{svg}</div></article>'
        )
    return (
        '<section id="cases" class="rc-section">'
        + _h2(3, "八个地方的实践", "Eight local practices", lang)
        + f"<p>{t('来自种子文章《强化全面从严治党政治责任》（中央纪委国家监委网站，2025-10-20）。每张卡片是 data/seed/ 登记簿中该地的图片段和它所依据的原文。', 'From the seed article 强化全面从严治党政治责任 (CCDI website, 2025-10-20). Each card shows the fragment of the data/seed/ register for the place and the sentence it rests on.')}</p>"
        f'<div class="rc-cases">{"".join(cards)}</div></section>'
    )


def _section_rules(examples: list, lang: str) -> str:
    from respchain.queries import CATALOG

    t = lambda zh, en: _e(_t(lang, zh, en))  # noqa: E731
    cards = []
    by_rule = {ex.rule: ex for ex in examples}
    for rid, r in CATALOG.items():
        ex = by_rule.get(rid)
        sev = (
            f'<span class="rc-sev" style="background:{_e(SEVERITY_COLORS.get(r.severity, "#999"))}">'
            f"{_e(severity_label(r.severity, lang))}</span>"
        )
        basis = "；".join(str(b) for b in r.basis)
        head = (
            f"<h3>{sev} <code>{_e(rid)}</code> {_e(r.title_en if lang == 'en' else r.title_zh)}</h3>"
            f'<p class="rc-def">{_e(r.definition_en if lang == "en" else r.definition_zh)}</p>'
            f'<p class="rc-basis"><b>{t("依据", "Basis")}：</b>{_e(basis)}</p>'
        )
        if ex is None:
            cards.append(
                f'<article class="rc-rule" data-rule="{_e(rid)}">{head}'
                f"<p>{t('（本规则暂无示例）', '(no example for this rule yet)')}</p></article>"
            )
            continue
        subjects = {f.subject for f in ex.gap_findings}
        msgs = "".join(
            f"<li>{_e(f.message_en if lang == 'en' else f.message_zh)}</li>" for f in ex.gap_findings
        )
        gap_svg = svg_graph(
            ex.gap_graph,
            lang=lang,
            marked=subjects,
            mark_colour=SEVERITY_COLORS.get(r.severity, "#e53935"),
            mark_text=_t(lang, "缺口", "gap"),
            title=f"{rid} gap",
        )
        fix_svg = svg_graph(
            ex.fix_graph,
            lang=lang,
            added=_changed(ex.gap_graph, ex.fix_graph),
            added_text=_t(lang, "修正", "fix"),
            title=f"{rid} fix",
        )
        status = "ok" if ex.proven else "fail"
        verdict = (
            t(f"引擎在修正后的登记簿上不再报告 {rid}。", f"After the fix the engine no longer reports {rid}.")
            if not ex.fix_findings
            else t(
                f"修正后引擎仍报告 {len(ex.fix_findings)} 处 {rid}！",
                f"The engine still reports {rid} after the fix!",
            )
        )
        cards.append(
            f'<article class="rc-rule" data-rule="{_e(rid)}" data-proven="{status}">{head}'
            '<div class="rc-pair">'
            f"<figure><figcaption>{t('有缺口', 'With the gap')}</figcaption>{gap_svg}"
            f'<ul class="rc-found">{msgs}</ul></figure>'
            f"<figure><figcaption>{t('修正后', 'Fixed')}</figcaption>{fix_svg}"
            f'<p class="rc-fix"><b>{t("修正", "Fix")}：</b>{_e(r.fix_en if lang == "en" else r.fix_zh)}</p>'
            f'<p class="rc-cleared rc-{status}">{verdict}</p></figure>'
            "</div></article>"
        )
    return (
        '<section id="rules" class="rc-section">'
        + _h2(4, "缺口规则：每条一个小例子", "The gap rules, one small example each", lang)
        + f"<p>{t('每条规则配一个最小的登记簿和它的修正版。页面生成时对两者运行缺口引擎：左边是引擎报告的缺口（红框标出对象），右边是修正后的登记簿（绿色虚线框是新增或改动的部分），引擎不再报告该缺口。', 'Each rule comes with the smallest register that has the gap and the same register fixed. The gap engine ran on both when this page was built: on the left the finding it reports (its subject outlined), on the right the fixed register (what the fix adds or changes in dashed green), where the finding is gone.')}</p>"
        f'<div class="rc-rules">{"".join(cards)}</div></section>'
    )


def _section_quiz(questions: list[dict], lang: str) -> str:
    t = lambda zh, en: _e(_t(lang, zh, en))  # noqa: E731
    items = []
    for q in questions:
        opts = "".join(
            f'<label><input type="radio" name="{_e(q["id"])}" value="{j}"> {_e(o)}</label>'
            for j, o in enumerate(q["options"])
        )
        items.append(
            f'<li class="rc-q" data-answer="{q["answer"]}" data-id="{_e(q["id"])}">'
            f'<p class="rc-qtext">{_e(q["q_en"] if lang == "en" else q["q_zh"])}</p>'
            f'<div class="rc-opts">{opts}</div>'
            f'<button type="button" class="rc-check">{t("检查", "Check")}</button>'
            f'<p class="rc-feedback" aria-live="polite" hidden></p>'
            f'<p class="rc-why" hidden>{t("原文", "The article")}：“{_e(q["quote"])}”</p></li>'
        )
    return (
        '<section id="quiz" class="rc-section">'
        + _h2(5, "小测验", "Quiz", lang)
        + f"<p>{t('题目和答案都由 data/seed/ 登记簿中的机制和数据生成。选择答案后点“检查”。', 'Questions and answers are generated from the mechanisms and figures of the data/seed/ register. Pick an answer and press Check.')}</p>"
        f'<ol class="rc-quiz">{"".join(items)}</ol>'
        f'<p id="quiz-score" class="rc-score" aria-live="polite"></p></section>'
    )


# --------------------------------------------------------------------------- page


def render_lesson(content: dict[str, Any], lang: str = "zh") -> str:
    """Draw the lesson page from its content (:func:`respchain.teach.lesson.lesson_content`).

    ``content`` holds ``concepts``, ``chain_graph``, ``chain_steps``,
    ``chain_layout``, ``verdict`` (the findings of the chain example),
    ``seed_graph``, ``cases``, ``questions`` and ``examples``; ``lang`` is ``zh``
    (Chinese first) or ``en``.

    Raises
    ------
    ValueError
        For a language other than ``zh`` and ``en``.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    concepts = content["concepts"]
    chain_G = content["chain_graph"]
    CHAIN_STEPS = content["chain_steps"]
    CHAIN_LAYOUT = content["chain_layout"]
    verdict = content["verdict"]
    Gs = content["seed_graph"]
    cases = content["cases"]
    questions = content["questions"]
    examples = content["examples"]

    data = {
        "lang": lang,
        "concepts": concepts,
        "conceptVis": _concept_vis(concepts, lang),
        "chainVis": _chain_vis(chain_G, CHAIN_STEPS, lang, CHAIN_LAYOUT),
        "steps": [{"zh": s["zh"], "en": s["en"]} for s in CHAIN_STEPS],
        "text": {
            "defn": _t(lang, "定义", "Definition"),
            "bearers": _t(lang, "谁来承担", "Borne by"),
            "basis": _t(lang, "依据", "Basis"),
            "rules": _t(lang, "检查它的缺口规则", "Gap rules that check it"),
            "iri": _t(lang, "本体中的概念", "Concept in the ontology"),
            "group": {
                "type": _t(lang, "责任类型", "Responsibility type"),
                "kind": _t(lang, "组织类型", "Organization kind"),
                "role": _t(lang, "岗位角色", "Post role"),
            },
            "step": _t(lang, "第 {i} 步，共 {n} 步", "Step {i} of {n}"),
            "right": _t(lang, "正确！", "Correct!"),
            "wrong": _t(lang, "不对。正确答案是：{a}", "Not quite. The answer is: {a}"),
            "pick": _t(lang, "请先选择一个答案。", "Pick an answer first."),
            "score": _t(lang, "已答对 {r} / {n} 题", "{r} of {n} answered correctly"),
            "none": _t(lang, "无", "none"),
        },
    }
    title = _t(
        lang, "全面从严治党责任体系：一堂课", "The responsibility system of strict party governance: a lesson"
    )
    nav = "".join(
        f'<a href="#{sid}">{_e(_t(lang, zh, en))}</a>'
        for sid, zh, en in (
            ("concepts", "五种责任", "Five duties"),
            ("chain", "责任链条", "The chain"),
            ("cases", "地方实践", "Local practices"),
            ("rules", "缺口规则", "Gap rules"),
            ("quiz", "小测验", "Quiz"),
        )
    )
    js, css = vis_assets()
    page_css = (_HERE / "static" / "lesson.css").read_text(encoding="utf-8").replace("</style", "<\\/style")
    page_js = (_HERE / "static" / "lesson.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    legend = "".join(
        f'<span class="rc-leg"><i style="background:{_e(NODE_STYLES[k]["color"])}"></i>{_e(kind_label(k, lang))}</span>'
        for k in [*ORG_KIND_INFO, "Person", "Responsibility", "List", "Task", "Event", "Mechanism", "Fact"]
        if k in NODE_STYLES
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:\">"
        f"<title>{_e(title)}</title><style>{css}</style><style>{page_css}</style></head><body>"
        f'<header class="rc-top"><h1>{_e(title)}</h1>'
        f"<p>{_e(_t(lang, '全面从严治党责任体系知识图谱 respchain 的课堂材料：离线可用，所有内容在生成时由模型、本体、种子登记簿和缺口引擎得出。', 'Class material of respchain, the knowledge graph of strict party governance: works offline; everything on it was derived, when it was built, from the model, the ontology, the seed register and the gap engine.'))}</p>"
        f"<nav>{nav}</nav></header><main>"
        + _section_concepts(concepts, lang)
        + _section_chain(CHAIN_STEPS, verdict, lang)
        + f'<div class="rc-legend">{legend}</div>'
        + _section_cases(Gs, cases, lang)
        + _section_rules(examples, lang)
        + _section_quiz(questions, lang)
        + "</main>"
        f'<script type="application/json" id="lesson-data">{json_for_script(data)}</script>'
        f"<script>{js}</script><script>{page_js}</script></body></html>\n"
    )
