"""Messages that are true, in the language asked for, and fixes that clear the gap."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from respchain.loaders import load_graph
from respchain.queries import find_gaps
from respchain.queries.catalog import CATALOG
from respchain.queries.report import render
from respchain.queries.rules.list import STANDING_DUE, is_standing_due
from respchain.viz.report import render_report_html

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "seed" / "register.yaml"


def _graph(tmp_path: Path, data: dict, name: str = "r.yaml"):
    p = tmp_path / name
    p.write_text(yaml.safe_dump({"respchain": 1, **data}, allow_unicode=True), encoding="utf-8")
    return load_graph([p])


_TEAM = {
    "meta": {"as_of": "2025-10-20", "period": 2025},
    "organizations": [{"id": "g", "name": "某局党组", "kind": "party_group"}],
    "people": [
        {"id": "a", "name": "甲", "posts": [{"org": "g", "role": "head"}]},
        {"id": "b", "name": "乙", "posts": [{"org": "g", "role": "member"}]},
    ],
    # 甲 holds a talk with 乙: 甲 talked, but nobody talked with 甲
    "events": [
        {"id": "t1", "kind": "talk", "talk": "conveying", "date": "2025-03-01", "by": "a", "with": ["b"]}
    ],
}


def test_talk_001_says_nobody_talked_with_the_person_who_held_talks(tmp_path):
    G = _graph(tmp_path, _TEAM)
    fs = find_gaps(G, rules="TALK-001")
    assert [f.subject for f in fs] == ["a"]
    assert "没有以其为谈话对象" in fs[0].message_zh and "没有任何谈心谈话记录" not in fs[0].message_zh
    assert "was not talked with" in fs[0].message_en


def test_sup_001_of_an_organization_leading_no_unit_names_no_zero_units(tmp_path):
    G = _graph(
        tmp_path,
        {
            "meta": {"as_of": "2025-10-20"},
            "organizations": [{"id": "g", "name": "某局党组", "kind": "party_group"}],
        },
    )
    (f,) = find_gaps(G, rules="SUP-001")
    assert "0个" not in f.message_zh and "0 unit" not in f.message_en
    assert "不在任何监督责任的覆盖范围内" in f.message_zh
    G = _graph(
        tmp_path,
        {
            "meta": {"as_of": "2025-10-20"},
            "organizations": [
                {"id": "g", "name": "某局党组", "kind": "party_group", "leads": ["u1", "u2"]},
                {"id": "u1", "name": "某局", "kind": "unit"},
                {"id": "u2", "name": "某中心", "kind": "unit"},
            ],
        },
    )
    (f,) = find_gaps(G, rules="SUP-001")
    assert "其领导的2个单位也都不在" in f.message_zh


def test_sup_002_names_the_kind_in_the_message_language(tmp_path):
    G = _graph(
        tmp_path,
        {
            "meta": {"as_of": "2025-10-20"},
            "organizations": [{"id": "g", "name": "某局党组", "kind": "party_group"}],
            "responsibilities": [{"id": "r", "type": "supervisory", "bearer": "g", "over": ["g"]}],
        },
    )
    (f,) = find_gaps(G, rules="SUP-002")
    assert "（党组）" in f.message_zh and "party_group" not in f.message_zh
    assert "(Party group)" in f.message_en


def _list(tasks: list[dict]) -> dict:
    return {
        "meta": {"as_of": "2025-10-20", "period": 2025},
        "organizations": [
            {"id": "g", "name": "某局党组", "kind": "party_group"},
            {"id": "u", "name": "某局", "kind": "unit"},
        ],
        "people": [{"id": "p", "name": "甲", "posts": [{"org": "g", "role": "head"}]}],
        "lists": [
            {
                "id": "l",
                "name": "2025年主体责任清单",
                "kind": "main",
                "owner": "g",
                "tasks": [{"responsible": "p", "lead": "u", **t} for t in tasks],
            }
        ],
    }


def test_list_003_accepts_standing_and_recurring_deadlines_but_not_placeholders(tmp_path):
    notes = {"t1": "长期坚持", "t2": "每季度", "t3": "持续推进", "t4": "按季度报送", "t5": "待定", "t6": "无"}
    G = _graph(tmp_path, _list([{"id": k, "goal": f"任务{k}", "due_note": v} for k, v in notes.items()]))
    assert sorted(f.subject for f in find_gaps(G, rules="LIST-003")) == ["t5", "t6"]
    assert sorted(f.subject for f in find_gaps(G, rules="LIST-003", backend="shacl")) == ["t5", "t6"]


def test_the_cypher_of_list_003_uses_the_same_expression():
    cypher = (ROOT / "queries" / "cypher" / "LIST-003.cypher").read_text(encoding="utf-8")
    m = re.search(r"=~ '(.*)'", cypher)
    assert m and m.group(1).replace("\\\\", "\\") == STANDING_DUE
    assert is_standing_due("每月") and not is_standing_due("2025年")


def test_following_the_list_004_advice_clears_the_finding(tmp_path):
    task = {"id": "t", "goal": "开展警示教育", "due": "2025-06-30"}
    G = _graph(tmp_path, _list([task]))
    (f,) = find_gaps(G, rules="LIST-004")
    fix = CATALOG["LIST-004"].fix_zh
    # the advice: mark it done (with done_on) ...
    assert "status: done" in fix and "done_on" in fix
    G = _graph(tmp_path, _list([{**task, "status": "done", "done_on": "2025-10-01"}]), "done.yaml")
    assert find_gaps(G, rules="LIST-004") == []
    # ... or, when the deadline is extended, set due to the new date
    assert "due" in fix and "新的日期" in fix
    G = _graph(tmp_path, _list([{**task, "due": "2025-12-31", "note": "经批准延期"}]), "later.yaml")
    assert find_gaps(G, rules="LIST-004") == []


def test_a_register_from_an_article_says_its_gaps_may_only_mean_the_article_is_silent():
    G = load_graph([SEED])
    fs = find_gaps(G)
    assert any(f.severity == "high" for f in fs)
    table = render(fs, G, "table")
    assert "文章未提及" in table and "待核实" in table
    md = render(fs, G, "markdown", lang="en")
    assert "the article does not say" in md
    report = json.loads(render(fs, G, "json"))
    assert report["origin"] == "article" and "文章未提及" in report["caveat_zh"]
    html = render_report_html(fs, G)
    assert 'id="caveat"' in html
    # a register of records says nothing of the kind
    own = load_graph([ROOT / "tests" / "data" / "gaps" / "district" / "register.yaml"])
    assert "文章未提及" not in render(find_gaps(own), own, "table")
