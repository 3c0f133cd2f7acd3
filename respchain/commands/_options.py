"""Arguments and options that several commands share, declared once.

Each is a click decorator (or makes one), so a command reads
``@FILES @output_option("输出文件 / output file", required=True) @lang_option()``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

__all__ = ["FILES", "LANGS", "lang_option", "format_option", "output_option"]

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
