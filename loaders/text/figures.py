"""Figures: numbers with a measure word, their metric and their period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from respchain.loaders.text.lexicon import Lexicon
from respchain.loaders.text.numbers import _CN_NUM, parse_chinese_number
from respchain.loaders.text.sentences import _Sentence, _sentence_at


@dataclass
class _Found:
    kind: str  # type | mechanism | figure
    start: int
    end: int
    sentence: int
    data: dict[str, Any]


# What follows a Chinese numeral and its measure word when together they name a term
# of the field rather than count something (八项规定, 四大班子, 三位一体).
_NAMED_TERM_TAILS = ("规定", "纪律", "禁令", "原则", "班子", "意识", "自信", "维护", "一体", "从严", "自我")


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
            if after.startswith(_NAMED_TERM_TAILS):
                continue  # 中央八项规定, 四大班子, 六大纪律, 三位一体: a name, not a count
            clause = re.split(r"[，,。；;：:！？!?\n]", text[max(0, start - 60) : start])[-1]
            if 2 <= value <= 10 and clause.count("、") == value - 1:
                continue  # 抓党建、保稳定、促发展三大职能: the items just listed, named together
        else:
            digits = num.translate(str.maketrans("０１２３４５６７８９，．", "0123456789,.")).replace(",", "")
            value = float(digits) if "." in digits else int(digits)
        if unit == "次" and after.startswith(("全会", "会议", "全体会议", "代表大会")):
            continue
        if unit == "大" and not re.match(r"[\u3400-\u9fff]", after):
            continue
        if (
            unit == "个"
            and after.startswith(("确立", "维护", "责任", "务必", "凡是"))
            and not after.startswith(("责任人", "责任单位", "责任部门", "责任领导"))
        ):
            continue  # 两个责任, 四个意识: a name; but 5个责任人 are people counted
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
    tail = {
        "人": "persons",
        "人次": "person_times",
        "名": "persons",
        "位": "persons",
        "%": "rate",
        "％": "rate",
    }.get(unit, "count")
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
