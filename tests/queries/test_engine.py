"""The engine: rule selection, dates, backends, the catalog and scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from respchain.loaders import load_graph
from respchain.queries import BACKENDS, CATALOG, FAMILIES, find_gaps, make_finding, register_backend, scores
from respchain.queries.catalog import DOCUMENTS, resolve_rules

from respchain.exceptions import InputError, UnknownRuleError

GAPS_DATA = Path(__file__).resolve().parents[1] / "data" / "gaps"


def test_rules_and_skip_take_ids_and_families(district):
    assert {f.rule for f in find_gaps(district, rules=["LIST-004"])} == {"LIST-004"}
    assert {f.rule for f in find_gaps(district, rules="events")} == {
        "ACC-001",
        "TALK-001",
        "ECO-001",
        "CONS-001",
    }
    assert {f.rule for f in find_gaps(district, rules="list-004,main")} == {"LIST-004", "MAIN-001"}
    rest = {f.rule for f in find_gaps(district, skip=["events", "CHAIN-001"])}
    assert rest == {"LIST-004", "MAIN-001", "DUAL-002", "FIRST-002"}


def test_unknown_rule_lists_the_valid_ones(district):
    with pytest.raises(UnknownRuleError) as e:
        find_gaps(district, rules=["MAIN-999", "lists"])
    assert "MAIN-999" in str(e.value) and "CONS-001" in str(e.value) and "supervision" in str(e.value)
    with pytest.raises(UnknownRuleError):
        resolve_rules(None, "nope")


def test_as_of_and_period_default_from_the_graph_and_can_be_overridden(district):
    assert district.graph["as_of"] == "2025-09-30"
    assert [f.subject for f in find_gaps(district, rules="LIST-004")] == ["tr-1"]
    # One day later the task due on as_of is overdue too.
    assert [f.subject for f in find_gaps(district, rules="LIST-004", as_of="2025-10-01")] == ["tr-1", "tr-2"]
    # In 2024 the consultation of 2024-12-20 counts; nobody talked in 2024.
    assert not find_gaps(district, rules="CONS-001", period=2024)
    assert len(find_gaps(district, rules="TALK-001", period=2024)) == 7


def test_unknown_backend_is_an_input_error(district):
    with pytest.raises(InputError, match="memory"):
        find_gaps(district, backend="nosuch")


def test_backends_plug_in_by_name(district):
    def reversed_backend(G, rule_ids, *, as_of, period, **options):
        return list(reversed(BACKENDS["memory"](G, rule_ids, as_of=as_of, period=period)))

    register_backend("test-reversed", reversed_backend)
    try:
        assert find_gaps(district, backend="test-reversed") == find_gaps(district)
    finally:
        del BACKENDS["test-reversed"]


def test_catalog_is_complete_and_cites_only_verified_articles():
    assert len(CATALOG) == 26
    for r in CATALOG.values():
        assert r.family in FAMILIES
        assert r.severity in ("high", "medium", "low", "info")
        assert callable(r.func) and r.func.__doc__
        assert r.basis and r.evidence and r.fix_zh and r.fix_en and r.definition_zh and r.definition_en
        for b in r.basis:
            assert b.document in DOCUMENTS, b.document
            assert set(b.articles) <= set(DOCUMENTS[b.document]["verified"]), (r.id, b)
        # The templates use only subject_name and the declared params.
        params = {p: ["x"] for p in r.params}
        f = make_finding(r.id, "s", "名称", ["s"], params, None)
        assert "名称" in f.message_zh and "名称" in f.message_en


def test_make_finding_sorts_and_joins_list_params():
    f = make_finding("FIRST-002", "p", "王某", ["p", "a", "b"], {"orgs": ["乙党组", "甲党委"]}, "seed")
    assert "乙党组、甲党委" in f.message_zh or "甲党委、乙党组" in f.message_zh
    assert (
        f.message_zh
        == make_finding("FIRST-002", "p", "王某", ["p", "a", "b"], {"orgs": ["甲党委", "乙党组"]}).message_zh
    )
    assert f.source == "seed" and f.evidence == ("p", "a", "b")


def test_scores_count_a_subtree_along_parent_and_leads(district):
    fs = find_gaps(district)
    rows = {r["org"]: r for r in scores(district, fs)}
    assert set(rows) == {"district", "street", "community", "grid-branch", "health-group", "transport-group"}
    # The district sees every finding charged anywhere below it.
    assert rows["district"]["total"] == len(fs)
    # street: its own MAIN-001, its head's ACC-001, and what is below it (community, grid-branch).
    assert rows["street"]["own"] == {"high": 1, "medium": 0, "low": 1, "info": 0}
    assert rows["street"]["subtree"] == {"high": 1, "medium": 1, "low": 2, "info": 2}
    # health-group: ECO-001, CONS-001, and DUAL-002 of the hospital it leads.
    assert rows["health-group"]["subtree"]["medium"] == 2 and rows["health-group"]["total"] == 3
    assert rows["transport-group"]["subtree"]["high"] == 1  # the overdue task of its list
    assert rows["grid-branch"]["total"] == 1


def test_a_clean_graph_has_no_findings_and_zero_scores():
    G = load_graph(GAPS_DATA / "FUNC-001" / "register.yaml")
    fs = find_gaps(G, rules="FUNC-001", skip="FUNC-001")
    assert fs == []
    assert all(r["total"] == 0 for r in scores(G, fs))
