"""Excel and CSV ledgers (台账) in and out.

Responsibility lists (责任清单) and their ledgers are kept in Excel almost
everywhere. This module reads them as offices keep them and writes them back:

* :func:`read_ledger` turns a ledger (``.xlsx``/``.xlsm``/``.csv``/``.tsv``) into
  one list record of the register format (``lists[i]`` of register.md). The
  header row is recognised by its Chinese column names, in any order and with
  the usual variants (:data:`HEADER_ALIASES`), wherever it sits below a title;
  merged cells give their value to every cell they cover; every visible sheet
  that has a header is read; dates may be Excel dates or text (``2025年12月底``);
  CSV may be UTF-8 (with or without BOM), GBK or GB18030. People and units are
  written as text and matched to the ids of a register. Every problem of every
  row is collected; if there is any, an :class:`~respchain.exceptions.InputError`
  lists them all and no list is returned.
* :func:`write_list` saves such a record as a register file (``respchain: 1``,
  ``lists: [...]``), atomically.
* :func:`write_ledger` writes one list of a register as a ledger people can
  use: Chinese headers, fitted column widths, a frozen header, real dates, and a
  缺口 column with the LIST-rule gaps of each task, coloured by severity.
* :func:`write_template` writes an empty ledger with drop-down lists of the
  register's units and people, and date validation.

Column meanings (ledger header -> task field)::

    序号 -> task id suffix     任务编号 -> task id       任务目标 -> goal
    具体措施 -> measure         责任人, 责任领导 -> responsible (people)
    牵头单位 -> lead            协助部门 -> assist         完成时限 -> due / due_note
    状态 -> status              完成情况 -> progress (and status when no 状态)
    责任类型 -> implements      备注 -> note               缺口 -> ignored (written on export)

Names are matched after NFKC (full width -> half width) with spaces removed:
by id, then by name, then (people) by post title (``区委书记``) or a part of
one, (units) by the name without 中共 or by a unique ending (``卫生健康局``);
``王某（p-wang）`` picks by id where a name is shared. Several names in one cell
are separated by 、，,;；/ or line breaks; in 牵头单位 the first leads and the
others join 协助部门.
"""

from __future__ import annotations

import calendar
import codecs
import copy
import csv
import datetime as _dt
import difflib
import io
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from respchain.graph.schema import RESPONSIBILITY_INFO, ListKind, NodeKind, RelType, vocab_label
from respchain.loaders.register import Register, load_register, register_from_data
from respchain.loaders.writer import register_yaml

from respchain._files import atomic_path
from respchain.exceptions import InputError, Problem

__all__ = [
    "read_ledger",
    "write_list",
    "list_changes",
    "replace_list_in_file",
    "list_to_yaml",
    "write_ledger",
    "write_template",
    "parse_due",
    "HEADER_ALIASES",
    "LEDGER_COLUMNS",
    "LEDGER_SUFFIXES",
    "LEDGER_RULES",
]

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
        "完成日期",
    ),
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
    "implements": ("责任类型", "责任类别"),
    "note": ("备注", "说明", "附注"),
    "gaps": ("缺口", "缺口提示"),
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
    "status",
    "progress",
    "implements",
    "note",
    "gaps",
)
_TEMPLATE_COLUMNS = tuple(c for c in LEDGER_COLUMNS if c not in ("id", "gaps"))

_MAX_HEADER_SCAN = 30  # rows searched for the header below titles
_SPLIT_RE = re.compile(r"[、,;/\n\r|]+")  # after NFKC: ，；／ are , ; /
_BRACKET_RE = re.compile(r"\(.*?\)|\[.*?\]|【.*?】|<.*?>")
_SPACE_RE = re.compile(r"\s+")
_NAME_ID_RE = re.compile(r"^(.*)\((\S+)\)$")
_ID_RE = re.compile(r"^\S+$")


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def _key(s: str) -> str:
    """The matching key of a name: NFKC (full width -> half width), no spaces, case-folded."""
    return _SPACE_RE.sub("", _nfkc(s)).casefold()


def _header_key(s: str) -> str:
    k = _key(s).lstrip("*※")
    k = _BRACKET_RE.sub("", k)
    return k.rstrip(":：")


_HEADER_INDEX: dict[str, str] = {}
for _field, _aliases in HEADER_ALIASES.items():
    for _a in _aliases:
        _HEADER_INDEX[_header_key(_a)] = _field
# Aliases tried as substrings, longest first (``具体责任单位`` -> lead). Short,
# generic aliases (``任务``, ``进度``) only match whole headers.
_HEADER_CONTAINS = sorted((k for k in _HEADER_INDEX if len(k) >= 3), key=len, reverse=True)


def _header_field(text: Any) -> str | None:
    """The field a header cell stands for, or None."""
    if not isinstance(text, str) or not text.strip():
        return None
    k = _header_key(text)
    if k in _HEADER_INDEX:
        return _HEADER_INDEX[k]
    for part in re.split(r"[/、|]", k):  # 牵头单位/责任单位
        if part in _HEADER_INDEX:
            return _HEADER_INDEX[part]
    if len(k) <= 12:
        for alias in _HEADER_CONTAINS:
            if alias in k:
                return _HEADER_INDEX[alias]
    return None


# ---------------------------------------------------------------------------
# Dates


def _month_end(y: int, m: int) -> _dt.date:
    return _dt.date(y, m, calendar.monthrange(y, m)[1])


_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}
_DATE_PREFIX_RE = re.compile(r"^(截至|截止到|截止|于|在)")
_DATE_SUFFIX_RE = re.compile(r"(之前|以前|前|为止|止|完成|前完成)+$")
_DATETIME_TEXT_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[T ]\d{1,2}:\d{2}")


def parse_due(value: Any, year: int | None = None) -> tuple[str | None, str | None, str | None]:
    """Read a 完成时限 cell.

    Parameters
    ----------
    value : date, datetime, number or str
        The cell: an Excel date, or text such as ``2025年12月底``, ``2025年6月30日``,
        ``2025.6.30``, ``2025年第三季度``, ``长期坚持``.
    year : int, optional
        The list's year, used for text without one (``6月30日前``, ``年底前``).

    Returns
    -------
    (due, due_note, error)
        ``due`` an ISO date or None; ``due_note`` the text when it is not a date
        (``每季度``); ``error`` a message when the text looks like a date that
        does not exist (``2025年2月30日``).

    Examples
    --------
    >>> parse_due("2025年12月底")
    ('2025-12-31', None, None)
    >>> parse_due("长期坚持")
    (None, '长期坚持', None)
    >>> parse_due("6月30日前", year=2025)
    ('2025-06-30', None, None)
    """
    if value is None:
        return None, None, None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat(), None, None
    if isinstance(value, _dt.date):
        return value.isoformat(), None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        s = str(int(value)) if float(value).is_integer() else str(value)
        if re.fullmatch(r"\d{8}", s):
            value = s
        elif 20000 <= value <= 80000:  # an Excel serial date in a cell not formatted as a date
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date().isoformat(), None, None
        else:
            return None, s, None
    text = str(value).strip()
    if not text:
        return None, None, None
    m = _DATETIME_TEXT_RE.match(text)
    if m:  # 2025-12-31 00:00:00
        text = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    s = _SPACE_RE.sub("", _nfkc(text))
    s = _DATE_PREFIX_RE.sub("", s)
    s = _DATE_SUFFIX_RE.sub("", s) or s
    try:
        d = _date_of(s, year)
    except ValueError:
        return None, None, f"不是有效日期 / not a valid date: {text!r}"
    if d is None:
        return None, text, None
    return d.isoformat(), None, None


def _date_of(s: str, year: int | None) -> _dt.date | None:
    """The date a normalised due text names, None when it names none; ValueError when impossible."""
    if m := re.fullmatch(r"(\d{4})[年\-./](\d{1,2})[月\-./](\d{1,2})[日号]?", s):
        return _dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s):
        return _dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})[年\-./](\d{1,2})月?(底|末|份|中旬|下旬)?", s):
        y, mo = int(m[1]), int(m[2])
        if m[3] == "中旬":
            return _dt.date(y, mo, 20)
        return _month_end(y, mo)
    if m := re.fullmatch(r"(\d{4})年?(年底|年末|底|末)?", s):
        return _dt.date(int(m[1]), 12, 31)
    if m := re.fullmatch(r"(\d{4})年?(上半年|年中|下半年)", s):
        return _dt.date(int(m[1]), 6, 30) if m[2] in ("上半年", "年中") else _dt.date(int(m[1]), 12, 31)
    if m := re.fullmatch(r"(\d{4})年?第?([一二三四1-4])季度(末|底)?", s):
        q = _CN_DIGITS.get(m[2]) or int(m[2])
        return _month_end(int(m[1]), q * 3)
    if year is None:
        return None
    if m := re.fullmatch(r"(\d{1,2})[月\-./](\d{1,2})[日号]?", s):
        return _dt.date(year, int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{1,2})月(底|末|份)?", s):
        return _month_end(year, int(m[1]))
    if s in ("年底", "年末", "今年年底", "本年度", "年内"):
        return _dt.date(year, 12, 31)
    if s in ("上半年", "年中"):
        return _dt.date(year, 6, 30)
    if m := re.fullmatch(r"第?([一二三四1-4])季度(末|底)?", s):
        return _month_end(year, (_CN_DIGITS.get(m[1]) or int(m[1])) * 3)
    return None


# ---------------------------------------------------------------------------
# Status


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


# ---------------------------------------------------------------------------
# Names -> ids


@dataclass
class _Index:
    """Names, ids and post titles of a register's organizations and people, for matching."""

    names: dict[str, str] = field(default_factory=dict)  # id -> name
    kinds: dict[str, str] = field(default_factory=dict)  # id -> "org" | "person" | other section
    tiers: dict[str, list[dict[str, set[str]]]] = field(default_factory=dict)  # what -> tiers
    pool: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # what -> key -> ids (suggestions)
    display: dict[str, dict[str, str]] = field(default_factory=dict)  # what -> key -> original text
    cache: dict[tuple[str, str], tuple[str | None, str | None]] = field(default_factory=dict)
    chars: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # what -> char -> keys

    @classmethod
    def build(cls, reg: Register) -> _Index:
        ix = cls()
        for section in ("sources", "responsibilities", "lists", "events", "mechanisms", "facts"):
            for rec in getattr(reg, section):
                if isinstance(rec.get("id"), str):
                    ix.kinds[rec["id"]] = section
                for t in rec.get("tasks") or () if section == "lists" else ():
                    ix.kinds[t["id"]] = "tasks"
        org_tiers: list[dict[str, set[str]]] = [{}, {}, {}]
        for o in reg.organizations:
            oid, name = o["id"], o["name"]
            ix.names[oid], ix.kinds[oid] = name, "org"
            org_tiers[0].setdefault(_key(oid), set()).add(oid)
            org_tiers[1].setdefault(_key(name), set()).add(oid)
            short = re.sub(r"^中共", "", _key(name))
            if short != _key(name):
                org_tiers[2].setdefault(short, set()).add(oid)
        person_tiers: list[dict[str, set[str]]] = [{}, {}, {}, {}]
        for p in reg.people:
            pid, name = p["id"], p["name"]
            ix.names[pid], ix.kinds[pid] = name, "person"
            person_tiers[0].setdefault(_key(pid), set()).add(pid)
            person_tiers[1].setdefault(_key(name), set()).add(pid)
            for post in p.get("posts") or ():
                title = post.get("title")
                if not title:
                    continue
                person_tiers[2].setdefault(_key(title), set()).add(pid)
                for part in _SPLIT_RE.split(_nfkc(title)):
                    if _key(part):
                        person_tiers[3].setdefault(_key(part), set()).add(pid)
        ix.tiers = {"org": org_tiers, "person": person_tiers}
        for what, tiers in ix.tiers.items():
            pool: dict[str, set[str]] = {}
            for tier in tiers:
                for k, ids in tier.items():
                    pool.setdefault(k, set()).update(ids)
            ix.pool[what] = pool
        ix.display = {"org": {}, "person": {}}
        for o in reg.organizations:
            ix.display["org"][_key(o["name"])] = o["name"]
            ix.display["org"][_key(o["id"])] = o["id"]
        for p in reg.people:
            ix.display["person"][_key(p["name"])] = p["name"]
            ix.display["person"][_key(p["id"])] = p["id"]
            for post in p.get("posts") or ():
                if post.get("title"):
                    ix.display["person"].setdefault(_key(post["title"]), post["title"])
                    for part in _SPLIT_RE.split(_nfkc(post["title"])):
                        if _key(part):
                            ix.display["person"].setdefault(_key(part), part.strip())
        return ix

    def resolve(self, text: str, what: str) -> tuple[str | None, str | None]:
        """``(id, None)`` for a name that matches one record of ``what``, else ``(None, message)``."""
        ck = (text, what)
        if ck not in self.cache:
            self.cache[ck] = self._resolve(text, what)
        return self.cache[ck]

    def _find(self, k: str, what: str) -> tuple[set[str], bool]:
        """Ids matching key ``k`` in the first tier that has it; second: whether ambiguous."""
        for tier in self.tiers[what]:
            ids = tier.get(k)
            if ids:
                return ids, len(ids) > 1
        if what == "org" and len(k) >= 3:
            # A unit written without its region prefix: 卫生健康局 for 示例区卫生健康局.
            ids = {i for name_k, s in self.tiers["org"][1].items() if name_k.endswith(k) for i in s}
            if ids:
                return ids, len(ids) > 1
        return set(), False

    def _resolve(self, text: str, what: str) -> tuple[str | None, str | None]:
        k = _key(text)
        m = _NAME_ID_RE.match(_nfkc(text).strip())
        if m and self.kinds.get(m[2].strip()) == what:  # 王某（p-wang）: the id decides
            return m[2].strip(), None
        ids, ambiguous = self._find(k, what)
        label = "人员 / person" if what == "person" else "单位 / unit"
        if ids and not ambiguous:
            return next(iter(ids)), None
        if ambiguous:
            cands = "、".join(f"{self.names[i]}（{i}）" for i in sorted(ids))
            return None, (
                f"{text!r} 对应多个{label.split(' / ')[0]}，请写明 / matches several, write one of: {cands}"
            )
        other = "org" if what == "person" else "person"
        oids, _ = self._find(k, other)
        if oids:
            i = sorted(oids)[0]
            want = "人员 / a person" if what == "person" else "单位 / a unit"
            found = "单位 / a unit" if what == "person" else "人员 / a person"
            return None, (
                f"{text!r} 是{found.split(' / ')[0]}（{i}），此列须为{want.split(' / ')[0]} / "
                f"is {found.split(' / ')[1]} ({i}); this column needs {want.split(' / ')[1]}"
            )
        hint = self.suggest(k, what)
        msg = f"登记册中没有此{label.split(' / ')[0]} / no such {label.split(' / ')[1]} in the register: {text!r}"
        if hint:
            msg += f"；最接近 / closest: {hint}"
        return None, msg

    def suggest(self, k: str, what: str, n: int = 3) -> str:
        """The closest names (difflib), as ``名称（id）``, joined by 、."""
        pool = self.pool[what]
        keys = list(pool)
        if len(keys) > 2000:
            # A large register: compare only with the names sharing most characters.
            chars = self.chars.get(what)
            if chars is None:
                chars = self.chars[what] = {}
                for key in keys:
                    for ch in set(key):
                        chars.setdefault(ch, []).append(key)
            counts: Counter[str] = Counter()
            for ch in set(k):
                counts.update(chars.get(ch, ()))
            keys = [key for key, _ in counts.most_common(300)]
        close = difflib.get_close_matches(k, keys, n=n * 4, cutoff=0.4)
        # Rank the records these keys stand for by how close their *name* is: a
        # title shared by many (副院长) must not push the right name (副院长己) out.
        best: dict[str, tuple[float, float]] = {}
        sm = difflib.SequenceMatcher(b=k)
        for rank, c in enumerate(close):
            for i in pool[c]:
                if i in best:
                    continue
                sm.set_seq1(_key(self.names.get(i, i)))
                best[i] = (sm.ratio(), -rank)
        ranked = sorted(best, key=lambda i: (-best[i][0], -best[i][1], i))
        # Names equally close are all shown (up to 10): 副院长甲 … 副院长己 for 副院长已.
        top = best[ranked[0]][0] if ranked else 0.0
        n = max(n, min(10, sum(1 for i in ranked if best[i][0] == top)))
        out: list[str] = []
        for i in ranked:
            shown = self.names.get(i) or i
            out.append(f"{shown}（{i}）" if shown != i else i)
        return "、".join(out[:n])


# ---------------------------------------------------------------------------
# Reading sheets


@dataclass
class _Sheet:
    """One table: a sheet of a workbook, or a CSV file."""

    name: str | None  # None for CSV
    rows: list[list[Any]]
    hmerges: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # row -> [(c0, c1)] 0-based


_MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")


def _merged_ranges(path: Path, ws: Any) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a read-only sheet, 0-based ``(row0, col0, row1, col1)``.

    openpyxl's fast read-only mode does not report merged cells, so they are read
    from the sheet's XML (``<mergeCell ref="F3:F7"/>``).
    """
    from openpyxl.utils.cell import range_boundaries

    part = getattr(ws, "_worksheet_path", None)
    if not part:
        return []
    with zipfile.ZipFile(path) as z:
        xml = z.read(part.lstrip("/"))
    out = []
    for ref in _MERGE_RE.findall(xml):
        c0, r0, c1, r1 = range_boundaries(ref.decode())
        out.append((r0 - 1, c0 - 1, r1 - 1, c1 - 1))
    return out


def _text_cell(c: Any) -> Any:
    """Keep a cell holding text as text: a name starting with ``=`` is never a formula."""
    if isinstance(c.value, str):
        c.data_type = "s"
    return c


def _read_xlsx(path: Path, meta: dict[str, Any] | None = None) -> list[_Sheet]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds (zipfile, KeyError, InvalidFileException)
        raise InputError(
            Problem(str(path), 0, "", f"无法读取 Excel 文件 / cannot read the workbook: {e}")
        ) from None
    sheets = []
    if meta is not None:
        meta.update(_ledger_meta(wb.properties))
    try:
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue  # lists behind drop-downs live on hidden sheets
            ws.reset_dimensions()  # do not trust the size the file declares
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            hmerges: dict[int, list[tuple[int, int]]] = {}
            for r0, c0, r1, c1 in _merged_ranges(path, ws):
                if r0 >= len(rows):
                    continue
                v = rows[r0][c0] if c0 < len(rows[r0]) else None
                for r in range(r0, min(r1, len(rows) - 1) + 1):
                    row = rows[r]
                    if len(row) <= c1:
                        row.extend([None] * (c1 + 1 - len(row)))
                    for c in range(c0, c1 + 1):
                        row[c] = v
                    if c1 > c0:
                        hmerges.setdefault(r, []).append((c0, c1))
            sheets.append(_Sheet(ws.title, rows, hmerges))
    finally:
        wb.close()
    return sheets


_META_MARK = "respchain-ledger"


def _ledger_meta(props: Any) -> dict[str, Any]:
    """The list's name and year, from the document properties of a ledger respchain wrote."""
    kw = getattr(props, "keywords", None) or ""
    if _META_MARK not in kw:
        return {}
    out: dict[str, Any] = {}
    if props.title:
        out["name"] = props.title
    if m := re.search(r"year=(\d{4})", kw):
        out["year"] = int(m[1])
    return out


def _decode(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (BOM or not), UTF-16 with BOM, else GB18030 (a superset of GBK)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _read_csv(path: Path) -> list[_Sheet]:
    try:
        text = _decode(path.read_bytes())
    except UnicodeDecodeError as e:
        raise InputError(
            Problem(
                str(path),
                0,
                "",
                f"无法识别编码（UTF-8、GBK、GB18030）/ unknown encoding "
                f"(tried UTF-8, GBK, GB18030): byte {e.start}",
            )
        ) from None
    sample = text[:8192]
    delim = "\t" if path.suffix.lower() == ".tsv" else ","
    if path.suffix.lower() != ".tsv":
        counts = {d: sample.count(d) for d in (",", "\t", ";")}
        first = sample.splitlines()[0] if sample else ""
        if first.count(",") == 0 and max(counts.values()) > 0:
            delim = max(counts, key=counts.get)  # type: ignore[arg-type]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        rows = [[c if c.strip() else None for c in r] for r in reader]
    except csv.Error as e:  # a cell over the field limit, a NUL
        raise InputError(Problem(str(path), reader.line_num, "", f"CSV 格式错误 / bad CSV: {e}")) from None
    return [_Sheet(None, rows)]


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[int, str], list[int]] | None:
    """The header row: ``(row index, {column: field}, unknown columns)``; the first of the top rows
    that names the goal column and at least one other known column."""
    for r, row in enumerate(rows[:_MAX_HEADER_SCAN]):
        cols: dict[int, str] = {}
        for c, v in enumerate(row):
            f = _header_field(v)
            if f and f not in cols.values():
                cols[c] = f
        if "goal" in cols.values() and len(cols) >= 2:
            # A two-row header (责任主体 over 牵头单位 | 协助部门): the row below holds
            # nothing but headers; its names win for their columns.
            if r + 1 < len(rows):
                sub = {c: _header_field(v) for c, v in enumerate(rows[r + 1]) if _text(v) is not None}
                if sub and all(sub.values()):
                    for c, f in sub.items():
                        for other in [c2 for c2, f2 in cols.items() if f2 == f and c2 != c]:
                            del cols[other]
                        cols[c] = f  # type: ignore[assignment]
                    r += 1
            unknown = [c for c, v in enumerate(rows[r]) if v is not None and c not in cols]
            return r, cols, unknown
    return None


# ---------------------------------------------------------------------------
# read_ledger


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


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, (_dt.datetime, _dt.date)):
        v = v.isoformat()[:10]
    s = str(v).strip()
    return s or None


def _seq_text(v: Any) -> str | None:
    s = _text(v)
    if s is None:
        return None
    return _SPACE_RE.sub("", _nfkc(s)).rstrip(".、") or None


def _split_names(text: str) -> list[str]:
    parts = (_SPACE_RE.sub(" ", p).strip() for p in _SPLIT_RE.split(_nfkc(text)))
    out: list[str] = []
    for p in parts:
        if p and p not in out:
            out.append(p)
    return out


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
    filled = [c for c in cols if c < len(row) and _text(row[c]) is not None and cols[c] != "gaps"]
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
                elif pid not in people:
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
    progress = _text(cells["progress"][0]) if "progress" in cells else None
    if status is None:
        status = _status_from_text(progress) if progress else "open"
    task["status"] = status
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


_TASK_ORDER = (
    "id",
    "goal",
    "measure",
    "responsible",
    "lead",
    "assist",
    "due",
    "due_note",
    "status",
    "progress",
    "implements",
    "note",
)


def _as_register(register: Register | str | Path | Sequence[str | Path]) -> Register:
    return register if isinstance(register, Register) else load_register(register)


def read_ledger(
    path: str | Path,
    register: Register | str | Path | Sequence[str | Path],
    *,
    owner: str,
    kind: str,
    name: str | None = None,
    year: int | None = None,
    list_id: str | None = None,
    source: str | None = None,
    notes: list[str] | None = None,
    update: bool = False,
) -> dict:
    """Read a ledger (台账) into one list record of the register format.

    Parameters
    ----------
    path : str or Path
        An ``.xlsx``/``.xlsm`` workbook (every visible sheet with a header is
        read, in order) or a ``.csv``/``.tsv`` file (UTF-8 with or without BOM,
        UTF-16 with BOM, GBK or GB18030).
    register : Register, path or sequence of paths
        The register whose organizations and people the ledger names.
    owner : str
        The organization that owns the list: its id or its name.
    kind : {'main', 'supervisory', 'other'}
        The list's kind.
    name : str, optional
        The list's name; default the name a ledger exported by respchain records
        in its document properties, else the title above the header, else the
        file name.
    year : int, optional
        The list's year; default the year such a ledger records, else the year
        in the list's name. Text dates without a
        year (``6月30日前``) take it.
    list_id : str, optional
        The list's id; default ``<owner>-<kind>-<year>``. Task ids are
        ``<list id>-<序号>`` (or ``-<row>`` without 序号), unless a 任务编号
        column gives them.
    source : str, optional
        The id of the register's source the list comes from (its provenance);
        a ledger carries no provenance of its own.
    notes : list, optional
        Receives remarks that are not errors (sheets skipped, columns ignored).

    Returns
    -------
    dict
        ``{"id", "name", "kind", "owner", "year", "tasks": [...]}``, valid
        together with ``register`` (checked before it is returned).

    Raises
    ------
    InputError
        Listing every bad row: file, row, cell and column, message, and for a
        name that matches nothing the closest names of the register.
    """
    path = Path(path)
    reg = _as_register(register)
    file = str(path)
    if kind not in ListKind.values():
        raise InputError(
            Problem(
                file,
                0,
                "kind",
                f"{kind!r} 不是清单类型 / not a list kind (须为 / one of: {', '.join(ListKind.values())})",
            )
        )
    if not path.exists():
        raise InputError(Problem(file, 0, "", "文件不存在 / no such file"))
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError(
            Problem(
                file, 0, "", "不支持旧版 .xls，请另存为 .xlsx / old .xls is not supported: save it as .xlsx"
            )
        )
    if suffix not in LEDGER_SUFFIXES:
        raise InputError(
            Problem(
                file,
                0,
                "",
                f"不支持的文件类型 / unsupported file type {suffix!r} "
                f"(supported: {', '.join(LEDGER_SUFFIXES)})",
            )
        )
    index = _Index.build(reg)
    owner_id, err = index.resolve(owner, "org")
    if err:
        raise InputError(Problem(file, 0, "owner", f"清单责任主体 / list owner: {err}"))
    meta: dict[str, Any] = {}
    sheets = _read_xlsx(path, meta) if suffix in (".xlsx", ".xlsm") else _read_csv(path)
    name = name or meta.get("name") or _title(sheets) or path.stem
    year = year if year is not None else meta.get("year")
    if year is None and (m := re.search(r"(20\d{2}|19\d{2})\s*年", name)):
        year = int(m[1])
    ctx = _Ctx(file, index, year)
    rows: list[tuple[_Sheet, int, dict]] = []
    read_any = False
    for sheet in sheets:
        read_any |= _read_table(sheet, ctx, rows, notes)
    if not read_any:
        wanted = "、".join(HEADER_ALIASES["goal"][:3])
        raise InputError(
            Problem(
                file,
                0,
                "",
                f"未找到台账表头（须有任务目标列，如 {wanted}）/ no ledger header "
                "found (a goal column such as 任务目标 and one more known column)",
            )
        )
    if ctx.problems:
        raise InputError(ctx.problems)
    lid = list_id or f"{owner_id}-{kind}" + (f"-{year}" if year else "")
    old = next((lst for lst in reg.lists if lst.get("id") == lid), None) if update else None
    if old is not None:  # a refilled ledger: its list and task ids are its own
        index.kinds = {
            k: v for k, v in index.kinds.items()
            if k != lid and k not in {t.get("id") for t in old.get("tasks") or ()}
        }
    problems: list[Problem] = []
    if not _ID_RE.match(lid):
        problems.append(
            Problem(file, 0, "id", f"清单 id 不能含空白 / a list id cannot contain spaces: {lid!r}")
        )
    elif lid in index.kinds:
        problems.append(
            Problem(
                file,
                0,
                "id",
                f"清单 id 已在登记册中 / list id {lid!r} is already used in the register (use --id)",
            )
        )
    tasks = _assign_ids(lid, rows, index, ctx)
    if not tasks and notes is not None:
        notes.append("台账中没有任务 / the ledger has no tasks")
    problems.extend(ctx.problems)
    if problems:
        raise InputError(problems)
    record: dict[str, Any] = {"id": lid, "name": name, "kind": kind, "owner": owner_id}
    if year:
        record["year"] = year
    if source:
        record["source"] = source
    record["tasks"] = tasks
    _check_with_register(record, reg, file, replace=lid if old is not None else None)
    if old is not None:
        record["_previous"] = {k: v for k, v in old.items() if not k.startswith("_")}
        record["_previous"]["tasks"] = [
            {k: v for k, v in t.items() if not k.startswith("_")} for t in old.get("tasks") or ()
        ]
        record["_from_file"] = old.get("_file")
    return record


def _title(sheets: list[_Sheet]) -> str | None:
    """The first text above the first header (a ledger's title row)."""
    for sheet in sheets:
        found = _find_header(sheet.rows)
        if found is None:
            continue
        for row in sheet.rows[: found[0]]:
            texts = [t for t in (_text(v) for v in row) if t]
            if texts:
                return texts[0]
        return None
    return None


def _assign_ids(lid: str, rows: list[tuple[_Sheet, int, dict]], index: _Index, ctx: _Ctx) -> list[dict]:
    """Give each task its id: the 任务编号 given, else ``<list>-<序号>``, else ``<list>-<row>``;
    repeats (a 序号 merged over several rows, sheets that each start at 1) get ``-2``, ``-3``."""
    used: dict[str, tuple[_Sheet, int]] = {}
    explicit = {t["id"] for _, _, t in rows if "id" in t}
    tasks = []
    multi = len({id(s) for s, _, _ in rows}) > 1
    for sheet, rownum, t in rows:
        seq = t.pop("_seq", None)
        if "id" in t:
            tid = t["id"]
            if tid in used:
                s0, r0 = used[tid]
                where = f"{s0.name}!{r0}" if s0.name is not None else f"row {r0}"
                ctx.problem(
                    sheet, rownum, None, "", f"任务编号重复 / task id {tid!r} given twice (first at {where})"
                )
            elif tid in index.kinds:
                ctx.problem(
                    sheet,
                    rownum,
                    None,
                    "",
                    f"任务编号已在登记册中 / task id {tid!r} is already used in the register",
                )
        else:
            if seq and _ID_RE.match(seq):
                base = f"{lid}-{seq}"
            elif multi:  # rows repeat across sheets: the sheet names the row
                base = _SPACE_RE.sub("", f"{lid}-{sheet.name}-{rownum}")
            else:
                base = f"{lid}-{rownum}"
            tid, n = base, 1
            while tid in used or tid in explicit or tid in index.kinds:
                n += 1
                tid = f"{base}-{n}"
            t["id"] = tid
        used[t["id"]] = (sheet, rownum)
        tasks.append({k: t[k] for k in _TASK_ORDER if k in t})
    return tasks


def _check_with_register(record: dict, reg: Register, file: str, replace: str | None = None) -> None:
    """Validate the list together with the register, as ``respchain validate`` would
    (without the register's list ``replace``, which the record updates)."""
    data = {"respchain": 1, "lists": [copy.deepcopy(record)]}
    base = reg.to_data()
    if replace is not None:
        base["lists"] = [lst for lst in base.get("lists") or () if lst.get("id") != replace]
    try:
        register_from_data([("<register>", base, None), (file, data, None)])
    except InputError as e:
        raise InputError(e.problems) from None


# ---------------------------------------------------------------------------
# Writing the list


def list_to_yaml(record: dict) -> str:
    """A list record as a register file: ``respchain: 1`` and ``lists: [record]``."""
    data = {"respchain": 1, "lists": [{k: v for k, v in record.items() if not k.startswith("_")}]}
    return register_yaml(data)


def _write_file(path: Path, write: Callable[[Path], None]) -> Path:
    """Write through a temporary file in the same folder, then rename: nothing half-written."""
    path = Path(path)
    with atomic_path(path) as tmp:
        write(tmp)
    return path


_CHANGE_FIELDS = ("goal", "measure", "responsible", "lead", "assist", "due", "due_note", "status",
                  "done_on", "progress", "implements", "note")


def list_changes(old: dict, new: dict) -> list[str]:
    """What a refilled ledger changes in its list: tasks added, removed, and each changed field.

    Examples
    --------
    >>> old = {"tasks": [{"id": "t1", "goal": "a", "status": "open"}, {"id": "t2", "goal": "b"}]}
    >>> new = {"tasks": [{"id": "t1", "goal": "a", "status": "done"}, {"id": "t3", "goal": "c"}]}
    >>> list_changes(old, new)
    ['~ t1 status: open → done', '+ t3 c', '- t2 b']
    """
    before = {t["id"]: t for t in old.get("tasks") or ()}
    after = {t["id"]: t for t in new.get("tasks") or ()}
    out: list[str] = []

    def show(v: Any) -> str:
        if v is None or v == []:
            return "∅"
        return "、".join(map(str, v)) if isinstance(v, list) else str(v)

    def norm(v: Any) -> Any:
        return [v] if isinstance(v, str) and v else v

    for tid, t in after.items():
        if tid not in before:
            continue
        for k in _CHANGE_FIELDS:
            a, b = before[tid].get(k), t.get(k)
            if k in ("responsible", "lead", "assist"):
                a, b = norm(a), norm(b)
            if (a or None) != (b or None):
                out.append(f"~ {tid} {k}: {show(a)} → {show(b)}")
    out += [f"+ {tid} {t.get('goal', '')}" for tid, t in after.items() if tid not in before]
    out += [f"- {tid} {t.get('goal', '')}" for tid, t in before.items() if tid not in after]
    return out


def replace_list_in_file(record: dict, path: str | Path) -> Path:
    """Write ``record`` into the register file it came from, in place of the list of the same id,
    keeping the file's other records (its comments are not kept); atomically."""
    path = Path(path)
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    new = {k: v for k, v in record.items() if not k.startswith("_")}
    data["lists"] = [new if lst.get("id") == new["id"] else lst for lst in data.get("lists") or ()]
    text = register_yaml(data)
    return _write_file(path, lambda p: p.write_text(text, encoding="utf-8"))


def write_list(record: dict, path: str | Path) -> Path:
    """Save a list record (from :func:`read_ledger`) as a register file, atomically."""
    text = list_to_yaml(record)
    return _write_file(Path(path), lambda p: p.write_text(text, encoding="utf-8"))


# ---------------------------------------------------------------------------
# Export


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
    source: Any, list_id: str, path: str | Path, *, findings: Iterable[Any] = (), lang: str = "zh"
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
    la = G.nodes[list_id]
    tasks = [v for _, v, d in G.out_edges(list_id, data=True) if d.get("type") == RelType.HAS_TASK.value]
    people = _display_names(G, NodeKind.PERSON.value)
    orgs = _display_names(G, NodeKind.ORGANIZATION.value)
    gaps = _list_findings(findings, set(tasks))

    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(la.get("name") or list_id)
    cols = LEDGER_COLUMNS
    ncol = len(cols)
    owner = G.nodes[la["owner"]].get("name", la["owner"]) if la.get("owner") in G else la.get("owner", "")
    _text_cell(ws.cell(1, 1, la.get("name") or list_id)).font = Font(bold=True, size=14)
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
        a = G.nodes[tid]
        out = {t: [] for t in (RelType.RESPONSIBLE.value, RelType.LEAD.value, RelType.ASSIST.value)}
        impl = None
        for _, v, d in G.out_edges(tid, data=True):
            if d.get("type") in out:
                out[d["type"]].append(v)
            elif d.get("type") == RelType.IMPLEMENTS.value:
                impl = G.nodes[v].get("code")
        impl = a.get("implements") or impl
        found = gaps.get(tid, [])
        due: Any = None
        if a.get("due"):
            due = _dt.date.fromisoformat(a["due"])
        elif a.get("due_note"):
            due = a["due_note"]
        values = {
            "seq": i,
            "id": tid,
            "goal": a.get("goal") or a.get("name"),
            "measure": a.get("measure"),
            "responsible": "、".join(people.get(p, p) for p in out[RelType.RESPONSIBLE.value]) or None,
            "lead": "、".join(orgs.get(o, o) for o in out[RelType.LEAD.value]) or None,
            "assist": "、".join(orgs.get(o, o) for o in out[RelType.ASSIST.value]) or None,
            "due": due,
            "status": vocab_label("done" if a.get("status") == "done" else "open", lang, "task_status"),
            "progress": a.get("progress"),
            "implements": vocab_label(impl, lang, "responsibility_type") if impl in RESPONSIBILITY_INFO else None,
            "note": a.get("note"),
            "gaps": "\n".join(f"{fd.rule} {fd.message_en if lang == 'en' else fd.message_zh}" for fd in found)
            or None,
        }
        r = i + 2
        for key, v in values.items():
            cell = ws.cell(r, col_of[key], v)
            _text_cell(cell)
            cell.style = "台账日期" if isinstance(v, _dt.date) else "台账正文"
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


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def _sheet_title(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "台账"


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
    ws.cell(1, 1, title or "全面从严治党责任清单（台账）").font = Font(bold=True, size=14)
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
    for r in range(first, last + 1):
        ws.cell(r, col_of["due"]).number_format = "yyyy-mm-dd"
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
            _text_cell(lists.cell(i, 1, n))
        for i, n in enumerate(people, 2):
            _text_cell(lists.cell(i, 2, n))
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
        "progress": 28,
        "implements": 16,
        "note": 20,
    }
    for key, c in col_of.items():
        ws.column_dimensions[_col(c)].width = widths.get(key, 12)
    ws.freeze_panes = "A3"
    return _write_file(Path(path), lambda p: wb.save(p))
