"""Details a new user meets in the first hour: dates as a ledger writes them, names for ids,
one-line errors, summaries instead of file lists, drafts scored against their own article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from respchain.cli import main

ROOT = Path(__file__).resolve().parents[2]
CITY = str(ROOT / "data" / "demo-city")
EXTRACT = ROOT / "tests" / "data" / "extract"


def _gaps_json(capsys, *args: str) -> list[dict]:
    capsys.readouterr()
    assert main(["gaps", CITY, "--format", "json", *args]) in (0, 1)
    out = json.loads(capsys.readouterr().out)
    return out["findings"] if isinstance(out, dict) else out


@pytest.mark.parametrize(
    "written", ["2025年12月31日", "2025年12月底", "2025.12.31", "20251231", "2025年第四季度"]
)
def test_as_of_accepts_the_dates_a_ledger_accepts(capsys, written: str):
    assert _gaps_json(capsys, "--as-of", written) == _gaps_json(capsys, "--as-of", "2025-12-31")


def test_as_of_dates_change_what_is_overdue(capsys):
    assert _gaps_json(capsys, "--as-of", "2024年1月1日") != _gaps_json(capsys, "--as-of", "2025年12月31日")


@pytest.mark.parametrize("bad", ["长期坚持", "2025年2月30日"])
def test_as_of_refuses_what_names_no_day(capsys, bad: str):
    assert main(["gaps", CITY, "--as-of", bad]) == 2
    err = capsys.readouterr().err
    assert bad in err and "--as-of" in err and "Traceback" not in err


def test_ledger_export_and_due_take_the_same_dates(tmp_path: Path, capsys):
    out = tmp_path / "l.xlsx"
    assert (
        main(
            [
                "ledger",
                "export",
                CITY,
                "--list",
                "city-main-2025",
                "--as-of",
                "2025年12月31日",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert out.is_file()
    assert main(["due", CITY, "--as-of", "2025年12月31日"]) in (0, 1)
    assert main(["due", CITY, "--as-of", "明年"]) == 2


def test_whatif_remove_by_name_suggests_the_ids(capsys):
    assert main(["whatif", CITY, "--remove", "赵某"]) == 2
    err = capsys.readouterr().err
    assert "p-sec（赵某）" in err


def test_whatif_remove_by_part_of_a_name_lists_the_records(capsys):
    assert main(["whatif", CITY, "--remove", "纪委监委"]) == 2
    err = capsys.readouterr().err
    assert "city-cdi（示范市纪委监委）" in err


def test_viz_focus_on_a_missing_id_is_one_clean_line(tmp_path: Path, capsys):
    out = tmp_path / "g.html"
    assert main(["viz", CITY, "-o", str(out), "--focus", "nobody"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "nobody" in err and not err.startswith(":") and ": :" not in err
    assert not out.exists()


def test_export_neo4j_admin_prints_a_summary(tmp_path: Path, capsys):
    folder = tmp_path / "import"
    assert main(["export", CITY, "--to", "neo4j-admin", "-o", str(folder)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    files = [p for p in folder.iterdir() if p.is_file()]
    assert len(files) > 10 and len(out) <= 2, out
    assert f"{len(files)} 个文件 / files" in out[0]
    assert "import.sh" in out[-1]


def test_eval_extract_refuses_a_draft_of_another_article(tmp_path: Path, capsys):
    draft = tmp_path / "draft.yaml"
    assert main(["extract", str(EXTRACT / "composed_01_mianyang.txt"), "-o", str(draft)]) == 0
    capsys.readouterr()
    assert main(["eval-extract", str(EXTRACT / "composed_02_linxia.gold.yaml"), str(draft)]) == 2
    err = capsys.readouterr().err
    assert "different articles" in err and "composed_02_linxia" in err and "composed_01_mianyang" in err
    assert str(draft) in err
    assert main(["eval-extract", str(EXTRACT / "composed_01_mianyang.gold.yaml"), str(draft)]) == 0


def test_extract_reads_a_folder_of_articles_in_name_order(tmp_path: Path, capsys):
    folder = tmp_path / "文章"
    folder.mkdir()
    for name in ("composed_02_linxia.txt", "composed_01_mianyang.txt"):
        (folder / name).write_bytes((EXTRACT / name).read_bytes())
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    by_folder, by_files = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert main(["extract", str(folder), "-o", str(by_folder)]) == 0
    files = [str(folder / "composed_01_mianyang.txt"), str(folder / "composed_02_linxia.txt")]
    assert main(["extract", *files, "-o", str(by_files)]) == 0
    assert "2 篇文章" in capsys.readouterr().out
    assert by_folder.read_text(encoding="utf-8") == by_files.read_text(encoding="utf-8")
    empty = tmp_path / "空"
    empty.mkdir()
    assert main(["extract", str(empty), "-o", str(tmp_path / "c.yaml")]) == 2
    assert "no articles" in capsys.readouterr().err and not (tmp_path / "c.yaml").exists()


def test_gaps_json_written_to_a_file_is_the_json_printed(tmp_path, capsys):
    out = tmp_path / "g.json"
    main(["gaps", CITY, "--format", "json", "--as-of", "2025-12-31"])
    printed = capsys.readouterr().out
    main(["gaps", CITY, "--format", "json", "--as-of", "2025-12-31", "-o", str(out)])
    assert out.read_text(encoding="utf-8") == printed
    assert json.loads(printed)["findings"]
