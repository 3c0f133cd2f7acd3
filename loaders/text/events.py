"""Dated events and responsibility lists an article states.

Events
    A sentence that gives a day (2024年7月5日, 7月5日: the year then comes from
    the article's publication date) and names a meeting that an organization
    holds (召开/举行/组织/参加 民主生活会, 组织生活会, 述责述廉会议, 常委会会议,
    警示教育大会, 巡察反馈会...) gives a ``meeting`` event of that organization: the
    sentence's subject, else the organization named right before the verb.
    A day and 会商 with two organizations or more named in the sentence gives a
    ``consultation`` event between them. A day and an accountability word
    (问责, 诫勉, 党内警告, 通报批评, 免职...) with people named by their posts
    (民政部原党组书记、部长李立国, 镇党委书记张某) gives an ``accountability`` event of
    those people (``target``, each a ``people`` record with the post the title
    names), ``form`` the sanction named. A sentence without a day gives no
    event: the register needs the date, and a guess would pass for a fact.
Lists
    A responsibility list named with its owner (县委制定《2025年全面从严治党主体责任清单》,
    县纪委监委印发监督责任清单) gives a ``lists`` record: ``main`` for 主体责任清单,
    ``supervisory`` for 监督责任清单, ``other`` for the rest (责任清单, 任务清单,
    负面清单); the year when the name states one. The owner is the sentence's
    subject. The items enumerated right after it in its paragraph (明确四项任务：一是…；
    二是…) are its tasks, each with its goal and span, the first organization an
    item names its lead unit; a count alone (细化任务20项) gives no tasks.

Every record carries ``source``, ``quote`` and ``span`` of its sentence, like
the other records of the draft.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Callable
from typing import Any

from respchain.loaders.text.numbers import parse_chinese_number
from respchain.loaders.text.orgs import _Org, _Orgs
from respchain.loaders.text.sentences import _Sentence

__all__ = ["article_events", "article_lists", "article_accountability"]

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


# An enumerated item: 一是…, 二是… up to the clause's end.
_ITEM_RX = re.compile(r"(?P<n>[一二三四五六七八九十]{1,2})是(?P<goal>[^；;。！!？?\n]{2,120})")


def _list_tasks(
    text: str,
    sentences: list[_Sentence],
    k: int,
    list_id: str,
    orgs: _Orgs | None,
    source: Any,
) -> list[dict[str, Any]]:
    """The items 一是…, 二是… that follow sentence ``k`` in its paragraph, in order from 一."""
    para = sentences[k].para
    start = sentences[k].start
    end = max(s.end for s in sentences[k:] if s.para == para)
    tasks: list[dict[str, Any]] = []
    for m in _ITEM_RX.finditer(text, start, end):
        if parse_chinese_number(m["n"]) != len(tasks) + 1:
            if tasks:
                break
            continue
        goal = m["goal"].strip(" ，,：:")
        g0 = m.start("goal")
        task: dict[str, Any] = {"id": f"{list_id}-{len(tasks) + 1}", "goal": goal}
        if orgs is not None:
            s_of = next(
                (j for j in range(k, len(sentences)) if sentences[j].start <= g0 < sentences[j].end), None
            )
            lead = next(
                (
                    o
                    for mm, o in (orgs.sentence_orgs.get(s_of, ()) if s_of is not None else ())
                    if not mm.nested and g0 <= mm.start < m.end("goal")
                ),
                None,
            )
            if lead is not None:
                task["lead"] = lead.id
        task.update(source=source, quote=text[m.start() : m.end()], span=[m.start(), m.end()])
        tasks.append(task)
    return tasks


def article_lists(
    text: str,
    sentences: list[_Sentence],
    subject: dict[int, _Org | None],
    prov: Callable[[int], dict[str, Any]],
    sid: str,
    orgs: _Orgs | None = None,
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
            tasks = _list_tasks(text, sentences, k, rec["id"], orgs, rec.get("source"))
            if tasks:
                rec["tasks"] = tasks
            out.append(rec)
    return out


# Sanctions and accountability, longest first: the first one named is the event's form.
_SANCTIONS = (
    "开除党籍",
    "留党察看",
    "撤销党内职务",
    "严重警告",
    "党内警告",
    "政务开除",
    "政务撤职",
    "政务降级",
    "政务记大过",
    "政务记过",
    "政务警告",
    "诫勉谈话",
    "诫勉",
    "通报批评",
    "责令检查",
    "组织处理",
    "免职",
    "降职",
    "停职检查",
    "调离岗位",
    "问责",
)
_SANCTION_RX = re.compile("|".join(re.escape(w) for w in sorted(_SANCTIONS, key=len, reverse=True)))
# A post title: words ending in a post (书记, 局长, 党组成员...), several joined by 、.
_TITLE_END = (
    "书记",
    "副书记",
    "成员",
    "委员",
    "部长",
    "局长",
    "厅长",
    "处长",
    "科长",
    "主任",
    "县长",
    "市长",
    "区长",
    "镇长",
    "乡长",
    "组长",
    "所长",
    "院长",
    "校长",
    "站长",
    "主席",
    "秘书长",
    "经理",
    "董事长",
    "负责人",
    "干部",
    "工作人员",
    "队长",
    "村长",
    "会计",
    "委员长",
)
_TITLE = "|".join(sorted(_TITLE_END, key=len, reverse=True))
# A title's end: the person's name follows it.
_TITLE_RX = re.compile(_TITLE)
# Where a title begins at the latest, going left from its end.
_TITLE_BREAK = re.compile(r"[，,；;。：:（(]|和|及|与|对|给予|了|将|把|被|经")
# The commonest surnames (about nine in ten people bear one of them).
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_AFTER_NAME = set("，,、和及与被因受等的；;。（(在对同")


def _name_at(s: str, i: int, known: set[str]) -> str | None:
    """The person's name that starts at ``s[i]``, or None.

    张某, 张某某 (a name withheld); a word the tagger reads as a name; else three
    or two characters starting with a common surname and followed by a break
    (李立国和…, 李某进行…).
    """
    if s[i + 1 : i + 2] == "某":
        return s[i : i + 3] if s[i + 2 : i + 3] == "某" else s[i : i + 2]
    for n in (3, 2):
        if s[i : i + n] in known:
            return s[i : i + n]
    if s[i : i + 1] in _SURNAMES:
        for n in (3, 2):
            nxt = s[i + n : i + n + 1]
            if len(s[i : i + n]) == n and (
                not nxt or nxt in _AFTER_NAME or s[i + n :].startswith(_SANCTIONS)
            ):
                return s[i : i + n]
    return None


def _role_of(title: str) -> str:
    """The post role a title names: a secretary of a party organization is its head."""
    if "副书记" in title:
        return "deputy"
    if re.search(r"纪委书记|纪工委书记|纪检监察组组长|纪检组长", title):
        return "discipline_secretary"
    if "书记" in title:
        return "head"
    return "member"


def article_accountability(
    text: str,
    sentences: list[_Sentence],
    orgs: _Orgs,
    published: str | None,
    prov: Callable[[int], dict[str, Any]],
    sid: str,
    person_names: Callable[[str], set[str]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The dated ``accountability`` events and the people they hold to account.

    ``person_names`` gives the words of a sentence that are people's names (the
    part-of-speech tagger's judgement: 李立国 is one, 履行 is not). Returns
    ``(people, events)``.
    """
    people: dict[tuple[str, str], dict[str, Any]] = {}
    events: list[dict[str, Any]] = []
    for k, sent in enumerate(sentences):
        s = text[sent.start : sent.end]
        sm = _SANCTION_RX.search(s)
        if sm is None:
            continue
        dm = _DATE.search(s)
        day = _day(s, dm, published) if dm is not None else None
        if day is None:
            continue
        mentions = sorted(
            ((m.start, m.end, o) for m, o in orgs.sentence_orgs.get(k, ()) if not m.nested),
            key=lambda x: x[0],
        )
        known = person_names(s)
        targets: list[str] = []
        ends = [b.end() for b in _TITLE_BREAK.finditer(s)]  # where titles may start
        after = 0  # the end of the last name read: a title starts after it
        for tm in _TITLE_RX.finditer(s):
            if tm.start() < after:
                continue
            name = _name_at(s, tm.end(), known)
            if name is None:
                continue
            # the last break before the title, not before the last name read
            j = bisect.bisect_right(ends, tm.start()) - 1
            t0 = max(after, ends[j]) if j >= 0 else after
            at = sent.start + tm.end()
            after = tm.end() + len(name)
            # The post's organization: the last one named before the title, in its clause;
            # the title is what comes between them (民政部 | 原党组书记、部长 | 李立国).
            org = None
            for m_start, m_end, o in reversed(mentions):
                if (
                    m_end <= at
                    and m_start >= sent.start + t0
                    and not re.search(r"[，,；;。]", text[m_end:at])
                ):
                    org, t0 = o, max(t0, m_end - sent.start)
                    break
            title = re.sub(r"^(?:的|原|时任|前)+", "", s[t0 : tm.end()])
            if not title:
                continue
            key = (name, org.id if org is not None else "")
            person = people.get(key)
            if person is None:
                person = people[key] = {"id": f"{sid}.q{len(people) + 1}", "name": name, **prov(k)}
                if org is not None:
                    person["posts"] = [{"org": org.id, "title": title, "role": _role_of(title)}]
            if person["id"] not in targets:
                targets.append(person["id"])
        if not targets:
            continue
        events.append(
            {
                "id": f"{sid}.a{len(events) + 1}",
                "kind": "accountability",
                "date": day,
                "target": targets,
                "form": sm.group(0),
                **prov(k),
            }
        )
    return list(people.values()), events
