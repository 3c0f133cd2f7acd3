"""Time and memory of loading and of all gap rules on synthetic registers of growing size.

For each size a synthetic register (:mod:`respchain.synth`) is written to a
temporary JSON file by one subprocess; a fresh subprocess then loads it
(JSON -> validated Register), builds the graph, and runs every rule, and reports
its wall and CPU time per stage and its peak resident memory (``ru_maxrss``,
read after each stage; tracemalloc would be too slow at a million nodes). The
table compares each size with the smallest one measured in the same run.

Usage::

    python bench/bench_memory.py                    # 1k,10k
    python bench/bench_memory.py --sizes 1k,10k,100k
    python bench/bench_memory.py --sizes 100k --rules   # with the time of each rule

Writes ``bench/results/memory.json`` (git-ignored). CPU time is reported beside
wall time because a busy machine stretches the latter.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["main", "parse_sizes", "measure", "TARGETS"]

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "memory.json"
# Targets at 100k organizations (about a million nodes).
TARGETS = {"load_build_s": 60.0, "rules_s": 30.0, "peak_mb": 4096.0}


def parse_sizes(text: str) -> list[int]:
    """``"1k,10k,100k"`` -> ``[1000, 10000, 100000]`` (``k`` and ``m`` suffixes allowed)."""
    out = []
    for part in text.split(","):
        part = part.strip().lower()
        if not part:
            continue
        mult = 1000 if part.endswith("k") else 1_000_000 if part.endswith("m") else 1
        out.append(int(float(part.rstrip("km")) * mult))
    return out


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class _Clock:
    """Wall and CPU time of consecutive stages."""

    def __init__(self) -> None:
        self.stages: dict[str, dict[str, float]] = {}
        self._w, self._c = time.perf_counter(), _cpu()

    def lap(self, name: str) -> None:
        w, c = time.perf_counter(), _cpu()
        self.stages[name] = {
            "wall_s": round(w - self._w, 3),
            "cpu_s": round(c - self._c, 3),
            "peak_mb": round(_peak_mb(), 1),
        }
        self._w, self._c = w, c


def _worker_generate(orgs: int, seed: int, rate: float, path: str) -> dict[str, Any]:
    from respchain.synth import write_synth

    clock = _Clock()
    write_synth(path, orgs, seed=seed, gap_rate=rate)
    clock.lap("synth")
    return {"synth": clock.stages["synth"], "bytes": os.path.getsize(path)}


def _worker_measure(path: str, per_rule: bool) -> dict[str, Any]:
    clock = _Clock()
    from respchain.loaders import load_graph, load_register
    from respchain.queries import CATALOG, build_index, find_gaps

    clock.lap("import")
    reg = load_register(path)
    clock.lap("load")
    G = load_graph(reg)
    clock.lap("build")
    del reg
    findings = find_gaps(G)
    clock.lap("rules")
    out: dict[str, Any] = {
        "stages": clock.stages,
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "findings": len(findings),
    }
    if per_rule:
        # Collect first, so that a full collection of the big heap is not charged to one rule.
        gc.collect()
        t = time.perf_counter()
        G.__networkx_cache__.clear()  # time a fresh index, not the one find_gaps kept
        ix = build_index(G)
        times = {"index": round(time.perf_counter() - t, 3)}
        for rid in CATALOG:
            gc.collect()
            t = time.perf_counter()
            find_gaps(G, rules=[rid], index=ix)
            times[rid] = round(time.perf_counter() - t, 3)
        out["rule_s"] = times
    return out


def _run_worker(args: list[str]) -> dict[str, Any]:
    cp = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if cp.returncode != 0:
        raise RuntimeError(f"工作进程失败 / worker failed ({' '.join(args)}):\n{cp.stderr}")
    return json.loads(cp.stdout.strip().splitlines()[-1])


def measure(orgs: int, *, seed: int = 1, gap_rate: float = 0.01, per_rule: bool = False) -> dict[str, Any]:
    """Generate, then load, build and check one synthetic register, each in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="respchain-bench-") as tmp:
        path = str(Path(tmp) / f"synth-{orgs}.json")
        gen = _run_worker(["--worker-generate", str(orgs), str(seed), str(gap_rate), path])
        res = _run_worker(["--worker-measure", path, "1" if per_rule else "0"])
    st = res["stages"]
    res.update(
        orgs=orgs, seed=seed, gap_rate=gap_rate, synth=gen["synth"], json_mb=round(gen["bytes"] / 2**20, 1)
    )
    res["load_build_s"] = round(st["load"]["wall_s"] + st["build"]["wall_s"], 3)
    res["load_build_cpu_s"] = round(st["load"]["cpu_s"] + st["build"]["cpu_s"], 3)
    res["rules_s"] = st["rules"]["wall_s"]
    res["rules_cpu_s"] = st["rules"]["cpu_s"]
    res["peak_mb"] = max(s["peak_mb"] for s in st.values())
    return res


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 2) if b else None


def _table(rows: list[dict[str, Any]]) -> str:
    base = rows[0]
    head = (
        "组织/orgs",
        "节点/nodes",
        "生成/synth s",
        "加载+建图/load+build s",
        "规则/rules s",
        "峰值内存/peak MB",
        "×组织",
        "×时间/time",
        "×内存/mem",
    )
    lines = [" | ".join(head), " | ".join("-" * len(h) for h in head)]
    for r in rows:
        lines.append(
            " | ".join(
                str(x)
                for x in (
                    r["orgs"],
                    r["nodes"],
                    f"{r['synth']['wall_s']:.1f}",
                    f"{r['load_build_s']:.1f} (cpu {r['load_build_cpu_s']:.1f})",
                    f"{r['rules_s']:.1f} (cpu {r['rules_cpu_s']:.1f})",
                    f"{r['peak_mb']:.0f}",
                    _ratio(r["orgs"], base["orgs"]),
                    _ratio(r["load_build_s"] + r["rules_s"], base["load_build_s"] + base["rules_s"]),
                    _ratio(r["peak_mb"], base["peak_mb"]),
                )
            )
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the table and write ``bench/results/memory.json``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "--worker-generate":
        orgs, seed, rate, path = argv[1:5]
        print(json.dumps(_worker_generate(int(orgs), int(seed), float(rate), path)))
        return 0
    if argv and argv[0] == "--worker-measure":
        print(json.dumps(_worker_measure(argv[1], argv[2] == "1")))
        return 0
    ap = argparse.ArgumentParser(
        description="加载与规则的时间和内存 / time and memory of loading and of the rules"
    )
    ap.add_argument(
        "--sizes",
        default=os.environ.get("BENCH_SIZES", "1k,10k"),
        help="组织数，逗号分隔 / organization counts, e.g. 1k,10k,100k",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--gap-rate", type=float, default=0.01)
    ap.add_argument("--rules", action="store_true", help="另计每条规则的时间 / also time each rule")
    ap.add_argument("-o", "--output", type=Path, default=RESULTS)
    ns = ap.parse_args(argv)
    sizes = parse_sizes(ns.sizes)
    rows = []
    for n in sizes:
        print(f"… {n} 个组织 / organizations", file=sys.stderr, flush=True)
        rows.append(measure(n, seed=ns.seed, gap_rate=ns.gap_rate, per_rule=ns.rules))
    print(_table(rows))
    for r in rows:
        if "rule_s" in r:
            slow = sorted(((v, k) for k, v in r["rule_s"].items()), reverse=True)[:5]
            print(f"{r['orgs']}: 最慢的规则 / slowest rules: " + ", ".join(f"{k} {v:.2f}s" for v, k in slow))
    big = [r for r in rows if r["orgs"] >= 100_000]
    for r in big:
        ok = {k: r[k] <= v for k, v in TARGETS.items()}
        r["targets"] = {"limits": TARGETS, "met": ok}
        print(f"{r['orgs']} 目标 / targets: " + ", ".join(f"{k} {'✓' if v else '✗'}" for k, v in ok.items()))
    ns.output.parent.mkdir(parents=True, exist_ok=True)
    out = {
        "sizes": sizes,
        "baseline_orgs": rows[0]["orgs"] if rows else None,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "load_avg": os.getloadavg(),
        "runs": rows,
    }
    tmp = ns.output.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, ns.output)
    print(f"已写入 / wrote {ns.output}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))  # run from a checkout without installing
    raise SystemExit(main())
