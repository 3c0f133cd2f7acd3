"""One tiny example per gap rule: a register with the gap, and the same register fixed.

Each example is as small as the rule allows (two nodes where that is enough),
and :func:`rule_example` runs the engine on both, so that the lesson page shows
the finding the engine really gives and the proof that the fix clears it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from respchain.queries.finding import Finding
from respchain.teach._registers import findings_of, graph_from_data, new_register

__all__ = ["RULE_EXAMPLES", "RuleExample", "rule_example", "rule_examples"]

Data = dict[str, Any]


def _org(oid: str, name: str, kind: str, **kw: Any) -> Data:
    return {"id": oid, "name": name, "kind": kind, **kw}


def _person(pid: str, name: str, *posts: Data) -> Data:
    return {"id": pid, "name": name, "posts": list(posts)}


def _post(org: str, title: str, role: str, **kw: Any) -> Data:
    return {"org": org, "title": title, "role": role, **kw}


def _resp(rid: str, rtype: str, bearer: str, over: list[str]) -> Data:
    return {"id": rid, "type": rtype, "bearer": bearer, "over": over}


def _base(*orgs: Data, people: tuple[Data, ...] = (), resps: tuple[Data, ...] = ()) -> Data:
    reg = new_register("规则示例 / rule example")
    reg["organizations"] = list(orgs)
    reg["people"] = list(people)
    reg["responsibilities"] = list(resps)
    return reg


def _fixed(gap: Data, change: Callable[[Data], None]) -> tuple[Data, Data]:
    fix = copy.deepcopy(gap)
    change(fix)
    return gap, fix


_GROUP = _org("bureau-group", "某局党组", "party_group")
_UNIT = _org("bureau", "某局", "unit")
_DG = _org("dg", "派驻某局纪检监察组", "dispatched_group")
_CDI = _org("cdi", "某县纪委监委", "discipline_commission")
_HEAD = _person("head", "党组书记", _post("bureau-group", "党组书记、局长", "head"))
_MAIN = _resp("r-main", "main", "bureau-group", ["bureau-group"])


def _task(**kw: Any) -> Data:
    t = {
        "id": "t1",
        "goal": "落实意识形态工作责任制",
        "measure": "每季度专题研究一次",
        "responsible": "head",
        "lead": "bureau-group",
        "due": "2025-12-31",
        "status": "open",
    }
    t.update(kw)
    return {k: v for k, v in t.items() if v is not None}


def _list_reg(**task: Any) -> Data:
    reg = _base(copy.deepcopy(_GROUP), people=(copy.deepcopy(_HEAD),))
    reg["lists"] = [
        {
            "id": "l1",
            "name": "2025年主体责任清单",
            "kind": "main",
            "owner": "bureau-group",
            "year": 2025,
            "tasks": [_task(**task)],
        }
    ]
    return reg


def _set_task(reg: Data, **kw: Any) -> None:
    reg["lists"][0]["tasks"][0].update(kw)


def _ex_main() -> tuple[Data, Data]:
    gap = _base(_org("branch", "某党支部", "party_branch"))
    return _fixed(gap, lambda r: r["responsibilities"].append(_resp("r-main", "main", "branch", ["branch"])))


def _ex_first_vacant() -> tuple[Data, Data]:
    gap = _base(copy.deepcopy(_GROUP), resps=(copy.deepcopy(_MAIN),))

    def fix(r: Data) -> None:
        r["people"].append(copy.deepcopy(_HEAD))
        r["responsibilities"].append(_resp("r-first", "first_responsible", "head", ["bureau-group"]))

    return _fixed(gap, fix)


def _ex_first_undeclared() -> tuple[Data, Data]:
    gap = _base(copy.deepcopy(_GROUP), people=(copy.deepcopy(_HEAD),))
    return _fixed(
        gap,
        lambda r: r["responsibilities"].append(
            _resp("r-first", "first_responsible", "head", ["bureau-group"])
        ),
    )


def _ex_dual_undeclared() -> tuple[Data, Data]:
    member = _person(
        "deputy", "党组成员、副局长", _post("bureau-group", "党组成员、副局长", "member", areas=["行政审批"])
    )
    gap = _base(copy.deepcopy(_GROUP), people=(member,))
    return _fixed(
        gap,
        lambda r: r["responsibilities"].append(
            _resp("r-dual", "one_post_two_duties", "deputy", ["行政审批"])
        ),
    )


def _ex_dual_unassigned() -> tuple[Data, Data]:
    gap = _base({**_GROUP, "leads": ["bureau"]}, copy.deepcopy(_UNIT))
    member = _person(
        "deputy", "党组成员、副局长", _post("bureau-group", "党组成员、副局长", "member", areas=["bureau"])
    )
    return _fixed(gap, lambda r: r["people"].append(member))


def _ex_unsupervised() -> tuple[Data, Data]:
    gap = _base(_org("county", "中共某县委员会", "party_committee"))

    def fix(r: Data) -> None:
        r["organizations"].append({**_CDI, "parent": "county"})
        r["responsibilities"].append(_resp("r-sup", "supervisory", "cdi", ["county"]))

    return _fixed(gap, fix)


def _ex_misplaced() -> tuple[Data, Data]:
    gap = _base(
        copy.deepcopy(_GROUP),
        copy.deepcopy(_CDI),
        resps=(_resp("r-sup", "supervisory", "bureau-group", ["bureau-group"]),),
    )
    return _fixed(gap, lambda r: r["responsibilities"][0].update(bearer="cdi"))


def _ex_dispatched_conflict() -> tuple[Data, Data]:
    gap = _base(
        copy.deepcopy(_DG),
        copy.deepcopy(_GROUP),
        people=(
            _person(
                "zhang",
                "张某",
                _post("dg", "纪检监察组组长", "head"),
                _post("bureau-group", "党组成员", "member"),
            ),
        ),
        resps=(_resp("r-sup", "supervisory", "dg", ["bureau-group"]),),
    )

    def fix(r: Data) -> None:
        del r["people"][0]["posts"][1]

    return _fixed(gap, fix)


def _ex_functional() -> tuple[Data, Data]:
    gap = _base(_org("org-dept", "中共某县委组织部", "functional_department", domains=["干部选拔任用"]))
    return _fixed(
        gap,
        lambda r: r["responsibilities"].append(
            _resp("r-func", "functional_regulatory", "org-dept", ["干部选拔任用"])
        ),
    )


def _ex_list(missing: str, fix: dict[str, Any]) -> Callable[[], tuple[Data, Data]]:
    def make() -> tuple[Data, Data]:
        return _fixed(_list_reg(**{missing: None}), lambda r: _set_task(r, **fix))

    return make


def _ex_overdue() -> tuple[Data, Data]:
    return _fixed(_list_reg(due="2025-06-30"), lambda r: _set_task(r, status="done"))


def _ex_chain() -> tuple[Data, Data]:
    gap = _base(
        _org("county", "中共某县委员会", "party_committee"),
        _org("town", "中共某镇委员会", "party_committee", parent="county"),
        people=(
            _person("county-sec", "县委书记", _post("county", "县委书记", "head")),
            _person("town-sec", "镇党委书记", _post("town", "镇党委书记", "head")),
        ),
        resps=(_resp("r-town", "main", "town", ["town"]),),
    )
    return _fixed(
        gap, lambda r: r["responsibilities"].append(_resp("r-county", "main", "county", ["county"]))
    )


def _ex_accountability() -> tuple[Data, Data]:
    gap = _base(copy.deepcopy(_GROUP), people=(copy.deepcopy(_HEAD),))
    gap["events"] = [
        {"id": "acc", "kind": "accountability", "date": "2025-06-10", "target": "head", "form": "诫勉"}
    ]
    return _fixed(
        gap,
        lambda r: r["events"].append(
            {"id": "enc", "kind": "talk", "talk": "encouragement", "date": "2025-07-01", "with": ["head"]}
        ),
    )


def _ex_talk() -> tuple[Data, Data]:
    gap = _base(copy.deepcopy(_GROUP), people=(copy.deepcopy(_HEAD),))
    return _fixed(
        gap,
        lambda r: r["events"].append(
            {"id": "talk", "kind": "talk", "talk": "conveying", "date": "2025-03-01", "with": ["head"]}
        ),
    )


def _ex_ecology() -> tuple[Data, Data]:
    gap = _base(copy.deepcopy(_GROUP), people=(copy.deepcopy(_HEAD),))
    gap["events"] = [
        {
            "id": "rating",
            "kind": "ecology_rating",
            "date": "2025-04-01",
            "org": "bureau-group",
            "rating": "poor",
        }
    ]
    return _fixed(
        gap,
        lambda r: r["events"].append(
            {"id": "warn", "kind": "talk", "talk": "collective", "date": "2025-04-15", "with": ["head"]}
        ),
    )


def _ex_consultation() -> tuple[Data, Data]:
    gap = _base(
        copy.deepcopy(_DG),
        copy.deepcopy(_GROUP),
        resps=(_resp("r-sup", "supervisory", "dg", ["bureau-group"]),),
    )
    return _fixed(
        gap,
        lambda r: r["events"].append(
            {"id": "cons", "kind": "consultation", "date": "2025-05-20", "parties": ["dg", "bureau-group"]}
        ),
    )


_MINUTES = {"id": "ev1", "kind": "minutes", "title": "党组会议记录", "date": "2025-06-20"}


def _ex_done_late() -> tuple[Data, Data]:
    gap = _list_reg(due="2025-06-30", status="done", done_on="2025-07-15")
    return _fixed(gap, lambda r: _set_task(r, done_on="2025-06-28"))


def _ex_done_no_evidence() -> tuple[Data, Data]:
    gap = _list_reg(due="2025-06-30", status="done", done_on="2025-06-20")

    def fix(r: Data) -> None:
        r["evidence"] = [copy.deepcopy(_MINUTES)]
        _set_task(r, evidence=["ev1"])

    return _fixed(gap, fix)


def _ex_due_soon() -> tuple[Data, Data]:
    gap = _list_reg(due="2025-11-10")
    gap["evidence"] = [copy.deepcopy(_MINUTES)]  # the register keeps a record of work done
    return _fixed(gap, lambda r: _set_task(r, status="done", done_on="2025-10-18", evidence=["ev1"]))


def _problem_reg(**problem: Any) -> Data:
    reg = _base(copy.deepcopy(_GROUP), people=(copy.deepcopy(_HEAD),))
    pb = {
        "id": "pb1",
        "org": "bureau-group",
        "origin": "patrol",
        "title": "落实主体责任不到位",
        "found": "2025-07-01",
        "reported_on": "2025-08-25",
    }
    pb.update(problem)
    reg["problems"] = [{k: v for k, v in pb.items() if v is not None}]
    return reg


def _measure(**kw: Any) -> Data:
    m = {"id": "pb1-m1", "action": "每季度专题研究党风廉政建设", "responsible": "head", "due": "2025-12-31"}
    m.update(kw)
    return {k: v for k, v in m.items() if v is not None}


def _ex_problem_no_measure() -> tuple[Data, Data]:
    return _fixed(_problem_reg(), lambda r: r["problems"][0].update(measures=[_measure()]))


def _ex_report_overdue() -> tuple[Data, Data]:
    gap = _problem_reg(reported_on=None, measures=[_measure()])
    return _fixed(gap, lambda r: r["problems"][0].update(reported_on="2025-08-25"))


def _ex_measure_overdue() -> tuple[Data, Data]:
    gap = _problem_reg(measures=[_measure(due="2025-09-30")])
    return _fixed(gap, lambda r: r["problems"][0]["measures"][0].update(done_on="2025-09-28"))


def _ex_closed_not_done() -> tuple[Data, Data]:
    gap = _problem_reg(closed_on="2025-10-10", measures=[_measure(due="2025-12-31")])

    def fix(r: Data) -> None:
        r["evidence"] = [copy.deepcopy(_MINUTES)]
        r["problems"][0]["measures"][0].update(done_on="2025-10-08", evidence=["ev1"])

    return _fixed(gap, fix)


def _ex_measure_no_responsible() -> tuple[Data, Data]:
    gap = _problem_reg(measures=[_measure(responsible=None)])
    return _fixed(gap, lambda r: r["problems"][0]["measures"][0].update(responsible="head"))


#: Rule id -> a function returning ``(register with the gap, the same register fixed)``.
RULE_EXAMPLES: dict[str, Callable[[], tuple[Data, Data]]] = {
    "MAIN-001": _ex_main,
    "FIRST-001": _ex_first_vacant,
    "FIRST-002": _ex_first_undeclared,
    "DUAL-001": _ex_dual_undeclared,
    "DUAL-002": _ex_dual_unassigned,
    "SUP-001": _ex_unsupervised,
    "SUP-002": _ex_misplaced,
    "SUP-003": _ex_dispatched_conflict,
    "FUNC-001": _ex_functional,
    "LIST-001": _ex_list("responsible", {"responsible": "head"}),
    "LIST-002": _ex_list("lead", {"lead": "bureau-group"}),
    "LIST-003": _ex_list("due", {"due": "2025-12-31"}),
    "LIST-004": _ex_overdue,
    "CHAIN-001": _ex_chain,
    "ACC-001": _ex_accountability,
    "TALK-001": _ex_talk,
    "ECO-001": _ex_ecology,
    "CONS-001": _ex_consultation,
    "LIST-005": _ex_done_late,
    "LIST-006": _ex_done_no_evidence,
    "LIST-007": _ex_due_soon,
    "RECT-001": _ex_problem_no_measure,
    "RECT-002": _ex_report_overdue,
    "RECT-003": _ex_measure_overdue,
    "RECT-004": _ex_closed_not_done,
    "RECT-005": _ex_measure_no_responsible,
}


@dataclass(frozen=True)
class RuleExample:
    """A rule's example, with the engine's findings of that rule before and after the fix."""

    rule: str
    gap_data: Data
    fix_data: Data
    gap_graph: nx.MultiDiGraph
    fix_graph: nx.MultiDiGraph
    gap_findings: tuple[Finding, ...]
    fix_findings: tuple[Finding, ...]

    @property
    def proven(self) -> bool:
        """True when the engine finds the gap and the fix clears it."""
        return bool(self.gap_findings) and not self.fix_findings


def rule_example(rule_id: str) -> RuleExample:
    """Build the example of ``rule_id`` and run that rule of the engine on both registers.

    Raises
    ------
    KeyError
        When the rule has no example in :data:`RULE_EXAMPLES`.
    """
    gap, fix = RULE_EXAMPLES[rule_id]()
    Gg = graph_from_data(gap, f"{rule_id}-gap.yaml")
    Gf = graph_from_data(fix, f"{rule_id}-fix.yaml")
    return RuleExample(
        rule=rule_id,
        gap_data=gap,
        fix_data=fix,
        gap_graph=Gg,
        fix_graph=Gf,
        gap_findings=tuple(findings_of(Gg, [rule_id])),
        fix_findings=tuple(findings_of(Gf, [rule_id])),
    )


def rule_examples() -> list[RuleExample]:
    """The examples of every rule of the catalog that has one, in catalog order."""
    from respchain.queries import CATALOG

    return [rule_example(r) for r in CATALOG if r in RULE_EXAMPLES]
