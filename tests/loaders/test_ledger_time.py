"""Ledgers over time: 完成日期 and 佐证材料 in import, export and the template, and the exported
ledger coloured by deadline state (红 overdue, 黄 due soon or done late, 绿 on time)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import yaml
from respchain.loaders.ledger import list_changes, read_ledger, write_template

from respchain.cli import main
from respchain.exceptions import InputError
from tests.loaders._ledgerkit import REGISTER, import_argv, make_xlsx

LISTS = """\
respchain: 1
evidence:
  - {id: ev-minutes, kind: minutes, title: 2025年7月党组会议记录, date: 2025-07-15}
lists:
  - id: work
    name: 示例县教育局党组2025年责任清单
    kind: main
    owner: edu-group
    year: 2025
    tasks:
      - {id: w-late, goal: 专题研究党风廉政建设, lead: edu, responsible: p-edu, due: 2025-06-30,
         status: done, done_on: 2025-07-15, evidence: [ev-minutes]}
      - {id: w-over, goal: 开展警示教育, lead: edu, responsible: p-edu, due: 2025-09-30}
      - {id: w-soon, goal: 约谈下属单位, lead: edu, responsible: p-edu-dep, due: 2025-11-10}
      - {id: w-ok, goal: 年度述责述廉, lead: edu, responsible: p-edu, due: 2025-12-31}
"""
AS_OF = "2025-10-20"


@pytest.fixture
def lists(tmp_path: Path) -> Path:
    p = tmp_path / "work.yaml"
    p.write_text(LISTS, encoding="utf-8")
    return p


def _export(tmp_path: Path, lists: Path, *extra: str) -> Path:
    out = tmp_path / "out.xlsx"
    args = ["ledger", "export", str(REGISTER), str(lists), "--list", "work", "--as-of", AS_OF, *extra]
    assert main([*args, "-o", str(out)]) == 0
    return out


def _table(path: Path) -> tuple[openpyxl.worksheet.worksheet.Worksheet, list[str], dict[str, int]]:
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[2]]
    rows = {ws.cell(r, header.index("任务编号") + 1).value: r for r in range(3, ws.max_row + 1)}
    return ws, header, rows


def _fill(ws, row: int, header: list[str], h: str) -> str | None:
    c = ws.cell(row, header.index(h) + 1)
    return c.fill.fgColor.rgb[-6:] if c.fill.fill_type == "solid" else None


def test_export_colours_each_task_by_its_deadline_state(tmp_path, lists):
    ws, header, rows = _table(_export(tmp_path, lists))
    for col in ("完成日期", "佐证材料", "期限状态"):
        assert col in header
    state = {t: ws.cell(r, header.index("期限状态") + 1).value for t, r in rows.items()}
    assert state == {
        "w-late": "黄 逾期完成",
        "w-over": "红 逾期未完成",
        "w-soon": "黄 即将到期",
        "w-ok": "绿 按期",
    }
    fills = {t: _fill(ws, r, header, "完成时限") for t, r in rows.items()}
    assert fills == {"w-late": "FFEB9C", "w-over": "FFC7CE", "w-soon": "FFEB9C", "w-ok": "C6EFCE"}
    late = rows["w-late"]
    assert ws.cell(late, header.index("完成日期") + 1).value == dt.datetime(2025, 7, 15)
    assert ws.cell(late, header.index("完成日期") + 1).number_format == "yyyy-mm-dd"
    assert ws.cell(late, header.index("佐证材料") + 1).value == "2025年7月党组会议记录"


def test_export_within_sets_the_yellow_window(tmp_path, lists):
    ws, header, rows = _table(_export(tmp_path, lists, "--within", "5"))
    assert ws.cell(rows["w-soon"], header.index("期限状态") + 1).value == "绿 按期"
    ws, header, rows = _table(_export(tmp_path, lists, "--within", "5", "--lang", "en"))
    assert ws.cell(rows["w-over"], header.index("期限状态") + 1).value == "red: overdue"


def test_exported_ledger_reads_back_with_its_dates_and_evidence(tmp_path, lists):
    out = _export(tmp_path, lists)
    rec = read_ledger(out, [REGISTER, lists], owner="edu-group", kind="main", list_id="work", update=True)
    tasks = {t["goal"]: t for t in rec["tasks"]}
    late = tasks["专题研究党风廉政建设"]
    assert (late["status"], late["done_on"], late["evidence"]) == ("done", "2025-07-15", ["ev-minutes"])
    assert "done_on" not in tasks["开展警示教育"] and tasks["开展警示教育"]["status"] == "open"
    assert "_evidence" not in rec  # the evidence named is the register's own
    changes = list_changes(rec["_previous"], rec)
    assert changes == []  # nothing the ledger shows was lost on the way out and back


def test_import_records_new_evidence_and_validates(tmp_path, lists):
    ledger = make_xlsx(
        tmp_path / "l.xlsx",
        {
            "台账": [
                ["序号", "任务目标", "牵头单位", "完成时限", "实际完成日期", "佐证资料"],
                [
                    1,
                    "专题研究党风廉政建设",
                    "示例县教育局",
                    "2025年6月30日",
                    "2025年7月15日",
                    "2025年7月党组会议记录；会议照片/七月.jpg",
                ],
                [2, "开展警示教育", "示例县教育局", "2025年9月30日", None, None],
                [3, "整改情况报告", "示例县教育局", "2025年9月30日", dt.datetime(2025, 9, 1), "整改情况报告"],
            ]
        },
    )
    out = tmp_path / "list.yaml"
    args = import_argv(ledger, out, "-r", str(lists), "--id", "new")
    assert main(args) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    t1, t2, t3 = data["lists"][0]["tasks"]
    assert (t1["status"], t1["done_on"]) == ("done", "2025-07-15")
    assert t1["evidence"] == ["ev-minutes", "new-1-ev1"]
    assert t2["status"] == "open" and "evidence" not in t2
    assert (t3["done_on"], t3["evidence"]) == ("2025-09-01", ["new-3-ev1"])
    assert data["evidence"] == [
        {"id": "new-1-ev1", "kind": "photo", "title": "会议照片/七月.jpg", "file": "会议照片/七月.jpg"},
        {"id": "new-3-ev1", "kind": "report", "title": "整改情况报告"},
    ]
    assert main(["validate", str(REGISTER), str(lists), str(out)]) == 0


def test_bad_dates_done_are_all_located(tmp_path):
    ledger = make_xlsx(
        tmp_path / "l.xlsx",
        {
            "台账": [
                ["任务目标", "状态", "完成日期"],
                ["开展警示教育", "未完成", "2025-07-15"],
                ["约谈下属单位", None, "下周"],
                ["年度述责述廉", None, "2025年2月30日"],
            ]
        },
    )
    with pytest.raises(InputError) as e:
        read_ledger(ledger, REGISTER, owner="edu-group", kind="main", list_id="L")
    where = [(p.line, p.path) for p in e.value.problems]
    assert where == [(2, "台账!C2 完成日期"), (3, "台账!C3 完成日期"), (4, "台账!C4 完成日期")]
    assert "未完成" in e.value.problems[0].message


def test_template_has_the_date_done_and_evidence_columns(tmp_path):
    path = write_template(tmp_path / "t.xlsx", REGISTER)
    ws = openpyxl.load_workbook(path)["台账"]
    header = [c.value for c in ws[2]]
    assert "完成日期" in header and "佐证材料" in header and "期限状态" not in header
    col = openpyxl.utils.get_column_letter(header.index("完成日期") + 1)
    dates = [dv for dv in ws.data_validations.dataValidation if dv.type == "date"]
    assert any(str(dv.sqref).startswith(f"{col}3:") for dv in dates)
    ws.cell(3, header.index("任务目标") + 1, "开展警示教育")
    ws.cell(3, header.index("完成日期") + 1, dt.date(2025, 8, 1))
    ws.parent.save(path)
    rec = read_ledger(path, REGISTER, owner="edu-group", kind="main", list_id="T", year=2025)
    assert rec["tasks"][0]["status"] == "done" and rec["tasks"][0]["done_on"] == "2025-08-01"
