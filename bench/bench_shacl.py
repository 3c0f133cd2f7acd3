"""The SHACL backend against the in-memory engine, on the same rules and registers.

For each size a synthetic register (:func:`respchain.synth.synth_register`, 5 %
of the gaps planted) is built in memory; then the 11 rules that are SHACL
shapes (:data:`respchain.queries.backends.shacl.SHACL_RULES`) run on both backends. The
SHACL time is split into the export to RDF and the pySHACL validation (with the
findings made from its report); the table gives SHACL / memory as a ratio, and
checks that both backends found the same findings.

Usage::

    python bench/bench_shacl.py                 # 1k,10k organizations
    python bench/bench_shacl.py --sizes 1k

Writes ``bench/results/shacl.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["main", "measure", "parse_sizes"]

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "shacl.json"


def parse_sizes(text: str) -> list[int]:
    """``"1k,10k"`` -> ``[1000, 10000]``."""
    out = []
    for part in text.split(","):
        part = part.strip().lower()
        if part:
            out.append(int(float(part.rstrip("k")) * (1000 if part.endswith("k") else 1)))
    return out


def measure(orgs: int, *, seed: int = 0, repeat: int = 3) -> dict[str, Any]:
    """Time both backends on a synthetic register of ``orgs`` organizations."""
    from respchain.graph.rdf import graph_to_rdf
    from respchain.loaders import load_graph, register_from_data
    from respchain.queries import find_gaps
    from respchain.queries.backends.shacl import SHACL_RULES, shacl_findings
    from respchain.queries.finding import Finding

    from respchain.synth import synth_register

    data, _expected = synth_register(orgs, seed=seed, gap_rate=0.05)
    G = load_graph(register_from_data([(f"synth-{orgs}", data, None)]))
    rules = list(SHACL_RULES)

    mem_times = []
    for _ in range(repeat):
        t = time.perf_counter()
        memory = find_gaps(G, rules=rules)
        mem_times.append(time.perf_counter() - t)
    t = time.perf_counter()
    rdf = graph_to_rdf(G)
    export_s = time.perf_counter() - t
    t = time.perf_counter()
    shacl = sorted(shacl_findings(G, rules, data=rdf), key=Finding.sort_key)
    validate_s = time.perf_counter() - t
    mem_s = statistics.median(mem_times)
    return {
        "orgs": orgs,
        "nodes": G.number_of_nodes(),
        "triples": len(rdf),
        "findings": len(memory),
        "same_findings": shacl == memory,
        "memory_s": round(mem_s, 4),
        "export_s": round(export_s, 3),
        "shacl_s": round(validate_s, 3),
        "ratio_validate": round(validate_s / mem_s, 1),
        "ratio_total": round((export_s + validate_s) / mem_s, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1k,10k", help="organizations per register (default 1k,10k)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    rows = []
    head = (
        f"{'orgs':>7} {'nodes':>8} {'triples':>9} {'findings':>8} {'memory s':>9} {'export s':>9} "
        f"{'shacl s':>8} {'shacl/mem':>10} {'(+export)':>10}  same"
    )
    print("SHACL 后端 / in-memory 引擎，11 条规则 / SHACL backend vs in-memory engine, 11 rules")
    print(head)
    for n in parse_sizes(args.sizes):
        r = measure(n, seed=args.seed)
        rows.append(r)
        print(
            f"{r['orgs']:>7} {r['nodes']:>8} {r['triples']:>9} {r['findings']:>8} {r['memory_s']:>9.3f} "
            f"{r['export_s']:>9.2f} {r['shacl_s']:>8.2f} {r['ratio_validate']:>9.0f}x {r['ratio_total']:>9.0f}x"
            f"  {'yes' if r['same_findings'] else 'NO'}",
            flush=True,
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(f"已写入 / wrote {RESULTS}")
    return 0 if all(r["same_findings"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
