"""Write the responsibility graph into Neo4j and read it back.

The graph in Neo4j
------------------
Every node becomes one node labelled with its :class:`~respchain.graph.schema.NodeKind`
(``Organization``, ``Person``...), with the property ``id`` (unique per label,
backed by a uniqueness constraint) and the node's attributes as properties;
``kind`` is the label and is not stored again. Every edge becomes one
relationship of its :class:`~respchain.graph.schema.RelType`. The graph's own
attributes (``as_of``, ``period``, ``title``, ``files``) are kept on the single
node ``(:Graph {id: 'graph'})``.

Labels are written into the Cypher text (a label given as a parameter would
cost the index lookups); they come only from the schema's enumeration and are
checked against it and an identifier pattern first. Relationships are merged
between the element ids that the node statements return, with the type given
as a parameter (``MERGE (a)-[r:$(row.type)]->(b)``, Neo4j 5.26), after the same
check against :class:`~respchain.graph.schema.RelType`; so one statement serves
every type. Every value goes in as a parameter.

Property values
---------------
Neo4j stores scalars (text, integers of 64 bits, floats, booleans, dates) and
lists of one scalar type. Every other value (``None``, a dict, a nested or mixed
list, an integer beyond 64 bits) is stored as JSON text and its key is listed in
the node's ``_json`` property, so that :func:`graph_from_neo4j` decodes it back.

Atomicity
---------
:func:`graph_to_neo4j` writes everything (emptying the database first with
``replace=True``, which writes over what is there and then deletes what the
graph does not have) in ONE managed write transaction, in batches of
``UNWIND $rows AS row MERGE ...``: a load that fails at any batch is rolled back
and leaves the database as it was. Neo4j holds a transaction's changes in memory
(about 1 KB of heap per node or relationship written), so one transaction suits
graphs up to a few million entities with a heap to match (``NEO4J_HEAP``). For
national-scale graphs (10^7 to 10^8 relationships) use
:func:`respchain.graph.neo4j.admin.graph_to_neo4j_admin` and
``neo4j-admin database import full``, which builds a new database offline and is
all-or-nothing by construction. The uniqueness constraints are schema, created
before the data transaction (Neo4j does not mix the two); creating them again
changes nothing.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import networkx as nx
from respchain.graph.schema import NodeKind, RelType

from respchain.exceptions import BackendError

if TYPE_CHECKING:
    import neo4j

__all__ = [
    "graph_to_neo4j",
    "graph_from_neo4j",
    "graph_meta_from_neo4j",
    "clear_neo4j",
    "ensure_constraints",
    "run_query",
    "backend_errors",
    "GRAPH_NODE_ID",
    "DATA_LABELS",
    "DEFAULT_BATCH_SIZE",
]

GRAPH_NODE_ID = "graph"
"""The ``id`` of the ``(:Graph)`` node that holds the graph's attributes."""

DATA_LABELS: tuple[str, ...] = tuple(k.value for k in NodeKind if k is not NodeKind.GRAPH)
"""The labels of the nodes of the graph itself (every NodeKind but ``Graph``)."""

DEFAULT_BATCH_SIZE = 5000

_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_JSON_KEY = "_json"  # names the properties that hold JSON text
_KEY_KEY = "_key"  # the edge key, when it is not the relationship type
_RESERVED_NODE = frozenset({"id", _JSON_KEY})
_RESERVED_EDGE = frozenset({_JSON_KEY, _KEY_KEY})
_INT64 = (-(2**63), 2**63 - 1)

# ---------------------------------------------------------------- statements
# Templates take a label or a relationship type, and only from the schema
# (see _label and _rel_type); every value is a parameter.

_CONSTRAINT = "CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:`{label}`) REQUIRE n.id IS UNIQUE"
_SHOW_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names"
_MERGE_NODES = (
    "UNWIND $rows AS row MERGE (n:`{label}` {{id: row.id}}) SET n = row.props "
    "RETURN row.id AS id, elementId(n) AS eid"
)
# Into an empty database (or one just emptied) there is nothing to merge with.
_CREATE_NODES = (
    "UNWIND $rows AS row CREATE (n:`{label}`) SET n = row.props RETURN row.id AS id, elementId(n) AS eid"
)
# Endpoints are found by the element ids the node statements returned, so one
# statement serves every relationship type; the type is a parameter, checked
# against RelType before it is sent. Relationships are created, never MERGEd:
# a MERGE looks through every relationship the transaction has added to its
# endpoints, which is quadratic on the nodes many edges share (a kind, a
# source); the ones that exist already are found first and updated by id.
_CREATE_RELS = (
    "UNWIND $rows AS row "
    "MATCH (a) WHERE elementId(a) = row.s MATCH (b) WHERE elementId(b) = row.t "
    "CREATE (a)-[r:$(row.type)]->(b) SET r = row.props"
)
_UPDATE_RELS = "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.rid SET r = row.props"
_EXISTING_RELS = (
    "UNWIND $eids AS e MATCH (a) WHERE elementId(a) = e MATCH (a)-[r]->(b) "
    "RETURN e AS s, type(r) AS type, elementId(b) AS t, r._key AS k, elementId(r) AS rid"
)
# The ids of a batch that a node of another label holds already (one index seek per label and id).
_ID_CLASH_BRANCH = "MATCH (n:`{label}` {{id: id}}) RETURN n.id AS found, '{label}' AS label"
_ID_CLASH = "UNWIND $ids AS id CALL (id) {{ {branches} }} RETURN found, label LIMIT 20"
_READ_NODES = (
    "MATCH (n) WHERE n.id IS NOT NULL RETURN labels(n) AS labels, n.id AS id, properties(n) AS props"
)
_READ_RELS = (
    "MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL "
    "RETURN type(r) AS type, a.id AS s, b.id AS t, properties(r) AS props"
)
_DELETE_RELS = "UNWIND $rids AS rid MATCH ()-[r]->() WHERE elementId(r) = rid DELETE r"
_DELETE_OTHER_NODES = "MATCH (n) WHERE NOT elementId(n) IN $keep DETACH DELETE n"
_ANY_NODE = "MATCH (n) RETURN count(n) > 0 AS any LIMIT 1"
_CLEAR = "MATCH (n) DETACH DELETE n"
_READ_META = "MATCH (g:`Graph` {id: $id}) RETURN properties(g) AS props"


def _label(kind: Any) -> str:
    """The Neo4j label of a node kind; only a :class:`NodeKind` value passes."""
    try:
        value = NodeKind(kind).value
    except ValueError:
        raise BackendError(
            f"未知节点类型 / unknown node kind {kind!r}; 可用 / known: {', '.join(NodeKind.values())}"
        ) from None
    if not _IDENT.match(value):  # pragma: no cover - the schema's own values
        raise BackendError(f"节点类型不是合法标签 / node kind is not a valid label: {value!r}")
    return value


def _rel_type(t: Any) -> str:
    """The Neo4j relationship type of an edge type; only a :class:`RelType` value passes."""
    try:
        value = RelType(t).value
    except ValueError:
        raise BackendError(
            f"未知关系类型 / unknown relationship type {t!r}; 可用 / known: {', '.join(RelType.values())}"
        ) from None
    if not _IDENT.match(value):  # pragma: no cover - the schema's own values
        raise BackendError(f"关系类型不是合法标识符 / relationship type is not a valid identifier: {value!r}")
    return value


# ---------------------------------------------------------------- errors


def _driver_error_types() -> tuple[type[BaseException], ...]:
    import neo4j.exceptions as ne

    return (ne.Neo4jError, ne.DriverError, OSError)


def _describe(e: BaseException) -> str:
    import neo4j.exceptions as ne

    if isinstance(e, ne.AuthError) or getattr(e, "code", "") == "Neo.ClientError.Security.Unauthorized":
        return "Neo4j 拒绝登录（用户名或密码错误）/ Neo4j refused the login (wrong user name or password)"
    if isinstance(e, ne.ServiceUnavailable | OSError):
        return (
            f"无法连接 Neo4j / cannot reach Neo4j: {str(e).splitlines()[0] if str(e) else type(e).__name__}"
        )
    code = getattr(e, "code", None)
    msg = getattr(e, "message", None) or str(e)
    first = msg.splitlines()[0] if msg else type(e).__name__
    hint = ""
    if code and "MemoryPoolOutOfMemoryError" in code:
        hint = (
            " — 图太大，一个事务装不下：加大 NEO4J_HEAP，或用 respchain export --to neo4j-admin 批量导入 / "
            "the graph is too big for one transaction: raise the heap, or bulk-import with "
            "respchain export --to neo4j-admin"
        )
    return f"Neo4j 出错 / Neo4j error: {code + ': ' if code else ''}{first}{hint}"


@contextmanager
def backend_errors(doing: str = "") -> Iterator[None]:
    """Turn the driver's errors into one :class:`BackendError` line (``doing`` says what failed)."""
    try:
        yield
    except BackendError:
        raise
    except _driver_error_types() as e:
        prefix = f"{doing}: " if doing else ""
        raise BackendError(prefix + _describe(e)) from e


# ---------------------------------------------------------------- values


def _scalar_type(v: Any) -> type | None:
    """The type Neo4j stores ``v`` as, or None when it cannot store it as it is."""
    if isinstance(v, bool):
        return bool
    if isinstance(v, int):
        return int if _INT64[0] <= v <= _INT64[1] else None
    if isinstance(v, float | str):
        return type(v)
    if isinstance(v, _dt.datetime):
        return _dt.datetime
    if isinstance(v, _dt.date):
        return _dt.date
    return None


def _storable(v: Any) -> bool:
    if isinstance(v, list | tuple):
        types = {_scalar_type(x) for x in v}
        return len(types) <= 1 and None not in types
    return _scalar_type(v) is not None


def _encode(attrs: dict[str, Any], reserved: frozenset[str], where: str) -> dict[str, Any]:
    """Properties for ``attrs``: storable values as they are, the rest as JSON text."""
    out: dict[str, Any] = {}
    as_json: list[str] = []
    for k, v in attrs.items():
        if not isinstance(k, str):
            raise BackendError(f"{where}: 属性名必须是文本 / attribute names must be text: {k!r}")
        if k in reserved:
            raise BackendError(f"{where}: 属性名 {k!r} 为保留名 / the attribute name {k!r} is reserved")
        if _storable(v):
            out[k] = list(v) if isinstance(v, tuple) else v
            continue
        try:
            out[k] = json.dumps(v, ensure_ascii=False, allow_nan=True)
        except (TypeError, ValueError) as e:
            raise BackendError(
                f"{where}: 属性 {k!r} 的值无法存入 Neo4j / the value of {k!r} cannot be stored in Neo4j "
                f"({type(v).__name__}: {e})"
            ) from None
        as_json.append(k)
    if as_json:
        out[_JSON_KEY] = sorted(as_json)
    return out


def _native(v: Any) -> Any:
    to_native = getattr(v, "to_native", None)  # neo4j.time values
    if to_native is not None:
        return to_native()
    if isinstance(v, list):
        return [_native(x) for x in v]
    return v


def _decode(props: dict[str, Any]) -> dict[str, Any]:
    """The inverse of :func:`_encode`."""
    props = dict(props)
    as_json = set(props.pop(_JSON_KEY, None) or ())
    return {k: (json.loads(v) if k in as_json else _native(v)) for k, v in props.items()}


# ---------------------------------------------------------------- writing


def _batches(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _plan(G: nx.MultiDiGraph) -> tuple[dict[str, list[Any]], dict[tuple[str, bool], list[Any]]]:
    """Group node ids by label and edges by (type, keyed); check every one before anything is sent."""
    nodes: dict[str, list[Any]] = defaultdict(list[Any])
    bad: list[str] = []
    known: set[Any] = set()
    for n, d in G.nodes(data=True):
        if not isinstance(n, str) or not n:
            bad.append(f"节点 / node {n!r}: id 必须是非空文本 / ids must be non-empty text")
            continue
        try:
            lab = _label(d.get("kind"))
        except BackendError as e:
            bad.append(f"节点 / node {n!r}: {e}")
            continue
        if lab == NodeKind.GRAPH.value:
            bad.append(
                f"节点 / node {n!r}: 类型 Graph 只用于图属性 / kind Graph is for the graph's attributes only"
            )
            continue
        known.add(n)
        nodes[lab].append(n)
    rels: dict[tuple[str, bool], list[Any]] = defaultdict(list[Any])
    for u, v, k, d in G.edges(keys=True, data=True):
        try:
            rt = _rel_type(d.get("type", k))
        except BackendError as e:
            bad.append(f"边 / edge {u!r}->{v!r} [{k!r}]: {e}")
            continue
        if u not in known or v not in known:
            continue  # its node is reported already
        keyed = k != rt
        if keyed and not isinstance(k, str | int):
            bad.append(f"边 / edge {u!r}->{v!r}: 键必须是文本或整数 / keys must be text or integers: {k!r}")
            continue
        rels[(rt, keyed)].append((u, v, k))
    if bad:
        shown = bad[:20] + (
            [f"... 另有 {len(bad) - 20} 个 / and {len(bad) - 20} more"] if len(bad) > 20 else []
        )
        raise BackendError(
            "图无法写入 Neo4j / the graph cannot be written to Neo4j:\n  " + "\n  ".join(shown)
        )
    return nodes, rels


def _session(driver: neo4j.Driver, database: str | None) -> neo4j.Session:
    # Notifications (a relationship type not in the database yet...) are not
    # errors; the queries are fixed, so they would only be noise in the log.
    return driver.session(database=database, notifications_min_severity="OFF")


def ensure_constraints(driver: neo4j.Driver, *, database: str | None = None) -> None:
    """Create a uniqueness constraint on ``id`` for every label of the schema (idempotent)."""
    wanted = {f"respchain_{lab.lower()}_id": lab for lab in (*DATA_LABELS, NodeKind.GRAPH.value)}
    with backend_errors("创建约束 / creating constraints"), _session(driver, database) as s:
        have = set(s.run(_SHOW_CONSTRAINTS).single(strict=True)["names"])
        for name, lab in wanted.items():
            if name not in have:
                s.run(_CONSTRAINT.format(name=name, label=lab)).consume()


def clear_neo4j(driver: neo4j.Driver, *, database: str | None = None) -> None:
    """Delete every node and relationship of the database (constraints stay)."""
    with backend_errors("清空数据库 / emptying the database"), _session(driver, database) as s:
        s.execute_write(lambda tx: tx.run(_CLEAR).consume())


def graph_to_neo4j(
    G: nx.MultiDiGraph,
    driver: neo4j.Driver,
    *,
    database: str | None = None,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> dict[str, int]:
    """Write ``G`` into Neo4j, all of it or nothing.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A responsibility graph (:func:`respchain.graph.graph_from_register`).
    driver : neo4j.Driver
        A driver the caller made and closes; respchain never makes one itself.
    database : str, optional
        The database (default: the server's default database).
    replace : bool
        Leave the database holding ``G`` and nothing else: what ``G`` does not
        have is deleted, in the same transaction as the load.
    batch_size : int
        Rows per ``UNWIND $rows`` statement.

    Returns
    -------
    dict
        ``nodes`` and ``relationships`` written.

    Raises
    ------
    BackendError
        When a node or edge cannot be written (unknown kind or type, a value
        Neo4j cannot hold), when an id already belongs to a node of another
        label, or when the server fails; the database is then as it was.

    Notes
    -----
    Nodes are merged on ``(label, id)`` and their properties set to the node's
    attributes; a relationship is created unless one of its type (and key)
    joins the same two nodes already, whose properties are then set. Loading
    the same graph twice changes nothing; loading another graph without
    ``replace`` adds its nodes and relationships and updates the properties of
    the nodes it shares, and the ``(:Graph)`` node takes its attributes.

    Examples
    --------
    >>> import neo4j  # doctest: +SKIP
    >>> from respchain.loaders import load_graph  # doctest: +SKIP
    >>> with neo4j.GraphDatabase.driver("bolt://127.0.0.1:7687", auth=None) as d:  # doctest: +SKIP
    ...     graph_to_neo4j(load_graph("data/seed"), d, replace=True)
    {'nodes': 83, 'relationships': 190}
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    nodes, rels = _plan(G)
    meta = _encode(dict(G.graph), _RESERVED_NODE, "图属性 / graph attributes")
    meta["id"] = GRAPH_NODE_ID
    node_data = G._node
    ensure_constraints(driver, database=database)

    def load(tx: neo4j.ManagedTransaction) -> None:
        # ``replace`` does not delete first and write again: index lookups of
        # ids deleted in the same transaction are slow. It writes over what is
        # there, then deletes what the graph does not have, all in this one
        # transaction.
        had_data = bool(tx.run(_ANY_NODE).single(strict=True)["any"])
        check = had_data and not replace
        eid: dict[str, str] = {}
        for lab, ids in nodes.items():
            query = _MERGE_NODES.format(label=lab)
            clash_query = _ID_CLASH.format(
                branches=" UNION ".join(_ID_CLASH_BRANCH.format(label=o) for o in DATA_LABELS if o != lab)
            )
            for batch in _batches(ids, batch_size):
                if check:
                    _check_clash(tx, lab, batch, clash_query)
                rows = [
                    {
                        "id": n,
                        "props": {
                            **_encode(_attrs(node_data[n]), _RESERVED_NODE, f"节点 / node {n!r}"),
                            "id": n,
                        },
                    }
                    for n in batch
                ]
                for r in tx.run(query, rows=rows):
                    eid[r["id"]] = r["eid"]
        if not had_data:
            existing: dict[tuple[Any, ...], str] = {}
        elif replace:
            existing = _existing_rels(tx, list(eid.values()), batch_size)
        else:
            existing = _existing_rels(
                tx, [eid[u] for edges in rels.values() for u, _v, _k in edges], batch_size
            )
        kept: set[str] = set()
        for (rt, keyed), edges in rels.items():
            for batch in _batches(edges, batch_size):
                new, old = [], []
                for u, v, k in batch:
                    attrs = {key: val for key, val in G.edges[u, v, k].items() if key != "type"}
                    props = _encode(attrs, _RESERVED_EDGE, f"边 / edge {u!r}->{v!r} [{k!r}]")
                    if keyed:
                        props[_KEY_KEY] = k
                    rid = existing.get((eid[u], rt, eid[v], k if keyed else None))
                    if rid is None:
                        new.append({"s": eid[u], "t": eid[v], "type": rt, "props": props})
                    else:
                        kept.add(rid)
                        old.append({"rid": rid, "props": props})
                if new:
                    tx.run(_CREATE_RELS, rows=new).consume()
                if old:
                    tx.run(_UPDATE_RELS, rows=old).consume()
        for r in tx.run(
            _MERGE_NODES.format(label=NodeKind.GRAPH.value), rows=[{"id": GRAPH_NODE_ID, "props": meta}]
        ):
            eid[GRAPH_NODE_ID] = r["eid"]  # ids are per label: the Graph node's is not a graph node's
        if replace and had_data:
            stale = [rid for rid in existing.values() if rid not in kept]
            for batch in _batches(stale, batch_size):
                tx.run(_DELETE_RELS, rids=list(batch)).consume()
            tx.run(_DELETE_OTHER_NODES, keep=list(eid.values())).consume()

    with backend_errors("写入 Neo4j / writing to Neo4j"), _session(driver, database) as s:
        s.execute_write(load)
    return {"nodes": sum(map(len, nodes.values())), "relationships": sum(map(len, rels.values()))}


def _existing_rels(
    tx: neo4j.ManagedTransaction, starts: list[str], batch_size: int
) -> dict[tuple[Any, ...], str]:
    """``(start, type, end, key or None) -> element id`` of the relationships leaving ``starts`` now."""
    sources = sorted(set(starts))
    out: dict[tuple[Any, ...], str] = {}
    for batch in _batches(sources, batch_size):
        for r in tx.run(_EXISTING_RELS, eids=list(batch)):
            out[(r["s"], r["type"], r["t"], r["k"])] = r["rid"]
    return out


def _attrs(d: dict[str, Any]) -> dict[str, Any]:
    """A node's attributes without ``kind`` (the label says it)."""
    return {k: v for k, v in d.items() if k != "kind"}


def _check_clash(tx: neo4j.ManagedTransaction, label: str, ids: Sequence[str], query: str) -> None:
    """Refuse ids that a node of another label already has: ids are unique across the graph."""
    clash = [(r["found"], r["label"]) for r in tx.run(query, ids=list(ids))]
    if clash:
        raise BackendError(
            "id 已被另一类节点使用 / id already used by a node of another kind: "
            + ", ".join(f"{i!r} ({other} ≠ {label})" for i, other in clash)
            + "; 未写入任何内容 / nothing was written"
        )


# ---------------------------------------------------------------- reading


def graph_meta_from_neo4j(driver: neo4j.Driver, *, database: str | None = None) -> dict[str, Any]:
    """The graph's attributes kept on the ``(:Graph)`` node ({} when there is none)."""
    with backend_errors("读取 Neo4j / reading Neo4j"), _session(driver, database) as s:
        rec = s.execute_read(lambda tx: tx.run(_READ_META, id=GRAPH_NODE_ID).single())
    if rec is None:
        return {}
    props = _decode(rec["props"])
    props.pop("id", None)
    return props


_DATA_LABEL_SET = frozenset(DATA_LABELS)
_REL_TYPE_SET = frozenset(RelType.values())


def graph_from_neo4j(driver: neo4j.Driver, *, database: str | None = None) -> nx.MultiDiGraph:
    """Read the responsibility graph back from Neo4j.

    The inverse of :func:`graph_to_neo4j`: the nodes with a label of the schema,
    the relationships of the schema's types between them, and the graph's
    attributes from the ``(:Graph)`` node. Anything else in the database is
    left out.

    Parameters
    ----------
    driver : neo4j.Driver
    database : str, optional

    Returns
    -------
    networkx.MultiDiGraph
        Equal to the graph written: the same nodes, edges, keys and attributes.

    Examples
    --------
    >>> H = graph_from_neo4j(driver)  # doctest: +SKIP
    >>> H.nodes["type:main"]["name"]  # doctest: +SKIP
    '主体责任'
    """

    def read(tx: neo4j.ManagedTransaction) -> nx.MultiDiGraph:
        H = nx.MultiDiGraph()
        for r in tx.run(_READ_NODES):
            labels = [lab for lab in r["labels"] if lab in _DATA_LABEL_SET]
            if not labels:
                if NodeKind.GRAPH.value in r["labels"] and r["id"] == GRAPH_NODE_ID:
                    meta = _decode(r["props"])
                    meta.pop("id", None)
                    H.graph.update(meta)
                continue
            props = _decode(r["props"])
            props.pop("id", None)
            H.add_node(r["id"], kind=labels[0], **props)
        nodes = H._node
        for r in tx.run(_READ_RELS):
            t, a, b = r["type"], r["s"], r["t"]
            if t not in _REL_TYPE_SET or a not in nodes or b not in nodes:
                continue  # outside the schema
            props = _decode(r["props"])
            key = props.pop(_KEY_KEY, t)
            H.add_edge(a, b, key=key, type=t, **props)
        return H

    with backend_errors("读取 Neo4j / reading Neo4j"), _session(driver, database) as s:
        return s.execute_read(read)


# ---------------------------------------------------------------- any query


def run_query(
    driver: neo4j.Driver,
    query: str,
    params: dict[str, Any] | None = None,
    *,
    database: str | None = None,
    write: bool = False,
) -> tuple[list[str], list[dict[str, Any]]]:
    """Run one Cypher statement and return its columns and rows (values made plain).

    Reads run in a read transaction unless ``write`` is true. Nodes become
    dicts of their properties with ``_labels``; relationships with ``_type``;
    paths lists of those.
    """

    def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[dict[str, Any]]]:
        res = tx.run(query, params or {})
        keys = list(res.keys())
        return keys, [{k: _plain(r[k]) for k in keys} for r in res]

    with backend_errors("查询 / query"), _session(driver, database) as s:
        return (s.execute_write if write else s.execute_read)(work)


def _plain(v: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(v, Node):
        return {"_labels": sorted(v.labels), **{k: _plain(x) for k, x in v.items()}}
    if isinstance(v, Relationship):
        return {"_type": v.type, **{k: _plain(x) for k, x in v.items()}}
    if isinstance(v, Path):
        return {"nodes": [_plain(n) for n in v.nodes], "relationships": [_plain(r) for r in v.relationships]}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    to_native = getattr(v, "iso_format", None)
    if to_native is not None:
        return to_native()
    return v
