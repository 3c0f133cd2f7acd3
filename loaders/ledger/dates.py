"""Dates of a ledger: Excel dates, and text such as 2025年12月底, 6月30日前, 第三季度, 长期坚持."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import Any

from respchain.loaders.ledger.text import _SPACE_RE, _nfkc


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
