"""The format additions of duties performed over time: tenure, completion, evidence and problems."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from respchain.loaders import load_graph, load_register
from respchain.queries import find_gaps
from respchain.queries.compare import diff_gaps, render_diff

from respchain.exceptions import RegisterError

DATA = Path(__file__).resolve().parents[1] / "data"


def _write(tmp_path: Path, text: str, name: str = "r.yaml") -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_every_new_field_reaches_the_graph():
    G = load_graph(DATA / "registers" / "time.yaml")
    posts = [d for d in G._node.values() if d["kind"] == "Post" and d["person"] == "p-li"]
    assert {(p["org"], p.get("since"), p.get("until")) for p in posts} == {
        ("edu-group", "2023-04-01", "2025-06-30"),
        ("county", "2025-07-01", None),
    }
    assert G.nodes["t1"]["done_on"] == "2025-07-15"
    assert G.has_edge("t1", "ev1", "HAS_EVIDENCE") and G.has_edge("e1", "ev1", "HAS_EVIDENCE")
    ev = G.nodes["ev1"]
    assert ev["kind"] == "Evidence" and ev["evidence_kind"] == "minutes"
    assert ev["path"] == "evidence/2025-07-15-党组会议记录.txt"
    assert ev["sha256"] == "9f2c" + "0" * 60  # digests are kept in lower case
    pb = G.nodes["pb1"]
    assert (pb["kind"], pb["origin"], pb["found"], pb["closed_on"]) == (
        "Problem",
        "patrol",
        "2025-03-10",
        "2025-09-01",
    )
    assert G.has_edge("pb1", "edu-group", "MUST_RECTIFY") and G.has_edge("pb1", "ev2", "HAS_EVIDENCE")
    assert G.has_edge("pb1", "pb1-m1", "HAS_MEASURE") and G.has_edge("pb1-m1", "p-wang", "RESPONSIBLE")
    assert G.has_edge("pb1-m1", "edu-bureau", "LEAD") and G.has_edge("pb1-m2", "edu-bureau", "ASSIST")
    assert G.nodes["pb1-m1"]["status"] == "done" and G.nodes["pb1-m2"]["status"] == "done"


def test_a_handover_is_not_two_heads_and_the_old_head_has_no_duty_now():
    G = load_graph(DATA / "registers" / "time.yaml")
    keys = {f.key() for f in find_gaps(G, rules="first")}
    assert ("FIRST-001", "edu-group") not in keys
    assert ("FIRST-002", "p-li") not in keys  # no longer head at as_of
    # Before the handover, 李某 was the head and declared no first-responsible duty.
    before = {f.key() for f in find_gaps(G, rules="first", as_of="2025-05-01")}
    assert ("FIRST-002", "p-li") in before and ("FIRST-002", "p-wang") not in before


def test_bad_time_fields_are_all_reported_with_file_line_and_field(tmp_path):
    p = _write(
        tmp_path,
        """\
        respchain: 1
        organizations:
          - {id: g, name: 党组, kind: party_group}
        people:
          - {id: a, name: A, posts: [{org: g, role: head, since: 2023-01-01, until: 2025-06-30}]}
          - {id: b, name: B, posts: [{org: g, role: head, since: 2025-06-01}]}
          - {id: c, name: C, posts: [{org: g, role: member, since: 2025-09-01, until: 2025-08-01}]}
          - {id: d, name: D, posts: [{org: g, role: member, since: 2025-02-30}]}
        lists:
          - id: l
            name: L
            kind: main
            owner: g
            tasks:
              - {id: t, goal: x, done_on: 2025-07-01, evidence: [ev9]}
        evidence:
          - {id: ev1, kind: photo_album, title: 记录, sha256: abc}
        problems:
          - id: pb
            org: gg
            origin: rumour
            title: 问题
            found: 2025-03-10
            closed_on: 2025-01-01
            measures:
              - {id: m1, action: 做, responsible: a, status: open, done_on: 2025-01-01}
              - {id: m2, responsible: a}
        """,
    )
    with pytest.raises(RegisterError) as e:
        load_register(p)
    got = {(x.line, x.path) for x in e.value.problems}
    assert got == {
        (6, "people[1].posts[0].role"),  # overlaps the head before: two heads at once
        (7, "people[2].posts[0].until"),  # until before since
        (8, "people[3].posts[0].since"),  # no such day
        (15, "lists[0].tasks[0].done_on"),  # done_on without status: done
        (15, "lists[0].tasks[0].evidence[0]"),  # no such evidence record
        (17, "evidence[0].kind"),
        (17, "evidence[0].sha256"),
        (20, "problems[0].org"),
        (21, "problems[0].origin"),
        (24, "problems[0].closed_on"),  # closed before it was found
        (26, "problems[0].measures[0].done_on"),
        (27, "problems[0].measures[1]"),  # no action
    }
    assert all(x.file == str(p) for x in e.value.problems)


def test_the_same_person_may_come_back_to_a_post_but_not_hold_it_twice_at_once(tmp_path):
    back = """\
        respchain: 1
        organizations: [{id: g, name: 党组, kind: party_group}]
        people:
          - {id: a, name: A, posts: [{org: g, role: head, until: 2020-12-31}, {org: g, role: head, since: 2024-01-01}]}
        """
    assert load_register(_write(tmp_path, back)).people[0]["posts"][1]["since"] == "2024-01-01"
    twice = back.replace("since: 2024-01-01", "since: 2020-06-01")
    with pytest.raises(RegisterError, match="twice"):
        load_register(_write(tmp_path, twice, "twice.yaml"))


def test_diff_shows_who_left_and_who_came(tmp_path):
    head = "{org: g, title: 党组书记, role: head"
    old = _write(
        tmp_path,
        f"""\
        respchain: 1
        meta: {{as_of: 2025-05-31}}
        organizations: [{{id: g, name: 庚县党组, kind: party_group}}]
        people:
          - {{id: a, name: 李某, posts: [{head}, since: 2021-01-01}}]}}
        """,
        "old.yaml",
    )
    new = _write(
        tmp_path,
        f"""\
        respchain: 1
        meta: {{as_of: 2025-09-30}}
        organizations: [{{id: g, name: 庚县党组, kind: party_group}}]
        people:
          - {{id: a, name: 李某, posts: [{head}, since: 2021-01-01, until: 2025-06-30}}]}}
          - {{id: b, name: 王某, posts: [{head}, since: 2025-07-01}}]}}
        """,
        "new.yaml",
    )
    d = diff_gaps(load_graph(old), load_graph(new))
    assert d.handovers == [
        {
            "org": "g",
            "org_name": "庚县党组",
            "role": "head",
            "left": [{"id": "a", "name": "李某"}],
            "came": [{"id": "b", "name": "王某"}],
        }
    ]
    text = render_diff(d, "zh")
    assert "庚县党组" in text and "离任 / left 李某" in text and "到任 / came 王某" in text
    assert d.to_dict()["handovers"] == d.handovers
