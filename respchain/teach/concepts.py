"""The concepts of the lesson: the five responsibility types, who bears them, how they chain.

:func:`concept_graph` reads the ontology (``graph/ontology.ttl``: the SKOS
concept schemes of responsibility types, organization kinds and roles, their
labels, definitions and ``rc:bearsByDefault``) and falls back on the schema's
own tables when the ontology cannot be read; nothing here is drawn by hand.
:func:`chain_example` is the small register the lesson walks through step by
step.
"""

from __future__ import annotations

from typing import Any

from respchain.graph.schema import ORG_KIND_INFO, RESPONSIBILITY_INFO, ROLE_INFO

__all__ = [
    "ROLE_DUTIES",
    "CHAIN",
    "RULE_TYPES",
    "concept_graph",
    "chain_example",
    "CHAIN_STEPS",
    "CHAIN_LAYOUT",
]

#: The duty a post role carries (register.md, "Responsibility types"; rules FIRST-002 and DUAL-001).
ROLE_DUTIES: dict[str, str] = {
    "head": "first_responsible",
    "deputy": "one_post_two_duties",
    "member": "one_post_two_duties",
}

#: The chain of gaps.md: 主体责任 → 第一责任人责任 → 一岗双责 → 职能部门监管责任, watched over by 监督责任.
CHAIN: list[tuple[str, str, str]] = [
    ("main", "first_responsible", "carries"),
    ("first_responsible", "one_post_two_duties", "carries"),
    ("one_post_two_duties", "functional_regulatory", "carries"),
    ("supervisory", "main", "watches"),
]

#: Which responsibility type each rule family checks (by rule id prefix).
RULE_TYPES: dict[str, str] = {
    "MAIN": "main",
    "CHAIN": "main",
    "FIRST": "first_responsible",
    "DUAL": "one_post_two_duties",
    "SUP": "supervisory",
    "CONS": "supervisory",
    "ECO": "supervisory",
    "FUNC": "functional_regulatory",
}

_EDGE_TEXT = {
    "bears": ("默认承担", "bears by default"),
    "role": ("岗位承担", "the post bears"),
    "carries": ("传导到", "carried on to"),
    "watches": ("监督", "watches over"),
    "leads": ("党组领导单位", "the party group leads the unit"),
    "sits": ("进入同级党委", "sits on the committee"),
}


def _from_ontology() -> dict[str, dict[str, dict[str, Any]]] | None:
    """Labels, definitions and default duties of the three concept schemes, from the ontology."""
    try:
        from rdflib import Namespace, URIRef
        from rdflib.namespace import RDFS, SKOS

        from respchain.graph.rdf import ontology_graph

        g = ontology_graph()
    except Exception:  # the ontology is optional for the lesson: the schema has the same tables
        return None
    rc = Namespace("https://respchain.example/ns#")
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for scheme, key in (("responsibilityTypes", "type"), ("organizationKinds", "kind"), ("roles", "role")):
        items: dict[str, dict[str, Any]] = {}
        for c in g.subjects(SKOS.inScheme, URIRef(rc + scheme)):
            code = str(g.value(c, SKOS.notation) or "")
            if not code:
                continue
            d: dict[str, Any] = {"bears": []}
            for pred, field in ((SKOS.prefLabel, ""), (RDFS.label, ""), (SKOS.definition, "def_")):
                for lit in g.objects(c, pred):
                    lang = getattr(lit, "language", None)
                    if lang in ("zh", "en"):
                        d.setdefault(field + lang, str(lit))
            for t in g.objects(c, rc.bearsByDefault):
                d["bears"].append(str(g.value(t, SKOS.notation) or str(t).rsplit("/", 1)[-1]))
            d["iri"] = str(c)
            items[code] = d
        if not items:
            return None
        out[key] = items
    return out


def _from_schema() -> dict[str, dict[str, dict[str, Any]]]:
    return {
        "type": {k: dict(v) for k, v in RESPONSIBILITY_INFO.items()},
        "kind": {k: dict(v) for k, v in ORG_KIND_INFO.items()},
        "role": {k: {**v, "def_zh": "", "def_en": ""} for k, v in ROLE_INFO.items()},
    }


def _basis_of(rtype: str) -> tuple[list[dict], list[dict]]:
    """The documents and the rules that concern ``rtype``, from the rule catalog."""
    from respchain.queries import CATALOG

    docs: dict[str, dict] = {}
    rules = []
    for r in CATALOG.values():
        if RULE_TYPES.get(r.id.split("-")[0]) != rtype:
            continue
        rules.append({"id": r.id, "zh": r.title_zh, "en": r.title_en})
        for b in r.basis:
            d = docs.setdefault(
                b.document, {"document": b.document, "articles": [], "notes_zh": [], "notes_en": []}
            )
            for a in b.articles:
                if a not in d["articles"]:
                    d["articles"].append(a)
            if b.note_zh and b.note_zh not in d["notes_zh"]:
                d["notes_zh"].append(b.note_zh)
                d["notes_en"].append(b.note_en)
    return list(docs.values()), rules


def concept_graph() -> dict[str, Any]:
    """The concept graph of the lesson: nodes and edges, with everything a node's panel shows.

    Returns
    -------
    dict
        ``source`` (``ontology`` or ``schema``), ``nodes`` (``id``, ``group``:
        type | kind | role, ``code``, ``zh``, ``en``, ``def_zh``, ``def_en``,
        ``iri``, ``bearers`` (labels of the kinds and roles that bear a type),
        ``basis``, ``rules``) and ``edges`` (``from``, ``to``, ``rel``, ``zh``, ``en``).
    """
    info = _from_ontology()
    source = "ontology"
    if info is None:
        info, source = _from_schema(), "schema"
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def edge(a: str, b: str, rel: str) -> None:
        zh, en = _EDGE_TEXT[rel]
        edges.append({"from": a, "to": b, "rel": rel, "zh": zh, "en": en})

    bearers: dict[str, list[dict]] = {t: [] for t in info["type"]}
    for code, d in info["kind"].items():
        for t in d.get("bears") or ():
            if t in bearers:
                bearers[t].append({"zh": d.get("zh", code), "en": d.get("en", code)})
                edge(f"kind:{code}", f"type:{t}", "bears")
    for role, t in ROLE_DUTIES.items():
        if role in info["role"] and t in bearers:
            d = info["role"][role]
            bearers[t].append({"zh": d.get("zh", role), "en": d.get("en", role)})
            edge(f"role:{role}", f"type:{t}", "role")
    if "unit" in info["kind"] and "party_group" in info["kind"]:
        edge("kind:party_group", "kind:unit", "leads")
    if "discipline_secretary" in info["role"] and "party_committee" in info["kind"]:
        edge("role:discipline_secretary", "kind:party_committee", "sits")
    for a, b, rel in CHAIN:
        if a in info["type"] and b in info["type"]:
            edge(f"type:{a}", f"type:{b}", rel)

    for code in RESPONSIBILITY_INFO:  # the schema's order: main, supervisory, first, dual, functional
        td = info["type"].get(code)
        if td is None:
            continue
        docs, rules = _basis_of(code)
        nodes.append(
            {
                "id": f"type:{code}",
                "group": "type",
                "code": code,
                "zh": td.get("zh", code),
                "en": td.get("en", code),
                "def_zh": td.get("def_zh", ""),
                "def_en": td.get("def_en", ""),
                "iri": td.get("iri", ""),
                "bearers": bearers[code],
                "basis": docs,
                "rules": rules,
            }
        )
    for group in ("kind", "role"):
        for code, d in info[group].items():
            nodes.append(
                {
                    "id": f"{group}:{code}",
                    "group": group,
                    "code": code,
                    "zh": d.get("zh", code),
                    "en": d.get("en", code),
                    "def_zh": d.get("def_zh", ""),
                    "def_en": d.get("def_en", ""),
                    "iri": d.get("iri", ""),
                    "bearers": [],
                    "basis": [],
                    "rules": [],
                }
            )
    return {"source": source, "nodes": nodes, "edges": edges}


# --------------------------------------------------------------------------- the chain, step by step


def chain_example() -> dict[str, Any]:
    """A small county register that has every link of the chain (and no gap of the chain rules)."""
    from respchain.teach._registers import new_register

    reg = new_register("示例县：责任链一步一步 / Example county: the chain step by step")
    reg["organizations"] = [
        {"id": "county", "name": "中共示例县委员会", "kind": "party_committee", "level": "county"},
        {
            "id": "county-cdi",
            "name": "示例县纪委监委",
            "kind": "discipline_commission",
            "level": "county",
            "parent": "county",
        },
        {
            "id": "org-dept",
            "name": "中共示例县委组织部",
            "kind": "functional_department",
            "level": "county",
            "parent": "county",
            "domains": ["干部选拔任用"],
        },
        {
            "id": "civil-group",
            "name": "示例县民政局党组",
            "kind": "party_group",
            "level": "county",
            "parent": "county",
            "leads": ["civil"],
        },
        {"id": "civil", "name": "示例县民政局", "kind": "unit", "level": "county"},
        {
            "id": "town",
            "name": "中共示例镇委员会",
            "kind": "party_committee",
            "level": "township",
            "parent": "county",
        },
    ]
    reg["people"] = [
        {
            "id": "county-sec",
            "name": "县委书记",
            "posts": [{"org": "county", "title": "县委书记", "role": "head"}],
        },
        {
            "id": "county-m1",
            "name": "县委常委",
            "posts": [
                {
                    "org": "county",
                    "title": "县委常委、组织部部长",
                    "role": "member",
                    "areas": ["org-dept", "civil-group"],
                }
            ],
        },
        {
            "id": "civil-head",
            "name": "民政局党组书记",
            "posts": [{"org": "civil-group", "title": "党组书记、局长", "role": "head", "areas": ["civil"]}],
        },
        {
            "id": "town-sec",
            "name": "镇党委书记",
            "posts": [{"org": "town", "title": "镇党委书记", "role": "head"}],
        },
    ]
    reg["responsibilities"] = [
        {"id": "r-county-main", "type": "main", "bearer": "county", "over": ["county"]},
        {"id": "r-county-first", "type": "first_responsible", "bearer": "county-sec", "over": ["county"]},
        {
            "id": "r-m1-dual",
            "type": "one_post_two_duties",
            "bearer": "county-m1",
            "over": ["org-dept", "civil-group"],
        },
        {"id": "r-org-func", "type": "functional_regulatory", "bearer": "org-dept", "over": ["干部选拔任用"]},
        {
            "id": "r-cdi-sup",
            "type": "supervisory",
            "bearer": "county-cdi",
            "over": ["county", "civil-group", "town"],
        },
        {"id": "r-civil-main", "type": "main", "bearer": "civil-group", "over": ["civil"]},
        {"id": "r-civil-first", "type": "first_responsible", "bearer": "civil-head", "over": ["civil-group"]},
        {"id": "r-town-main", "type": "main", "bearer": "town", "over": ["town"]},
        {"id": "r-town-first", "type": "first_responsible", "bearer": "town-sec", "over": ["town"]},
    ]
    # The talks of the year with every leading team member (so that the finished
    # register has no gap at all, which the lesson checks with the engine).
    reg["events"] = [
        {
            "id": "talk-2025",
            "kind": "talk",
            "talk": "conveying",
            "date": "2025-02-20",
            "by": "county-sec",
            "with": ["county-m1", "civil-head", "town-sec"],
        },
        {"id": "talk-sec", "kind": "talk", "talk": "thematic", "date": "2025-03-05", "with": ["county-sec"]},
    ]
    return reg


#: The steps of the walk-through: the records each step reveals and what it says.
CHAIN_STEPS: list[dict[str, Any]] = [
    {
        "show": ["county", "r-county-main"],
        "type": "main",
        "zh": "第一步：县委对本地区全面从严治党负主体责任——这是整条责任链的起点。",
        "en": "Step 1: the county committee bears the main responsibility for its area: the chain starts here.",
    },
    {
        "show": ["county-sec", "r-county-first"],
        "type": "first_responsible",
        "zh": "第二步：县委书记（一把手）是第一责任人，重要工作亲自部署、重大问题亲自过问。",
        "en": "Step 2: the county secretary (一把手) is the first person responsible.",
    },
    {
        "show": ["county-m1", "r-m1-dual"],
        "type": "one_post_two_duties",
        "zh": "第三步：班子其他成员履行一岗双责：既管分管业务，又管分管领域的全面从严治党（这里分管组织部和民政局党组）。",
        "en": "Step 3: the other members of the leading team carry one post, two duties over the areas in their charge.",
    },
    {
        "show": ["org-dept", "r-org-func"],
        "type": "functional_regulatory",
        "zh": "第四步：职能部门在职责范围内承担监管责任，如组织部对干部选拔任用的监管。",
        "en": "Step 4: functional departments regulate their fields, e.g. the organization department over cadre selection.",
    },
    {
        "show": ["county-cdi", "r-cdi-sup"],
        "type": "supervisory",
        "zh": "第五步：纪委监委履行监督专责，协助党委推进全面从严治党，监督覆盖县委、党组和乡镇。",
        "en": "Step 5: the discipline commission watches over the chain and assists the committee.",
    },
    {
        "show": [
            "civil-group",
            "civil",
            "r-civil-main",
            "civil-head",
            "r-civil-first",
            "town",
            "r-town-main",
            "town-sec",
            "r-town-first",
        ],
        "type": "main",
        "zh": "第六步：层层传导——下一级的党组、乡镇党委同样承担主体责任，各自的一把手同样是第一责任人。",
        "en": "Step 6: passed down level by level: the party group and the township committee below bear the main "
        "responsibility too, and their heads are first responsible.",
    },
    {
        "show": ["talk-2025", "talk-sec"],
        "type": "supervisory",
        "zh": "第七步：谈心谈话让责任落到人。至此链条完整：用缺口规则检查这份登记簿，结果见下。",
        "en": "Step 7: talks bring the duties home to each person. The chain is now complete: the gap rules' "
        "verdict on this register is shown below.",
    },
]

#: Where the walk-through draws each record: a row per level (the county, then the
#: party group and the township below it), each duty under its bearer, the columns
#: in the order of the chain with supervision on the left.
CHAIN_LAYOUT: dict[str, tuple[int, int]] = {
    "county-cdi": (-460, 0),
    "r-cdi-sup": (-460, 100),
    "county": (-180, 0),
    "r-county-main": (-180, 100),
    "county-sec": (90, 0),
    "r-county-first": (90, 100),
    "county-m1": (340, 0),
    "r-m1-dual": (340, 100),
    "org-dept": (590, 0),
    "r-org-func": (590, 100),
    "civil": (-460, 260),
    "civil-group": (-180, 260),
    "r-civil-main": (-180, 360),
    "civil-head": (90, 260),
    "r-civil-first": (90, 360),
    "town": (-180, 470),
    "r-town-main": (-180, 570),
    "town-sec": (90, 470),
    "r-town-first": (90, 570),
    "talk-2025": (420, 360),
    "talk-sec": (420, 470),
}
