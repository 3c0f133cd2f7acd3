"""Check the evidence files of a register (全程留痕): each exists and still has its recorded digest.

An evidence record's ``file`` is relative to the folder of the register file
that holds the record. A record without ``file`` proves nothing on disk and is
listed as such; a file whose SHA-256 differs from the recorded ``sha256`` is
shown as changed, never silently accepted. Files are read in blocks, so a large
file costs no memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from respchain.loaders.register import Register, load_register

__all__ = ["EvidenceCheck", "verify_evidence", "file_sha256", "STATUS_TEXT"]

STATUS_TEXT = {
    "ok": ("完好", "ok"),
    "unchecked": ("存在（未登记摘要）", "present (no digest recorded)"),
    "missing": ("缺失", "missing"),
    "changed": ("已改动", "changed"),
    "not_a_file": ("不是文件", "not a file"),
    "no_file": ("未登记文件", "no file recorded"),
}
FAILING = frozenset({"missing", "changed", "not_a_file"})


@dataclass(frozen=True)
class EvidenceCheck:
    """The check of one evidence record."""

    id: str
    title: str
    register: str
    line: int
    file: str | None
    path: str | None
    status: str
    expected: str | None = None
    actual: str | None = None

    @property
    def failed(self) -> bool:
        return self.status in FAILING

    def to_dict(self) -> dict:
        return {
            k: getattr(self, k)
            for k in ("id", "title", "register", "line", "file", "path", "status", "expected", "actual")
        }


def file_sha256(path: str | Path, block: int = 1 << 20) -> str:
    """The SHA-256 of a file, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(block):
            h.update(chunk)
    return h.hexdigest()


def verify_evidence(register: Register | str | Path | Sequence[str | Path]) -> list[EvidenceCheck]:
    """Check every evidence record of a register against the files beside it.

    Returns
    -------
    list of EvidenceCheck
        In the register's order; ``status`` is ``ok``, ``unchecked`` (present,
        no digest recorded), ``missing``, ``changed``, ``not_a_file`` or ``no_file``.

    Raises
    ------
    RegisterError
        When the register itself is invalid.
    """
    reg = register if isinstance(register, Register) else load_register(register)
    out = []
    for ev in reg.evidence:
        src = ev.get("_file", "")
        base = dict(
            id=ev["id"], title=ev["title"], register=src, line=ev.get("_line", 0), file=ev.get("file")
        )
        if not ev.get("file"):
            out.append(EvidenceCheck(**base, path=None, status="no_file"))
            continue
        path = Path(src).parent / ev["file"]
        expected = ev.get("sha256")
        if not path.exists():
            out.append(EvidenceCheck(**base, path=str(path), status="missing", expected=expected))
        elif not path.is_file():
            out.append(EvidenceCheck(**base, path=str(path), status="not_a_file", expected=expected))
        else:
            try:
                actual = file_sha256(path)
            except OSError:
                out.append(EvidenceCheck(**base, path=str(path), status="missing", expected=expected))
                continue
            if expected is None:
                status = "unchecked"
            else:
                status = "ok" if actual == expected else "changed"
            out.append(EvidenceCheck(**base, path=str(path), status=status, expected=expected, actual=actual))
    return out
