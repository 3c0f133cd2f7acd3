"""The demo: the example registers through every capability, outputs in one folder.

The demo composes the public functions of every layer. Each capability adds a
step to :data:`DEMO_STEPS`: a function ``step(G, name, outdir, findings) ->
list[Path]`` called once per example register with its graph, its short name
(``seed``, ``demo-city``), the folder to write in and the register's findings.
Steps that are about the whole project rather than one register go in
:data:`GLOBAL_STEPS` (``step(outdir) -> list[Path]``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from respchain._files import example_registers, write_text_atomic
from respchain.graph import write_graph
from respchain.graph.rdf import write_rdf
from respchain.graph.schema import NodeKind, RelType
from respchain.loaders import load_graph
from respchain.loaders.ledger import write_ledger, write_template
from respchain.loaders.register import register_from_data
from respchain.loaders.text import draft_from_articles, read_article
from respchain.loaders.writer import write_draft
from respchain.progress import track
from respchain.queries import Finding, find_gaps, scores
from respchain.queries.engine import obligation_coverage
from respchain.queries.obligations import default_obligations
from respchain.queries.report import render_csv, render_json, render_markdown, write_report
from respchain.stats import graph_stats
from respchain.teach.exercise import new_exercise
from respchain.teach.lesson import save_lesson
from respchain.viz import save_html, save_report_html, to_pyvis

__all__ = ["run_demo", "example_registers", "DEMO_STEPS", "GLOBAL_STEPS", "DEMO_LEVEL", "DEMO_SEED"]


def build_step(G: nx.MultiDiGraph, name: str, outdir: Path, findings: list[Finding]) -> list[Path]:
    """``graph.json``, ``graph.graphml`` and ``stats.json``."""
    out = [write_graph(G, outdir / "graph.json"), write_graph(G, outdir / "graph.graphml")]
    out.append(
        write_text_atomic(outdir / "stats.json", json.dumps(graph_stats(G), ensure_ascii=False, indent=2))
    )
    return out


def report_step(G: nx.MultiDiGraph, name: str, outdir: Path, findings: list[Finding]) -> list[Path]:
    """``gaps.json``, ``gaps.md`` (both with the obligations' coverage) and ``gaps.csv`` (the HTML
    report is the viz step's ``report.html``)."""
    sc = scores(G, findings)
    cov = obligation_coverage(G, default_obligations())
    return [
        write_report(render_json(findings, G, score_rows=sc, coverage=cov), outdir / "gaps.json"),
        write_report(render_markdown(findings, G, score_rows=sc, coverage=cov), outdir / "gaps.md"),
        write_report(render_csv(findings, G, score_rows=sc), outdir / "gaps.csv"),
    ]


def viz_step(G: nx.MultiDiGraph, name: str, outdir: Path, findings: list[Finding]) -> list[Path]:
    """``graph.html`` and ``report.html``, linked to each other."""
    return [
        save_html(to_pyvis(G, findings=findings), outdir / "graph.html"),
        save_report_html(
            findings,
            G,
            outdir / "report.html",
            graph_href="graph.html",
            coverage=obligation_coverage(G, default_obligations()),
        ),
    ]


def rdf_step(G: nx.MultiDiGraph, name: str, outdir: Path, findings: list[Finding]) -> list[Path]:
    """``graph.ttl``."""
    return [write_rdf(G, outdir / "graph.ttl")]


def ledger_step(G: nx.MultiDiGraph, name: str, outdir: Path, findings: list[Finding]) -> list[Path]:
    """Every list with tasks as a ledger, and a blank template with its drop-downs."""
    out = []
    for lid, a in G.nodes(data=True):
        if a.get("kind") == NodeKind.LIST.value and any(
            d.get("type") == RelType.HAS_TASK.value for _, _, d in G.out_edges(lid, data=True)
        ):
            path = outdir / f"ledger-{_SPACE_RE.sub('_', lid)}.xlsx"
            out.append(write_ledger(G, lid, path, findings=findings))
    out.append(write_template(outdir / "ledger-template.xlsx", G))
    return out


_SPACE_RE = re.compile(r"\s+")
DEMO_LEVEL = 2
DEMO_SEED = "demo"


def teach_step(outdir: Path) -> list[Path]:
    """``lesson.html`` and a level-2 exercise in ``exercise/``."""
    return [
        save_lesson(outdir / "lesson.html", "zh"),
        *new_exercise(DEMO_LEVEL, DEMO_SEED, outdir / "exercise"),
    ]


def extract_step(outdir: Path, seeds_dir: Path | None = None) -> list[Path]:
    """``extract/draft.yaml`` (and the normalized texts) from the seed articles.

    The articles are the ``.txt`` and ``.html`` files of ``seeds_dir`` (by default
    the shipped ``seed`` example); no file is written, quietly, when it holds none.
    """
    seeds = Path(seeds_dir) if seeds_dir is not None else example_registers().get("seed")
    articles = (
        sorted(p for p in seeds.glob("*") if p.suffix.lower() in (".txt", ".html", ".htm"))
        if seeds is not None and seeds.is_dir()
        else []
    )
    if not articles:
        return []
    read = [read_article(p) for p in articles]
    draft = draft_from_articles(read)
    register_from_data([("draft.yaml", json.loads(json.dumps(draft, ensure_ascii=False)), None)])
    sub = Path(outdir) / "extract"
    out = [write_draft(draft, sub / "draft.yaml")]
    for art, src in zip(read, draft["sources"], strict=True):
        out.append(write_text_atomic(sub / "text" / f"{src['id']}.txt", art.text))
    return out


DemoStep = Callable[[nx.MultiDiGraph, str, Path, list[Finding]], list[Path]]
DEMO_STEPS: list[DemoStep] = [build_step, report_step, viz_step, rdf_step, ledger_step]
GLOBAL_STEPS: list[Callable[[Path], list[Path]]] = [teach_step, extract_step]


def run_demo(outdir: str | Path = "out") -> list[Path]:
    """Run every demo step on every example register; return the files written."""
    outdir = Path(outdir)
    written: list[Path] = []
    examples = example_registers()
    for name, folder in track(list(examples.items()), "示例 / example registers"):
        G = load_graph(folder)
        findings = find_gaps(G, obligations=default_obligations())  # as `respchain gaps` does
        sub = outdir / name
        sub.mkdir(parents=True, exist_ok=True)
        for step in DEMO_STEPS:
            written.extend(step(G, name, sub, findings))
    for gstep in GLOBAL_STEPS:
        written.extend(gstep(outdir))
    return written
