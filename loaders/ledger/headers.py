"""Ledger headers: the column names recognised (with their variants) and the header row found below titles."""

from __future__ import annotations

import re
from typing import Any

from respchain.loaders.ledger.text import _BRACKET_RE, _key, _text

LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".tsv", ".txt")

# Field key -> (the header written on export, the headers recognised on import).
# The first alias is the canonical header. Matching ignores spaces, full/half
# width, line breaks, a leading ``*`` (required-field mark) and anything in
# brackets (``完成时限（年月日）``).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "序", "no", "no.", "序列号", "排序"),
    "id": ("任务编号", "任务id", "id", "任务代码"),
    "goal": (
        "任务目标",
        "工作任务",
        "责任内容",
        "任务",
        "目标任务",
        "工作目标",
        "任务内容",
        "工作内容",
        "重点任务",
        "主要任务",
        "责任事项",
        "责任任务",
        "工作事项",
        "事项",
        "任务名称",
        "工作要点",
        "责任清单内容",
        "清单内容",
        "具体任务",
    ),
    "measure": (
        "具体措施",
        "工作措施",
        "措施",
        "主要措施",
        "落实措施",
        "工作举措",
        "具体举措",
        "举措",
        "推进措施",
        "完成措施",
        "措施要求",
        "工作要求",
        "具体要求",
    ),
    "responsible": ("责任人", "具体责任人", "责任人员", "直接责任人", "经办人", "责任人姓名"),
    "leader": ("责任领导", "分管领导", "牵头领导", "领导责任人", "责任领导人", "包保领导"),
    "lead": (
        "牵头单位",
        "责任单位",
        "牵头部门",
        "责任部门",
        "主责单位",
        "主责部门",
        "牵头科室",
        "责任科室",
        "责任主体",
    ),
    "assist": (
        "协助部门",
        "配合单位",
        "配合部门",
        "协助单位",
        "协办单位",
        "协同单位",
        "参与单位",
        "协同部门",
        "协办部门",
        "配合科室",
    ),
    "due": (
        "完成时限",
        "时间节点",
        "完成时间",
        "时限",
        "完成期限",
        "时间要求",
        "截止时间",
        "时限要求",
        "完成时限要求",
        "办结时限",
        "截止日期",
    ),
    "done_on": ("完成日期", "实际完成日期", "实际完成时间", "办结日期", "办结时间", "销号日期", "完成于"),
    "status": ("状态", "完成状态", "是否完成", "任务状态"),
    "progress": (
        "完成情况",
        "进展情况",
        "落实情况",
        "推进情况",
        "进度",
        "工作进展",
        "进展",
        "完成进度",
        "落实进度",
        "推进落实情况",
    ),
    "evidence": (
        "佐证材料",
        "佐证资料",
        "佐证",
        "证明材料",
        "支撑材料",
        "印证材料",
        "纪实材料",
        "佐证材料清单",
        "佐证材料名称",
    ),
    "implements": ("责任类型", "责任类别"),
    "note": ("备注", "说明", "附注"),
    "gaps": ("缺口", "缺口提示"),
    "deadline": ("期限状态", "到期状态", "红黄绿", "预警状态", "时限预警"),
}

# The columns of an exported ledger and of a template, in order.
LEDGER_COLUMNS: tuple[str, ...] = (
    "seq",
    "id",
    "goal",
    "measure",
    "responsible",
    "lead",
    "assist",
    "due",
    "deadline",
    "status",
    "done_on",
    "progress",
    "evidence",
    "implements",
    "note",
    "gaps",
)
# Columns written on export and ignored on import: they are computed from the register.
COMPUTED_COLUMNS = ("gaps", "deadline")
_TEMPLATE_COLUMNS = tuple(c for c in LEDGER_COLUMNS if c not in ("id", *COMPUTED_COLUMNS))

_MAX_HEADER_SCAN = 30  # rows searched for the header below titles


def _header_key(s: str) -> str:
    k = _key(s).lstrip("*※")
    k = _BRACKET_RE.sub("", k)
    return k.rstrip(":：")


class HeaderSet:
    """The columns of one kind of ledger: each field's recognised headers, and the field a
    header row must name (the task ledger's 任务目标, the rectification ledger's 问题).

    Parameters
    ----------
    aliases : dict
        Field key -> the headers recognised for it; the first is the canonical header.
    key_field : str
        The field whose column a header row must have (with at least one other).
    """

    def __init__(
        self,
        aliases: dict[str, tuple[str, ...]],
        key_field: str,
        shared: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.aliases = aliases
        self.key_field = key_field
        # Headers that mean one field or another (完成时间: the deadline, or the date done when
        # another column gives the deadline): the first of their fields no other column names.
        self.shared = {_header_key(k): v for k, v in (shared or {}).items()}
        self._index: dict[str, str] = {}
        for f, names in aliases.items():
            for a in names:
                self._index.setdefault(_header_key(a), f)
        # Aliases tried as substrings, longest first (``具体责任单位`` -> lead). Short,
        # generic aliases (``任务``, ``进度``) only match whole headers.
        self._contains = sorted((k for k in self._index if len(k) >= 3), key=len, reverse=True)

    def field(self, text: Any) -> str | None:
        """The field a header cell stands for, or None."""
        if not isinstance(text, str) or not text.strip():
            return None
        k = _header_key(text)
        if k in self._index:
            return self._index[k]
        for part in re.split(r"[/、|]", k):  # 牵头单位/责任单位
            if part in self._index:
                return self._index[part]
        if len(k) <= 12:
            for alias in self._contains:
                if alias in k:
                    return self._index[alias]
        return None

    def find(self, rows: list[list[Any]]) -> tuple[int, dict[int, str], list[int]] | None:
        """The header row: ``(row index, {column: field}, unknown columns)``; the first of the top
        rows that names the key column and at least one other known column."""
        for r, row in enumerate(rows[:_MAX_HEADER_SCAN]):
            cols: dict[int, str] = {}
            later: list[tuple[int, tuple[str, ...]]] = []
            for c, v in enumerate(row):
                if isinstance(v, str) and _header_key(v) in self.shared:
                    later.append((c, self.shared[_header_key(v)]))
                    continue
                f = self.field(v)
                if f and f not in cols.values():
                    cols[c] = f
            for c, fields in later:
                if (f := next((f for f in fields if f not in cols.values()), None)) is not None:
                    cols[c] = f
            if self.key_field in cols.values() and len(cols) >= 2:
                # A two-row header (责任主体 over 牵头单位 | 协助部门): the row below holds
                # nothing but headers; its names win for their columns.
                if r + 1 < len(rows):
                    sub = {c: self.field(v) for c, v in enumerate(rows[r + 1]) if _text(v) is not None}
                    if sub and all(sub.values()):
                        for c, f in sub.items():
                            for other in [c2 for c2, f2 in cols.items() if f2 == f and c2 != c]:
                                del cols[other]
                            cols[c] = f  # type: ignore[assignment]
                        r += 1
                unknown = [c for c, v in enumerate(rows[r]) if v is not None and c not in cols]
                return r, cols, unknown
        return None

    def title(self, sheets: Any) -> str | None:
        """The first text above the first header of ``sheets`` (tables with ``rows``): the ledger's title."""
        for sheet in sheets:
            found = self.find(sheet.rows)
            if found is None:
                continue
            for row in sheet.rows[: found[0]]:
                texts = [t for t in (_text(v) for v in row) if t]
                if texts:
                    return texts[0]
            return None
        return None


TASK_HEADERS = HeaderSet(HEADER_ALIASES, "goal")
"""The columns of a task ledger (责任清单台账)."""


def _header_field(text: Any) -> str | None:
    """The task-ledger field a header cell stands for, or None."""
    return TASK_HEADERS.field(text)


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[int, str], list[int]] | None:
    """The header row of a task ledger (see :meth:`HeaderSet.find`)."""
    return TASK_HEADERS.find(rows)
