"""The year-end assessment (考评): score each unit against a rubric from its findings.

A rubric (docs/obligations.md) has sections (明责 / 履责 / 督责 / 追责) of items;
each item is worth ``points`` and loses ``deduct`` for every finding of its
``rules`` (rule or obligation ids) that concerns the subject, never going below
0. A finding concerns an organization when it is charged to it (its own
findings, those of the people holding posts in it, of its lists' tasks; see
:func:`respchain.queries.engine.subject_orgs`) or to a unit it leads.

Given the coverage figures of the obligations
(:func:`respchain.queries.engine.obligation_coverage`), each subject also carries
its own: how many of the events each obligation expects of it happened
(``述责述廉 2/3 人次``), the figure a unit is shown next to its 扣分点.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from respchain.graph.schema import Lang, NodeKind, RelType
from respchain.queries.catalog import CATALOG
from respchain.queries.engine import subject_orgs
from respchain.queries.finding import Finding
from respchain.queries.obligations import Coverage, Obligation

__all__ = [
    "Assessment",
    "SubjectScore",
    "Deduction",
    "assess",
    "render_table",
    "to_json",
    "write_xlsx",
    "render_html",
]


@dataclass(frozen=True)
class Deduction:
    """One 扣分点: the item, the finding behind it and the points it cost."""

    section: str
    item: str
    rule: str
    finding_subject: str
    finding_subject_name: str
    message: str
    basis: str
    fix: str
    points: float


@dataclass
class SubjectScore:
    subject: str
    name: str
    score: float
    rank: int = 0
    sections: list[dict[str, Any]] = field(default_factory=list)
    deductions: list[Deduction] = field(default_factory=list)
    change: float | None = None
    coverage: list[Coverage] = field(default_factory=list)

    def coverage_text(self, lang: Lang = "zh") -> str:
        """``OB-SZSL 2/3 人次（66.7%）；OB-MZSHH 1/1 次（全覆盖）`` (empty without figures)."""
        sep = "; " if lang == "en" else "；"
        return sep.join(f"{c.obligation} {c.text(lang)}" for c in self.coverage)


@dataclass
class Assessment:
    rubric: dict[str, Any]
    as_of: str
    subjects: list[SubjectScore]
    has_previous: bool = False

    @property
    def total_points(self) -> float:
        total: float = sum(it["points"] for sec in self.rubric["sections"] for it in sec["items"])
        return total


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 2)


def _explain(rule: str, obligations: Mapping[str, Obligation], lang: Lang) -> tuple[str, str]:
    """The basis and the fix of a rule or obligation."""
    if rule in CATALOG:
        r = CATALOG[rule]
        basis = "；".join(str(b) for b in r.basis)
        return basis, (r.fix_en if lang == "en" else r.fix_zh)
    ob = obligations.get(rule)
    if ob is None:
        return "", ""
    return ob.basis_text(), ob.fix(lang)


def _concerned(G: nx.MultiDiGraph, f: Finding, leaders: Mapping[str, set[str]]) -> set[str]:
    charged = set(subject_orgs(G, f.subject))
    for o in list(charged):
        charged |= leaders.get(o, set())
    return charged


def assess(
    G: nx.MultiDiGraph,
    findings: Iterable[Finding],
    rubric: Mapping[str, Any],
    *,
    obligations: Sequence[Obligation] = (),
    previous: Assessment | None = None,
    lang: Lang = "zh",
    coverage: Sequence[Coverage] = (),
) -> Assessment:
    """Score the rubric's subjects of ``G`` from ``findings``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    findings : iterable of Finding
        Every finding of the register (rules and obligations).
    rubric : mapping
        A validated rubric (:func:`respchain.loaders.obligations.load_rubric`).
    obligations : sequence of Obligation
        The obligations the findings came from (their basis and fix).
    previous : Assessment, optional
        Last year's: each subject's ``change`` is its score minus last year's.
    coverage : sequence of Coverage, optional
        The obligations' figures; each subject keeps those of its own organization.

    Returns
    -------
    Assessment
        Subjects by rank (highest score first; ties share a rank, then by id).
    """
    kinds = set(rubric["subjects"]["kinds"])
    levels = set(rubric["subjects"].get("levels") or ())
    subjects = [
        n
        for n, d in G.nodes(data=True)
        if d.get("kind") == NodeKind.ORGANIZATION
        and d.get("org_kind") in kinds
        and (not levels or d.get("level") in levels)
    ]
    leaders: dict[str, set[str]] = defaultdict(set)
    for u, v, k in G.edges(keys=True):
        if k == RelType.LEADS:
            leaders[v].add(u)
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_rule[f.rule].append(f)
    obs = {o.id: o for o in obligations}
    concerned_memo: dict[tuple[str, str], set[str]] = {}
    own_cov: dict[str, list[Coverage]] = defaultdict(list)
    for c in coverage:
        if c.org:
            own_cov[c.org].append(c)
    scores: list[SubjectScore] = []
    for s in subjects:
        d = G.nodes[s]
        out = SubjectScore(s, d.get("name") or s, 0.0, coverage=own_cov.get(s, []))
        for sec in rubric["sections"]:
            sec_score = 0.0
            for it in sec["items"]:
                left = float(it["points"])
                for rule in it["rules"]:
                    for f in by_rule.get(rule, ()):
                        key = f.key()
                        if key not in concerned_memo:
                            concerned_memo[key] = _concerned(G, f, leaders)
                        if s not in concerned_memo[key]:
                            continue
                        cost = min(float(it["deduct"]), left)
                        left -= cost
                        basis, fix = _explain(rule, obs, lang)
                        out.deductions.append(
                            Deduction(
                                sec["name"],
                                it["name"],
                                rule,
                                f.subject,
                                f.subject_name,
                                f.message_en if lang == "en" else f.message_zh,
                                basis,
                                fix,
                                _num(cost),
                            )
                        )
                sec_score += left
            out.sections.append({"name": sec["name"], "score": _num(sec_score)})
            out.score += sec_score
        out.score = _num(out.score)
        scores.append(out)
    scores.sort(key=lambda x: (-x.score, x.subject))
    for i, x in enumerate(scores):
        x.rank = scores[i - 1].rank if i and scores[i - 1].score == x.score else i + 1
    if previous is not None:
        last = {p.subject: p.score for p in previous.subjects}
        for x in scores:
            if x.subject in last:
                x.change = _num(x.score - last[x.subject])
    as_of = str(G.graph.get("as_of", ""))
    return Assessment(dict(rubric), as_of, scores, previous is not None)


def to_json(a: Assessment) -> dict[str, Any]:
    """The assessment as the JSON of docs/obligations.md."""
    return {
        "rubric": a.rubric["id"],
        "name": a.rubric["name"],
        "as_of": a.as_of,
        "total_points": _num(a.total_points),
        "subjects": [
            {
                "subject": x.subject,
                "name": x.name,
                "score": x.score,
                "rank": x.rank,
                **({"change": x.change} if a.has_previous else {}),
                "sections": x.sections,
                "coverage": [
                    {
                        "obligation": c.obligation,
                        "name_zh": c.name_zh,
                        "name_en": c.name_en,
                        "expected": c.expected,
                        "held": c.held,
                        "percent": c.percent,
                        "unit_zh": c.unit("zh"),
                    }
                    for c in x.coverage
                ],
                "deductions": [
                    {
                        "section": d.section,
                        "item": d.item,
                        "rule": d.rule,
                        "finding_subject": d.finding_subject,
                        "points": d.points,
                        "message": d.message,
                        "basis": d.basis,
                        "fix": d.fix,
                    }
                    for d in x.deductions
                ],
            }
            for x in a.subjects
        ],
    }


def _inert(text: str) -> str:
    """Terminal-safe text: no control characters (escape codes)."""
    return "".join(ch if ch.isprintable() or ch in " \t" else "\ufffd" for ch in str(text))


def render_table(a: Assessment, lang: Lang = "zh") -> str:
    """A plain-text ranking, then each subject's 扣分点."""
    en = lang == "en"
    secs = [s["name"] for s in a.rubric["sections"]]
    head = ["rank" if en else "名次", "subject" if en else "单位", "score" if en else "得分", *secs]
    if a.has_previous:
        head.append("change" if en else "较上年")
    lines = [
        _inert(f"{a.rubric['name']}（{a.rubric['id']}，{a.as_of}，满分 {_num(a.total_points)}）"),
        "\t".join(head),
    ]
    for x in a.subjects:
        row = [str(x.rank), f"{x.name} ({x.subject})", str(x.score), *(str(s["score"]) for s in x.sections)]
        if a.has_previous:
            row.append("" if x.change is None else f"{x.change:+g}")
        lines.append(_inert("\t".join(row)))
    for x in a.subjects:
        if not x.deductions:
            continue
        lines.append("")
        lines.append(_inert(f"{x.name} ({x.subject}) " + ("deductions:" if en else "扣分点：")))
        if x.coverage:
            lines.append(_inert(("  coverage: " if en else "  履责覆盖：") + x.coverage_text(lang)))
        for d in x.deductions:
            lines.append(
                _inert(f"  -{d.points} {d.section}/{d.item} {d.rule} {d.finding_subject}: {d.message}")
            )
            if d.basis:
                lines.append(_inert(("    basis: " if en else "    依据：") + d.basis))
            if d.fix:
                lines.append(_inert(("    fix: " if en else "    整改：") + d.fix))
    return "\n".join(lines) + "\n"


def _cell(v: Any) -> Any:
    return v if isinstance(v, (int, float)) else str(v)


def write_xlsx(a: Assessment, path: str | Path, lang: Lang = "zh") -> Path:
    """A workbook: the ranking (sheet 排名), then one printable sheet per unit with its 扣分点."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from respchain._files import atomic_path

    en = lang == "en"
    wb = Workbook()
    ws = wb.active
    ws.title = "ranking" if en else "排名"
    secs = [s["name"] for s in a.rubric["sections"]]
    head = ["名次", "单位", "单位 id", "得分", *secs] if not en else ["rank", "subject", "id", "score", *secs]
    if a.has_previous:
        head.append("change" if en else "较上年")
    ws.append([a.rubric["name"]])
    ws.append(head)
    for x in a.subjects:
        row = [x.rank, x.name, x.subject, x.score, *(s["score"] for s in x.sections)]
        if a.has_previous:
            row.append(x.change if x.change is not None else "")
        ws.append([_cell(v) for v in row])
    used: set[str] = {ws.title}
    for x in a.subjects:
        title = "".join(ch for ch in x.name if ch not in "[]:*?/\\")[:28] or x.subject[:28]
        base, n = title, 2
        while title in used:
            title = f"{base[:25]}-{n}"
            n += 1
        used.add(title)
        sh = wb.create_sheet(title)
        sh.append([f"{a.rubric['name']}：{x.name}"])
        sh.append(["得分" if not en else "score", x.score, "名次" if not en else "rank", x.rank])
        for s in x.sections:
            sh.append([s["name"], s["score"]])
        if x.coverage:
            sh.append([])
            sh.append(
                ["履责覆盖", "义务", "应有", "实有", "覆盖率（%）"]
                if not en
                else ["coverage", "obligation", "expected", "held", "share (%)"]
            )
            for c in x.coverage:
                sh.append([c.obligation, c.name_en if en else c.name_zh, c.expected, c.held, c.percent])
        sh.append([])
        sh.append(
            ["考核板块", "考核项目", "规则", "对象", "扣分", "扣分原因", "依据", "整改建议"]
            if not en
            else ["section", "item", "rule", "subject", "points", "message", "basis", "fix"]
        )
        hdr = sh.max_row
        for d in x.deductions:
            sh.append(
                [
                    _cell(v)
                    for v in (
                        d.section,
                        d.item,
                        d.rule,
                        d.finding_subject_name,
                        -d.points,
                        d.message,
                        d.basis,
                        d.fix,
                    )
                ]
            )
        sh["A1"].font = Font(bold=True, size=14)
        for c in sh[hdr]:
            c.font = Font(bold=True)
        for r in sh.iter_rows(min_row=1):
            for c in r:
                if isinstance(c.value, str):
                    c.data_type = "s"  # text, never a formula
                c.alignment = Alignment(vertical="top", wrap_text=True)
        for col, wdt in zip("ABCDEFGH", (10, 16, 11, 16, 7, 50, 36, 40), strict=True):
            sh.column_dimensions[col].width = wdt
        sh.page_setup.orientation = "landscape"
        sh.page_setup.fitToWidth = 1
        sh.page_setup.fitToHeight = 0
        sh.sheet_properties.pageSetUpPr.fitToPage = True
        sh.print_title_rows = f"{hdr}:{hdr}"
    for r in ws.iter_rows():
        for c in r:
            if isinstance(c.value, str):
                c.data_type = "s"
    ws["A1"].font = Font(bold=True, size=14)
    for c in ws[2]:
        c.font = Font(bold=True)
    ws.column_dimensions["B"].width = 30
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    path = Path(path)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def render_html(a: Assessment, lang: Lang = "zh") -> str:
    """A standalone, offline page: the ranking with a bar chart (inline SVG) and each unit's 扣分点.

    Every user string is escaped; the page loads nothing from the network.
    """
    e = html.escape
    en = lang == "en"
    total = a.total_points or 1
    bar_h, width = 22, 640
    bars = []
    for i, x in enumerate(a.subjects):
        w = max(0.0, float(x.score)) / total * (width - 260)
        y = i * (bar_h + 6)
        bars.append(
            f'<g class="bar" data-subject="{e(x.subject)}"><text x="0" y="{y + 16}">{e(f"{x.rank}. {x.name}")}</text>'
            f'<rect x="240" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#c0392b"></rect>'
            f'<text x="{245 + w:.1f}" y="{y + 16}">{e(str(x.score))}</text></g>'
        )
    svg_h = max(1, len(a.subjects)) * (bar_h + 6)
    secs = [s["name"] for s in a.rubric["sections"]]
    head = "".join(
        f"<th>{e(h)}</th>"
        for h in (
            ["名次", "单位", "得分", *secs, *(["较上年"] if a.has_previous else [])]
            if not en
            else ["rank", "subject", "score", *secs, *(["change"] if a.has_previous else [])]
        )
    )
    rows = []
    for x in a.subjects:
        cells = [str(x.rank), x.name, str(x.score), *(str(s["score"]) for s in x.sections)]
        if a.has_previous:
            cells.append("" if x.change is None else f"{x.change:+g}")
        rows.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
    details = []
    for x in a.subjects:
        items = "".join(
            f"<tr><td>{e(d.section)}</td><td>{e(d.item)}</td><td>{e(d.rule)}</td><td>-{e(str(d.points))}</td>"
            f"<td>{e(d.message)}</td><td>{e(d.basis)}</td><td>{e(d.fix)}</td></tr>"
            for d in x.deductions
        )
        cov = (
            f"<p class='coverage'>{'coverage' if en else '履责覆盖'}：{e(x.coverage_text(lang))}</p>"
            if x.coverage
            else ""
        )
        details.append(
            f'<section class="unit" id="u-{e(x.subject)}"><h3>{e(x.name)}：{e(str(x.score))}</h3>{cov}'
            + (
                f"<table class='ded'><tr><th>板块</th><th>项目</th><th>规则</th><th>扣分</th><th>原因</th>"
                f"<th>依据</th><th>整改建议</th></tr>{items}</table>"
                if items
                else "<p>无扣分 / no deductions</p>"
            )
            + "</section>"
        )
    title = e(a.rubric["name"])
    return (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{title}</title><style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}"
        "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}svg text{font-size:13px}</style></head><body>"
        f"<h1>{title}</h1><p>{e(a.rubric['id'])} · {e(a.as_of)} · 满分 / full marks {e(str(_num(a.total_points)))}</p>"
        f'<svg id="chart" width="{width}" height="{svg_h}" role="img" aria-label="ranking">{"".join(bars)}</svg>'
        f'<table id="ranking"><tr>{head}</tr>{"".join(rows)}</table>'
        f"<h2>扣分点 / deductions</h2>{''.join(details)}</body></html>\n"
    )
