"""Writing files whole or not at all.

Every output of respchain (graphs, reports, pages, drafts, ledgers) is written
to a temporary file in the target folder and renamed into place, so that a
failure never leaves half a file and a reader never sees one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_path", "write_text_atomic", "shareable_path"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success rename it to ``path``.

    The folder is created when missing. The file gets the usual permissions
    (``0o666`` less the umask), not the private ones of a temporary file. On an
    exception the temporary file is removed and ``path`` is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # the temporary name keeps the suffix: some writers (openpyxl) look at it
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix or ".part", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, path)
    finally:
        tmp_path.unlink(missing_ok=True)


def write_text_atomic(path: str | Path, text: str, *, newline: str | None = "\n") -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically; return ``path``."""
    path = Path(path)
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline=newline) as f:
        f.write(text)
    return path


def shareable_path(path: str | Path) -> str:
    """A path fit for outputs a user shares: relative to the working folder when
    the file is inside it, else the file name alone; never an absolute local path.

    Examples
    --------
    >>> shareable_path("/nowhere/near/city.yaml")
    'city.yaml'
    >>> shareable_path("data/city.yaml")
    'data/city.yaml'
    """
    p = Path(path)
    if not str(path):
        return ""
    if not p.is_absolute():
        return p.as_posix()
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return p.name
