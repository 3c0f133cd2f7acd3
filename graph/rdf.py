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
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from functools import lru_cache
from importlib.resources import files as _package_files
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS
from respchain.graph.model import add_vocabulary_nodes
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
    orgkind_node_id,
    type_node_id,
)

from respchain._files import shareable_path, write_text_atomic
from respchain.exceptions import InputError, Problem

__all__ = [
    "RC",
    "NAMESPACES",
    "DEFAULT_BASE_IRI",
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
    "node_iri",
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
NAMESPACES: dict[str, Namespace] = {
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

#: File suffix -> rdflib format name.
FORMATS: dict[str, str] = {".ttl": "turtle", ".jsonld": "json-ld", ".nt": "nt"}

# ---------------------------------------------------------------------------
# The mapping, in one place

# Node kind -> the classes its nodes are typed with (the first identifies the kind on reading).
_KIND_CLASSES: dict[str, tuple[URIRef, ...]] = {
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
_CLASS_KIND: list[tuple[URIRef, str]] = [
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
_EVENT_CLASSES: dict[str, URIRef] = {
    EventKind.TALK: RC.Talk,
    EventKind.ACCOUNTABILITY: RC.Accountability,
    EventKind.CONSULTATION: RC.Consultation,
    EventKind.ECOLOGY_RATING: RC.EcologyRating,
    EventKind.ASSESSMENT: RC.Assessment,
    EventKind.MEETING: RC.Meeting,
}
_CLASS_EVENT = {v: k.value for k, v in _EVENT_CLASSES.items()}

# Relationship type -> predicate. Every edge is one triple ``u p v``.
_REL_PRED: dict[str, URIRef] = {
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
_PRED_REL = {p: t.value for t, p in _REL_PRED.items()}

# Code lists: node attribute -> (namespace of its concepts, allowed codes).
_CODES: dict[str, tuple[Namespace, list[str]]] = {
    "level": (RCLEVEL, Level.values()),
    "role": (RCROLE, Role.values()),
    "talk": (RCTALK, TalkKind.values()),
    "rating": (RCRATING, Rating.values()),
    "list_kind": (RCLISTKIND, ListKind.values()),
    "status": (RCSTATUS, TaskStatus.values()),
}

# Plain attributes: attribute -> (predicate, kind). Kinds: str, date, int, num,
# code (a concept of _CODES), strs (one triple per list item).
_ATTRS: dict[str, tuple[URIRef, str]] = {
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
_PRED_ATTR = {p: (a, k) for a, (p, k) in _ATTRS.items()}

# Attributes that repeat what an edge says; rebuilt from the edges on reading.
_FROM_EDGES = {
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
_NOT_EXPORTED = {"file", "line", "span", "code", "name_en", "definition_zh", "definition_en", "bearers"}

# Derived triples, written for readers and skipped on reading.
_SHORTCUTS: dict[str, URIRef] = {
    ResponsibilityKind.MAIN: RC.bearsMainResponsibilityFor,
    ResponsibilityKind.SUPERVISORY: RC.supervises,
    ResponsibilityKind.FIRST_RESPONSIBLE: RC.firstResponsibleFor,
    ResponsibilityKind.ONE_POST_TWO_DUTIES: RC.oneTwoDutiesOver,
    ResponsibilityKind.FUNCTIONAL_REGULATORY: RC.regulates,
}
_DERIVED_PREDS = {
    ORG.headOf,
    ORG.member,
    ORG.organization,
    PROV.qualifiedDelegation,
    PROV.agent,
    PROV.hadActivity,
    *_SHORTCUTS.values(),
}


def _enc(node_id: str) -> str:
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
    return URIRef(base_iri + _enc(node_id))


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
def _ontology_triples() -> tuple:
    g = Graph()
    g.parse(ontology_path(), format="turtle")
    return tuple(g)


def ontology_graph() -> Graph:
    """The respchain ontology, parsed (a new graph on each call; parsed once)."""
    g = new_graph()
    for t in _ontology_triples():
        g.add(t)
    return g


# ---------------------------------------------------------------------------
# Export


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
        return _CODES[attr][0][str(value)]
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
        for c in _KIND_CLASSES.get(kind, ()):
            add((s, RDF.type, c))
        if kind == NodeKind.EVENT and d.get("event_kind") in _EVENT_CLASSES:
            add((s, RDF.type, _EVENT_CLASSES[d["event_kind"]]))
        add((s, DCTERMS.identifier, Literal(str(n))))
        for attr, value in d.items():
            if attr in _FROM_EDGES or attr in _NOT_EXPORTED or value is None:
                continue
            spec = _ATTRS.get(attr)
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
        pred = _REL_PRED.get(key)
        if pred is not None:
            add((iri(u), pred, iri(v)))
    _add_derived(G, g, iri)
    return g


def _add_concept(g: Graph, s: URIRef, d: dict, kind: str) -> None:
    scheme = RC.responsibilityTypes if kind == NodeKind.RESPONSIBILITY_TYPE else RC.organizationKinds
    for c in _KIND_CLASSES[kind]:
        g.add((s, RDF.type, c))
    g.add((s, SKOS.inScheme, scheme))
    g.add((s, SKOS.notation, Literal(d.get("code", ""))))
    for p in (RDFS.label, SKOS.prefLabel):
        g.add((s, p, Literal(d.get("name", ""), lang="zh")))
        g.add((s, p, Literal(d.get("name_en", ""), lang="en")))
    g.add((s, SKOS.definition, Literal(d.get("definition_zh", ""), lang="zh")))
    g.add((s, SKOS.definition, Literal(d.get("definition_en", ""), lang="en")))


def _add_derived(G: nx.MultiDiGraph, g: Graph, iri) -> None:
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
            pred = _SHORTCUTS.get(d.get("type"))
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
                    dlg = URIRef(f"{task}/delegation/{_enc(v)}")
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
        ctx = {p: str(ns) for p, ns in NAMESPACES.items()}
        data = g.serialize(format="json-ld", context=ctx, auto_compact=True, indent=1)
    else:
        data = g.serialize(format=fmt)
    write_text_atomic(path, data, newline=None)
    return path


# ---------------------------------------------------------------------------
# Import


def parse_rdf(text: str, fmt: str, *, source: str = "") -> Graph:
    """Parse RDF text; a syntax error becomes :class:`InputError` naming ``source`` and the line."""
    g = new_graph()
    try:
        g.parse(data=text, format=fmt)
    except Exception as e:  # rdflib's parsers raise many kinds of error
        line = 0
        if isinstance(getattr(e, "lines", None), int):  # notation3's BadSyntax: 0-based line
            line = e.lines + 1
        why = getattr(e, "_why", None) or getattr(e, "msg", None)
        text_e = str(e).strip()
        msg = str(why) if why else (text_e.splitlines()[0] if text_e else type(e).__name__)
        raise InputError(
            Problem(source, line, "", f"RDF 语法错误 / RDF syntax error ({fmt}): {msg}")
        ) from None
    return g


class _Reader:
    """Reads records back from an RDF graph; collects problems instead of stopping."""

    def __init__(self, g: Graph):
        self.g = g
        self.problems: list[Problem] = []
        regs = list(g.subjects(RDF.type, RC.Register))
        self.reg = regs[0] if regs else None
        self.base = str(self.reg) if isinstance(self.reg, URIRef) else None
        self.ids: dict[Any, str] = {}
        for s, o in g.subject_objects(DCTERMS.identifier):
            self.ids.setdefault(s, str(o))

    def id_of(self, term: Any) -> str:
        known = self.ids.get(term)
        if known is not None:
            return known
        if isinstance(term, URIRef):
            s = str(term)
            if s.startswith(str(RCTYPE)):
                return type_node_id(s[len(str(RCTYPE)) :])
            if s.startswith(str(RCKIND)):
                return orgkind_node_id(s[len(str(RCKIND)) :])
            if self.base and s.startswith(self.base) and len(s) > len(self.base):
                return unquote(s[len(self.base) :])
            return s
        return f"_:{term}"

    def code(self, attr: str, term: Any, where: str) -> str | None:
        ns, allowed = _CODES[attr]
        s = str(term)
        code = s[len(str(ns)) :] if s.startswith(str(ns)) else s
        if code not in allowed:
            self.problems.append(
                Problem(
                    "",
                    0,
                    where,
                    f"{s!r} 不是允许值 / is not one of {', '.join(str(ns) + a for a in allowed)}",
                )
            )
            return None
        return code


def _value(lit: Any, kind: str) -> Any:
    if kind == "int":
        try:
            return int(str(lit))
        except ValueError:
            return str(lit)
    if kind == "num":
        v = lit.toPython() if isinstance(lit, Literal) else lit
        return v if isinstance(v, (int, float)) and not isinstance(v, bool) else float(str(v))
    return str(lit)


def _loose_graph(g: Graph) -> tuple[nx.MultiDiGraph, list[Problem]]:
    """Nodes and edges read from ``g``; a reference to an unknown resource is a bare node."""
    r = _Reader(g)
    G = nx.MultiDiGraph()
    G.graph.update(respchain=1, as_of=None, period=None, title="", files=[])
    if r.reg is not None:
        for p, key, conv in (
            (RC.asOf, "as_of", str),
            (RC.period, "period", int),
            (DCTERMS.title, "title", str),
            (RC.registerOrigin, "origin", str),
        ):
            v = g.value(r.reg, p)
            if v is not None:
                try:
                    G.graph[key] = conv(str(v))
                except ValueError:
                    r.problems.append(Problem("", 0, f"register.{key}", f"无效值 / invalid value {str(v)!r}"))
    add_vocabulary_nodes(G)  # the vocabulary nodes always exist, as in graph_from_register

    kinds: dict[Any, str] = {}
    types: dict[Any, set] = defaultdict(set)
    for s, c in g.subject_objects(RDF.type):
        types[s].add(c)
    for s, cs in types.items():
        if s == r.reg:
            continue
        for c, kind in _CLASS_KIND:
            if c in cs:
                kinds[s] = kind
                break
    for s, kind in kinds.items():
        if kind in (NodeKind.RESPONSIBILITY_TYPE, NodeKind.ORGANIZATION_KIND):
            nid = r.id_of(s)
            if nid not in G:
                r.problems.append(Problem("", 0, str(s), "未知的词表概念 / unknown vocabulary concept"))
            continue
        nid = r.id_of(s)
        attrs: dict[str, Any] = {"kind": kind}
        if kind == NodeKind.EVENT:
            ek = [_CLASS_EVENT[c] for c in types[s] if c in _CLASS_EVENT]
            if len(ek) != 1:
                r.problems.append(
                    Problem(
                        "",
                        0,
                        nid,
                        "事件须恰有一个事件类 / an event needs exactly one event "
                        f"class ({', '.join(str(c) for c in _EVENT_CLASSES.values())})",
                    )
                )
            attrs["event_kind"] = ek[0] if ek else ""
        G.add_node(nid, **attrs)

    many: dict[tuple[str, str], list] = defaultdict(list)
    for s, p, o in g:
        if s not in kinds or p == RDF.type or p == DCTERMS.identifier or p in _DERIVED_PREDS:
            continue
        if kinds[s] in (NodeKind.RESPONSIBILITY_TYPE, NodeKind.ORGANIZATION_KIND):
            continue
        nid = r.id_of(s)
        rel = _PRED_REL.get(p)
        if rel is not None:
            if isinstance(o, Literal):
                r.problems.append(
                    Problem(
                        "",
                        0,
                        f"{nid}.{p}",
                        f"须为资源而非文字 / must be a resource, not the literal {str(o)!r}",
                    )
                )
                continue
            G.add_edge(nid, r.id_of(o), key=rel, type=rel)
            continue
        if p in (RC.spanStart, RC.spanEnd):
            many[(nid, str(p))].append(_value(o, "int"))
            continue
        spec = _PRED_ATTR.get(p)
        if spec is None:
            continue  # a triple of another vocabulary: not part of the register
        attr, k = spec
        if k == "strs":
            many[(nid, attr)].append(str(o))
        elif k == "code":
            code = r.code(attr, o, f"{nid}.{attr}")
            if code is not None:
                G.nodes[nid][attr] = code
        else:
            if attr == "name" and isinstance(o, Literal) and o.language == "en" and "name" in G.nodes[nid]:
                continue
            G.nodes[nid][attr] = _value(o, k)
    for (nid, attr), vals in many.items():
        if attr == str(RC.spanStart) or attr == str(RC.spanEnd):
            continue
        G.nodes[nid][attr] = sorted(vals)
    for nid in {n for n, _ in many}:
        st, en = many.get((nid, str(RC.spanStart))), many.get((nid, str(RC.spanEnd)))
        if st and en:
            G.nodes[nid]["span"] = [st[0], en[0]]
    _fill_from_edges(G)
    return G, r.problems


def _fill_from_edges(G: nx.MultiDiGraph) -> None:
    """Set the attributes that repeat an edge (``org_kind``, ``bearer``, ``source``...)."""
    nodes = G._node
    for u, v, key in list(G.edges(keys=True)):
        du = nodes[u]
        if key == RelType.HAS_KIND:
            du["org_kind"] = v.split(":", 1)[1] if v.startswith("orgkind:") else v
        elif key == RelType.HOLDS:
            nodes[v].setdefault("person", u)
        elif key == RelType.POST_IN:
            du["org"] = v
        elif key == RelType.BEARS:
            nodes[v].setdefault("bearer", u)
        elif key == RelType.OF_TYPE and du.get("kind") == NodeKind.RESPONSIBILITY:
            du["type"] = v.split(":", 1)[1] if v.startswith("type:") else v
        elif key == RelType.OWNS:
            nodes[v].setdefault("owner", u)
        elif key == RelType.HAS_TASK:
            nodes[v].setdefault("list", u)
        elif key == RelType.MUST_RECTIFY:
            du["org"] = v
        elif key == RelType.HAS_MEASURE:
            nodes[v].setdefault("problem", u)
        elif key == RelType.IMPLEMENTS:
            du["implements"] = v.split(":", 1)[1] if v.startswith("type:") else v
        elif key == RelType.FOR:
            du["for"] = v.split(":", 1)[1] if v.startswith("type:") else v
        elif key == RelType.ABOUT and du.get("kind") == NodeKind.FACT:
            du["subject"] = v
        elif key == RelType.DERIVED_FROM:
            if "source" not in du or v < du["source"]:
                du["source"] = v
        elif key == RelType.DISCUSSES:
            du.setdefault("topics", []).append(v.split(":", 1)[1] if v.startswith("type:") else v)
    for n, d in nodes.items():
        kind = d.get("kind")
        if "topics" in d:
            d["topics"] = sorted(d["topics"])
        if kind in (NodeKind.RESPONSIBILITY_TYPE, NodeKind.ORGANIZATION_KIND) or kind is None:
            continue
        d.setdefault("name", str(n))
        if kind == NodeKind.POST:
            d.setdefault("title", "")
            d.setdefault("areas_text", [])
            d.setdefault("role", "")
        elif kind == NodeKind.RESPONSIBILITY:
            d.setdefault("over_text", [])
        elif kind == NodeKind.TASK:
            d.setdefault("goal", d["name"])
            d.setdefault("status", TaskStatus.OPEN.value)
        elif kind == NodeKind.SOURCE:
            d.setdefault("title", d["name"])
        elif kind == NodeKind.EVIDENCE:
            d.setdefault("title", d["name"])
            d.setdefault("evidence_kind", "other")
        elif kind == NodeKind.PROBLEM:
            d.setdefault("title", d["name"])
            d.setdefault("origin", "other")
        elif kind == NodeKind.MEASURE:
            d.setdefault("action", d["name"])
            d.setdefault("status", TaskStatus.DONE.value if d.get("done_on") else TaskStatus.OPEN.value)
        d.setdefault("file", "")
        d.setdefault("line", 0)


def graph_from_rdf(rdf_graph: Graph, *, file: str = "") -> nx.MultiDiGraph:
    """The responsibility graph read back from RDF in the respchain ontology.

    The inverse of :func:`graph_to_rdf` (up to ``file`` and ``line``, which are
    not exported): ``graph_to_rdf(graph_from_rdf(graph_to_rdf(G)))`` is
    isomorphic to ``graph_to_rdf(G)``. Derived triples (``org:headOf``,
    ``rc:supervises``, delegations...) are ignored; triples of other
    vocabularies are ignored.

    Parameters
    ----------
    rdf_graph : rdflib.Graph
    file : str, optional
        Recorded as the ``file`` of every record node and in ``G.graph['files']``.

    Raises
    ------
    InputError
        Listing every problem: references to resources that are not records,
        unknown code values, events without an event class.
    """
    G, problems = _loose_graph(rdf_graph)
    for n, d in G.nodes(data=True):
        if "kind" not in d:
            problems.append(
                Problem(
                    file,
                    0,
                    n,
                    "引用的资源不是登记册记录 / reference to a resource that is "
                    "not a register record (no known rdf:type)",
                )
            )
    if problems:
        raise InputError([Problem(file, p.line, p.path, p.message) for p in problems])
    if file:
        shared = shareable_path(file)  # never an absolute local path in the graph
        G.graph["files"] = [shared]
        for d in G._node.values():
            if "file" in d:
                d["file"] = shared
    if G.graph.get("as_of") is None:
        G.graph["as_of"] = _dt.date.today().isoformat()
    if G.graph.get("period") is None:
        G.graph["period"] = int(G.graph["as_of"][:4])
    return G


# ---------------------------------------------------------------------------
# Registers from RDF

_PROV_KEYS = ("source", "quote", "span")
_POST_ID = re.compile(r"^post:(.+):(\d+)$")


def _targets(G: nx.MultiDiGraph, n: str, rel: str) -> list[str]:
    return sorted(v for _, v, k in G.out_edges(n, keys=True) if k == rel)


def _prov(d: dict) -> dict:
    return {k: d[k] for k in _PROV_KEYS if k in d}


def register_data_from_graph(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The register (register.md format) that a responsibility graph was built from.

    Records come out sorted by id; responsibilities and facts keep the ids the
    graph gave them (``resp:1``), so that building the graph again gives the
    same node ids. Tasks go back into their lists; posts into their people, in
    the order of their ids.
    """
    by_kind: dict[str, list[str]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        by_kind[d.get("kind", "")].append(n)
    nodes = G._node
    out: dict[str, Any] = {"respchain": 1}
    meta = {k: G.graph[k] for k in ("title", "as_of", "period", "origin") if G.graph.get(k) not in (None, "")}
    if meta:
        out["meta"] = meta

    def some(key: str, recs: list) -> None:
        if recs:
            out[key] = recs

    sources = []
    for n in sorted(by_kind[NodeKind.SOURCE]):
        d = nodes[n]
        rec = {"id": n, "title": d.get("title") or d.get("name", n)}
        rec.update({k: d[k] for k in ("publisher", "published", "url", "quote") if k in d})
        topics = [
            v.split(":", 1)[1] if v.startswith("type:") else v for v in _targets(G, n, RelType.DISCUSSES)
        ]
        if topics:
            rec["topics"] = topics
        sources.append(rec)
    some("sources", sources)

    orgs = []
    for n in sorted(by_kind[NodeKind.ORGANIZATION]):
        d = nodes[n]
        rec = {"id": n, "name": d.get("name", n), "kind": d.get("org_kind", "")}
        rec.update({k: d[k] for k in ("level", "region", "domains") if k in d})
        parents = _targets(G, n, RelType.SUB_ORGANIZATION_OF)
        if parents:
            rec["parent"] = parents[0] if len(parents) == 1 else parents
        leads = _targets(G, n, RelType.LEADS)
        if leads:
            rec["leads"] = leads
        rec.update(_prov(d))
        orgs.append(rec)
    some("organizations", orgs)

    def post_order(pid: str) -> tuple:
        m = _POST_ID.match(pid)
        return (0, int(m.group(2)), pid) if m else (1, 0, pid)

    people = []
    for n in sorted(by_kind[NodeKind.PERSON]):
        d = nodes[n]
        rec: dict[str, Any] = {"id": n, "name": d.get("name", n)}
        posts = []
        for pid in sorted(_targets(G, n, RelType.HOLDS), key=post_order):
            pd = nodes[pid]
            post: dict[str, Any] = {"org": pd.get("org", ""), "role": pd.get("role", "")}
            if pd.get("title"):
                post["title"] = pd["title"]
            post.update({k: pd[k] for k in ("since", "until") if k in pd})
            areas = _targets(G, pid, RelType.IN_CHARGE_OF) + list(pd.get("areas_text") or ())
            if areas:
                post["areas"] = areas
            posts.append(post)
        if posts:
            rec["posts"] = posts
        rec.update(_prov(d))
        people.append(rec)
    some("people", people)

    resps = []
    for n in sorted(by_kind[NodeKind.RESPONSIBILITY]):
        d = nodes[n]
        rec = {"id": n, "type": d.get("type", ""), "bearer": d.get("bearer", "")}
        over = _targets(G, n, RelType.COVERS) + list(d.get("over_text") or ())
        if over:
            rec["over"] = over
        rec.update(_prov(d))
        resps.append(rec)
    some("responsibilities", resps)

    tasks_of: dict[str, list[str]] = defaultdict(list)
    for t in by_kind[NodeKind.TASK]:
        tasks_of[nodes[t].get("list", "")].append(t)
    lists = []
    for n in sorted(by_kind[NodeKind.LIST]):
        d = nodes[n]
        rec = {"id": n, "name": d.get("name", n), "kind": d.get("list_kind", ""), "owner": d.get("owner", "")}
        if "year" in d:
            rec["year"] = d["year"]
        tasks = []
        for t in sorted(tasks_of.get(n, ())):
            td = nodes[t]
            task: dict[str, Any] = {"id": t, "goal": td.get("goal") or td.get("name", t)}
            for k in ("measure", "due", "due_note", "status", "implements", "progress", "note", "done_on"):
                if k in td:
                    task[k] = td[k]
            ev = _targets(G, t, RelType.HAS_EVIDENCE)
            if ev:
                task["evidence"] = ev
            resp = _targets(G, t, RelType.RESPONSIBLE)
            if resp:
                task["responsible"] = resp if len(resp) > 1 else resp[0]
            lead = _targets(G, t, RelType.LEAD)
            if lead:
                task["lead"] = lead[0] if len(lead) == 1 else lead
            assist = _targets(G, t, RelType.ASSIST)
            if assist:
                task["assist"] = assist
            task.update(_prov(td))
            tasks.append(task)
        rec["tasks"] = tasks
        rec.update(_prov(d))
        lists.append(rec)
    some("lists", lists)

    events = []
    for n in sorted(by_kind[NodeKind.EVENT]):
        d = nodes[n]
        rec = {"id": n, "kind": d.get("event_kind", ""), "date": d.get("date", "")}
        for k in ("talk", "form", "for", "rating", "result", "meeting"):
            if k in d:
                rec[k] = d[k]
        for key, rel in (
            ("by", RelType.BY),
            ("with", RelType.WITH),
            ("target", RelType.TARGET),
            ("parties", RelType.PARTY),
            ("participants", RelType.PARTICIPANT),
        ):
            vs = _targets(G, n, rel)
            if vs:
                rec[key] = vs
        about = _targets(G, n, RelType.ABOUT)
        if about:
            rec["org"] = about[0] if len(about) == 1 else about
        ev = _targets(G, n, RelType.HAS_EVIDENCE)
        if ev:
            rec["evidence"] = ev
        rec.update(_prov(d))
        events.append(rec)
    some("events", events)

    mechs = []
    for n in sorted(by_kind[NodeKind.MECHANISM]):
        d = nodes[n]
        rec = {"id": n, "name": d.get("name", n)}
        adopted = _targets(G, n, RelType.ADOPTED_BY)
        if adopted:
            rec["adopted_by"] = adopted
        if "description" in d:
            rec["description"] = d["description"]
        rec.update(_prov(d))
        mechs.append(rec)
    some("mechanisms", mechs)

    facts = []
    for n in sorted(by_kind[NodeKind.FACT]):
        d = nodes[n]
        rec = {
            "id": n,
            "subject": d.get("subject", ""),
            "metric": d.get("metric", ""),
            "value": d.get("value"),
        }
        rec.update({k: d[k] for k in ("unit", "period") if k in d})
        rec.update(_prov(d))
        facts.append(rec)
    some("facts", facts)

    evidence = []
    for n in sorted(by_kind[NodeKind.EVIDENCE]):
        d = nodes[n]
        rec = {"id": n, "kind": d.get("evidence_kind", "other"), "title": d.get("title") or d.get("name", n)}
        rec.update({k: d[k] for k in ("date", "sha256") if k in d})
        if "path" in d:
            rec["file"] = d["path"]
        rec.update(_prov(d))
        evidence.append(rec)
    some("evidence", evidence)

    measures_of: dict[str, list[str]] = defaultdict(list)
    for m in by_kind[NodeKind.MEASURE]:
        measures_of[nodes[m].get("problem", "")].append(m)
    problems = []
    for n in sorted(by_kind[NodeKind.PROBLEM]):
        d = nodes[n]
        rec = {"id": n, "org": d.get("org", ""), "origin": d.get("origin", "other"),
               "title": d.get("title") or d.get("name", n)}
        rec.update({k: d[k] for k in ("found", "due", "reported_on", "closed_on", "note") if k in d})
        ev = _targets(G, n, RelType.HAS_EVIDENCE)
        if ev:
            rec["evidence"] = ev
        measures = []
        for m in sorted(measures_of.get(n, ())):
            md = nodes[m]
            mrec: dict[str, Any] = {"id": m, "action": md.get("action") or md.get("name", m)}
            mrec.update({k: md[k] for k in ("due", "done_on", "status", "progress", "note") if k in md})
            for key, rel in (("responsible", RelType.RESPONSIBLE), ("assist", RelType.ASSIST),
                             ("evidence", RelType.HAS_EVIDENCE)):
                vs = _targets(G, m, rel)
                if vs:
                    mrec[key] = vs
            lead = _targets(G, m, RelType.LEAD)
            if lead:
                mrec["lead"] = lead[0]
            mrec.update(_prov(md))
            measures.append(mrec)
        if measures:
            rec["measures"] = measures
        rec.update(_prov(d))
        problems.append(rec)
    some("problems", problems)
    return out


def register_data_from_rdf(rdf_graph: Graph, *, file: str = "") -> dict[str, Any]:
    """The register data (register.md format) held by an RDF graph, ready for validation.

    References to resources that are not records stay as ids, so that the
    register validation reports them (``reference to unknown id``).

    Raises
    ------
    InputError
        When the RDF itself cannot be read as a register (unknown code values,
        events without an event class).
    """
    G, problems = _loose_graph(rdf_graph)
    if problems:
        raise InputError([Problem(file, p.line, p.path, p.message) for p in problems])
    for n in [n for n, d in G.nodes(data=True) if "kind" not in d]:
        G.remove_node(n) if G.degree(n) == 0 else None
    return register_data_from_graph(G)


def read_register_rdf(path: Path, text: str) -> dict[str, Any]:
    """A :data:`respchain.loaders.register.READERS` reader: RDF text -> register data."""
    fmt = FORMATS.get(Path(path).suffix.lower(), "turtle")
    return register_data_from_rdf(parse_rdf(text, fmt, source=str(path)), file=str(path))
