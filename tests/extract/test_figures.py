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
        ("对相关部门5个责任人进行提醒谈话。", 5, "个"),
    ],
)
def test_measure_words_and_percentages(tmp_path, body, value, unit):
    assert any(v == value and u == unit for v, u, _ in _facts(tmp_path, body))


def test_a_percentage_is_a_rate(tmp_path):
    ((_, _, metric),) = [f for f in _facts(tmp_path, "整改率达35%。") if f[1] == "%"]
    assert metric.endswith(".rate") or metric == "rate"


@pytest.mark.parametrize(
    "body",
    [
        "深入落实中央八项规定精神。",
        "加强对四大班子的监督。",
        "严明六大纪律。",
        "构建三位一体的监督格局。",
        "突出抓党建、保稳定、促发展三大核心职能。",
        "聚焦选人用人、工程项目两个重点领域。",
    ],
)
def test_named_terms_are_not_counts(tmp_path, body):
    assert _facts(tmp_path, body) == []


def test_a_figure_without_an_actor_in_its_paragraph_is_about_the_body_the_article_is_about(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(
        "沙县推进派驻机构改革\n\n今年以来，沙县纪委坚持问题导向，推进派驻机构全覆盖。"
        "沙县纪委设立派驻纪检组9个。\n\n改革以来，共受理信访举报88件，立案27件。\n",
        encoding="utf-8",
    )
    draft = extract_articles([p])
    names = {o["id"]: o["name"] for o in draft["organizations"]}
    by_value = {f["value"]: names.get(f["subject"], f["subject"]) for f in draft["facts"]}
    assert by_value[88] == by_value[27] == by_value[9]
    assert "沙县纪委" in by_value[88]


def test_an_organization_asked_to_act_is_the_subject_of_what_it_does(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(
        "厦门市同安区纪委监委工作动态\n\n同安区纪委监委派驻第五纪检监察组发现问题，"
        "商请同安区农业农村局党委对相关部门5个责任人进行提醒谈话。\n",
        encoding="utf-8",
    )
    draft = extract_articles([p])
    names = {o["id"]: o["name"] for o in draft["organizations"]}
    (five,) = [f for f in draft["facts"] if f["value"] == 5]
    assert names[five["subject"]].endswith("农业农村局党委")


def _subjects(tmp_path: Path, text: str) -> dict[float, str | None]:
    """Each figure's value and the name of whom it is about."""
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    draft = extract_articles([p])
    names = {o["id"]: o["name"] for o in draft["organizations"]}
    return {f["value"]: names.get(f["subject"]) for f in draft["facts"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # each numbered case of a notice counts for its own body
            "永胜县纪委监委通报典型问题\n\n近日，永胜县纪委监委通报典型问题。\n\n"
            "1.县民政局党组违规发放津贴补贴12万元。\n\n2．城关镇党委组织公款宴请13桌。\n\n"
            "（3）县住建局违规使用公车6次。\n",
            {12: "永胜县民政局党组", 13: "城关镇党委", 6: "永胜县住建局"},
        ),
        (  # the body whose meeting opens the sentence
            "通渭县压实责任\n\n中共通渭县委召开会议。在3月份召开的十五届县纪委五次全会上，就全年工作提出了18项具体任务。\n",
            {18: "通渭县纪委"},
        ),
        (  # the body acting in the figure's own clause: a reporter's source, the agent after 被, 据
            "永胜县：持续深化作风建设\n\n永胜县委召开常委会会议部署工作。\n\n"
            "记者从县纪委监委获悉，今年以来共处置问题线索56件。\n\n"
            "今年以来，12名干部被县纪委监委问责，县委组织部对8名干部进行了提醒谈话。\n\n"
            "永胜县委召开会议。据县纪委监委统计，全年开展督查21次。\n",
            {56: "永胜县纪委监委", 12: "永胜县纪委监委", 8: "永胜县委组织部", 21: "永胜县纪委监委"},
        ),
        (  # a figure in a quotation: the speaker's body
            "永胜县：压实责任\n\n永胜县委召开会议部署工作。“今年以来，我们共约谈了30名干部。”县纪委监委相关负责人介绍。\n\n"
            "“这个清单很实用！我们已梳理问题15个，”驻县教育局纪检监察组组长表示。\n",
            {30: "永胜县纪委监委", 15: "永胜县纪委监委驻县教育局纪检监察组"},
        ),
    ],
)
def test_a_figure_is_about_the_body_that_acts_where_it_stands(tmp_path, text, expected):
    assert _subjects(tmp_path, text) == expected
