"""Rectification ledgers (整改台账): problems and their measures read as an office keeps them, every bad
row reported, and the imported problems found by the RECT rules."""

from __future__ import annotations

import json

import pytest
import yaml
from respchain.loaders.ledger import parse_origin, read_rectification_ledger

from respchain.cli import main
from respchain.exceptions import InputError
from tests.loaders._ledgerkit import REGISTER, make_xlsx, write_csv

HEADER = [
    "序号",
    "反馈问题",
    "具体表现",
    "整改措施",
    "责任领导",
    "责任单位",
    "整改时限",
    "整改情况",
    "完成时间",
    "佐证材料",
]
TITLE = "市委第二巡察组反馈问题整改台账"


def _rows() -> list[list]:
    return [
        [TITLE],
        HEADER,
        ["一、党的政治建设方面"],
        [
            1,
            "党组会议专题研究党风廉政建设不足",
            "全年仅研究1次",
            "每季度党组会议专题研究",
            "王某（p-edu）",
            "示例县教育局",
            "2025年6月底",
            "已完成",
            "2025-06-27",
            "党组会议记录",
        ],
        [None, None, None, "修订党组议事规则", "周副局长", "教育局", "2025年9月30日", "整改中", None, None],
        ["二、作风建设方面"],
        [
            2,
            "公务接待管理不规范",
            None,
            "清理2024年以来接待台账",
            "周副局长",
            "示例县教育局、示例县财政局",
            "长期坚持",
            "持续整改",
            None,
            None,
        ],
        [3, "干部教育培训针对性不强", None, None, None, None, None, None, None, None],
    ]


def test_one_row_per_measure_the_problem_above_and_section_headings(tmp_path):
    ledger = make_xlsx(tmp_path / "整改台账.xlsx", {"整改": _rows()})
    notes: list[str] = []
    out = read_rectification_ledger(
        ledger, REGISTER, org="示例县教育局党组", found="2025年4月15日", notes=notes
    )
    p1, p2, p3 = out["problems"]
    assert [p["id"] for p in out["problems"]] == ["pb-edu-group-1", "pb-edu-group-2", "pb-edu-group-3"]
    assert p1["org"] == "edu-group" and p1["origin"] == "patrol"  # 巡察, from the title
    assert p1["found"] == "2025-04-15"
    assert "问题类别：一、党的政治建设方面" in p1["note"] and "具体表现：全年仅研究1次" in p1["note"]
    m1, m2 = p1["measures"]
    assert m1 == {
        "id": "pb-edu-group-1-m1",
        "action": "每季度党组会议专题研究",
        "responsible": "p-edu",
        "lead": "edu",
        "due": "2025-06-30",
        "done_on": "2025-06-27",
        "status": "done",
        "evidence": ["pb-edu-group-1-m1-ev1"],
        "progress": "已完成",
    }
    assert (m2["responsible"], m2["lead"], m2["due"], m2["status"]) == (
        "p-edu-dep",
        "edu",
        "2025-09-30",
        "open",
    )
    (m,) = p2["measures"]
    assert m["lead"] == "edu" and m["assist"] == ["finance"]
    assert "due" not in m and m["note"] == "整改时限：长期坚持" and m["status"] == "open"
    assert "问题类别：二、作风建设方面" in p2["note"]
    assert "measures" not in p3  # a problem with no measure yet: RECT-001 will say so
    assert out["evidence"] == [{"id": "pb-edu-group-1-m1-ev1", "kind": "minutes", "title": "党组会议记录"}]


def test_merged_problem_cells_and_a_closed_problem(tmp_path):
    header = [
        "序号",
        "存在问题",
        "整改措施",
        "责任人",
        "牵头单位",
        "完成时限",
        "整改状态",
        "实际完成时间",
        "是否销号",
        "销号日期",
    ]
    rows = [
        ["示例县教育局党组巡视整改台账"],
        header,
        [
            1,
            "选人用人把关不严",
            "开展干部档案专项审核",
            "p-edu",
            "edu",
            "2025-05-31",
            "已整改",
            "2025-05-20",
            "是",
            "2025-07-01",
        ],
        [
            1,
            "选人用人把关不严",
            "完善干部选拔任用工作规程",
            "p-edu-dep",
            "edu",
            "2025-06-30",
            "整改中",
            None,
            "是",
            "2025-07-01",
        ],
        [
            2,
            "意识形态工作责任制落实不到位",
            "每半年专题研判意识形态形势",
            "p-edu",
            "edu",
            "2025-06-30",
            "已完成",
            "2025-06-15",
            "是",
            None,
        ],
    ]
    ledger = make_xlsx(tmp_path / "l.xlsx", {"S": rows}, merges={"S": ["A3:A4", "B3:B4", "I3:I4", "J3:J4"]})
    notes: list[str] = []
    out = read_rectification_ledger(ledger, REGISTER, org="edu-group", notes=notes)
    p1, p2 = out["problems"]
    assert p1["origin"] == "inspection"  # 巡视, from the title
    assert len(p1["measures"]) == 2 and p1["closed_on"] == "2025-07-01"
    assert [m["status"] for m in p1["measures"]] == ["done", "open"]
    assert "closed_on" not in p2  # 是否销号 是 without a date: not closed, and said so
    assert any("pb-edu-group-2" in n and "没有销号日期" in n for n in notes)


def test_gbk_csv_with_an_origin_column_and_the_org_per_row(tmp_path):
    rows = [
        ["被巡察单位", "问题来源", "反馈日期", "问题描述", "整改措施", "责任领导", "责任单位", "整改时限"],
        [
            "示例县教育局党组",
            "县委巡察",
            "2025/4/15",
            "问题甲",
            "措施甲",
            "王某（p-edu）",
            "教育局",
            "2025年6月底",
        ],
        [
            "示例县卫生健康局党组",
            "审计",
            "2025/5/10",
            "问题乙",
            "措施乙",
            "王某（p-health）",
            "卫生健康局",
            "2025年8月底",
        ],
    ]
    ledger = write_csv(tmp_path / "整改.csv", rows, "gbk")
    out = read_rectification_ledger(ledger, REGISTER)
    a, b = out["problems"]
    assert (a["id"], a["org"], a["origin"], a["found"]) == (
        "pb-edu-group-1",
        "edu-group",
        "patrol",
        "2025-04-15",
    )
    assert (b["id"], b["org"], b["origin"], b["found"]) == (
        "pb-health-group-1",
        "health-group",
        "audit",
        "2025-05-10",
    )
    assert b["measures"][0]["responsible"] == "p-health"


def test_every_bad_row_is_reported_and_nothing_is_written(tmp_path, capsys):
    rows = [
        HEADER,
        [1, "问题一", None, "措施一", "王某", "示例县教肓局", "2025年2月30日", None, None, None],
        [None, None, None, None, "周副局长", "edu", "2025-06-30", None, None, None],
        [2, "问题二", None, "措施二", "周副局长", "edu", "2025-06-30", "整改中", "2025-06-01", None],
    ]
    ledger = make_xlsx(tmp_path / "整改台账.xlsx", {"S": rows})
    out = tmp_path / "problems.yaml"
    rc = main(["ledger", "problems", str(ledger), "-r", str(REGISTER), "--org", "edu-group", "-o", str(out)])
    assert rc == 2
    err = capsys.readouterr().err
    assert "S!E2 责任领导" in err and "p-edu" in err and "p-health" in err  # 王某 is two people
    assert "S!F2 责任单位" in err and "示例县教育局" in err  # the closest name
    assert "S!G2 整改时限" in err
    assert "S!D3 整改措施" in err  # a measure row with no measure
    assert "S!I4 完成时间" in err  # done, yet 整改中
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["整改台账.xlsx"]


def test_arguments_are_checked_before_the_file_is_read(tmp_path):
    with pytest.raises(InputError) as e:
        read_rectification_ledger(
            tmp_path / "none.xlsx", REGISTER, org="无此单位", origin="随便", found="不知何时", prefix="a b"
        )
    text = str(e.value)
    assert "无此单位" in text and "随便" in text and "不知何时" in text and "a b" in text
    with pytest.raises(InputError, match="no such file"):
        read_rectification_ledger(tmp_path / "none.xlsx", REGISTER, org="edu-group")


def test_without_a_unit_to_rectify_the_import_is_refused(tmp_path):
    ledger = make_xlsx(tmp_path / "l.xlsx", {"S": [["问题", "整改措施"], ["问题甲", "措施甲"]]})
    with pytest.raises(InputError, match="--org"):
        read_rectification_ledger(ledger, REGISTER)


def test_a_task_ledger_is_not_taken_for_a_rectification_ledger(tmp_path):
    ledger = make_xlsx(
        tmp_path / "l.xlsx", {"S": [["序号", "任务目标", "责任人"], [1, "开展警示教育", "p-edu"]]}
    )
    with pytest.raises(InputError, match="no rectification ledger header"):
        read_rectification_ledger(ledger, REGISTER, org="edu-group")


@pytest.mark.parametrize(
    "text,value",
    [
        ("省委第三巡视组", "inspection"),
        ("市委巡察", "patrol"),
        ("纪委监督检查", "supervision"),
        ("审计", "audit"),
        ("信访举报", "petition"),
        ("patrol", "patrol"),
        ("巡察", "patrol"),
        ("其他", "other"),
    ],
)
def test_origin_words(text, value):
    assert parse_origin(text) == value


def test_imported_problems_are_found_by_the_rect_rules_and_reimported_in_place(tmp_path, capsys):
    rows = _rows()
    rows[4][7] = "未完成"  # the second measure of problem 1, due 2025-09-30, not done
    ledger = make_xlsx(tmp_path / "整改台账.xlsx", {"整改": rows})
    out = tmp_path / "problems.yaml"
    argv = [
        "ledger",
        "problems",
        str(ledger),
        "-r",
        str(REGISTER),
        "--org",
        "edu-group",
        "--found",
        "2025-04-15",
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    said = capsys.readouterr().out
    assert "3 个问题" in said and "3 项整改措施" in said and str(out) in said
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["respchain"] == 1 and len(data["problems"]) == 3
    report = tmp_path / "gaps.json"
    rc = main(["gaps", str(REGISTER), str(out), "--as-of", "2025-10-20", "-o", str(report)])
    assert rc in (0, 1)
    found = json.loads(report.read_text(encoding="utf-8"))["findings"]
    by_rule = {(f["rule"], f["evidence"][0]) for f in found if f["rule"].startswith("RECT")}
    assert ("RECT-001", "pb-edu-group-3") in by_rule  # no measure
    assert ("RECT-002", "pb-edu-group-1") in by_rule  # no 整改报告 six months after a 巡察
    assert ("RECT-003", "pb-edu-group-1-m2") in by_rule  # overdue measure
    assert ("RECT-003", "pb-edu-group-2-m1") not in by_rule  # 长期坚持 has no date to miss
    # A refilled ledger imported over its earlier import: the output is replaced, ids stay.
    rows[4][7] = "已完成"
    rows[4][8] = "2025-10-10"
    make_xlsx(ledger, {"整改": rows})
    assert main([*argv[:5], "-r", str(out), *argv[5:]]) == 0
    assert "已替换 / replaced" in capsys.readouterr().out
    again = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [p["id"] for p in again["problems"]] == [p["id"] for p in data["problems"]]
    assert again["problems"][0]["measures"][1]["done_on"] == "2025-10-10"
