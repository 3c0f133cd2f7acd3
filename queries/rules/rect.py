"""RECT rules: problems found by inspection, patrol and supervision, and their rectification (问题整改).

A measure is done when it has ``done_on`` or ``status: done``; a problem is
closed when it has ``closed_on``."""

from __future__ import annotations

import calendar
import datetime as _dt
from typing import Any

import networkx as nx
from respchain.graph.schema import PROBLEM_ORIGIN_NAMES, ProblemOrigin
from respchain.queries.finding import Finding, Severity
from respchain.queries.index import GraphIndex, ensure_index, norm_as_of
from respchain.queries.rule import INSPECTION_RULES_DOC, MAIN_RULES_DOC, Basis, EvidenceOrder, Family, Rule
from respchain.queries.rules._common import name_of, source_of

__all__ = [
    "RECT_001",
    "RECT_002",
    "RECT_003",
    "RECT_004",
    "RECT_005",
    "find_problem_no_measure",
    "find_report_overdue",
    "find_measure_overdue",
    "find_closed_not_done",
    "find_measure_no_responsible",
    "months_before",
    "REPORT_ORIGINS",
]

REPORT_ORIGINS = frozenset({ProblemOrigin.INSPECTION, ProblemOrigin.PATROL})
"""Origins whose rectification report is due within two months of the feedback (巡视, 巡察)."""


def months_before(day: str, months: int) -> str:
    """The same day of the month ``months`` earlier, clamped to that month's last day.

    >>> months_before("2025-05-10", 2), months_before("2025-04-30", 2), months_before("2024-04-30", 2)
    ('2025-03-10', '2025-02-28', '2024-02-29')
    """
    d = _dt.date.fromisoformat(day)
    m = d.year * 12 + d.month - 1 - months
    y, mo = divmod(m, 12)
    last = calendar.monthrange(y, mo + 1)[1]
    return _dt.date(y, mo + 1, min(d.day, last)).isoformat()


def _problem_params(G: nx.MultiDiGraph, pb: Any) -> dict[str, Any]:
    return {"org": name_of(G, pb.org)}


def find_problem_no_measure(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """RECT-001: a problem not closed that has no measure. Evidence: ``[problem, org]``."""
    ix = ensure_index(G, index, as_of)
    return [
        RECT_001.finding(
            pb.id, name_of(G, pb.id), [pb.id, pb.org], _problem_params(G, pb), source_of(G, pb.id)
        )
        for pb in ix.problems
        if not pb.closed_on and not pb.measures
    ]


def find_report_overdue(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """RECT-002: a problem from an inspection or patrol with no ``reported_on``, fed back
    (``found``) more than two months before ``as_of``. Evidence: ``[problem, org]``."""
    day = norm_as_of(G, as_of)
    ix = ensure_index(G, index, day)
    limit = months_before(day, 2)
    return [
        RECT_002.finding(
            pb.id,
            name_of(G, pb.id),
            [pb.id, pb.org],
            {
                **_problem_params(G, pb),
                "origin": PROBLEM_ORIGIN_NAMES[pb.origin],
                "found": pb.found,
                "as_of": day,
            },
            source_of(G, pb.id),
        )
        for pb in ix.problems
        if pb.origin in REPORT_ORIGINS and not pb.reported_on and pb.found and pb.found < limit
    ]


def find_measure_overdue(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """RECT-003: a measure not done whose ``due`` is before ``as_of``. Evidence: ``[measure, problem]``."""
    day = norm_as_of(G, as_of)
    ix = ensure_index(G, index, day)
    return [
        RECT_003.finding(
            m.id,
            name_of(G, m.id),
            [m.id, m.problem],
            {"problem": name_of(G, m.problem), "due": m.due, "as_of": day},
            source_of(G, m.id),
        )
        for m in ix.measures.values()
        if not m.done and m.due and m.due < day
    ]


def find_closed_not_done(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """RECT-004: a problem closed while one of its measures is not done, or closed with no
    evidence on the problem or any of its measures (销号不实).

    Evidence: ``[problem, *measures not done (sorted)]``.
    """
    ix = ensure_index(G, index, as_of)
    out = []
    for pb in ix.problems:
        if not pb.closed_on:
            continue
        ms = [ix.measures[m] for m in pb.measures if m in ix.measures]
        undone = sorted(m.id for m in ms if not m.done)
        n_evidence = len(set(pb.evidence).union(*(m.evidence for m in ms)))
        if undone or not n_evidence:
            out.append(
                RECT_004.finding(
                    pb.id,
                    name_of(G, pb.id),
                    [pb.id, *undone],
                    {"closed_on": pb.closed_on, "open": len(undone), "evidence": n_evidence},
                    source_of(G, pb.id),
                )
            )
    return out


def find_measure_no_responsible(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """RECT-005: a measure with no ``responsible`` person. Evidence: ``[measure, problem]``."""
    ix = ensure_index(G, index, as_of)
    return [
        RECT_005.finding(
            m.id, name_of(G, m.id), [m.id, m.problem], {"problem": name_of(G, m.problem)}, source_of(G, m.id)
        )
        for m in ix.measures.values()
        if not m.responsible
    ]


_RECT_BASIS = (
    Basis(
        MAIN_RULES_DOC,
        note_zh="党委（党组）承担整改主体责任",
        note_en="the party organization bears the duty to carry out rectification",
    ),
)

RECT_001 = Rule(
    id="RECT-001",
    family=Family.RECT,
    severity=Severity.HIGH,
    responsibility=None,
    title_zh="未制定整改措施",
    title_en="Problem without a measure",
    definition_zh="尚未销号（无 closed_on）且没有任何整改措施的问题。",
    definition_en="A problem not closed (no `closed_on`) that has no measure (未制定整改措施; subject: the problem).",
    message_zh="{org}的问题\u201c{subject_name}\u201d尚未销号，也没有制定整改措施",
    message_en="The problem '{subject_name}' of {org} is not closed and has no rectification measure",
    params=("org",),
    basis=_RECT_BASIS,
    fix_zh="针对问题制定整改措施（measures），明确责任人、牵头单位和完成时限。",
    fix_en="Set rectification measures for it, each with a responsible person, a lead unit and a due date.",
    evidence="[问题, 整改主体 / the problem, the organization that must rectify it]",
    evidence_order=EvidenceOrder.FIXED,
    func=find_problem_no_measure,
    shape="rcsh:RECT-001",
)

RECT_002 = Rule(
    id="RECT-002",
    family=Family.RECT,
    severity=Severity.HIGH,
    responsibility=None,
    title_zh="整改报告逾期",
    title_en="Rectification report overdue",
    definition_zh="来源为巡视（inspection）或巡察（patrol）、没有报送整改报告（reported_on）、且反馈日期（found）早于基准日前两个月同日（月末按当月最后一天）的问题。",
    definition_en="A problem of origin `inspection` or `patrol` with no `reported_on` whose `found` is more than two "
    "months before `as_of` (before the same day two months earlier, clamped to that month's last day).",
    message_zh="{org}的{origin}问题\u201c{subject_name}\u201d于{found}反馈，截至{as_of}已超过两个月仍未报送整改报告",
    message_en="The problem '{subject_name}' of {org}, fed back on {found} ({origin}), has had no rectification "
    "report for more than two months as of {as_of}",
    params=("org", "origin", "found", "as_of"),
    basis=(
        Basis(
            INSPECTION_RULES_DOC,
            note_zh="被巡视党组织应当于2个月内报送整改情况报告",
            note_en="the inspected organization reports its rectification within two months of the feedback",
        ),
        *_RECT_BASIS,
    ),
    fix_zh="报送整改情况报告并登记报送日期（reported_on）。",
    fix_en="Submit the rectification report and record its date (reported_on).",
    evidence="[问题, 整改主体 / the problem, the organization that must rectify it]",
    evidence_order=EvidenceOrder.FIXED,
    func=find_report_overdue,
)

RECT_003 = Rule(
    id="RECT-003",
    family=Family.RECT,
    severity=Severity.HIGH,
    responsibility=None,
    title_zh="整改措施逾期",
    title_en="Rectification measure overdue",
    definition_zh="未完成（无 done_on 且状态不是 done）、完成时限早于基准日的整改措施。",
    definition_en="A measure not done (no `done_on`, status not done) whose `due` is before `as_of` (subject: the measure).",
    message_zh="整改措施\u201c{subject_name}\u201d（问题：{problem}）应于{due}完成，截至{as_of}仍未完成",
    message_en="Measure '{subject_name}' (problem: {problem}) was due on {due} and is still not done as of {as_of}",
    params=("problem", "due", "as_of"),
    basis=_RECT_BASIS,
    fix_zh="督促责任人完成整改并记录完成日期（done_on）和佐证材料。",
    fix_en="Get the measure done and record done_on and its evidence.",
    evidence="[整改措施, 所属问题 / the measure, its problem]",
    evidence_order=EvidenceOrder.FIXED,
    func=find_measure_overdue,
    shape="rcsh:RECT-003",
)

RECT_004 = Rule(
    id="RECT-004",
    family=Family.RECT,
    severity=Severity.MEDIUM,
    responsibility=None,
    title_zh="销号不实",
    title_en="Problem closed without being done",
    definition_zh="已销号（有 closed_on）的问题，其整改措施仍有未完成的，或问题及其整改措施都没有任何佐证材料。",
    definition_en="A problem closed (`closed_on`) while one of its measures is not done, or closed with no evidence "
    "on the problem or any of its measures (销号不实).",
    message_zh="问题\u201c{subject_name}\u201d已于{closed_on}销号，但仍有{open}项整改措施未完成，佐证材料{evidence}份",
    message_en="Problem '{subject_name}' was closed on {closed_on} with {open} measure(s) not done and "
    "{evidence} evidence record(s)",
    params=("closed_on", "open", "evidence"),
    basis=_RECT_BASIS,
    fix_zh="撤销销号直至整改措施全部完成；补充整改佐证材料（会议记录、文件、报告）。",
    fix_en="Reopen it until every measure is done; add the records that prove the rectification.",
    evidence="[问题, 未完成的整改措施（升序）/ the problem, then its measures not done, sorted]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_closed_not_done,
)

RECT_005 = Rule(
    id="RECT-005",
    family=Family.RECT,
    severity=Severity.MEDIUM,
    responsibility=None,
    title_zh="整改无责任人",
    title_en="Measure without a responsible person",
    definition_zh="没有责任人（responsible）的整改措施。",
    definition_en="A measure with no `responsible` person (整改无责任人; subject: the measure).",
    message_zh="整改措施\u201c{subject_name}\u201d（问题：{problem}）没有责任人",
    message_en="Measure '{subject_name}' (problem: {problem}) has no responsible person",
    params=("problem",),
    basis=_RECT_BASIS,
    fix_zh="为整改措施指定责任人（responsible）。",
    fix_en="Name the person responsible for the measure.",
    evidence="[整改措施, 所属问题 / the measure, its problem]",
    evidence_order=EvidenceOrder.FIXED,
    func=find_measure_no_responsible,
    shape="rcsh:RECT-005",
)

RULES: tuple[Rule, ...] = (RECT_001, RECT_002, RECT_003, RECT_004, RECT_005)
"""The rules of this module, in the order of gaps.md."""
