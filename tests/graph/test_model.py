"""The in-memory graph: nodes and edges for every record, vocabulary nodes, files."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from respchain.graph import read_graph, write_graph
from respchain.graph.schema import NodeKind, RelType
from respchain.loaders import load_graph

DATA = Path(__file__).resolve().parents[1] / "data" / "registers"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return load_graph(DATA / "full.yaml")


def rels(G, u, t):
    return sorted(v for _, v, k in G.out_edges(u, keys=True) if k == t)


def test_graph_metadata(G):
    assert G.graph["as_of"] == "2025-10-20" and G.graph["period"] == 2025 and G.graph["title"] == "全字段示例"


def test_vocabulary_nodes_explain_themselves(G):
    main = G.nodes["type:main"]
    assert main["kind"] == NodeKind.RESPONSIBILITY_TYPE and main["name"] == "主体责任"
    assert main["name_en"] == "Main responsibility" and main["definition_zh"]
    kinds = [n for n, d in G.nodes(data=True) if d["kind"] == NodeKind.ORGANIZATION_KIND]
    assert len(kinds) == 7
    assert rels(G, "orgkind:dispatched_group", "BEARS_BY_DEFAULT") == ["type:supervisory"]
    assert rels(G, "orgkind:unit", "BEARS_BY_DEFAULT") == []


def test_organizations_and_their_links(G):
    city = G.nodes["city"]
    assert (city["kind"], city["org_kind"], city["level"], city["region"]) == (
        "Organization",
        "party_committee",
        "municipal",
        "示例省/示例市",
    )
    assert rels(G, "cdi", "SUB_ORGANIZATION_OF") == ["city"]
    assert rels(G, "civil-group", "LEADS") == ["civil-bureau"]
    assert rels(G, "civil-group", "HAS_KIND") == ["orgkind:party_group"]
    assert G.nodes["org-dept"]["domains"] == ["干部选拔任用"]


def test_posts_link_people_to_organizations_and_areas(G):
    assert rels(G, "p-li", "HOLDS") == ["post:p-li:0"]
    post = G.nodes["post:p-li:0"]
    assert (post["role"], post["org"], post["title"], post["areas_text"]) == (
        "member",
        "civil-group",
        "党组成员、副局长",
        ["社会救助"],
    )
    assert rels(G, "post:p-li:0", "POST_IN") == ["civil-group"]
    assert rels(G, "post:p-li:0", "IN_CHARGE_OF") == ["civil-bureau"]
    assert len(rels(G, "p-sec", "HOLDS")) == 2


def test_responsibilities(G):
    assert rels(G, "civil-group", "BEARS") == ["r1"]
    assert rels(G, "r1", "OF_TYPE") == ["type:main"] and rels(G, "r1", "COVERS") == ["civil-bureau"]
    generated = rels(G, "dg1", "BEARS")
    assert generated == ["resp:2"] and rels(G, "resp:2", "COVERS") == ["civil-bureau", "civil-group"]
    p4 = rels(G, "p-li", "BEARS")[0]
    assert G.nodes[p4]["over_text"] == ["社会救助"] and rels(G, p4, "COVERS") == []


def test_lists_and_tasks(G):
    assert rels(G, "civil-group", "OWNS") == ["l1"] and rels(G, "l1", "OF_TYPE") == ["type:main"]
    assert rels(G, "l1", "HAS_TASK") == ["t1", "t2"]
    t1 = G.nodes["t1"]
    assert (t1["goal"], t1["measure"], t1["due"], t1["status"], t1["list"]) == (
        "落实意识形态工作责任制",
        "每季度专题研究一次",
        "2025-12-31",
        "open",
        "l1",
    )
    assert rels(G, "t1", "RESPONSIBLE") == ["p-wang"] and rels(G, "t1", "LEAD") == ["civil-bureau"]
    assert rels(G, "t1", "ASSIST") == ["org-dept"] and rels(G, "t1", "IMPLEMENTS") == ["type:main"]
    assert rels(G, "t2", "RESPONSIBLE") == ["p-li", "p-wang"] and G.nodes["t2"]["status"] == "done"


def test_events(G):
    assert (G.nodes["e1"]["event_kind"], G.nodes["e1"]["talk"], G.nodes["e1"]["date"]) == (
        "talk",
        "warning",
        "2025-05-10",
    )
    assert G.nodes["e1"]["name"] == "警示类谈话 2025-05-10"
    assert rels(G, "e1", "BY") == ["p-sec"] and rels(G, "e1", "WITH") == ["p-wang"]
    assert rels(G, "e2", "TARGET") == ["p-li"] and rels(G, "e2", "FOR") == ["type:main"]
    assert rels(G, "e3", "PARTY") == ["civil-group", "dg1"]
    assert rels(G, "e4", "ABOUT") == ["civil-group"] and G.nodes["e4"]["rating"] == "poor"
    assert G.nodes["e6"]["meeting"] == "民主生活会"


def test_mechanisms_facts_sources(G):
    assert rels(G, "m1", "ADOPTED_BY") == ["cdi"]
    assert rels(G, "f1", "ABOUT") == ["cdi"] and G.nodes["f1"]["value"] == 239
    assert rels(G, "fact:2", "ABOUT") == ["cdi"]
    assert rels(G, "src", "DISCUSSES") == ["type:main", "type:supervisory"]
    derived = sorted(u for u, _, k in G.in_edges("src", keys=True) if k == "DERIVED_FROM")
    assert derived == ["city", "e1", "f1", "l1", "m1", "p-wang", "r1"]


def test_every_element_keeps_its_provenance(G):
    city = G.nodes["city"]
    assert city["source"] == "src" and city["quote"] == "中共示例市委员会" and city["span"] == [0, 8]
    assert city["file"].endswith("full.yaml") and city["line"] == 17
    for n, d in G.nodes(data=True):
        if d["kind"] not in (NodeKind.RESPONSIBILITY_TYPE, NodeKind.ORGANIZATION_KIND):
            assert d["file"].endswith("full.yaml"), n
            assert d["line"] > 0, n


def test_every_edge_type_is_from_the_schema(G):
    assert {k for _, _, k in G.edges(keys=True)} <= set(RelType.values())
    assert {d["kind"] for _, d in G.nodes(data=True)} <= set(NodeKind.values())


@pytest.mark.parametrize("suffix", [".json", ".graphml"])
def test_save_and_load_round_trip(G, tmp_path, suffix):
    path = write_graph(G, tmp_path / f"g{suffix}")
    H = read_graph(path)
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert sorted(H.edges(keys=True, data=True)) == sorted(G.edges(keys=True, data=True))
    assert H.graph == G.graph


def _pairs_of_one_type(G, t):
    """Two pairs of nodes joined only by one edge of type ``t``."""
    pairs = [(u, v) for u, v, k in G.edges(keys=True) if k == t and len(G[u][v]) == 1]
    assert len(pairs) >= 2
    return pairs[0], pairs[1]


def test_editing_one_edge_of_a_built_graph_leaves_the_others():
    G = load_graph(DATA / "full.yaml")  # edited: not the shared fixture
    (u, v), (a, b) = _pairs_of_one_type(G, RelType.POST_IN)
    G.add_edge(u, v, key="NOTE", type="NOTE")
    assert set(G[u][v]) == {RelType.POST_IN, "NOTE"}
    assert set(G[a][b]) == {RelType.POST_IN}
    G.add_edge(u, v, key=RelType.POST_IN, weight=2)
    assert G.edges[u, v, RelType.POST_IN]["weight"] == 2
    assert "weight" not in G.edges[a, b, RelType.POST_IN]
    G.remove_edge(u, v, key=RelType.POST_IN)
    assert set(G[u][v]) == {"NOTE"}
    assert G.has_edge(a, b, key=RelType.POST_IN)
    G.remove_edge(a, b)
    assert not G.has_edge(a, b)
    assert any(k == RelType.POST_IN for _, _, k in G.edges(keys=True))


def test_a_built_graph_is_a_multidigraph_whose_copy_edits_alone():
    G = load_graph(DATA / "full.yaml")
    assert isinstance(G, nx.MultiDiGraph)
    H = G.copy()
    (u, v), _ = _pairs_of_one_type(H, RelType.HAS_KIND)
    H.remove_edge(u, v)
    assert G.has_edge(u, v) and not H.has_edge(u, v)


def test_vocabulary_values_are_stored_once(tmp_path):
    # A large register repeats a few values (roles, kinds, dates) on every record:
    # the graph keeps one string for each value (memory at a province's size).
    from respchain.synth import write_synth

    path, _ = write_synth(tmp_path / "r.json", 60, seed=3)
    G = load_graph(path)
    for kind, attr in (
        (NodeKind.POST, "role"),
        (NodeKind.ORGANIZATION, "org_kind"),
        (NodeKind.EVENT, "date"),
    ):
        by_value: dict[str, list[str]] = {}
        for _, d in G.nodes(data=True):
            if d["kind"] == kind:
                by_value.setdefault(d[attr], []).append(d[attr])
        repeated = [vals for vals in by_value.values() if len(vals) > 1]
        assert repeated, (kind, attr)
        assert all(v is vals[0] for vals in repeated for v in vals), (kind, attr)
