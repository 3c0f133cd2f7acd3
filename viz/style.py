"""Colours, shapes and labels shared by the graph page and the gap report page.

One place decides how a kind of node, a type of responsibility and a severity
look, so that the legend, the graph and the report's charts agree.
"""

from __future__ import annotations

from respchain.graph.schema import ORG_KIND_INFO, RESPONSIBILITY_INFO, VOCAB_LABELS, Lang, NodeKind

__all__ = [
    "DRAWN_KINDS",
    "NODE_STYLES",
    "RESP_COLORS",
    "STRUCT_COLOR",
    "SEVERITY_COLORS",
    "SEVERITY_LABELS",
    "EDGE_LABELS",
    "FIELD_LABELS",
    "UI",
    "kind_key",
    "kind_label",
    "resp_label",
    "severity_label",
    "ui",
]

#: The node kinds the pages and the lesson draw: the records of a register, not
#: posts (drawn as a person's link to an organization), vocabulary nodes or sources.
DRAWN_KINDS = frozenset(
    {
        NodeKind.ORGANIZATION.value,
        NodeKind.PERSON.value,
        NodeKind.RESPONSIBILITY.value,
        NodeKind.LIST.value,
        NodeKind.TASK.value,
        NodeKind.EVENT.value,
        NodeKind.MECHANISM.value,
        NodeKind.FACT.value,
    }
)

# A display kind per node: organizations by their ``org_kind``, other records by
# their NodeKind. ``shape`` is a vis-network shape; box, ellipse and database
# carry the label inside, the others under the shape.
NODE_STYLES: dict[str, dict] = {
    "party_committee": {"shape": "box", "color": "#c62828", "font": "#ffffff"},
    "party_group": {"shape": "box", "color": "#ef6c00", "font": "#ffffff"},
    "party_branch": {"shape": "box", "color": "#f9a825", "font": "#212121"},
    "discipline_commission": {"shape": "ellipse", "color": "#1565c0", "font": "#ffffff"},
    "dispatched_group": {"shape": "ellipse", "color": "#90caf9", "font": "#0d2a4a"},
    "functional_department": {"shape": "box", "color": "#2e7d32", "font": "#ffffff"},
    "unit": {"shape": "box", "color": "#b0bec5", "font": "#212121"},
    "Person": {"shape": "dot", "color": "#6d4c41", "font": "#212121", "size": 11},
    "Responsibility": {"shape": "diamond", "color": "#8e24aa", "font": "#212121", "size": 10},
    "List": {"shape": "square", "color": "#5e35b1", "font": "#212121", "size": 10},
    "Task": {"shape": "triangle", "color": "#00838f", "font": "#212121", "size": 10},
    "Event": {"shape": "star", "color": "#ec407a", "font": "#212121", "size": 11},
    "Mechanism": {"shape": "hexagon", "color": "#8d6e63", "font": "#212121", "size": 10},
    "Fact": {"shape": "triangleDown", "color": "#78909c", "font": "#212121", "size": 9},
    "group": {"shape": "box", "color": "#eceff1", "font": "#37474f"},
}

_KIND_LABELS = {
    "Person": ("人员", "Person"),
    "Responsibility": ("责任", "Responsibility"),
    "List": ("责任清单", "Responsibility list"),
    "Task": ("任务", "Task"),
    "Event": ("事件（谈话、问责、会商…）", "Event (talk, accountability, consultation…)"),
    "Mechanism": ("工作机制", "Mechanism"),
    "Fact": ("数据", "Reported figure"),
    "group": ("分组（点击展开）", "Group (click to expand)"),
}

# Edges that carry a responsibility take the colour of its type.
RESP_COLORS: dict[str, str] = {
    "main": "#d32f2f",
    "supervisory": "#1e88e5",
    "first_responsible": "#7b1fa2",
    "one_post_two_duties": "#00897b",
    "functional_regulatory": "#558b2f",
}
STRUCT_COLOR = "#9e9e9e"

SEVERITY_COLORS: dict[str, str] = {
    "high": "#e53935",
    "medium": "#fb8c00",
    "low": "#fbc02d",
    "info": "#29b6f6",
}
SEVERITY_LABELS: dict[str, tuple[str, str]] = VOCAB_LABELS["severity"]

# What a drawn edge means (the graph's relationship types, as the page shows them).
EDGE_LABELS: dict[str, tuple[str, str]] = {
    "SUB_ORGANIZATION_OF": ("领导（上级→下级）", "leadership (parent → child)"),
    "LEADS": ("党组领导单位", "party group leads unit"),
    "POST": ("任职", "holds a post in"),
    "IN_CHARGE_OF": ("分管", "in charge of"),
    "BEARS": ("承担责任", "bears"),
    "COVERS": ("责任覆盖", "covers"),
    "OWNS": ("制定清单", "owns list"),
    "HAS_TASK": ("清单任务", "task of list"),
    "RESPONSIBLE": ("责任人", "responsible person"),
    "LEAD": ("牵头单位", "lead unit"),
    "ASSIST": ("协助部门", "assisting unit"),
    "BY": ("谈话人", "talk held by"),
    "WITH": ("谈话对象", "talked with"),
    "TARGET": ("问责对象", "held accountable"),
    "PARTY": ("会商方", "party to consultation"),
    "ABOUT": ("关于", "about"),
    "ADOPTED_BY": ("采用机制", "adopted by"),
    "GROUP": ("所属分组", "grouped members"),
}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "id": ("编号", "id"),
    "kind": ("类型", "kind"),
    "org_kind": ("组织类型", "organization kind"),
    "level": ("层级", "level"),
    "region": ("地区", "region"),
    "domains": ("监管领域", "domains"),
    "type": ("责任类型", "responsibility type"),
    "bearer": ("责任主体", "bearer"),
    "over_text": ("覆盖范围", "covers"),
    "list_kind": ("清单类型", "list kind"),
    "owner": ("清单主体", "owner"),
    "year": ("年度", "year"),
    "goal": ("任务目标", "goal"),
    "measure": ("具体措施", "measure"),
    "due": ("完成时限", "due"),
    "due_note": ("时限说明", "due note"),
    "status": ("状态", "status"),
    "implements": ("落实责任", "implements"),
    "progress": ("进展", "progress"),
    "note": ("备注", "note"),
    "list": ("所属清单", "list"),
    "event_kind": ("事件类型", "event kind"),
    "date": ("日期", "date"),
    "talk": ("谈话类型", "talk kind"),
    "form": ("问责方式", "form"),
    "for": ("所涉责任", "for"),
    "rating": ("研判结果", "rating"),
    "result": ("考核结果", "result"),
    "meeting": ("会议", "meeting"),
    "description": ("说明", "description"),
    "subject": ("对象", "subject"),
    "metric": ("指标", "metric"),
    "value": ("数值", "value"),
    "unit": ("单位", "unit"),
    "period": ("期间", "period"),
    "posts": ("职务", "posts"),
    "source": ("出处", "source"),
    "location": ("位置", "location"),
}

# The page's own words.
UI: dict[str, tuple[str, str]] = {
    "title": ("全面从严治党责任链", "Responsibility chain of strict party governance"),
    "legend": ("图例", "Legend"),
    "node_kinds": ("节点类型", "Node kinds"),
    "resp_types": ("责任类型（边的颜色）", "Responsibility types (edge colour)"),
    "struct_edge": ("组织关系、任职等", "structure, posts and other links"),
    "severities": ("缺口严重程度（节点外框）", "Gap severity (node outline)"),
    "search": ("搜索名称或编号", "Search by name or id"),
    "search_btn": ("搜索", "Search"),
    "no_match": ("没有找到", "No match"),
    "filters": ("筛选", "Filters"),
    "gap_only": ("只显示缺口所在的责任链", "Show only the chain around gaps"),
    "gaps": ("缺口", "Gaps"),
    "no_gaps": ("未发现缺口", "No gaps found"),
    "gaps_not_run": ("未检查缺口", "Gaps not checked"),
    "details": ("详情", "Details"),
    "click_hint": (
        "点击节点查看详情；滚轮缩放，拖动平移。",
        "Click a node for details; scroll to zoom, drag to pan.",
    ),
    "quote": ("原文", "Source quote"),
    "findings": ("该节点的缺口", "Findings on this node"),
    "evidence": ("依据节点", "Evidence"),
    "timeline": ("时间线", "Timeline"),
    "due_states": ("完成时限（红黄绿）", "Deadlines (red, yellow, green)"),
    "grouped": (
        "图中共有 {n} 个节点，超过 {max} 个：人员、任务、事件等已按所属组织分组，点击分组节点展开。",
        "The graph has {n} nodes, more than {max}: people, tasks, events and the like are grouped "
        "under their organization; click a group to expand it.",
    ),
    "group_label": ("{n} 项（点击展开）", "{n} items (click to expand)"),
    "focus": ("以 {name} 为中心、{depth} 步以内的部分", "The part within {depth} steps of {name}"),
    "nodes_edges": ("{n} 个节点，{m} 条边", "{n} nodes, {m} edges"),
    "as_of": ("截至", "as of"),
    "show_all": ("全部显示", "Show all"),
    "report_title": ("责任链缺口报告", "Gap report of the responsibility chain"),
    "total": ("缺口总数", "Findings"),
    "subjects": ("涉及对象", "Subjects"),
    "rules": ("触发规则", "Rules fired"),
    "by_rule": ("按规则和严重程度", "By rule and severity"),
    "by_org": ("按组织（前 {n} 个）", "By organization (top {n})"),
    "table": ("缺口明细", "All findings"),
    "col_sev": ("严重程度", "Severity"),
    "col_rule": ("规则", "Rule"),
    "col_subject": ("对象", "Subject"),
    "col_message": ("说明", "What is missing"),
    "col_evidence": ("相关记录编号", "Record ids"),
    "col_basis": ("依据", "Basis"),
    "col_fix": ("整改建议", "Fix"),
    "col_org": ("所属组织", "Organization"),
    "open_graph": ("在图中查看", "Open the graph"),
    "none": ("无", "none"),
    "scores": ("党组织缺口（含下属）", "Findings per party organization and its subtree"),
}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[1] if lang == "en" else pair[0]


def ui(key: str, lang: Lang, **fmt: object) -> str:
    """The page text ``key`` in ``lang`` (``zh`` or ``en``), formatted with ``fmt``."""
    text = _pick(UI[key], lang)
    return text.format(**fmt) if fmt else text


def kind_key(attrs: dict) -> str:
    """The display kind of a node: its ``org_kind`` for organizations, else its NodeKind."""
    if attrs.get("kind") == "Organization":
        return str(attrs.get("org_kind") or "unit")
    return str(attrs.get("kind", ""))


def kind_label(key: str, lang: Lang) -> str:
    """The legend label of a display kind."""
    if key in ORG_KIND_INFO:
        return ORG_KIND_INFO[key]["en" if lang == "en" else "zh"]
    if key in _KIND_LABELS:
        return _pick(_KIND_LABELS[key], lang)
    return key


def resp_label(rtype: str, lang: Lang) -> str:
    """The label of a responsibility type (``主体责任``)."""
    info = RESPONSIBILITY_INFO.get(rtype)
    return info["en" if lang == "en" else "zh"] if info else rtype


def severity_label(sev: str, lang: Lang) -> str:
    """The label of a severity (``高``)."""
    return _pick(SEVERITY_LABELS.get(sev, (sev, sev)), lang)
