"""Writing files whole or not at all.

Every output of respchain (graphs, reports, pages, drafts, ledgers) is written
to a private temporary file in the target folder (``tempfile.mkstemp``: a
random name, created exclusively, so no planted file or symlink is followed)
and renamed into place, so that a failure never leaves half a file and a reader
never sees one.

- Writing over an existing file keeps its permissions; a new file gets the
  usual ``0o666`` less the umask.
- A target that is a symlink is written through: the file it points to is
  replaced, the link stays. A target that is a device, a pipe or a folder is
  refused.
- Inside :func:`all_or_none`, the renames wait until the block ends without an
  error: a command with several outputs writes all of them or none.
"""

from __future__ import annotations

import contextvars
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from respchain.exceptions import InputError, Problem

__all__ = ["atomic_path", "write_text_atomic", "all_or_none", "shareable_path", "example_registers"]

_PENDING: contextvars.ContextVar[list[tuple[Path, Path]] | None] = contextvars.ContextVar(
    "pending", default=None
)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _target(path: Path) -> tuple[Path, int | None]:
    """The file to replace (a symlink's target) and the mode to give it."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        st = path.stat()
    except FileNotFoundError:
        return path, None
    if not stat.S_ISREG(st.st_mode):
        what = "目录 / a folder" if stat.S_ISDIR(st.st_mode) else "设备或管道 / a device or pipe"
        raise InputError(
            Problem(str(path), 0, "", f"输出不是普通文件 / the output is not a regular file but {what}")
        )
    return path, stat.S_IMODE(st.st_mode)


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a private temporary path beside ``path``; on success rename it to ``path``.

    The folder is created when missing. On an exception the temporary file is
    removed and ``path`` is left as it was.

    Raises
    ------
    InputError
        When ``path`` is a folder, a device or a pipe.
    """
    target, mode = _target(Path(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    # the temporary name keeps the suffix: some writers (openpyxl) look at it
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix or ".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    pending = _PENDING.get()
    try:
        yield tmp_path
        os.chmod(tmp_path, mode if mode is not None else 0o666 & ~_umask())
        if pending is not None:
            pending.append((tmp_path, target))
            return
        os.replace(tmp_path, target)
    finally:
        if pending is None or not any(t == tmp_path for t, _ in pending):
            tmp_path.unlink(missing_ok=True)


@contextmanager
def all_or_none() -> Iterator[None]:
    """Within the block, files written with :func:`atomic_path` are put in place
    only when the whole block succeeds; on an error none of them is."""
    if _PENDING.get() is not None:  # nested: the outer block decides
        yield
        return
    pending: list[tuple[Path, Path]] = []
    token = _PENDING.set(pending)
    try:
        yield
        for tmp, target in pending:
            os.replace(tmp, target)
    finally:
        _PENDING.reset(token)
        for tmp, _ in pending:
            tmp.unlink(missing_ok=True)


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


_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def example_registers() -> dict[str, Path]:
    """The example registers shipped with respchain: short name -> folder.

    They are the repository's ``data/`` folder, installed as the data package
    ``respchain.examples``.
    """
    import importlib.util

    spec = importlib.util.find_spec("respchain.examples")
    locations = list(spec.submodule_search_locations or []) if spec else []
    base = next((Path(p) for p in locations if Path(p).is_dir()), _DATA_DIR)
    if not base.is_dir():
        return {}
    return {p.name: p for p in sorted(base.iterdir()) if p.is_dir() and any(p.glob("*.yaml"))}
