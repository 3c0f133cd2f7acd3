"""Planting gaps in generated registers: one planter for synthetic registers and exercises.

Two generators write registers with gaps left in on purpose: :mod:`respchain.synth`
plants every rule on every eligible subject at a rate (thousands of organizations,
a hash decides), :mod:`respchain.teach.exercise` plants a chosen few on a small
county. Both ask a :class:`Plan` whether a gap goes on a subject, leave the task
fields out with :func:`plant_task_gaps`, and derive the CHAIN-001 findings that a
broken link implies below it with :func:`chain_breaks`, so the answer they give
for a register is computed the same way.

Examples
--------
>>> plan = ChosenPlan({"LIST-002": ["t1"]})
>>> task = {"id": "t1", "responsible": "p1", "lead": "u1", "due": "2025-12-31", "status": "open"}
>>> plant_task_gaps(task, plan, overdue="2025-09-30")
>>> sorted(task)
['due', 'id', 'responsible', 'status']
>>> plan.planted
[('LIST-002', 't1')]
>>> orgs = [{"id": "c", "kind": "party_committee"}, {"id": "t", "kind": "party_committee", "parent": "c"},
...         {"id": "b", "kind": "party_branch", "parent": "t"}]
>>> chain_breaks(orgs, {"c"})
[('CHAIN-001', 't'), ('CHAIN-001', 'b')]
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from respchain.graph.schema import PARTY_ORG_KINDS

__all__ = ["Plan", "RatePlan", "ChosenPlan", "plant_task_gaps", "chain_breaks", "LIST_RULES"]

# The gaps a task of a list can carry: no responsible person, no lead unit, no deadline, overdue.
LIST_RULES = ("LIST-001", "LIST-002", "LIST-003", "LIST-004")


class Plan:
    """Which gaps go where; :meth:`plant` records every gap it grants in :attr:`planted`."""

    def __init__(self) -> None:
        self.planted: list[tuple[str, str]] = []

    def hit(self, rule: str, subject: str) -> bool:
        """Does the plan put a ``rule`` gap on ``subject``? (Recorded by :meth:`plant` only.)"""
        raise NotImplementedError

    def plant(self, rule: str, subject: str) -> bool:
        """:meth:`hit`, and record the gap when it is planted."""
        if self.hit(rule, subject):
            self.record(rule, subject)
            return True
        return False

    def record(self, rule: str, subject: str) -> None:
        """Record a gap the register has for a reason of its own (a task nobody can be responsible for)."""
        self.planted.append((rule, subject))

    def subjects(self, rule: str) -> set[str]:
        """The subjects a ``rule`` gap was planted on so far."""
        return {s for r, s in self.planted if r == rule}


class RatePlan(Plan):
    """Every eligible subject gets a gap when a hash of ``(seed, rule, subject)`` falls below ``rate``.

    The decision for one subject does not depend on the order subjects are asked in.
    """

    def __init__(self, seed: int | str, rate: float) -> None:
        super().__init__()
        self.rate = rate
        self._salt = f"{seed}|".encode()

    def hit(self, rule: str, subject: str) -> bool:
        if self.rate <= 0:
            return False
        if self.rate >= 1:
            return True
        h = hashlib.blake2b(self._salt + f"{rule}|{subject}".encode(), digest_size=8).digest()
        return int.from_bytes(h, "big") < self.rate * 18446744073709551616

    def chance(self, tag: str, subject: str, p: float) -> bool:
        """A fixed-probability choice of the layout (not a gap), stable per subject."""
        h = hashlib.blake2b(self._salt + f"~{tag}|{subject}".encode(), digest_size=4).digest()
        return int.from_bytes(h, "big") < p * 4294967296


class ChosenPlan(Plan):
    """The gaps named one by one: rule -> the subjects it is planted on."""

    def __init__(self, chosen: Mapping[str, Iterable[str]]) -> None:
        super().__init__()
        self.chosen = {rule: frozenset(subjects) for rule, subjects in chosen.items()}

    def hit(self, rule: str, subject: str) -> bool:
        return subject in self.chosen.get(rule, ())


def plant_task_gaps(task: dict[str, Any], plan: Plan, *, overdue: str) -> None:
    """Leave out of a complete ``task`` what ``plan`` plants on it (LIST-001 to LIST-004), in place.

    A task without a ``responsible`` (nobody in post to give it to) is recorded as
    a LIST-001 gap of its own. A task without a deadline cannot also be overdue;
    an overdue one gets the deadline ``overdue`` (before the register's as-of
    date) and stays open.
    """
    tid = task["id"]
    if "responsible" not in task:
        plan.record("LIST-001", tid)
    elif plan.plant("LIST-001", tid):
        del task["responsible"]
    if plan.plant("LIST-002", tid):
        del task["lead"]
    if plan.plant("LIST-003", tid):
        del task["due"]
    elif plan.plant("LIST-004", tid):
        task["due"], task["status"] = overdue, "open"


def chain_breaks(orgs: Iterable[Mapping[str, Any]], broken: set[str]) -> list[tuple[str, str]]:
    """The CHAIN-001 findings implied by ``broken`` links (organizations missing their main or head link).

    Every party organization with a broken organization among its ancestors
    (``parent`` upwards) breaks the chain, in the order of ``orgs``.
    """
    orgs = list(orgs)
    parent = {o["id"]: o.get("parent") for o in orgs}
    below: dict[str, bool] = {}

    def is_below(oid: str) -> bool:
        path: list[str] = []
        x = oid
        while True:
            if x in below:
                result = below[x]
                break
            path.append(x)
            p = parent.get(x)
            if p is None or p in path:  # the top, or a loop of parents
                result = False
                break
            if p in broken:
                result = True
                break
            x = p
        for y in path:
            below[y] = result
        return result

    return [("CHAIN-001", o["id"]) for o in orgs if o["kind"] in PARTY_ORG_KINDS and is_below(o["id"])]
