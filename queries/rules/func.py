"""FUNC-001: functional departments that declare no regulatory responsibility (职能部门监管责任)."""

from __future__ import annotations

import datetime as _dt

import networkx as nx
from respchain.graph.schema import OrgKind, ResponsibilityKind
from respchain.queries.finding import Finding, Severity
from respchain.queries.index import GraphIndex, ensure_index
from respchain.queries.rule import ACCOUNTABILITY_DOC, Basis, EvidenceOrder, Family, Rule
from respchain.queries.rules._common import name_of, source_of

__all__ = ["FUNC_001", "find_functional_missing"]


def find_functional_missing(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """FUNC-001: functional departments with no declared ``functional_regulatory`` responsibility.

    Evidence: ``[department]``.
    """
    ix = ensure_index(G, index, as_of)
    return [
        FUNC_001.finding(o, name_of(G, o), [o], {}, source_of(G, o))
        for o in ix.orgs_by_kind.get(OrgKind.FUNCTIONAL_DEPARTMENT, ())
        if (o, ResponsibilityKind.FUNCTIONAL_REGULATORY) not in ix.declared
    ]


FUNC_001 = Rule(
    id="FUNC-001",
    family=Family.MAIN,
    severity=Severity.MEDIUM,
    responsibility=ResponsibilityKind.FUNCTIONAL_REGULATORY,
    title_zh="职能部门未声明监管责任",
    title_en="Functional department without a regulatory responsibility",
    definition_zh="职能部门没有登记职能部门监管责任。",
    definition_en="A functional_department with no declared `functional_regulatory` responsibility.",
    message_zh="{subject_name}未声明职能部门监管责任",
    message_en="{subject_name} declares no functional regulatory responsibility",
    params=(),
    basis=(
        Basis(
            ACCOUNTABILITY_DOC,
            ("第四条",),
            "党的工作机关依职能履行监督职责",
            "party working organs supervise by function",
        ),
    ),
    fix_zh="登记其监管责任（type: functional_regulatory），over 写其所管领域。",
    fix_en="Declare a functional_regulatory responsibility over its domains.",
    evidence="[部门 / the department]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_functional_missing,
    shape="rcsh:FUNC-001",
)

RULES: tuple[Rule, ...] = (FUNC_001,)
"""The rules of this module, in the order of gaps.md."""
