"""Synthetic registers of any size, with gaps planted at a known rate.

:func:`synth_register` lays out a realistic responsibility system — provinces →
cities → counties → townships → party branches, each province, city and county
with its party committee, discipline commission, dispatched groups, functional
departments and party groups leading their units — with leading teams, declared
responsibilities, main and supervisory lists with tasks, and a year of talks,
accountability, consultations, ratings, assessments and meetings. Everything is
clean except the gaps it plants: for every rule of the catalog and every subject
eligible for it, the gap is planted when a hash of ``(seed, rule, subject)``
falls below ``gap_rate``. The decision for one subject does not depend on the
order of generation; a gap planted higher up can only remove subjects below it
(a vacant head cannot miss a first_responsible declaration, an undeclared main
responsibility takes its list and tasks with it).

It returns the planted findings as ``[rule, subject]`` pairs, including the
CHAIN-001 findings that the planted MAIN-001 and FIRST-001 imply below them,
so that the engine's findings can be compared with them exactly.

The same ``(orgs, seed, gap_rate)`` always gives the same register, byte for
byte once written by :func:`write_synth`.

Examples
--------
>>> data, expected = synth_register(300, seed=1, gap_rate=0.05)
>>> len(data["organizations"])
300
>>> expected == sorted(expected)
True
"""

from __future__ import annotations

import copy
import datetime as _dt
import hashlib
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from respchain._files import all_or_none, write_text_atomic
from respchain._names import GIVEN_CHARS, SURNAMES
from respchain._planting import RatePlan, chain_breaks, plant_task_gaps
from respchain.graph.schema import LEADING_ORG_KINDS, PARTY_ORG_KINDS
from respchain.queries.catalog import PLANTABLE_RULES

__all__ = ["synth_register", "synth_parts", "write_synth", "expected_path", "SYNTH_RULES", "AS_OF", "PERIOD"]

AS_OF = "2025-10-20"
PERIOD = 2025

# The rules the generator plants directly (CHAIN-001 follows from MAIN-001 and FIRST-001).
SYNTH_RULES = PLANTABLE_RULES

_PARTY = PARTY_ORG_KINDS
_LEADING = LEADING_ORG_KINDS

# Shape of a jurisdiction by level: dispatched groups, functional departments,
# party groups (each leading a unit), child jurisdictions.
_SHAPE = {
    "provincial": (6, 6, 16, 12),
    "municipal": (4, 6, 12, 6),
    "county": (2, 4, 8, 8),
}
_BRANCHES = 5  # party branches per township

_FUNC_DEPTS = [
    ("组织部", "委组织部", ["干部选拔任用", "党员教育管理"]),
    ("宣传部", "委宣传部", ["意识形态工作"]),
    ("统战部", "委统战部", ["统一战线工作"]),
    ("政法委", "委政法委员会", ["政法队伍建设"]),
    ("审计局", "审计局", ["经济责任审计"]),
    ("财政局", "财政局", ["财经纪律"]),
]
_DEPTS = [
    "发展和改革委员会",
    "教育局",
    "科学技术局",
    "工业和信息化局",
    "公安局",
    "民政局",
    "司法局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化广电旅游局",
    "卫生健康委员会",
    "退役军人事务局",
    "应急管理局",
    "市场监督管理局",
    "医疗保障局",
    "统计局",
    "林业局",
    "机关事务管理局",
]
_SUFFIX = {"provincial": "省", "municipal": "市", "county": "县"}
_PLACE_CHARS = "安平宁远清河阳山东西南北丰泰兴华庆昌永嘉明德临江云岭青石水川定新长乐"
_TOWN_KINDS = ("镇", "乡", "街道")


def _date(base: _dt.date, days: int) -> str:
    return (base + _dt.timedelta(days=days)).isoformat()


_Y0 = _dt.date(PERIOD, 1, 1)
_AS_OF_DATE = _dt.date.fromisoformat(AS_OF)


@dataclass
class _Juris:
    """One jurisdiction: a committee and the bodies around it."""

    code: str
    level: str
    name: str
    committee: str
    parent: _Juris | None
    cdi: str | None = None
    groups: list[str] = field(default_factory=list)
    depts: list[str] = field(default_factory=list)
    pgroups: list[str] = field(default_factory=list)
    branches: list[str] = field(default_factory=list)


class _Gen:
    """The generator's state: organizations first, then people, duties, lists and events."""

    def __init__(self, n: int, seed: int, rate: float):
        self.n = n
        self.seed = seed
        self.rate = rate
        self.rng = random.Random(seed)
        self.orgs: list[dict] = []
        self.kind: dict[str, str] = {}
        self.parent: dict[str, str] = {}
        self.units_of: dict[str, list[str]] = {}
        self.juris: list[_Juris] = []
        self.juris_of: dict[str, _Juris] = {}  # organization -> its jurisdiction
        self.plan = RatePlan(seed, rate)
        self.people: list[dict] = []
        self.posts_of: dict[str, list[dict]] = {}  # person -> posts
        self.people_in: dict[str, list[str]] = defaultdict(list)  # org -> persons with a post in it
        self.head_of: dict[str, str] = {}
        self.events: list[dict] = []
        self._ev = 0
        self._salt = f"{seed}|".encode()  # the SUP-003 guest's party group

    # -- decisions -------------------------------------------------------
    def plant(self, rule: str, subject: str) -> bool:
        """Plant ``rule`` on ``subject``? A hash of (seed, rule, subject) below the rate."""
        return self.plan.plant(rule, subject)

    def chance(self, tag: str, subject: str, p: float) -> bool:
        """A fixed-probability choice of the layout (not a gap), stable per subject."""
        return self.plan.chance(tag, subject, p)

    # -- names -----------------------------------------------------------
    def place(self) -> str:
        r = self.rng
        return r.choice(_PLACE_CHARS) + r.choice(_PLACE_CHARS)

    def person_name(self) -> str:
        r = self.rng
        given = r.choice(GIVEN_CHARS) if r.random() < 0.4 else r.choice(GIVEN_CHARS) + r.choice(GIVEN_CHARS)
        return r.choice(SURNAMES) + given

    # -- organizations ---------------------------------------------------
    def full(self) -> bool:
        return len(self.orgs) >= self.n

    def add_org(self, oid: str, name: str, kind: str, level: str, parent: str | None, **extra: Any) -> str:
        rec: dict[str, Any] = {"id": oid, "name": name, "kind": kind, "level": level}
        if parent:
            rec["parent"] = parent
            self.parent[oid] = parent
        rec.update(extra)
        self.orgs.append(rec)
        self.kind[oid] = kind
        return oid

    def build_orgs(self) -> None:
        p = 0
        while not self.full():
            p += 1
            self.jurisdiction(f"P{p}", "provincial", None, self.place() + "省", None)

    def jurisdiction(
        self, code: str, level: str, parent: _Juris | None, name: str, region: str | None
    ) -> None:
        region = f"{region}/{name}" if region else name
        groups_n, depts_n, pg_n, kids = _SHAPE[level]
        cid = self.add_org(
            code,
            f"中共{name}委员会",
            "party_committee",
            level,
            parent.committee if parent else None,
            region=region,
        )
        j = _Juris(code, level, name, cid, parent)
        self.juris.append(j)
        self.juris_of[cid] = j
        if self.full():
            return
        j.cdi = self.add_org(f"{code}-cdi", f"{name}纪委监委", "discipline_commission", level, cid)
        self.juris_of[j.cdi] = j
        for k in range(1, groups_n + 1):
            if self.full():
                return
            g = self.add_org(
                f"{code}-g{k}", f"{name}纪委监委派驻第{k}纪检监察组", "dispatched_group", level, j.cdi
            )
            j.groups.append(g)
            self.juris_of[g] = j
        for k in range(depts_n):
            if self.full():
                return
            label, full_name, domains = _FUNC_DEPTS[k]
            nm = f"中共{name}{full_name}" if full_name.startswith("委") else f"{name}{full_name}"
            d = self.add_org(
                f"{code}-fd{k + 1}", nm, "functional_department", level, cid, domains=list(domains)
            )
            j.depts.append(d)
            self.juris_of[d] = j
        for k in range(pg_n):
            if self.full():
                return
            dept = _DEPTS[k % len(_DEPTS)]
            pg_id, unit_id = f"{code}-pg{k + 1}", f"{code}-u{k + 1}"
            has_unit = len(self.orgs) + 1 < self.n
            extra = {"leads": [unit_id]} if has_unit else {}
            pg = self.add_org(
                pg_id,
                f"{name}{dept}党{'委' if dept == '公安局' else '组'}",
                "party_group",
                level,
                cid,
                **extra,
            )
            j.pgroups.append(pg)
            self.juris_of[pg] = j
            if has_unit:
                self.add_org(unit_id, f"{name}{dept}", "unit", level, None)
                self.units_of[pg] = [unit_id]
        for k in range(1, kids + 1):
            if self.full():
                return
            if level == "county":
                self.township(f"{code}T{k}", j, region)
            else:
                child = "municipal" if level == "provincial" else "county"
                self.jurisdiction(
                    f"{code}{'C' if child == 'municipal' else 'X'}{k}",
                    child,
                    j,
                    self.place() + _SUFFIX[child],
                    region,
                )

    def township(self, code: str, county: _Juris, region: str) -> None:
        kind = _TOWN_KINDS[self.rng.randrange(3)]
        name = self.place() + kind
        label = "街道工作委员会" if kind == "街道" else "委员会"
        cid = self.add_org(
            code,
            f"中共{county.name}{name}{label}",
            "party_committee",
            "township",
            county.committee,
            region=f"{region}/{name}",
        )
        j = _Juris(code, "township", name, cid, county)
        self.juris.append(j)
        self.juris_of[cid] = j
        if self.full():
            return
        j.cdi = self.add_org(
            f"{code}-cdi",
            f"{name}纪律检查{'工作委员会' if kind == '街道' else '委员会'}",
            "discipline_commission",
            "township",
            cid,
        )
        self.juris_of[j.cdi] = j
        base = "社区" if kind == "街道" else "村"
        for k in range(1, _BRANCHES + 1):
            if self.full():
                return
            b = self.add_org(
                f"{code}-b{k}", f"{name}{self.place()}{base}党支部", "party_branch", "grassroots", cid
            )
            j.branches.append(b)
            self.juris_of[b] = j

    # -- people ----------------------------------------------------------
    def add_person(self, pid: str, posts: list[dict]) -> str:
        self.people.append({"id": pid, "name": self.person_name(), "posts": posts})
        self.posts_of[pid] = posts
        for p in posts:
            self.people_in[p["org"]].append(pid)
            if p["role"] == "head":
                self.head_of[p["org"]] = pid
        return pid

    def build_people(self) -> None:
        self.no_head = {o for o, k in self.kind.items() if k in _LEADING and self.plant("FIRST-001", o)}
        self.dual2 = {u for us in self.units_of.values() for u in us if self.plant("DUAL-002", u)}
        for j in self.juris:
            self.team(j)
        self.plan_supervision()

    def team(self, j: _Juris) -> None:
        c, lvl = j.committee, j.level
        sec = {"provincial": "省委书记", "municipal": "市委书记", "county": "县委书记"}.get(lvl, "党委书记")
        gov = {"provincial": "省长", "municipal": "市长", "county": "县长"}.get(lvl, "乡镇长")
        if c not in self.no_head:
            self.add_person(f"{c}-sec", [{"org": c, "title": sec, "role": "head"}])
        self.add_person(
            f"{c}-gov", [{"org": c, "title": f"副书记、{gov}", "role": "deputy", "areas": ["政府工作"]}]
        )
        if lvl == "township":
            self.add_person(
                f"{c}-org",
                [{"org": c, "title": "党委委员、组织委员", "role": "member", "areas": ["基层党组织建设"]}],
            )
            if j.cdi:
                self.add_person(
                    f"{c}-dis",
                    [
                        {"org": c, "title": "党委委员、纪委书记", "role": "discipline_secretary"},
                        {"org": j.cdi, "title": "纪委书记", "role": "head"},
                    ],
                )
            for b in j.branches:
                self.add_person(f"{b}-sec", [{"org": b, "title": "党支部书记", "role": "head"}])
                self.add_person(f"{b}-org", [{"org": b, "title": "组织委员", "role": "member"}])
            return
        self.add_person(
            f"{c}-dsec", [{"org": c, "title": "专职副书记", "role": "deputy", "areas": ["党的建设"]}]
        )
        if j.cdi:
            self.add_person(
                f"{c}-dis",
                [
                    {"org": c, "title": "常委、纪委书记、监委主任", "role": "discipline_secretary"},
                    {"org": j.cdi, "title": "纪委书记、监委主任", "role": "head"},
                ],
            )
            self.add_person(f"{j.cdi}-dep", [{"org": j.cdi, "title": "纪委副书记", "role": "deputy"}])
        for g in j.groups:
            self.add_person(f"{g}-head", [{"org": g, "title": "组长", "role": "head"}])
            self.add_person(f"{g}-dep", [{"org": g, "title": "副组长", "role": "member"}])
        for k, d in enumerate(j.depts):
            label, _, domains = _FUNC_DEPTS[k]
            if k < 4:  # the heads of the committee's own departments sit on the committee
                self.add_person(
                    f"{d}-head",
                    [
                        {
                            "org": c,
                            "title": f"常委、{label}部长" if k < 3 else "常委、政法委书记",
                            "role": "member",
                            "areas": [d, *domains],
                        },
                        {"org": d, "title": "部长" if k < 3 else "书记", "role": "head"},
                    ],
                )
            else:
                self.add_person(f"{d}-head", [{"org": d, "title": "局长", "role": "head"}])
        fin = [d for d in j.depts[4:]]
        self.add_person(
            f"{c}-exec",
            [{"org": c, "title": "常委、常务副职", "role": "member", "areas": [*fin, "财经工作"]}],
        )
        for pg in j.pgroups:
            units = self.units_of.get(pg, [])
            if pg not in self.no_head:
                self.add_person(f"{pg}-head", [{"org": pg, "title": "党组书记、局长", "role": "head"}])
            shown = [u for u in units if u not in self.dual2]
            self.add_person(
                f"{pg}-m1",
                [{"org": pg, "title": "党组成员、副局长", "role": "member", "areas": [*shown, "业务工作"]}],
            )
            if self.chance("m2", pg, 0.5):
                self.add_person(
                    f"{pg}-m2",
                    [{"org": pg, "title": "党组成员、副局长", "role": "member", "areas": ["机关党建"]}],
                )

    def plan_supervision(self) -> None:
        """Coverage of supervision (SUP-001) first, then dispatched-group members posted in what they watch."""
        self.unsupervised = {o for o, k in self.kind.items() if k in _LEADING and self.plant("SUP-001", o)}
        self.group_over: dict[str, list[str]] = {}
        self.cdi_over: dict[str, list[str]] = defaultdict(list)
        for j in self.juris:
            pgs = [pg for pg in j.pgroups if pg not in self.unsupervised]
            if j.groups:
                for g in j.groups:
                    self.group_over[g] = []
                for i, pg in enumerate(pgs):
                    self.group_over[j.groups[i % len(j.groups)]].append(pg)
            elif j.cdi:
                self.cdi_over[j.cdi].extend(pgs)
            # The committee: its own commission, else the nearest one above.
            if j.committee not in self.unsupervised:
                k: _Juris | None = j
                while k is not None and k.cdi is None:
                    k = k.parent
                if k is not None:
                    self.cdi_over[k.cdi].append(j.committee)  # type: ignore[index]
            if j.cdi and j.branches:
                self.cdi_over[j.cdi].extend(j.branches)
        for g, over in self.group_over.items():
            dep = f"{g}-dep"
            if over and dep in self.posts_of and self.plant("SUP-003", dep):
                h = hashlib.blake2b(self._salt + dep.encode(), digest_size=4).digest()
                x = over[int.from_bytes(h, "big") % len(over)]
                post = {"org": x, "title": "党组成员（原职未免）", "role": "member", "areas": ["机关党建"]}
                self.posts_of[dep].append(post)
                self.people_in[x].append(dep)

    # -- declared responsibilities and lists -----------------------------
    def build_duties(self) -> tuple[list[dict], list[dict]]:
        resps: list[dict] = []
        lists: list[dict] = []
        self.no_main = {o for o, k in self.kind.items() if k in _PARTY and self.plant("MAIN-001", o)}
        for o in self.orgs:
            oid, k = o["id"], o["kind"]
            if k == "party_committee" and oid not in self.no_main:
                resps.append({"type": "main", "bearer": oid, "over": [oid]})
                lists.append(self.make_list(oid, "main", "主体责任清单", 3))
            elif k == "party_group" and oid not in self.no_main:
                if self.chance("mainlist", oid, 0.5):
                    lists.append(self.make_list(oid, "main", "主体责任清单", 3))
                else:
                    resps.append({"type": "main", "bearer": oid, "over": self.units_of.get(oid) or [oid]})
            elif k == "party_branch" and oid not in self.no_main:
                resps.append({"type": "main", "bearer": oid, "over": [oid]})
            elif k == "discipline_commission":
                over = self.cdi_over.get(oid)
                resps.append({"type": "supervisory", "bearer": oid, **({"over": over} if over else {})})
                if o["level"] != "township":
                    lists.append(self.make_list(oid, "supervisory", "监督责任清单", 2))
            elif k == "dispatched_group":
                over = self.group_over.get(oid)
                resps.append({"type": "supervisory", "bearer": oid, **({"over": over} if over else {})})
            elif k == "functional_department":
                if not self.plant("FUNC-001", oid):
                    resps.append({"type": "functional_regulatory", "bearer": oid, "over": list(o["domains"])})
            if k in ("party_group", "functional_department") and self.plant("SUP-002", oid):
                resps.append({"type": "supervisory", "bearer": oid, "over": ["本单位党员干部"]})
        # People: first_responsible for heads of party organizations, one_post_two_duties for the team.
        for person in self.people:
            pid = person["id"]
            posts = self.posts_of[pid]
            heads = [p["org"] for p in posts if p["role"] == "head" and self.kind[p["org"]] in _PARTY]
            if heads and not self.plant("FIRST-002", pid):
                resps.append({"type": "first_responsible", "bearer": pid, "over": heads})
            team = [p for p in posts if p["role"] in ("deputy", "member") and self.kind[p["org"]] in _LEADING]
            if team and not self.plant("DUAL-001", pid):
                areas = [a for p in team for a in p.get("areas") or ()] or [p["org"] for p in team]
                resps.append(
                    {"type": "one_post_two_duties", "bearer": pid, "over": list(dict.fromkeys(areas))}
                )
        return resps, lists

    def make_list(self, owner: str, kind: str, label: str, ntasks: int) -> dict:
        """A list of ``owner`` with its tasks; LIST-001..004 are planted per task."""
        lid = f"{owner}-{kind}"
        doers = list(self.people_in.get(owner, ()))
        lead = (self.units_of.get(owner) or [owner])[0]
        tasks = []
        goals = _MAIN_GOALS if kind == "main" else _SUP_GOALS
        for t in range(1, ntasks + 1):
            tid = f"{lid}-t{t}"
            goal, measure = goals[(len(owner) + t) % len(goals)]
            task: dict[str, Any] = {"id": tid, "goal": goal, "measure": measure}
            if doers:
                task["responsible"] = doers[(t - 1) % len(doers)]
            task["lead"] = lead
            if self.chance("past", tid, 0.5):
                task["due"], task["status"] = _date(_Y0, 90 + 30 * t), "done"
            else:
                task["due"], task["status"] = ("2025-12-31" if t % 2 else "2025-11-30"), "open"
            plant_task_gaps(task, self.plan, overdue=_date(_Y0, 120 + 30 * t))
            if "due" not in task:
                task["status"] = "open"
            task["implements"] = kind
            tasks.append(task)
        return {
            "id": lid,
            "name": f"{PERIOD}年{label}",
            "kind": kind,
            "owner": owner,
            "year": PERIOD,
            "tasks": tasks,
        }

    # -- events ----------------------------------------------------------
    def ev(self, **rec: Any) -> None:
        self._ev += 1
        if "with_" in rec:  # ``with`` is a Python keyword: spelt ``with_`` by the callers
            rec["with"] = rec.pop("with_")
        self.events.append({"id": f"e{self._ev}", **rec})

    def build_events(self) -> None:
        # Who counts for TALK-001: heads, deputies, members of leading party organizations.
        team_of: dict[str, list[str]] = defaultdict(list)  # jurisdiction committee -> team persons
        in_team: set[str] = set()
        for person in self.people:
            pid = person["id"]
            for p in self.posts_of[pid]:
                if p["role"] in ("head", "deputy", "member") and self.kind[p["org"]] in _LEADING:
                    j = self.juris_of[p["org"]]
                    if pid not in in_team:
                        team_of[j.committee].append(pid)
                    in_team.add(pid)
        silent = {p for p in in_team if self.plant("TALK-001", p)}
        rng = self.rng
        for j in self.juris:
            c = j.committee
            by = {"by": f"{c}-dis"} if j.cdi and f"{c}-dis" in self.posts_of else {}
            with_ = [p for p in team_of.get(c, ()) if p not in silent]
            if with_:
                self.ev(
                    kind="talk", talk="collective", date=_date(_Y0, 8 + rng.randrange(20)), **by, with_=with_
                )
            heads = [
                self.head_of[pg] for pg in j.pgroups if pg in self.head_of and self.head_of[pg] not in silent
            ]
            if heads:
                by2 = {"by": self.head_of[c]} if c in self.head_of else {}
                self.ev(
                    kind="talk", talk="conveying", date=_date(_Y0, 40 + rng.randrange(30)), **by2, with_=heads
                )
            if j.level == "township" and with_:
                self.ev(
                    kind="talk", talk="thematic", date=_date(_Y0, 100 + rng.randrange(60)), with_=with_[:2]
                )
            self.ev(kind="meeting", date=_date(_Y0, 20 + rng.randrange(40)), org=c, meeting="民主生活会")
            for b in j.branches:
                self.ev(kind="meeting", date=_date(_Y0, 30 + rng.randrange(200)), org=b, meeting="组织生活会")
            if j.parent is not None:
                self.ev(
                    kind="assessment",
                    date=_date(_Y0, 15 + rng.randrange(20)),
                    org=c,
                    result=rng.choice(("好", "较好", "一般")),
                )
        for pid in sorted(silent)[: max(1, len(silent) // 3)] if silent else ():
            self.ev(kind="talk", talk="thematic", date="2024-12-20", with_=[pid])  # outside the period
        # Accountability, and its follow-up (问责激励谈话).
        for pid in sorted(in_team - silent):
            if not self.chance("acc", pid, 0.04):
                continue
            day = 60 + rng.randrange(170)
            self.ev(
                kind="accountability",
                date=_date(_Y0, day),
                target=pid,
                form=rng.choice(("诫勉", "通报批评", "批评教育")),
                **{"for": rng.choice(("main", "one_post_two_duties", "first_responsible"))},
            )
            if not self.plant("ACC-001", pid):
                self.ev(
                    kind="talk", talk="encouragement", date=_date(_Y0, day + rng.randrange(31)), with_=[pid]
                )
        # Political-ecology ratings, and the warning talk a poor one calls for.
        leading = [o for o in self.orgs if o["kind"] in _LEADING]
        ratings = []
        for o in leading:
            oid = o["id"]
            poor = self.chance("poor", oid, 0.08)
            ratings.append((oid, poor, self.plant("ECO-001", oid) if poor else False))
        eco = {oid for oid, _, planted in ratings if planted}
        for oid, poor, planted in ratings:
            day = 31 + rng.randrange(180)
            rating = "poor" if poor else rng.choice(("good", "good", "fair", "average"))
            if poor and not planted:
                talker = next(
                    (
                        pid
                        for pid in self.people_in.get(oid, ())
                        if pid not in silent and not any(q["org"] in eco for q in self.posts_of[pid])
                    ),
                    None,
                )
                if talker is None:
                    rating = "average"  # nobody could be talked with: not a poor rating then
                else:
                    self.ev(
                        kind="talk",
                        talk=rng.choice(("warning", "collective")),
                        date=_date(_Y0, day + 5 + rng.randrange(35)),
                        with_=[talker],
                    )
            self.ev(kind="ecology_rating", date=_date(_Y0, day), org=oid, rating=rating)
        # Consultations between each dispatched group and the party groups it supervises.
        for g, over in self.group_over.items():
            keep = [u for u in over if not self.plant("CONS-001", u)]
            if keep:
                self.ev(kind="consultation", date=_date(_Y0, 60 + rng.randrange(200)), parties=[g, *keep])
            for u in over:
                if u not in keep and self.chance("cons24", u, 0.5):
                    self.ev(kind="consultation", date="2024-12-18", parties=[g, u])

    # -- results ---------------------------------------------------------
    def chain(self) -> list[tuple[str, str]]:
        """CHAIN-001 below every planted MAIN-001 and FIRST-001."""
        return chain_breaks(self.orgs, self.no_main | self.no_head)


_MAIN_GOALS = [
    ("落实意识形态工作责任制", "每半年专题研究一次"),
    ("压实一把手第一责任人责任", "逐一开展传达类谈话"),
    ("推动班子成员落实一岗双责", "班子成员每半年报告分管领域情况"),
    ("深化作风建设", "开展作风问题专项整治"),
    ("加强基层党组织建设", "开展软弱涣散党组织整顿"),
]
_SUP_GOALS = [
    ("开展政治生态分析研判", "逐一研判并书面反馈"),
    ("做实问责“后半篇文章”", "对受问责干部开展回访和激励谈话"),
    ("推动派驻机构与驻在单位专题会商", "每年至少会商一次"),
]


def synth_register(orgs: int, *, seed: int = 0, gap_rate: float = 0.0) -> tuple[dict, list[list[str]]]:
    """Generate a register with ``orgs`` organizations and the findings planted in it.

    Parameters
    ----------
    orgs : int
        The number of organizations (at least 2).
    seed : int
        Seeds names, dates and which gaps are planted.
    gap_rate : float
        For each rule and each subject eligible for it, the probability that
        the gap is planted (0 for a clean register).

    Returns
    -------
    data : dict
        The register in the format of register.md.
    expected : list of [rule, subject]
        The findings the engine must give for it, sorted.
    """
    if orgs < 2:
        raise ValueError("orgs must be at least 2 / 组织数至少为 2")
    if not 0 <= gap_rate <= 1:
        raise ValueError("gap_rate must be within [0, 1] / 缺口率须在 0 到 1 之间")
    g = _Gen(orgs, seed, gap_rate)
    g.build_orgs()
    g.build_people()
    resps, lists = g.build_duties()
    g.build_events()
    data: dict[str, Any] = {
        "respchain": 1,
        "meta": {
            "title": f"合成登记册：{orgs} 个组织（种子 {seed}，缺口率 {gap_rate}）",
            "as_of": AS_OF,
            "period": PERIOD,
        },
        "sources": [
            {"id": "synth", "title": "respchain synth 合成数据 / synthetic data", "publisher": "respchain"}
        ],
        "organizations": g.orgs,
        "people": g.people,
        "responsibilities": resps,
        "lists": lists,
        "events": g.events,
        "mechanisms": [
            {
                "id": "mech-dual-list",
                "name": "双清单双交办",
                "adopted_by": [j.cdi for j in g.juris if j.cdi and j.parent is None],
            }
        ],
    }
    if not data["mechanisms"][0]["adopted_by"]:
        del data["mechanisms"]
    expected = sorted([list(x) for x in (*g.plan.planted, *g.chain())])
    return data, expected


def synth_parts(
    orgs: int, *, seed: int = 0, gap_rate: float = 0.0, part_orgs: int = 50_000
) -> tuple[Iterator[dict], list[list[str]]]:
    """The register of :func:`synth_register`, cut into registers of whole provinces.

    Every record of the synthetic register stays inside its province (an
    organization, its people, their responsibilities, lists and events), so
    the parts are registers of their own, each with the ``sources`` and the
    ``meta`` of the whole and the mechanism's adopters of its provinces.
    Responsibilities get the ids the whole register's graph gives them
    (``resp:N``), so that the graphs of the parts together are the graph of
    the whole: a graph too big for memory can be built and exported a part at
    a time (:func:`respchain.graph.neo4j.graphs_to_neo4j_admin`).

    Parameters
    ----------
    orgs, seed, gap_rate
        As for :func:`synth_register`.
    part_orgs : int
        Provinces are gathered into a part until it holds at least this many organizations.

    Returns
    -------
    parts : iterator of dict
        The registers, in the order of the provinces; each is handed out once
        and no longer held here.
    expected : list of [rule, subject]
        The findings of the whole register.

    Examples
    --------
    >>> parts, expected = synth_parts(20000, seed=1, part_orgs=7000)
    >>> [len(p["organizations"]) for p in parts]
    [12476, 7524]
    """
    if part_orgs < 1:
        raise ValueError("part_orgs must be at least 1 / 每部分组织数至少为 1")
    data, expected = synth_register(orgs, seed=seed, gap_rate=gap_rate)
    return _split(data, part_orgs), expected


_PROVINCE = re.compile(r"P\d+")


def _split(data: dict[str, Any], part_orgs: int) -> Iterator[dict]:
    def province(ident: str) -> str:
        m = _PROVINCE.match(ident)
        return m.group(0) if m else ""

    part_of: dict[str, int] = {}
    k = size = 0
    for o in data["organizations"]:
        p = province(o["id"])
        if p not in part_of:
            if size >= part_orgs:
                k, size = k + 1, 0
            part_of[p] = k
        size += 1
    n_parts = max(part_of.values()) + 1
    sections: dict[str, list[list[dict]]] = {}

    def owner(rec: dict[str, Any], section: str) -> str:
        if section == "responsibilities":
            return str(rec["bearer"])
        if section == "lists":
            return str(rec["owner"])
        if section == "events":
            for key in ("org", "by", "target", "with", "parties"):
                v = rec.get(key)
                if v:
                    return str(v[0] if isinstance(v, list) else v)
        return str(rec["id"])

    for section in ("organizations", "people", "responsibilities", "lists", "events"):
        buckets: list[list[dict]] = [[] for _ in range(n_parts)]
        for n, rec in enumerate(data.pop(section), 1):
            if section == "responsibilities" and "id" not in rec:
                rec["id"] = f"resp:{n}"  # the id the whole register's graph gives it
            buckets[part_of[province(owner(rec, section))]].append(rec)
        sections[section] = buckets
    mechanisms = data.pop("mechanisms", [])
    for k in range(n_parts):
        part: dict[str, Any] = copy.deepcopy(data)  # meta and sources: loading marks the records it reads
        for section, buckets in sections.items():
            part[section], buckets[k] = buckets[k], []
        mine = [
            {**m, "adopted_by": adopters}
            for m in mechanisms
            if (adopters := [o for o in m["adopted_by"] if part_of[province(o)] == k])
        ]
        if mine:
            part["mechanisms"] = mine
        yield part
        del part


def expected_path(path: str | Path) -> Path:
    """Where the planted findings of a register file go: ``city.json`` -> ``city.expected.json``."""
    path = Path(path)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return path.with_name(stem + ".expected.json")


def write_synth(path: str | Path, orgs: int, *, seed: int = 0, gap_rate: float = 0.0) -> tuple[Path, Path]:
    """Generate a register and write it (JSON, or YAML for ``.yaml``/``.yml``) with its expected findings beside it.

    Returns
    -------
    (register path, expected path)
    """
    path = Path(path)
    data, expected = synth_register(orgs, seed=seed, gap_rate=gap_rate)
    path.parent.mkdir(parents=True, exist_ok=True)
    exp = expected_path(path)
    with all_or_none():  # the register and its expected findings, both or neither
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
            write_text_atomic(
                path, yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=200)
            )
        else:
            write_text_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        write_text_atomic(exp, "[" + ",\n ".join(json.dumps(x, ensure_ascii=False) for x in expected) + "]\n")
    return path, exp
