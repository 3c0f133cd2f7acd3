"""Making user text inert where it lands: spreadsheet cells, Markdown, terminals.

- :func:`cell` neutralises a formula as OWASP advises for CSV and spreadsheet
  injection: a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return (or their fullwidth forms) gets a leading apostrophe, so
  Excel, WPS and LibreOffice show it as text.
- :func:`md` escapes a text for a Markdown table cell: HTML (``<``, ``>``,
  ``&``), link brackets, pipes, backslashes and line breaks.
- :func:`visible` shows control characters as ``\\x1b``-style escapes, so
  that nothing a register holds can drive the terminal.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["cell", "uncell", "md", "visible"]

_FORMULA_START = tuple("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def cell(value: Any) -> Any:
    """``value`` fit for a cell: a text that would start a formula gets a leading ``'``.

    Examples
    --------
    >>> cell("=HYPERLINK(1)"), cell("-5"), cell(-5), cell("市委")
    ("'=HYPERLINK(1)", "'-5", -5, '市委')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def uncell(value: Any) -> Any:
    """The text :func:`cell` was given: a leading ``'`` before a formula start is dropped
    (a file written with :func:`cell` reads back as the text it was written from).

    Examples
    --------
    >>> uncell("'=HYPERLINK(1)"), uncell("'市委"), uncell(-5)
    ('=HYPERLINK(1)', "'市委", -5)
    """
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


_MD = {
    "\\": "\\\\",
    "|": "\\|",
    "<": "&lt;",
    ">": "&gt;",
    "&": "&amp;",
    "[": "\\[",
    "]": "\\]",
    "`": "\\`",
    "\n": " ",
    "\r": " ",
}
_MD_RE = re.compile(r"[\\|<>&\[\]`\n\r]")


def md(value: Any) -> str:
    """``value`` as inert Markdown text (no live HTML, no link, one table cell).

    Examples
    --------
    >>> md('<img src=x onerror=alert(1)> | [a](javascript:x)')
    '&lt;img src=x onerror=alert(1)&gt; \\\\| \\\\[a\\\\](javascript:x)'
    """
    return _MD_RE.sub(lambda m: _MD[m.group()], str(value))


_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def visible(text: str) -> str:
    """``text`` with control, bidirectional and zero-width characters shown as escapes.

    Examples
    --------
    >>> visible("a\\x1b]0;x\\x07b")
    'a\\\\x1b]0;x\\\\x07b'
    """
    return _CONTROL_RE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )
