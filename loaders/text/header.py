"""The header of an article: title, publisher and date of publication."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

from respchain.loaders.text.reader import Article

_DATE_RE = re.compile(r"(20\d{2}|19\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})日?")


def _header(article: Article) -> dict[str, Any]:
    text = article.text
    lines = [ln.strip() for ln in text.split("\n")]
    info: dict[str, Any] = {"title": article.title}
    for k, ln in enumerate(lines[:40]):
        if re.search(r"发布时间|发布日期|时间[:：]|来源[:：]", ln):
            m = _DATE_RE.search(ln)
            if m:
                try:
                    info["published"] = _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
                except ValueError:
                    pass
            src = re.search(r"来源[:：]\s*([^\s|丨]+)", ln)
            if src:
                info["publisher"] = src[1]
            if not info["title"]:
                prev = [x for x in lines[:k] if x]
                if prev:
                    info["title"] = prev[-1]
            break
    if not info["title"]:
        info["title"] = next((x for x in lines if x), Path(article.path).stem)[:80]
    if "published" not in info:
        m = _DATE_RE.search(text[:600])
        if m:
            try:
                info["published"] = _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                pass
    return info
