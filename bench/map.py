"""Map build time at the real data and with 5,000 synthetic links (seeded), per view; with
--browser, the 合作地图 page's first open as a ratio to its floor (a bare page with one plotly
chart and one pydeck map, bench/floor.py?chart=both), both measured in the same run.

python -m bench.map [OUT.json] | python -m bench.map --browser [RUNS]
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from geo.arcs import MAP_VIEWS, frame_pairs, link_pairs
from geo.boundaries import load_boundary_set
from geo.deck import build_deck
from metrics.load import load_dataset
from metrics.paths import DATA_DIR, ROOT
from metrics.vocab import FIELDS, LOCAL_SIDE


def synthetic_links(places: pd.DataFrame, count: int, seed: int = 7) -> pd.DataFrame:
    """`count` links between random partners and random Inner Mongolia places."""
    rng = np.random.default_rng(seed)
    local = places.loc[places["side"] == LOCAL_SIDE, "name"].to_numpy()
    partner = places.loc[places["side"] != LOCAL_SIDE, "name"].to_numpy()
    return pd.DataFrame(
        {
            "link_id": [f"syn-{i:05d}" for i in range(count)],
            "source_id": "ordos-plan-2025",
            "quote": "合力建设呼包鄂榆城市群",
            "from_name": rng.choice(partner, count),
            "to_name": rng.choice(local, count),
            "field": rng.choice(FIELDS, count),
            "link_type": "合作",
            "status": rng.choice(["achieved", "planned"], count),
            "direction": rng.choice(["to_local", "to_partner", "both"], count),
        }
    )


def time_build(links, data, frames_by_set, runs: int = 5) -> dict[str, float]:
    """Milliseconds to group, frame, build and serialise one deck per view (median of runs)."""
    results = {}
    for key, view in MAP_VIEWS.items():
        frames = [(name, frames_by_set[name]) for name in view.boundary_sets]
        timings, size = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            pairs = frame_pairs(link_pairs(links, data.places, data.sources), view.frame)
            spec = build_deck(view, frames, pairs, data.places).to_json()
            timings.append((time.perf_counter() - start) * 1000)
            size = len(spec)
        results[key] = {"median_ms": round(statistics.median(timings), 1), "spec_kb": size // 1024}
    return results


def main() -> dict:
    """Time building each map view (bundled and synthetic links); return the measurements."""
    data = load_dataset(DATA_DIR)
    sets = {s for view in MAP_VIEWS.values() for s in view.boundary_sets}
    frames_by_set = {name: load_boundary_set(name, ROOT / "build" / "geo") for name in sets}
    results = {
        f"real ({len(data.links)} links)": time_build(data.links, data, frames_by_set),
        "synthetic (5000 links)": time_build(
            synthetic_links(data.places, 5000), data, frames_by_set
        ),
    }
    for name, views in results.items():
        for key, row in views.items():
            print(f"{name:24} {key:15} {row['median_ms']:8.1f} ms  {row['spec_kb']:6d} KB")
    return results


def first_open_ratio(runs: int = 5) -> dict:
    """Median seconds to a drawn map on a new tab (a new session), floor and page alternating,
    each after a warm-up; the ratio page / floor and the machine's load around the run."""
    from bench import browser

    load_before = Path("/proc/loadavg").read_text().split()[:3]
    database = ROOT / "build" / "bench-bundled.sqlite"
    ready = "[data-testid=stDeckGlJsonChart] canvas"
    with (
        browser.serve(ROOT / "bench" / "floor.py") as (floor, _),
        browser.serve(ROOT / "web.py", {"DATABASE_URL": f"sqlite:///{database}"}) as (app, _),
    ):
        pages = [("floor", f"{floor}/?chart=both"), ("合作地图", f"{app}/map")]
        times = interleaved(pages, ready, runs)
    floor_s, page_s = statistics.median(times["floor"]), statistics.median(times["合作地图"])
    return {
        "floor_s": round(floor_s, 2),
        "map_s": round(page_s, 2),
        "ratio": round(page_s / floor_s, 2),
        "runs": {k: [round(t, 2) for t in v] for k, v in times.items()},
        "loadavg_before": load_before,
        "loadavg_after": Path("/proc/loadavg").read_text().split()[:3],
    }


def interleaved(pages: list[tuple[str, str]], ready: str, runs: int) -> dict[str, list[float]]:
    """Open each page `runs` times (after one warm-up each), alternating, each in a new tab."""
    from playwright.sync_api import sync_playwright

    from bench.browser import ARGS, CHROMIUM, _render

    times: dict[str, list[float]] = {name: [] for name, _ in pages}
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = chromium.new_context(viewport={"width": 1366, "height": 768})
        for attempt in range(runs + 1):
            for name, url in pages:
                tab = context.new_page()
                elapsed = _render(tab, url, ready)
                tab.close()
                if attempt:
                    times[name].append(elapsed)
        chromium.close()
    return times


if __name__ == "__main__" and "--browser" in sys.argv:
    result = first_open_ratio(int(sys.argv[-1]) if sys.argv[-1].isdigit() else 5)
    print(json.dumps(result, ensure_ascii=False, indent=2))
elif __name__ == "__main__":
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "artifacts" / "bench-map.json"
    output.parent.mkdir(exist_ok=True)
    output.write_text(json.dumps(main(), ensure_ascii=False, indent=2), encoding="utf-8")
