"""`make bench`, part "a filter change in one real tab" (budget: settled in ≤ 0.3 s, median).

python -m bench.tab [--changes 20]

One Debian Chromium tab, no other load, on 总览 (bundled data): a click on the quick field switch
(全部/教育/医疗/科创/文旅) is timed until it has settled: the script run it caused has finished
(ForwardMsg.script_finished on the tab's websocket), no element is stale (`data-stale`), the
running indicator is gone and every plotly chart on the page is drawn. The same click on a bare
page with one segmented control and one plotly chart (bench/floor.py ?chart=switch) is the floor,
measured in the same run. Merges its result into artifacts/bench.json under "filter_change_tab".
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from bench import browser

ROOT = Path(__file__).resolve().parents[1]
BUDGET_S = 0.3
CHOICES = ("教育", "医疗", "全部", "科创", "文旅", "全部")
WARM_UP = 3  # first clicks (plotly.js and fonts loaded, caches filled) are not counted
# Settled: nothing stale, nothing running, every plotly chart drawn.
SETTLED = """() =>
  !document.querySelector('[data-testid=stElementContainer][data-stale=true]')
  && !document.querySelector('[data-testid=stStatusWidget]')
  && [...document.querySelectorAll('.js-plotly-plot')].every(
       (plot) => plot._fullLayout && plot.querySelector('.main-svg .trace'))"""


def _click_and_settle(page, finished: list[int], choice: str) -> float:
    """Seconds from a click on `choice` in the page's segmented control until settled."""
    button = page.get_by_test_id("stButtonGroup").get_by_role("radio", name=choice, exact=True)
    button.wait_for()
    seen = finished[0]
    started = time.perf_counter()
    button.click()
    while finished[0] <= seen:  # frames are delivered while playwright waits
        page.wait_for_timeout(2)
        if time.perf_counter() - started > 30:
            raise TimeoutError(f"no script run finished after a click on {choice}")
    page.wait_for_function(SETTLED, polling="raf", timeout=30000)
    elapsed = time.perf_counter() - started
    if page.locator("[data-testid=stException]").count():
        raise RuntimeError(f"exception after a click on {choice}")
    return elapsed


def filter_change_times(url: str, changes: int, ready: str) -> list[float]:
    """Seconds to settle after each of `changes` clicks on the quick field switch at `url`."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=browser.CHROMIUM, args=browser.ARGS)
        page = chromium.new_context(viewport={"width": 1366, "height": 768}).new_page()
        finished = browser.count_finished_runs(page)
        page.goto(url)
        page.wait_for_selector(ready, timeout=60000)
        page.wait_for_function(SETTLED, polling="raf", timeout=60000)
        for number in range(changes + WARM_UP):
            elapsed = _click_and_settle(page, finished, CHOICES[number % len(CHOICES)])
            if number >= WARM_UP:
                times.append(elapsed)
        chromium.close()
    return times


def _summary(times: list[float]) -> dict:
    ordered = sorted(times)
    return {
        "median_s": round(statistics.median(ordered), 3),
        "p95_s": round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 3),
        "changes": len(ordered),
    }


def main() -> int:
    """Time a filter change in one real tab against a bare control+chart floor."""
    from bench.room import machine, save

    parser = argparse.ArgumentParser(prog="python -m bench.tab")
    parser.add_argument("--changes", type=int, default=20)
    args = parser.parse_args()
    load_before = os.getloadavg()
    with browser.serve(ROOT / "bench" / "floor.py") as (base, _pid):
        floor = _summary(filter_change_times(f"{base}/?chart=switch", args.changes, ".main-svg"))
    database = ROOT / "build" / "bench-bundled.sqlite"
    with browser.serve(ROOT / "web.py", {"DATABASE_URL": f"sqlite:///{database}"}) as (base, _):
        app = _summary(filter_change_times(f"{base}/", args.changes, ".js-plotly-plot"))
    result = {
        "machine": machine(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average_before": [round(v, 1) for v in load_before],
        "budget_s": BUDGET_S,
        "floor": floor,
        "app": app,
        "ratio": round(app["median_s"] / floor["median_s"], 2),
    }
    save(result, "filter_change_tab")
    ok = "ok" if app["median_s"] <= BUDGET_S else "OVER"
    print(
        f"filter change on 总览 in one tab: median {app['median_s']} s, p95 {app['p95_s']} s "
        f"(≤ {BUDGET_S} s: {ok}); floor (one control, one chart) median {floor['median_s']} s, "
        f"p95 {floor['p95_s']} s; {result['ratio']}× the floor"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
