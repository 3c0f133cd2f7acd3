"""Places an article names only in its title, places the region table lacks, and the warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from respchain.loaders.text import draft_from_articles, read_article

from respchain.cli import main


def _orgs(tmp_path: Path, text: str) -> tuple[list[tuple[str, str, str | None]], list[str]]:
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    warnings: list[str] = []
    draft = draft_from_articles([read_article(p)], warnings)
    names = {o["id"]: o["name"] for o in draft.get("organizations", [])}
    return [
        (o["name"], o["kind"], names.get(o.get("parent"))) for o in draft.get("organizations", [])
    ], warnings


def test_a_short_place_in_the_title_is_the_region_of_bare_committees(tmp_path: Path):
    orgs, warnings = _orgs(
        tmp_path,
        "尤溪：压紧压实管党治党责任\n\n近日，县委召开常委会会议，研究部署全面从严治党工作。县纪委监委派出督查组。\n",
    )
    assert ("尤溪县委", "party_committee", None) in orgs
    assert ("尤溪县纪委监委", "discipline_commission", "尤溪县委") in orgs
    assert warnings == []


def test_a_place_missing_from_the_table_still_yields_its_organizations_with_a_warning(tmp_path: Path):
    orgs, warnings = _orgs(
        tmp_path,
        "云雾县：以清单明责任\n\n今年以来，云雾县委制定主体责任清单，县委组织部、县纪委监委分别牵头落实。\n",
    )
    assert ("云雾县委", "party_committee", None) in orgs
    assert ("云雾县委组织部", "functional_department", "云雾县委") in orgs
    assert len(warnings) == 1 and "云雾县" in warnings[0] and "a.txt" in warnings[0]


def test_a_county_name_inside_other_words_is_not_a_place(tmp_path: Path):
    # 乡镇和县直单位 holds the characters of the county 和县 across two words.
    orgs, warnings = _orgs(tmp_path, "全县乡镇和县直单位党组织书记参加述责述廉。\n")
    assert not any("和县" in name for name, _k, _p in orgs)
    assert any("没有识别出组织" in w for w in warnings)


def test_extract_prints_the_warnings_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    art = tmp_path / "云雾.txt"
    art.write_text("云雾县：以清单明责任\n\n云雾县委制定主体责任清单。\n", encoding="utf-8")
    rc = main(["extract", str(art), "-o", str(tmp_path / "draft.yaml")])
    captured = capsys.readouterr()
    assert rc == 0 and (tmp_path / "draft.yaml").exists()
    assert "云雾县" in captured.err and "区划表" in captured.err


@pytest.mark.parametrize(
    "text,present,absent",
    [
        # 乡镇和县直单位 is 乡镇 / 和 / 县直单位, even when the county 和县's province is named
        (
            "安徽省滁州市纪委监委通报\n滁州市纪委监委督促乡镇和县直单位落实主体责任。",
            "安徽省滁州市纪委监委",
            "和县",
        ),
        # the county itself, after its province or at the start of a clause
        ("安徽省纪委监委通报\n安徽省和县纪委监委开展监督检查。", "和县纪委监委", None),
        ("安徽省纪委监委通报\n近日，和县纪委监委开展监督检查。", "和县纪委监委", None),
    ],
)
def test_a_county_inside_a_run_of_words_is_not_a_place(
    tmp_path: Path, text: str, present: str, absent: str | None
):
    orgs, _ = _orgs(tmp_path, text)
    names = [n for n, _, _ in orgs]
    assert any(present in n for n in names), names
    if absent:
        assert not any(absent in n for n in names), names


def test_a_committee_secretary_after_the_place_names_the_places_committee(tmp_path: Path):
    orgs, _ = _orgs(tmp_path, "安徽省滁州市召开会议\n\n凤阳县委书记朱林表示，要抓好整改。\n")
    assert ("凤阳县委", "party_committee", None) in [(n, k, None) for n, k, _p in orgs]


def test_a_bare_province_body_is_the_province_of_the_places_named(tmp_path: Path):
    orgs, _ = _orgs(tmp_path, "娄底市党风廉政建设调研报告\n\n按照省纪委安排部署，娄底市纪委成立调研组。\n")
    assert "湖南省纪委" in [n for n, _k, _p in orgs]


def test_an_organization_is_sourced_where_it_is_named_itself(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_text(
        "冷水江市通报\n\n冷水江市委组织部、市委政法委主要领导被查处。\n\n此后，市委召开常委会专题研究整改。\n",
        encoding="utf-8",
    )
    draft = draft_from_articles([read_article(p)])
    committee = next(o for o in draft["organizations"] if o["name"].endswith("冷水江市委"))
    assert committee["quote"].startswith("此后，市委召开")


def test_bare_committees_of_a_place_the_article_never_names_are_kept_as_written(tmp_path: Path):
    orgs, warnings = _orgs(tmp_path, "5月29日，县委巡察组向县信访局党组反馈巡察情况。县纪委监委派员参加。\n")
    got = {(n, k) for n, k, _p in orgs}
    assert {
        ("县委", "party_committee"),
        ("县信访局党组", "party_group"),
        ("县纪委监委", "discipline_commission"),
    } <= got
    assert any("no region found" in w for w in warnings)
    # Where the county is named, the same words take its name.
    orgs, _ = _orgs(tmp_path, "尤溪县召开会议\n\n5月29日，县委巡察组向县信访局党组反馈巡察情况。\n")
    names = {n for n, _k, _p in orgs}
    assert "尤溪县委" in names and "县委" not in names


def test_short_forms_name_the_unit_just_named(tmp_path: Path):
    orgs, _ = _orgs(
        tmp_path,
        "福建省三明市纪委监委工作动态\n\n三明市纪委监委驻市教育局纪检监察组督促市教育局落实整改。"
        "驻局纪检监察组组长列席局党组会议。\n",
    )
    names = [n for n, _k, _p in orgs]
    # 驻局纪检监察组 is the group already named, 局党组 the bureau's party group (named only so).
    assert names.count("三明市纪委监委驻市教育局纪检监察组") == 1
    assert not any(n.startswith("驻") for n in names)
    assert ("三明市教育局党组", "party_group") in [(n, k) for n, k, _p in orgs]


@pytest.mark.parametrize(
    "sentence,town",
    [
        ("维西县通报：攀天阁乡党委、政府负有主体责任。", "攀天阁乡党委"),
        ("浠水县委巡察组向洗马镇党委反馈巡察情况。", "洗马镇党委"),
        # cut into three pieces, after a list separator
        ("浠水县委巡察组向竹瓦镇、丁司垱镇党委反馈巡察情况。", "丁司垱镇党委"),
        # cut after a preposition, which is not part of the name
        ("维西县纪委决定对攀天阁乡党委进行通报批评。", "攀天阁乡党委"),
    ],
)
def test_a_township_jieba_cuts_apart_is_joined_again(tmp_path: Path, sentence: str, town: str):
    orgs, _ = _orgs(tmp_path, sentence + "\n")
    assert any(n.endswith(town) and k == "party_committee" for n, k, _p in orgs), orgs


def test_words_before_a_bare_township_word_are_not_its_name(tmp_path: Path):
    orgs, _ = _orgs(tmp_path, "尤溪县召开会议\n\n督促基层乡党委落实责任。对该镇党委、在镇党委提出要求。\n")
    assert not any("基层" in n or "对" in n or "该" in n or "在" in n for n, _k, _p in orgs), orgs


def test_a_bare_level_takes_the_region_as_the_article_writes_it(tmp_path: Path):
    orgs, _ = _orgs(tmp_path, "维西县纪委监委通报一起问题。\n\n经县纪委常委会研究，决定给予通报。\n")
    names = [n for n, _k, _p in orgs]
    # 维西县 is the article's form of 维西傈僳族自治县
    assert "维西县纪委常委会" in names and not any("傈僳族" in n for n in names), names


@pytest.mark.parametrize("before", ["经", "向", "赴"])
def test_a_county_after_a_preposition_is_a_county(tmp_path: Path, before: str):
    orgs, _ = _orgs(tmp_path, f"通报\n\n{before}维西县纪委常委会研究。\n")
    assert ("维西县纪委常委会", "unit") in [(n, k) for n, k, _p in orgs], orgs


def test_government_departments_by_their_full_names(tmp_path: Path):
    orgs, _ = _orgs(tmp_path, "浠水县委巡察组向县卫生健康局、县人力资源和社会保障局党组反馈巡察情况。\n")
    got = {(n, k) for n, k, _p in orgs}
    assert ("浠水县卫生健康局", "unit") in got
    assert ("浠水县人力资源和社会保障局党组", "party_group") in got, got


def test_a_renamed_county_keeps_its_name_for_the_bare_level(tmp_path: Path):
    # 沙县 is 沙县区 since 2021: an article of 2017 writes 沙县, and its 县纪委 is 沙县纪委
    text = (
        "沙县:实现县纪委派驻机构监督全覆盖\n\n发布时间:2017-09-30 文章来源:中共沙县纪律检查委员会\n\n"
        "9月30日,沙县纪委9个派驻纪检组正式揭牌。县纪委会同县委组织部研究。\n"
    )
    orgs, _ = _orgs(tmp_path, text)
    got = {(n, k) for n, k, _p in orgs}
    # one commission, named as the article names it (not as its byline does)
    assert ("沙县纪委", "discipline_commission") in got, got
    assert not any(n.startswith("县") for n, _k in got), got
    assert ("沙县县委组织部", "functional_department") in got, got
