"""`ledger export --like`: a list written back into the office's own ledger, its layout kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import yaml

from respchain.cli import main
from tests.loaders._ledgerkit import REGISTER, import_argv, make_xlsx

TITLE = "示例县教育局党组2025年落实全面从严治党主体责任工作台账"
# The office's own words: 工作任务, 责任领导, 责任单位, 时间节点, 进展情况 (the import's variants).
HEADER = ["序号", "工作任务", "具体举措", "责任领导", "责任单位", "配合单位", "时间节点", "进展情况", "备注"]


def _office_ledger(path: Path) -> Path:
    rows = [
        [TITLE],
        HEADER,
        ["一、政治建设"],
        [
            1,
            "落实意识形态工作责任制",
            "专题研究",
            "党组书记、局长",
            "示例县教育局",
            None,
            "2025年12月底",
            "推进中",
            None,
        ],
        [
            2,
            "开展警示教育",
            "观看警示片",
            "周副局长",
            "示例县教育局",
            None,
            "2025年6月30日",
            "推进中",
            "每半年",
        ],
        ["二、作风建设"],
        [
            3,
            "整治形式主义",
            "精简会议",
            "周副局长",
            "示例县教育局",
            "示例县财政局",
            "2025年9月底",
            None,
            None,
        ],
        [],
        ["填表人：吴敏", None, None, None, "填报日期：2025年7月1日"],
    ]
    make_xlsx(path, {"台账": rows}, merges={"台账": ["A1:I1", "A3:I3", "A6:I6", "E4:E5"]})
    wb = openpyxl.load_workbook(path)
    ws = wb["台账"]
    ws.column_dimensions["B"].width = 40
    ws["A1"].font = openpyxl.styles.Font(bold=True, size=16)
    wb.save(path)
    return path


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, Path]:
    ledger = _office_ledger(tmp_path / "原台账.xlsx")
    lists = tmp_path / "list.yaml"
    argv = import_argv(ledger, lists, "--id", "edu-2025")
    assert main(argv) == 0
    return ledger, lists


def _rows(path: Path) -> list[list]:
    ws = openpyxl.load_workbook(path)["台账"]
    return [[c.value for c in row] for row in ws.iter_rows()]


def _edit(lists: Path, change) -> None:
    """Apply ``change`` to the written list file's data, as an office would edit it."""
    data = yaml.safe_load(lists.read_text(encoding="utf-8"))
    change(data["lists"][0]["tasks"])
    lists.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _export_like(like: Path, lists: Path, out: Path, *extra: str) -> int:
    """``respchain ledger export`` of the list edu-2025 in the layout of ``like``."""
    argv = ["ledger", "export", str(REGISTER), str(lists), "--list", "edu-2025"]
    return main([*argv, "--like", str(like), *extra, "-o", str(out)])


def test_the_layout_is_kept_and_only_changed_cells_are_rewritten(tmp_path, imported, capsys):
    ledger, lists = imported

    def the_year_goes_on(tasks: list[dict]) -> None:
        # one task done, one deadline moved, a task added
        by_goal = {t["goal"]: t for t in tasks}
        by_goal["开展警示教育"].update(status="done", done_on="2025-06-28", progress="已完成")
        by_goal["整治形式主义"]["due"] = "2025-11-30"
        tasks.append(
            {
                "id": "edu-2025-4",
                "goal": "开展廉政教育月活动",
                "responsible": "p-edu-dep",
                "lead": "edu",
                "due": "2025-10-31",
                "status": "open",
            }
        )

    _edit(lists, the_year_goes_on)
    out = tmp_path / "新台账.xlsx"
    assert _export_like(ledger, lists, out, "--as-of", "2025-10-20") == 0
    assert "4 项任务" in capsys.readouterr().out
    before, after = _rows(ledger), _rows(out)
    assert (
        after[0][0] == TITLE and after[1][: len(HEADER)] == HEADER
    )  # title and headers as the office wrote them
    assert after[2][0] == "一、政治建设" and after[5][0] == "二、作风建设"
    # unchanged cells stay as written: a post title for a person, a Chinese date
    assert after[3][3] == "党组书记、局长" and after[3][6] == "2025年12月底"
    assert after[4][7] == "已完成" and after[4][8] == "每半年"
    assert after[6][6] == dt.datetime(2025, 11, 30)  # the moved deadline, now a date
    # the new task below the last one, before the 填报 row, which moved down with its text
    assert after[7][:2] == [4, "开展廉政教育月活动"] and after[7][3] == "周副局长"
    assert after[-1][0] == "填表人：吴敏" and after[-1][4] == "填报日期：2025年7月1日"
    assert len(after) == len(before) + 1
    wb = openpyxl.load_workbook(out)
    ws = wb["台账"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:I1", "A3:I3", "A6:I6", "E4:E5"} <= merged
    assert ws.column_dimensions["B"].width == 40 and ws["A1"].font.size == 16
    # deadline states at 2025-10-20: the new task (10-31) is due soon (黄); 整治形式主义 (11-30) is
    # beyond the 30 days and 开展警示教育 was done on time (绿)
    assert ws.cell(8, 7).fill.fgColor.rgb.endswith("FFEB9C")
    assert ws.cell(5, 7).fill.fgColor.rgb.endswith("C6EFCE")
    assert ws.cell(7, 7).fill.fgColor.rgb.endswith("C6EFCE")
    assert ws.cell(3, 7).fill.fill_type is None  # the heading row is not painted


def test_reimporting_the_written_ledger_changes_nothing(tmp_path, imported, capsys):
    ledger, lists = imported
    _edit(lists, lambda tasks: tasks[1].update(status="done", done_on="2025-06-28"))
    out = tmp_path / "新台账.xlsx"
    assert _export_like(ledger, lists, out) == 0
    capsys.readouterr()
    again = import_argv(out, lists, "-r", str(lists), "--id", "edu-2025", "--update")
    assert main(again) == 0
    said = capsys.readouterr().out
    assert "0 处改动" in said, said


def test_gaps_get_a_column_at_the_right_of_the_header(tmp_path, imported):
    ledger, lists = imported
    # LIST-001: no one responsible
    _edit(lists, lambda tasks: tasks[0].pop("responsible"))
    out = tmp_path / "新台账.xlsx"
    assert _export_like(ledger, lists, out) == 0
    after = _rows(out)
    assert after[1][len(HEADER)] == "缺口"
    assert after[3][len(HEADER)].startswith("LIST-001")
    assert after[3][3] is None  # the person the register no longer names is cleared


def test_a_bad_layout_file_is_refused_and_nothing_written(tmp_path, imported, capsys):
    _, lists = imported
    out = tmp_path / "新台账.xlsx"
    not_a_ledger = make_xlsx(tmp_path / "other.xlsx", {"S": [["姓名", "电话"], ["吴敏", "123"]]})
    for like in (not_a_ledger, tmp_path / "missing.xlsx", lists):
        rc = _export_like(like, lists, out)
        assert rc == 2
        assert str(like) in capsys.readouterr().err
    assert not out.exists()
