"""The demo: the example registers through every capability, outputs in one folder.

Each capability adds a step to :data:`DEMO_STEPS`: a function
``step(G, name, outdir) -> list[Path]`` called once per example register with
its graph, its short name (``seed``, ``demo-city``) and the folder to write in.
Steps that are about the whole project rather than one register go in
:data:`GLOBAL_STEPS` (``step(outdir) -> list[Path]``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from respchain._files import write_text_atomic
from respchain.graph import write_graph
from respchain.loaders import load_graph
from respchain.stats import graph_stats

__all__ = ["run_demo", "example_registers", "DEMO_STEPS", "GLOBAL_STEPS"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def example_registers() -> dict[str, Path]:
    """The example registers shipped with respchain: short name -> folder.

    They are the repository's ``data/`` folder, installed as the data package
    ``respchain.examples``.
    """
    import importlib.util

    spec = importlib.util.find_spec("respchain.examples")
    locations = list(spec.submodule_search_locations or []) if spec else []
    base = next((Path(p) for p in locations if Path(p).is_dir()), DATA_DIR)
    if not base.is_dir():
        return {}
    return {p.name: p for p in sorted(base.iterdir()) if p.is_dir() and any(p.glob("*.yaml"))}


def _build_step(G: nx.MultiDiGraph, name: str, outdir: Path) -> list[Path]:
    out = [write_graph(G, outdir / "graph.json"), write_graph(G, outdir / "graph.graphml")]
    out.append(write_text_atomic(outdir / "stats.json", json.dumps(graph_stats(G), ensure_ascii=False, indent=2)))
    return out


DEMO_STEPS: list[Callable[[nx.MultiDiGraph, str, Path], list[Path]]] = [_build_step]
GLOBAL_STEPS: list[Callable[[Path], list[Path]]] = []
DEMO_STEPS.append(__import__("respchain.queries.report", fromlist=["demo_step"]).demo_step)  # gaps.json/.md/.csv/.html
DEMO_STEPS.append(__import__("respchain.viz.demo", fromlist=["demo_step"]).demo_step)  # graph.html, report.html
DEMO_STEPS.append(__import__("respchain.graph.rdf", fromlist=["demo_step"]).demo_step)  # graph.ttl
DEMO_STEPS.append(__import__("respchain.loaders.ledger", fromlist=["demo_step"]).demo_step)  # ledger-*.xlsx
GLOBAL_STEPS.append(__import__("respchain.teach.demo", fromlist=["demo_step"]).demo_step)  # lesson.html, exercise/
GLOBAL_STEPS.append(__import__("respchain.loaders.text.demo", fromlist=["demo_step"]).demo_step)  # extract/draft.yaml


def run_demo(outdir: str | Path = "out") -> list[Path]:
    """Run every demo step on every example register; return the files written."""
    outdir = Path(outdir)
    written: list[Path] = []
    for name, folder in example_registers().items():
        G = load_graph(folder)
        sub = outdir / name
        sub.mkdir(parents=True, exist_ok=True)
        for step in DEMO_STEPS:
            written.extend(step(G, name, sub))
    for gstep in GLOBAL_STEPS:
        written.extend(gstep(outdir))
    return written
