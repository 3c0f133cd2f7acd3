"""Every case folder of tests/data/gaps gives exactly its expected findings, on every backend.

A folder named after a rule id (``ACC-001``) or a family (``lists``) runs only
that selection; any other folder (``district``) runs every rule. The expected
findings are a list of ``[rule, subject]``; the register's comments mark the
near misses, which must not be found.

Each folder runs on the memory backend, on Neo4j (the rules' Cypher, marked
``neo4j``) and on SHACL when a rule it selects has a shape; every backend must
give the expected findings and the very findings of the memory backend
(severity, messages, evidence, source).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from respchain.loaders import load_graph
from respchain.queries import CATALOG, FAMILIES, find_gaps, resolve_rules

from tests.queries.conftest import GapsOn

GAPS_DATA = Path(__file__).resolve().parents[1] / "data" / "gaps"

CASES = sorted(p.parent for p in GAPS_DATA.glob("*/register.yaml"))


def _selection(case: Path) -> str | None:
    name = case.name.split("--")[0]
    return name if name.upper() in CATALOG or name.lower() in FAMILIES else None


def _has_shape(case: Path) -> bool:
    return any(CATALOG[r].shape is not None for r in resolve_rules(_selection(case)))


def _runs() -> list[object]:
    runs: list[object] = []
    for case in CASES:
        runs.append(pytest.param(case, "memory", id=f"{case.name}-memory"))
        runs.append(pytest.param(case, "neo4j", id=f"{case.name}-neo4j", marks=pytest.mark.neo4j))
        if _has_shape(case):
            runs.append(pytest.param(case, "shacl", id=f"{case.name}-shacl"))
    return runs


@pytest.mark.parametrize(("case", "gaps_on"), _runs(), indirect=["gaps_on"])
def test_case_gives_exactly_the_expected_findings(case: Path, gaps_on: GapsOn) -> None:
    G = load_graph(case / "register.yaml")
    expected = sorted(tuple(x) for x in json.loads((case / "expected.json").read_text(encoding="utf-8")))
    got = gaps_on(G, _selection(case))
    assert sorted(f.key() for f in got) == expected
    assert got == find_gaps(G, rules=_selection(case))


def test_every_case_runs_on_every_backend_it_can() -> None:
    backends = {(p.values[0], p.values[1]) for p in _runs()}  # type: ignore[attr-defined]
    assert {b for _c, b in backends} == {"memory", "neo4j", "shacl"}
    shape_rules = {r.id for r in CATALOG.values() if r.shape is not None}
    on_shacl = {_selection(c) for c, b in backends if b == "shacl"}
    assert shape_rules <= {s.upper() for s in on_shacl if s}


def test_every_rule_has_a_case_that_finds_it():
    found_in_cases = set()
    for case in CASES:
        sel = _selection(case)
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        if sel is not None:
            assert expected, f"{case.name}: a rule case must have at least one finding"
            assert all(r == sel.upper() for r, _ in expected)
            found_in_cases.add(sel.upper())
    assert found_in_cases == set(CATALOG)


def test_district_example_matches_the_spec(district):
    expected = json.loads((GAPS_DATA / "district" / "expected.json").read_text(encoding="utf-8"))
    assert [list(f.key()) for f in find_gaps(district)] != []
    assert sorted(list(f.key()) for f in find_gaps(district)) == sorted(expected)


def test_chain_evidence_is_the_path_up_to_the_nearest_broken_ancestor():
    G = load_graph(GAPS_DATA / "CHAIN-001" / "register.yaml")
    ev = {f.subject: f.evidence for f in find_gaps(G, rules="CHAIN-001")}
    assert ev["village"] == ("village", "town")  # town (MAIN-001) is nearer than city (FIRST-001)
    assert ev["town"] == ("town", "county", "city")
    assert ev["dg-branch"] == ("dg-branch", "cdi", "city")


def test_evidence_starts_with_the_subject_and_sorts_the_rest(district):
    for f in find_gaps(district):
        assert f.evidence[0] == f.subject
        if f.rule not in ("CHAIN-001", "LIST-001", "LIST-002", "LIST-003", "LIST-004"):
            assert list(f.evidence[1:]) == sorted(f.evidence[1:])


def test_findings_are_sorted_by_severity_then_rule_then_subject(district):
    fs = find_gaps(district)
    assert fs == sorted(fs, key=lambda f: f.sort_key())
    assert fs[0].severity == "high" and fs[-1].severity == "info"
