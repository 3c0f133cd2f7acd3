"""The seed register: it loads, its quotes are the article's words, its figures the article's."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from respchain.loaders import load_graph, load_register

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "data" / "seed"
FIGURES = json.loads((ROOT / "tests" / "data" / "seed_figures.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reg():
    return load_register(ROOT / "data" / "seed")


@pytest.fixture(scope="module")
def article() -> str:
    files = sorted(SEED_DIR.glob("*.txt"))
    if not files:
        pytest.fail(f"the seed article is expected in {SEED_DIR}")
    return files[0].read_text(encoding="utf-8")


def test_seed_register_builds(reg):
    G = load_graph(reg)
    assert G.graph["as_of"] == "2025-10-20"
    names = {d["name"] for _, d in G.nodes(data=True)}
    for practice in ("安阳", "广州", "宜兴", "德州", "南京", "景洪", "尤溪", "东阳"):
        assert any(practice in n for n in names), practice


def test_every_record_cites_the_seed_with_the_exact_words(reg, article):
    checked = 0
    for section in ("organizations", "people", "responsibilities", "lists", "events", "mechanisms", "facts"):
        for rec in getattr(reg, section):
            assert rec.get("source") == "seed", (section, rec.get("id"))
            if "span" in rec:
                a, b = rec["span"]
                assert article[a:b] == rec["quote"], (section, rec.get("id"))
                checked += 1
    assert checked > 40


def test_facts_match_the_article_figures(reg, article):
    facts = {f["id"]: f for f in reg.facts}
    assert {k: facts[k]["value"] for k in FIGURES} == FIGURES
    for f in facts.values():
        assert re.search(rf"(?<!\d){f['value']}(?!\d)", f["quote"]), f["id"]
    # 94 一把手 are a subset of the 239 held accountable in 南京
    assert facts["nanjing-acc-heads"]["value"] < facts["nanjing-acc-all"]["value"]
    assert facts["nanjing-acc-heads"]["metric"].startswith(facts["nanjing-acc-all"]["metric"])


def test_counted_things_are_facts_not_invented_records(reg):
    # 广州: 55 tasks and 87 measures are counted in the article, not listed
    assert sum(1 for _ in reg.tasks()) == 0
    assert len(reg.people) < 10
