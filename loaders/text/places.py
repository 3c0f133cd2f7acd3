"""Places an article names in its title, and places the region table does not hold.

A news title often opens with its place and a colon (``广元:向8个党组织…``,
``沙县:实现县纪委…``): the place the whole article is about, often written short
(广元 for 广元市) and sometimes named nowhere else. Such a head is read as a region:

- a name of the table (or its short form without 市/县/区/州) is that region;
- a name ending in a level character (县, 市, 区, 州, 旗) that the table does not
  hold (a renamed or new division, a fictional one in teaching material) is kept as
  a place of its own, with a warning: its organizations are still found.

Every aligned occurrence of the name in the text then counts as that region.
"""

from __future__ import annotations

import re

from respchain.loaders.text.lexicon import Lexicon, Region
from respchain.loaders.text.tokens import _Piece

__all__ = ["title_place", "mark_place"]

_HEAD = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff]{2,8}?)\s*[:：]")
_LEVELS = {
    "省": "province",
    "市": "prefecture",
    "州": "prefecture",
    "县": "county",
    "区": "county",
    "旗": "county",
}
_NOT_PLACES = ("通报", "关于", "纪委", "监委", "专题", "聚焦", "调查", "图解", "评论", "快讯")


def title_place(title: str, lex: Lexicon) -> tuple[str, Region, bool] | None:
    """The place that opens ``title`` (name as written, region, known to the table), or None."""
    m = _HEAD.match(title or "")
    if m is None:
        return None
    name = m["name"]
    if any(w in name for w in _NOT_PLACES):
        return None
    found = lex.by_name.get(name)
    if found and len(found) == 1:
        return name, found[0], True
    short = [r for ch in "市县区州" for r in lex.by_name.get(name + ch, []) if r.level != "province"]
    if len(short) == 1:
        return name, short[0], True
    if not found and name[-1] in _LEVELS and len(name) >= 2:
        return name, Region("?" + name, name, _LEVELS[name[-1]], ()), False
    return None


def mark_place(pieces: list[_Piece], text: str, name: str, region: Region) -> int:
    """Make every occurrence of ``name`` whose ends fall on piece boundaries a REGION piece.

    Returns how many occurrences were marked. Pieces already read as another
    region are left alone.
    """
    starts = {p.start: k for k, p in enumerate(pieces)}
    ends = {p.end: k for k, p in enumerate(pieces)}
    marked = 0
    for m in reversed(list(re.finditer(re.escape(name), text))):
        a, b = m.start(), m.end()
        if a not in starts or b not in ends:
            continue
        i, j = starts[a], ends[b]
        if any(p.cls == "REGION" and p.region is not None and p.region != region for p in pieces[i : j + 1]):
            continue
        piece = _Piece(name, a, b, "REGION", "ns", regions=[region], region=region)
        pieces[i : j + 1] = [piece]
        marked += 1
    return marked
