"""The rule catalog as a Markdown page (``docs/rules.md``), generated so it cannot drift.

Regenerate after changing the catalog::

    python -m respchain.queries.rules_doc > docs/rules.md
"""

from __future__ import annotations

from typing import Any

from respchain.queries.catalog import CATALOG

__all__ = ["catalog_markdown"]


def _text(value: Any) -> str:
    """An enum's value or the string itself, with table-breaking characters escaped."""
    s = str(getattr(value, "value", value))
    return s.replace("|", "\\|").replace("\n", " ")


def catalog_markdown() -> str:
    """The whole rule catalog, Chinese then English, one section per rule.

    Returns
    -------
    str
        Markdown: a summary table, then each rule's definition, basis and fix.

    Examples
    --------
    >>> page = catalog_markdown()
    >>> page.startswith("# 缺口规则目录")
    True
    >>> "MAIN-001" in page
    True
    """
    rules = sorted(CATALOG.values(), key=lambda r: r.id)
    out = [
        "# 缺口规则目录 / The gap rule catalog",
        "",
        "本页由规则目录自动生成（`python -m respchain.queries.rules_doc > docs/rules.md`），"
        "`respchain explain RULE` 给出同样内容及其 Python 与 Cypher 实现。",
        "This page is generated from the catalog; `respchain explain RULE` shows the same, "
        "with the rule's Python and Cypher.",
        "",
        f"共 {len(rules)} 条规则 / {len(rules)} rules.",
        "",
        "| 规则 / rule | 族 / family | 严重程度 / severity | 名称 | title |",
        "|---|---|---|---|---|",
    ]
    for r in rules:
        out.append(
            f"| [{r.id}](#{r.id.lower()}) | {_text(r.family)} | {_text(r.severity)} "
            f"| {_text(r.title_zh)} | {_text(r.title_en)} |"
        )
    for r in rules:
        out += [
            "",
            f"## {r.id}",
            "",
            f"**{_text(r.title_zh)}** / {_text(r.title_en)}",
            "",
            f"- 族 / family: `{_text(r.family)}`; 严重程度 / severity: `{_text(r.severity)}`",
            f"- 定义：{_text(r.definition_zh)}",
            f"- Definition: {_text(r.definition_en)}",
        ]
        if r.basis:
            out.append("- 依据 / basis:")
            for b in r.basis:
                note = " / ".join(n for n in (b.note_zh, b.note_en) if n)
                out.append(f"  - {_text(str(b))}" + (f"：{_text(note)}" if note else ""))
        out += [f"- 整改建议：{_text(r.fix_zh)}", f"- Fix: {_text(r.fix_en)}"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover - the regeneration command
    import sys

    sys.stdout.write(catalog_markdown())
