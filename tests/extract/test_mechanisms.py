"""Mechanisms: one record per name as written, with every adopter; a term inside an organization's name is no mechanism."""

from __future__ import annotations

from pathlib import Path

import pytest
from respchain.loaders.text import extract_articles


def _draft(tmp_path: Path, text: str) -> dict:
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    return extract_articles([p])


def _adopters(d: dict, name: str) -> list[str]:
    """The names of the organizations that adopt the one mechanism called ``name``."""
    names = {o["id"]: o["name"] for o in d["organizations"]}
    (mech,) = [m for m in d["mechanisms"] if m["name"] == name]
    return [names[a] for a in mech.get("adopted_by", [])]


def test_one_record_per_name_with_every_adopter_in_order(tmp_path):
    d = _draft(
        tmp_path,
        "福建省三明市纪委监委工作动态\n\n三明市纪委监委建立专题会商机制。"
        "三明市纪委监委驻市教育局纪检监察组与市教育局党组开展专题会商。此后各地推行专题会商。\n",
    )
    names = {o["id"]: o["name"] for o in d["organizations"]}
    (mech,) = [m for m in d["mechanisms"] if m["name"] == "专题会商"]
    assert [names[a] for a in mech["adopted_by"]] == [
        "福建省三明市纪委监委",
        "三明市纪委监委驻市教育局纪检监察组",
    ]
    assert mech["quote"].startswith("三明市纪委监委建立")  # its first mention


def test_a_term_inside_an_organizations_name_is_not_a_mechanism(tmp_path):
    d = _draft(tmp_path, "尤溪县召开会议\n\n尤溪县委巡察办负责同志参加会议。\n")
    assert "尤溪县委巡察办" in [o["name"] for o in d["organizations"]]
    assert not d.get("mechanisms")
    d = _draft(tmp_path, "尤溪县召开会议\n\n尤溪县委开展巡察，发现问题。\n")
    assert [m["name"] for m in d["mechanisms"]] == ["巡察"]


def test_a_coined_name_in_quotes_is_kept_as_written(tmp_path):
    d = _draft(
        tmp_path,
        "通渭县委压实责任\n\n通渭县委构建“3783”主体责任体系，探索建立“双汇报、双通报”工作机制，"
        "各单位制定“十项共性清单”和“两个清单”。\n",
    )
    names = [m["name"] for m in d["mechanisms"]]
    assert "“3783”主体责任体系" in names
    assert "“双汇报、双通报”工作机制" in names
    assert "十项共性清单" in names
    assert "两个清单" not in names  # a count of lists names no practice
    assert _adopters(d, "十项共性清单") == ["通渭县委"]


@pytest.mark.parametrize(
    ("text", "name", "adopters"),
    [
        (  # the body that acts in the clause, not the one acted on
            "维西县纪委监委通报\n\n攀天阁乡党委负有主体责任，经维西县纪委常委会研究，决定对攀天阁乡党委进行通报批评。\n",
            "通报批评",
            ["维西县纪委常委会"],
        ),
        (  # a round-up of cases leaves an unnamed adopter unnamed
            "各地动态\n\n福建省三明市纪委监委开展专题会商。江苏省南京市纪委监委组织述责述廉。\n\n"
            "近年来，约谈已成常态。\n",
            "约谈",
            [],
        ),
        (  # a dispatched group adopts, rather than the commission in its name
            "天津市纪委监委工作动态\n\n天津市纪委监委驻天津音乐学院纪检监察组开展政治生态分析研判。\n",
            "政治生态分析研判",
            ["天津市纪委监委驻天津音乐学院纪检监察组"],
        ),
        (  # nobody said to run it: the body the article is about
            "昆明：深化改革\n\n昆明市纪委推进派驻机构改革。改革后，派驻监督实现全覆盖。\n",
            "派驻监督",
            ["昆明市纪委"],
        ),
        (  # a place acting as a whole is no body
            "昆明：深化改革\n\n昆明市纪委召开会议。对履责不力的，该市坚持严肃问责。\n",
            "问责",
            [],
        ),
        (  # a later mention adds an adopter only where its sentence names one
            "三明：专题会商\n\n三明市纪委监委建立专题会商机制。市纪委监委召开会议，沙县县委书记讲话。"
            "会上强调专题会商要常态化。沙县县委开展专题会商。\n",
            "专题会商",
            ["三明市纪委监委", "沙县县委"],
        ),
        (  # named in a quotation: the speaker's body
            "永胜：深化监督\n\n永胜县委召开会议。“我们推行了‘双签字’机制，效果明显。”县纪委监委相关负责人介绍。\n\n"
            "“我们探索了专题会商，”驻县教育局纪检监察组组长表示。\n",
            "专题会商",
            ["永胜县纪委监委驻县教育局纪检监察组"],
        ),
        (  # done by one body to another: the one that acts
            "滁州：压实责任\n\n凤阳县委书记朱林的感慨源自滁州市委书记许继伟对各县委“一把手”的政治监督谈话。\n",
            "政治监督谈话",
            ["滁州市委"],
        ),
        (
            "永胜：压实责任\n\n永胜县委召开会议。会上，县纪委监委对5名干部进行诫勉谈话。\n",
            "诫勉谈话",
            ["永胜县纪委监委"],
        ),
    ],
)
def test_who_adopts_a_mechanism(tmp_path, text, name, adopters):
    assert _adopters(_draft(tmp_path, text), name) == adopters
