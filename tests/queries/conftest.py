"""Fixtures of the gap rule tests: the case folders under tests/data/gaps, and the backends.

``gaps_on`` is the one fixture through which the rule cases run on every
backend: parametrized (indirectly) by a backend name, it gives a function
``(G, rules) -> findings`` that runs the rules there. ``neo4j`` pushes the
graph into the test server first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from respchain.loaders import load_graph
from respchain.queries import Finding, find_gaps

GAPS_DATA = Path(__file__).resolve().parents[1] / "data" / "gaps"
DISTRICT = GAPS_DATA / "district" / "register.yaml"

GapsOn = Callable[[nx.MultiDiGraph, "str | None"], list[Finding]]


@pytest.fixture(scope="session")
def district() -> nx.MultiDiGraph:
    return load_graph(DISTRICT)


@pytest.fixture()
def gaps_on(request: pytest.FixtureRequest) -> GapsOn:
    """``find_gaps`` on the backend named by the parameter (``memory``, ``neo4j``, ``shacl``)."""
    backend: str = request.param
    options: dict[str, Any] = {}
    if backend == "neo4j":
        options = {
            "driver": request.getfixturevalue("neo4j_driver"),
            "database": request.getfixturevalue("neo4j_database"),
            "push": True,
        }

    def run(G: nx.MultiDiGraph, rules: str | None) -> list[Finding]:
        return find_gaps(G, rules=rules, backend=backend, **options)

    return run
