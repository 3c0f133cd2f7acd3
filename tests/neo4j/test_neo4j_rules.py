"""Every gap rule in Cypher gives the findings the in-memory engine gives.

Over every example register in data/ and tests/data/, with their own dates and
with others, and over a few hundred random registers built by hypothesis.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from respchain.graph import OrgKind, ResponsibilityKind
from respchain.graph.neo4j import graph_to_neo4j
from respchain.loaders import load_graph, register_from_data
from respchain.queries import CATALOG, find_gaps
from respchain.queries.backends.neo4j import cypher_for, gaps_from_neo4j

from respchain.exceptions import RegisterError, UnknownRuleError
from tests.neo4j.neo4j_helpers import example_registers

REGISTERS = example_registers()


def test_every_rule_has_its_cypher():
    for rid in CATALOG:
        text = cypher_for(rid)
        assert text.startswith(f"// {rid} ")
        assert "RETURN" in text and "subject_name" in text
    with pytest.raises(UnknownRuleError):
        cypher_for("NOPE-001")


def _parity(G, driver, database, **dates):
    memory = find_gaps(G, **dates)
    neo = find_gaps(G, backend="neo4j", driver=driver, database=database, **dates)
    assert [f.to_dict() for f in neo] == [f.to_dict() for f in memory]
    return memory


@pytest.mark.parametrize("name", list(REGISTERS))
def test_parity_on_every_example_register(driver, database, name):
    G = load_graph(REGISTERS[name])
    graph_to_neo4j(G, driver, database=database, replace=True)
    found = _parity(G, driver, database)
    # The stored graph's own as_of and period are the defaults in Neo4j too.
    assert gaps_from_neo4j(driver, database=database) == found
    for as_of, period in (("2024-06-30", 2024), ("2026-01-01", 2025)):
        _parity(G, driver, database, as_of=as_of, period=period)
    _parity(G, driver, database, soon=90)


def test_district_example_findings(driver, database):
    """The worked example of gaps.md, finding by finding."""
    import json

    from tests.neo4j.neo4j_helpers import ROOT

    case = ROOT / "tests" / "data" / "gaps" / "district"
    G = load_graph(case / "register.yaml")
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    expected = expected["findings"] if isinstance(expected, dict) else expected
    keys = sorted(tuple(x) if isinstance(x, list) else (x["rule"], x["subject"]) for x in expected)
    graph_to_neo4j(G, driver, database=database, replace=True)
    assert sorted(f.key() for f in gaps_from_neo4j(driver, database=database)) == keys


# ---------------------------------------------------------------- random registers

# Ids mix ASCII, CJK, full-width forms and characters beyond U+FFFF: Neo4j and
# Python order the last two differently, which evidence must not show.
_SUFFIX = st.sampled_from(["", "中", "！", "𠀀", "-b", "_a"])
_DATES = st.dates(min_value=datetime.date(2024, 1, 1), max_value=datetime.date(2025, 12, 31)).map(
    lambda d: d.isoformat()
)
_ORG_KINDS = OrgKind.values()
_RESP = ResponsibilityKind.values()
_ROLES = ["head", "deputy", "member", "discipline_secretary"]
_TALKS = ["conveying", "thematic", "warning", "encouragement", "collective"]


@st.composite
def registers(draw) -> dict:
    n_org = draw(st.integers(1, 7))
    orgs = [f"o{i}{draw(_SUFFIX)}" for i in range(n_org)]
    n_people = draw(st.integers(0, 5))
    people = [f"p{i}{draw(_SUFFIX)}" for i in range(n_people)]
    pick_org = st.sampled_from(orgs)
    some_orgs = st.lists(pick_org, max_size=3, unique=True)
    data: dict = {
        "respchain": 1,
        "meta": {"as_of": draw(_DATES), "period": draw(st.sampled_from([2024, 2025]))},
    }
    org_recs = []
    for i, o in enumerate(orgs):
        rec = {
            "id": o,
            "name": draw(st.sampled_from(["党委", "党组", "局", o])),
            "kind": draw(st.sampled_from(_ORG_KINDS)),
        }
        if i and draw(st.booleans()):  # a parent listed earlier: the leadership line has no cycle
            rec["parent"] = draw(st.sampled_from(orgs[:i]))
        leads = draw(some_orgs)
        if leads:
            rec["leads"] = leads
        org_recs.append(rec)
    data["organizations"] = org_recs
    heads: set[str] = set()
    person_recs = []
    for p in people:
        posts = []
        for _ in range(draw(st.integers(0, 3))):
            org = draw(pick_org)
            role = draw(st.sampled_from(_ROLES))
            if role == "head":
                if org in heads:
                    role = "member"
                heads.add(org)
            post = {"org": org, "role": role}
            if draw(st.booleans()):  # tenure: a post that ended, has not begun, or spans as_of
                since, until = sorted(draw(st.lists(_DATES, min_size=2, max_size=2)))
                if draw(st.booleans()):
                    post["since"] = since
                if draw(st.booleans()):
                    post["until"] = until
            areas = draw(st.lists(st.one_of(pick_org, st.just("社会救助")), max_size=2, unique=True))
            if areas:
                post["areas"] = areas
            posts.append(post)
        person_recs.append({"id": p, "name": draw(st.sampled_from(["王某", "李某", p])), "posts": posts})
    if person_recs:
        data["people"] = person_recs
    bearers = st.sampled_from(orgs + people)
    resps = []
    for _ in range(draw(st.integers(0, 6))):
        r = {"type": draw(st.sampled_from(_RESP)), "bearer": draw(bearers)}
        over = draw(st.lists(st.one_of(pick_org, st.just("意识形态工作")), max_size=3, unique=True))
        if over:
            r["over"] = over
        resps.append(r)
    for rec in org_recs:  # dispatched groups and what they watch (SUP-003, CONS-001)
        if rec["kind"] == "dispatched_group" and draw(st.booleans()):
            over = draw(st.lists(pick_org, min_size=1, max_size=3, unique=True))
            resps.append({"type": "supervisory", "bearer": rec["id"], "over": over})
    if resps:
        data["responsibilities"] = resps
    evidence_ids = [f"ev{i}{draw(_SUFFIX)}" for i in range(draw(st.integers(0, 2)))]
    if evidence_ids:
        data["evidence"] = [{"id": e, "title": "纪实"} for e in evidence_ids]
    some_evidence = (
        st.lists(st.sampled_from(evidence_ids), max_size=2, unique=True) if evidence_ids else st.just([])
    )
    lists = []
    for i in range(draw(st.integers(0, 2))):
        tasks = []
        for j in range(draw(st.integers(0, 3))):
            t = {"id": f"t{i}-{j}{draw(_SUFFIX)}", "goal": "任务"}
            if people and draw(st.booleans()):
                t["responsible"] = draw(st.sampled_from(people))
            if draw(st.booleans()):
                t["lead"] = draw(pick_org)
            if draw(st.booleans()):
                t["due"] = draw(_DATES)
            t["status"] = draw(st.sampled_from(["open", "done"]))
            if t["status"] == "done" and draw(st.booleans()):
                t["done_on"] = draw(_DATES)
            ev = draw(some_evidence)
            if ev:
                t["evidence"] = ev
            tasks.append(t)
        lists.append(
            {
                "id": f"l{i}",
                "name": draw(st.sampled_from(["清单", ""])) or f"清单{i}",
                "kind": draw(st.sampled_from(["main", "supervisory", "other"])),
                "owner": draw(pick_org),
                "tasks": tasks,
            }
        )
    if lists:
        data["lists"] = lists
    events = []
    for i in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["talk", "accountability", "consultation", "ecology_rating"]))
        ev = {"id": f"e{i}{draw(_SUFFIX)}", "kind": kind, "date": draw(_DATES)}
        if kind == "talk":
            if not people:
                continue
            ev["talk"] = draw(st.sampled_from(_TALKS))
            ev["with"] = draw(st.lists(st.sampled_from(people), min_size=1, max_size=3, unique=True))
        elif kind == "accountability":
            if not people:
                continue
            ev["target"] = draw(st.lists(st.sampled_from(people), min_size=1, max_size=2, unique=True))
        elif kind == "consultation":
            if len(orgs) < 2:
                continue
            ev["parties"] = draw(st.lists(pick_org, min_size=2, max_size=3, unique=True))
        else:
            ev["org"] = draw(pick_org)
            ev["rating"] = draw(st.sampled_from(["good", "poor", "poor"]))
        events.append(ev)
    if events:
        data["events"] = events
    problems = []
    for i in range(draw(st.integers(0, 3))):
        pb = {
            "id": f"pb{i}{draw(_SUFFIX)}",
            "org": draw(pick_org),
            "title": "问题",
            "origin": draw(st.sampled_from(["inspection", "patrol", "audit", "other"])),
        }
        found = draw(_DATES)
        if draw(st.booleans()):
            pb["found"] = found
        for key in ("reported_on", "closed_on"):
            if draw(st.booleans()):
                pb[key] = max(found, draw(_DATES))
        ev = draw(some_evidence)
        if ev:
            pb["evidence"] = ev
        measures = []
        for j in range(draw(st.integers(0, 2))):
            m = {"id": f"{pb['id']}-m{j}", "action": "整改"}
            if people and draw(st.booleans()):
                m["responsible"] = draw(st.sampled_from(people))
            if draw(st.booleans()):
                m["due"] = draw(_DATES)
            done = draw(st.sampled_from(["open", "status", "date"]))
            if done == "status":
                m["status"] = "done"
            elif done == "date":
                m["done_on"] = draw(_DATES)
            ev = draw(some_evidence)
            if ev:
                m["evidence"] = ev
            measures.append(m)
        if measures:
            pb["measures"] = measures
        problems.append(pb)
    if problems:
        data["problems"] = problems
    return data


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=registers())
def test_parity_on_random_registers(neo4j_session_driver, database, data):
    try:
        reg = register_from_data([("random.yaml", data, None)])
    except RegisterError as e:  # the strategy builds valid registers; say which rule it broke
        raise AssertionError(f"strategy made an invalid register: {e}") from None
    G = load_graph(reg)
    graph_to_neo4j(G, neo4j_session_driver, database=database, replace=True)
    _parity(G, neo4j_session_driver, database)
    _parity(G, neo4j_session_driver, database, soon=3)
