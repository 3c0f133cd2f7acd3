"""Every benchmark script of bench/ runs at a small size and prints its figures.

The large sizes run from ``make bench``; these runs only make sure that the
scripts keep working as the code under them changes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser import require_chromium

ROOT = Path(__file__).resolve().parents[2]


def run(script: str, *args: str) -> str:
    r = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def test_bench_shacl_compares_with_the_memory_engine():
    out = run("bench_shacl.py", "--sizes", "100")
    row = next(line for line in out.splitlines() if line.split()[:1] == ["100"])
    assert row.split()[-1] == "yes"  # same findings on both engines


def test_bench_ledger_imports_and_exports():
    out = run("bench_ledger.py", "--rows", "60")
    assert "import: 60 tasks" in out and "export with gaps" in out


def test_bench_extract_measures_an_article():
    out = run("bench_extract.py")
    assert "10000" in out and "extraction: median" in out


@pytest.mark.browser
def test_bench_viz_opens_a_grouped_page_offline():
    require_chromium()
    out = run("bench_viz.py", "--nodes", "2500", "--runs", "1")
    assert "grouped=True" in out
    assert "requests off the page: 0" in out and "console errors: 0" in out


def test_bench_gaps_compares_gaps_with_the_floor():
    out = run(
        "bench_gaps.py", "--sizes", "200", "--repeat", "1", "-o", str(ROOT / "test-artifacts" / "gaps.json")
    )
    assert "vs floor" in out and "vs json" in out
    assert "finds what the floor finds: yes" in out


def test_one_table_names_each_figure_its_target_and_command(tmp_path):
    # The figures of a gaps run, and no run of the other scripts yet.
    run("bench_gaps.py", "--sizes", "200", "--repeat", "1", "-o", str(tmp_path / "gaps.json"))
    out = run("table.py", "--results", str(tmp_path))
    lines = out.splitlines()
    assert lines[0].startswith("| figure |") and all(x.startswith("|") for x in lines)
    yaml = next(x for x in lines if x.startswith("| gaps YAML / JSON (CPU) | 200 |"))
    assert "≤ 1.5x" in yaml and "python bench/bench_gaps.py --sizes 200" in yaml
    assert any(x.startswith("| neo4j.json |") and "not measured yet" in x for x in lines)
