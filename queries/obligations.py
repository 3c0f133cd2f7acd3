"""Obligations: recurring duties stated as data, and their generic evaluator.

An obligation (docs/obligations.md) says who must do what, how often: *each
member of a leading team reports on duty and integrity once a year*, *a
pre-appointment integrity talk in the 90 days before a post is taken up*. It
names its subjects (people by role and kind of organization, or
organizations by kind), the events that count (a kind, and optionally its
sub-kind: ``talk``, ``meeting``, ``rating``...), where the subject must appear
in the event (``as``), optionally who must hold it (``by: parent_head``), how
many (``at_least``) and over which periods (``per`` or ``within``).

Every obligation is checked by one evaluator per backend: :func:`evaluate`
here, over the in-memory graph, and :mod:`respchain.queries.obligations_neo4j`
in Cypher. Both produce *slot rows* — ``(subject, slot, counted event ids)``
for each period (or post) that falls short — and :func:`assemble` turns rows
into findings, so the two engines' findings are equal when their rows are.

Coverage
--------
The same evaluators also give every slot, met or not, with the organizations
it belongs to (the organization itself, or those of the subject's matching
posts): :func:`coverage` adds them up into *coverage figures*, per obligation
and per organization — how many of the expected events happened (``述责述廉
12/14 人次``). Each slot expects ``at_least`` events and is credited with at
most that many, so an extra meeting never makes up for a missing person.

Periods
-------
``per: year`` is the register's ``period`` year, counted up to ``as_of`` (the
current year counts before it ends); ``half``, ``quarter`` and ``month`` are the
parts of that year that have ended by ``as_of``. An event counts in a period when
its date is between the period's first day and its last (or ``as_of``, if
earlier), both included. A person is a subject in a period when they hold a
matching post on that last day (``since`` on or before it, ``until`` absent or on
or after it).

``within: {days: N, before: since}`` checks every matching post whose ``since``
falls in the ``period`` year, on or before ``as_of``: an event dated from N days
before ``since`` up to ``since`` itself counts.

``by: parent_head`` keeps only events whose ``by`` holds the ``head`` post of the
parent of the subject's organization on the event's date; the subjects are then
only those whose organization's parent has a head.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import networkx as nx
from respchain.graph.schema import Lang, NodeKind, RelType
from respchain.queries.finding import Finding

__all__ = [
    "Obligation",
    "Period",
    "SUB_FIELDS",
    "AS_RELS",
    "PERIODS",
    "SHAPES",
    "default_obligations",
    "obligations_from_data",
    "periods_of",
    "evaluate",
    "slot_rows",
    "unit_rows",
    "assemble",
    "Coverage",
    "coverage",
    "assemble_coverage",
    "OBLIGATION_FAMILY",
]

OBLIGATION_FAMILY = "obligations"

SUB_FIELDS: dict[str, str] = {
    "talk": "talk",
    "meeting": "meeting",
    "ecology_rating": "rating",
    "accountability": "form",
    "assessment": "result",
}
"""Event kind -> the field that names its sub-kind (``event: {kind: talk, talk: appointment}``)."""

AS_RELS: dict[str, str] = {
    "with": RelType.WITH.value,
    "by": RelType.BY.value,
    "target": RelType.TARGET.value,
    "participants": RelType.PARTICIPANT.value,
    "parties": RelType.PARTY.value,
    "org": RelType.ABOUT.value,
}
"""``as`` -> the relationship from the event to the subject."""

AS_FOR_PEOPLE = ("with", "by", "target", "participants")
AS_FOR_ORGS = ("participants", "parties", "org")
PERIODS = ("year", "half", "quarter", "month")
SHAPES = ("people_per", "people_within", "orgs_per")
"""The shapes of obligation: one evaluator path (and one Cypher query) each."""

_Q_ZH = ("第一季度", "第二季度", "第三季度", "第四季度")


@dataclass(frozen=True)
class Obligation:
    """One recurring duty, as loaded from an obligation file.

    Attributes
    ----------
    id, name_zh, name_en, severity : str
    subject : str
        ``people`` or ``organizations``.
    roles : tuple of str
        Post roles (people subjects).
    org_kinds, levels : tuple of str
        Kinds of the organization (of the post, or of the subject itself) and,
        when not empty, its levels.
    event_kind : str
    sub_value : str or None
        The required value of the event kind's sub-kind field (:data:`SUB_FIELDS`).
    as_ : str
        A key of :data:`AS_RELS`.
    by : str or None
        ``parent_head`` or None.
    at_least : int
    per : str or None
        A value of :data:`PERIODS`, or None with ``within_days``.
    within_days : int or None
    basis : dict
        ``document`` (and ``quote``, ``note``) or ``local`` (``by``, ``source``).
    fix_zh, fix_en : str
    file : str
    line : int
    """

    id: str
    name_zh: str
    name_en: str
    severity: str
    subject: str
    roles: tuple[str, ...]
    org_kinds: tuple[str, ...]
    levels: tuple[str, ...]
    event_kind: str
    sub_value: str | None
    as_: str
    by: str | None
    at_least: int
    per: str | None
    within_days: int | None
    basis: Mapping[str, Any]
    fix_zh: str = ""
    fix_en: str = ""
    file: str = ""
    line: int = 0

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Obligation:
        """An obligation from a validated record of an obligation file."""
        subj = d["subject"]
        kind = "people" if "people" in subj else "organizations"
        s = subj[kind]
        ev = d["event"]
        sub = SUB_FIELDS.get(ev["kind"])
        within = d.get("within")
        return cls(
            id=d["id"],
            name_zh=d["name_zh"],
            name_en=d.get("name_en") or d["name_zh"],
            severity=d.get("severity", "medium"),
            subject=kind,
            roles=tuple(s.get("roles") or ()),
            org_kinds=tuple(s.get("in") or s.get("kinds") or ()),
            levels=tuple(s.get("levels") or ()),
            event_kind=ev["kind"],
            sub_value=ev.get(sub) if sub else None,
            as_=d["as"],
            by=d.get("by"),
            at_least=int(d.get("at_least", 1)),
            per=d.get("per") if within is None else None,
            within_days=int(within["days"]) if within is not None else None,
            basis=dict(d["basis"]),
            fix_zh=d.get("fix_zh", ""),
            fix_en=d.get("fix_en", ""),
            file=d.get("_file", ""),
            line=d.get("_line", 0),
        )

    @property
    def shape(self) -> str:
        """``people_per``, ``people_within`` or ``orgs_per``."""
        if self.subject == "people":
            return "people_within" if self.within_days is not None else "people_per"
        return "orgs_per"

    @property
    def sub_field(self) -> str | None:
        """The event field the sub-kind is read from, when the obligation names one."""
        return SUB_FIELDS.get(self.event_kind) if self.sub_value is not None else None

    @property
    def rel(self) -> str:
        return AS_RELS[self.as_]

    def basis_text(self) -> str:
        """The basis in one line: the document (and the quote), or the local source."""
        b = self.basis
        if "local" in b:
            loc = b["local"]
            return "　".join(x for x in (loc.get("by", ""), loc.get("source", "")) if x)
        out: str = b.get("document", "")
        if b.get("articles"):
            out += "".join(b["articles"])
        if b.get("quote"):
            out += f"：\u201c{b['quote']}\u201d"
        elif b.get("note"):
            out += f"（{b['note']}）"
        return out

    def rule_zh(self) -> str:
        """How often, in Chinese (``每年至少1次``, ``任职前90日内至少1次``)."""
        if self.within_days is not None:
            return f"任职（since）前{self.within_days}日内至少{self.at_least}次"
        unit = {"year": "每年", "half": "每半年", "quarter": "每季度", "month": "每月"}[self.per or "year"]
        return f"{unit}至少{self.at_least}次"

    def rule_en(self) -> str:
        if self.within_days is not None:
            return f"at least {self.at_least} in the {self.within_days} days up to a post's since"
        return f"at least {self.at_least} per {self.per}"

    def fix(self, lang: Lang = "zh") -> str:
        """What to do about a finding (the file's ``fix_zh``/``fix_en``, or one made from the event)."""
        if lang == "en":
            return self.fix_en or (
                f"Hold and record the {self.event_kind} ({self.sub_value or 'any kind'}) with the subject "
                f"as {self.as_}: {self.rule_en()}."
            )
        what = self.sub_value or _EVENT_ZH.get(self.event_kind, self.event_kind)
        return self.fix_zh or (
            f"按要求开展并登记{what}（events 中 kind: {self.event_kind}，{self.as_} 包含该对象），{self.rule_zh()}。"
        )

    def to_dict(self) -> dict[str, Any]:
        """The obligation as plain data (for JSON and for the Cypher parameters' source)."""
        return {
            "id": self.id,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "severity": self.severity,
            "subject": self.subject,
            "roles": list(self.roles),
            "org_kinds": list(self.org_kinds),
            "levels": list(self.levels),
            "event_kind": self.event_kind,
            "sub_value": self.sub_value,
            "as": self.as_,
            "by": self.by,
            "at_least": self.at_least,
            "per": self.per,
            "within_days": self.within_days,
            "basis": dict(self.basis),
        }


_EVENT_ZH = {
    "talk": "谈话",
    "meeting": "会议",
    "ecology_rating": "政治生态研判",
    "accountability": "问责",
    "assessment": "考核",
    "consultation": "专题会商",
}


def obligations_from_data(records: Iterable[Mapping[str, Any]]) -> list[Obligation]:
    """Obligations from validated records (see :func:`respchain.loaders.obligations.load_obligations`)."""
    return [Obligation.from_dict(r) for r in records]


@cache
def _defaults() -> tuple[Obligation, ...]:
    import yaml

    text = files("respchain.queries").joinpath("obligations.yaml").read_text(encoding="utf-8")
    return tuple(obligations_from_data(yaml.safe_load(text)["obligations"]))


def default_obligations() -> list[Obligation]:
    """The obligations shipped with respchain (OB-SZSL, OB-MZSHH, OB-RQTH, OB-SJTH, OB-YANPAN).

    They live in ``queries/obligations.yaml``, a file in the obligation format
    that the loader validates like any other (a test makes sure of it).

    Examples
    --------
    >>> [o.id for o in default_obligations()]
    ['OB-SZSL', 'OB-MZSHH', 'OB-RQTH', 'OB-SJTH', 'OB-YANPAN']
    """
    return list(_defaults())


# ---------------------------------------------------------------------------
# Periods


@dataclass(frozen=True)
class Period:
    """One period of a ``per`` obligation: its index, labels, first and (effective) last day."""

    index: int
    label_zh: str
    label_en: str
    start: str
    end: str


def periods_of(per: str, year: int | str, as_of: str) -> list[Period]:
    """The periods of ``year`` an obligation ``per`` period is checked over at ``as_of``.

    Examples
    --------
    >>> [p.label_zh for p in periods_of("quarter", 2025, "2025-09-30")]
    ['2025年第一季度', '2025年第二季度', '2025年第三季度']
    >>> periods_of("year", 2025, "2025-06-01")[0].end
    '2025-06-01'
    """
    y = int(year)
    if per == "year":
        start, end = f"{y:04d}-01-01", f"{y:04d}-12-31"
        return [Period(0, f"{y}年", str(y), start, min(end, as_of))] if as_of >= start else []
    spans: list[tuple[int, int, str, str]] = []
    if per == "half":
        spans = [(1, 6, f"{y}年上半年", f"{y} H1"), (7, 12, f"{y}年下半年", f"{y} H2")]
    elif per == "quarter":
        spans = [(3 * q + 1, 3 * q + 3, f"{y}年{_Q_ZH[q]}", f"{y} Q{q + 1}") for q in range(4)]
    elif per == "month":
        spans = [(m, m, f"{y}年{m}月", f"{y}-{m:02d}") for m in range(1, 13)]
    else:
        raise ValueError(f"unknown period {per!r}")
    out = []
    for i, (m0, m1, zh, en) in enumerate(spans):
        last = (_dt.date(y + (m1 == 12), m1 % 12 + 1, 1) - _dt.timedelta(days=1)).isoformat()
        if last <= as_of:
            out.append(Period(i, zh, en, f"{y:04d}-{m0:02d}-01", last))
    return out


def window_start(since: str, days: int) -> str:
    """The first day of the ``days`` up to ``since`` (``since`` minus ``days``)."""
    d = _dt.date.fromisoformat(since)
    try:
        return (d - _dt.timedelta(days=days)).isoformat()
    except OverflowError:
        return _dt.date.min.isoformat()


# ---------------------------------------------------------------------------
# The in-memory evaluator


@dataclass
class _View:
    """What obligations ask of the graph, gathered in one pass."""

    org: dict[str, dict[str, Any]]
    parent: dict[str, str]
    posts: list[tuple[str, str, str, str | None, str | None]]  # person, org, role, since, until
    heads: dict[str, list[tuple[str, str | None, str | None]]]  # org -> (person, since, until)
    events: dict[
        str, list[tuple[str, str, dict[str, Any], dict[str, set[str]]]]
    ]  # kind -> (id, date, attrs, rels)
    # (kind, rel) -> subject -> its events of that kind, in the order of ``events``
    by_subject: dict[
        tuple[str, str], dict[str, list[tuple[str, str, dict[str, Any], dict[str, set[str]]]]]
    ] = field(default_factory=dict)

    def events_of(
        self, kind: str, rel: str, subject: str
    ) -> list[tuple[str, str, dict[str, Any], dict[str, set[str]]]]:
        """The events of ``kind`` whose ``rel`` reaches ``subject`` (one scan per kind and rel, then lookups)."""
        ix = self.by_subject.get((kind, rel))
        if ix is None:
            ix = defaultdict(list)
            for ev in self.events.get(kind, ()):
                for t in ev[3].get(rel, ()):
                    ix[t].append(ev)
            self.by_subject[(kind, rel)] = ix
        return ix.get(subject, [])


def _view(G: nx.MultiDiGraph) -> _View:
    org_k, post_k, ev_k = NodeKind.ORGANIZATION.value, NodeKind.POST.value, NodeKind.EVENT.value
    sub, post_in = RelType.SUB_ORGANIZATION_OF.value, RelType.POST_IN.value
    v = _View({}, {}, [], defaultdict(list), defaultdict(list))
    for n, d in G.nodes(data=True):
        k = d.get("kind")
        if k == org_k:
            v.org[n] = d
            for _, t, key in G.out_edges(n, keys=True):
                if key == sub:
                    v.parent[n] = t
        elif k == post_k:
            org = d.get("org")
            if org is None:
                for _, t, key in G.out_edges(n, keys=True):
                    if key == post_in:
                        org = t
            rec = (d.get("person"), org, d.get("role"), d.get("since"), d.get("until"))
            v.posts.append(rec)
            if rec[2] == "head":
                v.heads[org].append((rec[0], rec[3], rec[4]))
        elif k == ev_k:
            rels: dict[str, set[str]] = defaultdict(set)
            for _, t, key in G.out_edges(n, keys=True):
                rels[key].add(t)
            v.events[d.get("event_kind")].append((n, d.get("date", ""), d, rels))
    return v


def _held(since: str | None, until: str | None, day: str) -> bool:
    return (since is None or since <= day) and (until is None or until >= day)


def _parent_heads_at(v: _View, orgs: Iterable[str], day: str) -> set[str]:
    out: set[str] = set()
    for o in orgs:
        p = v.parent.get(o)
        if p is not None:
            out.update(person for person, s, u in v.heads.get(p, ()) if _held(s, u, day))
    return out


def _has_parent_head(v: _View, o: str) -> bool:
    p = v.parent.get(o)
    return p is not None and bool(v.heads.get(p))


def _org_ok(v: _View, ob: Obligation, o: str) -> bool:
    d = v.org.get(o)
    if d is None or d.get("org_kind") not in ob.org_kinds:
        return False
    if ob.levels and d.get("level") not in ob.levels:
        return False
    return ob.by != "parent_head" or _has_parent_head(v, o)


def _counted(v: _View, ob: Obligation, subject: str, orgs: Iterable[str], start: str, end: str) -> list[str]:
    rel, sub, want = ob.rel, ob.sub_field, ob.sub_value
    out = []
    for eid, date, attrs, rels in v.events_of(ob.event_kind, rel, subject):
        if not start <= date <= end:
            continue
        if sub is not None and attrs.get(sub) != want:
            continue
        if ob.by == "parent_head" and not (
            rels.get(RelType.BY.value, set()) & _parent_heads_at(v, orgs, date)
        ):
            continue
        out.append(eid)
    return out


SlotRow = tuple[str, Any, list[str]]
UnitRow = tuple[str, Any, list[str], list[str]]
"""A slot with the organizations it belongs to: ``(subject, slot, counted, orgs)``."""


def slot_rows(v: _View, ob: Obligation, *, as_of: str, period: str) -> list[SlotRow]:
    """The slots (periods, or posts for ``within``) of ``ob`` that fall short, in memory."""
    return [(s, slot, got) for s, slot, got, _ in _rows(v, ob, as_of=as_of, period=period, every=False)]


def unit_rows(v: _View, ob: Obligation, *, as_of: str, period: str) -> list[UnitRow]:
    """Every slot of ``ob``, met or not, with the organizations it belongs to, in memory."""
    return _rows(v, ob, as_of=as_of, period=period, every=True)


def _rows(v: _View, ob: Obligation, *, as_of: str, period: str, every: bool) -> list[UnitRow]:
    rows: list[UnitRow] = []
    if ob.shape == "orgs_per":
        subjects = [o for o in v.org if _org_ok(v, ob, o)]
        for per in periods_of(ob.per or "year", period, as_of):
            for o in subjects:
                got = _counted(v, ob, o, (o,), per.start, per.end)
                if every or len(got) < ob.at_least:
                    rows.append((o, per.index, got, [o]))
        return rows
    posts = [p for p in v.posts if p[2] in ob.roles and _org_ok(v, ob, p[1])]
    if ob.shape == "people_per":
        for per in periods_of(ob.per or "year", period, as_of):
            seats: dict[str, set[str]] = defaultdict(set)
            for person, o, _role, s, u in posts:
                if _held(s, u, per.end):
                    seats[person].add(o)
            for person, orgs in seats.items():
                got = _counted(v, ob, person, orgs, per.start, per.end)
                if every or len(got) < ob.at_least:
                    rows.append((person, per.index, got, sorted(orgs)))
        return rows
    y = f"{int(period):04d}"
    slots = {
        (person, s, o) for person, o, _role, s, _u in posts if s is not None and s[:4] == y and s <= as_of
    }
    for person, s, o in sorted(slots):
        got = _counted(v, ob, person, (o,), window_start(s, ob.within_days or 0), s)
        if every or len(got) < ob.at_least:
            name = v.org[o].get("name") or o
            rows.append((person, (s, o, name), got, [o]))
    return rows


def assemble(
    ob: Obligation,
    rows: Iterable[SlotRow],
    names: Mapping[str, tuple[str, str | None]],
    *,
    as_of: str,
    period: str,
) -> list[Finding]:
    """Findings of ``ob`` from its short slot rows; ``names`` maps subject -> (name, source)."""
    labels = {p.index: p for p in periods_of(ob.per, period, as_of)} if ob.per else {}
    by_subject: dict[str, list[tuple[Any, list[str]]]] = defaultdict(list)
    for subject, slot, counted in rows:
        by_subject[subject].append((tuple(slot) if isinstance(slot, list) else slot, counted))
    out = []
    for subject, slots in by_subject.items():
        slots.sort(key=lambda s: s[0])
        zh, en, ids = [], [], set()
        for slot, counted in slots:
            n = len(set(counted))
            ids.update(counted)
            if ob.per:
                p = labels[slot]
                zh.append(f"{p.label_zh}：{n}/{ob.at_least}")
                en.append(f"{p.label_en}: {n} of {ob.at_least}")
            else:
                since, _o, oname = slot
                zh.append(f"{since}任{oname}职务前{ob.within_days}日：{n}/{ob.at_least}")
                en.append(
                    f"{ob.within_days} days up to taking up the post in {oname} on {since}: {n} of {ob.at_least}"
                )
        name, source = names.get(subject, (subject, None))
        name = name or subject
        out.append(
            Finding(
                rule=ob.id,
                severity=ob.severity,
                subject=subject,
                subject_name=name,
                message_zh=f"{name}未落实\u201c{ob.name_zh}\u201d（{ob.rule_zh()}）：{'；'.join(zh)}",
                message_en=f"{name} falls short of \u201c{ob.name_en}\u201d ({ob.rule_en()}): {'; '.join(en)}",
                evidence=(subject, *sorted(ids)),
                source=source or None,
            )
        )
    return out


def evaluate(
    G: nx.MultiDiGraph, obligations: Sequence[Obligation], *, as_of: str, period: str | int
) -> list[Finding]:
    """Check ``obligations`` over the in-memory graph ``G``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    obligations : sequence of Obligation
    as_of : str
        ISO date.
    period : str or int
        The year.

    Returns
    -------
    list of Finding
        One per obligation and subject with at least one period (or post) short.
    """
    if not obligations:
        return []
    v = _view(G)
    year = str(period)
    out: list[Finding] = []
    for ob in obligations:
        rows = slot_rows(v, ob, as_of=as_of, period=year)
        names = {s: (G.nodes[s].get("name") or s, G.nodes[s].get("source")) for s, _, _ in rows}
        out.extend(assemble(ob, rows, names, as_of=as_of, period=year))
    return out


# ---------------------------------------------------------------------------
# Coverage figures


@dataclass(frozen=True)
class Coverage:
    """How many of the events an obligation expects happened, over the register or in one organization.

    Attributes
    ----------
    obligation, name_zh, name_en : str
        The obligation.
    subject : str
        ``people`` (counted in 人次, person-times) or ``organizations`` (次, times).
    org, org_name : str
        The organization the figure is about; empty for the whole register.
    slots, met : int
        The slots (subject and period, or post) checked, and those with at least ``at_least`` events.
    expected, held : int
        The events expected (``at_least`` per slot) and those that happened (at most ``at_least`` per slot).
    """

    obligation: str
    name_zh: str
    name_en: str
    subject: str
    org: str
    org_name: str
    slots: int
    met: int
    expected: int
    held: int

    @property
    def percent(self) -> float | None:
        """``held`` of ``expected`` in per cent, one decimal; None when nothing was expected."""
        return round(100 * self.held / self.expected, 1) if self.expected else None

    @property
    def full(self) -> bool:
        return self.held == self.expected

    def unit(self, lang: Lang = "zh") -> str:
        if lang == "en":
            return "person-times" if self.subject == "people" else "times"
        return "人次" if self.subject == "people" else "次"

    def text(self, lang: Lang = "zh") -> str:
        """``12/14 人次（85.7%）``, or ``14/14 人次（全覆盖）`` when every expected event happened."""
        if not self.expected:
            return "0/0"
        tail = ("full" if lang == "en" else "全覆盖") if self.full else f"{self.percent:g}%"
        return f"{self.held}/{self.expected} {self.unit(lang)}" + (
            f" ({tail})" if lang == "en" else f"（{tail}）"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "obligation": self.obligation,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "subject": self.subject,
            "org": self.org,
            "org_name": self.org_name,
            "slots": self.slots,
            "met": self.met,
            "expected": self.expected,
            "held": self.held,
            "percent": self.percent,
            "unit_zh": self.unit("zh"),
            "unit_en": self.unit("en"),
        }


def assemble_coverage(
    ob: Obligation, rows: Iterable[UnitRow], org_names: Mapping[str, str]
) -> list[Coverage]:
    """The coverage of ``ob`` from all its slot rows: the register's total first, then one per organization.

    A slot of a person holding matching posts in two organizations counts once in
    the total and once in each organization.
    """
    total = [0, 0, 0, 0]
    per_org: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for _subject, _slot, counted, orgs in rows:
        n = min(len(set(counted)), ob.at_least)
        add = (1, int(n >= ob.at_least), ob.at_least, n)
        for acc in (total, *(per_org[o] for o in set(orgs))):
            for i, x in enumerate(add):
                acc[i] += x

    def row(org: str, acc: list[int]) -> Coverage:
        name = org_names.get(org) or org if org else ""
        return Coverage(ob.id, ob.name_zh, ob.name_en, ob.subject, org, name, *acc)

    return [row("", total), *(row(o, per_org[o]) for o in sorted(per_org))]


def coverage(
    G: nx.MultiDiGraph, obligations: Sequence[Obligation], *, as_of: str, period: str | int
) -> list[Coverage]:
    """The coverage figures of ``obligations`` over the in-memory graph ``G``.

    Returns
    -------
    list of Coverage
        For each obligation in order, its total over the register (``org`` empty),
        then one per organization with at least one slot, by organization id.
    """
    if not obligations:
        return []
    v = _view(G)
    year = str(period)
    names = {o: d.get("name") or o for o, d in v.org.items()}
    out: list[Coverage] = []
    for ob in obligations:
        out.extend(assemble_coverage(ob, unit_rows(v, ob, as_of=as_of, period=year), names))
    return out
