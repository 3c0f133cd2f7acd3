"""ECO-001: organizations rated poor (政治生态较差) with no follow-up talk."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

import networkx as nx
from respchain.graph.schema import Rating, ResponsibilityKind, TalkKind
from respchain.queries.finding import Finding, Severity
from respchain.queries.index import GraphIndex, ensure_index
from respchain.queries.rule import DISCIPLINE_RULES_DOC, Basis, EvidenceOrder, Family, Rule
from respchain.queries.rules._common import name_of, source_of

__all__ = ["ECO_001", "find_poor_ecology_no_talk"]

_ECO_TALKS = frozenset({TalkKind.COLLECTIVE, TalkKind.WARNING})


def find_poor_ecology_no_talk(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """ECO-001: organizations rated ``poor`` with no collective or warning talk with their people since.

    A rating is followed up by a ``collective`` or ``warning`` talk dated on or
    after it whose ``with`` includes someone holding a post in the rated
    organization. Evidence: ``[org, *poor ratings without a follow-up (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    last_talk: dict[str, str] = {}
    for _eid, talk, date, with_ in ix.talks:
        if talk in _ECO_TALKS:
            for p in with_:
                if date > last_talk.get(p, ""):
                    last_talk[p] = date
    missing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for eid, date, org, rating in ix.ratings:
        if rating != Rating.POOR or not org:
            continue
        latest = max((last_talk.get(p.person, "") for p in ix.posts_by_org.get(org, ())), default="")
        if latest < date:
            missing[org].append((eid, date))
    return [
        ECO_001.finding(
            org,
            name_of(G, org),
            [org, *sorted(e for e, _ in evs)],
            {"dates": sorted({d for _, d in evs})},
            source_of(G, org),
        )
        for org, evs in missing.items()
    ]


ECO_001 = Rule(
    id="ECO-001",
    family=Family.EVENTS,
    severity=Severity.MEDIUM,
    responsibility=ResponsibilityKind.SUPERVISORY,
    title_zh="政治生态较差未跟进谈话",
    title_en="Poor political ecology without a follow-up talk",
    definition_zh="政治生态研判为\u201c较差\u201d（poor）的组织，在研判当日或之后，没有与在该组织任职的人员开展集体廉政谈话或警示类谈话。",
    definition_en="An organization rated `poor` with no `collective` or `warning` talk, dated on or after the rating, "
    "whose `with` includes someone holding a post in it.",
    message_zh="{subject_name}于{dates}被研判为政治生态\u201c较差\u201d，此后没有对其人员开展集体廉政谈话或警示类谈话",
    message_en="{subject_name} was rated poor on {dates} and no collective or warning talk with its people followed",
    params=("dates",),
    basis=(
        Basis(
            DISCIPLINE_RULES_DOC,
            ("第十四条",),
            "定期开展政治生态分析研判",
            "regular analysis of the political ecology",
        ),
    ),
    fix_zh="与该组织领导班子开展集体廉政谈话或警示类谈话并记录。",
    fix_en="Hold a collective or warning talk with its leading team and record it.",
    evidence="[组织, 未跟进的\u201c较差\u201d研判事件（升序）/ the organization, then the poor ratings without a follow-up, sorted]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_poor_ecology_no_talk,
)

RULES: tuple[Rule, ...] = (ECO_001,)
"""The rules of this module, in the order of gaps.md."""
