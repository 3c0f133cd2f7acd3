"""The inverse of the model's build: the register data a responsibility graph was built from.

:func:`respchain.graph.graph_from_register` builds the graph from a register;
:func:`register_data_from_graph` gives the register back (register.md format),
so that a graph read from RDF (:mod:`respchain.graph.rdf`) can be validated
like any other register.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import networkx as nx
from respchain.graph.schema import NodeKind, RelType

__all__ = ["register_data_from_graph"]

_PROV_KEYS = ("source", "quote", "span")
_POST_ID = re.compile(r"^post:(.+):(\d+)$")


def _targets(G: nx.MultiDiGraph, n: str, rel: str) -> list[str]:
    return sorted(v for _, v, k in G.out_edges(n, keys=True) if k == rel)


def _prov(d: dict[str, Any]) -> dict[str, Any]:
    return {k: d[k] for k in _PROV_KEYS if k in d}


def register_data_from_graph(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The register (register.md format) that a responsibility graph was built from.

    Records come out sorted by id; responsibilities and facts keep the ids the
    graph gave them (``resp:1``), so that building the graph again gives the
    same node ids. Tasks go back into their lists; posts into their people, in
    the order of their ids.
    """
    by_kind: dict[str, list[str]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        by_kind[d.get("kind", "")].append(n)
    nodes = G._node
    out: dict[str, Any] = {"respchain": 1}
    meta = {k: G.graph[k] for k in ("title", "as_of", "period", "origin") if G.graph.get(k) not in (None, "")}
    if meta:
        out["meta"] = meta

    def some(key: str, recs: list[Any]) -> None:
        if recs:
            out[key] = recs

    sources = []
    for n in sorted(by_kind[NodeKind.SOURCE]):
        d = nodes[n]
        rec: dict[str, Any] = {"id": n, "title": d.get("title") or d.get("name", n)}
        rec.update({k: d[k] for k in ("publisher", "published", "url", "quote") if k in d})
        topics = [
            v.split(":", 1)[1] if v.startswith("type:") else v for v in _targets(G, n, RelType.DISCUSSES)
        ]
        if topics:
            rec["topics"] = topics
        sources.append(rec)
    some("sources", sources)

    orgs = []
    for n in sorted(by_kind[NodeKind.ORGANIZATION]):
        d = nodes[n]
        rec = {"id": n, "name": d.get("name", n), "kind": d.get("org_kind", "")}
        rec.update({k: d[k] for k in ("level", "region", "domains") if k in d})
        parents = _targets(G, n, RelType.SUB_ORGANIZATION_OF)
        if parents:
            rec["parent"] = parents[0] if len(parents) == 1 else parents
        leads = _targets(G, n, RelType.LEADS)
        if leads:
            rec["leads"] = leads
        rec.update(_prov(d))
        orgs.append(rec)
    some("organizations", orgs)

    def post_order(pid: str) -> tuple[Any, ...]:
        m = _POST_ID.match(pid)
        return (0, int(m.group(2)), pid) if m else (1, 0, pid)

    people = []
    for n in sorted(by_kind[NodeKind.PERSON]):
        d = nodes[n]
        rec = {"id": n, "name": d.get("name", n)}
        posts = []
        for pid in sorted(_targets(G, n, RelType.HOLDS), key=post_order):
            pd = nodes[pid]
            post: dict[str, Any] = {"org": pd.get("org", ""), "role": pd.get("role", "")}
            if pd.get("title"):
                post["title"] = pd["title"]
            post.update({k: pd[k] for k in ("since", "until") if k in pd})
            areas = _targets(G, pid, RelType.IN_CHARGE_OF) + list(pd.get("areas_text") or ())
            if areas:
                post["areas"] = areas
            posts.append(post)
        if posts:
            rec["posts"] = posts
        rec.update(_prov(d))
        people.append(rec)
    some("people", people)

    resps = []
    for n in sorted(by_kind[NodeKind.RESPONSIBILITY]):
        d = nodes[n]
        rec = {"id": n, "type": d.get("type", ""), "bearer": d.get("bearer", "")}
        over = _targets(G, n, RelType.COVERS) + list(d.get("over_text") or ())
        if over:
            rec["over"] = over
        rec.update(_prov(d))
        resps.append(rec)
    some("responsibilities", resps)

    tasks_of: dict[str, list[str]] = defaultdict(list)
    for t in by_kind[NodeKind.TASK]:
        tasks_of[nodes[t].get("list", "")].append(t)
    lists = []
    for n in sorted(by_kind[NodeKind.LIST]):
        d = nodes[n]
        rec = {"id": n, "name": d.get("name", n), "kind": d.get("list_kind", ""), "owner": d.get("owner", "")}
        if "year" in d:
            rec["year"] = d["year"]
        tasks = []
        for t in sorted(tasks_of.get(n, ())):
            td = nodes[t]
            task: dict[str, Any] = {"id": t, "goal": td.get("goal") or td.get("name", t)}
            for k in ("measure", "due", "due_note", "status", "implements", "progress", "note", "done_on"):
                if k in td:
                    task[k] = td[k]
            ev = _targets(G, t, RelType.HAS_EVIDENCE)
            if ev:
                task["evidence"] = ev
            resp = _targets(G, t, RelType.RESPONSIBLE)
            if resp:
                task["responsible"] = resp if len(resp) > 1 else resp[0]
            lead = _targets(G, t, RelType.LEAD)
            if lead:
                task["lead"] = lead[0] if len(lead) == 1 else lead
            assist = _targets(G, t, RelType.ASSIST)
            if assist:
                task["assist"] = assist
            task.update(_prov(td))
            tasks.append(task)
        rec["tasks"] = tasks
        rec.update(_prov(d))
        lists.append(rec)
    some("lists", lists)

    events = []
    for n in sorted(by_kind[NodeKind.EVENT]):
        d = nodes[n]
        rec = {"id": n, "kind": d.get("event_kind", ""), "date": d.get("date", "")}
        for k in ("talk", "form", "for", "rating", "result", "meeting"):
            if k in d:
                rec[k] = d[k]
        for key, rel in (
            ("by", RelType.BY),
            ("with", RelType.WITH),
            ("target", RelType.TARGET),
            ("parties", RelType.PARTY),
            ("participants", RelType.PARTICIPANT),
        ):
            vs = _targets(G, n, rel)
            if vs:
                rec[key] = vs
        about = _targets(G, n, RelType.ABOUT)
        if about:
            rec["org"] = about[0] if len(about) == 1 else about
        ev = _targets(G, n, RelType.HAS_EVIDENCE)
        if ev:
            rec["evidence"] = ev
        rec.update(_prov(d))
        events.append(rec)
    some("events", events)

    mechs = []
    for n in sorted(by_kind[NodeKind.MECHANISM]):
        d = nodes[n]
        rec = {"id": n, "name": d.get("name", n)}
        adopted = _targets(G, n, RelType.ADOPTED_BY)
        if adopted:
            rec["adopted_by"] = adopted
        if "description" in d:
            rec["description"] = d["description"]
        rec.update(_prov(d))
        mechs.append(rec)
    some("mechanisms", mechs)

    facts = []
    for n in sorted(by_kind[NodeKind.FACT]):
        d = nodes[n]
        rec = {
            "id": n,
            "subject": d.get("subject", ""),
            "metric": d.get("metric", ""),
            "value": d.get("value"),
        }
        rec.update({k: d[k] for k in ("unit", "period") if k in d})
        rec.update(_prov(d))
        facts.append(rec)
    some("facts", facts)

    evidence = []
    for n in sorted(by_kind[NodeKind.EVIDENCE]):
        d = nodes[n]
        rec = {"id": n, "kind": d.get("evidence_kind", "other"), "title": d.get("title") or d.get("name", n)}
        rec.update({k: d[k] for k in ("date", "sha256") if k in d})
        if "path" in d:
            rec["file"] = d["path"]
        rec.update(_prov(d))
        evidence.append(rec)
    some("evidence", evidence)

    measures_of: dict[str, list[str]] = defaultdict(list)
    for m in by_kind[NodeKind.MEASURE]:
        measures_of[nodes[m].get("problem", "")].append(m)
    problems = []
    for n in sorted(by_kind[NodeKind.PROBLEM]):
        d = nodes[n]
        rec = {
            "id": n,
            "org": d.get("org", ""),
            "origin": d.get("origin", "other"),
            "title": d.get("title") or d.get("name", n),
        }
        rec.update({k: d[k] for k in ("found", "due", "reported_on", "closed_on", "note") if k in d})
        ev = _targets(G, n, RelType.HAS_EVIDENCE)
        if ev:
            rec["evidence"] = ev
        measures = []
        for m in sorted(measures_of.get(n, ())):
            md = nodes[m]
            mrec: dict[str, Any] = {"id": m, "action": md.get("action") or md.get("name", m)}
            mrec.update({k: md[k] for k in ("due", "done_on", "status", "progress", "note") if k in md})
            for key, rel in (
                ("responsible", RelType.RESPONSIBLE),
                ("assist", RelType.ASSIST),
                ("evidence", RelType.HAS_EVIDENCE),
            ):
                vs = _targets(G, m, rel)
                if vs:
                    mrec[key] = vs
            lead = _targets(G, m, RelType.LEAD)
            if lead:
                mrec["lead"] = lead[0]
            mrec.update(_prov(md))
            measures.append(mrec)
        if measures:
            rec["measures"] = measures
        rec.update(_prov(d))
        problems.append(rec)
    some("problems", problems)
    return out
