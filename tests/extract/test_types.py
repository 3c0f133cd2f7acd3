"""Responsibility types an article speaks of, as its words name them."""

from __future__ import annotations

from pathlib import Path

import pytest
from respchain.loaders.text import extract_articles


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("县委书记切实履行第一责任，亲自抓、带头做。", "first_responsible"),  # 第一责任 without 人
        ("党组书记履行第一责任人职责。", "first_responsible"),
        ("班子成员落实一岗双责。", "one_post_two_duties"),
    ],
)
def test_topics_of_an_article(tmp_path: Path, sentence: str, expected: str):
    p = tmp_path / "a.txt"
    p.write_text("标题\n" + sentence, encoding="utf-8")
    draft = extract_articles([p])
    assert expected in draft["sources"][0]["topics"]


def test_a_bare_first_is_not_a_first_responsibility(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_text("标题\n把责任放在第一位，压实主体责任。", encoding="utf-8")
    assert "first_responsible" not in extract_articles([p])["sources"][0]["topics"]


def _bearers(tmp_path: Path, text: str) -> list[tuple[str, str, list[str]]]:
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    d = extract_articles([p])
    names = {o["id"]: o["name"] for o in d["organizations"]}
    names.update({q["id"]: q["name"] for q in d.get("people", [])})
    return [
        (r["type"], names[r["bearer"]], [names[u] for u in r.get("over", [])]) for r in d["responsibilities"]
    ]


def test_every_body_of_the_clause_bears_the_type_and_a_post_bears_the_first(tmp_path: Path):
    got = _bearers(
        tmp_path,
        "永胜县委压实责任\n\n县委书记认真履行第一责任。县委组织部、县委宣传部履行职能部门监管责任。"
        "各乡镇党委书记履行第一责任人职责。\n",
    )
    assert ("functional_regulatory", "永胜县委组织部", []) in got
    assert ("functional_regulatory", "永胜县委宣传部", []) in got
    assert ("first_responsible", "永胜县委书记", ["永胜县委"]) in got
    assert not any("各乡镇" in name for _t, name, _o in got)  # townships in general are no bearer
    # the draft is a valid register: the person it names as bearer is among its people
    p = tmp_path / "a.txt"
    from respchain.loaders import load_register

    from respchain.commands.extract import write_draft

    write_draft(extract_articles([p]), tmp_path / "d.yaml")
    assert load_register(tmp_path / "d.yaml").responsibilities
