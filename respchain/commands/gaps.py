"""Gap commands: gaps, explain, diff, whatif."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from respchain.commands._options import (
    FILES,
    as_of_option,
    format_option,
    lang_option,
    neo4j_connection_options,
    output_option,
)
from respchain.graph.schema import Lang
from respchain.progress import LOADING, RULES, stage

if TYPE_CHECKING:
    from respchain.queries import Finding

__all__ = ["register"]

_SEVERITIES = ["high", "medium", "low", "info"]
_SUFFIX_FORMAT = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".txt": "table",
    ".xlsx": "xlsx",
}


def _common(f):
    f = as_of_option()(f)
    f = click.option(
        "--period",
        type=click.IntRange(1900, 2999),
        metavar="YEAR",
        help="考察年度 / the year coverage rules look at (default: meta.period)",
    )(f)
    f = click.option(
        "--rules",
        multiple=True,
        metavar="IDS",
        help="只运行这些规则或类别（逗号分隔）/ only these rule ids or families",
    )(f)
    f = click.option(
        "--skip", multiple=True, metavar="IDS", help="跳过这些规则或类别 / skip these rule ids or families"
    )(f)
    f = click.option(
        "--fail-on",
        "fail_on",
        type=click.Choice(_SEVERITIES),
        help="存在该级别或更高的缺口时退出码为 1 / exit 1 on a finding at or above this severity",
    )(f)
    f = lang_option("消息语言 / message language")(f)
    return f


def _fails(findings, fail_on: str | None) -> bool:
    if not fail_on:
        return False
    from respchain.queries.finding import SEVERITY_ORDER

    limit = SEVERITY_ORDER[fail_on]
    return any(SEVERITY_ORDER[f.severity] <= limit for f in findings)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    from respchain.queries.report import write_report

    write_report(text, output)
    click.echo(f"已写入 / wrote {output}", err=True)


def _emit_result(
    result: Any, fmt: str, render: Callable[[Any, Lang], str], lang: Lang, output: Path | None
) -> None:
    """Emit a diff or what-if ``result``: its ``to_dict()`` as JSON, or ``render(result, lang)``."""
    text = (
        json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
        if fmt == "json"
        else render(result, lang)
    )
    _emit(text, output)


def obligations_option(f):
    """``--obligations FILE...``: obligation files added to the defaults; ``none`` drops the defaults."""
    return click.option(
        "--obligations",
        "obligation_files",
        multiple=True,
        metavar="FILE|none",
        help="义务文件（可多次，加到默认义务之上）；none 不用默认义务 / obligation files added to the "
        "default obligations (repeatable); 'none' drops the defaults",
    )(f)


def load_obligation_set(values: tuple[str, ...] | list[str]) -> list:
    """The obligations to check: the defaults (unless ``none`` is given) and those of the files."""
    from respchain.loaders.obligations import load_obligations
    from respchain.queries.catalog import CATALOG
    from respchain.queries.obligations import default_obligations, obligations_from_data

    keep_defaults = not any(v.strip().lower() == "none" for v in values)
    paths = [v for v in values if v.strip().lower() != "none"]
    base = default_obligations() if keep_defaults else []
    taken = [*CATALOG, *(o.id for o in base)]
    return base + obligations_from_data(load_obligations(paths, taken=taken)) if paths else base


def _check_neo4j_options(backend: str, files, push: bool, uri, user, database) -> None:
    """Refuse option combinations that would do something else than asked (exit 2)."""
    given = [n for n, v in (("--uri", uri), ("--user", user), ("--database", database)) if v]
    if backend != "neo4j":
        if push:
            given.insert(0, "--push")
        if given:
            raise click.UsageError(
                f"{', '.join(given)} 只用于 --backend neo4j / only go with --backend neo4j"
            )
        return
    if files and not push:
        raise click.UsageError(
            "--backend neo4j 检查数据库中已有的图；要先用 FILES 替换数据库的全部内容，加 --push "
            "/ --backend neo4j checks the graph already in the database; to replace the whole "
            "database content with FILES first, add --push (or drop FILES)"
        )
    if push and not files:
        raise click.UsageError("--push 需要登记册文件 / --push needs register FILES")


@click.command("gaps")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown", "csv", "html", "xlsx"]),
    help="输出格式（默认 table，或按 -o 的后缀：.csv .xlsx .md .json .html）/ output format "
    "(default table, or from -o's suffix: .csv .xlsx .md .json .html)",
)
@output_option("输出文件 / output file")
@_common
@click.option(
    "--backend",
    default="memory",
    show_default=True,
    help="后端 / backend (memory, neo4j, shacl); neo4j 默认检查数据库中已有的图 / neo4j checks the "
    "graph already in the database",
)
@click.option(
    "--push",
    is_flag=True,
    help="（neo4j）先用 FILES 替换整个数据库的内容，再检查 / (neo4j) first replace the whole "
    "database content with FILES' graph, then check it",
)
@neo4j_connection_options
@click.option(
    "--soon",
    type=click.IntRange(0, 3660),
    default=30,
    show_default=True,
    metavar="DAYS",
    help="LIST-007：多少天内到期算即将到期 / LIST-007: days ahead that count as due soon",
)
@obligations_option
def gaps_cmd(
    files,
    fmt,
    output,
    as_of,
    period,
    rules,
    skip,
    fail_on,
    lang,
    backend,
    push,
    uri,
    user,
    database,
    soon,
    obligation_files,
) -> int:
    """查找责任链缺口 / Find the gaps in the responsibility chain.

    \b
    With --backend neo4j the rules run in the database (--uri, NEO4J_URI):
      respchain gaps --backend neo4j               the graph already there
      respchain gaps --backend neo4j --push FILES  replace the database's
                                                   whole content with FILES first
    FILES without --push are refused, so nothing is replaced by surprise.
    The password comes from NEO4J_PASSWORD only (or a prompt).

    \b
    退出码 / exit codes: 0 成功 / ok; 1 存在达到 --fail-on 的缺口 / a gap at or above
    --fail-on; 2 输入有误 / bad input.
    """
    from respchain.loaders import load_graph
    from respchain.queries import find_gaps
    from respchain.queries.engine import OBLIGATION_BACKENDS
    from respchain.queries.report import render

    obligations = load_obligation_set(obligation_files)
    if backend not in OBLIGATION_BACKENDS and not [v for v in obligation_files if v.lower() != "none"]:
        obligations = []  # the defaults are checked by the backends that can; a file given asks for them
    _check_selection(rules, skip, obligations)  # unknown ids fail before the register is read
    if fmt is None:
        fmt = _SUFFIX_FORMAT.get(output.suffix.lower(), "table") if output else "table"
    if fmt == "xlsx" and output is None:
        raise click.UsageError("xlsx 须用 -o 指定文件 / xlsx needs -o FILE")
    _check_neo4j_options(backend, files, push, uri, user, database)
    if backend == "neo4j":  # FILES pushed first (--push), or the graph already in Neo4j
        from respchain.commands.neo4j import neo4j_gaps_input

        with neo4j_gaps_input(files, uri, user, database) as (G, options):
            findings = find_gaps(
                G,
                as_of=as_of,
                period=period,
                rules=rules or None,
                skip=skip or None,
                backend=backend,
                soon=soon,
                obligations=obligations,
                **options,
            )
            coverage = _coverage(G, obligations, rules, skip, as_of, period, backend, options)
    else:
        if not files:
            raise click.UsageError("缺少登记册文件 / missing register FILES")
        with stage(LOADING):
            G = load_graph(list(files))
        with stage(RULES):
            findings = find_gaps(
                G,
                as_of=as_of,
                period=period,
                rules=rules or None,
                skip=skip or None,
                backend=backend,
                soon=soon,
                obligations=obligations,
            )
            coverage = _coverage(G, obligations, rules, skip, as_of, period, backend, {})
    if output is not None and fmt in ("xlsx", "json"):  # written straight to the file (JSON streamed)
        from respchain.queries.report import write_json_report, write_xlsx

        if fmt == "xlsx":
            write_xlsx(findings, G, output, lang=lang, coverage=coverage)
        else:
            write_json_report(findings, G, output, as_of=as_of, period=period, coverage=coverage)
        click.echo(f"已写入 / wrote {output}", err=True)
        return 1 if _fails(findings, fail_on) else 0
    color = output is None and fmt == "table" and sys.stdout.isatty()
    if fmt == "html":
        from respchain.viz.report import render_report_html

        text = render_report_html(findings, G, lang=lang, coverage=coverage)
    else:
        text = render(findings, G, fmt, lang=lang, as_of=as_of, period=period, color=color, coverage=coverage)
    _emit(text, output)
    return 1 if _fails(findings, fail_on) else 0


def _coverage(G, obligations, rules, skip, as_of, period, backend, options) -> list:
    """The coverage figures of the obligations the selection keeps (none when it keeps none)."""
    from respchain.queries.engine import COVERAGE_BACKENDS, obligation_coverage, select_obligations

    kept = select_obligations(obligations, rules or None, skip or None)
    if not kept or backend not in COVERAGE_BACKENDS:
        return []
    return obligation_coverage(G, kept, as_of=as_of, period=period, backend=backend, **options)


def _check_selection(rules, skip, obligations) -> None:
    """Fail on unknown entries of ``--rules``/``--skip`` (rule ids, families, obligation ids)."""
    from respchain.queries import resolve_rules
    from respchain.queries.engine import split_selection

    rest, _ = split_selection(rules or None, obligations)
    skip_rest, _ = split_selection(skip or None, obligations)
    if rest or rules:
        resolve_rules(rest or None, skip_rest or None)
    else:
        resolve_rules(None, skip_rest or None)


def _rule_example(rule_id: str) -> tuple[str, Finding] | None:
    """The first finding of the rule in the example registers shipped with respchain."""
    from respchain._files import example_registers
    from respchain.loaders import load_graph
    from respchain.queries import find_gaps

    for name, folder in example_registers().items():
        try:
            G = load_graph(folder)
        except Exception:  # an example being edited elsewhere must not break explain
            continue
        found = find_gaps(G, rules=[rule_id])
        if found:
            return name, found[0]
    return None


@click.command("explain")
@click.argument("name")
@click.option(
    "--no-example",
    is_flag=True,
    help="不在示例数据中查找实例 / do not look for an example in the example data",
)
@obligations_option
def explain_cmd(name: str, no_example: bool, obligation_files: tuple[str, ...]) -> int:
    """解释规则、义务或术语 / Explain a gap rule (MAIN-001), an obligation (OB-SZSL) or a term
    (主体责任, one_post_two_duties ...)."""
    from respchain.exceptions import UnknownRuleError
    from respchain.queries.catalog import CATALOG, FAMILIES
    from respchain.queries.terms import TERMS, find_term, suggest

    key = name.strip().upper()
    obligations = {o.id.upper(): o for o in load_obligation_set(obligation_files)}
    if key in obligations:
        _explain_obligation(obligations[key], no_example)
        return 0
    if key in CATALOG:
        r = CATALOG[key]
        click.echo(f"{r.id}  {r.title_zh} / {r.title_en}")
        click.echo(f"级别 / severity: {r.severity}    类别 / family: {r.family}")
        click.echo(f"\n定义 / definition:\n  {r.definition_zh}\n  {r.definition_en}")
        click.echo("\n依据 / basis:")
        for b in r.basis:
            note = f" — {b.note_zh} / {b.note_en}" if b.note_zh else ""
            click.echo(f"  {b}{note}")
        click.echo(f"\n整改 / fix:\n  {r.fix_zh}\n  {r.fix_en}")
        click.echo(f"\n证据 / evidence: {r.evidence}")
        click.echo(f"消息 / message:\n  {r.message_zh}\n  {r.message_en}")
        from respchain.queries.rules_doc import implementations_text

        click.echo(implementations_text(r.id))
        if not no_example:
            ex = _rule_example(r.id)
            if ex:
                reg, f = ex
                click.echo(
                    f"\n示例 / example ({reg}): {f.subject} ({f.subject_name})\n  {f.message_zh}\n  {f.message_en}"
                    f"\n  证据 / evidence: {' > '.join(f.evidence)}"
                )
            else:
                click.echo("\n示例 / example: 示例数据中没有此缺口 / the example registers have no such gap")
        return 0
    if name.strip().lower() in FAMILIES:
        fam = name.strip().lower()
        click.echo(f"类别 / family {fam}:")
        for r in CATALOG.values():
            if r.family == fam:
                click.echo(f"  {r.id}  [{r.severity}]  {r.title_zh} / {r.title_en}")
        return 0
    code = find_term(name)
    if code is None:
        close = suggest(name)
        hint = f"; 是否指 / did you mean: {', '.join(close)}" if close else ""
        raise UnknownRuleError(
            f"未知规则或术语 / unknown rule or term {name!r}{hint}\n"
            f"  规则 / rules: {', '.join(CATALOG)}\n"
            f"  术语 / terms: {', '.join(t['zh'] for t in TERMS.values())}"
        )
    t = TERMS[code]
    click.echo(f"{t['zh']} / {t['en']}  ({code})")
    click.echo(f"\n定义 / definition:\n  {t['def_zh']}\n  {t['def_en']}")
    click.echo("\n依据 / basis:")
    for b in t["basis"]:
        click.echo(f"  {b}")
    click.echo(
        f"\n示例 / example（《强化全面从严治党政治责任》，中央纪委国家监委网站，2025-10-20）:\n  \u201c{t['example']}\u201d"
    )
    click.echo("\n相关规则 / rules: " + ", ".join(f"{r} {CATALOG[r].title_zh}" for r in t["rules"]))
    return 0


def _explain_obligation(ob, no_example: bool) -> None:
    from respchain.queries.obligations import SUB_FIELDS

    click.echo(f"{ob.id}  {ob.name_zh} / {ob.name_en}")
    click.echo(f"级别 / severity: {ob.severity}    类别 / family: obligations    形态 / shape: {ob.shape}")
    if ob.subject == "people":
        who = f"people: roles {', '.join(ob.roles)} in {', '.join(ob.org_kinds)}"
    else:
        who = f"organizations: {', '.join(ob.org_kinds)}"
    if ob.levels:
        who += f" (levels {', '.join(ob.levels)})"
    what = ob.event_kind + (f" ({SUB_FIELDS[ob.event_kind]}: {ob.sub_value})" if ob.sub_value else "")
    click.echo(f"\n对象 / subject: {who}")
    click.echo(f"事件 / event: {what}, as {ob.as_}" + (", by parent_head" if ob.by else ""))
    click.echo(f"要求 / rule: {ob.rule_zh()} / {ob.rule_en()}")
    click.echo(f"\n依据 / basis:\n  {ob.basis_text()}")
    click.echo(f"\n整改 / fix:\n  {ob.fix('zh')}\n  {ob.fix('en')}")
    click.echo(
        "\n证据 / evidence: [对象, 不足期间内计入的事件（升序）/ the subject, then the events counted in the short periods, sorted]"
    )
    click.echo(
        f"实现 / implementations: queries/obligations.py (memory); queries/cypher/obligation-{ob.shape}.cypher (neo4j)"
    )
    if ob.file:
        click.echo(f"定义于 / defined in: {ob.file}:{ob.line}")
    if no_example:
        return
    from respchain.demo import example_registers
    from respchain.loaders import load_graph
    from respchain.queries import find_gaps

    for reg, folder in example_registers().items():
        try:
            G = load_graph(folder)
        except Exception:  # an example being edited elsewhere must not break explain
            continue
        found = find_gaps(G, rules=[ob.id], obligations=[ob])
        if found:
            f = found[0]
            click.echo(
                f"\n示例 / example ({reg}): {f.subject} ({f.subject_name})\n  {f.message_zh}\n  {f.message_en}"
            )
            return
    click.echo("\n示例 / example: 示例数据中没有此缺口 / the example registers have no such gap")


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@format_option("text", "json")
@output_option("输出文件 / output file")
@_common
def diff_cmd(old, new, fmt, output, as_of, period, rules, skip, fail_on, lang) -> int:
    """比较两个登记册的缺口 / Gaps opened, closed and still open from OLD to NEW (files or folders),
    with the changes in organizations, posts and responsibilities that explain them.

    Exit 1 with --fail-on when an opened gap is at or above it.
    """
    from respchain.loaders import load_graph
    from respchain.queries import resolve_rules
    from respchain.queries.compare import diff_gaps, render_diff

    resolve_rules(rules or None, skip or None)
    d = diff_gaps(
        load_graph(old),
        load_graph(new),
        as_of=as_of,
        period=period,
        rules=rules or None,
        skip=skip or None,
    )
    _emit_result(d, fmt, render_diff, lang, output)
    return 1 if _fails(d.opened, fail_on) else 0


@click.command("whatif")
@FILES
@click.option(
    "--remove",
    "remove",
    multiple=True,
    required=True,
    metavar="ID",
    help="移除的人员、组织或责任 id（可多次）/ id of a person, organization or responsibility to remove",
)
@format_option("text", "json")
@output_option("输出文件 / output file")
@_common
def whatif_cmd(files, remove, fmt, output, as_of, period, rules, skip, fail_on, lang) -> int:
    """假如移除某记录 / The gaps that appear and disappear if a person, organization or
    responsibility (and what depends on it) is removed.

    Exit 1 with --fail-on when an appearing gap is at or above it.
    """
    from respchain.loaders import load_graph
    from respchain.queries import resolve_rules
    from respchain.queries.compare import render_whatif, whatif

    resolve_rules(rules or None, skip or None)
    G = load_graph(list(files))
    w = whatif(G, list(remove), as_of=as_of, period=period, rules=rules or None, skip=skip or None)
    _emit_result(w, fmt, render_whatif, lang, output)
    return 1 if _fails(w.appear, fail_on) else 0


def register(group: click.Group) -> None:
    """Add gaps, explain, diff and whatif to ``group``."""
    for cmd in (gaps_cmd, explain_cmd, diff_cmd, whatif_cmd):
        group.add_command(cmd)
