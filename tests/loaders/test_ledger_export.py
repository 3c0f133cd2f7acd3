"""Exporting ledgers and templates, and reading them back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from respchain.loaders import load_graph, load_register
from respchain.loaders.ledger import read_ledger, write_ledger, write_template
from respchain.queries import find_gaps

from respchain.cli import main
from respchain.exceptions import InputError
from tests.loaders._ledgerkit import LISTS, REGISTER, import_argv


@pytest.fixture(scope="module")
def original() -> dict:
    return load_register([REGISTER, LISTS]).to_data()["lists"][0]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "ledger.xlsx"
    G = load_graph([REGISTER, LISTS])
    write_ledger(G, "edu-main-2025", path, findings=find_gaps(G))
    return path


def _back(path, lst: dict) -> dict:
    return read_ledger(
        path,
        REGISTER,
        owner=lst["owner"],
        kind=lst["kind"],
        name=lst["name"],
        year=lst.get("year"),
        list_id=lst["id"],
    )


def _norm(lst: dict) -> dict:
    """A list as a loaded register holds it: ``responsible`` always a list."""
    tasks = [
        {**t, "responsible": [t["responsible"]]} if isinstance(t.get("responsible"), str) else t
        for t in lst["tasks"]
    ]
    return {**lst, "tasks": tasks}


def test_round_trip_gives_the_same_list(exported, original):
    assert _norm(_back(exported, original)) == original


def test_round_trip_without_naming_the_list(exported, original):
    back = read_ledger(exported, REGISTER, owner="edu-group", kind="main", list_id="edu-main-2025")
    assert _norm(back) == original  # name and year come from the title row


_reg = load_register(REGISTER)
_PEOPLE = [p["id"] for p in _reg.people]
_ORGS = [o["id"] for o in _reg.organizations]
_text = (
    st.text(
        alphabet="责任落实清单监督检查整改会议学习党建=-+ ()（）abcXYZ0123456789\n", min_size=1, max_size=20
    )
    .map(str.strip)
    .filter(bool)
)


@st.composite
def _tasks(draw):
    n = draw(st.integers(1, 6))
    tasks = []
    for i in range(n):
        t: dict = {"id": f"t{i}", "goal": draw(_text)}
        if draw(st.booleans()):
            t["measure"] = draw(_text)
        ppl = draw(st.lists(st.sampled_from(_PEOPLE), unique=True, max_size=3))
        if ppl:
            t["responsible"] = ppl[0] if len(ppl) == 1 else ppl
        units = draw(st.lists(st.sampled_from(_ORGS), unique=True, max_size=3))
        if units:
            t["lead"] = units[0]
            if units[1:]:
                t["assist"] = units[1:]
        choice = draw(st.sampled_from(["date", "note", "none"]))
        if choice == "date":
            t["due"] = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))).isoformat()
        elif choice == "note":
            t["due_note"] = draw(st.sampled_from(["长期坚持", "每季度", "持续推进", "按上级要求"]))
        t["status"] = draw(st.sampled_from(["open", "done"]))
        for k in ("progress", "note"):
            if draw(st.booleans()):
                t[k] = draw(_text)
        if draw(st.booleans()):
            t["implements"] = draw(st.sampled_from(["main", "supervisory", "first_responsible"]))
        tasks.append(t)
    return tasks


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tasks=_tasks())
def test_round_trip_any_list(tmp_path, tasks):
    lst = {
        "id": "gen",
        "name": "生成清单",
        "kind": "supervisory",
        "owner": "county-cdi",
        "year": 2025,
        "tasks": tasks,
    }
    reg = load_register(REGISTER)
    reg.lists.append(lst)
    path = tmp_path / "gen.xlsx"
    write_ledger(reg, "gen", path)
    assert _norm(_back(path, lst)) == _norm(lst)


def test_exported_ledger_is_usable(exported):
    wb = openpyxl.load_workbook(exported)
    ws = wb.active
    assert ws["A1"].value == "示例县教育局党组2025年全面从严治党主体责任清单"
    header = [c.value for c in ws[2]]
    assert header == [
        "序号",
        "任务编号",
        "任务目标",
        "具体措施",
        "责任人",
        "牵头单位",
        "协助部门",
        "完成时限",
        "状态",
        "完成日期",
        "完成情况",
        "佐证材料",
        "责任类型",
        "备注",
        "缺口",
    ]
    assert ws.freeze_panes == "C3"  # header rows and the goal's left columns stay in view
    col = {h: openpyxl.utils.get_column_letter(i + 1) for i, h in enumerate(header)}
    rows = {r[1]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    assert rows["edu-t1"][header.index("完成时限")] == dt.datetime(2025, 12, 31)
    assert ws[f"{col['完成时限']}3"].number_format == "yyyy-mm-dd"
    assert rows["edu-t3"][header.index("完成时限")] == "长期坚持"
    assert rows["edu-t1"][header.index("责任人")] == "王某（p-edu）"  # a shared name carries its id
    assert rows["edu-t2"][header.index("协助部门")] == "示例县纪委监委、中共示例县委组织部"
    # The widest goal (11 CJK characters = 22 columns) fits its column.
    assert ws.column_dimensions[col["任务目标"]].width >= 22
    assert ws.column_dimensions[col["协助部门"]].width >= 2 * len("示例县纪委监委、中共示例县委组织部")


def test_exported_gaps_are_listed_and_highlighted(exported):
    ws = openpyxl.load_workbook(exported).active
    header = [c.value for c in ws[2]]
    gi = header.index("缺口") + 1
    by_id = {ws.cell(r, 2).value: r for r in range(3, ws.max_row + 1)}
    gaps = {tid: (ws.cell(r, gi).value or "") for tid, r in by_id.items()}
    assert gaps["edu-t1"] == "" and gaps["edu-t2"] == ""
    assert gaps["edu-t3"] == ""  # 长期坚持 is a deadline, though not a date
    assert "LIST-004" in gaps["edu-t4"] and "LIST-001" in gaps["edu-t4"]
    assert "LIST-002" in gaps["edu-t5"] and "LIST-003" in gaps["edu-t5"]

    def fill(tid: str, h: str) -> str | None:
        c = ws.cell(by_id[tid], header.index(h) + 1)
        return c.fill.fgColor.rgb[-6:] if c.fill.fill_type == "solid" else None

    assert fill("edu-t1", "缺口") is None
    assert fill("edu-t4", "缺口") == "FFC7CE"  # high (overdue) is red
    assert fill("edu-t4", "完成时限") == "FFC7CE" and fill("edu-t4", "责任人") == "FFEB9C"
    assert fill("edu-t5", "牵头单位") == "FFEB9C"
    assert fill("edu-t5", "完成时限") == "DDEBF7"  # low is blue


def test_export_as_of_changes_overdue(tmp_path):
    path = tmp_path / "l.xlsx"
    G = load_graph([REGISTER, LISTS])
    write_ledger(G, "edu-main-2025", path, findings=find_gaps(G, as_of="2026-01-15"))
    ws = openpyxl.load_workbook(path).active
    gaps = {r[1]: r[-1] or "" for r in ws.iter_rows(min_row=3, values_only=True)}
    assert "LIST-004" in gaps["edu-t1"]  # due 2025-12-31, open


def test_export_unknown_list(tmp_path, capsys):
    with pytest.raises(InputError, match="edu-main-2025"):
        write_ledger([REGISTER, LISTS], "edu-main-2052", tmp_path / "x.xlsx")
    rc = main(
        ["ledger", "export", str(REGISTER), str(LISTS), "--list", "nope", "-o", str(tmp_path / "x.xlsx")]
    )
    assert rc == 2 and "nope" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_cli_export_then_import(tmp_path, original):
    xlsx, back = tmp_path / "台账.xlsx", tmp_path / "back.yaml"
    assert (
        main(["ledger", "export", str(REGISTER), str(LISTS), "--list", "edu-main-2025", "-o", str(xlsx)]) == 0
    )
    assert main(import_argv(xlsx, back, "--id", "edu-main-2025")) == 0
    assert load_register([REGISTER, back]).to_data()["lists"][0] == original


def _validations(ws) -> dict[str, tuple[str, str | None]]:
    """First cell of each validated range -> (type, formula1)."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            out[rng.coord.split(":")[0]] = (dv.type, dv.formula1)
    return out


def test_template_with_register_has_drop_downs_and_date_cells(tmp_path):
    path = tmp_path / "blank.xlsx"
    assert main(["ledger", "template", "--register", str(REGISTER), "-o", str(path)]) == 0
    wb = openpyxl.load_workbook(path)
    ws = wb["台账"]
    header = [c.value for c in ws[2]]
    assert header[:3] == ["序号", "任务目标", "具体措施"] and "缺口" not in header
    col = {h: openpyxl.utils.get_column_letter(i + 1) for i, h in enumerate(header)}
    dv = _validations(ws)
    names = wb["名单"]
    assert names.sheet_state == "hidden"
    units = [r[0] for r in names.iter_rows(min_row=2, values_only=True) if r[0]]
    people = [r[1] for r in names.iter_rows(min_row=2, values_only=True) if r[1]]
    assert len(units) == 9 and "示例县教育局" in units
    assert len(people) == 8 and "王某（p-edu）" in people and "王某（p-health）" in people
    assert dv[f"{col['牵头单位']}3"] == ("list", "'名单'!$A$2:$A$10")
    assert dv[f"{col['协助部门']}3"] == ("list", "'名单'!$A$2:$A$10")
    assert dv[f"{col['责任人']}3"] == ("list", "'名单'!$B$2:$B$9")
    assert dv[f"{col['完成时限']}3"][0] == "date"
    assert dv[f"{col['状态']}3"] == ("list", '"已完成,未完成"')


def test_template_without_register(tmp_path):
    path = write_template(tmp_path / "blank.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["台账"]
    types = sorted(t for t, _ in _validations(wb["台账"]).values())
    assert types == ["date", "date", "list", "list"]  # 完成时限, 完成日期, 状态, 责任类型


def test_filled_template_imports(tmp_path):
    path = write_template(tmp_path / "blank.xlsx", REGISTER)
    wb = openpyxl.load_workbook(path)
    ws = wb["台账"]
    header = [c.value for c in ws[2]]
    row = {
        "序号": 1,
        "任务目标": "开展警示教育",
        "责任人": "王某（p-health）",
        "牵头单位": "示例县卫生健康局",
        "完成时限": dt.date(2025, 11, 30),
        "状态": "未完成",
    }
    for h, v in row.items():
        ws.cell(3, header.index(h) + 1, v)
    wb.save(path)
    rec = read_ledger(path, REGISTER, owner="health-group", kind="main", list_id="H", year=2025)
    assert rec["name"] == "全面从严治党责任清单（台账）"
    assert rec["tasks"] == [
        {
            "id": "H-1",
            "goal": "开展警示教育",
            "responsible": "p-health",
            "lead": "health",
            "due": "2025-11-30",
            "status": "open",
        }
    ]


_CITY = Path(__file__).resolve().parents[2] / "data" / "demo-city"
_CITY_LISTS = [lst["id"] for lst in load_register(_CITY).lists]


@pytest.mark.parametrize("list_id", _CITY_LISTS)
def test_round_trip_every_demo_city_list(tmp_path, list_id):
    full = load_register(_CITY)
    lst = next(x for x in full.to_data()["lists"] if x["id"] == list_id)
    path = write_ledger(full, list_id, tmp_path / "l.xlsx")
    rest = load_register(_CITY)
    rest.lists = [x for x in rest.lists if x["id"] != list_id]  # the ledger stands in for it
    back = read_ledger(
        path, rest, owner=lst["owner"], kind=lst["kind"], list_id=list_id, source=lst.get("source")
    )
    # A ledger has no place for the provenance of single tasks.
    strip = [{k: v for k, v in t.items() if k not in ("source", "quote", "span")} for t in lst["tasks"]]
    assert _norm(back) == {**lst, "tasks": strip}


def test_export_lang_writes_the_values_in_one_language(tmp_path, original):
    zh, en = tmp_path / "zh.xlsx", tmp_path / "en.xlsx"
    for path, lang in ((zh, "zh"), (en, "en")):
        argv = ["ledger", "export", str(REGISTER), str(LISTS), "--list", "edu-main-2025", "-o", str(path)]
        assert main([*argv, "--lang", lang]) == 0

    def cells(path):
        ws = openpyxl.load_workbook(path).active
        header = [c.value for c in ws[2]]
        rows = list(ws.iter_rows(min_row=3, values_only=True))
        return {h: [r[i] for r in rows] for i, h in enumerate(header)}

    z, e = cells(zh), cells(en)
    assert set(z["状态"]) <= {"已完成", "未完成"} and set(e["状态"]) <= {"done", "open"}
    gz = "\n".join(g for g in z["缺口"] if g)
    ge = "\n".join(g for g in e["缺口"] if g)
    assert "完成" in gz and not any(w in gz for w in ("Task ", "due on", "is still"))
    assert "Task " in ge and "仍未完成" not in ge
    # the English ledger reads back into the same list
    back = read_ledger(en, REGISTER, owner="edu-group", kind="main", list_id="edu-main-2025")
    assert _norm(back) == original
