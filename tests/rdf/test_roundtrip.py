"""Export and import: register -> RDF -> graph -> RDF is isomorphic and gives the same
findings; registers given as .ttl, .jsonld or .nt load like YAML and are validated."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from respchain.graph.rdf import (
    DEFAULT_BASE_IRI,
    FORMATS,
    RC,
    graph_from_rdf,
    graph_to_rdf,
    node_iri,
    write_rdf,
)
from respchain.loaders import load_graph, load_register
from respchain.queries import find_gaps

from respchain.exceptions import InputError, RegisterError
from tests.rdf.rdf_support import DISTRICT, ROOT, example_registers, graph_of, register_id

REGISTERS = example_registers()
FULL = ROOT / "tests" / "data" / "registers" / "full.yaml"


@pytest.mark.parametrize("path", REGISTERS, ids=register_id)
def test_register_to_rdf_to_graph_to_rdf_is_isomorphic(path):
    G = graph_of(path)
    g1 = graph_to_rdf(G)
    G2 = graph_from_rdf(g1)
    assert isomorphic(g1, graph_to_rdf(G2))
    assert set(G2.nodes) == set(G.nodes)
    assert sorted(G2.edges(keys=True)) == sorted(G.edges(keys=True))


@pytest.mark.parametrize(
    "path,suffix",
    # every register as Turtle; the other formats on the registers with every field and the worked example
    [(p, ".ttl") for p in REGISTERS]
    + [(p, s) for p in (FULL, DISTRICT) for s in sorted(FORMATS) if s != ".ttl"],
    ids=lambda v: register_id(v) if isinstance(v, Path) else v,
)
def test_rdf_files_load_like_yaml_with_the_same_graph_and_findings(path, suffix, tmp_path):
    G = graph_of(path)
    out = write_rdf(G, tmp_path / f"register{suffix}")
    reg = load_register(out)  # the .ttl/.jsonld/.nt reader, then the full validation
    G2 = load_graph(reg)
    assert isomorphic(graph_to_rdf(G), graph_to_rdf(G2))
    assert find_gaps(G2) == find_gaps(G)


def test_ids_are_percent_encoded_under_a_configurable_base(tmp_path):
    reg = tmp_path / "r.yaml"
    reg.write_text(
        "respchain: 1\nmeta: {as_of: 2025-10-20}\norganizations:\n"
        "  - {id: 示例市委/办公室, name: 示例市委办公室, kind: unit}\n"
        "  - {id: 'a:b#c', name: 甲, kind: party_group, leads: [示例市委/办公室]}\n",
        encoding="utf-8",
    )
    G = load_graph(reg)
    base = "https://data.example.org/register/"
    g = graph_to_rdf(G, base_iri=base)
    office = URIRef(base + "%E7%A4%BA%E4%BE%8B%E5%B8%82%E5%A7%94%2F%E5%8A%9E%E5%85%AC%E5%AE%A4")
    assert (URIRef(base + "a%3Ab%23c"), RC.leads, office) in g
    assert node_iri("a:b#c") == URIRef(DEFAULT_BASE_IRI + "a%3Ab%23c")
    # the same register under two bases reads back to the same ids
    assert set(graph_from_rdf(g).nodes) == set(G.nodes) == set(graph_from_rdf(graph_to_rdf(G)).nodes)
    # and the export is stable: twice the same triples
    assert isomorphic(g, graph_to_rdf(G, base_iri=base))


def test_a_broken_rdf_register_is_refused_with_every_problem(tmp_path):
    G = load_graph(DISTRICT)
    g = graph_to_rdf(G)
    # remove the organization "transport": the tasks and the party group still point to it
    g.remove((node_iri("transport"), None, None))
    # and give another organization a level that does not exist
    g.set((node_iri("health"), RC.level, URIRef("https://respchain.example/ns/level/galactic")))
    p = tmp_path / "broken.ttl"
    p.write_text(g.serialize(format="turtle"), encoding="utf-8")
    with pytest.raises(RegisterError) as e:
        load_register(p)
    text = str(e.value)
    assert str(p) in text and "galactic" in text
    g.set((node_iri("health"), RC.level, URIRef("https://respchain.example/ns/level/county")))
    p.write_text(g.serialize(format="turtle"), encoding="utf-8")
    with pytest.raises(RegisterError) as e:
        load_register(p)
    problems = e.value.problems
    assert all(pr.file == str(p) for pr in problems)
    assert any("'transport'" in pr.message for pr in problems)
    assert {pr.path.split("[")[0] for pr in problems} >= {"organizations", "lists"}


def test_an_rdf_syntax_error_names_the_file_and_line(tmp_path):
    p = tmp_path / "bad.ttl"
    p.write_text(
        "@prefix rc: <https://respchain.example/ns#> .\n\n<a> rc:leads <b> <c> .\n<b> rc:leads <c> .\n",
        encoding="utf-8",
    )
    with pytest.raises(RegisterError) as e:
        load_register(p)
    assert str(p) in str(e.value) and "line 3" in str(e.value) and "RDF" in str(e.value)


def test_graph_from_rdf_refuses_references_to_unknown_resources():
    g = graph_to_rdf(load_graph(DISTRICT))
    g.remove((node_iri("hospital"), None, None))
    with pytest.raises(InputError) as e:
        graph_from_rdf(g)
    assert "hospital" in str(e.value)


def test_the_register_resource_carries_as_of_and_period():
    G = load_graph(DISTRICT)
    g = graph_to_rdf(G)
    reg = URIRef(DEFAULT_BASE_IRI)
    assert str(g.value(reg, RC.asOf)) == "2025-09-30" and int(g.value(reg, RC.period)) == 2025
    G2 = graph_from_rdf(g)
    assert (G2.graph["as_of"], G2.graph["period"], G2.graph["title"]) == (
        "2025-09-30",
        2025,
        G.graph["title"],
    )


def test_jsonld_output_is_json_ld_a_store_can_read(tmp_path):
    G = load_graph(DISTRICT)
    p = write_rdf(G, tmp_path / "d.jsonld")
    g = Graph().parse(p, format="json-ld")
    assert isomorphic(g, graph_to_rdf(G))
    assert '"@context"' in p.read_text(encoding="utf-8")
