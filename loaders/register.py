"""Load registers (register.md) from YAML and JSON, and validate them completely.

A register is parsed, every record is checked against the format, and every
reference is resolved across all the files given together. Every problem is
collected with its file, line and field path; if there is any, a
:class:`~respchain.exceptions.RegisterError` lists them all and nothing is
returned.

YAML is read with PyYAML's safe loader (libyaml's when present): no tag can
construct an arbitrary object. Files may start with a UTF-8 BOM.

Line numbers are looked up only when there are problems to report, so loading a
large, valid JSON register costs no more than ``json.load``.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import yaml
from respchain.graph.register import SECTIONS, Register
from respchain.graph.schema import (
    EventKind,
    EvidenceKind,
    Level,
    ListKind,
    OrgKind,
    ProblemOrigin,
    Rating,
    RegisterOrigin,
    ResponsibilityKind,
    Role,
    TalkKind,
    TaskStatus,
)
from respchain.loaders._guard import (
    MAX_DEPTH,
    GuardError,
    bad_char,
    loads_json,
    normalize_id,
    show,
    yaml_bad_scalar,
    yaml_budget,
)

from respchain._gc import paused_gc
from respchain.exceptions import Problem, RegisterError
from respchain.settings import today as settings_today

__all__ = [
    "Register",
    "load_register",
    "register_from_data",
    "READERS",
    "SECTIONS",
    "is_free_text",
]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, with dates left as text so that a bad date is a reported
    problem (with its line) rather than a parser crash."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in rs if tag != "tag:yaml.org,2002:timestamp"]
    for ch, rs in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _fast_resolve(self: Any, kind: Any, value: str, implicit: tuple[bool, bool]) -> str:
    """PyYAML's ``BaseResolver.resolve`` for a loader without path resolvers (as this one
    is), which libyaml calls once per node: the same tags, without building lists per call."""
    if kind is yaml.ScalarNode:
        if implicit[0]:
            for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                if regexp.match(value):
                    return tag
        return self.DEFAULT_SCALAR_TAG
    if kind is yaml.SequenceNode:
        return self.DEFAULT_SEQUENCE_TAG
    return self.DEFAULT_MAPPING_TAG


# The loader's resolvers hold no wildcard (None) entry and it has no path resolvers:
# the short resolve gives PyYAML's answers.
if None not in _Loader.yaml_implicit_resolvers and not _Loader.yaml_path_resolvers:
    _Loader.resolve = _fast_resolve

TOP_KEYS = ("respchain", "meta", *SECTIONS)

_ID_RE = re.compile(r"^\S+$")
_ID_LIKE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")
_SHA256_RE = re.compile(r"^[0-9A-Fa-f]{64}$")
_YEAR_RE = re.compile(r"^[0-9]{4}$")
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def is_free_text(value: str) -> bool:
    """True when an ``over``/``areas`` entry reads as a free-text area, not an id.

    An entry that is the id of a loaded organization is a reference. Any other
    entry is free text when it contains a Chinese character or a space, and is a
    (dangling) reference when it looks like an id (ASCII letters, digits and
    ``-_.:``), so that a misspelt id is reported instead of silently becoming an
    area.
    """
    return bool(_CJK_RE.search(value)) or not _ID_LIKE_RE.match(value)


# ---------------------------------------------------------------------------
# Reading files


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8")


class _Lines:
    """The line of every field path of a YAML document, read while its data was built."""

    __slots__ = ("lines",)

    def __init__(self, lines: dict[tuple, int]):
        self.lines = lines


_STR, _INT, _FLOAT, _BOOL, _NULL, _MAP, _SEQ = (
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")
)


class _Unusual(Exception):
    """A document the one-pass build leaves to PyYAML's constructor and the checks."""


def _build_yaml(root: Any) -> tuple[Any, dict[tuple, int]]:
    """The data and the line map of a node tree, in one walk.

    For the documents registers are: plain mappings, sequences and scalars of the
    core tags, no alias, no merge key, no key given twice, within MAX_DEPTH. The
    result is what PyYAML's safe constructor builds, and the lines what
    :func:`_line_map` reads. Anything else raises :class:`_Unusual`, and the
    document takes the general path (which reports what is wrong, with its line).
    """
    ctor = yaml.constructor.SafeConstructor()  # PyYAML's own reading of int, float, bool
    scalar = {
        _INT: ctor.construct_yaml_int,
        _FLOAT: ctor.construct_yaml_float,
        _BOOL: ctor.construct_yaml_bool,
    }
    lines: dict[tuple, int] = {}
    seen: set[int] = set()
    ScalarNode, MappingNode, SequenceNode = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode

    def value(node: Any, path: tuple, depth: int) -> Any:
        if id(node) in seen or depth > MAX_DEPTH:
            raise _Unusual  # an alias, or too deep: the general path reports it
        seen.add(id(node))
        lines[path] = node.start_mark.line + 1
        cls = type(node)
        if cls is ScalarNode:
            return read(node)
        if cls is MappingNode and node.tag == _MAP:
            out: dict[Any, Any] = {}
            for k, v in node.value:
                if type(k) is not ScalarNode or id(k) in seen:
                    raise _Unusual  # a composite key, an alias as a key
                seen.add(id(k))
                key = read(k)  # a merge key (<<) has its own tag: _Unusual
                if key in out:
                    raise _Unusual  # a key given twice: reported by the general path
                kp = (*path, k.value)
                out[key] = value(v, kp, depth + 1)
                lines[kp] = k.start_mark.line + 1
            return out
        if cls is SequenceNode and node.tag == _SEQ:
            return [value(v, (*path, i), depth + 1) for i, v in enumerate(node.value)]
        raise _Unusual

    def read(node: Any) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        fn = scalar.get(tag)
        if fn is None:
            raise _Unusual
        try:
            return fn(node)
        except Exception:  # what the constructor refuses: the general path says why
            raise _Unusual from None

    return value(root, (), 0), lines


def _compose_yaml(text: str) -> tuple[Any, Any]:
    """Parse YAML once into its node tree and the data built from it.

    Returns the data and the node tree, or for a plain document (the usual case)
    the data and its :class:`_Lines`, built in one walk (:func:`_build_yaml`).
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            try:
                data, lines = _build_yaml(node)
                return data, _Lines(lines)
            except (_Unusual, RecursionError):
                pass
        yaml_budget(node)
        try:
            data = loader.construct_document(node) if node is not None else None
        except (ValueError, TypeError, OverflowError, yaml.constructor.ConstructorError) as e:
            bad = yaml_bad_scalar(node)
            raise GuardError(*(bad or (0, str(e)))) from None
    finally:
        loader.dispose()
    return data, node


def _parse_yaml(path: Path, text: str) -> Any:
    return _compose_yaml(text)[0]


def _parse_json(path: Path, text: str) -> Any:
    return loads_json(text)


# Suffix -> parser returning plain data in the register format. Other loaders
# (RDF) add their suffixes here.
READERS: dict[str, Callable[[Path, str], Any]] = {
    ".yaml": _parse_yaml,
    ".yml": _parse_yaml,
    ".json": _parse_json,
}


def _compose(source: Any) -> Any:
    """The YAML node tree of ``source``: a node already (returned as is) or text."""
    if source is None or isinstance(source, (yaml.Node, _Lines)):
        return source
    try:
        root = yaml.compose(source, Loader=_Loader)
        yaml_budget(root)
        return root
    except (yaml.YAMLError, GuardError, RecursionError):
        return None


def _line_map(source: Any) -> dict[tuple, int]:
    """Map field paths to 1-based lines from the YAML (or JSON) node tree."""
    if isinstance(source, _Lines):
        return source.lines
    lines: dict[tuple, int] = {}
    root = _compose(source)

    seen_nodes: set[int] = set()

    def walk(node: Any, path: tuple) -> None:
        lines[path] = node.start_mark.line + 1
        if id(node) in seen_nodes:  # an alias: not walked again
            return
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                key = k.value if isinstance(k, yaml.ScalarNode) else None
                lines[(*path, key)] = k.start_mark.line + 1
                walk(v, (*path, key))
                lines[(*path, key)] = k.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, (*path, i))

    if root is not None:
        walk(root, ())
    return lines


def _duplicate_keys(source: Any) -> list[tuple[tuple, int]]:
    """Keys given twice in one mapping (PyYAML would keep the last silently)."""
    found: list[tuple[tuple, int]] = []
    if isinstance(source, _Lines):
        return found  # built in one walk, which takes no key given twice
    root = _compose(source)
    stack: list[tuple[Any, tuple]] = [(root, ())] if root is not None else []
    seen_nodes: set[int] = set()
    while stack:
        node, path = stack.pop()
        if id(node) in seen_nodes:  # an alias: its node was checked where it was anchored
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            seen: set = set()
            for k, v in node.value:
                key = k.value if isinstance(k, yaml.ScalarNode) else None
                if key in seen:
                    found.append(((*path, key), k.start_mark.line + 1))
                seen.add(key)
                stack.append((v, (*path, key)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((v, (*path, i)) for i, v in enumerate(node.value))
    return found


def _fmt_path(path: tuple) -> str:
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += f".{p}" if out else str(p)
    return out


# ---------------------------------------------------------------------------
# Validation


#: Problems listed per kind (the same field of the same section); the rest are counted.
MAX_PER_KIND = 20


def _kind_of(path: tuple) -> tuple:
    return tuple(p for p in path if not isinstance(p, int))


class _Collector:
    """Collects problems of one file as (path tuple, message).

    Only the first :data:`MAX_PER_KIND` problems of each kind (the field path
    without its indices) are kept; the others are counted, so that a file with
    every record wrong costs a short message, not gigabytes.
    """

    def __init__(self, file: str, text: Any):
        self.file = file
        self.text = text
        self.items: list[tuple[tuple, str]] = []
        self.lines_known: dict[tuple, int] = {}
        self.counts: dict[tuple, int] = {}

    def wants(self, path: tuple) -> bool:
        """True when a problem at ``path`` would still be listed."""
        return self.counts.get(_kind_of(path), 0) < MAX_PER_KIND

    def add(self, path: tuple, message: str) -> None:
        k = _kind_of(path)
        n = self.counts.get(k, 0)
        self.counts[k] = n + 1
        if n < MAX_PER_KIND:
            self.items.append((path, message))

    def problems(self) -> list[Problem]:
        if not self.items:
            return []
        lines = _line_map(self.text)
        lines.update(self.lines_known)
        out = []
        for path, msg in self.items:
            line = 0
            p: tuple | None = path
            while p is not None:
                if p in lines:
                    line = lines[p]
                    break
                p = p[:-1] if p else None
            out.append(Problem(self.file, line, _fmt_path(path), msg))
        out.sort(key=lambda p: p.line)
        for k, n in self.counts.items():
            if n > MAX_PER_KIND:
                out.append(
                    Problem(
                        self.file,
                        0,
                        _fmt_path(k).replace(".", "[].", 1) if len(k) > 1 else _fmt_path(k),
                        f"另有 {n - MAX_PER_KIND} 个同类问题 / and {n - MAX_PER_KIND} more problems of this kind",
                    )
                )
        return out


def _one_of(values: Sequence[str]) -> str:
    return ", ".join(values)


def _check_date(v: Any) -> str | None:
    """An ISO date string for a date value, or None when it is not a date."""
    if isinstance(v, _dt.datetime):
        return v.date().isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, str):
        try:
            return _dt.date.fromisoformat(v.strip()).isoformat() if len(v.strip()) == 10 else None
        except ValueError:
            return None
    return None


# A field spec: name -> (kind, required). Kinds:
#   id, text, date, int, year, span, enum:<Vocab>, texts (list of text),
#   ref:<what>, refs:<what> (one or a list), area:<what> (ids or free text)
_PROV = {"source": ("ref:source", False), "quote": ("text", False), "span": ("span", False)}

SPECS: dict[str, dict[str, tuple[str, bool]]] = {
    "meta": {
        "title": ("text", False),
        "as_of": ("date", False),
        "period": ("year", False),
        "description": ("text", False),
        "origin": ("enum:regorigin", False),
    },
    "sources": {
        "id": ("id", True),
        "title": ("text", True),
        "publisher": ("text", False),
        "published": ("date", False),
        "url": ("text", False),
        "topics": ("enums:resp", False),
        "quote": ("text", False),
    },
    "organizations": {
        "id": ("id", True),
        "name": ("text", True),
        "kind": ("enum:orgkind", True),
        "level": ("enum:level", False),
        "region": ("text", False),
        "parent": ("ref:org", False),
        "leads": ("refs:org", False),
        "domains": ("texts", False),
        **_PROV,
    },
    "people": {"id": ("id", True), "name": ("text", True), "posts": ("posts", False), **_PROV},
    "posts": {
        "org": ("ref:org", True),
        "title": ("text", False),
        "role": ("enum:role", True),
        "areas": ("area:org", False),
        "since": ("date", False),
        "until": ("date", False),
    },
    "responsibilities": {
        "id": ("id", False),
        "type": ("enum:resp", True),
        "bearer": ("ref:bearer", True),
        "over": ("area:org", False),
        **_PROV,
    },
    "lists": {
        "id": ("id", True),
        "name": ("text", True),
        "kind": ("enum:listkind", True),
        "owner": ("ref:org", True),
        "year": ("year", False),
        "tasks": ("tasks", False),
        **_PROV,
    },
    "tasks": {
        "id": ("id", True),
        "goal": ("text", True),
        "measure": ("text", False),
        "responsible": ("refs:person", False),
        "lead": ("ref:org", False),
        "assist": ("refs:org", False),
        "due": ("date", False),
        "due_note": ("text", False),
        "status": ("enum:status", False),
        "implements": ("enum:resp", False),
        "progress": ("text", False),
        "note": ("text", False),
        "done_on": ("date", False),
        "evidence": ("refs:evidence", False),
        **_PROV,
    },
    "mechanisms": {
        "id": ("id", True),
        "name": ("text", True),
        "adopted_by": ("refs:org", False),
        "description": ("text", False),
        **_PROV,
    },
    "facts": {
        "id": ("id", False),
        "subject": ("ref:any", True),
        "metric": ("text", True),
        "value": ("number", True),
        "unit": ("text", False),
        "period": ("text", False),
        **_PROV,
    },
    "evidence": {
        "id": ("id", True),
        "kind": ("enum:evidencekind", False),
        "title": ("text", True),
        "date": ("date", False),
        "file": ("text", False),
        "sha256": ("sha256", False),
        **_PROV,
    },
    "problems": {
        "id": ("id", True),
        "org": ("ref:org", True),
        "origin": ("enum:origin", False),
        "title": ("text", True),
        "found": ("date", False),
        "due": ("date", False),
        "reported_on": ("date", False),
        "closed_on": ("date", False),
        "evidence": ("refs:evidence", False),
        "measures": ("measures", False),
        "note": ("text", False),
        **_PROV,
    },
    "measures": {
        "id": ("id", True),
        "action": ("text", True),
        "responsible": ("refs:person", False),
        "lead": ("ref:org", False),
        "assist": ("refs:org", False),
        "due": ("date", False),
        "done_on": ("date", False),
        "status": ("enum:status", False),
        "evidence": ("refs:evidence", False),
        "progress": ("text", False),
        "note": ("text", False),
        **_PROV,
    },
}

_EVENT_COMMON = {
    "id": ("id", True),
    "kind": ("enum:event", True),
    "date": ("date", True),
    "evidence": ("refs:evidence", False),
    **_PROV,
}
EVENT_SPECS: dict[str, dict[str, tuple[str, bool]]] = {
    "talk": {"talk": ("enum:talk", True), "by": ("refs:person", False), "with": ("refs:person", True)},
    "accountability": {"target": ("refs:person", True), "form": ("text", False), "for": ("enum:resp", False)},
    "consultation": {"parties": ("refs:org", True)},
    "ecology_rating": {"org": ("ref:org", True), "rating": ("enum:rating", True)},
    "assessment": {"org": ("ref:org", True), "result": ("text", True)},
    "meeting": {"org": ("ref:org", True), "meeting": ("text", True), "participants": ("refs:bearer", False)},
}

ENUMS: dict[str, list[str]] = {
    "orgkind": OrgKind.values(),
    "level": Level.values(),
    "resp": ResponsibilityKind.values(),
    "role": Role.values(),
    "listkind": ListKind.values(),
    "status": TaskStatus.values(),
    "event": EventKind.values(),
    "talk": TalkKind.values(),
    "rating": Rating.values(),
    "evidencekind": EvidenceKind.values(),
    "origin": ProblemOrigin.values(),
    "regorigin": RegisterOrigin.values(),
}


def _parse_kind(kind: str) -> tuple[str, str]:
    """Split a field kind into (base, argument): ``refs:org`` -> (``refs``, ``org``)."""
    base, _, arg = kind.partition(":")
    if base == "area":
        return "refs", "area-" + arg
    return base, arg


_KINDS = {k: _parse_kind(k) for spec in (*SPECS.values(), *EVENT_SPECS.values()) for k, _ in spec.values()}
_KINDS.update(
    {
        k: _parse_kind(k)
        for k, _ in (("id", 0), ("enum:event", 0), ("date", 0), ("ref:source", 0), ("text", 0), ("span", 0))
    }
)


_BAD_SEARCH = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
).search


def _check_str(coll: _Collector, path: tuple, v: str, base: str) -> str | None:
    """``v`` as kept (ids in NFKC), or None when a problem was reported: control
    and invisible characters anywhere, mixed confusable scripts in ids."""
    if base in ("id", "ref", "refs"):
        good, problem = normalize_id(v)
    else:
        good, problem = v, bad_char(v)
    if problem:
        coll.add(path, problem)
        return None
    return good


_NESTED = ("posts", "tasks", "measures")  # checked record by record, not as fields


def _required(spec: dict[str, tuple[str, bool]]) -> tuple[str, ...]:
    """The required fields of ``spec``, in its order; made once per spec (the cache holds
    the spec, so that its id names it as long as the entry lives)."""
    hit = _REQUIRED.get(id(spec))
    if hit is None or hit[0] is not spec:
        hit = _REQUIRED[id(spec)] = (spec, tuple(name for name, s in spec.items() if s[1]))
    return hit[1]


_REQUIRED: dict[int, tuple[dict, tuple[str, ...]]] = {}


def _event_spec(kind: Any) -> dict[str, tuple[str, bool]]:
    """The fields of an event of ``kind``: the common ones and the kind's own; one dict per kind."""
    key = kind if isinstance(kind, str) and kind in EVENT_SPECS else None
    spec = _EVENT_SPEC_OF.get(key)
    if spec is None:
        spec = _EVENT_SPEC_OF[key] = {**_EVENT_COMMON, **(EVENT_SPECS[key] if key is not None else {})}
    return spec


_EVENT_SPEC_OF: dict[str | None, dict[str, tuple[str, bool]]] = {}


class _Validator:
    def __init__(self) -> None:
        # references to resolve: (collector, field path, target, id), where the
        # target is org | person | bearer | source | any | area-org
        self.refs: list[tuple] = []
        self.ids: dict[str, tuple[_Collector, tuple, str]] = {}  # id -> (where, kind)
        self.kinds: dict[str, str] = {}  # id -> section

    # -- scalar checks -------------------------------------------------
    def field(self, coll: _Collector, rec: dict, path: tuple, name: str, spec: tuple[str, bool]) -> None:
        kind = spec[0]
        base, arg = _KINDS[kind]
        v = rec[name]
        # Fast paths for the common, valid cases of large registers.
        if type(v) is str:
            if _BAD_SEARCH(v) is None:
                if base == "text" and v.strip():
                    return
                if v.isascii():
                    if base == "id" and _ID_RE.match(v):
                        return
                    if base == "ref" and v.strip():
                        self.refs.append((coll, (*path, name), arg, v))
                        return
                if base == "enum" and v in ENUMS[arg]:
                    return
            if (good := _check_str(coll, (*path, name), v, base)) is None:
                return
            rec[name] = v = good
        elif type(v) is list and base in ("texts", "refs", "enums"):
            for i, x in enumerate(v):
                if type(x) is str:
                    if (y := _check_str(coll, (*path, name, i), x, base)) is None:
                        return
                    v[i] = y
        p = (*path, name)
        if v is None:
            coll.add(p, "值为空 / empty value")
            return
        if base == "id":
            if isinstance(v, int) and not isinstance(v, bool) and v.bit_length() < 64:
                rec[name] = v = str(v)
            if not isinstance(v, str) or not v or not _ID_RE.match(v):
                coll.add(
                    p,
                    f"id 须为不含空白的非空文本 / an id must be non-empty text without whitespace: {show(v)}",
                )
        elif base == "text":
            if (
                isinstance(v, (int, float))
                and not isinstance(v, bool)
                and not (isinstance(v, int) and v.bit_length() > 64)
            ):
                rec[name] = v = str(v)
            if not isinstance(v, str) or not v.strip():
                coll.add(p, f"须为非空文本 / must be non-empty text: {show(v)}")
        elif base == "texts":
            if isinstance(v, str):
                rec[name] = [v]
            elif not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
                coll.add(p, f"须为文本列表 / must be a list of text: {show(v)}")
        elif base == "date":
            d = _check_date(v)
            if d is None:
                coll.add(p, f"不是有效日期（YYYY-MM-DD）/ not a valid date (YYYY-MM-DD): {show(v)}")
            else:
                rec[name] = d
        elif base == "year":
            if isinstance(v, str) and _YEAR_RE.match(v):
                rec[name] = v = int(v)
            if not isinstance(v, int) or isinstance(v, bool) or not 1900 <= v <= 2200:
                coll.add(p, f"须为年份 / must be a year: {show(v)}")
        elif base == "sha256":
            if not isinstance(v, str) or not _SHA256_RE.match(v.strip()):
                coll.add(
                    p,
                    f"须为 64 位十六进制 SHA-256 摘要 / must be a SHA-256 digest of 64 hex digits: {show(v)}",
                )
            else:
                rec[name] = v.strip().lower()
        elif base == "number":
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                coll.add(p, f"须为数字（不可为 nan、inf）/ must be a number (not nan or inf): {show(v)}")
        elif base == "span":
            if (
                not isinstance(v, list)
                or len(v) != 2
                or not all(isinstance(x, int) and not isinstance(x, bool) for x in v)
                or not 0 <= v[0] <= v[1]
            ):
                coll.add(p, f"须为 [起, 止] 字符位置 / must be [start, end] character offsets: {show(v)}")
        elif base == "enum":
            allowed = ENUMS[arg]
            if v not in allowed:
                coll.add(p, f"{show(v)} 不是允许值 / is not one of {_one_of(allowed)}")
        elif base == "enums":
            allowed = ENUMS[arg]
            vals = [v] if isinstance(v, str) else v
            if not isinstance(vals, list):
                coll.add(p, f"须为列表 / must be a list: {show(v)}")
                return
            rec[name] = vals
            for i, x in enumerate(vals):
                if x not in allowed:
                    coll.add((*p, i), f"{show(x)} 不是允许值 / is not one of {_one_of(allowed)}")
        elif base in ("ref", "refs"):
            target = arg
            if base == "refs":
                if isinstance(v, (str, int)) and not isinstance(v, bool):
                    vals = [str(v)]
                    rec[name] = vals
                elif not isinstance(v, list):
                    coll.add(p, f"须为 id 或 id 列表 / must be an id or a list of ids: {show(v)}")
                    return
                else:
                    vals = v
                for i, x in enumerate(vals):
                    if isinstance(x, int) and not isinstance(x, bool):
                        vals[i] = x = str(x)
                    if not isinstance(x, str) or not x.strip():
                        coll.add((*p, i), f"须为 id / must be an id: {show(x)}")
                    else:
                        self.refs.append((coll, (*p, i), target, x))
            else:
                if isinstance(v, int) and not isinstance(v, bool):
                    rec[name] = v = str(v)
                if not isinstance(v, str) or not v.strip():
                    coll.add(p, f"须为 id / must be an id: {show(v)}")
                else:
                    self.refs.append((coll, p, target, v))

    def record(self, coll: _Collector, rec: Any, path: tuple, spec: dict, section: str) -> bool:
        if not isinstance(rec, dict):
            coll.add(path, f"须为映射（键: 值）/ must be a mapping: {type(rec).__name__}")
            return False
        # The record's own fields, in its order (problems are then sorted by line).
        for k in rec:
            s = spec.get(k)
            if s is None:
                coll.add((*path, k), f"未知字段 / unknown field {show(k)} (allowed: {_one_of(list(spec))})")
            elif s[0] not in _NESTED:
                self.field(coll, rec, path, k, s)
        for name in _required(spec):
            if name not in rec:
                coll.add(path, f"缺少必填字段 / missing required field {show(name)}")
        rid = rec.get("id")
        if isinstance(rid, str) and rid and _ID_RE.match(rid):
            if rid in self.ids:
                other, opath, _ = self.ids[rid]
                coll.add(
                    (*path, "id"),
                    f"id 重复 / duplicate id {show(rid)} (first at {other.file} {_fmt_path(opath)})",
                )
            else:
                self.ids[rid] = (coll, (*path, "id"), section)
                self.kinds[rid] = section
        return True


def _check_file(data: Any, coll: _Collector, val: _Validator, reg: Register) -> None:
    if not isinstance(data, dict):
        coll.add((), "登记册须为映射 / a register must be a mapping with the key 'respchain'")
        return
    for k in data:
        if k not in TOP_KEYS:
            coll.add((k,), f"未知顶层键 / unknown top-level key {show(k)} (allowed: {_one_of(TOP_KEYS)})")
    version = data.get("respchain")
    if "respchain" not in data:
        coll.add((), "缺少格式版本 respchain: 1 / missing format version 'respchain: 1'")
    elif type(version) is not int or version != 1:
        coll.add(
            ("respchain",), f"不支持的格式版本 / unsupported format version {show(version)} (expected 1)"
        )
    meta = data.get("meta")
    if meta is not None:
        if val.record(coll, meta, ("meta",), SPECS["meta"], "meta"):
            for k, v in meta.items():
                if k in ("as_of", "period") and k in reg.meta and reg.meta[k] != v:
                    coll.add(
                        ("meta", k),
                        f"与其他文件的 meta 不一致 / conflicts with another file's meta: {show(v)} vs {show(reg.meta[k])}",
                    )
                elif k == "origin" and v == RegisterOrigin.ARTICLE:  # one article-made file makes the whole
                    reg.meta[k] = v
                elif k in SPECS["meta"]:
                    reg.meta.setdefault(k, v)
    for section in SECTIONS:
        recs = data.get(section)
        if recs is None:
            continue
        if not isinstance(recs, list):
            coll.add((section,), f"须为列表 / must be a list, not {type(recs).__name__}")
            continue
        out = getattr(reg, section)
        for i, rec in enumerate(recs):
            path = (section, i)
            if section == "events":
                spec = _event_spec(rec.get("kind") if isinstance(rec, dict) else None)
            else:
                spec = SPECS[section]
            if not val.record(coll, rec, path, spec, section):
                continue
            rec["_file"], rec["_path"], rec["_coll"] = coll.file, path, coll
            if section == "people":
                _check_posts(rec, path, coll, val)
            elif section == "lists":
                _check_tasks(rec, path, coll, val)
            elif section == "problems":
                _check_measures(rec, path, coll, val)
            elif section == "evidence" and isinstance(rec.get("file"), str):
                f = rec["file"].strip()
                if (
                    PurePosixPath(f).is_absolute()
                    or PureWindowsPath(f).is_absolute()
                    or PureWindowsPath(f).drive
                ):
                    coll.add(
                        (*path, "file"),
                        f"须为相对于登记册文件的路径 / must be a path relative to the register file: {show(f)}",
                    )
            elif section == "events" and rec.get("kind") == "consultation":
                parties = rec.get("parties")
                if isinstance(parties, list) and len(parties) < 2:
                    coll.add((*path, "parties"), "会商须至少两方 / a consultation needs at least two parties")
            out.append(rec)


def _check_posts(rec: dict, path: tuple, coll: _Collector, val: _Validator) -> None:
    posts = rec.get("posts")
    if posts is None:
        return
    if not isinstance(posts, list):
        coll.add((*path, "posts"), "须为列表 / must be a list")
        return
    seen_head: dict[str, list[tuple[str | None, str | None]]] = {}
    for j, post in enumerate(posts):
        pp = (*path, "posts", j)
        if not val.record(coll, post, pp, SPECS["posts"], "posts"):
            continue
        since, until = _period(post)
        _check_order(coll, post, pp, "since", "until")
        if post.get("role") == "head" and isinstance(post.get("org"), str):
            if any(_overlap((since, until), other) for other in seen_head.get(post["org"], ())):
                coll.add(
                    (*pp, "role"),
                    f"同一人在 {show(post['org'])} 两次任一把手 / head of {show(post['org'])} twice",
                )
            seen_head.setdefault(post["org"], []).append((since, until))


def _period(rec: dict) -> tuple[str | None, str | None]:
    """The (since, until) of a post, each None when missing or not a valid date."""
    return _check_date(rec.get("since")), _check_date(rec.get("until"))


def _overlap(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Whether two periods (open ends allowed) share a day."""
    return (a[0] or "") <= (b[1] or "9999-12-31") and (b[0] or "") <= (a[1] or "9999-12-31")


def _check_order(coll: _Collector, rec: dict, path: tuple, first: str, then: str) -> None:
    """``rec[first]`` must not be after ``rec[then]`` (both valid dates)."""
    a, b = _check_date(rec.get(first)), _check_date(rec.get(then))
    if a and b and a > b:
        coll.add((*path, then), f"{then} {b} 早于 {first} {a} / {then} {b} is before {first} {a}")


def _check_measures(rec: dict, path: tuple, coll: _Collector, val: _Validator) -> None:
    _check_order(coll, rec, path, "found", "reported_on")
    _check_order(coll, rec, path, "found", "closed_on")
    measures = rec.get("measures")
    if measures is None:
        return
    if not isinstance(measures, list):
        coll.add((*path, "measures"), "须为列表 / must be a list")
        return
    good = []
    for j, m in enumerate(measures):
        mp = (*path, "measures", j)
        if val.record(coll, m, mp, SPECS["measures"], "measures"):
            if "done_on" in m and m.get("status") == "open":
                coll.add(
                    (*mp, "done_on"), "有完成日期的须为 status: done / done_on goes only with status: done"
                )
            m["_file"], m["_path"], m["_coll"] = coll.file, mp, coll
            good.append(m)
    rec["measures"] = good


def _check_tasks(rec: dict, path: tuple, coll: _Collector, val: _Validator) -> None:
    tasks = rec.get("tasks")
    if tasks is None:
        return
    if not isinstance(tasks, list):
        coll.add((*path, "tasks"), "须为列表 / must be a list")
        return
    good = []
    for j, task in enumerate(tasks):
        tp = (*path, "tasks", j)
        if val.record(coll, task, tp, SPECS["tasks"], "tasks"):
            if "done_on" in task and task.get("status", "open") != "done":
                coll.add(
                    (*tp, "done_on"),
                    "有完成日期的任务须为 status: done / done_on goes only with status: done",
                )
            task["_file"], task["_path"], task["_coll"] = coll.file, tp, coll
            good.append(task)
    rec["tasks"] = good


_TARGET_SECTIONS = {
    "org": ("organizations",),
    "person": ("people",),
    "bearer": ("organizations", "people"),
    "source": ("sources",),
    "any": None,
    "area-org": ("organizations",),
    "evidence": ("evidence",),
}
_TARGET_NAMES = {
    "org": "组织 / organization",
    "person": "人员 / person",
    "bearer": "组织或人员 / organization or person",
    "source": "来源 / source",
    "any": "记录 / record",
    "area-org": "组织 / organization",
    "evidence": "佐证材料 / evidence record",
}


def _resolve(val: _Validator) -> None:
    kinds = val.kinds
    pools: dict[tuple | None, dict[int, list[str]]] = {}
    for coll, path, target, value in val.refs:
        sec = kinds.get(value)
        allowed = _TARGET_SECTIONS[target]
        if sec is not None and (allowed is None or sec in allowed):
            continue
        if target == "area-org" and sec is None and is_free_text(value):
            continue  # a free-text area such as 意识形态工作
        if sec is None:
            # a hint only for the problems that will be listed
            hint = _closest(value, kinds, allowed, pools) if coll.wants(path) else None
            coll.add(
                path,
                f"引用的 id 不存在 / reference to unknown id {show(value)}"
                + (f" (是否指 / did you mean {show(hint)}?)" if hint else ""),
            )
        else:
            coll.add(
                path,
                f"{show(value)} 是 {sec}，此处须为{_TARGET_NAMES[target]} / is a record of {sec!r}, "
                f"expected {_TARGET_NAMES[target].split(' / ')[1]}",
            )


def _closest(
    value: str, kinds: dict[str, str], allowed: tuple | None, pools: dict[tuple | None, dict[int, list[str]]]
) -> str | None:
    """The known id closest to ``value``, searched among ids of about its length
    (a ratio of 0.75 needs lengths within a factor of 0.6 to 1.67)."""
    import difflib

    by_len = pools.get(allowed)
    if by_len is None:
        by_len = pools[allowed] = {}
        for k, s in kinds.items():
            if allowed is None or s in allowed:
                by_len.setdefault(len(k), []).append(k)
    n = len(value)
    if n > 200:
        return None
    pool = [k for ln in range(int(n * 0.6), int(n / 0.6) + 2) for k in by_len.get(ln, ())]
    m = difflib.get_close_matches(value, pool[:50_000], n=1, cutoff=0.75)
    return m[0] if m else None


def _check_parents(reg: Register) -> None:
    """Refuse ``parent`` chains that come back to where they started, naming the cycle."""
    parent = {
        o["id"]: o.get("parent")
        for o in reg.organizations
        if isinstance(o.get("id"), str) and isinstance(o.get("parent"), str)
    }
    recs = {o["id"]: o for o in reg.organizations if isinstance(o.get("id"), str)}
    done: set[str] = set()
    for start in parent:
        if start in done:
            continue
        chain: list[str] = []
        on_chain: set[str] = set()
        node: str | None = start
        while node is not None and node not in done and node not in on_chain:
            chain.append(node)
            on_chain.add(node)
            node = parent.get(node)
        if node is not None and node in on_chain:
            cycle = chain[chain.index(node) :] + [node]
            first = recs[cycle[0]]
            text = " → ".join(show(c) for c in cycle[:12]) + (" → …" if len(cycle) > 13 else "")
            first["_coll"].add(
                (*first["_path"], "parent"),
                (
                    "组织是自己的上级 / the organization is its own parent"
                    if len(cycle) == 2
                    else f"上级关系成环 / the parent chain is a cycle: {text}"
                ),
            )
        done.update(chain)


def _check_heads(reg: Register, val: _Validator) -> None:
    """One head (一把手) per organization at a time: head posts of different people
    whose periods do not overlap are a handover, overlapping ones two heads."""
    heads: dict[str, list[tuple[str, tuple[str | None, str | None]]]] = {}
    for person in reg.people:
        for j, post in enumerate(person.get("posts") or ()):
            if isinstance(post, dict) and post.get("role") == "head":
                org = post.get("org")
                if not isinstance(org, str) or not isinstance(person.get("id"), str):
                    continue  # reported by the field checks
                span = _period(post)
                other = next(
                    (p for p, s in heads.get(org, ()) if p != person["id"] and _overlap(span, s)), None
                )
                if other is not None:
                    person["_coll"].add(
                        (*person["_path"], "posts", j, "role"),
                        f"{show(org)} 已有一把手 {show(other)} / {show(org)} already has a head: {show(other)}",
                    )
                else:
                    heads.setdefault(org, []).append((person["id"], span))


def register_from_data(items: Sequence[tuple[str, Any, Any]]) -> Register:
    """Validate already parsed registers ``(file name, data, source)``.

    ``source`` is the file's text (YAML or JSON) or its YAML node tree, used to
    find line numbers; None when there is none.

    Raises
    ------
    RegisterError
        With every problem of every file, when there is any.
    """
    reg = Register()
    val = _Validator()
    colls = []
    for name, data, text in items:
        coll = _Collector(name, text)
        colls.append(coll)
        reg.files.append(name)
        _check_file(data, coll, val, reg)
    _resolve(val)
    _check_heads(reg, val)
    _check_parents(reg)
    problems = [p for c in colls for p in c.problems()]
    if problems:
        raise RegisterError(problems)
    _finish(reg, colls)
    return reg


def _finish(reg: Register, colls: list[_Collector]) -> None:
    """Fill defaults and replace the internal collector by the record's line."""
    today = settings_today()
    reg.meta.setdefault("as_of", today.isoformat())
    reg.meta.setdefault("period", int(reg.meta["as_of"][:4]))
    line_maps: dict[int, _LazyLines] = {}

    def line_of(rec: dict) -> int:
        coll = rec.pop("_coll")
        lm = line_maps.get(id(coll))
        if lm is None:
            lm = line_maps[id(coll)] = _LazyLines(coll.text)
        return lm.get(rec["_path"])

    for section in SECTIONS:
        for rec in getattr(reg, section):
            rec["_line"] = line_of(rec)
            for task in rec.get("tasks") or () if section == "lists" else ():
                task["_line"] = line_of(task)
            for m in rec.get("measures") or () if section == "problems" else ():
                m["_line"] = line_of(m)


class _LazyLines:
    """Line numbers of records, read from the text only for YAML-sized inputs.

    Composing a YAML node tree is the slow part of PyYAML; for very large
    machine-written files (over 5 MB) records keep line 0, the price of loading
    a province in seconds. Error messages always get their lines.
    """

    def __init__(self, text: str | None):
        self.text = text
        self.map: dict | None = None

    def get(self, path: tuple) -> int:
        if self.map is None:
            big = isinstance(self.text, str) and len(self.text) >= 5_000_000
            self.map = {} if self.text is None or big else _line_map(self.text)
        return self.map.get(path, 0)


def _is_register_file(path: Path) -> bool:
    """In a folder, JSON files count as registers only when they carry the
    ``respchain`` key near the top (a folder may also hold expected findings,
    answer keys and the like)."""
    if path.suffix.lower() != ".json":
        return True
    with path.open("rb") as f:
        return b'"respchain"' in f.read(4096)


def load_register(paths: str | Path | Sequence[str | Path]) -> Register:
    """Load one or many register files into one validated :class:`Register`.

    Parameters
    ----------
    paths : path or sequence of paths
        ``.yaml``/``.yml``/``.json`` files (and the suffixes other loaders add to
        :data:`READERS`). A directory stands for the register files inside it;
        there, a JSON file counts only when it has the ``respchain`` key.

    Returns
    -------
    Register

    Raises
    ------
    RegisterError
        Listing every problem, with file, line and field path.

    Examples
    --------
    >>> reg = load_register("data/seed")
    >>> reg.meta["as_of"]
    '2025-10-20'
    """
    with paused_gc():
        return _load_register(paths)


def _load_register(paths: str | Path | Sequence[str | Path]) -> Register:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    problems: list[Problem] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(
                f for f in p.iterdir() if f.suffix.lower() in READERS and f.is_file() and _is_register_file(f)
            )
            if not found:
                problems.append(
                    Problem(str(p), 0, "", "目录中没有登记册文件 / no register files in this folder")
                )
            files.extend(found)
        elif not p.exists():
            problems.append(Problem(str(p), 0, "", "文件不存在 / no such file"))
        else:
            files.append(p)
    items: list[tuple[str, Any, str | None]] = []
    for f in files:
        reader = READERS.get(f.suffix.lower())
        if reader is None:
            problems.append(
                Problem(
                    str(f),
                    0,
                    "",
                    f"不支持的文件类型 / unsupported file type {f.suffix!r} "
                    f"(supported: {_one_of(sorted(READERS))})",
                )
            )
            continue
        try:
            text = _read_text(f)
        except UnicodeDecodeError as e:
            problems.append(
                Problem(str(f), 0, "", f"不是 UTF-8 编码 / not UTF-8 text: {e.reason} at byte {e.start}")
            )
            continue
        except OSError as e:
            problems.append(Problem(str(f), 0, "", f"无法读取 / cannot read: {e.strerror}"))
            continue
        source: Any = None
        try:
            if reader is _parse_yaml:
                data, source = _compose_yaml(text)
            else:
                data = reader(f, text)
                source = text if reader is _parse_json else None
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            problems.append(
                Problem(
                    str(f),
                    (mark.line + 1) if mark else 0,
                    "",
                    f"YAML 语法错误 / YAML syntax error: {e.problem}",
                )
            )
            continue
        except json.JSONDecodeError as e:
            problems.append(
                Problem(
                    str(f), e.lineno, "", f"JSON 语法错误 / JSON syntax error: {e.msg} (column {e.colno})"
                )
            )
            continue
        except GuardError as e:
            problems.append(Problem(str(f), e.line, "", e.message))
            continue
        except yaml.reader.ReaderError as e:  # a NUL or other character YAML does not allow
            problems.append(
                Problem(
                    str(f),
                    text.count("\n", 0, e.position) + 1,
                    "",
                    f"YAML 不允许的字符 / character YAML does not allow: U+{e.character if isinstance(e.character, int) else ord(e.character):04X}",
                )
            )
            continue
        except RecursionError:
            problems.append(Problem(str(f), 0, "", "嵌套过深 / nested too deep"))
            continue
        except (ValueError, yaml.YAMLError) as e:
            problems.append(Problem(str(f), 0, "", f"无法解析 / cannot parse: {e}"))
            continue
        if reader is _parse_yaml:
            for path, line in _duplicate_keys(source):
                problems.append(Problem(str(f), line, _fmt_path(path), "键重复 / key given twice"))
        items.append((str(f), data, source))
    try:
        reg = register_from_data(items)
    except RegisterError as e:
        raise RegisterError(problems + e.problems) from None
    if problems:
        raise RegisterError(problems)
    return reg
