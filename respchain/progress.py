"""Progress of long work (load, build, rules, page), shown on stderr when it is a terminal.

Output that is piped or captured (a script, a test, ``2> log``) stays free of it, so
the progress display never mixes into files or logs; stdout is never touched.

Examples
--------
>>> with stage("读取并构建 / load and build"):
...     pass
>>> [x * 2 for x in track([1, 2], "加倍 / doubling")]
[2, 4]
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

__all__ = ["stage", "track", "shows_progress", "LOADING", "RULES"]

LOADING = "读取并构建图 / loading and building the graph"
RULES = "运行规则 / running the rules"


def shows_progress() -> bool:
    """Whether progress is shown: stderr is a terminal."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


@contextmanager
def stage(label: str) -> Iterator[None]:
    """Show ``label`` with a spinner and the time spent while the block runs (terminal only).

    The line is removed when the block ends; nothing is printed when stderr is
    not a terminal.
    """
    if not shows_progress():
        yield
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        bar.add_task(label, total=None)
        yield


def track(items: Sequence[T] | Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """Yield ``items``, showing ``label``, a bar and ``done/total`` while they are worked on
    (terminal only; without a terminal the items are yielded as they are)."""
    if not shows_progress():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    if total is None and isinstance(items, Sequence):
        total = len(items)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
