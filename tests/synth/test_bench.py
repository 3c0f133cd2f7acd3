"""bench/bench_memory.py: measures a synthetic register in fresh processes and writes its results."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("bench_memory", ROOT / "bench" / "bench_memory.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_sizes_read_like_the_makefile_writes_them():
    assert bench.parse_sizes("1k,10k,100k") == [1000, 10000, 100000]
    assert bench.parse_sizes("500, 2k") == [500, 2000]


def test_bench_writes_time_memory_and_growth(tmp_path, capsys):
    out = tmp_path / "memory.json"
    assert bench.main(["--sizes", "200,400", "--rules", "-o", str(out)]) == 0
    res = json.loads(out.read_text(encoding="utf-8"))
    small, big = res["runs"]
    assert (small["orgs"], big["orgs"]) == (200, 400)
    assert big["nodes"] > small["nodes"] > 200
    for r in res["runs"]:
        assert r["peak_mb"] > 10 and r["load_build_s"] > 0 and r["rules_s"] >= 0
        assert set(r["rule_s"]) >= {"index", "MAIN-001", "CHAIN-001", "CONS-001"}
    table = capsys.readouterr().out
    assert "峰值内存/peak MB" in table and "400 |" in table
