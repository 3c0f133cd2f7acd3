"""Extract a register draft from Chinese articles about the responsibility system.

The steps live in their own modules: :mod:`~respchain.loaders.text.tokens` (words
and regions), :mod:`~respchain.loaders.text.sentences`,
:mod:`~respchain.loaders.text.orgs` (organizations and their links),
:mod:`~respchain.loaders.text.figures`, :mod:`~respchain.loaders.text.numbers`
and :mod:`~respchain.loaders.text.header`; this module puts one article's records
together and many articles into one draft.

What is found, and how
----------------------
The normalized text (:mod:`respchain.loaders.text.reader`) is cut into words by
jieba with the lexicon of the field added (:mod:`respchain.loaders.text.lexicon`),
then into paragraphs (lines) and sentences (ended by 。！？；!?; or a line end).

Organizations
    A run of words that starts with a region (福建省三明市尤溪县), a reference
    (该市, 该县), a bare level (市, 县 as in 市委, 县人民法院), 中央 or 中共, goes
    on through nouns, department names, organization suffixes and 驻, and ends
    with an organization suffix (纪委监委, 党组, 党委, 纪检监察组, 局, 法院...).
    Runs without any region are generic (各单位党委, 派驻机构) and are not kept.
    A county name is only taken as a region when its province or prefecture is
    named in the article (or no province is named at all): 会同县 in
    "纪检监察组会同县人民法院党组" is the verb 会同 and the bare level 县.
    The kind comes from the suffix; the level and the region chain from the
    region (resolved through the shipped table of divisions); 该市/市/县 refer to
    the nearest region of that level before them. Stated links are kept: a
    dispatched group (…驻X纪检监察组) has the commission before 驻 as parent
    and supervises the unit after it; a party group named after a unit (X党组,
    X的党组书记) leads that unit; a commission's or party group's parent is the
    party committee of its region when that committee is named.
Roles
    A role word that ends an organization (市纪委书记, 民政局的党组书记) gives a
    placeholder person holding that post.
Responsibility types
    Terms of the lexicon, collective ones expanding (两个责任 = main +
    supervisory); all go into the source's ``topics``. Where a sentence names an
    organization whose kind can bear the type (register.md), it becomes a
    ``responsibilities`` record with that bearer.
Mechanisms
    Named working mechanisms of the lexicon, kept with the name as written
    (longest form wins: 问责激励谈心谈话 is not also 问责). The adopter is the subject of the sentence: the first
    organization that opens a clause (or follows 由); a sentence without one takes
    the last subject of its paragraph; none means the mechanism is named in
    general.
Figures
    An Arabic (also full-width, with thousands separators) or Chinese numeral
    followed by a measure word (人, 人次, 家, 项, 条, 类, 余家...). Ordinals (第,
    四次全会), slogans in quotes (“两个责任”), the article 一 and party congresses
    (十八大) are not figures. The metric comes from the noun after the figure
    (78家市直单位 → unit.count) or the action before it (问责239人 →
    accountability.persons); a figure after 其中 is a subset of the figure before
    it in the sentence and extends its metric (其中“一把手”94人 →
    accountability.persons.heads). The subject is the sentence's subject, else
    the organization the article is about (the one most often the subject of a
    clause), else the source.

Events and lists
    Dated meetings and consultations, and responsibility lists named with their
    owner: see :mod:`~respchain.loaders.text.events`.

Every record carries ``source``, ``quote`` (its sentence) and ``span`` (the
sentence's offsets in the normalized text): ``text[span[0]:span[1]] == quote``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from respchain.loaders.text.events import article_accountability, article_events, article_lists
from respchain.loaders.text.figures import _figures, _Found, _metric, _period
from respchain.loaders.text.header import _header
from respchain.loaders.text.lexicon import Lexicon, lexicon, tag_table, tokenizer
from respchain.loaders.text.numbers import parse_chinese_number
from respchain.loaders.text.orgs import _Org, _Orgs
from respchain.loaders.text.places import mark_place, title_place
from respchain.loaders.text.reader import Article, read_article
from respchain.loaders.text.sentences import _Sentence, _sentence_at, _sentences
from respchain.loaders.text.tokens import _accept_regions, _pieces

__all__ = ["extract_article", "extract_articles", "draft_from_articles", "parse_chinese_number", "source_id"]

# A count and a bare head word: “两个清单”, “三张台账” name no practice of their own.
_COUNTED_HEAD = re.compile(r"[\d一二两三四五六七八九十双]+[个项张份类本]?(?:清单|菜单|台账|谈话|手册)")
# A place opening a clause as its actor (该州坚持严肃问责): a statement about the region.
_PLACE_ACTS = re.compile(r"(?:该|全|本)[省市州县区旗](?![纪委监党]|政府|人大|政协)")
# The words that call a coined name a mechanism (“三书两单”工作机制).
MECHANISM_SUFFIX = "(?:工作机制|工作制度|工作法|工作模式|机制|制度|模式|体系)"
# A coined name in quotes called a mechanism: “三书两单”工作机制, “3783”主体责任体系. The
# name is kept as written, quotes and suffix included.
_QUOTED_MECHANISM = re.compile(
    r"[“\"](?P<name>[^“”\"\n]{1,24})[”\"](?P<mid>[\u4e00-\u9fff]{0,4}?)" + MECHANISM_SUFFIX
)
# A coined name in quotes that says what it is by its last word: “十项共性清单”, “个性菜单”.
_QUOTED_PRACTICE = re.compile(
    r"[“\"](?P<name>[^“”\"\n、，,；;。]{1,10}"
    r"(?:清单|菜单|台账|谈话|约谈|夜谈|会商|研判|督办|销号|公示|考核|测评|评议|述职|报告会|手册|纪实))[”\"]"
)


def source_id(path: str | Path) -> str:
    """The source id of an article file: its stem, with spaces and odd characters replaced."""
    stem = Path(path).stem
    sid = re.sub(r"[^\w\-.]+", "-", stem).strip("-")
    return sid or "article"


# ---------------------------------------------------------------------------
# Responsibility types, mechanisms, figures


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


# The roles whose holders bear a personal type (the head: 第一责任人; the others: 一岗双责).
_PERSONAL = {
    "first_responsible": ("head",),
    "one_post_two_duties": ("member", "deputy"),
}
# What ends a clause between its subject and what it does (not 、: 组织部、宣传部履行…).
_CLAUSE_BREAK = re.compile(r"[，,；;。：:]")

_BEARS = {
    "main": ("party_committee", "party_group", "party_branch"),
    "supervisory": ("discipline_commission", "dispatched_group"),
    "functional_regulatory": ("functional_department",),
}


# ---------------------------------------------------------------------------
# One article


@dataclass
class _Article:
    """What the steps of one article's extraction share."""

    sid: str
    text: str
    lex: Lexicon
    sentences: list[_Sentence]
    starts: list[int]
    orgs: _Orgs
    header: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    subject: dict[int, _Org | None] = field(default_factory=dict)
    actor: _Org | None = None  # the organization the article is about (_main_actor)

    def prov(self, k: int) -> dict[str, Any]:
        """``source``, ``quote`` and ``span`` of sentence ``k``."""
        s = self.sentences[k]
        return {"source": self.sid, "quote": self.text[s.start : s.end], "span": [s.start, s.end]}

    def sentence_of(self, offset: int) -> int | None:
        return _sentence_at(self.sentences, self.starts, offset)


def _read(article: Article, sid: str) -> _Article:
    """Words, regions, sentences and organizations of one article."""
    lex = lexicon()
    text = article.text
    pieces = _pieces(text)
    _accept_regions(pieces, lex, text)
    header = _header(article)
    warnings: list[str] = []
    place = title_place(header["title"], lex)
    if place is not None:
        name, region, known = place
        mark_place(pieces, text, name, region)
        if not known:
            warnings.append(
                f"地名不在区划表中 / place not in the region table: {name} (read as a {region.level})"
            )
    sentences = _sentences(text)
    orgs = _Orgs(text, pieces, sentences, lex)
    orgs.run()
    orgs.prune()
    orgs.link()
    for n, o in enumerate(orgs.order, 1):
        o.id = f"{sid}.o{n}"
    a = _Article(sid, text, lex, sentences, [s.start for s in sentences], orgs, header, warnings)
    a.subject = _subjects(a)
    a.actor = _main_actor(a)
    return a


# Verbs that make the organization after them the actor of what follows (商请X对…进行谈话).
_CAUSATIVES = ("商请", "督促", "责令", "要求", "指导", "推动", "责成")


def _caused(a: _Article, k: int, offset: int) -> _Org | None:
    """The organization a causative verb (商请, 督促, 责令...) puts to act before ``offset`` in its clause."""
    best: _Org | None = None
    for m, o in a.orgs.sentence_orgs.get(k, ()):
        if m.nested or m.start >= offset:
            continue
        between = a.text[m.end : offset]
        if re.search(r"[，,；;。]", between):
            continue
        if a.text[max(0, m.start - 2) : m.start] in _CAUSATIVES:
            best = o
    return best


# What a speaker does after a quotation (…”县纪委监委相关负责人介绍).
_SAYS = re.compile(r"[^。！？!?\n“”]{0,14}?(?:说|表示|介绍|指出|坦言|感慨|告诉记者|谈道|说道)")


def _speaker(a: _Article, offset: int) -> _Org | None:
    """The body of who says the quotation ``offset`` stands in: “…我们共约谈了30名干部。”
    县纪委监委相关负责人介绍 — the figure is that body's."""
    text = a.text
    open_ = text.rfind("“", 0, offset)
    if open_ < 0 or text.rfind("”", open_, offset) >= 0 or "\n" in text[open_:offset]:
        return None
    close = text.find("”", offset)
    if close < 0 or "\n" in text[offset:close]:
        return None
    k = a.sentence_of(close + 1)
    if k is None:
        return None
    for kk in (k, k + 1):  # the speaker opens the sentence after the quotation, or ends its own
        for m, o in a.orgs.sentence_orgs.get(kk, ()):
            if not m.nested and close < m.start <= close + 3 and _SAYS.match(text, m.end):
                return o
    return None


# X（书记某某）对Y…: X acts on Y; nothing but a name may stand between X and 对.
_ON = re.compile(r"[\u4e00-\u9fff]{0,7}?对")


def _agent_of(a: _Article, k: int, pos: int) -> _Org | None:
    """The body that acts on another before ``pos`` in its clause (市委书记许继伟对各县委
    “一把手”的政治监督谈话; 县纪委监委对5名干部进行诫勉谈话), or None."""
    text = a.text
    best: _Org | None = None
    for m, o in a.orgs.sentence_orgs.get(k, ()):
        if m.nested or m.start >= pos:
            continue
        on = _ON.match(text, m.end)
        if on is None or on.end() > pos or re.search(r"[，,；;。]", text[on.end() : pos]):
            continue
        best = o
    return best


def _last_subject(a: _Article, k: int, offset: int) -> _Org | None:
    """The last organization opening a clause of sentence ``k`` before ``offset``, or None."""
    before = [
        o for m, o in a.orgs.sentence_orgs.get(k, ()) if m.subject and not m.nested and m.start < offset
    ]
    return before[-1] if before else None


def _clause_subject(a: _Article, k: int, offset: int) -> _Org | None:
    """The body acting where ``offset`` stands in sentence ``k``: the last one opening a
    clause before it (…，县委组织部对8名干部进行了提醒谈话), else the sentence's subject."""
    return _last_subject(a, k, offset) or a.subject.get(k)


def _main_actor(a: _Article) -> _Org | None:
    """The organization the article is about: the most often the subject of a clause, then the most named.

    None when no organization opens a clause anywhere (the article reports in general).
    """
    score: dict[str, tuple[float, int, int]] = {}
    best: _Org | None = None
    for o in a.orgs.order:
        own = [m for m in o.mentions if not m.nested]
        subjects = sum(1 for m in own if m.subject)
        if not subjects:
            continue
        # A committee acting through its bodies (市委巡察工作领导小组安排…) counts half.
        through = sum(0.5 for m in o.mentions if m.nested and m.subject)
        score[o.id] = (subjects + through, len(own), -min(m.start for m in own))
        if best is None or score[o.id] > score[best.id]:
            best = o
    return best


def _subjects(a: _Article) -> dict[int, _Org | None]:
    """The subject of each sentence: its first organization opening a clause, else the paragraph's last."""
    subject: dict[int, _Org | None] = {}
    last_para, running = 0, None
    for k, sent in enumerate(a.sentences):
        if sent.para != last_para:
            last_para, running = sent.para, None
        cand = [o for m, o in a.orgs.sentence_orgs.get(k, ()) if m.subject]
        if cand:
            running = cand[0]
        subject[k] = running
    return subject


def _responsibilities(
    a: _Article, holders: dict[tuple[str, str], str] | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """The source's topics, and a record per (type, bearer) where a sentence names a bearer.

    Organizations bear the collective types: every one that opens the clause
    naming the type (县委组织部、县委宣传部履行职能部门监管责任). A post named before
    第一责任(人) or 一岗双责 in its sentence (县委书记, 班子成员) makes the person holding
    it (``holders``: (organization id, role) -> person id) the bearer, over the
    organization of the post.
    """
    topics: list[str] = []
    resp: dict[tuple[str, str], dict[str, Any]] = {}
    holders = holders or {}

    def add(t: str, bearer: str, over: list[str], k: int) -> None:
        if (t, bearer) in resp:
            return
        rec: dict[str, Any] = {"id": f"{a.sid}.r{len(resp) + 1}", "type": t, "bearer": bearer}
        if over:
            rec["over"] = over
        rec.update(a.prov(k))
        resp[(t, bearer)] = rec

    for m in _alternation(a.lex.types).finditer(a.text):
        k = a.sentence_of(m.start())
        types = a.lex.types[m.group(0)]
        for t in types:
            if t not in topics:
                topics.append(t)
        if k is None:
            continue
        # Bearers: organizations that open a clause of the sentence (not 在党中央领导下),
        # those of the clause naming the type all, else the sentence's first.
        in_sentence = [(mm, o) for mm, o in a.orgs.sentence_orgs.get(k, ()) if mm.subject]
        clause = [
            o
            for mm, o in in_sentence
            if mm.start < m.start() and not _CLAUSE_BREAK.search(a.text, mm.end, m.start())
        ]
        for t in types:
            if t in _PERSONAL:
                posts = [
                    (org, piece)
                    for org, piece, kk in a.orgs.roles
                    if kk == k and piece.start < m.start() and (piece.role or "member") in _PERSONAL[t]
                ]
                for org, piece in posts[-1:]:  # the post nearest before the term
                    person = holders.get((org.id, piece.role or "member"))
                    if person is not None:
                        add(t, person, [org.id], k)
                continue
            bearers = [o for o in clause if o.kind in _BEARS.get(t, ())] or [
                o for _mm, o in in_sentence if o.kind in _BEARS.get(t, ())
            ][:1]
            if t == "supervisory":
                bearers.sort(key=lambda o: o.kind != "dispatched_group")
            for b in bearers:
                add(t, b.id, [u.id for u in b.stationed] if t == "supervisory" else [], k)
    for o in a.orgs.order:  # a dispatched group supervises the unit it is stationed at
        if o.kind == "dispatched_group" and o.stationed and ("supervisory", o.id) not in resp:
            rec = {
                "id": f"{a.sid}.r{len(resp) + 1}",
                "type": "supervisory",
                "bearer": o.id,
                "over": [u.id for u in o.stationed],
                **a.prov(o.mentions[0].sentence),
            }
            resp[("supervisory", o.id)] = rec
    return topics, list(resp.values())


@functools.cache
def _pos_tokenizer() -> Any:
    """jieba's part-of-speech tagger over the extractor's tokenizer, with the tag table
    already read (:func:`tag_table`): its own constructor reads jieba's dictionary again."""
    from jieba.posseg import POSTokenizer

    pt = POSTokenizer.__new__(POSTokenizer)
    pt.tokenizer = tokenizer()
    pt.word_tag_tab = dict(tag_table())
    return pt


def _person_names(sentence: str) -> set[str]:
    """The words of ``sentence`` jieba's tagger reads as people's names (nr)."""
    return {w for w, tag in _pos_tokenizer().cut(sentence) if tag.startswith("nr") and len(w) >= 2}


def _with_named(placeholders: list[dict[str, Any]], named: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The role placeholders (市纪委书记) and the people named (张某某), each post once.

    A placeholder gives way to a named person in the same post; an organization
    keeps one head (the first named), a later one keeps the person without the post.
    """
    heads: set[str] = set()
    taken: set[tuple[str, str]] = set()
    for person in named:
        posts = []
        for post in person.get("posts") or ():
            if post["role"] == "head" and post["org"] in heads:
                continue
            if post["role"] == "head":
                heads.add(post["org"])
            taken.add((post["org"], post["role"]))
            posts.append(post)
        if posts:
            person["posts"] = posts
        else:
            person.pop("posts", None)
    kept = [
        p
        for p in placeholders
        if not any(
            (q["org"], q["role"]) in taken or (q["role"] == "head" and q["org"] in heads) for q in p["posts"]
        )
    ]
    return kept + named


def _people(a: _Article) -> list[dict[str, Any]]:
    """Placeholder people for the roles named with an organization (市纪委书记)."""
    people: dict[tuple[str, str], dict[str, Any]] = {}
    for org, piece, k in a.orgs.roles:
        title = piece.word[len(piece.embedded or "") :] or piece.word
        key = (org.id, piece.role or "member")
        if key in people:
            continue
        role = piece.role or "member"
        if role == "discipline_secretary" and org.kind in ("discipline_commission", "dispatched_group"):
            role = "head"
        pname = (
            (org.region[-1] if org.region else "中央") + piece.word
            if org.key[2] == ""
            else org.canonical + title
        )
        written = piece.word
        if written.startswith("委") and piece.start and a.text[piece.start - 1] in "省市县区州旗盟":
            written = a.text[piece.start - 1] + written  # 县 + 委书记: the title is 县委书记
        people[key] = {
            "id": f"{a.sid}.p{len(people) + 1}",
            "name": pname,
            "posts": [{"org": org.id, "title": written, "role": role}],
            **a.prov(k),
        }
    return list(people.values())


_KINDS_OF_THREE = ("传达类谈话", "专题类谈话", "警示类谈话")


def _mechanisms(a: _Article) -> list[dict[str, Any]]:
    """Named mechanisms, one record per name as written, with every organization that adopts it.

    The record's provenance is its first mention; the adopters are the subjects
    of the sentences that name it, in order.
    """
    text, lex = a.text, a.lex
    mech: dict[str, dict[str, Any]] = {}
    # The body the article is about adopts what nobody is said to run, when the
    # article tells one story (its bodies lie in one province), not a round-up of cases.
    provinces = {o.key[0][:2] for o in a.orgs.order if o.key[0] in lex.regions}
    one_story = a.actor if len(provinces) <= 1 else None

    def add(name: str, k: int, pos: int) -> dict[str, Any] | None:
        """The new record of ``name``, or None when it was named before (its adopter added
        when the sentence names one itself: the body acting on another, else the last
        opening a clause before it)."""
        rec = mech.get(name)
        if rec is not None:
            adopter = _agent_of(a, k, pos) or _last_subject(a, k, pos)
            if adopter is not None and adopter.id not in rec.setdefault("adopted_by", []):
                rec["adopted_by"].append(adopter.id)
            return None
        # The first mention: who says it, who acts in its clause or sentence; with nobody
        # named, the body the article is about, unless a place acts (该州坚持严肃问责).
        head = text[a.sentences[k].start : pos]
        clause = head[max(head.rfind(c) for c in "，,；;") + 1 :]
        adopter = (
            None
            if _PLACE_ACTS.match(clause.lstrip())
            else (_speaker(a, pos) or _agent_of(a, k, pos) or _clause_subject(a, k, pos) or one_story)
        )
        rec = {"id": f"{a.sid}.m{len(mech) + 1}", "name": name}
        if adopter is not None:
            rec["adopted_by"] = [adopter.id]
        mech[name] = rec
        return rec

    for m in _alternation(lex.mechanisms).finditer(text):
        k = a.sentence_of(m.start())
        if k is None:
            continue
        if any(om.start <= m.start() < om.end for om, _o in a.orgs.sentence_orgs.get(k, ())):
            continue  # part of an organization's name (市委巡察办, 巡察工作领导小组)
        # The name as written (提醒谈话 stays 提醒谈话); the lexicon's canonical
        # name only groups variants for scoring and counting.
        name = m.group(0)
        rec = add(name, k, m.start())
        if rec is None:
            continue
        if lex.mechanisms[name] == "三类谈话":
            para = a.sentences[k].para
            ptext = "".join(text[s.start : s.end] for s in a.sentences if s.para == para)
            found = [x for x in _KINDS_OF_THREE if x in ptext]
            if found:
                rec["description"] = "、".join(found)
        rec.update(a.prov(k))
    # Mechanisms named in quotes: called a mechanism (“三书两单”工作机制), or saying what
    # they are by their last word (“十项共性清单”).
    quoted = [(m, m.group(0)) for m in _QUOTED_MECHANISM.finditer(text)]
    taken = [(m.start(), m.end()) for m, _name in quoted]
    quoted += [
        (m, m["name"])
        for m in _QUOTED_PRACTICE.finditer(text)
        if not any(a <= m.start() < b for a, b in taken)
    ]
    for m, name in sorted(quoted, key=lambda q: q[0].start()):
        if m["name"] in lex.mechanisms or m["name"] in lex.types:
            continue  # the lexicon's own name (“双清单双交办”工作机制 is 双清单双交办)
        if _COUNTED_HEAD.fullmatch(m["name"]) or any(m["name"] in n and m["name"] != n for n in mech):
            continue  # “两个清单” counts lists; “双清单” is part of 双清单双交办
        k = a.sentence_of(m.start())
        if k is None:
            continue
        rec = add(name, k, m.start())
        if rec is not None:
            rec.update(a.prov(k))
    return list(mech.values())


_SUBSET_OF_ROLE = {
    "head": "heads",
    "member": "team_members",
    "deputy": "deputies",
    "discipline_secretary": "discipline_secretaries",
}


def _facts(a: _Article) -> list[dict[str, Any]]:
    """Figures with their metric, subject and period; a figure after 其中 is a subset."""
    text, lex, sentences = a.text, a.lex, a.sentences
    facts: list[dict[str, Any]] = []
    seen: set[tuple] = set()
    by_sentence: dict[int, list[tuple[_Found, dict[str, Any]]]] = {}
    for f in _figures(text, sentences, a.starts, lex):
        sent = sentences[f.sentence]
        metric = _metric(text, sent, f, lex)
        prev = by_sentence.get(f.sentence, [])
        head = text[prev[-1][0].end if prev else sent.start : f.start]
        if not prev and head.lstrip().startswith("其中") and f.sentence > 0:
            # "…1,205人; 其中…18人": the subset opens the next sentence of the paragraph
            before = sentences[f.sentence - 1]
            if before.para == sent.para:
                prev = by_sentence.get(f.sentence - 1, [])
        if prev and "其中" in head:
            parent = prev[-1][1]
            between = head[head.rfind("其中") + 2 :] + re.split(r"[，,、；;。]", text[f.end : sent.end])[0]
            qual = "subset"
            for w, role in sorted(lex.roles.items(), key=lambda kv: -len(kv[0])):
                if w in between:
                    qual = _SUBSET_OF_ROLE[role]
                    break
            metric = f"{parent['metric']}.{qual}"
        subj = (
            _speaker(a, f.start)
            or _caused(a, f.sentence, f.start)
            or _clause_subject(a, f.sentence, f.start)
            or a.actor
        )
        rec = {
            "id": f"{a.sid}.f{len(facts) + 1}",
            "subject": subj.id if subj else a.sid,
            "metric": metric,
            "value": f.data["value"],
            "unit": f.data["unit"],
        }
        period = _period(text[sent.start : sent.end], a.header.get("published"))
        if period:
            rec["period"] = period
        rec.update(a.prov(f.sentence))
        key = (rec["subject"], metric, rec["value"], rec["unit"])
        by_sentence.setdefault(f.sentence, []).append((f, rec))
        if key in seen:
            continue
        seen.add(key)
        facts.append(rec)
    return facts


def _source(a: _Article, path: str, topics: list[str]) -> dict[str, Any]:
    header = a.header
    source: dict[str, Any] = {"id": a.sid, "title": header["title"]}
    if header.get("publisher"):
        source["publisher"] = header["publisher"]
    if header.get("published"):
        source["published"] = header["published"]
    source["url"] = Path(path).name
    source["topics"] = topics
    return source


def _organizations(a: _Article) -> list[dict[str, Any]]:
    out = []
    for o in a.orgs.order:
        # Provenance: the first mention that names the organization itself (not
        # the 县委 inside 县委组织部), its region written out if any.
        m0 = min(o.mentions, key=lambda m: (m.nested, not m.explicit, m.start))
        rec: dict[str, Any] = {"id": o.id, "name": o.name, "kind": o.kind}
        if o.level:
            rec["level"] = o.level
        if o.region:
            rec["region"] = "/".join(o.region)
        if o.parent is not None:
            rec["parent"] = o.parent.id
        if o.leads:
            rec["leads"] = [u.id for u in o.leads]
        rec.update(a.prov(m0.sentence))
        out.append(rec)
    return out


def extract_article(
    article: Article, sid: str | None = None, warnings: list[str] | None = None
) -> dict[str, Any]:
    """Extract one article into register sections (plain data, ids prefixed by the source id).

    Parameters
    ----------
    article : Article
        As read by :func:`~respchain.loaders.text.reader.read_article`.
    sid : str, optional
        The source id (default: from the file name).
    warnings : list of str, optional
        Receives what a reviewer should know: a place not in the region table, an
        article that yields no region or no organization.

    Returns
    -------
    dict
        ``{"sources": [...], "organizations": [...], "people": [...],
        "responsibilities": [...], "mechanisms": [...], "facts": [...], "lists": [...],
        "events": [...]}``; every
        record's ``quote`` is ``article.text[span[0]:span[1]]``.
    """
    a = _read(article, sid or source_id(article.path))
    published = a.header.get("published")
    held, accountability = article_accountability(
        a.text, a.sentences, a.orgs, published, a.prov, a.sid, _person_names
    )
    people = _with_named(_people(a), held)
    holders: dict[tuple[str, str], str] = {}
    for person in people:
        for post in person.get("posts") or ():
            holders.setdefault((post["org"], post["role"]), person["id"])
    topics, resp = _responsibilities(a, holders)
    if warnings is not None:
        where = f"{article.path}: "
        warnings.extend(where + w for w in a.warnings)
        if not a.orgs.order:
            warnings.append(
                where + "没有识别出组织（地区不明？）/ no organization found (is the region named?)"
            )
        elif not any(o.region for o in a.orgs.order):
            warnings.append(where + "没有识别出地区 / no region found: organizations without a place")
    return {
        "sources": [_source(a, article.path, topics)],
        "organizations": _organizations(a),
        "people": people,
        "responsibilities": resp,
        "mechanisms": _mechanisms(a),
        "facts": _facts(a),
        "lists": article_lists(a.text, a.sentences, a.subject, a.prov, a.sid, a.orgs),
        "events": article_events(a.text, a.sentences, a.orgs, a.subject, published, a.prov, a.sid)
        + accountability,
    }


def draft_from_articles(articles: Sequence[Article], warnings: list[str] | None = None) -> dict[str, Any]:
    """A register draft (plain data in the register format) from several articles.

    Source ids come from the file names; when two files share a stem, a number
    is added. Organizations are not merged across articles: each article's
    records stand on their own for review. ``warnings``, when given, receives
    what a reviewer should know of each article (see :func:`extract_article`).
    """
    out: dict[str, Any] = {"respchain": 1}
    sections: dict[str, list] = {
        k: []
        for k in (
            "sources",
            "organizations",
            "people",
            "responsibilities",
            "mechanisms",
            "facts",
            "lists",
            "events",
        )
    }
    used: set[str] = set()
    dates = []
    for a in articles:
        sid = source_id(a.path)
        base, n = sid, 2
        while sid in used:
            sid, n = f"{base}-{n}", n + 1
        used.add(sid)
        part = extract_article(a, sid, warnings)
        for k, v in part.items():
            sections[k].extend(v)
        if part["sources"][0].get("published"):
            dates.append(part["sources"][0]["published"])
    meta: dict[str, Any] = {
        "title": "文章抽取草稿 / register draft extracted from articles",
        "origin": "article",
    }
    if dates:
        meta["as_of"] = max(dates)
        meta["period"] = int(max(dates)[:4])
    out["meta"] = meta
    out.update({k: v for k, v in sections.items() if v})
    return out


def extract_articles(paths: Sequence[str | Path]) -> dict[str, Any]:
    """Read article files and return the register draft (see :func:`draft_from_articles`)."""
    return draft_from_articles([read_article(p) for p in paths])
