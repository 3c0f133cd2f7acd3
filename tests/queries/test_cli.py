"""The gaps, explain, diff and whatif commands, run in-process through respchain.cli.main."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from respchain.queries.report import SCHEMA_PATH

from respchain.cli import main

GAPS_DATA = Path(__file__).resolve().parents[1] / "data" / "gaps"
DISTRICT = str(GAPS_DATA / "district" / "register.yaml")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_gaps_json_follows_the_contract_and_the_schema(capsys):
    code, out, _ = run(capsys, "gaps", DISTRICT, "--format", "json", "--obligations", "none")
    assert code == 0
    data = json.loads(out)
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert data["as_of"] == "2025-09-30"
    expected = json.loads((GAPS_DATA / "district" / "expected.json").read_text(encoding="utf-8"))
    assert sorted([f["rule"], f["subject"]] for f in data["findings"]) == sorted(expected)
    assert data["summary"]["CHAIN-001"] == 2 and sum(data["summary"].values()) == len(expected)
    assert {"message_zh", "message_en", "evidence", "subject_name"} <= set(data["findings"][0])
    assert data["scores"][0]["org"] == "district"


def test_schema_refuses_a_broken_report(capsys):
    _, out, _ = run(capsys, "gaps", DISTRICT, "--format", "json")
    data = json.loads(out)
    del data["findings"][0]["evidence"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_fail_on_sets_the_exit_code(capsys):
    assert run(capsys, "gaps", DISTRICT, "--fail-on", "high")[0] == 1
    assert (
        run(capsys, "gaps", DISTRICT, "--rules", "events", "--fail-on", "high")[0] == 0
    )  # events are medium/low
    assert run(capsys, "gaps", DISTRICT, "--rules", "events", "--fail-on", "medium")[0] == 1
    assert run(capsys, "gaps", DISTRICT, "--rules", "CHAIN-001", "--fail-on", "low")[0] == 0
    assert run(capsys, "gaps", DISTRICT, "--rules", "CHAIN-001", "--fail-on", "info")[0] == 1
    assert run(capsys, "gaps", DISTRICT)[0] == 0  # gaps without --fail-on exit 0


def test_bad_input_exits_2_with_one_clear_message(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "respchain: 1\norganizations:\n  - {id: a, name: 甲, kind: partycommittee}\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "gaps", str(bad))
    assert code == 2 and "bad.yaml:3" in err and "kind" in err and "Traceback" not in err
    code, _, err = run(capsys, "gaps", DISTRICT, "--rules", "MAIN-009")
    assert code == 2 and "MAIN-009" in err and "CONS-001" in err
    code, _, err = run(capsys, "gaps", DISTRICT, "--skip", "nofamily")
    assert code == 2 and "nofamily" in err
    assert run(capsys, "gaps", DISTRICT, "--as-of", "2025-13-01")[0] == 2
    assert run(capsys, "gaps", str(tmp_path / "missing.yaml"))[0] == 2
    assert run(capsys, "gaps", DISTRICT, "--backend", "nosuch")[0] == 2


def test_as_of_and_period_options(capsys):
    _, out, _ = run(
        capsys, "gaps", DISTRICT, "--format", "json", "--rules", "LIST-004", "--as-of", "2025-10-01"
    )
    assert [f["subject"] for f in json.loads(out)["findings"]] == ["tr-1", "tr-2"]
    _, out, _ = run(capsys, "gaps", DISTRICT, "--format", "json", "--rules", "CONS-001", "--period", "2024")
    assert json.loads(out)["findings"] == [] and json.loads(out)["period"] == "2024"


def test_csv_is_one_table_a_unit_can_act_on(capsys, tmp_path):
    out_file = tmp_path / "gaps.csv"
    assert run(capsys, "gaps", DISTRICT, "--obligations", "none", "-o", str(out_file))[0] == 0
    raw = out_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header = rows[0]
    assert header[:2] == ["级别", "规则"]
    assert {"依据", "整改建议", "相关记录编号"} <= set(header)
    # one table: every row has the header's width, no blank row, no second section
    assert all(len(r) == len(header) for r in rows[1:]) and len(rows) > 5
    col = {h: header.index(h) for h in header}
    by_rule = {r[col["规则"]]: r for r in rows[1:]}
    assert {"LIST-004", "CHAIN-001"} <= set(by_rule)
    # Chinese words only, never the English vocabulary values
    assert {r[col["级别"]] for r in rows[1:]} <= {"高", "中", "低", "提示"}
    # 依据 is the regulation (document and article), the fix clears the gap, ids in their own column
    acc = next(r for r in rows[1:] if r[col["规则"]] in ("SUP-001", "MAIN-001", "LIST-004"))
    assert "《" in acc[col["依据"]] and "》" in acc[col["依据"]]
    lst = by_rule["LIST-004"]
    assert "status: done" in lst[col["整改建议"]]
    assert lst[col["对象编号"]] in lst[col["相关记录编号"]].split("、")
    assert lst[col["对象编号"]] not in lst[col["缺口"]]


def test_xlsx_by_suffix_holds_the_findings_and_the_scores(capsys, tmp_path):
    import openpyxl

    out_file = tmp_path / "gaps.xlsx"
    assert run(capsys, "gaps", DISTRICT, "-o", str(out_file))[0] == 0
    wb = openpyxl.load_workbook(out_file)
    assert wb.sheetnames == ["缺口", "得分", "覆盖"]  # the coverage of the default obligations last
    header = [c.value for c in wb["缺口"][1]]
    assert header[:2] == ["级别", "规则"] and "整改建议" in header
    kinds = {r[2] for r in wb["得分"].iter_rows(min_row=2, values_only=True)}
    assert kinds and kinds <= {"党委", "党组", "党支部", "纪委监委", "派驻纪检监察组", "职能部门", "单位"}


def test_format_follows_the_output_suffix_and_lang(capsys, tmp_path):
    md = tmp_path / "gaps.md"
    run(capsys, "gaps", DISTRICT, "-o", str(md), "--lang", "en")
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# ") and "| LIST-004 |" in text and "is still not done as of 2025-09-30" in text
    assert "Scores" in text
    _, out, _ = run(capsys, "gaps", DISTRICT)
    assert "LIST-004" in out and "应于2025-09-29完成" in out and "汇总 / summary" in out


def test_html_is_standalone_and_escaped(capsys, tmp_path):
    reg = tmp_path / "x.yaml"
    reg.write_text(
        "respchain: 1\nmeta: {as_of: 2025-09-30}\norganizations:\n"
        "  - {id: g, name: '<script>alert(1)</script>党组', kind: party_group}\n",
        encoding="utf-8",
    )
    out_file = tmp_path / "gaps.html"
    assert run(capsys, "gaps", str(reg), "--format", "html", "-o", str(out_file))[0] == 0
    page = out_file.read_text(encoding="utf-8")
    assert (
        page.lstrip().lower().startswith("<!doctype html>")
        and "&lt;script&gt;alert(1)&lt;/script&gt;党组" in page
    )
    assert "<script>alert(1)" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # offline: nothing fetched


def test_explain_a_rule_with_basis_and_example(capsys):
    code, out, _ = run(capsys, "explain", "sup-003")
    assert code == 0
    assert "派驻独立性" in out and "《纪检监察机关派驻机构工作规则》" in out and "discipline_secretary" in out
    code, out, _ = run(capsys, "explain", "DUAL-002")
    assert (
        "示例 / example (" in out and "证据 / evidence: " in out
    )  # a DUAL-002 of a shipped example register


def test_explain_a_term_in_chinese_or_english(capsys):
    code, out, _ = run(capsys, "explain", "一岗双责")
    assert code == 0 and "One post, two duties" in out and "第六条" in out and "DUAL-001" in out
    code, out2, _ = run(capsys, "explain", "one_post_two_duties")
    assert code == 0 and out2 == out
    for term in [
        "主体责任",
        "监督责任",
        "第一责任人",
        "职能部门监管责任",
        "派驻",
        "台账",
        "责任清单",
        "一把手",
        "两个责任",
        "层层传导",
        "谈心谈话",
        "问责",
        "专题会商",
        "政治生态分析研判",
    ]:
        code, out, _ = run(capsys, "explain", term)
        assert code == 0 and "依据 / basis" in out and "示例 / example" in out, term


def test_explain_unknown_suggests(capsys):
    code, _, err = run(capsys, "explain", "MAIN-01")
    assert code == 2 and "MAIN-001" in err
    code, _, err = run(capsys, "explain", "主体")
    assert code == 2 and "主体责任" in err


def test_diff_shows_opened_closed_and_the_changes(capsys, tmp_path):
    new = tmp_path / "new.yaml"
    text = Path(DISTRICT).read_text(encoding="utf-8")
    text = text.replace(
        "  - {type: main, bearer: community, over: [community]}\n",
        "  - {type: main, bearer: community, over: [community]}\n  - {type: main, bearer: street}\n",
    )
    text = text.replace("status: open}   # overdue", "status: done}   # overdue")
    text = text.replace(
        "{id: grid-branch, name: 示例社区第一网格党支部, kind: party_branch, parent: community}",
        "{id: grid-branch, name: 示例社区第一网格党支部, kind: party_branch, parent: community}\n"
        "  - {id: grid-2, name: 示例社区第二网格党支部, kind: party_branch, parent: community}",
    )
    new.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "diff", DISTRICT, str(new), "--format", "json")
    assert code == 0
    d = json.loads(out)
    closed = {(f["rule"], f["subject"]) for f in d["closed"]}
    opened = {(f["rule"], f["subject"]) for f in d["opened"]}
    assert {
        ("MAIN-001", "street"),
        ("CHAIN-001", "community"),
        ("CHAIN-001", "grid-branch"),
        ("LIST-004", "tr-1"),
    } <= closed
    assert opened == {("MAIN-001", "grid-2")}
    assert [e["key"] for e in d["changes"]["organizations"]["added"]] == ["grid-2"]
    assert [e["bearer"] for e in d["changes"]["responsibilities"]["added"]] == ["street"]
    assert d["changes"]["tasks"]["changed"][0]["new"]["status"] == "done"
    assert run(capsys, "diff", DISTRICT, str(new), "--fail-on", "high")[0] == 1
    code, out, _ = run(capsys, "diff", DISTRICT, str(new))
    assert code == 0 and "已关闭缺口 / gaps closed" in out and "+ grid-2" in out


def test_whatif_removing_a_person_and_an_org(capsys):
    code, out, _ = run(capsys, "whatif", DISTRICT, "--remove", "sec", "--format", "json")
    assert code == 0
    w = json.loads(out)
    assert {(f["rule"], f["subject"]) for f in w["appear"]} == {
        ("FIRST-001", "district"),
        ("CHAIN-001", "street"),
        ("CHAIN-001", "health-group"),
        ("CHAIN-001", "transport-group"),
    }
    assert {r["id"] for r in w["removed"]} == {"sec", "post:sec:0", "resp:5"}
    assert run(capsys, "whatif", DISTRICT, "--remove", "sec", "--fail-on", "high")[0] == 1
    code, out, _ = run(capsys, "whatif", DISTRICT, "--remove", "hospital", "--remove", "eco-1")
    assert code == 0 and "DUAL-002 hospital" in out and "ECO-001 health-group" in out


def test_whatif_unknown_id_exits_2(capsys):
    code, _, err = run(capsys, "whatif", DISTRICT, "--remove", "hopsital")
    assert code == 2 and "hospital" in err
