"""The responsibility graph as RDF: export, import, and registers read from RDF.

The vocabulary is :file:`ontology.ttl` (shipped with this package): it reuses
W3C ORG for organizations and posts, PROV-O for provenance, plans (lists) and
delegation (交办), SKOS for the responsibility types and the other code lists,
Dublin Core for sources, FOAF for people, and adds a respchain term (``rc:``)
only where no standard has one.

IRIs
----
Every record node gets ``base_iri + percent-encoded id`` (``city`` ->
``https://respchain.example/id/city``; every character outside ``A-Za-z0-9-._~``
is encoded, so ids never clash with the IRIs derived from them). Each such
resource also carries its id as ``dcterms:identifier``, so that reading does not
depend on the base. The register itself is the resource ``<base_iri>``
(``rc:Register``) with ``dcterms:title``, ``rc:asOf`` and ``rc:period``: the
reference date is data, which the SHACL shapes of LIST-004 read. Vocabulary
nodes (responsibility types, organization kinds) and code values are the
ontology's own concepts (``rctype:main``, ``rckind:party_group``,
``rcrole:head``...).

What is exported
----------------
Every node, edge and attribute of :func:`respchain.graph.graph_from_register`,
except ``file`` and ``line`` (where a record sat in a YAML file is no fact about
the responsibility system). Beside them, the exporter writes triples that are
*derived*, for readers of the standards: ``org:headOf`` for heads, the post as
an ``org:Membership`` (``org:member``, ``org:organization``), one shortcut per
responsibility type from the bearer to what it covers (``rc:supervises``,
``rc:oneTwoDutiesOver`` ...) and a ``prov:Delegation`` for each task handed
(交办) to its lead unit and responsible persons by the owner of its list.
Reading ignores derived triples, so that export -> import -> export gives an
isomorphic graph.

The package is split on its seams: :mod:`~respchain.graph.rdf.mapping` (the
tables both directions share), :mod:`~respchain.graph.rdf.export` (graph ->
RDF) and :mod:`~respchain.graph.rdf.read` (RDF -> graph and register data).
"""

from __future__ import annotations

from respchain.graph.inverse import register_data_from_graph
from respchain.graph.rdf.export import graph_to_rdf, write_rdf
from respchain.graph.rdf.mapping import (
    CONTEXT_IRI,
    DEFAULT_BASE_IRI,
    FORMATS,
    NAMESPACES,
    RC,
    jsonld_context,
    new_graph,
    node_iri,
    ontology_graph,
    ontology_path,
)
from respchain.graph.rdf.read import graph_from_rdf, parse_rdf, read_register_rdf, register_data_from_rdf

__all__ = [
    "RC",
    "NAMESPACES",
    "DEFAULT_BASE_IRI",
    "CONTEXT_IRI",
    "FORMATS",
    "graph_to_rdf",
    "graph_from_rdf",
    "register_data_from_graph",
    "register_data_from_rdf",
    "read_register_rdf",
    "new_graph",
    "parse_rdf",
    "write_rdf",
    "ontology_graph",
    "ontology_path",
    "jsonld_context",
    "node_iri",
]
