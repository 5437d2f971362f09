"""Browser-side numbers (playwright + Debian chromium): render time of every page as a ratio to a
bare Streamlit page, server memory after 3 sessions, and 8 sessions changing filters at once."""

from __future__ import annotations

import asyncio
import math
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
FLOORS = [  # bench/floor.py: the bare page plus one trivial chart of each drawing library
    ("bare + one plotly chart", "?chart=plotly", ".js-plotly-plot .main-svg"),
    ("bare + one pydeck map", "?chart=deck", "[data-testid=stDeckGlJsonChart] canvas"),
]
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


def _count_finished_runs(page) -> list[int]:
    """A one-element counter of the script runs the server has reported finished to `page`
    (ForwardMsg.script_finished on its websockets, across full page loads too)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    finished = [0]

    def on_frame(payload) -> None:
        # script_finished is a few bytes; skip parsing the (large) element deltas
        if isinstance(payload, bytes) and len(payload) < 512:
            message = ForwardMsg.FromString(payload)
            if message.WhichOneof("type") == "script_finished":
                finished[0] += 1

    page.on("websocket", lambda socket: socket.on("framereceived", on_frame))
    return finished


async def _after(counter: list[int], seen: int, timeout: float = 30) -> None:
    """Wait until the counter has passed `seen`."""
    deadline = time.monotonic() + timeout
    while counter[0] <= seen:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no script run finished in {timeout:.0f} s")
        await asyncio.sleep(0.02)


async def _load_user(
    browser, base: str, seconds: float, seed: int, delay: float, results: list
) -> None:
    """One user in their own browser context (their own Streamlit session): arrive after `delay`
    seconds, open the overview, then keep switching pages in the app, picking a 领域 in the
    sidebar and clearing it, as a user does (no reloads), until time is up.

    Each action is timed until the script run it caused has finished and the page's content is
    on screen. Records (seconds or None, error text, action) per action."""
    rng = random.Random(seed)
    await asyncio.sleep(delay)
    context = await browser.new_context(viewport={"width": 1600, "height": 900})
    page = await context.new_page()
    finished = _count_finished_runs(page)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    async def settle(action, ready: str, what: str) -> None:
        start = time.perf_counter()
        try:
            seen = finished[0]
            await action()
            await _after(finished, seen)
            await page.wait_for_selector(ready, timeout=30000)
            if await page.locator("[data-testid=stException]").count():
                errors.append("exception on page")
            results.append((time.perf_counter() - start, errors.pop() if errors else "", what))
        except Exception as error:  # noqa: BLE001 - every failure is a result here
            results.append((None, f"{what}: {type(error).__name__}: {str(error)[:160]}", what))

    await settle(lambda: page.goto(f"{base}/"), LOAD_PAGES[0][2], "open")
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
            await sidebar.get_by_test_id("stMultiSelect").first.click()
            await page.get_by_role("option", name=field, exact=True).click()
            await page.keyboard.press("Escape")

        await settle(pick, ready, "filter")
        await settle(sidebar.get_by_role("button", name="清除全部筛选").click, ready, "reset")
    await context.close()


# Pages the load test moves between (the map is left out: its WebGL, drawn in software here,
# costs seconds of CPU per render in the load generator itself).
LOAD_PAGES = [
    ("总览", "", "[data-testid=stMetric]"),  # a 领域 without figures has no KPI cards
    ("医疗", "medical", ".js-plotly-plot"),
    ("教育", "education", ".js-plotly-plot"),
    ("科创", "innovation", ".js-plotly-plot"),
]


def load_test(base: str, users: int = 8, seconds: float = 60, arrival: float = 1.0) -> dict:
    """`users` sessions (contexts of one headless browser, so the load generator itself stays
    small on 2 cores) changing filters and pages at once against one server for `seconds`;
    they arrive `arrival` seconds apart, as people opening a shared link do."""
    from playwright.async_api import async_playwright

    results: list = []

    async def run() -> None:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            await asyncio.gather(
                *(
                    _load_user(browser, base, seconds, seed, seed * arrival, results)
                    for seed in range(users)
                )
            )
            await browser.close()

    asyncio.run(run())
    errors = [e for _, e, _ in results if e]
    summary = {
        "users": users,
        "seconds": seconds,
        "arrival_s": arrival,
        "renders": sum(t is not None for t, _, _ in results),
        "errors": len(errors),
        "error_examples": errors[:3],
    }
    # The budget is for what users do in the app (switch pages, filter, clear); first opens,
    # when Chromium also loads plotly.js, are reported on their own.
    actions = [t for t, _, w in results if w != "open" and t is not None]
    opens = [t for t, _, w in results if w == "open" and t is not None]
    summary.update(_spread("", actions))
    summary.update(_spread("open_", opens))
    for what in ("page", "filter", "reset"):
        summary.update(_spread(f"{what}_", [t for t, _, w in results if w == what and t]))
    return summary


def server_times(run_log: Path) -> dict:
    """What the server took per script run during a load test (JMB_RUN_LOG), in ms."""
    from ui import runlog

    times = [ms / 1000 for _, _, ms in runlog.read(run_log)] if run_log.exists() else []
    spread = _spread("", times)
    return {
        "runs": len(times),
        "median_ms": None if spread["median_s"] is None else round(spread["median_s"] * 1000),
        "p95_ms": None if spread["p95_s"] is None else round(spread["p95_s"] * 1000),
    }


def _spread(prefix: str, times: list[float]) -> dict[str, float | None]:
    """{prefix}median_s and {prefix}p95_s of `times` (nearest rank), None when empty."""
    ordered = sorted(times)
    if not ordered:
        return {f"{prefix}median_s": None, f"{prefix}p95_s": None}
    rank = max(0, math.ceil(len(ordered) * 0.95) - 1)
    return {
        f"{prefix}median_s": round(statistics.median(ordered), 2),
        f"{prefix}p95_s": round(ordered[rank], 2),
    }
