"""Report formats and the demo step."""

from __future__ import annotations

import json

import jsonschema
from respchain.queries import find_gaps
from respchain.queries.report import SCHEMA_PATH, render
from respchain.viz.report import render_report_html

from respchain.demo import DEMO_STEPS, report_step


def test_demo_step_is_registered_and_writes_three_reports(district, tmp_path):
    assert report_step in DEMO_STEPS
    paths = report_step(district, "district", tmp_path, find_gaps(district))
    assert sorted(p.name for p in paths) == ["gaps.csv", "gaps.json", "gaps.md"]
    data = json.loads((tmp_path / "gaps.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert len(data["findings"]) == 10
    assert (tmp_path / "gaps.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_every_format_carries_the_scores(district):
    fs = find_gaps(district)
    for fmt in ("table", "markdown", "html"):  # csv is the one findings table; .xlsx has a scores sheet
        text = render_report_html(fs, district) if fmt == "html" else render(fs, district, fmt)
        assert "中共示例区委员会" in text, fmt  # the district's score row
    assert json.loads(render(fs, district, "json"))["scores"][0]["total"] == 10


def test_lang_picks_the_message_language(district):
    fs = find_gaps(district, rules="MAIN-001")
    assert "declares no main responsibility" in render(fs, district, "markdown", lang="en")
    assert "未声明主体责任" in render(fs, district, "markdown", lang="zh")
    both = json.loads(render(fs, district, "json", lang="en"))["findings"][0]
    assert "未声明" in both["message_zh"] and "declares" in both["message_en"]


def test_the_json_report_is_indented_text_one_item_per_block(district, tmp_path):
    """The file, the rendered text and json's own indented dump are the same bytes, so a
    report diffs line by line across runs; control and non-ASCII characters stay escaped
    or readable as json writes them."""
    from respchain.queries.report import render_json, report_dict, write_json_report

    fs = find_gaps(district)
    out = write_json_report(fs, district, tmp_path / "gaps.json")
    expected = json.dumps(report_dict(fs, district), ensure_ascii=False, indent=2) + "\n"
    assert out.read_text(encoding="utf-8") == expected == render_json(fs, district)
    assert '\n  "findings": [\n    {\n      "rule": ' in expected
    district.nodes[fs[0].subject]["name"] = '名\u0001\u2028"x"'
    text = (write_json_report(fs, district, tmp_path / "again.json")).read_text(encoding="utf-8")
    assert text == json.dumps(report_dict(fs, district), ensure_ascii=False, indent=2) + "\n"
