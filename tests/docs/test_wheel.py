"""A wheel built from the tracked files carries the example registers and the seed article,
and the installed package finds them without the repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ARTICLE = "respchain/examples/seed/000_b3a856da92652f4b.txt"


def _tracked() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
    return [f for f in out.stdout.decode().split("\0") if f and (REPO / f).is_file()]


def test_a_wheel_carries_the_seed_article_and_the_demo_finds_it(tmp_path: Path):
    src = tmp_path / "src"
    for name in _tracked():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, src / name)
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(src)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert ARTICLE in names
        assert "respchain/py.typed" in names  # type checkers read the package's annotations
        assert "respchain/graph/context.jsonld" in names  # JSON-LD registers name it, never fetched
        # the demo city's evidence files ship beside it, so `evidence verify` finds them installed
        assert "respchain/examples/demo-city/evidence/2025-03-28-talk-record.txt" in names
        assert "respchain/examples/demo-city/ledgers/stats-patrol-rectification.csv" in names
        zf.extractall(site)
    code = (
        "import sys, respchain; "
        "from respchain.demo import example_registers; SEEDS_DIR = example_registers()['seed']; "
        "assert respchain.__file__.startswith(sys.argv[1]), respchain.__file__; "
        "print(sorted(p.name for p in SEEDS_DIR.glob('*.txt')), sorted(example_registers()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(site)],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "000_b3a856da92652f4b.txt" in out and "'seed'" in out and "'demo-city'" in out
