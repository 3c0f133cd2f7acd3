"""Fixtures of the gap rule tests: the case folders under tests/data/gaps."""

from __future__ import annotations

from pathlib import Path

import pytest
from respchain.loaders import load_graph

GAPS_DATA = Path(__file__).resolve().parents[1] / "data" / "gaps"
DISTRICT = GAPS_DATA / "district" / "register.yaml"


@pytest.fixture(scope="session")
def district():
    return load_graph(DISTRICT)
