"""CHAIN-001: 层层传导 — party organizations below a broken link of the leadership line."""

from __future__ import annotations

import datetime as _dt

import networkx as nx
from respchain.graph.schema import ResponsibilityKind
from respchain.queries.finding import Finding, Severity
from respchain.queries.index import GraphIndex, ensure_index
from respchain.queries.rule import MAIN_RULES_DOC, YIBASHOU_DOC, Basis, EvidenceOrder, Family, Rule
from respchain.queries.rules._common import name_of, party_orgs, source_of
from respchain.queries.rules.first import head_vacant
from respchain.queries.rules.main import main_broken

__all__ = ["CHAIN_001", "find_broken_above", "broken_links"]


def broken_links(ix: GraphIndex) -> dict[str, list[str]]:
    """Organizations with MAIN-001 or FIRST-001 -> those rule ids (whatever rules are selected)."""
    out: dict[str, list[str]] = {}
    for o in main_broken(ix):
        out.setdefault(o, []).append("MAIN-001")
    for o in head_vacant(ix):
        out.setdefault(o, []).append("FIRST-001")
    return out


def find_broken_above(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """CHAIN-001: party organizations with an ancestor (along ``parent``) that has MAIN-001 or FIRST-001.

    Evidence: the path of ids from the subject up to the nearest broken
    ancestor, both ends included. Each organization's path is worked out once
    and shared with the organizations below it.
    """
    ix = ensure_index(G, index, as_of)
    broken = broken_links(ix)
    parent = ix.parent
    # memo[o]: the path above o up to its nearest broken ancestor (o excluded), or None.
    memo: dict[str, tuple[str, ...] | None] = {}
    out = []
    for x in party_orgs(ix):
        stack: list[str] = []
        seen: set[str] = set()
        cur = x
        while cur not in memo:
            p = parent.get(cur)
            if p is None or cur in seen:  # the top of the line, or a cycle
                memo[cur] = None
                break
            seen.add(cur)
            if p in broken:
                memo[cur] = (p,)
                break
            stack.append(cur)
            cur = p
        while stack:
            c = stack.pop()
            above = memo.get(parent[c])
            memo[c] = (parent[c], *above) if above else None
        path = memo[x]
        if path:
            b = path[-1]
            out.append(
                CHAIN_001.finding(
                    x,
                    name_of(G, x),
                    [x, *path],
                    {"broken": name_of(G, b), "reasons": broken[b], "depth": len(path)},
                    source_of(G, x),
                )
            )
    return out


CHAIN_001 = Rule(
    id="CHAIN-001",
    family=Family.CHAIN,
    severity=Severity.INFO,
    responsibility=ResponsibilityKind.MAIN,
    title_zh="层层传导中断",
    title_en="Transmission broken above",
    definition_zh="党组织的某个上级（沿 parent，任意层级）存在 MAIN-001 或 FIRST-001 缺口：层层传导在其上方中断。",
    definition_en="A party organization with an ancestor (along `parent`, any depth) that has MAIN-001 or FIRST-001: "
    "the transmission 层层传导 is broken above it.",
    message_zh="{subject_name}的上级{broken}存在{reasons}缺口（向上{depth}级），层层传导在其上方中断",
    message_en="{broken}, {depth} level(s) above {subject_name}, has {reasons}: the transmission is broken above it",
    params=("broken", "reasons", "depth"),
    basis=(
        Basis(
            MAIN_RULES_DOC,
            note_zh="主体责任逐级落实",
            note_en="the main responsibility carried down level by level",
        ),
        Basis(
            YIBASHOU_DOC,
            note_zh="责任链条：主体责任、第一责任人职责、一岗双责、监督专责",
            note_en="the four-part chain of duties",
        ),
    ),
    fix_zh="先补上上级组织的缺口（见其 MAIN-001 / FIRST-001）。",
    fix_en="Close the gap of the ancestor first (its MAIN-001 / FIRST-001).",
    evidence="[组织, 父组织, ..., 最近的中断上级（沿 parent 的路径）/ the path of ids from the subject up to the nearest broken ancestor]",
    evidence_order=EvidenceOrder.FIXED,
    func=find_broken_above,
)

RULES: tuple[Rule, ...] = (CHAIN_001,)
"""The rules of this module, in the order of gaps.md."""
