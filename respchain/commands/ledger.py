"""Ledger commands: ``respchain ledger import | problems | export | template``."""

from __future__ import annotations

from pathlib import Path

import click

from respchain.commands._options import FILES, as_of_option, lang_option, output_option
from respchain.graph.schema import Lang

__all__ = ["register", "ledger"]

_LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".tsv", ".txt")


def _split_paths(paths: tuple[Path, ...], registers: tuple[Path, ...]) -> tuple[Path | None, list[Path]]:
    """The ledger among the positional paths, and the register files (``--register a b`` leaves ``b``
    positional: every path that is not a ledger is a register file)."""
    ledgers = [p for p in paths if p.suffix.lower() in _LEDGER_SUFFIXES]
    rest = [p for p in paths if p.suffix.lower() not in _LEDGER_SUFFIXES]
    if len(ledgers) > 1:
        raise click.UsageError(
            "一次只能导入一个台账 / import one ledger at a time: " + ", ".join(map(str, ledgers))
        )
    return (ledgers[0] if ledgers else None), [*registers, *rest]


def _registers_option(help: str):
    """``-r/--register FILE`` (repeatable), passed as ``registers``."""
    return click.option(
        "--register", "-r", "registers", multiple=True, type=click.Path(path_type=Path), help=help
    )


@click.group("ledger")
def ledger() -> None:
    """台账（Excel/CSV）导入、导出与模板 / Ledgers (Excel, CSV) in and out."""


@ledger.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_registers_option("登记册文件（可多个）/ register files the ledger names people and units of")
@click.option(
    "--owner", required=True, help="清单责任主体（单位 id 或名称）/ the organization owning the list"
)
@click.option(
    "--kind", required=True, type=click.Choice(["main", "supervisory", "other"]), help="清单类型 / list kind"
)
@click.option("--name", default=None, help="清单名称（默认取表格标题）/ list name (default: the title row)")
@click.option("--year", type=int, default=None, help="年度 / year")
@click.option(
    "--source", default=None, help="清单来源（登记册 sources 中的 id）/ source id the list comes from"
)
@click.option("--id", "list_id", default=None, help="清单 id（默认 <owner>-<kind>-<year>）/ list id")
@click.option(
    "--update",
    is_flag=True,
    help="台账重新填报后更新登记册中的同一清单，并列出改动 / a refilled ledger updates the list it came from, "
    "showing what changed",
)
@output_option("输出 YAML 文件 / output file", required=True)
def import_cmd(
    paths: tuple[Path, ...],
    registers: tuple[Path, ...],
    owner: str,
    kind: str,
    name: str | None,
    year: int | None,
    list_id: str | None,
    source: str | None,
    update: bool,
    output: Path,
) -> int:
    """导入台账为登记册清单 / Import a ledger (.xlsx, .csv) as a list of the register format.

    \b
    respchain ledger import 台账.xlsx --register city.yaml --owner civil-group --kind main -o list.yaml

    Every bad row is reported (sheet, row, column, closest names); nothing is
    written unless the whole ledger is good.
    """
    from respchain.loaders.ledger import read_ledger, write_list

    ledger_path, reg_files = _split_paths(paths, registers)
    if ledger_path is None:
        raise click.UsageError("缺少台账文件（.xlsx/.csv）/ no ledger file given (.xlsx, .csv)")
    if not reg_files:
        raise click.UsageError("缺少 --register 登记册文件 / --register files are required")
    notes: list[str] = []
    rec = read_ledger(
        ledger_path,
        reg_files,
        owner=owner,
        kind=kind,
        name=name,
        year=year,
        list_id=list_id,
        source=source,
        notes=notes,
        update=update,
    )
    for n in notes:
        click.echo(f"  注意 / note: {n}", err=True)
    if "_previous" in rec:
        from respchain.loaders.ledger import list_changes

        changes = list_changes(rec["_previous"], rec)
        click.echo(f"更新清单 / updating list {rec['id']}: {len(changes)} 处改动 / changes")
        for c in changes:
            click.echo(f"  {c}")
    came_from = rec.get("_from_file")
    if came_from and Path(came_from).resolve() == output.resolve():
        from respchain.loaders.ledger import replace_list_in_file

        replace_list_in_file(rec, output)  # the list's own file keeps its other records
    else:
        write_list(rec, output)
    done = sum(1 for t in rec["tasks"] if t.get("status") == "done")
    click.echo(
        f"已写入 / wrote {output}: 清单 / list {rec['id']} 「{rec['name']}」, {len(rec['tasks'])} 项任务 / "
        f"tasks ({done} 已完成 / done)"
    )
    return 0


@ledger.command("problems")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_registers_option("登记册文件（可多个）/ register files the ledger names people and units of")
@click.option(
    "--org",
    default=None,
    help="整改单位（id 或名称；台账有“被巡察单位”列时可省）/ the unit to rectify (id or name)",
)
@click.option(
    "--origin",
    default=None,
    help="问题来源：巡视、巡察、监督检查、审计、信访举报（默认取台账标题）/ where the problems were "
    "found: inspection, patrol, supervision, audit, petition, other (default: the title's words)",
)
@click.option("--found", default=None, help="反馈日期 / the date the problems were fed back (found)")
@click.option(
    "--prefix", default=None, help="问题 id 前缀（默认 pb-<单位>）/ problem id prefix (default pb-<unit>)"
)
@click.option(
    "--source", default=None, help="来源（登记册 sources 中的 id）/ source id the problems come from"
)
@output_option("输出 YAML 文件 / output file", required=True)
def problems_cmd(
    paths: tuple[Path, ...],
    registers: tuple[Path, ...],
    org: str | None,
    origin: str | None,
    found: str | None,
    prefix: str | None,
    source: str | None,
    output: Path,
) -> int:
    """导入整改台账为问题及整改措施 / Import a rectification ledger (整改台账) as problems and measures.

    \b
    respchain ledger problems 巡察整改台账.xlsx -r city.yaml --org edu-group --found 2025-04-15 -o problems.yaml

    One row per measure, the problem merged down over its measures (or left blank
    below the first); every bad row is reported (sheet, cell, column, closest
    names) and nothing is written unless the whole ledger is good. When the output
    file is also one of the register files, it is replaced: a refilled ledger is
    imported again over its earlier import.
    """
    from respchain.loaders.ledger import read_rectification_ledger, write_problems

    ledger_path, reg_files = _split_paths(paths, registers)
    if ledger_path is None:
        raise click.UsageError("缺少整改台账文件（.xlsx/.csv）/ no ledger file given (.xlsx, .csv)")
    replacing = [p for p in reg_files if p.exists() and output.exists() and p.resolve() == output.resolve()]
    reg_files = [p for p in reg_files if p not in replacing]
    if not reg_files:
        raise click.UsageError("缺少 --register 登记册文件 / --register files are required")
    notes: list[str] = []
    result = read_rectification_ledger(
        ledger_path, reg_files, org=org, origin=origin, found=found, prefix=prefix, source=source, notes=notes
    )
    for n in notes:
        click.echo(f"  注意 / note: {n}", err=True)
    write_problems(result, output)
    problems = result["problems"]
    measures = [m for p in problems for m in p.get("measures") or ()]
    done = sum(1 for m in measures if m.get("status") == "done")
    closed = sum(1 for p in problems if p.get("closed_on"))
    verb = "已替换 / replaced" if replacing else "已写入 / wrote"
    click.echo(
        f"{verb} {output}: {len(problems)} 个问题 / problems（{closed} 已销号 / closed）, {len(measures)} 项整改措施 / "
        f"measures（{done} 已完成 / done）, {len(result['evidence'])} 份新佐证材料 / new evidence records"
    )
    return 0


@ledger.command("export")
@FILES
@click.option("--list", "list_id", required=True, help="清单 id / the list to export")
@as_of_option("判断逾期的日期（默认取登记册）/ date for overdue tasks (default: the register's)")
@click.option(
    "--within",
    default=30,
    show_default=True,
    type=click.IntRange(0, 3660),
    help="几天内到期为黄色 / days ahead that count as due soon (黄)",
)
@output_option("输出 .xlsx / output file", required=True)
@lang_option("取值语言（状态、责任类型、缺口）/ language of the values (status, duty, gaps)")
@click.option(
    "--like",
    type=click.Path(path_type=Path),
    default=None,
    help="按原台账的版式写回（表头、标题、合并单元格、填报行不变）/ write into a copy of the ledger the list was "
    "imported from, keeping its headers and layout",
)
def export_cmd(
    files: tuple[Path, ...],
    list_id: str,
    as_of: str | None,
    within: int,
    output: Path,
    lang: Lang,
    like: Path | None,
) -> int:
    """导出清单为台账（含缺口列、期限红黄绿）/ Export a list as an Excel ledger, with its gaps and
    deadline states (红 overdue, 黄 due soon or done late, 绿 on time) marked.

    With --like 原台账.xlsx the ledger the office keeps is written back in its own
    form: only the cells the register changed are rewritten, new tasks are added
    below the last one in its style, and a 缺口 column is added when there are gaps.
    """
    from respchain.loaders import load_graph
    from respchain.loaders.ledger import LEDGER_RULES, write_ledger
    from respchain.progress import LOADING, RULES, stage
    from respchain.queries import find_gaps
    from respchain.queries.due import STATE_INFO, due_items

    with stage(LOADING):
        G = load_graph(list(files))
    with stage(RULES):
        findings = find_gaps(G, rules=list(LEDGER_RULES), as_of=as_of) if list_id in G else []
    deadlines = {}
    for item in due_items(G, as_of=as_of, within=within) if list_id in G else ():
        info = STATE_INFO[item.state]
        label = (
            f"{info['zh']} {info['label_zh']}" if lang == "zh" else f"{info['colour']}: {info['label_en']}"
        )
        deadlines[item.id] = (label, info["rgb"])
    notes: list[str] = []
    if like is not None:
        from respchain.loaders.ledger import write_ledger_like

        write_ledger_like(
            G, list_id, like, output, findings=findings, lang=lang, deadlines=deadlines, notes=notes
        )
    else:
        write_ledger(G, list_id, output, findings=findings, lang=lang, deadlines=deadlines)
    for note in notes:
        click.echo(f"  注意 / note: {note}", err=True)
    n = sum(1 for _, _, d in G.out_edges(list_id, data=True) if d.get("type") == "HAS_TASK")
    click.echo(
        f"已写入 / wrote {output}: {n} 项任务 / tasks" + (f"（按 / in the layout of {like}）" if like else "")
    )
    return 0


@ledger.command("template")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@_registers_option("登记册文件：下拉列表取其单位和人员 / register files for the drop-down lists")
@click.option(
    "--rows",
    default=500,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="带校验的行数 / rows with validation",
)
@output_option("输出 .xlsx / output file", required=True)
def template_cmd(files: tuple[Path, ...], registers: tuple[Path, ...], rows: int, output: Path) -> int:
    """空白台账模板（下拉列表、日期校验）/ A blank ledger with drop-down lists and date validation."""
    from respchain.loaders.ledger import write_template

    reg_files = [*registers, *files]
    write_template(output, reg_files or None, rows=rows)
    click.echo(f"已写入 / wrote {output}")
    return 0


def register(group: click.Group) -> None:
    group.add_command(ledger)
