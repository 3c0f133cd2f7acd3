"""Arguments and options that several commands share, declared once.

Each is a click decorator (or makes one), so a command reads
``@FILES @output_option("输出文件 / output file", required=True) @lang_option()``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

__all__ = [
    "FILES",
    "LANGS",
    "lang_option",
    "format_option",
    "output_option",
    "as_of_date",
    "as_of_option",
    "neo4j_connection_options",
    "DEFAULT_NEO4J_URI",
]

#: One or more register files or folders (required).
FILES = click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))

#: The languages of messages and pages, Chinese first.
LANGS = ("zh", "en")

_Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def lang_option(help: str = "页面语言 / page language") -> _Decorator:
    """``--lang zh|en`` (default ``zh``)."""
    return click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True, help=help)


def format_option(*choices: str, help: str = "输出格式 / output format") -> _Decorator:
    """``--format`` among ``choices`` (the first is the default), passed as ``fmt``."""
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True, help=help
    )


def output_option(help: str, **kwargs: Any) -> _Decorator:
    """``-o/--output PATH``; ``kwargs`` go to :func:`click.option` (``required``, ``default``...)."""
    return click.option("-o", "--output", type=click.Path(path_type=Path), help=help, **kwargs)


def as_of_date(ctx: click.Context | None, param: click.Parameter | None, value: str | None) -> str | None:
    """A reference date as ISO ``YYYY-MM-DD``, written any way a ledger's 完成时限 may be.

    ``2025-12-31``, ``2025年12月31日``, ``2025.12.31``, ``20251231``, ``2025年12月底``,
    ``2025年第四季度`` all name a day; text that names none (``长期坚持``) or a day
    that does not exist (``2025年2月30日``) is refused with the value quoted.
    """
    if value is None:
        return None
    from respchain.loaders.ledger import parse_due

    due, _note, error = parse_due(value)
    if due is None:
        why = error or f"不是日期 / not a date: {value!r}"
        raise click.BadParameter(f"{why}（例如 / e.g. 2025-12-31, 2025年12月31日, 2025年12月底）")
    return due


def as_of_option(help: str = "基准日 / reference date (default: meta.as_of)") -> _Decorator:
    """``--as-of DATE``, read by :func:`as_of_date`."""
    return click.option("--as-of", "as_of", callback=as_of_date, metavar="DATE", help=help)


DEFAULT_NEO4J_URI = "bolt://127.0.0.1:7687"


def neo4j_connection_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--uri``, ``--user`` and ``--database`` of the commands that talk to Neo4j.

    There is no password option: the password comes from ``NEO4J_PASSWORD``
    or a prompt, so that it never sits in a shell history or a process list.
    """
    f = click.option(
        "--database",
        default=None,
        metavar="NAME",
        help="数据库 / database (default: NEO4J_DATABASE, or the server's default)",
    )(f)
    f = click.option(
        "--user", default=None, metavar="USER", help="用户名 / user (default: NEO4J_USER or neo4j)"
    )(f)
    f = click.option(
        "--uri",
        default=None,
        metavar="URI",
        help=f"Neo4j 地址 / Neo4j URI (default: NEO4J_URI or {DEFAULT_NEO4J_URI}); "
        "密码只从 NEO4J_PASSWORD 或提示输入读取 / the password comes from NEO4J_PASSWORD or a prompt",
    )(f)
    return f
