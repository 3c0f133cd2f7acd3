"""The teaching step of ``make demo``: the lesson page and a level-2 exercise."""

from __future__ import annotations

from pathlib import Path

__all__ = ["demo_step", "DEMO_LEVEL", "DEMO_SEED"]

DEMO_LEVEL = 2
DEMO_SEED = "demo"


def demo_step(outdir: Path) -> list[Path]:
    """Write ``outdir/lesson.html`` and a level-2 exercise in ``outdir/exercise/``."""
    from respchain.teach.exercise import new_exercise
    from respchain.viz.lesson import save_lesson

    outdir = Path(outdir)
    return [
        save_lesson(outdir / "lesson.html", "zh"),
        *new_exercise(DEMO_LEVEL, DEMO_SEED, outdir / "exercise"),
    ]
