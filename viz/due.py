"""Outputs of ``respchain due``: a text table, an Excel workbook (one sheet per unit
or person) and an iCalendar file (one entry per open deadline).

Every output is written atomically; Excel cells are always text or dates, never
formulas; the text table carries no control characters from the register.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from respchain.graph.schema import Lang
from respchain.queries.due import STATE_INFO, STATES, DueItem, group_items

from respchain._files import atomic_path

__all__ = ["render_due_table", "write_due_xlsx", "write_due_ics", "due_summary", "plain_text"]

_HEADERS = {
    "zh": ("状态", "完成时限", "剩余天数", "类别", "编号", "事项", "所属", "责任人", "牵头单位", "完成日期"),
    "en": ("state", "due", "days left", "kind", "id", "item", "of", "responsible", "lead unit", "done on"),
}
_NOBODY = {"zh": "（未指定）", "en": "(none)"}


def plain_text(s: object) -> str:
    """Text without control characters (no terminal escape codes, no line breaks)."""
    return "".join(" " if unicodedata.category(c)[0] == "C" else c for c in str(s))


def _state(it: DueItem, lang: Lang) -> str:
    info = STATE_INFO[it.state]
    return f"{info['zh']} {info['label_zh']}" if lang == "zh" else f"{info['colour']} {info['label_en']}"


def _row(it: DueItem, lang: Lang) -> list[str]:
    who = "、".join(n for _, n in it.people) if lang == "zh" else ", ".join(n for _, n in it.people)
    return [
        _state(it, lang),
        it.due,
        "" if it.done else str(it.days),
        it.kind_zh if lang == "zh" else it.kind_en,
        it.id,
        it.name,
        it.parent_name,
        who,
        it.unit_name,
        it.done_on or "",
    ]


def due_summary(items: Sequence[DueItem]) -> dict[str, int]:
    """Counts by state."""
    return {s: sum(1 for i in items if i.state == s) for s in STATES}


def render_due_table(
    items: Sequence[DueItem], *, by: str = "unit", lang: Lang = "zh", as_of: str = ""
) -> str:
    """The deadlines as plain text, one block per unit (or person), most pressing first."""
    counts = due_summary(items)
    if lang == "zh":
        head = (
            f"截至 {as_of}：红 逾期未完成 {counts['overdue']}，黄 即将到期 {counts['soon']}，"
            f"黄 逾期完成 {counts['late']}，绿 按期 {counts['on_time']}"
        )
    else:
        head = (
            f"As of {as_of}: red overdue {counts['overdue']}, yellow due soon {counts['soon']}, "
            f"yellow done late {counts['late']}, green on time {counts['on_time']}"
        )
    out = [head]
    for (gid, gname), rows in group_items(items, by).items():
        label = gname or _NOBODY[lang]
        out.append("")
        out.append(plain_text(f"== {label} ({gid})" if gid else f"== {label}"))
        out.append("  " + " | ".join(_HEADERS[lang]))
        for it in rows:
            out.append("  " + " | ".join(plain_text(c) for c in _row(it, lang)))
    return "\n".join(out) + "\n"


def _sheet_name(name: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", plain_text(name)).strip("'") or "未指定"
    base = base[:31]
    title, n = base, 2
    while title.lower() in used:
        suffix = f"~{n}"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def write_due_xlsx(
    items: Sequence[DueItem], path: str | Path, *, by: str = "unit", lang: Lang = "zh", as_of: str = ""
) -> Path:
    """An Excel workbook with one sheet per unit (or person); each row filled with its state's colour."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    groups = group_items(items, by)
    if not groups:
        ws = wb.create_sheet(_sheet_name(_NOBODY[lang], used))
        ws.append(list(_HEADERS[lang]))
    for (_gid, gname), rows in groups.items():
        ws = wb.create_sheet(_sheet_name(gname or _NOBODY[lang], used))
        ws.append(
            [
                plain_text(
                    f"{gname or _NOBODY[lang]}（{as_of}）"
                    if lang == "zh"
                    else f"{gname or _NOBODY[lang]} ({as_of})"
                )
            ]
        )
        ws.append(list(_HEADERS[lang]))
        for c in ws[2]:
            c.font = Font(bold=True)
        for it in rows:
            values = _row(it, lang)
            r = ws.max_row + 1
            fill = PatternFill("solid", fgColor=STATE_INFO[it.state]["rgb"])
            for j, v in enumerate(values, 1):
                if j == 2:
                    cell = ws.cell(r, j, _dt.date.fromisoformat(it.due))
                    cell.number_format = "yyyy-mm-dd"
                elif j == 10 and it.done_on:
                    cell = ws.cell(r, j, _dt.date.fromisoformat(it.done_on))
                    cell.number_format = "yyyy-mm-dd"
                elif j == 3 and v:
                    cell = ws.cell(r, j, int(v))
                else:
                    cell = ws.cell(r, j, plain_text(v))
                    cell.data_type = "s"  # text, never a formula
                cell.fill = fill
        ws.freeze_panes = "A3"
        for col, width in zip("ABCDEFGHIJ", (14, 12, 9, 10, 14, 40, 30, 16, 20, 12), strict=True):
            ws.column_dimensions[col].width = width
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return Path(path)


def write_due_ics(items: Sequence[DueItem], path: str | Path, *, lang: Lang = "zh", as_of: str = "") -> Path:
    """An iCalendar file with one all-day entry per open deadline (not done), to import
    into the calendar a person already uses. Entries keep a stable UID, so that
    importing again updates them instead of adding copies."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//respchain//deadlines//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "责任清单到期事项" if lang == "zh" else "respchain deadlines")
    stamp = _dt.datetime.now(_dt.UTC).replace(microsecond=0)
    for it in items:
        if it.done:
            continue
        due = _dt.date.fromisoformat(it.due)
        ev = Event()
        uid = hashlib.sha256(f"{it.kind}:{it.id}".encode()).hexdigest()[:32]
        ev.add("uid", f"{uid}@respchain")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", due)
        ev.add("dtend", due + _dt.timedelta(days=1))
        state = _state(it, lang)
        ev.add("summary", plain_text(f"[{state}] {it.kind_zh if lang == 'zh' else it.kind_en}：{it.name}"))
        who = "、".join(n for _, n in it.people) or _NOBODY[lang]
        lines = [
            f"{'所属' if lang == 'zh' else 'of'}: {it.parent_name}" if it.parent_name else "",
            f"{'责任人' if lang == 'zh' else 'responsible'}: {who}",
            f"{'牵头单位' if lang == 'zh' else 'lead unit'}: {it.unit_name}" if it.unit_name else "",
            f"id: {it.id}",
        ]
        ev.add("description", plain_text(" / ".join(x for x in lines if x)))
        ev.add("categories", [STATE_INFO[it.state]["label_zh" if lang == "zh" else "label_en"]])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", plain_text(it.name))
        alarm.add("trigger", _dt.timedelta(days=-3))
        ev.add_component(alarm)
        cal.add_component(ev)
    with atomic_path(path) as tmp:
        tmp.write_bytes(cal.to_ical())
    return Path(path)
