"""ACC-001: people held accountable with no encouragement talk since (问责\u201c后半篇文章\u201d)."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

import networkx as nx
from respchain.graph.schema import TalkKind
from respchain.queries.finding import Finding, Severity
from respchain.queries.index import GraphIndex, ensure_index, norm_as_of
from respchain.queries.rule import ACCOUNTABILITY_DOC, Basis, EvidenceOrder, Family, Rule
from respchain.queries.rules._common import name_of, source_of

__all__ = ["ACC_001", "find_accountability_no_followup"]


def find_accountability_no_followup(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """ACC-001: people held accountable with no encouragement talk since (问责"后半篇文章").

    An accountability is followed up by an ``encouragement`` talk with the
    person dated on or after the accountability's date and not after
    ``as_of`` (the same day counts). Evidence: ``[person, *accountability
    events without a follow-up (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    day = norm_as_of(G, as_of)
    # The latest encouragement talk of each person up to as_of decides every accountability.
    last_enc: dict[str, str] = {}
    for _eid, talk, date, with_ in ix.talks:
        if talk == TalkKind.ENCOURAGEMENT and date <= day:
            for p in with_:
                if date > last_enc.get(p, ""):
                    last_enc[p] = date
    missing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for eid, date, targets in ix.accountabilities:
        for p in targets:
            if last_enc.get(p, "") < date:
                missing[p].append((eid, date))
    return [
        ACC_001.finding(
            p,
            name_of(G, p),
            [p, *sorted(e for e, _ in evs)],
            {"dates": sorted({d for _, d in evs}), "as_of": day},
            source_of(G, p),
        )
        for p, evs in missing.items()
    ]


ACC_001 = Rule(
    id="ACC-001",
    family=Family.EVENTS,
    severity=Severity.LOW,
    responsibility=None,
    title_zh="问责后无激励谈话",
    title_en="No encouragement talk after accountability",
    definition_zh="被问责的人员，在问责当日或之后、基准日之前（含当日），没有参加任何问责激励谈话（问责\u201c后半篇文章\u201d）。",
    definition_en="A person who was the `target` of an accountability event and is in the `with` of no `encouragement` "
    "talk dated on or after that event's date and not after `as_of`.",
    message_zh="{subject_name}于{dates}被问责，此后截至{as_of}没有问责激励谈话",
    message_en="{subject_name} was held accountable on {dates} and has had no encouragement talk since (as of {as_of})",
    params=("dates", "as_of"),
    basis=(
        Basis(
            ACCOUNTABILITY_DOC,
            ("第三条",),
            "严管和厚爱结合、激励和约束并重",
            "strictness with care, incentive with restraint",
        ),
    ),
    fix_zh="与被问责人开展问责激励谈心谈话（talk: encouragement），做实问责\u201c后半篇文章\u201d。",
    fix_en="Hold an encouragement talk with the person and record it.",
    evidence="[人员, 缺少后续谈话的问责事件（升序）/ the person, then the accountability events without a follow-up, sorted]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_accountability_no_followup,
)

RULES: tuple[Rule, ...] = (ACC_001,)
"""The rules of this module, in the order of gaps.md."""
