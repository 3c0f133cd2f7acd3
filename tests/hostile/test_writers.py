"""Outputs are written through one atomic writer: no fixed temporary name, no
followed planted link, permissions kept, devices refused, several outputs all
or none."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from respchain._files import all_or_none, atomic_path, write_text_atomic
from respchain.cli import main
from respchain.exceptions import InputError

SEED = "data/seed"


@pytest.mark.parametrize(
    ("cmd", "suffix"), [(["build"], ".json"), (["build"], ".graphml"), (["export", "--to", "ttl"], ".ttl")]
)
def test_a_planted_part_link_is_not_followed(tmp_path: Path, cmd: list[str], suffix: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    (tmp_path / f"out{suffix}.part").symlink_to(victim)
    assert main([*cmd, SEED, "-o", str(out)]) == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert out.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["victim.txt", out.name, f"out{suffix}.part"])


def test_writing_over_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    out.write_text("{}", encoding="utf-8")
    os.chmod(out, 0o600)
    assert main(["build", SEED, "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.stat().st_size > 10


def test_a_symlink_target_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text_atomic(link, '{"a": 1}')
    assert link.is_symlink() and real.read_text(encoding="utf-8") == '{"a": 1}'


def test_a_device_or_folder_is_refused(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    dev = tmp_path / "n.json"
    dev.symlink_to(fifo)
    assert main(["build", SEED, "-o", str(dev)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert dev.is_symlink()
    (tmp_path / "d.json").mkdir()
    with pytest.raises(InputError, match="not a regular file"):
        write_text_atomic(tmp_path / "d.json", "x")


def test_temporary_files_are_private_and_random(tmp_path: Path) -> None:
    names = []
    for _ in range(2):
        with atomic_path(tmp_path / "x.txt") as tmp:
            names.append(tmp.name)
            assert stat.S_IMODE(tmp.stat().st_mode) == 0o600
            tmp.write_text("x", encoding="utf-8")
    assert names[0] != names[1]


def test_several_outputs_all_or_none(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    with pytest.raises(RuntimeError), all_or_none():
        write_text_atomic(a, "a")
        assert not a.exists()  # not in place before the block ends
        raise RuntimeError("the second output failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    with all_or_none():
        write_text_atomic(a, "a")
        write_text_atomic(b, "b")
    assert a.read_text(encoding="utf-8") == "a" and b.read_text(encoding="utf-8") == "b"


def test_viz_with_a_report_it_cannot_write_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "report.html").mkdir()  # the report cannot be written
    page = tmp_path / "graph.html"
    assert main(["viz", SEED, "-o", str(page), "--report", str(tmp_path / "report.html")]) == 2
    assert not page.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
