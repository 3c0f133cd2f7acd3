"""One table of every benchmark figure, with its target and the command that measured it.

Reads what the benchmark scripts last wrote under ``bench/results/``
(``gaps.json``, ``memory.json``, ``neo4j*.json``, ``shacl.json``) and prints one
Markdown table: a row per figure and size, its value, the issue's target, whether
it is met, and the command. A script that has not run yet is listed as missing,
so the table says what it does not know. ``make bench`` prints it last.

Usage::

    python bench/table.py              # bench/results/
    python bench/table.py --results DIR
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["rows", "render", "main"]

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"

Row = tuple[str, str, str, str, str, str]  # figure, size, value, target, met, command


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _met(ok: bool | None) -> str:
    return "" if ok is None else ("yes" if ok else "no")


def _gaps(data: Any) -> Iterator[Row]:
    cmd = "python bench/bench_gaps.py --sizes {n}"
    for r in data.get("runs", []):
        n, c = r["orgs"], r["cases"]
        ratio = r["gaps_vs_floor"]["cpu_s"]
        big = n >= 100_000  # the target is set where the fixed cost of starting up weighs little
        yield ("gaps / floor (CPU)", str(n), f"{ratio}x", "≤ 3x" if big else "", _met(ratio <= 3) if big else "",
               cmd.format(n=n))  # fmt: skip
        yield ("gaps findings = floor's", str(n), "yes" if r["floor_equal"] else "NO", "equal",
               _met(r["floor_equal"]), cmd.format(n=n))  # fmt: skip
        peak = c["gaps_json"]["peak_mb"]
        limit = 1200 if n == 100_000 else 4000 if n == 300_000 else None
        yield ("gaps peak memory (JSON)", str(n), f"{peak:.0f} MB", f"≤ {limit} MB" if limit else "",
               _met(peak <= limit) if limit else "", cmd.format(n=n))  # fmt: skip
        if "yaml_vs_json" in r:
            y = r["yaml_vs_json"]["cpu_s"]
            yield ("gaps YAML / JSON (CPU)", str(n), f"{y}x", "≤ 1.5x", _met(y <= 1.5), cmd.format(n=n))


def _memory(data: Any) -> Iterator[Row]:
    for r in data.get("runs", []):
        n = r["orgs"]
        cmd = f"python bench/bench_memory.py --sizes {n} --rules"
        yield ("load+build, rules (in process)", str(n),
               f"{r['load_build_s']:.1f} s + {r['rules_s']:.1f} s, peak {r['peak_mb']:.0f} MB", "", "", cmd)  # fmt: skip


def _neo4j(data: Any, name: str) -> Iterator[Row]:
    for r in data.get("rows", []):
        n = r["orgs"]
        route = {"bulk": " (bulk route)", "streamed": " (streamed: built and exported a part at a time)"}
        cmd = f"python bench/bench_neo4j.py --sizes {n}" + route.get(r["route"], "")
        size = f"{n} ({r['nodes']} nodes)"
        streamed = r["route"] == "streamed"
        yield ("Neo4j findings = the planted gaps" if streamed else "Neo4j findings = memory's", size,
               "yes" if r["same_findings"] else "NO", "equal", _met(r["same_findings"]), cmd)  # fmt: skip
        if "neo4j_import_nodes_per_s" in r:
            v = r["neo4j_import_nodes_per_s"]
            yield ("Neo4j bulk import", size, f"{v} nodes/s", "≥ 50000 nodes/s", _met(v >= 50_000), cmd)
        yield ("Neo4j load (whole route)", size, f"{r['neo4j_load_s']} s, {r['neo4j_load_rows_per_s']} rows/s",
               "", "", cmd)  # fmt: skip
        w = r["rules_ratio_neo4j_over_memory"]
        if isinstance(w, int | float):
            scaled = f", memory scaled from {r['memory_scaled_from']}" if "memory_scaled_from" in r else ""
            yield (
                "Neo4j warm rules / memory",
                size,
                f"{w}x ({r['neo4j_rules_s']} s{scaled})",
                "≤ 1.5x",
                _met(w <= 1.5),
                cmd,
            )
        if isinstance(r.get("obligations_ratio_neo4j_over_memory"), int | float):
            o = r["obligations_ratio_neo4j_over_memory"]
            yield ("Neo4j obligations / memory", size, f"{o}x ({r['neo4j_obligations_s']} s)", "", "", cmd)
        slow = r["neo4j_slowest_rule"]
        yield ("Neo4j slowest rule", size, f"{slow} {r['neo4j_rule_s'][slow]} s", "", "", cmd)


def _shacl(data: Any) -> Iterator[Row]:
    for r in data if isinstance(data, list) else []:
        n = r["orgs"]
        t = r["ratio_total"]
        yield ("SHACL (with export) / memory", str(n), f"{t}x", "≤ 10x", _met(t <= 10),
               f"python bench/bench_shacl.py --sizes {n}")  # fmt: skip


def rows(results: Path = RESULTS) -> list[Row]:
    """Every figure found under ``results``; a missing script's file is one row saying so."""
    out: list[Row] = []
    sources = [("gaps.json", _gaps), ("memory.json", _memory), ("shacl.json", _shacl)]
    for fname, fn in sources:
        data = _load(results / fname)
        if data is None:
            out.append((fname, "", "not measured yet", "", "", f"python bench/{'bench_' + fname[:-5]}.py"))
        else:
            out.extend(fn(data))
    neo = sorted(results.glob("neo4j*.json"))
    if not neo:
        out.append(("neo4j.json", "", "not measured yet", "", "", "python bench/bench_neo4j.py"))
    for p in neo:
        data = _load(p)
        if data is not None:
            out.extend(_neo4j(data, p.name))
    return out


def render(table: list[Row]) -> str:
    """The rows as one Markdown table."""
    head = ("figure", "size (orgs)", "value", "target", "met", "command")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in table]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--results", type=Path, default=RESULTS)
    ns = ap.parse_args(argv)
    print(render(rows(ns.results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
