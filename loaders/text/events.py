"""Dated events and responsibility lists an article states.

Events
    A sentence that gives a day (2024年7月5日, 7月5日: the year then comes from
    the article's publication date) and names a meeting that an organization
    holds (召开/举行/组织/参加 民主生活会, 组织生活会, 述责述廉会议, 常委会会议,
    警示教育大会, 巡察反馈会...) gives a ``meeting`` event of that organization: the
    sentence's subject, else the organization named right before the verb.
    A day and 会商 with two organizations or more named in the sentence gives a
    ``consultation`` event between them. A sentence without a day gives no
    event: the register needs the date, and a guess would pass for a fact.
Lists
    A responsibility list named with its owner (县委制定《2025年全面从严治党主体责任清单》,
    县纪委监委印发监督责任清单) gives a ``lists`` record: ``main`` for 主体责任清单,
    ``supervisory`` for 监督责任清单, ``other`` for the rest (责任清单, 任务清单,
    负面清单); the year when the name states one. The owner is the sentence's
    subject. Its tasks are not read: articles count them (细化任务20项) rather
    than state them.

Every record carries ``source``, ``quote`` and ``span`` of its sentence, like
the other records of the draft.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Any

from respchain.loaders.text.orgs import _Org, _Orgs
from respchain.loaders.text.sentences import _Sentence

__all__ = ["article_events", "article_lists"]

_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*日"
)

# Meeting words, longest first; the name recorded is the second item (the
# obligations count 民主生活会 and 述责述廉 by these names).
_MEETINGS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        [
            ("专题民主生活会", "民主生活会"),
            ("民主生活会", "民主生活会"),
            ("专题组织生活会", "组织生活会"),
            ("组织生活会", "组织生活会"),
            ("述责述廉会议", "述责述廉"),
            ("述责述廉大会", "述责述廉"),
            ("述责述廉", "述责述廉"),
            ("常委会会议", "常委会会议"),
            ("常委会", "常委会会议"),
            ("警示教育大会", "警示教育大会"),
            ("警示教育会", "警示教育大会"),
            ("巡察反馈会", "巡察反馈会"),
            ("巡视反馈会", "巡视反馈会"),
            ("反馈会", "反馈会"),
            ("工作会议", "工作会议"),
            ("专题会议", "专题会议"),
            ("推进会", "推进会"),
            ("部署会", "部署会"),
        ],
        key=lambda x: -len(x[0]),
    )
)
_MEETING_RX = re.compile("|".join(re.escape(w) for w, _ in _MEETINGS))
_MEETING_NAME = dict(_MEETINGS)
_HOLD = re.compile(r"召开|举行|组织召开|主持召开|组织开展|开展|参加|列席")

_LIST_RX = re.compile(
    r"《(?P<quoted>[^《》]{0,60}?(?:责任清单|任务清单|负面清单|问题清单)[^《》]{0,10})》"
    r"|(?P<bare>(?:\d{4}年(?:度)?)?(?:全面从严治党|党风廉政建设)?(?:主体|监督|两个)?责任清单)"
)
_LIST_VERBS = ("制定", "印发", "出台", "建立", "梳理", "细化", "签订", "下发", "形成", "完善")


def _day(sentence: str, m: re.Match[str], published: str | None) -> str | None:
    year = m["y"] or (published or "")[:4]
    if not year:
        return None
    try:
        return _dt.date(int(year), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


def _orgs_in(orgs: _Orgs, k: int) -> list[tuple[int, _Org]]:
    """The organizations named in sentence ``k`` (their own mentions), in order, each once."""
    seen: dict[str, tuple[int, _Org]] = {}
    for m, o in orgs.sentence_orgs.get(k, ()):
        if not m.nested and o.id not in seen:
            seen[o.id] = (m.start, o)
    return sorted(seen.values(), key=lambda x: x[0])


def article_events(
    text: str,
    sentences: list[_Sentence],
    orgs: _Orgs,
    subject: dict[int, _Org | None],
    published: str | None,
    prov: Callable[[int], dict[str, Any]],
    sid: str,
) -> list[dict[str, Any]]:
    """The ``meeting`` and ``consultation`` events the article dates (see the module docstring)."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, ...]] = set()
    for k, sent in enumerate(sentences):
        s = text[sent.start : sent.end]
        dm = _DATE.search(s)
        if dm is None:
            continue
        day = _day(s, dm, published)
        if day is None:
            continue
        named = _orgs_in(orgs, k)
        for mm in _MEETING_RX.finditer(s):
            at = sent.start + mm.start()
            before = s[: mm.start()]
            if not _HOLD.search(before[-12:]):
                continue  # named, not held here (按照民主生活会要求)
            # The organization that holds it: the last one named before the verb, else the subject.
            org = next((o for start, o in reversed(named) if start < at), None) or subject.get(k)
            if org is None:
                continue
            name = _MEETING_NAME[mm.group(0)]
            key = ("meeting", org.id, name, day)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                {
                    "id": f"{sid}.e{len(out) + 1}",
                    "kind": "meeting",
                    "date": day,
                    "org": org.id,
                    "meeting": name,
                    **prov(k),
                }
            )
        if "会商" in s and len(named) >= 2:
            parties = [o.id for _, o in named]
            ckey = ("consultation", " ".join(parties), day)
            if ckey not in seen:
                seen.add(ckey)
                out.append(
                    {
                        "id": f"{sid}.e{len(out) + 1}",
                        "kind": "consultation",
                        "date": day,
                        "parties": parties,
                        **prov(k),
                    }
                )
    return out


def article_lists(
    text: str,
    sentences: list[_Sentence],
    subject: dict[int, _Org | None],
    prov: Callable[[int], dict[str, Any]],
    sid: str,
) -> list[dict[str, Any]]:
    """The responsibility lists the article names with an owner (see the module docstring)."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for k, sent in enumerate(sentences):
        s = text[sent.start : sent.end]
        for m in _LIST_RX.finditer(s):
            name = m["quoted"] or m["bare"]
            if m["bare"] and not any(v in s[max(0, m.start() - 12) : m.start()] for v in _LIST_VERBS):
                continue  # mentioned (落实责任清单), not made here
            owner = subject.get(k)
            if owner is None or (owner.id, name) in seen:
                continue
            seen.add((owner.id, name))
            kind = "main" if "主体责任" in name else "supervisory" if "监督责任" in name else "other"
            rec: dict[str, Any] = {
                "id": f"{sid}.l{len(out) + 1}",
                "name": name,
                "kind": kind,
                "owner": owner.id,
            }
            year = re.search(r"((?:19|20)\d{2})\s*年", name)
            if year:
                rec["year"] = int(year.group(1))
            rec.update(prov(k))
            out.append(rec)
    return out
