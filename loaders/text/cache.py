"""The private folder where the tokenizer keeps its caches.

jieba writes its prefix dictionary as a ``marshal`` file and loads it back on the
next start, without asking who wrote it; by default the file sits in the shared
temporary folder under a fixed name (``jieba.cache`` in ``tempfile.gettempdir()``), so anyone on the
machine could plant one and change what the extractor reads. The caches of
respchain live instead in a folder of the user's own:

- ``$RESPCHAIN_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/respchain``, else
  ``~/.cache/respchain`` (``%LOCALAPPDATA%\\respchain`` on Windows);
- created with mode 0700; used only when it is a real folder (not a symbolic
  link), owned by the user and closed to group and others.

When no such folder can be had (a read-only home, a folder someone else owns or
can write to) a fresh private temporary folder (``mkdtemp``: mode 0700, a random
name) is used for this process and removed at exit: nothing is cached across
runs then, and nothing planted is read.
"""

from __future__ import annotations

import atexit
import os
import shutil
import stat
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

__all__ = ["cache_dir", "is_private_dir"]


def _candidate(env: dict[str, str] | os._Environ[str]) -> Path | None:
    if env.get("RESPCHAIN_CACHE_DIR"):
        return Path(env["RESPCHAIN_CACHE_DIR"])
    if sys.platform == "win32" and env.get("LOCALAPPDATA"):
        return Path(env["LOCALAPPDATA"]) / "respchain"
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]) / "respchain"
    try:
        return Path.home() / ".cache" / "respchain"
    except RuntimeError:  # no home folder
        return None


def is_private_dir(path: str | Path) -> bool:
    """Whether ``path`` is a folder (not a link) that only the current user can write.

    On systems without user ids (Windows) any real folder counts.
    """
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o077


@lru_cache(maxsize=1)
def cache_dir() -> Path:
    """The private cache folder of this user (see the module docstring)."""
    cand = _candidate(os.environ)
    if cand is not None:
        try:
            cand.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            pass
        else:
            if is_private_dir(cand):
                return cand
    tmp = Path(tempfile.mkdtemp(prefix="respchain-cache-"))
    atexit.register(shutil.rmtree, tmp, True)
    return tmp
