"""``respchain export`` and ``respchain sparql``, in-process; the SPARQL examples of docs/sparql.md."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from respchain.graph.rdf import RC, graph_to_rdf
from respchain.loaders import load_graph

from respchain.cli import main
from respchain.commands.rdf import EXPORT_WRITERS
from tests.rdf.rdf_support import DISTRICT, ROOT, SEED

DOC_QUERIES = re.findall(
    r"```sparql\n(.*?)```", (ROOT / "docs" / "sparql.md").read_text(encoding="utf-8"), re.S
)
QUERY_FILES = sorted((ROOT / "docs" / "examples").glob("*.rq"))


@pytest.mark.parametrize("to,fmt", [("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt")])
def test_export_writes_rdf_that_reads_back_to_the_same_graph(tmp_path, capsys, to, fmt):
    out = tmp_path / f"d.{to}"
    assert main(["export", "--to", to, str(DISTRICT), "-o", str(out)]) == 0
    assert "已写入 / wrote" in capsys.readouterr().out
    assert isomorphic(Graph().parse(out, format=fmt), graph_to_rdf(load_graph(DISTRICT)))
    assert not list(tmp_path.glob("*.part"))


def test_export_base_iri_and_unknown_format(tmp_path, capsys):
    out = tmp_path / "d.ttl"
    assert (
        main(["export", "--to", "ttl", str(DISTRICT), "-o", str(out), "--base", "https://x.example/r/"]) == 0
    )
    g = Graph().parse(out)
    assert (URIRef("https://x.example/r/health-group"), RC.leads, URIRef("https://x.example/r/hospital")) in g
    bad = tmp_path / "d.xml"
    assert main(["export", "--to", "xml", str(DISTRICT), "-o", str(bad)]) == 2
    assert "unknown export format 'xml'" in capsys.readouterr().err and not bad.exists()


def test_export_dispatches_to_writers_other_modules_register(tmp_path):
    seen = {}

    def writer(G, output: Path, **options) -> list[Path]:
        seen.update(nodes=G.number_of_nodes(), options=options)
        output.write_text("ok", encoding="utf-8")
        return [output]

    EXPORT_WRITERS["test-writer"] = writer
    try:
        assert main(["export", "--to", "test-writer", str(DISTRICT), "-o", str(tmp_path / "o.txt")]) == 0
    finally:
        del EXPORT_WRITERS["test-writer"]
    assert seen["nodes"] > 20 and "base_iri" in seen["options"]


def test_sparql_table_json_and_csv(capsys):
    q = "SELECT ?name WHERE { ?o org:classification rckind:party_group ; rdfs:label ?name } ORDER BY ?name"
    assert main(["sparql", q, str(DISTRICT)]) == 0
    assert "示例区卫生健康局党组" in capsys.readouterr().out
    assert main(["sparql", q, str(DISTRICT), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert [r["name"]["value"] for r in rows] == ["示例区交通运输局党组", "示例区卫生健康局党组"]
    assert main(["sparql", q, str(DISTRICT), "--format", "csv"]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:] == [
        ["示例区交通运输局党组"],
        ["示例区卫生健康局党组"],
    ]


def test_sparql_sees_the_ontology_and_reads_rdf_registers(tmp_path, capsys):
    ttl = tmp_path / "d.ttl"
    assert main(["export", "--to", "ttl", str(DISTRICT), "-o", str(ttl)]) == 0
    capsys.readouterr()
    q = 'SELECT ?en WHERE { rctype:supervisory rdfs:label ?en FILTER (lang(?en) = "en") }'
    assert main(["sparql", q, str(ttl), "--format", "csv"]) == 0
    assert "Supervisory responsibility" in capsys.readouterr().out
    assert main(["sparql", "ASK { ?p org:headOf ?o }", str(ttl)]) == 0
    assert capsys.readouterr().out.strip() == "true"


def test_a_bad_query_exits_2_with_one_clear_message(capsys):
    assert main(["sparql", "SELECT ?x WHERE { ?x", str(DISTRICT)]) == 2
    err = capsys.readouterr().err
    assert "invalid SPARQL query" in err and "Traceback" not in err


def test_the_docs_have_at_least_five_example_queries():
    assert len(DOC_QUERIES) >= 5


@pytest.mark.parametrize("query", DOC_QUERIES, ids=lambda q: q.splitlines()[0][:40])
def test_every_example_query_of_the_docs_returns_rows(query, capsys):
    m = re.match(r"# try on: (\S+)", query)
    register = ROOT / m.group(1)
    assert register in (SEED, DISTRICT)
    assert main(["sparql", query, str(register), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert rows and all(r for r in rows)


def test_the_shipped_query_files_are_the_queries_of_the_guide():
    assert QUERY_FILES and sorted(f.read_text(encoding="utf-8") for f in QUERY_FILES) == sorted(DOC_QUERIES)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_a_query_file_runs_from_the_command_line(path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    register = ROOT / re.match(r"# try on: (\S+)", path.read_text(encoding="utf-8")).group(1)
    rel = path.relative_to(ROOT).as_posix()
    assert main(["sparql", f"@{rel}", str(register), "--format", "csv"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) >= 2  # a header and at least one row
