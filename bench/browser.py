"""Browser-side numbers (playwright + Debian chromium): render time of every page as a ratio to a
bare Streamlit page, server memory after 3 sessions, and 8 sessions changing filters at once."""

from __future__ import annotations

import multiprocessing
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
BARE = ("bare page", "", "[data-testid=stMarkdown]")
FIELDS = ("教育", "医疗", "科创", "文旅", "产业", "能源")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
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


def _load_worker(base: str, seconds: float, seed: int, queue) -> None:
    """One user: open the overview, then keep changing the filters (through the URL) until time
    is up; reports (render seconds, error text) per change."""
    from playwright.sync_api import sync_playwright

    rng = random.Random(seed)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            path = rng.choice(["", "education", "medical", "map", "tracker"])
            ready = {p: r for _n, p, r in PAGES}[path]
            query = f"?field={rng.choice(FIELDS)}" if path in ("", "map") else ""
            try:
                elapsed = _render(page, f"{base}/{path}{query}", ready, timeout=30)
                queue.put((elapsed, errors.pop() if errors else ""))
            except Exception as error:  # noqa: BLE001 - every failure is a result here
                queue.put((None, f"{type(error).__name__}: {str(error)[:200]}"))
        browser.close()


def load_test(base: str, users: int = 8, seconds: float = 60) -> dict[str, float]:
    """`users` browsers changing filters at once against one server for `seconds`."""
    queue = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=_load_worker, args=(base, seconds, seed, queue))
        for seed in range(users)
    ]
    for worker in workers:
        worker.start()
    results = []
    deadline = time.monotonic() + seconds + 120
    while any(w.is_alive() for w in workers) or not queue.empty():
        try:
            results.append(queue.get(timeout=1))
        except Exception:  # noqa: BLE001 - queue.Empty
            if time.monotonic() > deadline:
                break
    for worker in workers:
        worker.join(timeout=5)
    times = sorted(t for t, _ in results if t is not None)
    errors = [e for _, e in results if e]
    return {
        "users": users,
        "seconds": seconds,
        "renders": len(times),
        "errors": len(errors),
        "error_examples": errors[:3],
        "median_s": round(statistics.median(times), 2) if times else None,
        "p95_s": round(times[max(0, int(len(times) * 0.95) - 1)], 2) if times else None,
    }
