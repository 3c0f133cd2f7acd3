"""The schema of the responsibility graph: node kinds, relationship types and
the vocabularies of the register format.

Every backend (networkx, Neo4j, RDF) and every loader uses these enumerations;
no label, relationship type or vocabulary value is written anywhere else.

The graph
---------
Nodes are keyed by id. Record ids come from the register; the nodes the model
adds itself have prefixed ids (``type:main``, ``orgkind:party_group``,
``post:<person>:<n>``, ``resp:<n>``, ``fact:<n>``). Every node has the
attribute ``kind`` (a :class:`NodeKind` value) and ``name``; records keep their
provenance in ``source``, ``quote``, ``span``, ``file`` and ``line``. Dates are
ISO strings (``YYYY-MM-DD``), so that they compare correctly as strings and
serialize everywhere.

Relationships (``MultiDiGraph`` edges, keyed by their :class:`RelType` value,
with the attribute ``type``):

====================  =====================  ===================  ==========================
type                  from                   to                   meaning
====================  =====================  ===================  ==========================
SUB_ORGANIZATION_OF   Organization           Organization         ``parent`` (leadership line)
LEADS                 Organization           Organization         ``leads`` (党组 -> 局)
HAS_KIND              Organization           OrganizationKind     the organization's kind
HOLDS                 Person                 Post                 a post the person holds
POST_IN               Post                   Organization         the organization of the post
IN_CHARGE_OF          Post                   Organization         ``areas`` that are org ids (分管)
BEARS                 Organization|Person    Responsibility       the bearer of a duty
OF_TYPE               Responsibility|List    ResponsibilityType   the type of a duty or list
COVERS                Responsibility         Organization         ``over`` entries that are org ids
OWNS                  Organization           List                 the owner of a list
HAS_TASK              List                   Task                 a task of the list
RESPONSIBLE           Task                   Person               责任人
LEAD                  Task                   Organization         牵头单位
ASSIST                Task                   Organization         协助部门
IMPLEMENTS            Task                   ResponsibilityType   the type the task serves
BY                    Event                  Person               who held a talk
WITH                  Event                  Person               who was talked with
TARGET                Event                  Person               who was held accountable
FOR                   Event                  ResponsibilityType   the duty an accountability concerns
PARTY                 Event                  Organization         a party to a consultation
ABOUT                 Event|Fact             Organization|Person  what a rating, assessment,
                                                                  meeting or fact is about
PARTICIPANT           Event                  Person|Organization  ``participants`` of a meeting
ADOPTED_BY            Mechanism              Organization         who adopted a mechanism
DERIVED_FROM          any record             Source               provenance (``source``)
DISCUSSES             Source                 ResponsibilityType   ``topics`` of a source
BEARS_BY_DEFAULT      OrganizationKind       ResponsibilityType   what a kind bears by default
HAS_EVIDENCE          Task|Event|Problem|    Evidence             the records that prove it (纪实)
                      Measure
MUST_RECTIFY          Problem                Organization         who must rectify the problem
HAS_MEASURE           Problem                Measure              a rectification measure
====================  =====================  ===================  ==========================

A Measure has ``RESPONSIBLE`` (Person) and ``LEAD`` (Organization) edges
like a Task. Posts keep ``since`` and ``until`` (ISO dates, either may be
missing); a post is *held at* a date d when since <= d <= until. Tasks and
measures keep ``done_on``; problems ``found``, ``due``, ``reported_on`` and
``closed_on``.

Free-text entries of ``over``, ``areas`` and ``domains`` (those that are not
ids) stay on the node as lists: ``over_text`` on a Responsibility, ``areas_text``
on a Post, ``domains`` on an Organization.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

__all__ = [
    "Lang",
    "NodeKind",
    "RelType",
    "OrgKind",
    "ResponsibilityKind",
    "Role",
    "Level",
    "EventKind",
    "TalkKind",
    "Rating",
    "ListKind",
    "TaskStatus",
    "EvidenceKind",
    "ProblemOrigin",
    "EVIDENCE_KIND_NAMES",
    "PROBLEM_ORIGIN_NAMES",
    "held_at",
    "PARTY_ORG_KINDS",
    "LEADING_ORG_KINDS",
    "SUPERVISORY_ORG_KINDS",
    "TEAM_ROLES",
    "ORG_KIND_INFO",
    "RESPONSIBILITY_INFO",
    "ROLE_INFO",
    "type_node_id",
    "orgkind_node_id",
    "RegisterOrigin",
    "VOCAB_LABELS",
    "vocab_label",
    "metric_label",
    "METRIC_WORDS",
]


Lang = Literal["zh", "en"]
"""The two languages of every output: Chinese (the default) and English."""


class _Vocab(StrEnum):
    """A string enumeration whose members compare equal to their values."""

    @classmethod
    def values(cls) -> list[str]:
        return [m.value for m in cls]


class NodeKind(_Vocab):
    """Kinds of node; also the Neo4j labels and the RDF classes' local names."""

    ORGANIZATION = "Organization"
    ORGANIZATION_KIND = "OrganizationKind"
    PERSON = "Person"
    POST = "Post"
    RESPONSIBILITY_TYPE = "ResponsibilityType"
    RESPONSIBILITY = "Responsibility"
    LIST = "List"
    TASK = "Task"
    EVENT = "Event"
    MECHANISM = "Mechanism"
    SOURCE = "Source"
    FACT = "Fact"
    EVIDENCE = "Evidence"
    PROBLEM = "Problem"
    MEASURE = "Measure"
    # The graph's own attributes (as_of, period, title, files) in a store that
    # has no graph-level properties (one node in Neo4j); never in a networkx graph.
    GRAPH = "Graph"


class RelType(_Vocab):
    """Relationship types; also the Neo4j relationship types."""

    SUB_ORGANIZATION_OF = "SUB_ORGANIZATION_OF"
    LEADS = "LEADS"
    HAS_KIND = "HAS_KIND"
    HOLDS = "HOLDS"
    POST_IN = "POST_IN"
    IN_CHARGE_OF = "IN_CHARGE_OF"
    BEARS = "BEARS"
    OF_TYPE = "OF_TYPE"
    COVERS = "COVERS"
    OWNS = "OWNS"
    HAS_TASK = "HAS_TASK"
    RESPONSIBLE = "RESPONSIBLE"
    LEAD = "LEAD"
    ASSIST = "ASSIST"
    IMPLEMENTS = "IMPLEMENTS"
    BY = "BY"
    WITH = "WITH"
    TARGET = "TARGET"
    FOR = "FOR"
    PARTY = "PARTY"
    ABOUT = "ABOUT"
    PARTICIPANT = "PARTICIPANT"
    ADOPTED_BY = "ADOPTED_BY"
    DERIVED_FROM = "DERIVED_FROM"
    DISCUSSES = "DISCUSSES"
    BEARS_BY_DEFAULT = "BEARS_BY_DEFAULT"
    HAS_EVIDENCE = "HAS_EVIDENCE"
    MUST_RECTIFY = "MUST_RECTIFY"
    HAS_MEASURE = "HAS_MEASURE"


class OrgKind(_Vocab):
    PARTY_COMMITTEE = "party_committee"
    PARTY_GROUP = "party_group"
    PARTY_BRANCH = "party_branch"
    DISCIPLINE_COMMISSION = "discipline_commission"
    DISPATCHED_GROUP = "dispatched_group"
    FUNCTIONAL_DEPARTMENT = "functional_department"
    UNIT = "unit"


class ResponsibilityKind(_Vocab):
    MAIN = "main"
    SUPERVISORY = "supervisory"
    FIRST_RESPONSIBLE = "first_responsible"
    ONE_POST_TWO_DUTIES = "one_post_two_duties"
    FUNCTIONAL_REGULATORY = "functional_regulatory"


class Role(_Vocab):
    HEAD = "head"
    DEPUTY = "deputy"
    MEMBER = "member"
    DISCIPLINE_SECRETARY = "discipline_secretary"


class Level(_Vocab):
    CENTRAL = "central"
    PROVINCIAL = "provincial"
    MUNICIPAL = "municipal"
    COUNTY = "county"
    TOWNSHIP = "township"
    GRASSROOTS = "grassroots"


class EventKind(_Vocab):
    TALK = "talk"
    ACCOUNTABILITY = "accountability"
    CONSULTATION = "consultation"
    ECOLOGY_RATING = "ecology_rating"
    ASSESSMENT = "assessment"
    MEETING = "meeting"


class TalkKind(_Vocab):
    CONVEYING = "conveying"
    THEMATIC = "thematic"
    WARNING = "warning"
    ENCOURAGEMENT = "encouragement"
    COLLECTIVE = "collective"
    APPOINTMENT = "appointment"


class Rating(_Vocab):
    GOOD = "good"
    FAIR = "fair"
    AVERAGE = "average"
    POOR = "poor"


class ListKind(_Vocab):
    MAIN = "main"
    SUPERVISORY = "supervisory"
    OTHER = "other"


class TaskStatus(_Vocab):
    OPEN = "open"
    DONE = "done"


class EvidenceKind(_Vocab):
    """Kinds of evidence record (纪实)."""

    MINUTES = "minutes"
    PHOTO = "photo"
    TALK_RECORD = "talk_record"
    DOCUMENT = "document"
    REPORT = "report"
    OTHER = "other"


class ProblemOrigin(_Vocab):
    """Where a problem to rectify was found."""

    INSPECTION = "inspection"
    PATROL = "patrol"
    SUPERVISION = "supervision"
    AUDIT = "audit"
    PETITION = "petition"
    OTHER = "other"


EVIDENCE_KIND_NAMES = {
    "minutes": "会议记录",
    "photo": "照片",
    "talk_record": "谈话记录",
    "document": "文件",
    "report": "报告",
    "other": "其他",
}
PROBLEM_ORIGIN_NAMES = {
    "inspection": "巡视",
    "patrol": "巡察",
    "supervision": "监督检查",
    "audit": "审计",
    "petition": "信访举报",
    "other": "其他",
}


def held_at(since: str | None, until: str | None, day: str) -> bool:
    """True when a post with these dates is held at ``day`` (ISO dates; either end may be open)."""
    return (not since or since <= day) and (not until or day <= until)


PARTY_ORG_KINDS = frozenset({OrgKind.PARTY_COMMITTEE, OrgKind.PARTY_GROUP, OrgKind.PARTY_BRANCH})
LEADING_ORG_KINDS = frozenset({OrgKind.PARTY_COMMITTEE, OrgKind.PARTY_GROUP})
SUPERVISORY_ORG_KINDS = frozenset({OrgKind.DISCIPLINE_COMMISSION, OrgKind.DISPATCHED_GROUP})
TEAM_ROLES = frozenset({Role.HEAD, Role.DEPUTY, Role.MEMBER})


def type_node_id(kind: str) -> str:
    """Node id of a responsibility type (``type:main``)."""
    return f"type:{kind}"


def orgkind_node_id(kind: str) -> str:
    """Node id of an organization kind (``orgkind:party_group``)."""
    return f"orgkind:{kind}"


# Labels and definitions: the graph explains itself. ``bears`` lists the
# responsibility types a kind bears by default (register.md, "Organization kinds").
ORG_KIND_INFO: dict[str, dict[str, Any]] = {
    "party_committee": {
        "zh": "党委",
        "en": "Party committee",
        "def_zh": "地方和基层的党的领导机关（省委、市委、县委、乡镇党委、街道党工委），对本地区全面从严治党负主体责任。",
        "def_en": "The leading party body of an area (province, city, county, township, street); bears the main responsibility for its area.",
        "bears": ["main"],
    },
    "party_group": {
        "zh": "党组",
        "en": "Party group",
        "def_zh": "在国家机关、人民团体、事业单位等领导机关中设立的党的领导机构，对本单位全面从严治党负主体责任。",
        "def_en": "The leading party body inside a government department or institution; bears the main responsibility for its unit.",
        "bears": ["main"],
    },
    "party_branch": {
        "zh": "党支部",
        "en": "Party branch",
        "def_zh": "党的基层组织（党支部、党总支、基层党委），对本组织党员的教育管理监督负主体责任。",
        "def_en": "A grassroots party organization; bears the main responsibility for its members.",
        "bears": ["main"],
    },
    "discipline_commission": {
        "zh": "纪委监委",
        "en": "Discipline inspection and supervision commission",
        "def_zh": "党的纪律检查委员会与监察委员会合署办公，履行监督专责，协助同级党委推进全面从严治党。",
        "def_en": "The discipline commission (merged with the supervisory commission); bears the supervisory responsibility and assists the same-level committee.",
        "bears": ["supervisory"],
    },
    "dispatched_group": {
        "zh": "派驻纪检监察组",
        "en": "Dispatched discipline inspection group",
        "def_zh": "纪委监委派驻到党和国家机关的纪检监察机构，对驻在单位履行监督责任，独立于驻在单位。",
        "def_en": "A group the discipline commission stations at a unit; supervises the unit it is stationed at, independently of it.",
        "bears": ["supervisory"],
    },
    "functional_department": {
        "zh": "职能部门",
        "en": "Functional department",
        "def_zh": "组织部、宣传部、审计局、财政局等按职能承担监管责任的部门，对其所管领域负职能部门监管责任。",
        "def_en": "A department such as organization, propaganda, audit or finance; bears the functional regulatory responsibility in its domains.",
        "bears": ["functional_regulatory"],
    },
    "unit": {
        "zh": "单位",
        "en": "Unit",
        "def_zh": "由党组领导的行政机关或事业单位，本身不承担责任，由领导它的党组承担。",
        "def_en": "An administrative body led by a party group; it bears nothing on its own, its party group does.",
        "bears": [],
    },
}

RESPONSIBILITY_INFO: dict[str, dict[str, Any]] = {
    "main": {
        "zh": "主体责任",
        "en": "Main responsibility",
        "def_zh": "党委（党组）对本地区本单位全面从严治党负主体责任，是管党治党的政治责任。",
        "def_en": "The party committee or party group bears the main (primary) responsibility for strict party governance in its area or unit.",
        "bearers": "party_committee, party_group, party_branch",
    },
    "supervisory": {
        "zh": "监督责任",
        "en": "Supervisory responsibility",
        "def_zh": "纪委监委及其派驻机构履行监督专责，协助党委推进全面从严治党，对所辖地区和部门的管党治党情况开展监督检查。",
        "def_en": "Discipline commissions and their dispatched groups carry the dedicated duty of supervision and assist the committee.",
        "bearers": "discipline_commission, dispatched_group",
    },
    "first_responsible": {
        "zh": "第一责任人责任",
        "en": "First-responsible-person responsibility",
        "def_zh": "党委（党组）书记是本地区本单位全面从严治党第一责任人，重要工作亲自部署、重大问题亲自过问。",
        "def_en": "The secretary (the 'number one', 一把手) is the first person responsible for strict party governance in the area or unit.",
        "bearers": "the head (一把手) of a party organization",
    },
    "one_post_two_duties": {
        "zh": "一岗双责",
        "en": "One post, two duties",
        "def_zh": "领导班子其他成员既抓分管业务工作，又抓分管领域的全面从严治党工作。",
        "def_en": "Every other member of the leading team answers both for the work and for strict party governance in the areas they are in charge of.",
        "bearers": "deputies and members of the leading team, over their areas",
    },
    "functional_regulatory": {
        "zh": "职能部门监管责任",
        "en": "Functional regulatory responsibility",
        "def_zh": "职能部门在各自职责范围内承担全面从严治党相关的监管责任（如组织部门对干部选拔任用）。",
        "def_en": "Functional departments regulate the fields of strict party governance within their remit (e.g. the organization department over cadre selection).",
        "bearers": "functional_department",
    },
}

ROLE_INFO: dict[str, dict[str, Any]] = {
    "head": {"zh": "一把手（书记）", "en": "Head (secretary, 'number one')"},
    "deputy": {"zh": "副书记", "en": "Deputy secretary"},
    "member": {"zh": "班子成员", "en": "Member of the leading team"},
    "discipline_secretary": {"zh": "纪委书记、纪检组长", "en": "Discipline secretary"},
}


class RegisterOrigin(_Vocab):
    """Where a register comes from (``meta.origin``).

    ``records``: kept from the organizations' own records (the default);
    ``article``: read from articles (by hand or by extraction), so that what a
    register lacks may only be what the article does not say.
    """

    RECORDS = "records"
    ARTICLE = "article"


# Chinese and English labels of every vocabulary value a user sees, by
# vocabulary: the one place outputs (reports, ledgers, stats, pages) take them
# from. Organization kinds, responsibility types and roles come from the
# *_INFO tables above.
VOCAB_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "node_kind": {
        "Organization": ("组织", "Organization"),
        "OrganizationKind": ("组织类型", "Organization kind"),
        "Person": ("人员", "Person"),
        "Post": ("职务", "Post"),
        "ResponsibilityType": ("责任类型", "Responsibility type"),
        "Responsibility": ("责任", "Responsibility"),
        "List": ("责任清单", "Responsibility list"),
        "Task": ("任务", "Task"),
        "Event": ("事件", "Event"),
        "Mechanism": ("工作机制", "Mechanism"),
        "Source": ("来源", "Source"),
        "Fact": ("数据", "Reported figure"),
        "Evidence": ("纪实材料", "Evidence"),
        "Problem": ("问题", "Problem"),
        "Measure": ("整改措施", "Measure"),
        "Graph": ("图", "Graph"),
    },
    "level": {
        "central": ("中央", "central"),
        "provincial": ("省级", "provincial"),
        "municipal": ("市级", "municipal"),
        "county": ("县级", "county"),
        "township": ("乡镇（街道）", "township"),
        "grassroots": ("基层", "grassroots"),
    },
    "event_kind": {
        "talk": ("谈心谈话", "talk"),
        "accountability": ("问责", "accountability"),
        "consultation": ("会商", "consultation"),
        "ecology_rating": ("政治生态研判", "political ecology rating"),
        "assessment": ("考核", "assessment"),
        "meeting": ("会议", "meeting"),
    },
    "talk_kind": {
        "conveying": ("传导压力谈话", "conveying talk"),
        "thematic": ("专题谈话", "thematic talk"),
        "warning": ("警示谈话", "warning talk"),
        "encouragement": ("问责激励谈话", "encouragement talk"),
        "collective": ("集体廉政谈话", "collective talk"),
        "appointment": ("任前廉政谈话", "pre-appointment integrity talk"),
    },
    "rating": {
        "good": ("好", "good"),
        "fair": ("较好", "fair"),
        "average": ("一般", "average"),
        "poor": ("较差", "poor"),
    },
    "list_kind": {
        "main": ("主体责任清单", "main responsibility list"),
        "supervisory": ("监督责任清单", "supervisory responsibility list"),
        "other": ("其他清单", "other list"),
    },
    "task_status": {"open": ("未完成", "open"), "done": ("已完成", "done")},
    "severity": {
        "high": ("高", "High"),
        "medium": ("中", "Medium"),
        "low": ("低", "Low"),
        "info": ("提示", "Info"),
    },
    "origin": {
        "records": ("工作记录", "records"),
        "article": ("文章整理", "from an article"),
    },
    "org_kind": {k: (v["zh"], v["en"]) for k, v in ORG_KIND_INFO.items()},
    "responsibility_type": {k: (v["zh"], v["en"]) for k, v in RESPONSIBILITY_INFO.items()},
    "role": {k: (v["zh"], v["en"]) for k, v in ROLE_INFO.items()},
}
VOCAB_LABELS["evidence_kind"] = {k: (v, k.replace("_", " ")) for k, v in EVIDENCE_KIND_NAMES.items()}
VOCAB_LABELS["problem_origin"] = {k: (v, k) for k, v in PROBLEM_ORIGIN_NAMES.items()}


def vocab_label(value: object, lang: Lang = "zh", vocab: str | None = None) -> str:
    """The label of a vocabulary value in ``lang`` (``zh`` or ``en``).

    Parameters
    ----------
    value : str
        A value of one of the vocabularies (``party_group``, ``municipal``, ``high``).
    lang : str
        ``zh`` (default) or ``en``.
    vocab : str, optional
        The vocabulary (a key of :data:`VOCAB_LABELS`); without it the first
        vocabulary that has the value decides.

    Returns
    -------
    str
        The label; the value itself when no vocabulary knows it.

    Examples
    --------
    >>> vocab_label("party_group"), vocab_label("party_group", "en")
    ('党组', 'Party group')
    >>> vocab_label("Task", vocab="node_kind")
    '任务'
    """
    if value is None:
        return ""
    key = str(value)
    tables = [VOCAB_LABELS[vocab]] if vocab else VOCAB_LABELS.values()
    for table in tables:
        if key in table:
            return table[key][1 if lang == "en" else 0]
    return key


# The words of a fact's ``metric`` (``task.count``, ``accountability.persons.heads``):
# the thing counted, what is counted of it, then qualifiers.
METRIC_WORDS: dict[str, tuple[str, str]] = {
    "unit": ("单位", "units"),
    "discipline_body": ("纪检监察机构", "discipline bodies"),
    "list": ("清单", "lists"),
    "task": ("任务", "tasks"),
    "measure": ("措施", "measures"),
    "aspect": ("方面", "aspects"),
    "department": ("部门", "departments"),
    "talk_kind": ("谈话类型", "kinds of talk"),
    "problem": ("问题", "problems"),
    "party_org": ("党组织", "party organizations"),
    "case": ("案件", "cases"),
    "clue": ("问题线索", "leads"),
    "proposal": ("建议", "proposals"),
    "consultation": ("会商", "consultations"),
    "township": ("乡镇（街道）", "townships"),
    "village": ("村", "villages"),
    "cadre": ("干部", "cadres"),
    "team": ("领导班子", "leading teams"),
    "mechanism": ("机制", "mechanisms"),
    "rule": ("制度", "rules"),
    "accountability": ("问责", "accountability"),
    "talk": ("谈话", "talks"),
    "discipline": ("处分", "sanctions"),
    "report": ("通报", "reports"),
    "investigation": ("查处", "investigations"),
    "supervision": ("督办", "supervision"),
    "assignment": ("交办", "assignments"),
    "rectification": ("整改", "rectification"),
    "report_duty": ("述责述廉", "duty reports"),
    "count": ("数", "count"),
    "persons": ("人数", "persons"),
    "person_times": ("人次", "person-times"),
    "heads": ("其中一把手", "of them heads"),
    "min": ("至少", "at least"),
    "subset": ("其中", "of which"),
}


def metric_label(metric: object, lang: Lang = "zh") -> str:
    """The label of a fact's metric: ``task.count`` -> ``任务数``.

    Examples
    --------
    >>> metric_label("task.count"), metric_label("accountability.persons.heads")
    ('任务数', '问责人数（其中一把手）')
    >>> metric_label("unit.count.min", "en")
    'units count (at least)'
    """
    parts = [p for p in str(metric or "").split(".") if p]
    measures = ("count", "persons", "person_times")
    quals = ("heads", "min", "subset")
    i = 1 if lang == "en" else 0

    def word(p: str) -> str:
        return METRIC_WORDS.get(p, (p, p))[i]

    head = [word(p) for p in parts if p not in measures and p not in quals]
    head += [word(p) for p in parts if p in measures]
    tail = [word(p) for p in parts if p in quals]
    if lang == "en":
        return " ".join(head) + (f" ({', '.join(tail)})" if tail else "")
    return "".join(head) + (f"（{'、'.join(tail)}）" if tail else "")
