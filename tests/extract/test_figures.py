"""Figures: measure words and percentages read as counts and rates; named terms never read as counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from respchain.loaders.text import extract_articles

HEAD = "四川省绵阳市纪委监委工作通报\n2025年，四川省绵阳市纪委监委"


def _facts(tmp_path: Path, body: str) -> list[tuple[float, str, str]]:
    p = tmp_path / "a.txt"
    p.write_text(HEAD + body, encoding="utf-8")
    draft = extract_articles([p])
    return [(f["value"], f.get("unit"), f["metric"]) for f in draft.get("facts") or []]


@pytest.mark.parametrize(
    "body,value,unit",
    [
        ("约谈12位党组书记。", 12, "位"),
        ("整改率达51.04%。", 51.04, "%"),
        ("清退违规宴席13桌。", 13, "桌"),
        ("收回土地329亩。", 329, "亩"),
        ("梳理廉政风险22种。", 22, "种"),
        ("举办培训班3期。", 3, "期"),
    ],
)
def test_measure_words_and_percentages(tmp_path, body, value, unit):
    assert any(v == value and u == unit for v, u, _ in _facts(tmp_path, body))


def test_a_percentage_is_a_rate(tmp_path):
    ((_, _, metric),) = [f for f in _facts(tmp_path, "整改率达35%。") if f[1] == "%"]
    assert metric.endswith(".rate") or metric == "rate"


@pytest.mark.parametrize(
    "body",
    ["深入落实中央八项规定精神。", "加强对四大班子的监督。", "严明六大纪律。", "构建三位一体的监督格局。"],
)
def test_named_terms_are_not_counts(tmp_path, body):
    assert _facts(tmp_path, body) == []
