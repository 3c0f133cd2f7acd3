"""The assess command: the year-end assessment of units against a rubric."""

from __future__ import annotations

import json
from pathlib import Path

import click

from respchain.commands._options import lang_option, output_option
from respchain.commands.gaps import load_obligation_set, obligations_option

__all__ = ["register"]

_SUFFIX = {".json": "json", ".xlsx": "xlsx", ".html": "html", ".htm": "html", ".txt": "table"}


def _assessment(files, rubric, obligations, lang, as_of, period, previous=None):
    from respchain.loaders import load_graph
    from respchain.progress import LOADING, RULES, stage
    from respchain.queries import find_gaps
    from respchain.queries.assess import assess
    from respchain.queries.engine import obligation_coverage

    with stage(LOADING):
        G = load_graph(list(files))
    with stage(RULES):
        findings = find_gaps(G, as_of=as_of, period=period, obligations=obligations)
        cov = obligation_coverage(G, obligations, as_of=as_of, period=period)
    with stage("评分 / scoring"):
        return assess(
            G, findings, rubric, obligations=obligations, previous=previous, lang=lang, coverage=cov
        )


@click.command("assess")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--rubric",
    "rubric_file",
    type=click.Path(path_type=Path),
    help="考核细则文件（默认：随附的示例细则）/ rubric file (default: the example rubric shipped)",
)
@click.option(
    "--previous",
    "previous",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="REGISTER",
    help="上年度登记册（可多次），给出较上年变化 / last year's register files: the change from last year",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "xlsx", "html"]),
    help="输出格式（默认 table，或按 -o 的后缀）/ output format (default table, or from -o's suffix)",
)
@output_option("输出文件 / output file")
@click.option("--as-of", "as_of", metavar="DATE", help="基准日 / reference date (default: meta.as_of)")
@click.option(
    "--period", type=click.IntRange(1900, 2999), metavar="YEAR", help="考核年度 / the year assessed"
)
@obligations_option
@lang_option("输出语言 / output language")
def assess_cmd(files, rubric_file, previous, fmt, output, as_of, period, obligation_files, lang) -> int:
    """年度考核评分 / Score each unit against a rubric: score, rank, section scores and 扣分点.

    \b
    退出码 / exit codes: 0 成功 / ok; 2 输入有误 / bad input.
    """
    from respchain._files import write_text_atomic
    from respchain.loaders.obligations import load_rubric
    from respchain.queries.assess import render_html, render_table, to_json, write_xlsx
    from respchain.queries.catalog import CATALOG

    obligations = load_obligation_set(obligation_files)
    ids = [*CATALOG, *(o.id for o in obligations)]
    if rubric_file is None:
        from importlib.resources import as_file
        from importlib.resources import files as pkg_files

        with as_file(pkg_files("respchain.queries").joinpath("rubric.yaml")) as p:
            rubric = load_rubric(p, rules=ids)
        click.echo(
            "使用示例考核细则 / using the EXAMPLE rubric (not an official one): give --rubric FILE", err=True
        )
    else:
        rubric = load_rubric(rubric_file, rules=ids)
    if fmt is None:
        fmt = _SUFFIX.get(output.suffix.lower(), "table") if output else "table"
    if fmt == "xlsx" and output is None:
        raise click.UsageError("xlsx 须用 -o 指定文件 / xlsx needs -o FILE")
    last = _assessment(previous, rubric, obligations, lang, None, None) if previous else None
    a = _assessment(files, rubric, obligations, lang, as_of, period, last)
    if fmt == "xlsx":
        write_xlsx(a, output, lang=lang)
    else:
        text = {
            "json": lambda: json.dumps(to_json(a), ensure_ascii=False, indent=2) + "\n",
            "html": lambda: render_html(a, lang),
            "table": lambda: render_table(a, lang),
        }[fmt]()
        if output is None:
            click.echo(text, nl=False)
            return 0
        write_text_atomic(output, text)
    click.echo(f"已写入 / wrote {output}", err=True)
    return 0


def register(group: click.Group) -> None:
    group.add_command(assess_cmd)
