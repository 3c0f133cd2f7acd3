"""``export --to neo4j-admin``: the CSV files, imported by the real ``neo4j-admin`` into a fresh database."""

from __future__ import annotations

import os
import subprocess

import pytest
from respchain.graph.neo4j import graph_from_neo4j
from respchain.graph.neo4j.admin import graph_to_neo4j_admin, neo4j_admin_args
from respchain.loaders import load_graph
from respchain.queries import find_gaps
from respchain.queries.backends.neo4j import gaps_from_neo4j

from respchain.cli import main
from respchain.exceptions import InputError
from tests.neo4j.neo4j_helpers import ROOT, same_graph

SCRIPT = ROOT / "scripts" / "neo4j.sh"
SEED = ROOT / "data" / "seed"


def _classpath() -> str:
    try:
        return subprocess.run(
            ["bash", str(SCRIPT), "classpath"], check=True, capture_output=True, text=True, timeout=900
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError) as e:
        if os.environ.get("RESPCHAIN_REQUIRE_NEO4J") == "1":
            pytest.fail(f"neo4j-admin 不可用 / neo4j-admin unavailable: {e}", pytrace=False)
        pytest.skip(f"neo4j-admin 不可用 / neo4j-admin unavailable: {type(e).__name__}")


def test_export_command_writes_headers_data_and_the_import_command(tmp_path, capsys):
    out = tmp_path / "import"
    assert main(["export", "--to", "neo4j-admin", str(SEED), "-o", str(out)]) == 0
    names = {p.name for p in out.iterdir()}
    assert {
        "nodes_Organization.header.csv",
        "nodes_Organization.csv",
        "rels_LEADS.header.csv",
        "rels_LEADS.csv",
        "nodes_Graph.header.csv",
        "import.sh",
        "import.args",
        "constraints.cypher",
    } <= names
    header = (out / "nodes_Organization.header.csv").read_text(encoding="utf-8").strip().split(",")
    assert header[:2] == ["id:ID", ":LABEL"] and "span:long[]" in header and "line:long" in header
    assert (out / "rels_LEADS.header.csv").read_text(encoding="utf-8").startswith(":START_ID,:END_ID,:TYPE")
    # A folder that holds files is refused, and left alone.
    assert main(["export", "--to", "neo4j-admin", str(SEED), "-o", str(out)]) == 2
    assert {p.name for p in out.iterdir()} == names
    with pytest.raises(InputError):
        graph_to_neo4j_admin(load_graph(SEED), out)


def test_neo4j_admin_import_reads_back_the_same_graph_and_findings(tmp_path):
    cp = _classpath()
    G = load_graph(SEED)
    # Values a CSV column cannot type: JSON text, decoded on reading.
    G.add_node(
        "zz-odd",
        kind="Fact",
        name='引号"与\n换行',
        value=[1, "a"],
        none=None,
        empty_list=[],
        nested={"a": [1]},
        flags=[True, False],
        ratio=0.5,
        big=2**70,
    )
    export = tmp_path / "export"
    graph_to_neo4j_admin(G, export)
    home = tmp_path / "neo" / "home"
    home.mkdir(parents=True)
    cmd = [
        "java",
        "-Xmx512m",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "-cp",
        cp,
        "org.neo4j.cli.AdminTool",
        "database",
        "import",
        "full",
        *neo4j_admin_args(export),
        "--overwrite-destination",
        f"--report-file={tmp_path / 'report.txt'}",
        "neo4j",
    ]
    r = subprocess.run(
        cmd, env={**os.environ, "NEO4J_HOME": str(home)}, capture_output=True, text=True, timeout=600
    )
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    started = subprocess.run(
        ["bash", str(SCRIPT), "start", str(tmp_path / "neo")], capture_output=True, text=True, timeout=600
    )
    assert started.returncode == 0, started.stderr[-2000:]
    import neo4j

    try:
        with neo4j.GraphDatabase.driver(started.stdout.strip().splitlines()[-1], auth=None) as driver:
            same_graph(G, graph_from_neo4j(driver))
            assert gaps_from_neo4j(driver) == find_gaps(G)
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(tmp_path / "neo")], capture_output=True, timeout=120)
