"""One index of the responsibility graph, built in a single pass, shared by every rule.

The rules never scan the graph per subject: :func:`build_index` walks the nodes
and their outgoing edges once and keeps what the rules ask about (organizations
by kind, posts by organization and by person, the declared ``(bearer, type)``
pairs, what supervisory duties cover, what leads what, events by kind, tasks).
Each rule family then makes one pass over the index.
"""

from __future__ import annotations

import builtins
import datetime as _dt
from collections import defaultdict
from collections.abc import KeysView
from dataclasses import dataclass, field

import networkx as nx
from respchain.graph.schema import NodeKind, RelType

from respchain._gc import paused_gc
from respchain.settings import today

__all__ = [
    "GraphIndex",
    "PostRec",
    "TaskRec",
    "ProblemRec",
    "MeasureRec",
    "build_index",
    "ensure_index",
    "norm_as_of",
    "norm_period",
]

_ORG = NodeKind.ORGANIZATION.value
_PERSON = NodeKind.PERSON.value
_POST = NodeKind.POST.value
_RESP = NodeKind.RESPONSIBILITY.value
_LIST = NodeKind.LIST.value
_TASK = NodeKind.TASK.value
_EVENT = NodeKind.EVENT.value
_PROBLEM = NodeKind.PROBLEM.value
_EVIDENCE = NodeKind.EVIDENCE.value
_MEASURE = NodeKind.MEASURE.value

_SUB = RelType.SUB_ORGANIZATION_OF.value
_LEADS = RelType.LEADS.value
_IN_CHARGE = RelType.IN_CHARGE_OF.value
_COVERS = RelType.COVERS.value
_RESPONSIBLE = RelType.RESPONSIBLE.value
_LEAD = RelType.LEAD.value
_WITH = RelType.WITH.value
_TARGET = RelType.TARGET.value
_PARTY = RelType.PARTY.value
_ABOUT = RelType.ABOUT.value
_HAS_EVIDENCE = RelType.HAS_EVIDENCE.value
_HAS_MEASURE = RelType.HAS_MEASURE.value


@dataclass(frozen=True, slots=True)
class PostRec:
    """A post: who holds it, in which organization, in which role, over which areas (org ids)."""

    person: str
    org: str
    role: str
    areas: tuple[str, ...]


@dataclass(slots=True)
class TaskRec:
    """A task of a list, with its responsible persons and lead units."""

    id: str
    list: str
    due: str | None
    status: str
    # ``list`` is a field of this record: the builtin is named in full below it.
    responsible: builtins.list[str] = field(default_factory=builtins.list)
    due_note: str | None = None
    lead: builtins.list[str] = field(default_factory=builtins.list)
    done_on: str | None = None
    evidence: builtins.list[str] = field(default_factory=builtins.list)


@dataclass(slots=True)
class MeasureRec:
    """A rectification measure of a problem; ``done`` when it has ``done_on`` or ``status: done``."""

    id: str
    problem: str
    due: str | None
    done: bool
    done_on: str | None = None
    responsible: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ProblemRec:
    """A problem to rectify, with its dates and measure ids (in graph order)."""

    id: str
    org: str
    origin: str
    found: str | None
    due: str | None
    reported_on: str | None
    closed_on: str | None
    measures: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass
class GraphIndex:
    """What the gap rules need from the graph, each part keyed for direct lookup.

    Attributes
    ----------
    org_kind : dict
        Organization id -> its kind (``party_group``...).
    orgs_by_kind : dict
        Kind -> organization ids, in graph order.
    parent : dict
        Organization id -> its parent (``SUB_ORGANIZATION_OF``).
    leads, led_by : dict
        ``LEADS`` in both directions.
    posts_by_org, posts_by_person : dict
        :class:`PostRec` lists.
    declared : set-like of (str, str)
        ``(bearer, type)`` declared under ``responsibilities`` or as a list of
        the same kind owned by the bearer (the keys of ``declared_by``).
    declared_by : dict
        ``(bearer, type)`` -> the ids that declare it (responsibilities, lists).
    covers : dict
        Responsibility id -> organization ids in its ``over`` (only the
        responsibilities that cover some).
    supervised : set
        Organizations in the ``over`` of some ``supervisory`` responsibility.
    tasks : list of TaskRec
    talks : list of (id, talk kind, date, with)
    accountabilities : list of (id, date, targets)
    consultations : list of (id, date, parties)
    ratings : list of (id, date, org, rating)
    problems : list of ProblemRec
    measures : dict
        Measure id -> :class:`MeasureRec`.
    as_of : str
        The date the posts are taken at: only the posts held then are indexed.
    """

    org_kind: dict[str, str] = field(default_factory=dict)
    orgs_by_kind: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    parent: dict[str, str] = field(default_factory=dict)
    leads: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    led_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    posts_by_org: dict[str, list[PostRec]] = field(default_factory=lambda: defaultdict(list))
    posts_by_person: dict[str, list[PostRec]] = field(default_factory=lambda: defaultdict(list))
    declared_by: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    covers: dict[str, list[str]] = field(default_factory=dict)
    supervised: set[str] = field(default_factory=set)
    tasks: list[TaskRec] = field(default_factory=list)
    talks: list[tuple[str, str, str, list[str]]] = field(default_factory=list)
    accountabilities: list[tuple[str, str, list[str]]] = field(default_factory=list)
    consultations: list[tuple[str, str, list[str]]] = field(default_factory=list)
    ratings: list[tuple[str, str, str, str]] = field(default_factory=list)
    problems: list[ProblemRec] = field(default_factory=list)
    measures: dict[str, MeasureRec] = field(default_factory=dict)
    as_of: str = ""
    n_evidence: int = 0

    @property
    def declared(self) -> KeysView[tuple[str, str]]:
        return self.declared_by.keys()


_CACHE_KEY = "respchain.queries.index"


def build_index(G: nx.MultiDiGraph, as_of: str | _dt.date | None = None) -> GraphIndex:
    """Index the graph in one pass over its nodes and their outgoing edges.

    Only the posts held at ``as_of`` are indexed (a post is held at d when its
    ``since``, if any, is not after d and its ``until``, if any, not before it),
    so that every rule sees the posts as they stand on the reference date.

    The index is kept in the graph's networkx cache (``G.__networkx_cache__``,
    one per reference date), which networkx empties whenever a node or an edge
    is added or removed: the rules and :func:`~respchain.queries.engine.scores`
    of one graph share one index. Like networkx's own cached results it does not
    see attributes changed in place (``G.nodes[n]["kind"] = ...``); call
    ``G.__networkx_cache__.clear()`` after such a change.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`respchain.graph.graph_from_register`.
    as_of : str or date, optional
        Default: ``G.graph['as_of']``, else today.

    Returns
    -------
    GraphIndex

    Examples
    --------
    >>> from respchain.loaders import load_graph
    >>> G = load_graph("data/seed")
    >>> ix = build_index(G)
    >>> ("anyang-unit-groups", "main") in ix.declared
    True
    """
    day = norm_as_of(G, as_of)
    key = f"{_CACHE_KEY}:{day}"
    cache = getattr(G, "__networkx_cache__", None)
    if cache is not None:
        ix = cache.get(key)
        if isinstance(ix, GraphIndex):
            return ix
    with paused_gc():
        ix = _build(G, day)
    if cache is not None:
        cache[key] = ix
    return ix


def _build(G: nx.MultiDiGraph, day: str) -> GraphIndex:
    ix = GraphIndex()
    ix.as_of = day
    succ = G._succ  # direct adjacency access: the index is built on the hot path
    for n, d in G._node.items():
        kind = d.get("kind")
        if kind == _ORG:
            ok = d.get("org_kind", "")
            ix.org_kind[n] = ok
            ix.orgs_by_kind[ok].append(n)
            for v, keys in succ[n].items():
                if _SUB in keys:
                    ix.parent[n] = v
                if _LEADS in keys:
                    ix.leads[n].append(v)
                    ix.led_by[v].append(n)
        elif kind == _POST:
            since, until = d.get("since"), d.get("until")
            if (since and since > day) or (until and until < day):
                continue
            areas = tuple(v for v, keys in succ[n].items() if _IN_CHARGE in keys)
            p = PostRec(d.get("person", ""), d.get("org", ""), d.get("role", ""), areas)
            ix.posts_by_org[p.org].append(p)
            ix.posts_by_person[p.person].append(p)
        elif kind == _RESP:
            rtype, bearer = d.get("type", ""), d.get("bearer", "")
            ix.declared_by[(bearer, rtype)].append(n)
            cov = [v for v, keys in succ[n].items() if _COVERS in keys]
            if cov:
                ix.covers[n] = cov
            if rtype == "supervisory":
                ix.supervised.update(cov)
        elif kind == _LIST:
            lk, owner = d.get("list_kind", ""), d.get("owner", "")
            if lk in ("main", "supervisory"):  # a list of a kind declares that kind for its owner
                ix.declared_by[(owner, lk)].append(n)
        elif kind == _TASK:
            t = TaskRec(n, d.get("list", ""), d.get("due") or None, d.get("status") or "open")
            t.done_on = d.get("done_on") or None
            t.due_note = d.get("due_note") or None
            for v, keys in succ[n].items():
                if _RESPONSIBLE in keys:
                    t.responsible.append(v)
                if _LEAD in keys:
                    t.lead.append(v)
                if _HAS_EVIDENCE in keys:
                    t.evidence.append(v)
            ix.tasks.append(t)
        elif kind == _EVIDENCE:
            ix.n_evidence += 1
        elif kind == _PROBLEM:
            pb = ProblemRec(
                n,
                d.get("org", ""),
                d.get("origin", "other"),
                d.get("found") or None,
                d.get("due") or None,
                d.get("reported_on") or None,
                d.get("closed_on") or None,
            )
            for v, keys in succ[n].items():
                if _HAS_MEASURE in keys:
                    pb.measures.append(v)
                if _HAS_EVIDENCE in keys:
                    pb.evidence.append(v)
            ix.problems.append(pb)
        elif kind == _MEASURE:
            done_on = d.get("done_on") or None
            m = MeasureRec(
                n,
                d.get("problem", ""),
                d.get("due") or None,
                bool(done_on) or d.get("status") == "done",
                done_on,
            )
            for v, keys in succ[n].items():
                if _RESPONSIBLE in keys:
                    m.responsible.append(v)
                if _LEAD in keys:
                    m.lead.append(v)
                if _HAS_EVIDENCE in keys:
                    m.evidence.append(v)
            ix.measures[n] = m
        elif kind == _EVENT:
            ek, date = d.get("event_kind", ""), str(d.get("date", ""))
            if ek == "talk":
                with_ = [v for v, keys in succ[n].items() if _WITH in keys]
                talk = d.get("talk", "")
                ix.talks.append((n, talk, date, with_))
            elif ek == "accountability":
                ix.accountabilities.append((n, date, [v for v, keys in succ[n].items() if _TARGET in keys]))
            elif ek == "consultation":
                ix.consultations.append((n, date, [v for v, keys in succ[n].items() if _PARTY in keys]))
            elif ek == "ecology_rating":
                about = [v for v, keys in succ[n].items() if _ABOUT in keys]
                ix.ratings.append((n, date, about[0] if about else "", d.get("rating", "")))
    return ix


def ensure_index(
    G: nx.MultiDiGraph, index: GraphIndex | None, as_of: str | _dt.date | None = None
) -> GraphIndex:
    """``index`` if given and taken at ``as_of``, else a fresh index of ``G`` at ``as_of``."""
    day = norm_as_of(G, as_of)
    if index is not None and index.as_of == day:
        return index
    return build_index(G, day)


def norm_as_of(G: nx.MultiDiGraph, as_of: str | _dt.date | None) -> str:
    """The reference date as an ISO string: ``as_of``, else ``G.graph['as_of']``, else today."""
    if as_of is None:
        as_of = G.graph.get("as_of") or today().isoformat()
    if isinstance(as_of, _dt.date):
        return as_of.isoformat()
    return str(as_of)


def norm_period(G: nx.MultiDiGraph, period: int | str | None, as_of: str | None = None) -> str:
    """The period (a year) as a 4-digit string: ``period``, else ``G.graph['period']``, else as_of's year."""
    if period is None:
        period = G.graph.get("period")
    if period is None:
        period = norm_as_of(G, as_of)[:4]
    return str(period)
