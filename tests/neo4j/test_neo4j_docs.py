"""The ten example Cypher queries of docs/cypher.md run, and say something, on the worked example;
the files of docs/examples/ are the same queries."""

from __future__ import annotations

import re

import pytest
from respchain.graph.neo4j import graph_to_neo4j, run_query
from respchain.loaders import load_graph

from tests.neo4j.neo4j_helpers import ROOT

DOC = ROOT / "docs" / "cypher.md"
FILES = sorted((ROOT / "docs" / "examples").glob("*.cypher"))
QUERIES = re.findall(r"```cypher\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
PARAMS = {"as_of": "2025-09-30", "period": "2025", "org": "health-group"}


def test_ten_queries():
    assert len(QUERIES) == 10


def test_every_query_is_shipped_as_a_file_and_the_files_are_the_queries():
    assert sorted(f.read_text(encoding="utf-8") for f in FILES) == sorted(QUERIES)


@pytest.mark.parametrize("n", range(len(QUERIES)))
def test_doc_query_runs_and_returns_rows(driver, database, n):
    graph_to_neo4j(
        load_graph(ROOT / "tests" / "data" / "gaps" / "district" / "register.yaml"),
        driver,
        database=database,
        replace=True,
    )
    used = {k: v for k, v in PARAMS.items() if f"${k}" in QUERIES[n]}
    keys, rows = run_query(driver, QUERIES[n], used, database=database)
    assert keys and rows, QUERIES[n]
