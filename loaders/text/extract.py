"""Extract a register draft from Chinese articles about the responsibility system.

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
    the source.

Every record carries ``source``, ``quote`` (its sentence) and ``span`` (the
sentence's offsets in the normalized text): ``text[span[0]:span[1]] == quote``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from respchain.loaders.text.lexicon import Lexicon, Region, lexicon, tag_table, tokenizer
from respchain.loaders.text.reader import Article, read_article

__all__ = ["extract_article", "extract_articles", "draft_from_articles", "parse_chinese_number", "source_id"]

# ---------------------------------------------------------------------------
# Small helpers

_LEVEL_CHARS = "省市县区州旗"
_LEVEL_COMMITTEES = ("省委", "市委", "县委", "区委", "州委", "旗委", "盟委")
_REFS = {"该省": "省", "该市": "市", "该县": "县", "该区": "区", "该州": "州", "该旗": "旗"}
_NOUN_TAGS = ("n", "ns", "nt", "nz", "nr", "nrt", "j", "vn", "m", "eng")
_NOT_ORG_AFTER = ("网站", "网", "官网", "公众号", "客户端", "报", "杂志")
_SUBJECT_BEFORE = set('，,、：:；;（(“"') | {
    "由",
    "以来",
    "近年来",
    "今年",
    "目前",
    "同时",
    "此外",
    "其中",
    "图为",
}
_QUOTED_MECHANISM = re.compile(r"[“\"](?P<name>[^“”\"\n]{2,12})[”\"](?:工作)?(?:机制|制度|模式)")
_SENT_END = "。！？；!?;"
_CLOSERS = "”’」』）)\"'"
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_CN_NUM = "零〇一二两三四五六七八九十百千万"


def parse_chinese_number(s: str) -> int:
    """The value of a Chinese numeral.

    Examples
    --------
    >>> [parse_chinese_number(x) for x in ("三", "十", "十二", "二十", "一百零五", "两千三百", "三万")]
    [3, 10, 12, 20, 105, 2300, 30000]
    """
    total, section, digit = 0, 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch == "万":
            section = (section + digit) * 10000
            total += section
            section, digit = 0, 0
        elif ch in _CN_UNITS:
            section += (digit or 1) * _CN_UNITS[ch]
            digit = 0
    return total + section + digit


def source_id(path: str | Path) -> str:
    """The source id of an article file: its stem, with spaces and odd characters replaced."""
    stem = Path(path).stem
    sid = re.sub(r"[^\w\-.]+", "-", stem).strip("-")
    return sid or "article"


# ---------------------------------------------------------------------------
# Tokens


@dataclass
class _Piece:
    """A word (or part of one) with its class and offsets in the text."""

    word: str
    start: int
    end: int
    cls: str  # REGION REF LEVEL CENTRAL PREFIX ORGFULL SUFFIX DEPT JOIN ROLE NOUN PUNCT OTHER
    tag: str = ""
    regions: list[Region] = field(default_factory=list)
    region: Region | None = None  # after acceptance
    role: str | None = None
    embedded: str | None = None  # the organization suffix inside a role word (纪委书记 -> 纪委)
    kind: str | None = None  # the organization kind of a suffix, when not the lexicon's (市委 -> 委)


def _classify(word: str, start: int, lex: Lexicon, tags: dict[str, str]) -> list[_Piece]:
    end = start + len(word)
    if word in lex.by_name:
        return [_Piece(word, start, end, "REGION", "ns", regions=lex.by_name[word])]
    if word in _REFS:
        return [_Piece(word, start, end, "REF")]
    if word in ("党中央", "中共中央"):
        return [_Piece(word, start, end, "ORGFULL")]
    if word == "中央":
        return [_Piece(word, start, end, "CENTRAL")]
    if word.startswith("中央") and _org_word(word[2:], lex):  # 中央纪委, 中央委员会
        return [_Piece("中央", start, start + 2, "CENTRAL"), *_classify(word[2:], start + 2, lex, tags)]
    if word == "中共":
        return [_Piece(word, start, end, "PREFIX")]
    if word in lex.roles:
        emb = _embedded_suffix(word, lex)
        if emb in _LEVEL_COMMITTEES:  # 市委书记: the bare level, then the committee's secretary
            return [
                _Piece(word[0], start, start + 1, "LEVEL"),
                _Piece(
                    word[1:],
                    start + 1,
                    end,
                    "ROLE",
                    role=lex.roles[word],
                    embedded="委",
                    kind="party_committee",
                ),
            ]
        return [_Piece(word, start, end, "ROLE", role=lex.roles[word], embedded=emb)]
    if word in _LEVEL_COMMITTEES:  # 市委: the bare level, then the committee
        return [
            _Piece(word[0], start, start + 1, "LEVEL"),
            _Piece("委", start + 1, end, "SUFFIX", kind="party_committee"),
        ]
    if word[-1] == "委" and word[:-1] in lex.by_name:  # 尤溪县委
        return [
            *_classify(word[:-1], start, lex, tags),
            _Piece("委", end - 1, end, "SUFFIX", kind="party_committee"),
        ]
    if word in lex.org_suffixes:
        return [_Piece(word, start, end, "SUFFIX")]
    if word in lex.departments:
        return [_Piece(word, start, end, "DEPT")]
    if word in ("驻", "派驻"):
        return [_Piece(word, start, end, "JOIN")]
    if len(word) == 1 and word in _LEVEL_CHARS:
        return [_Piece(word, start, end, "LEVEL")]
    if len(word) > 1 and word[0] == "驻":
        return [_Piece("驻", start, start + 1, "JOIN"), *_classify(word[1:], start + 1, lex, tags)]
    if len(word) > 1 and word[0] in _LEVEL_CHARS:
        rest = _classify(word[1:], start + 1, lex, tags)
        if all(p.cls in ("SUFFIX", "DEPT", "ROLE") for p in rest):
            return [_Piece(word[0], start, start + 1, "LEVEL"), *rest]
    if not word.strip() or not re.search(r"\w", word):
        return [_Piece(word, start, end, "PUNCT")]
    tag = tags.get(word, "")
    if not tag and re.fullmatch(r"[\u3400-\u9fff]{2,4}", word):
        tag = "n"  # a new word found by jieba's HMM: names of places and units mostly
    cls = "NOUN" if tag.startswith(_NOUN_TAGS) and tag not in ("nrfg",) else "OTHER"
    if (
        cls == "NOUN"
        and len(word) >= 3
        and word.endswith(("镇", "乡", "街道"))
        and word not in ("乡镇", "城乡")
    ):
        cls = "TOWN"  # 锁南镇, 江北街道: a township in the county the article is about
    return [_Piece(word, start, end, cls, tag)]


def _embedded_suffix(role: str, lex: Lexicon) -> str | None:
    for k in range(len(role) - 1, 1, -1):
        if role[:k] in lex.org_suffixes:
            return role[:k]
    return None


def _pieces(text: str) -> list[_Piece]:
    lex, tags = lexicon(), tag_table()
    out: list[_Piece] = []
    pos = 0
    words = list(tokenizer().cut(text, HMM=True))
    for k, word in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        # 宜兴 + 市委 -> 宜兴市 + 委; 由市 + 纪委书记 -> 由 + 市 + 纪委书记
        if nxt[:1] in _LEVEL_CHARS and nxt and (word + nxt[0]) in lex.by_name and _org_word(nxt[1:], lex):
            words[k + 1] = nxt[1:]
            word = word + nxt[0]
        elif (
            len(word) > 1
            and word[-1] in _LEVEL_CHARS
            and word not in lex.by_name
            and word not in _REFS
            and _org_word(nxt, lex)
        ):
            out.extend(_classify(word[:-1], pos, lex, tags))
            out.append(_Piece(word[-1], pos + len(word) - 1, pos + len(word), "LEVEL"))
            pos += len(word)
            continue
        if not word:
            continue
        new = _classify(word, pos, lex, tags)
        prev = out[-1] if out else None
        # 锁 + 南镇 -> 锁南镇: jieba splits unknown township names
        if (
            prev is not None
            and len(new) == 1
            and new[0].cls == "NOUN"
            and len(word) == 2
            and word[-1] in "镇乡"
            and len(prev.word) == 1
            and prev.cls in ("OTHER", "NOUN")
            and re.match(r"[\u3400-\u9fff]", prev.word)
        ):
            out[-1] = _Piece(prev.word + word, prev.start, pos + len(word), "TOWN", "ns")
        else:
            out.extend(new)
        pos += len(word)
    return out


def _org_word(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` can continue an organization name right after a level (委, 纪委, 民政局...)."""
    return bool(word) and (
        word == "委" or word in lex.org_suffixes or word in lex.departments or word in lex.roles
    )


# ---------------------------------------------------------------------------
# Regions: which names are regions here


def _accept_regions(pieces: list[_Piece], lex: Lexicon, text: str = "") -> None:
    """Decide for each REGION piece which division it is, or that it is no region.

    Provinces are always regions; a prefecture when its name is unique or its
    province is named; a county when its province or prefecture is named in the
    article, or when the article names no province and the name is unique and is
    not a bare district (…区). A rejected name ending in a level character is
    read as a word followed by that level (会同县 -> 会同 + 县).

    A county taken without its province or prefecture must also stand at a word
    boundary: at the start of a clause, after 中共 or 《, not inside a run of
    words (乡镇和县直单位 is 乡镇 和 县直单位, not the county 和县).
    """
    named: set[str] = set()
    for p in pieces:
        if p.cls == "REGION":
            for r in p.regions:
                if r.level == "province" or (r.level == "prefecture" and len(p.regions) == 1):
                    named.add(r.code)
    provinces_named = any(c.endswith("0000") for c in named)
    # A prefecture named together with its province counts as named too.
    for p in pieces:
        if p.cls == "REGION":
            for r in p.regions:
                if r.level == "prefecture" and r.ancestors[0] in named:
                    named.add(r.code)
    i = 0
    while i < len(pieces):
        p = pieces[i]
        if p.cls != "REGION":
            i += 1
            continue
        prev = pieces[i - 1].region if i and pieces[i - 1].cls == "REGION" else None
        choice = None
        for r in p.regions:
            if r.level == "province":
                choice = r
            elif prev is not None and prev.code in r.ancestors:
                choice = r
            elif any(a in named for a in r.ancestors):
                choice = choice or r
        if choice is None and len(p.regions) == 1:
            r = p.regions[0]
            if r.level == "prefecture" or (
                not provinces_named
                and r.level == "county"
                and not r.name.endswith("区")
                and _at_boundary(text, p.start)
            ):
                choice = r
        if choice is not None:
            p.region = choice
            i += 1
            continue
        if p.word[-1] in _LEVEL_CHARS and len(p.word) > 1:
            pieces[i : i + 1] = [
                _Piece(p.word[:-1], p.start, p.end - 1, "OTHER", "v"),
                _Piece(p.word[-1], p.end - 1, p.end, "LEVEL"),
            ]
            i += 2
        else:
            p.cls = "NOUN"
            i += 1


_BOUNDARY_BEFORE = ("中共", "《", "对", "在", "由", "据", "是")


def _at_boundary(text: str, start: int) -> bool:
    """True when a name at ``start`` does not continue the word before it."""
    if not text or start == 0:
        return True
    ch = text[start - 1]
    if not ("\u4e00" <= ch <= "\u9fff"):
        return True
    return any(text[:start].endswith(w) for w in _BOUNDARY_BEFORE)


# ---------------------------------------------------------------------------
# Sentences and paragraphs


@dataclass
class _Sentence:
    start: int
    end: int
    para: int


def _sentences(text: str) -> list[_Sentence]:
    out: list[_Sentence] = []
    para = 0
    pos = 0
    for line in text.split("\n"):
        lstart = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        para += 1
        s = 0
        i = 0
        while i < len(line):
            if line[i] in _SENT_END:
                j = i + 1
                while j < len(line) and line[j] in _CLOSERS:
                    j += 1
                _add_sentence(out, line, lstart, s, j, para)
                s = j
                i = j
            else:
                i += 1
        _add_sentence(out, line, lstart, s, len(line), para)
    return out


def _add_sentence(out: list[_Sentence], line: str, base: int, s: int, e: int, para: int) -> None:
    seg = line[s:e]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg) - len(seg.rstrip())
    if seg.strip():
        out.append(_Sentence(base + s + lead, base + e - trail, para))


# ---------------------------------------------------------------------------
# Organizations


@dataclass
class _Mention:
    start: int
    end: int
    written: str
    sentence: int
    explicit: bool  # names its region itself
    subject: bool  # opens a clause


@dataclass
class _Org:
    key: tuple
    kind: str
    level: str | None
    region: list[str]
    canonical: str
    mentions: list[_Mention] = field(default_factory=list)
    parent: _Org | None = None
    leads: list[_Org] = field(default_factory=list)
    stationed: list[_Org] = field(default_factory=list)
    id: str = ""

    @property
    def name(self) -> str:
        explicit = [m.written for m in self.mentions if m.explicit]
        return max(explicit, key=len) if explicit else self.canonical


def _level_of(region: Region | None, central: bool) -> str | None:
    if central:
        return "central"
    if region is None:
        return None
    if region.level == "province":
        return "provincial"
    if region.level == "prefecture":
        return "municipal"
    return "county"


def _kind_of(pieces: Sequence[_Piece], last: _Piece, lex: Lexicon) -> str:
    if last.kind:
        return last.kind
    word = last.embedded if last.cls == "ROLE" else last.word
    if last.cls == "DEPT" or (last.cls == "SUFFIX" and lex.org_suffixes.get(word) == "unit"):
        body = "".join(p.word for p in pieces if p.cls in ("NOUN", "DEPT", "SUFFIX"))
        if word == "委员会" and not any(p.cls in ("NOUN", "DEPT") for p in pieces):
            return "party_committee"  # 中共X市委员会
        if any(body.endswith(f) for f in lex.functional):
            return "functional_department"
        return "unit"
    kind = lex.org_suffixes[word]
    if kind == "dispatched_group" or any(p.cls == "JOIN" for p in pieces):
        if kind in ("dispatched_group", "discipline_commission"):
            return "dispatched_group"
    return kind


class _Orgs:
    """The organizations of one article, merged by (region, kind, body)."""

    def __init__(self, text: str, pieces: list[_Piece], sentences: list[_Sentence], lex: Lexicon):
        self.text = text
        self.pieces = pieces
        self.sentences = sentences
        self.lex = lex
        self.by_key: dict[tuple, _Org] = {}
        self.order: list[_Org] = []
        self.sentence_orgs: dict[int, list[tuple[_Mention, _Org]]] = {}
        self.roles: list[tuple[_Org, _Piece, int]] = []
        self._region_mentions: list[tuple[int, int, Region]] = []  # (offset, para, region)

    # -- region context ---------------------------------------------------
    def _resolve_level(self, ch: str, offset: int, para: int) -> Region | None:
        best: Region | None = None
        best_same_para: Region | None = None
        for off, p, r in self._region_mentions:
            if off >= offset:
                break
            if r.name.endswith(ch):
                best = r
                if p == para:
                    best_same_para = r
        return best_same_para or best

    def _resolve_county(self, offset: int, para: int) -> Region | None:
        best: Region | None = None
        for off, p, r in self._region_mentions:
            if off >= offset:
                break
            if r.level == "county":
                best = r if (best is None or p == para) else best
        return best

    def run(self) -> None:
        sent_of = self._sentence_index()
        quotes = _book_title_ranges(self.text)
        for p in self.pieces:
            if p.cls == "REGION" and p.region is not None:
                s = sent_of.get(p.start)
                self._region_mentions.append(
                    (p.start, self.sentences[s].para if s is not None else 0, p.region)
                )
        i = 0
        n = len(self.pieces)
        while i < n:
            p = self.pieces[i]
            if p.cls == "ORGFULL":
                if not any(a <= p.start < b for a, b in quotes):
                    self._add_central_committee(p, sent_of)
                i += 1
                continue
            if p.cls not in ("REGION", "REF", "LEVEL", "CENTRAL", "PREFIX", "TOWN") or (
                p.cls == "REGION" and p.region is None
            ):
                i += 1
                continue
            j = self._scan_run(i)
            if j is None:
                i += 1
                continue
            run = self.pieces[i : j + 1]
            nxt = self.pieces[j + 1] if j + 1 < n else None
            inside_title = any(a <= p.start < b for a, b in quotes)
            if (nxt is not None and nxt.word in _NOT_ORG_AFTER) or inside_title:
                i = j + 1
                continue
            self._add_run(run, i, sent_of)
            # X的党组书记: the unit's party group
            if (
                nxt is not None
                and nxt.word == "的"
                and j + 2 < n
                and self.pieces[j + 2].cls == "ROLE"
                and self.pieces[j + 2].embedded in ("党组", "党委")
            ):
                self._add_run([*run, self.pieces[j + 2]], i, sent_of, role_gap=True)
                j += 2
            i = j + 1

    def _sentence_index(self) -> dict[int, int]:
        idx: dict[int, int] = {}
        k = 0
        for p in self.pieces:
            while k < len(self.sentences) and self.sentences[k].end <= p.start:
                k += 1
            if k < len(self.sentences) and self.sentences[k].start <= p.start:
                idx[p.start] = k
        return idx

    def _scan_run(self, i: int) -> int | None:
        """Index of the last piece of the organization run starting at ``i``, or None."""
        last_end: int | None = None
        nouns = 0
        prev_cls = ""
        k = i
        while k < len(self.pieces):
            p = self.pieces[k]
            c = p.cls
            if c == "REGION" and p.region is not None:
                if prev_cls not in ("", "REGION", "PREFIX", "JOIN", "CENTRAL"):
                    break
            elif c in ("REF", "LEVEL", "CENTRAL", "PREFIX"):
                if k != i and prev_cls not in ("JOIN", "PREFIX"):
                    break
            elif c == "TOWN":
                if prev_cls not in ("", "REGION", "REF", "JOIN"):
                    break
            elif c in ("SUFFIX", "DEPT"):
                last_end = k
                nouns = 0
            elif c == "ROLE":
                if p.embedded and prev_cls not in ("", "SUFFIX"):
                    last_end = k  # 市纪委书记: the role closes the organization
                break
            elif c == "JOIN":
                if last_end is None:
                    break
            elif c == "NOUN" or (c == "REGION" and p.region is None):
                nouns += 1
                if nouns > 3:
                    break
            else:
                break
            prev_cls = c
            k += 1
        return last_end

    def _add_central_committee(self, p: _Piece, sent_of: dict[int, int]) -> None:
        s = sent_of.get(p.start)
        if s is None:
            return
        org = self._get(("中央", "party_committee", ""), "party_committee", "central", [], p.word)
        self._mention(org, p.start, p.end, p.word, s, True, self._is_subject(p.start, s))

    def _add_run(
        self, run: list[_Piece], i: int, sent_of: dict[int, int], role_gap: bool = False
    ) -> _Org | None:
        s = sent_of.get(run[0].start)
        if s is None:
            return None
        para = self.sentences[s].para
        lex = self.lex
        last = run[-1]
        role_piece = last if last.cls == "ROLE" else None
        # Regions: explicit ones, else the resolved reference or bare level at the start.
        region: Region | None = None
        central = False
        explicit = False
        body_start = 0
        for k, p in enumerate(run):
            if (
                p.cls == "REGION"
                and p.region is not None
                and all(q.cls in ("REGION", "PREFIX") for q in run[:k])
            ):
                region, explicit, body_start = p.region, True, k + 1
            elif p.cls == "PREFIX" and k == 0:
                body_start = 1
                explicit = True
            elif p.cls == "CENTRAL" and k == body_start:
                central, explicit, body_start = True, True, k + 1
        if region is None and not central:
            first = run[body_start] if body_start < len(run) else None
            if first is not None and first.cls in ("REF", "LEVEL"):
                ch = _REFS.get(first.word, first.word)
                region = self._resolve_level(ch, first.start, para)
                body_start += 1
            elif first is not None and first.cls == "TOWN":
                # A township named alone belongs to the county the text is about.
                region = self._resolve_county(first.start, para)
                explicit = True
        if region is None and not central:
            return None
        body = run[body_start:]
        if not body:
            return None
        kind = _kind_of(body, last, lex)
        region_name = "中央" if region is None else region.name
        region_key = "中央" if region is None else region.code
        # The written form and the canonical name (the region spelt out). With a role
        # (市纪委书记, 民政局的党组书记) the organization ends with the role's suffix.
        emb = role_piece.embedded or "" if role_piece is not None else ""
        end = last.end if role_piece is None else role_piece.start + len(emb)
        if role_gap:  # X的党组书记 -> X党组
            canonical = region_name + "".join(q.word for q in body[:-1]) + emb
            written = self.text[run[0].start : run[-2].end] + emb if explicit else canonical
        else:
            canonical = region_name + "".join(q.word for q in body if q.cls != "ROLE") + emb
            written = self.text[run[0].start : end]
        level = _level_of(region, central)
        if any(
            q.cls == "TOWN"
            or q.word.endswith(("街道", "镇", "乡"))
            or q.word in ("街道办事处", "乡政府", "镇政府")
            for q in body
        ) and kind in ("unit", "party_committee", "party_branch"):
            level = "township"
        if kind == "party_branch":
            level = "grassroots"
        path = [] if region is None else lex.path(region.code)
        norm = _norm_body(body, kind, lex, role_piece)
        org = self._get((region_key, kind, norm), kind, level, path, canonical)
        self._mention(org, run[0].start, end, written, s, explicit, self._is_subject(run[0].start, s))
        if role_piece is not None:
            self.roles.append((org, role_piece, s))
        # Nested organizations and the links the name states.
        join = next((k for k, q in enumerate(body) if q.cls == "JOIN"), None)
        if join is not None and kind == "dispatched_group":
            left = run[: body_start + join]
            right = body[join + 1 :]
            parent = self._add_run(left, i, sent_of) if left and left[-1].cls in ("SUFFIX", "DEPT") else None
            unit_end = next((k for k in range(len(right) - 1, -1, -1) if right[k].cls == "DEPT"), None)
            if unit_end is not None:
                unit_run = right[: unit_end + 1]
                if unit_run[0].cls not in ("REGION", "REF", "LEVEL"):
                    unit = self._nested_unit(unit_run, region, central, s)
                else:
                    unit = self._add_run(unit_run, i, sent_of)
                if unit is not None and unit not in org.stationed:
                    org.stationed.append(unit)
            if parent is not None and org.parent is None:
                org.parent = parent
        elif kind in ("party_group", "party_committee", "party_branch") and len(body) > 1:
            unit_end = next((k for k in range(len(body) - 2, -1, -1) if body[k].cls == "DEPT"), None)
            if unit_end is not None:
                unit_run = run[: body_start + unit_end + 1]
                unit = self._add_run(unit_run, i, sent_of)
                if (
                    unit is not None
                    and unit.kind in ("unit", "functional_department")
                    and unit not in org.leads
                ):
                    org.leads.append(unit)
        return org

    def _nested_unit(self, run: list[_Piece], region: Region | None, central: bool, s: int) -> _Org | None:
        if region is None and not central:
            return None
        kind = _kind_of(run, run[-1], self.lex)
        body = "".join(q.word for q in run)
        name = ("中央" if region is None else region.name) + body
        path = [] if region is None else self.lex.path(region.code)
        key = ("中央" if region is None else region.code, kind, body)
        org = self._get(key, kind, _level_of(region, central), path, name)
        self._mention(org, run[0].start, run[-1].end, self.text[run[0].start : run[-1].end], s, False, False)
        return org

    def _get(self, key: tuple, kind: str, level: str | None, path: list[str], canonical: str) -> _Org:
        org = self.by_key.get(key)
        if org is None:
            org = _Org(key, kind, level, path, canonical)
            self.by_key[key] = org
            self.order.append(org)
        return org

    def _mention(
        self, org: _Org, start: int, end: int, written: str, s: int, explicit: bool, subject: bool
    ) -> None:
        m = _Mention(start, end, written, s, explicit, subject)
        org.mentions.append(m)
        self.sentence_orgs.setdefault(s, []).append((m, org))

    def _is_subject(self, start: int, s: int) -> bool:
        """Whether an organization at ``start`` opens a clause of sentence ``s``."""
        sent = self.sentences[s]
        head = self.text[sent.start : start].rstrip()
        if not head:
            return True
        if head[-1] in _SUBJECT_BEFORE:
            return True
        return any(head.endswith(w) for w in _SUBJECT_BEFORE if len(w) > 1)

    def link(self) -> None:
        """Parents: the party committee of the same region, when it is named."""
        committees = {o.key[0]: o for o in self.order if o.kind == "party_committee" and o.key[2] == ""}
        for o in self.order:
            if o.parent is not None or (o.kind == "party_committee" and o.key[2] == ""):
                continue
            if o.kind in ("discipline_commission", "party_group", "functional_department"):
                c = committees.get(o.key[0])
                if c is not None and c is not o:
                    o.parent = c


def _norm_body(body: Sequence[_Piece], kind: str, lex: Lexicon, role: _Piece | None) -> str:
    words = [q.word for q in body if q.cls != "ROLE"]
    if kind == "discipline_commission" and all(
        lex.org_suffixes.get(w) == "discipline_commission" for w in words
    ):
        return ""
    if kind == "party_committee" and all(w in ("党委", "委", "委员会", *_LEVEL_COMMITTEES) for w in words):
        return ""
    out = "".join(words)
    if role is not None:
        out += role.embedded or ""
    return out


def _book_title_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets inside 《...》: titles of documents, not mentions of their bodies."""
    return [(m.start(), m.end()) for m in re.finditer(r"《[^《》\n]{0,80}》", text)]


# ---------------------------------------------------------------------------
# The article's header: title, publisher, date

_DATE_RE = re.compile(r"(20\d{2}|19\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})日?")


def _header(article: Article) -> dict[str, Any]:
    text = article.text
    lines = [ln.strip() for ln in text.split("\n")]
    info: dict[str, Any] = {"title": article.title}
    for k, ln in enumerate(lines[:40]):
        if re.search(r"发布时间|发布日期|时间[:：]|来源[:：]", ln):
            m = _DATE_RE.search(ln)
            if m:
                try:
                    info["published"] = _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
                except ValueError:
                    pass
            src = re.search(r"来源[:：]\s*([^\s|丨]+)", ln)
            if src:
                info["publisher"] = src[1]
            if not info["title"]:
                prev = [x for x in lines[:k] if x]
                if prev:
                    info["title"] = prev[-1]
            break
    if not info["title"]:
        info["title"] = next((x for x in lines if x), Path(article.path).stem)[:80]
    if "published" not in info:
        m = _DATE_RE.search(text[:600])
        if m:
            try:
                info["published"] = _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                pass
    return info


# ---------------------------------------------------------------------------
# Responsibility types, mechanisms, figures


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


@dataclass
class _Found:
    kind: str  # type | mechanism | figure
    start: int
    end: int
    sentence: int
    data: dict[str, Any]


_BEARS = {
    "main": ("party_committee", "party_group", "party_branch"),
    "supervisory": ("discipline_commission", "dispatched_group"),
    "functional_regulatory": ("functional_department",),
}


def _sentence_at(sentences: list[_Sentence], starts: list[int], offset: int) -> int | None:
    import bisect

    k = bisect.bisect_right(starts, offset) - 1
    if k >= 0 and sentences[k].start <= offset < sentences[k].end:
        return k
    return None


def _figures(text: str, sentences: list[_Sentence], starts: list[int], lex: Lexicon) -> list[_Found]:
    measures = "|".join(re.escape(m) for m in lex.measures)
    rx = re.compile(
        rf"(?P<num>[0-9０-９]+(?:[,，][0-9０-９]{{3}})*(?:[.．][0-9０-９]+)?|[{_CN_NUM}]+)\s?(?P<more>余|多)?(?P<unit>{measures})"
    )
    out: list[_Found] = []
    for m in rx.finditer(text):
        num, unit = m["num"], m["unit"]
        start = m.start()
        before = text[max(0, start - 1) : start]
        after = text[m.end() : m.end() + 8]
        cn = num[0] in _CN_NUM
        if before in ("第", "·") or (start and text[start - 1].isdigit()):
            continue
        if unit.startswith("余"):
            more, unit = True, unit[1:] or "个"
        else:
            more = bool(m["more"])
        if cn:
            if before in "“‘「\"'" or num in ("一",):
                continue
            value: float = parse_chinese_number(num)
            if unit == "大" and value >= 10:
                continue  # 十八大: a party congress
        else:
            digits = num.translate(str.maketrans("０１２３４５６７８９，．", "0123456789,.")).replace(",", "")
            value = float(digits) if "." in digits else int(digits)
        if unit == "次" and after.startswith(("全会", "会议", "全体会议", "代表大会")):
            continue
        if unit == "大" and not re.match(r"[\u3400-\u9fff]", after):
            continue
        if unit == "个" and after.startswith(("确立", "维护", "责任", "务必", "凡是")):
            continue
        s = _sentence_at(sentences, starts, start)
        if s is None:
            continue
        out.append(
            _Found(
                "figure", start, m.end(), s, {"value": value, "unit": unit, "more": more, "text": m.group(0)}
            )
        )
    return out


def _metric(text: str, sent: _Sentence, f: _Found, lex: Lexicon) -> str:
    after = text[f.end : min(sent.end, f.end + 12)]
    after = re.split(r"[，,、；;。：:]", after)[0]
    best: tuple[int, str] | None = None
    for key, metric in lex.metrics_after.items():
        k = after.find(key)
        if k >= 0 and (best is None or k < best[0]):
            best = (k, metric)
    if best is not None:
        return best[1] + (".min" if f.data["more"] else "")
    clause = text[sent.start : f.start]
    clause = re.split(r"[；;。]", clause)[-1]
    best2: tuple[int, str] | None = None
    for key, stem in lex.metrics_before.items():
        k = clause.rfind(key)
        if k >= 0 and (best2 is None or k > best2[0] or (k == best2[0] and len(key) > 0)):
            best2 = (k, stem)
    unit = f.data["unit"]
    tail = {"人": "persons", "人次": "person_times", "名": "persons"}.get(unit, "count")
    if best2 is not None:
        return f"{best2[1]}.{tail}" + (".min" if f.data["more"] else "")
    return f"{tail}" + (".min" if f.data["more"] else "")


def _period(text: str, published: str | None) -> str | None:
    if not published:
        return None
    year, month = int(published[:4]), int(published[5:7])
    m = re.search(r"(?:(20\d{2})年|今年)\s?(\d{1,2})\s?[-—–至到~]\s?(\d{1,2})月", text)
    if m:
        y = int(m[1]) if m[1] else year
        return f"{y}-{int(m[2]):02d}/{y}-{int(m[3]):02d}"
    if "今年以来" in text or "今年" in text:
        return f"{year}-01/{year}-{month:02d}"
    m = re.search(r"(20\d{2})年以来", text)
    if m:
        return f"{m[1]}-01/{year}-{month:02d}"
    return None


# ---------------------------------------------------------------------------
# One article


def extract_article(article: Article, sid: str | None = None) -> dict[str, Any]:
    """Extract one article into register sections (plain data, ids prefixed by the source id).

    Parameters
    ----------
    article : Article
        As read by :func:`~respchain.loaders.text.reader.read_article`.
    sid : str, optional
        The source id (default: from the file name).

    Returns
    -------
    dict
        ``{"sources": [...], "organizations": [...], "people": [...],
        "responsibilities": [...], "mechanisms": [...], "facts": [...]}``; every
        record's ``quote`` is ``article.text[span[0]:span[1]]``.
    """
    lex = lexicon()
    text = article.text
    sid = sid or source_id(article.path)
    pieces = _pieces(text)
    _accept_regions(pieces, lex, text)
    sentences = _sentences(text)
    starts = [s.start for s in sentences]
    orgs = _Orgs(text, pieces, sentences, lex)
    orgs.run()
    orgs.link()
    header = _header(article)

    for n, o in enumerate(orgs.order, 1):
        o.id = f"{sid}.o{n}"

    # The subject of each sentence, and the paragraph's running subject.
    subject: dict[int, _Org | None] = {}
    last_para, running = 0, None
    for k, sent in enumerate(sentences):
        if sent.para != last_para:
            last_para, running = sent.para, None
        cand = [o for m, o in orgs.sentence_orgs.get(k, ()) if m.subject]
        if cand:
            running = cand[0]
        subject[k] = running

    def prov(k: int) -> dict[str, Any]:
        s = sentences[k]
        return {"source": sid, "quote": text[s.start : s.end], "span": [s.start, s.end]}

    # Responsibility types
    topics: list[str] = []
    resp: dict[tuple[str, str], dict[str, Any]] = {}
    for m in _alternation(lex.types).finditer(text):
        k = _sentence_at(sentences, starts, m.start())
        types = lex.types[m.group(0)]
        for t in types:
            if t not in topics:
                topics.append(t)
        if k is None:
            continue
        # Bearers: organizations that open a clause of the sentence (not 在党中央领导下).
        in_sentence = [o for mm, o in orgs.sentence_orgs.get(k, ()) if mm.subject]
        for t in types:
            bearers = [o for o in in_sentence if o.kind in _BEARS.get(t, ())]
            if t == "supervisory":
                bearers.sort(key=lambda o: o.kind != "dispatched_group")
            if bearers and (t, bearers[0].id) not in resp:
                b = bearers[0]
                rec: dict[str, Any] = {"id": f"{sid}.r{len(resp) + 1}", "type": t, "bearer": b.id}
                over = [u.id for u in b.stationed] if t == "supervisory" else []
                if over:
                    rec["over"] = over
                rec.update(prov(k))
                resp[(t, b.id)] = rec
    for o in orgs.order:  # a dispatched group supervises the unit it is stationed at
        if o.kind == "dispatched_group" and o.stationed and ("supervisory", o.id) not in resp:
            k = o.mentions[0].sentence
            rec = {
                "id": f"{sid}.r{len(resp) + 1}",
                "type": "supervisory",
                "bearer": o.id,
                "over": [u.id for u in o.stationed],
                **prov(k),
            }
            resp[("supervisory", o.id)] = rec

    # People: role placeholders tied to an organization
    people: dict[tuple[str, str], dict[str, Any]] = {}
    for org, piece, k in orgs.roles:
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
        people[key] = {
            "id": f"{sid}.p{len(people) + 1}",
            "name": pname,
            "posts": [{"org": org.id, "title": piece.word, "role": role}],
            **prov(k),
        }

    # Mechanisms
    mech: dict[tuple[str, str | None], dict[str, Any]] = {}
    kinds_of_three = ("传达类谈话", "专题类谈话", "警示类谈话")
    for m in _alternation(lex.mechanisms).finditer(text):
        k = _sentence_at(sentences, starts, m.start())
        if k is None:
            continue
        # The name as written (提醒谈话 stays 提醒谈话); the lexicon's canonical
        # name only groups variants for scoring and counting.
        name = m.group(0)
        adopter = subject.get(k)
        key = (name, adopter.id if adopter else None)
        if key in mech:
            continue
        rec = {"id": f"{sid}.m{len(mech) + 1}", "name": name}
        if adopter is not None:
            rec["adopted_by"] = [adopter.id]
        if lex.mechanisms[name] == "三类谈话":
            para = sentences[k].para
            ptext = "".join(text[s.start : s.end] for s in sentences if s.para == para)
            found = [x for x in kinds_of_three if x in ptext]
            if found:
                rec["description"] = "、".join(found)
        rec.update(prov(k))
        mech[key] = rec

    # Mechanisms named in quotes and called a mechanism (“三书两单”工作机制)
    for m in _QUOTED_MECHANISM.finditer(text):
        name = m["name"]
        if name in lex.mechanisms or any(f in name for f in lex.mechanisms):
            continue
        k = _sentence_at(sentences, starts, m.start())
        if k is None:
            continue
        adopter = subject.get(k)
        key = (name, adopter.id if adopter else None)
        if key not in mech:
            rec = {"id": f"{sid}.m{len(mech) + 1}", "name": name}
            if adopter is not None:
                rec["adopted_by"] = [adopter.id]
            rec.update(prov(k))
            mech[key] = rec

    # Figures
    facts: list[dict[str, Any]] = []
    seen: set[tuple] = set()
    by_sentence: dict[int, list[tuple[_Found, dict[str, Any]]]] = {}
    for f in _figures(text, sentences, starts, lex):
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
                    qual = {
                        "head": "heads",
                        "member": "team_members",
                        "deputy": "deputies",
                        "discipline_secretary": "discipline_secretaries",
                    }[role]
                    break
            metric = f"{parent['metric']}.{qual}"
        subj = subject.get(f.sentence)
        rec = {
            "id": f"{sid}.f{len(facts) + 1}",
            "subject": subj.id if subj else sid,
            "metric": metric,
            "value": f.data["value"],
            "unit": f.data["unit"],
        }
        period = _period(text[sent.start : sent.end], header.get("published"))
        if period:
            rec["period"] = period
        rec.update(prov(f.sentence))
        key = (rec["subject"], metric, rec["value"], rec["unit"])
        by_sentence.setdefault(f.sentence, []).append((f, rec))
        if key in seen:
            continue
        seen.add(key)
        facts.append(rec)

    # Records
    source: dict[str, Any] = {"id": sid, "title": header["title"]}
    if header.get("publisher"):
        source["publisher"] = header["publisher"]
    if header.get("published"):
        source["published"] = header["published"]
    source["url"] = Path(article.path).name
    source["topics"] = topics
    org_recs = []
    for o in orgs.order:
        m0 = next((m for m in o.mentions if m.explicit), o.mentions[0])
        rec = {"id": o.id, "name": o.name, "kind": o.kind}
        if o.level:
            rec["level"] = o.level
        if o.region:
            rec["region"] = "/".join(o.region)
        if o.parent is not None:
            rec["parent"] = o.parent.id
        if o.leads:
            rec["leads"] = [u.id for u in o.leads]
        rec.update(prov(m0.sentence))
        org_recs.append(rec)
    return {
        "sources": [source],
        "organizations": org_recs,
        "people": list(people.values()),
        "responsibilities": list(resp.values()),
        "mechanisms": list(mech.values()),
        "facts": facts,
    }


def draft_from_articles(articles: Sequence[Article]) -> dict[str, Any]:
    """A register draft (plain data in the register format) from several articles.

    Source ids come from the file names; when two files share a stem, a number
    is added. Organizations are not merged across articles: each article's
    records stand on their own for review.
    """
    out: dict[str, Any] = {"respchain": 1}
    sections: dict[str, list] = {
        k: [] for k in ("sources", "organizations", "people", "responsibilities", "mechanisms", "facts")
    }
    used: set[str] = set()
    dates = []
    for a in articles:
        sid = source_id(a.path)
        base, n = sid, 2
        while sid in used:
            sid, n = f"{base}-{n}", n + 1
        used.add(sid)
        part = extract_article(a, sid)
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
