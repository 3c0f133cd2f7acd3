"""Linked-data commands: ``export`` (RDF and other writers) and ``sparql``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from respchain.commands._options import FILES, format_option, output_option
from respchain.exceptions import InputError, Problem

__all__ = ["register", "EXPORT_WRITERS", "export_graph"]

ExportWriter = Callable[..., list[Path]]


def _rdf_writer(fmt: str) -> ExportWriter:
    def write(G: Any, output: Path, *, base_iri: str | None = None, **_options: Any) -> list[Path]:
        from respchain.graph.rdf import write_rdf

        return [write_rdf(G, output, base_iri=base_iri, fmt=fmt)]

    write.__doc__ = f"Write the graph as RDF ({fmt})."
    return write


#: ``--to`` value -> ``writer(G, output, *, base_iri=None, **options) -> list of files written``.
#: Other modules add their formats here (for example ``neo4j-admin``).
EXPORT_WRITERS: dict[str, ExportWriter] = {
    "ttl": _rdf_writer("turtle"),
    "jsonld": _rdf_writer("json-ld"),
    "nt": _rdf_writer("nt"),
}


def export_graph(G: Any, to: str, output: Path, **options: Any) -> list[Path]:
    """Write ``G`` with the writer registered for ``to`` in :data:`EXPORT_WRITERS`.

    Raises
    ------
    InputError
        For a ``to`` that no writer is registered for.
    """
    return _writer(to)(G, output, **options)


def _writer(to: str) -> ExportWriter:
    """The writer registered for ``to``; an :class:`InputError` naming the formats there are if none."""
    writer = EXPORT_WRITERS.get(to)
    if writer is None:
        raise InputError(
            Problem(
                "",
                0,
                "--to",
                f"未知导出格式 / unknown export format {to!r} "
                f"(可用 / available: {', '.join(EXPORT_WRITERS)})",
            )
        )
    return writer


@click.command("export")
@FILES
@click.option(
    "--to",
    "to",
    required=True,
    metavar="FORMAT",
    help="导出格式 / export format: ttl, jsonld, nt (以及其他已注册的 / and others registered)",
)
@output_option("输出文件 / output file", required=True)
@click.option(
    "--base",
    "base_iri",
    default=None,
    metavar="IRI",
    help="记录 IRI 的基础 / base IRI of the records (default: RESPCHAIN_BASE_IRI or "
    "https://respchain.example/id/)",
)
def export_cmd(files: tuple[Path, ...], to: str, output: Path, base_iri: str | None) -> int:
    """导出图（RDF 等）/ Export the graph (RDF: Turtle, JSON-LD, N-Triples; other registered formats).

    \b
    respchain export --to ttl data/seed -o seed.ttl
    respchain export --to jsonld data/seed -o seed.jsonld --base https://example.org/id/
    """
    _writer(to)  # an unknown format fails before the register is read
    from respchain.loaders import load_graph
    from respchain.progress import LOADING, stage

    with stage(LOADING):
        G = load_graph(list(files))
    with stage("写出 / writing the export"):
        written = export_graph(G, to, output, base_iri=base_iri)
    _summary(written)
    return 0


def _summary(written: list[Path]) -> None:
    """One line per file for a few files; for a folder of many, one line that sums it up."""
    folders = {p.parent for p in written}
    if len(written) <= 3 or len(folders) != 1:
        for p in written:
            click.echo(f"已写入 / wrote {p}")
        return
    (folder,) = folders
    nodes = sum(1 for p in written if p.name.startswith("nodes_") and not p.name.endswith(".header.csv"))
    rels = sum(1 for p in written if p.name.startswith("rels_") and not p.name.endswith(".header.csv"))
    parts = f"：{nodes} 类节点 / node labels, {rels} 类关系 / relationship types" if nodes or rels else ""
    click.echo(f"已写入 / wrote {len(written)} 个文件 / files in {folder}{parts}")
    script = folder / "import.sh"
    if script in written:
        click.echo(f"导入 / import (Neo4j 停止后 / with Neo4j stopped): sh {script} [DATABASE]")


def _cell(term: Any) -> str:
    return "" if term is None else str(term)


@click.command("sparql")
@click.argument("query")
@FILES
@format_option("table", "json", "csv")
@click.option(
    "--base", "base_iri", default=None, metavar="IRI", help="记录 IRI 的基础 / base IRI of the records"
)
def sparql_cmd(query: str, files: tuple[Path, ...], fmt: str, base_iri: str | None) -> int:
    """对登记册运行 SPARQL 查询 / Run a SPARQL query over registers.

    The registers (YAML, JSON or RDF) are exported to RDF together with the
    respchain ontology (labels and definitions of every term). The prefixes rc:,
    rctype:, rckind:, rcrole:, org:, prov:, skos:, dcterms:, foaf: are declared.
    QUERY may also be @FILE to read the query from a file. Examples: docs/sparql.md.

    \b
    respchain sparql 'SELECT ?o ?name WHERE { ?o a org:FormalOrganization ; rdfs:label ?name }' data/seed
    """
    from respchain.graph.rdf import graph_to_rdf, ontology_graph
    from respchain.loaders import load_graph

    if query.startswith("@"):
        qpath = Path(query[1:])
        try:
            query = qpath.read_text(encoding="utf-8")
        except OSError as e:
            raise InputError(
                Problem(str(qpath), 0, "", f"无法读取查询 / cannot read the query: {e.strerror}")
            ) from None
    G = load_graph(list(files))
    g = graph_to_rdf(G, base_iri=base_iri)
    g += ontology_graph()
    try:
        result = g.query(query)
        rows: list[Any] = list(result) if result.type == "SELECT" else []
    except Exception as e:  # pyparsing and rdflib raise many kinds of error for a bad query
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise InputError(Problem("QUERY", 0, "", f"SPARQL 查询有误 / invalid SPARQL query: {msg}")) from None
    if result.type == "ASK":
        click.echo(
            json.dumps({"boolean": bool(result.askAnswer)})
            if fmt == "json"
            else str(bool(result.askAnswer)).lower()
        )
        return 0
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None  # CONSTRUCT and DESCRIBE results carry a graph
        click.echo(result.graph.serialize(format="json-ld" if fmt == "json" else "turtle"))
        return 0
    names = [str(v) for v in result.vars or ()]
    if fmt == "json":
        click.echo((result.serialize(format="json") or b"").decode("utf-8"))
    elif fmt == "csv":
        click.echo((result.serialize(format="csv") or b"").decode("utf-8"), nl=False)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(rows)} 行 / rows")
        for n in names:
            table.add_column(n)
        for row in rows:
            table.add_row(*(_qname(g, t) for t in row))
        Console().print(table)
    return 0


def _qname(g: Any, term: Any) -> str:
    from rdflib import URIRef

    if isinstance(term, URIRef):
        try:
            return g.namespace_manager.normalizeUri(term)
        except Exception:  # an IRI no prefix fits
            return str(term)
    return _cell(term)


def register(group: click.Group) -> None:
    for cmd in (export_cmd, sparql_cmd):
        group.add_command(cmd)
