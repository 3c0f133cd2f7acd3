"""Load and validate obligation files (``obligations:``) and rubric files (``rubric:``).

Both are refused like a broken register: every problem is collected with its
file, line and field path, and an :class:`~respchain.exceptions.ObligationError`
(or :class:`~respchain.exceptions.RubricError`) lists them all; nothing is
returned. The formats are described in docs/obligations.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from respchain.graph.schema import EventKind, Level, OrgKind, Rating, Role, TalkKind
from respchain.loaders.register import (
    _Collector,
    _compose_yaml,
    _duplicate_keys,
    _fmt_path,
    _line_map,
    _read_text,
)

from respchain.exceptions import InputError, ObligationError, Problem, RubricError

__all__ = ["load_obligations", "obligations_from_data", "load_rubric", "rubric_from_data"]

_OB_ID = re.compile(r"^[A-Za-z0-9_-]+$")
_SUB_FIELDS = {
    "talk": "talk",
    "meeting": "meeting",
    "ecology_rating": "rating",
    "accountability": "form",
    "assessment": "result",
}
_SUB_VALUES = {"talk": TalkKind.values(), "rating": Rating.values()}
_AS = ("with", "by", "target", "participants", "parties", "org")
_AS_PEOPLE = ("with", "by", "target", "participants")
_AS_ORGS = ("participants", "parties", "org")
# Where each kind of event names people or organizations (register.md).
_AS_BY_EVENT = {
    "talk": ("with", "by"),
    "accountability": ("target",),
    "consultation": ("parties",),
    "ecology_rating": ("org",),
    "assessment": ("org",),
    "meeting": ("org", "participants"),
}
_PERIODS = ("year", "half", "quarter", "month")
_SEVERITIES = ("high", "medium", "low", "info")
_OB_KEYS = (
    "id",
    "name_zh",
    "name_en",
    "subject",
    "event",
    "as",
    "by",
    "at_least",
    "per",
    "within",
    "severity",
    "basis",
    "fix_zh",
    "fix_en",
)


def _text(v: Any) -> bool:
    return isinstance(v, str) and bool(v.strip())


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _read(path: Path, problems: list[Problem]) -> tuple[Any, Any] | None:
    """Parse one YAML/JSON file; problems (missing, not UTF-8, syntax, duplicate keys) go to ``problems``."""
    if not path.exists():
        problems.append(Problem(str(path), 0, "", "文件不存在 / no such file"))
        return None
    if path.is_dir():
        problems.append(Problem(str(path), 0, "", "须为文件，不是目录 / must be a file, not a folder"))
        return None
    try:
        text = _read_text(path)
    except UnicodeDecodeError as e:
        problems.append(
            Problem(str(path), 0, "", f"不是 UTF-8 编码 / not UTF-8 text: {e.reason} at byte {e.start}")
        )
        return None
    except OSError as e:
        problems.append(Problem(str(path), 0, "", f"无法读取 / cannot read: {e.strerror}"))
        return None
    try:
        if path.suffix.lower() == ".json":
            return json.loads(text), text
        data, node = _compose_yaml(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problems.append(
            Problem(
                str(path),
                (mark.line + 1) if mark else 0,
                "",
                f"YAML 语法错误 / YAML syntax error: {e.problem}",
            )
        )
        return None
    except json.JSONDecodeError as e:
        problems.append(
            Problem(str(path), e.lineno, "", f"JSON 语法错误 / JSON syntax error: {e.msg} (column {e.colno})")
        )
        return None
    except (ValueError, yaml.YAMLError, RecursionError) as e:
        problems.append(Problem(str(path), 0, "", f"无法解析 / cannot parse: {type(e).__name__}"))
        return None
    for p, line in _duplicate_keys(node):
        problems.append(Problem(str(path), line, _fmt_path(p), "键重复 / key given twice"))
    return data, node


def _strings(
    coll: _Collector, path: tuple, v: Any, allowed: Sequence[str] | None, required: bool
) -> list[str]:
    if v is None:
        if required:
            coll.add(path, "缺少必填字段 / missing required field")
        return []
    vals = [v] if isinstance(v, str) else v
    if not isinstance(vals, list) or not vals:
        coll.add(path, f"须为非空列表 / must be a non-empty list: {v!r}")
        return []
    for i, x in enumerate(vals):
        if not _text(x):
            coll.add((*path, i), f"须为非空文本 / must be non-empty text: {x!r}")
        elif allowed is not None and x not in allowed:
            coll.add((*path, i), f"{x!r} 不是允许值 / is not one of {', '.join(allowed)}")
    return [x for x in vals if isinstance(x, str)]


def _mapping(coll: _Collector, path: tuple, v: Any, keys: Sequence[str]) -> dict | None:
    if not isinstance(v, dict):
        coll.add(path, f"须为映射（键: 值）/ must be a mapping: {v!r}")
        return None
    for k in v:
        if k not in keys:
            coll.add((*path, k), f"未知字段 / unknown field {k!r} (allowed: {', '.join(keys)})")
    return v


def _check_obligation(coll: _Collector, ob: Any, path: tuple, seen: dict[str, str]) -> dict | None:
    ob = _mapping(coll, path, ob, _OB_KEYS)
    if ob is None:
        return None
    n0 = len(coll.items)
    for k in ("id", "name_zh", "subject", "event", "as", "basis"):
        if k not in ob:
            coll.add(path, f"缺少必填字段 / missing required field {k!r}")
    oid = ob.get("id")
    if "id" in ob:
        if not isinstance(oid, str) or not _OB_ID.match(oid):
            coll.add(
                (*path, "id"),
                f"id 只能由字母、数字、- 和 _ 组成 / an id is letters, digits, - and _: {oid!r}",
            )
        elif oid.upper() in seen:
            coll.add((*path, "id"), f"id 重复 / duplicate id {oid!r} (first in {seen[oid.upper()]})")
        else:
            seen[oid.upper()] = coll.file
    for k in ("name_zh", "name_en", "fix_zh", "fix_en"):
        if k in ob and not _text(ob[k]):
            coll.add((*path, k), f"须为非空文本 / must be non-empty text: {ob[k]!r}")
    subject_kind = None
    if "subject" in ob:
        s = _mapping(coll, (*path, "subject"), ob["subject"], ("people", "organizations"))
        if s is not None:
            if len([k for k in ("people", "organizations") if k in s]) != 1:
                coll.add(
                    (*path, "subject"),
                    "须且只能给出 people 或 organizations 之一 / give exactly one of people, organizations",
                )
            elif "people" in s:
                subject_kind = "people"
                sp = (*path, "subject", "people")
                m = _mapping(coll, sp, s["people"], ("roles", "in", "levels"))
                if m is not None:
                    _strings(coll, (*sp, "roles"), m.get("roles"), Role.values(), True)
                    _strings(coll, (*sp, "in"), m.get("in"), OrgKind.values(), True)
                    if "levels" in m:
                        _strings(coll, (*sp, "levels"), m["levels"], Level.values(), True)
            else:
                subject_kind = "organizations"
                sp = (*path, "subject", "organizations")
                m = _mapping(coll, sp, s["organizations"], ("kinds", "levels"))
                if m is not None:
                    _strings(coll, (*sp, "kinds"), m.get("kinds"), OrgKind.values(), True)
                    if "levels" in m:
                        _strings(coll, (*sp, "levels"), m["levels"], Level.values(), True)
    event_kind = None
    if "event" in ob:
        ep = (*path, "event")
        e = _mapping(coll, ep, ob["event"], ("kind", *sorted(set(_SUB_FIELDS.values()))))
        if e is not None:
            event_kind = e.get("kind")
            if event_kind not in EventKind.values():
                coll.add(
                    (*ep, "kind"),
                    f"{event_kind!r} 不是允许值 / is not one of {', '.join(EventKind.values())}",
                )
                event_kind = None
            else:
                sub = _SUB_FIELDS.get(event_kind)
                for k, v in e.items():
                    if k == "kind":
                        continue
                    if k != sub:
                        coll.add(
                            (*ep, k),
                            f"{event_kind} 事件没有字段 {k!r} / a {event_kind} event has no field {k!r}"
                            + (f" (its sub-kind is {sub!r})" if sub else ""),
                        )
                    elif not _text(v):
                        coll.add((*ep, k), f"须为非空文本 / must be non-empty text: {v!r}")
                    elif k in _SUB_VALUES and v not in _SUB_VALUES[k]:
                        coll.add((*ep, k), f"{v!r} 不是允许值 / is not one of {', '.join(_SUB_VALUES[k])}")
    as_ = ob.get("as")
    if "as" in ob:
        if as_ not in _AS:
            coll.add((*path, "as"), f"{as_!r} 不是允许值 / is not one of {', '.join(_AS)}")
        else:
            if subject_kind == "people" and as_ not in _AS_PEOPLE:
                coll.add(
                    (*path, "as"),
                    f"人员不能作为事件的 {as_!r} / people cannot be an event's {as_!r} (use {', '.join(_AS_PEOPLE)})",
                )
            if subject_kind == "organizations" and as_ not in _AS_ORGS:
                coll.add(
                    (*path, "as"),
                    f"组织不能作为事件的 {as_!r} / organizations cannot be an event's {as_!r} (use {', '.join(_AS_ORGS)})",
                )
            if event_kind is not None and as_ not in _AS_BY_EVENT[event_kind]:
                coll.add(
                    (*path, "as"),
                    f"{event_kind} 事件没有 {as_!r} / a {event_kind} event has no {as_!r} "
                    f"(it has {', '.join(_AS_BY_EVENT[event_kind])})",
                )
    if "by" in ob:
        if ob["by"] != "parent_head":
            coll.add((*path, "by"), f"{ob['by']!r} 不是允许值 / is not one of parent_head")
        elif event_kind is not None and event_kind != "talk":
            coll.add((*path, "by"), "只有谈话有 by / only a talk has a by")
    if "at_least" in ob and (not _int(ob["at_least"]) or not 1 <= ob["at_least"] <= 1000):
        coll.add(
            (*path, "at_least"),
            f"须为 1 到 1000 的整数 / must be a whole number from 1 to 1000: {ob['at_least']!r}",
        )
    if ("per" in ob) == ("within" in ob):
        coll.add(path, "须且只能给出 per 或 within 之一 / give exactly one of per, within")
    if "per" in ob and ob["per"] not in _PERIODS:
        coll.add((*path, "per"), f"{ob['per']!r} 不是允许值 / is not one of {', '.join(_PERIODS)}")
    if "within" in ob:
        wp = (*path, "within")
        w = _mapping(coll, wp, ob["within"], ("days", "before"))
        if w is not None:
            if not _int(w.get("days")) or not 0 <= w["days"] <= 3660:
                coll.add(
                    (*wp, "days"),
                    f"须为 0 到 3660 的整数 / must be a whole number from 0 to 3660: {w.get('days')!r}",
                )
            if w.get("before") != "since":
                coll.add((*wp, "before"), f"{w.get('before')!r} 不是允许值 / is not one of since")
        if subject_kind == "organizations":
            coll.add(wp, "within 只适用于人员（岗位的 since）/ within applies to people (a post's since)")
    if "severity" in ob and ob["severity"] not in _SEVERITIES:
        coll.add(
            (*path, "severity"), f"{ob['severity']!r} 不是允许值 / is not one of {', '.join(_SEVERITIES)}"
        )
    if "basis" in ob:
        bp = (*path, "basis")
        b = _mapping(coll, bp, ob["basis"], ("document", "articles", "quote", "note", "local"))
        if b is not None:
            if ("document" in b) == ("local" in b):
                coll.add(bp, "须且只能给出 document 或 local 之一 / give exactly one of document, local")
            for k in ("document", "quote", "note"):
                if k in b and not _text(b[k]):
                    coll.add((*bp, k), f"须为非空文本 / must be non-empty text: {b[k]!r}")
            if "articles" in b:
                _strings(coll, (*bp, "articles"), b["articles"], None, True)
            if "local" in b:
                loc = _mapping(coll, (*bp, "local"), b["local"], ("by", "source"))
                if loc is not None:
                    for k in ("by", "source"):
                        if not _text(loc.get(k)):
                            coll.add(
                                (*bp, "local", k), f"须为非空文本 / must be non-empty text: {loc.get(k)!r}"
                            )
    return ob if len(coll.items) == n0 else None


def obligations_from_data(items: Iterable[tuple[str, Any, Any]], *, taken: Iterable[str] = ()) -> list[dict]:
    """Validate parsed obligation files ``(file name, data, source text or YAML node)``.

    ``taken`` are ids already in use (the catalog's rules, the default
    obligations when the files add to them): an obligation may not reuse one.

    Raises
    ------
    ObligationError
        With every problem of every file.
    """
    seen = {t.upper(): "respchain" for t in taken}
    out: list[dict] = []
    problems: list[Problem] = []
    for name, data, source in items:
        coll = _Collector(name, source)
        if not isinstance(data, dict):
            coll.add((), "义务文件须为映射 / an obligation file must be a mapping with the key 'obligations'")
        else:
            for k in data:
                if k not in ("respchain", "obligations"):
                    coll.add(
                        (k,), f"未知顶层键 / unknown top-level key {k!r} (allowed: respchain, obligations)"
                    )
            if data.get("respchain") != 1:
                coll.add(
                    ("respchain",) if "respchain" in data else (),
                    "须有格式版本 respchain: 1 / needs the format version 'respchain: 1'",
                )
            obs = data.get("obligations")
            if not isinstance(obs, list):
                coll.add(
                    ("obligations",) if "obligations" in data else (),
                    "obligations 须为列表 / 'obligations' must be a list",
                )
                obs = []
            lines = None
            for i, ob in enumerate(obs):
                got = _check_obligation(coll, ob, ("obligations", i), seen)
                if got is not None:
                    if lines is None:
                        lines = _line_map(source) if source is not None else {}
                    out.append({**got, "_file": name, "_line": lines.get(("obligations", i), 0)})
        problems.extend(sorted(coll.problems(), key=lambda p: p.line))
    if problems:
        raise ObligationError(problems)
    return out


def load_obligations(paths: Sequence[str | Path], *, taken: Iterable[str] = ()) -> list[dict]:
    """Load obligation files (YAML or JSON) into validated records.

    Parameters
    ----------
    paths : sequence of path
    taken : iterable of str
        Ids the obligations may not reuse (rule ids, the default obligations').

    Returns
    -------
    list of dict
        One record per obligation, with ``_file`` and ``_line``; build the
        evaluator's objects with :func:`respchain.queries.obligations.obligations_from_data`.

    Raises
    ------
    ObligationError
        Listing every problem, with file, line and field path.
    """
    problems: list[Problem] = []
    items = []
    for p in paths:
        got = _read(Path(p), problems)
        if got is not None:
            items.append((str(p), *got))
    try:
        out = obligations_from_data(items, taken=taken)
    except ObligationError as e:
        raise ObligationError(problems + e.problems) from None
    if problems:
        raise ObligationError(problems)
    return out


# ---------------------------------------------------------------------------
# Rubrics


def rubric_from_data(name: str, data: Any, source: Any, *, rules: Iterable[str]) -> dict:
    """Validate a parsed rubric file; ``rules`` are the rule and obligation ids it may name.

    Raises
    ------
    RubricError
        With every problem.
    """
    known = {r.upper(): r for r in rules}
    coll = _Collector(name, source)
    r = None
    if not isinstance(data, dict):
        coll.add((), "考核细则须为映射 / a rubric file must be a mapping with the key 'rubric'")
    else:
        for k in data:
            if k not in ("respchain", "rubric"):
                coll.add((k,), f"未知顶层键 / unknown top-level key {k!r} (allowed: respchain, rubric)")
        if data.get("respchain") != 1:
            coll.add(
                ("respchain",) if "respchain" in data else (),
                "须有格式版本 respchain: 1 / needs 'respchain: 1'",
            )
        if "rubric" not in data:
            coll.add((), "缺少 rubric / missing 'rubric'")
        else:
            r = _mapping(coll, ("rubric",), data["rubric"], ("id", "name", "subjects", "sections", "note"))
    if r is not None:
        rp = ("rubric",)
        for k in ("id", "name"):
            if not _text(r.get(k)):
                coll.add((*rp, k), f"须为非空文本 / must be non-empty text: {r.get(k)!r}")
        if "note" in r and not _text(r["note"]):
            coll.add((*rp, "note"), f"须为非空文本 / must be non-empty text: {r['note']!r}")
        s = _mapping(
            coll,
            (*rp, "subjects"),
            r.get("subjects", {"kinds": ["party_committee", "party_group"]}),
            ("kinds", "levels"),
        )
        if s is not None:
            _strings(coll, (*rp, "subjects", "kinds"), s.get("kinds"), OrgKind.values(), True)
            if "levels" in s:
                _strings(coll, (*rp, "subjects", "levels"), s["levels"], Level.values(), True)
        secs = r.get("sections")
        if not isinstance(secs, list) or not secs:
            coll.add((*rp, "sections"), "须为非空列表 / must be a non-empty list")
            secs = []
        for i, sec in enumerate(secs):
            sp = (*rp, "sections", i)
            sec = _mapping(coll, sp, sec, ("name", "items"))
            if sec is None:
                continue
            if not _text(sec.get("name")):
                coll.add((*sp, "name"), f"须为非空文本 / must be non-empty text: {sec.get('name')!r}")
            items = sec.get("items")
            if not isinstance(items, list) or not items:
                coll.add((*sp, "items"), "须为非空列表 / must be a non-empty list")
                continue
            for j, it in enumerate(items):
                ip = (*sp, "items", j)
                it = _mapping(coll, ip, it, ("name", "points", "deduct", "rules"))
                if it is None:
                    continue
                if not _text(it.get("name")):
                    coll.add((*ip, "name"), f"须为非空文本 / must be non-empty text: {it.get('name')!r}")
                for k in ("points", "deduct"):
                    v = it.get(k)
                    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 10000:
                        coll.add((*ip, k), f"须为 0 到 10000 的数 / must be a number from 0 to 10000: {v!r}")
                rs = _strings(coll, (*ip, "rules"), it.get("rules"), None, True)
                for k, x in enumerate(rs):
                    if x.upper() not in known:
                        coll.add((*ip, "rules", k), f"未知规则或义务 / unknown rule or obligation {x!r}")
                    else:
                        rs[k] = known[x.upper()]
                if rs:
                    it["rules"] = rs
    problems = sorted(coll.problems(), key=lambda p: p.line)
    if problems:
        raise RubricError(problems)
    assert r is not None
    r.setdefault("subjects", {"kinds": ["party_committee", "party_group"]})
    return r


def load_rubric(path: str | Path, *, rules: Iterable[str]) -> dict:
    """Load a rubric file (docs/obligations.md) naming only ``rules`` (rule and obligation ids).

    Raises
    ------
    RubricError
        Listing every problem, with file, line and field path.
    """
    problems: list[Problem] = []
    got = _read(Path(path), problems)
    if problems or got is None:
        raise RubricError(problems)
    try:
        return rubric_from_data(str(path), *got, rules=rules)
    except InputError as e:
        raise RubricError(e.problems) from None
