"""Writing the graph into a real Neo4j and reading it back."""

from __future__ import annotations

import datetime as _dt

import networkx as nx
import pytest
from respchain.graph.neo4j import graph_from_neo4j, graph_to_neo4j, run_query
from respchain.loaders import load_graph

from respchain.exceptions import BackendError
from tests.neo4j.neo4j_helpers import ROOT, example_registers, same_graph

REGISTERS = example_registers()
DISTRICT = ROOT / "tests" / "data" / "gaps" / "district" / "register.yaml"
SEED = ROOT / "data" / "seed"


def _counts(driver, database) -> tuple[int, int]:
    _, rows = run_query(
        driver,
        "MATCH (n) WITH count(n) AS n OPTIONAL MATCH ()-[r]->() RETURN n, count(r) AS r",
        database=database,
    )
    return rows[0]["n"], rows[0]["r"]


def test_examples_found():
    assert len(REGISTERS) >= 5
    assert any(name.startswith("data/seed") for name in REGISTERS)


@pytest.mark.parametrize("name", list(REGISTERS))
def test_round_trip_every_example_register(driver, database, name):
    G = load_graph(REGISTERS[name])
    n = graph_to_neo4j(G, driver, database=database, replace=True, batch_size=7)
    assert n == {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges()}
    same_graph(G, graph_from_neo4j(driver, database=database))


def test_loading_twice_changes_nothing(driver, database):
    G = load_graph(SEED)
    graph_to_neo4j(G, driver, database=database)
    first = _counts(driver, database)
    graph_to_neo4j(G, driver, database=database)
    assert (
        _counts(driver, database) == first == (G.number_of_nodes() + 1, G.number_of_edges())
    )  # + the Graph node
    same_graph(G, graph_from_neo4j(driver, database=database))


def test_replace_empties_first_and_merge_adds(driver, database):
    A, B = load_graph(SEED), load_graph(DISTRICT)
    graph_to_neo4j(A, driver, database=database)
    graph_to_neo4j(B, driver, database=database)  # merged: A's records stay, shared vocabulary nodes once
    H = graph_from_neo4j(driver, database=database)
    assert set(A) | set(B) == set(H)
    graph_to_neo4j(B, driver, database=database, replace=True)
    same_graph(B, graph_from_neo4j(driver, database=database))


def _late_node(G: nx.MultiDiGraph, **attrs) -> str:
    """Add a Fact (the last label written) with ``attrs``; it fails only after many batches went in."""
    G.add_node("zz-late", kind="Fact", name="late", **attrs)
    return "zz-late"


@pytest.mark.parametrize("replace", [False, True])
def test_failed_load_leaves_the_database_as_it_was(driver, database, replace):
    A = load_graph(SEED)
    graph_to_neo4j(A, driver, database=database)
    before = _counts(driver, database)
    B = load_graph(DISTRICT)
    _late_node(B, value={1, 2})  # a set: neither Neo4j nor JSON holds it
    with pytest.raises(BackendError, match="zz-late"):
        graph_to_neo4j(B, driver, database=database, replace=replace, batch_size=3)
    assert _counts(driver, database) == before
    same_graph(A, graph_from_neo4j(driver, database=database))


def test_id_of_another_kind_is_refused_midway_and_nothing_changes(driver, database):
    A = load_graph(SEED)
    graph_to_neo4j(A, driver, database=database)
    B = load_graph(DISTRICT)
    # An id the database holds as an Organization comes back as a Fact, written last.
    B.add_node("anyang-cdi", kind="Fact", name="冲突 / clash")
    with pytest.raises(BackendError, match="anyang-cdi"):
        graph_to_neo4j(B, driver, database=database, batch_size=2)
    same_graph(A, graph_from_neo4j(driver, database=database))


def test_values_neo4j_cannot_hold_as_they_are_round_trip(driver, database):
    G = nx.MultiDiGraph()
    G.graph.update(
        as_of="2025-09-30",
        period=2025,
        title="值 / values",
        files=["a.yaml", "b.yaml"],
        nested={"k": [1, "x"]},
    )
    G.add_node(
        "o1",
        kind="Organization",
        name="组织",
        org_kind="unit",
        domains=[],
        span=[3, 9],
        none=None,
        mixed=[1, "a", None],
        nested=[[1, 2], [3]],
        big=2**70,
        d={"a": {"b": 1}},
        flag=True,
        ratio=0.25,
        day=_dt.date(2025, 1, 2),
        empty="",
        emoji="😀𠀀",
    )
    G.add_node("t:1", kind="ResponsibilityType", name="主体责任")
    G.add_edge("o1", "t:1", key="BEARS_BY_DEFAULT", type="BEARS_BY_DEFAULT", weight=2, note=None)
    G.add_edge("o1", "t:1", key="second", type="BEARS_BY_DEFAULT", tags=["a", "b"])
    graph_to_neo4j(G, driver, database=database, replace=True)
    same_graph(G, graph_from_neo4j(driver, database=database))


@pytest.mark.parametrize("kind", ["Evil`) DETACH DELETE n //", "organization", None, "Graph"])
def test_only_schema_labels_are_written(driver, database, kind):
    graph_to_neo4j(load_graph(DISTRICT), driver, database=database)
    before = _counts(driver, database)
    G = nx.MultiDiGraph()
    G.add_node("x", kind=kind, name="x")
    with pytest.raises(BackendError, match="x"):
        graph_to_neo4j(G, driver, database=database)
    assert _counts(driver, database) == before


def test_only_schema_relationship_types_are_written(driver, database):
    G = nx.MultiDiGraph()
    G.add_node("a", kind="Organization", name="a")
    G.add_node("b", kind="Organization", name="b")
    G.add_edge("a", "b", key="KNOWS]->() DETACH DELETE a //", type="KNOWS]->() DETACH DELETE a //")
    with pytest.raises(BackendError, match="KNOWS"):
        graph_to_neo4j(G, driver, database=database)
    assert _counts(driver, database) == (0, 0)


def test_uniqueness_constraints_exist_for_every_label(driver, database):
    from respchain.graph.schema import NodeKind

    graph_to_neo4j(load_graph(DISTRICT), driver, database=database)
    _, rows = run_query(
        driver, "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *", database=database
    )
    unique = {r["labelsOrTypes"][0] for r in rows if r["type"] == "UNIQUENESS" and r["properties"] == ["id"]}
    assert set(NodeKind.values()) <= unique
