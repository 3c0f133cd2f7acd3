"""DUAL rules: one post, two duties (一岗双责) of the leading team, and units in nobody's charge."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

import networkx as nx
from respchain.graph.schema import LEADING_ORG_KINDS, TEAM_ROLES, ResponsibilityKind, Role
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

__all__ = ["DUAL_001", "DUAL_002", "find_member_without_dual", "find_unit_unassigned"]

_OTHER_MEMBERS = frozenset({Role.DEPUTY, Role.MEMBER})


def find_member_without_dual(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """DUAL-001: deputies and members of a leading party organization with no declared ``one_post_two_duties``.

    One finding per person. Evidence: ``[person, *those leading orgs (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    seats: dict[str, set[str]] = defaultdict(set)
    for person, posts in ix.posts_by_person.items():
        if (person, ResponsibilityKind.ONE_POST_TWO_DUTIES) in ix.declared:
            continue
        for p in posts:
            if p.role in _OTHER_MEMBERS and ix.org_kind.get(p.org) in LEADING_ORG_KINDS:
                seats[person].add(p.org)
    return [
        DUAL_001.finding(
            person,
            name_of(G, person),
            [person, *sorted(orgs)],
            {"orgs": [name_of(G, o) for o in orgs]},
            source_of(G, person),
        )
        for person, orgs in seats.items()
    ]


def find_unit_unassigned(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """DUAL-002: units a leading party organization ``leads`` that are in no ``areas`` of its team (分管空白).

    The team is the posts in the ``head``, ``deputy`` or ``member`` role in the
    leading organization (a head's areas count). One finding per unit.
    Evidence: ``[unit, *leading orgs whose team leaves it out (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    gaps: dict[str, set[str]] = defaultdict(set)
    for org in leading_orgs(ix):
        units = ix.leads.get(org)
        if not units:
            continue
        covered = {a for p in ix.posts_by_org.get(org, ()) if p.role in TEAM_ROLES for a in p.areas}
        for u in units:
            if u not in covered:
                gaps[u].add(org)
    return [
        DUAL_002.finding(
            u,
            name_of(G, u),
            [u, *sorted(leaders)],
            {"leaders": [name_of(G, o) for o in leaders]},
            source_of(G, u),
        )
        for u, leaders in gaps.items()
    ]


_DUAL_BASIS = (
    Basis(
        MAIN_RULES_DOC,
        note_zh="班子其他成员在分管范围内履行一岗双责",
        note_en="other members bear one post, two duties in their areas",
    ),
    Basis(
        RESP_SYSTEM_DOC,
        ("第六条",),
        "其他成员按分工承担主要领导责任",
        "other members answer by their division of work",
    ),
    Basis(
        YIBASHOU_DOC,
        note_zh="领导班子其他成员\u201c一岗双责\u201d",
        note_en="one post, two duties of the other team members",
    ),
)

DUAL_001 = Rule(
    id="DUAL-001",
    family=Family.DUAL,
    severity=Severity.MEDIUM,
    responsibility=ResponsibilityKind.ONE_POST_TWO_DUTIES,
    title_zh="班子成员未声明一岗双责",
    title_en="Team member without one post, two duties",
    definition_zh="党委或党组的副书记（deputy）或班子成员（member）没有登记一岗双责。",
    definition_en="A `deputy` or `member` of a leading party organization with no declared `one_post_two_duties` "
    "responsibility (subject: the person).",
    message_zh="{subject_name}是{orgs}的班子成员，但未声明一岗双责",
    message_en="{subject_name} sits on the leading team of {orgs} but declares no one-post-two-duties responsibility",
    params=("orgs",),
    basis=_DUAL_BASIS,
    fix_zh="为此人登记一岗双责（type: one_post_two_duties），over 写其分管领域。",
    fix_en="Declare a one_post_two_duties responsibility for this person over the areas in their charge.",
    evidence="[人员, 其任副书记或班子成员的党委（党组）（升序）/ the person, then those leading organizations, sorted]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_member_without_dual,
    shape="rcsh:DUAL-001",
)

DUAL_002 = Rule(
    id="DUAL-002",
    family=Family.DUAL,
    severity=Severity.MEDIUM,
    responsibility=ResponsibilityKind.ONE_POST_TWO_DUTIES,
    title_zh="分管空白",
    title_en="Unit in nobody's charge",
    definition_zh="党委或党组领导（leads）的单位，不在该组织任何班子成员（一把手、副书记、班子成员）岗位的分管范围（areas）内。",
    definition_en="A unit that a leading party organization `leads` which appears in no `areas` of the posts of "
    "its team members (head, deputy, member; a head's areas count) (分管空白; subject: the unit).",
    message_zh="{subject_name}由{leaders}领导，但不在其任何班子成员的分管范围内（分管空白）",
    message_en="{subject_name} is led by {leaders} but is in the charge of none of its team members (no one in charge)",
    params=("leaders",),
    basis=_DUAL_BASIS,
    fix_zh="明确由哪位班子成员分管该单位（在其岗位的 areas 中写入该单位 id）。",
    fix_en="Put the unit in the areas of the team member in charge of it.",
    evidence="[单位, 存在分管空白的领导组织（升序）/ the unit, then the leading organizations with the gap, sorted]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_unit_unassigned,
)

RULES: tuple[Rule, ...] = (DUAL_001, DUAL_002)
"""The rules of this module, in the order of gaps.md."""
