"""Server-side run time of every page script (AppTest, bundled data): median and p95 per page, and
the drawing libraries each page's first run draws (which floor its browser time is compared with)."""

from __future__ import annotations

import itertools
import json
import statistics
import sys
import time
from pathlib import Path

from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted(p.name for p in (ROOT / "views").glob("*.py"))
# AppTest element type → the drawing library whose floor a page is compared with (bench/browser.py)
LIBRARIES = {"plotly_chart": "plotly", "deck_gl_json_chart": "pydeck", "dataframe": "table"}


SCRIPT_TIMES: list[float] = []
LIBRARIES_OF: dict[str, list[str]] = {}  # page file → the libraries its first run drew
CPU_TIMES: list[float] = []  # the same runs' CPU time in the script thread (ms): what the run
# costs without the other processes that share this machine's cores
_original_run_script = script_runner.ScriptRunner._run_script


def _timed_run_script(self, rerun_data) -> None:
    """The script thread's own run time: what a user waits for, without AppTest's polling."""
    start, cpu = time.perf_counter(), time.thread_time()
    try:
        _original_run_script(self, rerun_data)
    finally:
        SCRIPT_TIMES.append((time.perf_counter() - start) * 1000)
        CPU_TIMES.append((time.thread_time() - cpu) * 1000)


script_runner.ScriptRunner._run_script = _timed_run_script


def libraries_drawn(at: AppTest) -> list[str]:
    """The drawing libraries ("plotly", "pydeck", "table") of the elements `at`'s last run drew."""
    return sorted({library for kind, library in LIBRARIES.items() if at.get(kind)})


def first_open(page: str) -> AppTest:
    """An AppTest of the app after its first run of `page` (a new session, no query string)."""
    at = AppTest.from_file(ROOT / "app.py", default_timeout=60).run()
    return at.switch_page(f"views/{page}").run()


def time_page(page: str, runs: int) -> list[float]:
    """Milliseconds of `runs` reruns of one page, after one warm-up run (caches filled)."""
    at = first_open(page)
    LIBRARIES_OF[page] = libraries_drawn(at)
    SCRIPT_TIMES.clear()
    CPU_TIMES.clear()
    for _ in range(runs):
        at.run()
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].value}")
    return list(SCRIPT_TIMES)


def time_filter_change(runs: int) -> list[float]:
    """Milliseconds for the overview to rerun after the field filter changes (four fields in
    turn: after the first four, each is a filter seen before)."""
    at = AppTest.from_file(ROOT / "app.py", default_timeout=60).run()
    SCRIPT_TIMES.clear()
    CPU_TIMES.clear()
    for index in range(runs):
        field = ["教育", "医疗", "科创", "文旅"][index % 4]
        at.multiselect(key="w_field").set_value([field]).run()
    return list(SCRIPT_TIMES)


def time_filter_views(runs: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """The overview after a filter change, (wall ms, CPU ms) of the first view of each of `runs`
    field combinations never shown before in this process (what the first person to pick a
    filter waits for), then of the same combinations shown again (every later person)."""
    at = AppTest.from_file(ROOT / "app.py", default_timeout=60).run()
    options = at.multiselect(key="w_field").options
    # pairs and triples: single fields were shown by time_filter_change in this process
    combos = [list(c) for size in (2, 3) for c in itertools.combinations(options, size)]
    combos = combos[:runs]
    measured = []
    for _ in ("first view", "again"):
        SCRIPT_TIMES.clear()
        CPU_TIMES.clear()
        for combo in combos:
            at.multiselect(key="w_field").set_value(combo).run()
        if at.exception:
            raise RuntimeError(f"overview: {at.exception[0].value}")
        measured += [list(SCRIPT_TIMES), list(CPU_TIMES)]
    return measured[0], measured[1], measured[2], measured[3]


def summary(timings: list[float], cpu: list[float] | None = None) -> dict:
    """Median and p95 ms of `timings`, and the median CPU ms of the same runs when given."""
    ordered = sorted(timings)
    result = {
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1),
    }
    if cpu:
        result["cpu_median_ms"] = round(statistics.median(cpu), 1)
    return result


def main(runs: int = 20) -> dict[str, dict]:
    """Each page's rerun server time (AppTest), median and p95, in ms."""
    results = {}
    for page in PAGES:
        results[page] = summary(time_page(page, runs), list(CPU_TIMES))
        results[page]["libraries"] = LIBRARIES_OF[page]
    results["filter change (overview)"] = summary(time_filter_change(runs), list(CPU_TIMES))
    first, first_cpu, again, again_cpu = time_filter_views(runs)
    results["new filter, first view (overview)"] = summary(first, first_cpu)
    results["new filter, shown again (overview)"] = summary(again, again_cpu)
    width = max(len(name) for name in results)
    print(f"{'page'.ljust(width)}  median ms  p95 ms  CPU median ms")
    for name, row in results.items():
        cpu = row.get("cpu_median_ms", float("nan"))
        print(f"{name.ljust(width)}  {row['median_ms']:9.1f}  {row['p95_ms']:6.1f}  {cpu:13.1f}")
    return results


if __name__ == "__main__":
    # python -m bench.pages [OUT.json]; set JMB_DATA_DIR to time another dataset
    # (e.g. the region-scale one from `python -m bench.generate`).
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "artifacts" / "bench-pages.json"
    output.parent.mkdir(exist_ok=True)
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    output.write_text(json.dumps(main(runs), ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {output}")
