"""MAIN-001: party organizations that declare no main responsibility (主体责任)."""

from __future__ import annotations

import datetime as _dt

import networkx as nx
from respchain.graph.schema import ResponsibilityKind
from respchain.queries.finding import Finding, Severity
from respchain.queries.index import GraphIndex, ensure_index
from respchain.queries.rule import ACCOUNTABILITY_DOC, MAIN_RULES_DOC, Basis, EvidenceOrder, Family, Rule
from respchain.queries.rules._common import name_of, party_orgs, source_of

__all__ = ["MAIN_001", "find_main_missing", "main_broken"]


def main_broken(ix: GraphIndex) -> set[str]:
    """Party organizations with no declared ``main`` responsibility (the MAIN-001 subjects)."""
    return {o for o in party_orgs(ix) if (o, ResponsibilityKind.MAIN) not in ix.declared}


def find_main_missing(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """MAIN-001: party organizations with no declared ``main`` responsibility.

    Declared means a ``main`` entry under responsibilities borne by it, or a
    ``main`` list it owns. Evidence: ``[org]``.

    Examples
    --------
    >>> from respchain.loaders import load_graph
    >>> G = load_graph("tests/data/gaps/district/register.yaml")
    >>> [f.subject for f in find_main_missing(G)]
    ['street']
    """
    ix = ensure_index(G, index, as_of)
    return [
        MAIN_001.finding(o, name_of(G, o), [o], {}, source_of(G, o))
        for o in party_orgs(ix)
        if (o, ResponsibilityKind.MAIN) not in ix.declared
    ]


_MAIN_BASIS = (
    Basis(
        MAIN_RULES_DOC,
        note_zh="党委（党组）承担全面从严治党主体责任",
        note_en="party committees and groups bear the main responsibility",
    ),
    Basis(
        ACCOUNTABILITY_DOC,
        ("第四条",),
        "党委（党组）承担主体责任",
        "committees and groups bear the main responsibility",
    ),
)

MAIN_001 = Rule(
    id="MAIN-001",
    family=Family.MAIN,
    severity=Severity.HIGH,
    responsibility=ResponsibilityKind.MAIN,
    title_zh="党组织未声明主体责任",
    title_en="Party organization without a main responsibility",
    definition_zh="党组织（党委、党组、党支部）既没有登记主体责任，也没有自己的主体责任清单。",
    definition_en="A party organization (committee, group or branch) with no declared `main` responsibility: "
    "none under responsibilities and no `main` list it owns.",
    message_zh="{subject_name}未声明主体责任（既无主体责任条目，也无主体责任清单）",
    message_en="{subject_name} declares no main responsibility (no main responsibility entry and no main list)",
    params=(),
    basis=_MAIN_BASIS,
    fix_zh="为该党组织登记主体责任（responsibilities 中 type: main），或建立其主体责任清单（lists 中 kind: main）。",
    fix_en="Declare a main responsibility for it (type: main under responsibilities) or give it a main list.",
    evidence="[组织 / the organization]",
    evidence_order=EvidenceOrder.SORTED,
    func=find_main_missing,
    shape="rcsh:MAIN-001",
)

RULES: tuple[Rule, ...] = (MAIN_001,)
"""The rules of this module, in the order of gaps.md."""
