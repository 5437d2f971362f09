"""Browser-side numbers (playwright + Debian chromium): render time of every page as a ratio to a
bare Streamlit page, server memory after 3 sessions, and 8 sessions changing filters at once."""

from __future__ import annotations

import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
# (name, url path, selector on screen once the page has fully rendered)
PAGES = [
    ("总览", "", ".kpi"),
    ("合作地图", "map", "[data-testid=stDeckGlJsonChart] canvas"),
    ("汇报模式", "present", ".slide-footer"),
    ("教育", "education", ".js-plotly-plot"),
    ("医疗", "medical", ".js-plotly-plot"),
    ("科创", "innovation", ".js-plotly-plot"),
    ("文旅", "culture", "[data-testid=stDataFrame]"),
    ("其他领域", "other-fields", "[data-testid=stDataFrame]"),
    ("行动方案", "tracker", "[data-testid=stDataFrame]"),
    ("数据维护", "maintain", "[data-testid=stAlert]"),
    ("数据表", "data", "[data-testid=stDataFrame]"),
    ("来源", "sources", ".doc"),
    ("关于", "about", ".src-footer"),
]
# The environment `make run` serves with (see the Makefile and ui/memory.py).
SERVER_ENV = {"MALLOC_ARENA_MAX": "2"}
BARE = ("bare page", "", "[data-testid=stMarkdown]")
FIELDS = ("教育", "医疗", "科创", "文旅", "产业", "能源")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(base: str, seconds: float = 120) -> None:
    """Poll Streamlit's health endpoint; raises when the server is not up in `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"Streamlit server at {base} did not become healthy in {seconds:.0f} s")


@contextmanager
def serve(script: Path, env: dict[str, str] | None = None):
    """`streamlit run script` on a free port; yields (base url, server pid)."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    log = open(ROOT / "artifacts" / f"bench-{script.stem}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **SERVER_ENV, **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def _render(page, url: str, ready: str, timeout: float = 60) -> float:
    """Seconds from navigation until `ready` is on screen and Streamlit's running widget is gone."""
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(ready, timeout=timeout * 1000)
    page.wait_for_function(
        "!document.querySelector('[data-testid=stStatusWidget]')", timeout=timeout * 1000
    )
    if page.locator("[data-testid=stException]").count():
        raise RuntimeError(f"exception on {url}")
    return time.perf_counter() - start


def render_times(base: str, pages, runs: int) -> dict[str, float]:
    """Median render seconds per page: a warm-up, then `runs` loads, each in a new tab (a new
    Streamlit session; the browser's HTTP cache is warm, as for a returning user)."""
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1600, "height": 900})
        for name, path, ready in pages:
            timings = []
            for attempt in range(runs + 1):
                page = context.new_page()
                elapsed = _render(page, f"{base}/{path}", ready)
                page.close()
                if attempt:
                    timings.append(elapsed)
            results[name] = statistics.median(timings)
        browser.close()
    return results


def memory_after_sessions(base: str, pid: int, sessions: int = 3) -> dict[str, float]:
    """Server RSS (MB) after opening every page in `sessions` browser sessions (kept open)."""
    import psutil
    from playwright.sync_api import sync_playwright

    server = psutil.Process(pid)
    before = server.memory_info().rss / 2**20
    peak = before
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        contexts = [
            browser.new_context(viewport={"width": 1600, "height": 900}) for _ in range(sessions)
        ]
        for context in contexts:
            page = context.new_page()
            for _name, path, ready in PAGES:
                _render(page, f"{base}/{path}", ready)
                peak = max(peak, server.memory_info().rss / 2**20)
        after = server.memory_info().rss / 2**20
        browser.close()
    return {"rss_start_mb": round(before), "rss_peak_mb": round(peak), "rss_end_mb": round(after)}


async def _load_user(browser, base: str, seconds: float, seed: int, results: list) -> None:
    """One user in their own browser context (their own Streamlit session): open the overview,
    then keep changing the 领域 filter in the sidebar and switching pages in the app, as a user
    does (no reloads), until time is up. Records (render seconds, error text) per change."""
    rng = random.Random(seed)
    context = await browser.new_context(viewport={"width": 1600, "height": 900})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    async def settle(action, ready: str, what: str) -> None:
        start = time.perf_counter()
        try:
            await action()
            await page.wait_for_selector(ready, timeout=30000)
            await page.wait_for_function(
                "!document.querySelector('[data-testid=stStatusWidget]')", timeout=30000
            )
            if await page.locator("[data-testid=stException]").count():
                errors.append("exception on page")
            results.append((time.perf_counter() - start, errors.pop() if errors else "", what))
        except Exception as error:  # noqa: BLE001 - every failure is a result here
            results.append((None, f"{type(error).__name__}: {str(error)[:160]}", what))

    await settle(lambda: page.goto(f"{base}/"), ".kpi", "open")
    sidebar = page.get_by_test_id("stSidebar")
    deadline = time.monotonic() + seconds
    current = LOAD_PAGES[0][0]
    while time.monotonic() < deadline:
        name, _path, ready = rng.choice([p for p in LOAD_PAGES if p[0] != current])
        current = name
        await settle(
            lambda name=name: sidebar.get_by_role("link", name=name).click(), ready, "page"
        )
        field = rng.choice(FIELDS[:4])

        async def pick(field=field) -> None:
            box = sidebar.get_by_test_id("stMultiSelect").first
            await box.click()
            await page.keyboard.type(field)
            await page.keyboard.press("Enter")
            await page.keyboard.press("Escape")

        await settle(pick, ready, "filter")
        await settle(sidebar.get_by_role("button", name="清除全部筛选").click, ready, "reset")
    await context.close()


# Pages the load test moves between (the map is left out: its WebGL, drawn in software here,
# costs seconds of CPU per render in the load generator itself).
LOAD_PAGES = [
    ("总览", "", ".kpi"),
    ("医疗", "medical", ".js-plotly-plot"),
    ("教育", "education", ".js-plotly-plot"),
    ("科创", "innovation", ".js-plotly-plot"),
]


def load_test(base: str, users: int = 8, seconds: float = 60) -> dict:
    """`users` sessions (contexts of one headless browser, so the load generator itself stays
    small on 2 cores) changing filters and pages at once against one server for `seconds`."""
    import asyncio

    from playwright.async_api import async_playwright

    results: list = []

    async def run() -> None:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            await asyncio.gather(
                *(_load_user(browser, base, seconds, seed, results) for seed in range(users))
            )
            await browser.close()

    asyncio.run(run())
    times = sorted(t for t, _, _ in results if t is not None)
    errors = [e for _, e, _ in results if e]
    by_action = {
        what: round(statistics.median(ts), 2)
        for what in ("open", "page", "filter", "reset")
        if (ts := [t for t, _, w in results if w == what and t is not None])
    }
    return {
        "users": users,
        "seconds": seconds,
        "renders": len(times),
        "errors": len(errors),
        "error_examples": errors[:3],
        "median_s": round(statistics.median(times), 2) if times else None,
        "median_s_by_action": by_action,
        "p95_s": round(times[max(0, int(len(times) * 0.95) - 1)], 2) if times else None,
    }
