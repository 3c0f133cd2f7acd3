"""Small registers written in code: a builder of register data and its graph.

The lesson and the exercises make registers as plain data (the structure of
register.md) and put them through the same loader and model as any file, so
that what they show is what the engine sees.
"""

from __future__ import annotations

import copy
from typing import Any

import networkx as nx

from respchain.loaders import load_graph
from respchain.loaders.register import register_from_data

__all__ = ["AS_OF", "PERIOD", "new_register", "graph_from_data", "findings_of"]

# The reference date of every register the teaching material makes: fixed, so
# that the same exercise seed gives the same findings on any day.
AS_OF = "2025-10-20"
PERIOD = 2025


def new_register(title: str, *, as_of: str = AS_OF, period: int = PERIOD) -> dict[str, Any]:
    """An empty register (every section present, in register.md's order)."""
    return {
        "respchain": 1,
        "meta": {"title": title, "as_of": as_of, "period": period},
        "organizations": [],
        "people": [],
        "responsibilities": [],
        "lists": [],
        "events": [],
    }


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """A deep copy without the empty sections (the loader keeps the caller's data intact)."""
    return {k: copy.deepcopy(v) for k, v in data.items() if v != []}


def graph_from_data(data: dict[str, Any], name: str = "<lesson>") -> nx.MultiDiGraph:
    """Validate register ``data`` and build its graph.

    Raises
    ------
    RegisterError
        When the data breaks the register format (a bug in the material).
    """
    return load_graph(register_from_data([(name, _clean(data), None)]))


def findings_of(
    G: nx.MultiDiGraph, rules: str | list[str] | None = None, *, obligations: list | None = None
) -> list:
    """The engine's findings on ``G`` (all rules, or only ``rules``; and the ``obligations`` given)."""
    from respchain.queries import find_gaps

    return find_gaps(G, rules=rules, obligations=obligations)
