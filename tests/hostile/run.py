"""Run the command line on one input in a child process with time and memory bounds."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

#: Bounds of one run: seconds of wall time and bytes of address space.
TIME_LIMIT = 60
MEMORY_LIMIT = 2_000_000_000


@dataclass
class Run:
    code: int | None  # None when the run went over its time bound
    out: str
    err: str


def _limits() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(args: list[str], cwd: Path | None = None, timeout: float = TIME_LIMIT) -> Run:
    """``python -m respchain ARGS`` bounded by :data:`TIME_LIMIT` and :data:`MEMORY_LIMIT`."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="200")
    try:
        r = subprocess.run(
            [sys.executable, "-m", "respchain", *args],
            capture_output=True,
            timeout=timeout,
            preexec_fn=_limits,
            cwd=cwd,
            env=env,
        )
    except subprocess.TimeoutExpired as e:
        return Run(
            None, (e.stdout or b"").decode("utf-8", "replace"), (e.stderr or b"").decode("utf-8", "replace")
        )
    return Run(r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace"))
