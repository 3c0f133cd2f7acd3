"""Ledger rows into tasks: headings and footers skipped, each cell read, every problem located."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from respchain.graph.schema import RESPONSIBILITY_INFO
from respchain.loaders.ledger.dates import parse_due
from respchain.loaders.ledger.evidence import split_evidence
from respchain.loaders.ledger.headers import COMPUTED_COLUMNS, _find_header, _header_field
from respchain.loaders.ledger.names import _Index
from respchain.loaders.ledger.sheets import _Sheet
from respchain.loaders.ledger.text import _ID_RE, _SPACE_RE, _key, _nfkc, _seq_text, _split_names, _text

from respchain.exceptions import Problem

_DONE_WORDS = {"已完成", "完成", "done", "是", "已办结", "办结", "√", "✓", "已落实", "全部完成"}
_OPEN_WORDS = {"未完成", "open", "否", "进行中", "推进中", "正在推进", "持续推进", "未办结", "×"}
_NOT_DONE_RE = re.compile(
    r"未完成|尚未|没有完成|未按期|待完成|不能完成|无法完成|预计|计划于|正在|进行中|推进中|将于|争取|拟于"
)
_DONE_RE = re.compile(r"完成|办结|落实到位")
_PERCENT_RE = re.compile(r"(\d{1,3})(\.\d+)?%")


def _status_from_text(text: str) -> str:
    """``done`` when a 完成情况 text says the task is finished, else ``open``."""
    t = _SPACE_RE.sub("", _nfkc(text))
    if t.casefold() in _DONE_WORDS:
        return "done"
    if t.casefold() in _OPEN_WORDS:
        return "open"
    pct = _PERCENT_RE.search(t)
    if pct and int(pct[1]) < 100:
        return "open"
    if _NOT_DONE_RE.search(t):
        return "open"
    if _DONE_RE.search(t):
        return "done"
    return "open"


@dataclass
class _Ctx:
    file: str
    index: _Index
    year: int | None
    problems: list[Problem] = field(default_factory=list)

    def problem(self, sheet: _Sheet, row: int, col: int | None, header: str, message: str) -> None:
        from openpyxl.utils import get_column_letter

        where = ""
        if col is not None:
            cell = f"{get_column_letter(col + 1)}{row}"
            where = f"{sheet.name}!{cell}" if sheet.name is not None else cell
            where += f" {header}"
        elif sheet.name is not None:
            where = f"{sheet.name}!{row}"
        self.problems.append(Problem(self.file, row, where, message))


_IMPLEMENTS = {
    **{k: k for k in RESPONSIBILITY_INFO},
    **{_key(v["zh"]): k for k, v in RESPONSIBILITY_INFO.items()},
    **{_key(v["en"]): k for k, v in RESPONSIBILITY_INFO.items()},
}


_FOOTER_RE = re.compile(
    r"^(填表人|填报人|制表人|审核人|审核|联系人|负责人|填报日期|填表日期|日期|联系电话|电话|注|说明)\s*[:：]"
)


def _is_heading(sheet: _Sheet, r: int, row: list[Any], cols: dict[int, str], goal_col: int) -> bool:
    """A section heading (一、政治建设) or a footer (填表人：), not a task.

    Headings stand alone in the 序号 column, or span the row as one merged cell;
    footers are ``填表人：`` style entries. A row with anything else in a ledger
    column is a task (and an empty goal is reported).
    """
    filled = [
        c for c in cols if c < len(row) and _text(row[c]) is not None and cols[c] not in COMPUTED_COLUMNS
    ]
    if not filled or (len(filled) == 1 and cols[filled[0]] == "seq"):
        return True
    if all(_FOOTER_RE.match(_text(row[c]) or "") for c in filled):
        return True
    for c0, c1 in sheet.hmerges.get(r, ()):
        covered = sum(1 for c in cols if c0 <= c <= c1)
        if c0 <= goal_col <= c1 and covered * 2 > len(cols):
            return True
    return False


def _read_table(
    sheet: _Sheet, ctx: _Ctx, out: list[tuple[_Sheet, int, dict]], notes: list[str] | None
) -> bool:
    found = _find_header(sheet.rows)
    label = f"工作表 / sheet {sheet.name!r}" if sheet.name is not None else "CSV"
    if found is None:
        if notes is not None and any(any(v is not None for v in row) for row in sheet.rows):
            notes.append(f"{label}: 未找到表头，已跳过 / no ledger header found, skipped")
        return False
    hr, cols, unknown = found
    if notes is not None and unknown:
        names = "、".join(str(sheet.rows[hr][c]) for c in unknown)
        notes.append(f"{label}: 未识别的列已忽略 / columns not recognised, ignored: {names}")
    header_text = {c: str(sheet.rows[hr][c]).strip() for c in cols}
    goal_col = next(c for c, f in cols.items() if f == "goal")
    for r in range(hr + 1, len(sheet.rows)):
        row = sheet.rows[r]
        if not any(v is not None and _text(v) is not None for v in row):
            continue
        if _is_heading(sheet, r, row, cols, goal_col):
            continue
        goal_v = row[goal_col] if goal_col < len(row) else None
        if _header_field(goal_v) == "goal":
            continue  # the header repeated (printed pages)
        rownum = r + 1
        cells = {f: (row[c] if c < len(row) else None, c) for c, f in cols.items()}
        task = _row_task(sheet, rownum, cells, header_text, ctx)
        if task is not None:
            out.append((sheet, rownum, task))
    return True


def _row_task(
    sheet: _Sheet, rownum: int, cells: dict[str, tuple[Any, int]], header: dict[int, str], ctx: _Ctx
) -> dict | None:
    task: dict[str, Any] = {}
    ok = True

    def bad(f: str, msg: str) -> None:
        nonlocal ok
        ok = False
        v, c = cells[f]
        ctx.problem(sheet, rownum, c, header[c], msg)

    goal = _text(cells["goal"][0]) if "goal" in cells else None
    if goal is None:
        bad("goal", "缺少任务目标 / the goal (任务目标) is empty")
    else:
        task["goal"] = goal
    if "id" in cells and (tid := _text(cells["id"][0])) is not None:
        tid = _nfkc(tid).strip()
        if not _ID_RE.match(tid):
            bad("id", f"任务编号不能含空白 / a task id cannot contain spaces: {tid!r}")
        else:
            task["id"] = tid
    if "seq" in cells:
        task["_seq"] = _seq_text(cells["seq"][0])
    if "measure" in cells and (v := _text(cells["measure"][0])) is not None:
        task["measure"] = v
    people: list[str] = []
    for f in ("leader", "responsible"):
        if f in cells and (v := _text(cells[f][0])) is not None:
            for name in _split_names(v):
                pid, err = ctx.index.resolve(name, "person")
                if err:
                    bad(f, err)
                elif pid is not None and pid not in people:
                    people.append(pid)
    if people:
        task["responsible"] = people[0] if len(people) == 1 else people
    units: list[str] = []
    for f in ("lead", "assist"):
        if f in cells and (v := _text(cells[f][0])) is not None:
            for name in _split_names(v):
                oid, err = ctx.index.resolve(name, "org")
                if err:
                    bad(f, err)
                elif f == "lead" and not units:
                    task["lead"] = oid
                    units.append(oid)  # type: ignore[arg-type]
                elif oid not in units:
                    # The first unit of 牵头单位 leads; the others named there assist.
                    task.setdefault("assist", []).append(oid)
                    units.append(oid)  # type: ignore[arg-type]
    if "due" in cells:
        due, note, err = parse_due(cells["due"][0], ctx.year)
        if err:
            bad("due", err)
        elif due:
            task["due"] = due
        elif note:
            task["due_note"] = note
    status = None
    if "status" in cells and (v := _text(cells["status"][0])) is not None:
        status = _status_from_text(v)
    done_on = None
    if "done_on" in cells and cells["done_on"][0] is not None:
        done_on, note, err = parse_due(cells["done_on"][0], ctx.year)
        if err or note:
            bad("done_on", err or f"完成日期须为日期 / the date done (完成日期) must be a date: {note!r}")
        elif done_on and status == "open":
            bad("done_on", "填了完成日期，状态却是未完成 / a date done is given but the status says not done")
    progress = _text(cells["progress"][0]) if "progress" in cells else None
    if status is None:
        status = "done" if done_on else _status_from_text(progress) if progress else "open"
    task["status"] = status
    if done_on:
        task["done_on"] = done_on
    if "evidence" in cells and (v := _text(cells["evidence"][0])) is not None:
        task["_evidence"] = (split_evidence(v), cells["evidence"][1], header[cells["evidence"][1]])
    if progress:
        task["progress"] = progress
    if "implements" in cells and (v := _text(cells["implements"][0])) is not None:
        impl = _IMPLEMENTS.get(_key(v)) or _IMPLEMENTS.get(v)
        if impl is None:
            zh = "、".join(i["zh"] for i in RESPONSIBILITY_INFO.values())
            bad("implements", f"不是责任类型 / not a responsibility type: {v!r} (须为 / one of: {zh})")
        else:
            task["implements"] = impl
    if "note" in cells and (v := _text(cells["note"][0])) is not None:
        task["note"] = v
    return task if ok else None


# The fields of a task a ledger fills, in the order they are written.
TASK_FIELDS = (
    "goal",
    "measure",
    "responsible",
    "lead",
    "assist",
    "due",
    "due_note",
    "status",
    "done_on",
    "progress",
    "evidence",
    "implements",
    "note",
)
_TASK_ORDER = ("id", *TASK_FIELDS)
