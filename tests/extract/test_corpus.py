"""Many articles into one draft: the same organization and mechanism merged, and the corpus report."""

from __future__ import annotations

from pathlib import Path

import yaml

from respchain.cli import main

A = """四川省绵阳市纪委监委建立专题会商机制，与驻在单位党组开展专题会商。
今年以来，四川省绵阳市纪委监委开展专题会商120次。"""
B = """<script>alert(1)</script>四川省绵阳市纪委监委推行专题会商制度，2025年，四川省绵阳市纪委监委开展谈心谈话300人次。"""


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "文章"
    folder.mkdir()
    (folder / "a.txt").write_text("绵阳市推动两个责任贯通协同\n" + A, encoding="utf-8")
    (folder / "b.txt").write_text("绵阳市纪委监委专题会商\n" + B, encoding="utf-8")
    return folder


def test_the_same_organization_in_two_articles_is_one_record(tmp_path, capsys):
    folder = _articles(tmp_path)
    apart, merged = tmp_path / "apart.yaml", tmp_path / "merged.yaml"
    assert main(["extract", str(folder), "-o", str(apart)]) == 0
    assert main(["extract", str(folder), "--merge", "-o", str(merged)]) == 0
    assert "合并 / merged" in capsys.readouterr().out
    a = yaml.safe_load(apart.read_text(encoding="utf-8"))
    m = yaml.safe_load(merged.read_text(encoding="utf-8"))
    names = [o["name"] for o in a["organizations"]]
    assert names.count("四川省绵阳市纪委监委") == 2  # one per article without --merge
    (cdi,) = [o for o in m["organizations"] if o["name"] == "四川省绵阳市纪委监委"]
    assert cdi["source"] == "a"
    ids = {o["id"] for o in m["organizations"]}
    # every reference points at a record that is still there: figures of both articles are about it
    assert all(f["subject"] in ids for f in m.get("facts") or [] if "." in str(f["subject"]))
    assert {f["source"] for f in m["facts"] if f["subject"] == cdi["id"]} == {"a", "b"}
    for mech in m.get("mechanisms") or []:
        assert set(mech.get("adopted_by") or []) <= ids
    assert main(["validate", str(merged)]) == 0


def test_the_corpus_report_lists_practices_figures_and_sources_as_plain_text(tmp_path, capsys):
    folder = _articles(tmp_path)
    report = tmp_path / "汇编.md"
    assert main(["extract", str(folder), "--report", str(report), "-o", str(tmp_path / "d.yaml")]) == 0
    text = report.read_text(encoding="utf-8")
    assert "## 按地区的做法 / Practices by region" in text and "四川省/绵阳市" in text
    assert "专题会商" in text and "## 数据及其来源 / Figures and their sources" in text
    assert "120" in text and "300" in text
    assert "## 多篇文章提到的组织" in text and "（a）" in text and "（b）" in text
    assert "<script>" not in text and "&lt;script&gt;" in text  # the article's markup is escaped, never live


def test_one_body_written_differently_in_two_articles_is_one_record(tmp_path):
    folder = tmp_path / "文章"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "永胜县：压实责任\n\n永胜县纪委召开会议。县医保局、县委办参加。\n", encoding="utf-8"
    )
    (folder / "b.txt").write_text(
        "丽江市永胜县：深化监督\n\n丽江市永胜县纪委监委开展督查。永胜县医疗保障局、永胜县委办公室整改。\n",
        encoding="utf-8",
    )
    merged = tmp_path / "merged.yaml"
    assert main(["extract", str(folder), "--merge", "-o", str(merged)]) == 0
    m = yaml.safe_load(merged.read_text(encoding="utf-8"))
    by_kind: dict[str, list[str]] = {}
    for o in m["organizations"]:
        by_kind.setdefault(o["kind"], []).append(o["name"])
    assert len(by_kind["discipline_commission"]) == 1
    assert len([n for n in by_kind["unit"] if "医" in n]) == 1
    assert len([n for n in by_kind["unit"] if "办" in n]) == 1
    assert main(["validate", str(merged)]) == 0
