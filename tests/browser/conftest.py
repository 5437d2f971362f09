"""A real Streamlit server and headless Debian Chromium for browser tests (marker `browser`)."""

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.browser import free_port, wait_until_healthy
from tests.conftest import ROOT
from ui.routes import url_paths

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
STREAMLIT_PROBE = re.compile(r"/([^/]+)/_stcore/(?:health|host-config)$")
PAGE_PATHS = set(url_paths())
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if os.environ.get("NO_BROWSER") == "1":
                item.add_marker(pytest.mark.skip(reason="NO_BROWSER=1 set by hand"))


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """`streamlit run web.py` (as `make run`) on a free local port, shared by the session; yields
    its base URL."""
    yield from run_server("server")


@pytest.fixture
def fresh_server() -> Iterator[str]:
    """A server that no browser has talked to yet (first requests behave differently)."""
    yield from run_server("fresh-server")


def run_server(name: str) -> Iterator[str]:
    """Start `streamlit run web.py` on a free local port; log to artifacts/<name>.log."""
    port = free_port()
    (ROOT / "artifacts").mkdir(exist_ok=True)
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "web.py"),
        "--server.headless", "true", "--server.address", "127.0.0.1",
        "--server.port", str(port), "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    env = {key: value for key, value in os.environ.items() if key != "JMB_DATA_DIR"}
    with open(ROOT / "artifacts" / f"{name}.log", "w") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_healthy(base)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run `make browser-deps` (make test does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """Records what a page did that a user or an intranet firewall would notice."""

    def __init__(self, page):
        self.page = page
        self.outside: list[str] = []
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        page.on("request", self._on_request)
        page.on("console", self._on_console)
        page.on("response", self._on_response)

    def _on_request(self, request) -> None:
        if not request.url.startswith(LOCAL_PREFIXES):
            self.outside.append(request.url)

    def _on_console(self, message) -> None:
        # Failed loads are judged by _on_response, which knows the URL.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append(message.text)

    def _on_response(self, response) -> None:
        # On an unknown address Streamlit's front end first probes <address>/_stcore/… to detect
        # a base path; those 404s are expected. On a page's own address the app's page tells it
        # the root (deploy/page.py), so a probe there is a defect, like any other failed load.
        probe = STREAMLIT_PROBE.search(response.url)
        if response.status >= 400 and (not probe or probe.group(1) in PAGE_PATHS):
            self.failed.append(f"{response.status} {response.url}")

    def open(self, url: str, ready: str = "[data-testid=stMainBlockContainer] h1") -> None:
        """Go to `url` and wait until `ready` is on screen (Streamlit renders after its websocket)."""
        self.page.goto(url)
        self.page.wait_for_selector(ready, timeout=30000)
        self.page.wait_for_function(
            "!document.querySelector('[data-testid=stStatusWidget]')", timeout=30000
        )

    def assert_clean(self) -> None:
        """Nothing left the machine, nothing failed to load, nothing was logged as an error."""
        assert self.outside == [], f"requests left the machine: {self.outside}"
        assert self.failed == [], f"failed loads: {self.failed}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture
def watched(browser, server):
    """A 1600×900 page (the projector size) whose outside requests and console errors are kept."""
    context = browser.new_context(viewport={"width": 1600, "height": 900}, locale="zh-CN")
    page = context.new_page()
    yield PageWatch(page)
    context.close()
