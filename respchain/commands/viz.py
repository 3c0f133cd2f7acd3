"""The ``viz`` command: the graph as one offline HTML page."""

from __future__ import annotations

from pathlib import Path

import click

from respchain._files import all_or_none
from respchain.commands._options import FILES, lang_option, output_option
from respchain.graph.schema import Lang
from respchain.progress import LOADING, RULES, stage

__all__ = ["register"]


@click.command("viz")
@FILES
@output_option("输出 .html 文件 / output .html file", required=True)
@click.option(
    "--layout",
    type=click.Choice(["chain", "force"]),
    default="chain",
    show_default=True,
    help="chain：自上而下的责任链；force：力导向 / top-down chain or force layout",
)
@lang_option()
@click.option("--focus", default=None, help="只画此节点周围 / draw only the neighbourhood of this id")
@click.option(
    "--depth",
    default=2,
    show_default=True,
    type=click.IntRange(0),
    help="--focus 的步数 / steps from --focus",
)
@click.option("--no-gaps", is_flag=True, help="不检查缺口 / do not look for gaps")
@click.option(
    "--report",
    type=click.Path(path_type=Path),
    default=None,
    help="同时写出缺口报告页 / also write the gap report page here",
)
def viz_cmd(
    files: tuple[Path, ...],
    output: Path,
    layout: str,
    lang: Lang,
    focus: str | None,
    depth: int,
    no_gaps: bool,
    report: Path | None,
) -> int:
    """生成可离线打开的交互式图页面 / Write the graph as one interactive HTML page that works offline."""
    import os

    from respchain.loaders import load_graph
    from respchain.viz import save_html, to_pyvis

    with stage(LOADING):
        G = load_graph(list(files))
    findings = None
    if not no_gaps:
        from respchain.queries import find_gaps

        with stage(RULES):
            findings = find_gaps(G)
    with stage("生成页面 / writing the page"), all_or_none():  # the page and the report, both or neither
        net = to_pyvis(G, findings=findings, layout=layout, lang=lang, focus=focus, depth=depth)
        save_html(net, output)
        if report is not None:
            from respchain.viz import save_report_html

            href = os.path.relpath(output.resolve(), report.resolve().parent).replace(os.sep, "/")
            save_report_html(findings or [], G, report, lang=lang, graph_href=href)
    n_gaps = "-" if findings is None else str(len(findings))
    click.echo(
        f"已写入 / wrote {output}: {len(net.nodes)} 个节点 / nodes, {len(net.edges)} 条边 / edges, "
        f"{n_gaps} 个缺口 / gaps"
    )
    if report is not None:
        click.echo(f"已写入 / wrote {report}")
    return 0


def register(group: click.Group) -> None:
    group.add_command(viz_cmd)
