"""Helpers for the ledger tests: a small register and ledgers built on the spot."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

DATA = Path(__file__).resolve().parents[1] / "data" / "ledger"
REGISTER = DATA / "register.yaml"
LISTS = DATA / "lists.yaml"

HEADER = ["序号", "任务目标", "具体措施", "责任人", "牵头单位", "协助部门", "完成时限", "完成情况", "备注"]


def make_xlsx(
    path: Path,
    sheets: dict[str, Sequence[Sequence[Any]]],
    *,
    merges: dict[str, Sequence[str]] | None = None,
    hidden: Sequence[str] = (),
) -> Path:
    """A workbook with one sheet per entry (rows as given), merged ranges and hidden sheets."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        for rng in (merges or {}).get(name, ()):
            ws.merge_cells(rng)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Any]], encoding: str, delimiter: str = ",") -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def task_of(record: dict, goal: str) -> dict:
    """The task of a list record with this goal."""
    found = [t for t in record["tasks"] if t["goal"] == goal]
    assert len(found) == 1, [t["goal"] for t in record["tasks"]]
    return found[0]


def import_argv(ledger: Path, output: Path, *extra: str) -> list[str]:
    """The command line importing ``ledger`` as the education group's main list of :data:`REGISTER`."""
    return [
        "ledger",
        "import",
        str(ledger),
        "--register",
        str(REGISTER),
        "--owner",
        "edu-group",
        "--kind",
        "main",
        *extra,
        "-o",
        str(output),
    ]
