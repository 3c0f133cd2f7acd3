"""``respchain init DIR``: a folder a new user starts from."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from respchain.loaders import load_register
from respchain.loaders.ledger import read_ledger

from respchain.cli import main


def test_init_writes_a_register_that_validates_and_a_blank_ledger(tmp_path: Path, capsys):
    folder = tmp_path / "我的县"
    assert main(["init", str(folder)]) == 0
    reg_file = folder / "register.yaml"
    text = reg_file.read_text(encoding="utf-8")
    assert text.startswith("# 起步登记册")  # Chinese first, English beside
    assert "主体责任" in text and "docs/register.md" in text
    assert main(["validate", str(reg_file)]) == 0
    reg = load_register(reg_file)
    assert {r["type"] for r in reg.responsibilities} == {
        "main",
        "first_responsible",
        "one_post_two_duties",
        "functional_regulatory",
        "supervisory",
    }
    ws = load_workbook(folder / "ledger-template.xlsx").active
    headers = [c.value for c in ws[2] if c.value]
    assert "责任人" in headers and "牵头单位" in headers and "完成时限" in headers
    assert read_ledger(folder / "ledger-template.xlsx", register=reg, owner="edu-group", kind="main")


def test_gaps_runs_on_the_starter(tmp_path: Path, capsys):
    assert main(["init", str(tmp_path / "s")]) == 0
    capsys.readouterr()
    assert main(["gaps", str(tmp_path / "s" / "register.yaml"), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["as_of"] == "2025-12-31"


def test_init_refuses_a_folder_with_files_unless_forced(tmp_path: Path, capsys):
    mine = tmp_path / "register.yaml"
    mine.write_text("mine", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    assert "--force" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "mine" and not (tmp_path / "ledger-template.xlsx").exists()
    assert main(["init", str(tmp_path), "--force"]) == 0
    assert main(["validate", str(mine)]) == 0


def test_init_refuses_a_file(tmp_path: Path, capsys):
    f = tmp_path / "x.yaml"
    f.write_text("", encoding="utf-8")
    assert main(["init", str(f)]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_the_starter_table_does_not_count_zero_organizations_as_the_rest(tmp_path: Path, capsys):
    # Every organization of the starter is short of some duty: no "其余 0 个单位全覆盖" line.
    assert main(["init", str(tmp_path / "s")]) == 0
    capsys.readouterr()
    assert main(["gaps", str(tmp_path / "s" / "register.yaml")]) == 0
    out = capsys.readouterr().out
    assert "未全覆盖的单位" in out
    assert "其余 0 " not in out and "the other 0 " not in out
