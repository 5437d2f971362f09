"""`make bench`, part "pages": every page's server and browser time on the bundled data and a
region-scale dataset, server memory, ingest and PPTX.

python -m bench [--skip-region] [--runs N]
Prints a table with the budgets and merges its results into artifacts/bench.json (the room
load, the filter change in a real tab and the edit at region scale are bench/room.py,
bench/tab.py and bench/edit.py). Not part of `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench import browser

ROOT = Path(__file__).resolve().parents[1]
REGION = ROOT / "build" / "region"
BUDGETS = {  # a page's first open: its floor's budget (bench/browser.py FLOOR_BUDGETS)
    "filter_ms_bundled": 100,
    "filter_ms_region": 400,
    "memory_mb": 500,
}


def server_side(env: dict[str, str], runs: int) -> dict:
    """bench.pages in a subprocess (its own Streamlit runtime and data) → its JSON."""
    out = (
        ROOT / "artifacts" / f"bench-pages-{env.get('JMB_DATA_DIR', 'bundled').split('/')[-1]}.json"
    )
    subprocess.run(
        [sys.executable, "-m", "bench.pages", str(out), str(runs)],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def browser_side(env: dict[str, str], runs: int, floors: dict[str, float], server: dict) -> dict:
    """Every page's first open in Chromium: seconds, and as a ratio to the floor of the drawing
    libraries its first run drew (`server`, from bench.pages) with that floor's budget; each page
    alternates with its floor (bench/floor.py) so both see the same load."""
    where = {name: (path, ready) for name, path, ready in [browser.BARE, *browser.FLOORS]}
    with (
        browser.serve(ROOT / "web.py", env) as (base, _pid),
        browser.serve(ROOT / "bench" / "floor.py") as (floor_base, _floor_pid),
    ):
        pairs = []
        for name, path, ready, file in browser.PAGES:
            floor_path, floor_ready = where[browser.floor_of(server[f"{file}.py"]["libraries"])[0]]
            pairs.append((name, f"{base}/{path}", ready, f"{floor_base}/{floor_path}", floor_ready))
        times = browser.paired_times(pairs, runs)
    files = {name: file for name, _path, _ready, file in browser.PAGES}
    rows = {}
    for name, (seconds, floor_seconds) in times.items():
        floor = browser.floor_of(server[f"{files[name]}.py"]["libraries"])[0]
        rows[name] = page_row(seconds, files[name], {**floors, floor: floor_seconds}, server)
    return rows


def page_row(seconds: float, file: str, floors: dict[str, float], server: dict) -> dict:
    """One page's browser row: its time, its floor (by the libraries it draws), ratio, verdict."""
    libraries = server[f"{file}.py"]["libraries"]
    floor, budget = browser.floor_of(libraries)
    ratio = round(seconds / floors[floor], 2)
    return {
        "seconds": round(seconds, 2),
        "libraries": libraries,
        "floor": floor,
        "floor_s": round(floors[floor], 2),
        "ratio": ratio,
        "budget": budget,
        "met": ratio <= budget,
        "ratio_bare": round(seconds / floors[browser.BARE[0]], 2),
    }


def dataset_env(name: str, region_db: Path) -> dict[str, str]:
    """The environment that points the app at the bundled or the region-scale data."""
    if name == "bundled":
        return {"DATABASE_URL": f"sqlite:///{ROOT / 'build' / 'bench-bundled.sqlite'}"}
    return {"JMB_DATA_DIR": str(REGION), "DATABASE_URL": f"sqlite:///{region_db}"}


def main() -> int:
    """Run the page, memory, ingest and PPTX benchmarks; write artifacts/bench.json."""
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--skip-region", action="store_true")
    parser.add_argument("--runs", type=int, default=5, help="browser loads per page")
    args = parser.parse_args()
    (ROOT / "artifacts").mkdir(exist_ok=True)
    region_db = ROOT / "build" / "bench-region.sqlite"
    from bench.room import machine

    results: dict = {
        "machine": machine(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average_before": [round(v, 1) for v in os.getloadavg()],
        "budgets": BUDGETS,
    }
    datasets = ["bundled"] if args.skip_region else ["bundled", "region"]
    if "region" in datasets and not (REGION / "task_updates.csv").exists():
        subprocess.run([sys.executable, "-m", "bench.generate", str(REGION)], cwd=ROOT, check=True)
    if "region" in datasets and not region_db.exists():
        from store.db import open_store

        start = time.perf_counter()
        open_store(f"sqlite:///{region_db}", REGION).dispose()
        results["region_seed_s"] = round(time.perf_counter() - start, 1)

    with browser.serve(ROOT / "bench" / "bare.py") as (base, _pid):
        bare = browser.render_times(base, [browser.BARE], args.runs)
    results["bare_page_s"] = round(bare["bare page"], 2)
    with browser.serve(ROOT / "bench" / "floor.py") as (base, _pid):
        floors = {**bare, **browser.render_times(base, browser.FLOORS, args.runs)}
    results["library_floors"] = {
        name: {"seconds": round(t, 2), "ratio": round(t / bare["bare page"], 2)}
        for name, t in floors.items()
        if name != browser.BARE[0]
    }
    results["floor_budgets"] = {floor: budget for floor, budget in browser.FLOOR_BUDGETS.values()}

    for name in datasets:
        env = dataset_env(name, region_db)
        server = server_side(env, 10 if name == "region" else 20)
        results[name] = {"server": server, "browser": browser_side(env, args.runs, floors, server)}
    results["load_average_after"] = [round(v, 1) for v in os.getloadavg()]

    env = dataset_env("bundled", region_db)
    with browser.serve(ROOT / "web.py", env) as (base, pid):
        results["memory"] = browser.memory_after_sessions(base, pid)
    if "region" in datasets:
        with browser.serve(ROOT / "web.py", dataset_env("region", region_db)) as (base, pid):
            results["memory_region"] = browser.memory_after_sessions(base, pid)

    from bench import briefing as bench_briefing
    from bench import ingest as bench_ingest

    results["ingest"] = bench_ingest.main()
    results["pptx_s"] = bench_briefing.main()

    out = ROOT / "artifacts" / "bench.json"
    kept = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    parts = {k: v for k, v in kept.items() if k in ("room", "edit_region", "filter_change_tab")}
    out.write_text(json.dumps({**parts, **results}, ensure_ascii=False, indent=2), encoding="utf-8")
    print_table(results)
    print(f"wrote {out}")
    return 0


def _mark(ok: bool) -> str:
    return "ok" if ok else "OVER"


def print_table(results: dict) -> None:
    """Print the results with each budget's verdict."""
    print(
        f"\n{results['machine']} · {results['date']} · load {results.get('load_average_before')}"
        f" → {results.get('load_average_after')} · bare page {results['bare_page_s']} s"
    )
    for name, row in results.get("library_floors", {}).items():
        print(f"  floor: {name} {row['seconds']} s ({row['ratio']}× the bare page)")
    for name in ("bundled", "region"):
        if name not in results:
            continue
        print(f"\n[{name}] page        browser s  floor s  ratio  budget      server median/p95 ms")
        server = results[name]["server"]
        for page, row in results[name]["browser"].items():
            srv = server.get(f"{_file_of(page)}.py", {})
            print(
                f"  {page:10} {row['seconds']:8.2f} {row['floor_s']:8.2f} {row['ratio']:6.2f}"
                f"  ≤{row['budget']} {_mark(row['met']):4}  {srv.get('median_ms', '-')}/"
                f"{srv.get('p95_ms', '-')}  ({row['floor']})"
            )
        change = server.get("filter change (overview)", {})
        limit = BUDGETS[f"filter_ms_{name}"]
        print(
            f"  filter change (server) median {change.get('median_ms')} ms, p95 {change.get('p95_ms')}"
            f" ms (≤{limit}: {_mark(change.get('median_ms', 1e9) <= limit)})"
        )
    memory = results["memory"]
    print(f"\nmemory after 3 sessions × every page: {memory} (≤{BUDGETS['memory_mb']} MB: "
          f"{_mark(memory['rss_peak_mb'] <= BUDGETS['memory_mb'])})")  # fmt: skip
    if "memory_region" in results:
        print(f"memory, region scale: {results['memory_region']}")
    print(f"ingest: {results['ingest']}; PPTX: {results['pptx_s']}")


def _file_of(page: str) -> str:
    return next(file for name, _path, _ready, file in browser.PAGES if name == page)


if __name__ == "__main__":
    sys.exit(main())
