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
