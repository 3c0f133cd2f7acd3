"""Core commands: validate, build, stats, demo."""

from __future__ import annotations

import json
from pathlib import Path

import click

from respchain.commands._options import FILES, format_option, lang_option, output_option
from respchain.graph.schema import Lang

__all__ = ["register"]


@click.command("validate")
@FILES
def validate_cmd(files: tuple[Path, ...]) -> int:
    """校验登记册，列出全部问题 / Validate registers and list every problem.

    Exit 0 when valid, 2 when not.
    """
    from respchain.loaders import load_register

    reg = load_register(files)
    n = sum(
        len(getattr(reg, s))
        for s in (
            "organizations",
            "people",
            "responsibilities",
            "lists",
            "events",
            "mechanisms",
            "facts",
            "sources",
        )
    )
    click.echo(
        f"有效 / valid: {len(reg.files)} 个文件 / file(s), {n} 条记录 / records, "
        f"{sum(1 for _ in reg.tasks())} 项任务 / tasks"
    )
    return 0


@click.command("build")
@FILES
@output_option("输出文件 .json（node-link）或 .graphml / output file", required=True)
def build_cmd(files: tuple[Path, ...], output: Path) -> int:
    """构建图并保存 / Build the graph and save it as node-link JSON or GraphML."""
    from respchain.graph import write_graph
    from respchain.loaders import load_graph

    G = load_graph(list(files))
    write_graph(G, output)
    click.echo(
        f"已写入 / wrote {output}: {G.number_of_nodes()} 个节点 / nodes, {G.number_of_edges()} 条边 / edges"
    )
    return 0


@click.command("stats")
@FILES
@format_option("table", "json")
@click.option(
    "--top", default=15, show_default=True, help="列出人数最多的组织数 / organizations listed by headcount"
)
@lang_option("标签语言 / label language")
def stats_cmd(files: tuple[Path, ...], fmt: str, top: int, lang: Lang) -> int:
    """统计图中内容 / Count what the graph holds: kinds, responsibility types, people per organization."""
    from respchain.loaders import load_graph
    from respchain.stats import graph_stats

    G = load_graph(list(files))
    st = graph_stats(G)
    if fmt == "json":
        click.echo(json.dumps(st, ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    con = Console()
    con.print(f"[bold]{st['title'] or '登记册 / register'}[/]  as_of {st['as_of']}  period {st['period']}")
    con.print(f"节点 / nodes: {st['nodes']}   边 / edges: {st['edges']}")

    def table(title: str, rows: dict, label=lambda k: k) -> None:
        t = Table(title=title)
        t.add_column("项 / item")
        t.add_column("数量 / count", justify="right")
        for k, v in rows.items():
            t.add_row(label(k), str(v))
        con.print(t)

    from respchain.graph.schema import vocab_label

    def lab(vocab: str):
        return lambda k: vocab_label(k, lang, vocab)

    table("按节点类型 / by node kind", st["by_kind"], lab("node_kind"))
    table("按组织类型 / by organization kind", st["by_org_kind"], lab("org_kind"))
    table(
        "按责任类型（声明的责任与清单）/ by responsibility type (declared)",
        st["by_responsibility_type"],
        lab("responsibility_type"),
    )
    if st["events_by_kind"]:
        table("按事件类型 / events by kind", st["events_by_kind"], lab("event_kind"))
    G_names = {k: G.nodes[k].get("name", k) for k in list(st["people_per_org"])[:top]}
    table(
        f"各组织人数（前 {top}）/ people per organization (top {top})",
        dict(list(st["people_per_org"].items())[:top]),
        lambda k: f"{G_names[k]} ({k})",
    )
    return 0


@click.command("demo")
@click.option(
    "-o",
    "--output",
    "outdir",
    default="out",
    show_default=True,
    type=click.Path(path_type=Path),
    help="输出目录 / output folder",
)
def demo_cmd(outdir: Path) -> int:
    """运行示例：加载示例登记册并写出全部产出 / Run the demo on the example registers and write all outputs."""
    from respchain.demo import run_demo

    written = run_demo(outdir)
    for p in written:
        click.echo(f"  {p}")
    click.echo(f"示例产出已写入 / demo outputs written to {outdir}/ ({len(written)} files)")
    return 0


def register(group: click.Group) -> None:
    for cmd in (validate_cmd, build_cmd, stats_cmd, demo_cmd):
        group.add_command(cmd)
