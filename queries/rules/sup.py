"""SUP rules: who supervises, who may bear supervision, and the independence of dispatched groups."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

import networkx as nx
from respchain.graph.schema import SUPERVISORY_ORG_KINDS, OrgKind, ResponsibilityKind, Role
from respchain.queries.finding import Finding, Severity
from respchain.queries.index import GraphIndex, ensure_index
from respchain.queries.rule import (
    ACCOUNTABILITY_DOC,
    DISPATCHED_RULES_DOC,
    Basis,
    EvidenceOrder,
    Family,
    Rule,
)
from respchain.queries.rules._common import leading_orgs, name_of, source_of

__all__ = [
    "SUP_001",
    "SUP_002",
    "SUP_003",
    "find_unsupervised",
    "find_supervisory_misplaced",
    "find_dispatched_conflict",
    "group_covers",
]


def group_covers(ix: GraphIndex, group: str) -> set[str]:
    """The organizations in the ``over`` of the ``supervisory`` responsibilities borne by ``group``."""
    return {
        o
        for r in ix.declared_by.get((group, ResponsibilityKind.SUPERVISORY), ())
        for o in ix.covers.get(r, ())
    }


def find_unsupervised(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """SUP-001: leading party organizations that neither themselves nor through a unit they lead are supervised.

    Supervised means: in the ``over`` (COVERS) of some ``supervisory``
    responsibility. Evidence: ``[org, *units it leads (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    sup = ix.supervised
    out = []
    for o in leading_orgs(ix):
        units = ix.leads.get(o, ())
        if o in sup or any(u in sup for u in units):
            continue
        out.append(
            SUP_001.finding(o, name_of(G, o), [o, *sorted(units)], {"units": len(units)}, source_of(G, o))
        )
    return out


def find_supervisory_misplaced(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """SUP-002: declared ``supervisory`` responsibilities borne by neither a discipline commission nor a dispatched group.

    The bearer may be another organization or a person (``kind`` is then
    ``person``). Evidence: ``[bearer, *declaring responsibilities and lists (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    out = []
    for (bearer, rtype), ids in ix.declared_by.items():
        if rtype != ResponsibilityKind.SUPERVISORY:
            continue
        kind = ix.org_kind.get(bearer)
        if kind in SUPERVISORY_ORG_KINDS:
            continue
        out.append(
            SUP_002.finding(
                bearer,
                name_of(G, bearer),
                [bearer, *sorted(set(ids))],
                {"kind": kind or "person"},
                source_of(G, bearer),
            )
        )
    return out


def find_dispatched_conflict(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """SUP-003: people in a dispatched group who also hold a post in what the group supervises.

    What the group supervises: the organizations in the ``over`` of its
    ``supervisory`` responsibilities, and the organizations that lead a unit
    in it. Posts in the ``discipline_secretary`` role do not count (the
    discipline secretary on the committee of the same level is by design).
    Evidence: ``[person, *groups and organizations involved (sorted together)]``.
    """
    ix = ensure_index(G, index, as_of)
    groups: dict[str, set[str]] = defaultdict(set)
    orgs: dict[str, set[str]] = defaultdict(set)
    for g in ix.orgs_by_kind.get(OrgKind.DISPATCHED_GROUP, ()):
        members = {p.person for p in ix.posts_by_org.get(g, ())}
        if not members:
            continue
        covered = group_covers(ix, g)
        if not covered:
            continue
        watched = set(covered)
        for u in covered:
            watched.update(ix.led_by.get(u, ()))
        watched.discard(g)
        for person in members:
            for p in ix.posts_by_person.get(person, ()):
                if p.org in watched and p.role != Role.DISCIPLINE_SECRETARY:
                    groups[person].add(g)
                    orgs[person].add(p.org)
    return [
        SUP_003.finding(
            person,
            name_of(G, person),
            [person, *sorted(groups[person] | orgs[person])],
            {
                "groups": [name_of(G, g) for g in groups[person]],
                "orgs": [name_of(G, o) for o in orgs[person]],
            },
            source_of(G, person),
        )
        for person in groups
    ]


SUP_001 = Rule(
    id="SUP-001",
    family=Family.SUPERVISION,
    severity=Severity.HIGH,
    responsibility=ResponsibilityKind.SUPERVISORY,
    title_zh="党委（党组）无人监督",
    title_en="Leading party organization under no supervision",
    definition_zh="党委或党组本身及其领导的任何单位都不在任何监督责任的覆盖范围（over）内。",
    definition_en="A leading party organization such that neither it nor any unit it `leads` is in the `over` "
    "of a `supervisory` responsibility.",
    message_zh="{subject_name}不在任何监督责任的覆盖范围内，其领导的{units}个单位也都不在",
    message_en="Neither {subject_name} nor any of the {units} unit(s) it leads is covered by a supervisory responsibility",
    params=("units",),
    when_none=(
        "units",
        "{subject_name}不在任何监督责任的覆盖范围内（它不领导任何单位）",
        "{subject_name} is covered by no supervisory responsibility (it leads no unit)",
    ),
    basis=(
        Basis(
            ACCOUNTABILITY_DOC,
            ("第四条",),
            "纪委履行监督专责，派驻机构依权限开展问责",
            "discipline commissions supervise; dispatched bodies hold to account",
        ),
        Basis(
            DISPATCHED_RULES_DOC,
            note_zh="派驻机构对驻在单位的监督",
            note_en="the dispatched body supervises the unit it is stationed at",
        ),
    ),
    fix_zh="在纪委监委或派驻纪检监察组的监督责任 over 中写入该组织或其领导的单位。",
    fix_en="Add it, or a unit it leads, to the over of the supervisory responsibility of a commission or dispatched group.",
    evidence="[组织, 其领导的单位（升序）/ the organization, then the units it leads, sorted]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_unsupervised,
    shape="rcsh:SUP-001",
)

SUP_002 = Rule(
    id="SUP-002",
    family=Family.SUPERVISION,
    severity=Severity.MEDIUM,
    responsibility=ResponsibilityKind.SUPERVISORY,
    title_zh="监督责任主体错位",
    title_en="Supervisory responsibility borne by the wrong body",
    definition_zh="监督责任（条目或监督责任清单）的承担者既不是纪委监委，也不是派驻纪检监察组。",
    definition_en="A declared `supervisory` responsibility (an entry or a supervisory list) borne by something that "
    "is neither a discipline_commission nor a dispatched_group (subject: the bearer).",
    message_zh="{subject_name}（{kind}）承担监督责任，但它既不是纪委监委，也不是派驻纪检监察组",
    message_en="{subject_name} ({kind}) bears a supervisory responsibility but is neither a discipline commission nor a dispatched group",
    params=("kind",),
    vocab_params=("kind",),
    basis=(
        Basis(
            ACCOUNTABILITY_DOC,
            ("第四条",),
            "纪委承担监督专责",
            "the discipline commission bears the dedicated duty of supervision",
        ),
    ),
    fix_zh="把该监督责任改由纪委监委或派驻纪检监察组承担；党委（党组）应登记主体责任。",
    fix_en="Give the duty to the discipline commission or a dispatched group; a party organization declares main instead.",
    evidence="[承担者, 声明该责任的责任条目或清单（升序）/ the bearer, then the declaring responsibilities or lists, sorted]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_supervisory_misplaced,
    shape="rcsh:SUP-002",
)

SUP_003 = Rule(
    id="SUP-003",
    family=Family.SUPERVISION,
    severity=Severity.MEDIUM,
    responsibility=ResponsibilityKind.SUPERVISORY,
    title_zh="派驻独立性",
    title_en="Dispatched group not independent",
    definition_zh="同一人既在派驻纪检监察组任职，又在该组监督责任覆盖的组织（或领导被覆盖单位的组织）任职。"
    "纪委书记（纪检组长）以 discipline_secretary 身份进入同级党委（党组）是制度安排，该岗位不计。",
    definition_en="A person holding a post in a dispatched_group and a post in an organization in the `over` of "
    "that group's `supervisory` responsibility, or in one that leads a unit in it. A post in the "
    "`discipline_secretary` role (the discipline secretary sitting on the committee of the same level) is by "
    "design and does not count.",
    message_zh="{subject_name}在{groups}任职，同时在其监督对象{orgs}任职（派驻机构应独立于驻在单位）",
    message_en="{subject_name} holds posts both in {groups} and in {orgs}, which it supervises (the dispatched group must be independent)",
    params=("groups", "orgs"),
    basis=(
        Basis(
            DISPATCHED_RULES_DOC,
            note_zh="派驻机构独立于驻在单位",
            note_en="the dispatched body is independent of the unit it watches",
        ),
    ),
    fix_zh="调整任职，使派驻纪检监察组的人员不在其监督对象任职；或更正登记。",
    fix_en="Separate the posts, or correct the register.",
    evidence="[人员, 涉及的派驻组和被监督组织（合并升序）/ the person, then the groups and organizations involved, sorted together]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_dispatched_conflict,
)

RULES: tuple[Rule, ...] = (SUP_001, SUP_002, SUP_003)
"""The rules of this module, in the order of gaps.md."""
