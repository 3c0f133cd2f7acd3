"""The responsibility graph written as RDF in the respchain ontology.

Every node, edge and attribute of the graph becomes triples by the tables of
:mod:`~respchain.graph.rdf.mapping`, beside the derived triples written for
readers of the standards (``org:headOf``, ``rc:supervises``, delegations...).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS
from respchain.graph.rdf.mapping import (
    ATTRS,
    CODES,
    EVENT_CLASSES,
    FORMATS,
    FROM_EDGES,
    KIND_CLASSES,
    NOT_EXPORTED,
    RC,
    REL_PRED,
    SHORTCUTS,
    encode_id,
    jsonld_context,
    new_graph,
    node_iri,
)
from respchain.graph.schema import NodeKind, RelType, Role

from respchain._files import write_text_atomic
from respchain.exceptions import InputError, Problem

__all__ = ["graph_to_rdf", "write_rdf"]


def _literal(value: Any, kind: str, attr: str) -> URIRef | Literal:
    if kind == "date":
        return Literal(str(value), datatype=XSD.date)
    if kind == "int":
        return Literal(int(value))
    if kind == "num":
        return Literal(value)
    if kind == "anyuri":
        return Literal(str(value), datatype=XSD.anyURI)
    if kind == "code":
        return CODES[attr][0][str(value)]
    return Literal(str(value))


def graph_to_rdf(G: nx.MultiDiGraph, *, base_iri: str | None = None) -> Graph:
    """The responsibility graph as RDF, in the respchain ontology.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`respchain.graph.graph_from_register` (or
        :func:`graph_from_rdf`).
    base_iri : str, optional
        The namespace of the records' IRIs (default: the settings'
        ``RESPCHAIN_BASE_IRI``, ``https://respchain.example/id/``). It is also
        the IRI of the register resource.

    Returns
    -------
    rdflib.Graph

    Examples
    --------
    >>> from respchain.loaders import load_graph
    >>> g = graph_to_rdf(load_graph("data/seed"))
    >>> (node_iri("anyang-cdi"), RC.supervises, node_iri("anyang-unit-groups")) in g
    True
    """
    if base_iri is None:
        from respchain.settings import get_settings

        base_iri = get_settings().base_iri
    g = new_graph()
    g.bind("id", base_iri, override=True)
    add = g.add
    iri_cache: dict[str, URIRef] = {}

    def iri(n: str) -> URIRef:
        u = iri_cache.get(n)
        if u is None:
            u = iri_cache[n] = node_iri(n, base_iri)
        return u

    reg = URIRef(base_iri)
    add((reg, RDF.type, RC.Register))
    add((reg, RC.formatVersion, Literal(int(G.graph.get("respchain", 1)))))
    if G.graph.get("title"):
        add((reg, DCTERMS.title, Literal(str(G.graph["title"]))))
    if G.graph.get("as_of"):
        add((reg, RC.asOf, Literal(str(G.graph["as_of"]), datatype=XSD.date)))
    if G.graph.get("period") is not None:
        add((reg, RC.period, Literal(int(G.graph["period"]))))
    if G.graph.get("origin"):
        add((reg, RC.registerOrigin, Literal(str(G.graph["origin"]))))

    for n, d in G.nodes(data=True):
        kind = d.get("kind")
        s = iri(n)
        if kind in (NodeKind.RESPONSIBILITY_TYPE, NodeKind.ORGANIZATION_KIND):
            _add_concept(g, s, d, kind)
            continue
        for c in KIND_CLASSES.get(kind, ()):
            add((s, RDF.type, c))
        if kind == NodeKind.EVENT and d.get("event_kind") in EVENT_CLASSES:
            add((s, RDF.type, EVENT_CLASSES[d["event_kind"]]))
        add((s, DCTERMS.identifier, Literal(str(n))))
        for attr, value in d.items():
            if attr in FROM_EDGES or attr in NOT_EXPORTED or value is None:
                continue
            spec = ATTRS.get(attr)
            if spec is None:
                continue
            pred, k = spec
            if kind == NodeKind.POST and attr == "title" and not value:
                continue
            if k == "strs":
                for v in value if isinstance(value, list) else [value]:
                    add((s, pred, Literal(str(v))))
            else:
                add((s, pred, _literal(value, k, attr)))
        span = d.get("span")
        if isinstance(span, (list, tuple)) and len(span) == 2:
            add((s, RC.spanStart, Literal(int(span[0]))))
            add((s, RC.spanEnd, Literal(int(span[1]))))

    for u, v, key in G.edges(keys=True):
        rel_pred = REL_PRED.get(key)
        if rel_pred is not None:
            add((iri(u), rel_pred, iri(v)))
    _add_derived(G, g, iri)
    return g


def _add_concept(g: Graph, s: URIRef, d: dict[str, Any], kind: str) -> None:
    scheme = RC.responsibilityTypes if kind == NodeKind.RESPONSIBILITY_TYPE else RC.organizationKinds
    for c in KIND_CLASSES[kind]:
        g.add((s, RDF.type, c))
    g.add((s, SKOS.inScheme, scheme))
    g.add((s, SKOS.notation, Literal(d.get("code", ""))))
    for p in (RDFS.label, SKOS.prefLabel):
        g.add((s, p, Literal(d.get("name", ""), lang="zh")))
        g.add((s, p, Literal(d.get("name_en", ""), lang="en")))
    g.add((s, SKOS.definition, Literal(d.get("definition_zh", ""), lang="zh")))
    g.add((s, SKOS.definition, Literal(d.get("definition_en", ""), lang="en")))


def _add_derived(G: nx.MultiDiGraph, g: Graph, iri: Callable[[str], URIRef]) -> None:
    """Triples that restate edges in the standards' terms (skipped on reading)."""
    add = g.add
    nodes = G._node
    for n, d in nodes.items():
        kind = d.get("kind")
        if kind == NodeKind.POST:
            person, org, role = d.get("person"), d.get("org"), d.get("role")
            if person and org:
                add((iri(n), ORG.member, iri(person)))
                add((iri(n), ORG.organization, iri(org)))
                if role == Role.HEAD:
                    add((iri(person), ORG.headOf, iri(org)))
        elif kind == NodeKind.RESPONSIBILITY:
            pred = SHORTCUTS.get(d.get("type"))
            bearer = d.get("bearer")
            if pred is None or not bearer:
                continue
            for _, v, k in G.out_edges(n, keys=True):
                if k == RelType.COVERS:
                    add((iri(bearer), pred, iri(v)))
        elif kind == NodeKind.TASK:
            owner = nodes.get(d.get("list", ""), {}).get("owner")
            if not owner:
                continue
            task = iri(n)
            for _, v, k in G.out_edges(n, keys=True):
                if k in (RelType.LEAD, RelType.RESPONSIBLE):
                    dlg = URIRef(f"{task}/delegation/{encode_id(v)}")
                    add((iri(v), PROV.qualifiedDelegation, dlg))
                    add((dlg, RDF.type, PROV.Delegation))
                    add((dlg, PROV.agent, iri(owner)))
                    add((dlg, PROV.hadActivity, task))


def write_rdf(
    G: nx.MultiDiGraph, path: str | Path, *, base_iri: str | None = None, fmt: str | None = None
) -> Path:
    """Write ``G`` as RDF to ``path`` (``.ttl``, ``.jsonld`` or ``.nt``, or ``fmt``).

    The file is written to a temporary name and renamed: a failure leaves no
    half-written file.
    """
    path = Path(path)
    fmt = fmt or FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            Problem(
                str(path),
                0,
                "",
                f"不支持的 RDF 文件类型 / unsupported RDF file type "
                f"{path.suffix!r} (supported: {', '.join(FORMATS)})",
            )
        )
    g = graph_to_rdf(G, base_iri=base_iri)
    if fmt == "json-ld":
        data = g.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, indent=1)
    else:
        data = g.serialize(format=fmt)
    write_text_atomic(path, data, newline=None)
    return path
