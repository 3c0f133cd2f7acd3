"""Load and gap-query throughput of Neo4j on synthetic registers, next to the in-memory engine.

For each size a synthetic register (``respchain synth --orgs N``) is generated;
then, in this one process:

- memory: build the graph (:func:`respchain.loaders.load_graph`, reading included), run
  every rule in memory (:func:`respchain.queries.find_gaps`);
- neo4j, loaded by one of two routes:

  - ``transaction`` (sizes up to ``--bulk-above``): write the graph in one
    transaction (:func:`graph_to_neo4j`, ``replace=True``) into a running server;
  - ``bulk`` (sizes above ``--bulk-above``): Neo4j holds a transaction's changes
    in heap, and the ~2.5 million nodes and relationships of 100k organizations
    do not fit in one with an 8 GB heap. The graph is exported with the
    project's CSV writer (:func:`graph_to_neo4j_admin`), imported offline by the
    real ``neo4j-admin database import full`` into a fresh home, a server is
    started on that home (``scripts/neo4j.sh start``) and the uniqueness
    constraints of the exported ``constraints.cypher`` are created (their
    indexes built before timing stops). The load time is the sum of the four.

  - ``streamed`` (sizes above ``--stream-above``, a million organizations): the
    in-memory graph of the whole does not fit (about 18 GB at a million), so the
    register is cut into parts of whole provinces (:func:`respchain.synth.synth_parts`),
    each part's graph built and exported as soon as the last is written
    (:func:`graphs_to_neo4j_admin`), then imported as above. The findings are
    checked against the gaps the generator planted, and the in-memory figures
    are the largest in-memory size's of the run, scaled by nodes.

- then every rule in Cypher (:func:`gaps_from_neo4j`; a first run, with query
  planning, and a warm run), each rule on its own once more (to name a slow one),
  and the graph read back (:func:`graph_from_neo4j`);
- check that both engines give the same findings and the same graph.

Throughput is rows per second, a row being a node or a relationship. The
transaction-route server is the one ``NEO4J_URI`` (or ``--uri``) names, else one
started for the run with ``scripts/neo4j.sh``; the bulk route always starts its
own (the import needs a stopped database) and stops it after its size. Servers
started here get ``--heap`` and ``--pagecache`` (env ``NEO4J_HEAP``,
``NEO4J_PAGECACHE``); only one runs at a time.

Usage::

    python bench/bench_neo4j.py                        # 1k
    python bench/bench_neo4j.py --sizes 1k,10k,100k    # what `make bench` runs (BENCH_SIZES)
    python bench/bench_neo4j.py --sizes 10k --bulk-above 0   # the bulk route at 10k
    python bench/bench_neo4j.py --sizes 100k,1m --pagecache 8g   # a million organizations

Writes ``bench/results/neo4j.json`` (``-o`` to change).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["main", "measure", "parse_sizes"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "neo4j.json"
SCRIPT = ROOT / "scripts" / "neo4j.sh"
# As scripts/neo4j.sh runs the server: Neo4j 5 on Java 17 needs these.
_JAVA_OPENS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]


def parse_sizes(text: str) -> list[int]:
    """``"1k,10k,100k"`` -> ``[1000, 10000, 100000]`` (also plain numbers and ``m``)."""
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


def _auth() -> tuple[str, str] | None:
    if os.environ.get("NEO4J_PASSWORD"):
        return (os.environ.get("NEO4J_USER") or "neo4j", os.environ["NEO4J_PASSWORD"])
    return None


# ---------------------------------------------------------------- servers


def _start_server(folder: Path, heap: str, pagecache: str) -> str:
    """Start ``scripts/neo4j.sh start folder`` (data in ``folder/home``); its Bolt URI."""
    env = {**os.environ, "NEO4J_HEAP": heap, "NEO4J_PAGECACHE": pagecache}
    env.pop("NEO4J_PORT", None)
    out = subprocess.run(["bash", str(SCRIPT), "start", str(folder)], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"neo4j.sh start {folder} failed:\n{out.stderr[-3000:]}")
    return out.stdout.strip().splitlines()[-1]


def _stop_server(folder: Path) -> None:
    subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], capture_output=True, timeout=120)


def _classpath() -> str:
    return subprocess.run(
        ["bash", str(SCRIPT), "classpath"], check=True, capture_output=True, text=True
    ).stdout.strip()


# ---------------------------------------------------------------- steps


def _synth(n: int, *, seed: int, gap_rate: float, workdir: Path) -> Path:
    reg = workdir / f"synth-{n}.json"
    subprocess.run(
        [
            *(sys.executable, "-m", "respchain", "synth"),
            *("--orgs", str(n), "--seed", str(seed), "--gap-rate", str(gap_rate), "-o", str(reg)),
        ],
        check=True,
        capture_output=True,
    )
    return reg


def _bulk_import(export: Path, home: Path, *, import_heap: str, workdir: Path) -> None:
    """``neo4j-admin database import full`` of an exported folder into the fresh ``home``."""
    from respchain.graph.neo4j.admin import neo4j_admin_args

    home.mkdir(parents=True)
    cmd = [
        *("java", f"-Xmx{import_heap}", *_JAVA_OPENS, "-cp", _classpath()),
        *("org.neo4j.cli.AdminTool", "database", "import", "full"),
        *neo4j_admin_args(export),
        "--overwrite-destination",
        f"--report-file={workdir / (export.name + '.report.txt')}",
        "neo4j",
    ]
    r = subprocess.run(cmd, env={**os.environ, "NEO4J_HOME": str(home)}, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(
            f"neo4j-admin import failed (exit {r.returncode}):\n{(r.stdout + r.stderr)[-3000:]}"
        )


def _create_constraints(driver, export: Path) -> None:
    """The exported ``constraints.cypher``, then wait for their indexes to be online."""
    text = (export / "constraints.cypher").read_text(encoding="utf-8")
    with driver.session() as s:
        for stmt in text.split(";"):
            if stmt.strip():
                s.run(stmt).consume()
        s.run("CALL db.awaitIndexes(3600)").consume()


def _obligations() -> list:
    from respchain.queries.obligations import default_obligations

    return default_obligations()


def _neo4j_queries(driver, G, mem: list, mem_obl: list) -> dict[str, Any]:
    """Rules (first, warm, each on its own), obligations and read-back, checked against memory."""
    from respchain.graph.neo4j import graph_from_neo4j
    from respchain.queries import find_gaps
    from respchain.queries.backends.neo4j import gaps_from_neo4j
    from respchain.queries.catalog import CATALOG

    rows = G.number_of_nodes() + G.number_of_edges()
    neo_cold, t_cold = _timed(gaps_from_neo4j, driver)
    neo, t_warm = _timed(gaps_from_neo4j, driver)
    per_rule = {rid: round(_timed(gaps_from_neo4j, driver, [rid])[1], 3) for rid in CATALOG}
    obs = _obligations()
    kw = {"rules": "obligations", "obligations": obs, "backend": "neo4j", "driver": driver}
    find_gaps(G, **kw)  # planned once, as the rules' first run
    neo_obl, t_obl = _timed(find_gaps, G, **kw)
    H, t_read = _timed(graph_from_neo4j, driver)
    return {
        "same_findings": neo == mem and neo_cold == mem and neo_obl == mem_obl,
        "neo4j_obligations_s": round(t_obl, 3),
        "neo4j_obligation_findings": len(neo_obl),
        "same_graph_read_back": H.number_of_nodes() == G.number_of_nodes()
        and H.number_of_edges() == G.number_of_edges(),
        "neo4j_rules_first_s": round(t_cold, 3),
        "neo4j_rules_s": round(t_warm, 3),
        "neo4j_rule_s": per_rule,
        "neo4j_slowest_rule": max(per_rule, key=per_rule.get),
        "neo4j_read_s": round(t_read, 3),
        "neo4j_read_rows_per_s": round(rows / t_read),
        "neo4j_rules_rows_per_s": round(rows / t_warm) if t_warm else None,
    }


def measure(
    n: int,
    *,
    seed: int,
    gap_rate: float,
    batch_size: int,
    workdir: Path,
    driver=None,
    bulk: bool = False,
    heap: str = "6g",
    pagecache: str = "1g",
    import_heap: str = "2g",
) -> dict[str, Any]:
    """One size: generate, then time memory and Neo4j on the same graph.

    Parameters
    ----------
    n : int
        Organizations of the synthetic register.
    driver : neo4j.Driver, optional
        The server of the transaction route (required unless ``bulk``).
    bulk : bool
        Load by export + ``neo4j-admin`` import into a server started (and
        stopped) here, with ``heap`` and ``pagecache``.
    """
    import neo4j
    from respchain.graph.neo4j import graph_to_neo4j
    from respchain.graph.neo4j.admin import graph_to_neo4j_admin
    from respchain.loaders import load_graph
    from respchain.queries import find_gaps

    reg = _synth(n, seed=seed, gap_rate=gap_rate, workdir=workdir)
    G, t_build = _timed(load_graph, reg)
    rows = G.number_of_nodes() + G.number_of_edges()
    mem, t_mem = _timed(find_gaps, G)
    mem_obl, t_mem_obl = _timed(find_gaps, G, rules="obligations", obligations=_obligations())
    out: dict[str, Any] = {
        "orgs": n,
        "nodes": G.number_of_nodes(),
        "relationships": G.number_of_edges(),
        "findings": len(mem),
        "memory_build_s": round(t_build, 3),
        "memory_rules_s": round(t_mem, 3),
        "memory_obligations_s": round(t_mem_obl, 3),
        "memory_rules_rows_per_s": round(rows / t_mem) if t_mem else None,
    }
    if not bulk:
        if driver is None:
            raise ValueError("the transaction route needs a driver")
        _, t_load = _timed(graph_to_neo4j, G, driver, replace=True, batch_size=batch_size)
        out.update(route="transaction", neo4j_load_s=round(t_load, 3))
        out.update(_neo4j_queries(driver, G, mem, mem_obl))
    else:
        export = workdir / f"export-{n}"
        folder = workdir / f"neo4j-bulk-{n}"
        _, t_export = _timed(graph_to_neo4j_admin, G, export)
        _, t_import = _timed(_bulk_import, export, folder / "home", import_heap=import_heap, workdir=workdir)
        try:
            uri, t_start = _timed(_start_server, folder, heap, pagecache)
            with neo4j.GraphDatabase.driver(uri, auth=None) as bulk_driver:
                _, t_index = _timed(_create_constraints, bulk_driver, export)
                t_load = t_export + t_import + t_start + t_index
                out.update(
                    route="bulk",
                    neo4j_load_s=round(t_load, 3),
                    neo4j_export_s=round(t_export, 3),
                    neo4j_import_s=round(t_import, 3),
                    neo4j_import_rows_per_s=round(rows / t_import),
                    neo4j_import_nodes_per_s=round(G.number_of_nodes() / t_import),
                    neo4j_start_s=round(t_start, 3),
                    neo4j_constraints_s=round(t_index, 3),
                    store_mb=round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20),
                )
                out.update(_neo4j_queries(bulk_driver, G, mem, mem_obl))
        finally:
            _stop_server(folder)
            shutil.rmtree(folder, ignore_errors=True)
            shutil.rmtree(export, ignore_errors=True)
    out["neo4j_load_rows_per_s"] = round(rows / out["neo4j_load_s"])
    out["load_ratio_neo4j_over_memory_build"] = round(out["neo4j_load_s"] / t_build, 1) if t_build else None
    out["rules_ratio_neo4j_over_memory"] = round(out["neo4j_rules_s"] / t_mem, 1) if t_mem else None
    out["obligations_ratio_neo4j_over_memory"] = (
        round(out["neo4j_obligations_s"] / t_mem_obl, 1) if t_mem_obl else None
    )
    out["rules_first_ratio_neo4j_over_memory"] = (
        round(out["neo4j_rules_first_s"] / t_mem, 1) if t_mem else None
    )
    return out


def _part_graphs(n: int, *, seed: int, gap_rate: float, part_orgs: int, stats: dict[str, Any]):
    """The graphs of the synthetic register's parts, built one at a time (the register freed as it goes)."""
    from respchain.graph.model import graph_from_register
    from respchain.loaders import register_from_data

    from respchain.synth import synth_parts

    t = time.perf_counter()
    parts, expected = synth_parts(n, seed=seed, gap_rate=gap_rate, part_orgs=part_orgs)
    stats["synth_s"] = round(time.perf_counter() - t, 3)
    stats["expected"] = expected
    stats["nodes"] = stats["relationships"] = stats["parts"] = 0
    for part in parts:
        G = graph_from_register(register_from_data([("synth.json", part, None)]), release=True)
        del part
        stats["parts"] += 1
        stats["nodes"] += G.number_of_nodes()
        stats["relationships"] += G.number_of_edges()
        yield G
        del G


def measure_streamed(
    n: int,
    *,
    seed: int,
    gap_rate: float,
    workdir: Path,
    part_orgs: int,
    heap: str,
    pagecache: str,
    import_heap: str,
    memory_row: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A size too big for the in-memory graph: built and exported a part at a time, then bulk-imported.

    The findings are checked against the gaps the generator planted (the
    in-memory engine gives exactly those at every size it can hold; the tests
    check that). The in-memory figures are those of ``memory_row`` (the
    largest in-memory size of the run), scaled by the number of nodes.
    """
    import neo4j
    from respchain.graph.neo4j.admin import graphs_to_neo4j_admin
    from respchain.queries.backends.neo4j import gaps_from_neo4j
    from respchain.queries.catalog import CATALOG
    from respchain.queries.obligations_neo4j import obligations_from_neo4j

    from respchain.exceptions import BackendError
    from respchain.synth import AS_OF, PERIOD

    export = workdir / f"export-{n}"
    folder = workdir / f"neo4j-bulk-{n}"
    stats: dict[str, Any] = {}
    graphs = _part_graphs(n, seed=seed, gap_rate=gap_rate, part_orgs=part_orgs, stats=stats)
    _, t_export = _timed(graphs_to_neo4j_admin, graphs, export)
    expected = stats.pop("expected")
    rows = stats["nodes"] + stats["relationships"]
    _, t_import = _timed(_bulk_import, export, folder / "home", import_heap=import_heap, workdir=workdir)
    out: dict[str, Any] = {
        "orgs": n,
        "nodes": stats["nodes"],
        "relationships": stats["relationships"],
        "findings": len(expected),
        "route": "streamed",
        "parts": stats["parts"],
        "synth_s": stats["synth_s"],
        "neo4j_export_s": round(t_export - stats["synth_s"], 3),
        "neo4j_import_s": round(t_import, 3),
        "neo4j_import_rows_per_s": round(rows / t_import),
        "neo4j_import_nodes_per_s": round(stats["nodes"] / t_import),
    }
    try:
        uri, t_start = _timed(_start_server, folder, heap, pagecache)
        with neo4j.GraphDatabase.driver(uri, auth=None) as driver:
            _, t_index = _timed(_create_constraints, driver, export)
            neo_cold, t_cold = _timed(gaps_from_neo4j, driver)
            neo, t_warm = _timed(gaps_from_neo4j, driver)
            per_rule = {rid: round(_timed(gaps_from_neo4j, driver, [rid])[1], 3) for rid in CATALOG}
            obs = _obligations()
            try:
                obligations_from_neo4j(driver, obs, as_of=AS_OF, period=PERIOD)  # planned once
                neo_obl, t_obl = _timed(obligations_from_neo4j, driver, obs, as_of=AS_OF, period=PERIOD)
            except BackendError as e:  # recorded, so that the figures measured so far are kept
                out["neo4j_obligations_error"] = str(e)[:500]
                neo_obl, t_obl = [], float("nan")
        out["store_mb"] = round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20)
    finally:
        _stop_server(folder)
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(export, ignore_errors=True)
    got = sorted([list(f.key()) for f in neo])
    out.update(
        neo4j_start_s=round(t_start, 3),
        neo4j_constraints_s=round(t_index, 3),
        neo4j_load_s=round(t_export - stats["synth_s"] + t_import + t_start + t_index, 3),
        same_findings=got == expected and neo_cold == neo,
        same_graph_read_back=True,  # not read back: the graph does not fit in memory here
        neo4j_rules_first_s=round(t_cold, 3),
        neo4j_rules_s=round(t_warm, 3),
        neo4j_rule_s=per_rule,
        neo4j_slowest_rule=max(per_rule, key=lambda r: per_rule[r]),
        neo4j_obligations_s=round(t_obl, 3),
        neo4j_obligation_findings=len(neo_obl),
        neo4j_read_s="-",
        neo4j_rules_rows_per_s=round(rows / t_warm) if t_warm else None,
    )
    if memory_row:
        scale = out["nodes"] / memory_row["nodes"]
        t_mem = memory_row["memory_rules_s"] * scale
        t_mem_obl = memory_row["memory_obligations_s"] * scale
        out.update(
            memory_scaled_from=memory_row["orgs"],
            memory_build_s=round(memory_row["memory_build_s"] * scale, 3),
            memory_rules_s=round(t_mem, 3),
            memory_obligations_s=round(t_mem_obl, 3),
            memory_rules_rows_per_s=memory_row["memory_rules_rows_per_s"],
            rules_ratio_neo4j_over_memory=round(t_warm / t_mem, 1),
            rules_first_ratio_neo4j_over_memory=round(t_cold / t_mem, 1),
            obligations_ratio_neo4j_over_memory=round(t_obl / t_mem_obl, 1),
            load_ratio_neo4j_over_memory_build=round(
                out["neo4j_load_s"] / (memory_row["memory_build_s"] * scale), 1
            ),
        )
    else:
        for k in (
            "memory_build_s",
            "memory_rules_s",
            "memory_obligations_s",
            "memory_rules_rows_per_s",
            "rules_ratio_neo4j_over_memory",
            "rules_first_ratio_neo4j_over_memory",
            "obligations_ratio_neo4j_over_memory",
            "load_ratio_neo4j_over_memory_build",
        ):
            out[k] = "-"
    out["neo4j_load_rows_per_s"] = round(rows / out["neo4j_load_s"])
    return out


# ---------------------------------------------------------------- table

_COLUMNS: list[tuple[str, Any]] = [
    ("组织/orgs", lambda r: r["orgs"]),
    ("节点/nodes", lambda r: r["nodes"]),
    ("关系/rels", lambda r: r["relationships"]),
    ("缺口/findings", lambda r: r["findings"]),
    ("相同/same", lambda r: "yes" if r["same_findings"] and r["same_graph_read_back"] else "no"),
    ("mem build s", lambda r: r["memory_build_s"]),
    ("mem rules s", lambda r: r["memory_rules_s"]),
    ("route", lambda r: r["route"]),
    ("neo load s", lambda r: r["neo4j_load_s"]),
    (
        "= export+import+start+index s",
        lambda r: (
            f"{r['neo4j_export_s']}+{r['neo4j_import_s']}+{r['neo4j_start_s']}+{r['neo4j_constraints_s']}"
            if r["route"] in ("bulk", "streamed")
            else "-"
        ),
    ),
    ("load rows/s", lambda r: r["neo4j_load_rows_per_s"]),
    ("import nodes/s", lambda r: r.get("neo4j_import_nodes_per_s", "-")),
    ("neo rules s 1st", lambda r: r["neo4j_rules_first_s"]),
    ("neo rules s warm", lambda r: r["neo4j_rules_s"]),
    ("rules rows/s mem", lambda r: r["memory_rules_rows_per_s"]),
    ("rules rows/s neo", lambda r: r["neo4j_rules_rows_per_s"]),
    ("load × (neo/mem)", lambda r: r["load_ratio_neo4j_over_memory_build"]),
    ("rules × 1st", lambda r: r["rules_first_ratio_neo4j_over_memory"]),
    ("rules × warm", lambda r: r["rules_ratio_neo4j_over_memory"]),
    ("obl s mem", lambda r: r["memory_obligations_s"]),
    ("obl s neo", lambda r: r["neo4j_obligations_s"]),
    ("obl ×", lambda r: r["obligations_ratio_neo4j_over_memory"]),
    ("slowest rule s", lambda r: f"{r['neo4j_slowest_rule']} {r['neo4j_rule_s'][r['neo4j_slowest_rule']]}"),
    ("read s", lambda r: r["neo4j_read_s"]),
]


def _print(rows: list[dict]) -> None:
    """Rows as one aligned table, a column per figure."""
    cells = [[name for name, _ in _COLUMNS]] + [[str(f(r)) for _, f in _COLUMNS] for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(_COLUMNS))]
    for c in cells:
        print(" | ".join(x.rjust(w) for x, w in zip(c, widths, strict=True)))
    sys.stdout.flush()


# ---------------------------------------------------------------- main


def _save(args: argparse.Namespace, rows: list[dict]) -> None:
    """Write the rows measured so far (after every size: a later size that fails keeps the others)."""
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = out.with_name(out.name + ".tmp")
    tmp_out.write_text(
        json.dumps(
            {
                "uri_started_for_run": not args.uri,
                "heap": args.heap,
                "pagecache": args.pagecache,
                "bulk_above": args.bulk_above,
                "cpus": os.cpu_count(),
                "rows": rows,
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    tmp_out.replace(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1k"), help="e.g. 1k,10k,100k")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--gap-rate", type=float, default=0.05)
    ap.add_argument("--batch-size", type=int, default=10000)
    ap.add_argument("--uri", default=os.environ.get("NEO4J_URI"), help="server of the transaction route")
    ap.add_argument(
        "--bulk-above",
        type=lambda s: parse_sizes(s)[0],
        default=50_000,
        help="sizes (organizations) above this load by export + neo4j-admin import (default 50k)",
    )
    ap.add_argument(
        "--stream-above",
        type=lambda s: parse_sizes(s)[0],
        default=300_000,
        help="sizes above this are built and exported a part at a time, without the in-memory graph "
        "(its figures are the largest in-memory size's, scaled; default 300k)",
    )
    ap.add_argument(
        "--part-orgs", type=lambda s: parse_sizes(s)[0], default=50_000, help="organizations per part"
    )
    ap.add_argument(
        "--heap",
        default=os.environ.get("NEO4J_HEAP", "6g"),
        help="heap of the servers started here (the transaction route holds the whole load in it)",
    )
    ap.add_argument(
        "--pagecache",
        default=os.environ.get("NEO4J_PAGECACHE", "1g"),
        help="page cache of the servers started here (the 100k store is ~0.7 GB)",
    )
    ap.add_argument("--import-heap", default="2g", help="heap of neo4j-admin import")
    ap.add_argument("-o", "--output", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    import neo4j

    sizes = parse_sizes(args.sizes)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="respchain-bench-neo4j-") as tmp:
        work = Path(tmp)
        tx_folder = work / "neo4j"  # the transaction-route server, when started here
        tx_driver = None
        try:
            for n in sizes:
                if n > args.stream_above:
                    if tx_driver is not None and not args.uri:
                        tx_driver.close()
                        tx_driver = None
                        _stop_server(tx_folder)
                    in_memory = [r for r in rows if r["route"] != "streamed"]
                    r = measure_streamed(
                        n,
                        seed=args.seed,
                        gap_rate=args.gap_rate,
                        workdir=work,
                        part_orgs=args.part_orgs,
                        heap=args.heap,
                        pagecache=args.pagecache,
                        import_heap=args.import_heap,
                        memory_row=in_memory[-1] if in_memory else None,
                    )
                    rows.append(r)
                    _print([r])
                    _save(args, rows)
                    continue
                bulk = n > args.bulk_above
                if bulk and tx_driver is not None and not args.uri:
                    # One server at a time: its heap is the bulk server's to use.
                    tx_driver.close()
                    tx_driver = None
                    _stop_server(tx_folder)
                if not bulk and tx_driver is None:
                    uri = args.uri or _start_server(tx_folder, args.heap, args.pagecache)
                    tx_driver = neo4j.GraphDatabase.driver(uri, auth=_auth() if args.uri else None)
                r = measure(
                    n,
                    seed=args.seed,
                    gap_rate=args.gap_rate,
                    batch_size=args.batch_size,
                    workdir=work,
                    driver=tx_driver,
                    bulk=bulk,
                    heap=args.heap,
                    pagecache=args.pagecache,
                    import_heap=args.import_heap,
                )
                rows.append(r)
                _print([r])
                _save(args, rows)
        finally:
            if tx_driver is not None:
                tx_driver.close()
            if not args.uri:
                _stop_server(tx_folder)
    print()
    _print(rows)
    _save(args, rows)
    return 0 if all(r["same_findings"] and r["same_graph_read_back"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
