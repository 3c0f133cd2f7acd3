"""Importing CSV ledgers in every encoding offices save them in."""

from __future__ import annotations

import pytest
from respchain.loaders.ledger import read_ledger

from respchain.exceptions import InputError
from tests.loaders._ledgerkit import HEADER, REGISTER, write_csv

ROWS = [
    ["示例县教育局党组2025年主体责任清单"],
    HEADER,
    [
        "1",
        "落实意识形态工作责任制",
        "每季度专题研究一次",
        "李书记",
        "示例县教育局",
        "中共示例县委宣传部、示例县财政局",
        "2025年12月底",
        "已完成",
        "𠮷 不在 GBK 中",
    ],
    ["2", "开展警示教育", "", "周副局长；吴敏", "示例县教育局", "", "长期坚持", "正在推进", ""],
]


def _check(rec: dict, note: str | None = "𠮷 不在 GBK 中") -> None:
    assert rec["name"] == "示例县教育局党组2025年主体责任清单"
    t1, t2 = rec["tasks"]
    assert t1 == {
        "id": "L-1",
        "goal": "落实意识形态工作责任制",
        "measure": "每季度专题研究一次",
        "responsible": "p-sec",
        "lead": "edu",
        "assist": ["prop-dept", "finance"],
        "due": "2025-12-31",
        "status": "done",
        "progress": "已完成",
        **({"note": note} if note else {}),
    }
    assert t2 == {
        "id": "L-2",
        "goal": "开展警示教育",
        "responsible": ["p-edu-dep", "p-clerk"],
        "lead": "edu",
        "due_note": "长期坚持",
        "status": "open",
        "progress": "正在推进",
    }


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_each_encoding(tmp_path, encoding):
    path = write_csv(tmp_path / "台账.csv", ROWS, encoding)
    _check(read_ledger(path, REGISTER, owner="edu-group", kind="main", list_id="L"))


def test_gbk(tmp_path):
    rows = [r[:8] + [""] if len(r) == 9 else r for r in ROWS]  # GBK has no 𠮷
    path = write_csv(tmp_path / "台账.csv", rows, "gbk")
    _check(read_ledger(path, REGISTER, owner="edu-group", kind="main", list_id="L"), note=None)


@pytest.mark.parametrize(("suffix", "delimiter"), [(".tsv", "\t"), (".csv", ";"), (".txt", "\t")])
def test_other_delimiters(tmp_path, suffix, delimiter):
    path = write_csv(tmp_path / f"台账{suffix}", ROWS, "utf-8-sig", delimiter)
    _check(read_ledger(path, REGISTER, owner="edu-group", kind="main", list_id="L"))


def test_csv_problems_name_the_row_and_column(tmp_path):
    rows = [HEADER, ["1", "a", "", "李书记", "示例县交通局", "", "", "", ""]]
    path = write_csv(tmp_path / "台账.csv", rows, "gbk")
    with pytest.raises(InputError) as e:
        read_ledger(path, REGISTER, owner="edu-group", kind="main", list_id="L")
    (p,) = e.value.problems
    assert (p.file, p.line, p.path) == (str(path), 2, "E2 牵头单位")
