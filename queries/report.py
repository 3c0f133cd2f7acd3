"""Reports of gap findings: table (rich), json (the gaps.md contract), markdown and csv (Excel).

Every format carries the findings and the scores per party organization; the
``lang`` option picks the message language of table, markdown and csv
(json always holds both). The HTML report is :mod:`respchain.viz.report`'s.

Given the coverage figures of the obligations
(:func:`respchain.queries.engine.obligation_coverage`), table, markdown, json
and xlsx also say how many of the expected events happened, per obligation and
per organization (``述责述廉 58/61 人次``).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import orjson
from respchain.graph.schema import Lang, RegisterOrigin, vocab_label
from respchain.queries.catalog import CATALOG
from respchain.queries.engine import SEVERITIES, scores
from respchain.queries.finding import Finding, Severity
from respchain.queries.obligations import Coverage

from respchain._files import atomic_path, write_text_atomic
from respchain._inert import cell, md, visible

__all__ = [
    "FORMATS",
    "render",
    "render_table",
    "render_json",
    "write_json_report",
    "report_dict",
    "render_markdown",
    "render_csv",
    "write_xlsx",
    "basis_text",
    "fix_text",
    "caveat",
    "caveat_mark",
    "finding_rows",
    "coverage_dict",
    "coverage_matrix",
    "write_report",
    "SCHEMA_PATH",
]

FORMATS = ("table", "json", "markdown", "csv")
"""The text formats; the HTML report is drawn by :func:`respchain.viz.report.render_report_html`."""
SCHEMA_PATH = Path(__file__).with_name("gaps.schema.json")
_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "info": "dim"}
_TOP_SCORES = 20


def _msg(f: Finding, lang: Lang) -> str:
    return f.message_en if lang == "en" else f.message_zh


def _title(rule: str, lang: Lang) -> str:
    r = CATALOG.get(rule)
    if r is None:
        from respchain.queries.obligations import default_obligations

        ob = next((o for o in default_obligations() if o.id == rule), None)
        if ob is None:
            return rule
        return ob.name_en if lang == "en" else ob.name_zh
    return r.title_en if lang == "en" else r.title_zh


def _sev(s: str, lang: Lang = "zh") -> str:
    return vocab_label(Severity(s).value, lang, "severity")


def basis_text(rule: str, lang: Lang = "zh") -> str:
    """The regulatory basis of a rule: its documents and articles (``《中国共产党问责条例》第四条``)."""
    r = CATALOG.get(rule)
    return "；".join(str(b) for b in r.basis) if r else ""


def fix_text(rule: str, lang: Lang = "zh") -> str:
    """What to do to clear a finding of the rule (整改建议)."""
    r = CATALOG.get(rule)
    if r is None:
        return ""
    return r.fix_en if lang == "en" else r.fix_zh


_CAVEAT = (
    "本登记册由文章整理：文章只写了部分情况，以下缺口可能只表示\u201c文章未提及\u201d，须向相关单位核实后才能认定。",
    "This register was read from articles: an article tells only part of the story, so a gap below may only mean "
    '"the article does not say"; check with the organizations before taking it as a failure.',
)
_CAVEAT_MARK = ("待核实：文章可能未提及", "to verify: the article may not say")


def caveat(G: nx.MultiDiGraph, lang: Lang = "zh") -> str:
    """The warning of a register read from articles (``meta.origin: article``); empty otherwise."""
    if G.graph.get("origin") != RegisterOrigin.ARTICLE:
        return ""
    return _CAVEAT[1] if lang == "en" else _CAVEAT[0]


def caveat_mark(G: nx.MultiDiGraph, lang: Lang) -> str:
    """The per-finding mark of a register read from articles; empty otherwise."""
    if G.graph.get("origin") != RegisterOrigin.ARTICLE:
        return ""
    return _CAVEAT_MARK[1] if lang == "en" else _CAVEAT_MARK[0]


def _summary(findings: list[Finding]) -> dict[str, int]:
    c = Counter(f.rule for f in findings)
    order = {r: i for i, r in enumerate(CATALOG)}
    return {r: c[r] for r in sorted(c, key=lambda r: (order.get(r, len(order)), r))}


def _groups(findings: list[Finding]) -> list[tuple[str, list[tuple[str, list[Finding]]]]]:
    """Findings grouped by severity (high first), then by rule."""
    out = []
    for sev in SEVERITIES:
        fs = [f for f in findings if f.severity == sev]
        if not fs:
            continue
        by_rule: dict[str, list[Finding]] = {}
        for f in sorted(fs, key=Finding.sort_key):
            by_rule.setdefault(f.rule, []).append(f)
        out.append((sev, list(by_rule.items())))
    return out


def _meta(G: nx.MultiDiGraph, as_of: str | None, period: str | int | None) -> tuple[str, str]:
    return str(as_of or G.graph.get("as_of", "")), str(period or G.graph.get("period", ""))


def _scores(
    G: nx.MultiDiGraph, findings: list[Finding], sc: list[dict[str, Any]] | None
) -> list[dict[str, Any]]:
    return sc if sc is not None else scores(G, findings)


def _split(cov: list[Coverage] | None) -> tuple[list[Coverage], list[Coverage]]:
    """The totals over the register and the figures per organization."""
    cov = list(cov or ())
    return [c for c in cov if not c.org], [c for c in cov if c.org]


def coverage_dict(cov: list[Coverage]) -> dict[str, Any]:
    """The coverage figures as JSON: ``obligations`` (totals) and ``organizations`` (one per obligation and org)."""
    totals, per_org = _split(cov)
    return {"obligations": [c.to_dict() for c in totals], "organizations": [c.to_dict() for c in per_org]}


def coverage_matrix(cov: list[Coverage]) -> tuple[list[Coverage], list[tuple[str, str, dict[str, Coverage]]]]:
    """The totals, and one row per organization: ``(org, name, {obligation: Coverage})``.

    Organizations short of some obligation come first (lowest share held first),
    then the others by id.
    """
    totals, per_org = _split(cov)
    rows: dict[str, tuple[str, str, dict[str, Coverage]]] = {}
    for c in per_org:
        rows.setdefault(c.org, (c.org, c.org_name, {}))[2][c.obligation] = c

    def key(r: tuple[str, str, dict[str, Coverage]]) -> tuple[Any, ...]:
        held = sum(c.held for c in r[2].values())
        expected = sum(c.expected for c in r[2].values())
        return (held >= expected, held / expected if expected else 1.0, r[0])

    return totals, sorted(rows.values(), key=key)


def report_dict(
    findings: list[Finding],
    G: nx.MultiDiGraph,
    *,
    as_of: str | None = None,
    period: str | int | None = None,
    score_rows: list[dict[str, Any]] | None = None,
    coverage: list[Coverage] | None = None,
) -> dict[str, Any]:
    """The JSON report: ``as_of``, ``period``, ``findings``, ``summary``, ``scores`` (gaps.md contract)
    and, given the obligations' figures, ``coverage``."""
    day, year = _meta(G, as_of, period)
    keys = ("rule", "severity", "subject", "subject_name", "message_zh", "message_en")
    extra = {}
    if caveat(G):
        extra = {"origin": G.graph["origin"], "caveat_zh": caveat(G, "zh"), "caveat_en": caveat(G, "en")}
    return {
        "as_of": day,
        "period": year,
        **extra,
        "findings": [{**{k: getattr(f, k) for k in keys}, "evidence": list(f.evidence)} for f in findings],
        "summary": _summary(findings),
        "scores": _scores(G, findings, score_rows),
        **({"coverage": coverage_dict(coverage)} if coverage else {}),
    }


def render_json(
    findings: list[Finding],
    G: nx.MultiDiGraph,
    *,
    as_of: str | None = None,
    period: int | str | None = None,
    score_rows: Any = None,
    coverage: Any = None,
) -> str:
    """The JSON report as text (UTF-8, Chinese kept readable)."""
    data = report_dict(findings, G, as_of=as_of, period=period, score_rows=score_rows, coverage=coverage)
    blob = _orjson(data)
    return blob.decode("utf-8") if blob is not None else json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _orjson(data: Any) -> bytes | None:
    """``data`` as the indented text ``json.dumps(indent=2, ensure_ascii=False)`` writes,
    by orjson (an order of magnitude faster on a province's report); None for what
    orjson refuses (keys that are not text, integers beyond 64 bits): json's encoder
    takes those."""
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except (TypeError, orjson.JSONEncodeError):
        return None


def _nonzero(rows: list[dict[str, Any]], limit: int | None) -> list[dict[str, Any]]:
    rows = [r for r in rows if r["total"]]
    return rows if limit is None else rows[:limit]


def render_table(
    findings: list[Finding],
    G: nx.MultiDiGraph,
    *,
    lang: Lang = "zh",
    as_of: str | None = None,
    period: int | str | None = None,
    score_rows: Any = None,
    color: bool = False,
    width: int = 140,
    coverage: list[Coverage] | None = None,
) -> str:
    """A terminal table: findings grouped by severity and rule, the summary, the scores, then the
    coverage of the obligations (the organizations short of one, at most 20)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    def _t(v: object) -> str:  # user text: no markup, no control character
        return escape(visible(str(v)))

    buf = io.StringIO()
    con = Console(
        file=buf,
        force_terminal=color,
        color_system="standard" if color else None,
        width=width,
        no_color=not color,
        highlight=False,
    )
    day, year = _meta(G, as_of, period)
    title = G.graph.get("title") or "登记册 / register"
    con.print(f"[bold]{_t(title)}[/]  as_of {day}  period {year}  缺口 / gaps: {len(findings)}")
    if caveat(G, lang):
        con.print(f"[bold yellow]{caveat(G, lang)}[/]")
    for sev, rules in _groups(findings):
        n = sum(len(fs) for _, fs in rules)
        t = Table(title=f"{_sev(sev, lang)} ({n})", title_style=_STYLE[sev], show_lines=False, expand=True)
        t.add_column("规则 / rule", style=_STYLE[sev], no_wrap=True)
        t.add_column("对象 / subject", overflow="fold")
        t.add_column("名称 / name", overflow="fold")
        t.add_column("缺口 / gap" if lang == "zh" else "gap", overflow="fold", ratio=3)
        mark = caveat_mark(G, lang)
        for i, (rule, fs) in enumerate(rules):
            if i:
                t.add_section()
            for f in fs:
                t.add_row(
                    rule,
                    _t(f.subject),
                    _t(f.subject_name),
                    _t(_msg(f, lang)) + (f"（{mark}）" if mark else ""),
                )
        con.print(t)
    if not findings:
        con.print("[green]未发现缺口 / no gaps found[/]")
    summ = Table(title="汇总 / summary")
    summ.add_column("规则 / rule")
    summ.add_column("名称 / title")
    summ.add_column("数量 / count", justify="right")
    for rule, c in _summary(findings).items():
        summ.add_row(rule, _title(rule, lang), str(c))
    con.print(summ)
    rows = _nonzero(_scores(G, findings, score_rows), _TOP_SCORES)
    if rows:
        st = Table(title="党组织得分（含下属）/ scores per party organization and its subtree")
        st.add_column("组织 / organization", overflow="fold")
        for s in SEVERITIES:
            st.add_column(_sev(s, lang), justify="right")
        st.add_column("合计 / total", justify="right")
        for r in rows:
            st.add_row(
                _t(f"{r['name']} ({r['org']})"), *(str(r["subtree"][s]) for s in SEVERITIES), str(r["total"])
            )
        con.print(st)
    if coverage:
        totals, rows_c = coverage_matrix(coverage)
        cmark = caveat_mark(G, lang)
        ct = Table(
            title="履责覆盖 / coverage of the obligations: 应有与实有 / expected and held"
            + (f"（{cmark}）" if cmark else "")
        )
        ct.add_column("义务 / obligation", no_wrap=True)
        ct.add_column("名称 / name", overflow="fold")
        ct.add_column("实有/应有 / held/expected", justify="right")
        ct.add_column("未全覆盖的单位 / organizations short", justify="right")
        short_by_ob = Counter(c.obligation for _o, _n, cs in rows_c for c in cs.values() if not c.full)
        for tc in totals:
            ct.add_row(
                tc.obligation,
                _t(tc.name_en if lang == "en" else tc.name_zh),
                tc.text(lang),
                str(short_by_ob[tc.obligation]),
            )
        con.print(ct)
        short = [r for r in rows_c if any(not c.full for c in r[2].values())]
        if short:
            ut = Table(title="未全覆盖的单位 / organizations short of an obligation")
            ut.add_column("组织 / organization", overflow="fold")
            for tc in totals:
                ut.add_column(tc.obligation, justify="right")
            for org, name, cs in short[:_TOP_SCORES]:
                ut.add_row(_t(f"{name} ({org})"), *(_cell_text(cs.get(tc.obligation), lang) for tc in totals))
            con.print(ut)
            if len(short) > _TOP_SCORES:
                con.print(
                    f"另有 {len(short) - _TOP_SCORES} 个单位未全覆盖 / {len(short) - _TOP_SCORES} more organizations short"
                )
        if held := len(rows_c) - len(short):
            who = "其余" if short else "全部"
            en = "the other" if short else "all"
            con.print(f"{who} {held} 个单位全覆盖 / {en} {held} organizations: all held")
    return buf.getvalue()


def _cell_text(c: Coverage | None, lang: Lang) -> str:
    """One cell of the per-organization coverage: ``1/2`` (``—`` when the obligation asks nothing of it)."""
    if c is None:
        return "—"
    return f"{c.held}/{c.expected}"


def _md(s: str) -> str:
    return md(s)


def _code(s: str) -> str:
    """An id as a code span, or as escaped text when it holds a backtick."""
    s = str(s)
    return _md(s) if "`" in s else f"`{_md(s)}`"


def render_markdown(
    findings: list[Finding],
    G: nx.MultiDiGraph,
    *,
    lang: Lang = "zh",
    as_of: str | None = None,
    period: int | str | None = None,
    score_rows: Any = None,
    coverage: list[Coverage] | None = None,
) -> str:
    """A Markdown report: summary, findings by severity and rule, scores, and the coverage of the
    obligations (totals, then every organization)."""
    day, year = _meta(G, as_of, period)
    title = G.graph.get("title") or "登记册 / register"
    out = [
        f"# 责任链缺口 / Gaps: {_md(title)}",
        "",
        f"- as_of: {day}",
        f"- period: {year}",
        f"- 缺口 / gaps: {len(findings)}",
        *(["", f"> **{_md(caveat(G, lang))}**"] if caveat(G, lang) else []),
        "",
        "## 汇总 / Summary",
        "",
        "| 规则 / rule | 级别 / severity | 名称 / title | 数量 / count |",
        "|---|---|---|---:|",
    ]
    for rule, c in _summary(findings).items():
        out.append(
            f"| {rule} | {_sev(CATALOG[rule].severity, lang) if rule in CATALOG else ''} | {_md(_title(rule, lang))} | {c} |"
        )
    for sev, rules in _groups(findings):
        out += ["", f"## {_sev(sev, lang)}"]
        for rule, fs in rules:
            out += [
                "",
                f"### {rule} {_md(_title(rule, lang))} ({len(fs)})",
                "",
                f"依据 / basis: {_md(basis_text(rule, lang))}",
                "",
                f"整改建议 / fix: {_md(fix_text(rule, lang))}",
                "",
                "| 对象 / subject | 名称 / name | 缺口 / gap | 相关记录编号 / record ids |",
                "|---|---|---|---|",
            ]
            mark = caveat_mark(G, lang)
            out += [
                f"| {_code(f.subject)} | {_md(f.subject_name)} | {_md(_msg(f, lang))}"
                f"{_md('（' + mark + '）') if mark else ''} | {_md('、'.join(f.evidence))} |"
                for f in fs
            ]
    rows = _nonzero(_scores(G, findings, score_rows), None)
    out += ["", "## 党组织得分（含下属）/ Scores per party organization and its subtree", ""]
    if rows:
        out.append(
            "| 组织 / organization | " + " | ".join(_sev(s, lang) for s in SEVERITIES) + " | 合计 / total |"
        )
        out.append("|---" * (len(SEVERITIES) + 2) + "|")
        for r in rows:
            out.append(
                f"| {_md(r['name'])} ({_code(r['org'])}) | "
                + " | ".join(str(r["subtree"][s]) for s in SEVERITIES)
                + f" | {r['total']} |"
            )
    else:
        out.append("全部为零 / all zero")
    if coverage:
        out += _coverage_markdown(coverage, lang, caveat_mark(G, lang))
    return "\n".join(out) + "\n"


def _coverage_markdown(coverage: list[Coverage], lang: Lang, mark: str = "") -> list[str]:
    totals, rows = coverage_matrix(coverage)
    out = [
        "",
        "## 履责覆盖 / Coverage of the obligations",
        "",
        "应开展的次数（人次）中实际开展了多少 / how many of the expected events happened."
        + (f"（{_md(mark)}）" if mark else ""),
        "",
        "| 义务 / obligation | 名称 / name | 实有/应有 / held/expected | 覆盖率 / share |",
        "|---|---|---:|---:|",
    ]
    for c in totals:
        pct = "—" if c.percent is None else f"{c.percent:g}%"
        out.append(
            f"| {c.obligation} | {_md(c.name_en if lang == 'en' else c.name_zh)} | "
            f"{c.held}/{c.expected} {c.unit(lang)} | {pct} |"
        )
    if rows:
        out += [
            "",
            "### 各单位 / Per organization",
            "",
            "| 组织 / organization | " + " | ".join(c.obligation for c in totals) + " |",
            "|---" + "|---:" * len(totals) + "|",
        ]
        for org, name, cs in rows:
            out.append(
                f"| {_md(name)} ({_code(org)}) | "
                + " | ".join(_cell_text(cs.get(c.obligation), lang) for c in totals)
                + " |"
            )
    return out


_CSV_COLUMNS = (
    ("级别", "severity"),
    ("规则", "rule"),
    ("规则名称", "rule title"),
    ("对象编号", "subject id"),
    ("对象名称", "subject"),
    ("缺口", "gap"),
    ("依据", "basis"),
    ("整改建议", "fix"),
    ("相关记录编号", "record ids"),
    ("来源", "source"),
)
_CSV_MARK = ("核实说明", "check")


def finding_rows(
    findings: list[Finding], G: nx.MultiDiGraph, lang: Lang = "zh"
) -> tuple[list[str], list[list[str]]]:
    """The one table a unit is handed: header and one row per finding.

    Columns: severity, rule, rule title, subject id, subject name, the gap, the
    regulatory basis (依据: documents and articles), the fix (整改建议), the
    record ids that show the gap, the source; for a register read from articles
    a last column says the gap is to verify.
    """
    en = lang == "en"
    header = [c[1] if en else c[0] for c in _CSV_COLUMNS]
    mark = caveat_mark(G, lang)
    if mark:
        header.append(_CSV_MARK[1] if en else _CSV_MARK[0])
    rows = []
    for f in findings:
        row = [
            _sev(f.severity, lang),
            f.rule,
            _title(f.rule, lang),
            f.subject,
            f.subject_name,
            _msg(f, lang),
            basis_text(f.rule, lang),
            fix_text(f.rule, lang),
            ("、" if not en else ", ").join(f.evidence),
            f.source or "",
        ]
        if mark:
            row.append(mark)
        rows.append(row)
    return header, rows


def render_csv(
    findings: list[Finding],
    G: nx.MultiDiGraph,
    *,
    lang: Lang = "zh",
    as_of: str | None = None,
    period: int | str | None = None,
    score_rows: Any = None,
) -> str:
    """CSV for Excel: a BOM and one table, a row per finding (:func:`finding_rows`)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    header, rows = finding_rows(findings, G, lang)
    w.writerow(header)
    w.writerows([cell(c) for c in row] for row in rows)  # no cell starts a formula
    return "\ufeff" + buf.getvalue()


def write_xlsx(
    findings: list[Finding],
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    lang: Lang = "zh",
    score_rows: Any = None,
    coverage: list[Coverage] | None = None,
) -> Path:
    """An Excel workbook: the findings table (sheet 缺口), the scores (sheet 得分) and, given the
    obligations' figures, their coverage (sheet 覆盖), written atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    en = lang == "en"
    wb = Workbook()
    ws = wb.active
    ws.title = "gaps" if en else "缺口"
    header, rows = finding_rows(findings, G, lang)
    ws.append(header)
    for row in rows:
        ws.append(row)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in ws.iter_rows(min_row=2):
        for c in r:
            c.data_type = "s"  # text, never a formula
            c.alignment = Alignment(vertical="top", wrap_text=True)
    widths = (6, 10, 22, 16, 22, 50, 40, 40, 24, 10, 18)
    for i, wdt in enumerate(widths[: len(header)]):
        ws.column_dimensions[chr(ord("A") + i)].width = wdt
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    sc = wb.create_sheet("scores" if en else "得分")
    sc.append(
        [
            "organization" if en else "组织名称",
            "organization id" if en else "组织编号",
            "kind" if en else "组织类型",
            *(_sev(s, lang) for s in SEVERITIES),
            "total" if en else "合计",
        ]
    )
    for r in _nonzero(_scores(G, findings, score_rows), None):
        sc.append(
            [
                r["name"],
                r["org"],
                vocab_label(r["org_kind"], lang, "org_kind"),
                *(r["subtree"][s] for s in SEVERITIES),
                r["total"],
            ]
        )
    for r in sc.iter_rows(min_row=2, max_col=3):
        for c in r:
            c.data_type = "s"
    if coverage:
        cv = wb.create_sheet("coverage" if en else "覆盖")
        cv.append(
            ["obligation", "name", "organization id", "organization", "expected", "held", "share (%)", "unit"]
            if en
            else ["义务", "义务名称", "组织编号", "组织名称", "应有", "实有", "覆盖率（%）", "单位"]
        )
        for c in coverage:
            cv.append(
                [
                    c.obligation,
                    c.name_en if en else c.name_zh,
                    c.org,
                    c.org_name if c.org else ("whole register" if en else "全部"),
                    c.expected,
                    c.held,
                    c.percent,
                    c.unit(lang),
                ]
            )
        for r in cv.iter_rows(min_row=2):
            for i in (0, 1, 2, 3, 7):
                r[i].data_type = "s"
        for c in cv[1]:
            c.font = Font(bold=True)
        cv.freeze_panes = "A2"
    path = Path(path)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def render(
    findings: list[Finding],
    G: nx.MultiDiGraph,
    fmt: str = "table",
    *,
    lang: Lang = "zh",
    as_of: str | None = None,
    period: int | str | None = None,
    color: bool = False,
    coverage: list[Coverage] | None = None,
) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`); ``coverage`` adds the obligations' figures
    (csv stays the one table of findings)."""
    sc = scores(G, findings)
    if fmt == "json":
        return render_json(findings, G, as_of=as_of, period=period, score_rows=sc, coverage=coverage)
    if fmt == "table":
        return render_table(
            findings, G, lang=lang, as_of=as_of, period=period, score_rows=sc, color=color, coverage=coverage
        )
    if fmt == "markdown":
        return render_markdown(
            findings, G, lang=lang, as_of=as_of, period=period, score_rows=sc, coverage=coverage
        )
    if fmt == "csv":
        return render_csv(findings, G, lang=lang, as_of=as_of, period=period, score_rows=sc)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def write_json_report(
    findings: list[Finding],
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    as_of: str | None = None,
    period: int | str | None = None,
    coverage: list[Coverage] | None = None,
) -> Path:
    """Write the JSON report of :func:`render_json` to ``path`` (the same text), through a
    temporary file and a rename: never a partial file. What orjson refuses is
    streamed by json's encoder."""
    data = report_dict(findings, G, as_of=as_of, period=period, coverage=coverage)
    with atomic_path(path) as tmp:
        try:
            with tmp.open("wb", buffering=1 << 20) as fb:
                _write_orjson(data, fb)
        except (TypeError, orjson.JSONEncodeError):
            with tmp.open("w", encoding="utf-8", newline="", buffering=1 << 20) as f:
                json.dump(data, f, ensure_ascii=False, indent=2)
                f.write("\n")
    return Path(path)


def _write_orjson(data: dict[str, Any], f: Any) -> None:
    """Write ``data`` as :func:`_orjson` would, a list item at a time (a province's
    report is never held whole as text)."""
    opt = orjson.OPT_INDENT_2
    f.write(b"{")
    for n, (k, v) in enumerate(data.items()):
        f.write(b",\n  " if n else b"\n  ")
        f.write(orjson.dumps(k) + b": ")
        if isinstance(v, list) and v:
            f.write(b"[")
            for i, x in enumerate(v):
                f.write(b",\n    " if i else b"\n    ")
                f.write(orjson.dumps(x, option=opt).replace(b"\n", b"\n    "))
            f.write(b"\n  ]")
        else:
            f.write(orjson.dumps(v, option=opt).replace(b"\n", b"\n  "))
    f.write(b"\n}\n" if data else b"}\n")


def write_report(text: str, path: str | Path) -> Path:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file and a rename: never a partial file."""
    return write_text_atomic(path, text, newline="")
