"""The demo-city register: a multi-file city whose deliberate gaps are exactly the documented ones.

Its year of performance (handovers, completion dates, rectification, evidence
files) is checked the way a user meets it: ``gaps``, ``due``, ``evidence
verify`` and ``assess`` on the folder, each finding the planted problems and
nothing on what is correct.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from respchain.loaders import load_graph
from respchain.queries import CATALOG, find_gaps
from respchain.queries.obligations import default_obligations

from respchain.cli import main

ROOT = Path(__file__).resolve().parents[2]
CITY = ROOT / "data" / "demo-city"
EXPECTED = [tuple(x) for x in json.loads((CITY / "expected.json").read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def graph():
    return load_graph(CITY)  # the folder: its YAML files, not expected.json


@pytest.fixture(scope="module")
def findings(graph):
    return find_gaps(graph, obligations=default_obligations())


def _json_of(capsys, *args: str) -> tuple[int, dict]:
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


def _readme_tables() -> list[set[tuple[str, str]]]:
    """The (rule, subject) rows of each gap table in the README (Chinese, then English)."""
    text = (CITY / "README.md").read_text(encoding="utf-8")
    tables: list[set[tuple[str, str]]] = []
    for block in re.split(r"\n(?=## )", text):
        rows = set(re.findall(r"^\| (OB-[A-Z]+|[A-Z]+-\d{3}) \| ([^ |]+) \|", block, flags=re.M))
        if rows:
            tables.append(rows)
    return tables


def test_the_city_is_split_over_several_files(graph):
    files = {Path(f).name for f in graph.graph["files"]}
    assert {
        "organizations.yaml",
        "people.yaml",
        "responsibilities.yaml",
        "lists.yaml",
        "events.yaml",
    } <= files
    assert graph.graph["as_of"] == "2025-10-20"
    assert graph.graph["period"] == 2025


def test_findings_are_exactly_the_planted_gaps(findings):
    got = sorted(f.key() for f in findings)
    assert got == sorted(EXPECTED)


def test_the_gaps_command_gives_the_same_findings(capsys):
    code, data = _json_of(capsys, "gaps", str(CITY), "--format", "json")
    assert code == 0
    assert sorted((f["rule"], f["subject"]) for f in data["findings"]) == sorted(EXPECTED)


def test_every_rule_and_default_obligation_fires_one_to_three_times():
    ids = [*CATALOG, *(o.id for o in default_obligations())]
    counts = {r: sum(1 for rule, _ in EXPECTED if rule == r) for r in ids}
    assert all(1 <= n <= 3 for n in counts.values()), counts
    assert {rule for rule, _ in EXPECTED} == set(ids)
    assert EXPECTED == sorted(EXPECTED)


def test_readme_lists_every_planted_gap_in_both_languages():
    tables = _readme_tables()
    assert len(tables) == 2, "one gap table in Chinese, one in English"
    for rows in tables:
        assert rows == set(EXPECTED)


def test_the_city_is_realistically_sized(graph):
    kinds: dict[str, int] = {}
    for _, d in graph.nodes(data=True):
        if d.get("kind") == "Organization":
            kinds[d["org_kind"]] = kinds.get(d["org_kind"], 0) + 1
    assert 4 <= kinds["dispatched_group"] <= 6
    assert kinds["unit"] + kinds["functional_department"] >= 25
    assert kinds["party_branch"] >= 3
    talks = {d.get("talk") for _, d in graph.nodes(data=True) if d.get("event_kind") == "talk"}
    assert talks == {"conveying", "thematic", "warning", "encouragement", "collective", "appointment"}


# ---------------------------------------------------------------- a year of performance

LEFT_OR_NOT_YET = {"p-env-old", "p-vet-old", "p-hill-sec-old", "p-hill-sec-new"}


def test_handovers_leave_no_vacancy_and_no_two_heads_and_the_leavers_owe_nothing(findings):
    by_subject = {f.subject: f.rule for f in findings}
    # env-group (empty for five weeks in spring) and veterans-group are filled at as_of
    assert "env-group" not in by_subject and "veterans-group" not in by_subject
    # town-hill: the secretary left in September, the successor starts after as_of
    assert by_subject["town-hill"] == "FIRST-001"
    # a person who left, or who has not started, is the subject of no rule and no obligation
    assert not LEFT_OR_NOT_YET & set(by_subject)
    # the successors' earlier posts are not charged: nothing for the hrss and natural resources groups
    assert not {"hrss-group", "nr-group"} & {o for f in findings for o in _orgs(f)}


def _orgs(f) -> list[str]:
    from respchain.queries.engine import subject_orgs

    return subject_orgs(load_graph(CITY), f.subject)


def test_obligations_count_the_period_edges(findings):
    got = {f.key() for f in findings if f.rule.startswith("OB-")}
    # a post taken up on the period's first day, talked with in December: met across the year boundary
    assert ("OB-RQTH", "p-dsec") not in got
    # the new environment head had no pre-appointment talk
    rqth = next(f for f in findings if f.key() == ("OB-RQTH", "p-env-head"))
    assert "2025-05-06" in rqth.message_zh and "0/1" in rqth.message_zh
    # a successor who reported in the earlier post has reported for the year
    assert ("OB-SZSL", "p-veterans-head") not in got and ("OB-SZSL", "p-env-head") not in got


def test_due_colours_the_planted_deadlines(capsys, tmp_path):
    out = tmp_path / "due.json"
    assert main(["due", str(CITY), "-o", str(out), "--fail-on-overdue"]) == 1
    items = json.loads(out.read_text(encoding="utf-8"))["items"]
    state: dict[str, set[str]] = {}
    for i in items:
        state.setdefault(i["state"], set()).add(i["id"])
    assert state["overdue"] == {"health-2", "pb-housing-1", "pb-housing-1-m2"}
    assert state["soon"] == {"cs-3"}
    assert state["late"] == {"cm-3"}
    # done early, on the due day, not due yet, due on the 31st day: green
    assert {"cm-2", "cs-1", "edu-1", "tr-2", "cm-4", "pb-edu-1", "pb-edu-2-m1", "pb-housing-1-m1"} <= state[
        "on_time"
    ]


def test_evidence_verify_names_the_missing_and_changed_files(capsys):
    code, data = _json_of(capsys, "evidence", "verify", str(CITY), "--format", "json")
    assert code == 1
    status: dict[str, set[str]] = {}
    for c in data["checks"]:
        status.setdefault(c["status"], set()).add(c["id"])
    assert status.pop("changed") == {"ev-cs1"}
    assert status.pop("missing") == {"ev-edu1", "ev-housing-list"}
    assert status.pop("unchecked") == {"ev-edu-rules"}
    assert status.pop("no_file") == {"ev-agri-paper"}
    assert status.pop("ok") == {
        "ev-cm2",
        "ev-cm3",
        "ev-edu-report",
        "ev-edu-minutes",
        "ev-city-dlm",
        "ev-rqth-veterans",
    }
    assert status == {} and data["failed"] == 3


def test_evidence_verify_passes_once_the_files_are_put_right(tmp_path, capsys):
    import shutil

    work = tmp_path / "city"
    shutil.copytree(CITY, work)
    (work / "evidence" / "2025-07-28-bidding-check.pdf").write_bytes(b"%PDF-1.4 ledger")
    rec = work / "evidence.yaml"
    text = rec.read_text(encoding="utf-8")
    # the ledger of ev-edu1 turns up; the changed report is re-recorded with its digest now
    from respchain.loaders.evidence import file_sha256

    (work / "evidence" / "2025-09-30-teacher-ethics-ledger.xlsx").write_bytes(b"PK ledger")
    led = file_sha256(work / "evidence" / "2025-09-30-teacher-ethics-ledger.xlsx")
    eco = file_sha256(work / "evidence" / "2025-06-18-ecology-report.txt")
    text = re.sub(r"(teacher-ethics-ledger\.xlsx, sha256: )\w+", rf"\g<1>{led}", text)
    text = re.sub(r"(ecology-report\.txt, sha256: )\w+", rf"\g<1>{eco}", text)
    rec.write_text(text, encoding="utf-8")
    code, data = _json_of(capsys, "evidence", "verify", str(work), "--format", "json")
    assert code == 0 and data["failed"] == 0


def test_assess_deducts_the_planted_findings_only(capsys):
    code, data = _json_of(capsys, "assess", str(CITY), "--format", "json")
    assert code == 0
    subjects = {s["subject"]: s for s in data["subjects"]}
    ded = {k: {(d["rule"], d["finding_subject"]) for d in s["deductions"]} for k, s in subjects.items()}
    assert ded["affairs-group"] == {
        ("OB-SZSL", "p-aff-head"),
        ("OB-SZSL", "p-aff-dep"),
        ("OB-MZSHH", "affairs-group"),
        ("SUP-001", "affairs-group"),
    }
    assert ded["housing-group"] >= {("RECT-003", "pb-housing-1-m2"), ("RECT-005", "pb-housing-1-m3")}
    assert ("RECT-004", "pb-agri-1") in ded["agri-group"]
    assert ("LIST-005", "cm-3") in ded["city"]
    # the new environment head's missed talk is charged to the post held, not to the one left
    assert ("OB-RQTH", "p-env-head") in ded["env-group"] and ded["nr-group"] == set()
    # units with nothing planted keep every point
    for clean in ("dev-group", "industry-group", "hrss-group", "town-river"):
        assert subjects[clean]["score"] == data["total_points"] and ded[clean] == set()
    # rectification: two findings of 5 on an item of 10 leave it at 0, not below
    housing = subjects["housing-group"]
    assert housing["score"] == data["total_points"] - 11


def test_assess_shows_each_unit_its_coverage(capsys, tmp_path):
    from openpyxl import load_workbook

    code, data = _json_of(capsys, "assess", str(CITY), "--format", "json")
    assert code == 0
    cov = {
        s["subject"]: {c["obligation"]: (c["held"], c["expected"]) for c in s["coverage"]}
        for s in data["subjects"]
    }
    assert cov["affairs-group"]["OB-SZSL"] == (0, 2) and cov["affairs-group"]["OB-RQTH"] == (2, 2)
    assert cov["emergency-group"]["OB-SZSL"] == (1, 2)
    assert cov["dev-group"] == {"OB-SZSL": (2, 2), "OB-MZSHH": (1, 1), "OB-SJTH": (1, 1), "OB-YANPAN": (1, 1)}
    out = tmp_path / "a.xlsx"
    assert main(["assess", str(CITY), "-o", str(out)]) == 0
    capsys.readouterr()
    wb = load_workbook(out)
    sheet = wb["示范市机关事务管理局党组"]
    rows = [r for r in sheet.iter_rows(values_only=True)]
    assert ("OB-SZSL", "领导班子成员每年述责述廉", 2, 0, 0) in [r[:5] for r in rows]
