"""The organizations one article names, merged by (region, kind, body), with the links their names state."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from respchain.loaders.text.lexicon import Lexicon, Region
from respchain.loaders.text.sentences import _Sentence
from respchain.loaders.text.tokens import _LEVEL_COMMITTEES, _REFS, _Piece

# A unit's short name standing for the unit named last (驻局纪检监察组, 局党组).
_SHORT_UNITS = ("局", "院", "厅")
# Pieces that continue an organization's name.
_RUN_CLASSES = ("REGION", "LEVEL", "REF", "DEPT", "SUFFIX", "JOIN", "TOWN", "PREFIX", "CENTRAL")

# The level of an organization named after a bare level whose place the article never names.
_UNPLACED_LEVEL = {
    "省": "provincial",
    "市": "municipal",
    "州": "municipal",
    "县": "county",
    "区": "county",
    "旗": "county",
    "镇": "township",
}

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
    "经",  # 经县纪委常委会研究，决定…: the body that decides
    "据",  # 据县纪委监委统计（介绍）: the body whose account it is
}


# What follows a body named only as the author of policies (党中央重大决策部署, 市委精神).
_POLICY_AFTER = re.compile(r"的?(?:重大|各项|一系列)?(?:决策部署|部署要求|方针政策|精神)")

# A body named in the opening 在…会上 of a sentence: its meeting does what follows.
_AT_MEETING_HEAD = re.compile(r"^在[^，,。；;]*$")
_AT_MEETING_TAIL = re.compile(r"[\u4e00-\u9fff\d]{1,12}?(?:全会|全体会议|会议|常委会)上")

# A body the reporter learnt from (记者从县纪委监委获悉): what follows is its account.
_LEARNT_FROM = re.compile(r"[\u4e00-\u9fff]{2,30}?(?:获悉|了解到|得知|获得消息)")

# The number of an item of a list: 1. 2．(3) （四） 五、 6)
_ITEM_NUMBER = re.compile(r"[(（]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）.．、]?[)）]?\s*")

# A line of a page's byline: when and by whom it was published.
_BYLINE = re.compile(r"^\s*(发布时间|发布日期|时间|作者|编辑|责任编辑)\s*[:：]|(文章|信息)?来源\s*[:：]")


@dataclass
class _Mention:
    start: int
    end: int
    written: str
    sentence: int
    explicit: bool  # names its region itself
    subject: bool  # opens a clause
    nested: bool = False  # named only inside another's name (the 县委 of 县委组织部)
    byline: bool = False  # in a line of the page's byline (发布时间…文章来源：…)


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
        # The longest form written with its region, outside the page's byline (文章来源：
        # 中共沙县纪律检查委员会 names the publisher formally, not as the article does).
        explicit = [m.written for m in self.mentions if m.explicit and not m.byline]
        explicit = explicit or [m.written for m in self.mentions if m.explicit]
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
    word = (last.embedded if last.cls == "ROLE" else last.word) or ""
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
        # How the article writes each region (维西县 for 维西傈僳族自治县, 沙县 for 沙县区): names
        # built for a bare level (县纪委 -> 维西县纪委) spell the region the article's way.
        self._written: dict[str, str] = {}
        self._last_unit: _Org | None = None  # the unit named last (for 局党组, 驻局纪检监察组)

    # -- region context ---------------------------------------------------
    def _resolve_level(self, ch: str, offset: int, para: int) -> Region | None:
        """The region a bare level (市, 县, 该县) at ``offset`` refers to.

        The nearest region of that level before it (in the same paragraph first);
        with none before, the first one after it: an article may name its county
        only later, in a title (《中共通渭县委…》) or at its end.
        """
        best: Region | None = None
        best_same_para: Region | None = None
        later: Region | None = None
        for off, p, r in self._region_mentions:
            if not (r.name.endswith(ch) or self._written.get(r.code, "").endswith(ch)):
                continue  # 沙县 (now 沙县区) is still a 县 where the article says so
            if off >= offset:
                later = later or r
                continue
            best = r
            if p == para:
                best_same_para = r
        found = best_same_para or best or later
        if found is not None:
            return found
        # No region of that level named: the one the named places lie in
        # (省纪委 in an article about 娄底市 is Hunan's).
        for _off, _p, r in self._region_mentions:
            for code in r.ancestors:
                up = self.lex.regions.get(code)
                if up is not None and up.name.endswith(ch):
                    return up
        return None

    def _resolve_county(self, offset: int, para: int) -> Region | None:
        best: Region | None = None
        later: Region | None = None
        for off, p, r in self._region_mentions:
            if r.level != "county":
                continue
            if off >= offset:
                later = later or r
                continue
            best = r if (best is None or p == para) else best
        return best or later

    def run(self) -> None:
        sent_of = self._sentence_index()
        quotes = _book_title_ranges(self.text)
        for p in self.pieces:
            if p.cls == "REGION" and p.region is not None:
                if p.word[-1:] in "省市县区州盟旗" and p.word != p.region.name:
                    self._written.setdefault(p.region.code, p.word)  # not 广元 (of 广元市委)
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
            used = self._short_form(i, sent_of) or self._resident(i, sent_of)
            if used:
                i += used
                continue
            if (p.cls not in ("REGION", "REF", "LEVEL", "CENTRAL", "PREFIX", "TOWN") and not p.named) or (
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
            # Inside 《》 only the issuer that opens a title is a mention
            # (《中共通渭县委党的建设领导小组2015年工作要点》); other names there are
            # part of a document's title.
            inside_title = any(a <= p.start < b for a, b in quotes) and not (
                p.start
                and self.text[p.start - 1] == "《"
                and any(q.cls == "REGION" for q in self.pieces[i : j + 1])
            )
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
                # 沙县 + 县委: a level repeated after a region ending in it
                repeated = c == "LEVEL" and prev_cls == "REGION" and self.pieces[k - 1].word.endswith(p.word)
                if k != i and prev_cls not in ("JOIN", "PREFIX") and not repeated:
                    break
            elif c == "TOWN":
                if prev_cls not in ("", "REGION", "REF", "JOIN"):
                    break
            elif c in ("SUFFIX", "DEPT"):
                last_end = k
                nouns = 0
            elif c == "ROLE":
                # 民政部原党组书记: a former post names the unit, not its party group
                if (
                    p.embedded
                    and prev_cls not in ("", "SUFFIX")
                    and self.pieces[k - 1].word not in ("原", "前")
                ):
                    last_end = k  # 市纪委书记: the role closes the organization
                break
            elif c == "JOIN":
                if last_end is None:
                    break
            elif (
                c == "NOUN"
                or (c == "REGION" and p.region is None)
                or (c == "OTHER" and p.word in self.lex.mechanisms)
            ):
                # 市委巡察工作领导小组: a mechanism's name inside a body's name
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
        self,
        run: list[_Piece],
        i: int,
        sent_of: dict[int, int],
        role_gap: bool = False,
        nested: bool = False,
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
        unplaced: str | None = None  # a bare level (县委) or a township of a place the text never names
        bare: str | None = None  # the bare level the name starts with (县 of 县委组织部)
        if region is None and not central:
            first = run[body_start] if body_start < len(run) else None
            if first is not None and first.cls in ("REF", "LEVEL"):
                ch = _REFS.get(first.word, first.word)
                bare = ch
                region = self._resolve_level(ch, first.start, para)
                body_start += 1
                if region is None and not any(
                    r.name.endswith(ch) or self._written.get(r.code, "").endswith(ch)
                    for _o, _p, r in self._region_mentions
                ):
                    unplaced = ch
            elif first is not None and first.cls == "TOWN":
                # A township named alone belongs to the county the text is about.
                region = self._resolve_county(first.start, para)
                explicit = True
                if region is None:
                    unplaced = "镇"
        own = run[body_start].named if body_start < len(run) else ""
        if region is None and not central and own:
            # 民政部, 天津音乐学院: a name that needs no region
            central, explicit = own == "central", True
        if unplaced is not None:
            return self._add_unplaced(run, body_start, unplaced, s, sent_of)
        if region is None and not central and not own:
            return None
        if (
            explicit
            and region is not None
            and body_start < len(run)
            and run[body_start].cls == "LEVEL"
            and run[body_start - 1].word.endswith(run[body_start].word)
        ):
            body_start += 1  # 沙县县委: the level written again
        body = run[body_start:]
        if not body:
            return None
        kind = _kind_of(body, last, lex)
        if region is not None:
            region_name = self._written.get(region.code, region.name)
        else:
            region_name = "" if own else "中央"
        if bare is not None and len(region_name) == 2 and body[0].word.startswith("委"):
            region_name += bare  # 县委组织部 in 沙县: 沙县县委组织部, as such counties write it
        region_key = region.code if region is not None else ("中央" if central else "机构")
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
        ) and kind in ("unit", "party_committee", "party_branch", "discipline_commission"):
            level = "township"
        if kind == "party_branch" or any(q.cls == "TOWN" and q.word.endswith(("村", "社区")) for q in body):
            level = "grassroots"  # a branch, a village's or a community's body
        path = [] if region is None else lex.path(region.code)
        norm = _norm_body(body, kind, lex, role_piece)
        org = self._get((region_key, kind, norm), kind, level, path, canonical)
        self._mention(
            org, run[0].start, end, written, s, explicit, self._is_subject(run[0].start, s), nested=nested
        )
        if role_piece is not None:
            self.roles.append((org, role_piece, s))
        # Nested organizations and the links the name states.
        join = next((k for k, q in enumerate(body) if q.cls == "JOIN"), None)
        if join is not None and kind == "dispatched_group":
            left = run[: body_start + join]
            right = body[join + 1 :]
            parent = (
                self._add_run(left, i, sent_of, nested=True)
                if left and left[-1].cls in ("SUFFIX", "DEPT")
                else None
            )
            unit_end = next((k for k in range(len(right) - 1, -1, -1) if right[k].cls == "DEPT"), None)
            if unit_end is not None:
                unit_run = right[: unit_end + 1]
                if unit_run[0].cls not in ("REGION", "REF", "LEVEL"):
                    unit = self._nested_unit(unit_run, region, central, s)
                else:
                    unit = self._add_run(unit_run, i, sent_of, nested=True)
                if unit is not None and unit not in org.stationed:
                    org.stationed.append(unit)
            if parent is not None and org.parent is None:
                org.parent = parent
        elif kind in ("party_group", "party_committee", "party_branch") and len(body) > 1:
            unit_end = next((k for k in range(len(body) - 2, -1, -1) if body[k].cls == "DEPT"), None)
            if unit_end is not None:
                unit_run = run[: body_start + unit_end + 1]
                unit = self._add_run(unit_run, i, sent_of, nested=True)
                if (
                    unit is not None
                    and unit.kind in ("unit", "functional_department")
                    and unit not in org.leads
                ):
                    org.leads.append(unit)
        elif kind in ("unit", "functional_department") and len(body) > 1:
            # 县委组织部, 市委巡察办, 县委党的建设领导小组: a body of the committee named
            # before it, which is then named too and is its parent.
            top = next(
                (
                    k
                    for k in range(len(body) - 2, -1, -1)
                    if body[k].cls == "SUFFIX" and body[k].kind == "party_committee"
                ),
                None,
            )
            if top is not None:
                parent = self._add_run(run[: body_start + top + 1], i, sent_of, nested=True)
                if parent is not None and parent is not org and org.parent is None:
                    org.parent = parent
        return org

    def _short_form(self, i: int, sent_of: dict[int, int]) -> int:
        """Pieces used by a short form naming the unit named last (0 if none at ``i``).

        驻局纪检监察组 is the dispatched group stationed at that unit, 局党组 and
        该局党组(书记) its party group: the same organizations as the full names,
        or new ones linked to the unit when the text gives only the short form.
        """
        ps, unit = self.pieces, self._last_unit
        p = ps[i]
        s = sent_of.get(p.start)
        if unit is None or s is None:
            return 0
        subject = self._is_subject(p.start, s)
        if p.cls == "JOIN" and i + 2 < len(ps) and ps[i + 1].word in _SHORT_UNITS:
            q = ps[i + 2]
            suffix = q.word if q.cls == "SUFFIX" else (q.embedded if q.cls == "ROLE" else None)
            if not suffix or self.lex.org_suffixes.get(suffix) != "dispatched_group":
                return 0
            group = next(
                (o for o in self.order if o.kind == "dispatched_group" and unit in o.stationed), None
            )
            if group is None:
                commission, head = self._commission_of(unit.key[0])
                group = self._get(
                    ("驻", unit.key),
                    "dispatched_group",
                    unit.level,
                    unit.region,
                    f"{head}驻{unit.canonical}{suffix}",
                )
                group.stationed.append(unit)
                group.parent = commission
            end = q.start + len(suffix)
            self._mention(group, p.start, end, self.text[p.start : end], s, False, subject)
            return 3
        prev = ps[i - 1].cls if i else ""
        if p.word in _SHORT_UNITS or p.word in ("该局", "该院", "该厅"):
            if prev in _RUN_CLASSES or i + 1 >= len(ps):
                return 0  # part of a longer name
            q = ps[i + 1]
            suffix = q.word if q.cls == "SUFFIX" else (q.embedded if q.cls == "ROLE" else None)
            if suffix not in ("党组", "党委"):
                return 0
            kind = "party_group" if suffix == "党组" else "party_committee"
            leader = next((o for o in self.order if o.kind == kind and unit in o.leads), None)
            if leader is None:
                leader = self._get(
                    ("领导", unit.key, kind), kind, unit.level, unit.region, unit.canonical + suffix
                )
                leader.leads.append(unit)
            end = q.start + len(suffix)
            self._mention(leader, p.start, end, self.text[p.start : end], s, False, subject)
            if q.cls == "ROLE":
                self.roles.append((leader, q, s))
            return 2
        return 0

    def _commission_of(self, code: str) -> tuple[_Org | None, str]:
        """The discipline commission of region ``code`` if named, and the name a group it
        stations starts with (its name, else the region's 纪委监委)."""
        commission = self.by_key.get((code, "discipline_commission", ""))
        if commission is not None:
            return commission, commission.name
        region = self.lex.regions.get(code)
        return None, (self._written.get(code, region.name) + "纪委监委" if region is not None else "")

    def _resident(self, i: int, sent_of: dict[int, int]) -> int:
        """Pieces used by a dispatched group named from its unit (0 if none at ``i``).

        驻县教育局纪检监察组, 驻教育体育局纪检监察组(组长): the group the commission
        of the unit's region stations there; its name is the commission's, then 驻
        and the unit as written (凤庆县纪委监委驻县教育局纪检监察组), its parent that
        commission when the article names it, and the unit is named too.
        """
        ps = self.pieces
        join = ps[i]
        if join.cls != "JOIN" or (i and ps[i - 1].cls in _RUN_CLASSES) or i + 1 >= len(ps):
            return 0
        s = sent_of.get(join.start)
        j = self._scan_run(i + 1)
        if s is None or j is None:
            return 0
        run = ps[i + 1 : j + 1]
        last = run[-1]
        suffix = last.word if last.cls == "SUFFIX" else (last.embedded if last.cls == "ROLE" else None)
        if not suffix or self.lex.org_suffixes.get(suffix) != "dispatched_group":
            return 0
        unit_end = next((k for k in range(len(run) - 2, -1, -1) if run[k].cls == "DEPT"), None)
        if unit_end is None:
            return 0
        unit_run = run[: unit_end + 1]
        para = self.sentences[s].para
        if unit_run[0].cls in ("REGION", "REF", "LEVEL") or unit_run[0].named:
            unit = self._add_run(unit_run, i + 1, sent_of, nested=True)
        else:  # the unit without its region: the one of the commission named last
            commissions = [
                o
                for k in sorted(self.sentence_orgs)
                if k <= s
                for _m, o in self.sentence_orgs[k]
                if o.kind == "discipline_commission" and o.key[0] in self.lex.regions
            ]
            region = (
                self.lex.regions[commissions[-1].key[0]]
                if commissions
                else self._resolve_county(join.start, para)
            )
            unit = self._nested_unit(unit_run, region, False, s) if region is not None else None
        if unit is None:
            return 0
        code = unit.key[0]
        commission, head = self._commission_of(code)
        unit_words = "".join(
            _full_word(q, self.lex) for q in unit_run if q.cls not in ("LEVEL", "REF", "REGION")
        )
        written_unit = self.text[unit_run[0].start : unit_run[-1].end]
        group = self._get(
            (code, "dispatched_group", f"驻{unit_words}{suffix}"),
            "dispatched_group",
            unit.level,
            unit.region,
            f"{head}驻{written_unit}{suffix}",
        )
        end = last.end if last.cls == "SUFFIX" else last.start + len(suffix)
        self._mention(
            group, join.start, end, self.text[join.start : end], s, False, self._is_subject(join.start, s)
        )
        if last.cls == "ROLE":
            self.roles.append((group, last, s))
        if unit not in group.stationed:
            group.stationed.append(unit)
        if commission is not None and group.parent is None:
            group.parent = commission
        return 1 + len(run)

    def _add_unplaced(
        self,
        run: list[_Piece],
        body_start: int,
        ch: str,
        s: int,
        sent_of: dict[int, int],
        nested: bool = False,
    ) -> _Org | None:
        """An organization of a place the article never names (县委, 县信访局 in a county's own news).

        It is kept under the name as written, without a region, so that a
        reviewer can place it; the article's warning says no region was found.
        """
        body = run[body_start:]
        if not body or run[-1].cls == "ROLE":
            return None
        kind = _kind_of(body, run[-1], self.lex)
        written = self.text[run[0].start : run[-1].end]
        level = _UNPLACED_LEVEL.get(ch, "county")
        if kind == "party_branch":
            level = "grassroots"
        org = self._get(("?" + ch, kind, written), kind, level, [], written)
        self._mention(
            org,
            run[0].start,
            run[-1].end,
            written,
            s,
            False,
            self._is_subject(run[0].start, s),
            nested=nested,
        )
        if kind in ("party_group", "party_committee", "party_branch") and len(body) > 1:
            # 县统计局党委: the unit it leads is named too
            unit_end = next((k for k in range(len(body) - 2, -1, -1) if body[k].cls == "DEPT"), None)
            if unit_end is not None:
                unit = self._add_unplaced(run[: body_start + unit_end + 1], body_start, ch, s, sent_of, True)
                if (
                    unit is not None
                    and unit.kind in ("unit", "functional_department")
                    and unit not in org.leads
                ):
                    org.leads.append(unit)
        return org

    def _nested_unit(self, run: list[_Piece], region: Region | None, central: bool, s: int) -> _Org | None:
        own = run[0].named
        if region is None and not central and not own:
            return None
        kind = _kind_of(run, run[-1], self.lex)
        body = "".join(q.word for q in run)
        if own:  # 驻天津音乐学院纪检监察组: the unit's own name
            region, central = None, own == "central"
        name = ("" if own else "中央" if region is None else region.name) + body
        path = [] if region is None else self.lex.path(region.code)
        key = (region.code if region is not None else "中央" if central else "机构", kind, body)
        org = self._get(key, kind, _level_of(region, central), path, name)
        self._mention(
            org,
            run[0].start,
            run[-1].end,
            self.text[run[0].start : run[-1].end],
            s,
            False,
            False,
            nested=True,
        )
        return org

    def _get(self, key: tuple, kind: str, level: str | None, path: list[str], canonical: str) -> _Org:
        org = self.by_key.get(key)
        if org is None:
            org = _Org(key, kind, level, path, canonical)
            self.by_key[key] = org
            self.order.append(org)
        elif kind in ("unit", "functional_department") and len(canonical) > len(org.canonical):
            org.canonical = canonical  # 县委办 named 县委办公室 later: the full name
        return org

    def _mention(
        self,
        org: _Org,
        start: int,
        end: int,
        written: str,
        s: int,
        explicit: bool,
        subject: bool,
        nested: bool = False,
    ) -> None:
        sent = self.sentences[s]
        byline = bool(_BYLINE.search(self.text[sent.start : sent.end]))
        m = _Mention(start, end, written, s, explicit, subject, nested, byline)
        org.mentions.append(m)
        if org.kind in ("unit", "functional_department"):
            self._last_unit = org
        self.sentence_orgs.setdefault(s, []).append((m, org))

    def _is_subject(self, start: int, s: int) -> bool:
        """Whether an organization at ``start`` opens a clause of sentence ``s``."""
        sent = self.sentences[s]
        head = self.text[sent.start : start].rstrip()
        if not head or _ITEM_NUMBER.fullmatch(head):
            return True  # 1.XX县民政局党组…: the first words of a numbered case
        if head[-1] in _SUBJECT_BEFORE:
            return True
        if _AT_MEETING_HEAD.search(head) and _AT_MEETING_TAIL.match(self.text, start):
            return True  # 在…召开的县纪委五次全会上，就…提出: the body whose meeting it is
        if head.endswith("被"):
            return True  # 12名干部被县纪委监委问责: the body that acts
        if head.endswith(("从", "自")) and _LEARNT_FROM.match(self.text, start):
            return True  # 记者从县纪委监委获悉: the body whose figures they are
        return any(head.endswith(w) for w in _SUBJECT_BEFORE if len(w) > 1)

    def prune(self) -> None:
        """Drop the organizations named only as the author of policies (落实党中央决策部署,
        贯彻市委精神): boilerplate, not a body the article reports on."""
        keep: list[_Org] = []
        for o in self.order:
            if o.mentions and all(_POLICY_AFTER.match(self.text, m.end) for m in o.mentions):
                del self.by_key[o.key]
                continue
            keep.append(o)
        if len(keep) == len(self.order):
            return
        gone = {id(o) for o in self.order} - {id(o) for o in keep}
        self.order = keep
        for k, pairs in self.sentence_orgs.items():
            self.sentence_orgs[k] = [(m, o) for m, o in pairs if id(o) not in gone]
        self.roles = [r for r in self.roles if id(r[0]) not in gone]
        for o in keep:
            if o.parent is not None and id(o.parent) in gone:
                o.parent = None
            o.leads = [u for u in o.leads if id(u) not in gone]
            o.stationed = [u for u in o.stationed if id(u) not in gone]

    def link(self) -> None:
        """Parents: the party committee of the same region, when it is named."""
        committees = {o.key[0]: o for o in self.order if o.kind == "party_committee" and o.key[2] == ""}
        for o in self.order:
            if o.parent is not None or (o.kind == "party_committee" and o.key[2] == ""):
                continue
            if o.level in ("township", "grassroots"):
                continue  # 城关镇纪委 answers to its township's committee, not to the county's
            if o.kind in ("discipline_commission", "party_group", "functional_department"):
                c = committees.get(o.key[0])
                if c is not None and c is not o:
                    o.parent = c


def _full_word(q: _Piece, lex: Lexicon) -> str:
    """A piece's word, a department by its full name (县委办 and 县委办公室 are one office)."""
    return lex.short_names.get(q.word, q.word) if q.cls == "DEPT" else q.word


def _norm_body(body: Sequence[_Piece], kind: str, lex: Lexicon, role: _Piece | None) -> str:
    join = next((k for k, q in enumerate(body) if q.cls == "JOIN"), None)
    if kind == "dispatched_group" and join is not None:
        # 县纪委驻县卫健局纪检监察组 and 驻县卫健局纪检监察组: one group, keyed by its unit
        rest = [
            _full_word(q, lex) for q in body[join + 1 :] if q.cls not in ("ROLE", "LEVEL", "REF", "REGION")
        ]
        return "驻" + "".join(rest) + (role.embedded or "" if role is not None else "")
    words = [_full_word(q, lex) for q in body if q.cls != "ROLE"]
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
