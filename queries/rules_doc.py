"""The rule catalog as text: the Markdown page ``docs/rules.md`` and the implementations ``explain`` shows.

Both are generated from the catalog's :class:`~respchain.queries.rule.Rule`
objects, so they cannot drift from the rules.

Regenerate after changing the catalog::

    python -m respchain.queries.rules_doc > docs/rules.md
"""

from __future__ import annotations

import inspect
from typing import Any

from respchain.queries.catalog import CATALOG

from respchain.exceptions import UnknownRuleError

__all__ = ["catalog_markdown", "implementations_text"]


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
        "`respchain explain RULE` 给出同样内容及其 Python、Cypher 与 SHACL 实现。",
        "This page is generated from the catalog; `respchain explain RULE` shows the same, "
        "with the rule's Python, Cypher and SHACL.",
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
            f"- 实现 / implementations: `{r.function_name}`, `queries/{r.cypher_file}`"
            + (f", `graph/shapes.ttl` `{r.shape}`" if r.shape else ""),
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


def implementations_text(rule_id: str) -> str:
    """Every implementation of a rule, as ``respchain explain RULE`` shows them.

    The Python function (its source), the Cypher query (its file) and, for the
    rules that are shapes of single nodes, the SHACL shape (its Turtle in
    ``graph/shapes.ttl``), all taken from the rule's
    :class:`~respchain.queries.rule.Rule`.

    Raises
    ------
    UnknownRuleError
        When the catalog has no such rule.

    Examples
    --------
    >>> text = implementations_text("MAIN-001")
    >>> "def find_main_missing(" in text, "MATCH" in text, "sh:NodeShape" in text
    (True, True, True)
    >>> "SHACL" in implementations_text("CHAIN-001")
    False
    """
    rule = CATALOG.get(rule_id.strip().upper())
    if rule is None:
        raise UnknownRuleError(f"未知规则 / unknown rule: {rule_id}; 可用 / valid: {', '.join(CATALOG)}")
    try:
        py = inspect.getsource(rule.func).rstrip()
    except (OSError, TypeError):  # pragma: no cover - installed without sources
        py = f"# {rule.function_name}"
    n = 3 if rule.shape_text is not None else 2
    parts = [
        f"\n实现 / implementations ({n} 种，结果相同 / {n}, giving the same findings):\n",
        f"\n--- Python: {rule.function_name} ---\n{py}\n",
        f"\n--- Cypher: queries/{rule.cypher_file} ($as_of, $period) ---\n{rule.cypher.rstrip()}\n",
    ]
    if rule.shape_text is not None:
        parts.append(f"\n--- SHACL: graph/shapes.ttl {rule.shape} ---\n{rule.shape_text}\n")
    return "".join(parts)


if __name__ == "__main__":  # pragma: no cover - the regeneration command
    import sys

    sys.stdout.write(catalog_markdown())
