"""The floor: a hand-rolled check of the 18 gap rules in one pass over a register's JSON.

What is the least any implementation of the gap rules can cost? This module
reads the JSON with :func:`json.load`, walks its records once into plain dicts
and sets, and applies every rule of the catalog to them: no validation, no
graph, no :class:`Finding` objects, no messages. It answers with the set of
``(rule, subject, evidence)`` triples, which :mod:`bench.bench_gaps` compares
with what ``respchain gaps`` finds on the same file, so that the floor is known
to check the same rules.

It imports nothing of respchain: the vocabulary it needs (which organization
kinds are party organizations, which roles form the leading team) is written
out below, and the comparison with the real rules catches any drift.

Usage::

    python bench/floor.py register.json      # prints the number of findings per rule
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

__all__ = ["floor_findings", "floor_file", "RULES"]

RULES = (
    "MAIN-001", "FIRST-001", "FIRST-002", "DUAL-001", "DUAL-002", "SUP-001", "SUP-002", "SUP-003",
    "FUNC-001", "LIST-001", "LIST-002", "LIST-003", "LIST-004", "CHAIN-001", "ACC-001", "TALK-001",
    "ECO-001", "CONS-001",
)  # fmt: skip

PARTY = ("party_branch", "party_committee", "party_group")  # sorted, as the rules list them
LEADING = ("party_committee", "party_group")
TEAM = frozenset({"head", "deputy", "member"})
OTHER_MEMBERS = frozenset({"deputy", "member"})
SUPERVISORS = frozenset({"discipline_commission", "dispatched_group"})
ECO_TALKS = frozenset({"collective", "warning"})
# A due_note that is a deadline although not a date (长期坚持, 每季度): no LIST-003.
STANDING_DUE = re.compile(
    r"(?s)\s*(每|长期|持续|常态|经常|定期|随时|全年|全程|逐年|日常|动态|及时|年内|年度内|适时|视情|"
    r"根据|按(季|月|年|周|旬|半年|期|时|要求|上级|规定|计划|进度|程序|节点)).*"
)

Triple = tuple[str, str, tuple[str, ...]]


def _ids(v: Any) -> list:
    """A field that holds one id or a list of ids, as a list without repeats (order kept)."""
    if v is None or v == "":
        return []
    if not isinstance(v, list):
        return [v]
    return list(dict.fromkeys(v)) if len(v) > 1 else v


def floor_findings(data: dict) -> set[Triple]:
    """The ``(rule, subject, evidence)`` triples of every rule over one register's data."""
    meta = data.get("meta") or {}
    day = str(meta.get("as_of", ""))
    year = str(meta.get("period", day[:4]))
    orgs = data.get("organizations") or []

    # One pass over the records.
    kind: dict[str, str] = {}
    by_kind: dict[str, list[str]] = defaultdict(list)
    parent: dict[str, str] = {}
    leads: dict[str, list[str]] = {}
    led_by: dict[str, list[str]] = defaultdict(list)
    for o in orgs:
        oid, k = o["id"], o["kind"]
        kind[oid] = k
        by_kind[k].append(oid)
        if o.get("parent"):
            parent[oid] = o["parent"]
        lu = _ids(o.get("leads"))
        if lu:
            leads[oid] = lu
            for u in lu:
                led_by[u].append(oid)
    posts_by_org: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
    posts_by_person: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for p in data.get("people") or []:
        pid = p["id"]
        for post in p.get("posts") or ():
            since, until = post.get("since"), post.get("until")
            if (since and str(since) > day) or (until and str(until) < day):
                continue  # the rules see the posts held on the reference date
            org, role = post["org"], post["role"]
            areas = [a for a in _ids(post.get("areas")) if a in kind]
            posts_by_org[org].append((pid, role, areas))
            posts_by_person[pid].append((org, role))
    ids = set(kind) | {p["id"] for p in data.get("people") or []}
    declared_by: dict[tuple[str, str], list[str]] = defaultdict(list)
    covers: dict[str, list[str]] = {}
    supervised: set[str] = set()
    for n, r in enumerate(data.get("responsibilities") or [], 1):
        rid = r.get("id")
        if not rid:
            rid = f"resp:{n}"
            while rid in ids:
                rid += "_"
            ids.add(rid)
        rtype = r["type"]
        declared_by[(r["bearer"], rtype)].append(rid)
        cov = [a for a in _ids(r.get("over")) if a in kind]
        covers[rid] = cov
        if rtype == "supervisory":
            supervised.update(cov)
    tasks: list[tuple[str, str, Any, str, list, Any, bool]] = []
    for lst in data.get("lists") or []:
        lid, lk = lst["id"], lst["kind"]
        if lk in ("main", "supervisory"):
            declared_by[(lst["owner"], lk)].append(lid)
        for t in lst.get("tasks") or ():
            note = t.get("due_note")
            standing = bool(note) and STANDING_DUE.fullmatch(str(note)) is not None
            tasks.append((t["id"], lid, t.get("due") or None, t.get("status") or "open",
                          _ids(t.get("responsible")), t.get("lead"), standing))  # fmt: skip
    talks: list[tuple[str, str, list]] = []
    accountabilities: list[tuple[str, str, list]] = []
    consultations: list[tuple[str, list]] = []
    ratings: list[tuple[str, str, str]] = []
    for ev in data.get("events") or []:
        ek, date = ev["kind"], str(ev.get("date", ""))
        if ek == "talk":
            talks.append((ev.get("talk", ""), date, _ids(ev.get("with"))))
        elif ek == "accountability":
            accountabilities.append((ev["id"], date, _ids(ev.get("target"))))
        elif ek == "consultation":
            consultations.append((date, _ids(ev.get("parties"))))
        elif ek == "ecology_rating" and ev.get("rating") == "poor" and ev.get("org"):
            ratings.append((ev["id"], date, ev["org"]))

    out: set[Triple] = set()
    add = out.add
    party = [o for k in PARTY for o in by_kind.get(k, ())]
    leading = [o for k in LEADING for o in by_kind.get(k, ())]

    # MAIN-001, FUNC-001, FIRST-001
    broken: set[str] = set()
    for o in party:
        if (o, "main") not in declared_by:
            add(("MAIN-001", o, (o,)))
            broken.add(o)
    for o in by_kind.get("functional_department", ()):
        if (o, "functional_regulatory") not in declared_by:
            add(("FUNC-001", o, (o,)))
    for o in leading:
        if not any(role == "head" for _, role, _ in posts_by_org.get(o, ())):
            add(("FIRST-001", o, (o,)))
            broken.add(o)

    # FIRST-002, DUAL-001
    for person, posts in posts_by_person.items():
        if (person, "first_responsible") not in declared_by:
            heads = {org for org, role in posts if role == "head" and kind.get(org) in PARTY}
            if heads:
                add(("FIRST-002", person, (person, *sorted(heads))))
        if (person, "one_post_two_duties") not in declared_by:
            seats = {org for org, role in posts if role in OTHER_MEMBERS and kind.get(org) in LEADING}
            if seats:
                add(("DUAL-001", person, (person, *sorted(seats))))

    # DUAL-002, SUP-001
    unassigned: dict[str, set[str]] = defaultdict(set)
    for o in leading:
        units = leads.get(o, ())
        if units:
            covered = {a for _, role, areas in posts_by_org.get(o, ()) if role in TEAM for a in areas}
            for u in units:
                if u not in covered:
                    unassigned[u].add(o)
        if o not in supervised and not any(u in supervised for u in units):
            add(("SUP-001", o, (o, *sorted(units))))
    for u, by in unassigned.items():
        add(("DUAL-002", u, (u, *sorted(by))))

    # SUP-002
    for (bearer, rtype), rids in declared_by.items():
        if rtype == "supervisory" and kind.get(bearer) not in SUPERVISORS:
            add(("SUP-002", bearer, (bearer, *sorted(set(rids)))))

    # SUP-003, CONS-001
    met: set[tuple[str, str]] = set()
    for date, parties in consultations:
        if date[:4] == year:
            for g in parties:
                if kind.get(g) == "dispatched_group":
                    met.update((g, o) for o in parties)
    conflict: dict[str, set[str]] = defaultdict(set)
    no_cons: dict[str, set[str]] = defaultdict(set)
    for g in by_kind.get("dispatched_group", ()):
        cov = {o for r in declared_by.get((g, "supervisory"), ()) for o in covers.get(r, ())}
        for o in cov:
            if kind.get(o) in LEADING and (g, o) not in met:
                no_cons[o].add(g)
        members = {person for person, _, _ in posts_by_org.get(g, ())}
        if not members or not cov:
            continue
        watched = set(cov)
        for u in cov:
            watched.update(led_by.get(u, ()))
        watched.discard(g)
        for person in members:
            for org, role in posts_by_person.get(person, ()):
                if org in watched and role != "discipline_secretary":
                    conflict[person].update((g, org))
    for person, involved in conflict.items():
        add(("SUP-003", person, (person, *sorted(involved))))
    for o, gs in no_cons.items():
        add(("CONS-001", o, (o, *sorted(gs))))

    # LIST-001..004
    for tid, lid, due, status, responsible, lead, standing in tasks:
        ev = (tid, lid)
        if not responsible:
            add(("LIST-001", tid, ev))
        if not lead:
            add(("LIST-002", tid, ev))
        if not due:
            if not standing:
                add(("LIST-003", tid, ev))
        elif due < day and status != "done":
            add(("LIST-004", tid, ev))

    # CHAIN-001: the path up to the nearest broken ancestor, shared down the line.
    above: dict[str, tuple[str, ...] | None] = {}
    for x in party:
        stack: list[str] = []
        cur = x
        while cur not in above:
            p = parent.get(cur)
            if p is None or cur in stack:
                above[cur] = None
                break
            if p in broken:
                above[cur] = (p,)
                break
            stack.append(cur)
            cur = p
        while stack:
            c = stack.pop()
            up = above.get(parent[c])
            above[c] = (parent[c], *up) if up else None
        path = above[x]
        if path:
            add(("CHAIN-001", x, (x, *path)))

    # ACC-001, TALK-001, ECO-001
    last_enc: dict[str, str] = {}
    last_eco: dict[str, str] = {}
    talked: set[str] = set()
    for talk, date, with_ in talks:
        if date[:4] == year:
            talked.update(with_)
        if talk == "encouragement" and date <= day:
            for p in with_:
                if date > last_enc.get(p, ""):
                    last_enc[p] = date
        elif talk in ECO_TALKS:
            for p in with_:
                if date > last_eco.get(p, ""):
                    last_eco[p] = date
    missing: dict[str, list[str]] = defaultdict(list)
    for eid, date, targets in accountabilities:
        for p in targets:
            if last_enc.get(p, "") < date:
                missing[p].append(eid)
    for p, eids in missing.items():
        add(("ACC-001", p, (p, *sorted(eids))))
    seats: dict[str, set[str]] = defaultdict(set)
    for o in leading:
        for person, role, _ in posts_by_org.get(o, ()):
            if role in TEAM and person not in talked:
                seats[person].add(o)
    for person, os_ in seats.items():
        add(("TALK-001", person, (person, *sorted(os_))))
    poor: dict[str, list[str]] = defaultdict(list)
    for eid, date, org in ratings:
        latest = max((last_eco.get(person, "") for person, _, _ in posts_by_org.get(org, ())), default="")
        if latest < date:
            poor[org].append(eid)
    for org, eids in poor.items():
        add(("ECO-001", org, (org, *sorted(eids))))
    return out


def floor_file(path: str | Path) -> set[Triple]:
    """:func:`floor_findings` of a JSON register file."""
    with open(path, encoding="utf-8") as f:
        return floor_findings(json.load(f))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    found = floor_file(argv[0])
    counts: dict[str, int] = defaultdict(int)
    for rule, _, _ in found:
        counts[rule] += 1
    for rule in RULES:
        print(f"{rule}\t{counts.get(rule, 0)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
