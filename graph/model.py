"""Build the in-memory responsibility graph (a ``networkx.MultiDiGraph``) from a register.

The graph's shape is described in :mod:`respchain.graph.schema`. The five
responsibility types and the seven organization kinds are nodes of their own,
with Chinese and English labels and definitions, so that the graph explains
itself; every record node keeps its provenance (``source``, ``quote``,
``span``, ``file``, ``line``).
"""

from __future__ import annotations

import functools
from typing import Any

import networkx as nx
from respchain.graph.register import Register
from respchain.graph.schema import (
    ORG_KIND_INFO,
    RESPONSIBILITY_INFO,
    NodeKind,
    RelType,
    TalkKind,
    orgkind_node_id,
    type_node_id,
)

from respchain._files import shareable_path
from respchain._gc import keep_until_exit, paused_gc

# Files are recorded as shareable paths (relative to the working folder, or the
# file name): the graph, its JSON and the pages never carry an absolute local path.
_share = functools.lru_cache(maxsize=1024)(shareable_path)

__all__ = [
    "ResponsibilityGraph",
    "graph_from_register",
    "add_vocabulary_nodes",
    "event_name",
    "TALK_NAMES",
    "EVENT_NAMES",
]

TALK_NAMES: dict[str, str] = {  # TalkKind members are their values
    TalkKind.CONVEYING: "传达类谈话",
    TalkKind.THEMATIC: "专题类谈话",
    TalkKind.WARNING: "警示类谈话",
    TalkKind.ENCOURAGEMENT: "问责激励谈话",
    TalkKind.COLLECTIVE: "集体廉政谈话",
    TalkKind.APPOINTMENT: "任前廉政谈话",
}
EVENT_NAMES = {
    "talk": "谈话",
    "accountability": "问责",
    "consultation": "专题会商",
    "ecology_rating": "政治生态研判",
    "assessment": "考核",
    "meeting": "会议",
}

_PROV_KEYS = ("source", "quote", "span")


# Relationship types and node kinds as plain strings (enum attribute access is slow
# in the build loop of a million edges): ``_R.LEADS == "LEADS"``.
_R: Any = type("_R", (), {t.name: t.value for t in RelType})
_K: Any = type("_K", (), {k.name: k.value for k in NodeKind})


class ResponsibilityGraph(nx.MultiDiGraph):
    """The ``networkx.MultiDiGraph`` :func:`graph_from_register` builds.

    A built graph holds one key dict per connected pair of nodes, and most pairs
    carry one edge of one relationship type: the pairs with the same single type
    share one key dict (``{"LEADS": {"type": "LEADS"}}``), which at a hundred
    thousand organizations spares a million and a half dicts. ``add_edge`` and
    ``remove_edge`` give the pair its own dicts before they change it, so editing
    one edge never touches another; otherwise the graph is a plain MultiDiGraph.
    """

    def _own(self, u: Any, v: Any) -> None:
        """Give the pair ``u -> v`` its own key dict and attribute dicts."""
        keys = self._succ.get(u, {}).get(v)
        if keys is not None:
            self._succ[u][v] = self._pred[v][u] = {k: dict(d) for k, d in keys.items()}

    def add_edge(self, u_for_edge: Any, v_for_edge: Any, key: Any = None, **attr: Any) -> Any:
        self._own(u_for_edge, v_for_edge)
        return super().add_edge(u_for_edge, v_for_edge, key, **attr)

    def remove_edge(self, u: Any, v: Any, key: Any = None) -> None:
        self._own(u, v)
        super().remove_edge(u, v, key)


def event_name(ev: dict[str, Any]) -> str:
    """A short Chinese name for an event record (``警示类谈话 2025-04-15``)."""
    kind = ev.get("kind")
    if kind == "talk":
        label = TALK_NAMES.get(str(ev.get("talk")), "谈话")
    elif kind == "meeting":
        label = ev.get("meeting") or "会议"
    else:
        label = EVENT_NAMES.get(str(kind), str(kind))
    return f"{label} {ev.get('date', '')}".strip()


def _prov(rec: dict[str, Any]) -> dict[str, Any]:
    out = {k: rec[k] for k in _PROV_KEYS if k in rec}
    out["file"] = _share(rec.get("_file", ""))
    out["line"] = rec.get("_line", 0)
    return out


def _as_list(v: Any) -> list[Any]:
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def add_vocabulary_nodes(G: nx.MultiDiGraph) -> None:
    """Add the five responsibility types and the seven organization kinds as nodes.

    Each has its Chinese and English label and definition; each organization
    kind points (``BEARS_BY_DEFAULT``) at the types it bears by default. Every
    graph built by respchain, from a register or from RDF, carries them.
    """
    for t, info in RESPONSIBILITY_INFO.items():
        G.add_node(
            type_node_id(t),
            kind=NodeKind.RESPONSIBILITY_TYPE.value,
            code=t,
            name=info["zh"],
            name_en=info["en"],
            definition_zh=info["def_zh"],
            definition_en=info["def_en"],
            bearers=info["bearers"],
        )
    for k, info in ORG_KIND_INFO.items():
        nid = orgkind_node_id(k)
        G.add_node(
            nid,
            kind=NodeKind.ORGANIZATION_KIND.value,
            code=k,
            name=info["zh"],
            name_en=info["en"],
            definition_zh=info["def_zh"],
            definition_en=info["def_en"],
        )
        for t in info["bears"]:
            G.add_edge(nid, type_node_id(t), key=_R.BEARS_BY_DEFAULT, type=_R.BEARS_BY_DEFAULT)


def graph_from_register(register: Register, *, release: bool = False) -> nx.MultiDiGraph:
    """Build the responsibility graph of a register.

    Parameters
    ----------
    register : Register
        A loaded register (:func:`respchain.loaders.load_register`); to build
        straight from files use :func:`respchain.loaders.load_graph`.
    release : bool
        Empty each section of ``register`` once it is built, so that its records
        make room for the graph's (lower peak memory; the register is spent).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by id with a ``kind`` attribute; edges keyed by their
        relationship type. ``G.graph`` holds ``as_of``, ``period``, ``title`` and
        the ``files`` it came from.

    Raises
    ------
    TypeError
        When ``register`` is not a :class:`Register` (a path, say).

    Examples
    --------
    >>> from respchain.loaders import load_register
    >>> G = graph_from_register(load_register("data/seed"))
    >>> G.nodes["type:main"]["name"]
    '主体责任'
    """
    if not isinstance(register, Register):
        raise TypeError(
            "graph_from_register takes a Register; build from files with respchain.loaders.load_graph"
        )
    with paused_gc():
        G = _build(register, release=release)
    keep_until_exit(G)
    return G


def _build(reg: Register, *, release: bool) -> nx.MultiDiGraph:
    """The graph of ``reg``; with ``release``, each section of ``reg`` is emptied once
    built, so that the register's records make room for the graph's (peak memory)."""

    def done(section: str) -> None:
        if release:
            setattr(reg, section, [])

    G = ResponsibilityGraph()
    G.graph.update(
        respchain=1,
        as_of=reg.meta["as_of"],
        period=reg.meta["period"],
        title=reg.meta.get("title", ""),
        files=[_share(f) for f in reg.files],
    )
    if reg.meta.get("origin"):
        G.graph["origin"] = reg.meta["origin"]
    add_vocabulary_nodes(G)
    # The loop below fills networkx's own dicts (the same structure add_node and
    # add_edge make, without their per-call overhead, a third of the build). Every
    # edge of one relationship type shares one attribute dict ({"type": t}): a
    # million edges would otherwise carry a million identical dicts. Edge
    # attributes of a built graph are read-only; ``G.copy()`` gives private ones.
    # The pairs joined by one edge of one type share that type's key dict too
    # (``ResponsibilityGraph``); a second key gives the pair a dict of its own.
    node_attrs, succ, pred = G._node, G._succ, G._pred
    # Values drawn from a small vocabulary (roles, types, kinds, levels, dates,
    # statuses, post titles) are stored once: the parsed register holds a string
    # per occurrence, a hundred megabytes at a hundred thousand organizations.
    vocabulary: dict[Any, Any] = {}

    def same(v: Any) -> Any:
        return vocabulary.setdefault(v, v) if type(v) is str else v

    single: dict[str, dict[str, dict[str, str]]] = {}  # type -> {type: {"type": type}}, shared

    def add_node(n: str, **attrs: Any) -> None:
        d = node_attrs.get(n)
        if d is None:
            node_attrs[n] = attrs
            succ[n] = {}
            pred[n] = {}
        else:
            d.update(attrs)

    def edge(u: str, v: str, t: str) -> None:
        su = succ.get(u)
        if su is None:
            add_node(u)
            su = succ[u]
        if v not in succ:
            add_node(v)
        keys = su.get(v)
        if keys is not None and t in keys:
            return
        one = single.get(t)
        if one is None:
            one = single[t] = {t: {"type": t}}
        if keys is None:
            su[v] = pred[v][u] = one
            return
        shared = single.get(next(iter(keys))) if len(keys) == 1 else None
        if shared is not None and shared is keys:  # shared with other pairs: the pair's own now
            keys = su[v] = pred[v][u] = dict(shared)
        keys[t] = one[t]

    def provenance_edge(nid: str, rec: dict[str, Any]) -> None:
        if rec.get("source"):
            edge(nid, rec["source"], _R.DERIVED_FROM)

    for s in reg.sources:
        add_node(
            s["id"],
            kind=_K.SOURCE,
            name=s["title"],
            **{k: s[k] for k in ("title", "publisher", "published", "url", "topics", "quote") if k in s},
            file=_share(s.get("_file", "")),
            line=s.get("_line", 0),
        )
    for s in reg.sources:
        for t in s.get("topics") or ():
            edge(s["id"], type_node_id(t), _R.DISCUSSES)

    for o in reg.organizations:
        attrs: dict[str, Any] = {
            k: same(o[k]) if k == "level" else o[k] for k in ("level", "region", "domains") if k in o
        }
        add_node(o["id"], kind=_K.ORGANIZATION, name=o["name"], org_kind=same(o["kind"]), **attrs, **_prov(o))
    for o in reg.organizations:
        oid = o["id"]
        edge(oid, orgkind_node_id(o["kind"]), _R.HAS_KIND)
        if o.get("parent"):
            edge(oid, o["parent"], _R.SUB_ORGANIZATION_OF)
        for u in _as_list(o.get("leads")):
            edge(oid, u, _R.LEADS)
        provenance_edge(oid, o)

    orgs = {o["id"] for o in reg.organizations}
    done("organizations")
    for p in reg.people:
        add_node(p["id"], kind=_K.PERSON, name=p["name"], **_prov(p))
        provenance_edge(p["id"], p)
        for j, post in enumerate(p.get("posts") or ()):
            pid = f"post:{p['id']}:{j}"
            areas = _as_list(post.get("areas"))
            add_node(
                pid,
                kind=_K.POST,
                name=same(post.get("title") or post["role"]),
                person=p["id"],
                org=post["org"],
                role=same(post["role"]),
                title=same(post.get("title", "")),
                areas_text=[a for a in areas if a not in orgs],
                file=_share(p.get("_file", "")),
                line=p.get("_line", 0),
                **{k: same(post[k]) for k in ("since", "until") if k in post},
            )
            edge(p["id"], pid, _R.HOLDS)
            edge(pid, post["org"], _R.POST_IN)
            for a in areas:
                if a in orgs:
                    edge(pid, a, _R.IN_CHARGE_OF)

    done("people")
    for ev in reg.evidence:
        add_node(
            ev["id"],
            kind=_K.EVIDENCE,
            name=ev["title"],
            title=ev["title"],
            evidence_kind=ev.get("kind", "other"),
            **{k: ev[k] for k in ("date", "sha256") if k in ev},
            **({"path": ev["file"]} if "file" in ev else {}),
            **_prov(ev),
        )
        provenance_edge(ev["id"], ev)

    def evidence_edges(nid: str, rec: dict[str, Any]) -> None:
        for e in _as_list(rec.get("evidence")):
            edge(nid, e, _R.HAS_EVIDENCE)

    ids = set(G.nodes)

    def fresh(prefix: str, n: int) -> str:
        nid = f"{prefix}:{n}"
        while nid in ids:
            nid += "_"
        ids.add(nid)
        return nid

    for n, r in enumerate(reg.responsibilities, 1):
        rid = r.get("id") or fresh("resp", n)
        over = _as_list(r.get("over"))
        info = RESPONSIBILITY_INFO[r["type"]]
        add_node(
            rid,
            kind=_K.RESPONSIBILITY,
            name=f"{node_attrs[r['bearer']]['name']} {info['zh']}",
            type=same(r["type"]),
            bearer=r["bearer"],
            over_text=[a for a in over if a not in orgs],
            **_prov(r),
        )
        edge(r["bearer"], rid, _R.BEARS)
        edge(rid, type_node_id(r["type"]), _R.OF_TYPE)
        for a in over:
            if a in orgs:
                edge(rid, a, _R.COVERS)
        provenance_edge(rid, r)

    done("responsibilities")
    for lst in reg.lists:
        lid = lst["id"]
        add_node(
            lid,
            kind=_K.LIST,
            name=lst["name"],
            list_kind=same(lst["kind"]),
            owner=lst["owner"],
            **({"year": lst["year"]} if "year" in lst else {}),
            **_prov(lst),
        )
        edge(lst["owner"], lid, _R.OWNS)
        if lst["kind"] in RESPONSIBILITY_INFO:
            edge(lid, type_node_id(lst["kind"]), _R.OF_TYPE)
        provenance_edge(lid, lst)
        for t in lst.get("tasks") or ():
            tid = t["id"]
            attrs = {
                k: same(t[k]) if k in ("due", "implements", "done_on") else t[k]
                for k in ("measure", "due", "due_note", "implements", "progress", "note", "done_on")
                if k in t
            }
            add_node(
                tid,
                kind=_K.TASK,
                name=t["goal"],
                goal=t["goal"],
                status=same(t.get("status", "open")),
                list=lid,
                **attrs,
                **_prov(t),
            )
            edge(lid, tid, _R.HAS_TASK)
            for person in _as_list(t.get("responsible")):
                edge(tid, person, _R.RESPONSIBLE)
            if t.get("lead"):
                edge(tid, t["lead"], _R.LEAD)
            for u in _as_list(t.get("assist")):
                edge(tid, u, _R.ASSIST)
            if t.get("implements"):
                edge(tid, type_node_id(t["implements"]), _R.IMPLEMENTS)
            evidence_edges(tid, t)
            provenance_edge(tid, t)

    done("lists")
    for ev in reg.events:
        eid = ev["id"]
        attrs = {k: same(ev[k]) for k in ("talk", "form", "for", "rating", "result", "meeting") if k in ev}
        add_node(
            eid,
            kind=_K.EVENT,
            name=event_name(ev),
            event_kind=same(ev["kind"]),
            date=same(ev["date"]),
            **attrs,
            **_prov(ev),
        )
        for person in _as_list(ev.get("by")):
            edge(eid, person, _R.BY)
        for person in _as_list(ev.get("with")):
            edge(eid, person, _R.WITH)
        for person in _as_list(ev.get("target")):
            edge(eid, person, _R.TARGET)
        if ev.get("for"):
            edge(eid, type_node_id(ev["for"]), _R.FOR)
        for org in _as_list(ev.get("parties")):
            edge(eid, org, _R.PARTY)
        if ev.get("org"):
            edge(eid, ev["org"], _R.ABOUT)
        evidence_edges(eid, ev)
        for x in _as_list(ev.get("participants")):
            edge(eid, x, _R.PARTICIPANT)
        provenance_edge(eid, ev)

    done("events")
    for m in reg.mechanisms:
        add_node(
            m["id"],
            kind=_K.MECHANISM,
            name=m["name"],
            **({"description": m["description"]} if "description" in m else {}),
            **_prov(m),
        )
        for org in _as_list(m.get("adopted_by")):
            edge(m["id"], org, _R.ADOPTED_BY)
        provenance_edge(m["id"], m)

    for n, f in enumerate(reg.facts, 1):
        fid = f.get("id") or fresh("fact", n)
        add_node(
            fid,
            kind=_K.FACT,
            name=f"{f['metric']}={f['value']}{f.get('unit', '')}",
            subject=f["subject"],
            metric=f["metric"],
            value=f["value"],
            **{k: f[k] for k in ("unit", "period") if k in f},
            **_prov(f),
        )
        edge(fid, f["subject"], _R.ABOUT)
        provenance_edge(fid, f)

    for pb in reg.problems:
        pid = pb["id"]
        add_node(
            pid,
            kind=_K.PROBLEM,
            name=pb["title"],
            title=pb["title"],
            org=pb["org"],
            origin=pb.get("origin", "other"),
            **{k: pb[k] for k in ("found", "due", "reported_on", "closed_on", "note") if k in pb},
            **_prov(pb),
        )
        edge(pid, pb["org"], _R.MUST_RECTIFY)
        evidence_edges(pid, pb)
        provenance_edge(pid, pb)
        for m in pb.get("measures") or ():
            mid = m["id"]
            state = "done" if m.get("done_on") or m.get("status") == "done" else "open"
            add_node(
                mid,
                kind=_K.MEASURE,
                name=m["action"],
                action=m["action"],
                problem=pid,
                status=state,
                **{k: m[k] for k in ("due", "done_on", "progress", "note") if k in m},
                **_prov(m),
            )
            edge(pid, mid, _R.HAS_MEASURE)
            for person in _as_list(m.get("responsible")):
                edge(mid, person, _R.RESPONSIBLE)
            if m.get("lead"):
                edge(mid, m["lead"], _R.LEAD)
            for u in _as_list(m.get("assist")):
                edge(mid, u, _R.ASSIST)
            evidence_edges(mid, m)
            provenance_edge(mid, m)
    return G
