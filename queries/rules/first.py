"""FIRST rules: the head (一把手) of party organizations and their first-responsible duty."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

import networkx as nx
from respchain.graph.schema import PARTY_ORG_KINDS, ResponsibilityKind, Role
from respchain.queries.finding import Finding, Severity
from respchain.queries.index import GraphIndex, ensure_index
from respchain.queries.rule import (
    MAIN_RULES_DOC,
    RESP_SYSTEM_DOC,
    YIBASHOU_DOC,
    Basis,
    EvidenceOrder,
    Family,
    Rule,
)
from respchain.queries.rules._common import leading_orgs, name_of, source_of

__all__ = ["FIRST_001", "FIRST_002", "find_head_vacant", "find_head_without_first", "head_vacant"]


def head_vacant(ix: GraphIndex) -> set[str]:
    """Leading party organizations where nobody holds a ``head`` post (the FIRST-001 subjects)."""
    return {o for o in leading_orgs(ix) if not any(p.role == Role.HEAD for p in ix.posts_by_org.get(o, ()))}


def find_head_vacant(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """FIRST-001: leading party organizations (committee, group) with no person in the ``head`` role.

    Evidence: ``[org]``.
    """
    ix = ensure_index(G, index, as_of)
    return [
        FIRST_001.finding(o, name_of(G, o), [o], {}, source_of(G, o))
        for o in leading_orgs(ix)
        if not any(p.role == Role.HEAD for p in ix.posts_by_org.get(o, ()))
    ]


def find_head_without_first(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """FIRST-002: heads of party organizations with no declared ``first_responsible`` responsibility.

    One finding per person. Evidence: ``[person, *party orgs they head (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    heads: dict[str, set[str]] = defaultdict(set)
    for person, posts in ix.posts_by_person.items():
        if (person, ResponsibilityKind.FIRST_RESPONSIBLE) in ix.declared:
            continue
        for p in posts:
            if p.role == Role.HEAD and ix.org_kind.get(p.org) in PARTY_ORG_KINDS:
                heads[person].add(p.org)
    return [
        FIRST_002.finding(
            person,
            name_of(G, person),
            [person, *sorted(orgs)],
            {"orgs": [name_of(G, o) for o in orgs]},
            source_of(G, person),
        )
        for person, orgs in heads.items()
    ]


_FIRST_BASIS = (
    Basis(
        MAIN_RULES_DOC,
        note_zh="书记承担第一责任人职责",
        note_en="the secretary bears the first-responsible-person duty",
    ),
    Basis(
        RESP_SYSTEM_DOC,
        ("第六条",),
        "主要负责人是第一责任人",
        "the principal head is the first person responsible",
    ),
    Basis(YIBASHOU_DOC, note_zh="加强对\u201c一把手\u201d的监督", note_en="supervision of the 'number one'"),
)

FIRST_001 = Rule(
    id="FIRST-001",
    family=Family.FIRST,
    severity=Severity.HIGH,
    responsibility=ResponsibilityKind.FIRST_RESPONSIBLE,
    title_zh="一把手空缺",
    title_en="Head (一把手) vacant",
    definition_zh="党委或党组没有任何人担任 head（一把手）岗位。",
    definition_en="A leading party organization (committee or group) where no person holds a post in the `head` role.",
    message_zh="{subject_name}没有一把手（无人担任书记岗位）",
    message_en="{subject_name} has no head: nobody holds its secretary's post (一把手 vacant)",
    params=(),
    basis=_FIRST_BASIS,
    fix_zh="登记其一把手（people 中 posts 的 role: head），或确认该职位确实空缺并报告。",
    fix_en="Record its head (a post with role: head), or confirm the vacancy and report it.",
    evidence="[组织 / the organization]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_head_vacant,
    shape="rcsh:FIRST-001",
)

FIRST_002 = Rule(
    id="FIRST-002",
    family=Family.FIRST,
    severity=Severity.MEDIUM,
    responsibility=ResponsibilityKind.FIRST_RESPONSIBLE,
    title_zh="一把手未声明第一责任人责任",
    title_en="Head without the first-responsible duty",
    definition_zh="党组织的一把手（head）本人没有登记第一责任人责任。",
    definition_en="The `head` of a party organization with no declared `first_responsible` responsibility (subject: the person).",
    message_zh="{subject_name}是{orgs}的一把手，但未声明第一责任人责任",
    message_en="{subject_name} heads {orgs} but declares no first-responsible-person responsibility",
    params=("orgs",),
    basis=_FIRST_BASIS,
    fix_zh="为此人登记第一责任人责任（type: first_responsible，bearer 为此人）。",
    fix_en="Declare a first_responsible responsibility borne by this person.",
    evidence="[人员, 其担任一把手的党组织（升序）/ the person, then the party organizations they head, sorted]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_head_without_first,
    shape="rcsh:FIRST-002",
)

RULES: tuple[Rule, ...] = (FIRST_001, FIRST_002)
"""The rules of this module, in the order of gaps.md."""
