"""The rules of duties performed over time: LIST-005..007 and RECT-001..005."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from respchain.loaders import load_graph, register_from_data
from respchain.queries import CATALOG, find_gaps
from respchain.queries.catalog import DOCUMENTS, INSPECTION_RULES_DOC, TIME_RULES
from respchain.queries.rules.rect import months_before

from respchain.cli import main

GAPS = Path(__file__).resolve().parents[1] / "data" / "gaps"


def _graph(data: dict):
    return load_graph(register_from_data([("r.yaml", data, None)]))


def _bare_register(**extra) -> dict:
    """A register of who bears what: a done task and a task due soon, no record of work done."""
    data = {
        "respchain": 1,
        "meta": {"as_of": "2025-09-30", "period": 2025},
        "organizations": [{"id": "g", "name": "某局党组", "kind": "party_group"}],
        "people": [{"id": "p", "name": "局长", "posts": [{"org": "g", "role": "head"}]}],
        "lists": [
            {
                "id": "l",
                "name": "清单",
                "kind": "main",
                "owner": "g",
                "tasks": [
                    {
                        "id": "t-done",
                        "goal": "已完成",
                        "responsible": "p",
                        "lead": "g",
                        "due": "2025-06-30",
                        "status": "done",
                    },
                    {"id": "t-soon", "goal": "将到期", "responsible": "p", "lead": "g", "due": "2025-10-10"},
                ],
            }
        ],
    }
    data.update(extra)
    return data


def test_a_register_of_who_bears_what_gets_none_of_the_time_rules():
    G = _graph(_bare_register())
    assert find_gaps(G, rules=list(TIME_RULES)) == []


def test_once_the_register_keeps_evidence_done_tasks_need_it_and_deadlines_are_announced():
    G = _graph(_bare_register(evidence=[{"id": "ev", "kind": "photo", "title": "现场照片"}]))
    assert sorted(f.key() for f in find_gaps(G, rules=list(TIME_RULES))) == [
        ("LIST-006", "t-done"),
        ("LIST-007", "t-soon"),
    ]


@pytest.mark.parametrize("soon,found", [(9, False), (10, True), (0, False)])
def test_soon_sets_the_window_of_days(soon, found):
    G = _graph(_bare_register(evidence=[{"id": "ev", "title": "记录"}]))
    got = [f.subject for f in find_gaps(G, rules="LIST-007", soon=soon)]
    assert got == (["t-soon"] if found else [])


def test_gaps_command_takes_soon(capsys):
    case = GAPS / "LIST-007" / "register.yaml"
    assert main(["gaps", str(case), "--rules", "LIST-007", "--format", "json", "--soon", "60"]) == 0
    subjects = {f["subject"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert subjects == {"t-today", "t-edge", "t-after"}
    assert main(["gaps", str(case), "--soon", "-1"]) == 2


def test_two_months_before_clamps_to_the_end_of_the_month():
    assert months_before("2025-05-11", 2) == "2025-03-11"
    assert months_before("2025-04-30", 2) == "2025-02-28"
    assert months_before("2024-04-30", 2) == "2024-02-29"
    assert months_before("2025-01-31", 2) == "2024-11-30"
    assert months_before("2025-02-15", 2) == "2024-12-15"


def test_report_deadline_follows_as_of():
    G = load_graph(GAPS / "RECT-002" / "register.yaml")
    assert "pb-edge" not in {f.subject for f in find_gaps(G, rules="RECT-002")}
    assert "pb-edge" in {f.subject for f in find_gaps(G, rules="RECT-002", as_of="2025-05-12")}
    assert find_gaps(G, rules="RECT-002", as_of="2025-03-01") == []


def test_messages_say_what_is_late_and_by_how_much_in_both_languages():
    G = load_graph(GAPS / "LIST-005" / "register.yaml")
    f = next(f for f in find_gaps(G, rules="LIST-005") if f.subject == "t-late")
    assert "2025-06-30" in f.message_zh and "2025-07-15" in f.message_zh and "逾期完成" in f.message_zh
    assert "done late" in f.message_en
    G = load_graph(GAPS / "RECT-004" / "register.yaml")
    by = {f.subject: f for f in find_gaps(G, rules="RECT-004")}
    assert by["pb-open-measure"].evidence == ("pb-open-measure", "m2")
    assert "1项整改措施未完成" in by["pb-open-measure"].message_zh
    assert "佐证材料0份" in by["pb-no-evidence"].message_zh
    G = load_graph(GAPS / "LIST-007" / "register.yaml")
    days = {f.subject: f.message_zh for f in find_gaps(G, rules="LIST-007")}
    assert "还有0天" in days["t-today"] and "还有30天" in days["t-edge"]


def test_the_time_rules_cite_only_what_is_verified():
    for rid in TIME_RULES:
        rule = CATALOG[rid]
        assert rule.fix_zh and rule.fix_en and rule.title_zh and rule.title_en
    inspection = [b for b in CATALOG["RECT-002"].basis if b.document == INSPECTION_RULES_DOC]
    assert inspection and inspection[0].articles == ()  # the article number is not cited
    assert DOCUMENTS[INSPECTION_RULES_DOC]["verified"] == ()
    assert "2个月" in inspection[0].note_zh


def test_findings_on_problems_and_measures_are_charged_to_the_organization_that_rectifies():
    from respchain.queries import scores

    G = load_graph(GAPS / "RECT-005" / "register.yaml")
    rows = {r["org"]: r for r in scores(G, find_gaps(G, rules="rect"))}
    assert rows["g"]["own"]["medium"] == 2


@pytest.mark.parametrize("rule", TIME_RULES)
def test_each_time_rule_has_a_case_on_the_shacl_backend_too(rule):
    G = load_graph(GAPS / rule / "register.yaml")
    memory = find_gaps(G, rules=rule)
    assert memory and find_gaps(G, rules=rule, backend="shacl") == memory
