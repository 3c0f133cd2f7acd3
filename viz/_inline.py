"""What the offline pages inline: vis-network's script and style, and JSON data blocks.

The graph page (:mod:`respchain.viz.network`) and the lesson page
(:mod:`respchain.viz.lesson`) make no network request: both carry the copy of
vis-network bundled with pyvis and their data in ``<script>`` elements.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["vis_assets", "json_for_script"]


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's script and style, from the copy bundled with pyvis.

    Returns
    -------
    tuple of str
        ``(javascript, css)``, safe to place inside ``<script>`` and ``<style>``.
    """
    import pyvis

    base = Path(pyvis.__file__).resolve().parent
    for d in (base / "templates" / "lib" / "vis-9.1.2", base / "lib" / "vis-9.1.2"):
        if (d / "vis-network.min.js").is_file():
            js = (d / "vis-network.min.js").read_text(encoding="utf-8")
            css = (d / "vis-network.css").read_text(encoding="utf-8")
            break
    else:  # pragma: no cover - a broken pyvis install
        raise FileNotFoundError("vis-network 9.1.2 not found in the pyvis package")
    # Inlined into <script>/<style>: a closing tag inside would end the element.
    js = js.replace("</script", "<\\/script")
    css = css.replace("</style", "<\\/style")
    return js, css


def json_for_script(obj: Any) -> str:
    """JSON safe to place inside a ``<script>`` element.

    ``&``, ``<``, ``>`` and the JavaScript line separators are written as
    ``\\u`` escapes, so no string in ``obj`` can close the element or start markup.
    """
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (
        s.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
