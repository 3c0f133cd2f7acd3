"""The catalog's rules: each carries its function, its Cypher, its shape, and the schema's vocabulary.

A rule's id leads to all of it: its module is named by the id's prefix, its
Cypher file by the id, its shape by the id; ``explain`` shows every
implementation from the same :class:`~respchain.queries.rule.Rule`.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import DCTERMS
from respchain.graph import schema
from respchain.graph.shacl import shape_rules, shapes_path
from respchain.queries import CATALOG, FAMILIES, Severity
from respchain.queries.rule import EvidenceOrder, Family
from respchain.queries.rules_doc import implementations_text

from respchain.cli import main
from respchain.exceptions import UnknownRuleError

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"

#: Every value of the schema's vocabularies (kinds of node, relationship types, org kinds, roles ...).
VOCAB = {
    m.value
    for v in vars(schema).values()
    if isinstance(v, type) and issubclass(v, schema._Vocab) and v is not schema._Vocab
    for m in v
}


@pytest.mark.parametrize("rule", list(CATALOG.values()), ids=list(CATALOG))
def test_the_id_leads_to_the_module_the_cypher_and_the_shape(rule):
    assert rule.func.__module__ == f"respchain.queries.rules.{rule.prefix.lower()}"
    assert Path(inspect.getfile(rule.func)).name == f"{rule.prefix.lower()}.py"
    assert rule.func.__name__ in rule.function_name
    assert rule.cypher.startswith(f"// {rule.id} ")
    assert rule.cypher == (QUERIES / rule.cypher_file).read_text(encoding="utf-8")
    assert rule.shape in (None, f"rcsh:{rule.id}")
    assert isinstance(rule.family, Family) and rule.family in FAMILIES
    assert isinstance(rule.severity, Severity) and isinstance(rule.evidence_order, EvidenceOrder)
    assert rule.responsibility is None or isinstance(rule.responsibility, schema.ResponsibilityKind)


def test_the_rules_with_a_shape_are_the_shapes_of_shapes_ttl():
    assert sorted(r.id for r in CATALOG.values() if r.shape is not None) == shape_rules()


@pytest.mark.parametrize("rid", [r.id for r in CATALOG.values() if r.shape is not None])
def test_a_shape_text_is_that_shape_alone_and_parses(rid):
    text = CATALOG[rid].shape_text
    prefixes = "".join(
        line + "\n"
        for line in shapes_path().read_text(encoding="utf-8").splitlines()
        if line.startswith("@prefix")
    )
    g = Graph().parse(data=prefixes + text, format="turtle")
    assert {str(o) for o in g.objects(None, DCTERMS.identifier)} == {rid}


def test_a_rule_checks_the_responsibility_type_of_its_duty():
    types = {r.id: r.responsibility for r in CATALOG.values()}
    assert types["MAIN-001"] == types["CHAIN-001"] == "main"
    assert types["FIRST-002"] == "first_responsible" and types["DUAL-001"] == "one_post_two_duties"
    assert types["SUP-002"] == types["CONS-001"] == "supervisory"
    assert types["FUNC-001"] == "functional_regulatory"
    assert types["LIST-004"] is None and types["RECT-003"] is None


def test_explain_shows_every_implementation_from_the_rule(capsys):
    assert main(["explain", "LIST-003", "--no-example"]) == 0
    out = capsys.readouterr().out
    rule = CATALOG["LIST-003"]
    assert inspect.getsource(rule.func).strip() in out
    assert rule.cypher.strip() in out
    assert rule.shape_text in out
    assert "respchain.queries.rules.list.find_task_no_due" in out
    assert main(["explain", "SUP-003", "--no-example"]) == 0
    out = capsys.readouterr().out
    assert "def find_dispatched_conflict(" in out and "--- Cypher" in out and "--- SHACL" not in out
    with pytest.raises(UnknownRuleError):
        implementations_text("NOPE-001")


def _literals(path: Path) -> set[str]:
    """The string constants in the functions of a module; docstrings and the keys of
    dict displays (message parameters such as ``open``) left out."""
    out = set()
    for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(fn, ast.FunctionDef):
            continue
        body = fn.body[1:] if ast.get_docstring(fn) is not None else fn.body
        for stmt in body:
            keys = {id(k) for n in ast.walk(stmt) if isinstance(n, ast.Dict) for k in n.keys if k is not None}
            for n in ast.walk(stmt):
                if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in keys:
                    out.add(n.value)
    return out


@pytest.mark.parametrize(
    "path",
    sorted([*(QUERIES / "rules").glob("*.py"), *(QUERIES / "backends").glob("*.py")]),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_rule_code_names_the_vocabulary_by_the_schema_s_enums(path):
    assert not (_literals(path) & VOCAB)


@pytest.mark.parametrize("path", sorted((QUERIES / "cypher").glob("*.cypher")), ids=lambda p: p.name)
def test_cypher_uses_only_the_schema_s_labels_types_and_values(path):
    text = re.sub(r"//[^\n]*", "", path.read_text(encoding="utf-8"))
    labels = set(re.findall(r"\(\s*\w*\s*:\s*([A-Za-z]\w*)", text))
    rels = {t for group in re.findall(r"\[\s*\w*\s*:\s*([A-Z_|]+)", text) for t in group.split("|")}
    values = set(re.findall(r"'([a-z_]+)'", text)) - {"person"}  # SUP-002: a bearer that is no organization
    assert labels <= set(schema.NodeKind.values())
    assert rels <= set(schema.RelType.values())
    assert values <= VOCAB


def test_shapes_use_only_the_schema_s_vocabulary():
    text = shapes_path().read_text(encoding="utf-8")
    for prefix, enum in (
        ("rckind", schema.OrgKind),
        ("rctype", schema.ResponsibilityKind),
        ("rcrole", schema.Role),
        ("rcstatus", schema.TaskStatus),
    ):
        used = set(re.findall(rf"\b{prefix}:(\w+)", text))
        assert used and used <= set(enum.values()), prefix
