"""Benchmark: import a 5,000-row Excel ledger (target: under 5 s), and export it back.

Run::

    .venv/bin/python bench/bench_ledger.py [--rows 5000]

The ledger is built here with openpyxl the way offices keep them: a title row
above the header, 牵头单位 merged over groups of rows, several people per cell,
dates as Excel dates and as text (2025年12月底, 长期坚持). Timings exclude
building the file; the import is reported as wall and CPU time (on a busy
machine the wall clock also counts the time spent waiting for a core).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

import openpyxl
from respchain.loaders import load_graph, load_register
from respchain.loaders.ledger import LEDGER_RULES, read_ledger, write_ledger, write_list

ROOT = Path(__file__).resolve().parent.parent
REGISTER = ROOT / "tests" / "data" / "ledger" / "register.yaml"
HEADER = [
    "序号",
    "工作任务",
    "工作措施",
    "责任领导",
    "责任人",
    "责任单位",
    "配合单位",
    "时间节点",
    "进展情况",
    "备注",
]


def build_ledger(path: Path, rows: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    reg = load_register(REGISTER)
    people = [p["name"] if p["name"] != "王某" else f"王某（{p['id']}）" for p in reg.people]
    units = [o["name"] for o in reg.organizations]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "主体责任"
    ws.append(["示例县2025年全面从严治党主体责任清单"])
    ws.append(HEADER)
    dues = ["2025年12月底", "长期坚持", "每季度", "2025.6.30", dt.date(2025, 9, 30), "2025年第三季度"]
    group = 5
    for i in range(1, rows + 1):
        r = i + 2  # row of task i, below the title and the header
        lead = units[(i // group) % len(units)] if i % group == 1 or group == 1 else None
        ws.append(
            [
                i,
                f"落实全面从严治党主体责任第{i}项任务",
                f"每季度专题研究一次，推进第{i}项措施落地见效",
                rng.choice(people),
                "、".join(rng.sample(people, rng.randint(1, 2))),
                lead,
                "；".join(rng.sample(units, rng.randint(0, 2))) or None,
                rng.choice(dues),
                rng.choice(["已完成", "正在推进", "未完成", None]),
                None if i % 7 else "结合巡察整改",
            ]
        )
        if lead is not None and i + group - 1 <= rows:
            ws.merge_cells(start_row=r, start_column=6, end_row=r + group - 1, end_column=6)
    wb.save(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=5000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "ledger.xlsx"
        t0 = time.perf_counter()
        build_ledger(src, args.rows)
        print(
            f"built {args.rows}-row ledger in {time.perf_counter() - t0:.2f} s ({src.stat().st_size // 1024} KiB)"
        )
        reg = load_register(REGISTER)
        t0, c0 = time.perf_counter(), time.process_time()
        rec = read_ledger(src, reg, owner="county", kind="main", list_id="bench")
        t_import, c_import = time.perf_counter() - t0, time.process_time() - c0
        # CPU time beside wall time: on a shared machine the wall clock also counts waiting.
        print(
            f"import: {len(rec['tasks'])} tasks in {t_import:.2f} s wall, {c_import:.2f} s CPU (target < 5 s)"
        )
        out = Path(d) / "list.yaml"
        t0 = time.perf_counter()
        write_list(rec, out)
        G = load_graph([REGISTER, out])
        t_graph = time.perf_counter() - t0
        print(f"write list + load + build graph: {t_graph:.2f} s")
        t0 = time.perf_counter()
        from respchain.queries import find_gaps

        write_ledger(G, "bench", Path(d) / "export.xlsx", findings=find_gaps(G, rules=list(LEDGER_RULES)))
        print(f"export with gaps: {time.perf_counter() - t0:.2f} s")
        if c_import >= 5:
            raise SystemExit(f"too slow: import took {c_import:.2f} s of CPU")


if __name__ == "__main__":
    main()
