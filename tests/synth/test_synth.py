"""``respchain synth``: realistic registers whose gaps are exactly the planted ones, reproducible from the seed."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from respchain.graph import OrgKind
from respchain.loaders import load_graph, load_register, register_from_data
from respchain.queries import CATALOG, find_gaps
from respchain.queries.catalog import TIME_RULES

from respchain.cli import main
from respchain.synth import expected_path, synth_register


def _findings(data: dict) -> list[list[str]]:
    G = load_graph(register_from_data([("synth.json", data, None)]))
    return sorted([list(f.key()) for f in find_gaps(G)])


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("rate", [0.0, 0.05])
def test_engine_finds_exactly_the_planted_gaps(seed, rate):
    data, expected = synth_register(3000, seed=seed, gap_rate=rate)
    assert len(data["organizations"]) == 3000
    assert _findings(data) == expected
    if rate == 0:
        assert expected == []
    else:
        assert len(expected) > 100


def test_every_rule_is_planted_and_found_at_a_high_rate():
    data, expected = synth_register(3000, seed=3, gap_rate=0.3)
    assert _findings(data) == expected
    assert set(Counter(r for r, _ in expected)) == set(CATALOG) - set(TIME_RULES)


def test_the_tree_runs_from_province_to_branch():
    data, _ = synth_register(3000, seed=1)
    orgs = data["organizations"]
    assert {o["level"] for o in orgs} == {"provincial", "municipal", "county", "township", "grassroots"}
    assert {o["kind"] for o in orgs} == set(OrgKind.values())
    kinds = Counter(e["kind"] for e in data["events"])
    assert set(kinds) == {"talk", "accountability", "consultation", "ecology_rating", "assessment", "meeting"}
    assert {lst["kind"] for lst in data["lists"]} == {"main", "supervisory"}
    roles = Counter(p["role"] for person in data["people"] for p in person["posts"])
    assert set(roles) == {"head", "deputy", "member", "discipline_secretary"}


def test_cli_writes_reproducible_json_that_the_loader_accepts(tmp_path):
    a, b, c = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "c.json"
    for path, seed in ((a, 5), (b, 5), (c, 6)):
        assert (
            main(["synth", "--orgs", "1500", "--seed", str(seed), "--gap-rate", "0.05", "-o", str(path)]) == 0
        )
    assert a.read_bytes() == b.read_bytes()
    assert expected_path(a).read_bytes() == expected_path(b).read_bytes()
    assert a.read_bytes() != c.read_bytes()
    reg = load_register(a)
    assert len(reg.organizations) == 1500
    G = load_graph(reg)
    expected = json.loads((tmp_path / "a.expected.json").read_text(encoding="utf-8"))
    assert sorted([list(f.key()) for f in find_gaps(G)]) == expected


def test_yaml_output_by_suffix_gives_the_same_register(tmp_path):
    y, j = tmp_path / "s.yaml", tmp_path / "s.json"
    assert main(["synth", "--orgs", "300", "--seed", "2", "--gap-rate", "0.1", "-o", str(y)]) == 0
    assert main(["synth", "--orgs", "300", "--seed", "2", "--gap-rate", "0.1", "-o", str(j)]) == 0
    assert y.read_text(encoding="utf-8").startswith("respchain: 1")
    assert load_register(y).to_data() == load_register(j).to_data()
    assert (tmp_path / "s.expected.json").exists()


@pytest.mark.parametrize("args", [["--gap-rate", "1.5"], ["--orgs", "1"]])
def test_bad_options_exit_2_and_write_nothing(tmp_path, args):
    out = tmp_path / "x.json"
    assert main(["synth", *args, "-o", str(out)]) == 2
    assert not out.exists()
