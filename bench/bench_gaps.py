"""``respchain gaps`` end to end against the floor, and YAML against JSON, as whole processes.

For each size a synthetic register (``respchain synth``) is written once as
JSON and once as YAML. Then, in turn and ``--repeat`` times, fresh processes run:

* ``floor``: :mod:`bench.floor`, a hand-rolled one-pass check of the same 18
  rules over the same JSON (no validation, no graph): the least the work can cost;
* ``gaps json`` / ``gaps yaml``: ``respchain gaps FILE --format json -o OUT``;
* ``validate json``: ``respchain validate FILE``.

Each process's CPU time (user + system), wall time and peak resident memory
come from ``os.wait4``; the table gives the median of the repeats and the
ratios measured in the same run (gaps / floor, YAML / JSON), CPU beside wall
because the machine is shared. The findings of ``gaps`` are compared with the
floor's ``(rule, subject, evidence)`` triples, and YAML's with JSON's.

Usage::

    python bench/bench_gaps.py --sizes 10k,100k --repeat 3

Writes ``bench/results/gaps.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout without installing

from bench.floor import floor_file  # noqa: E402

__all__ = ["main", "measure", "run_process"]

RESULTS = HERE / "results" / "gaps.json"
TARGETS = {"gaps_vs_floor": 3.0, "yaml_vs_json": 1.5, "peak_mb_100k": 1200.0, "peak_mb_300k": 4096.0}


def parse_sizes(text: str) -> list[int]:
    """``"1k,10k,100k"`` -> ``[1000, 10000, 100000]``."""
    out = []
    for part in text.split(","):
        part = part.strip().lower()
        if part:
            mult = 1000 if part.endswith("k") else 1_000_000 if part.endswith("m") else 1
            out.append(int(float(part.rstrip("km")) * mult))
    return out


def run_process(cmd: list[str]) -> dict[str, float]:
    """Run ``cmd``; its wall and CPU seconds and peak memory (MB), from ``wait4``."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, ru = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t
    if proc.returncode not in (0, 1):  # 1: gaps found at --fail-on (not asked here)
        raise RuntimeError(f"{' '.join(cmd)} -> {proc.returncode}\n{err.decode(errors='replace')}")
    return {"wall_s": wall, "cpu_s": ru.ru_utime + ru.ru_stime, "peak_mb": ru.ru_maxrss / 1024}


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: round(statistics.median(r[k] for r in runs), 3) for k in runs[0]}


def _triples(path: Path) -> set[tuple]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {(f["rule"], f["subject"], tuple(f["evidence"])) for f in data["findings"]}


def measure(
    orgs: int, *, repeat: int = 3, seed: int = 1, gap_rate: float = 0.01, yaml: bool = True
) -> dict[str, Any]:
    """Time floor, gaps (JSON, YAML) and validate on one synthetic register of ``orgs`` organizations."""
    py = sys.executable
    cli = [py, "-m", "respchain"]
    with tempfile.TemporaryDirectory(prefix="respchain-bench-") as tmp:
        t = Path(tmp)
        js, ym = t / "reg.json", t / "reg.yaml"
        subprocess.run([*cli, "synth", "--orgs", str(orgs), "--seed", str(seed), "--gap-rate", str(gap_rate),
                        "-o", str(js)], check=True, capture_output=True)  # fmt: skip
        cases = {
            "floor": [py, str(HERE / "floor.py"), str(js)],
            "gaps_json": [
                *cli,
                "gaps",
                str(js),
                "--obligations",
                "none",
                "--format",
                "json",
                "-o",
                str(t / "out-json.json"),
            ],
            "validate_json": [*cli, "validate", str(js)],
        }
        if yaml:
            subprocess.run([*cli, "synth", "--orgs", str(orgs), "--seed", str(seed), "--gap-rate", str(gap_rate),
                            "-o", str(ym)], check=True, capture_output=True)  # fmt: skip
            cases["gaps_yaml"] = [
                *cli,
                "gaps",
                str(ym),
                "--obligations",
                "none",
                "--format",
                "json",
                "-o",
                str(t / "out-yaml.json"),
            ]
        runs: dict[str, list[dict[str, float]]] = {k: [] for k in cases}
        for _ in range(repeat):
            for name, cmd in cases.items():  # interleaved, so that load changes hit every case alike
                runs[name].append(run_process(cmd))
        floor = floor_file(js)
        got = _triples(t / "out-json.json")
        res: dict[str, Any] = {
            "orgs": orgs,
            "json_mb": round(js.stat().st_size / 2**20, 1),
            "findings": len(got),
            "floor_equal": got == floor,
            "cases": {k: _median(v) for k, v in runs.items()},
            "repeat": repeat,
            "commands": {
                k: " ".join(Path(c).name if i < 1 else c for i, c in enumerate(v)) for k, v in cases.items()
            },
        }
        if yaml:
            res["yaml_equal"] = _triples(t / "out-yaml.json") == got
    c = res["cases"]
    res["gaps_vs_floor"] = {m: round(c["gaps_json"][m] / c["floor"][m], 2) for m in ("cpu_s", "wall_s")}
    if yaml:
        res["yaml_vs_json"] = {
            m: round(c["gaps_yaml"][m] / c["gaps_json"][m], 2) for m in ("cpu_s", "wall_s", "peak_mb")
        }
    return res


def table(rows: list[dict[str, Any]]) -> str:
    """One line per size and case: median CPU, wall, peak memory, and the ratios."""
    head = (
        "组织/orgs",
        "情形/case",
        "CPU s",
        "墙钟/wall s",
        "峰值/peak MB",
        "比值/ratio (cpu, wall)",
        "相同/equal",
    )
    lines = [" | ".join(head), " | ".join("-" * len(h) for h in head)]
    for r in rows:
        for name, m in r["cases"].items():
            ratio, equal = "", ""
            if name == "gaps_json":
                ratio = "vs floor {cpu_s}x, {wall_s}x".format(**r["gaps_vs_floor"])
                equal = "yes" if r["floor_equal"] else "NO"
            elif name == "gaps_yaml":
                ratio = "vs json {cpu_s}x, {wall_s}x (mem {peak_mb}x)".format(**r["yaml_vs_json"])
                equal = "yes" if r["yaml_equal"] else "NO"
            lines.append(
                " | ".join(
                    (
                        str(r["orgs"]),
                        name,
                        f"{m['cpu_s']:.2f}",
                        f"{m['wall_s']:.2f}",
                        f"{m['peak_mb']:.0f}",
                        ratio,
                        equal,
                    )
                )
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the table and write ``bench/results/gaps.json``."""
    ap = argparse.ArgumentParser(description="gaps 端到端对比下限 / gaps end to end against the floor")
    ap.add_argument("--sizes", default="1k,10k", help="组织数 / organization counts, e.g. 10k,100k")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-yaml-above", type=int, default=100_000, help="YAML only up to this size")
    ap.add_argument("-o", "--output", type=Path, default=RESULTS)
    ns = ap.parse_args(argv)
    rows = []
    for n in parse_sizes(ns.sizes):
        print(f"… {n} 个组织 / organizations", file=sys.stderr, flush=True)
        rows.append(measure(n, repeat=ns.repeat, yaml=n <= ns.no_yaml_above))
    print(table(rows))
    ok = all(r["floor_equal"] and r.get("yaml_equal", True) for r in rows)
    print("gaps 与下限结果相同 / gaps finds what the floor finds: " + ("yes" if ok else "NO"))
    ns.output.parent.mkdir(parents=True, exist_ok=True)
    out = {"python": sys.version.split()[0], "cpus": os.cpu_count(), "load_avg": os.getloadavg(),
           "targets": TARGETS, "runs": rows}  # fmt: skip
    tmp = ns.output.with_suffix(".tmp")
    tmp.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, ns.output)
    print(f"已写入 / wrote {ns.output}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
