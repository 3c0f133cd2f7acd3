"""respchain extract / eval-extract: Chinese articles into a register draft with provenance."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from respchain.loaders import load_register
from respchain.loaders.text import draft_from_articles, read_article
from respchain.loaders.text.evaluate import format_scores, load_gold, score_extraction
from respchain.loaders.text.extract import parse_chinese_number
from respchain.loaders.text.reader import html_to_text

from respchain.cli import main
from respchain.commands.extract import write_draft

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "extract"
SEEDS = REPO / "data" / "seed"  # the seed article ships beside the seed register
SEED = SEEDS / "000_b3a856da92652f4b.txt"
GOLDS = sorted(DATA.glob("*.gold.yaml"))
THRESHOLDS = {"organizations": 0.9, "types": 0.9, "mechanisms": 0.85, "figures": 0.85}


def _article_of(gold: Path) -> Path:
    name = load_gold(gold)["article"]
    for folder in (DATA, SEEDS):
        if (folder / name).exists():
            return folder / name
    raise AssertionError(f"article {name} of {gold.name} is neither in {DATA} nor in {SEEDS}")


def _draft(paths: list[Path]) -> dict:
    return draft_from_articles([read_article(p) for p in paths])


def test_seed_article_ships_with_the_repo():
    assert SEED.is_file(), f"the seed article ships in the repository at {SEED}"
    assert any(load_gold(g)["article"] == SEED.name for g in GOLDS)
    assert len(GOLDS) >= 4  # the seed and at least three composed articles


@pytest.mark.parametrize("gold", GOLDS, ids=lambda p: p.name.split(".")[0])
def test_scores_meet_thresholds(gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "draft.yaml"
    assert main(["extract", str(_article_of(gold)), "-o", str(out)]) == 0
    assert main(["eval-extract", str(gold), str(out)]) == 0
    table = capsys.readouterr().out
    with capsys.disabled():
        print("\n" + table)
    for cat in THRESHOLDS:
        assert cat in table
    scores = score_extraction(gold, out)
    low = {c: round(s.f1, 3) for c, s in scores.items() if s.f1 < THRESHOLDS[c]}
    assert not low, format_scores(scores)


@pytest.mark.parametrize("gold", GOLDS, ids=lambda p: p.name.split(".")[0])
def test_gold_offsets_point_at_the_annotated_words(gold: Path):
    g = load_gold(gold)
    text = read_article(_article_of(gold)).text
    for org in g["organizations"]:
        names = {org["name"], *(org.get("aliases") or [])}
        for a, b in org["spans"]:
            assert text[a:b] in names or text[a:b].replace("的", "") in names, (org["name"], text[a:b])
    for fig in g["figures"]:
        for a, b in fig["spans"]:
            assert text[a].isdigit() or text[a] in "零〇一二两三四五六七八九十百千万", text[a:b]
    for mech in g["mechanisms"]:
        assert mech["spans"], mech


def test_every_quote_is_the_text_at_its_span():
    paths = [SEED, *(p for p in DATA.iterdir() if p.suffix in (".txt", ".html"))]
    draft = _draft(paths)
    texts = {s["id"]: read_article(p).text for s, p in zip(draft["sources"], paths, strict=True)}
    n = 0
    for section in ("organizations", "people", "responsibilities", "mechanisms", "facts"):
        for rec in draft.get(section) or []:
            a, b = rec["span"]
            assert texts[rec["source"]][a:b] == rec["quote"], (section, rec["id"])
            n += 1
    assert n > 80


def test_draft_validates_and_gaps_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "draft.yaml"
    arts = [str(SEED), *(str(p) for p in DATA.iterdir() if p.suffix in (".txt", ".html"))]
    assert main(["extract", *arts, "-o", str(out), "--text-dir", str(tmp_path / "text")]) == 0
    assert main(["validate", str(out)]) == 0
    reg = load_register(out)
    assert len(reg.sources) == 4 and all(s["topics"] for s in reg.sources)
    assert main(["gaps", str(out)]) in (0, 1)
    # the normalized texts written beside the draft are what spans refer to
    for rec in reg.organizations:
        t = (tmp_path / "text" / f"{rec['source']}.txt").read_text(encoding="utf-8")
        assert t[rec["span"][0] : rec["span"][1]] == rec["quote"]


def test_seed_structure_regions_links_and_subsets():
    d = _draft([SEED])
    orgs = {o["name"]: o for o in d["organizations"]}
    youxi = orgs["福建省三明市尤溪县纪委监委"]
    assert (youxi["kind"], youxi["level"], youxi["region"]) == (
        "discipline_commission",
        "county",
        "福建省/三明市/尤溪县",
    )
    group = orgs["尤溪县纪委监委驻县人民法院纪检监察组"]
    court, court_group = orgs["尤溪县人民法院"], orgs["尤溪县人民法院党组"]
    assert group["kind"] == "dispatched_group" and group["parent"] == youxi["id"]
    assert court_group["leads"] == [court["id"]]
    assert any(
        r["bearer"] == group["id"] and r["type"] == "supervisory" and court["id"] in r["over"]
        for r in d["responsibilities"]
    )
    # 会同县 (a county in Hunan) is the verb 会同 here, not a region
    assert not any("湖南" in (o.get("region") or "") for o in d["organizations"])
    assert orgs["云南省景洪市纪委监委"]["region"] == "云南省/西双版纳傣族自治州/景洪市"
    facts = {f["value"]: f for f in d["facts"]}
    assert facts[239]["metric"] == "accountability.persons"
    assert facts[94]["metric"] == "accountability.persons.heads"
    assert facts[94]["subject"] == facts[239]["subject"] == orgs["江苏省南京市纪委监委"]["id"]
    assert facts[239]["period"] == "2025-01/2025-09"
    mech = {(m["name"], tuple(m.get("adopted_by") or ())) for m in d["mechanisms"]}
    assert ("双清单双交办", (orgs["河南省安阳市纪委监委"]["id"],)) in mech
    three = next(m for m in d["mechanisms"] if m["name"] == "三类谈话")
    assert three["description"] == "传达类谈话、专题类谈话、警示类谈话"
    people = {p["name"]: p for p in d["people"]}
    assert people["宜兴市民政局党组书记"]["posts"][0]["role"] == "head"


def test_gb18030_input_gives_the_same_draft(tmp_path: Path):
    gb = tmp_path / SEED.name
    gb.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    art = read_article(gb)
    assert art.encoding == "gb18030"
    assert art.text == read_article(SEED).text
    assert _draft([gb])["organizations"] == _draft([SEED])["organizations"]
    composed = read_article(DATA / "composed_02_linxia.txt")  # stored as GB18030
    assert composed.encoding == "gb18030" and "临夏回族自治州" in composed.text


def test_crlf_and_bom_are_normalized(tmp_path: Path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"\xef\xbb\xbf" + SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    assert read_article(p).text == read_article(SEED).text


def test_html_page_keeps_the_article_and_drops_the_page():
    art = read_article(DATA / "composed_03_yichang.html")
    assert art.html and art.title
    assert "湖北省宜昌市纪委监委" in art.text
    for furniture in ("首页", "北京市纪委监委", "上海市纪委监委", "版权所有", "var page"):
        assert furniture not in art.text
    names = {o["name"] for o in _draft([DATA / "composed_03_yichang.html"])["organizations"]}
    assert "北京市纪委监委" not in names and "广州市委巡察办" not in names


def test_seed_as_html_page(tmp_path: Path):
    from html import escape

    paras = [ln.strip() for ln in SEED.read_text(encoding="utf-8").split("\n") if ln.strip()]
    body = "".join(f"<p>{escape(p)}</p>" for p in paras[6:-3])
    page = (
        f"<html><head><title>强化全面从严治党政治责任</title></head><body><nav><a>首页</a><a>天津市纪委监委</a></nav>"
        f"<div class='content'>{body}</div><footer><p>甘肃省兰州市纪委监委 版权所有</p></footer></body></html>"
    )
    p = tmp_path / "seed.html"
    p.write_text(page, encoding="utf-8")
    d = _draft([p])
    names = {o["name"] for o in d["organizations"]}
    assert {"河南省安阳市纪委监委", "尤溪县纪委监委驻县人民法院纪检监察组", "江苏省南京市纪委监委"} <= names
    assert not any(n.startswith(("天津", "甘肃")) for n in names)
    text = read_article(p).text
    assert all(text[r["span"][0] : r["span"][1]] == r["quote"] for r in d["facts"])
    assert html_to_text("<div><p>甲&amp;乙</p></div>")[0] == "甲&乙"


def test_numbers_and_punctuation_variants(tmp_path: Path):
    p = tmp_path / "n.txt"
    p.write_text(
        '浙江省湖州市纪委监委今年以来对十余家单位开展监督, 问责党员干部１,２０５人; 其中"一把手"18人.\n'
        "该市纪委监委坚持“两个责任”一起抓，党的十八大以来形成两个清单，二十届中央纪委四次全会作出部署。\n",
        encoding="utf-8",
    )
    d = _draft([p])
    figs = {(f["value"], f["unit"]): f for f in d["facts"]}
    assert (10, "家") in figs and figs[(10, "家")]["metric"].endswith(".min")
    assert figs[(1205, "人")]["metric"] == "accountability.persons"
    assert figs[(18, "人")]["metric"] == "accountability.persons.heads"
    assert (2, "个") in figs  # 两个清单 is a figure; “两个责任” (a slogan) is not
    assert len([f for f in d["facts"] if f["value"] == 2]) == 1
    assert not any(f["value"] in (18, 4) and f["unit"] in ("大", "次") for f in d["facts"])
    assert d["sources"][0]["topics"] == ["main", "supervisory"]
    assert [parse_chinese_number(x) for x in ("十余", "一百零五", "两千三百", "二十三")] == [
        10,
        105,
        2300,
        23,
    ]


def test_long_article_is_extracted_correctly():
    paras = [ln for ln in SEED.read_text(encoding="utf-8").split("\n") if ln.strip()]
    text = "\n".join(paras)
    while len(text) < 10_000:
        text += "\n" + "\n".join(paras[8:30])
    d = draft_from_articles([read_article_text(text[:10_000])])
    assert len(d["organizations"]) >= 15 and len(d["facts"]) >= 10
    full = text[:10_000]
    assert all(
        full[r["span"][0] : r["span"][1]] == r["quote"]
        for s in ("organizations", "mechanisms", "facts")
        for r in d[s]
    )


def read_article_text(text: str):
    from respchain.loaders.text.reader import Article

    return Article("long.txt", text, "utf-8", False)


def test_unreadable_inputs_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8\x00" * 3 + b"\x81")
    out = tmp_path / "draft.yaml"
    rc = main(["extract", str(SEED), str(bad), str(tmp_path / "missing.txt"), "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 2 and not out.exists()
    assert "missing.txt" in err and "bad.txt" in err


def test_demo_step_writes_the_draft(tmp_path: Path):
    from respchain.demo import extract_step as demo_step

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    written = demo_step(tmp_path / "out", seeds_dir=seeds)
    draft = tmp_path / "out" / "extract" / "draft.yaml"
    assert draft in written
    assert load_register(draft).organizations
    assert demo_step(tmp_path / "out2", seeds_dir=tmp_path / "nowhere") == []
    assert yaml.safe_load(draft.read_text(encoding="utf-8"))["respchain"] == 1


def test_write_draft_is_atomic(tmp_path: Path):
    p = write_draft({"respchain": 1}, tmp_path / "sub" / "d.yaml")
    assert p.read_text(encoding="utf-8").count("respchain: 1") == 1
    assert [x.name for x in p.parent.iterdir()] == ["d.yaml"]
