"""The gap rule catalog: one :class:`Rule` per id of gaps.md, and :func:`make_finding`.

Every backend builds its findings through :func:`make_finding`: the in-memory
rules of this package, and any backend that runs the rules elsewhere (a Cypher
query returning the columns ``subject, subject_name, evidence, params, source``
per rule). Messages are formatted here and nowhere else, so the findings of two
backends are equal when their rows are.

Message parameters are plain values a query can return: names of related
nodes, dates, counts, codes. A list value is sorted and joined (``、`` in
Chinese, ``, `` in English). ``subject_name`` is always available to the
templates.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from respchain.graph.schema import vocab_label
from respchain.queries.finding import Finding, Severity

from respchain.exceptions import UnknownRuleError

__all__ = [
    "Rule",
    "Basis",
    "CATALOG",
    "PLANTABLE_RULES",
    "TIME_RULES",
    "FAMILIES",
    "DOCUMENTS",
    "make_finding",
    "resolve_rules",
]

# The documents of basis.md, by full title, with the articles verified there.
MAIN_RULES_DOC = "《党委（党组）落实全面从严治党主体责任规定》"
ACCOUNTABILITY_DOC = "《中国共产党问责条例》"
YIBASHOU_DOC = "《中共中央关于加强对\u201c一把手\u201d和领导班子监督的意见》"
RESP_SYSTEM_DOC = "《关于实行党风廉政建设责任制的规定》"
DISCIPLINE_RULES_DOC = "《中国共产党纪律检查机关监督执纪工作规则》"
DISPATCHED_RULES_DOC = "《纪检监察机关派驻机构工作规则》"
INSPECTION_RULES_DOC = "《中国共产党巡视工作条例》"

DOCUMENTS: dict[str, dict[str, Any]] = {
    MAIN_RULES_DOC: {"issued": "中共中央办公厅, 2020", "verified": ("第一条",)},
    ACCOUNTABILITY_DOC: {"issued": "中共中央, 2019 revision", "verified": ("第三条", "第四条", "第五条")},
    YIBASHOU_DOC: {"issued": "中共中央, 2021", "verified": ()},
    RESP_SYSTEM_DOC: {"issued": "2010", "verified": ("第六条",)},
    DISCIPLINE_RULES_DOC: {"issued": "中共中央办公厅, 2019", "verified": ("第十四条",)},
    DISPATCHED_RULES_DOC: {"issued": "中共中央办公厅, 2022", "verified": ("第十四条",)},
    # The inspected organization reports its rectification "于2个月内" of the feedback;
    # the article number differs between the texts, so none is cited.
    INSPECTION_RULES_DOC: {"issued": "中共中央", "verified": ()},
}

FAMILIES = ("main", "first", "dual", "supervision", "lists", "chain", "events", "rect")


@dataclass(frozen=True)
class Basis:
    """A document a rule rests on, with the (verified) articles cited, if any."""

    document: str
    articles: tuple[str, ...] = ()
    note_zh: str = ""
    note_en: str = ""

    def __str__(self) -> str:
        return self.document + "".join(self.articles[:1]) + "".join("、" + a for a in self.articles[1:])


@dataclass(frozen=True)
class Rule:
    """One gap rule of the catalog.

    Attributes
    ----------
    id, family, severity : str
    title_zh, title_en : str
    definition_zh, definition_en : str
        What the rule finds, exactly (gaps.md).
    message_zh, message_en : str
        ``str.format`` templates; ``{subject_name}`` and the rule's ``params``.
    params : tuple of str
        The message parameters a backend must return.
    basis : tuple of Basis
    fix_zh, fix_en : str
        What the keeper of the register (or the organization) should do.
    evidence : str
        The evidence ids, in order, as every backend must give them.
    function : str
        ``module:function`` of the in-memory implementation (see :attr:`func`).
    options : tuple of str
        Keyword options of :func:`~respchain.queries.find_gaps` the rule takes
        (``soon`` for LIST-007).
    when_none : tuple of (str, str, str)
        ``(param, message_zh, message_en)``: the templates used instead when
        ``param`` is 0 or empty (SUP-001 of an organization that leads no unit).
    vocab_params : tuple of str
        The parameters whose values are vocabulary values (``party_group``):
        written as the label of the message's language (``党组``).
    """

    id: str
    family: str
    severity: str
    title_zh: str
    title_en: str
    definition_zh: str
    definition_en: str
    message_zh: str
    message_en: str
    params: tuple[str, ...]
    basis: tuple[Basis, ...]
    fix_zh: str
    fix_en: str
    evidence: str
    function: str
    options: tuple[str, ...] = ()
    when_none: tuple[str, str, str] | None = None
    vocab_params: tuple[str, ...] = ()

    @property
    def func(self) -> Callable[..., list[Finding]]:
        """The in-memory implementation ``find_xxx(G, *, index, as_of, period)``."""
        mod, name = self.function.split(":")
        return getattr(importlib.import_module(f"respchain.queries.{mod}"), name)

    @property
    def severity_enum(self) -> Severity:
        return Severity(self.severity)


_MAIN_BASIS = (
    Basis(
        MAIN_RULES_DOC,
        note_zh="党委（党组）承担全面从严治党主体责任",
        note_en="party committees and groups bear the main responsibility",
    ),
    Basis(
        ACCOUNTABILITY_DOC,
        ("第四条",),
        "党委（党组）承担主体责任",
        "committees and groups bear the main responsibility",
    ),
)
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
_LIST_BASIS = (
    Basis(
        MAIN_RULES_DOC,
        note_zh="责任清单、检查考核、责任追究",
        note_en="responsibility lists, inspection and assessment, accountability",
    ),
)

_RECT_BASIS = (
    Basis(
        MAIN_RULES_DOC,
        note_zh="党委（党组）承担整改主体责任",
        note_en="the party organization bears the duty to carry out rectification",
    ),
)

_RULES: list[Rule] = [
    Rule(
        id="MAIN-001",
        family="main",
        severity="high",
        title_zh="党组织未声明主体责任",
        title_en="Party organization without a main responsibility",
        definition_zh="党组织（党委、党组、党支部）既没有登记主体责任，也没有自己的主体责任清单。",
        definition_en="A party organization (committee, group or branch) with no declared `main` responsibility: "
        "none under responsibilities and no `main` list it owns.",
        message_zh="{subject_name}未声明主体责任（既无主体责任条目，也无主体责任清单）",
        message_en="{subject_name} declares no main responsibility (no main responsibility entry and no main list)",
        params=(),
        basis=_MAIN_BASIS,
        fix_zh="为该党组织登记主体责任（responsibilities 中 type: main），或建立其主体责任清单（lists 中 kind: main）。",
        fix_en="Declare a main responsibility for it (type: main under responsibilities) or give it a main list.",
        evidence="[组织 / the organization]",
        function="main:find_main_missing",
    ),
    Rule(
        id="FIRST-001",
        family="first",
        severity="high",
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
        function="first:find_head_vacant",
    ),
    Rule(
        id="FIRST-002",
        family="first",
        severity="medium",
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
        function="first:find_head_without_first",
    ),
    Rule(
        id="DUAL-001",
        family="dual",
        severity="medium",
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
        function="dual:find_member_without_dual",
    ),
    Rule(
        id="DUAL-002",
        family="dual",
        severity="medium",
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
        function="dual:find_unit_unassigned",
    ),
    Rule(
        id="SUP-001",
        family="supervision",
        severity="high",
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
        function="supervision:find_unsupervised",
    ),
    Rule(
        id="SUP-002",
        family="supervision",
        severity="medium",
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
        function="supervision:find_supervisory_misplaced",
    ),
    Rule(
        id="SUP-003",
        family="supervision",
        severity="medium",
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
        function="supervision:find_dispatched_conflict",
    ),
    Rule(
        id="FUNC-001",
        family="main",
        severity="medium",
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
        function="main:find_functional_missing",
    ),
    Rule(
        id="LIST-001",
        family="lists",
        severity="medium",
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
        function="lists:find_task_no_responsible",
    ),
    Rule(
        id="LIST-002",
        family="lists",
        severity="medium",
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
        function="lists:find_task_no_lead",
    ),
    Rule(
        id="LIST-003",
        family="lists",
        severity="low",
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
        function="lists:find_task_no_due",
    ),
    Rule(
        id="LIST-004",
        family="lists",
        severity="high",
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
        function="lists:find_task_overdue",
    ),
    Rule(
        id="LIST-005",
        family="lists",
        severity="medium",
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
        function="lists:find_task_done_late",
    ),
    Rule(
        id="LIST-006",
        family="lists",
        severity="low",
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
        function="lists:find_task_done_no_evidence",
    ),
    Rule(
        id="LIST-007",
        family="lists",
        severity="info",
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
        function="lists:find_task_due_soon",
        options=("soon",),
    ),
    Rule(
        id="CHAIN-001",
        family="chain",
        severity="info",
        title_zh="层层传导中断",
        title_en="Transmission broken above",
        definition_zh="党组织的某个上级（沿 parent，任意层级）存在 MAIN-001 或 FIRST-001 缺口：层层传导在其上方中断。",
        definition_en="A party organization with an ancestor (along `parent`, any depth) that has MAIN-001 or FIRST-001: "
        "the transmission 层层传导 is broken above it.",
        message_zh="{subject_name}的上级{broken}存在{reasons}缺口（向上{depth}级），层层传导在其上方中断",
        message_en="{broken}, {depth} level(s) above {subject_name}, has {reasons}: the transmission is broken above it",
        params=("broken", "reasons", "depth"),
        basis=(
            Basis(
                MAIN_RULES_DOC,
                note_zh="主体责任逐级落实",
                note_en="the main responsibility carried down level by level",
            ),
            Basis(
                YIBASHOU_DOC,
                note_zh="责任链条：主体责任、第一责任人职责、一岗双责、监督专责",
                note_en="the four-part chain of duties",
            ),
        ),
        fix_zh="先补上上级组织的缺口（见其 MAIN-001 / FIRST-001）。",
        fix_en="Close the gap of the ancestor first (its MAIN-001 / FIRST-001).",
        evidence="[组织, 父组织, ..., 最近的中断上级（沿 parent 的路径）/ the path of ids from the subject up to the nearest broken ancestor]",
        function="chain:find_broken_above",
    ),
    Rule(
        id="ACC-001",
        family="events",
        severity="low",
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
        function="events:find_accountability_no_followup",
    ),
    Rule(
        id="TALK-001",
        family="events",
        severity="low",
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
        function="events:find_team_no_talk",
    ),
    Rule(
        id="ECO-001",
        family="events",
        severity="medium",
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
        function="events:find_poor_ecology_no_talk",
    ),
    Rule(
        id="CONS-001",
        family="events",
        severity="low",
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
        function="events:find_no_consultation",
    ),
    Rule(
        id="RECT-001",
        family="rect",
        severity="high",
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
        function="rect:find_problem_no_measure",
    ),
    Rule(
        id="RECT-002",
        family="rect",
        severity="high",
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
        function="rect:find_report_overdue",
    ),
    Rule(
        id="RECT-003",
        family="rect",
        severity="high",
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
        function="rect:find_measure_overdue",
    ),
    Rule(
        id="RECT-004",
        family="rect",
        severity="medium",
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
        function="rect:find_closed_not_done",
    ),
    Rule(
        id="RECT-005",
        family="rect",
        severity="medium",
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
        function="rect:find_measure_no_responsible",
    ),
]

CATALOG: dict[str, Rule] = {r.id: r for r in _RULES}
"""Rule id -> :class:`Rule`, in the order of gaps.md."""

TIME_RULES: tuple[str, ...] = ("LIST-005", "LIST-006", "LIST-007", "RECT-001", "RECT-002", "RECT-003", "RECT-004", "RECT-005")
"""The rules of duties performed over time (tenure, completion, evidence, rectification)."""

PLANTABLE_RULES: tuple[str, ...] = tuple(r.id for r in _RULES if r.family != "chain" and r.id not in TIME_RULES)
"""The rule ids a generator plants directly, in catalog order.

A chain gap (CHAIN-001) is never planted on its own: it follows below every
planted MAIN-001 or FIRST-001 gap of a party organization.
"""


def _fmt_value(v: Any, lang: str) -> str:
    if isinstance(v, (list, tuple, set, frozenset)):
        items = sorted(str(x) for x in v)
        return ("、" if lang == "zh" else ", ").join(items)
    return "" if v is None else str(v)


def make_finding(
    rule_id: str,
    subject: str,
    subject_name: str | None,
    evidence: Iterable[str],
    params: Mapping[str, Any] | None = None,
    source: str | None = None,
) -> Finding:
    """Build the :class:`Finding` of a rule: the one place findings are made.

    Parameters
    ----------
    rule_id : str
        A key of :data:`CATALOG`.
    subject : str
        The id of the node the finding is about.
    subject_name : str or None
        Its name (the id when missing).
    evidence : iterable of str
        The ids that show the gap, in the order the rule's ``evidence`` states.
    params : mapping, optional
        The message parameters of the rule; list values are sorted and joined.
    source : str, optional
        The source id of the subject's record.

    Returns
    -------
    Finding

    Examples
    --------
    >>> f = make_finding("MAIN-001", "street", "中共示例街道工作委员会", ["street"], {}, None)
    >>> f.severity, f.evidence
    ('high', ('street',))
    >>> f.message_en
    '中共示例街道工作委员会 declares no main responsibility (no main responsibility entry and no main list)'
    """
    rule = CATALOG[rule_id]
    name = str(subject_name) if subject_name else str(subject)
    zh: dict[str, str] = {}
    en: dict[str, str] = {}
    for k, v in (params or {}).items():
        if k in rule.vocab_params:
            items = v if isinstance(v, (list, tuple, set, frozenset)) else [v]
            zh[k] = _fmt_value([vocab_label(x, "zh") for x in items if x is not None], "zh")
            en[k] = _fmt_value([vocab_label(x, "en") for x in items if x is not None], "en")
        elif isinstance(v, (list, tuple, set, frozenset)):
            zh[k], en[k] = _fmt_value(v, "zh"), _fmt_value(v, "en")
        else:
            zh[k] = en[k] = "" if v is None else str(v)
    tmpl_zh, tmpl_en = rule.message_zh, rule.message_en
    if rule.when_none and (params or {}).get(rule.when_none[0]) in (0, "0", None, "", [], ()):
        tmpl_zh, tmpl_en = rule.when_none[1], rule.when_none[2]
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        subject=str(subject),
        subject_name=name,
        message_zh=tmpl_zh.format(subject_name=name, **zh),
        message_en=tmpl_en.format(subject_name=name, **en),
        evidence=tuple(map(str, evidence)),
        source=source or None,
    )


def resolve_rules(
    rules: Iterable[str] | str | None = None, skip: Iterable[str] | str | None = None
) -> list[str]:
    """The rule ids selected by ``rules`` minus ``skip``, in catalog order.

    Each entry is a rule id (``LIST-004``, case-insensitive) or a family name
    (``lists``); a string may hold several, separated by commas.

    Raises
    ------
    UnknownRuleError
        Naming the unknown entries and listing the valid ids and families.
    """

    def expand(spec: Iterable[str] | str | None) -> list[str] | None:
        if spec is None:
            return None
        items = [spec] if isinstance(spec, str) else list(spec)
        parts = [p.strip() for item in items for p in str(item).split(",") if p.strip()]
        out: list[str] = []
        bad: list[str] = []
        for p in parts:
            if p.upper() in CATALOG:
                out.append(p.upper())
            elif p.lower() in FAMILIES:
                out.extend(r.id for r in _RULES if r.family == p.lower())
            else:
                bad.append(p)
        if bad:
            raise UnknownRuleError(
                f"未知规则 / unknown rule(s): {', '.join(bad)}\n"
                f"  可用规则 / valid rules: {', '.join(CATALOG)}\n"
                f"  可用类别 / valid families: {', '.join(FAMILIES)}"
            )
        return out

    chosen = expand(rules)
    skipped = set(expand(skip) or ())
    base = list(CATALOG) if chosen is None else [r for r in CATALOG if r in set(chosen)]
    return [r for r in base if r not in skipped]
