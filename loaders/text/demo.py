"""Demo step: extract the seed article into a register draft (``out/extract/draft.yaml``)."""

from __future__ import annotations

import json
from pathlib import Path

from respchain._files import write_text_atomic

__all__ = ["demo_step", "SEEDS_DIR"]

# The seed article ships beside the seed register (installed as ``respchain.examples.seed``).
SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "seed"
if not SEEDS_DIR.is_dir():  # installed from a wheel: the examples package holds the folder
    import importlib.util

    _spec = importlib.util.find_spec("respchain.examples")
    if _spec is not None and _spec.submodule_search_locations:
        SEEDS_DIR = Path(next(iter(_spec.submodule_search_locations))) / "seed"


def demo_step(outdir: Path, seeds_dir: Path | None = None) -> list[Path]:
    """Extract every seed article into ``outdir/extract/draft.yaml`` (and its normalized texts).

    Returns no file, quietly, when the folder holds no article.
    """
    from respchain.loaders.register import register_from_data
    from respchain.loaders.text import draft_from_articles, read_article
    from respchain.loaders.writer import write_draft

    seeds = Path(seeds_dir) if seeds_dir is not None else SEEDS_DIR
    articles = (
        sorted(p for p in seeds.glob("*") if p.suffix.lower() in (".txt", ".html", ".htm"))
        if seeds.is_dir()
        else []
    )
    if not articles:
        return []
    read = [read_article(p) for p in articles]
    draft = draft_from_articles(read)
    register_from_data([("draft.yaml", json.loads(json.dumps(draft, ensure_ascii=False)), None)])
    sub = Path(outdir) / "extract"
    out = [write_draft(draft, sub / "draft.yaml")]
    for art, src in zip(read, draft["sources"], strict=True):
        p = sub / "text" / f"{src['id']}.txt"
        out.append(write_text_atomic(p, art.text))
    return out
