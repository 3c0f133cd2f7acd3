"""Recurring duties in the exercises: the events that fulfil the shipped obligations, and their misses.

Every exercise register keeps the recurring duties of
``queries/obligations.yaml`` (OB-SZSL, OB-MZSHH, OB-RQTH, OB-SJTH, OB-YANPAN),
so that ``respchain gaps`` on it (which checks them by default) finds only
what was planted. The ``obligations`` level plants misses of these duties,
each as a register really shows it: a team member left out of the year's
述责述廉 meeting, a 民主生活会 held last December instead of this year, a
pre-appointment talk held too long before the post was taken up, a talk with
a head held by somebody other than the head above, a political-ecology
analysis dated last year.

:func:`duty_records` tells the learner which records of the register make
an obligation's gap: the events that come close to fulfilling it and why
they do not count.
"""

from __future__ import annotations

import datetime as _dt
import random
from collections.abc import Iterable
from typing import Any

from respchain.graph.schema import LEADING_ORG_KINDS, NodeKind, RelType
from respchain.queries.obligations import Obligation, default_obligations, window_start

__all__ = ["DUTY_RULES", "LEADING_KINDS", "plan_duties", "duty_events", "duty_records", "obligations"]

LEADING_KINDS = tuple(sorted(k.value for k in LEADING_ORG_KINDS))

# Days before a new post's since on which its pre-appointment talk is held
# (within the 90 of OB-RQTH), and on which a talk held too early falls.
_TALK_BEFORE = 21
_TOO_EARLY = 120


def obligations() -> list[Obligation]:
    """The obligations the exercises keep and plant (the shipped defaults)."""
    return default_obligations()


DUTY_RULES: tuple[str, ...] = tuple(o.id for o in default_obligations())


def _leading(orgs: list[dict]) -> list[str]:
    return [o["id"] for o in orgs if o["kind"] in LEADING_KINDS]


def _team(
    orgs: list[dict], people: dict[str, dict], kinds: Iterable[str] = LEADING_KINDS
) -> dict[str, list[str]]:
    """Organization -> the people with a head, deputy or member post in it (organizations of ``kinds``)."""
    kind = {o["id"]: o["kind"] for o in orgs}
    kinds = set(kinds)
    out: dict[str, list[str]] = {o["id"]: [] for o in orgs if o["kind"] in kinds}
    for pid, p in people.items():
        for post in p["posts"]:
            if post["role"] in ("head", "deputy", "member") and kind.get(post["org"]) in kinds:
                if pid not in out[post["org"]]:
                    out[post["org"]].append(pid)
    return out


def _heads(orgs: list[dict], people: dict[str, dict]) -> dict[str, str]:
    """Organization -> its head (the first person with a head post in it)."""
    out: dict[str, str] = {}
    for pid, p in people.items():
        for post in p["posts"]:
            if post["role"] == "head":
                out.setdefault(post["org"], pid)
    return out


def _talked_heads(orgs: list[dict], people: dict[str, dict]) -> dict[str, list[str]]:
    """Head of a parent -> the heads below it that OB-SJTH asks them to talk with."""
    heads = _heads(orgs, people)
    out: dict[str, list[str]] = {}
    for o in orgs:
        if o["kind"] not in (*LEADING_KINDS, "party_branch") or o["id"] not in heads:
            continue
        above = heads.get(o.get("parent", ""))
        if above is not None and heads[o["id"]] != above:
            out.setdefault(above, []).append(heads[o["id"]])
    return out


def plan_duties(
    orgs: list[dict], people: dict[str, dict], rng: random.Random, *, new_posts: int = 3
) -> tuple[dict[str, list[str]], dict[str, str], dict[str, str]]:
    """Choose the missed duties of an ``obligations`` exercise.

    Returns
    -------
    planted : dict
        Obligation id -> the subjects that miss it (every obligation, one or two subjects).
    since : dict
        Person -> the date this year they took up their (first) team post: the
        posts OB-RQTH looks at.
    near : dict
        Subject -> how the register shows the miss (``none``: no event at all;
        ``last_year``: the event is dated in the year before; ``too_early``: the
        talk came more than 90 days before the post; ``left_out``: the event
        was held without them; ``wrong_by``: only somebody else talked with them).
    """
    team = _team(orgs, people)
    leading = _leading(orgs)
    members = sorted({pid for o in leading for pid in team[o] if people[pid]["posts"][0]["role"] != "head"})
    # The newcomers: team members who took up their post in January of the period.
    newcomers = sorted(rng.sample(members, min(new_posts, len(members))))
    since = {pid: f"2025-01-{6 + 3 * i:02d}" for i, pid in enumerate(newcomers)}
    below = sorted(h for hs in _talked_heads(orgs, people).values() for h in hs)
    everyone = sorted({pid for o in leading for pid in team[o]})
    cands: dict[str, list[str]] = {
        "OB-SZSL": everyone,
        "OB-MZSHH": list(leading),
        "OB-RQTH": newcomers,
        "OB-SJTH": below,
        "OB-YANPAN": list(leading),
    }
    planted: dict[str, list[str]] = {}
    near: dict[str, str] = {}
    used: set[str] = set()
    for rule in DUTY_RULES:
        pool = [s for s in cands.get(rule, ()) if s not in used]
        if not pool:
            continue
        n = 1 if rule == "OB-RQTH" else rng.choice((1, 2))
        chosen = sorted(rng.sample(pool, min(n, len(pool))))
        planted[rule] = chosen
        used.update(chosen)
        for s in chosen:
            near[f"{rule}|{s}"] = {
                "OB-SZSL": "left_out",
                "OB-MZSHH": rng.choice(("none", "last_year")),
                "OB-RQTH": rng.choice(("none", "too_early")),
                "OB-SJTH": "wrong_by",
                "OB-YANPAN": rng.choice(("none", "last_year")),
            }[rule]
    return planted, since, near


def _day(iso: str, days: int) -> str:
    return (_dt.date.fromisoformat(iso) + _dt.timedelta(days=days)).isoformat()


def duty_events(
    orgs: list[dict],
    people: dict[str, dict],
    *,
    period: int,
    planted: dict[str, list[str]] | None = None,
    since: dict[str, str] | None = None,
    near: dict[str, str] | None = None,
    rated: Iterable[str] = (),
) -> list[dict]:
    """The events that keep every recurring duty of ``orgs`` and ``people``, but the ``planted`` misses.

    ``since`` dates are written into the people's first team post (``people``
    is changed in place). ``rated`` are the organizations that already have a
    political-ecology rating in the register (no second one is added).
    """
    planted = planted or {}
    since = since or {}
    near = near or {}

    def missed(rule: str, s: str) -> str | None:
        return near.get(f"{rule}|{s}", "none") if s in planted.get(rule, ()) else None

    team = _team(orgs, people)
    leading = _leading(orgs)
    heads = _heads(orgs, people)
    y, last = f"{period:04d}", f"{period - 1:04d}"
    events: list[dict] = []
    for i, o in enumerate(leading):
        # 民主生活会 early in the year (last December's when missed that way)
        how = missed("OB-MZSHH", o)
        if how != "none":
            date = f"{last}-12-{20 + i % 8:02d}" if how == "last_year" else f"{y}-01-{20 + i % 8:02d}"
            events.append(
                {"id": f"mzshh-{o}", "kind": "meeting", "date": date, "org": o, "meeting": "民主生活会"}
            )
        # 述责述廉: the team reports on duty and integrity
        who = [p for p in team[o] if missed("OB-SZSL", p) is None]
        if who:
            events.append(
                {
                    "id": f"szsl-{o}",
                    "kind": "meeting",
                    "date": f"{y}-01-{28 - i % 8:02d}",
                    "org": o,
                    "meeting": "述责述廉",
                    "participants": who,
                }
            )
    # The head above talks with each head below.
    for above, below in sorted(_talked_heads(orgs, people).items()):
        who = [h for h in below if missed("OB-SJTH", h) is None]
        if who:
            events.append(
                {
                    "id": f"sjth-{above}",
                    "kind": "talk",
                    "talk": "conveying",
                    "date": f"{y}-03-{5 + len(events) % 20:02d}",
                    "by": above,
                    "with": who,
                }
            )
    # Pre-appointment talks before the new posts, by the head of the post's organization's parent
    # (or its own head) when there is one.
    parent = {o["id"]: o.get("parent") for o in orgs}
    for pid, day in sorted(since.items()):
        post = people[pid]["posts"][0]
        post["since"] = day
        how = missed("OB-RQTH", pid)
        if how == "none":
            continue
        before = _TOO_EARLY if how == "too_early" else _TALK_BEFORE
        by = heads.get(parent.get(post["org"]) or "") or heads.get(post["org"])
        events.append(
            {
                "id": f"rqth-{pid}",
                "kind": "talk",
                "talk": "appointment",
                "date": _day(day, -before),
                **({"by": by} if by and by != pid else {}),
                "with": [pid],
            }
        )
    # The year's political-ecology analysis of every leading organization.
    rated = set(rated)
    for i, o in enumerate(leading):
        if o in rated:
            continue
        how = missed("OB-YANPAN", o)
        if how == "none":
            continue
        date = f"{last}-11-{10 + i % 15:02d}" if how == "last_year" else f"{y}-06-{10 + i % 15:02d}"
        events.append(
            {"id": f"yanpan-{o}", "kind": "ecology_rating", "date": date, "org": o, "rating": "good"}
        )
    return events


# --------------------------------------------------------------------------- feedback


def _line(G: Any, n: str) -> str:
    a = G.nodes[n]
    name = a.get("name") or n
    line = a.get("line")
    return f"{name}（{n}，第 {line} 行 / line {line}）" if line else f"{name}（{n}）"


def counting_records(G: Any, ob: Obligation, subject: str) -> list[str]:
    """The events of the register that fulfil ``ob`` for ``subject`` (the engine's count), as records."""
    from respchain.queries.obligations import evaluate

    G2 = G.copy()
    # the events that count are the ones whose removal makes a gap appear
    ev_k = NodeKind.EVENT.value
    cands = [
        n
        for n, d in G.nodes(data=True)
        if d.get("kind") == ev_k
        and d.get("event_kind") == ob.event_kind
        and any(t == subject for _, t, key in G.out_edges(n, keys=True) if key == ob.rel)
    ]
    as_of, year = str(G.graph.get("as_of", "")), G.graph.get("period", "")
    out = []
    for n in cands:
        H = G2.copy()
        H.remove_node(n)
        if any(f.subject == subject for f in evaluate(H, [ob], as_of=as_of, period=year)):
            out.append(_line(G, n))
    return out


def duty_records(G: Any, ob: Obligation, subject: str) -> list[dict[str, str]]:
    """The records of the register that make ``subject``'s gap of ``ob``, each with what it lacks.

    Returns one ``{"record", "why_zh", "why_en"}`` per record: the subject
    itself (its post and its ``since`` for a ``within`` obligation), and every
    event of the obligation's kind (and sub-kind) that comes close — dated
    outside the period or window, held without the subject, or held by
    somebody other than the head above.
    """
    if subject not in G:
        return []
    as_of, year = str(G.graph.get("as_of", "")), str(G.graph.get("period", ""))
    ev_k, post_k = NodeKind.EVENT.value, NodeKind.POST.value
    rel = ob.rel
    out = []
    posts = [
        (p, G.nodes[p])
        for p in G.successors(subject)
        if G.nodes[p].get("kind") == post_k and G.nodes[p].get("role") in ob.roles
    ]
    windows: list[tuple[str, str]] = []
    if ob.within_days is not None:
        for _p, d in posts:
            s = d.get("since")
            if s and s[:4] == year and s <= as_of:
                windows.append((window_start(s, ob.within_days), s))
                out.append(
                    {
                        "record": _line(G, subject),
                        "why_zh": f"{s} 任职，此前 {ob.within_days} 日内（{windows[-1][0]} 至 {s}）应有{ob.sub_value or ob.event_kind}",
                        "why_en": f"took up the post on {s}: the {ob.within_days} days before ({windows[-1][0]} to {s}) need one",
                    }
                )
    else:
        out.append(
            {
                "record": _line(G, subject),
                "why_zh": f"{year}年（至 {as_of}）：{ob.rule_zh()}",
                "why_en": f"{year} (up to {as_of}): {ob.rule_en()}",
            }
        )
    orgs = {d.get("org") for _p, d in posts} | ({subject} if ob.subject == "organizations" else set())
    sub = ob.sub_field
    for n, d in G.nodes(data=True):
        if d.get("kind") != ev_k or d.get("event_kind") != ob.event_kind:
            continue
        if sub is not None and d.get(sub) != ob.sub_value:
            continue
        rels: dict[str, set[str]] = {}
        for _, t, key in G.out_edges(n, keys=True):
            rels.setdefault(key, set()).add(t)
        date = str(d.get("date", ""))
        named = subject in rels.get(rel, set())
        about = bool(rels.get(RelType.ABOUT.value, set()) & orgs)
        if not named and not about:
            continue
        inside = any(a <= date <= b for a, b in windows) if windows else date[:4] == year and date <= as_of
        if named and not inside:
            zh = f"日期 {date} 不在{'任职前的期限' if windows else f'{year}年'}内"
            en = f"dated {date}, outside {'the days before the post' if windows else year}"
        elif not named:
            zh, en = f"未列入此对象（{ob.as_}）", f"does not list the subject among its {ob.as_}"
        elif ob.by == "parent_head":
            by = sorted(rels.get(RelType.BY.value, set()))
            zh = f"谈话人是 {'、'.join(by) or '（未登记）'}，不是上级党组织的一把手"
            en = f"held by {', '.join(by) or '(nobody recorded)'}, not the head of the organization above"
        else:
            continue
        out.append({"record": _line(G, n), "why_zh": zh, "why_en": en})
    if ob.by == "parent_head":
        above = sorted(
            {
                pid
                for o in orgs
                for q, par, key in G.out_edges(o, keys=True)
                if key == RelType.SUB_ORGANIZATION_OF.value
                for pid in _head_of(G, par)
            }
        )
        for pid in above:
            out.append(
                {
                    "record": _line(G, pid),
                    "why_zh": f"上级党组织的一把手，{year}年没有登记与此人的谈话（by: {pid}）",
                    "why_en": f"the head of the organization above: no talk by them with the subject in {year} (by: {pid})",
                }
            )
    elif len(out) == 1:
        what = ob.sub_value or _EVENT_ZH.get(ob.event_kind, ob.event_kind)
        out.append(
            {
                "record": "—",
                "why_zh": f"登记簿中没有涉及此对象的{what}记录（events 中 kind: {ob.event_kind}）",
                "why_en": f"the register has no {ob.sub_value or ob.event_kind} event about the subject "
                f"(events, kind: {ob.event_kind})",
            }
        )
    return out


_EVENT_ZH = {"talk": "谈话", "meeting": "会议", "ecology_rating": "政治生态研判"}


def _head_of(G: Any, org: str) -> list[str]:
    """The people with a head post in ``org``."""
    post_k = NodeKind.POST.value
    return sorted(
        str(d.get("person"))
        for _n, d in G.nodes(data=True)
        if d.get("kind") == post_k and d.get("org") == org and d.get("role") == "head" and d.get("person")
    )


# --------------------------------------------------------------------------- the lesson

_AS_ZH = {
    "participants": ("参加人", "among the participants"),
    "with": ("谈话对象", "talked with"),
    "by": ("谈话人", "holding it"),
    "target": ("问责对象", "its target"),
    "parties": ("会商方", "a party"),
    "org": ("所涉组织", "the organization it is about"),
}
_PER = {
    "year": ("每年", "each year"),
    "half": ("每半年", "each half-year"),
    "quarter": ("每季度", "each quarter"),
    "month": ("每月", "each month"),
}


def _subject_text(ob: Obligation) -> tuple[str, str]:
    from respchain.graph.schema import ORG_KIND_INFO, ROLE_INFO

    kinds_zh = "、".join(ORG_KIND_INFO[k]["zh"] for k in ob.org_kinds if k in ORG_KIND_INFO)
    kinds_en = ", ".join(ORG_KIND_INFO[k]["en"].lower() for k in ob.org_kinds if k in ORG_KIND_INFO)
    if ob.subject == "organizations":
        return f"每个{kinds_zh}", f"every {kinds_en}"
    roles_zh = "、".join(ROLE_INFO[r]["zh"] for r in ob.roles if r in ROLE_INFO)
    roles_en = ", ".join(ROLE_INFO[r]["en"].lower() for r in ob.roles if r in ROLE_INFO)
    return f"{kinds_zh}中的{roles_zh}", f"{roles_en} of a {kinds_en}"


def _event_text(ob: Obligation) -> tuple[str, str]:
    from respchain.graph.schema import VOCAB_LABELS

    label = VOCAB_LABELS["talk_kind"].get(ob.sub_value or "") if ob.event_kind == "talk" else None
    what = (label[0] if label else ob.sub_value) or _EVENT_ZH.get(ob.event_kind, ob.event_kind)
    as_zh, as_en = _AS_ZH.get(ob.as_, (ob.as_, ob.as_))
    zh = f"{what}（events 中 kind: {ob.event_kind}"
    zh += f"，{ob.sub_field}: {ob.sub_value}" if ob.sub_field else ""
    zh += f"），对象是其{as_zh}（{ob.as_}）"
    en = f"a {ob.event_kind}" + (f" ({ob.sub_field}: {ob.sub_value})" if ob.sub_field else "")
    en += f" with the subject {as_en} ({ob.as_})"
    if ob.by == "parent_head":
        zh += "，且谈话人是上级党组织当时的一把手"
        en += ", held by the head of the organization above at the time"
    return zh, en


def _when_text(ob: Obligation) -> tuple[str, str]:
    if ob.within_days is not None:
        return (
            f"本年度内任职（since）的每个岗位：任职前 {ob.within_days} 日内（含任职当日）至少 {ob.at_least} 次",
            f"every post taken up (since) this year: at least {ob.at_least} in the {ob.within_days} days "
            "up to the day it was taken up, that day included",
        )
    zh, en = _PER[ob.per or "year"]
    return f"{zh}至少 {ob.at_least} 次", f"at least {ob.at_least} {en}"


def lesson_duties(seed: str = "lesson") -> dict[str, Any]:
    """What the lesson page says of the recurring duties.

    Returns
    -------
    dict
        ``obligations``: one dict per shipped obligation (``id``, names, who,
        what counts, how often, basis, fix); ``periods``: the periods of each
        ``per`` at the teaching material's as-of date; ``example``: the
        findings of an ``obligations`` exercise, one per obligation, each with
        the records of its register that come close (``records``).
    """
    from respchain.queries.obligations import periods_of
    from respchain.teach._registers import AS_OF, PERIOD, graph_from_data
    from respchain.teach.exercise import make_exercise

    obs = obligations()
    rows = []
    for ob in obs:
        who, what, when = _subject_text(ob), _event_text(ob), _when_text(ob)
        rows.append(
            {
                "id": ob.id,
                "zh": ob.name_zh,
                "en": ob.name_en,
                "who_zh": who[0],
                "who_en": who[1],
                "what_zh": what[0],
                "what_en": what[1],
                "when_zh": when[0],
                "when_en": when[1],
                "basis": ob.basis_text(),
                "fix_zh": ob.fix("zh"),
                "fix_en": ob.fix("en"),
                "severity": ob.severity,
            }
        )
    periods = {
        per: [
            {"zh": p.label_zh, "en": p.label_en, "start": p.start, "end": p.end}
            for p in periods_of(per, PERIOD, AS_OF)
        ]
        for per in ("year", "half", "quarter")
    }
    ex = make_exercise("obligations", seed)
    G = graph_from_data(ex.register, "register.yaml")
    from respchain.teach._registers import findings_of

    by_id = {o.id: o for o in obs}
    found = [f for f in findings_of(G, obligations=obs) if f.rule in by_id]
    example = []
    for ob in obs:
        f = next((x for x in found if x.rule == ob.id), None)
        if f is None:
            continue
        example.append(
            {
                "rule": f.rule,
                "subject": f.subject,
                "message_zh": f.message_zh,
                "message_en": f.message_en,
                "records": [
                    {"record": r["record"], "why_zh": r["why_zh"], "why_en": r["why_en"]}
                    for r in duty_records(G, ob, f.subject)
                ],
            }
        )
    return {
        "obligations": rows,
        "periods": periods,
        "as_of": AS_OF,
        "period": PERIOD,
        "example": example,
        "example_title": ex.register["meta"]["title"],
        "example_seed": seed,
    }
