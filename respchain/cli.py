"""The ``respchain`` command line: a thin layer over the library.

Exit codes
----------
0
    Success (for ``gaps``: no finding at or above ``--fail-on``).
1
    ``gaps`` (and ``diff``/``whatif``) found a gap at or above ``--fail-on``.
2
    Bad input (a broken register, an unknown rule, a missing file) or a backend
    error (Neo4j unreachable, wrong password). One clear message, no traceback.

Every command is defined in a module of :mod:`respchain.commands` and added to
the group here; heavy libraries are imported inside the commands, so that
``respchain --help`` stays fast.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import click

from respchain import __version__
from respchain.exceptions import RespchainError

__all__ = ["cli", "main", "EXIT_OK", "EXIT_GAPS", "EXIT_ERROR"]

EXIT_OK = 0
EXIT_GAPS = 1
EXIT_ERROR = 2

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="respchain")
def cli() -> None:
    """全面从严治党责任体系知识图谱 / The responsibility system of strict party
    governance as a knowledge graph.

    \b
    退出码 / exit codes:
      0  成功 / ok
      1  存在达到 --fail-on 级别的缺口 / gaps at or above --fail-on
      2  输入有误或后端出错 / bad input or backend error
    """


# Modules of respchain.commands; each has ``register(group)``.
COMMAND_MODULES = [
    "respchain.commands.core",
    "respchain.commands.extract",
    "respchain.commands.ledger",
    "respchain.commands.viz",
    "respchain.commands.gaps",
    "respchain.commands.rdf",
    "respchain.commands.synth",
    "respchain.commands.teach",
    "respchain.commands.neo4j",
    "respchain.commands.time",
    "respchain.commands.init",
    "respchain.commands.assess",
]


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(cli)


_register_commands()


def exit_process(code: int) -> NoReturn:
    """End the process with ``code``: at once when it holds a graph to the end
    (:func:`respchain._gc.keep_until_exit`), after the exit handlers and with the
    standard streams flushed; through :func:`sys.exit` otherwise."""
    from respchain import _gc

    if not _gc.kept():
        sys.exit(code)
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(code)


def console() -> NoReturn:
    """The ``respchain`` command."""
    exit_process(main())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    if argv is None:  # the process is this command: what it builds lives until it exits
        from respchain._gc import freeze_after_build

        freeze_after_build()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        rv = cli.main(args=args, prog_name="respchain", standalone_mode=False)
    except RespchainError as e:
        click.echo(str(e), err=True)
        return EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("已中止 / aborted", err=True)
        return EXIT_ERROR
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.ClickException as e:
        e.show()
        return EXIT_ERROR
    except BrokenPipeError:  # pragma: no cover - `respchain ... | head`
        return EXIT_OK
    except OSError as e:  # an output folder that cannot be written, a disk that is full
        where = f" {e.filename}" if e.filename else ""
        click.echo(f"无法读写文件 / cannot read or write{where}: {e.strerror or e}", err=True)
        return EXIT_ERROR
    if isinstance(rv, int):
        return rv
    return EXIT_OK
