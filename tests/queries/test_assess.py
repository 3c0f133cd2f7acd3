"""The year-end assessment end to end: scores, ties, the floor per item, --previous, and every output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from respchain.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "assess"
REG, RUBRIC = str(DATA / "register.yaml"), str(DATA / "rubric.yaml")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys, *extra: str) -> dict:
    code, out, _ = run(capsys, "assess", REG, "--rubric", RUBRIC, "--format", "json", *extra)
    assert code == 0
    return json.loads(out)


def test_scores_ranks_ties_and_the_floor(capsys):
    data = _json(capsys)
    assert data["rubric"] == "test-2025" and data["as_of"] == "2025-12-31"
    got = [(s["subject"], s["score"], s["rank"]) for s in data["subjects"]]
    assert got == [("a", 25, 1), ("b", 25, 1), ("g", 16, 3), ("c", 6, 4)]  # a tie shares rank 1
    c = data["subjects"][3]
    assert c["sections"] == [{"name": "明责", "score": 6}, {"name": "履责", "score": 0}]
    szsl = [d for d in c["deductions"] if d["rule"] == "OB-SZSL"]
    # four members short, 3 points each, but the item is worth 10: it stops at 0
    assert [d["points"] for d in szsl] == [3, 3, 3, 1]
    assert {d["finding_subject"] for d in szsl} == {"c1", "c2", "c3", "c4"}
    g = data["subjects"][2]
    assert {(d["item"], d["rule"], d["finding_subject"], d["points"]) for d in g["deductions"]} == {
        ("一把手", "FIRST-002", "g1", 4),
        ("民主生活会", "OB-MZSHH", "g", 5),
    }
    assert all(d["basis"] and d["fix"] for d in g["deductions"])


def test_previous_gives_the_change_from_last_year(capsys, tmp_path):
    last = tmp_path / "last.yaml"
    text = (DATA / "register.yaml").read_text(encoding="utf-8")
    last.write_text(
        text.replace("participants: [a1, a2, b1, b2, g1]", "participants: [a1, a2, b1, g1]"), encoding="utf-8"
    )
    data = _json(capsys, "--previous", str(last))
    change = {s["subject"]: s["change"] for s in data["subjects"]}
    assert change == {"a": 0, "b": 3, "g": 0, "c": 0}
    code, out, _ = run(capsys, "assess", REG, "--rubric", RUBRIC, "--previous", str(last))
    assert code == 0 and "较上年" in out and "+3" in out


def test_a_broken_rubric_names_file_line_and_field(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "respchain: 1\nrubric:\n  id: x\n  name: 坏\n  sections:\n    - name: 明责\n      items:\n"
        "        - {name: 一, points: -1, deduct: 2, rules: [NOPE-9]}\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "assess", REG, "--rubric", str(bad))
    assert code == 2 and out == ""
    assert f"{bad}:8 rubric.sections[0].items[0].points" in err and "NOPE-9" in err


def test_excel_has_one_printable_sheet_per_unit_and_reads_back(capsys, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "assess.xlsx"
    assert run(capsys, "assess", REG, "--rubric", RUBRIC, "-o", str(out))[0] == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["排名", "甲县委", "乙县委", "丁局党组", "丙县委"]
    rank = [[c.value for c in r] for r in wb["排名"].iter_rows(min_row=3)]
    assert [r[:4] for r in rank] == [
        [1, "甲县委", "a", 25],
        [1, "乙县委", "b", 25],
        [3, "丁局党组", "g", 16],
        [4, "丙县委", "c", 6],
    ]
    sh = wb["丙县委"]
    rows = [[c.value for c in r] for r in sh.iter_rows()]
    header = rows.index(["考核板块", "考核项目", "规则", "对象", "扣分", "扣分原因", "依据", "整改建议"])
    ded = rows[header + 1 :]
    assert sum(r[4] for r in ded) == -19 and {r[2] for r in ded} == {"FIRST-001", "OB-SZSL", "OB-MZSHH"}
    assert sh.page_setup.orientation == "landscape" and sh.sheet_properties.pageSetUpPr.fitToPage
    assert sh.print_title_rows


def test_cells_never_start_a_formula(capsys, tmp_path):
    from openpyxl import load_workbook

    reg = tmp_path / "r.yaml"
    reg.write_text(
        (DATA / "register.yaml").read_text(encoding="utf-8").replace("name: 丙县委", "name: '=HYPERLINK(1)'"),
        encoding="utf-8",
    )
    out = tmp_path / "a.xlsx"
    assert run(capsys, "assess", str(reg), "--rubric", RUBRIC, "-o", str(out))[0] == 0
    wb = load_workbook(out)
    cells = [
        c
        for ws in wb
        for r in ws.iter_rows()
        for c in r
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert cells and all(c.data_type == "s" for c in cells)


def test_the_example_rubric_is_marked_and_scores_the_demo(capsys):
    code, out, err = run(capsys, "assess", "data/demo-city", "--format", "json")
    assert code == 0 and "EXAMPLE" in err
    data = json.loads(out)
    assert data["rubric"] == "example-2025" and "示例" in data["name"]
    assert all(0 <= s["score"] <= data["total_points"] for s in data["subjects"])
    ranks = [s["rank"] for s in data["subjects"]]
    assert ranks == sorted(ranks) and ranks[0] == 1


@pytest.mark.browser
def test_the_page_opens_offline_in_chromium_with_the_ranking_and_chart(capsys, tmp_path):
    from tests.browser import chromium, console_errors, requests_made, require_chromium

    reg = tmp_path / "r.yaml"
    reg.write_text(
        (DATA / "register.yaml")
        .read_text(encoding="utf-8")
        .replace("name: 甲县委", "name: '<script>alert(1)</script>甲'"),
        encoding="utf-8",
    )
    page = tmp_path / "assess.html"
    assert run(capsys, "assess", str(reg), "--rubric", RUBRIC, "-o", str(page))[0] == 0
    require_chromium()
    with chromium() as b:
        b.get_log("browser")
        b.get_log("performance")
        b.get(page.resolve().as_uri())  # a page without script: nothing to wait for
        assert [u for u in requests_made(b) if not u.startswith(("file:", "data:", "about:"))] == []
        assert console_errors(b) == []
        bars = b.execute_script(
            "return [...document.querySelectorAll('#chart .bar')].map("
            "g => [g.dataset.subject, g.querySelector('rect').getBoundingClientRect().width])"
        )
        assert [s for s, _ in bars] == ["a", "b", "g", "c"]
        assert bars[0][1] > bars[2][1] > bars[3][1] > 0 and bars[0][1] == bars[1][1]
        rows = b.execute_script(
            "return [...document.querySelectorAll('#ranking tr')].slice(1).map(r => r.cells[1].textContent)"
        )
        assert rows[0] == "<script>alert(1)</script>甲"  # shown as text, not run
        assert b.execute_script("return document.querySelectorAll('script').length") == 0
