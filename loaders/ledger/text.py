"""Cell text as the ledger reads it: NFKC, spaces, names split at 、，;／ and line breaks."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import Any

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
