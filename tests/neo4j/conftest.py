"""The tests of this folder all use the real Neo4j of ``tests/conftest.py``.

Every test here is marked ``neo4j``; ``driver`` is the server's driver on an
emptied database, ``database`` the database to use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture()
def driver(neo4j_driver: Any) -> Any:
    """The session's driver, on an emptied database."""
    return neo4j_driver


@pytest.fixture()
def database(neo4j_database: str | None) -> str | None:
    return neo4j_database
