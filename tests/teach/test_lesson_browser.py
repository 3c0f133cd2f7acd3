"""The lesson page in headless Chromium with the network blocked: offline, error-free, interactive."""

from __future__ import annotations

import pytest

from tests.browser import console_errors, open_page, requests_made, screenshot

pytestmark = pytest.mark.browser

SECTIONS = ("concepts", "chain", "cases", "rules", "obligations", "quiz")


def _offline(urls: list[str]) -> list[str]:
    return [u for u in urls if not u.startswith(("file:", "data:", "blob:", "about:"))]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_is_offline_error_free_and_renders_every_section(browser, lesson_pages, lang):
    open_page(browser, lesson_pages[lang])
    assert _offline(requests_made(browser)) == []
    assert console_errors(browser) == []
    for sid in SECTIONS:
        box = browser.execute_script(
            "var r = document.getElementById(arguments[0]).getBoundingClientRect(); return [r.width, r.height];",
            sid,
        )
        assert box[0] > 300 and box[1] > 150, (sid, box)
    # Both vis-network canvases are drawn, every case card and rule card has its picture.
    assert (
        browser.execute_script(
            "return document.querySelectorAll('#concept-net canvas, #chain-net canvas').length"
        )
        == 2
    )
    assert browser.execute_script("return document.querySelectorAll('.rc-case svg .rc-node').length") > 8
    from respchain.queries import CATALOG

    # a before and an after picture for every rule of the catalog
    assert browser.execute_script("return document.querySelectorAll('.rc-rule svg').length") == 2 * len(
        CATALOG
    )
    screenshot(browser, f"lesson-{lang}-top.png")


def test_clicking_a_concept_node_opens_its_definition_and_basis(browser, lesson_pages):
    open_page(browser, lesson_pages["zh"])
    # Click where vis-network draws 主体责任 on the canvas.
    pos = browser.execute_script(
        "var n = window.respchain.state.concept; var p = n.canvasToDOM(n.getPositions(['type:main'])['type:main']);"
        "var r = document.getElementById('concept-net').getBoundingClientRect(); return [p.x, p.y, r.width, r.height];"
    )
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = browser.find_element("css selector", "#concept-net canvas")
    ActionChains(browser).move_to_element_with_offset(
        canvas, pos[0] - pos[2] / 2, pos[1] - pos[3] / 2
    ).click().perform()
    title = browser.find_element("id", "concept-title").text
    definition = browser.find_element("id", "concept-def").text
    basis = browser.find_element("id", "concept-basis").text
    assert title.startswith("主体责任")
    assert "党委（党组）对本地区本单位全面从严治党负主体责任" in definition
    assert "《党委（党组）落实全面从严治党主体责任规定》" in basis
    browser.execute_script("document.getElementById('concepts').scrollIntoView()")
    screenshot(browser, "lesson-zh-concept-click.png")
    assert console_errors(browser) == []


def test_chain_steps_reveal_nodes_one_step_at_a_time(browser, lesson_pages):
    open_page(browser, lesson_pages["zh"])
    visible = (
        "return window.respchain.state.chain.nodes.get({filter: function (n) { return !n.hidden; }}).length"
    )
    seen = [browser.execute_script(visible)]
    text = [browser.find_element("id", "chain-text").text]
    nxt = browser.find_element("id", "chain-next")
    while nxt.is_enabled():
        nxt.click()
        seen.append(browser.execute_script(visible))
        text.append(browser.find_element("id", "chain-text").text)
    assert seen == sorted(seen) and seen[0] < seen[-1] and len(seen) == 7
    assert text[0].startswith("第一步") and "主体责任" in text[0]
    assert len(set(text)) == len(text)
    assert browser.find_element("id", "chain-verdict").is_displayed()
    assert "没有找到任何缺口" in browser.find_element("id", "chain-verdict").text
    browser.find_element("id", "chain-prev").click()
    assert browser.execute_script(visible) == seen[-2]
    browser.execute_script("document.getElementById('chain').scrollIntoView()")
    screenshot(browser, "lesson-zh-chain.png")


def test_quiz_checks_answers_against_the_register(browser, lesson_pages):
    open_page(browser, lesson_pages["zh"])
    q = browser.find_element("css selector", '.rc-q[data-id="q-nanjing-acc-heads"]')
    labels = q.find_elements("css selector", ".rc-opts label")
    right = next(lb for lb in labels if lb.text.strip() == "94人")
    wrong = next(lb for lb in labels if lb.text.strip() != "94人")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", q)
    wrong.click()
    q.find_element("css selector", ".rc-check").click()
    fb = q.find_element("css selector", ".rc-feedback")
    assert "不对" in fb.text and "94人" in fb.text
    right.click()
    q.find_element("css selector", ".rc-check").click()
    assert fb.text == "正确！"
    assert "其中“一把手”94人" in q.find_element("css selector", ".rc-why").text
    assert browser.find_element("id", "quiz-score").text.startswith("已答对 1 /")
    screenshot(browser, "lesson-zh-quiz.png")
    assert console_errors(browser) == []


def test_cases_and_rules_screenshots(browser, lesson_pages):
    open_page(browser, lesson_pages["zh"])
    browser.execute_script("document.getElementById('cases').scrollIntoView()")
    screenshot(browser, "lesson-zh-cases.png")
    browser.execute_script("document.querySelector('.rc-rule[data-rule=\"SUP-003\"]').scrollIntoView()")
    screenshot(browser, "lesson-zh-rules.png")
    assert console_errors(browser) == []
