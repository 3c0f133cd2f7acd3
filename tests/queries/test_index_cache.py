"""The rule index of a graph is built once and follows the graph's changes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from respchain.loaders import load_graph
from respchain.queries import build_index, find_gaps, scores

CASE = Path(__file__).resolve().parents[1] / "data" / "gaps" / "FIRST-001"


def keys(G) -> set[tuple[str, str]]:
    return {f.key() for f in find_gaps(G, rules="first")}


def test_rules_and_scores_of_one_graph_share_one_index():
    G = load_graph(CASE)
    found = find_gaps(G)
    assert build_index(G) is build_index(G)
    assert scores(G, found) == scores(G, found, index=build_index(G))


def test_removing_a_head_is_seen_by_the_next_run():
    G = load_graph(CASE)
    assert ("FIRST-001", "city") not in keys(G)
    G.remove_nodes_from(
        [n for n, d in G.nodes(data=True) if d.get("kind") == "Post" and d.get("org") == "city"]
    )
    assert ("FIRST-001", "city") in keys(G)


def test_adding_an_edge_is_seen_by_the_next_run():
    G = load_graph(CASE)
    assert ("FIRST-001", "g-empty") in keys(G)
    G.add_node("post:new:0", kind="Post", person="sec", org="g-empty", role="head")
    G.add_edge("sec", "post:new:0", key="HOLDS", type="HOLDS")
    assert ("FIRST-001", "g-empty") not in keys(G)


def test_edges_of_a_built_graph_copy_into_private_attributes():
    G = load_graph(CASE)
    H = G.copy()
    u, v, k = next(iter(H.edges(keys=True)))
    H.edges[u, v, k]["weight"] = 2
    assert "weight" not in G.edges[u, v, k]


def test_reading_a_register_does_not_import_networkx():
    code = "import sys; from respchain.loaders import load_register; load_register(sys.argv[1]); print('networkx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code, str(CASE)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
