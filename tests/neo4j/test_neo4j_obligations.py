"""Obligations in Cypher: the case folders and random registers with random obligations
give the same findings as in memory (one query per shape of obligation)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from respchain.graph import graph_from_register
from respchain.graph.neo4j import graph_to_neo4j
from respchain.loaders import load_graph
from respchain.loaders.obligations import load_obligations, obligations_from_data
from respchain.loaders.register import register_from_data
from respchain.queries import find_gaps
from respchain.queries.engine import obligation_coverage
from respchain.queries.obligations import Obligation, default_obligations
from respchain.queries.obligations import obligations_from_data as build
from respchain.queries.obligations_neo4j import obligation_cypher

DATA = Path(__file__).resolve().parents[1] / "data" / "obligations"
CASES = sorted(p.parent for p in DATA.glob("*/register.yaml"))


def _obligations(case: Path) -> list[Obligation]:
    own = case / "obligations.yaml"
    return build(load_obligations([own])) if own.exists() else default_obligations()


def _both(G, obs, driver, database, **kw):
    memory = find_gaps(G, rules="obligations", obligations=obs, **kw)
    neo = find_gaps(
        G, rules="obligations", obligations=obs, backend="neo4j", driver=driver, database=database, **kw
    )
    assert [f.to_dict() for f in neo] == [f.to_dict() for f in memory]
    # the coverage figures, every slot met or not, agree as well
    cov_memory = obligation_coverage(G, obs, **kw)
    cov_neo = obligation_coverage(G, obs, backend="neo4j", driver=driver, database=database, **kw)
    assert [c.to_dict() for c in cov_neo] == [c.to_dict() for c in cov_memory]
    return neo


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_cases_on_neo4j(driver, database, case):
    G = load_graph(case / "register.yaml")
    graph_to_neo4j(G, driver, database=database, replace=True)
    expected = sorted(tuple(x) for x in json.loads((case / "expected.json").read_text(encoding="utf-8")))
    got = _both(G, _obligations(case), driver, database)
    assert sorted(f.key() for f in got) == expected
    # a day earlier the last quarter (or year) is not over, or counts fewer events
    _both(G, _obligations(case), driver, database, as_of="2025-09-29")


def test_demo_city_on_neo4j_gives_the_same_findings_and_coverage(driver, database, capsys):
    from respchain.cli import main

    city = Path(__file__).resolve().parents[2] / "data" / "demo-city"
    G = load_graph(city)
    graph_to_neo4j(G, driver, database=database, replace=True)
    got = _both(G, default_obligations(), driver, database)
    expected = {tuple(x) for x in json.loads((city / "expected.json").read_text(encoding="utf-8"))}
    assert {f.key() for f in got} == {k for k in expected if k[0].startswith("OB-")}
    # the gaps report of the graph in the database carries the same figures as the one in memory
    assert main(["gaps", str(city), "--format", "json"]) == 0
    memory = json.loads(capsys.readouterr().out)
    assert main(["gaps", "--backend", "neo4j", "--format", "json", "--rules", "obligations"]) == 0
    neo = json.loads(capsys.readouterr().out)
    assert neo["coverage"] == memory["coverage"]


def test_one_query_per_shape_with_values_as_parameters():
    for shape in ("people_per", "people_within", "orgs_per"):
        text = obligation_cypher(shape)
        assert "$obligations" in text and "述责述廉" not in text and "OB-" not in text


# ---------------------------------------------------------------- random registers and obligations

_DAYS = st.dates(min_value=datetime.date(2024, 12, 1), max_value=datetime.date(2025, 12, 31))
# Dates cluster on the edges of periods, where off-by-one errors live.
_EDGES = st.sampled_from(
    [
        "2025-01-01",
        "2025-03-31",
        "2025-04-01",
        "2025-06-30",
        "2025-07-01",
        "2025-09-30",
        "2025-10-01",
        "2025-12-31",
        "2024-12-31",
        "2024-10-03",
    ]
)
_DATE = st.one_of(_EDGES, _DAYS.map(lambda d: d.isoformat()))
_KINDS = ["party_committee", "party_group", "party_branch", "unit"]
_MEETINGS = ["述责述廉", "民主生活会", "听取汇报"]
_TALKS = ["appointment", "warning", "thematic"]


@st.composite
def registers(draw) -> dict:
    orgs = [f"o{i}" for i in range(draw(st.integers(1, 5)))]
    people = [f"p{i}" for i in range(draw(st.integers(1, 6)))]
    org_recs = []
    for i, o in enumerate(orgs):
        rec = {
            "id": o,
            "name": f"组织{i}",
            "kind": draw(st.sampled_from(_KINDS)),
            "level": draw(st.sampled_from(["county", "township"])),
        }
        if i and draw(st.booleans()):
            rec["parent"] = orgs[draw(st.integers(0, i - 1))]
        org_recs.append(rec)
    heads: set[str] = set()
    person_recs = []
    for p in people:
        posts = []
        for _ in range(draw(st.integers(0, 2))):
            org = draw(st.sampled_from(orgs))
            role = draw(st.sampled_from(["head", "deputy", "member"]))
            if role == "head":
                if org in heads:
                    role = "member"
                heads.add(org)
            post = {"org": org, "role": role}
            if draw(st.booleans()):
                post["since"] = draw(_DATE)
            if draw(st.integers(0, 3)) == 0:
                post["until"] = draw(_DATE)
            if "since" in post and "until" in post and post["until"] < post["since"]:
                post["since"], post["until"] = post["until"], post["since"]  # a register refuses the reverse
            posts.append(post)
        person_recs.append({"id": p, "name": f"人{p}", "posts": posts})
    events = []
    for i in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(["talk", "meeting", "ecology_rating"]))
        ev = {"id": f"e{i}", "kind": kind, "date": draw(_DATE)}
        if kind == "talk":
            ev["talk"] = draw(st.sampled_from(_TALKS))
            ev["with"] = draw(st.lists(st.sampled_from(people), min_size=1, max_size=2, unique=True))
            if draw(st.booleans()):
                ev["by"] = draw(st.sampled_from(people))
        elif kind == "meeting":
            ev["meeting"] = draw(st.sampled_from(_MEETINGS))
            ev["org"] = draw(st.sampled_from(orgs))
            ev["participants"] = draw(st.lists(st.sampled_from(people + orgs), max_size=3, unique=True))
        else:
            ev["org"] = draw(st.sampled_from(orgs))
            ev["rating"] = "good"
        events.append(ev)
    data = {
        "respchain": 1,
        "meta": {"as_of": draw(_DATE), "period": 2025},
        "organizations": org_recs,
        "people": person_recs,
    }
    if events:
        data["events"] = events
    return data


@st.composite
def obligation_sets(draw) -> list[dict]:
    out = []
    for i in range(draw(st.integers(1, 4))):
        people = draw(st.booleans())
        ev = draw(st.sampled_from(["meeting", "ecology_rating"] if not people else ["talk", "meeting"]))
        if people:
            subject = {
                "people": {
                    "roles": draw(
                        st.lists(st.sampled_from(["head", "deputy", "member"]), min_size=1, unique=True)
                    ),
                    "in": draw(st.lists(st.sampled_from(_KINDS), min_size=1, unique=True)),
                }
            }
            as_ = draw(st.sampled_from(["with", "by"] if ev == "talk" else ["participants"]))
        else:
            subject = {
                "organizations": {"kinds": draw(st.lists(st.sampled_from(_KINDS), min_size=1, unique=True))}
            }
            as_ = "org" if ev == "ecology_rating" else draw(st.sampled_from(["org", "participants"]))
        if draw(st.booleans()):
            subject[next(iter(subject))]["levels"] = [draw(st.sampled_from(["county", "township"]))]
        event: dict = {"kind": ev}
        if ev == "talk" and draw(st.booleans()):
            event["talk"] = draw(st.sampled_from(_TALKS))
        if ev == "meeting" and draw(st.booleans()):
            event["meeting"] = draw(st.sampled_from(_MEETINGS))
        ob = {
            "id": f"T-{i}",
            "name_zh": f"义务{i}",
            "subject": subject,
            "event": event,
            "as": as_,
            "at_least": draw(st.integers(1, 2)),
            "basis": {"local": {"by": "某县", "source": "清单"}},
        }
        if ev == "talk" and draw(st.booleans()):
            ob["by"] = "parent_head"
        if people and draw(st.booleans()):
            ob["within"] = {"days": draw(st.sampled_from([0, 30, 90, 400])), "before": "since"}
        else:
            ob["per"] = draw(st.sampled_from(["year", "half", "quarter", "month"]))
        out.append(ob)
    return out


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=registers(), obs=obligation_sets())
def test_parity_on_random_registers_and_obligations(neo4j_session_driver, database, data, obs):
    G = graph_from_register(register_from_data([("random.yaml", data, None)]))
    obligations = build(
        obligations_from_data([("random-obligations.yaml", {"respchain": 1, "obligations": obs}, None)])
    )
    graph_to_neo4j(G, neo4j_session_driver, database=database, replace=True)
    _both(G, obligations, neo4j_session_driver, database)
