from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

SEED = ROOT / "data" / "seed"
DEMO_CITY = ROOT / "data" / "demo-city"
XSS = ROOT / "tests" / "data" / "viz" / "xss.yaml"
XSS_NAME = "<img src=x onerror=alert(1)>"


def demo_city_files() -> list[Path]:
    return sorted(DEMO_CITY.glob("*.yaml"))


@pytest.fixture(scope="session")
def seed_graph():
    from respchain.loaders import load_graph

    return load_graph(SEED)


@pytest.fixture(scope="session")
def seed_findings(seed_graph):
    from respchain.queries import find_gaps

    return find_gaps(seed_graph)


@pytest.fixture(scope="session")
def xss_graph():
    from respchain.loaders import load_graph

    return load_graph(XSS)
