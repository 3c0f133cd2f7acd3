"""Every hostile input ends in exit code 2 and one located message, within its
bounds, with no traceback and no output written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.corpus import CASES, HEAD, ORGS, Case
from tests.hostile.run import run_cli


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_is_a_clean_error(case: Case, tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text(HEAD + ORGS, encoding="utf-8")
    exercise = tmp_path / "ex"
    if any("{exercise}" in a for a in case.args):
        assert run_cli(["exercise", "new", "-o", str(exercise)]).code == 0
    f = tmp_path / case.name
    f.write_bytes(case.content())
    before = sorted(p.name for p in tmp_path.iterdir())
    args = [a.format(file=f, dir=tmp_path, exercise=exercise) for a in case.args]
    r = run_cli(args)
    assert r.code is not None, "over the time bound"
    assert "Traceback" not in r.err + r.out, r.err[-2000:]
    assert r.code == 2, r.err[-2000:]
    assert case.where.format(file=f, dir=tmp_path) in r.err, r.err[-2000:]
    assert len(r.err) < 20_000, "the listing of problems is capped"
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "nothing written on failure"
