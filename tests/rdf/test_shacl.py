"""The SHACL backend: pySHACL with graph/shapes.ttl gives the findings of the in-memory engine."""

from __future__ import annotations

import json

import pytest
from rdflib import Literal
from respchain.graph.rdf import graph_to_rdf, node_iri
from respchain.graph.shacl import SH, validate_rdf
from respchain.loaders import load_graph
from respchain.queries import find_gaps
from respchain.queries.backends.shacl import SHACL_RULES, shacl_findings

from respchain.cli import main
from tests.rdf.rdf_support import DISTRICT, example_registers, graph_of, register_id


@pytest.mark.parametrize("path", example_registers(), ids=register_id)
def test_shacl_gives_the_same_findings_as_the_in_memory_engine(path):
    G = graph_of(path)
    memory = find_gaps(G, rules=list(SHACL_RULES))
    shacl = find_gaps(G, rules=list(SHACL_RULES), backend="shacl")
    assert [f.key() for f in shacl] == [f.key() for f in memory]
    assert shacl == memory  # severities, messages, evidence and sources too


def test_the_district_example_fires_the_shape_rules_it_should():
    G = load_graph(DISTRICT)
    keys = {f.key() for f in shacl_findings(G)}
    assert keys == {("MAIN-001", "street"), ("FIRST-002", "comm-head"), ("LIST-004", "tr-1")}


def test_as_of_is_read_from_the_data_and_can_be_overridden():
    G = load_graph(DISTRICT)  # as_of 2025-09-30: tr-2, due that day, is not overdue
    assert [f.subject for f in find_gaps(G, rules="LIST-004", backend="shacl")] == ["tr-1"]
    later = find_gaps(G, rules="LIST-004", backend="shacl", as_of="2025-10-01")
    assert [f.subject for f in later] == ["tr-1", "tr-2"]
    assert later[1].message_en.endswith("still not done as of 2025-10-01")


def test_all_rules_on_the_shacl_backend_match_the_memory_backend():
    G = load_graph(DISTRICT)
    assert find_gaps(G, backend="shacl") == find_gaps(G)


def test_the_raw_pyshacl_report_names_the_gap_in_both_languages():
    conforms, report = validate_rdf(graph_to_rdf(load_graph(DISTRICT)))
    assert not conforms
    results = [r for r in report.subjects(SH.focusNode, node_iri("street"))]
    assert results
    msgs = {m for r in results for m in report.objects(r, SH.resultMessage)}
    assert any(isinstance(m, Literal) and m.language == "zh" and "主体责任" in m for m in msgs)
    assert any(isinstance(m, Literal) and m.language == "en" and "main responsibility" in m for m in msgs)


def test_gaps_command_with_the_shacl_backend(capsys):
    assert (
        main(["gaps", str(DISTRICT), "--backend", "shacl", "--rules", "main,first,lists", "--format", "json"])
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert {(f["rule"], f["subject"]) for f in out["findings"]} >= {
        ("MAIN-001", "street"),
        ("LIST-004", "tr-1"),
    }
    assert main(["gaps", str(DISTRICT), "--backend", "shacl", "--fail-on", "high"]) == 1
