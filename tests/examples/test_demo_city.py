"""The demo-city register: a multi-file city whose deliberate gaps are exactly the documented ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from respchain.loaders import load_graph
from respchain.queries import CATALOG, find_gaps
from respchain.queries.catalog import TIME_RULES

ROOT = Path(__file__).resolve().parents[2]
CITY = ROOT / "data" / "demo-city"
EXPECTED = [tuple(x) for x in json.loads((CITY / "expected.json").read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def graph():
    return load_graph(CITY)  # the folder: its YAML files, not expected.json


@pytest.fixture(scope="module")
def findings(graph):
    return find_gaps(graph)


def _readme_tables() -> list[set[tuple[str, str]]]:
    """The (rule, subject) rows of each gap table in the README (Chinese, then English)."""
    text = (CITY / "README.md").read_text(encoding="utf-8")
    tables: list[set[tuple[str, str]]] = []
    for block in re.split(r"\n(?=## )", text):
        rows = set(re.findall(r"^\| ([A-Z]+-\d{3}) \| ([^ |]+) \|", block, flags=re.M))
        if rows:
            tables.append(rows)
    return tables


def test_the_city_is_split_over_several_files(graph):
    files = {Path(f).name for f in graph.graph["files"]}
    assert {
        "organizations.yaml",
        "people.yaml",
        "responsibilities.yaml",
        "lists.yaml",
        "events.yaml",
    } <= files
    assert graph.graph["as_of"] == "2025-10-20"
    assert graph.graph["period"] == 2025


def test_findings_are_exactly_the_planted_gaps(findings):
    got = sorted(f.key() for f in findings)
    assert got == sorted(EXPECTED)


def test_every_rule_fires_one_to_three_times():
    counts = {r: sum(1 for rule, _ in EXPECTED if rule == r) for r in CATALOG if r not in TIME_RULES}
    assert all(1 <= n <= 3 for n in counts.values()), counts
    assert EXPECTED == sorted(EXPECTED)


def test_readme_lists_every_planted_gap_in_both_languages():
    tables = _readme_tables()
    assert len(tables) == 2, "one gap table in Chinese, one in English"
    for rows in tables:
        assert rows == set(EXPECTED)


def test_the_city_is_realistically_sized(graph):
    kinds: dict[str, int] = {}
    for _, d in graph.nodes(data=True):
        if d.get("kind") == "Organization":
            kinds[d["org_kind"]] = kinds.get(d["org_kind"], 0) + 1
    assert 4 <= kinds["dispatched_group"] <= 6
    assert kinds["unit"] + kinds["functional_department"] >= 25
    assert kinds["party_branch"] >= 3
    talks = {d.get("talk") for _, d in graph.nodes(data=True) if d.get("event_kind") == "talk"}
    assert talks == {"conveying", "thematic", "warning", "encouragement", "collective"}
