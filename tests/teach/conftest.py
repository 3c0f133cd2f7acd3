"""Fixtures of the teaching tests: a headless Chromium with the network blocked, and built pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium, require_chromium


@pytest.fixture(scope="session")
def lesson_pages(tmp_path_factory) -> dict[str, Path]:
    """The lesson page in both languages, built once."""
    from respchain.teach.lesson import save_lesson

    d = tmp_path_factory.mktemp("lesson")
    return {lang: save_lesson(d / f"lesson-{lang}.html", lang) for lang in ("zh", "en")}


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; every http(s)/ws/ftp request is blocked and logged."""
    require_chromium()
    with chromium(window_size="1400,1000") as driver:
        yield driver
