"""The ontology and the shapes: they parse, every term explains itself in Chinese and
English, and every term the exporter writes is defined."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS
from respchain.graph.rdf import NAMESPACES, RC, graph_to_rdf, ontology_graph
from respchain.graph.schema import (
    ORG_KIND_INFO,
    RESPONSIBILITY_INFO,
    Level,
    ListKind,
    Rating,
    Role,
    TalkKind,
    TaskStatus,
)
from respchain.graph.shacl import SH, shapes_graph
from respchain.queries.backends.shacl import SHACL_RULES
from respchain.queries.catalog import CATALOG

from tests.rdf.rdf_support import example_registers, graph_of, register_id

ONTO = ontology_graph()
_TERM_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    SKOS.ConceptScheme,
    SKOS.Concept,
)
TERMS = sorted({s for t in _TERM_TYPES for s in ONTO.subjects(RDF.type, t)})
DEFINED = {s for s in ONTO.subjects(RDFS.label, None)}


def _langs(g, s, *preds) -> set[str]:
    return {o.language for p in preds for o in g.objects(s, p) if isinstance(o, Literal) and str(o).strip()}


def test_the_ontology_parses_and_has_the_terms_of_every_kind():
    assert (URIRef("https://respchain.example/ns"), RDF.type, OWL.Ontology) in ONTO
    assert len(TERMS) > 100
    for cls in (RC.Responsibility, RC.Task, RC.Talk, RC.Register):
        assert (cls, RDF.type, OWL.Class) in ONTO
    for prop in (RC.supervises, RC.oneTwoDutiesOver, RC.bears, RC.covers, RC.inChargeOf):
        assert (prop, RDF.type, OWL.ObjectProperty) in ONTO


@pytest.mark.parametrize("term", TERMS, ids=lambda t: ONTO.qname(t))
def test_every_term_has_labels_and_a_definition_in_chinese_and_english(term):
    assert {"zh", "en"} <= _langs(ONTO, term, RDFS.label), "rdfs:label @zh and @en"
    assert {"zh", "en"} <= _langs(ONTO, term, RDFS.comment, SKOS.definition), "definition @zh and @en"


def test_the_code_lists_hold_every_value_of_the_schema_with_its_text():
    schemes = {
        "rctype": list(RESPONSIBILITY_INFO),
        "rckind": list(ORG_KIND_INFO),
        "rcrole": Role.values(),
        "rclevel": Level.values(),
        "rctalk": TalkKind.values(),
        "rcrating": Rating.values(),
        "rclistkind": ListKind.values(),
        "rcstatus": TaskStatus.values(),
    }
    for prefix, codes in schemes.items():
        in_onto = {
            str(c)[len(str(NAMESPACES[prefix])) :]
            for c in ONTO.subjects(RDF.type, SKOS.Concept)
            if str(c).startswith(str(NAMESPACES[prefix]))
        }
        assert in_onto == set(codes), prefix
    for code, info in RESPONSIBILITY_INFO.items():
        c = NAMESPACES["rctype"][code]
        assert Literal(info["zh"], lang="zh") in set(ONTO.objects(c, SKOS.prefLabel))
        assert Literal(info["def_en"], lang="en") in set(ONTO.objects(c, SKOS.definition))
    for code, info in ORG_KIND_INFO.items():
        c = NAMESPACES["rckind"][code]
        assert {str(t)[len(str(NAMESPACES["rctype"])) :] for t in ONTO.objects(c, RC.bearsByDefault)} == set(
            info["bears"]
        )


@pytest.mark.parametrize("path", example_registers(), ids=register_id)
def test_every_class_property_and_concept_the_exporter_writes_is_defined(path):
    g = graph_to_rdf(graph_of(path))
    preds = set(g.predicates()) - {RDF.type}
    classes = set(g.objects(None, RDF.type))
    ours = tuple(str(ns) for p, ns in NAMESPACES.items() if p.startswith("rc"))
    concepts = {o for o in g.objects() if isinstance(o, URIRef) and str(o).startswith(ours)}
    missing = sorted(g.qname(t) for t in preds | classes | concepts if t not in DEFINED)
    assert not missing, f"not defined in ontology.ttl: {missing}"


def test_shapes_have_one_shape_per_rule_with_the_catalog_severity_and_messages():
    g = shapes_graph()
    shapes = {str(r): s for s, r in g.subject_objects(DCTERMS.identifier)}
    assert sorted(shapes) == sorted(SHACL_RULES)
    sh_sev = {"high": SH.Violation, "medium": SH.Warning, "low": SH.Info, "info": SH.Info}
    for rid, s in shapes.items():
        rule = CATALOG[rid]
        assert str(g.value(s, RC.severity)) == rule.severity
        assert g.value(s, SH.severity) == sh_sev[rule.severity]
        msgs = set(g.objects(s, SH.message))
        assert Literal(rule.message_zh, lang="zh") in msgs and Literal(rule.message_en, lang="en") in msgs
        assert {"zh", "en"} <= _langs(g, s, RDFS.label)
