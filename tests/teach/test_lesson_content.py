"""The lesson's material is generated from the model, the seed register and the engine."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from respchain.graph.schema import RESPONSIBILITY_INFO
from respchain.loaders import load_graph
from respchain.queries import CATALOG, find_gaps
from respchain.queries.obligations import default_obligations
from respchain.queries.terms import TERMS
from respchain.viz.lesson import svg_graph

from respchain.cli import main
from respchain.teach import rule_examples
from respchain.teach._registers import graph_from_data, new_register
from respchain.teach.concepts import concept_graph
from respchain.teach.lesson import lesson_html
from respchain.teach.seed import places, quiz, seed_graph

ROOT = Path(__file__).resolve().parents[2]
FIGURES = json.loads((ROOT / "tests" / "data" / "seed_figures.json").read_text(encoding="utf-8"))


def test_every_rule_has_a_two_register_example_the_engine_confirms():
    examples = {ex.rule: ex for ex in rule_examples()}
    assert list(examples) == list(CATALOG)
    for rid, ex in examples.items():
        assert [f.rule for f in ex.gap_findings] and all(f.rule == rid for f in ex.gap_findings), rid
        assert ex.fix_findings == (), rid


def test_concept_graph_comes_from_the_ontology():
    c = concept_graph()
    assert c["source"] == "ontology"
    types = {n["code"]: n for n in c["nodes"] if n["group"] == "type"}
    assert set(types) == {
        "main",
        "supervisory",
        "first_responsible",
        "one_post_two_duties",
        "functional_regulatory",
    }
    assert {b["zh"] for b in types["supervisory"]["bearers"]} == {"纪委监委", "派驻纪检监察组"}
    assert {"from": "kind:party_group", "to": "type:main"}.items() <= next(
        e for e in c["edges"] if e["from"] == "kind:party_group" and e["to"] == "type:main"
    ).items()
    assert any(
        b["document"] == "《中国共产党问责条例》" and "第四条" in b["articles"]
        for b in types["main"]["basis"]
    )


def test_eight_cases_with_their_fragment_and_sentence():
    G = seed_graph()
    cases = places(G)
    assert [c["place"] for c in cases] == ["安阳", "广州", "宜兴", "德州", "南京", "景洪", "尤溪", "东阳"]
    for c in cases:
        assert c["orgs"] and set(c["orgs"]) <= set(c["nodes"])
        assert c["quote"] and any(G.nodes[n].get("quote") == c["quote"] for n in c["nodes"])
    yixing = next(c for c in cases if c["place"] == "宜兴")
    assert "yixing-civil-sec" in yixing["nodes"] and "yixing-three-talks" in yixing["nodes"]


def test_quiz_answers_are_the_registers_facts():
    G = seed_graph()
    qs = {q["record"]: q for q in quiz(G)}
    heads = qs["nanjing-acc-heads"]
    assert heads["answer_text"] == f"{FIGURES['nanjing-acc-heads']}人"
    assert str(FIGURES["nanjing-acc-all"]) in heads["q_zh"] and "一把手" in heads["q_zh"]
    yixing = next(
        q
        for q in qs.values()
        if q["place"] == "宜兴" and q["record"] in G and G.nodes[q["record"]]["kind"] == "Mechanism"
    )
    adopted = {v for _u, v, k in G.out_edges(yixing["record"], keys=True) if k == "ADOPTED_BY"}
    assert adopted == {"yixing-cdi"} and yixing["answer_text"] == G.nodes[yixing["record"]]["name"]
    for q in qs.values():
        assert len(set(q["options"])) == len(q["options"]) >= 3
        assert q["options"][q["answer"]] == q["answer_text"]


def test_every_register_string_is_escaped_in_the_pictures():
    reg = new_register("x")
    reg["organizations"] = [
        {"id": "o1", "name": '</text><script>alert("x")</script>&', "kind": "party_branch"}
    ]
    svg = svg_graph(graph_from_data(reg), title="<b>t</b>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "<b>" not in svg


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_is_self_contained(lang):
    page = lesson_html(lang)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page
    assert page.count("</script>") == 3  # the data block, vis-network, the page's script
    for sid in ("concepts", "chain", "cases", "rules", "obligations", "quiz"):
        assert f'id="{sid}"' in page
    assert page.count('data-proven="ok"') == len(CATALOG)
    assert ("全面从严治党责任体系：一堂课" in page) == (lang == "zh")


def test_cli_lesson(tmp_path, capsys):
    out = tmp_path / "l.html"
    assert main(["lesson", "-o", str(out), "--lang", "en"]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in out.read_text(encoding="utf-8")


def _text(page: str) -> str:
    """The page's visible text: tags dropped, entities decoded."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_the_lesson_teaches_every_recurring_duty_and_how_it_is_counted(tmp_path):
    page = lesson_html("zh")
    section = page[page.index('<section id="obligations"') : page.index('<section id="quiz"')]
    text = _text(section)
    for ob in default_obligations():
        assert f'data-obligation="{ob.id}"' in section
        assert ob.name_zh in text and ob.basis_text() in text
    # how often, and the periods at the material's as-of date (the quarters that have ended)
    assert "任职前 90 日内" in text and "每年至少 1 次" in text
    assert "2025年第三季度" in text and "2025年第四季度" not in text
    # the example is the engine's word on the obligations exercise it names
    from respchain.teach.exercise import make_exercise

    seed = re.search(r"--seed (\S+) 的登记簿", text).group(1)
    d = tmp_path / "ex"
    from respchain.teach import new_exercise

    new_exercise("obligations", seed, d)
    found = find_gaps(load_graph(d / "register.yaml"), obligations=default_obligations())
    shown = re.findall(
        r'<article class="rc-duty" data-obligation="([^"]+)"><h4><code>[^<]+</code> ([^<]+)</h4>', section
    )
    assert {r for r, _ in shown} == {o.id for o in default_obligations()}
    by_key = {f.key(): f for f in found}
    for rule, subject in shown:
        assert by_key[(rule, subject)].message_zh in text
    assert make_exercise("obligations", seed).key == tuple(sorted(by_key))


@pytest.mark.parametrize("code", list(RESPONSIBILITY_INFO))
def test_explain_and_the_lesson_give_the_same_definition(code, capsys):
    """One glossary: the schema defines the responsibility types; explain and the lesson show it."""
    info = RESPONSIBILITY_INFO[code]
    assert TERMS[code]["def_zh"] == info["def_zh"] and TERMS[code]["def_en"] == info["def_en"]
    capsys.readouterr()
    assert main(["explain", info["zh"]]) == 0
    out = capsys.readouterr().out
    assert info["def_zh"] in out and info["def_en"] in out
    for lang, key in (("zh", "def_zh"), ("en", "def_en")):
        page = lesson_html(lang)
        concepts = _text(page[page.index('<section id="concepts"') : page.index('<section id="chain"')])
        assert info[key] in concepts
