"""The seed article's local practices as case cards, and a quiz generated from its facts.

Everything comes from the seed register (``data/seed/register.yaml``): a place
is the last part of an organization's ``region``; its fragment is its
organizations and every record linked to them; its sentence is the longest
quote among them (every quote is an exact span of the article). The quiz asks
which mechanism a place adopted and what the figures were, with the answers
read from the register.
"""

from __future__ import annotations

import random
from typing import Any

import networkx as nx

from respchain.graph.schema import Lang, NodeKind
from respchain.viz.style import DRAWN_KINDS

__all__ = ["seed_graph", "places", "place_fragment", "quiz", "METRIC_QUESTIONS", "PLACE_NAMES_EN"]

#: English names of the seed article's places (the register gives Chinese only).
PLACE_NAMES_EN: dict[str, str] = {
    "安阳": "Anyang",
    "广州": "Guangzhou",
    "宜兴": "Yixing",
    "德州": "Dezhou",
    "南京": "Nanjing",
    "景洪": "Jinghong",
    "尤溪": "Youxi",
    "东阳": "Dongyang",
}

#: Questions about the seed's metrics: (zh, en) templates; ``{place}`` and ``{period}`` are filled in.
METRIC_QUESTIONS: dict[str, tuple[str, str]] = {
    "unit.count": (
        "{place}面对面交办“两个清单”的市直单位和部分正县级事业单位有多少家？",
        "To how many city units did {place}'s commission hand the two lists?",
    ),
    "discipline_body.count": (
        "{place}向多少家纪检监察机构交办了“两个清单”？",
        "To how many discipline bodies did {place}'s commission hand the two lists?",
    ),
    "list.count": (
        "{place}的责任清单形成了几大责任清单？",
        "How many responsibility lists did {place}'s document set out?",
    ),
    "task.count": (
        "{place}的责任清单包含多少项工作任务？",
        "How many tasks does {place}'s responsibility list hold?",
    ),
    "measure.count": (
        "{place}的责任清单包含多少条具体措施？",
        "How many measures does {place}'s responsibility list hold?",
    ),
    "aspect.count": (
        "{place}的责任清单围绕多少个方面？",
        "How many aspects does {place}'s responsibility list cover?",
    ),
    "department.count": (
        "{place}把具体措施分解到了多少个职能部门？",
        "Among how many functional departments did {place} divide the measures?",
    ),
    "talk.person_times": (
        "{period}，{place}开展三类谈心谈话多少人次？",
        "How many talks (person-times) did {place} hold in {period}?",
    ),
    "accountability.persons": (
        "{period}，{place}问责了多少名各级党员领导干部？",
        "How many party leaders did {place} hold accountable in {period}?",
    ),
}
# A figure that is a part of another ("其中"): asked against its whole.
_SUBSET_QUESTIONS: dict[str, tuple[str, str]] = {
    "accountability.persons.heads": (
        "{period}，{place}问责的{whole}{unit}中，有多少是“一把手”？",
        "Of the {whole} people {place} held accountable in {period}, how many were 'number ones' (一把手)?",
    ),
}


def seed_graph() -> nx.MultiDiGraph:
    """The graph of the seed register shipped with respchain."""
    from respchain._files import example_registers
    from respchain.loaders import load_graph

    return load_graph(example_registers()["seed"])


def _place_of(region: str) -> str:
    last = region.split("/")[-1]
    return last[:-1] if last[-1:] in ("市", "县", "区") and len(last) > 2 else last


def _start(d: dict) -> int:
    span = d.get("span")
    return int(span[0]) if span else 10**9


def place_fragment(G: nx.MultiDiGraph, orgs: list[str]) -> list[str]:
    """The record nodes of a place: its organizations and every drawn record linked to one of them."""
    keep = dict.fromkeys(orgs)
    for o in orgs:
        for nb in [*G.predecessors(o), *G.successors(o)]:
            kind = G.nodes[nb].get("kind")
            if kind == NodeKind.POST.value:
                person = G.nodes[nb].get("person")
                if person:
                    keep.setdefault(person)
            elif kind in DRAWN_KINDS:
                keep.setdefault(nb)
    # People's records (a talk with the secretary, a duty the secretary bears).
    for n in list(keep):
        if G.nodes[n].get("kind") == NodeKind.PERSON.value:
            for nb in [*G.predecessors(n), *G.successors(n)]:
                if G.nodes[nb].get("kind") in DRAWN_KINDS:
                    keep.setdefault(nb)
    return list(keep)


def places(G: nx.MultiDiGraph | None = None) -> list[dict[str, Any]]:
    """The local practices of the seed register, in the register's order.

    Returns
    -------
    list of dict
        ``place`` (``安阳``), ``place_en``, ``region`` (``河南省/安阳市``),
        ``orgs``, ``nodes`` (the fragment), ``mechanisms`` (names), ``facts``
        (``metric``, ``value``, ``unit``, ``quote``), ``quote`` and ``span``
        (the longest quote of the fragment: the sentence the case rests on).
    """
    G = seed_graph() if G is None else G
    by_place: dict[str, list[str]] = {}
    regions: dict[str, str] = {}
    for n, d in G.nodes(data=True):
        if d.get("kind") == NodeKind.ORGANIZATION.value and d.get("region"):
            p = _place_of(d["region"])
            by_place.setdefault(p, []).append(n)
            regions.setdefault(p, d["region"])
    out = []
    for p, orgs in by_place.items():
        nodes = place_fragment(G, orgs)
        quoted = [n for n in nodes if G.nodes[n].get("quote")]
        best = max(quoted, key=lambda n: (len(G.nodes[n]["quote"]), -_start(G.nodes[n])), default=None)
        mechs = sorted(
            (n for n in nodes if G.nodes[n].get("kind") == NodeKind.MECHANISM.value),
            key=lambda n: _start(G.nodes[n]),
        )
        facts = [n for n in nodes if G.nodes[n].get("kind") == NodeKind.FACT.value]
        out.append(
            {
                "place": p,
                "place_en": PLACE_NAMES_EN.get(p, p),
                "region": regions[p],
                "orgs": orgs,
                "nodes": nodes,
                "mechanisms": [G.nodes[m]["name"] for m in mechs],
                "mechanism_ids": mechs,
                "facts": [
                    {
                        "id": f,
                        **{k: G.nodes[f].get(k) for k in ("metric", "value", "unit", "period", "quote")},
                    }
                    for f in facts
                ],
                "quote": G.nodes[best]["quote"] if best else "",
                "span": list(G.nodes[best].get("span") or []) if best else [],
                "start": min((_start(G.nodes[n]) for n in nodes), default=10**9),
            }
        )
    return out


def _period_text(period: str | None, lang: Lang) -> str:
    if not period:
        return ""
    a, _, b = str(period).partition("/")
    if lang == "zh":
        ya, ma = a.split("-")[0], int(a.split("-")[1]) if "-" in a else 1
        if b:
            yb, mb = b.split("-")[0], int(b.split("-")[1]) if "-" in b else 12
            return f"{ya}年{ma}-{mb}月" if ya == yb else f"{ya}年{ma}月至{yb}年{mb}月"
        return f"{ya}年"
    return f"{a} to {b}" if b else a


def _options(correct: str, pool: list[str], rng: random.Random, n: int = 4) -> tuple[list[str], int]:
    others = sorted({x for x in pool if x != correct})
    picks = rng.sample(others, min(n - 1, len(others)))
    opts = [correct, *picks]
    rng.shuffle(opts)
    return opts, opts.index(correct)


def quiz(G: nx.MultiDiGraph | None = None, *, seed: int = 2025) -> list[dict[str, Any]]:
    """Questions on the seed's practices, their options and answers, all read from the register.

    For each place in the register's order: which mechanism it adopted (when it
    adopted one), and a question on its first figure (a part-of-a-whole figure
    first, such as how many of those held accountable were 一把手).

    Returns
    -------
    list of dict
        ``id``, ``place``, ``q_zh``, ``q_en``, ``options`` (texts), ``answer``
        (the index of the right option), ``answer_text``, ``quote`` (the
        article's words that give the answer) and ``record`` (its id).
    """
    G = seed_graph() if G is None else G
    cases = places(G)
    rng = random.Random(seed)
    all_mechs = [m for c in cases for m in c["mechanisms"]]
    fact_values = sorted(
        {f"{d['value']}" for _n, d in G.nodes(data=True) if d.get("kind") == NodeKind.FACT.value}
    )
    out: list[dict[str, Any]] = []
    for c in cases:
        p_zh, p_en = c["place"], c["place_en"]
        if c["mechanisms"]:
            mid = c["mechanism_ids"][0]
            pool = [m for m in all_mechs if m not in c["mechanisms"]]
            opts, ans = _options(c["mechanisms"][0], pool + [c["mechanisms"][0]], rng)
            out.append(
                {
                    "id": f"q-{mid}",
                    "place": p_zh,
                    "record": mid,
                    "q_zh": f"{p_zh}采用了下列哪一项工作机制？",
                    "q_en": f"Which mechanism did {p_en} adopt?",
                    "options": opts,
                    "answer": ans,
                    "answer_text": opts[ans],
                    "quote": G.nodes[mid].get("quote", ""),
                }
            )
        chosen = None
        for f in c["facts"]:
            if f["metric"] in _SUBSET_QUESTIONS:
                whole = next(
                    (
                        w
                        for w in c["facts"]
                        if f["metric"].startswith(w["metric"] + ".") and w["period"] == f["period"]
                    ),
                    None,
                )
                if whole:
                    chosen = (f, whole)
                    break
        if chosen is None:
            chosen = next(((f, None) for f in c["facts"] if f["metric"] in METRIC_QUESTIONS), None)
        if chosen is None:
            continue
        f, whole = chosen
        unit = f.get("unit") or ""
        if whole:
            tz, te = _SUBSET_QUESTIONS[f["metric"]]
            fmt = {"whole": whole["value"], "unit": whole.get("unit") or ""}
        else:
            tz, te = METRIC_QUESTIONS[f["metric"]]
            fmt = {}
        q_zh = tz.format(place=p_zh, period=_period_text(f.get("period"), "zh"), **fmt)
        q_en = te.format(place=p_en, period=_period_text(f.get("period"), "en"), **fmt)
        correct = f"{f['value']}"
        pool = [v for v in fact_values if v != correct and (not whole or v != f"{whole['value']}")]
        opts, ans = _options(correct, pool + [correct], rng)
        out.append(
            {
                "id": f"q-{f['id']}",
                "place": p_zh,
                "record": f["id"],
                "q_zh": q_zh,
                "q_en": q_en,
                "options": [f"{o}{unit}" for o in opts],
                "answer": ans,
                "answer_text": f"{opts[ans]}{unit}",
                "quote": f.get("quote") or "",
                "value": f["value"],
            }
        )
    return out
