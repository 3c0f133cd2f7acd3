"""The obligations in Cypher: one query per shape (``queries/cypher/obligation-<shape>.cypher``).

Every obligation of a shape runs in the same query, its values passed as
parameters (``$obligations``); the query returns the slots that fall short,
the same rows as :func:`respchain.queries.obligations.slot_rows`, and
:func:`respchain.queries.obligations.assemble` makes the findings, so that the
two engines agree. With ``$every`` the queries return every slot, met or
not, with its organizations: :func:`coverage_from_neo4j` turns those into the
coverage figures of :func:`respchain.queries.obligations.assemble_coverage`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from respchain.graph.neo4j.store import _session, backend_errors
from respchain.queries.finding import Finding
from respchain.queries.obligations import (
    SHAPES,
    Coverage,
    Obligation,
    assemble,
    assemble_coverage,
    periods_of,
)

if TYPE_CHECKING:
    import neo4j

__all__ = ["obligation_cypher", "obligation_params", "obligations_from_neo4j", "coverage_from_neo4j"]


@cache
def obligation_cypher(shape: str) -> str:
    """The Cypher of one shape of obligation (``people_per``, ``people_within``, ``orgs_per``)."""
    if shape not in SHAPES:
        raise ValueError(f"unknown obligation shape {shape!r}")
    return (
        files("respchain.queries")
        .joinpath("cypher", f"obligation-{shape}.cypher")
        .read_text(encoding="utf-8")
    )


def obligation_params(ob: Obligation, *, as_of: str, period: str) -> dict[str, Any]:
    """The parameter map of one obligation in its shape's query."""
    p: dict[str, Any] = {
        "id": ob.id,
        "roles": list(ob.roles),
        "org_kinds": list(ob.org_kinds),
        "levels": list(ob.levels) or None,
        "event_kind": ob.event_kind,
        "sub_field": ob.sub_field or "event_kind",
        "sub_value": ob.sub_value if ob.sub_field else ob.event_kind,
        "rel": ob.rel,
        "parent_head": ob.by == "parent_head",
        "at_least": ob.at_least,
    }
    if ob.per:
        p["periods"] = [
            {"i": x.index, "start": x.start, "end": x.end} for x in periods_of(ob.per, period, as_of)
        ]
    else:
        p["days"] = ob.within_days
    return p


def _run(
    driver: neo4j.Driver,
    obligations: Sequence[Obligation],
    *,
    as_of: str,
    year: str,
    every: bool,
    database: str | None,
) -> dict[str, list[dict[str, Any]]]:
    """The rows of each obligation (at most one query per shape), by obligation id."""
    by_shape: dict[str, list[Obligation]] = defaultdict(list)
    for ob in obligations:
        by_shape[ob.shape].append(ob)
    if not by_shape:
        return {}

    def work(tx: neo4j.ManagedTransaction) -> dict[str, list[dict[str, Any]]]:
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for shape, obs in by_shape.items():
            params = [obligation_params(ob, as_of=as_of, period=year) for ob in obs]
            for rec in tx.run(
                obligation_cypher(shape),
                obligations=params,
                as_of=as_of,
                year_start=f"{int(year):04d}-01-01",
                year_end=f"{int(year):04d}-12-31",
                every=every,
            ):
                rows[rec["obligation"]].append(rec.data())
        return rows

    with backend_errors("检查义务 / checking the obligations"), _session(driver, database) as s:
        return s.execute_read(work)


def obligations_from_neo4j(
    driver: neo4j.Driver,
    obligations: Sequence[Obligation],
    *,
    as_of: str,
    period: str | int,
    database: str | None = None,
) -> list[Finding]:
    """Check ``obligations`` over the graph stored in Neo4j (at most one query per shape)."""
    year = str(period)
    got = _run(driver, obligations, as_of=as_of, year=year, every=False, database=database)
    out: list[Finding] = []
    for ob in obligations:
        rows = got.get(ob.id, [])
        names = {r["subject"]: (r["subject_name"] or r["subject"], r["source"]) for r in rows}
        slots = [(r["subject"], r["slot"], [str(x) for x in r["counted"]]) for r in rows]
        out.extend(assemble(ob, slots, names, as_of=as_of, period=year))
    return out


def coverage_from_neo4j(
    driver: neo4j.Driver,
    obligations: Sequence[Obligation],
    *,
    as_of: str,
    period: str | int,
    org_names: Mapping[str, str] | None = None,
    database: str | None = None,
) -> list[Coverage]:
    """The coverage figures of ``obligations`` over the graph stored in Neo4j.

    ``org_names`` maps organization ids to the names shown (the id where missing).
    """
    year = str(period)
    got = _run(driver, obligations, as_of=as_of, year=year, every=True, database=database)
    out: list[Coverage] = []
    for ob in obligations:
        rows = [
            (r["subject"], r["slot"], [str(x) for x in r["counted"]], [str(x) for x in r["orgs"]])
            for r in got.get(ob.id, [])
        ]
        out.extend(assemble_coverage(ob, rows, org_names or {}))
    return out
