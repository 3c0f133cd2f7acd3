"""Terms of the responsibility system that ``respchain explain`` teaches.

Each term has a code name, its Chinese name and aliases, a definition in both
languages, the documents it rests on (basis.md titles; articles only where
verified), an example from the seed article (中央纪委国家监委网站, 2025-10-20)
and the gap rules that check it.

The five responsibility types are defined once, in the schema
(:data:`respchain.graph.schema.RESPONSIBILITY_INFO`, which the ontology and the
lesson page show too): their names and definitions here are taken from it, so
``explain main`` and the lesson say the same.
"""

from __future__ import annotations

import difflib
from typing import Any

from respchain.graph.schema import RESPONSIBILITY_INFO
from respchain.queries.catalog import (
    ACCOUNTABILITY_DOC,
    CATALOG,
    DISCIPLINE_RULES_DOC,
    DISPATCHED_RULES_DOC,
    MAIN_RULES_DOC,
    RESP_SYSTEM_DOC,
    YIBASHOU_DOC,
)

__all__ = ["TERMS", "find_term", "suggest"]

TERMS: dict[str, dict[str, Any]] = {
    "main": {
        "aliases": ["主体责任", "main_responsibility"],
        "basis": [MAIN_RULES_DOC, f"{ACCOUNTABILITY_DOC}第四条"],
        "example": "推动党委(党组)主体责任、\u201c一把手\u201d第一责任人责任、领导班子成员\u201c一岗双责\u201d、职能部门监管责任等层层压实",
        "rules": ["MAIN-001", "CHAIN-001"],
    },
    "supervisory": {
        "aliases": ["监督责任", "监督专责", "supervision"],
        "basis": [f"{ACCOUNTABILITY_DOC}第四条"],
        "example": "全国纪检监察机关坚决扛起自身监督责任、协助职责,履行协助党委推进全面从严治党的责任",
        "rules": ["SUP-001", "SUP-002"],
    },
    "first_responsible": {
        "aliases": ["第一责任人", "第一责任人责任", "first_responsible_person"],
        "basis": [MAIN_RULES_DOC, f"{RESP_SYSTEM_DOC}第六条", YIBASHOU_DOC],
        "example": "\u201c你作为党组书记,是管党治党\u2018第一责任人\u2019,不能只抓业务不抓党建……\u201d",
        "rules": ["FIRST-001", "FIRST-002"],
    },
    "one_post_two_duties": {
        "aliases": ["一岗双责", "dual_duty", "dual"],
        "basis": [MAIN_RULES_DOC, f"{RESP_SYSTEM_DOC}第六条", YIBASHOU_DOC],
        "example": "督促\u201c一把手\u201d扛起第一责任人责任、领导班子其他成员履行\u201c一岗双责\u201d",
        "rules": ["DUAL-001", "DUAL-002"],
    },
    "functional_regulatory": {
        "aliases": ["职能部门监管责任", "监管责任", "functional"],
        "basis": [f"{ACCOUNTABILITY_DOC}第四条"],
        "example": "并将上述87条具体措施落实悉数分解到37个职能部门,明确每条措施落实的牵头单位、协助部门",
        "rules": ["FUNC-001"],
    },
    "dispatched": {
        "zh": "派驻",
        "en": "Dispatched (stationed) supervision",
        "aliases": ["派驻", "派驻机构", "派驻纪检监察组", "dispatched_group", "stationed"],
        "def_zh": "纪委监委向党和国家机关派驻纪检监察组，对驻在单位履行监督责任；派驻机构独立于驻在单位。",
        "def_en": "The discipline commission stations groups at party and state bodies; a group supervises the unit it "
        "is stationed at and is independent of it.",
        "basis": [DISPATCHED_RULES_DOC],
        "example": "推动派驻纪检监察组与被监督单位党委(党组)定期开展分析研判",
        "rules": ["SUP-003", "CONS-001"],
    },
    "ledger": {
        "zh": "台账",
        "en": "Ledger",
        "aliases": ["台账", "责任台账", "主体责任台账", "监督责任台账"],
        "def_zh": "对照责任清单逐项记录任务目标、具体措施、责任人、完成时限和进展的工作账本，年底总结考评。",
        "def_en": "The working record of a responsibility list: per task its goal, measures, responsible person, "
        "deadline and progress, reviewed at year end.",
        "basis": [MAIN_RULES_DOC],
        "example": "建立主体责任台账和监督责任台账,明确任务目标、具体措施、责任人、完成时限等",
        "rules": ["LIST-001", "LIST-002", "LIST-003", "LIST-004"],
    },
    "responsibility_list": {
        "zh": "责任清单",
        "en": "Responsibility list",
        "aliases": ["责任清单", "清单", "双清单", "list"],
        "def_zh": "把责任细化为具体任务的清单（主体责任清单、监督责任清单），写明\u201c责任是什么、如何履责、谁来履责\u201d。",
        "def_en": "A list breaking a responsibility down into concrete tasks: what the duty is, how and by whom it is done.",
        "basis": [MAIN_RULES_DOC],
        "example": "以主体责任清单、监督责任清单为抓手,把\u201c两个责任\u201d细化为具体任务",
        "rules": ["MAIN-001", "LIST-001", "LIST-002", "LIST-003", "LIST-004"],
    },
    "yibashou": {
        "zh": "一把手",
        "en": "Number one (the head)",
        "aliases": ["一把手", "number_one", "head", "书记"],
        "def_zh": "党委（党组）书记，领导班子的主要负责人，是全面从严治党第一责任人，也是监督的重点（\u201c关键少数\u201d中的关键）。",
        "def_en": "The secretary, principal head of the leading team: first person responsible, and the focus of supervision.",
        "basis": [YIBASHOU_DOC, f"{RESP_SYSTEM_DOC}第六条"],
        "example": "\u201c一把手\u201d和领导班子是\u201c关键少数\u201d中的关键",
        "rules": ["FIRST-001", "FIRST-002", "TALK-001"],
    },
    "two_responsibilities": {
        "zh": "两个责任",
        "en": "The two responsibilities",
        "aliases": ["两个责任", "two_duties"],
        "def_zh": "党委（党组）的主体责任和纪委监委的监督责任，二者贯通协同。",
        "def_en": "The main responsibility of party committees and groups and the supervisory responsibility of "
        "discipline commissions, working together.",
        "basis": [f"{ACCOUNTABILITY_DOC}第四条"],
        "example": "必须坚持以\u201c两个责任\u201d抓纲带目",
        "rules": ["MAIN-001", "SUP-001"],
    },
    "layered_transmission": {
        "zh": "层层传导",
        "en": "Level-by-level transmission",
        "aliases": ["层层传导", "层层压实", "传导", "transmission", "chain"],
        "def_zh": "管党治党责任自上而下逐级传导、层层压实；上级链条中断，下级的责任就失去传导。",
        "def_en": "Responsibility passed down level by level; where a link above is broken, the levels below lose it.",
        "basis": [MAIN_RULES_DOC, YIBASHOU_DOC],
        "example": "强化责任担当,层层传导压力",
        "rules": ["CHAIN-001"],
    },
    "talk": {
        "zh": "谈心谈话",
        "en": "Heart-to-heart talk",
        "aliases": ["谈心谈话", "谈话", "三类谈话", "talks"],
        "def_zh": "与一把手和班子成员的谈话提醒，如传达类、专题类、警示类谈话、集体廉政谈话和问责激励谈话。",
        "def_en": "Talks with the number one and team members: conveying, thematic, warning, collective and encouragement talks.",
        "basis": [YIBASHOU_DOC],
        "example": "今年以来,该市已开展三类谈心谈话392人次,实现对全市\u201c一把手\u201d及领导班子成员的全覆盖",
        "rules": ["TALK-001", "ACC-001", "ECO-001"],
    },
    "accountability": {
        "zh": "问责",
        "en": "Accountability",
        "aliases": ["问责", "责任追究", "accountable"],
        "def_zh": "对失职失责的党组织和党员领导干部追究责任；坚持严管和厚爱结合、激励和约束并重，做实问责\u201c后半篇文章\u201d。",
        "def_en": "Holding party organizations and leaders to account for failing their duty, strictness with care: "
        "follow it up with encouragement.",
        "basis": [
            f"{ACCOUNTABILITY_DOC}第三条",
            f"{ACCOUNTABILITY_DOC}第四条",
            f"{ACCOUNTABILITY_DOC}第五条",
        ],
        "example": "开展问责激励谈心谈话,做实问责\u201c后半篇文章\u201d",
        "rules": ["ACC-001"],
    },
    "consultation": {
        "zh": "专题会商",
        "en": "Thematic consultation",
        "aliases": ["专题会商", "会商"],
        "def_zh": "派驻纪检监察组与被监督单位党委（党组）定期共同分析研判全面从严治党责任落实情况。",
        "def_en": "The dispatched group and the party organization it supervises meet regularly to analyse how duties are carried out.",
        "basis": [f"{DISCIPLINE_RULES_DOC}第十四条", f"{DISPATCHED_RULES_DOC}第十四条"],
        "example": "该县纪委监委驻县人民法院纪检监察组会同县人民法院党组召开专题会商会",
        "rules": ["CONS-001"],
    },
    "political_ecology": {
        "zh": "政治生态分析研判",
        "en": "Analysis of the political ecology",
        "aliases": ["政治生态分析研判", "政治生态", "研判", "ecology"],
        "def_zh": "纪检机关会同党委（党组）定期分析研判所联系地区、单位的政治生态；评价较差的要跟进谈话、督促整改。",
        "def_en": "Regular joint analysis of the political ecology of an area or unit; a poor rating calls for follow-up talks.",
        "basis": [f"{DISCIPLINE_RULES_DOC}第十四条"],
        "example": "与政治生态分析研判被评价为\u201c较差\u201d的党委(党组)领导班子开展集体廉政谈话",
        "rules": ["ECO-001"],
    },
    "areas": {
        "zh": "分管",
        "en": "Areas in charge",
        "aliases": ["分管", "分管领域", "分管空白"],
        "def_zh": "班子成员按分工负责的领域和单位；党组领导的每个单位都应有班子成员分管。",
        "def_en": "The fields and units a team member is in charge of by the division of work; every unit needs one.",
        "basis": [f"{RESP_SYSTEM_DOC}第六条"],
        "example": "定期向同级党政领导班子成员通报分管领域全面从严治党情况",
        "rules": ["DUAL-002"],
    },
}

for _code, _info in RESPONSIBILITY_INFO.items():
    TERMS[_code] = {
        **{k: _info[k] for k in ("zh", "en", "def_zh", "def_en")},
        "aliases": TERMS[_code]["aliases"],
        **TERMS[_code],
    }
del _code, _info


def _keys() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, t in TERMS.items():
        out[code.lower()] = code
        out[t["zh"]] = code
        out[t["en"].lower()] = code
        for a in t["aliases"]:
            out[a.lower()] = code
    return out


def find_term(query: str) -> str | None:
    """The code of the term named ``query`` (Chinese name, alias or code), or None."""
    q = query.strip()
    return _keys().get(q.lower()) or _keys().get(q.replace("-", "_").replace(" ", "_").lower())


def suggest(query: str, n: int = 5) -> list[str]:
    """Rule ids and term names close to ``query``."""
    pool = list(CATALOG) + [t["zh"] for t in TERMS.values()] + list(TERMS)
    close = difflib.get_close_matches(query, pool, n=n, cutoff=0.4)
    if not close:
        close = [p for p in pool if query and (query in p or p in query)][:n]
    return close
