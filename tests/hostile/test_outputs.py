"""Outputs are inert: no formula cell, no live HTML in Markdown, no control
character or rich markup reaching the terminal."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl

from respchain.cli import main

EVIL = [
    '=HYPERLINK("http://x","y")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[/]",
    "[b]粗[/b]",
]


def _register(tmp_path: Path) -> Path:
    orgs = "".join(
        f"  - {{id: g{i}, name: {json.dumps(n)}, kind: party_group, parent: city}}\n"
        for i, n in enumerate(EVIL)
    )
    reg = tmp_path / "evil.yaml"
    reg.write_text(
        "respchain: 1\nmeta: {title: \"=cmd|' /C calc'!A0 <b>\", as_of: 2025-10-20, period: 2025}\n"
        "organizations:\n  - {id: city, name: 市委, kind: party_committee}\n" + orgs,
        encoding="utf-8",
    )
    return reg


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    out = tmp_path / "g.csv"
    assert main(["gaps", str(_register(tmp_path)), "--format", "csv", "-o", str(out)]) in (0, 1)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    cells = [c for r in rows for c in r]
    assert any("HYPERLINK" in c for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def test_markdown_carries_no_raw_html(tmp_path: Path) -> None:
    out = tmp_path / "g.md"
    assert main(["gaps", str(_register(tmp_path)), "--format", "markdown", "-o", str(out)]) in (0, 1)
    text = out.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in text
    assert "<script" not in text and "<img" not in text and "<b>" not in text


def test_table_shows_markup_and_controls_as_text(tmp_path: Path, capsys) -> None:
    assert main(["gaps", str(_register(tmp_path))]) in (0, 1)
    out = capsys.readouterr().out
    assert "[b]粗[/b]" in out and "[/]" in out


def test_ledger_export_and_template_cells_are_text(tmp_path: Path) -> None:
    reg = tmp_path / "l.yaml"
    reg.write_text(
        "respchain: 1\nmeta: {as_of: 2025-10-20, period: 2025}\n"
        'organizations:\n  - {id: grp, name: "=1+2", kind: party_group}\n'
        'people:\n  - {id: p, name: "@SUM(1)", posts: [{org: grp, role: head}]}\n'
        'lists:\n  - id: l1\n    name: "=HYPERLINK(1)"\n    kind: main\n    owner: grp\n'
        '    tasks:\n      - {id: t1, goal: "=2+2", responsible: p, lead: grp}\n',
        encoding="utf-8",
    )
    for args in (
        ["ledger", "export", str(reg), "--list", "l1", "-o", str(tmp_path / "e.xlsx")],
        ["ledger", "template", str(reg), "-o", str(tmp_path / "t.xlsx")],
    ):
        assert main(args) == 0, args
        wb = openpyxl.load_workbook(args[-1])
        formulas = [
            c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"
        ]
        assert formulas == [], (args[1], formulas)


def test_neo4j_uri_secrets_are_not_echoed_and_http_is_a_clean_error(capsys, monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "pw")
    monkeypatch.setenv("NEO4J_URI", "bolt://alice:s3cret-pass@127.0.0.1:1")
    assert main(["query", "RETURN 1"]) == 2
    err = capsys.readouterr().err
    assert "s3cret-pass" not in err
    monkeypatch.setenv("NEO4J_URI", "http://127.0.0.1:7474")
    assert main(["pull", "-o", "x.json"]) == 2
    err = capsys.readouterr().err
    assert "bolt://" in err and "Traceback" not in err and "aiohttp" not in err
