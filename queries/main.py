"""MAIN and FUNC rules: organizations that declare no responsibility of their kind."""

from __future__ import annotations

import datetime as _dt

import networkx as nx
from respchain.queries._common import name_of, party_orgs, source_of
from respchain.queries.catalog import make_finding
from respchain.queries.finding import Finding
from respchain.queries.index import GraphIndex, ensure_index

__all__ = ["find_main_missing", "find_functional_missing", "main_broken"]


def main_broken(ix: GraphIndex) -> set[str]:
    """Party organizations with no declared ``main`` responsibility (the MAIN-001 subjects)."""
    return {o for o in party_orgs(ix) if (o, "main") not in ix.declared}


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
        make_finding("MAIN-001", o, name_of(G, o), [o], {}, source_of(G, o))
        for o in party_orgs(ix)
        if (o, "main") not in ix.declared
    ]


def find_functional_missing(
    G: nx.MultiDiGraph,
    *,
    index: GraphIndex | None = None,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
) -> list[Finding]:
    """FUNC-001: functional departments with no declared ``functional_regulatory`` responsibility.

    Evidence: ``[department]``.
    """
    ix = ensure_index(G, index, as_of)
    return [
        make_finding("FUNC-001", o, name_of(G, o), [o], {}, source_of(G, o))
        for o in ix.orgs_by_kind.get("functional_department", ())
        if (o, "functional_regulatory") not in ix.declared
    ]
