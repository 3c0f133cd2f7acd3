"""``export --to neo4j-admin``: the CSV files, imported by the real ``neo4j-admin`` into a fresh database."""

from __future__ import annotations

import contextlib
import os
import subprocess

import pytest
from respchain.graph.neo4j import graph_from_neo4j
from respchain.graph.neo4j.admin import graph_to_neo4j_admin, graphs_to_neo4j_admin, neo4j_admin_args
from respchain.loaders import load_graph, register_from_data
from respchain.queries import find_gaps
from respchain.queries.backends.neo4j import gaps_from_neo4j

from respchain.cli import main
from respchain.exceptions import InputError, Problem
from respchain.synth import synth_parts, synth_register
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
    assert header[:3] == [":ID", "id", ":LABEL"] and "span:long[]" in header and "line:long" in header
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
    # A name spans lines: the importer is told to read fields across lines.
    assert "--multiline-fields=true" in (export / "import.args").read_text(encoding="utf-8")
    with _imported(export, tmp_path, cp) as driver:
        same_graph(G, graph_from_neo4j(driver))
        assert gaps_from_neo4j(driver) == find_gaps(G)


@contextlib.contextmanager
def _imported(export, tmp_path, cp):
    """``neo4j-admin database import full`` of ``export`` into a fresh home, and a server on it."""
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
            yield driver
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(tmp_path / "neo")], capture_output=True, timeout=120)


def _part_graphs(orgs: int, part_orgs: int):
    parts, expected = synth_parts(orgs, seed=3, gap_rate=0.1, part_orgs=part_orgs)
    graphs = (load_graph(register_from_data([("synth.json", p, None)])) for p in parts)
    return graphs, expected


def test_a_graph_written_in_parts_is_the_whole_graph(tmp_path):
    whole, expected = synth_register(13000, seed=3, gap_rate=0.1)
    W = load_graph(register_from_data([("synth.json", whole, None)]))
    graph_to_neo4j_admin(W, tmp_path / "whole")
    graphs, expected_parts = _part_graphs(13000, 1)
    files = graphs_to_neo4j_admin(graphs, tmp_path / "parts")
    assert expected_parts == expected
    assert any("-p3." in f.name for f in files)  # three parts at least, each with its own files

    def rows(folder, prefix):
        found: dict[str, set[str]] = {}
        for f in folder.glob(prefix + "*.csv"):
            if not f.name.endswith(".header.csv"):
                lab = f.name.split(".")[0].split("-p")[0]
                found.setdefault(lab, set()).update(f.read_text(encoding="utf-8").splitlines())
        return found

    # The same rows (the vocabulary once), though spread over the parts' files.
    for prefix in ("nodes_", "rels_"):
        a, b = rows(tmp_path / "whole", prefix), rows(tmp_path / "parts", prefix)
        assert a.keys() == b.keys()
        for lab in a:
            assert len(a[lab]) == len(b[lab]), lab
    n_rows = sum(
        len(f.read_text(encoding="utf-8").splitlines())
        for f in (tmp_path / "parts").glob("nodes_*.csv")
        if not f.name.endswith(".header.csv")
    )
    assert n_rows == W.number_of_nodes() + 1  # and the one graph node
    # No field spans lines: the importer may read each file in parallel.
    assert "--multiline-fields=false" in (tmp_path / "parts" / "import.args").read_text(encoding="utf-8")

    # All or nothing: a failing part leaves no folder.
    def broken():
        yield W
        raise InputError(Problem("part 2", 0, "", "bad part"))

    with pytest.raises(InputError):
        graphs_to_neo4j_admin(broken(), tmp_path / "never")
    assert not (tmp_path / "never").exists() and not list(tmp_path.glob(".never.*"))


def test_parts_imported_by_neo4j_admin_give_the_whole_registers_findings(tmp_path):
    cp = _classpath()
    graphs, expected = _part_graphs(7000, 1)
    export = tmp_path / "export"
    files = graphs_to_neo4j_admin(graphs, export)
    assert any("-p2." in f.name for f in files)  # two provinces, two parts
    whole, _ = synth_register(7000, seed=3, gap_rate=0.1)
    W = load_graph(register_from_data([("synth.json", whole, None)]))
    with _imported(export, tmp_path, cp) as driver:
        found = gaps_from_neo4j(driver)
        assert sorted([list(f.key()) for f in found]) == expected
        assert found == find_gaps(W)
        same_graph(W, graph_from_neo4j(driver))
