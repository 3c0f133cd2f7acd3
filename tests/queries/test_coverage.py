"""Coverage figures of the obligations: how many of the expected events happened, per
obligation and per organization, in every report format."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from respchain.loaders import load_graph
from respchain.loaders.obligations import load_obligations
from respchain.queries import find_gaps
from respchain.queries.engine import obligation_coverage
from respchain.queries.obligations import _view, default_obligations, obligations_from_data, slot_rows
from respchain.queries.report import SCHEMA_PATH, render_markdown, render_table

from respchain.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "obligations"
QUARTER = DATA / "local-quarter"
CITY = ROOT / "data" / "demo-city"
CASES = [*sorted(p.parent for p in DATA.glob("*/register.yaml")), CITY]


def _obligations(case: Path):
    own = case / "obligations.yaml"
    return obligations_from_data(load_obligations([own])) if own.exists() else default_obligations()


def _by_key(cov):
    return {(c.obligation, c.org): c for c in cov}


def test_a_quarterly_obligation_counts_each_person_in_each_quarter():
    G = load_graph(QUARTER / "register.yaml")
    cov = _by_key(obligation_coverage(G, _obligations(QUARTER)))
    # As the register's comments tell: deputy 1 of 3 quarters, member 3 of 3, the newcomer
    # (from Q3's first day) 0 of 1, the leaver (gone before Q3 ended) 2 of 2, the one who
    # left on Q3's last day 2 of 3, the town member 0 of 3.
    hb = cov[("LOCAL-HB", "")]
    assert (hb.slots, hb.met, hb.expected, hb.held) == (15, 8, 15, 8)
    assert hb.text() == "8/15 人次（53.3%）" and hb.text("en") == "8/15 person-times (53.3%)"
    assert (cov[("LOCAL-HB", "county")].expected, cov[("LOCAL-HB", "county")].held) == (12, 8)
    assert (cov[("LOCAL-HB", "town")].expected, cov[("LOCAL-HB", "town")].held) == (3, 0)
    # twice a year, one study held: one of the two expected events happened, the slot is not met
    zt = cov[("LOCAL-ZTYJ", "")]
    assert (zt.slots, zt.met, zt.expected, zt.held) == (1, 0, 2, 1)
    assert zt.text() == "1/2 次（50%）"


def test_extra_events_never_make_up_for_a_missing_one(tmp_path):
    reg = tmp_path / "r.yaml"
    reg.write_text(
        "respchain: 1\nmeta: {as_of: 2025-12-31, period: 2025}\norganizations:\n"
        "  - {id: a, name: 甲党组, kind: party_group}\n  - {id: b, name: 乙党组, kind: party_group}\n"
        "events:\n"
        + "".join(
            f"  - {{id: m{i}, kind: meeting, date: 2025-0{i}-01, org: a, meeting: 民主生活会}}\n"
            for i in (1, 2, 3)
        ),
        encoding="utf-8",
    )
    cov = _by_key(
        obligation_coverage(load_graph(reg), [o for o in default_obligations() if o.id == "OB-MZSHH"])
    )
    assert (cov[("OB-MZSHH", "")].expected, cov[("OB-MZSHH", "")].held) == (2, 1)
    assert cov[("OB-MZSHH", "a")].full and cov[("OB-MZSHH", "a")].held == 1
    assert cov[("OB-MZSHH", "b")].percent == 0


def test_a_person_in_two_teams_counts_once_in_the_total_and_in_each_team(tmp_path):
    reg = tmp_path / "r.yaml"
    reg.write_text(
        "respchain: 1\nmeta: {as_of: 2025-12-31, period: 2025}\norganizations:\n"
        "  - {id: a, name: 甲党组, kind: party_group}\n  - {id: b, name: 乙党组, kind: party_group}\n"
        "people:\n  - {id: p, name: 某甲, posts: [{org: a, role: head}, {org: b, role: member}]}\n"
        "  - {id: q, name: 某乙, posts: [{org: b, role: head}]}\n"
        "events:\n  - {id: m, kind: meeting, date: 2025-01-10, org: a, meeting: 述责述廉, participants: [p]}\n",
        encoding="utf-8",
    )
    cov = _by_key(
        obligation_coverage(load_graph(reg), [o for o in default_obligations() if o.id == "OB-SZSL"])
    )
    assert (cov[("OB-SZSL", "")].expected, cov[("OB-SZSL", "")].held) == (2, 1)
    assert (cov[("OB-SZSL", "a")].expected, cov[("OB-SZSL", "a")].held) == (1, 1)
    assert (cov[("OB-SZSL", "b")].expected, cov[("OB-SZSL", "b")].held) == (2, 1)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_slots_not_met_are_the_ones_the_findings_name(case):
    G = load_graph(
        case if case.is_dir() and not (case / "register.yaml").exists() else case / "register.yaml"
    )
    obs = _obligations(case)
    cov = _by_key(obligation_coverage(G, obs))
    v = _view(G)
    day, year = str(G.graph["as_of"]), str(G.graph["period"])
    for ob in obs:
        total = cov[(ob.id, "")]
        assert total.slots - total.met == len(slot_rows(v, ob, as_of=day, period=year))
    short = {f.subject for f in find_gaps(G, rules="obligations", obligations=obs)}
    assert short, "every case misses something"


def test_the_report_formats_carry_the_coverage(capsys, tmp_path):
    G = load_graph(CITY)
    obs = default_obligations()
    findings = find_gaps(G, obligations=obs)
    cov = obligation_coverage(G, obs)
    table = render_table(findings, G, coverage=cov, width=200)
    assert "履责覆盖" in table and "未全覆盖的单位" in table
    md = render_markdown(findings, G, coverage=cov)
    part = md[md.index("## 履责覆盖") :]
    szsl = next(c for c in cov if c.obligation == "OB-SZSL" and not c.org)
    assert f"| OB-SZSL | 领导班子成员每年述责述廉 | {szsl.held}/{szsl.expected} 人次 |" in part
    # every organization with a slot has a row; the short ones first
    orgs = {c.org for c in cov if c.org}
    rows = [ln for ln in part.splitlines() if ln.startswith("| ") and "(`" in ln]
    assert len(rows) == len(orgs)
    assert "(`affairs-group`)" in rows[0] or "(`west-xiguan`)" in rows[0]
    assert " 0/2 " in next(r for r in rows if "(`affairs-group`)" in r)
    # without the figures the report is as before
    assert "履责覆盖" not in render_markdown(findings, G)


def test_gaps_json_holds_the_coverage_and_follows_the_schema(capsys):
    assert main(["gaps", str(CITY), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    totals = {c["obligation"]: c for c in data["coverage"]["obligations"]}
    assert set(totals) == {o.id for o in default_obligations()}
    short = {(f["rule"], f["subject"]) for f in data["findings"] if f["rule"].startswith("OB-")}
    assert sum(c["slots"] - c["met"] for c in totals.values()) == len(short)  # one short year each
    per_org = {(c["obligation"], c["org"]): c for c in data["coverage"]["organizations"]}
    assert (
        per_org[("OB-RQTH", "env-group")]["held"] == 0
        and per_org[("OB-RQTH", "veterans-group")]["percent"] == 100
    )


@pytest.mark.parametrize(
    ("args", "kept"),
    [
        (["--obligations", "none"], set()),
        (["--rules", "MAIN-001"], set()),
        (["--rules", "OB-SZSL,MAIN-001"], {"OB-SZSL"}),
        (["--skip", "obligations"], set()),
        (["--skip", "OB-RQTH"], {"OB-SZSL", "OB-MZSHH", "OB-SJTH", "OB-YANPAN"}),
    ],
)
def test_the_coverage_follows_the_selection(capsys, args, kept):
    assert main(["gaps", str(CITY), "--format", "json", *args]) == 0
    data = json.loads(capsys.readouterr().out)
    got = {c["obligation"] for c in data.get("coverage", {}).get("obligations", [])}
    assert got == kept and (("coverage" in data) == bool(kept))


def _quarter_gaps(out) -> int:
    """``respchain gaps`` of the quarter's register with its local obligations only, to ``out``."""
    reg, obl = QUARTER / "register.yaml", QUARTER / "obligations.yaml"
    return main(["gaps", str(reg), "--obligations", "none", "--obligations", str(obl), "-o", str(out)])


def test_xlsx_and_html_carry_the_coverage(capsys, tmp_path):
    import openpyxl

    out = tmp_path / "gaps.xlsx"
    assert _quarter_gaps(out) == 0
    ws = openpyxl.load_workbook(out)["覆盖"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True)]
    assert ("LOCAL-HB", "班子成员每季度听取分管部门汇报", None, "全部", 15, 8, 53.3, "人次") in rows
    assert ("LOCAL-HB", "班子成员每季度听取分管部门汇报", "town", "中共示例镇委员会", 3, 0, 0, "人次") in rows
    page = tmp_path / "gaps.html"
    assert _quarter_gaps(page) == 0
    html = page.read_text(encoding="utf-8")
    assert "id='coverage'" in html and "id='coverage-orgs'" in html
    assert '<tr data-obligation="LOCAL-ZTYJ"><td>LOCAL-ZTYJ</td>' in html and "1/2 次" in html
    assert '<tr data-org="town">' in html


def test_a_register_read_from_articles_marks_its_coverage_to_verify(capsys):
    assert main(["gaps", str(ROOT / "data" / "seed"), "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    part = md[md.index("## 履责覆盖") :]
    assert "待核实：文章可能未提及" in part.splitlines()[2]
    assert main(["gaps", str(CITY), "--format", "markdown"]) == 0
    assert "待核实" not in capsys.readouterr().out


@pytest.mark.browser
def test_the_report_page_shows_the_coverage_in_chromium(capsys, tmp_path):
    from tests.browser import chromium, console_errors, require_chromium

    page = tmp_path / "report.html"
    assert main(["gaps", str(CITY), "-o", str(page)]) == 0
    require_chromium()
    with chromium() as b:
        b.get_log("browser")
        b.get(page.resolve().as_uri())
        assert console_errors(b) == []
        totals = b.execute_script(
            "return [...document.querySelectorAll('#coverage tbody tr')].map(r => [r.dataset.obligation, r.cells[2].textContent])"
        )
        assert [t[0] for t in totals] == [o.id for o in default_obligations()]
        assert all(t[1].endswith(("人次", "次")) for t in totals)
        first = b.execute_script(
            "const r = document.querySelector('#coverage-orgs tbody tr'); "
            "return [r.dataset.org, getComputedStyle([...r.cells].find(c => c.getAttribute('style')) || r).backgroundColor]"
        )
        assert first[0] in {
            "west-xiguan",
            "affairs-group",
            "stats-group",
            "env-group",
            "police-group",
            "street-west",
        }
        assert first[1] == "rgb(255, 235, 238)"  # a short cell is marked
