"""A list written back into the ledger it was imported from, keeping the office's own layout.

Offices keep their ledgers in their own form: a title, their own header words
(工作任务 rather than 任务目标), section headings, merged cells, a 填报 row at the
foot (填表人：… 日期：…), column widths and print settings. :func:`write_ledger_like`
takes such a workbook and the list imported from it, and writes a copy in which

* each task row is found again (by its 任务目标, in order) and only the cells whose
  value the register changed are rewritten — a cell that still reads as the
  register's value (``王某``, ``县委书记``, ``2025年12月底``) is left as written;
* tasks of the list that the ledger does not hold are added below its last task,
  in the style of that row, before any 填报 row (merged ranges below move down);
* the 缺口 column (added at the right of the header when the ledger has none)
  lists the LIST-rule gaps of each task, and the 完成时限 cell takes the colour of
  its deadline state when deadline states are given.

Everything else — titles, headings, footers, other sheets, styles, merged
ranges, widths — stays as it was.
"""

from __future__ import annotations

import copy
import datetime as _dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from respchain.graph.inverse import register_data_from_graph
from respchain.graph.schema import Lang, RelType
from respchain.loaders.ledger.evidence import split_evidence
from respchain.loaders.ledger.excel import (
    _FILLS,
    _GAP_COLUMN,
    _graph,
    _list_tasks,
    _put,
    _Rows,
)
from respchain.loaders.ledger.headers import HEADER_ALIASES, TASK_HEADERS
from respchain.loaders.ledger.lists import _write_file
from respchain.loaders.ledger.names import _Index
from respchain.loaders.ledger.rows import _Ctx, _is_heading, _row_task
from respchain.loaders.ledger.sheets import _read_xlsx, check_workbook
from respchain.loaders.ledger.text import _key, _text
from respchain.loaders.register import register_from_data

from respchain.exceptions import InputError, Problem

__all__ = ["write_ledger_like", "MAX_LIKE_BYTES"]

MAX_LIKE_BYTES = 32 * 2**20
"""Largest uncompressed workbook taken as a layout: it is read whole, with its styles."""

# Fields compared as the import reads them (names to ids, dates), the others as text.
_READ_FIELDS = ("responsible", "lead", "assist", "due", "status", "done_on")
_TEXT_FIELDS = ("measure", "progress", "evidence", "implements", "note")


def write_ledger_like(
    source: Any,
    list_id: str,
    like: str | Path,
    path: str | Path,
    *,
    findings: Iterable[Any] = (),
    lang: Lang = "zh",
    deadlines: Mapping[str, tuple[str, str]] | None = None,
    notes: list[str] | None = None,
) -> Path:
    """Write a list into a copy of the ledger ``like``, keeping its layout.

    Parameters
    ----------
    source : networkx.MultiDiGraph, Register, path or sequence of paths
        The graph of the register holding the list.
    list_id : str
        The list to write.
    like : str or Path
        The office's ``.xlsx`` ledger the list was imported from (or one of the same form).
    path : str or Path
        The ``.xlsx`` file to write (atomically); it may be ``like`` itself.
    findings, lang, deadlines
        As for :func:`~respchain.loaders.ledger.write_ledger`.
    notes : list, optional
        Receives remarks: rows of the ledger the list no longer has, cells left
        because a merged range above owns them.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        When the list is not in the register, or ``like`` is not a workbook with a
        ledger header, or is larger than :data:`MAX_LIKE_BYTES` uncompressed.
    """
    import openpyxl

    G = _graph(source)
    tasks = _list_tasks(G, list_id)
    like = Path(like)
    file = str(like)
    if like.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputError(
            Problem(file, 0, "--like", "版式台账须为 .xlsx / the layout ledger must be an .xlsx workbook")
        )
    if not like.exists():
        raise InputError(Problem(file, 0, "--like", "文件不存在 / no such file"))
    check_workbook(like)
    import zipfile

    with zipfile.ZipFile(like) as z:
        size = sum(i.file_size for i in z.infolist())
    if size > MAX_LIKE_BYTES:
        raise InputError(
            Problem(
                file,
                0,
                "--like",
                f"作为版式的台账解压后超过 {MAX_LIKE_BYTES >> 20} MB / the "
                f"layout ledger is over {MAX_LIKE_BYTES >> 20} MB uncompressed",
            )
        )
    sheets = _read_xlsx(like)  # values with merged cells filled, as the import read them
    try:
        wb = openpyxl.load_workbook(like, keep_vba=like.suffix.lower() == ".xlsm")
    except Exception as e:  # openpyxl raises many kinds (zipfile, KeyError, InvalidFileException)
        raise InputError(
            Problem(file, 0, "--like", f"无法读取 Excel 文件 / cannot read the workbook: {e}")
        ) from None

    reg = register_from_data([("<register>", register_data_from_graph(G), None)])
    year = G.nodes[list_id].get("year")
    ctx = _Ctx(file, _Index.build(reg), year)
    rows = _Rows.of(G, tasks, findings, lang, deadlines)
    gaps = rows.gaps
    by_goal: dict[str, list[str]] = {}
    for tid in tasks:
        by_goal.setdefault(_key(G.nodes[tid].get("goal") or G.nodes[tid].get("name") or ""), []).append(tid)

    placed: set[str] = set()
    # Pass 1: the task rows of every sheet, matched to the list's tasks by their goals.
    found_sheets: list[tuple[Any, int, dict[int, str], list[tuple[int, str, dict]], int, int]] = []
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    for sheet, ws in zip(sheets, visible, strict=False):
        found = TASK_HEADERS.find(sheet.rows)
        if found is None:
            continue
        hr, cols, _unknown = found
        goal_col = next(c for c, f in cols.items() if f == "goal")
        header_text = {c: str(sheet.rows[hr][c]).strip() for c in cols}
        last, seq = hr + 1, 0
        matched: list[tuple[int, str, dict]] = []
        for r in range(hr + 1, len(sheet.rows)):
            row = sheet.rows[r]
            if not any(_text(v) is not None for v in row) or _is_heading(sheet, r, row, cols, goal_col):
                continue
            if TASK_HEADERS.field(row[goal_col] if goal_col < len(row) else None) == "goal":
                continue
            rownum = r + 1
            last = rownum
            seq_v = next((row[c] for c, f in cols.items() if f == "seq" and c < len(row)), None)
            if isinstance(seq_v, int) or (isinstance(seq_v, str) and seq_v.isdigit()):
                seq = max(seq, int(seq_v))
            goal = _key((_text(row[goal_col]) if goal_col < len(row) else None) or "")
            match = next((t for t in by_goal.get(goal) or () if t not in placed), None)
            if match is None:
                if notes is not None:
                    notes.append(
                        f"{sheet.name}!{rownum}: 清单中没有此任务，原样保留 / the list has no such task: "
                        "left as it was"
                    )
                continue
            placed.add(match)
            cells = {f: (row[c] if c < len(row) else None, c) for c, f in cols.items()}
            was = _row_task(sheet, rownum, cells, header_text, _Ctx(file, ctx.index, year)) or {}
            matched.append((rownum, match, was))
        found_sheets.append((ws, hr + 1, cols, matched, last, seq))
    if not found_sheets:
        raise InputError(
            Problem(
                file,
                0,
                "--like",
                "未找到台账表头（须有任务目标列）/ no ledger header found in the "
                "layout ledger (a goal column such as 任务目标)",
            )
        )
    new = [t for t in tasks if t not in placed]

    # Pass 2: the columns the changes need, the rows rewritten, the new tasks added.
    for k, (ws, header_row, cols, matched, _last, seq) in enumerate(found_sheets):
        here = [(tid, was) for _, tid, was in matched] + ([(t, {}) for t in new] if k == 0 else [])
        for f in _needed_columns(G, cols, here):
            _extra_col(ws, header_row, cols, f)
        for rownum, tid, was in matched:
            values = rows.values(tid, seq)
            _update_row(ws, rownum, cols, G, tid, values, was, notes)
        _mark(ws, header_row, cols, [(r, t) for r, t, _ in matched], gaps, deadlines, lang)
    if new:
        ws, header_row, cols, _matched, last, seq = found_sheets[0]
        _append(
            ws,
            header_row,
            cols,
            last,
            seq,
            new,
            G,
            list_id,
            rows,
            notes,
        )
    return _write_file(Path(path), lambda p: wb.save(p))


def _same_people(was: dict, values_ids: list[str]) -> bool:
    got = was.get("responsible")
    got_ids = [got] if isinstance(got, str) else list(got or ())
    return set(got_ids) == set(values_ids)


def _targets(G: Any, tid: str, rel: str) -> list[str]:
    return [v for _, v, d in G.out_edges(tid, data=True) if d.get("type") == rel]


def _writable(ws: Any, row: int, col: int) -> Any:
    """The cell to write for (row, col): itself, or None when a merged range from an earlier row owns it."""
    from openpyxl.cell.cell import MergedCell

    cell = ws.cell(row, col)
    if not isinstance(cell, MergedCell):
        return cell
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= row <= rng.max_row and rng.min_col <= col <= rng.max_col:
            return ws.cell(rng.min_row, rng.min_col) if rng.min_row == row else None
    return None


def _set(ws: Any, row: int, col: int, value: Any, notes: list[str] | None, header: str) -> None:
    cell = _writable(ws, row, col)
    if cell is None:
        if notes is not None:
            notes.append(
                f"{ws.title}!{row} {header}: 合并单元格由上一行填写，未改 / a merged cell owned by a row "
                "above: not changed"
            )
        return
    was_date = cell.is_date
    if value is None:
        cell.value = None  # ws.cell(..., value=None) would leave the old value
        return
    _put(ws, cell.row, cell.column, value)
    if isinstance(value, _dt.date) and not was_date:
        cell.number_format = "yyyy-mm-dd"


def _update_row(
    ws: Any,
    row: int,
    cols: dict[int, str],
    G: Any,
    tid: str,
    values: dict[str, Any],
    was: dict | None,
    notes: list[str] | None,
) -> None:
    """Rewrite the cells of one task row whose value the register changed."""
    a = G.nodes[tid]
    col_of = {f: c + 1 for c, f in cols.items()}
    header = {f: HEADER_ALIASES[f][0] for f in col_of}
    was = was or {}
    people = _targets(G, tid, RelType.RESPONSIBLE.value)
    if not _same_people(was, people):
        if "responsible" in col_of:
            _set(ws, row, col_of["responsible"], values["responsible"], notes, header["responsible"])
            if "leader" in col_of:
                _set(ws, row, col_of["leader"], None, notes, header["leader"])
        elif "leader" in col_of:
            _set(ws, row, col_of["leader"], values["responsible"], notes, header["leader"])
    lead, assist = _targets(G, tid, RelType.LEAD.value), _targets(G, tid, RelType.ASSIST.value)
    if was.get("lead") != (lead[0] if lead else None) or set(was.get("assist") or ()) != set(assist):
        if "lead" in col_of:
            text = (
                values["lead"]
                if "assist" in col_of
                else "、".join(x for x in (values["lead"], values["assist"]) if x)
            )
            _set(ws, row, col_of["lead"], text or None, notes, header["lead"])
        if "assist" in col_of:
            _set(ws, row, col_of["assist"], values["assist"], notes, header["assist"])
    if "due" in col_of and (was.get("due"), was.get("due_note")) != (a.get("due"), a.get("due_note")):
        _set(ws, row, col_of["due"], values["due"], notes, header["due"])
    status = "done" if a.get("status") == "done" else "open"
    if "status" in col_of and was.get("status") != status:
        _set(ws, row, col_of["status"], values["status"], notes, header["status"])
    if "done_on" in col_of and was.get("done_on") != a.get("done_on"):
        _set(ws, row, col_of["done_on"], values["done_on"], notes, header["done_on"])
    if "id" in col_of and was.get("id") != tid:
        _set(ws, row, col_of["id"], tid, notes, header["id"])
    for f in _TEXT_FIELDS:
        if f not in col_of:
            continue
        cell = ws.cell(row, col_of[f])
        now = _text(getattr(cell, "value", None))
        if f == "evidence":
            same = {_key(x) for x in split_evidence(now or "")} == {
                _key(x) for x in split_evidence(values[f] or "")
            }
        else:
            same = (now or None) == (_text(values[f]) or None)
        if not same and (f != "implements" or values[f] is not None):
            _set(ws, row, col_of[f], values[f], notes, header[f])


def _needed_columns(G: Any, cols: dict[int, str], tasks: list[tuple[str, dict]]) -> list[str]:
    """The columns a ledger lacks that its tasks now need: 状态 when a task's status is not what its
    row reads, 完成日期 when a task has a date done."""
    have = set(cols.values())
    out = []
    if "status" not in have and any(
        ("done" if G.nodes[t].get("status") == "done" else "open") != (was.get("status") or "open")
        for t, was in tasks
    ):
        out.append("status")
    if "done_on" not in have and any(G.nodes[t].get("done_on") for t, _ in tasks):
        out.append("done_on")
    return out


def _extra_col(ws: Any, header_row: int, cols: dict[int, str], field: str) -> int:
    """The column (1-based) of ``field``: the ledger's own, or a new one at the right of the header,
    in the header's style (``cols`` gains it)."""
    for c, f in cols.items():
        if f == field:
            return c + 1
    right = max(cols) + 1
    c = max(ws.max_column, right) + 1
    while ws.cell(header_row, c).value is not None:
        c += 1
    src = ws.cell(header_row, right)
    cell = ws.cell(header_row, c, HEADER_ALIASES[field][0])
    if src.has_style:
        cell._style = copy.copy(src._style)
    cols[c - 1] = field
    return c


def _mark(
    ws: Any,
    header_row: int,
    cols: dict[int, str],
    rows: list[tuple[int, str]],
    gaps: Mapping[str, list],
    deadlines: Mapping[str, tuple[str, str]] | None,
    lang: Lang,
) -> None:
    """The 缺口 column and the colours of the gaps and deadline states on the task rows."""
    from openpyxl.styles import PatternFill

    col_of = {f: c + 1 for c, f in cols.items()}
    if any(gaps.get(t) for _, t in rows) and "gaps" not in col_of:
        col_of["gaps"] = _extra_col(ws, header_row, cols, "gaps")
    for r, tid in rows:
        found = gaps.get(tid, [])
        if "gaps" in col_of:
            text = "\n".join(f"{fd.rule} {fd.message_en if lang == 'en' else fd.message_zh}" for fd in found)
            cell = _writable(ws, r, col_of["gaps"])
            if cell is not None:
                cell.value = None
                if text:
                    _put(ws, cell.row, cell.column, text)
                if found:
                    worst = min(found, key=lambda fd: fd.sort_key())
                    cell.fill = PatternFill("solid", fgColor=_FILLS.get(worst.severity, "FFC7CE"))
        state = (deadlines or {}).get(tid)
        if state and state[1] and "due" in col_of and (cell := _writable(ws, r, col_of["due"])) is not None:
            cell.fill = PatternFill("solid", fgColor=state[1])
        for fd in found:
            at = _GAP_COLUMN.get(fd.rule)
            if at in col_of and (cell := _writable(ws, r, col_of[at])) is not None:
                cell.fill = PatternFill("solid", fgColor=_FILLS.get(fd.severity, "FFC7CE"))


def _append(
    ws: Any,
    header_row: int,
    cols: dict[int, str],
    last: int,
    seq: int,
    new: list[str],
    G: Any,
    list_id: str,
    cells: _Rows,
    notes: list[str] | None,
) -> None:
    """Insert the tasks the ledger does not hold below its last task row, in that row's style."""
    at = last + 1
    n = len(new)
    ws.insert_rows(at, n)
    for rng in list(ws.merged_cells.ranges):  # openpyxl moves cells, not merged ranges
        if rng.min_row >= at:
            rng.shift(0, n)
    height = ws.row_dimensions[last].height
    rows = []
    for i, tid in enumerate(new):
        r = at + i
        given = tid[len(list_id) + 1 :] if tid.startswith(f"{list_id}-") else ""
        num = int(given) if given.isdigit() else seq + i + 1
        if not given.isdigit() and "id" not in cols.values() and notes is not None:
            notes.append(
                f"{ws.title}!{r}: 任务 {tid} 的编号在此台账中无法写出（没有任务编号列），再次导入时编号会不同 / "
                "the ledger has no 任务编号 column: this task's id will differ when it is imported again"
            )
        values = cells.values(tid, num)
        fields = set(cols.values())
        if "responsible" not in fields:  # the people go where the ledger names them
            values["leader"] = values["responsible"]
        if "assist" not in fields:
            values["lead"] = "、".join(x for x in (values["lead"], values["assist"]) if x) or None
        for c, f in cols.items():
            src = ws.cell(last, c + 1)
            cell = ws.cell(r, c + 1)
            if src.has_style:
                cell._style = copy.copy(src._style)
            v = values.get(f)
            if f == "gaps":
                continue
            _put(ws, r, c + 1, v)
            if isinstance(v, _dt.date):
                cell.number_format = "yyyy-mm-dd"
        if height is not None:
            ws.row_dimensions[r].height = height
        rows.append((r, tid))
    _mark(ws, header_row, cols, rows, cells.gaps, cells.deadlines, cells.lang)
