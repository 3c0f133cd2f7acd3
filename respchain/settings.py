"""One typed settings object, read from the environment at call time.

Secrets (the Neo4j password) are read here and nowhere else, and are never
printed: ``repr`` hides them.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Settings", "get_settings", "today"]


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = field(default=None, repr=False)
    neo4j_database: str | None = None
    base_iri: str = "https://respchain.example/id/"


def get_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings from ``env`` (default: ``os.environ``) now."""
    src: Mapping[str, str] = os.environ if env is None else env
    return Settings(
        neo4j_uri=src.get("NEO4J_URI") or None,
        neo4j_user=src.get("NEO4J_USER") or "neo4j",
        neo4j_password=src.get("NEO4J_PASSWORD") or None,
        neo4j_database=src.get("NEO4J_DATABASE") or None,
        base_iri=src.get("RESPCHAIN_BASE_IRI") or "https://respchain.example/id/",
    )


def today() -> _dt.date:
    """The date today: the reference date (``as_of``) when neither the register nor the caller gives one."""
    return _dt.date.today()
