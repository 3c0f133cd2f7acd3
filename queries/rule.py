"""What a gap rule is: :class:`Rule`, its :class:`Family`, :class:`EvidenceOrder` and :class:`Basis`.

A :class:`Rule` carries everything about one rule of gaps.md: its texts, its
severity, family and the responsibility type it checks (as the schema's
enums), the Python function that runs it in memory, the Cypher file that runs
it in Neo4j (``queries/cypher/<ID>.cypher``), its SHACL shape in
``graph/shapes.ttl`` if it has one, and the order of its evidence. Each rule
is defined beside its function, in the module of ``respchain.queries.rules``
named by its id's prefix (``FUNC-001`` in ``rules/func.py``); the catalog
(:mod:`respchain.queries.catalog`) gathers them in the order of gaps.md.

Messages are formatted by :meth:`Rule.finding` and nowhere else, so the
findings of two backends are equal when their rows are. Message parameters are
plain values a query can return: names of related nodes, dates, counts, codes.
A list value is sorted and joined (``、`` in Chinese, ``, `` in English).
``subject_name`` is always available to the templates.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from respchain.graph.schema import Lang, ResponsibilityKind, vocab_label
from respchain.queries.finding import Finding, Severity

if TYPE_CHECKING:
    import networkx as nx
    from respchain.queries.index import GraphIndex

__all__ = [
    "Rule",
    "Basis",
    "Family",
    "EvidenceOrder",
    "RuleFunction",
    "DOCUMENTS",
    "MAIN_RULES_DOC",
    "ACCOUNTABILITY_DOC",
    "YIBASHOU_DOC",
    "RESP_SYSTEM_DOC",
    "DISCIPLINE_RULES_DOC",
    "DISPATCHED_RULES_DOC",
    "INSPECTION_RULES_DOC",
]


# The documents of basis.md, by full title, with the articles verified there.
MAIN_RULES_DOC = "《党委（党组）落实全面从严治党主体责任规定》"
ACCOUNTABILITY_DOC = "《中国共产党问责条例》"
YIBASHOU_DOC = "《中共中央关于加强对\u201c一把手\u201d和领导班子监督的意见》"
RESP_SYSTEM_DOC = "《关于实行党风廉政建设责任制的规定》"
DISCIPLINE_RULES_DOC = "《中国共产党纪律检查机关监督执纪工作规则》"
DISPATCHED_RULES_DOC = "《纪检监察机关派驻机构工作规则》"
INSPECTION_RULES_DOC = "《中国共产党巡视工作条例》"

DOCUMENTS: dict[str, dict[str, Any]] = {
    MAIN_RULES_DOC: {"issued": "中共中央办公厅, 2020", "verified": ("第一条",)},
    ACCOUNTABILITY_DOC: {"issued": "中共中央, 2019 revision", "verified": ("第三条", "第四条", "第五条")},
    YIBASHOU_DOC: {"issued": "中共中央, 2021", "verified": ()},
    RESP_SYSTEM_DOC: {"issued": "2010", "verified": ("第六条",)},
    DISCIPLINE_RULES_DOC: {"issued": "中共中央办公厅, 2019", "verified": ("第十四条",)},
    DISPATCHED_RULES_DOC: {"issued": "中共中央办公厅, 2022", "verified": ("第十四条",)},
    # The inspected organization reports its rectification "于2个月内" of the feedback;
    # the article number differs between the texts, so none is cited.
    INSPECTION_RULES_DOC: {"issued": "中共中央", "verified": ()},
}


class Family(StrEnum):
    """The families of rules; ``--rules lists`` selects a whole family.

    A family gathers rules of one duty; a rule's module is named by its id's
    prefix (the ``events`` family has ACC, TALK, ECO and CONS).
    """

    MAIN = "main"
    FIRST = "first"
    DUAL = "dual"
    SUPERVISION = "supervision"
    LISTS = "lists"
    CHAIN = "chain"
    EVENTS = "events"
    RECT = "rect"


class EvidenceOrder(StrEnum):
    """How the ids after the subject in a finding's evidence are ordered."""

    SORTED = "sorted"
    """The subject, then the related ids in sorted order."""
    FIXED = "fixed"
    """A fixed sequence: a path up the leadership line, a task and its list."""


RuleFunction = Callable[..., list[Finding]]
"""``find_xxx(G, *, index=None, as_of=None, period=None, **options) -> list[Finding]``."""


@dataclass(frozen=True)
class Basis:
    """A document a rule rests on, with the (verified) articles cited, if any."""

    document: str
    articles: tuple[str, ...] = ()
    note_zh: str = ""
    note_en: str = ""

    def __str__(self) -> str:
        return self.document + "".join(self.articles[:1]) + "".join("、" + a for a in self.articles[1:])


def _fmt_value(v: Any, lang: Lang) -> str:
    if isinstance(v, (list, tuple, set, frozenset)):
        items = sorted(str(x) for x in v)
        return ("、" if lang == "zh" else ", ").join(items)
    return "" if v is None else str(v)


@cache
def _shape_blocks() -> dict[str, str]:
    """The text of each shape in ``graph/shapes.ttl``, by its subject (``rcsh:MAIN-001``)."""
    text = files("respchain.graph").joinpath("shapes.ttl").read_text(encoding="utf-8")
    blocks: dict[str, str] = {}
    for block in text.split("\n\n"):
        lines = block.strip("\n").splitlines()
        if lines and lines[0].startswith("rcsh:") and " a sh:" in lines[0]:
            blocks[lines[0].split()[0]] = "\n".join(lines)
    return blocks


@dataclass(frozen=True)
class Rule:
    """One gap rule of the catalog.

    Attributes
    ----------
    id : str
        ``MAIN-001``; its prefix names the module of the rule (``rules/main.py``).
    family : Family
    severity : Severity
    responsibility : ResponsibilityKind or None
        The responsibility type the rule checks, when it checks one
        (``FIRST-002``: ``first_responsible``); None for rules about records of
        duties performed (lists, talks, rectification).
    title_zh, title_en : str
    definition_zh, definition_en : str
        What the rule finds, exactly (gaps.md).
    message_zh, message_en : str
        ``str.format`` templates; ``{subject_name}`` and the rule's ``params``.
    params : tuple of str
        The message parameters a backend must return.
    basis : tuple of Basis
    fix_zh, fix_en : str
        What the keeper of the register (or the organization) should do.
    evidence : str
        The evidence ids, in order, as every backend must give them.
    evidence_order : EvidenceOrder
        Whether the ids after the subject are sorted or a fixed sequence.
    func : callable
        The in-memory implementation ``find_xxx(G, *, index, as_of, period)``.
    shape : str or None
        The subject of the rule's shape in ``graph/shapes.ttl`` (``rcsh:MAIN-001``),
        for the rules that are shapes of single nodes.
    options : tuple of str
        Keyword options of :func:`~respchain.queries.find_gaps` the rule takes
        (``soon`` for LIST-007).
    when_none : tuple of (str, str, str)
        ``(param, message_zh, message_en)``: the templates used instead when
        ``param`` is 0 or empty (SUP-001 of an organization that leads no unit).
    vocab_params : tuple of str
        The parameters whose values are vocabulary values (``party_group``):
        written as the label of the message's language (``党组``).
    """

    id: str
    family: Family
    severity: Severity
    responsibility: ResponsibilityKind | None
    title_zh: str
    title_en: str
    definition_zh: str
    definition_en: str
    message_zh: str
    message_en: str
    params: tuple[str, ...]
    basis: tuple[Basis, ...]
    fix_zh: str
    fix_en: str
    evidence: str
    evidence_order: EvidenceOrder
    func: RuleFunction
    shape: str | None = None
    options: tuple[str, ...] = ()
    when_none: tuple[str, str, str] | None = None
    vocab_params: tuple[str, ...] = ()

    @property
    def prefix(self) -> str:
        """The id's prefix (``FUNC`` of ``FUNC-001``); lowercased, the name of the rule's module."""
        return self.id.rsplit("-", 1)[0]

    @property
    def function_name(self) -> str:
        """The dotted name of :attr:`func` (``respchain.queries.rules.main.find_main_missing``)."""
        return f"{self.func.__module__}.{self.func.__qualname__}"

    @property
    def cypher_file(self) -> str:
        """The rule's Cypher file, relative to the queries package (``cypher/MAIN-001.cypher``)."""
        return f"cypher/{self.id}.cypher"

    @property
    def cypher(self) -> str:
        """The text of the rule's Cypher query (comments included)."""
        return _cypher_text(self.id)

    @property
    def shape_text(self) -> str | None:
        """The Turtle of the rule's shape in ``graph/shapes.ttl``, or None when it has none."""
        if self.shape is None:
            return None
        return _shape_blocks()[self.shape]

    def finding(
        self,
        subject: str,
        subject_name: str | None,
        evidence: Iterable[str],
        params: Mapping[str, Any] | None = None,
        source: str | None = None,
    ) -> Finding:
        """The :class:`Finding` of this rule about ``subject``: the one place findings are made.

        Parameters
        ----------
        subject : str
            The id of the node the finding is about.
        subject_name : str or None
            Its name (the id when missing).
        evidence : iterable of str
            The ids that show the gap, in the order :attr:`evidence` states.
        params : mapping, optional
            The message parameters of the rule; list values are sorted and joined.
        source : str, optional
            The source id of the subject's record.
        """
        name = str(subject_name) if subject_name else str(subject)
        zh: dict[str, str] = {}
        en: dict[str, str] = {}
        for k, v in (params or {}).items():
            if k in self.vocab_params:
                items = v if isinstance(v, (list, tuple, set, frozenset)) else [v]
                zh[k] = _fmt_value([vocab_label(x, "zh") for x in items if x is not None], "zh")
                en[k] = _fmt_value([vocab_label(x, "en") for x in items if x is not None], "en")
            elif isinstance(v, (list, tuple, set, frozenset)):
                zh[k], en[k] = _fmt_value(v, "zh"), _fmt_value(v, "en")
            else:
                zh[k] = en[k] = "" if v is None else str(v)
        tmpl_zh, tmpl_en = self.message_zh, self.message_en
        if self.when_none and (params or {}).get(self.when_none[0]) in (0, "0", None, "", [], ()):
            tmpl_zh, tmpl_en = self.when_none[1], self.when_none[2]
        return Finding(
            rule=self.id,
            severity=self.severity.value,
            subject=str(subject),
            subject_name=name,
            message_zh=tmpl_zh.format(subject_name=name, **zh),
            message_en=tmpl_en.format(subject_name=name, **en),
            evidence=tuple(map(str, evidence)),
            source=source or None,
        )

    def run(
        self,
        G: nx.MultiDiGraph,
        *,
        index: GraphIndex | None = None,
        as_of: str | _dt.date | None = None,
        period: int | str | None = None,
        **options: Any,
    ) -> list[Finding]:
        """Run the rule over the in-memory graph (:attr:`func`); ``options`` it does not take are left out."""
        kw = {k: options[k] for k in self.options if options.get(k) is not None}
        return self.func(G, index=index, as_of=as_of, period=period, **kw)


@cache
def _cypher_text(rule_id: str) -> str:
    return files("respchain.queries").joinpath("cypher", f"{rule_id}.cypher").read_text(encoding="utf-8")
