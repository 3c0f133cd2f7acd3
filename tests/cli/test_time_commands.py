"""respchain due (table, Excel, iCalendar) and respchain evidence verify, used as a user would."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from respchain.cli import main

CASE = Path(__file__).resolve().parents[1] / "data" / "evidence"
REGISTER = CASE / "register.yaml"


# ---------------------------------------------------------------- evidence verify


def test_evidence_verify_names_each_missing_and_changed_file(capsys):
    assert main(["evidence", "verify", str(REGISTER)]) == 1
    out = capsys.readouterr().out
    lines = {ln.split()[1]: ln for ln in out.splitlines() if ln[:1] in "✓✗"}
    assert lines["ev-ok"].startswith("✓") and "完好 / ok" in lines["ev-ok"]
    assert lines["ev-changed"].startswith("✗") and "已改动 / changed" in lines["ev-changed"]
    assert lines["ev-missing"].startswith("✗") and "photo-0710.jpg" in lines["ev-missing"]
    assert lines["ev-plain"].startswith("✓") and "no digest recorded" in lines["ev-plain"]
    assert lines["ev-paper"].startswith("✓") and "no file recorded" in lines["ev-paper"]
    assert "2 missing or changed" in out
    assert "recorded 972a4b03" in out  # the digest the register holds, then the one on disk


def test_evidence_verify_passes_once_the_files_are_restored(tmp_path, capsys):
    work = tmp_path / "reg"
    shutil.copytree(CASE, work)
    (work / "files" / "photo-0710.jpg").write_bytes(b"\xff\xd8 photo")
    (work / "files" / "report.txt").write_text("整改情况报告（登记时）\n", encoding="utf-8")
    assert main(["evidence", "verify", str(work / "register.yaml"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["failed"] == 0
    assert {c["id"]: c["status"] for c in data["checks"]} == {
        "ev-ok": "ok",
        "ev-changed": "ok",
        "ev-missing": "unchecked",
        "ev-plain": "unchecked",
        "ev-paper": "no_file",
    }
    # A file changed afterwards is shown, never accepted.
    (work / "files" / "minutes-0715.txt").write_text("改过的记录\n", encoding="utf-8")
    assert main(["evidence", "verify", str(work / "register.yaml")]) == 1
    assert "ev-ok 已改动 / changed" in capsys.readouterr().out


def test_an_evidence_path_must_be_relative_and_a_bad_register_exits_2(tmp_path, capsys):
    bad = tmp_path / "r.yaml"
    bad.write_text(
        "respchain: 1\nevidence:\n  - {id: e, title: 记录, file: /etc/passwd}\n  - {id: f, title: 记录, file: 'C:\\\\x.pdf'}\n",
        encoding="utf-8",
    )
    assert main(["evidence", "verify", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "r.yaml:3 evidence[0].file" in err and "r.yaml:4 evidence[1].file" in err


def test_a_folder_in_place_of_a_file_and_a_terminal_escape_in_a_title(tmp_path, capsys):
    (tmp_path / "files").mkdir()
    reg = tmp_path / "r.yaml"
    reg.write_text('respchain: 1\nevidence:\n  - {id: e, title: "记录红", file: files}\n', encoding="utf-8")
    assert main(["evidence", "verify", str(reg)]) == 1
    out = capsys.readouterr().out
    assert "不是文件 / not a file" in out
    # a control character is refused where the register is read, with its place
    reg.write_text(
        'respchain: 1\nevidence:\n  - {id: e, title: "记录\\e[31m红", file: files}\n', encoding="utf-8"
    )
    assert main(["evidence", "verify", str(reg)]) == 2
    cap = capsys.readouterr()
    assert "r.yaml:3 evidence[0].title" in cap.err and "U+001B" in cap.err
    assert "\x1b" not in cap.out + cap.err


# ---------------------------------------------------------------- due


def test_due_table_per_unit_with_red_yellow_green(capsys):
    assert main(["due", str(REGISTER)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("截至 2025-09-30：红 逾期未完成 2，黄 即将到期 1，黄 逾期完成 1，绿 按期 2")
    blocks = out.split("== ")[1:]
    assert blocks[0].startswith("午县教育局 (u)")  # the unit with an overdue item comes first
    t2 = next(ln for ln in out.splitlines() if "| t2 |" in ln)
    assert t2.strip().startswith("红 逾期未完成 | 2025-09-01 | -29 | 任务")
    assert "黄 即将到期 | 2025-10-20 | 20" in next(ln for ln in out.splitlines() if "| t3 |" in ln)
    assert "绿 按期" in next(ln for ln in out.splitlines() if "| t4 |" in ln)
    pb = next(ln for ln in out.splitlines() if "| pb1 |" in ln)
    assert pb.strip().startswith("红 逾期未完成 | 2025-09-10") and "整改问题" in pb


def test_due_within_and_by_person_and_english(capsys):
    assert (
        main(["due", str(REGISTER), "--within", "5", "--by", "person", "--lang", "en", "--fail-on-overdue"])
        == 1
    )
    out = capsys.readouterr().out
    assert "yellow due soon 0" in out
    assert "== 教育局局长 (p)" in out and "== (none)" in out  # the problem has no responsible person


def test_due_xlsx_has_one_sheet_per_unit_coloured_by_state(tmp_path, capsys):
    out = tmp_path / "due.xlsx"
    assert main(["due", str(REGISTER), "-o", str(out)]) == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["午县教育局", "午县教育局党组"]
    ws = wb["午县教育局"]
    assert ws["A2"].value == "状态"
    rows = {r[4].value: r for r in ws.iter_rows(min_row=3)}
    assert set(rows) == {"t2", "pb1-m1", "t1", "t4"}
    assert rows["t2"][0].value == "红 逾期未完成" and rows["t2"][0].fill.fgColor.rgb.endswith("FFC7CE")
    assert rows["t2"][1].value == dt.datetime(2025, 9, 1)
    assert rows["pb1-m1"][0].value == "黄 逾期完成" and rows["pb1-m1"][9].value == dt.datetime(2025, 7, 10)
    assert rows["t4"][0].fill.fgColor.rgb.endswith("C6EFCE")
    other = {r[4].value: r[0].value for r in wb["午县教育局党组"].iter_rows(min_row=3)}
    assert other == {"pb1": "红 逾期未完成", "t3": "黄 即将到期"}


def test_due_ics_has_one_entry_per_open_deadline_that_a_calendar_reads(tmp_path):
    out = tmp_path / "due.ics"
    assert main(["due", str(REGISTER), "-o", str(out)]) == 0
    cal = Calendar.from_ical(out.read_bytes())
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    assert len(events) == 4  # t2, t3, t4, pb1: the done items are not deadlines any more
    starts = sorted(e.decoded("dtstart") for e in events.values())
    assert starts == [dt.date(2025, 9, 1), dt.date(2025, 9, 10), dt.date(2025, 10, 20), dt.date(2025, 12, 31)]
    t3 = next(e for s, e in events.items() if "廉政谈话" in s)
    assert str(t3["summary"]).startswith("[黄 即将到期]") and "教育局局长" in str(t3["description"])
    assert len({str(e["uid"]) for e in events.values()}) == 4
    again = tmp_path / "again.ics"
    main(["due", str(REGISTER), "-o", str(again)])
    assert {str(e["uid"]) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT")} == {
        str(e["uid"]) for e in events.values()
    }  # importing again updates the same entries


def test_due_refuses_an_unknown_output_type_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "due.pdf"
    assert main(["due", str(REGISTER), "-o", str(out)]) == 2
    assert not out.exists()


@pytest.mark.parametrize("name", ["=cmd|' /C calc'!A0", "+1", "@SUM(A1)"])
def test_due_xlsx_cells_never_hold_a_formula(tmp_path, name):
    reg = tmp_path / "r.yaml"
    reg.write_text(
        "respchain: 1\nmeta: {as_of: 2025-09-30}\norganizations: [{id: g, name: '"
        + name.replace("'", "''")
        + "', kind: party_group}]\nlists:\n  - {id: l, name: L, kind: main, owner: g, tasks: [{id: t, goal: x, due: 2025-10-01}]}\n",
        encoding="utf-8",
    )
    out = tmp_path / "due.xlsx"
    assert main(["due", str(reg), "-o", str(out)]) == 0
    ws = load_workbook(out).worksheets[0]
    cells = [c for row in ws.iter_rows() for c in row if c.value == name]
    assert cells and all(c.data_type == "s" for c in cells)
