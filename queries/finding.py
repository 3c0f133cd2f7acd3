"""The result of a gap rule: a frozen :class:`Finding`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from respchain.graph.schema import vocab_label

__all__ = ["Finding", "Severity", "SEVERITY_ORDER"]


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for high ... 3 for info: sorts high first."""
        return SEVERITY_ORDER[self.value]

    @property
    def zh(self) -> str:
        return vocab_label(self.value, "zh", "severity")


SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


@dataclass(frozen=True)
class Finding:
    """One gap in the responsibility chain.

    Attributes
    ----------
    rule : str
        The rule id (``MAIN-001``).
    severity : str
        ``high``, ``medium``, ``low`` or ``info``.
    subject : str
        The id of the node the finding is about.
    subject_name : str
        Its name.
    message_zh, message_en : str
        What is missing, in Chinese and English.
    evidence : tuple of str
        The ids that show the gap (the subject first), as defined per rule in the
        catalog; the same on every backend.
    source : str or None
        The source id of the subject's record, if it has one.
    """

    rule: str
    severity: str
    subject: str
    subject_name: str
    message_zh: str
    message_en: str
    evidence: tuple[str, ...] = field(default_factory=tuple)
    source: str | None = None

    def sort_key(self) -> tuple[Any, ...]:
        """Severity (high first), then rule, then subject: the catalog's order."""
        return (SEVERITY_ORDER[self.severity], self.rule, self.subject)

    def key(self) -> tuple[str, str]:
        """``(rule, subject)``: what identifies a finding across runs and backends."""
        return (self.rule, self.subject)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = list(self.evidence)
        return d
