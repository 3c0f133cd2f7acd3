"""Neo4j commands: push, pull, query; the Neo4j side of ``gaps`` and ``export --to neo4j-admin``.

The connection comes from ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` and
``NEO4J_DATABASE`` (see :mod:`respchain.settings`) or from ``--uri``, ``--user``
and ``--database``. The password is read from the environment only, or asked
for when the server wants one and a terminal is there to ask on; it is never
printed. A wrong password or a server that cannot be reached ends the command
with one line and exit code 2.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from respchain.commands._options import DEFAULT_NEO4J_URI as DEFAULT_URI
from respchain.commands._options import neo4j_connection_options
from respchain.exceptions import BackendError, InputError, Problem

if TYPE_CHECKING:
    import neo4j
    import networkx as nx

__all__ = ["register", "connect", "neo4j_gaps_input", "DEFAULT_URI"]

_connection_options = neo4j_connection_options


_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _redact(uri: str) -> str:
    """``uri`` without the user and password it may carry (``bolt://u:p@host`` -> ``bolt://***@host``)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<invalid URI>"
    if "@" not in parts.netloc:
        return uri
    return parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]).geturl()


def _check_scheme(uri: str, shown: str) -> None:
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in _SCHEMES:
        raise BackendError(
            f"Neo4j 地址须用 bolt:// 或 neo4j:// / a Neo4j URI starts with bolt:// or neo4j:// "
            f"(http:// is the browser's port): {shown}"
        )


def _stdin_is_terminal() -> bool:
    """Whether a password can be asked for: stdin is a terminal."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


def _open(uri: str, auth: tuple[str, str] | None) -> neo4j.Driver:
    import neo4j as _neo4j

    try:
        driver = _neo4j.GraphDatabase.driver(
            uri, auth=auth, connection_timeout=10.0, connection_acquisition_timeout=20.0
        )
    except (ValueError, _neo4j.exceptions.ConfigurationError) as e:
        raise BackendError(
            f"Neo4j 地址无效 / invalid Neo4j URI {_redact(uri)!r}: {str(e).split('. ')[0]}"
        ) from None
    try:
        driver.verify_connectivity()
    except BaseException:
        driver.close()
        raise
    return driver


@contextmanager
def connect(
    uri: str | None = None, user: str | None = None, database: str | None = None
) -> Iterator[tuple[neo4j.Driver, str | None]]:
    """A verified driver and the database to use, from the options and the environment.

    Yields
    ------
    (neo4j.Driver, str or None)

    Raises
    ------
    BackendError
        One line naming the URI (never the password): wrong password, server
        unreachable, invalid URI.
    """
    import neo4j.exceptions as ne

    from respchain.settings import get_settings

    st = get_settings()
    uri = uri or st.neo4j_uri or DEFAULT_URI
    shown = _redact(uri)  # a password inside the URI is never echoed
    _check_scheme(uri, shown)
    user = user or st.neo4j_user
    database = database or st.neo4j_database
    password = st.neo4j_password
    auth = (user, password) if password is not None else None
    try:
        try:
            driver = _open(uri, auth)
        except (ne.AuthError, ne.ClientError) as e:
            unauthorized = (
                isinstance(e, ne.AuthError)
                or getattr(e, "code", "") == "Neo.ClientError.Security.Unauthorized"
            )
            if not (unauthorized and password is None and _stdin_is_terminal()):
                raise
            password = click.prompt(f"{user}@{shown} 的密码 / password", hide_input=True, err=True)
            driver = _open(uri, (user, password))
    except ne.AuthError as e:
        raise BackendError(
            f"Neo4j 拒绝登录（用户名或密码错误）/ Neo4j refused the login (wrong user or password): "
            f"{user}@{shown}"
        ) from e
    except (ne.ServiceUnavailable, OSError) as e:
        raise BackendError(
            f"无法连接 Neo4j / cannot reach Neo4j at {shown} (启动一个 / start one: make neo4j)"
        ) from e
    except (ne.Neo4jError, ne.DriverError) as e:
        code = getattr(e, "code", "") or type(e).__name__
        if code == "Neo.ClientError.Security.Unauthorized":
            raise BackendError(
                f"Neo4j 拒绝登录（用户名或密码错误）/ Neo4j refused the login (wrong user or password): "
                f"{user}@{shown}"
            ) from e
        raise BackendError(f"Neo4j 连接失败 / Neo4j connection failed at {shown}: {code}") from e
    try:
        yield driver, database
    finally:
        driver.close()


@contextmanager
def neo4j_gaps_input(
    files: Sequence[Path], uri: str | None = None, user: str | None = None, database: str | None = None
) -> Iterator[tuple[nx.MultiDiGraph, dict[str, Any]]]:
    """The graph and the ``find_gaps`` options of ``gaps --backend neo4j``.

    With FILES (``gaps --push``), their graph replaces the whole database
    content first, so that the findings are those of FILES; without, the graph
    already in the database is checked (read back for the report's scores).
    """
    with connect(uri, user, database) as (driver, db):
        if files:
            from respchain.loaders import load_graph

            G = load_graph(list(files))
            click.echo("推送到 Neo4j（替换其内容）/ pushing to Neo4j (replacing its content)", err=True)
            yield G, {"driver": driver, "database": db, "push": True}
        else:
            from respchain.graph.neo4j import graph_from_neo4j

            G = graph_from_neo4j(driver, database=db)
            if G.number_of_nodes() == 0:
                raise InputError(
                    Problem(
                        "",
                        0,
                        "",
                        "Neo4j 中没有图；先运行 / no graph in Neo4j; first run: respchain push FILES "
                        "(或 / or: respchain gaps --backend neo4j --push FILES)",
                    )
                )
            yield G, {"driver": driver, "database": db}


@click.command("push")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--replace", is_flag=True, help="先清空数据库（同一事务）/ empty the database first (same transaction)"
)
@click.option(
    "--batch-size", default=5000, show_default=True, type=click.IntRange(1), help="每批行数 / rows per batch"
)
@_connection_options
def push_cmd(files, replace, batch_size, uri, user, database) -> int:
    """把登记册写入 Neo4j / Write registers into Neo4j (all or nothing; idempotent)."""
    from respchain.graph.neo4j import graph_to_neo4j
    from respchain.loaders import load_graph
    from respchain.progress import LOADING, stage

    with stage(LOADING):
        G = load_graph(list(files))
    with connect(uri, user, database) as (driver, db), stage("写入 Neo4j / pushing to Neo4j"):
        n = graph_to_neo4j(G, driver, database=db, replace=replace, batch_size=batch_size)
    click.echo(
        f"已写入 Neo4j / pushed to Neo4j: {n['nodes']} 个节点 / nodes, {n['relationships']} 条关系 / relationships"
        + ("（已替换 / replaced）" if replace else "")
    )
    return 0


@click.command("pull")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="输出文件 .json（node-link）或 .graphml / output file",
)
@_connection_options
def pull_cmd(output, uri, user, database) -> int:
    """从 Neo4j 读回图 / Read the graph back from Neo4j and save it."""
    from respchain.graph import write_graph
    from respchain.graph.neo4j import graph_from_neo4j

    with connect(uri, user, database) as (driver, db):
        G = graph_from_neo4j(driver, database=db)
    write_graph(G, output)
    click.echo(
        f"已写入 / wrote {output}: {G.number_of_nodes()} 个节点 / nodes, {G.number_of_edges()} 条边 / edges"
    )
    return 0


def _param(items: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    bad = []
    for i, item in enumerate(items):
        k, sep, v = item.partition("=")
        if not sep or not k.strip():
            bad.append(Problem("--param", 0, f"[{i}]", f"应为 k=v / expected k=v: {item!r}"))
            continue
        try:
            out[k.strip()] = json.loads(v)  # numbers, true/false, lists, quoted text
        except ValueError:
            out[k.strip()] = v
    if bad:
        raise InputError(bad)
    return out


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    return json.dumps(v, ensure_ascii=False)


@click.command("query")
@click.argument("cypher")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="K=V",
    help="查询参数（值按 JSON 解析，否则为文本）/ query parameter (JSON value, else text)",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.option(
    "--write", is_flag=True, help="允许写入（默认只读事务）/ allow writes (default: a read transaction)"
)
@_connection_options
def query_cmd(cypher, params, fmt, write, uri, user, database) -> int:
    """在 Neo4j 上运行 Cypher / Run your own Cypher against Neo4j.

    CYPHER may be @FILE to read the query from a file. Values go in with
    --param, never into the query text. Example queries: docs/cypher.md.

    \b
    respchain query 'MATCH (o:Organization {org_kind: $k}) RETURN o.id, o.name' --param k=party_group
    """
    from respchain.graph.neo4j import run_query

    if cypher.startswith("@"):
        path = Path(cypher[1:])
        if not path.is_file():
            raise InputError(Problem(str(path), 0, "", "文件不存在 / no such file"))
        cypher = path.read_text(encoding="utf-8")
    values = _param(params)
    with connect(uri, user, database) as (driver, db):
        keys, rows = run_query(driver, cypher, values, database=db, write=write)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(keys)
        for r in rows:
            w.writerow([_text(r[k]) for k in keys])
        click.echo(buf.getvalue(), nl=False)
    else:
        from rich.console import Console
        from rich.table import Table

        t = Table(show_lines=False)
        for k in keys:
            t.add_column(k, overflow="fold")
        for r in rows:
            t.add_row(*(_text(r[k]) for k in keys))
        con = Console()
        con.print(t)
        con.print(f"{len(rows)} 行 / rows")
    return 0


def _export_neo4j_admin(G: Any, output: Path, **_options: Any) -> list[Path]:
    """Write the CSV files of ``neo4j-admin database import full`` into the folder ``output``."""
    from respchain.graph.neo4j.admin import graph_to_neo4j_admin

    return graph_to_neo4j_admin(G, output)


def register(group: click.Group) -> None:
    """Add push, pull and query to ``group``, and ``neo4j-admin`` to ``export --to``."""
    for cmd in (push_cmd, pull_cmd, query_cmd):
        group.add_command(cmd)
    try:
        from respchain.commands.rdf import EXPORT_WRITERS
    except ImportError:  # pragma: no cover - the export command is optional
        return
    EXPORT_WRITERS.setdefault("neo4j-admin", _export_neo4j_admin)
