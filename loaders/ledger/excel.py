"""Ledgers written as Excel: a list with its gaps marked, and a blank template with drop-down lists."""

from __future__ import annotations

import datetime as _dt
import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from respchain.graph.schema import RESPONSIBILITY_INFO, Lang, NodeKind, RelType, vocab_label
from respchain.loaders.ledger.evidence import split_evidence
from respchain.loaders.ledger.headers import _TEMPLATE_COLUMNS, HEADER_ALIASES, LEDGER_COLUMNS
from respchain.loaders.ledger.lists import _write_file
from respchain.loaders.ledger.sheets import _META_MARK
from respchain.loaders.ledger.text import _SPLIT_RE, _key, _nfkc

from respchain._inert import cell as inert
from respchain.exceptions import InputError, Problem

_FILLS = {"high": "FFC7CE", "medium": "FFEB9C", "low": "DDEBF7", "info": "EDEDED"}
_GAP_COLUMN = {"LIST-001": "responsible", "LIST-002": "lead", "LIST-003": "due", "LIST-004": "due"}
LEDGER_RULES = ("LIST-001", "LIST-002", "LIST-003", "LIST-004")
"""The rules whose findings a ledger's 缺口 column shows (the others are not about one task)."""


def _list_findings(findings: Iterable[Any], task_ids: set[str]) -> dict[str, list]:
    """The findings of :data:`LEDGER_RULES` per task id, in the order given."""
    out: dict[str, list] = {}
    for fd in findings:
        if fd.rule in LEDGER_RULES and fd.subject in task_ids:
            out.setdefault(fd.subject, []).append(fd)
    return out


def _display_names(G: Any, kind: str) -> dict[str, str]:
    """Id -> the text a ledger shows: the name, or ``名称（id）`` when the name is shared."""
    counts: dict[str, int] = {}
    ids = [n for n, a in G.nodes(data=True) if a.get("kind") == kind]
    for n in ids:
        k = _key(G.nodes[n].get("name", n))
        counts[k] = counts.get(k, 0) + 1
    out = {}
    for n in ids:
        name = G.nodes[n].get("name", n)
        out[n] = name if counts[_key(name)] == 1 and not _SPLIT_RE.search(_nfkc(name)) else f"{name}（{n}）"
    return out


def _text_width(s: str) -> int:
    """Display width: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _fit_widths(ws: Any, ncols: int, first_row: int, minimum: int = 6, maximum: int = 50) -> None:
    from openpyxl.utils import get_column_letter

    for c in range(1, ncols + 1):
        widest = minimum
        for (v,) in ws.iter_rows(min_row=first_row, min_col=c, max_col=c, values_only=True):
            if v is None:
                continue
            s = v.isoformat()[:10] if isinstance(v, (_dt.date, _dt.datetime)) else str(v)
            widest = max(widest, max(_text_width(line) for line in s.split("\n")))
        ws.column_dimensions[get_column_letter(c)].width = min(widest + 2, maximum)


def _graph(source: Any) -> Any:
    import networkx as nx
    from respchain.loaders.graph import load_graph

    return source if isinstance(source, nx.MultiDiGraph) else load_graph(source)


def write_ledger(
    source: Any,
    list_id: str,
    path: str | Path,
    *,
    findings: Iterable[Any] = (),
    lang: Lang = "zh",
    deadlines: Mapping[str, tuple[str, str]] | None = None,
) -> Path:
    """Write one list of a register as an Excel ledger (台账).

    Parameters
    ----------
    source : networkx.MultiDiGraph, Register, path or sequence of paths
        The graph of a register (:func:`respchain.graph.graph_from_register`), or
        the register itself.
    list_id : str
        The id of the list to write.
    path : str or Path
        The ``.xlsx`` file to write (atomically).
    findings : iterable of Finding
        The gaps to mark, as :func:`respchain.queries.find_gaps` gives them
        (worst first), e.g. ``find_gaps(G, rules=LEDGER_RULES, as_of=...)``:
        those of :data:`LEDGER_RULES` about the list's tasks fill the 缺口 column.
    lang : str
        The language of the values (status, the duty implemented, the gaps):
        ``zh`` (default) or ``en``; the headers stay those :func:`read_ledger` reads.
    deadlines : mapping, optional
        Task id -> ``(label, RGB fill)`` of its deadline state (红 overdue, 黄 due
        soon or done late, 绿 on time), as the caller computes it, e.g. from
        :func:`respchain.queries.due.due_items`. When given, a 期限状态 column
        shows the label and the 完成时限 and 期限状态 cells take the fill.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        When the register has no list ``list_id``.

    Notes
    -----
    Row 1 is the title, row 2 the header (frozen, with a filter). People and
    units are written by name (``名称（id）`` when a name is shared), dates as
    Excel dates; a due text such as 长期坚持 stays text. The 缺口 column lists the
    LIST-rule gaps of each task; the 缺口 cell and the cell at fault are filled
    red (high), yellow (medium) or blue (low). :func:`read_ledger` reads the
    file back into the same list.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    G = _graph(source)
    tasks = _list_tasks(G, list_id)
    la = G.nodes[list_id]
    rows = _Rows.of(G, tasks, findings, lang, deadlines)
    gaps = rows.gaps

    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(la.get("name") or list_id)
    cols = tuple(c for c in LEDGER_COLUMNS if c != "deadline" or deadlines is not None)
    ncol = len(cols)
    owner = G.nodes[la["owner"]].get("name", la["owner"]) if la.get("owner") in G else la.get("owner", "")
    _put(ws, 1, 1, la.get("name") or list_id).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.row_dimensions[1].height = 26
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="D9E1F2")
    for c, key in enumerate(cols, 1):
        cell = ws.cell(2, c, HEADER_ALIASES[key][0])
        cell.font = Font(bold=True)
        cell.fill = head_fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    col_of = {k: i + 1 for i, k in enumerate(cols)}
    # Named styles: one style record for all body cells (styling cell by cell is slow).
    wrap = Alignment(vertical="top", wrap_text=True)
    wb.add_named_style(NamedStyle("台账正文", border=border, alignment=wrap))
    wb.add_named_style(NamedStyle("台账日期", border=border, alignment=wrap, number_format="yyyy-mm-dd"))
    for i, tid in enumerate(tasks, 1):
        values = rows.values(tid, i)
        found = gaps.get(tid, [])
        r = i + 2
        for key, v in values.items():
            if key not in col_of:
                continue
            cell = _put(ws, r, col_of[key], v)
            cell.style = "台账日期" if isinstance(v, _dt.date) else "台账正文"
        state = (deadlines or {}).get(tid)
        if state and state[1]:
            for key in ("due", "deadline"):
                ws.cell(r, col_of[key]).fill = PatternFill("solid", fgColor=state[1])
        if found:
            worst = min(found, key=lambda fd: fd.sort_key())
            ws.cell(r, col_of["gaps"]).fill = PatternFill(
                "solid", fgColor=_FILLS.get(worst.severity, "FFC7CE")
            )
            for fd in found:
                at = _GAP_COLUMN.get(fd.rule)
                if at:
                    ws.cell(r, col_of[at]).fill = PatternFill(
                        "solid", fgColor=_FILLS.get(fd.severity, "FFC7CE")
                    )
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{_col(ncol)}{max(2, len(tasks) + 2)}"
    _fit_widths(ws, ncol, 2)
    ws.column_dimensions[_col(col_of["seq"])].width = 6
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"
    wb.properties.title = la.get("name") or list_id
    wb.properties.subject = f"{list_id} · {owner}"
    wb.properties.keywords = f"{_META_MARK} year={la['year']}" if la.get("year") else _META_MARK
    return _write_file(Path(path), lambda p: wb.save(p))


def _list_tasks(G: Any, list_id: str) -> list[str]:
    """The task ids of list ``list_id`` in order; an error naming the closest lists when there is none."""
    if list_id not in G or G.nodes[list_id].get("kind") != NodeKind.LIST.value:
        lists = sorted(n for n, a in G.nodes(data=True) if a.get("kind") == NodeKind.LIST.value)
        hint = difflib.get_close_matches(list_id, lists, n=3, cutoff=0.3) or lists[:10]
        raise InputError(
            Problem(
                "",
                0,
                "--list",
                f"没有此清单 / no list {list_id!r}"
                + (f" (有 / available: {', '.join(hint)})" if hint else ""),
            )
        )
    return [v for _, v, d in G.out_edges(list_id, data=True) if d.get("type") == RelType.HAS_TASK.value]


@dataclass(frozen=True)
class _Rows:
    """What the cells of a written ledger's task rows come from: the graph, its names, the gaps."""

    G: Any
    people: Mapping[str, str]
    orgs: Mapping[str, str]
    evidence: Mapping[str, str]
    gaps: Mapping[str, list]
    lang: Lang
    deadlines: Mapping[str, tuple[str, str]] | None

    @classmethod
    def of(
        cls,
        G: Any,
        tasks: list[str],
        findings: Iterable[Any],
        lang: Lang,
        deadlines: Mapping[str, tuple[str, str]] | None,
    ) -> _Rows:
        return cls(
            G,
            _display_names(G, NodeKind.PERSON.value),
            _display_names(G, NodeKind.ORGANIZATION.value),
            _evidence_names(G),
            _list_findings(findings, set(tasks)),
            lang,
            deadlines,
        )

    def values(self, tid: str, seq: int) -> dict[str, Any]:
        """The cells of task ``tid``'s row numbered ``seq``, by column key."""
        return _task_values(
            self.G,
            tid,
            seq,
            people=self.people,
            orgs=self.orgs,
            evidence=self.evidence,
            lang=self.lang,
            found=self.gaps.get(tid, []),
            deadlines=self.deadlines,
        )


def _task_values(
    G: Any,
    tid: str,
    seq: int,
    *,
    people: Mapping[str, str],
    orgs: Mapping[str, str],
    evidence: Mapping[str, str],
    lang: Lang,
    found: list,
    deadlines: Mapping[str, tuple[str, str]] | None,
) -> dict[str, Any]:
    """The cells of one task's row, by column key, as an exported ledger shows them."""
    a = G.nodes[tid]
    out: dict[str, list[str]] = {
        t: [] for t in (RelType.RESPONSIBLE.value, RelType.LEAD.value, RelType.ASSIST.value)
    }
    impl = None
    proofs: list[str] = []
    for _, v, d in G.out_edges(tid, data=True):
        if d.get("type") in out:
            out[d["type"]].append(v)
        elif d.get("type") == RelType.IMPLEMENTS.value:
            impl = G.nodes[v].get("code")
        elif d.get("type") == RelType.HAS_EVIDENCE.value:
            proofs.append(v)
    impl = a.get("implements") or impl
    due: Any = None
    if a.get("due"):
        due = _dt.date.fromisoformat(a["due"])
    elif a.get("due_note"):
        due = a["due_note"]
    return {
        "seq": seq,
        "id": tid,
        "goal": a.get("goal") or a.get("name"),
        "measure": a.get("measure"),
        "responsible": "、".join(people.get(p, p) for p in out[RelType.RESPONSIBLE.value]) or None,
        "lead": "、".join(orgs.get(o, o) for o in out[RelType.LEAD.value]) or None,
        "assist": "、".join(orgs.get(o, o) for o in out[RelType.ASSIST.value]) or None,
        "due": due,
        "deadline": (deadlines or {}).get(tid, (None, None))[0],
        "status": vocab_label("done" if a.get("status") == "done" else "open", lang, "task_status"),
        "done_on": _dt.date.fromisoformat(a["done_on"]) if a.get("done_on") else None,
        "progress": a.get("progress"),
        "evidence": "\n".join(evidence.get(e, e) for e in _ordered(a.get("evidence"), proofs)) or None,
        "implements": vocab_label(impl, lang, "responsibility_type") if impl in RESPONSIBILITY_INFO else None,
        "note": a.get("note"),
        "gaps": "\n".join(f"{fd.rule} {fd.message_en if lang == 'en' else fd.message_zh}" for fd in found)
        or None,
    }


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def _sheet_title(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "台账"


def _put(ws: Any, row: int, col: int, value: Any) -> Any:
    """Write ``value`` into a cell as inert text (:func:`respchain._inert.cell`): a name starting
    with ``=`` gets a leading ``'`` and is stored as a string, never a formula."""
    c = ws.cell(row, col, inert(value))
    if isinstance(c.value, str):
        c.data_type = "s"
    return c


def _ordered(given: Any, found: list[str]) -> list[str]:
    """Evidence ids in the order the register gives them, then any others the graph holds."""
    first = [given] if isinstance(given, str) else list(given or ())
    return first + sorted(e for e in found if e not in first)


def _evidence_names(G: Any) -> dict[str, str]:
    """Evidence id -> the text a ledger shows: its title, or ``标题（id）`` when the title is shared
    or would be split when read back (it holds 、 ; or a line break)."""
    ids = [n for n, a in G.nodes(data=True) if a.get("kind") == NodeKind.EVIDENCE.value]
    counts: dict[str, int] = {}
    for n in ids:
        k = _key(G.nodes[n].get("name") or G.nodes[n].get("title") or n)
        counts[k] = counts.get(k, 0) + 1
    out = {}
    for n in ids:
        title = G.nodes[n].get("name") or G.nodes[n].get("title") or n
        plain = counts[_key(title)] == 1 and len(split_evidence(title)) == 1 and title == title.strip()
        out[n] = title if plain else f"{title}（{n}）"
    return out


# ---------------------------------------------------------------------------
# Template


def write_template(
    path: str | Path, register: Any = None, *, rows: int = 500, title: str | None = None
) -> Path:
    """Write an empty ledger to fill in, with data validation.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` file to write (atomically).
    register : Register, graph, path or sequence of paths, optional
        When given, 牵头单位 and 协助部门 offer its units and 责任人 its people
        in drop-down lists (kept on the hidden sheet 名单). A name typed by hand
        (several names, separated by 、) is allowed after a warning.
    rows : int
        How many rows carry the validation.
    title : str, optional
        The title row; default ``全面从严治党责任清单（台账）``.

    Returns
    -------
    Path
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    cols = _TEMPLATE_COLUMNS
    col_of = {k: i + 1 for i, k in enumerate(cols)}
    _put(ws, 1, 1, title or "全面从严治党责任清单（台账）").font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(cols))
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    for key, c in col_of.items():
        cell = ws.cell(2, c, HEADER_ALIASES[key][0])
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    first, last = 3, rows + 2

    def rng(key: str) -> str:
        return f"{_col(col_of[key])}{first}:{_col(col_of[key])}{last}"

    def add(dv: DataValidation, *keys: str) -> None:
        ws.add_data_validation(dv)
        for k in keys:
            dv.add(rng(k))

    date_dv = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",
        allow_blank=True,
        errorStyle="warning",
        promptTitle="完成时限 / due",
        prompt="填写日期，如 2025-12-31；长期工作可写“长期坚持” / a date, or text such as 长期坚持",
        errorTitle="不是日期 / not a date",
        error="不是日期，将作为说明文字保存 / not a date: kept as a note",
    )
    add(date_dv, "due")
    done_dv = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",
        allow_blank=True,
        promptTitle="完成日期 / date done",
        prompt="任务完成的日期，如 2025-07-15；填写后状态为已完成 / the date the task was finished (it is then done)",
        errorTitle="不是日期 / not a date",
        error="完成日期须为日期 / the date done must be a date",
    )
    add(done_dv, "done_on")
    for r in range(first, last + 1):
        ws.cell(r, col_of["due"]).number_format = "yyyy-mm-dd"
        ws.cell(r, col_of["done_on"]).number_format = "yyyy-mm-dd"
    add(DataValidation(type="list", formula1='"已完成,未完成"', allow_blank=True), "status")
    types = ",".join(i["zh"] for i in RESPONSIBILITY_INFO.values())
    add(DataValidation(type="list", formula1=f'"{types}"', allow_blank=True), "implements")
    if register is not None:
        G = _graph(register)
        orgs = sorted(_display_names(G, NodeKind.ORGANIZATION.value).values())
        people = sorted(_display_names(G, NodeKind.PERSON.value).values())
        lists = wb.create_sheet("名单")
        lists.cell(1, 1, "单位 / units")
        lists.cell(1, 2, "人员 / people")
        for i, n in enumerate(orgs, 2):
            _put(lists, i, 1, n)
        for i, n in enumerate(people, 2):
            _put(lists, i, 2, n)
        lists.sheet_state = "hidden"
        if orgs:
            add(
                DataValidation(
                    type="list",
                    formula1=f"'名单'!$A$2:$A${len(orgs) + 1}",
                    allow_blank=True,
                    errorStyle="warning",
                    error="登记册中没有此单位 / not a unit of the register",
                    errorTitle="单位 / unit",
                ),
                "lead",
                "assist",
            )
        if people:
            add(
                DataValidation(
                    type="list",
                    formula1=f"'名单'!$B$2:$B${len(people) + 1}",
                    allow_blank=True,
                    errorStyle="warning",
                    error="登记册中没有此人员 / not a person of the register",
                    errorTitle="人员 / person",
                ),
                "responsible",
            )
    widths = {
        "seq": 6,
        "goal": 36,
        "measure": 36,
        "responsible": 14,
        "lead": 22,
        "assist": 22,
        "due": 14,
        "status": 10,
        "done_on": 14,
        "progress": 28,
        "evidence": 28,
        "implements": 16,
        "note": 20,
    }
    for key, c in col_of.items():
        ws.column_dimensions[_col(c)].width = widths.get(key, 12)
    ws.freeze_panes = "A3"
    return _write_file(Path(path), lambda p: wb.save(p))
