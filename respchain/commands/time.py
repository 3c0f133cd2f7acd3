"""Commands of duties performed over time: due (deadlines 红黄绿), evidence verify."""

from __future__ import annotations

import json

import click

from respchain.commands._options import FILES, as_of_option, lang_option, output_option

__all__ = ["register"]

_OUT_SUFFIXES = (".xlsx", ".ics", ".json", ".txt")


@click.command("due")
@FILES
@click.option(
    "--within",
    type=click.IntRange(0, 3660),
    default=30,
    show_default=True,
    metavar="DAYS",
    help="多少天内到期标黄 / days ahead that count as due soon (黄)",
)
@click.option(
    "--by",
    type=click.Choice(["unit", "person"]),
    default="unit",
    show_default=True,
    help="按牵头单位或责任人分组 / group by lead unit or by responsible person",
)
@as_of_option()
@output_option("输出 .xlsx（每单位一页）、.ics（日历）、.json 或 .txt / output file (by its suffix)")
@lang_option("输出语言 / language")
@click.option(
    "--fail-on-overdue", is_flag=True, help="存在逾期事项时退出码为 1 / exit 1 when anything is overdue"
)
def due_cmd(files, within, by, as_of, output, lang, fail_on_overdue) -> int:
    """到期事项：逾期（红）、即将到期（黄）、按期（绿）/ Deadlines: overdue (red), due soon
    (yellow), on time (green), per unit or per responsible leader.

    Tasks, rectification measures and problems with a due date. With -o, an
    Excel workbook (one sheet per unit or person), an iCalendar file (one
    entry per open deadline) or JSON, by the file's suffix.
    """

    from respchain.loaders import load_graph
    from respchain.queries.due import due_items
    from respchain.viz.due import render_due_table, write_due_ics, write_due_xlsx

    suffix = output.suffix.lower() if output else None
    if output is not None and suffix not in _OUT_SUFFIXES:
        raise click.BadParameter(
            f"不支持的输出类型 / unsupported output type {output.suffix!r} (use {', '.join(_OUT_SUFFIXES)})"
        )
    from respchain.progress import LOADING, stage

    with stage(LOADING):
        G = load_graph(list(files))
    day = as_of or str(G.graph["as_of"])
    items = due_items(G, as_of=day, within=within)
    if suffix == ".xlsx":
        write_due_xlsx(items, output, by=by, lang=lang, as_of=day)
    elif suffix == ".ics":
        write_due_ics(items, output, lang=lang, as_of=day)
    elif suffix == ".json":
        from respchain._files import write_text_atomic

        data = {"as_of": day, "within": within, "items": [i.to_dict() for i in items]}
        write_text_atomic(output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        text = render_due_table(items, by=by, lang=lang, as_of=day)
        if output is None:
            click.echo(text, nl=False)
        else:
            from respchain._files import write_text_atomic

            write_text_atomic(output, text)
    if output is not None:
        click.echo(f"已写入 / wrote {output}", err=True)
    return 1 if fail_on_overdue and any(i.state == "overdue" for i in items) else 0


@click.group("evidence")
def evidence_group() -> None:
    """佐证材料 / Evidence records (纪实)."""


@evidence_group.command("verify")
@FILES
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def verify_cmd(files, fmt) -> int:
    """核对佐证材料文件：是否存在、是否被改动 / Check that every evidence file exists and
    still has its recorded SHA-256.

    Exit 0 when every file is there unchanged, 1 when one is missing or changed,
    2 on a bad register.
    """
    from respchain.loaders.evidence import STATUS_TEXT, verify_evidence

    checks = verify_evidence(list(files))
    bad = [c for c in checks if c.failed]
    if fmt == "json":
        click.echo(
            json.dumps(
                {"checks": [c.to_dict() for c in checks], "failed": len(bad)}, ensure_ascii=False, indent=2
            )
        )
    else:
        for c in checks:
            zh, en = STATUS_TEXT[c.status]
            where = c.path or "-"
            line = (
                f"{'✗' if c.failed else '✓'} {c.id} {zh} / {en}: {where} ({c.title}; {c.register}:{c.line})"
            )
            if c.status == "changed":
                line += f"\n    登记摘要 / recorded {c.expected}\n    现在摘要 / now      {c.actual}"
            click.echo(_safe(line))
        click.echo(
            f"共 {len(checks)} 份材料，{len(bad)} 份缺失或改动 / {len(checks)} record(s), {len(bad)} missing or changed"
        )
    return 1 if bad else 0


def _safe(text: str) -> str:
    """Each line of ``text`` without control characters (no terminal escapes from the register)."""
    from respchain.viz.due import plain_text

    return "\n".join(plain_text(x) for x in text.split("\n"))


def register(group: click.Group) -> None:
    """Add due and evidence to ``group``."""
    group.add_command(due_cmd)
    group.add_command(evidence_group)
