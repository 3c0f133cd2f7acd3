"""佐证材料 cells: the evidence records a ledger names, matched to the register's or recorded anew.

A 佐证材料 cell lists records separated by 、 ; or line breaks (not by commas or
slashes: titles hold commas and file names hold slashes). Each is matched to an
evidence record of the register by id or title (after NFKC, spaces ignored);
``标题（ev-id）`` picks by id. One that matches none becomes a new record: its
title is the text, its ``file`` the text when it looks like a file name
(``会议记录.pdf``), its ``kind`` guessed from its words (会议记录 -> minutes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from respchain.loaders.ledger.text import _NAME_ID_RE, _SPACE_RE, _key, _nfkc
from respchain.loaders.register import Register

__all__ = ["split_evidence", "guess_kind", "EvidencePool"]

_EVIDENCE_SPLIT_RE = re.compile(r"[、;\n\r]+")  # after NFKC: ； is ;
_FILE_RE = re.compile(r"\.(pdf|docx?|xlsx?|wps|ofd|jpe?g|png|gif|tiff?|txt|zip|rar|7z|mp4|mp3)$", re.I)
_KIND_WORDS = (
    ("talk_record", ("谈话记录", "谈心谈话", "谈话")),
    ("minutes", ("会议记录", "会议纪要", "纪要", "记录")),
    ("photo", ("照片", "图片", "截图")),
    ("report", ("报告", "总结", "汇报")),
    ("document", ("文件", "通知", "方案", "制度", "办法", "意见", "函")),
)


def split_evidence(text: str) -> list[str]:
    """The records a 佐证材料 cell names, in order, each once.

    Examples
    --------
    >>> split_evidence("党组会议记录；专题会议照片\\n党组会议记录")
    ['党组会议记录', '专题会议照片']
    """
    out: list[str] = []
    for part in _EVIDENCE_SPLIT_RE.split(_nfkc(text)):
        p = _SPACE_RE.sub(" ", part).strip()
        if p and p not in out:
            out.append(p)
    return out


def guess_kind(title: str) -> str:
    """The kind of evidence a title names (``other`` when none of the known words is in it).

    Examples
    --------
    >>> guess_kind("2025年7月党组会议记录"), guess_kind("整改情况报告.pdf"), guess_kind("台账")
    ('minutes', 'report', 'other')
    """
    for kind, words in _KIND_WORDS:
        if any(w in title for w in words):
            return kind
    return "other"


@dataclass
class EvidencePool:
    """The register's evidence records by key, and the new ones a ledger adds."""

    by_key: dict[str, set[str]] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    taken: set[str] = field(default_factory=set)  # every id of the register and the ledger
    new: list[dict] = field(default_factory=list)
    _new_by_key: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, reg: Register, taken: set[str]) -> EvidencePool:
        pool = cls(taken=set(taken))
        for rec in reg.evidence:
            pool.ids.add(rec["id"])
            pool.taken.add(rec["id"])
            for k in (_key(rec["id"]), _key(rec.get("title") or ""), _key(rec.get("file") or "")):
                if k:
                    pool.by_key.setdefault(k, set()).add(rec["id"])
        return pool

    def resolve(self, name: str) -> tuple[str | None, str | None]:
        """``(id, None)`` for a record of the register, ``(None, None)`` for a new one, or
        ``(None, message)`` when a title is shared by several records."""
        m = _NAME_ID_RE.match(_nfkc(name).strip())
        if m and m[2].strip() in self.ids:
            return m[2].strip(), None
        found = self.by_key.get(_key(name), set())
        if len(found) == 1:
            return next(iter(found)), None
        if found:
            return None, (
                f"佐证材料 {name!r} 对应多份记录，请写明 / matches several evidence records, "
                f"write one of: {'、'.join(f'{name}（{i}）' for i in sorted(found))}"
            )
        return None, None

    def add(self, name: str, base: str) -> str:
        """The id of a new record titled ``name`` (one record per title), first named by ``base``."""
        k = _key(name)
        if k in self._new_by_key:
            return self._new_by_key[k]
        n = 1
        while f"{base}-ev{n}" in self.taken:
            n += 1
        eid = f"{base}-ev{n}"
        self.taken.add(eid)
        rec: dict = {"id": eid, "kind": guess_kind(name), "title": name}
        if _FILE_RE.search(name):
            rec["file"] = name
        self.new.append(rec)
        self._new_by_key[k] = eid
        return eid
