"""Names written in a ledger matched to the ids of a register, with the closest names when none matches."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from respchain.loaders.ledger.text import _NAME_ID_RE, _SPLIT_RE, _key, _nfkc
from respchain.loaders.register import SECTIONS, Register


@dataclass
class _Index:
    """Names, ids and post titles of a register's organizations and people, for matching."""

    names: dict[str, str] = field(default_factory=dict)  # id -> name
    kinds: dict[str, str] = field(default_factory=dict)  # id -> "org" | "person" | other section
    tiers: dict[str, list[dict[str, set[str]]]] = field(default_factory=dict)  # what -> tiers
    pool: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # what -> key -> ids (suggestions)
    display: dict[str, dict[str, str]] = field(default_factory=dict)  # what -> key -> original text
    cache: dict[tuple[str, str], tuple[str | None, str | None]] = field(default_factory=dict)
    chars: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # what -> char -> keys

    @classmethod
    def build(cls, reg: Register) -> _Index:
        ix = cls()
        for section in (s for s in SECTIONS if s not in ("organizations", "people")):
            for rec in getattr(reg, section):
                if isinstance(rec.get("id"), str):
                    ix.kinds[rec["id"]] = section
        for t in reg.tasks():
            ix.kinds[t["id"]] = "tasks"
        for m in reg.measures():
            ix.kinds[m["id"]] = "measures"
        org_tiers: list[dict[str, set[str]]] = [{}, {}, {}]
        for o in reg.organizations:
            oid, name = o["id"], o["name"]
            ix.names[oid], ix.kinds[oid] = name, "org"
            org_tiers[0].setdefault(_key(oid), set()).add(oid)
            org_tiers[1].setdefault(_key(name), set()).add(oid)
            short = re.sub(r"^中共", "", _key(name))
            if short != _key(name):
                org_tiers[2].setdefault(short, set()).add(oid)
        person_tiers: list[dict[str, set[str]]] = [{}, {}, {}, {}]
        for p in reg.people:
            pid, name = p["id"], p["name"]
            ix.names[pid], ix.kinds[pid] = name, "person"
            person_tiers[0].setdefault(_key(pid), set()).add(pid)
            person_tiers[1].setdefault(_key(name), set()).add(pid)
            for post in p.get("posts") or ():
                title = post.get("title")
                if not title:
                    continue
                person_tiers[2].setdefault(_key(title), set()).add(pid)
                for part in _SPLIT_RE.split(_nfkc(title)):
                    if _key(part):
                        person_tiers[3].setdefault(_key(part), set()).add(pid)
        ix.tiers = {"org": org_tiers, "person": person_tiers}
        for what, tiers in ix.tiers.items():
            pool: dict[str, set[str]] = {}
            for tier in tiers:
                for k, ids in tier.items():
                    pool.setdefault(k, set()).update(ids)
            ix.pool[what] = pool
        ix.display = {"org": {}, "person": {}}
        for o in reg.organizations:
            ix.display["org"][_key(o["name"])] = o["name"]
            ix.display["org"][_key(o["id"])] = o["id"]
        for p in reg.people:
            ix.display["person"][_key(p["name"])] = p["name"]
            ix.display["person"][_key(p["id"])] = p["id"]
            for post in p.get("posts") or ():
                if post.get("title"):
                    ix.display["person"].setdefault(_key(post["title"]), post["title"])
                    for part in _SPLIT_RE.split(_nfkc(post["title"])):
                        if _key(part):
                            ix.display["person"].setdefault(_key(part), part.strip())
        return ix

    def resolve(self, text: str, what: str) -> tuple[str | None, str | None]:
        """``(id, None)`` for a name that matches one record of ``what``, else ``(None, message)``."""
        ck = (text, what)
        if ck not in self.cache:
            self.cache[ck] = self._resolve(text, what)
        return self.cache[ck]

    def _find(self, k: str, what: str) -> tuple[set[str], bool]:
        """Ids matching key ``k`` in the first tier that has it; second: whether ambiguous."""
        for tier in self.tiers[what]:
            ids = tier.get(k)
            if ids:
                return ids, len(ids) > 1
        if what == "org" and len(k) >= 3:
            # A unit written without its region prefix: 卫生健康局 for 示例区卫生健康局.
            ids = {i for name_k, s in self.tiers["org"][1].items() if name_k.endswith(k) for i in s}
            if ids:
                return ids, len(ids) > 1
        return set(), False

    def _resolve(self, text: str, what: str) -> tuple[str | None, str | None]:
        k = _key(text)
        m = _NAME_ID_RE.match(_nfkc(text).strip())
        if m and self.kinds.get(m[2].strip()) == what:  # 王某（p-wang）: the id decides
            return m[2].strip(), None
        ids, ambiguous = self._find(k, what)
        label = "人员 / person" if what == "person" else "单位 / unit"
        if ids and not ambiguous:
            return next(iter(ids)), None
        if ambiguous:
            cands = "、".join(f"{self.names[i]}（{i}）" for i in sorted(ids))
            return None, (
                f"{text!r} 对应多个{label.split(' / ')[0]}，请写明 / matches several, write one of: {cands}"
            )
        other = "org" if what == "person" else "person"
        oids, _ = self._find(k, other)
        if oids:
            i = sorted(oids)[0]
            want = "人员 / a person" if what == "person" else "单位 / a unit"
            found = "单位 / a unit" if what == "person" else "人员 / a person"
            return None, (
                f"{text!r} 是{found.split(' / ')[0]}（{i}），此列须为{want.split(' / ')[0]} / "
                f"is {found.split(' / ')[1]} ({i}); this column needs {want.split(' / ')[1]}"
            )
        hint = self.suggest(k, what)
        msg = f"登记册中没有此{label.split(' / ')[0]} / no such {label.split(' / ')[1]} in the register: {text!r}"
        if hint:
            msg += f"；最接近 / closest: {hint}"
        return None, msg

    def suggest(self, k: str, what: str, n: int = 3) -> str:
        """The closest names (difflib), as ``名称（id）``, joined by 、."""
        pool = self.pool[what]
        keys = list(pool)
        if len(keys) > 2000:
            # A large register: compare only with the names sharing most characters.
            chars = self.chars.get(what)
            if chars is None:
                chars = self.chars[what] = {}
                for key in keys:
                    for ch in set(key):
                        chars.setdefault(ch, []).append(key)
            counts: Counter[str] = Counter()
            for ch in set(k):
                counts.update(chars.get(ch, ()))
            keys = [key for key, _ in counts.most_common(300)]
        close = difflib.get_close_matches(k, keys, n=n * 4, cutoff=0.4)
        # Rank the records these keys stand for by how close their *name* is: a
        # title shared by many (副院长) must not push the right name (副院长己) out.
        best: dict[str, tuple[float, float]] = {}
        sm = difflib.SequenceMatcher(b=k)
        for rank, c in enumerate(close):
            for i in pool[c]:
                if i in best:
                    continue
                sm.set_seq1(_key(self.names.get(i, i)))
                best[i] = (sm.ratio(), -rank)
        ranked = sorted(best, key=lambda i: (-best[i][0], -best[i][1], i))
        # Names equally close are all shown (up to 10): 副院长甲 … 副院长己 for 副院长已.
        top = best[ranked[0]][0] if ranked else 0.0
        n = max(n, min(10, sum(1 for i in ranked if best[i][0] == top)))
        out: list[str] = []
        for i in ranked:
            shown = self.names.get(i) or i
            out.append(f"{shown}（{i}）" if shown != i else i)
        return "、".join(out[:n])
