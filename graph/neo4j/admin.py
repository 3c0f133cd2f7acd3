"""Export the graph as the CSV files of ``neo4j-admin database import full``.

For national-scale graphs (millions of nodes, 10^8 relationships) the bulk
importer is the way in: it builds a new database offline, far faster than
transactions, and all or nothing. :func:`graph_to_neo4j_admin` writes, into one
folder:

- ``nodes_<Label>.header.csv`` and ``nodes_<Label>.csv``: one pair per node
  label, columns ``:ID`` (a number for the import only), ``id`` (the node's
  id), ``:LABEL`` and the attributes with their types (``name``, ``year:long``,
  ``domains:string[]``...);
- ``rels_<TYPE>.header.csv`` and ``rels_<TYPE>.csv``: one pair per relationship
  type, columns ``:START_ID``, ``:END_ID`` (those numbers), ``:TYPE`` and the
  edge's attributes;
- ``nodes_Graph.*``: the graph's attributes (``as_of``, ``period``...) on the
  one ``(:Graph {id: 'graph'})`` node, in an id space of its own;

The importer is run with ``--id-type=integer``: numbered nodes import faster than
nodes it has to look up by their string ids (it keeps no id index).
- ``import.sh``: the ``neo4j-admin`` command with the right options, and
  ``constraints.cypher``: the uniqueness constraints to create afterwards.

The result read back with :func:`respchain.graph.neo4j.graph_from_neo4j` is the
graph exported. Values are encoded as :mod:`respchain.graph.neo4j.store` does;
a column holds one type for a whole label, so an attribute whose values do not
share a type across the label's nodes (or that is ever an empty list, which the
importer cannot express) is written as JSON text and named in ``_json``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from respchain.graph.neo4j.store import (
    _JSON_KEY,
    _KEY_KEY,
    _RESERVED_EDGE,
    _RESERVED_NODE,
    GRAPH_NODE_ID,
    _plan,
    _scalar_type,
)
from respchain.graph.schema import NodeKind

from respchain.exceptions import InputError, Problem

__all__ = ["graph_to_neo4j_admin", "graphs_to_neo4j_admin", "neo4j_admin_args", "ARRAY_DELIMITER"]

ARRAY_DELIMITER = "\x1f"
"""Between the elements of an array value (U+001F, the unit separator)."""

_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}


def _cell(v: str | None) -> str:
    """One CSV field: quoted text, or nothing at all for a missing value."""
    if v is None:
        return ""
    return '"' + v.replace('"', '""') + '"'


def _text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def _column_type(values: Iterable[Any]) -> str | None:
    """The typed column all ``values`` fit (``string``, ``long[]``...), or None for JSON."""
    kinds: set[str] = set()
    for v in values:
        if isinstance(v, list | tuple):
            types = {_scalar_type(x) for x in v}
            if len(types) != 1 or None in types:
                return None  # empty, mixed or not storable
            t = types.pop()
            if t not in _TYPES or (t is str and any(x == "" or ARRAY_DELIMITER in x for x in v)):
                return None
            kinds.add(_TYPES[t] + "[]")
        else:
            t = _scalar_type(v)
            if t not in _TYPES:
                return None
            kinds.add(_TYPES[t])
        if len(kinds) > 1:
            return None
    return kinds.pop() if kinds else None


def _columns(records: list[dict[str, Any]], reserved: frozenset[str], where: str) -> dict[str, str | None]:
    """Attribute -> its column type (None: JSON text), for a set of records."""
    values: dict[str, list[Any]] = defaultdict(list[Any])
    for d in records:
        for k, v in d.items():
            if not isinstance(k, str) or k in reserved:
                raise InputError(
                    Problem(
                        where, 0, str(k), "属性名为保留名或不是文本 / attribute name reserved or not text"
                    )
                )
            values[k].append(v)
    return {k: _column_type(vs) for k, vs in values.items()}


def _fields(d: dict[str, Any], cols: dict[str, str | None], where: str) -> list[str]:
    out: list[str] = []
    as_json: list[str] = []
    for k, t in cols.items():
        if k not in d:
            out.append("")
            continue
        v = d[k]
        if t is None:
            try:
                out.append(_cell(json.dumps(v, ensure_ascii=False)))
            except (TypeError, ValueError) as e:
                raise InputError(Problem(where, 0, k, f"值无法写入 / value cannot be written: {e}")) from None
            as_json.append(k)
        elif t.endswith("[]"):
            out.append(_cell(ARRAY_DELIMITER.join(_text(x) for x in v)))
        else:
            out.append(_cell(_text(v)))
    out.append(_cell(ARRAY_DELIMITER.join(sorted(as_json))) if as_json else "")
    return out


def _header(first: list[str], cols: dict[str, str | None]) -> str:
    names = [k if t in (None, "string") else f"{k}:{t}" for k, t in cols.items()]
    return ",".join([*first, *names, f"{_JSON_KEY}:string[]"]) + "\n"


def graph_to_neo4j_admin(G: nx.MultiDiGraph, outdir: str | Path) -> list[Path]:
    """Write the CSV files that ``neo4j-admin database import full`` takes.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    outdir : path
        A folder that does not exist yet or is empty; the files are written to
        a temporary folder beside it first and moved in when all are written.

    Returns
    -------
    list of Path
        The files written (headers, data, ``import.sh``, ``constraints.cypher``).

    Raises
    ------
    InputError
        When ``outdir`` holds files, or a value cannot be written.
    BackendError
        When a node or edge has a kind or type outside the schema.

    Examples
    --------
    >>> files = graph_to_neo4j_admin(G, "out/neo4j-import")  # doctest: +SKIP
    >>> # then: NEO4J_HOME=... neo4j-admin database import full $(cat out/neo4j-import/import.args) neo4j
    """
    return graphs_to_neo4j_admin([G], outdir)


def graphs_to_neo4j_admin(parts: Iterable[nx.MultiDiGraph], outdir: str | Path) -> list[Path]:
    """Write the import files of one database from a graph given in parts, one part in memory at a time.

    A graph too big for memory (a whole country) is built part by part, for
    example a province at a time (:func:`respchain.synth.synth_parts` splits a
    synthetic register so), and each part is written as soon as it is built:
    only the ids of the nodes written so far stay in memory. The database is
    the union of the parts. Parts may repeat a node (the vocabulary every
    graph carries, a shared source or mechanism): the first part that has it
    writes it, and an edge between two nodes that both came in an earlier part
    is taken as written with them. Every other record belongs to one part.

    Part 1 writes ``nodes_<Label>.csv`` and ``rels_<TYPE>.csv``, as
    :func:`graph_to_neo4j_admin` does; part *k* after it
    ``nodes_<Label>-p<k>.csv`` and so on, each with a header of its own (a
    column's type may differ between parts). The graph's attributes are the
    first part's. ``import.args`` lists them all.

    Parameters
    ----------
    parts : iterable of networkx.MultiDiGraph
        Consumed once, in order; a part may be freed by the caller once the
        next one is asked for.
    outdir : path
        As for :func:`graph_to_neo4j_admin`: nothing is moved into it unless every part was written.

    Raises
    ------
    InputError, BackendError
        As :func:`graph_to_neo4j_admin`; nothing is left behind.
    """
    outdir = Path(outdir)
    if outdir.exists() and (not outdir.is_dir() or any(outdir.iterdir())):
        raise InputError(
            Problem(str(outdir), 0, "", "目录已存在且不为空 / the folder exists and is not empty")
        )
    outdir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", dir=outdir.parent))
    try:
        names: list[str] = []
        multiline = False
        num: dict[str, int] = {}  # node id -> its import number, over all parts
        meta: dict[str, Any] | None = None
        for k, G in enumerate(parts, 1):
            tag = "" if k == 1 else f"-p{k}"
            nodes, rels = _plan(G)
            base = len(num)  # nodes numbered below it came in an earlier part
            fresh = {lab: [n for n in ids if n not in num] for lab, ids in nodes.items()}
            for ids in fresh.values():
                for n in ids:
                    num[n] = len(num)
            files = [_write_nodes(tmp, lab, ids, G, num, tag) for lab, ids in fresh.items() if ids]
            if meta is None:
                meta = dict(G.graph)
            by_type: dict[str, list[Any]] = defaultdict(list[Any])
            for (rt, _keyed), edges in rels.items():
                by_type[rt].extend(e for e in edges if num[e[0]] >= base or num[e[1]] >= base)
            files += [_write_rels(tmp, rt, edges, G, num, tag) for rt, edges in by_type.items() if edges]
            names += [stem for stem, _ in files]
            multiline = multiline or any(m for _, m in files)
            del G, nodes, rels, fresh, by_type, files
        stem, graph_multiline = _write_table(
            tmp,
            "nodes_Graph",
            [":ID(Graph)", "id", ":LABEL"],
            [meta or {}],
            _RESERVED_NODE,
            "图属性 / graph attributes",
            lambda _d: ["0", _cell(GRAPH_NODE_ID), _cell(NodeKind.GRAPH.value)],
        )
        names.append(stem)
        args = neo4j_admin_args(tmp, names, relative=True, multiline=multiline or graph_multiline)
        (tmp / "import.args").write_text("\n".join(args) + "\n", encoding="utf-8")
        script = (
            "#!/bin/sh\n# 把本目录导入一个新的 Neo4j 数据库（服务器须先停止）/ import this folder into a new\n"
            "# Neo4j database (stop the server first). Usage: ./import.sh [DATABASE] (default neo4j)\n"
            'cd "$(dirname "$0")" || exit 2\n'
            'exec neo4j-admin database import full $(cat import.args) --overwrite-destination "${1:-neo4j}"\n'
        )
        (tmp / "import.sh").write_text(script, encoding="utf-8")
        os.chmod(tmp / "import.sh", 0o755)
        from respchain.graph.neo4j.store import _CONSTRAINT, DATA_LABELS

        cons = [
            _CONSTRAINT.format(name=f"respchain_{lab.lower()}_id", label=lab) + ";"
            for lab in (*DATA_LABELS, NodeKind.GRAPH.value)
        ]
        (tmp / "constraints.cypher").write_text("\n".join(cons) + "\n", encoding="utf-8")
        written = sorted(p.name for p in tmp.iterdir())
        if outdir.exists():
            outdir.rmdir()
        tmp.rename(outdir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return [outdir / n for n in written]


def _write_csv(tmp: Path, stem: str, header: str, rows: Iterable[str]) -> bool:
    """``stem.header.csv`` and ``stem.csv``; whether a field of a row spans lines."""
    (tmp / f"{stem}.header.csv").write_text(header, encoding="utf-8")
    multiline = False
    with (tmp / f"{stem}.csv").open("w", encoding="utf-8", newline="") as f:
        for row in rows:
            if not multiline and ("\n" in row or "\r" in row):
                multiline = True
            f.write(row + "\n")
    return multiline


def _write_table(
    tmp: Path,
    stem: str,
    first: list[str],
    records: list[dict[str, Any]],
    reserved: frozenset[str],
    where: str,
    lead: Callable[[dict[str, Any]], list[str]],
) -> tuple[str, bool]:
    cols = _columns(records, reserved, where)
    rows = (",".join([*lead(d), *_fields(d, cols, where)]) for d in records)
    return stem, _write_csv(tmp, stem, _header(first, cols), rows)


def _write_nodes(
    tmp: Path, lab: str, ids: list[Any], G: nx.MultiDiGraph, num: dict[str, int], tag: str = ""
) -> tuple[str, bool]:
    nodes = G._node
    recs = [{k: v for k, v in nodes[n].items() if k != "kind"} for n in ids]
    stem = f"nodes_{lab}{tag}"
    cols = _columns(recs, _RESERVED_NODE, stem)
    rows = (
        ",".join([str(num[n]), _cell(n), _cell(lab), *_fields(d, cols, f"{stem} {n}")])
        for n, d in zip(ids, recs, strict=True)
    )
    return stem, _write_csv(tmp, stem, _header([":ID", "id", ":LABEL"], cols), rows)


def _write_rels(
    tmp: Path, rt: str, edges: list[Any], G: nx.MultiDiGraph, num: dict[str, int], tag: str = ""
) -> tuple[str, bool]:
    recs = []
    for u, v, k in edges:
        d = {key: val for key, val in G.edges[u, v, k].items() if key != "type"}
        if k != rt:
            d[_KEY_KEY] = k
        recs.append(d)
    stem = f"rels_{rt}{tag}"
    cols = _columns([{k: v for k, v in d.items() if k != _KEY_KEY} for d in recs], _RESERVED_EDGE, stem)
    if any(_KEY_KEY in d for d in recs):
        cols[_KEY_KEY] = _column_type(d[_KEY_KEY] for d in recs if _KEY_KEY in d)
    rows = (
        ",".join([str(num[u]), str(num[v]), _cell(rt), *_fields(d, cols, f"{stem} {u}->{v}")])
        for (u, v, _k), d in zip(edges, recs, strict=True)
    )
    return stem, _write_csv(tmp, stem, _header([":START_ID", ":END_ID", ":TYPE"], cols), rows)


def neo4j_admin_args(
    folder: str | Path,
    stems: list[str] | None = None,
    *,
    relative: bool = False,
    multiline: bool | None = None,
) -> list[str]:
    """The options of ``neo4j-admin database import full`` for an exported folder.

    Parameters
    ----------
    folder : path
        A folder written by :func:`graph_to_neo4j_admin`.
    stems : list of str, optional
        The file stems (default: found in the folder).
    relative : bool
        Name the files relative to the folder (for ``import.sh``).
    multiline : bool, optional
        Whether a field spans lines (``--multiline-fields``, which makes the
        importer read each file in one thread: half its speed here). Default:
        as the folder's ``import.args`` says, else true.
    """
    folder = Path(folder)
    if multiline is None:
        args_file = folder / "import.args"
        multiline = not args_file.is_file() or "--multiline-fields=true" in args_file.read_text(
            encoding="utf-8"
        )
    if stems is None:
        stems = sorted(p.name[: -len(".header.csv")] for p in folder.glob("*.header.csv"))
    args = []
    for stem in sorted(stems):
        base = Path(stem) if relative else folder / stem
        opt = "--nodes" if stem.startswith("nodes_") else "--relationships"
        args.append(f"{opt}={base}.header.csv,{base}.csv")
    args += [
        "--array-delimiter=U+001F",
        f"--multiline-fields={'true' if multiline else 'false'}",
        "--id-type=integer",
        "--ignore-empty-strings=false",
    ]
    return args
