"""Fixtures every test folder may use: a real Neo4j server.

The server is the one ``NEO4J_URI`` names (``make test`` starts one and sets
it). When it is unset or cannot be reached the tests that ask for it are
skipped, unless ``RESPCHAIN_REQUIRE_NEO4J=1`` (as in CI): then they fail.
Tests that use it are marked ``neo4j``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest


def _unavailable(reason: str) -> None:
    if os.environ.get("RESPCHAIN_REQUIRE_NEO4J") == "1":
        pytest.fail(f"Neo4j 必需但不可用 / Neo4j required but unavailable: {reason}", pytrace=False)
    pytest.skip(f"Neo4j 不可用 / Neo4j unavailable: {reason}")


@pytest.fixture(scope="session")
def neo4j_session_driver() -> Iterator[Any]:
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
def neo4j_database() -> str | None:
    """The database the tests use (``NEO4J_DATABASE``; the server's default when unset)."""
    return os.environ.get("NEO4J_DATABASE") or None


@pytest.fixture()
def neo4j_driver(neo4j_session_driver: Any, neo4j_database: str | None) -> Any:
    """The session's driver, on an emptied database."""
    from respchain.graph.neo4j import clear_neo4j

    clear_neo4j(neo4j_session_driver, database=neo4j_database)
    return neo4j_session_driver
