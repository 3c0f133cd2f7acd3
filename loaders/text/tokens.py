"""Words of an article and their classes: regions, levels, organization words, roles.

The normalized text is cut into words by jieba with the lexicon of the field added;
each word becomes one or more pieces (市委 is the bare level 市 and the committee 委),
and region names are then accepted or rejected in the context of the whole article
(:func:`_accept_regions`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from respchain.loaders.text.lexicon import Lexicon, Region, lexicon, tag_table, tokenizer

_LEVEL_CHARS = "省市县区州旗"
_LEVEL_COMMITTEES = ("省委", "市委", "县委", "区委", "州委", "旗委", "盟委")
_REFS = {"该省": "省", "该市": "市", "该县": "县", "该区": "区", "该州": "州", "该旗": "旗"}
_NOUN_TAGS = ("n", "ns", "nt", "nz", "nr", "nrt", "j", "vn", "m", "eng", "l")


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
    named: str = ""  # a DEPT that needs no region: "central" (民政部), "inst" (天津音乐学院)


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
    if word in lex.central_units:
        return [_Piece(word, start, end, "DEPT", named="central")]
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
        and not word.endswith("乡镇")  # 各乡镇, 全县乡镇: townships in general, not one
        and not word.startswith(("各", "全", "本", "该", "每"))
    ):
        cls = "TOWN"  # 锁南镇, 江北街道: a township in the county the article is about
    if cls == "NOUN" and len(word) >= 4 and word.endswith(lex.institutions):
        return [_Piece(word, start, end, "DEPT", tag, named="inst")]  # 天津音乐学院, 人民医院
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
        # 凤阳 + 县委书记 -> 凤阳县 + 委书记 (the committee's secretary)
        if (
            nxt
            and nxt[0] in _LEVEL_CHARS
            and (word + nxt[0]) in lex.by_name
            and nxt in lex.roles
            and _embedded_suffix(nxt, lex) in _LEVEL_COMMITTEES
        ):
            place = word + nxt[0]
            out.extend(_classify(place, pos, lex, tags))
            start = pos + len(place)
            out.append(
                _Piece(
                    nxt[1:],
                    start,
                    start + len(nxt) - 1,
                    "ROLE",
                    role=lex.roles[nxt],
                    embedded="委",
                    kind="party_committee",
                )
            )
            pos += len(word) + len(nxt)
            words[k + 1] = ""
            continue
        # 宜兴 + 市委 -> 宜兴市 + 委; 由市 + 纪委书记 -> 由 + 市 + 纪委书记
        if nxt[:1] in _LEVEL_CHARS and nxt and (word + nxt[0]) in lex.by_name and _org_word(nxt[1:], lex):
            words[k + 1] = nxt[1:]
            word = word + nxt[0]
        elif (
            len(word) > 1
            and word[-1] in _LEVEL_CHARS
            and word not in lex.by_name
            and word not in _REFS
            and word not in _NOT_LEVEL
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
        if word == "委" and prev is not None and prev.cls == "REGION" and prev.word[-1] in _LEVEL_CHARS:
            new = [_Piece(word, pos, pos + 1, "SUFFIX", kind="party_committee")]  # 通渭县 + 委
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
    return _offices(_join_towns(out, lex, tags), lex)


def _offices(pieces: list[_Piece], lex: Lexicon) -> list[_Piece]:
    """纪委监委 + 党风 + 室 -> 纪委监委 + 党风室: an office of a discipline commission
    (党风室, 案管室, 第一监督检查室) is a department of its name."""
    out: list[_Piece] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        out.append(p)
        i += 1
        if p.cls != "SUFFIX" or lex.org_suffixes.get(p.word) != "discipline_commission":
            continue
        for n in (1, 2, 3):
            group = pieces[i : i + n]
            if len(group) < n or any(q.cls not in ("NOUN", "OTHER") for q in group):
                break
            word = "".join(q.word for q in group)
            if word.endswith("室") and len(word) <= 9:
                out.append(_Piece(word, group[0].start, group[-1].end, "DEPT", "nt"))
                i += n
                break
    return out


# Words ending in 区 that are no place and level (社区党委 is not 社 + 区党委).
_NOT_LEVEL = {
    "社区",
    "园区",
    "景区",
    "小区",
    "辖区",
    "片区",
    "林区",
    "牧区",
    "灾区",
    "老区",
    "市区",
    "山区",
    "郊区",
    "矿区",
}

# Below a township: a village or a community (城关村党支部, 城北社区党委) and a
# subdistrict written apart (江北 + 街道).
_BELOW = ("村", "社区", "街道")

# Nouns that come before 乡/镇 without being a township's name (基层乡镇党委).
_NOT_TOWN = {
    "基层",
    "全县",
    "全市",
    "全区",
    "所属",
    "相关",
    "部分",
    "有关",
    "其他",
    "各个",
    "城乡",
    "农村",
    "偏远",
}


# Tags of words that end a township's name when met going left (对, 和, 该, 一个, 都...).
_TOWN_STOP_TAGS = ("p", "c", "u", "r", "m", "q", "d", "x", "f", "t")


def _town_start(out: list[_Piece], end: int) -> int | None:
    """Where a township's name cut by jieba begins among the last pieces of ``out``.

    Going left from the piece before 乡/镇 over adjacent pieces of Chinese
    characters (丁 + 司 + 垱, 攀 + 天阁), stopping at a function word (对, 及, 该),
    a multi-character verb, punctuation or anything already classed; the name has
    two to four characters. Returns the index in ``out`` of its first piece.
    """
    k, length, at = len(out), 0, end
    while k > 0:
        p = out[k - 1]
        if p.end != at or p.cls not in ("NOUN", "OTHER") or not re.fullmatch(r"[\u3400-\u9fff]+", p.word):
            break
        tag = p.tag or ""
        if tag.startswith(_TOWN_STOP_TAGS) or (tag.startswith("v") and len(p.word) > 1):
            break
        if length + len(p.word) > 4:
            break
        length += len(p.word)
        at = p.start
        k -= 1
    while k < len(out) and length >= 2:
        name = "".join(x.word for x in out[k:])
        if name not in _NOT_TOWN:
            return k
        length -= len(out[k].word)
        k += 1
    return None


def _join_towns(pieces: list[_Piece], lex: Lexicon, tags: dict[str, str]) -> list[_Piece]:
    """洗马 + 镇党委 -> 洗马镇 + 党委, 丁 + 司 + 垱 + 镇党委 -> 丁司垱镇 + 党委, 河口 + 乡 +
    党委书记 -> 河口乡 + ...: jieba cuts unknown townships."""
    out: list[_Piece] = []
    for p in pieces:
        prev = out[-1] if out else None
        if (
            prev is not None
            and p.word in _BELOW
            and prev.end == p.start
            and prev.cls in ("NOUN", "OTHER")
            and 2 <= len(prev.word) <= 4
            and re.fullmatch(r"[\u4e00-\u9fff]+", prev.word)
            and prev.word not in _NOT_TOWN
            and not tags.get(prev.word, "n").startswith(_TOWN_STOP_TAGS)
        ):
            out[-1] = _Piece(prev.word + p.word, prev.start, p.end, "TOWN", "ns")
            continue
        if (
            out
            and p.word[:1] in ("乡", "镇")
            and (len(p.word) == 1 or _org_word(p.word[1:], lex))
            and (k := _town_start(out, p.start)) is not None
        ):
            first = out[k]
            name = "".join(x.word for x in out[k:]) + p.word[0]
            del out[k:]
            out.append(_Piece(name, first.start, p.start + 1, "TOWN", "ns"))
            if len(p.word) > 1:
                out.extend(_classify(p.word[1:], p.start + 1, lex, tags))
            continue
        out.append(p)
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

    A county taken without its prefecture (its province named, or nothing) must
    also stand at a word boundary: at the start of a clause, after 中共 or 《, not inside a run of
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
            elif any(a in named for a in r.ancestors[1:]) or (
                r.ancestors
                and r.ancestors[0] in named
                and (r.level != "county" or _at_boundary(text, p.start))
            ):
                # a county of a named province alone must stand at a word boundary too
                choice = choice or r
        if choice is None and len(p.regions) == 1:
            r = p.regions[0]
            if r.level == "prefecture" or (
                not provinces_named
                and r.level == "county"
                and not p.word.endswith("区")
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


# Words after which a name starts (prepositions and verbs that take an organization:
# 经县纪委常委会研究, 向县委反馈, 赴县纪委).
_BOUNDARY_BEFORE = (
    "中共",
    "《",
    "对",
    "在",
    "由",
    "据",
    "是",
    "经",
    "向",
    "从",
    "与",
    "给",
    "为",
    "将",
    "把",
    "被",
    "请",
    "按",
    "至",
    "赴",
    "到",
    "于",
    "及",
)


def _at_boundary(text: str, start: int) -> bool:
    """True when a name at ``start`` does not continue the word before it."""
    if not text or start == 0:
        return True
    ch = text[start - 1]
    if not ("\u4e00" <= ch <= "\u9fff"):
        return True
    return any(text[:start].endswith(w) for w in _BOUNDARY_BEFORE)
