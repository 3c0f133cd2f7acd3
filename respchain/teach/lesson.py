"""The lesson page's content, gathered from the model, the ontology, the seed register and the gap engine.

:func:`lesson_content` gathers it, :func:`lesson_html` draws it with
:func:`respchain.viz.lesson.render_lesson`, :func:`save_lesson` writes the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from respchain._files import write_text_atomic
from respchain.graph.schema import Lang
from respchain.teach._registers import findings_of, graph_from_data
from respchain.teach.concepts import CHAIN_LAYOUT, CHAIN_STEPS, chain_example, concept_graph
from respchain.teach.duties import lesson_duties
from respchain.teach.rules import rule_examples
from respchain.teach.seed import places, quiz, seed_graph
from respchain.viz.lesson import LANGS, render_lesson

__all__ = ["lesson_content", "lesson_html", "save_lesson", "LANGS"]


def lesson_content() -> dict[str, Any]:
    """What the lesson shows: the concept graph, the chain example and its verdict,
    the seed register's local practices and quiz, one example per gap rule, and
    the recurring duties (what recurs, how it is counted, its periods, an example)."""
    chain_G = graph_from_data(chain_example(), "chain-example.yaml")
    Gs = seed_graph()
    return {
        "concepts": concept_graph(),
        "chain_graph": chain_G,
        "chain_steps": CHAIN_STEPS,
        "chain_layout": CHAIN_LAYOUT,
        "verdict": findings_of(chain_G),
        "seed_graph": Gs,
        "cases": places(Gs),
        "questions": quiz(Gs),
        "examples": rule_examples(),
        "duties": lesson_duties(),
    }


def lesson_html(lang: Lang = "zh") -> str:
    """The lesson page (``lang``: ``zh``, Chinese first, or ``en``) as HTML.

    Raises
    ------
    ValueError
        For a language other than ``zh`` and ``en``.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return render_lesson(lesson_content(), lang)


def save_lesson(path: str | Path, lang: Lang = "zh") -> Path:
    """Write the lesson page to ``path`` (UTF-8, atomically: a temporary file renamed)."""
    return write_text_atomic(Path(path), lesson_html(lang))
