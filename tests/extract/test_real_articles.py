"""Real articles kept for measuring the extractor: gold files, spans, strict scores."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from respchain.loaders.text import read_article
from respchain.loaders.text.evaluate import evaluate_sets, load_gold, score_strict

from respchain.cli import main

REAL = Path(__file__).resolve().parents[2] / "tests" / "data" / "extract" / "real"
GOLDS = sorted(REAL.glob("*/*.gold.yaml"))


def test_sets_are_large_enough_and_disjoint():
    dev = {p.name for p in (REAL / "dev").glob("*.gold.yaml")}
    test = {p.name for p in (REAL / "test").glob("*.gold.yaml")}
    assert len(dev) + len(test) >= 15
    assert len(test) * 3 >= len(dev) + len(test) - 2  # about a third held out
    assert not dev & test


@pytest.mark.parametrize("gold", GOLDS, ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_spans_point_at_the_annotated_words(gold: Path):
    g = load_gold(gold)
    assert g["url"].startswith("http"), "every real article names where it was published"
    text = read_article(gold.parent / g["article"]).text
    for o in g["organizations"]:
        forms = {o["name"], *o["aliases"]}
        assert o["spans"], o["name"]
        for a, b in o["spans"]:
            assert text[a:b] in forms, (o["name"], text[a:b])
    for f in g["figures"]:
        ((a, b),) = f["spans"]
        assert text[a:b] == f["text"]
        assert str(int(f["value"])) in f["text"] or f["unit"] in f["text"]
    for m in g["mechanisms"]:
        assert m["spans"]
        for a, b in m["spans"]:
            assert text[a:b] == m["name"]


def test_strict_scoring_rejects_a_wrong_subject_and_a_renamed_mechanism():
    gold = load_gold(REAL / "dev" / "chuzhou_tanhua.gold.yaml")
    fig = gold["figures"][0]
    mech = gold["mechanisms"][0]
    org = {
        "id": "s.o1",
        "name": "凤阳县委",
        "kind": "party_committee",
        "source": "s",
        "span": fig["spans"][0],
    }
    right = {
        "id": "s.o2",
        "name": "滁州市纪委监委",
        "kind": "discipline_commission",
        "source": "s",
        "span": fig["spans"][0],
        "region": "安徽省/滁州市",
    }
    pred = {
        "sources": [{"id": "s", "url": gold["article"]}],
        "organizations": [org, right],
        "facts": [
            {
                "source": "s",
                "subject": "s.o1",
                "value": fig["value"],
                "unit": fig["unit"],
                "span": fig["spans"][0],
            }
        ],
        "mechanisms": [{"source": "s", "name": "谈话", "span": mech["spans"][0]}],
    }
    s = score_strict(gold, pred)
    assert s["figures"].matched == 0  # 凤阳县委 is not what the 374 talks are about
    assert s["mechanisms"].matched == 0  # 谈话 is not 政治监督谈话
    pred["facts"][0]["subject"] = "s.o2"
    pred["mechanisms"][0]["name"] = mech["name"]
    s = score_strict(gold, pred)
    assert s["figures"].matched == 1 and s["mechanisms"].matched == 1


def test_eval_extract_prints_both_sets(capsys: pytest.CaptureFixture[str]):
    assert main(["eval-extract", str(REAL)]) == 0
    out = capsys.readouterr().out
    with capsys.disabled():
        print("\n" + out)
    assert "dev" in out and "test" in out
    for cat in ("organizations", "figures", "mechanisms", "adopters"):
        assert out.count(cat) == 2
    scores = evaluate_sets(REAL)
    assert set(scores) == {"dev", "test"}
    assert scores["test"]["organizations"].gold == sum(
        len(yaml.safe_load(p.read_text(encoding="utf-8"))["organizations"])
        for p in (REAL / "test").glob("*.gold.yaml")
    )


def test_eval_extract_on_a_file_without_draft_is_a_clear_error(tmp_path: Path):
    f = tmp_path / "x.gold.yaml"
    f.write_text("organizations: []\n", encoding="utf-8")
    assert main(["eval-extract", str(f)]) == 2
