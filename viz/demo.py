"""The demo step of the viz package: the graph page and the gap report page of one register."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

__all__ = ["demo_step"]


def demo_step(G: nx.MultiDiGraph, name: str, outdir: Path) -> list[Path]:
    """Write ``graph.html`` and ``report.html`` (linked to each other) for one example register."""
    from respchain.queries import find_gaps
    from respchain.viz.network import save_html, to_pyvis
    from respchain.viz.report import save_report_html

    findings = find_gaps(G)
    outdir = Path(outdir)
    return [
        save_html(to_pyvis(G, findings=findings), outdir / "graph.html"),
        save_report_html(findings, G, outdir / "report.html", graph_href="graph.html"),
    ]
