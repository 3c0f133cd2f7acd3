"""RDF in the respchain ontology read back: the graph, and register data for validation.

Reading is the inverse of :mod:`~respchain.graph.rdf.export` (by the same
tables, :mod:`~respchain.graph.rdf.mapping`); derived triples and triples of
other vocabularies are ignored. JSON-LD is read without loading any context
from the network or the file system: a document may carry its context inline
or name respchain's own (:data:`~respchain.graph.rdf.mapping.CONTEXT_IRI`,
read from the package); any other remote or file context is refused.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import networkx as nx
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from respchain.graph.inverse import register_data_from_graph
from respchain.graph.model import add_vocabulary_nodes
from respchain.graph.rdf.mapping import (
    CLASS_EVENT,
    CLASS_KIND,
    CODES,
    CONTEXT_IRI,
    DERIVED_PREDS,
    EVENT_CLASSES,
    FORMATS,
    PRED_ATTR,
    PRED_REL,
    RC,
    RCKIND,
    RCTYPE,
    jsonld_context,
    new_graph,
)
from respchain.graph.schema import NodeKind, RelType, TaskStatus, orgkind_node_id, type_node_id

from respchain._files import shareable_path
from respchain.exceptions import InputError, Problem
from respchain.settings import today

__all__ = ["parse_rdf", "graph_from_rdf", "register_data_from_rdf", "read_register_rdf"]


_CONTEXT = "@context"
_IMPORT = "@import"


def _line_of(text: str, value: str) -> int:
    """The 1-based line where the JSON string ``value`` first appears in ``text`` (0 when not found)."""
    for form in (json.dumps(value, ensure_ascii=False), json.dumps(value)):
        pos = text.find(form)
        if pos >= 0:
            return text.count("\n", 0, pos) + 1
    return 0


def _offline_contexts(data: Any, text: str, source: str) -> list[Problem]:
    """Make a JSON-LD document loadable with no context fetched; return what is refused.

    Every ``@context`` in the document (at the top, in a node, in a scoped term
    definition) is walked: respchain's own context named by
    :data:`~respchain.graph.rdf.mapping.CONTEXT_IRI` is replaced, in place, by
    the shipped definitions; any other context given by IRI or path, and every
    ``@import``, is a problem. Inline contexts stay as they are.
    """
    problems: list[Problem] = []

    def refuse(key: str, ref: Any) -> None:
        problems.append(
            Problem(
                source,
                _line_of(text, ref) if isinstance(ref, str) else 0,
                key,
                "不加载远程或文件中的 JSON-LD 上下文 / a JSON-LD context is never loaded from the "
                f"network or a file: {str(ref)[:200]!r}; 请内联上下文或使用 / give the context inline "
                f"or use respchain's own, {CONTEXT_IRI!r}",
            )
        )

    def resolve(value: Any) -> Any:
        if isinstance(value, str):
            if value == CONTEXT_IRI:
                return jsonld_context()
            refuse(_CONTEXT, value)
            return None
        if isinstance(value, list):
            return [resolve(v) for v in value]
        return value

    stack = [data]
    while stack:  # iterative: a deep document cannot exhaust the Python stack here
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if _CONTEXT in item:
                item[_CONTEXT] = resolve(item[_CONTEXT])
            if _IMPORT in item:
                refuse(_IMPORT, item[_IMPORT])
                del item[_IMPORT]
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return problems


def _parse_jsonld(g: Graph, text: str, source: str) -> None:
    """Parse JSON-LD into ``g`` without loading any context from the network or the file system."""
    from rdflib.plugins.parsers.jsonld import to_rdf

    try:
        data = json.loads(text)
    except RecursionError:
        raise InputError(Problem(source, 0, "", "JSON 嵌套过深 / JSON nested too deeply")) from None
    except ValueError as e:
        line = getattr(e, "lineno", 0)
        raise InputError(
            Problem(source, line, "", f"RDF 语法错误 / RDF syntax error (json-ld): {getattr(e, 'msg', e)}")
        ) from None
    problems = _offline_contexts(data, text, source)
    if problems:
        raise InputError(problems)
    to_rdf(data, g)  # a plain graph: the triples of named graphs join the default graph


def parse_rdf(text: str, fmt: str, *, source: str = "") -> Graph:
    """Parse RDF text; a syntax error becomes :class:`InputError` naming ``source`` and the line.

    JSON-LD (``fmt="json-ld"``) is read with no context loaded from the
    network or the file system: a context given by IRI or path other than
    respchain's own (:data:`~respchain.graph.rdf.mapping.CONTEXT_IRI`) is
    refused, naming the file and the line.

    Examples
    --------
    >>> g = parse_rdf(
    ...     '{"@context": "https://respchain.example/ns/context.jsonld",'
    ...     ' "@id": "https://respchain.example/id/city", "@type": "org:FormalOrganization"}',
    ...     "json-ld",
    ... )
    >>> len(g)
    1
    >>> parse_rdf('{"@context": "file:///etc/passwd"}', "json-ld", source="x.jsonld")
    Traceback (most recent call last):
    ...
    respchain.exceptions.InputError: ... x.jsonld:1 @context: ... 'file:///etc/passwd'; ...
    """
    g = new_graph()
    try:
        if fmt == "json-ld":
            _parse_jsonld(g, text, source)
        else:
            g.parse(data=text, format=fmt)
    except InputError:
        raise
    except Exception as e:  # rdflib's parsers raise many kinds of error
        line = 0
        lines = getattr(e, "lines", None)
        if isinstance(lines, int):  # notation3's BadSyntax: 0-based line
            line = lines + 1
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
        ns, allowed = CODES[attr]
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
    types: dict[Any, set[Any]] = defaultdict(set[Any])
    for s, c in g.subject_objects(RDF.type):
        types[s].add(c)
    for s, cs in types.items():
        if s == r.reg:
            continue
        for c, kind in CLASS_KIND:
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
            ek = [CLASS_EVENT[c] for c in types[s] if c in CLASS_EVENT]
            if len(ek) != 1:
                r.problems.append(
                    Problem(
                        "",
                        0,
                        nid,
                        "事件须恰有一个事件类 / an event needs exactly one event "
                        f"class ({', '.join(str(c) for c in EVENT_CLASSES.values())})",
                    )
                )
            attrs["event_kind"] = ek[0] if ek else ""
        G.add_node(nid, **attrs)

    many: dict[tuple[str, str], list[Any]] = defaultdict(list[Any])
    for subj, pred, o in g:
        if not isinstance(pred, URIRef) or subj not in kinds:  # predicates are always IRIs
            continue
        if pred == RDF.type or pred == DCTERMS.identifier or pred in DERIVED_PREDS:
            continue
        if kinds[subj] in (NodeKind.RESPONSIBILITY_TYPE, NodeKind.ORGANIZATION_KIND):
            continue
        nid = r.id_of(subj)
        rel = PRED_REL.get(pred)
        if rel is not None:
            if isinstance(o, Literal):
                r.problems.append(
                    Problem(
                        "",
                        0,
                        f"{nid}.{pred}",
                        f"须为资源而非文字 / must be a resource, not the literal {str(o)!r}",
                    )
                )
                continue
            G.add_edge(nid, r.id_of(o), key=rel, type=rel)
            continue
        if pred in (RC.spanStart, RC.spanEnd):
            many[(nid, str(pred))].append(_value(o, "int"))
            continue
        spec = PRED_ATTR.get(pred)
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
        G.graph["as_of"] = today().isoformat()
    if G.graph.get("period") is None:
        G.graph["period"] = int(G.graph["as_of"][:4])
    return G


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
