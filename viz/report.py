"""The gap report page: summary figures, two bar charts, the table of findings and the
coverage of the obligations.

One self-contained HTML page, no script and no network resource: the charts
are inline SVG. With ``graph_href``, subjects and evidence link into the graph
page (``graph.html#node=ID`` selects and focuses the node there).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from html import escape
from pathlib import Path
from urllib.parse import quote

import networkx as nx
from respchain.graph.schema import Lang, NodeKind
from respchain.queries.finding import SEVERITY_ORDER, Finding
from respchain.queries.report import basis_text, caveat, caveat_mark, fix_text
from respchain.viz.style import SEVERITY_COLORS, severity_label, ui

from respchain._files import write_text_atomic

__all__ = ["render_report_html", "save_report_html"]

_SEVS = tuple(SEVERITY_ORDER)
_TOP_ORGS = 15

_CSS = """
* { box-sizing: border-box; }
body { margin: 0; padding: 18px 26px; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
       "PingFang SC", sans-serif; font-size: 14px; color: #212121; background: #fafafa; }
h1 { font-size: 21px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 22px 0 8px; border-bottom: 1px solid #e0e0e0; padding-bottom: 4px; }
.sub { color: #616161; font-size: 13px; margin: 2px 0; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
.card { background: #fff; border: 1px solid #e0e0e0; border-left: 5px solid var(--c); border-radius: 6px;
        padding: 8px 14px; min-width: 110px; }
.card .n { font-size: 24px; font-weight: 700; }
.card .l { color: #616161; font-size: 12px; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
.chart { background: #fff; border: 1px solid #e0e0e0; border-radius: 6px; padding: 8px 12px; }
.legend { display: flex; gap: 14px; font-size: 12px; margin: 6px 0; }
.legend span::before { content: ""; display: inline-block; width: 11px; height: 11px; margin-right: 4px;
                       background: var(--c); vertical-align: -1px; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
th, td { border: 1px solid #e0e0e0; padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f5f5f5; position: sticky; top: 0; }
.sev { display: inline-block; min-width: 2.4em; padding: 0 5px; border-radius: 3px; color: #fff;
       background: var(--c); text-align: center; font-size: 12px; }
.id { color: #757575; font-size: 11px; }
a { color: #1565c0; }
svg text { font-family: inherit; font-size: 12px; fill: #212121; }
"""


def _subject_orgs(G: nx.MultiDiGraph, subject: str) -> list[str]:
    """The organizations a finding about ``subject`` is charged to."""
    try:
        from respchain.queries.engine import subject_orgs

        return subject_orgs(G, subject)
    except ImportError:  # pragma: no cover - the engine is optional here
        a = G.nodes.get(subject, {})
        return [subject] if a.get("kind") == NodeKind.ORGANIZATION else []


def _score_rows(G: nx.MultiDiGraph, findings: list[Finding]) -> list[dict]:
    """Findings per party organization and its subtree (the gaps engine's scores), non-zero only."""
    try:
        from respchain.queries.engine import scores
    except ImportError:  # pragma: no cover - the engine is optional here
        return []
    return [r for r in scores(G, findings) if r.get("total")]


def _name(G: nx.MultiDiGraph, n: str) -> str:
    return str(G.nodes[n].get("name", n)) if n in G else n


def _link(G: nx.MultiDiGraph, n: str, graph_href: str | None, *, text: str | None = None) -> str:
    label = escape(text if text is not None else _name(G, n))
    if not graph_href:
        return label
    href = f"{graph_href}#node={quote(n, safe='')}"
    return f'<a href="{escape(href, quote=True)}">{label}</a>'


def _bar_chart(rows: list[tuple[str, str, dict[str, int]]], lang: Lang) -> str:
    """A horizontal stacked bar chart in SVG: one row per (label, tooltip, counts by severity)."""
    if not rows:
        return f"<p class='sub'>{escape(ui('none', lang))}</p>"
    label_w, bar_w, row_h = 190, 360, 24
    top = max(sum(c.values()) for _, _, c in rows) or 1
    height = row_h * len(rows) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 50}" height="{height}" '
        f'role="img" class="bars">'
    ]
    for i, (label, tip, counts) in enumerate(rows):
        y = 4 + i * row_h
        shown = label if len(label) <= 14 else label[:13] + "…"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end"><title>{escape(tip)}</title>{escape(shown)}</text>'
        )
        x = float(label_w)
        for s in _SEVS:
            n = counts.get(s, 0)
            if not n:
                continue
            w = bar_w * n / top
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" fill="{SEVERITY_COLORS[s]}" '
                f'data-severity="{s}"><title>{escape(tip)} · {escape(severity_label(s, lang))}: {n}</title></rect>'
            )
            x += w
        parts.append(f'<text x="{x + 5:.1f}" y="{y + 15}">{sum(counts.values())}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_report_html(
    findings: Iterable[Finding],
    G: nx.MultiDiGraph,
    *,
    lang: Lang = "zh",
    graph_href: str | None = None,
    coverage: list | None = None,
) -> str:
    """The gap report as one self-contained HTML page.

    Parameters
    ----------
    findings : iterable of Finding
        From :func:`respchain.queries.find_gaps`.
    G : networkx.MultiDiGraph
        The graph the findings are about (names, organizations, ``as_of``).
    lang : {"zh", "en"}
        Language of the page.
    graph_href : str, optional
        Relative address of the graph page; subjects and evidence then link to
        ``graph_href#node=ID``.
    coverage : list of Coverage, optional
        The obligations' coverage figures
        (:func:`respchain.queries.engine.obligation_coverage`): a table of the totals
        and one of every organization (``held/expected``, short ones first).

    Returns
    -------
    str
        The page. Every string from the register is escaped.
    """
    en = lang == "en"
    fs = sorted(findings, key=Finding.sort_key)
    by_sev = Counter(f.severity for f in fs)
    title = G.graph.get("title") or ui("title", lang)
    as_of = str(G.graph.get("as_of", ""))

    cards = [(ui("total", lang), len(fs), "#546e7a")]
    cards += [(severity_label(s, lang), by_sev.get(s, 0), SEVERITY_COLORS[s]) for s in _SEVS]
    cards += [
        (ui("subjects", lang), len({f.subject for f in fs}), "#8d6e63"),
        (ui("rules", lang), len({f.rule for f in fs}), "#5e35b1"),
    ]
    card_html = "".join(
        f'<div class="card" style="--c: {c}"><div class="n">{n}</div><div class="l">{escape(label)}</div></div>'
        for label, n, c in cards
    )

    rule_counts: dict[str, dict[str, int]] = defaultdict(Counter)
    rule_rank: dict[str, int] = {}
    for f in fs:
        rule_counts[f.rule][f.severity] += 1
        rule_rank[f.rule] = min(rule_rank.get(f.rule, 9), SEVERITY_ORDER[f.severity])
    rule_rows = [(r, r, dict(rule_counts[r])) for r in sorted(rule_counts, key=lambda r: (rule_rank[r], r))]

    org_counts: dict[str, dict[str, int]] = defaultdict(Counter)
    orgs_of: dict[str, list[str]] = {}
    for f in fs:
        orgs_of[f.subject] = orgs_of.get(f.subject) or _subject_orgs(G, f.subject)
        for o in orgs_of[f.subject]:
            org_counts[o][f.severity] += 1
    top_orgs = sorted(org_counts, key=lambda o: (-sum(org_counts[o].values()), _name(G, o)))[:_TOP_ORGS]
    org_rows = [(_name(G, o), f"{_name(G, o)} ({o})", dict(org_counts[o])) for o in top_orgs]

    legend = "".join(
        f'<span style="--c: {SEVERITY_COLORS[s]}">{escape(severity_label(s, lang))}</span>' for s in _SEVS
    )
    rows = []
    warn = caveat(G, lang)
    mark = f' <span class="id">（{escape(caveat_mark(G, lang))}）</span>' if warn else ""
    for f in fs:
        c = SEVERITY_COLORS.get(f.severity, "#9e9e9e")
        orgs = "、".join(_link(G, o, graph_href) for o in orgs_of.get(f.subject, []))
        evidence = " ".join(_link(G, e, graph_href, text=e) for e in f.evidence)
        rows.append(
            f'<tr data-rule="{escape(f.rule)}" data-subject="{escape(f.subject)}">'
            f'<td><span class="sev" style="--c: {c}">{escape(severity_label(f.severity, lang))}</span></td>'
            f"<td>{escape(f.rule)}</td>"
            f"<td>{_link(G, f.subject, graph_href, text=f.subject_name or f.subject)}</td>"
            f"<td>{orgs}</td>"
            f"<td>{escape(f.message_en if en else f.message_zh)}{mark}</td>"
            f"<td>{escape(basis_text(f.rule, lang))}</td>"
            f"<td>{escape(fix_text(f.rule, lang))}</td>"
            f"<td>{evidence}</td></tr>"
        )
    table = (
        "<table id='findings'><thead><tr>"
        + "".join(
            f"<th>{escape(ui(k, lang))}</th>"
            for k in (
                "col_sev",
                "col_rule",
                "col_subject",
                "col_org",
                "col_message",
                "col_basis",
                "col_fix",
                "col_evidence",
            )
        )
        + "</tr></thead><tbody>"
        + ("".join(rows) or f"<tr><td colspan='8'>{escape(ui('no_gaps', lang))}</td></tr>")
        + "</tbody></table>"
    )
    score_rows = _score_rows(G, fs)
    if score_rows:
        scores_html = (
            f"<h2>{escape(ui('scores', lang))}</h2><table id='scores'><thead><tr>"
            f"<th>{escape(ui('col_org', lang))}</th>"
            + "".join(f"<th>{escape(severity_label(s, lang))}</th>" for s in _SEVS)
            + f"<th>{escape(ui('total', lang))}</th></tr></thead><tbody>"
            + "".join(
                f"<tr><td>{_link(G, r['org'], graph_href, text=str(r.get('name', r['org'])))}</td>"
                + "".join(f"<td>{int(r['subtree'].get(s, 0))}</td>" for s in _SEVS)
                + f"<td>{int(r['total'])}</td></tr>"
                for r in score_rows
            )
            + "</tbody></table>"
        )
    else:
        scores_html = ""
    graph_link = (
        f'<p><a href="{escape(graph_href, quote=True)}">{escape(ui("open_graph", lang))}</a></p>'
        if graph_href
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="{"en" if en else "zh-CN"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{escape(ui("report_title", lang))} · {escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{escape(ui("report_title", lang))}</h1>
<p class="sub">{escape(title)}{" · " + escape(ui("as_of", lang)) + " " + escape(as_of) if as_of else ""}</p>
{graph_link}
{f'<p class="caveat" id="caveat"><strong>{escape(warn)}</strong></p>' if warn else ""}
<div class="cards" id="summary">{card_html}</div>
<div class="legend">{legend}</div>
<div class="charts">
<div class="chart" id="chart-rules"><h2>{escape(ui("by_rule", lang))}</h2>{_bar_chart(rule_rows, lang)}</div>
<div class="chart" id="chart-orgs"><h2>{escape(ui("by_org", lang, n=_TOP_ORGS))}</h2>{_bar_chart(org_rows, lang)}</div>
</div>
<h2>{escape(ui("table", lang))} ({len(fs)})</h2>
{table}
{scores_html}
{_coverage_html(G, coverage, lang, graph_href)}
</body>
</html>
"""


def _coverage_html(G: nx.MultiDiGraph, coverage: list | None, lang: Lang, graph_href: str | None) -> str:
    """The coverage section: totals per obligation, then every organization (short ones first)."""
    if not coverage:
        return ""
    from respchain.queries.report import coverage_matrix

    en = lang == "en"
    totals, rows = coverage_matrix(coverage)
    head = (
        ("obligation", "name", "held / expected", "share")
        if en
        else ("义务", "名称", "实有 / 应有", "覆盖率")
    )
    total_rows = "".join(
        f'<tr data-obligation="{escape(c.obligation)}"><td>{escape(c.obligation)}</td>'
        f"<td>{escape(c.name_en if en else c.name_zh)}</td>"
        f"<td>{c.held}/{c.expected} {escape(c.unit(lang))}</td>"
        f"<td>{'—' if c.percent is None else escape(f'{c.percent:g}%')}</td></tr>"
        for c in totals
    )

    def cell(c) -> str:
        if c is None:
            return "<td>—</td>"
        style = "" if c.full else ' style="background: #ffebee"'
        return f"<td{style}>{c.held}/{c.expected}</td>"

    org_rows = "".join(
        f'<tr data-org="{escape(org)}"><td>{_link(G, org, graph_href, text=str(name))}</td>'
        + "".join(cell(cs.get(c.obligation)) for c in totals)
        + "</tr>"
        for org, name, cs in rows
    )
    title = (
        "Coverage of the obligations: how many of the expected events happened"
        if en
        else "履责覆盖：应开展的次数（人次）中实际开展了多少"
    )
    if caveat_mark(G, lang):
        title += f" ({caveat_mark(G, lang)})" if en else f"（{caveat_mark(G, lang)}）"
    per_org = "Per organization" if en else "各单位"
    return (
        f"<h2>{escape(title)}</h2><table id='coverage'><thead><tr>"
        + "".join(f"<th>{escape(h)}</th>" for h in head)
        + f"</tr></thead><tbody>{total_rows}</tbody></table>"
        + (
            f"<h2>{escape(per_org)}</h2><table id='coverage-orgs'><thead><tr>"
            f"<th>{escape(ui('col_org', lang))}</th>"
            + "".join(f"<th>{escape(c.obligation)}</th>" for c in totals)
            + f"</tr></thead><tbody>{org_rows}</tbody></table>"
            if rows
            else ""
        )
    )


def save_report_html(
    findings: Iterable[Finding],
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    lang: Lang = "zh",
    graph_href: str | None = None,
    coverage: list | None = None,
) -> Path:
    """Write :func:`render_report_html` to ``path`` as UTF-8, atomically; return ``path``."""
    return write_text_atomic(
        Path(path), render_report_html(findings, G, lang=lang, graph_href=graph_href, coverage=coverage)
    )
