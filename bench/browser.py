"""Browser-side numbers (playwright + Debian chromium): render time of every page as a ratio to the
floor of the drawing libraries it uses (a bare Streamlit page plus one chart of each: bench/floor.py)
and server memory after 3 sessions. Load on the server is measured without
browsers (bench/room.py); a filter change in one real tab by bench/tab.py."""

from __future__ import annotations

import itertools
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
# (name, url path, selector on screen once the page has drawn, the views/ file it runs): the url
# path and the file are the ones the navigation (ui/routes.py) gives (tests/bench/test_floors.py).
PAGES = [
    ("总览", "", ".kpi", "overview"),
    ("合作地图", "map", "[data-testid=stDeckGlJsonChart] canvas", "map"),
    ("汇报模式", "present", ".slide-footer", "present"),
    ("教育", "education", ".js-plotly-plot", "education"),
    ("医疗", "medical", ".js-plotly-plot", "medical"),
    ("科创", "innovation", ".js-plotly-plot", "innovation"),
    ("文旅", "culture", "[data-testid=stDataFrame]", "culture"),
    ("其他领域", "other-fields", "[data-testid=stDataFrame]", "other_fields"),
    ("行动方案", "tracker", "[data-testid=stDataFrame]", "tracker"),
    ("数据维护", "maintain", "[data-testid=stAlert]", "maintain"),
    ("数据表", "data", "[data-testid=stDataFrame]", "data"),
    ("来源", "sources", ".doc", "sources"),
    ("关于", "about", ".src-footer", "about"),
]
# The environment `make run` serves with (see the Makefile and ui/memory.py).
SERVER_ENV = {"MALLOC_ARENA_MAX": "2"}
BARE = ("bare page", "", "[data-testid=stMarkdown]")
# The drawing libraries a page may use: how bench/floor.py draws one, what it is called and what is
# on screen once it is drawn (Streamlit's own data grid is a library too: its script loads lazily,
# like plotly's and deck.gl's).
LIBRARY_FLOORS = {
    "plotly": ("plotly", "one plotly chart", ".js-plotly-plot .main-svg"),
    "pydeck": ("deck", "one pydeck map", "[data-testid=stDeckGlJsonChart] canvas"),
    "table": ("table", "one table", "[data-testid=stDataFrame] canvas"),
}


def floor_name(libraries: tuple[str, ...]) -> str:
    """'bare + one plotly chart and one table' for the sorted `libraries`."""
    return "bare + " + " and ".join(LIBRARY_FLOORS[name][1] for name in libraries)


PLOTLY_FLOOR = floor_name(("plotly",))
DECK_FLOOR = floor_name(("pydeck",))
BOTH_FLOOR = floor_name(("plotly", "pydeck"))
TABLE_FLOOR = floor_name(("table",))
_COMBINATIONS = [
    combo
    for size in range(1, len(LIBRARY_FLOORS) + 1)
    for combo in itertools.combinations(sorted(LIBRARY_FLOORS), size)
]
FLOORS = [  # bench/floor.py: the bare page plus one trivial chart of each drawing library
    (
        floor_name(combo),
        "?chart=" + ",".join(LIBRARY_FLOORS[name][0] for name in combo),
        LIBRARY_FLOORS[combo[-1]][2],
    )
    for combo in _COMBINATIONS
]
# Issue 16: a page's first open is compared with the floor of the drawing libraries it uses
# (bench/pages.py finds them in the page's first run): (floor, the most it may take) — a chart
# page 1.3× its floor, a page with a map, with tables only, or with neither 1.5×.
FLOOR_BUDGETS = {
    (): (BARE[0], 1.5),
    **{
        combo: (floor_name(combo), 1.3 if "plotly" in combo and "pydeck" not in combo else 1.5)
        for combo in _COMBINATIONS
    },
}
# Drawn means: no script running, every visible chart, map and table has its canvas or SVG, and no
# element is still waiting for its JavaScript (a lazily loaded library shows a skeleton meanwhile).
SETTLED = """() => !document.querySelector('[data-testid=stStatusWidget]')
  && !document.querySelector('[data-testid=stSkeleton]')
  && [...document.querySelectorAll(
       '[data-testid=stPlotlyChart], [data-testid=stDeckGlJsonChart], [data-testid=stDataFrame]')]
     .filter((e) => e.checkVisibility())
     .every((e) => e.querySelector('.main-svg, canvas'))"""

# `ready` is drawn: the element is there and visible, and a map's canvas has had deck.gl's first
# frame (a new canvas is 300×150 until deck.gl sizes it; on this machine's software WebGL that
# frame comes 0.1 s after the canvas for the floor's one layer and ~0.8 s after it for the
# dashboard's map). Checked every POLL_MS: playwright's wait_for_selector polls at widening
# intervals, up to 500 ms apart, which added 0–0.5 s to a time by chance of phase (checking at
# every frame instead slows the page it measures: each check lays the page out).
POLL_MS = 50
DRAWN = """(selector) => {
  const found = document.querySelector(selector);
  if (!found || !found.checkVisibility()) return false;
  const map = found.tagName === 'CANVAS' && found.closest('[data-testid=stDeckGlJsonChart]');
  return !map || !(found.width === 300 && found.height === 150);
}"""


def floor_of(libraries) -> tuple[str, float]:
    """The floor a page that draws with `libraries` ("plotly", "pydeck") is compared with, and
    the most its first open may take as a multiple of that floor."""
    return FLOOR_BUDGETS[tuple(sorted(set(libraries)))]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
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
def serve(script: Path, env: dict[str, str] | None = None) -> Iterator[tuple[str, int]]:
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
    """Seconds from navigation until `ready` is drawn (DRAWN) and the page has settled (SETTLED),
    both checked every POLL_MS."""
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_function(DRAWN, arg=ready, polling=POLL_MS, timeout=timeout * 1000)
    page.wait_for_function(SETTLED, polling=POLL_MS, timeout=timeout * 1000)
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
        for name, path, ready, *_file in pages:
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


def paired_times(pairs, runs: int) -> dict[str, tuple[float, float]]:
    """For each (name, url, ready, floor url, floor ready): the median seconds of the page and of
    its floor, opened alternately (floor, page, page, floor, floor, page, …: neither always goes
    first; a warm-up pair first), each in a new tab, so that both see the same load on a shared
    machine."""
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1600, "height": 900})
        for name, url, ready, floor_url, floor_ready in pairs:
            timings: tuple[list[float], list[float]] = ([], [])
            for attempt in range(runs + 1):
                both = list(zip(timings, ((url, ready), (floor_url, floor_ready)), strict=True))
                for kept, (where, selector) in both[:: 1 if attempt % 2 else -1]:
                    page = context.new_page()
                    elapsed = _render(page, where, selector)
                    page.close()
                    if attempt:
                        kept.append(elapsed)
            results[name] = (statistics.median(timings[0]), statistics.median(timings[1]))
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
            for _name, path, ready, _file in PAGES:
                _render(page, f"{base}/{path}", ready)
                peak = max(peak, server.memory_info().rss / 2**20)
        after = server.memory_info().rss / 2**20
        browser.close()
    return {"rss_start_mb": round(before), "rss_peak_mb": round(peak), "rss_end_mb": round(after)}


def count_finished_runs(page) -> list[int]:
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
