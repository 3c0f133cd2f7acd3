"""A real Neo4j for the tests of this folder.

The server is the one ``NEO4J_URI`` names (``make test`` starts one and sets
it). When it is unset or cannot be reached the tests are skipped, unless
``RESPCHAIN_REQUIRE_NEO4J=1`` (as in CI): then they fail. Every test starts
from an empty database.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.neo4j)


def _unavailable(reason: str):
    if os.environ.get("RESPCHAIN_REQUIRE_NEO4J") == "1":
        pytest.fail(f"Neo4j 必需但不可用 / Neo4j required but unavailable: {reason}", pytrace=False)
    pytest.skip(f"Neo4j 不可用 / Neo4j unavailable: {reason}")


@pytest.fixture(scope="session")
def neo4j_session_driver():
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        _unavailable("NEO4J_URI 未设置 / NEO4J_URI is not set")
    import neo4j

    password = os.environ.get("NEO4J_PASSWORD")
    auth = (os.environ.get("NEO4J_USER") or "neo4j", password) if password else None
    driver = neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=10.0)
    try:
        driver.verify_connectivity()
    except Exception as e:  # any failure to reach it is the same for the tests
        driver.close()
        _unavailable(f"{uri}: {type(e).__name__}")
    yield driver
    driver.close()


@pytest.fixture()
def driver(neo4j_session_driver):
    """The session's driver, on an emptied database."""
    from respchain.graph.neo4j import clear_neo4j

    clear_neo4j(neo4j_session_driver, database=os.environ.get("NEO4J_DATABASE") or None)
    return neo4j_session_driver


@pytest.fixture()
def database():
    return os.environ.get("NEO4J_DATABASE") or None
