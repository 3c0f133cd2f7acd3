"""Every example in the package's docstrings runs and shows what it says.

The package is assembled from several folders (``graph/`` is installed as
``respchain.graph``...), so the modules are imported by their installed names
(as a user imports them) rather than by file path. The examples run in a
private folder holding the repository's ``data`` and ``tests`` folders, so that
their relative paths (``data/seed``) resolve and what they write stays there.
Only examples that need a live Neo4j server are marked ``+SKIP``.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Modules run as programs only (importing them starts a command).
_NOT_IMPORTED = {"respchain.__main__"}


# The folders installed under respchain beside its own (pyproject's package-dir).
_MAPPED = ("respchain.graph", "respchain.loaders", "respchain.queries", "respchain.viz")


def _modules() -> list[str]:
    names = {"respchain", *_MAPPED}
    for package in ("respchain", *_MAPPED):
        path = importlib.import_module(package).__path__
        for info in pkgutil.walk_packages(path, package + "."):
            names.add(info.name)
    return sorted(names - _NOT_IMPORTED)


def _tests_of(name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    return [t for t in finder.find(module, name) if t.examples]


MODULES = _modules()


def test_the_walk_finds_every_layer():
    for layer in ("graph", "loaders", "queries", "viz", "teach", "commands"):
        assert any(m.startswith(f"respchain.{layer}.") for m in MODULES), layer


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    tests = _tests_of(name)
    if not tests:
        return
    for folder in ("data", "tests"):
        (tmp_path / folder).symlink_to(ROOT / folder, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    failed: list[str] = []
    for test in tests:
        runner.run(test, out=failed.append)
    assert not failed, "".join(failed)
