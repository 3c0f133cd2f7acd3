"""Obligations in memory: the case folders, periods, the obligation file checks and the commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from respchain.loaders import load_graph
from respchain.loaders.obligations import load_obligations
from respchain.queries import CATALOG, find_gaps
from respchain.queries.obligations import default_obligations, obligations_from_data, periods_of

from respchain.cli import main
from respchain.exceptions import ObligationError

DATA = Path(__file__).resolve().parents[1] / "data" / "obligations"
CASES = sorted(p.parent for p in DATA.glob("*/register.yaml"))
DEFAULTS_FILE = Path(__file__).resolve().parents[2] / "queries" / "obligations.yaml"


def case_obligations(case: Path):
    own = case / "obligations.yaml"
    if own.exists():
        return obligations_from_data(load_obligations([own]))
    return default_obligations()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_gives_exactly_the_expected_findings(case):
    G = load_graph(case / "register.yaml")
    expected = sorted(tuple(x) for x in json.loads((case / "expected.json").read_text(encoding="utf-8")))
    got = find_gaps(G, rules="obligations", obligations=case_obligations(case))
    assert sorted(f.key() for f in got) == expected


def test_the_shipped_defaults_validate_and_cite_only_their_basis():
    records = load_obligations([DEFAULTS_FILE], taken=CATALOG)
    assert [r["id"] for r in records] == ["OB-SZSL", "OB-MZSHH", "OB-RQTH", "OB-SJTH", "OB-YANPAN"]
    from respchain.queries.catalog import DOCUMENTS

    for ob in default_obligations():
        doc = ob.basis["document"]
        assert doc in DOCUMENTS, doc
        # an article is cited only where it is verified; no invented quotes
        assert set(ob.basis.get("articles", ())) <= set(DOCUMENTS[doc]["verified"])
        assert "quote" not in ob.basis


def test_findings_name_the_short_periods_and_the_counted_events():
    case = DATA / "local-quarter"
    G = load_graph(case / "register.yaml")
    got = {f.key(): f for f in find_gaps(G, rules="obligations", obligations=case_obligations(case))}
    deputy = got[("LOCAL-HB", "deputy")]
    assert "2025年第二季度：0/1；2025年第三季度：0/1" in deputy.message_zh
    assert "第一季度" not in deputy.message_zh  # met on the quarter's last day
    assert "2025 Q3: 0 of 1" in deputy.message_en
    # a post taken up on the first day of Q3 is due in Q3 only
    assert got[("LOCAL-HB", "newcomer")].message_zh.endswith("2025年第三季度：0/1")
    county = got[("LOCAL-ZTYJ", "county")]
    assert county.evidence == ("county", "zt-1") and "2025年：1/2" in county.message_zh
    assert county.severity == "medium"


def test_within_days_counts_the_window_edges():
    G = load_graph(DATA / "defaults" / "register.yaml")
    got = {f.key(): f for f in find_gaps(G, rules="OB-RQTH", obligations=default_obligations())}
    assert list(got) == [("OB-RQTH", "new-member")]  # 91 days before; 90 and 0 days count
    assert "2025-04-01任中共示例县委员会职务前90日：0/1" in got[("OB-RQTH", "new-member")].message_zh


def test_periods_end_by_as_of():
    assert [p.label_en for p in periods_of("half", 2025, "2025-06-29")] == []
    assert [p.label_en for p in periods_of("half", 2025, "2025-06-30")] == ["2025 H1"]
    assert len(periods_of("month", 2024, "2024-12-31")) == 12
    assert periods_of("month", 2024, "2024-03-01")[-1].end == "2024-02-29"
    assert periods_of("year", 2025, "2024-12-31") == []


def test_as_of_before_the_quarter_ends_leaves_it_unchecked():
    case = DATA / "local-quarter"
    G = load_graph(case / "register.yaml")
    got = find_gaps(G, rules="LOCAL-HB", obligations=case_obligations(case), as_of="2025-09-29")
    assert ("LOCAL-HB", "newcomer") not in {f.key() for f in got}
    assert all("第三季度" not in f.message_zh for f in got)


def test_rules_and_skip_select_obligations():
    G = load_graph(DATA / "defaults" / "register.yaml")
    obs = default_obligations()
    assert {f.rule for f in find_gaps(G, rules="ob-mzshh", obligations=obs)} == {"OB-MZSHH"}
    found = find_gaps(G, skip=["obligations"], obligations=obs)
    assert not any(f.rule.startswith("OB-") for f in found)
    assert {f.rule for f in find_gaps(G, rules="main,OB-YANPAN", obligations=obs)} <= {
        "MAIN-001",
        "OB-YANPAN",
    }
    assert find_gaps(G) == find_gaps(G, obligations=[])  # the library adds none unless asked


def test_a_broken_obligation_file_lists_every_problem(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "respchain: 1\nobligations:\n"
        "  - id: OB-SZSL\n    name_zh: 重复\n    subject: {organizations: {kinds: [party_group]}}\n"
        "    event: {kind: talk, talk: nope}\n    as: with\n    per: year\n"
        "    basis: {document: 《文件》}\n"
        "  - id: X1\n    name_zh: 多余\n    subject: {people: {roles: [head], in: [party_group]}}\n"
        "    event: {kind: meeting}\n    as: participants\n    per: year\n    within: {days: -1, before: until}\n"
        "    basis: {local: {by: 某县}}\n    colour: red\n",
        encoding="utf-8",
    )
    with pytest.raises(ObligationError) as e:
        load_obligations([bad], taken=[o.id for o in default_obligations()])
    where = {(p.line, p.path) for p in e.value.problems}
    assert (3, "obligations[0].id") in where  # duplicate of a default
    assert (6, "obligations[0].event.talk") in where
    assert (7, "obligations[0].as") in where  # organizations cannot be `with`, a talk has no `org`...
    assert (16, "obligations[1].within.days") in where and (16, "obligations[1].within.before") in where
    assert (17, "obligations[1].basis.local.source") in where
    assert (18, "obligations[1].colour") in where
    assert any(p.path == "obligations[1]" and "per, within" in p.message for p in e.value.problems)
    code, out, err = run(capsys, "gaps", str(DATA / "defaults" / "register.yaml"), "--obligations", str(bad))
    assert code == 2 and out == "" and f"{bad}:6" in err and "Traceback" not in err


def test_gaps_command_adds_files_to_the_defaults_or_drops_them(capsys):
    case = DATA / "local-quarter"
    reg, own = str(case / "register.yaml"), str(case / "obligations.yaml")
    code, out, _ = run(capsys, "gaps", reg, "--format", "json", "--obligations", own)
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert code == 0 and {"LOCAL-HB", "LOCAL-ZTYJ", "OB-SZSL"} <= rules
    _, out, _ = run(capsys, "gaps", reg, "--format", "json", "--obligations", own, "--obligations", "none")
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert {"LOCAL-HB", "LOCAL-ZTYJ"} <= rules and not any(r.startswith("OB-") for r in rules)
    _, out, _ = run(capsys, "gaps", reg, "--format", "json", "--obligations", "none")
    assert not any(f["rule"].startswith(("OB-", "LOCAL-")) for f in json.loads(out)["findings"])
    code, _, err = run(capsys, "gaps", reg, "--rules", "LOCAL-NOPE", "--obligations", own)
    assert code == 2 and "LOCAL-NOPE" in err


def test_explain_an_obligation(capsys):
    code, out, _ = run(capsys, "explain", "ob-rqth")
    assert code == 0
    assert "OB-RQTH  任前廉政谈话" in out and "任职（since）前90日内至少1次" in out
    assert "《中共中央关于加强对“一把手”和领导班子监督的意见》" in out
    assert "queries/cypher/obligation-people_within.cypher" in out
    own = DATA / "local-quarter" / "obligations.yaml"
    code, out, _ = run(capsys, "explain", "LOCAL-HB", "--obligations", str(own), "--no-example")
    assert code == 0 and "示例县委" in out and f"{own}:3" in out
