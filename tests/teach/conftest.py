"""Fixtures of the teaching tests: a headless Chromium with the network blocked, and built pages."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def lesson_pages(tmp_path_factory) -> dict[str, Path]:
    """The lesson page in both languages, built once."""
    from respchain.viz.lesson import save_lesson

    d = tmp_path_factory.mktemp("lesson")
    return {lang: save_lesson(d / f"lesson-{lang}.html", lang) for lang in ("zh", "en")}


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; every http(s)/ws/ftp request is blocked and logged."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail(
            "headless Chromium and chromedriver are required at /usr/bin (scripts/sysdeps.sh installs them)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="rc-teach-chrome-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        f"--user-data-dir={profile}",
    ):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd(
            "Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"]}
        )
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path, timeout: float = 20.0) -> None:
    """Load ``path`` (clearing the logs first) and wait until the page's script has run."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: d.execute_script("return !!(window.respchain && window.respchain.ready)")
    )


def requests_made(driver) -> list[str]:
    """Every URL the page asked for since the last call (blocked ones included)."""
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def console_errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def screenshot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    p = ARTIFACTS / name
    driver.save_screenshot(str(p))
    return p
