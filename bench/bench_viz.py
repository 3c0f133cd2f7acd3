"""How long a big register's graph page takes to open in headless Chromium.

Builds a register of about ``--nodes`` graph nodes with :mod:`respchain.synth`,
writes its page (grouped, since it is far above the grouping threshold), opens
it in Debian's Chromium with the network blocked and prints the time until the
network has drawn (``afterDrawing``; for ``--layout force``, until it has
stabilized). Targets for 20,000 nodes: drawn under 5 s (chain), settled under
3 s (force).

    .venv/bin/python bench/bench_viz.py --nodes 20000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, console_errors, requests_made, screenshot  # noqa: E402


def _graph(target: int):
    from respchain.loaders import load_graph
    from respchain.loaders.register import register_from_data

    from respchain.synth import synth_register

    orgs = max(10, int(target / 8.5))
    while True:
        data, _ = synth_register(orgs, seed=1, gap_rate=0.02)
        G = load_graph(register_from_data([("synth.yaml", data, None)]))
        if G.number_of_nodes() >= target:
            return G, orgs
        orgs = int(orgs * target / G.number_of_nodes()) + 10


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=20000)
    ap.add_argument("--layout", choices=["chain", "force"], default="chain")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)

    from respchain.queries import find_gaps
    from respchain.viz import save_html, to_pyvis

    t0 = time.perf_counter()
    G, orgs = _graph(args.nodes)
    t1 = time.perf_counter()
    findings = find_gaps(G)
    t2 = time.perf_counter()
    net = to_pyvis(G, findings=findings, layout=args.layout)
    out = Path(tempfile.mkdtemp(prefix="rc-bench-")) / "graph.html"
    save_html(net, out)
    t3 = time.perf_counter()
    d = net.respchain_data
    print(
        f"register: {orgs} organizations -> {G.number_of_nodes()} graph nodes, {G.number_of_edges()} edges; "
        f"{len(findings)} findings"
    )
    print(f"drawn nodes {len(d['nodes'])}, grouped={d['grouped']}; page {out.stat().st_size / 1e6:.1f} MB")
    print(f"python: build {t1 - t0:.2f} s, gaps {t2 - t1:.2f} s, page {t3 - t2:.2f} s")

    from selenium.webdriver.support.ui import WebDriverWait

    times = []
    with chromium() as drv:
        for i in range(args.runs):
            drv.get("about:blank")
            requests_made(drv)  # drain the log
            start = time.perf_counter()
            drv.get(out.as_uri())
            WebDriverWait(drv, 60, poll_frequency=0.02).until(
                lambda x: x.execute_script("return !!(window.respchain && window.respchain.ready)")
            )
            wall = time.perf_counter() - start
            ready_at = drv.execute_script("return respchain.readyAt") / 1000
            shown = drv.execute_script("return [respchain.nodes.length, respchain.edges.length]")
            times.append(ready_at)
            print(
                f"run {i + 1}: ready {ready_at:.2f} s after navigation start (wall {wall:.2f} s); "
                f"visible {shown[0]} nodes, {shown[1]} edges"
            )
        bad = [u for u in requests_made(drv) if not (u.startswith("file://") or u.startswith("data:"))]
        errs = console_errors(drv)
        shot = screenshot(drv, f"bench-viz-{args.nodes}.png")
    best = min(times)
    target = 3 if args.layout == "force" else 5
    print(
        f"best {best:.2f} s (target < {target} s: {'ok' if best < target else 'MISSED'}); "
        f"requests off the page: {len(bad)}; console errors: {len(errs)}; screenshot {shot}"
    )
    return 0 if best < target and not bad and not errs else 1


if __name__ == "__main__":
    raise SystemExit(main())
