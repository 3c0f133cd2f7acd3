"""Teaching material: rule examples, exercises with planted gaps, the seed's cases and quiz."""

from respchain.teach.exercise import (
    LEVELS,
    CheckResult,
    Exercise,
    check_answers,
    format_check,
    make_exercise,
    new_exercise,
    read_answers,
)
from respchain.teach.rules import RULE_EXAMPLES, RuleExample, rule_example, rule_examples

__all__ = [
    "LEVELS",
    "Exercise",
    "CheckResult",
    "make_exercise",
    "new_exercise",
    "read_answers",
    "check_answers",
    "format_check",
    "RULE_EXAMPLES",
    "RuleExample",
    "rule_example",
    "rule_examples",
]
