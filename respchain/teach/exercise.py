"""Exercises: small registers with planted gaps, an answer key, and a checker.

:func:`new_exercise` builds a register for a level and a seed (the same level
and seed always give the same files), plants gaps of a few kinds of the rule
catalog in it, and runs the engine: the answer key *is* the engine's findings,
and the generator refuses to write an exercise whose findings are not exactly
the gaps it planted (so a side effect of one gap never goes unexplained).

Levels
------
1
    One kind of gap, in a county office of about ten nodes (a committee, its
    discipline commission, one bureau and one department, five people).
2
    Three kinds of gap in a small district (two streets, three bureaus, one
    dispatched discipline group).
3
    Every rule of the catalog, mixed, in a county (townships with village
    branches, five bureaus, two departments, two dispatched groups).
obligations
    The recurring duties of ``queries/obligations.yaml`` (述责述廉, 民主生活会,
    任前廉政谈话, the head above talking with the head below, 政治生态分析研判)
    missed for one or two subjects each, in a small district whose
    responsibilities are otherwise complete; see :mod:`respchain.teach.duties`.

Every level keeps the recurring duties it does not plant, so that
``respchain gaps`` (which checks the shipped obligations) finds exactly the key.

:func:`check_answers` scores a learner's list of ``[rule, subject]`` against
the key and explains every missed gap with the engine's message and the
catalog's definition, basis and fix (an obligation's: what recurs, its basis
and fix, and the events of the register that come close and why they do not count).
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from respchain._files import write_text_atomic
from respchain._names import GIVEN_NAMES, SURNAMES
from respchain._planting import ChosenPlan, chain_breaks, plant_task_gaps
from respchain.exceptions import InputError, Problem
from respchain.loaders._guard import GuardError, load_yaml, show
from respchain.queries.catalog import PLANTABLE_RULES
from respchain.teach._registers import AS_OF, PERIOD, findings_of, graph_from_data, new_register
from respchain.teach.duties import counting_records, duty_events, duty_records, obligations, plan_duties

__all__ = [
    "LEVELS",
    "Exercise",
    "CheckResult",
    "make_exercise",
    "new_exercise",
    "read_answers",
    "check_answers",
    "format_check",
]

OBLIGATIONS_LEVEL = "obligations"
LEVELS: tuple[int | str, ...] = (1, 2, 3, OBLIGATIONS_LEVEL)
REGISTER_FILE = "register.yaml"
KEY_FILE = "answers.json"
README_FILE = "README.md"

# --------------------------------------------------------------------------- pools
# Fictional places, bodies and people. Ids are ASCII so that answers are easy to type.

_COUNTIES = ["青山县", "白河县", "云岭县", "桃源县", "石门县", "清溪县", "梅岭县", "长宁县"]
_DISTRICTS = ["东湖区", "西城区", "南山区", "北塘区", "临江区", "丰泽区"]
_BUREAUS = [
    ("civil", "民政局"),
    ("edu", "教育局"),
    ("transport", "交通运输局"),
    ("health", "卫生健康局"),
    ("land", "自然资源局"),
    ("housing", "住房和城乡建设局"),
    ("agri", "农业农村局"),
    ("water", "水利局"),
    ("market", "市场监督管理局"),
    ("eco", "生态环境局"),
]
_DEPARTMENTS = [
    ("org-dept", "委组织部", "干部选拔任用"),
    ("prop-dept", "委宣传部", "意识形态工作"),
    ("front-dept", "委统战部", "统一战线工作"),
    ("audit", "审计局", "经济责任审计"),
]
_TOWNS = [
    ("chengguan", "城关镇"),
    ("hekou", "河口镇"),
    ("shiqiao", "石桥镇"),
    ("liulin", "柳林乡"),
    ("qingsong", "青松乡"),
    ("taoxi", "桃溪镇"),
]
_STREETS = [
    ("xinhua", "新华街道"),
    ("dongfeng", "东风街道"),
    ("jiefang", "解放街道"),
    ("binjiang", "滨江街道"),
]
_VILLAGES = ["红旗村", "前进村", "和平村", "向阳村", "新庄村", "李家村"]
_GOALS = [
    ("落实意识形态工作责任制", "每季度专题研究一次意识形态工作"),
    ("开展作风建设专项整治", "每半年开展一次作风问题排查"),
    ("加强干部日常监督管理", "建立干部廉政档案并动态更新"),
    ("推进清廉机关建设", "制定清廉机关建设实施方案"),
    ("规范\u201c三重一大\u201d决策", "完善议事规则并全程纪实"),
    ("整治群众身边不正之风", "开展专项治理并公开整改结果"),
    ("落实党风廉政建设责任", "签订党风廉政建设责任书"),
]
_TOWN_AREAS = ["安全生产", "乡村振兴", "社会治理", "生态环境保护", "文化教育"]

# Rules the generator can plant, in catalog order; CHAIN-001 is planted through a
# MAIN-001 or FIRST-001 gap above a branch (the chain breaks below a broken link).
_PLANTABLE = PLANTABLE_RULES

_CONFIG: dict[int | str, dict[str, int]] = {
    1: {
        "bureaus": 1,
        "departments": 1,
        "towns": 0,
        "streets": 0,
        "branches": 0,
        "groups": 0,
        "tasks": 3,
        "kinds": 1,
        "per_kind": 2,
    },
    2: {
        "bureaus": 3,
        "departments": 1,
        "towns": 0,
        "streets": 2,
        "branches": 0,
        "groups": 1,
        "tasks": 4,
        "kinds": 3,
        "per_kind": 1,
    },
    3: {
        "bureaus": 5,
        "departments": 2,
        "towns": 3,
        "streets": 0,
        "branches": 1,
        "groups": 2,
        "tasks": 6,
        "kinds": len(_PLANTABLE),
        "per_kind": 1,
    },
    # The recurring duties only: a small district, every catalog rule kept.
    OBLIGATIONS_LEVEL: {
        "bureaus": 3,
        "departments": 1,
        "towns": 0,
        "streets": 2,
        "branches": 1,
        "groups": 1,
        "tasks": 4,
        "kinds": 0,
        "per_kind": 0,
    },
}


# --------------------------------------------------------------------------- skeleton


@dataclass
class _Team:
    """A leading or party organization with its people."""

    org: str
    head: str | None = None
    members: list[str] = field(default_factory=list)


@dataclass
class _Skeleton:
    """What a generated place contains, before the register is written out."""

    place: str
    top: str
    cdi: str
    cdi_head: str
    orgs: list[dict] = field(default_factory=list)
    people: dict[str, dict] = field(default_factory=dict)
    teams: dict[str, _Team] = field(default_factory=dict)
    bureaus: list[tuple[str, str]] = field(default_factory=list)  # (party group, unit)
    departments: list[str] = field(default_factory=list)
    towns: list[str] = field(default_factory=list)
    branches: dict[str, str] = field(default_factory=dict)  # branch -> its township
    groups: dict[str, list[str]] = field(default_factory=dict)  # dispatched group -> party groups it watches
    group_heads: dict[str, str] = field(default_factory=dict)
    tasks: list[dict] = field(default_factory=list)


class _Names:
    """Distinct fictional personal names, drawn from the seeded generator."""

    def __init__(self, rng: random.Random):
        pairs = [s + g for s in SURNAMES for g in GIVEN_NAMES]
        rng.shuffle(pairs)
        self._it = iter(pairs)

    def __call__(self) -> str:
        return next(self._it)


def _skeleton(level: int | str, rng: random.Random) -> _Skeleton:
    cfg = _CONFIG[level]
    names = _Names(rng)
    district = cfg["streets"] > 0
    place = rng.choice(_DISTRICTS if district else _COUNTIES)
    short = place[:-1]
    suffix = "区" if district else "县"
    sk = _Skeleton(place=place, top="county", cdi="county-cdi", cdi_head="cdi-sec")

    def person(pid: str, *posts: dict) -> str:
        sk.people[pid] = {"id": pid, "name": names(), "posts": list(posts)}
        return pid

    def post(org: str, title: str, role: str, areas: list[str] | None = None) -> dict:
        p: dict[str, Any] = {"org": org, "title": title, "role": role}
        if areas:
            p["areas"] = list(areas)
        return p

    sk.orgs.append(
        {"id": "county", "name": f"中共{place}委员会", "kind": "party_committee", "level": "county"}
    )
    sk.orgs.append(
        {
            "id": "county-cdi",
            "name": f"{place}纪委监委",
            "kind": "discipline_commission",
            "level": "county",
            "parent": "county",
        }
    )
    bureaus = rng.sample(_BUREAUS, cfg["bureaus"])
    depts = rng.sample(_DEPARTMENTS, cfg["departments"])
    towns = rng.sample(_STREETS if district else _TOWNS, cfg["streets"] or cfg["towns"])

    for code, label, domain in depts:
        name = f"中共{place}{label}" if label.startswith("委") else f"{place}{label}"
        sk.orgs.append(
            {
                "id": code,
                "name": name,
                "kind": "functional_department",
                "level": "county",
                "parent": "county",
                "domains": [domain],
            }
        )
        sk.departments.append(code)
    for code, label in bureaus:
        g = f"{code}-group"
        sk.orgs.append(
            {
                "id": g,
                "name": f"{place}{label}党组",
                "kind": "party_group",
                "level": "county",
                "parent": "county",
                "leads": [code],
            }
        )
        sk.orgs.append({"id": code, "name": f"{place}{label}", "kind": "unit", "level": "county"})
        sk.bureaus.append((g, code))
    for code, label in towns:
        street = label.endswith("街道")
        sk.orgs.append(
            {
                "id": code,
                "name": f"中共{place}{label}{'工作委员会' if street else '委员会'}",
                "kind": "party_committee",
                "level": "township",
                "parent": "county",
            }
        )
        sk.towns.append(code)
        for j in range(cfg["branches"]):
            b = f"{code}-branch" if cfg["branches"] == 1 else f"{code}-branch{j + 1}"
            village = _VILLAGES[(len(sk.branches)) % len(_VILLAGES)]
            sk.orgs.append(
                {
                    "id": b,
                    "name": f"中共{label}{village}支部委员会",
                    "kind": "party_branch",
                    "level": "grassroots",
                    "parent": code,
                }
            )
            sk.branches[b] = code
    for i in range(cfg["groups"]):
        dg = f"dg-{i + 1}"
        sk.orgs.append(
            {
                "id": dg,
                "name": f"{place}纪委监委派驻第{'一二三四'[i]}纪检监察组",
                "kind": "dispatched_group",
                "level": "county",
                "parent": "county-cdi",
            }
        )
        sk.groups[dg] = []
    # Dispatched groups watch the bureaus' party groups round-robin; at level 2 the
    # last bureau stays with the commission itself, so both ways of supervision appear.
    watched = sk.bureaus if level != 2 else sk.bureaus[:-1]
    for i, (g, _u) in enumerate(watched):
        if sk.groups:
            sk.groups[list(sk.groups)[i % len(sk.groups)]].append(g)

    # The county's leading team; the commission's head sits on it as discipline secretary.
    team = _Team("county", head=person("county-sec", post("county", f"{short}{suffix}委书记", "head")))
    team.members.append(
        person(
            "county-dep",
            post(
                "county",
                f"{suffix}委副书记、{suffix}长",
                "deputy",
                [b for _g, b in sk.bureaus[:1]] or ["政府工作"],
            ),
        )
    )
    dept_areas = list(sk.departments)
    team.members.append(
        person("county-m1", post("county", f"{suffix}委常委", "member", dept_areas or ["党建工作"]))
    )
    sk.teams["county"] = team
    person(
        "cdi-sec",
        post("county", f"{suffix}委常委、{suffix}纪委书记", "discipline_secretary"),
        post("county-cdi", "书记、主任", "head"),
    )
    for g, u in sk.bureaus:
        code = u
        t = _Team(g, head=person(f"{code}-head", post(g, "党组书记、局长", "head")))
        t.members.append(person(f"{code}-dep", post(g, "党组成员、副局长", "member", [u])))
        sk.teams[g] = t
    for code in sk.towns:
        street = next(label for c, label in _STREETS + _TOWNS if c == code).endswith("街道")
        t = _Team(
            code, head=person(f"{code}-sec", post(code, "党工委书记" if street else "党委书记", "head"))
        )
        t.members.append(
            person(
                f"{code}-dep",
                post(code, "党工委副书记" if street else "党委副书记", "deputy", [rng.choice(_TOWN_AREAS)]),
            )
        )
        sk.teams[code] = t
    for b in sk.branches:
        sk.teams[b] = _Team(b, head=person(f"{b}-sec", post(b, "党支部书记", "head")))
    for dg in sk.groups:
        sk.group_heads[dg] = person(f"{dg}-head", post(dg, "组长", "head"))

    # The county's main list: tasks led by the bureaus and departments.
    leads = [u for _g, u in sk.bureaus] + sk.departments
    responsible = [team.head, *team.members]
    for i, (goal, measure) in enumerate(rng.sample(_GOALS, cfg["tasks"])):
        sk.tasks.append(
            {
                "id": f"t{i + 1}",
                "goal": goal,
                "measure": measure,
                "responsible": responsible[i % len(responsible)],
                "lead": leads[i % len(leads)],
                "due": "2025-12-31" if i % 2 == 0 else "2025-06-30",
                "status": "open" if i % 2 == 0 else "done",
            }
        )
    return sk


# --------------------------------------------------------------------------- planting


def _candidates(rule: str, sk: _Skeleton, level: int | str) -> list[tuple[str, frozenset[str]]]:
    """``(subject, claims)`` where ``rule`` can be planted; two plants never share a claim."""
    bureaus = [g for g, _ in sk.bureaus]
    watched = {g for gs in sk.groups.values() for g in gs}
    leading = [*bureaus, *sk.towns]
    heads = [h for o in [*leading, *sk.branches] if (h := sk.teams[o].head)]
    members = [m for o in ["county", *leading] for m in sk.teams[o].members]

    def one(items: Iterable[str], prefix: str = "") -> list[tuple[str, frozenset[str]]]:
        return [(x, frozenset({prefix + x})) for x in items]

    # At level 3 the broken links sit above a branch: the chain breaks below them too.
    broken = sk.towns if level == 3 else bureaus
    if rule == "MAIN-001":
        return [(o, frozenset({"broken:" + o})) for o in broken]
    if rule == "FIRST-001":
        return [(o, frozenset({"broken:" + o, sk.teams[o].head or ""})) for o in broken]
    if rule == "FIRST-002":
        return one(heads)
    if rule == "DUAL-001":
        return one(members)
    if rule == "DUAL-002":
        return [(u, frozenset({u})) for _g, u in sk.bureaus]
    if rule == "SUP-001":
        return [(o, frozenset({"sup:" + o, "cons:" + o})) for o in leading if o not in watched]
    if rule == "SUP-002":
        return [(o, frozenset({"sup:" + o, "sup2"})) for o in leading]
    if rule == "SUP-003":
        # One guest member; the claim names the party group they sit on.
        return [(_SUP3_GUEST, frozenset({"sup3", "sup3@" + g, "cons:" + g})) for g in sorted(watched)]
    if rule == "FUNC-001":
        return one(sk.departments)
    if rule in ("LIST-001", "LIST-002", "LIST-003", "LIST-004"):
        # The first task (open) is kept for LIST-004, so that every kind finds a subject.
        return [
            (t["id"], frozenset({t["id"]}))
            for t in sk.tasks
            if (t["status"] == "open" if rule == "LIST-004" else t is not sk.tasks[0])
        ]
    if rule == "ACC-001":
        return one(members, "acc:")
    if rule == "TALK-001":
        return one([m for m in members if m not in ("county-dep",)], "talk:")
    if rule == "ECO-001":
        return one(leading, "eco:")
    if rule == "CONS-001":
        return one(sorted(watched), "cons:")
    return []


_SUP3_GUEST = "dg-guest"


def _sup3_org_of(planted: dict[str, list[str]]) -> str | None:
    """The party group the SUP-003 guest sits on (kept under the key ``SUP-003@``)."""
    got = planted.get("SUP-003@")
    return got[0] if got else None


def _plant(sk: _Skeleton, level: int | str, rng: random.Random) -> dict[str, list[str]]:
    """Choose the kinds of gap and their subjects: rule -> subjects (and ``SUP-003@`` -> its party group)."""
    cfg = _CONFIG[level]
    # The encouragement talk of the clean register's accountability, and the
    # follow-up talk of its poor rating (level 3), keep their people in a talk.
    claimed: set[str] = {"talk:county-dep"}
    pool = [r for r in _PLANTABLE if _candidates(r, sk, level)]
    kinds = (
        pool if cfg["kinds"] >= len(pool) else sorted(rng.sample(pool, cfg["kinds"]), key=_PLANTABLE.index)
    )
    planted: dict[str, list[str]] = {}
    for rule in kinds:
        cands = _candidates(rule, sk, level)
        rng.shuffle(cands)
        chosen: list[str] = []
        for subject, claims in cands:
            if len(chosen) >= cfg["per_kind"]:
                break
            if claims & claimed:
                continue
            claimed |= claims
            chosen.append(subject)
            if rule == "SUP-003":
                planted["SUP-003@"] = [c.split("@", 1)[1] for c in claims if c.startswith("sup3@")]
        if chosen:
            planted[rule] = sorted(chosen)
    return planted


# --------------------------------------------------------------------------- register


def _emit(
    sk: _Skeleton,
    level: int | str,
    planted: dict[str, list[str]],
    seed: str,
    duties: tuple[dict[str, list[str]], dict[str, str], dict[str, str]] | None = None,
) -> dict[str, Any]:
    """The register of ``sk`` with the ``planted`` gaps and nothing else missing.

    ``duties`` are the missed recurring duties of the ``obligations`` level
    (:func:`respchain.teach.duties.plan_duties`); every other recurring duty is kept.
    """

    plan = ChosenPlan({rule: subjects for rule, subjects in planted.items() if not rule.endswith("@")})
    has = plan.hit

    what = "经常性义务练习" if level == OBLIGATIONS_LEVEL else f"练习 {level} 级"
    reg = new_register(f"{sk.place}全面从严治党责任体系（{what}，种子 {seed}）")
    orgs = [dict(o) for o in sk.orgs]
    people = {pid: {**p, "posts": [dict(x) for x in p["posts"]]} for pid, p in sk.people.items()}

    # FIRST-001: the head's post is vacant.
    for o in planted.get("FIRST-001", ()):
        del people[sk.teams[o].head or ""]  # planted on teams with a head only
    # DUAL-002: the unit drops out of its deputy's areas (who keeps a free-text area).
    for u in planted.get("DUAL-002", ()):
        dep = people[f"{u}-dep"]["posts"][0]
        dep["areas"] = ["业务工作"]
    # SUP-003: a member of a dispatched group also sits on the party group it watches.
    sup3_org = _sup3_org_of(planted)
    if sup3_org:
        dg = next(d for d, gs in sk.groups.items() if sup3_org in gs)
        people[_SUP3_GUEST] = {
            "id": _SUP3_GUEST,
            "name": _guest_name(people),
            "posts": [
                {"org": dg, "title": "纪检监察组副组长", "role": "member"},
                {"org": sup3_org, "title": "党组成员", "role": "member", "areas": ["机关党建"]},
            ],
        }
    reg["organizations"] = orgs
    reg["people"] = list(people.values())

    resps: list[dict] = []

    def resp(rid: str, rtype: str, bearer: str, over: list[str]) -> None:
        resps.append({"id": rid, "type": rtype, "bearer": bearer, "over": over})

    # main: the county declares it through its main list (below); every other party organization by entry.
    for o in [g for g, _u in sk.bureaus] + sk.towns + list(sk.branches):
        if not has("MAIN-001", o):
            over = [u for g, u in sk.bureaus if g == o] or [o]
            resp(f"{o}-main", "main", o, over)
    # first_responsible: every head of a party organization.
    for o, team in sk.teams.items():
        h = team.head
        if h in people and not has("FIRST-002", h):
            resp(f"{h}-first", "first_responsible", h, [o])
    # one_post_two_duties: every deputy and member of a leading team, over their areas.
    for pid, p in people.items():
        for j, post in enumerate(p["posts"]):
            org_kind = next((x["kind"] for x in orgs if x["id"] == post["org"]), "")
            if post["role"] in ("deputy", "member") and org_kind in ("party_committee", "party_group"):
                if not has("DUAL-001", pid):
                    resp(
                        f"{pid}-dual" if j == 0 else f"{pid}-dual{j + 1}",
                        "one_post_two_duties",
                        pid,
                        list(post.get("areas") or ["分管工作"]),
                    )
    for d in sk.departments:
        if not has("FUNC-001", d):
            domain = next(x["domains"] for x in orgs if x["id"] == d)
            resp(f"{d}-func", "functional_regulatory", d, list(domain))
    # supervisory: the commission watches the county and its townships, and the
    # bureaus no dispatched group watches; each dispatched group watches its bureaus.
    watched = {g for gs in sk.groups.values() for g in gs}
    cdi_over = ["county", *sk.towns, *[g for g, _u in sk.bureaus if g not in watched]]
    resp("county-cdi-sup", "supervisory", "county-cdi", [o for o in cdi_over if not has("SUP-001", o)])
    for dg, gs in sk.groups.items():
        resp(f"{dg}-sup", "supervisory", dg, list(gs))
    for o in planted.get("SUP-002", ()):
        resp(f"{o}-sup", "supervisory", o, [u for g, u in sk.bureaus if g == o] or [o])
    reg["responsibilities"] = resps

    tasks = []
    for t in sk.tasks:
        t = dict(t)
        plant_task_gaps(t, plan, overdue=f"{PERIOD}-09-30")
        tasks.append(t)
    reg["lists"] = [
        {
            "id": "county-main-list",
            "name": f"{PERIOD}年{sk.place}委主体责任清单",
            "kind": "main",
            "owner": "county",
            "year": PERIOD,
            "tasks": tasks,
        }
    ]

    events: list[dict] = []
    team_people = [p for o in sk.teams if o not in sk.branches for p in _team_of(sk, o, people)]
    if sup3_org:
        team_people.append(_SUP3_GUEST)
    talked = [p for p in team_people if not has("TALK-001", p)]
    events.append(
        {
            "id": "talk-conveying",
            "kind": "talk",
            "talk": "conveying",
            "date": f"{PERIOD}-02-20",
            "by": "cdi-sec",
            "with": [p for p in talked if p != "county-dep"],
        }
    )
    # A clean accountability with its follow-up (the same day counts).
    events.append(
        {
            "id": "acc-clean",
            "kind": "accountability",
            "date": f"{PERIOD}-05-12",
            "target": "county-dep",
            "form": "诫勉",
            "for": "one_post_two_duties",
        }
    )
    events.append(
        {
            "id": "talk-encourage",
            "kind": "talk",
            "talk": "encouragement",
            "date": f"{PERIOD}-05-12",
            "by": "cdi-sec",
            "with": ["county-dep"],
        }
    )
    for i, target in enumerate(planted.get("ACC-001", ()), 1):
        events.append(
            {
                "id": f"acc-{i}",
                "kind": "accountability",
                "date": f"{PERIOD}-07-0{i}",
                "target": target,
                "form": "通报批评",
            }
        )
    for i, o in enumerate(planted.get("ECO-001", ()), 1):
        events.append(
            {
                "id": f"eco-{i}",
                "kind": "ecology_rating",
                "date": f"{PERIOD}-04-1{i}",
                "org": o,
                "rating": "poor",
            }
        )
    for dg, gs in sk.groups.items():
        for j, g in enumerate(gs, 1):
            if not has("CONS-001", g):
                events.append(
                    {
                        "id": f"cons-{dg}-{j}",
                        "kind": "consultation",
                        "date": f"{PERIOD}-03-{10 + j}",
                        "parties": [dg, g],
                    }
                )
    missed, since, near = duties or ({}, {}, {})
    events.extend(
        duty_events(
            orgs,
            people,
            period=PERIOD,
            planted=missed,
            since=since,
            near=near,
            rated=planted.get("ECO-001", ()),
        )
    )
    reg["events"] = events
    return reg


def _team_of(sk: _Skeleton, org: str, people: dict[str, dict]) -> list[str]:
    t = sk.teams[org]
    return [p for p in [t.head, *t.members] if p in people]


def _guest_name(people: dict[str, dict]) -> str:
    used = {p["name"] for p in people.values()}
    return next(s + g for g in reversed(GIVEN_NAMES) for s in reversed(SURNAMES) if s + g not in used)


def _normalize_planted(planted: dict[str, list[str]]) -> set[tuple[str, str]]:
    return {(rule, s) for rule, subjects in planted.items() if not rule.endswith("@") for s in subjects}


# --------------------------------------------------------------------------- public API


@dataclass(frozen=True)
class Exercise:
    """A generated exercise: its register (as data and YAML text) and the answer key."""

    level: int | str
    seed: str
    register: dict[str, Any]
    key: tuple[tuple[str, str], ...]
    register_text: str
    readme_text: str

    @property
    def rules(self) -> list[str]:
        """The kinds of gap in the key: rules in catalog order, then obligations in their file's order."""
        from respchain.queries import CATALOG

        got = {r for r, _ in self.key}
        return [r for r in [*CATALOG, *(o.id for o in obligations())] if r in got]


def parse_level(level: int | str) -> int | str:
    """The level named by ``level`` (``1``, ``"2"``, ``"obligations"``...).

    Raises
    ------
    InputError
        For anything that is not a level of :data:`LEVELS`.
    """
    text = str(level).strip().lower()
    for lv in LEVELS:
        if text == str(lv):
            return lv
    raise InputError(
        f"练习级别应为 1、2、3 或 obligations / the level must be 1, 2, 3 or obligations, not {level!r}"
    )


def make_exercise(level: int | str, seed: int | str = 1) -> Exercise:
    """Generate the exercise of ``level`` (1-3, or ``"obligations"``) and ``seed``, in memory.

    The same level and seed always give the same register and key.

    Raises
    ------
    InputError
        For a level that is not 1, 2, 3 or ``obligations``.
    RuntimeError
        If the engine's findings differ from the planted gaps (a bug of the
        generator or the engine, never of the learner).
    """
    level = parse_level(level)
    seed = str(seed)
    rng = random.Random(f"respchain-exercise:{level}:{seed}")
    sk = _skeleton(level, rng)
    duties = None
    if level == OBLIGATIONS_LEVEL:
        planted: dict[str, list[str]] = {}
        duties = plan_duties(sk.orgs, sk.people, rng)
    else:
        planted = _plant(sk, level, rng)
    reg = _emit(sk, level, planted, seed, duties)
    G = graph_from_data(reg, REGISTER_FILE)
    found = {f.key() for f in findings_of(G, obligations=obligations())}
    expected = _normalize_planted(planted)
    if duties is not None:
        expected |= _normalize_planted(duties[0])
    # A broken link above a branch also breaks the chain below it (CHAIN-001).
    expected |= set(chain_breaks(sk.orgs, {*planted.get("MAIN-001", ()), *planted.get("FIRST-001", ())}))
    if found != expected:
        raise RuntimeError(
            f"练习生成错误 / exercise generator error (level {level}, seed {seed}): "
            f"extra {sorted(found - expected)}, missing {sorted(expected - found)}"
        )
    key = tuple(sorted(found))
    text = _register_yaml(reg, level, seed)
    return Exercise(
        level=level,
        seed=seed,
        register=reg,
        key=key,
        register_text=text,
        readme_text=_readme(level, seed, reg),
    )


def _register_yaml(reg: dict[str, Any], level: int | str, seed: str) -> str:
    head = (
        f"# 练习登记簿 / Exercise register — 级别 / level {level}, 种子 / seed {seed}\n"
        "# 找出其中的责任链缺口，按 README.md 写出答案。\n"
        "# Find the gaps of the responsibility chain in it; write your answers as README.md says.\n"
    )
    body = yaml.safe_dump(reg, allow_unicode=True, sort_keys=False, default_flow_style=None, width=110)
    return head + body


def _readme(level: int | str, seed: str, reg: dict[str, Any], key_apart: bool = False) -> str:
    n_orgs = len(reg["organizations"])
    place = reg["meta"]["title"].split("全面从严治党")[0]
    n_people = len(reg["people"])
    scope_zh = {
        1: "只有一种缺口",
        2: "有几种不同的缺口",
        3: "规则目录中的每一种缺口都有",
        OBLIGATIONS_LEVEL: "谁担什么责任都已写明，缺的是本年度没有做到的经常性工作（义务）",
    }[level]
    scope_en = {
        1: "holds one kind of gap only",
        2: "holds a few kinds of gap",
        3: "holds every kind of gap of the rule catalog",
        OBLIGATIONS_LEVEL: "declares who bears what in full; what it misses are recurring duties not done this year",
    }[level]
    if level == OBLIGATIONS_LEVEL:
        task_zh = (
            "对照经常性义务（`respchain explain OB-SZSL` 等：每年述责述廉、每年民主生活会、任前廉政谈话、"
            "上级一把手与下级一把手谈话、每年政治生态分析研判），逐一核对事件的日期、参加人和谈话人，"
            "找出本年度（至基准日）没有落实的义务，写出“义务编号 + 对象编号”。"
        )
        task_en = (
            "Using the recurring duties (`respchain explain OB-SZSL` and the others: a yearly 述责述廉 report, "
            "a yearly democratic life meeting, the pre-appointment talk, the head above talking with the head "
            "below, a yearly analysis of the political ecology), check the events' dates, participants and "
            "who held them, find every duty not done this year (up to the as-of date), and write it down as "
            "an obligation id and a subject id."
        )
    else:
        task_zh = (
            "对照缺口规则目录（`respchain explain RULE` 可查看每条规则），找出登记簿中的每一个缺口，"
            "写出“规则编号 + 对象编号”。"
        )
        task_en = (
            "Using the gap rule catalog (`respchain explain RULE` prints each rule), find every gap in "
            "the register and write it down as a rule id and a subject id."
        )
    if key_apart:
        key_zh = "标准答案由教师保管，检查时由教师提供（`--key`）。"
        key_en = "The teacher keeps the key and gives it to the check (`--key`)."
    else:
        key_zh = "`answers.json` 是教师用的标准答案，请勿先看。"
        key_en = "`answers.json` is the teacher's key: do not open it first."
    return f"""# 练习：找出责任链缺口 / Exercise: find the gaps in the responsibility chain

级别 / level {level} · 种子 / seed {seed} · 基准日 / as of {AS_OF} · 考察年度 / period {PERIOD}

## 中文

`register.yaml` 描述了{reg["meta"]["title"].split("（")[0]}：{n_orgs} 个组织、{n_people} 名人员，
以及他们声明的责任、主体责任清单和谈话、问责、会商等事件。这份登记簿{scope_zh}。

**任务**：{task_zh}对象是规则所说的那个节点：组织、人员或任务的 `id`
（也可以写它的名称）。

答案文件可以是以下任一种格式：

- YAML：
  ```yaml
  - [MAIN-001, civil-group]
  - [FIRST-002, county-sec]
  ```
- JSON：`[["MAIN-001", "civil-group"], ["FIRST-002", "county-sec"]]`
  （也可以写成 `[{{"rule": "MAIN-001", "subject": "civil-group"}}]`）
- CSV（可带表头 `rule,subject`）：
  ```
  rule,subject
  MAIN-001,civil-group
  ```

检查答案：

```
respchain exercise check <本目录> answers.yaml
```

程序会给出找到、遗漏、误报的数目和得分（得分 = 找到 ÷（应找 + 误报）），并逐条说明遗漏的缺口：
引擎的提示、登记簿中造成缺口的记录、规则的定义、依据的文件和修正方法。{key_zh}

## English

`register.yaml` describes the responsibility system of {place}: {n_orgs}
organizations, {n_people} people, the responsibilities they declare, a main responsibility list, and
events (talks, accountability, consultations). This register {scope_en}.

**Task**: {task_en} The subject is the node the rule is
about: the `id` of an organization, a person or a task (its name is accepted too).

Write your answers in any of these formats: a YAML list of `[RULE, subject]` pairs, a JSON list of
pairs (or of `{{"rule": ..., "subject": ...}}` objects), or CSV with the columns `rule,subject`
(the header is optional) — see the examples above.

Check them with `respchain exercise check <this folder> answers.yaml`. It prints what you found,
missed and reported wrongly, a score (found ÷ (expected + wrong)), and for every missed gap the
engine's message, the records of the register that cause it, the rule's definition, its basis and
the fix. {key_en}
"""


def _write_files(outdir: Path, files: dict[str, str]) -> list[Path]:
    """Write ``files`` into ``outdir`` all together: into a temporary folder first, then moved in."""
    outdir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".exercise.", dir=str(outdir)))
    try:
        for name, text in files.items():
            (tmp / name).write_text(text, encoding="utf-8", newline="\n")
        out = []
        for name in files:
            os.replace(tmp / name, outdir / name)
            out.append(outdir / name)
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def new_exercise(
    level: int | str, seed: int | str, outdir: str | Path, *, key: str | Path | None = None
) -> list[Path]:
    """Generate an exercise and write ``register.yaml``, ``answers.json`` and ``README.md`` into ``outdir``.

    Parameters
    ----------
    level : int or str
        1, 2, 3 or ``"obligations"``.
    seed : int or str
        The same level and seed give byte-identical files.
    outdir : str or Path
        The folder to write (created when missing): the students' folder.
    key : str or Path, optional
        Where to write the answer key instead of ``outdir/answers.json``: a file
        outside the students' folder, kept by the teacher and given to
        :func:`check_answers` (``key=``).

    Returns
    -------
    list of Path
        The files written (the key last when it is apart).

    Raises
    ------
    InputError
        When ``key`` is inside ``outdir``.

    Examples
    --------
    >>> import tempfile
    >>> paths = new_exercise(1, 7, tempfile.mkdtemp())
    >>> [p.name for p in paths]
    ['register.yaml', 'answers.json', 'README.md']
    """
    outdir = Path(outdir)
    if key is not None:
        key = Path(key)
        if key.resolve().parent == outdir.resolve() or outdir.resolve() in key.resolve().parents:
            raise InputError(
                Problem(
                    str(key),
                    0,
                    "--key",
                    "答案须放在学生目录之外 / the key must be written outside the students' folder",
                )
            )
    level = parse_level(level)
    ex = make_exercise(level, seed)
    key_text = "[\n" + ",\n".join(" " + json.dumps(list(k), ensure_ascii=False) for k in ex.key) + "\n]\n"
    if key is None:
        return _write_files(
            outdir, {REGISTER_FILE: ex.register_text, KEY_FILE: key_text, README_FILE: ex.readme_text}
        )
    readme = _readme(level, str(seed), ex.register, key_apart=True)
    paths = _write_files(outdir, {REGISTER_FILE: ex.register_text, README_FILE: readme})
    return [*paths, write_text_atomic(key, key_text)]


# --------------------------------------------------------------------------- answers


def _pair(item: Any) -> tuple[str, str] | None:
    if isinstance(item, dict):
        rule, subject = item.get("rule"), item.get("subject")
    elif isinstance(item, list | tuple) and len(item) == 2:
        rule, subject = item
    else:
        return None
    if not isinstance(rule, str | int) or not isinstance(subject, str | int) or not str(rule).strip():
        return None
    return str(rule).strip().upper(), str(subject).strip()


def read_answers(path: str | Path) -> list[tuple[str, str]]:
    """Read a learner's answers: a YAML, JSON or CSV list of ``(rule, subject)``.

    Rule ids are upper-cased; repeated answers count once.

    Raises
    ------
    InputError
        Naming the file and the line or item of every entry that is not a
        ``rule, subject`` pair.
    """
    path = Path(path)
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            Problem(name, 0, "", f"不是 UTF-8 编码 / not UTF-8 text: {e.reason} at byte {e.start}")
        ) from None
    except OSError as e:
        raise InputError(
            Problem(name, 0, "", f"无法读取答案文件 / cannot read the answers: {e.strerror or e}")
        ) from e
    problems: list[Problem] = []
    pairs: list[tuple[str, str]] = []
    if path.suffix.lower() == ".csv":
        reader = csv.reader(io.StringIO(text))
        rows_read: list[list[str]] = []
        try:
            rows_read.extend(reader)
        except csv.Error as e:
            raise InputError(Problem(name, reader.line_num, "", f"CSV 格式错误 / bad CSV: {e}")) from None
        for lineno, row in enumerate(rows_read, 1):
            cells = [c.strip() for c in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if lineno == 1 and cells[0].lower() in ("rule", "规则"):
                continue
            p = _pair(cells[:2]) if len(cells) >= 2 and cells[1] else None
            if p is None:
                problems.append(
                    Problem(name, lineno, "", f"应为“规则,对象” / expected 'rule,subject', got {show(row)}")
                )
            else:
                pairs.append(p)
    else:
        try:
            data = load_yaml(text) if text.strip() else []
        except GuardError as e:
            raise InputError(Problem(name, e.line, "", e.message)) from None
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            raise InputError(
                Problem(
                    name,
                    mark.line + 1 if mark else 0,
                    "",
                    f"无法解析 / cannot parse: {getattr(e, 'problem', e)}",
                )
            ) from e
        if isinstance(data, dict) and "answers" in data:
            data = data["answers"]
        if not isinstance(data, list):
            raise InputError(
                Problem(name, 0, "", "答案应为列表 / the answers must be a list of [rule, subject]")
            )
        for i, item in enumerate(data):
            p = _pair(item)
            if p is None:
                problems.append(
                    Problem(
                        name, 0, f"[{i}]", f"应为 [规则, 对象] / expected [rule, subject], got {show(item)}"
                    )
                )
            else:
                pairs.append(p)
    if problems:
        raise InputError(problems)
    return list(dict.fromkeys(pairs))


@dataclass(frozen=True)
class CheckResult:
    """The score of a learner's answers against an exercise's key.

    Attributes
    ----------
    found, missed, wrong : tuple of (rule, subject)
    percent : int
        ``100 * found / (expected + wrong)``, rounded: 100 only for an exact answer.
    explanations : tuple of dict
        One per missed gap: ``rule``, ``subject``, ``subject_name``, ``title_zh``,
        ``title_en``, ``message_zh``, ``message_en`` (the engine's), ``why_zh``,
        ``why_en`` (the rule's definition), ``basis`` (documents), ``fix_zh``, ``fix_en``.
    wrong_notes : tuple of dict
        One per wrong answer: ``rule``, ``subject``, ``note_zh``, ``note_en``.
    """

    found: tuple[tuple[str, str], ...]
    missed: tuple[tuple[str, str], ...]
    wrong: tuple[tuple[str, str], ...]
    percent: int
    explanations: tuple[dict, ...]
    wrong_notes: tuple[dict, ...]

    @property
    def expected(self) -> int:
        return len(self.found) + len(self.missed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "found": [list(x) for x in self.found],
            "missed": [list(x) for x in self.missed],
            "wrong": [list(x) for x in self.wrong],
            "expected": self.expected,
            "percent": self.percent,
            "explanations": list(self.explanations),
            "wrong_notes": list(self.wrong_notes),
        }


def check_answers(
    exercise_dir: str | Path,
    answers: str | Path | Iterable[Iterable[str]],
    *,
    key: str | Path | None = None,
) -> CheckResult:
    """Score ``answers`` against the key of the exercise in ``exercise_dir``.

    Parameters
    ----------
    exercise_dir : str or Path
        A folder written by :func:`new_exercise`.
    answers : path, or iterable of (rule, subject)
        The learner's answers (a file as :func:`read_answers` reads it). A
        subject may be given by id or by its (unique) name.

    Returns
    -------
    CheckResult

    Raises
    ------
    InputError
        When the folder has no register or key, or the answers cannot be read.
    """
    from respchain.loaders import load_graph
    from respchain.queries import CATALOG

    d = Path(exercise_dir)
    key_path = Path(key) if key is not None else d / KEY_FILE
    problems = [
        Problem(str(f), 0, "", "文件不存在 / file not found")
        for f in (d / REGISTER_FILE, key_path)
        if not f.is_file()
    ]
    if problems:
        raise InputError(problems)
    try:
        planted_key = {tuple(x) for x in json.loads(key_path.read_text(encoding="utf-8"))}
    except (ValueError, TypeError) as e:
        raise InputError(Problem(str(key_path), 0, "", f"答案键无法读取 / unreadable key: {e}")) from e
    given = (
        read_answers(answers)
        if isinstance(answers, str | Path)
        else [p for p in (_pair(list(a)) for a in answers) if p is not None]
    )
    G = load_graph(d / REGISTER_FILE)
    by_name: dict[str, list[str]] = {}
    for n, attrs in G.nodes(data=True):
        if attrs.get("name"):
            by_name.setdefault(str(attrs["name"]), []).append(n)
    resolved = []
    for rule, subject in given:
        if subject not in G and len(by_name.get(subject, ())) == 1:
            subject = by_name[subject][0]
        resolved.append((rule, subject))
    given_set = set(dict.fromkeys(resolved))
    obs = {o.id: o for o in obligations()}
    findings = {f.key(): f for f in findings_of(G, obligations=list(obs.values()))}

    found = sorted(planted_key & given_set)
    missed = sorted(planted_key - given_set)
    wrong = sorted(given_set - planted_key)
    explanations = []
    for rule, subject in missed:
        f = findings.get((rule, subject))
        name = f.subject_name if f else G.nodes[subject].get("name", subject) if subject in G else subject
        if rule in obs:
            records = [
                f"{r['record']}：{r['why_zh']} / {r['why_en']}" for r in duty_records(G, obs[rule], subject)
            ]
        else:
            records = _records(G, f.evidence if f else (subject,))
        explanations.append(
            {
                "rule": rule,
                "subject": subject,
                "subject_name": name,
                **_rule_text(rule, obs),
                "message_zh": f.message_zh if f else "",
                "message_en": f.message_en if f else "",
                "records": records,
            }
        )
    known = {**{r: _rule_text(r, obs) for r in CATALOG}, **{r: _rule_text(r, obs) for r in obs}}
    wrong_notes = [_wrong_note(rule, subject, G, findings, known, obs) for rule, subject in wrong]
    denom = len(planted_key) + len(wrong)
    percent = round(100 * len(found) / denom) if denom else 100
    return CheckResult(
        tuple(found), tuple(missed), tuple(wrong), percent, tuple(explanations), tuple(wrong_notes)
    )


def _rule_text(rule: str, obs: dict) -> dict[str, Any]:
    """What the feedback says of a rule of the catalog or an obligation: title, why, basis, fix."""
    from respchain.queries import CATALOG

    if rule in obs:
        o = obs[rule]
        return {
            "severity": o.severity,
            "title_zh": o.name_zh,
            "title_en": o.name_en,
            "why_zh": f"{o.name_zh}：{o.rule_zh()}。",
            "why_en": f"{o.name_en}: {o.rule_en()}.",
            "basis": [o.basis_text()],
            "fix_zh": o.fix("zh"),
            "fix_en": o.fix("en"),
        }
    r = CATALOG.get(rule)
    return {
        "severity": r.severity if r else "",
        "title_zh": r.title_zh if r else "",
        "title_en": r.title_en if r else "",
        "why_zh": r.definition_zh if r else "",
        "why_en": r.definition_en if r else "",
        "basis": [str(b) for b in r.basis] if r else [],
        "fix_zh": r.fix_zh if r else "",
        "fix_en": r.fix_en if r else "",
    }


def _records(G: Any, ids: Iterable[str]) -> list[str]:
    """The records of the register behind a gap, as ``名称（id，第 N 行）``: what to look at."""
    out = []
    for n in ids:
        if n not in G:
            continue
        a = G.nodes[n]
        name = a.get("name") or n
        line = a.get("line")
        out.append(f"{name}（{n}，第 {line} 行 / line {line}）" if line else f"{name}（{n}）")
    return out


def _wrong_note(rule: str, subject: str, G: Any, findings: dict, known: dict, obs: dict) -> dict:
    """Why ``(rule, subject)`` is not a gap; ``known`` maps every rule and obligation id to its texts."""
    records: list[str] = []
    if rule not in known:
        zh, en = f"没有规则 {rule}", f"there is no rule {rule}"
    elif subject not in G:
        zh, en = (
            f"登记簿中没有编号或名称为 {subject} 的节点",
            f"the register has no node with id or name {subject}",
        )
    else:
        other = sorted(r for r, s in findings if s == subject)
        if other:
            # what the register does hold about the subject: the gaps it has, in the engine's words
            fs = [findings[(r, subject)] for r in other]
            zh = f"{subject} 的缺口是 {'、'.join(other)}，不是 {rule}：" + "；".join(f.message_zh for f in fs)
            en = f"{subject} has {', '.join(other)}, not {rule}: " + "; ".join(f.message_en for f in fs)
            records = _records(G, dict.fromkeys(e for f in fs for e in f.evidence))
        else:
            zh = f"{subject} 没有 {rule} 缺口：{known[rule]['why_zh']}"
            en = f"{subject} has no {rule} gap: {known[rule]['why_en']}"
            records = _records(G, (subject,))
            if rule in obs:  # the events that fulfil the duty
                held = counting_records(G, obs[rule], subject)
                records += held
                if held:
                    zh += f"（已落实：{'、'.join(held)}）"
                    en += f" (done: {', '.join(held)})"
    return {"rule": rule, "subject": subject, "note_zh": zh, "note_en": en, "records": records}


def _record_lines(records: list[str] | None) -> list[str]:
    """The register's records behind a gap: one on a line when there are several."""
    if not records:
        return []
    if len(records) == 1:
        return [f"      登记簿中 / in the register: {records[0]}"]
    return ["      登记簿中 / in the register:", *(f"        - {r}" for r in records)]


def format_check(result: CheckResult) -> str:
    """The result as text for a terminal: Chinese first, English beside."""
    lines = [
        f"应找 / expected: {result.expected}   找到 / found: {len(result.found)}   "
        f"遗漏 / missed: {len(result.missed)}   误报 / wrong: {len(result.wrong)}   "
        f"得分 / score: {result.percent}%",
    ]
    if result.found:
        lines.append("")
        lines.append("找到 / found:")
        lines.extend(f"  ✓ {r} {s}" for r, s in result.found)
    if result.explanations:
        lines.append("")
        lines.append("遗漏 / missed:")
        for e in result.explanations:
            lines.append(
                f"  ✗ {e['rule']} {e['subject']}（{e['subject_name']}）— {e['title_zh']} / {e['title_en']}"
            )
            if e["message_zh"]:
                lines.append(f"      引擎 / engine: {e['message_zh']}")
                lines.append(f"                     {e['message_en']}")
            lines.extend(_record_lines(e.get("records")))
            lines.append(f"      为什么 / why: {e['why_zh']}")
            lines.append(f"                    {e['why_en']}")
            if e["basis"]:
                lines.append(f"      依据 / basis: {'；'.join(e['basis'])}")
            lines.append(f"      如何修正 / fix: {e['fix_zh']}")
            lines.append(f"                      {e['fix_en']}")
    if result.wrong_notes:
        lines.append("")
        lines.append("误报 / wrong:")
        for w in result.wrong_notes:
            lines.append(f"  ? {w['rule']} {w['subject']}: {w['note_zh']} / {w['note_en']}")
            lines.extend(_record_lines(w.get("records")))
    return "\n".join(lines)
