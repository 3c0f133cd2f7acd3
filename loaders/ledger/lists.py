"""Writing a list record out: a register file of its own, or in place of the list in its file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from respchain.loaders.ledger.rows import TASK_FIELDS
from respchain.loaders.writer import register_yaml

from respchain._files import atomic_path


def list_to_yaml(record: dict) -> str:
    """A list record as a register file: ``respchain: 1``, ``lists: [record]`` and the new
    evidence records its ledger named (``evidence: [...]``)."""
    data: dict[str, Any] = {
        "respchain": 1,
        "lists": [{k: v for k, v in record.items() if not k.startswith("_")}],
    }
    if record.get("_evidence"):
        data["evidence"] = record["_evidence"]
    return register_yaml(data)


def _write_file(path: Path, write: Callable[[Path], object]) -> Path:
    """Write through a temporary file in the same folder, then rename: nothing half-written."""
    path = Path(path)
    with atomic_path(path) as tmp:
        write(tmp)
    return path


def list_changes(old: dict, new: dict) -> list[str]:
    """What a refilled ledger changes in its list: tasks added, removed, and each changed field.

    Examples
    --------
    >>> old = {"tasks": [{"id": "t1", "goal": "a", "status": "open"}, {"id": "t2", "goal": "b"}]}
    >>> new = {"tasks": [{"id": "t1", "goal": "a", "status": "done"}, {"id": "t3", "goal": "c"}]}
    >>> list_changes(old, new)
    ['~ t1 status: open → done', '+ t3 c', '- t2 b']
    """
    before = {t["id"]: t for t in old.get("tasks") or ()}
    after = {t["id"]: t for t in new.get("tasks") or ()}
    out: list[str] = []

    def show(v: Any) -> str:
        if v is None or v == []:
            return "∅"
        return "、".join(map(str, v)) if isinstance(v, list) else str(v)

    def norm(v: Any) -> Any:
        return [v] if isinstance(v, str) and v else v

    for tid, t in after.items():
        if tid not in before:
            continue
        for k in TASK_FIELDS:
            a, b = before[tid].get(k), t.get(k)
            if k in ("responsible", "lead", "assist", "evidence"):
                a, b = norm(a), norm(b)
            elif k == "status":  # a task without a status is open
                a, b = a or "open", b or "open"
            if (a or None) != (b or None):
                out.append(f"~ {tid} {k}: {show(a)} → {show(b)}")
    out += [f"+ {tid} {t.get('goal', '')}" for tid, t in after.items() if tid not in before]
    out += [f"- {tid} {t.get('goal', '')}" for tid, t in before.items() if tid not in after]
    return out


def replace_list_in_file(record: dict, path: str | Path) -> Path:
    """Write ``record`` into the register file it came from, in place of the list of the same id,
    keeping the file's other records (its comments are not kept); atomically."""
    path = Path(path)
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    new = {k: v for k, v in record.items() if not k.startswith("_")}
    data["lists"] = [new if lst.get("id") == new["id"] else lst for lst in data.get("lists") or ()]
    if record.get("_evidence"):  # the new evidence records the refilled ledger names
        data["evidence"] = [*(data.get("evidence") or ()), *record["_evidence"]]
    text = register_yaml(data)
    return _write_file(path, lambda p: p.write_text(text, encoding="utf-8"))


def write_list(record: dict, path: str | Path) -> Path:
    """Save a list record (from :func:`read_ledger`) as a register file, atomically."""
    text = list_to_yaml(record)
    return _write_file(Path(path), lambda p: p.write_text(text, encoding="utf-8"))
