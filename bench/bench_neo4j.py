"""Load and gap-query throughput of Neo4j on synthetic registers, next to the in-memory engine.

For each size a synthetic register (``respchain synth --orgs N``) is generated;
then, in this one process and run:

- memory: build the graph, run every rule in memory (:func:`respchain.queries.find_gaps`);
- neo4j: write the graph in one transaction (:func:`graph_to_neo4j`, ``replace=True``),
  run every rule in Cypher (:func:`gaps_from_neo4j`; first run, with query
  planning, and a second run), read the graph back (:func:`graph_from_neo4j`);
- check that both engines give the same findings.

Throughput is rows per second, a row being a node or a relationship. The Neo4j
server is the one ``NEO4J_URI`` (or ``--uri``) names, else one started for the
run with ``scripts/neo4j.sh`` (heap from ``--heap``) and stopped afterwards.

Usage::

    python bench/bench_neo4j.py                       # 1k
    python bench/bench_neo4j.py --sizes 1k,10k,100k   # what `make bench` runs (BENCH_SIZES)

Writes ``bench/results/neo4j.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["main", "measure"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "neo4j.json"
SCRIPT = ROOT / "scripts" / "neo4j.sh"


def _sizes(text: str) -> list[int]:
    out = []
    for part in text.split(","):
        part = part.strip().lower()
        if part:
            mult = 1000 if part.endswith("k") else 1_000_000 if part.endswith("m") else 1
            out.append(int(float(part.rstrip("km")) * mult))
    return out


def _timed(f, *a, **k) -> tuple[Any, float]:
    t = time.perf_counter()
    r = f(*a, **k)
    return r, time.perf_counter() - t


def measure(driver, n: int, *, seed: int, gap_rate: float, batch_size: int, workdir: Path) -> dict[str, Any]:
    """One size: generate, then time memory and Neo4j on the same graph."""
    from respchain.graph import graph_from_register
    from respchain.graph.neo4j import gaps_from_neo4j, graph_from_neo4j, graph_to_neo4j
    from respchain.queries import find_gaps

    reg = workdir / f"synth-{n}.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "respchain",
            "synth",
            "--orgs",
            str(n),
            "--seed",
            str(seed),
            "--gap-rate",
            str(gap_rate),
            "-o",
            str(reg),
        ],
        check=True,
        capture_output=True,
    )
    G, t_build = _timed(graph_from_register, reg)
    rows = G.number_of_nodes() + G.number_of_edges()
    mem, t_mem = _timed(find_gaps, G)
    _, t_load = _timed(graph_to_neo4j, G, driver, replace=True, batch_size=batch_size)
    neo_cold, t_neo_cold = _timed(gaps_from_neo4j, driver)
    neo, t_neo = _timed(gaps_from_neo4j, driver)
    H, t_read = _timed(graph_from_neo4j, driver)
    return {
        "orgs": n,
        "nodes": G.number_of_nodes(),
        "relationships": G.number_of_edges(),
        "findings": len(mem),
        "same_findings": neo == mem and neo_cold == mem,
        "same_graph_read_back": H.number_of_nodes() == G.number_of_nodes()
        and H.number_of_edges() == G.number_of_edges(),
        "memory_build_s": round(t_build, 3),
        "memory_rules_s": round(t_mem, 3),
        "neo4j_load_s": round(t_load, 3),
        "neo4j_load_rows_per_s": round(rows / t_load),
        "neo4j_rules_first_s": round(t_neo_cold, 3),
        "neo4j_rules_s": round(t_neo, 3),
        "neo4j_read_s": round(t_read, 3),
        "neo4j_read_rows_per_s": round(rows / t_read),
        "memory_rules_rows_per_s": round(rows / t_mem) if t_mem else None,
        "neo4j_rules_rows_per_s": round(rows / t_neo) if t_neo else None,
        "rules_ratio_neo4j_over_memory": round(t_neo / t_mem, 1) if t_mem else None,
        "load_ratio_neo4j_over_memory_build": round(t_load / t_build, 1) if t_build else None,
    }


def _print(rows: list[dict]) -> None:
    head = [
        "orgs",
        "nodes",
        "rels",
        "findings",
        "same",
        "mem build s",
        "mem rules s",
        "neo load s",
        "load rows/s",
        "neo rules s (1st)",
        "neo rules s",
        "rules ×",
        "read s",
        "read rows/s",
    ]
    print(" | ".join(head))
    for r in rows:
        print(
            " | ".join(
                str(x)
                for x in (
                    r["orgs"],
                    r["nodes"],
                    r["relationships"],
                    r["findings"],
                    r["same_findings"],
                    r["memory_build_s"],
                    r["memory_rules_s"],
                    r["neo4j_load_s"],
                    r["neo4j_load_rows_per_s"],
                    r["neo4j_rules_first_s"],
                    r["neo4j_rules_s"],
                    r["rules_ratio_neo4j_over_memory"],
                    r["neo4j_read_s"],
                    r["neo4j_read_rows_per_s"],
                )
            )
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1k"), help="e.g. 1k,10k,100k")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--gap-rate", type=float, default=0.05)
    ap.add_argument("--batch-size", type=int, default=10000)
    ap.add_argument("--uri", default=os.environ.get("NEO4J_URI"))
    ap.add_argument(
        "--heap",
        default=os.environ.get("NEO4J_HEAP", "6g"),
        help="heap of the server started for the run (one transaction holds the whole load)",
    )
    args = ap.parse_args(argv)
    import neo4j

    sizes = _sizes(args.sizes)
    with tempfile.TemporaryDirectory(prefix="respchain-bench-neo4j-") as tmp:
        work = Path(tmp)
        started = None
        uri = args.uri
        if not uri:
            started = work / "neo4j"
            env = {
                **os.environ,
                "NEO4J_HEAP": args.heap,
                "NEO4J_PAGECACHE": os.environ.get("NEO4J_PAGECACHE", "1g"),
            }
            env.pop("NEO4J_PORT", None)
            out = subprocess.run(
                ["bash", str(SCRIPT), "start", str(started)],
                check=True,
                capture_output=True,
                text=True,
                env=env,
            )
            uri = out.stdout.strip().splitlines()[-1]
        rows = []
        try:
            auth = (
                (os.environ.get("NEO4J_USER") or "neo4j", os.environ["NEO4J_PASSWORD"])
                if os.environ.get("NEO4J_PASSWORD")
                else None
            )
            with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
                for n in sizes:
                    r = measure(
                        driver,
                        n,
                        seed=args.seed,
                        gap_rate=args.gap_rate,
                        batch_size=args.batch_size,
                        workdir=work,
                    )
                    rows.append(r)
                    _print([r])
        finally:
            if started is not None:
                subprocess.run(["bash", str(SCRIPT), "stop", str(started)], capture_output=True)
    print()
    _print(rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {"uri_started_for_run": not args.uri, "heap": args.heap, "rows": rows},
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    return 0 if all(r["same_findings"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
