"""Headless Debian Chromium driven through chromedriver, with the network blocked.

Shared by the browser tests of every area (viz pages, the lesson page): start a
browser with :func:`chromium`, open a page with :func:`open_page`, then check
:func:`requests_made` and :func:`console_errors`.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

__all__ = [
    "CHROMIUM",
    "CHROMEDRIVER",
    "ARTIFACTS",
    "FLAGS",
    "BLOCKED",
    "require_chromium",
    "chromium",
    "requests_made",
    "console_errors",
    "wait_ready",
    "open_page",
    "screenshot",
]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# Every network scheme a page could reach out with.
BLOCKED = ("http://*", "https://*", "ws://*", "wss://*", "ftp://*")


def require_chromium() -> None:
    """Fail the test (not skip it) when Chromium or chromedriver is missing."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail(
            "headless Chromium and chromedriver are required at /usr/bin (scripts/sysdeps.sh installs them)"
        )


@contextmanager
def chromium(window_size: str = "1500,950", also_block: Iterable[str] = ()) -> Iterator:
    """A fresh headless Chromium whose every http(s)/ws/ftp request is blocked and logged.

    Parameters
    ----------
    window_size : str
        ``"width,height"`` of the window, in CSS pixels.
    also_block : iterable of str
        More URL patterns to block besides :data:`BLOCKED`.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="rc-chrome-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for f in (*FLAGS, f"--window-size={window_size}", f"--user-data-dir={profile}"):
        opts.add_argument(f)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": [*BLOCKED, *also_block]})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def requests_made(driver) -> list[str]:
    """Every URL the page asked for since the last call (from the performance log), blocked ones included."""
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def console_errors(driver) -> list[dict]:
    """The SEVERE entries of the browser console since the last call."""
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def wait_ready(driver, timeout: float = 20.0) -> None:
    """Wait until the page's script has run (it sets ``window.respchain.ready``)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: d.execute_script("return !!(window.respchain && window.respchain.ready)")
    )


def open_page(driver, path: Path, timeout: float = 20.0) -> None:
    """Load ``path`` (clearing the logs first) and wait until the page's script has run."""
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.resolve().as_uri())
    wait_ready(driver, timeout)


def screenshot(driver, name: str) -> Path:
    """Save a screenshot under ``test-artifacts/`` and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    p = ARTIFACTS / name
    driver.save_screenshot(str(p))
    return p
