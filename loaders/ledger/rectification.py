"""Rectification ledgers (整改台账): problems found by 巡视, 巡察, 监督检查 or 审计, and their measures.

A rectification ledger lists, for each problem fed back to a unit, the measures
taken against it (整改措施), with the leader and unit responsible, the deadline,
the state of the work and its evidence, and often when the problem was closed
(销号). The usual layout gives one row per measure, the problem's cell merged
down over its measures (or left blank below the first one), section headings
(一、党的政治建设方面) between the problems::

    序号 | 反馈问题 | 具体表现 | 整改措施 | 责任领导 | 责任单位 | 整改时限 | 整改情况 | 完成时间 | 佐证材料
     1   | 党组会议专题研究不足 | …  | 每季度专题研究 | 张某 | 教育局 | 2025年6月底 | 已完成 | 2025-06-27 | 会议记录
         |                     |    | 修订议事规则   | 李某 | 教育局 | 2025年9月底 | 整改中 |            |

:func:`read_rectification_ledger` turns it into ``problems`` records of the
register format (each with its ``measures``) and the new evidence records the
ledger names. The header is found below a title wherever it sits, with the
variants of :data:`RECT_ALIASES`; merged cells, Excel or text dates, CSV in
UTF-8, GBK or GB18030 are read as for task ledgers (:mod:`.sheets`). Every
problem of every row is collected; if there is any, an
:class:`~respchain.exceptions.InputError` lists them all and nothing is returned.

Rows and problems:

* A row with a problem text starts a problem, unless the row above has the same
  text (a merged cell, or the text repeated) or the same 问题编号.
* A row with no problem text but a measure belongs to the problem above.
* Measures are ``<problem id>-m1``, ``-m2`` … in order; problems are
  ``<prefix>-1``, ``-2`` … (prefix default ``pb-<unit id>``) unless a 问题编号
  column gives their ids.
* A measure is done when its 整改状态 (or, without one, its 整改情况) says so
  (已完成, 已整改, 整改到位, 已销号) or when it has a date done; 长期坚持 and
  持续整改 are not done.
* A problem is closed (``closed_on``) on the date of its 销号日期 cell; 是否销号
  marked 是 without a date is read as not closed, with a note.
* Where it was found (``origin``) comes from a 问题来源 column, else the
  ``origin`` argument, else the ledger's title (``巡察反馈问题整改台账`` ->
  ``patrol``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from respchain.graph.register import Register
from respchain.graph.schema import PROBLEM_ORIGIN_NAMES, ProblemOrigin
from respchain.loaders.ledger.dates import parse_due
from respchain.loaders.ledger.evidence import EvidencePool, split_evidence
from respchain.loaders.ledger.headers import HeaderSet
from respchain.loaders.ledger.names import _Index
from respchain.loaders.ledger.rows import _Ctx, _is_heading, _status_from_text
from respchain.loaders.ledger.sheets import _Sheet, load_sheets
from respchain.loaders.ledger.text import _ID_RE, _SPACE_RE, _key, _nfkc, _split_names, _text
from respchain.loaders.register import load_register, register_from_data
from respchain.loaders.writer import register_yaml

from respchain._files import atomic_path
from respchain.exceptions import InputError, Problem

__all__ = [
    "RECT_ALIASES",
    "RECT_HEADERS",
    "read_rectification_ledger",
    "parse_origin",
    "problems_to_yaml",
    "write_problems",
]

# Field key -> the headers recognised (matching as for task ledgers: spaces, width,
# a leading *, anything in brackets ignored; longer aliases also match inside a header).
RECT_ALIASES: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "序", "no", "no."),
    "pid": ("问题编号", "问题序号", "问题id"),
    "category": ("问题类别", "问题类型", "问题分类", "类别", "方面", "问题方面"),
    "title": (
        "问题",
        "反馈问题",
        "存在问题",
        "问题描述",
        "巡察反馈问题",
        "巡视反馈问题",
        "发现问题",
        "发现的问题",
        "具体问题",
        "问题内容",
        "主要问题",
        "问题清单",
        "检查发现问题",
        "审计发现问题",
        "问题名称",
        "反馈意见",
        "整改问题",
        "突出问题",
        "问题事项",
    ),
    "detail": ("具体表现", "问题表现", "问题具体表现", "主要表现", "表现形式", "问题具体情况"),
    "action": (
        "整改措施",
        "整改举措",
        "具体整改措施",
        "整改任务",
        "措施",
        "具体措施",
        "整改要求",
        "整改目标及措施",
        "整改措施及目标",
        "整改目标和措施",
        "落实措施",
        "工作措施",
    ),
    "leader": ("责任领导", "分管领导", "牵头领导", "整改责任领导", "领导责任人", "包保领导", "责任校领导"),
    "responsible": ("责任人", "具体责任人", "整改责任人", "直接责任人", "经办人", "责任人员"),
    "lead": (
        "责任单位",
        "牵头单位",
        "责任部门",
        "牵头部门",
        "整改责任单位",
        "整改责任部门",
        "责任科室",
        "牵头科室",
        "主责单位",
        "主责部门",
    ),
    "assist": ("配合单位", "协助部门", "配合部门", "协办单位", "协助单位", "协同单位", "配合科室"),
    "due": (
        "整改时限",
        "完成时限",
        "时限",
        "整改期限",
        "完成期限",
        "整改时间",
        "时间节点",
        "整改完成时限",
        "时限要求",
        "截止时间",
        "整改措施完成时限",
    ),
    "done_on": (
        "完成日期",
        "实际完成日期",
        "实际完成时间",
        "整改完成时间",
        "整改完成日期",
        "办结日期",
        "办结时间",
        "完成于",
    ),
    "status": (
        "整改状态",
        "状态",
        "完成状态",
        "是否完成",
        "是否整改到位",
        "是否整改完成",
        "整改结果",
        "整改进度",
    ),
    "progress": (
        "整改情况",
        "整改进展",
        "整改进展情况",
        "完成情况",
        "落实情况",
        "整改落实情况",
        "进展情况",
        "整改完成情况",
        "整改措施落实情况",
        "推进情况",
    ),
    "evidence": ("佐证材料", "佐证资料", "证明材料", "支撑材料", "整改佐证材料", "佐证", "印证材料"),
    "closed": ("是否销号", "销号情况", "销号", "销号状态"),
    "closed_on": ("销号日期", "销号时间"),
    "reported_on": ("整改报告日期", "报告日期", "整改报告报送日期", "报送整改报告日期", "报送日期"),
    "found": ("发现日期", "发现时间", "反馈日期", "反馈时间", "交办日期", "交办时间"),
    "origin": ("问题来源", "来源", "发现渠道", "问题渠道", "发现方式"),
    "org": (
        "被巡察单位",
        "被巡视单位",
        "被检查单位",
        "被审计单位",
        "整改单位",
        "整改主体",
        "整改责任主体",
        "问题单位",
        "被巡察党组织",
    ),
    "note": ("备注", "说明", "附注"),
}

RECT_HEADERS = HeaderSet(RECT_ALIASES, "title", shared={"完成时间": ("due", "done_on")})
"""The columns of a rectification ledger; a header row names the problem column."""

# Words of an origin cell, a title or the ``origin`` argument, in the order they are tried.
_ORIGIN_WORDS: tuple[tuple[str, str], ...] = (
    ("巡视", ProblemOrigin.INSPECTION),
    ("巡察", ProblemOrigin.PATROL),
    ("审计", ProblemOrigin.AUDIT),
    ("信访", ProblemOrigin.PETITION),
    ("举报", ProblemOrigin.PETITION),
    ("监督检查", ProblemOrigin.SUPERVISION),
    ("专项检查", ProblemOrigin.SUPERVISION),
    ("督查", ProblemOrigin.SUPERVISION),
    ("检查", ProblemOrigin.SUPERVISION),
    ("其他", ProblemOrigin.OTHER),
)

_SECTION_RE = re.compile(r"^[一二三四五六七八九十]+[、.．]|^第[一二三四五六七八九十]+(部分|方面)")
_MEASURE_DONE = {
    "已完成",
    "完成",
    "已整改",
    "整改完成",
    "已整改到位",
    "整改到位",
    "已销号",
    "销号",
    "已办结",
    "办结",
    "是",
    "√",
    "✓",
    "done",
    "已落实",
}
_MEASURE_OPEN = {
    "整改中",
    "正在整改",
    "未完成",
    "持续整改",
    "长期坚持",
    "长期整改",
    "未整改",
    "否",
    "推进中",
    "基本完成",
    "部分完成",
    "未销号",
    "×",
    "open",
    "立行立改中",
}
_YES = {"是", "已销号", "销号", "已", "√", "✓", "yes", "y", "true", "1"}
_NO = {"否", "未销号", "未", "×", "no", "n", "false", "0"}

_MEASURE_FIELDS = (
    "action",
    "leader",
    "responsible",
    "lead",
    "assist",
    "due",
    "done_on",
    "status",
    "progress",
    "evidence",
)
_PROBLEM_ORDER = (
    "id",
    "org",
    "origin",
    "title",
    "found",
    "due",
    "reported_on",
    "closed_on",
    "evidence",
    "measures",
    "note",
    "source",
)
_MEASURE_ORDER = (
    "id",
    "action",
    "responsible",
    "lead",
    "assist",
    "due",
    "done_on",
    "status",
    "evidence",
    "progress",
    "note",
)


def parse_origin(text: str) -> str | None:
    """Where a problem was found, from a word of an origin cell or a title; None when no word says.

    Examples
    --------
    >>> parse_origin("市委第三巡察组"), parse_origin("inspection"), parse_origin("审计发现问题整改台账")
    ('patrol', 'inspection', 'audit')
    >>> parse_origin("工作台账") is None
    True
    """
    t = _key(text)
    if t in ProblemOrigin.values():
        return t
    for zh_value, value in ((v, k) for k, v in PROBLEM_ORIGIN_NAMES.items()):
        if t == _key(zh_value):
            return value
    hits = [(t.find(w), str(v)) for w, v in _ORIGIN_WORDS if w in t]
    return min(hits)[1] if hits else None


@dataclass
class _Open:
    """A problem being read: its record, where each problem-level value came from, its measures."""

    record: dict[str, Any]
    sheet: _Sheet
    row: int
    title_key: str
    pid: str | None
    notes: list[str] = field(default_factory=list)
    seen: dict[str, tuple[Any, str]] = field(default_factory=dict)  # field -> (value, where first)
    measures: list[tuple[_Sheet, int, dict]] = field(default_factory=list)
    closed_flag: bool = False


def read_rectification_ledger(
    path: str | Path,
    register: Register | str | Path | Sequence[str | Path],
    *,
    org: str | None = None,
    origin: str | None = None,
    found: str | None = None,
    prefix: str | None = None,
    source: str | None = None,
    notes: list[str] | None = None,
) -> dict[str, list[dict]]:
    """Read a rectification ledger (整改台账) into problems of the register format.

    Parameters
    ----------
    path : str or Path
        An ``.xlsx``/``.xlsm`` workbook (every visible sheet with a header is read)
        or a ``.csv``/``.tsv`` file.
    register : Register, path or sequence of paths
        The register whose units and people the ledger names.
    org : str, optional
        The unit that must rectify (id or name): required unless the ledger has a
        被巡察单位 (整改主体) column.
    origin : str, optional
        Where the problems were found: ``inspection``, ``patrol``, ``supervision``,
        ``audit``, ``petition``, ``other`` or a Chinese word (巡视, 巡察, 监督检查…).
        A 问题来源 column wins; default the words of the ledger's title.
    found : str, optional
        The date the problems were fed back (``found``), ISO or Chinese; a 反馈日期
        column wins. Its year completes text dates without one (``6月底前``).
    prefix : str, optional
        Problem ids are ``<prefix>-1``, ``-2`` …; default ``pb-<unit id>``.
    source : str, optional
        The id of the register's source the problems come from.
    notes : list, optional
        Receives remarks that are not errors (sheets skipped, columns ignored,
        销号 without a date).

    Returns
    -------
    dict
        ``{"problems": [...], "evidence": [...]}``, valid together with
        ``register`` (checked before it is returned).

    Raises
    ------
    InputError
        Listing every bad row: file, sheet and cell, column, message; for a name
        that matches nothing the closest names of the register.
    """
    path = Path(path)
    reg = register if isinstance(register, Register) else load_register(register)
    file = str(path)
    index = _Index.build(reg)
    head: list[Problem] = []
    org_id = None
    if org is not None:
        org_id, err = index.resolve(org, "org")
        if err:
            head.append(Problem(file, 0, "org", f"整改单位 / the unit to rectify: {err}"))
    origin_value = None
    if origin is not None:
        origin_value = parse_origin(origin)
        if origin_value is None:
            head.append(Problem(file, 0, "origin", _origin_error(origin)))
    found_iso = None
    if found is not None:
        found_iso, note, err = parse_due(found, None)
        if err or note or not found_iso:
            head.append(Problem(file, 0, "found", f"反馈日期须为日期 / found must be a date: {found!r}"))
    if prefix is not None and not _ID_RE.match(prefix):
        head.append(
            Problem(file, 0, "prefix", f"前缀不能含空白 / a prefix cannot contain spaces: {prefix!r}")
        )
    if head:
        raise InputError(head)
    sheets = load_sheets(path)
    title = RECT_HEADERS.title(sheets)
    if origin_value is None and title:
        origin_value = parse_origin(title)
    year = int(found_iso[:4]) if found_iso else None
    if year is None and title and (m := re.search(r"(20\d{2}|19\d{2})\s*年", title)):
        year = int(m[1])
    ctx = _Ctx(file, index, year)
    opened: list[_Open] = []
    read_any = False
    for sheet in sheets:
        read_any |= _read_sheet(sheet, ctx, opened, notes)
    if not read_any:
        raise InputError(
            Problem(
                file,
                0,
                "",
                "未找到整改台账表头（须有问题列，如 反馈问题、存在问题）/ no "
                "rectification ledger header found (a problem column such as "
                "反馈问题 and one more known column)",
            )
        )
    if org_id is None and any("org" not in p.record for p in opened):
        ctx.problems.append(
            Problem(
                file,
                0,
                "org",
                "未指定整改单位：请用 --org，或在台账中加“被巡察单位”列 / "
                "no unit to rectify: give --org or a 被巡察单位 column",
            )
        )
    pool = EvidencePool.build(reg, set(index.kinds))
    problems = _finish(
        opened,
        ctx,
        pool,
        org_id=org_id,
        origin=origin_value,
        found=found_iso,
        prefix=prefix,
        source=source,
        notes=notes,
    )
    if ctx.problems:
        raise InputError(ctx.problems)
    if not problems and notes is not None:
        notes.append("台账中没有问题 / the ledger has no problems")
    result = {"problems": problems, "evidence": pool.new}
    _check_with_register(result, reg, file)
    return result


def _origin_error(text: str) -> str:
    words = "、".join(PROBLEM_ORIGIN_NAMES.values())
    return (
        f"不是问题来源 / not an origin: {text!r}（须为 / one of: {words}, "
        f"{', '.join(ProblemOrigin.values())}）"
    )


def _read_sheet(sheet: _Sheet, ctx: _Ctx, opened: list[_Open], notes: list[str] | None) -> bool:
    found = RECT_HEADERS.find(sheet.rows)
    label = f"工作表 / sheet {sheet.name!r}" if sheet.name is not None else "CSV"
    if found is None:
        if notes is not None and any(any(v is not None for v in row) for row in sheet.rows):
            notes.append(
                f"{label}: 未找到整改台账表头，已跳过 / no rectification ledger header found, skipped"
            )
        return False
    hr, cols, unknown = found
    if notes is not None and unknown:
        names = "、".join(str(sheet.rows[hr][c]) for c in unknown)
        notes.append(f"{label}: 未识别的列已忽略 / columns not recognised, ignored: {names}")
    header = {c: str(sheet.rows[hr][c]).strip() for c in cols}
    title_col = next(c for c, f in cols.items() if f == "title")
    category: str | None = None
    current: _Open | None = None
    for r in range(hr + 1, len(sheet.rows)):
        row = sheet.rows[r]
        if not any(_text(v) is not None for v in row):
            continue
        if _is_heading(sheet, r, row, cols, title_col):
            texts = [t for t in (_text(v) for v in row) if t]
            if texts and not re.match(
                r"^(填表人|填报人|制表人|审核人|联系人|负责人|日期|填报日期|注)\s*[:：]", texts[0]
            ):
                category = texts[0]
            continue
        title_v = row[title_col] if title_col < len(row) else None
        if RECT_HEADERS.field(title_v) == "title":
            continue  # the header repeated on every printed page
        filled = {f for c, f in cols.items() if c < len(row) and _text(row[c]) is not None}
        if filled <= {"seq", "title"} and _SECTION_RE.match(_text(title_v) or ""):
            category = _text(title_v)  # 一、党的政治建设方面, written in the problem column
            continue
        rownum = r + 1
        cells = {f: (row[c] if c < len(row) else None, c) for c, f in cols.items()}
        current = _read_row(sheet, rownum, cells, header, ctx, opened, current, category)
    return True


def _read_row(
    sheet: _Sheet,
    rownum: int,
    cells: dict[str, tuple[Any, int]],
    header: dict[int, str],
    ctx: _Ctx,
    opened: list[_Open],
    current: _Open | None,
    category: str | None,
) -> _Open | None:
    def val(f: str) -> str | None:
        return _text(cells[f][0]) if f in cells else None

    def bad(f: str, msg: str) -> None:
        c = cells[f][1]
        ctx.problem(sheet, rownum, c, header[c], msg)

    title = val("title")
    pid = val("pid")
    if pid is not None:
        pid = _nfkc(pid).strip()
        if not _ID_RE.match(pid):
            bad("pid", f"问题编号不能含空白 / a problem id cannot contain spaces: {pid!r}")
            pid = None
    has_measure = any(val(f) is not None for f in _MEASURE_FIELDS)
    if title is not None:
        tkey = _key(title)
        same = current is not None and (
            (pid is not None and pid == current.pid) or (pid is None and tkey == current.title_key)
        )
        if not same:
            rec: dict[str, Any] = {"title": title}
            notes = []
            if category:
                notes.append(f"问题类别：{category}")
            if (c := val("category")) is not None:
                notes = [f"问题类别：{c}"]
            current = _Open(rec, sheet, rownum, tkey, pid, notes)
            opened.append(current)
    elif current is None:
        bad("title", "缺少问题 / the problem (问题) is empty")
        return None
    assert current is not None
    _problem_cells(current, sheet, rownum, cells, header, ctx, val, bad)
    if has_measure:
        m = _measure(sheet, rownum, cells, ctx, val, bad)
        if m is not None:
            current.measures.append((sheet, rownum, m))
    return current


def _where(sheet: _Sheet, rownum: int, col: int) -> str:
    from openpyxl.utils import get_column_letter

    cell = f"{get_column_letter(col + 1)}{rownum}"
    return f"{sheet.name}!{cell}" if sheet.name is not None else cell


def _problem_cells(
    current: _Open,
    sheet: _Sheet,
    rownum: int,
    cells: dict[str, tuple[Any, int]],
    header: dict[int, str],
    ctx: _Ctx,
    val: Any,
    bad: Any,
) -> None:
    """The problem-level cells of a row: the same on every row of a problem, or an error."""

    def once(f: str, value: Any) -> None:
        if f not in current.seen:
            current.seen[f] = (value, _where(sheet, rownum, cells[f][1]))
            current.record[f] = value
        elif current.seen[f][0] != value:
            bad(
                f,
                f"同一问题的{header[cells[f][1]]}前后不一致 / differs from the value given for this "
                f"problem at {current.seen[f][1]}: {current.seen[f][0]!r}",
            )

    for f in ("found", "closed_on", "reported_on"):
        v = cells.get(f, (None, 0))[0]
        if f not in cells or _text(v) is None:
            continue
        iso, note, err = parse_due(v, ctx.year)
        if err or note or not iso:
            bad(f, err or f"须为日期 / must be a date: {_text(v)!r}")
        else:
            once(f, iso)
    if (v := val("origin")) is not None:
        o = parse_origin(v)
        if o is None:
            bad("origin", _origin_error(v))
        else:
            once("origin", o)
    if (v := val("org")) is not None:
        oid, err = ctx.index.resolve(v, "org")
        if err:
            bad("org", err)
        else:
            once("org", oid)
    if (v := val("closed")) is not None:
        k = _key(v)
        if k in _YES:
            current.closed_flag = True
        elif k not in _NO:
            bad("closed", f"是否销号须为“是”或“否” / 是否销号 must be 是 or 否: {v!r}")
    for f, label in (("detail", "具体表现"), ("note", None)):
        if (v := val(f)) is not None:
            text = f"{label}：{v}" if label else v
            if text not in current.notes:
                current.notes.append(text)


def _said_open(text: str | None) -> bool:
    """Whether a 整改情况 cell is one of the words for work not done (整改中, 未完成)."""
    return text is not None and _SPACE_RE.sub("", _nfkc(text)).casefold() in _MEASURE_OPEN


def _measure_status(text: str) -> str:
    k = _SPACE_RE.sub("", _nfkc(text)).casefold()
    if k in _MEASURE_DONE:
        return "done"
    if k in _MEASURE_OPEN:
        return "open"
    return _status_from_text(text)


def _measure(
    sheet: _Sheet, rownum: int, cells: dict[str, tuple[Any, int]], ctx: _Ctx, val: Any, bad: Any
) -> dict | None:
    ok = True
    m: dict[str, Any] = {}

    def fail(f: str, msg: str) -> None:
        nonlocal ok
        ok = False
        bad(f, msg)

    action = val("action")
    if action is None:
        if "action" in cells:
            fail("action", "缺少整改措施 / the measure (整改措施) is empty")
        else:
            # A ledger without a measure column: the problem itself is the work to do.
            m["action"] = "整改" + (val("title") or "")
    else:
        m["action"] = action
    people: list[str] = []
    for f in ("leader", "responsible"):
        if (v := val(f)) is not None:
            for name in _split_names(v):
                pid, err = ctx.index.resolve(name, "person")
                if err:
                    fail(f, err)
                elif pid is not None and pid not in people:
                    people.append(pid)
    if people:
        m["responsible"] = people[0] if len(people) == 1 else people
    units: list[str] = []
    for f in ("lead", "assist"):
        if (v := val(f)) is not None:
            for name in _split_names(v):
                oid, err = ctx.index.resolve(name, "org")
                if err:
                    fail(f, err)
                elif oid in units:
                    continue
                elif f == "lead" and not units:
                    m["lead"] = oid
                    units.append(oid)  # type: ignore[arg-type]
                else:
                    m.setdefault("assist", []).append(oid)
                    units.append(oid)  # type: ignore[arg-type]
    notes: list[str] = []
    if "due" in cells:
        due, note, err = parse_due(cells["due"][0], ctx.year)
        if err:
            fail("due", err)
        elif due:
            m["due"] = due
        elif note:
            notes.append(f"整改时限：{note}")  # 长期坚持, 立行立改: not a date
    status = None
    if (v := val("status")) is not None:
        status = _measure_status(v)
    done_on = None
    if "done_on" in cells and _text(cells["done_on"][0]) is not None:
        done_on, note, err = parse_due(cells["done_on"][0], ctx.year)
        if err or note:
            fail("done_on", err or f"完成日期须为日期 / the date done must be a date: {note!r}")
            done_on = None
        elif status == "open" or (status is None and _said_open(val("progress"))):
            fail(
                "done_on",
                "填了完成日期，整改状态却是未完成 / a date done is given but the status says not done",
            )
    progress = val("progress")
    if status is None:
        status = "done" if done_on else _measure_status(progress) if progress else "open"
    if done_on:
        m["done_on"] = done_on
    m["status"] = status
    if (v := val("evidence")) is not None:
        m["_evidence"] = (split_evidence(v), cells["evidence"][1])
    if progress:
        m["progress"] = progress
    if notes:
        m["note"] = "；".join(notes)
    return m if ok else None


def _finish(
    opened: list[_Open],
    ctx: _Ctx,
    pool: EvidencePool,
    *,
    org_id: str | None,
    origin: str | None,
    found: str | None,
    prefix: str | None,
    source: str | None,
    notes: list[str] | None,
) -> list[dict]:
    """Ids, defaults and evidence for the problems read, in order."""
    used: set[str] = set()
    counters: dict[str, int] = {}
    out: list[dict] = []
    for p in opened:
        rec = p.record
        rec.setdefault("org", org_id)
        if rec["org"] is None:
            continue  # reported once in read_rectification_ledger
        if origin and "origin" not in rec:
            rec["origin"] = origin
        if found and "found" not in rec:
            rec["found"] = found
        where = f"{p.sheet.name}!{p.row}" if p.sheet.name is not None else f"row {p.row}"
        if p.pid is not None:
            pid = p.pid
            if pid in used or pid in ctx.index.kinds:
                ctx.problems.append(
                    Problem(
                        ctx.file,
                        p.row,
                        where,
                        f"问题编号 {pid!r} 已被使用 / problem id {pid!r} is already used",
                    )
                )
                continue
        else:
            base = prefix or f"pb-{rec['org']}"
            n = counters.get(base, 0)
            while True:
                n += 1
                pid = f"{base}-{n}"
                if pid not in used:
                    break
            counters[base] = n
            if pid in ctx.index.kinds:
                ctx.problems.append(
                    Problem(
                        ctx.file,
                        p.row,
                        where,
                        f"问题编号 {pid!r} 已在登记册中：同一台账再次导入时，登记册中不要带上旧的导入结果，"
                        f"或用 --prefix 换前缀 / problem id {pid!r} is already in the register: leave the "
                        f"earlier import out of the register files, or give another --prefix",
                    )
                )
                continue
        used.add(pid)
        rec["id"] = pid
        if p.closed_flag and "closed_on" not in rec and notes is not None:
            notes.append(
                f"{where}: 问题 {pid} 标为已销号但没有销号日期，按未销号读取 / marked closed "
                f"(销号) with no date: read as not closed"
            )
        measures = []
        for k, (sheet, rownum, m) in enumerate(p.measures, 1):
            mid = f"{pid}-m{k}"
            m["id"] = mid
            names, col = m.pop("_evidence", ((), 0))
            ids: list[str] = []
            for name in names:
                eid, err = pool.resolve(name)
                if err:
                    ctx.problem(sheet, rownum, col, "佐证材料", err)
                    continue
                eid = eid or pool.add(name, mid)
                if eid not in ids:
                    ids.append(eid)
            if ids:
                m["evidence"] = ids
            measures.append({f: m[f] for f in _MEASURE_ORDER if f in m})
        if measures:
            rec["measures"] = measures
        if p.notes:
            rec["note"] = "；".join(p.notes)
        if source:
            rec["source"] = source
        out.append({f: rec[f] for f in _PROBLEM_ORDER if f in rec})
    return out


def _check_with_register(result: dict[str, list[dict]], reg: Register, file: str) -> None:
    """Validate the problems together with the register, as ``respchain validate`` would."""
    data: dict[str, Any] = {"respchain": 1, "problems": copy.deepcopy(result["problems"])}
    if result["evidence"]:
        data["evidence"] = copy.deepcopy(result["evidence"])
    try:
        register_from_data([("<register>", reg.to_data(), None), (file, data, None)])
    except InputError as e:
        raise InputError(e.problems) from None


def problems_to_yaml(result: dict[str, list[dict]]) -> str:
    """Problems read from a rectification ledger as a register file: ``respchain: 1``,
    ``problems: [...]`` and the new evidence records it named."""
    data: dict[str, Any] = {"respchain": 1, "problems": result["problems"]}
    if result.get("evidence"):
        data["evidence"] = result["evidence"]
    return register_yaml(data)


def write_problems(result: dict[str, list[dict]], path: str | Path) -> Path:
    """Save the problems of :func:`read_rectification_ledger` as a register file, atomically."""
    path = Path(path)
    text = problems_to_yaml(result)
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path
