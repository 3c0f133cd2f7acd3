"""bench/bench_neo4j.py: the bulk route (export, neo4j-admin import, fresh server) gives memory's findings."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess

import pytest

from tests.neo4j.neo4j_helpers import ROOT

_spec = importlib.util.spec_from_file_location("bench_neo4j", ROOT / "bench" / "bench_neo4j.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def _need_neo4j_jars() -> None:
    try:
        bench._classpath()
    except (OSError, subprocess.SubprocessError) as e:
        if os.environ.get("RESPCHAIN_REQUIRE_NEO4J") == "1":
            pytest.fail(f"neo4j-admin 不可用 / neo4j-admin unavailable: {e}", pytrace=False)
        pytest.skip(f"neo4j-admin 不可用 / neo4j-admin unavailable: {type(e).__name__}")


def test_sizes_read_like_the_makefile_writes_them():
    assert bench.parse_sizes("1000,10000,100000") == [1000, 10000, 100000]
    assert bench.parse_sizes("1k, 10k,100k") == [1000, 10000, 100000]


def test_size_above_the_threshold_is_bulk_imported_and_finds_what_memory_finds(tmp_path, capsys):
    _need_neo4j_jars()
    out = tmp_path / "neo4j.json"
    # No --uri and no size at or below the threshold: no transaction-route server is started.
    args = ["--sizes", "150,7000", "--bulk-above", "100", "--stream-above", "1000", "--part-orgs", "1"]
    assert bench.main([*args, "--heap", "512m", "-o", str(out)]) == 0
    row, streamed = json.loads(out.read_text(encoding="utf-8"))["rows"]
    assert (row["orgs"], row["route"]) == (150, "bulk")
    assert row["same_findings"] and row["same_graph_read_back"] and row["findings"] > 0
    assert set(row["neo4j_rule_s"]) >= {"MAIN-001", "CHAIN-001", "CONS-001"}
    # The bulk load is the sum of its four steps, each measured.
    parts = [row[k] for k in ("neo4j_export_s", "neo4j_import_s", "neo4j_start_s", "neo4j_constraints_s")]
    assert all(p > 0 for p in parts) and abs(sum(parts) - row["neo4j_load_s"]) < 0.01
    assert row["rules_ratio_neo4j_over_memory"] is not None and row["neo4j_load_rows_per_s"] > 0
    # Above --stream-above: no in-memory graph; two provinces, two parts; the planted gaps found;
    # the in-memory figures are the 150's, scaled by nodes.
    assert (streamed["orgs"], streamed["route"], streamed["parts"]) == (7000, "streamed", 2)
    assert streamed["same_findings"] and streamed["findings"] > row["findings"]
    assert streamed["neo4j_obligation_findings"] > 0 and set(streamed["neo4j_rule_s"]) == set(
        row["neo4j_rule_s"]
    )
    assert streamed["memory_scaled_from"] == 150
    scale = streamed["nodes"] / row["nodes"]
    assert streamed["memory_rules_s"] == pytest.approx(row["memory_rules_s"] * scale, abs=0.002)
    table = capsys.readouterr().out
    assert "streamed" in table
    assert "bulk" in table and "相同/same" in table and " yes " in table
