"""LIST rules: tasks of responsibility lists and ledgers (责任清单 / 台账)."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Any

import networkx as nx
from respchain.graph.schema import TaskStatus
from respchain.queries.finding import Finding, Severity
from respchain.queries.index import GraphIndex, TaskRec, ensure_index, norm_as_of
from respchain.queries.rule import MAIN_RULES_DOC, Basis, EvidenceOrder, Family, Rule
from respchain.queries.rules._common import name_of, source_of

__all__ = [
    "LIST_001",
    "LIST_002",
    "LIST_003",
    "LIST_004",
    "LIST_005",
    "LIST_006",
    "LIST_007",
    "find_task_no_responsible",
    "find_task_no_lead",
    "find_task_no_due",
    "find_task_overdue",
    "find_task_done_late",
    "find_task_done_no_evidence",
    "find_task_due_soon",
    "records_performance",
    "soon_until",
    "DEFAULT_SOON",
    "STANDING_DUE",
    "is_standing_due",
]

#: A ``due_note`` that is a deadline in its own right although not a date:
#: standing (长期坚持, 常态化), recurring (每季度, 每月, 按季度) or ongoing
#: (持续推进, 全年, 及时). Text such as 待定 or 无 is not one. The same regular
#: expression is in ``cypher/LIST-003.cypher`` (a whole-string match there too).
STANDING_DUE = (
    r"(?s)\s*(每|长期|持续|常态|经常|定期|随时|全年|全程|逐年|日常|动态|及时|年内|年度内|适时|视情|"
    r"根据|按(季|月|年|周|旬|半年|期|时|要求|上级|规定|计划|进度|程序|节点)).*"
)
_STANDING = re.compile(STANDING_DUE)


def is_standing_due(text: str | None) -> bool:
    """True when ``text`` is a recognised non-date deadline (``长期坚持``, ``每季度``).

    Examples
    --------
    >>> is_standing_due("长期坚持"), is_standing_due("每季度"), is_standing_due("待定")
    (True, True, False)
    """
    return bool(text) and _STANDING.fullmatch(str(text)) is not None


def _task_findings(
    G: nx.MultiDiGraph,
    ix: GraphIndex,
    rule: Rule,
    pred: Callable[[TaskRec], bool],
    extra: Callable[[TaskRec], dict[str, Any]] | None = None,
) -> list[Finding]:
    """The findings of ``rule`` about the tasks ``pred`` holds for; evidence ``[task, list]``."""
    out = []
    for t in ix.tasks:
        if pred(t):
            params: dict[str, Any] = {"list": name_of(G, t.list)}
            if extra:
                params.update(extra(t))
            out.append(rule.finding(t.id, name_of(G, t.id), [t.id, t.list], params, source_of(G, t.id)))
    return out


def find_task_no_responsible(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """LIST-001: tasks with no ``responsible`` person. Evidence: ``[task, list]``."""
    return _task_findings(G, ensure_index(G, index, as_of), LIST_001, lambda t: not t.responsible)


def find_task_no_lead(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """LIST-002: tasks with no ``lead`` unit (牵头单位). Evidence: ``[task, list]``."""
    return _task_findings(G, ensure_index(G, index, as_of), LIST_002, lambda t: not t.lead)


def find_task_no_due(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """LIST-003: tasks with no ``due`` date and no recognised non-date deadline
    (a ``due_note`` such as 长期坚持 or 每季度, see :func:`is_standing_due`).
    Evidence: ``[task, list]``."""
    return _task_findings(
        G,
        ensure_index(G, index, as_of),
        LIST_003,
        lambda t: not t.due and not is_standing_due(t.due_note),
    )


def find_task_overdue(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """LIST-004: tasks whose ``due`` is before ``as_of`` and whose status is not ``done``.

    A task due on ``as_of`` itself is not overdue; a done task never is.
    Evidence: ``[task, list]``.
    """
    day = norm_as_of(G, as_of)
    return _task_findings(
        G,
        ensure_index(G, index, as_of),
        LIST_004,
        lambda t: t.due is not None and t.due != "" and t.due < day and t.status != TaskStatus.DONE,
        lambda t: {"due": t.due, "as_of": day},
    )


def records_performance(G: nx.MultiDiGraph, ix: GraphIndex) -> bool:
    """Whether the register keeps a record of duties performed (履责纪实): any ``done_on``,
    evidence record or problem. LIST-006 and LIST-007 ask only such registers; a
    register of who bears what alone gets the findings it always had."""
    return bool(ix.problems) or ix.n_evidence > 0 or any(t.done_on for t in ix.tasks)


def find_task_done_late(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """LIST-005: tasks finished (``done_on``) after their ``due`` date (逾期完成). Evidence: ``[task, list]``."""
    return _task_findings(
        G,
        ensure_index(G, index, as_of),
        LIST_005,
        lambda t: t.due is not None and t.done_on is not None and t.due != "" and t.done_on > t.due,
        lambda t: {"due": t.due, "done_on": t.done_on},
    )


def find_task_done_no_evidence(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """LIST-006: tasks with ``status: done`` and no ``evidence`` (完成无佐证), in a register
    that records performance (:func:`records_performance`). Evidence: ``[task, list]``."""
    ix = ensure_index(G, index, as_of)
    if not records_performance(G, ix):
        return []
    return _task_findings(G, ix, LIST_006, lambda t: t.status == TaskStatus.DONE and not t.evidence)


DEFAULT_SOON = 30
"""Days ahead that LIST-007 and ``respchain due`` call "due soon"."""


def soon_until(as_of: str, soon: int | None) -> str:
    """The last day of the window of ``soon`` days after ``as_of``.

    >>> soon_until("2025-09-30", 30)
    '2025-10-30'
    """
    days = DEFAULT_SOON if soon is None else int(soon)
    return (_dt.date.fromisoformat(as_of) + _dt.timedelta(days=days)).isoformat()


def find_task_due_soon(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
    soon: int | None = None,
) -> list[Finding]:
    """LIST-007: tasks not done whose ``due`` falls on ``as_of`` or within the ``soon``
    days after it (即将到期; default 30), in a register that records performance.

    Evidence: ``[task, list]``.
    """
    day = norm_as_of(G, as_of)
    ix = ensure_index(G, index, day)
    if not records_performance(G, ix):
        return []
    last = soon_until(day, soon)
    d0 = _dt.date.fromisoformat(day)
    return _task_findings(
        G,
        ix,
        LIST_007,
        lambda t: t.status != TaskStatus.DONE and t.due is not None and t.due != "" and day <= t.due <= last,
        lambda t: {"due": t.due, "days": (_dt.date.fromisoformat(t.due or day) - d0).days},
    )


_LIST_BASIS = (
    Basis(
        MAIN_RULES_DOC,
        note_zh="责任清单、检查考核、责任追究",
        note_en="responsibility lists, inspection and assessment, accountability",
    ),
)

LIST_001 = Rule(
    id="LIST-001",
    family=Family.LISTS,
    severity=Severity.MEDIUM,
    responsibility=None,
    title_zh="任务无责任人",
    title_en="Task without a responsible person",
    definition_zh="清单任务没有责任人（responsible）。",
    definition_en="A task with no `responsible` person (subject: the task).",
    message_zh="任务\u201c{subject_name}\u201d（{list}）没有责任人",
    message_en="Task '{subject_name}' ({list}) has no responsible person",
    params=("list",),
    basis=_LIST_BASIS,
    fix_zh="为任务指定责任人（responsible）。",
    fix_en="Name the person responsible for the task.",
    evidence="[任务, 所属清单 / the task, its list]",
    evidence_order=EvidenceOrder.FIXED,
    func=find_task_no_responsible,
    shape="rcsh:LIST-001",
)

LIST_002 = Rule(
    id="LIST-002",
    family=Family.LISTS,
    severity=Severity.MEDIUM,
    responsibility=None,
    title_zh="任务无牵头单位",
    title_en="Task without a lead unit",
    definition_zh="清单任务没有牵头单位（lead）。",
    definition_en="A task with no `lead` unit (牵头单位).",
    message_zh="任务\u201c{subject_name}\u201d（{list}）没有牵头单位",
    message_en="Task '{subject_name}' ({list}) has no lead unit",
    params=("list",),
    basis=_LIST_BASIS,
    fix_zh="为任务指定牵头单位（lead）。",
    fix_en="Name the lead unit of the task.",
    evidence="[任务, 所属清单 / the task, its list]",
    evidence_order=EvidenceOrder.FIXED,
    func=find_task_no_lead,
    shape="rcsh:LIST-002",
)

LIST_003 = Rule(
    id="LIST-003",
    family=Family.LISTS,
    severity=Severity.LOW,
    responsibility=None,
    title_zh="任务无完成时限",
    title_en="Task without a due date",
    definition_zh="清单任务没有完成时限（due），也没有可识别的非日期时限（due_note，如长期坚持、每季度、持续推进）。",
    definition_en="A task with no `due` date and no recognised non-date deadline (`due_note` such as 长期坚持, "
    "每季度, 持续推进: standing, recurring or ongoing).",
    message_zh="任务\u201c{subject_name}\u201d（{list}）没有完成时限",
    message_en="Task '{subject_name}' ({list}) has no due date",
    params=("list",),
    basis=_LIST_BASIS,
    fix_zh="为任务写明完成时限（due），或写明长期性、周期性的时限（due_note，如长期坚持、每季度）。",
    fix_en="Give the task a due date, or a standing or recurring deadline (due_note: 长期坚持, 每季度).",
    evidence="[任务, 所属清单 / the task, its list]",
    evidence_order=EvidenceOrder.FIXED,
    func=find_task_no_due,
    shape="rcsh:LIST-003",
)

LIST_004 = Rule(
    id="LIST-004",
    family=Family.LISTS,
    severity=Severity.HIGH,
    responsibility=None,
    title_zh="任务逾期未完成",
    title_en="Task overdue",
    definition_zh="清单任务的完成时限早于基准日（as_of），且状态不是 done。到期日等于基准日不算逾期；已完成的任务永不逾期。",
    definition_en="A task whose `due` is before `as_of` and whose status is not done (due on as_of is not overdue; "
    "a done task never is).",
    message_zh="任务\u201c{subject_name}\u201d（{list}）应于{due}完成，截至{as_of}仍未完成",
    message_en="Task '{subject_name}' ({list}) was due on {due} and is still not done as of {as_of}",
    params=("list", "due", "as_of"),
    basis=_LIST_BASIS,
    fix_zh="督促完成并把状态改为已完成（status: done，写明完成日期 done_on）；确需延期的，经批准后把完成时限（due）改为新的日期，延期理由写入备注（note）。",
    fix_en="Get it done and mark it done (status: done, with done_on); if the deadline is extended with approval, "
    "set due to the new date and put the reason in note.",
    evidence="[任务, 所属清单 / the task, its list]",
    evidence_order=EvidenceOrder.FIXED,
    func=find_task_overdue,
    shape="rcsh:LIST-004",
)

LIST_005 = Rule(
    id="LIST-005",
    family=Family.LISTS,
    severity=Severity.MEDIUM,
    responsibility=None,
    title_zh="任务逾期完成",
    title_en="Task done late",
    definition_zh="清单任务的完成日期（done_on）晚于其完成时限（due）。",
    definition_en="A task whose `done_on` is after its `due` (逾期完成; subject: the task).",
    message_zh="任务\u201c{subject_name}\u201d（{list}）应于{due}完成，实际于{done_on}完成（逾期完成）",
    message_en="Task '{subject_name}' ({list}) was due on {due} and was done on {done_on} (done late)",
    params=("list", "due", "done_on"),
    basis=_LIST_BASIS,
    fix_zh="查明逾期原因并记录（due_note）；对屡次逾期的责任人、牵头单位督促提醒。",
    fix_en="Record why it was late (due_note); remind the person and unit that are late again and again.",
    evidence="[任务, 所属清单 / the task, its list]",
    evidence_order=EvidenceOrder.FIXED,
    func=find_task_done_late,
    shape="rcsh:LIST-005",
)

LIST_006 = Rule(
    id="LIST-006",
    family=Family.LISTS,
    severity=Severity.LOW,
    responsibility=None,
    title_zh="完成无佐证",
    title_en="Task done without evidence",
    definition_zh="记有履责纪实（完成日期、佐证材料或问题整改）的登记册中，状态为 done 却没有任何佐证材料（evidence）的任务。",
    definition_en="In a register that records performance (any done_on, evidence record or problem), a task with "
    "`status: done` and no `evidence` (完成无佐证).",
    message_zh="任务\u201c{subject_name}\u201d（{list}）已标为完成，但没有佐证材料",
    message_en="Task '{subject_name}' ({list}) is marked done but has no evidence",
    params=("list",),
    basis=_LIST_BASIS,
    fix_zh="补充证明任务完成的纪实材料（会议记录、文件、报告等），登记在 evidence 中并在任务上引用。",
    fix_en="Add the record that proves it was done (minutes, document, report) under evidence and cite it on the task.",
    evidence="[任务, 所属清单 / the task, its list]",
    evidence_order=EvidenceOrder.FIXED,
    func=find_task_done_no_evidence,
    shape="rcsh:LIST-006",
)

LIST_007 = Rule(
    id="LIST-007",
    family=Family.LISTS,
    severity=Severity.INFO,
    responsibility=None,
    title_zh="任务即将到期",
    title_en="Task due soon",
    definition_zh="记有履责纪实的登记册中，未完成、完成时限在基准日当天或其后 soon 天内（默认 30 天，--soon DAYS）的任务。",
    definition_en="In a register that records performance, a task not done whose `due` is on `as_of` or within "
    "the `soon` days after it (即将到期; default 30, set with --soon DAYS).",
    message_zh="任务\u201c{subject_name}\u201d（{list}）将于{due}到期（还有{days}天），尚未完成",
    message_en="Task '{subject_name}' ({list}) is due on {due} ({days} day(s) left) and not done yet",
    params=("list", "due", "days"),
    basis=_LIST_BASIS,
    fix_zh="提醒责任人和牵头单位按时完成；完成后记录完成日期和佐证材料。",
    fix_en="Remind the person and the lead unit; when done, record done_on and the evidence.",
    evidence="[任务, 所属清单 / the task, its list]",
    evidence_order=EvidenceOrder.FIXED,
    func=find_task_due_soon,
    options=("soon",),
)

RULES: tuple[Rule, ...] = (LIST_001, LIST_002, LIST_003, LIST_004, LIST_005, LIST_006, LIST_007)
"""The rules of this module, in the order of gaps.md."""
