"""The mapping between the responsibility graph and RDF, in one place.

The namespaces of the respchain ontology, the classes each node kind is typed
with, the predicate of each relationship type and attribute, the code lists,
the derived triples, the IRIs of nodes, the shipped ontology and the shipped
JSON-LD context. :mod:`~respchain.graph.rdf.export` and
:mod:`~respchain.graph.rdf.read` both work from these tables, so that reading
is the inverse of writing.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files as _package_files
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS, DefinedNamespaceMeta
from respchain.graph.schema import (
    ORG_KIND_INFO,
    RESPONSIBILITY_INFO,
    EventKind,
    Level,
    ListKind,
    NodeKind,
    Rating,
    RelType,
    ResponsibilityKind,
    Role,
    TalkKind,
    TaskStatus,
)

__all__ = [
    "DEFAULT_BASE_IRI",
    "CONTEXT_IRI",
    "RC",
    "NAMESPACES",
    "FORMATS",
    "node_iri",
    "encode_id",
    "new_graph",
    "ontology_path",
    "ontology_graph",
    "context_path",
    "jsonld_context",
]

DEFAULT_BASE_IRI = "https://respchain.example/id/"
_NS = "https://respchain.example/ns"
RC = Namespace(_NS + "#")
RCTYPE = Namespace(_NS + "/type/")
RCKIND = Namespace(_NS + "/orgkind/")
RCROLE = Namespace(_NS + "/role/")
RCLEVEL = Namespace(_NS + "/level/")
RCTALK = Namespace(_NS + "/talk/")
RCRATING = Namespace(_NS + "/rating/")
RCLISTKIND = Namespace(_NS + "/listkind/")
RCSTATUS = Namespace(_NS + "/status/")

#: Prefixes bound in every graph respchain writes (and in SPARQL queries).
NAMESPACES: dict[str, Namespace | DefinedNamespaceMeta] = {  # rdflib ships some as DefinedNamespace
    "rc": RC,
    "rctype": RCTYPE,
    "rckind": RCKIND,
    "rcrole": RCROLE,
    "rclevel": RCLEVEL,
    "rctalk": RCTALK,
    "rcrating": RCRATING,
    "rclistkind": RCLISTKIND,
    "rcstatus": RCSTATUS,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "foaf": FOAF,
}

#: The IRI of respchain's own JSON-LD context (:file:`context.jsonld`, shipped with
#: this package). A ``.jsonld`` register may name it as its ``@context``; it is
#: read from the package, never fetched.
CONTEXT_IRI = _NS + "/context.jsonld"

#: File suffix -> rdflib format name.
FORMATS: dict[str, str] = {".ttl": "turtle", ".jsonld": "json-ld", ".nt": "nt"}

# ---------------------------------------------------------------------------
# The mapping, in one place

# Node kind -> the classes its nodes are typed with (the first identifies the kind on reading).
KIND_CLASSES: dict[str, tuple[URIRef, ...]] = {
    NodeKind.ORGANIZATION: (ORG.FormalOrganization,),
    NodeKind.ORGANIZATION_KIND: (RC.OrganizationKind, SKOS.Concept),
    NodeKind.PERSON: (FOAF.Person,),
    NodeKind.POST: (ORG.Post, ORG.Membership),
    NodeKind.RESPONSIBILITY_TYPE: (RC.ResponsibilityType, SKOS.Concept),
    NodeKind.RESPONSIBILITY: (RC.Responsibility,),
    NodeKind.LIST: (PROV.Plan,),
    NodeKind.TASK: (RC.Task, PROV.Activity),
    NodeKind.EVENT: (RC.Event, PROV.Activity),
    NodeKind.MECHANISM: (RC.Mechanism,),
    NodeKind.SOURCE: (DCTERMS.BibliographicResource,),
    NodeKind.FACT: (RC.Fact,),
    NodeKind.EVIDENCE: (RC.Evidence,),
    NodeKind.PROBLEM: (RC.Problem,),
    NodeKind.MEASURE: (RC.Measure, PROV.Activity),
}
# Reading: the class that identifies each kind, most specific first.
CLASS_KIND: list[tuple[URIRef, str]] = [
    (RC.OrganizationKind, NodeKind.ORGANIZATION_KIND.value),
    (RC.ResponsibilityType, NodeKind.RESPONSIBILITY_TYPE.value),
    (RC.Responsibility, NodeKind.RESPONSIBILITY.value),
    (RC.Task, NodeKind.TASK.value),
    (RC.Event, NodeKind.EVENT.value),
    (RC.Mechanism, NodeKind.MECHANISM.value),
    (RC.Fact, NodeKind.FACT.value),
    (RC.Evidence, NodeKind.EVIDENCE.value),
    (RC.Problem, NodeKind.PROBLEM.value),
    (RC.Measure, NodeKind.MEASURE.value),
    (ORG.Post, NodeKind.POST.value),
    (FOAF.Person, NodeKind.PERSON.value),
    (PROV.Plan, NodeKind.LIST.value),
    (DCTERMS.BibliographicResource, NodeKind.SOURCE.value),
    (ORG.FormalOrganization, NodeKind.ORGANIZATION.value),
    (ORG.Organization, NodeKind.ORGANIZATION.value),
    (ORG.OrganizationalUnit, NodeKind.ORGANIZATION.value),
]

# Event kind -> its class (a subclass of rc:Event).
EVENT_CLASSES: dict[str, URIRef] = {
    EventKind.TALK: RC.Talk,
    EventKind.ACCOUNTABILITY: RC.Accountability,
    EventKind.CONSULTATION: RC.Consultation,
    EventKind.ECOLOGY_RATING: RC.EcologyRating,
    EventKind.ASSESSMENT: RC.Assessment,
    EventKind.MEETING: RC.Meeting,
}
CLASS_EVENT = {v: str(k) for k, v in EVENT_CLASSES.items()}

# Relationship type -> predicate. Every edge is one triple ``u p v``.
REL_PRED: dict[str, URIRef] = {
    RelType.SUB_ORGANIZATION_OF: ORG.subOrganizationOf,
    RelType.LEADS: RC.leads,
    RelType.HAS_KIND: ORG.classification,
    RelType.HOLDS: ORG.holds,
    RelType.POST_IN: ORG.postIn,
    RelType.IN_CHARGE_OF: RC.inChargeOf,
    RelType.BEARS: RC.bears,
    RelType.OF_TYPE: RC.responsibilityType,
    RelType.COVERS: RC.covers,
    RelType.OWNS: RC.owns,
    RelType.HAS_TASK: RC.hasTask,
    RelType.RESPONSIBLE: RC.responsiblePerson,
    RelType.LEAD: RC.leadUnit,
    RelType.ASSIST: RC.assistingUnit,
    RelType.IMPLEMENTS: RC.implements,
    RelType.BY: PROV.wasAssociatedWith,
    RelType.WITH: RC.talkWith,
    RelType.TARGET: RC.accountabilityTarget,
    RelType.FOR: RC.concerns,
    RelType.PARTY: RC.party,
    RelType.ABOUT: RC.about,
    RelType.PARTICIPANT: RC.participant,
    RelType.ADOPTED_BY: RC.adoptedBy,
    RelType.DERIVED_FROM: PROV.wasDerivedFrom,
    RelType.DISCUSSES: DCTERMS.subject,
    RelType.BEARS_BY_DEFAULT: RC.bearsByDefault,
    RelType.HAS_EVIDENCE: RC.hasEvidence,
    RelType.MUST_RECTIFY: RC.mustRectify,
    RelType.HAS_MEASURE: RC.hasMeasure,
}
PRED_REL = {p: str(t) for t, p in REL_PRED.items()}

# Code lists: node attribute -> (namespace of its concepts, allowed codes).
CODES: dict[str, tuple[Namespace, list[str]]] = {
    "level": (RCLEVEL, Level.values()),
    "role": (RCROLE, Role.values()),
    "talk": (RCTALK, TalkKind.values()),
    "rating": (RCRATING, Rating.values()),
    "list_kind": (RCLISTKIND, ListKind.values()),
    "status": (RCSTATUS, TaskStatus.values()),
}

# Plain attributes: attribute -> (predicate, kind). Kinds: str, date, int, num,
# code (a concept of CODES), strs (one triple per list item).
ATTRS: dict[str, tuple[URIRef, str]] = {
    "name": (RDFS.label, "str"),
    "title": (DCTERMS.title, "str"),
    "publisher": (DCTERMS.publisher, "str"),
    "published": (DCTERMS.issued, "date"),
    "url": (RC.url, "anyuri"),
    "quote": (RC.quote, "str"),
    "level": (RC.level, "code"),
    "region": (RC.region, "str"),
    "domains": (RC.domain, "strs"),
    "role": (ORG.role, "code"),
    "areas_text": (RC.areaText, "strs"),
    "over_text": (RC.overText, "strs"),
    "list_kind": (RC.listKind, "code"),
    "year": (RC.year, "int"),
    "goal": (RC.goal, "str"),
    "measure": (RC.measure, "str"),
    "due": (RC.due, "date"),
    "due_note": (RC.dueNote, "str"),
    "status": (RC.status, "code"),
    "progress": (RC.progress, "str"),
    "note": (SKOS.note, "str"),
    "date": (DCTERMS.date, "date"),
    "talk": (RC.talkKind, "code"),
    "form": (RC.accountabilityForm, "str"),
    "rating": (RC.rating, "code"),
    "result": (RC.result, "str"),
    "meeting": (RC.meetingKind, "str"),
    "description": (DCTERMS.description, "str"),
    "metric": (RC.metric, "str"),
    "value": (RDF.value, "num"),
    "unit": (RC.unit, "str"),
    "period": (RC.reportingPeriod, "str"),
    "since": (RC.since, "date"),
    "until": (RC.until, "date"),
    "done_on": (RC.doneOn, "date"),
    "found": (RC.found, "date"),
    "reported_on": (RC.reportedOn, "date"),
    "closed_on": (RC.closedOn, "date"),
    "origin": (RC.origin, "str"),
    "action": (RC.action, "str"),
    "evidence_kind": (RC.evidenceKind, "str"),
    "path": (RC.evidenceFile, "str"),
    "sha256": (RC.sha256, "str"),
}
PRED_ATTR = {p: (a, k) for a, (p, k) in ATTRS.items()}

# Attributes that repeat what an edge says; rebuilt from the edges on reading.
FROM_EDGES = {
    "org_kind",
    "person",
    "org",
    "type",
    "bearer",
    "owner",
    "list",
    "implements",
    "for",
    "subject",
    "source",
    "topics",
    "kind",
    "event_kind",
}
# Attributes never exported (editing locations) or only on vocabulary nodes.
NOT_EXPORTED = {"file", "line", "span", "code", "name_en", "definition_zh", "definition_en", "bearers"}

# Derived triples, written for readers and skipped on reading.
SHORTCUTS: dict[str, URIRef] = {
    ResponsibilityKind.MAIN: RC.bearsMainResponsibilityFor,
    ResponsibilityKind.SUPERVISORY: RC.supervises,
    ResponsibilityKind.FIRST_RESPONSIBLE: RC.firstResponsibleFor,
    ResponsibilityKind.ONE_POST_TWO_DUTIES: RC.oneTwoDutiesOver,
    ResponsibilityKind.FUNCTIONAL_REGULATORY: RC.regulates,
}
DERIVED_PREDS = {
    ORG.headOf,
    ORG.member,
    ORG.organization,
    PROV.qualifiedDelegation,
    PROV.agent,
    PROV.hadActivity,
    *SHORTCUTS.values(),
}


def encode_id(node_id: str) -> str:
    return quote(str(node_id), safe="")


def node_iri(node_id: str, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """The IRI of a node: the ontology's concept for vocabulary nodes, else ``base_iri`` + encoded id.

    Examples
    --------
    >>> str(node_iri("post:p-wang:0"))
    'https://respchain.example/id/post%3Ap-wang%3A0'
    >>> str(node_iri("type:main"))
    'https://respchain.example/ns/type/main'
    """
    if node_id.startswith("type:") and node_id[5:] in RESPONSIBILITY_INFO:
        return RCTYPE[node_id[5:]]
    if node_id.startswith("orgkind:") and node_id[8:] in ORG_KIND_INFO:
        return RCKIND[node_id[8:]]
    return URIRef(base_iri + encode_id(node_id))


def new_graph() -> Graph:
    """An empty rdflib graph with respchain's prefixes bound."""
    g = Graph()
    for prefix, ns in NAMESPACES.items():
        g.bind(prefix, ns, override=True)
    return g


def ontology_path() -> Path:
    """The path of the shipped ontology (:file:`ontology.ttl`)."""
    return Path(str(_package_files("respchain.graph").joinpath("ontology.ttl")))


@lru_cache(maxsize=1)
def _ontology_triples() -> tuple[Any, ...]:
    g = Graph()
    g.parse(ontology_path(), format="turtle")
    return tuple(g)


def ontology_graph() -> Graph:
    """The respchain ontology, parsed (a new graph on each call; parsed once)."""
    g = new_graph()
    for t in _ontology_triples():
        g.add(t)
    return g


def context_path() -> Path:
    """The path of the shipped JSON-LD context (:file:`context.jsonld`)."""
    return Path(str(_package_files("respchain.graph").joinpath("context.jsonld")))


@lru_cache(maxsize=1)
def _context_text() -> str:
    return context_path().read_text(encoding="utf-8")


def jsonld_context() -> dict[str, Any]:
    """respchain's JSON-LD context: the term definitions of :file:`context.jsonld` (a new dict on each call).

    Examples
    --------
    >>> jsonld_context()["rc"]
    'https://respchain.example/ns#'
    """
    ctx: dict[str, Any] = json.loads(_context_text())["@context"]
    return ctx
