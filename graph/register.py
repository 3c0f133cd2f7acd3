"""A register as the model holds it: its metadata and its records, in load order.

The loaders (:mod:`respchain.loaders`) produce a :class:`Register` from files;
the model (:func:`respchain.graph.graph_from_register`) builds the graph from one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Register", "SECTIONS"]

SECTIONS = (
    "sources",
    "organizations",
    "people",
    "responsibilities",
    "lists",
    "events",
    "mechanisms",
    "facts",
    "evidence",
    "problems",
)


@dataclass
class Register:
    """A validated register: its metadata and its records, in load order.

    Records are the dicts of the file with three keys added: ``_file``,
    ``_line`` and ``_path``. Tasks stay inside their list's ``tasks``.
    """

    meta: dict[str, Any] = field(default_factory=dict)
    sources: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    responsibilities: list[dict[str, Any]] = field(default_factory=list)
    lists: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    mechanisms: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def as_of(self) -> str:
        return str(self.meta["as_of"])

    @property
    def period(self) -> int:
        return int(self.meta["period"])

    def tasks(self) -> Iterable[dict[str, Any]]:
        for lst in self.lists:
            yield from lst.get("tasks") or ()

    def measures(self) -> Iterable[dict[str, Any]]:
        for pb in self.problems:
            yield from pb.get("measures") or ()

    def to_data(self) -> dict[str, Any]:
        """The register as plain data in the format of register.md (no ``_`` keys)."""

        def clean(v: Any) -> Any:
            if isinstance(v, dict):
                return {k: clean(x) for k, x in v.items() if not k.startswith("_")}
            if isinstance(v, list):
                return [clean(x) for x in v]
            return v

        out: dict[str, Any] = {"respchain": 1}
        meta = {k: v for k, v in self.meta.items() if not k.startswith("_")}
        if meta:
            out["meta"] = meta
        for s in SECTIONS:
            recs = getattr(self, s)
            if recs:
                out[s] = [clean(r) for r in recs]
        return out
