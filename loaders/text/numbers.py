"""Chinese numerals: 十二 = 12, 两千三百 = 2300."""

from __future__ import annotations

__all__ = ["parse_chinese_number"]

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_CN_NUM = "零〇一二两三四五六七八九十百千万"


def parse_chinese_number(s: str) -> int:
    """The value of a Chinese numeral.

    Examples
    --------
    >>> [parse_chinese_number(x) for x in ("三", "十", "十二", "二十", "一百零五", "两千三百", "三万")]
    [3, 10, 12, 20, 105, 2300, 30000]
    """
    total, section, digit = 0, 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch == "万":
            section = (section + digit) * 10000
            total += section
            section, digit = 0, 0
        elif ch in _CN_UNITS:
            section += (digit or 1) * _CN_UNITS[ch]
            digit = 0
    return total + section + digit
