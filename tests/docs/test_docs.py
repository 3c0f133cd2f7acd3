"""The repository stands on its own: its docs are generated or checked, and no file points outside it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from respchain.queries.rules_doc import catalog_markdown

ROOT = Path(__file__).resolve().parents[2]

# Built from pieces so that this file does not match itself.
_OUTSIDE = re.compile(
    "|".join(
        (
            re.escape("../" + "shared"),
            "(?<![\\w.])/" + "(?:work|root|Users)/",
            "(?<![\\w.])/" + "home/[a-z]",
            "(?<![\\w.])/" + "tmp/[\\w.-]",
            "[A-Z]:\\\\" + "Users",
        )
    )
)


def _tracked_files() -> list[Path]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60
        ).stdout
    except (OSError, subprocess.CalledProcessError):  # a copy without git: every file but generated ones
        skip = {".git", ".venv", "out", "test-artifacts", ".neo4j-test", "target", "__pycache__"}
        return [p for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.relative_to(ROOT).parts)]
    return [ROOT / name for name in out.decode("utf-8").split("\0") if name]


def test_the_rule_catalog_page_is_the_catalog():
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == catalog_markdown(), (
        "docs/rules.md is out of date: python -m respchain.queries.rules_doc > docs/rules.md"
    )


def test_no_tracked_file_points_outside_the_repository():
    found = []
    for path in _tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary files (spreadsheets, images)
        for n, line in enumerate(text.splitlines(), 1):
            if _OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:120]}")
    assert not found, "\n".join(found)


def test_the_outside_pattern_catches_what_it_should():
    for bad in ("see ../" + "shared/spec", "/" + "work/main/x", "C:\\" + "Users\\me"):
        assert _OUTSIDE.search(bad), bad
    for fine in ("docs/register.md", "data/seed/000.txt", "https://example.org/tmp/x"):
        assert not _OUTSIDE.search(fine), fine


@pytest.mark.parametrize("doc", ["register.md", "cypher.md", "sparql.md", "rules.md"])
def test_the_docs_the_readme_and_help_texts_name_are_there(doc):
    assert (ROOT / "docs" / doc).is_file()
    assert f"docs/{doc}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_seed_article_ships_with_its_source_and_date():
    seed = ROOT / "data" / "seed"
    article = next(seed.glob("*.txt")).read_text(encoding="utf-8")
    assert "强化全面从严治党政治责任" in article
    readme = (seed / "README.md").read_text(encoding="utf-8")
    assert "中央纪委国家监委网站" in readme and "2025-10-20" in readme


def test_the_register_reference_lists_every_field_the_loader_accepts():
    from respchain.loaders.register_doc import update_document

    doc = (ROOT / "docs" / "register.md").read_text(encoding="utf-8")
    assert doc == update_document(doc), (
        "docs/register.md is out of date: python -m respchain.loaders.register_doc docs/register.md"
    )


def test_the_example_of_the_register_reference_is_a_valid_register(tmp_path, capsys):
    from respchain.cli import main

    doc = (ROOT / "docs" / "register.md").read_text(encoding="utf-8")
    example = tmp_path / "example.yaml"
    example.write_text(re.search(r"```yaml\n(.*?)```", doc, re.S).group(1), encoding="utf-8")
    assert main(["validate", str(example)]) == 0
    assert "有效 / valid" in capsys.readouterr().out
