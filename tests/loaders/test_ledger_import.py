"""Importing Excel ledgers (台账): headers, layout, names, dates, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import yaml
from respchain.loaders import load_register
from respchain.loaders.ledger import HEADER_ALIASES, parse_due, read_ledger

from respchain.cli import main
from respchain.exceptions import InputError
from tests.loaders._ledgerkit import HEADER, REGISTER, import_argv, make_xlsx, task_of


@pytest.fixture(scope="module")
def reg():
    return load_register(REGISTER)


def _read(path: Path, reg, **kw):
    kw.setdefault("owner", "edu-group")
    kw.setdefault("kind", "main")
    kw.setdefault("list_id", "L")
    return read_ledger(path, reg, **kw)


# Per field: the cell written under the header variant, and what the task gets.
_CELL = {
    "seq": ("7", {"id": "L-7"}),
    "id": ("t-x", {"id": "t-x"}),
    "goal": ("落实意识形态工作责任制", {"goal": "落实意识形态工作责任制"}),
    "measure": ("每季度专题研究一次", {"measure": "每季度专题研究一次"}),
    "responsible": ("李书记", {"responsible": "p-sec"}),
    "leader": ("李书记", {"responsible": "p-sec"}),
    "lead": ("示例县教育局", {"lead": "edu"}),
    "assist": ("示例县财政局", {"assist": ["finance"]}),
    "due": (dt.datetime(2025, 12, 31), {"due": "2025-12-31"}),
    "status": ("已完成", {"status": "done"}),
    "progress": ("正在推进", {"progress": "正在推进", "status": "open"}),
    "implements": ("监督责任", {"implements": "supervisory"}),
    "note": ("结合七一活动", {"note": "结合七一活动"}),
    "done_on": ("2025年7月15日", {"done_on": "2025-07-15", "status": "done"}),
    "evidence": ("2025年7月党组会议记录", {"evidence": ["L-2-ev1"]}),
}

_VARIANTS = [(f, a) for f, aliases in HEADER_ALIASES.items() for a in aliases]


@pytest.mark.parametrize(("field", "alias"), _VARIANTS, ids=[f"{f}-{a}" for f, a in _VARIANTS])
def test_every_header_variant_is_recognised(tmp_path, reg, field, alias):
    if field in ("gaps", "deadline"):  # computed on export, ignored on import
        rows = [["任务目标", alias, "备注"], ["开展警示教育", "LIST-001 没有责任人", "x"]]
        rec = _read(make_xlsx(tmp_path / "l.xlsx", {"台账": rows}), reg)
        assert rec["tasks"] == [{"id": "L-2", "goal": "开展警示教育", "status": "open", "note": "x"}]
        return
    value, expected = _CELL[field]
    if field == "goal":
        rows = [[alias, "备注"], [value, "x"]]
    else:
        rows = [["任务目标", alias], ["开展警示教育", value]]
    rec = _read(make_xlsx(tmp_path / "l.xlsx", {"台账": rows}), reg)
    (task,) = rec["tasks"]
    for k, v in expected.items():
        assert task[k] == v, (alias, task)


def test_decorated_headers_in_any_order(tmp_path, reg):
    rows = [
        ["备 注", "完成时限\n（年月日）", "*任务目标", "牵头单位/责任单位", "ＩＤ", "责任人:"],
        ["n", "2025年6月30日", "开展警示教育", "示例县教育局", "t1", "周副局长"],
    ]
    rec = _read(make_xlsx(tmp_path / "l.xlsx", {"S": rows}), reg)
    assert rec["tasks"] == [
        {
            "id": "t1",
            "goal": "开展警示教育",
            "responsible": "p-edu-dep",
            "lead": "edu",
            "due": "2025-06-30",
            "status": "open",
            "note": "n",
        }
    ]


def test_header_below_title_rows_gives_name_and_year(tmp_path, reg):
    rows = [
        ["示例县教育局党组2025年全面从严治党主体责任清单"],
        ["填报单位：示例县教育局", None, None, "填报时间：2025年1月"],
        [],
        HEADER,
        [
            1,
            "落实意识形态工作责任制",
            "每季度专题研究",
            "王某（p-edu）",
            "示例县教育局",
            None,
            "12月底",
            None,
            None,
        ],
    ]
    rec = read_ledger(make_xlsx(tmp_path / "l.xlsx", {"S": rows}), reg, owner="示例县教育局党组", kind="main")
    assert rec["name"] == "示例县教育局党组2025年全面从严治党主体责任清单"
    assert rec["year"] == 2025
    assert rec["owner"] == "edu-group"
    assert rec["id"] == "edu-group-main-2025"
    assert rec["tasks"][0]["id"] == "edu-group-main-2025-1"
    assert rec["tasks"][0]["due"] == "2025-12-31"  # 12月底 takes the list's year


def test_merged_cells_fill_every_row_and_headings_are_skipped(tmp_path, reg):
    rows = [
        HEADER,
        ["一、政治建设"] + [None] * 8,  # a section heading merged across the row
        [1, "落实意识形态工作责任制", "专题研究", "李书记", "示例县教育局", None, "2025-12-31", None, None],
        [2, "开展警示教育", "观看警示片", "周副局长", None, None, "2025-12-31", None, None],
        [3, "加强干部监督", "谈心谈话", "王某（p-edu）", None, None, "2025-12-31", None, None],
        ["二、作风建设"],  # a heading in the 序号 column only
        [4, "整治形式主义", "精简会议", "钱部长", "中共示例县委组织部", None, "2025-12-31", None, None],
        ["填表人：吴敏"],
    ]
    path = make_xlsx(tmp_path / "l.xlsx", {"S": rows}, merges={"S": ["A2:I2", "E3:E5"]})
    rec = _read(path, reg)
    assert [t["goal"] for t in rec["tasks"]] == [
        "落实意识形态工作责任制",
        "开展警示教育",
        "加强干部监督",
        "整治形式主义",
    ]
    assert [t["lead"] for t in rec["tasks"]] == ["edu", "edu", "edu", "org-dept"]


def test_merged_goal_over_several_measures(tmp_path, reg):
    rows = [
        HEADER,
        [1, "开展警示教育", "观看警示片", "李书记", "示例县教育局", None, None, None, None],
        [1, None, "参观警示教育基地", "周副局长", "示例县教育局", None, None, None, None],
    ]
    path = make_xlsx(tmp_path / "l.xlsx", {"S": rows}, merges={"S": ["A2:A3", "B2:B3"]})
    rec = _read(path, reg)
    assert [(t["id"], t["goal"], t["measure"]) for t in rec["tasks"]] == [
        ("L-1", "开展警示教育", "观看警示片"),
        ("L-1-2", "开展警示教育", "参观警示教育基地"),
    ]


def test_several_sheets_hidden_and_headerless_ones_skipped(tmp_path, reg):
    s1 = [
        ["主体责任"],
        HEADER,
        [1, "落实意识形态工作责任制", None, "李书记", "示例县教育局", None, None, None, None],
    ]
    s2 = [
        HEADER,
        [1, "开展警示教育", None, "周副局长", "示例县卫生健康局", None, None, None, None],
        [2, "加强干部监督", None, "钱部长", "示例县财政局", None, None, None, None],
    ]
    hidden = [["单位"], ["示例县教育局"]]
    notes_sheet = [["填表说明：每项任务一行"]]
    path = make_xlsx(
        tmp_path / "l.xlsx", {"说明": notes_sheet, "一": s1, "二": s2, "名单": hidden}, hidden=["名单"]
    )
    notes: list[str] = []
    rec = _read(path, reg, notes=notes)
    assert [t["goal"] for t in rec["tasks"]] == ["落实意识形态工作责任制", "开展警示教育", "加强干部监督"]
    ids = [t["id"] for t in rec["tasks"]]
    assert len(set(ids)) == 3  # both sheets start at 序号 1
    assert [t["lead"] for t in rec["tasks"]] == ["edu", "health", "finance"]
    assert any("说明" in n for n in notes)


def test_several_names_per_cell_become_several_links(tmp_path, reg):
    rows = [
        ["任务目标", "责任领导", "责任人", "牵头单位", "配合单位"],
        [
            "开展警示教育",
            "李书记",
            "周副局长、吴敏；钱部长",
            "示例县教育局，示例县财政局",
            "示例县纪委监委/中共示例县委组织部; 中共示例县委宣传部,示例县纪委监委",
        ],
    ]
    rec = _read(make_xlsx(tmp_path / "l.xlsx", {"S": rows}), reg)
    (t,) = rec["tasks"]
    assert t["responsible"] == ["p-sec", "p-edu-dep", "p-clerk", "p-org"]
    assert t["lead"] == "edu"
    # the first unit of 牵头单位 leads, the others named there assist
    assert t["assist"] == ["finance", "county-cdi", "org-dept", "prop-dept"]


def test_names_match_by_id_post_title_width_and_spaces(tmp_path, reg):
    rows = [
        ["任务目标", "责任人", "牵头单位"],
        ["a", "县委书记", "edu"],  # a post title, a unit id
        ["b", "ｐ－ｓｅｃ", "示例县 教育局"],  # full-width id, a space inside a name
        ["c", "吴敏", "县委组织部"],  # 吴 敏 without space; 中共示例县委组织部 by its ending
        ["d", "王某（p-health）", "卫生健康局"],
        ["e", "宣传部部长", "中共示例县委宣传部"],
    ]
    rec = _read(make_xlsx(tmp_path / "l.xlsx", {"S": rows}), reg)
    assert [(t["responsible"], t["lead"]) for t in rec["tasks"]] == [
        ("p-sec", "edu"),
        ("p-sec", "edu"),
        ("p-clerk", "org-dept"),
        ("p-health", "health"),
        ("p-prop", "prop-dept"),
    ]


def test_unmatched_names_are_reported_with_sheet_row_column_and_closest(tmp_path, reg):
    rows = [
        ["清单"],
        ["序号", "任务目标", "责任人", "牵头单位", "完成时限"],
        [1, "a", "李书纪", "示例县教育局", "2025-12-31"],
        [2, "b", "周副局长", "示例县教肓局", "2025年2月30日"],
        [3, None, "周副局长", "示例县教育局", None],
        [4, "d", "王某", "李书记", None],
    ]
    path = make_xlsx(tmp_path / "l.xlsx", {"任务": rows})
    with pytest.raises(InputError) as e:
        _read(path, reg)
    probs = {(p.line, p.path.split()[0]): p for p in e.value.problems}
    assert set(probs) == {
        (3, "任务!C3"),
        (4, "任务!D4"),
        (4, "任务!E4"),
        (5, "任务!B5"),
        (6, "任务!C6"),
        (6, "任务!D6"),
    }
    assert all(p.file == str(path) for p in e.value.problems)
    assert "李书记（p-sec）" in probs[(3, "任务!C3")].message  # the closest name is suggested
    assert probs[(3, "任务!C3")].path == "任务!C3 责任人"
    assert "示例县教育局（edu）" in probs[(4, "任务!D4")].message
    assert "2025年2月30日" in probs[(4, "任务!E4")].message
    assert (
        "p-edu" in probs[(6, "任务!C6")].message and "p-health" in probs[(6, "任务!C6")].message
    )  # ambiguous
    assert "p-sec" in probs[(6, "任务!D6")].message  # a person in the unit column
    text = str(e.value)
    assert "6 个问题 / 6 problem(s)" in text


@pytest.mark.parametrize(
    ("cell", "due", "note"),
    [
        ("2025年12月底", "2025-12-31", None),
        ("2025年6月30日", "2025-06-30", None),
        ("2025年6月30日前", "2025-06-30", None),
        ("2025.6.30", "2025-06-30", None),
        ("2025/6/30", "2025-06-30", None),
        ("2025-06", "2025-06-30", None),
        ("2025年9月", "2025-09-30", None),
        ("２０２５年１１月底前", "2025-11-30", None),
        ("2025年底", "2025-12-31", None),
        ("2025年上半年", "2025-06-30", None),
        ("2025年第三季度", "2025-09-30", None),
        ("20250331", "2025-03-31", None),
        ("2025-03-31 00:00:00", "2025-03-31", None),
        ("长期坚持", None, "长期坚持"),
        ("每季度", None, "每季度"),
        ("持续推进", None, "持续推进"),
    ],
)
def test_text_dates(cell, due, note):
    assert parse_due(cell) == (due, note, None)


def test_text_dates_in_a_ledger_and_excel_dates(tmp_path, reg):
    rows = [
        ["任务目标", "时间节点"],
        ["a", "长期坚持"],
        ["b", dt.date(2025, 5, 1)],
        ["c", "2025年12月底"],
        ["d", 45930],
    ]
    rec = _read(make_xlsx(tmp_path / "l.xlsx", {"S": rows}), reg)
    got = [(t.get("due"), t.get("due_note")) for t in rec["tasks"]]
    assert got == [(None, "长期坚持"), ("2025-05-01", None), ("2025-12-31", None), ("2025-09-30", None)]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("已完成", "done"),
        ("完成", "done"),
        ("已于6月完成", "done"),
        ("已全部完成，未发现问题", "done"),
        ("未完成", "open"),
        ("正在推进，预计年底完成", "open"),
        ("完成80%", "open"),
        ("推进中", "open"),
    ],
)
def test_progress_sets_status_and_is_kept(tmp_path, reg, text, status):
    rows = [["任务目标", "完成情况"], ["a", text]]
    (t,) = _read(make_xlsx(tmp_path / "l.xlsx", {"S": rows}), reg)["tasks"]
    assert (t["status"], t["progress"]) == (status, text)


def test_no_header_is_an_error(tmp_path, reg):
    path = make_xlsx(tmp_path / "l.xlsx", {"S": [["姓名", "年龄"], ["张三", 30]]})
    with pytest.raises(InputError, match="未找到台账表头"):
        _read(path, reg)


def test_list_id_already_in_register_is_refused(tmp_path, reg):
    path = make_xlsx(tmp_path / "l.xlsx", {"S": [["任务目标", "备注"], ["a", "b"]]})
    with pytest.raises(InputError, match="already used"):
        _read(path, reg, list_id="edu")


def test_cli_import_writes_a_list_that_validates_with_the_register(tmp_path, capsys):
    rows = [
        ["2025年主体责任清单"],
        HEADER,
        [
            1,
            "落实意识形态工作责任制",
            "专题研究",
            "李书记",
            "示例县教育局",
            "中共示例县委宣传部",
            "2025-12-31",
            "已完成",
            None,
        ],
        [2, "开展警示教育", None, "周副局长、吴敏", "示例县教育局", None, "每季度", None, "结合七一"],
    ]
    ledger = make_xlsx(tmp_path / "台账.xlsx", {"S": rows})
    out = tmp_path / "list.yaml"
    rc = main(import_argv(ledger, out))
    assert rc == 0, capsys.readouterr().err
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["respchain"] == 1
    (lst,) = data["lists"]
    assert lst["id"] == "edu-group-main-2025" and lst["name"] == "2025年主体责任清单"
    assert task_of(lst, "开展警示教育")["due_note"] == "每季度"
    assert main(["validate", str(REGISTER), str(out)]) == 0


def test_cli_import_with_bad_rows_exits_2_and_writes_nothing(tmp_path, capsys):
    rows = [
        HEADER,
        [1, "a", None, "李书纪", "示例县教育局", None, None, None, None],
        [2, "b", None, "李书记", "示例县教肓局", None, None, None, None],
    ]
    ledger = make_xlsx(tmp_path / "台账.xlsx", {"S": rows})
    out = tmp_path / "list.yaml"
    rc = main(import_argv(ledger, out))
    assert rc == 2
    err = capsys.readouterr().err
    assert "S!D2 责任人" in err and "S!E3 牵头单位" in err and "李书记" in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [ledger]


def test_two_row_header_with_a_merged_group(tmp_path, reg):
    rows = [
        ["序号", "任务目标", "责任主体", None, "完成时限"],
        [None, None, "牵头单位", "协助部门", None],
        [1, "开展警示教育", "示例县教育局", "示例县财政局", "2025-12-31"],
    ]
    path = make_xlsx(tmp_path / "l.xlsx", {"S": rows}, merges={"S": ["A1:A2", "B1:B2", "C1:D1", "E1:E2"]})
    (t,) = _read(path, reg)["tasks"]
    assert (t["id"], t["lead"], t["assist"], t["due"]) == ("L-1", "edu", ["finance"], "2025-12-31")


def test_row_without_goal_is_reported_not_dropped_and_footers_are_skipped(tmp_path, reg):
    rows = [
        HEADER,
        [1, "开展警示教育", "观看警示片", "李书记", "示例县教育局", None, None, None, None],
        [None, None, "参观警示教育基地", None, None, None, None, None, None],
        ["填表人：吴敏", None, None, "审核人：李书记", None, None, "填报日期：2025年1月5日", None, None],
    ]
    with pytest.raises(InputError) as e:
        _read(make_xlsx(tmp_path / "l.xlsx", {"S": rows}), reg)
    (p,) = e.value.problems
    assert (p.line, p.path) == (3, "S!B3 任务目标")


def test_task_ids_given_twice_are_reported(tmp_path, reg):
    rows = [["任务编号", "任务目标"], ["t1", "a"], ["t1", "b"], ["edu", "c"]]
    with pytest.raises(InputError) as e:
        _read(make_xlsx(tmp_path / "l.xlsx", {"S": rows}), reg)
    msgs = {p.line: p.message for p in e.value.problems}
    assert set(msgs) == {3, 4}
    assert "given twice" in msgs[3] and "S!2" in msgs[3]
    assert "already used" in msgs[4]


def test_a_misspelt_name_is_shown_the_closest_names_not_titles(tmp_path):
    reg_file = tmp_path / "court.yaml"
    reg_file.write_text(
        yaml.safe_dump(
            {
                "respchain": 1,
                "organizations": [
                    {"id": "court-group", "name": "某市中级人民法院党组", "kind": "party_group"},
                    {"id": "court", "name": "某市中级人民法院", "kind": "unit"},
                ],
                "people": [
                    {
                        "id": f"p-{n}",
                        "name": f"副院长{n}",
                        "posts": [{"org": "court-group", "role": "member", "title": "副院长"}],
                    }
                    for n in ("甲", "乙", "丙", "丁", "戊", "己")
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    rows = [
        ["清单"],
        ["序号", "任务目标", "责任人", "牵头单位"],
        [1, "审判监督", "副院长已", "某市中级人民法院"],
    ]
    path = make_xlsx(tmp_path / "l.xlsx", {"任务": rows})
    with pytest.raises(InputError) as e:
        read_ledger(path, [reg_file], owner="court-group", kind="main")
    (p,) = e.value.problems
    hint = p.message.split("closest:")[1]
    assert "副院长己（p-己）" in hint
    assert "副院长（" not in hint  # a title is no name


def test_a_refilled_ledger_updates_the_list_it_came_from(tmp_path, capsys):
    import shutil

    from respchain.loaders.ledger import write_ledger

    from tests.loaders._ledgerkit import LISTS

    lists = tmp_path / "lists.yaml"
    shutil.copy(LISTS, lists)
    xlsx = tmp_path / "台账.xlsx"
    write_ledger([REGISTER, lists], "edu-main-2025", xlsx)
    # the unit refills it: t4 is done now, t1 gets a new deadline, one task is added
    wb = openpyxl.load_workbook(xlsx)
    ws = wb.active
    header = [c.value for c in ws[2]]
    col = {h: header.index(h) + 1 for h in header}
    rows = {ws.cell(r, col["任务编号"]).value: r for r in range(3, ws.max_row + 1)}
    ws.cell(rows["edu-t4"], col["状态"], "已完成")
    ws.cell(rows["edu-t1"], col["完成时限"], "2026年3月31日")
    new = ws.max_row + 1
    ws.cell(new, col["序号"], 6)
    ws.cell(new, col["任务目标"], "开展廉政教育月活动")
    ws.cell(new, col["责任人"], "p-edu")
    ws.cell(new, col["牵头单位"], "edu")
    wb.save(xlsx)
    argv = import_argv(xlsx, lists, "-r", str(lists), "--id", "edu-main-2025")
    # without --update the list id is taken: refused, nothing written
    before = lists.read_text(encoding="utf-8")
    assert main(argv) == 2
    assert lists.read_text(encoding="utf-8") == before
    capsys.readouterr()
    assert main([*argv, "--update"]) == 0
    out = capsys.readouterr().out
    assert "edu-t4 status: open → done" in out
    assert "edu-t1 due: 2025-12-31 → 2026-03-31" in out
    assert "+ edu-main-2025-6 开展廉政教育月活动" in out
    # the list was updated in place, not duplicated
    reg = load_register([REGISTER, lists])
    (lst,) = [x for x in reg.lists if x["id"] == "edu-main-2025"]
    tasks = {t["id"]: t for t in lst["tasks"]}
    assert tasks["edu-t4"]["status"] == "done" and tasks["edu-t1"]["due"] == "2026-03-31"
    assert "edu-main-2025-6" in tasks and len(tasks) == 6
