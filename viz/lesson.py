"""The lesson page: one offline HTML page that teaches the responsibility system.

:func:`render_lesson` draws the page from its content, which the teaching
package gathers (:func:`respchain.teach.lesson.lesson_content`). It walks
through six sections, each generated from the project's own material at
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
5. the recurring duties (obligations): what recurs, who, what counts, how
   often, the periods, and an example of the engine's count with the records
   of the register that come close;
6. a quiz generated from the seed register's facts, checked in the page.

The page is the jinja2 template ``templates/lesson.html.j2``; this module
turns the content into the template's context (cards, pictures, texts).

The page makes no network request: vis-network's script and style are inlined
from the copy bundled with pyvis (:mod:`respchain.viz._inline`, shared with the
graph page). Every string from the registers and the catalog is escaped (the template's
autoescape, ``html.escape`` in the SVG pictures) in the markup, or travels as JSON in a
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
from respchain.graph.schema import ORG_KIND_INFO, RESPONSIBILITY_INFO, Lang, NodeKind, RelType
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


def _t(lang: Lang, zh: str, en: str) -> str:
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


def _node_label(G: nx.MultiDiGraph, n: str, lang: Lang) -> tuple[str, str]:
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
    G: nx.MultiDiGraph, nodes: Iterable[str], lang: Lang = "zh"
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
    lang: Lang = "zh",
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


def _concept_vis(concepts: dict[str, Any], lang: Lang) -> dict[str, Any]:
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
    G: nx.MultiDiGraph, steps: list[dict], lang: Lang, layout: dict[str, tuple[int, int]] | None = None
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


def _type_cards(concepts: dict[str, Any], lang: Lang) -> list[dict[str, Any]]:
    out = []
    for n in concepts["nodes"]:
        if n["group"] != "type":
            continue
        out.append(
            {
                **{k: n.get(k, "") for k in ("zh", "en", "def_zh", "def_en")},
                "color": RESP_COLORS.get(n["code"], "#546e7a"),
                "bearers": "、".join(b["en" if lang == "en" else "zh"] for b in n["bearers"]),
            }
        )
    return out


def _case_cards(G: nx.MultiDiGraph, cases: list[dict], lang: Lang) -> list[dict[str, Any]]:
    from markupsafe import Markup

    out = []
    for c in cases:
        title = c["place_en"] if lang == "en" else c["region"].replace("/", "")
        out.append(
            {
                "place": c["place"],
                "title": title,
                "other": c["place"] if lang == "en" else c["place_en"],
                "quote": c["quote"],
                "span": c["span"],
                "mechanisms": c["mechanisms"],
                "facts": c["facts"],
                # svg_graph escapes every string it draws
                "svg": Markup(svg_graph(G, c["nodes"], lang=lang, title=title, per_row=4)),
            }
        )
    return out


def _rule_cards(examples: list, lang: Lang) -> list[dict[str, Any]]:
    from markupsafe import Markup
    from respchain.queries import CATALOG

    by_rule = {ex.rule: ex for ex in examples}
    out = []
    for rid, r in CATALOG.items():
        ex = by_rule.get(rid)
        card: dict[str, Any] = {
            "id": rid,
            "sev_color": SEVERITY_COLORS.get(r.severity, "#999"),
            "sev_label": severity_label(r.severity, lang),
            "title_zh": r.title_zh,
            "title_en": r.title_en,
            "def_zh": r.definition_zh,
            "def_en": r.definition_en,
            "basis": "；".join(str(b) for b in r.basis),
            "fix_zh": r.fix_zh,
            "fix_en": r.fix_en,
            "example": ex is not None,
        }
        if ex is not None:
            card.update(
                status="ok" if ex.proven else "fail",
                messages=[f.message_en if lang == "en" else f.message_zh for f in ex.gap_findings],
                gap_svg=Markup(
                    svg_graph(
                        ex.gap_graph,
                        lang=lang,
                        marked={f.subject for f in ex.gap_findings},
                        mark_colour=SEVERITY_COLORS.get(r.severity, "#e53935"),
                        mark_text=_t(lang, "缺口", "gap"),
                        title=f"{rid} gap",
                    )
                ),
                fix_svg=Markup(
                    svg_graph(
                        ex.fix_graph,
                        lang=lang,
                        added=_changed(ex.gap_graph, ex.fix_graph),
                        added_text=_t(lang, "修正", "fix"),
                        title=f"{rid} fix",
                    )
                ),
                cleared=not ex.fix_findings,
                left=len(ex.fix_findings),
            )
        out.append(card)
    return out


_NAV = (
    ("concepts", "五种责任", "Five duties"),
    ("chain", "责任链条", "The chain"),
    ("cases", "地方实践", "Local practices"),
    ("rules", "缺口规则", "Gap rules"),
    ("obligations", "经常性义务", "Recurring duties"),
    ("quiz", "小测验", "Quiz"),
)


def _env():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(_HERE / "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
    )


# --------------------------------------------------------------------------- page


def render_lesson(content: dict[str, Any], lang: Lang = "zh") -> str:
    """Draw the lesson page from its content (:func:`respchain.teach.lesson.lesson_content`).

    ``content`` holds ``concepts``, ``chain_graph``, ``chain_steps``,
    ``chain_layout``, ``verdict`` (the findings of the chain example),
    ``seed_graph``, ``cases``, ``questions``, ``examples`` and ``duties`` (the
    recurring duties, :func:`respchain.teach.duties.lesson_duties`); ``lang``
    is ``zh`` (Chinese first) or ``en``. The page is the template
    ``templates/lesson.html.j2``, which escapes every string it is given.

    Raises
    ------
    ValueError
        For a language other than ``zh`` and ``en``.
    """
    from markupsafe import Markup

    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    concepts = content["concepts"]
    steps = content["chain_steps"]
    data = {
        "lang": lang,
        "concepts": concepts,
        "conceptVis": _concept_vis(concepts, lang),
        "chainVis": _chain_vis(content["chain_graph"], steps, lang, content["chain_layout"]),
        "steps": [{"zh": s["zh"], "en": s["en"]} for s in steps],
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
    js, css = vis_assets()
    page_css = (_HERE / "static" / "lesson.css").read_text(encoding="utf-8").replace("</style", "<\\/style")
    page_js = (_HERE / "static" / "lesson.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    legend = [
        (NODE_STYLES[k]["color"], kind_label(k, lang))
        for k in [*ORG_KIND_INFO, "Person", "Responsibility", "List", "Task", "Event", "Mechanism", "Fact"]
        if k in NODE_STYLES
    ]
    return (
        _env()
        .get_template("lesson.html.j2")
        .render(
            lang=lang,
            t=lambda zh, en: _t(lang, zh, en),
            title=_t(
                lang,
                "全面从严治党责任体系：一堂课",
                "The responsibility system of strict party governance: a lesson",
            ),
            nav=_NAV,
            concepts_source=concepts["source"],
            type_cards=_type_cards(concepts, lang),
            steps=steps,
            verdict_n=len(content["verdict"]),
            legend=legend,
            cases=_case_cards(content["seed_graph"], content["cases"], lang),
            rules=_rule_cards(content["examples"], lang),
            duties=content["duties"],
            questions=content["questions"],
            data_json=Markup(json_for_script(data)),
            vis_js=Markup(js),
            vis_css=Markup(css),
            page_css=Markup(page_css),
            page_js=Markup(page_js),
        )
    )
