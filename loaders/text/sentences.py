"""Sentences (ended by 。！？；!?; or a line end) and paragraphs (lines) of a text."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

_SENT_END = "。！？；!?;"
_CLOSERS = "”’」』）)\"'"


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


def _sentence_at(sentences: list[_Sentence], starts: list[int], offset: int) -> int | None:
    k = bisect.bisect_right(starts, offset) - 1
    if k >= 0 and sentences[k].start <= offset < sentences[k].end:
        return k
    return None
