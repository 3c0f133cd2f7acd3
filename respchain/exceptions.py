"""The one exception tree of respchain.

Every error respchain raises on purpose derives from :class:`RespchainError`.
The narrow ones also derive from the builtin a caller would expect, so that
``except ValueError`` keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "RespchainError",
    "Problem",
    "RegisterError",
    "InputError",
    "BackendError",
    "UnknownRuleError",
    "ObligationError",
    "RubricError",
]


class RespchainError(Exception):
    """Root of every respchain error."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in an input file: where it is and what is wrong.

    ``path`` is the field path inside the record (``organizations[3].kind``);
    ``line`` is 1-based, or 0 when the position is unknown.
    """

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if not where:  # a problem with a command-line value, not with a file
            return f"{self.path}: {self.message}" if self.path else self.message
        return f"{where} {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class InputError(RespchainError, ValueError):
    """Input that cannot be used; carries every problem found, not the first only."""

    title_zh = "输入有误"
    title_en = "invalid input"

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("", 0, "", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        n = len(self.problems)
        head = f"{self.title_zh} / {self.title_en}: {n} 个问题 / {n} problem(s)"
        if n == 1 and not self.problems[0].file:  # one bad option value: one line
            super().__init__(f"{self.title_zh} / {self.title_en}: {self.problems[0]}")
            return
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


class RegisterError(InputError):
    """A register that breaks the register format (register.md)."""

    title_zh = "登记册有误"
    title_en = "invalid register"


class ObligationError(InputError):
    """An obligation file that breaks the obligation format (docs/obligations.md)."""

    title_zh = "义务文件有误"
    title_en = "invalid obligation file"


class RubricError(InputError):
    """A rubric file that breaks the rubric format (docs/obligations.md)."""

    title_zh = "考核细则有误"
    title_en = "invalid rubric"


class UnknownRuleError(RespchainError, KeyError):
    """A rule id or family that the catalog does not have."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown rule"


class BackendError(RespchainError, RuntimeError):
    """A backend (Neo4j, RDF store) refused or failed; wraps the driver's error."""
