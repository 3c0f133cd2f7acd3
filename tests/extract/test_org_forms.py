"""Forms of organization names: dispatched groups named from their unit, central bodies,
institutions, offices of a commission, bodies named with a mechanism, policy boilerplate."""

from __future__ import annotations

from pathlib import Path

import pytest
from respchain.loaders.text import draft_from_articles, read_article


def _draft(tmp_path: Path, text: str) -> dict:
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    return draft_from_articles([read_article(p)])


def _by_name(d: dict) -> dict[str, dict]:
    return {o["name"]: o for o in d.get("organizations", [])}


def _supervised(d: dict, group: dict) -> list[str]:
    """The units a group supervises: where it is stationed."""
    ids = {o["id"]: o["name"] for o in d["organizations"]}
    return [
        ids[u]
        for r in d.get("responsibilities", [])
        if r["type"] == "supervisory" and r.get("bearer") == group["id"]
        for u in r.get("over", [])
    ]


def test_a_group_named_from_its_unit_is_the_commissions_group_stationed_there(tmp_path: Path):
    d = _draft(
        tmp_path,
        "永胜县纪委监委深化派驻监督。驻县教育局纪检监察组参加驻在部门党组会议3次。"
        "驻财政局纪检监察组开展专项监督5次。\n",
    )
    orgs = _by_name(d)
    ids = {o["id"]: o["name"] for o in d["organizations"]}
    group = orgs["永胜县纪委监委驻县教育局纪检监察组"]
    assert group["kind"] == "dispatched_group"
    assert ids[group["parent"]] == "永胜县纪委监委"
    assert _supervised(d, group) == ["永胜县教育局"]
    # a unit written without its region is the commission's region's
    other = orgs["永胜县纪委监委驻财政局纪检监察组"]
    assert _supervised(d, other) == ["永胜县财政局"]
    # what each group does is counted for the group, not for the commission
    subjects = {f["value"]: ids.get(f["subject"]) for f in d["facts"]}
    assert subjects == {3: group["name"], 5: other["name"]}


def test_the_full_and_the_short_form_of_a_group_are_one_organization(tmp_path: Path):
    d = _draft(
        tmp_path,
        "永胜县纪委监委驻县卫健局纪检监察组督促整改。驻县卫健局纪检监察组组长表示将压实责任。\n",
    )
    groups = [o for o in d["organizations"] if o["kind"] == "dispatched_group"]
    assert [g["name"] for g in groups] == ["永胜县纪委监委驻县卫健局纪检监察组"]


def test_central_bodies_and_institutions_need_no_region(tmp_path: Path):
    d = _draft(
        tmp_path,
        "中央纪委通报了民政部原党组书记问题。天津市纪委监委驻天津音乐学院纪检监察组开展监督。\n",
    )
    orgs = _by_name(d)
    assert orgs["民政部"]["kind"] == "unit" and orgs["民政部"].get("level") == "central"
    assert "民政部原党组" not in orgs  # a former post names the ministry, not a body
    assert orgs["天津音乐学院"]["kind"] == "unit"
    group = orgs["天津市纪委监委驻天津音乐学院纪检监察组"]
    assert _supervised(d, group) == ["天津音乐学院"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a commission's office; a body named with a mechanism
            "广元市纪委监委党风室牵头督查。按市委巡察工作领导小组安排，开展巡察“回头看”。\n",
            [
                ("广元市纪委监委党风室", "unit", "municipal"),
                ("广元市委巡察工作领导小组", "unit", "municipal"),
            ],
        ),
        (  # below the county: townships, subdistricts written apart, villages, communities
            "永胜县委部署整改。城关镇纪委、江北街道纪工委开展自查。城关村党支部、城北社区党委落实整改。\n",
            [
                ("城关镇纪委", "discipline_commission", "township"),
                ("江北街道纪工委", "discipline_commission", "township"),
                ("城关村党支部", "party_branch", "grassroots"),
                ("城北社区党委", "party_committee", "grassroots"),
            ],
        ),
    ],
)
def test_name_forms_give_the_organization_its_kind_and_level(tmp_path: Path, text: str, expected: list):
    d = _draft(tmp_path, text)
    orgs = _by_name(d)
    assert [(n, orgs[n]["kind"], orgs[n].get("level")) for n, _k, _l in expected if n in orgs] == expected


def test_a_mechanism_inside_a_bodys_name_is_still_found_after_it(tmp_path: Path):
    d = _draft(tmp_path, "按市委巡察工作领导小组安排，广元市委开展巡察“回头看”。\n")
    assert "巡察“回头看”" in {m["name"] for m in d.get("mechanisms", [])}


def test_a_party_committee_of_an_unplaced_unit_names_the_unit_too(tmp_path: Path):
    d = _draft(tmp_path, "县委巡察组向县统计局党委反馈巡察情况。\n")
    orgs = _by_name(d)
    assert orgs["县统计局党委"]["kind"] == "party_committee"
    assert orgs["县统计局"]["kind"] == "functional_department"
    ids = {o["id"]: o["name"] for o in d["organizations"]}
    assert [ids[u] for u in orgs["县统计局党委"].get("leads", [])] == ["县统计局"]


def test_a_body_named_only_as_the_author_of_policies_is_not_an_organization(tmp_path: Path):
    d = _draft(
        tmp_path,
        "滁州市纪委监委聚焦落实党中央重大决策部署开展监督，贯彻省委精神。滁州市委召开会议。\n",
    )
    names = set(_by_name(d))
    assert {"滁州市纪委监委", "滁州市委"} <= names
    assert not names & {"党中央", "安徽省委"}


def test_a_township_body_answers_to_its_township_not_to_the_county(tmp_path: Path):
    d = _draft(tmp_path, "永胜县委部署整改。城关镇纪委开展自查。城北社区党委落实整改。\n")
    orgs = _by_name(d)
    assert "parent" not in orgs["城关镇纪委"]  # its township's committee, which the text does not name
    assert not any(name.endswith("区党委") and "社区" not in name for name in orgs)  # not 社 + 区党委


def test_a_department_by_its_short_and_its_full_name_is_one_organization(tmp_path: Path):
    d = _draft(
        tmp_path,
        "永胜县委部署工作。县委办、县医保局牵头。县委办公室、县医疗保障局、县教体局党组、县教育体育局党组分别落实。\n",
    )
    names = [o["name"] for o in d["organizations"]]
    assert names.count("永胜县委办公室") == 1 and "永胜县委办" not in names
    assert "永胜县医疗保障局" in names and "永胜县医保局" not in names
    assert len([n for n in names if n.endswith("局党组")]) == 1
