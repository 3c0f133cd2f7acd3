"""Guards against hostile input, shared by the loaders.

- :func:`show` is a bounded ``repr`` for messages (no 50 MB value, no
  5,000-digit integer, no control character reaches a message).
- :func:`bad_char` finds control, surrogate and invisible characters, which
  are refused with their place: they break spreadsheets and JSON, hide text on
  a terminal and make two ids look the same.
- :func:`normalize_id` folds an id to NFKC (fullwidth ``ｃｉｔｙ`` is ``city``) and
  refuses ids that mix Latin with Cyrillic or Greek letters (``сity``).
- :func:`loads_json` parses JSON refusing duplicate keys, ``NaN``/``Infinity``
  and nesting beyond :data:`MAX_DEPTH`, each with its line.
- :func:`yaml_budget` refuses YAML whose aliases expand beyond a budget (the
  "billion laughs"), :func:`yaml_bad_scalar` finds the scalar a tag cannot build.
"""

from __future__ import annotations

import json
import re
import reprlib
import unicodedata
from typing import Any

import yaml

__all__ = [
    "MAX_DEPTH",
    "ALIAS_BUDGET",
    "GuardError",
    "show",
    "bad_char",
    "normalize_id",
    "loads_json",
    "yaml_budget",
    "yaml_bad_scalar",
    "line_of",
    "load_yaml",
]

#: Deepest nesting of lists and mappings accepted in a JSON or YAML input.
MAX_DEPTH = 64
#: Most nodes a YAML document may reach through its aliases beyond its own.
ALIAS_BUDGET = 100_000


class GuardError(ValueError):
    """A refused input: ``line`` (1-based, 0 unknown) and a message."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _Repr(reprlib.Repr):
    def __init__(self) -> None:
        super().__init__()
        self.maxstring = 120
        self.maxother = 120
        self.maxlevel = 3
        self.maxlist = self.maxtuple = self.maxdict = self.maxset = 8

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 256:
            return f"<{x.bit_length()} 位整数 / integer of {x.bit_length()} bits>"
        return super().repr_int(x, level)


_REPR = _Repr()


def show(value: Any) -> str:
    """A short, safe ``repr`` of ``value`` for a message."""
    try:
        return _REPR.repr(value)
    except Exception:  # pragma: no cover - a value whose repr fails
        return f"<{type(value).__name__}>"


# C0/C1 controls other than tab and line breaks, lone surrogates, zero-width
# and bidirectional formatting characters, the BOM inside text.
_BAD_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_BAD_ID = re.compile(_BAD_TEXT.pattern[:-1] + "\t\n\r\u00ad\u034f\u115f\u1160\u3164\uffa0]")
_LATIN = re.compile("[A-Za-z]")
_CONFUSABLE_SCRIPTS = re.compile("[\u0370-\u03ff\u0400-\u052f]")


def _describe(ch: str, pos: int) -> str:
    name = unicodedata.name(ch, "") if not 0xD800 <= ord(ch) <= 0xDFFF else "SURROGATE"
    name = name or unicodedata.category(ch)
    return f"U+{ord(ch):04X} {name} at character {pos + 1}"


def bad_char(text: str, *, ident: bool = False) -> str | None:
    """A message naming the first forbidden character of ``text``, or None."""
    m = (_BAD_ID if ident else _BAD_TEXT).search(text)
    if m is None:
        return None
    return (
        f"含控制或不可见字符 / contains a control or invisible character: {_describe(m.group(), m.start())}"
    )


def normalize_id(value: str) -> tuple[str, str | None]:
    """``(NFKC form, problem or None)`` of an id."""
    problem = bad_char(value, ident=True)
    if problem:
        return value, problem
    v = unicodedata.normalize("NFKC", value)
    if _CONFUSABLE_SCRIPTS.search(v) and _LATIN.search(v):
        return v, (
            "id 混用拉丁字母与西里尔或希腊字母（易混淆）/ the id mixes Latin with Cyrillic or Greek "
            f"letters, which look alike: {show(value)}"
        )
    return v, None


def line_of(text: str, pos: int) -> int:
    """1-based line of character ``pos`` of ``text``."""
    return text.count("\n", 0, max(pos, 0)) + 1


# -- JSON ---------------------------------------------------------------------

_STRUCT = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)


def _too_deep(text: str) -> int:
    """Position where the nesting of ``text`` first passes MAX_DEPTH, or -1."""
    depth = 0
    for m in _STRUCT.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return m.start()
        elif c in "]}":
            depth -= 1
    return -1


class _Dup(Exception):
    pass


def _refuse_constant(name: str) -> Any:
    raise _Dup(name)


def loads_json(text: str) -> Any:
    """Parse JSON text strictly.

    Raises
    ------
    GuardError
        For a duplicate key, ``NaN``/``Infinity``, nesting too deep for the
        parser (the position past :data:`MAX_DEPTH` is named) or an integer too
        long to convert, with the line.
    json.JSONDecodeError
        For a syntax error (it carries its own line).
    """
    dups: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict:
        d = dict(items)
        if len(d) != len(items):
            seen: set[str] = set()
            dups.extend(k for k, _ in items if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        return d

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=_refuse_constant)
    except RecursionError:
        pos = _too_deep(text)
        raise GuardError(line_of(text, pos), f"嵌套过深 / nested deeper than {MAX_DEPTH} levels") from None
    except _Dup as e:
        m = re.search(r"(?<![\w\"])" + re.escape(str(e)) + r"(?![\w\"])", text)
        raise GuardError(
            line_of(text, m.start()) if m else 0, f"不允许的数值 / {e} is not a number JSON allows"
        ) from None
    except json.JSONDecodeError:
        raise
    except ValueError as e:  # an integer beyond the conversion limit
        m = re.search(r"\d{4000,}", text)
        raise GuardError(line_of(text, m.start()) if m else 0, f"数值过长 / number too long: {e}") from None
    if dups:
        m = re.search(r'"' + re.escape(json.dumps(dups[0])[1:-1]) + r'"\s*:', text)
        first = m.start() if m else 0
        m2 = (
            re.compile(r'"' + re.escape(json.dumps(dups[0])[1:-1]) + r'"\s*:').search(text, first + 1)
            if m
            else None
        )
        raise GuardError(line_of(text, m2.start()) if m2 else 0, f"键重复 / key given twice: {show(dups[0])}")
    return data


# -- YAML ---------------------------------------------------------------------


def yaml_budget(root: Any) -> None:
    """Refuse a node tree nested beyond MAX_DEPTH or whose aliases expand past ALIAS_BUDGET.

    Aliases make the composed tree a graph that shares nodes; its expanded size
    is counted over the shared nodes once each (no expansion happens here).
    """
    if root is None:
        return
    size: dict[int, int] = {}
    unique = 0
    # iterative post-order walk
    stack: list[tuple[Any, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, done = stack.pop()
        nid = id(node)
        if done:
            if isinstance(node, yaml.MappingNode):
                kids = [c for kv in node.value for c in kv]
            else:
                kids = node.value
            total = 1 + sum(size[id(c)] for c in kids)
            size[nid] = total
            if total > unique + ALIAS_BUDGET:
                raise GuardError(
                    node.start_mark.line + 1,
                    f"别名展开过大 / aliases expand this node to {total} nodes (limit {ALIAS_BUDGET} beyond the file's own)",
                )
            continue
        if nid in size:
            continue
        if depth > MAX_DEPTH:
            raise GuardError(node.start_mark.line + 1, f"嵌套过深 / nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, yaml.ScalarNode):
            size[nid] = 1
            unique += 1
            continue
        unique += 1
        size[nid] = 0  # in progress; a recursive alias counts as nothing more
        stack.append((node, depth, True))
        kids = [c for kv in node.value for c in kv] if isinstance(node, yaml.MappingNode) else node.value
        stack.extend((c, depth + 1, False) for c in kids if id(c) not in size)


def yaml_bad_scalar(root: Any) -> tuple[int, str] | None:
    """``(line, message)`` of the first scalar whose tag cannot build it (a bad
    ``!!timestamp``, an integer too long), or None."""
    if root is None:
        return None
    ctor = yaml.constructor.SafeConstructor()
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                ctor.construct_object(node)
            except Exception as e:  # the constructor's own error for this scalar
                why = "more than 4300 digits" if "Exceeds the limit" in str(e) else str(e)
                tag = node.tag.rsplit(":", 1)[-1]
                return node.start_mark.line + 1, f"无效的值 / invalid {tag} {show(node.value)}: {why}"
        elif isinstance(node, yaml.MappingNode):
            stack.extend(c for kv in node.value for c in kv)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def load_yaml(text: str) -> Any:
    """Parse one YAML document with the safe loader, within :func:`yaml_budget`.

    Raises
    ------
    GuardError
        For aliases past the budget, nesting too deep, a scalar its tag cannot build.
    yaml.YAMLError
        For a syntax error (with its mark).
    """
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        yaml_budget(node)
        try:
            return loader.construct_document(node) if node is not None else None
        except (ValueError, TypeError, OverflowError, yaml.constructor.ConstructorError) as e:
            bad = yaml_bad_scalar(node)
            raise GuardError(*(bad or (0, str(e)))) from None
    except yaml.reader.ReaderError as e:
        raise GuardError(
            line_of(text, e.position), f"不允许的字符 / character YAML does not allow at {e.position}"
        ) from None
    except RecursionError:
        raise GuardError(0, "嵌套过深 / nested too deep") from None
    finally:
        loader.dispose()
