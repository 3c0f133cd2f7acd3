"""The floor of the benchmarks checks the same rules as the gap engine.

``bench/floor.py`` is the baseline ``gaps`` is measured against; it is only a
fair baseline while it finds exactly what the rules find, evidence included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from respchain.loaders import load_graph, load_register
from respchain.loaders.register import register_from_data
from respchain.queries import CATALOG, find_gaps

from bench.floor import RULES, floor_findings
from respchain.synth import synth_register

ROOT = Path(__file__).resolve().parents[2]
REGISTERS = [
    ROOT / "data" / "seed",
    ROOT / "data" / "demo-city",
    *sorted((ROOT / "tests" / "data" / "gaps").iterdir()),
]


def triples(G) -> set[tuple]:
    return {(f.rule, f.subject, f.evidence) for f in find_gaps(G, rules=list(RULES))}


def test_the_floor_knows_every_rule_of_the_catalog():
    assert set(RULES) <= set(CATALOG)


@pytest.mark.parametrize("path", REGISTERS, ids=lambda p: p.name)
def test_floor_finds_what_the_rules_find(path):
    reg = load_register(path)
    assert floor_findings(reg.to_data()) == triples(load_graph(reg))


@pytest.mark.parametrize("seed", [1, 2])
def test_floor_on_synthetic_registers_with_planted_gaps(seed):
    data, _planted = synth_register(300, seed=seed, gap_rate=0.2)
    got = floor_findings(data)
    assert got and got == triples(load_graph(register_from_data([("synth.json", data, None)])))
