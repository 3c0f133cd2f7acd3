"""The gap rule catalog: every :class:`~respchain.queries.rule.Rule` of gaps.md, by id, and :func:`make_finding`.

Each rule is defined beside its Python function in the module of
:mod:`respchain.queries.rules` named by its id's prefix (``DUAL-002`` in
``rules/dual.py``); this module gathers them in the order of gaps.md.

Every backend builds its findings through :func:`make_finding` (the rule's
:meth:`~respchain.queries.rule.Rule.finding`): the in-memory rules, and any
backend that runs the rules elsewhere (a Cypher query returning the columns
``subject, subject_name, evidence, params, source`` per rule). Messages are
formatted there and nowhere else, so the findings of two backends are equal
when their rows are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from respchain.queries.finding import Finding
from respchain.queries.rule import (
    ACCOUNTABILITY_DOC,
    DISCIPLINE_RULES_DOC,
    DISPATCHED_RULES_DOC,
    DOCUMENTS,
    INSPECTION_RULES_DOC,
    MAIN_RULES_DOC,
    RESP_SYSTEM_DOC,
    YIBASHOU_DOC,
    Basis,
    EvidenceOrder,
    Family,
    Rule,
)
from respchain.queries.rules import acc, chain, cons, dual, eco, first, func, main, rect, sup, talk
from respchain.queries.rules import list as list_rules

from respchain.exceptions import UnknownRuleError

__all__ = [
    "Rule",
    "Basis",
    "Family",
    "EvidenceOrder",
    "CATALOG",
    "PLANTABLE_RULES",
    "TIME_RULES",
    "FAMILIES",
    "DOCUMENTS",
    "MAIN_RULES_DOC",
    "ACCOUNTABILITY_DOC",
    "YIBASHOU_DOC",
    "RESP_SYSTEM_DOC",
    "DISCIPLINE_RULES_DOC",
    "DISPATCHED_RULES_DOC",
    "INSPECTION_RULES_DOC",
    "make_finding",
    "resolve_rules",
]

FAMILIES: tuple[Family, ...] = tuple(Family)
"""The family names (``main`` ... ``rect``), each a :class:`~respchain.queries.rule.Family`."""

_MODULES = (main, first, dual, sup, func, list_rules, chain, acc, talk, eco, cons, rect)
_RULES: list[Rule] = [r for m in _MODULES for r in m.RULES]

CATALOG: dict[str, Rule] = {r.id: r for r in _RULES}
"""Rule id -> :class:`Rule`, in the order of gaps.md."""

TIME_RULES: tuple[str, ...] = (
    "LIST-005",
    "LIST-006",
    "LIST-007",
    "RECT-001",
    "RECT-002",
    "RECT-003",
    "RECT-004",
    "RECT-005",
)
"""The rules of duties performed over time (tenure, completion, evidence, rectification)."""

PLANTABLE_RULES: tuple[str, ...] = tuple(
    r.id for r in _RULES if r.family != Family.CHAIN and r.id not in TIME_RULES
)
"""The rule ids a generator plants directly, in catalog order.

A chain gap (CHAIN-001) is never planted on its own: it follows below every
planted MAIN-001 or FIRST-001 gap of a party organization.
"""


def make_finding(
    rule_id: str,
    subject: str,
    subject_name: str | None,
    evidence: Iterable[str],
    params: Mapping[str, Any] | None = None,
    source: str | None = None,
) -> Finding:
    """Build the :class:`Finding` of a rule: the one place findings are made.

    Parameters
    ----------
    rule_id : str
        A key of :data:`CATALOG`.
    subject : str
        The id of the node the finding is about.
    subject_name : str or None
        Its name (the id when missing).
    evidence : iterable of str
        The ids that show the gap, in the order the rule's ``evidence`` states.
    params : mapping, optional
        The message parameters of the rule; list values are sorted and joined.
    source : str, optional
        The source id of the subject's record.

    Returns
    -------
    Finding

    Examples
    --------
    >>> f = make_finding("MAIN-001", "street", "中共示例街道工作委员会", ["street"], {}, None)
    >>> f.severity, f.evidence
    ('high', ('street',))
    >>> f.message_en
    '中共示例街道工作委员会 declares no main responsibility (no main responsibility entry and no main list)'
    """
    return CATALOG[rule_id].finding(subject, subject_name, evidence, params, source)


def resolve_rules(
    rules: Iterable[str] | str | None = None, skip: Iterable[str] | str | None = None
) -> list[str]:
    """The rule ids selected by ``rules`` minus ``skip``, in catalog order.

    Each entry is a rule id (``LIST-004``, case-insensitive) or a family name
    (``lists``); a string may hold several, separated by commas.

    Raises
    ------
    UnknownRuleError
        Naming the unknown entries and listing the valid ids and families.
    """

    def expand(spec: Iterable[str] | str | None) -> list[str] | None:
        if spec is None:
            return None
        items = [spec] if isinstance(spec, str) else list(spec)
        parts = [p.strip() for item in items for p in str(item).split(",") if p.strip()]
        out: list[str] = []
        bad: list[str] = []
        for p in parts:
            if p.upper() in CATALOG:
                out.append(p.upper())
            elif p.lower() in FAMILIES:
                out.extend(r.id for r in _RULES if r.family == p.lower())
            else:
                bad.append(p)
        if bad:
            raise UnknownRuleError(
                f"未知规则 / unknown rule(s): {', '.join(bad)}\n"
                f"  可用规则 / valid rules: {', '.join(CATALOG)}\n"
                f"  可用类别 / valid families: {', '.join(FAMILIES)}"
            )
        return out

    chosen = expand(rules)
    skipped = set(expand(skip) or ())
    base = list(CATALOG) if chosen is None else [r for r in CATALOG if r in set(chosen)]
    return [r for r in base if r not in skipped]
