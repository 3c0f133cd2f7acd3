"""The one gap planter shared by synthetic registers and exercises."""

from __future__ import annotations

from respchain._planting import ChosenPlan, RatePlan, chain_breaks, plant_task_gaps


def _task(**over):
    return {"id": "t1", "responsible": "p1", "lead": "u1", "due": "2025-12-31", "status": "open", **over}


def test_rate_plan_is_independent_of_asking_order():
    subjects = [f"o{i}" for i in range(400)]
    a, b = RatePlan(7, 0.3), RatePlan(7, 0.3)
    got_a = {s for s in subjects if a.plant("MAIN-001", s)}
    got_b = {s for s in reversed(subjects) if b.plant("MAIN-001", s)}
    assert got_a == got_b
    assert 60 < len(got_a) < 180  # about 30 %
    assert a.subjects("MAIN-001") == got_a
    assert RatePlan(8, 0.3).subjects("MAIN-001") == set()
    assert {s for s in subjects if RatePlan(8, 0.3).hit("MAIN-001", s)} != got_a


def test_rate_plan_edges():
    assert not RatePlan(1, 0.0).hit("LIST-001", "x")
    assert RatePlan(1, 1.0).hit("LIST-001", "x")


def test_task_gaps_leave_out_each_field():
    for rule, gone in [("LIST-001", "responsible"), ("LIST-002", "lead"), ("LIST-003", "due")]:
        task = _task()
        plan = ChosenPlan({rule: ["t1"]})
        plant_task_gaps(task, plan, overdue="2025-09-30")
        assert gone not in task
        assert plan.planted == [(rule, "t1")]
    task = _task(status="done")
    plan = ChosenPlan({"LIST-004": ["t1"]})
    plant_task_gaps(task, plan, overdue="2025-09-30")
    assert (task["due"], task["status"]) == ("2025-09-30", "open")


def test_task_without_anyone_in_post_is_its_own_gap_and_undated_is_never_overdue():
    task = _task()
    del task["responsible"]
    plan = ChosenPlan({"LIST-003": ["t1"], "LIST-004": ["t1"]})
    plant_task_gaps(task, plan, overdue="2025-09-30")
    assert plan.planted == [("LIST-001", "t1"), ("LIST-003", "t1")]
    assert "due" not in task


def test_chain_breaks_reach_every_party_organization_below_in_any_order():
    orgs = [
        {"id": "b", "kind": "party_branch", "parent": "t"},
        {"id": "u", "kind": "unit", "parent": "t"},
        {"id": "t", "kind": "party_committee", "parent": "c"},
        {"id": "c", "kind": "party_committee"},
        {"id": "x", "kind": "party_committee", "parent": "c2"},
        {"id": "loop1", "kind": "party_branch", "parent": "loop2"},
        {"id": "loop2", "kind": "party_branch", "parent": "loop1"},
    ]
    assert chain_breaks(orgs, {"c"}) == [("CHAIN-001", "b"), ("CHAIN-001", "t")]
    assert chain_breaks(orgs, {"t"}) == [("CHAIN-001", "b")]
    assert chain_breaks(orgs, set()) == []
