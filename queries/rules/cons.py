"""CONS-001: leading party organizations a dispatched group supervises with no consultation (专题会商) in the period."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

import networkx as nx
from respchain.graph.schema import LEADING_ORG_KINDS, OrgKind, ResponsibilityKind
from respchain.queries.finding import Finding, Severity
from respchain.queries.index import GraphIndex, ensure_index, norm_as_of, norm_period
from respchain.queries.rule import (
    DISCIPLINE_RULES_DOC,
    DISPATCHED_RULES_DOC,
    Basis,
    EvidenceOrder,
    Family,
    Rule,
)
from respchain.queries.rules._common import leading_orgs, name_of, source_of
from respchain.queries.rules.sup import group_covers

__all__ = ["CONS_001", "find_no_consultation"]


def find_no_consultation(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """CONS-001: leading party organizations a dispatched group supervises, with no consultation of both in ``period``.

    Evidence: ``[org, *dispatched groups without a consultation (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    year = norm_period(G, period, norm_as_of(G, as_of))
    met: set[tuple[str, str]] = set()
    for _eid, date, parties in ix.consultations:
        if date[:4] != year:
            continue
        groups = [g for g in parties if ix.org_kind.get(g) == OrgKind.DISPATCHED_GROUP]
        for g in groups:
            for o in parties:
                met.add((g, o))
    missing: dict[str, set[str]] = defaultdict(set)
    for g in ix.orgs_by_kind.get(OrgKind.DISPATCHED_GROUP, ()):
        for o in group_covers(ix, g):
            if ix.org_kind.get(o) in LEADING_ORG_KINDS and (g, o) not in met:
                missing[o].add(g)
    order = {o: i for i, o in enumerate(leading_orgs(ix))}
    return [
        CONS_001.finding(
            o,
            name_of(G, o),
            [o, *sorted(gs)],
            {"groups": [name_of(G, g) for g in gs], "period": year},
            source_of(G, o),
        )
        for o, gs in sorted(missing.items(), key=lambda kv: order.get(kv[0], 0))
    ]


CONS_001 = Rule(
    id="CONS-001",
    family=Family.EVENTS,
    severity=Severity.LOW,
    responsibility=ResponsibilityKind.SUPERVISORY,
    title_zh="派驻组与被监督党组织未专题会商",
    title_en="No consultation with the dispatched group",
    definition_zh="在派驻纪检监察组监督责任覆盖范围内的党委或党组，考察年度内没有双方共同参加的专题会商。",
    definition_en="A leading party organization in the `over` of a dispatched_group's `supervisory` responsibility, "
    "with no consultation dated in `period` whose `parties` include both (subject: the party organization).",
    message_zh="{subject_name}由{groups}监督，{period}年没有与其开展专题会商",
    message_en="{subject_name} is supervised by {groups} but held no consultation with it in {period}",
    params=("groups", "period"),
    basis=(
        Basis(
            DISCIPLINE_RULES_DOC,
            ("第十四条",),
            "会同党委（党组）分析研判政治生态",
            "joint analysis of the political ecology",
        ),
        Basis(
            DISPATCHED_RULES_DOC,
            ("第十四条",),
            "与驻在单位共同分析研判政治生态",
            "joint analysis with the unit it is stationed at",
        ),
    ),
    fix_zh="由派驻纪检监察组与该党组织召开专题会商并记录（kind: consultation，parties 含双方）。",
    fix_en="Hold a consultation of the dispatched group with the party organization and record both as parties.",
    evidence="[组织, 未会商的派驻组（升序）/ the organization, then the dispatched groups without a consultation, sorted]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_no_consultation,
)

RULES: tuple[Rule, ...] = (CONS_001,)
"""The rules of this module, in the order of gaps.md."""
