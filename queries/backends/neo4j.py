"""The ``neo4j`` backend: the gap rules in Cypher, one ``queries/cypher/<RULE>.cypher`` per rule of the catalog.

Each query takes ``$as_of`` (an ISO date), ``$period`` (a year, as text),
``$soon_until`` (the last day LIST-007 calls "due soon") and ``$report_before``
(the same day two months before ``$as_of``, for RECT-002), and
returns the rows ``subject, subject_name, evidence, params, source``; each row
becomes a :class:`~respchain.queries.finding.Finding` through the catalog's
:func:`~respchain.queries.catalog.make_finding`, as the in-memory rules' do, so
that both backends give equal findings.

One difference between the engines is settled here rather than in every query:
Neo4j orders text by UTF-16 code units, Python by code points. They disagree
only between characters beyond U+FFFF (CJK Extension B and later, used in some
names of people and places) and characters from U+E000 to U+FFFF (full-width
forms). Evidence that the catalog defines as sorted is therefore sorted again
here, in Python's order.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

import networkx as nx
from respchain.graph.neo4j.store import _session, backend_errors, graph_meta_from_neo4j, graph_to_neo4j
from respchain.queries.catalog import CATALOG, make_finding, resolve_rules
from respchain.queries.finding import Finding
from respchain.queries.rule import EvidenceOrder
from respchain.queries.rules.list import soon_until
from respchain.queries.rules.rect import months_before

from respchain.exceptions import UnknownRuleError
from respchain.settings import today

if TYPE_CHECKING:
    import neo4j

__all__ = ["cypher_for", "gaps_from_neo4j", "neo4j_backend", "ORDERED_EVIDENCE", "run"]

ORDERED_EVIDENCE = frozenset(r.id for r in CATALOG.values() if r.evidence_order is EvidenceOrder.FIXED)
"""Rules whose evidence has a fixed order (a path; a task and its list); the
evidence of every other rule is the subject followed by ids in sorted order."""


def cypher_for(rule_id: str) -> str:
    """The Cypher of a rule (``queries/cypher/<RULE>.cypher``), comments included.

    Raises
    ------
    UnknownRuleError
        When the catalog has no such rule.

    Examples
    --------
    >>> print(cypher_for("MAIN-001").splitlines()[0])
    // MAIN-001 党组织未声明主体责任 / party organization without a main responsibility
    """
    rid = rule_id.upper()
    if rid not in CATALOG:
        raise UnknownRuleError(f"未知规则 / unknown rule: {rule_id}; 可用 / valid: {', '.join(CATALOG)}")
    return CATALOG[rid].cypher


def _finding(rule_id: str, row: dict[str, Any]) -> Finding:
    evidence = [str(e) for e in row["evidence"]]
    if rule_id not in ORDERED_EVIDENCE:
        evidence = evidence[:1] + sorted(evidence[1:])
    return make_finding(
        rule_id, row["subject"], row["subject_name"], evidence, row["params"] or {}, row["source"]
    )


def gaps_from_neo4j(
    driver: neo4j.Driver,
    rules: list[str] | str | None = None,
    *,
    as_of: str | _dt.date | None = None,
    period: int | str | None = None,
    database: str | None = None,
    soon: int | None = None,
) -> list[Finding]:
    """Run the gap rules in Neo4j over the graph stored there.

    Parameters
    ----------
    driver : neo4j.Driver
    rules : list of str or str, optional
        Rule ids or families (default: every rule).
    as_of : str or date, optional
        Default: the stored graph's ``as_of``, else today.
    period : int or str, optional
        Default: the stored graph's ``period``, else the year of ``as_of``.
    database : str, optional
    soon : int, optional
        The days ahead LIST-007 calls "due soon" (default 30).

    Returns
    -------
    list of Finding
        Sorted like :func:`respchain.queries.find_gaps`'s.
    """
    ids = resolve_rules(rules)
    if as_of is None or period is None:
        meta = graph_meta_from_neo4j(driver, database=database)
        if as_of is None:
            as_of = meta.get("as_of") or today().isoformat()
        if period is None:
            period = meta.get("period")
    day = as_of.isoformat() if isinstance(as_of, _dt.date) else str(as_of)
    year = str(period) if period is not None else day[:4]

    # Dates the queries compare with, computed once here (calendar months do not
    # clamp the same way in every engine).
    dates: dict[str, Any] = {"soon_until": soon_until(day, soon), "report_before": months_before(day, 2)}

    def work(tx: neo4j.ManagedTransaction) -> list[Finding]:
        out = []
        for rid in ids:
            for rec in tx.run(cypher_for(rid), as_of=day, period=year, **dates):
                out.append(_finding(rid, rec.data()))
        return out

    with backend_errors("运行缺口规则 / running the gap rules"), _session(driver, database) as s:
        found = s.execute_read(work)
    return sorted(found, key=Finding.sort_key)


def neo4j_backend(
    G: nx.MultiDiGraph,
    rule_ids: list[str],
    *,
    as_of: str,
    period: str,
    driver: neo4j.Driver | None = None,
    database: str | None = None,
    push: bool = False,
    **options: Any,
) -> list[Finding]:
    """The ``neo4j`` backend of :func:`respchain.queries.find_gaps`.

    The rules run over the graph stored in the database. With ``push=True``
    the database is first replaced by ``G`` (so that the findings are those of
    ``G``); otherwise ``G`` only supplies ``as_of`` and ``period``.

    Parameters
    ----------
    driver : neo4j.Driver
        Required: respchain never makes a driver itself.
    """
    if driver is None:
        from respchain.exceptions import BackendError

        raise BackendError("neo4j 后端需要 driver / the neo4j backend needs driver=neo4j.Driver")
    if push:
        kw = {"batch_size": options["batch_size"]} if "batch_size" in options else {}
        graph_to_neo4j(G, driver, database=database, replace=True, **kw)
    return gaps_from_neo4j(
        driver, rule_ids, as_of=as_of, period=period, database=database, soon=options.get("soon")
    )


run = neo4j_backend
"""The backend function :func:`respchain.queries.find_gaps` looks up by the name ``neo4j``."""
