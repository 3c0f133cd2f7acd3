"""The tokenizer's caches live in a private folder: a planted cache is never read."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

# Prints what the tokenizer and the tag table hold after loading in a fresh process.
_PROBE = """
import json
from respchain.loaders.text.cache import cache_dir
from respchain.loaders.text.lexicon import tag_table, tokenizer
tk = tokenizer()
print(json.dumps({
    "words": list(tk.cut("县纪委监委开展约谈")),
    "freq": len(tk.FREQ),
    "tag": tag_table().get("的"),
    "cache": str(cache_dir()),
}, ensure_ascii=False))
"""


def _plant(folder: Path) -> None:
    """A poisoned jieba prefix cache and tag table under the names the shared folder used."""
    import jieba

    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "jieba.cache", "wb") as fh:
        marshal.dump(({"县": 1, "纪": 1, "PLANTED": 1}, 3), fh)
    st = os.stat(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"))
    for name in (
        f"respchain-jieba-tags-{st.st_size}-{int(st.st_mtime)}.marshal",
        f"jieba-tags-{st.st_size}-{int(st.st_mtime)}.marshal",
    ):
        with open(folder / name, "wb") as fh:
            marshal.dump({"的": "PLANTED"}, fh)


def _probe(env: dict[str, str]) -> dict:
    full = {k: v for k, v in os.environ.items() if k not in ("RESPCHAIN_CACHE_DIR", "XDG_CACHE_HOME")}
    full.update(env)
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], env=full, capture_output=True, text=True, timeout=300, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _clean(r: dict) -> bool:
    return r["freq"] > 100_000 and "纪委监委" in r["words"] and r["tag"] == "uj"


def test_a_cache_planted_in_the_shared_temp_folder_is_not_loaded(tmp_path: Path):
    shared = tmp_path / "shared-tmp"
    _plant(shared)
    home_cache = tmp_path / "xdg"
    r = _probe({"TMPDIR": str(shared), "XDG_CACHE_HOME": str(home_cache)})
    assert _clean(r), r
    private = home_cache / "respchain"
    assert r["cache"] == str(private)
    assert (private.stat().st_mode & 0o777) == 0o700
    assert (private / "jieba.cache").is_file()  # jieba's cache is kept, in the private folder
    # The second start reads the private cache and is still right.
    assert _clean(_probe({"TMPDIR": str(shared), "XDG_CACHE_HOME": str(home_cache)}))


def test_a_cache_folder_others_can_write_is_not_trusted(tmp_path: Path):
    folder = tmp_path / "xdg" / "respchain"
    _plant(folder)
    folder.chmod(0o777)
    r = _probe({"XDG_CACHE_HOME": str(tmp_path / "xdg"), "TMPDIR": str(tmp_path)})
    assert _clean(r), r
    assert r["cache"] != str(folder)
    # A symbolic link in the folder's place is not followed either.
    target = tmp_path / "elsewhere"
    _plant(target)
    target.chmod(0o700)
    link_home = tmp_path / "xdg2"
    link_home.mkdir()
    (link_home / "respchain").symlink_to(target, target_is_directory=True)
    r = _probe({"XDG_CACHE_HOME": str(link_home), "TMPDIR": str(tmp_path)})
    assert _clean(r), r
    assert r["cache"] != str(link_home / "respchain")
