"""The ``shacl`` backend: the gap rules as SHACL shapes, validated with pySHACL.

:file:`shapes.ttl` (shipped with :mod:`respchain.graph`, see :mod:`respchain.graph.shacl`) holds one shape per rule that
is a shape of single nodes (:data:`SHACL_RULES`). :func:`shacl_findings`
exports the graph to RDF, validates it against the shapes and turns every
validation result into the same :class:`~respchain.queries.finding.Finding`
the in-memory engine gives: the rule is the shape's ``dcterms:identifier``, the
subject its focus node; evidence and message parameters are read from the
graph as the catalog states them, and the finding is made by
:func:`respchain.queries.catalog.make_finding`.

The other rules (DUAL-002, SUP-003, CHAIN-001, the event rules, LIST-007 with
its window of days, RECT-002 with its calendar months and RECT-004 across a
problem and its measures) are about paths and dates across many nodes; asked
for them, :func:`shacl_backend` runs them in the in-memory engine.

The data is validated as it stands at ``as_of``: posts not held then are taken
out of it first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import Any

import networkx as nx
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from respchain.graph.rdf import DEFAULT_BASE_IRI, RC, graph_to_rdf
from respchain.graph.schema import (
    LEADING_ORG_KINDS,
    PARTY_ORG_KINDS,
    ListKind,
    NodeKind,
    RelType,
    ResponsibilityKind,
    Role,
    held_at,
)
from respchain.graph.shacl import SH, shapes_graph, validate_rdf
from respchain.queries.catalog import CATALOG, make_finding
from respchain.queries.finding import Finding

__all__ = ["SHACL_RULES", "shacl_findings", "shacl_backend", "run"]

RC_POST = URIRef("http://www.w3.org/ns/org#Post")

SHACL_RULES: tuple[str, ...] = tuple(r.id for r in CATALOG.values() if r.shape is not None)
"""The rules :file:`shapes.ttl` has a shape for (their :attr:`~respchain.queries.rule.Rule.shape`), in catalog order."""


def _names(G: nx.MultiDiGraph, ids: Iterable[str]) -> list[str]:
    return [G._node.get(i, {}).get("name") or i for i in ids]


def _posts(
    G: nx.MultiDiGraph, person: str, roles: AbstractSet[str], kinds: AbstractSet[str], as_of: str
) -> set[str]:
    out = set()
    for p in G._succ.get(person, ()):
        d = G._node[p]
        if (
            d.get("kind") == NodeKind.POST
            and d.get("role") in roles
            and held_at(d.get("since"), d.get("until"), as_of)
        ):
            org = d.get("org")
            if G._node.get(org, {}).get("org_kind") in kinds:
                out.add(org)
    return out


def _out(G: nx.MultiDiGraph, n: str, rel: str) -> list[str]:
    return [v for v, keys in G._succ.get(n, {}).items() if rel in keys]


def _evidence(G: nx.MultiDiGraph, rule: str, s: str, as_of: str) -> tuple[list[str], dict[str, Any]]:
    """Evidence and message parameters of a finding, as the catalog defines them per rule."""
    if rule == "FIRST-002":
        orgs = _posts(G, s, {Role.HEAD}, PARTY_ORG_KINDS, as_of)
        return [s, *sorted(orgs)], {"orgs": _names(G, orgs)}
    if rule == "DUAL-001":
        orgs = _posts(G, s, {Role.DEPUTY, Role.MEMBER}, LEADING_ORG_KINDS, as_of)
        return [s, *sorted(orgs)], {"orgs": _names(G, orgs)}
    if rule == "SUP-001":
        units = _out(G, s, RelType.LEADS.value)
        return [s, *sorted(units)], {"units": len(units)}
    if rule == "SUP-002":
        ids = [
            r
            for r in _out(G, s, RelType.BEARS.value)
            if G._node[r].get("type") == ResponsibilityKind.SUPERVISORY
        ]
        ids += [
            lst
            for lst in _out(G, s, RelType.OWNS.value)
            if G._node[lst].get("list_kind") == ListKind.SUPERVISORY
        ]
        return [s, *sorted(set(ids))], {"kind": G._node[s].get("org_kind") or "person"}
    if rule.startswith("LIST-"):
        lst = G._node[s].get("list", "")
        params: dict[str, Any] = {"list": G._node.get(lst, {}).get("name") or lst}
        if rule == "LIST-004":
            params.update(due=G._node[s].get("due"), as_of=as_of)
        if rule == "LIST-005":
            params.update(due=G._node[s].get("due"), done_on=G._node[s].get("done_on"))
        return [s, lst], params
    if rule == "RECT-001":
        org = G._node[s].get("org", "")
        return [s, org], {"org": _names(G, [org])[0]}
    if rule in ("RECT-003", "RECT-005"):
        pb = G._node[s].get("problem", "")
        params = {"problem": _names(G, [pb])[0]}
        if rule == "RECT-003":
            params.update(due=G._node[s].get("due"), as_of=as_of)
        return [s, pb], params
    return [s], {}


def _drop_posts_not_held(data: Graph, as_of: str) -> None:
    """Validate the register as it stands at ``as_of``: a post that has ended or not
    yet begun (``rc:until`` before, ``rc:since`` after the date) is taken out of the data."""
    day = Literal(as_of, datatype=XSD.date).toPython()
    gone = set()
    for post in set(data.subjects(RDF.type, RC_POST)):
        since, until = data.value(post, RC.since), data.value(post, RC.until)
        if (isinstance(since, Literal) and since.toPython() > day) or (
            isinstance(until, Literal) and until.toPython() < day
        ):
            gone.add(post)
    for post in gone:
        data.remove((post, None, None))
        data.remove((None, None, post))


def shacl_findings(
    G: nx.MultiDiGraph,
    rules: list[str] | tuple[str, ...] | None = None,
    *,
    as_of: str | None = None,
    data: Graph | None = None,
) -> list[Finding]:
    """The findings of the SHACL rules, from a pySHACL validation of ``G`` as RDF.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The responsibility graph.
    rules : sequence of str, optional
        Rule ids among :data:`SHACL_RULES` (default: all of them).
    as_of : str, optional
        The reference date (default ``G.graph['as_of']``); written into the data
        as the register's ``rc:asOf``.
    data : rdflib.Graph, optional
        ``G`` already exported by :func:`~respchain.graph.rdf.graph_to_rdf`.

    Returns
    -------
    list of Finding
        One per (rule, subject), unsorted.
    """
    wanted = [r for r in (SHACL_RULES if rules is None else rules) if r in SHACL_RULES]
    if not wanted:
        return []
    as_of = str(as_of or G.graph.get("as_of") or "")
    if data is None:
        data = graph_to_rdf(G, base_iri=DEFAULT_BASE_IRI)
    if as_of:
        _drop_posts_not_held(data, as_of)
    for reg in list(data.subjects(RDF.type, RC.Register)):
        data.remove((reg, RC.asOf, None))
        if as_of:
            data.add((reg, RC.asOf, Literal(as_of, datatype=XSD.date)))
    shapes = shapes_graph(wanted)
    _conforms, report = validate_rdf(data, shapes)
    rule_of: dict[Any, str] = {s: str(r) for s, r in shapes.subject_objects(DCTERMS.identifier)}
    ids: dict[Any, str] = {s: str(o) for s, o in data.subject_objects(DCTERMS.identifier)}
    hits: dict[str, set[str]] = defaultdict(set)
    for res in report.subjects(RDF.type, SH.ValidationResult):
        rule = rule_of.get(report.value(res, SH.sourceShape))
        focus = report.value(res, SH.focusNode)
        if rule is None or focus is None:
            continue
        subject = ids.get(focus) or (str(focus) if isinstance(focus, URIRef) else None)
        if subject is not None and subject in G:
            hits[rule].add(subject)
    out = []
    for rule in wanted:
        for s in sorted(hits.get(rule, ())):
            evidence, params = _evidence(G, rule, s, as_of)
            d = G._node[s]
            out.append(make_finding(rule, s, d.get("name") or s, evidence, params, d.get("source")))
    return out


def shacl_backend(
    G: nx.MultiDiGraph,
    rule_ids: list[str],
    *,
    as_of: str,
    period: str,
    **options: Any,
) -> list[Finding]:
    """The ``shacl`` backend of :func:`respchain.queries.find_gaps`.

    The rules of :data:`SHACL_RULES` are validated as SHACL shapes with
    pySHACL; the others run in the in-memory engine (they are not shapes of
    single nodes).
    """
    from respchain.queries.backends.memory import memory_backend

    shacl_ids = [r for r in rule_ids if r in SHACL_RULES]
    rest = [r for r in rule_ids if r not in SHACL_RULES]
    found = shacl_findings(G, shacl_ids, as_of=as_of)
    if rest:
        found.extend(memory_backend(G, rest, as_of=as_of, period=period, **options))
    return found


run = shacl_backend
"""The backend function :func:`respchain.queries.find_gaps` looks up by the name ``shacl``."""
