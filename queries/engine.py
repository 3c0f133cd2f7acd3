"""The front door of the gap rules: :func:`find_gaps`, the backend registry and :func:`scores`."""

from __future__ import annotations

import datetime as _dt
import importlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import networkx as nx
from respchain.graph.schema import PARTY_ORG_KINDS, NodeKind, held_at
from respchain.queries.backends import BUILTIN
from respchain.queries.catalog import resolve_rules
from respchain.queries.finding import SEVERITY_ORDER, Finding
from respchain.queries.index import GraphIndex, build_index, norm_as_of, norm_period
from respchain.queries.obligations import OBLIGATION_FAMILY, Coverage, Obligation

from respchain._gc import paused_gc
from respchain.exceptions import InputError

__all__ = [
    "find_gaps",
    "scores",
    "BACKENDS",
    "register_backend",
    "memory_backend",
    "get_backend",
    "subject_orgs",
    "SEVERITIES",
    "OBLIGATION_BACKENDS",
    "split_selection",
    "obligation_coverage",
    "select_obligations",
    "COVERAGE_BACKENDS",
]

SEVERITIES = tuple(SEVERITY_ORDER)

Backend = Callable[..., list[Finding]]


BACKENDS: dict[str, Backend | str] = dict(BUILTIN)
"""Backend name -> ``backend(G, rule_ids, *, as_of, period, **options) -> list[Finding]``,
or the name of a module whose ``run`` is that function (imported when first used).

The built-in ones are ``memory``, ``neo4j`` and ``shacl`` (:mod:`respchain.queries.backends`);
others add themselves with :func:`register_backend`.
"""


def register_backend(name: str, backend: Backend | str) -> None:
    """Make ``backend`` (a function, or a module with ``run``) available to :func:`find_gaps` as ``backend=name``."""
    BACKENDS[name] = backend


def get_backend(name: str) -> Backend:
    """The backend function of ``name``, importing its module on first use.

    Raises
    ------
    InputError
        For a name :data:`BACKENDS` does not have.
    """
    if name not in BACKENDS:
        raise InputError(
            f"未知后端 / unknown backend {name!r}; 可用 / available: {', '.join(sorted(BACKENDS))}"
        )
    b = BACKENDS[name]
    if isinstance(b, str):
        b = BACKENDS[name] = importlib.import_module(b).run
    return b


def memory_backend(G: nx.MultiDiGraph, rule_ids: list[str], **options: Any) -> list[Finding]:
    """The ``memory`` backend (:func:`respchain.queries.backends.memory.memory_backend`)."""
    return get_backend("memory")(G, rule_ids, **options)


def _memory_obligations(G: nx.MultiDiGraph, obligations: Sequence[Obligation], **kw: Any) -> list[Finding]:
    from respchain.queries.obligations import evaluate

    return evaluate(G, obligations, as_of=kw["as_of"], period=kw["period"])


def _neo4j_obligations(G: nx.MultiDiGraph, obligations: Sequence[Obligation], **kw: Any) -> list[Finding]:
    from respchain.queries.obligations_neo4j import obligations_from_neo4j

    return obligations_from_neo4j(
        kw["driver"], obligations, as_of=kw["as_of"], period=kw["period"], database=kw.get("database")
    )


OBLIGATION_BACKENDS: dict[str, Callable[..., list[Finding]]] = {
    "memory": _memory_obligations,
    "neo4j": _neo4j_obligations,
}
"""Backend name -> the generic evaluator of obligations on that backend."""


def _memory_coverage(G: nx.MultiDiGraph, obligations: Sequence[Obligation], **kw: Any) -> list[Coverage]:
    from respchain.queries.obligations import coverage

    return coverage(G, obligations, as_of=kw["as_of"], period=kw["period"])


def _neo4j_coverage(G: nx.MultiDiGraph, obligations: Sequence[Obligation], **kw: Any) -> list[Coverage]:
    from respchain.queries.obligations_neo4j import coverage_from_neo4j

    names = {n: d.get("name") or n for n, d in G.nodes(data=True) if d.get("kind") == NodeKind.ORGANIZATION}
    return coverage_from_neo4j(
        kw["driver"],
        obligations,
        as_of=kw["as_of"],
        period=kw["period"],
        org_names=names,
        database=kw.get("database"),
    )


COVERAGE_BACKENDS: dict[str, Callable[..., list[Coverage]]] = {
    "memory": _memory_coverage,
    "neo4j": _neo4j_coverage,
}
"""Backend name -> the coverage figures of obligations on that backend (the same evaluator, every slot)."""


def obligation_coverage(
    G: nx.MultiDiGraph,
    obligations: Sequence[Obligation],
    *,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
    backend: str = "memory",
    **options: Any,
) -> list[Coverage]:
    """How many of the events each obligation expects happened, per obligation and per organization.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    obligations : sequence of Obligation
    as_of, period
        As for :func:`find_gaps`.
    backend : str
        ``memory``, or ``neo4j`` (with ``driver`` and ``database`` in ``options``): the
        graph already stored in the database, as :func:`find_gaps` left it; ``G``
        names its organizations.

    Returns
    -------
    list of Coverage
        For each obligation, its total over the register, then one per organization
        (:func:`respchain.queries.obligations.coverage`).

    Examples
    --------
    >>> from respchain.loaders import load_graph
    >>> from respchain.queries.obligations import default_obligations
    >>> G = load_graph("data/demo-city")
    >>> total = obligation_coverage(G, default_obligations())[0]
    >>> total.obligation, total.text()
    ('OB-SZSL', '58/61 人次（95.1%）')
    """
    if backend not in COVERAGE_BACKENDS:
        raise InputError(
            f"后端 {backend!r} 不检查义务 / the {backend!r} backend does not check obligations; "
            f"可用 / available: {', '.join(sorted(COVERAGE_BACKENDS))}"
        )
    if not obligations:
        return []
    day = norm_as_of(G, as_of)
    year = norm_period(G, period, day)
    return COVERAGE_BACKENDS[backend](G, obligations, as_of=day, period=year, **options)


def split_selection(
    spec: Iterable[str] | str | None, obligations: Sequence[Obligation]
) -> tuple[list[str] | None, set[str] | None]:
    """Split a ``rules``/``skip`` selection into catalog entries and obligation ids.

    An entry that is an obligation's id (case-insensitive) or the family
    ``obligations`` selects obligations; every other entry is left for
    :func:`resolve_rules`. ``None`` stays ``None`` on both sides.
    """
    if spec is None:
        return None, None
    items = [spec] if isinstance(spec, str) else list(spec)
    parts = [p.strip() for item in items for p in str(item).split(",") if p.strip()]
    ids = {o.id.upper(): o.id for o in obligations}
    rest: list[str] = []
    chosen: set[str] = set()
    for p in parts:
        if p.lower() == OBLIGATION_FAMILY:
            chosen.update(ids.values())
        elif p.upper() in ids:
            chosen.add(ids[p.upper()])
        else:
            rest.append(p)
    return rest, chosen


def select_obligations(
    obligations: Sequence[Obligation],
    rules: Iterable[str] | str | None = None,
    skip: Iterable[str] | str | None = None,
) -> list[Obligation]:
    """The obligations a ``rules``/``skip`` selection keeps (all of them when ``rules`` is None)."""
    _, chosen = split_selection(rules, obligations)
    _, skipped = split_selection(skip, obligations)
    return [o for o in obligations if (chosen is None or o.id in chosen) and o.id not in (skipped or ())]


def find_gaps(
    G: nx.MultiDiGraph,
    *,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
    rules: Iterable[str] | str | None = None,
    skip: Iterable[str] | str | None = None,
    backend: str = "memory",
    obligations: Sequence[Obligation] | None = None,
    **options: Any,
) -> list[Finding]:
    """Find the gaps of the responsibility chain.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The responsibility graph.
    as_of : str or date, optional
        The reference date (default ``G.graph['as_of']``).
    period : int or str, optional
        The year coverage rules look at (default ``G.graph['period']``).
    rules, skip : iterable of str or str, optional
        Rule ids or family names to run / to leave out (default: all rules).
    backend : str
        A key of :data:`BACKENDS`.
    obligations : sequence of Obligation, optional
        Obligations to check as well (see :mod:`respchain.queries.obligations`;
        :func:`~respchain.queries.obligations.default_obligations` gives the
        shipped ones). ``rules`` and ``skip`` select them by id or by the family
        ``obligations``. Only the backends of :data:`OBLIGATION_BACKENDS` check them.
    **options
        Passed to the backend (a Neo4j driver, a prebuilt ``index``...); rule
        options (``soon``: the days ahead LIST-007 calls due soon, default 30)
        reach the rules that take them.

    Returns
    -------
    list of Finding
        Sorted by severity (high first), then rule, then subject.

    Raises
    ------
    UnknownRuleError
        For a rule id or family the catalog does not have.
    InputError
        For an unknown backend.

    Examples
    --------
    >>> from respchain.loaders import load_graph
    >>> G = load_graph("tests/data/gaps/district/register.yaml")
    >>> [f.key() for f in find_gaps(G, rules="main")]
    [('MAIN-001', 'street')]
    """
    obs = list(obligations or ())
    rest, chosen = split_selection(rules, obs)
    skip_rest, skipped = split_selection(skip, obs)
    if rules is not None and not rest:
        ids: list[str] = []
        resolve_rules(None, skip_rest)  # unknown entries of skip still fail
    else:
        ids = resolve_rules(rest, skip_rest)
    obs = select_obligations(obs, rules, skip)
    run = get_backend(backend)
    if obs and backend not in OBLIGATION_BACKENDS:
        raise InputError(
            f"后端 {backend!r} 不检查义务 / the {backend!r} backend does not check obligations; "
            f"可用 / available: {', '.join(sorted(OBLIGATION_BACKENDS))}"
        )
    day = norm_as_of(G, as_of)
    year = norm_period(G, period, day)
    with paused_gc():
        found = run(G, ids, as_of=day, period=year, **options)
        if obs:
            found = [*found, *OBLIGATION_BACKENDS[backend](G, obs, as_of=day, period=year, **options)]
        return sorted(found, key=Finding.sort_key)


def subject_orgs(G: nx.MultiDiGraph, subject: str, index: GraphIndex | None = None) -> list[str]:
    """The organizations a finding about ``subject`` is charged to.

    An organization is charged itself; a person, the organizations of the
    posts they hold at the register's ``as_of`` (a post that ended is not
    charged); a task, the owner of its list; a problem, the organization that
    must rectify it; a measure, that of its problem.
    """
    d = G._node.get(subject)
    if d is None:
        return []
    kind = d.get("kind")
    if kind == NodeKind.ORGANIZATION:
        return [subject]
    if kind == NodeKind.PERSON:
        if index is not None:
            return sorted({p.org for p in index.posts_by_person.get(subject, ())})
        day = str(G.graph.get("as_of") or "")
        posts = (G._node[p] for p in G._succ[subject] if G._node[p].get("kind") == "Post")
        return sorted(
            {p.get("org") for p in posts if not day or held_at(p.get("since"), p.get("until"), day)} - {None}
        )
    if kind == NodeKind.TASK:
        lst = G._node.get(d.get("list", ""), {})
        return [lst["owner"]] if lst.get("owner") else []
    if kind == "Problem":
        return [d["org"]] if d.get("org") else []
    if kind == "Measure":
        pb = G._node.get(d.get("problem", ""), {})
        return [pb["org"]] if pb.get("org") else []
    return []


def scores(
    G: nx.MultiDiGraph, findings: Iterable[Finding], *, index: GraphIndex | None = None
) -> list[dict[str, Any]]:
    """Count findings by severity per party organization and its subtree (the shape 考核 work uses).

    The subtree of a party organization is itself and everything below it
    along ``SUB_ORGANIZATION_OF`` (children) and ``LEADS`` (the units it leads),
    at any depth. A finding is charged to the organizations of its subject
    (see :func:`subject_orgs`) and counted once in every subtree holding one of them.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    findings : iterable of Finding
    index : GraphIndex, optional
        The index :func:`find_gaps` used, to save building it again.

    Returns
    -------
    list of dict
        One per party organization: ``org``, ``name``, ``org_kind``, ``own``
        (findings charged to it) and ``subtree`` (counts by severity), and
        ``total`` (subtree findings); worst first (by high, medium, low, info), then by id.
    """
    with paused_gc():
        return _scores(G, findings, index if index is not None else build_index(G))


def _scores(G: nx.MultiDiGraph, findings: Iterable[Finding], ix: GraphIndex) -> list[dict[str, Any]]:
    up_memo: dict[str, frozenset[str]] = {}

    def ancestors(o: str) -> frozenset[str]:
        got = up_memo.get(o)
        if got is not None:
            return got
        seen = {o}
        todo = [o]
        while todo:
            c = todo.pop()
            nxt = [ix.parent[c]] if c in ix.parent else []
            nxt.extend(ix.led_by.get(c, ()))
            for a in nxt:
                if a not in seen:
                    seen.add(a)
                    todo.append(a)
        up_memo[o] = res = frozenset(seen)
        return res

    # Findings with the same charged organizations reach the same subtrees: count them together.
    by_charge: Counter[Any] = Counter()
    for f in findings:
        by_charge[(tuple(subject_orgs(G, f.subject, ix)), f.severity)] += 1
    sev_i = {s: i for i, s in enumerate(SEVERITIES)}
    own: dict[str, list[int]] = {}
    sub: dict[str, list[int]] = {}
    for (charged, sev), n in by_charge.items():
        i = sev_i[sev]
        reach: set[str] = set()
        for o in charged:
            row = own.get(o)
            if row is None:
                row = own[o] = [0, 0, 0, 0]
            row[i] += n
            reach |= ancestors(o)
        for o in reach:
            row = sub.get(o)
            if row is None:
                row = sub[o] = [0, 0, 0, 0]
            row[i] += n
    zero = [0, 0, 0, 0]
    rows = []
    for o, k in ix.org_kind.items():
        if k not in PARTY_ORG_KINDS:
            continue
        s = sub.get(o, zero)
        rows.append(
            {
                "org": o,
                "name": G._node[o].get("name", o),
                "org_kind": k,
                "own": dict(zip(SEVERITIES, own.get(o, zero), strict=True)),
                "subtree": dict(zip(SEVERITIES, s, strict=True)),
                "total": sum(s),
            }
        )
    rows.sort(key=lambda r: (*(-r["subtree"][k] for k in SEVERITIES), r["org"]))
    return rows
