"""TALK-001: members of leading teams nobody talked with in the period (谈心谈话)."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

import networkx as nx
from respchain.graph.schema import TEAM_ROLES
from respchain.queries.finding import Finding, Severity
from respchain.queries.index import GraphIndex, ensure_index, norm_as_of, norm_period
from respchain.queries.rule import YIBASHOU_DOC, Basis, EvidenceOrder, Family, Rule
from respchain.queries.rules._common import leading_orgs, name_of, source_of

__all__ = ["TALK_001", "find_team_no_talk"]


def find_team_no_talk(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """TALK-001: heads, deputies and members of leading party organizations in no talk dated in ``period``.

    Evidence: ``[person, *those leading orgs (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    year = norm_period(G, period, norm_as_of(G, as_of))
    talked = {p for _e, _t, date, with_ in ix.talks if date[:4] == year for p in with_}
    seats: dict[str, set[str]] = defaultdict(set)
    for o in leading_orgs(ix):
        for p in ix.posts_by_org.get(o, ()):
            if p.role in TEAM_ROLES and p.person not in talked:
                seats[p.person].add(o)
    return [
        TALK_001.finding(
            person,
            name_of(G, person),
            [person, *sorted(orgs)],
            {"orgs": [name_of(G, o) for o in orgs], "period": year},
            source_of(G, person),
        )
        for person, orgs in seats.items()
    ]


TALK_001 = Rule(
    id="TALK-001",
    family=Family.EVENTS,
    severity=Severity.LOW,
    responsibility=None,
    title_zh="班子成员本年度无谈话",
    title_en="Team member with no talk in the period",
    definition_zh="党委或党组的一把手、副书记或班子成员，在考察年度（period）内没有作为谈话对象参加任何谈话。",
    definition_en="A `head`, `deputy` or `member` of a leading party organization who is in the `with` of no talk dated in `period`.",
    message_zh="{subject_name}是{orgs}的班子成员，{period}年没有以其为谈话对象的谈心谈话记录（无人与其谈话）",
    message_en="{subject_name}, on the leading team of {orgs}, was not talked with in {period} "
    "(no talk record has them among those talked with)",
    params=("orgs", "period"),
    basis=(
        Basis(
            YIBASHOU_DOC,
            note_zh="与一把手和班子成员谈心谈话",
            note_en="talks with the number one and team members",
        ),
    ),
    fix_zh="安排并记录与其的谈心谈话（events 中 kind: talk，with 包含此人）。",
    fix_en="Hold and record a talk with this person.",
    evidence="[人员, 其任职的党委（党组）（升序）/ the person, then those leading organizations, sorted]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_team_no_talk,
)

RULES: tuple[Rule, ...] = (TALK_001,)
"""The rules of this module, in the order of gaps.md."""
