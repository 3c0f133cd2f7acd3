"""diff_gaps and whatif as library functions."""

from __future__ import annotations

from respchain.queries import diff_gaps, find_gaps, whatif
from respchain.queries.compare import removal_closure


def test_diff_of_a_graph_with_itself_is_all_still_open(district):
    d = diff_gaps(district, district)
    assert not d.opened and not d.closed and len(d.still_open) == len(find_gaps(district))
    assert all(not any(v.values()) for v in d.changes.values())


def test_removing_a_responsibility_opens_its_gap(district):
    rid = next(
        n
        for n, a in district.nodes(data=True)
        if a.get("kind") == "Responsibility" and a["bearer"] == "community" and a["type"] == "main"
    )
    w = whatif(district, [rid])
    # community's own CHAIN-001 and grid-branch's stay open (same keys): only the MAIN-001 appears.
    assert {f.key() for f in w.appear} == {("MAIN-001", "community")}
    assert [r["id"] for r in w.removed] == [rid]
    assert district.has_node(rid)  # the graph itself is left alone


def test_removing_an_org_takes_its_posts_and_duties(district):
    gone = set(removal_closure(district, ["health-group"]))
    assert {"health-group", "post:health-head:0", "post:health-dep:0"} <= gone
    assert any(district.nodes[n]["kind"] == "Responsibility" for n in gone)
    w = whatif(district, ["health-group"])
    gone_keys = {f.key() for f in w.disappear}
    assert {("ECO-001", "health-group"), ("CONS-001", "health-group"), ("DUAL-002", "hospital")} <= gone_keys
