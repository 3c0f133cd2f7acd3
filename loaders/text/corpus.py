"""Many articles into one graph: the same organization and mechanism merged across articles, and a
corpus report of practices by region and by mechanism, and of figures with their sources.

Each article's draft names its own records (``<source>.o1``). :func:`merge_draft`
takes the draft of several articles and merges

* organizations with the same name (after NFKC, spaces ignored), kind and region:
  the first record stays, every reference to the others (parents, posts, bearers,
  adopters, subjects of figures) is pointed at it;
* mechanisms with the same name: one record, its adopters the union of theirs;

The merged record keeps the ``source``, ``quote`` and ``span`` of its first
mention (a record of the register format has one); every article it was found
in is returned beside the draft (``found_in``) and listed by the corpus report.

:func:`corpus_report` writes the Markdown report of such a draft.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from typing import Any

from respchain._inert import md

__all__ = ["merge_draft", "corpus_report"]


def _key(s: Any) -> str:
    return "".join(unicodedata.normalize("NFKC", str(s or "")).split()).casefold()


# The names a region's own committee or commission goes by, once the region is taken off.
_BARE = {
    "discipline_commission": {"纪委", "监委", "纪委监委", "纪律检查委员会", "纪委监察委"},
    "party_committee": {"委", "党委", "委员会"},
}


@functools.cache
def _short_names_longest_first() -> tuple[tuple[str, str], ...]:
    from respchain.loaders.text.lexicon import lexicon

    return tuple(sorted(lexicon().short_names.items(), key=lambda kv: -len(kv[0])))


def _org_key(o: dict[str, Any]) -> tuple[str, Any, Any]:
    """Who an organization is across articles: its kind, its region, and its name with the
    region written off and departments by their full names (永胜县纪委 and 丽江市永胜县纪委监委,
    县医保局 and 永胜县医疗保障局 of the same region are one)."""
    name = _key(o.get("name"))
    region = o.get("region")
    kind = o.get("kind")
    if not region or not name:
        return name, kind, region
    name = name.removeprefix("中共")
    places = [p for p in str(region).split("/") if p]
    if not places:
        return name, kind, region
    forms = {f for p in places for f in (p, p[:-1] if len(p) > 2 and p[-1] in "省市县区州旗" else p)}
    stripped = True
    while stripped:  # 丽江市永胜县纪委: both places off, longest first
        stripped = False
        for f in sorted(forms, key=len, reverse=True):
            if f and name.startswith(f) and len(name) > len(f):
                name, stripped = name[len(f) :], True
                break
    if name[:1] in "省市县区州旗" and len(name) > 1 and places[-1].endswith(name[0]):
        name = name[1:]  # 沙县县委, 县医保局: the region's level written again, or alone
    if name in _BARE.get(str(kind), ()):
        return "", kind, region
    for short, full in _short_names_longest_first():
        if name.endswith(short) and not name.endswith(full):
            name = name[: -len(short)] + full
            break
    return name, kind, region


def _remap(value: Any, to: dict[str, str]) -> Any:
    """``value`` with every id of ``to`` replaced (records' own ``id`` keys are left to the caller)."""
    if isinstance(value, str):
        return to.get(value, value)
    if isinstance(value, list):
        out: list[Any] = []
        for v in value:
            v = _remap(v, to)
            if v not in out or not isinstance(v, str):
                out.append(v)
        return out
    if isinstance(value, dict):
        return {k: (v if k == "id" else _remap(v, to)) for k, v in value.items()}
    return value


def _merge(
    records: list[dict],
    key: Any,
    to: dict[str, str],
    found_in: dict[str, list[str]],
    union: tuple[str, ...] = (),
) -> list[dict]:
    first: dict[Any, dict] = {}
    out = []
    for rec in records:
        k = key(rec)
        if k not in first:
            first[k] = rec
            out.append(rec)
            found_in[rec["id"]] = [rec["source"]] if rec.get("source") else []
            continue
        keep = first[k]
        to[rec["id"]] = keep["id"]
        if rec.get("source") and rec["source"] not in found_in[keep["id"]]:
            found_in[keep["id"]].append(rec["source"])
        for f in union:
            have = list(keep.get(f) or [])
            keep[f] = have + [v for v in rec.get(f) or [] if v not in have]
    return out


def merge_draft(draft: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The draft of several articles with the same organizations and mechanisms merged.

    Parameters
    ----------
    draft : dict
        A register draft of :func:`~respchain.loaders.text.draft_from_articles`.

    Returns
    -------
    (dict, dict)
        A new draft, and what was merged: ``{"organizations": n, "mechanisms": n,
        "found_in": {record id: [source ids]}}`` (for :func:`corpus_report`).

    Examples
    --------
    >>> d = {"organizations": [
    ...     {"id": "a.o1", "name": "某市纪委监委", "kind": "discipline_commission", "source": "a", "span": [0, 5]},
    ...     {"id": "b.o1", "name": "某市纪委监委", "kind": "discipline_commission", "source": "b", "span": [9, 14]}],
    ...     "mechanisms": [{"id": "b.m1", "name": "专题会商", "adopted_by": ["b.o1"]}]}
    >>> m, info = merge_draft(d)
    >>> [o["id"] for o in m["organizations"]], m["mechanisms"][0]["adopted_by"]
    (['a.o1'], ['a.o1'])
    >>> info["organizations"], info["found_in"]["a.o1"]
    (1, ['a', 'b'])
    """
    import copy

    d = copy.deepcopy(draft)
    to: dict[str, str] = {}
    found_in: dict[str, list[str]] = {}
    orgs = d.get("organizations") or []
    kept = _merge(orgs, _org_key, to, found_in)
    # A reference to a merged organization is a reference to the one kept; then mechanisms,
    # whose adopters may just have become the same organization.
    for section in list(d):
        if section not in ("respchain", "meta"):
            d[section] = [_remap(r, to) if isinstance(r, dict) else r for r in d[section] or []]
    d["organizations"] = [_remap(o, to) for o in kept]
    n_orgs = len(orgs) - len(kept)
    mechs = d.get("mechanisms") or []
    mto: dict[str, str] = {}
    kept_m = _merge(mechs, lambda m: _key(m.get("name")), mto, found_in, union=("adopted_by",))
    if mto:
        d["mechanisms"] = kept_m
        for section in list(d):
            if section not in ("respchain", "meta", "mechanisms"):
                d[section] = [_remap(r, mto) for r in d[section] or []]
    for o in d["organizations"]:
        if o.get("parent") == o["id"]:  # a committee body merged into its committee
            del o["parent"]
    if not d["organizations"]:
        del d["organizations"]
    return d, {"organizations": n_orgs, "mechanisms": len(mechs) - len(kept_m), "found_in": found_in}


def corpus_report(draft: dict[str, Any], merged: dict[str, Any] | None = None) -> str:
    """A Markdown report of a (merged) draft: practices by region and by mechanism, figures with sources.

    Every text of the articles is escaped (:func:`respchain._inert.md`), so the
    report carries no live HTML or links.
    """
    orgs = {o["id"]: o for o in draft.get("organizations") or []}
    sources = {s["id"]: s for s in draft.get("sources") or []}
    mechs = draft.get("mechanisms") or []

    def org_name(i: str) -> str:
        return str(orgs[i].get("name", i)) if i in orgs else i

    def src(i: Any) -> str:
        s = sources.get(i) or {}
        title = str(s.get("title") or i)
        title = title if len(title) <= 30 else title[:29] + "…"
        date = f"，{s['published']}" if s.get("published") else ""
        return f"{md(title)}（{md(i)}{md(date)}）"

    lines = ["# 文章汇编报告 / Corpus report", ""]
    merged = merged or {}
    found_in = merged.get("found_in") or {}
    lines.append(
        f"{len(sources)} 篇文章 / articles；{len(orgs)} 个组织 / organizations"
        + (f"（合并 / merged {merged.get('organizations', 0)}）" if merged else "")
        + f"；{len(mechs)} 项机制 / mechanisms"
        + (f"（合并 / merged {merged.get('mechanisms', 0)}）" if merged else "")
        + f"；{len(draft.get('facts') or [])} 个数据 / figures。"
    )
    lines += ["", "## 按地区的做法 / Practices by region", ""]
    by_region: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in mechs:
        for oid in m.get("adopted_by") or []:
            region = (orgs.get(oid) or {}).get("region") or "（地区不明 / region unknown）"
            by_region[region][m.get("name", m["id"])].add(org_name(oid))
    if not by_region:
        lines.append("（没有找到带采用者的机制 / no mechanism with an adopter）")
    for region in sorted(by_region):
        lines.append(f"- **{md(region)}**")
        for name in sorted(by_region[region]):
            lines.append(f"  - {md(name)}：{md('、'.join(sorted(by_region[region][name])))}")
    lines += [
        "",
        "## 按机制 / By mechanism",
        "",
        "| 机制 / mechanism | 采用者 / adopted by | 来源 / sources |",
        "|---|---|---|",
    ]
    for m in sorted(mechs, key=lambda m: (-len(m.get("adopted_by") or []), m.get("name", ""))):
        adopters = "、".join(org_name(o) for o in m.get("adopted_by") or []) or "—"
        srcs = found_in.get(m["id"]) or ([m["source"]] if m.get("source") else [])
        shown = "；".join(src(s) for s in srcs)
        lines.append(f"| {md(m.get('name', m['id']))} | {md(adopters)} | {shown or '—'} |")
    many = [o for o in orgs.values() if len(found_in.get(o["id"]) or ()) > 1]
    if many:
        lines += [
            "",
            "## 多篇文章提到的组织 / Organizations in several articles",
            "",
            "| 组织 / organization | 文章 / articles |",
            "|---|---|",
        ]
        for o in sorted(many, key=lambda o: (-len(found_in[o["id"]]), o.get("name", ""))):
            lines.append(f"| {md(o.get('name', o['id']))} | {'；'.join(src(x) for x in found_in[o['id']])} |")
    lines += [
        "",
        "## 数据及其来源 / Figures and their sources",
        "",
        "| 对象 / about | 指标 / metric | 数值 / value | 原文 / quote | 来源 / source |",
        "|---|---|---|---|---|",
    ]
    for f in draft.get("facts") or []:
        value = f"{f.get('value', '')}{f.get('unit', '')}"
        quote = str(f.get("quote") or "")
        quote = quote if len(quote) <= 60 else quote[:59] + "…"
        lines.append(
            f"| {md(org_name(str(f.get('subject', ''))))} | {md(f.get('metric', ''))} | {md(value)} | "
            f"{md(quote)} | {src(f.get('source'))} |"
        )
    return "\n".join(lines) + "\n"
