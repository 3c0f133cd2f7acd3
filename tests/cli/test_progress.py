"""Long work shows progress on a terminal's stderr, and nothing when output is captured."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CITY = str(ROOT / "data" / "demo-city")


def _run_with_terminal_stderr(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run respchain with stderr on a pseudo-terminal and stdout on a pipe."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    # stdout goes to a file: a pipe left unread while the terminal is drained would fill and block.
    stdout = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [sys.executable, "-m", "respchain", *args], cwd=cwd, stdout=stdout, stderr=slave, env=env
    )
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        err += chunk
    rc = proc.wait(timeout=300)
    os.close(master)
    stdout.seek(0)
    out = stdout.read()
    stdout.close()
    return rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("args", "labels"),
    [
        (["gaps", CITY, "--format", "json"], ["loading and building", "running the rules"]),
        (["viz", CITY, "-o", "g.html"], ["loading and building", "running the rules", "writing the page"]),
        (["assess", CITY, "-o", "a.json"], ["loading and building", "running the rules", "scoring"]),
        (["due", CITY, "-o", "d.ics"], ["loading and building"]),
        (["export", "--to", "ttl", CITY, "-o", "c.ttl"], ["loading and building", "writing the export"]),
        (
            ["ledger", "export", CITY, "--list", "health-main-2025", "-o", "l.xlsx"],
            ["loading and building", "running the rules"],
        ),
        (["extract", str(ROOT / "data" / "seed"), "-o", "d.yaml"], ["reading the articles", "extracting"]),
    ],
)
def test_progress_on_a_terminal(tmp_path: Path, args: list[str], labels: list[str]):
    rc, out, err = _run_with_terminal_stderr(args, tmp_path)
    assert rc in (0, 1), err
    for label in labels:
        assert label in err, err
    assert "loading" not in out and "\x1b" not in out  # stdout stays clean


def test_no_progress_when_stderr_is_captured(tmp_path: Path):
    p = subprocess.run(
        [sys.executable, "-m", "respchain", "gaps", CITY, "--format", "json", "-o", "g.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert p.returncode in (0, 1)
    assert "loading" not in p.stderr and "\x1b" not in p.stderr
