"""`make bench`, part "a room at once": protocol-level load on the server (bench/load.py).

python -m bench.room [--burst 50] [--bursts 3] [--steady 32] [--seconds 60] [--think 3]
                     [--workers N]

In one run, against a bare one-line app (bench/bare.py, one process: the floor) and the dashboard:
- new sessions one at a time: connect → first script_finished (dashboard in one process, like
  `make run`), budget ≤ 2× the bare app's;
- burst: N sessions open the QR page (/present) at the same moment, the dashboard under
  `make serve` (nginx + one process per core), budget p95 ≤ 1.0× the bare app's burst p95
  (each burst repeated, the median of the p95s compared);
- steady: N sessions, exponential think time, the dashboard under `make serve`, budget p95 ≤
  0.5 s and no errors (the bare app's steady numbers are printed next to it).
Merges its results into artifacts/bench.json under "room".
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import load
from deploy.serve import cluster, free_ports

ROOT = Path(__file__).resolve().parents[1]
BARE = ROOT / "bench" / "bare.py"
BUDGETS = {
    "rerun_median_ms": 60,
    "first_run_ratio": 2.0,
    "burst_p95_ratio": 1.0,
    "steady_p95_s": 0.5,
    "steady_errors": 0,
}
WARM_PAGES = ("", "present", "education", "medical", "innovation", "tracker", "sources")
SEQUENTIAL = 12  # new sessions opened one after another


async def warm(urls: list[str], pages: tuple[str, ...]) -> None:
    """One session per process opens each page once (imports, data, shared caches filled), as
    the first visitor after a restart would."""
    for url in urls:
        session = await load.Session.connect(url)
        for page in pages:
            await session.run(page)
        await session.close()


async def one_at_a_time(url: str, page: str, count: int = SEQUENTIAL) -> list[float]:
    """Seconds from connect to the first script_finished of `count` new sessions, in turn."""
    times = []
    for _ in range(count):
        began = time.perf_counter()
        session = await load.Session.connect(url)
        error = await session.run(page)
        times.append(time.perf_counter() - began)
        await session.close()
        if error:
            raise RuntimeError(f"{url}/{page}: {error}")
    return times


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds the processes have used so far."""
    import psutil

    return sum(sum(psutil.Process(pid).cpu_times()[:2]) for pid in pids)


def _measure(running, page: str, pages: tuple[str, ...], args, direct: bool = False) -> dict:
    """Warm-up, then a burst of new sessions on `page` and a steady load over `pages`, at the
    cluster's nginx (or its one process, `direct`). With the server's CPU seconds per session of
    the burst: unlike wall time, it does not grow when other programs share the cores."""
    url = running.workers[0] if direct else running.url
    asyncio.run(warm(running.workers, pages))
    before = cpu_seconds(running.pids)
    bursts = []
    for _ in range(args.bursts):
        bursts.append(load.summary(asyncio.run(load.burst(url, args.burst, page))))
        time.sleep(1)  # the closed sessions' clean-up is not the next burst's
    burst = repeated(bursts)
    sessions = args.burst * args.bursts
    burst["server_cpu_s_per_session"] = round((cpu_seconds(running.pids) - before) / sessions, 4)
    tally = asyncio.run(load.steady(url, args.steady, args.seconds, args.think, pages=pages))
    return {"burst": burst, "steady": load.summary(tally)}


def repeated(bursts: list[dict]) -> dict:
    """Several bursts as one: the median of their medians and of their p95s, every error, and
    each burst's p95 (a single burst on a shared machine varies by 2-3×)."""
    return {
        "runs": sum(b["runs"] for b in bursts),
        "errors": sum(b["errors"] for b in bursts),
        "median_s": _median([b["median_s"] for b in bursts]),
        "p95_s": _median([b["p95_s"] for b in bursts]),
        "p95_each_s": [b["p95_s"] for b in bursts],
        "max_s": max((b["max_s"] for b in bursts if b["max_s"] is not None), default=None),
        **({"first_errors": [e for b in bursts for e in b.get("first_errors", [])][:3]}
           if any(b["errors"] for b in bursts) else {}),
    }  # fmt: skip


def _median(values: list) -> float | None:
    present = [v for v in values if v is not None]
    return round(statistics.median(present), 3) if present else None


def _first_runs(script: Path, env: dict[str, str], page: str, pages, folder: Path) -> float:
    """Median seconds of a new session's first run, one process (as `make run`), warmed up."""
    port, worker = free_ports(2)
    with cluster(port, 1, env=env, script=script, worker_ports=[worker], folder=folder) as one:
        asyncio.run(warm(one.workers, pages))
        return round(statistics.median(asyncio.run(one_at_a_time(one.workers[0], page))), 3)


def main() -> int:
    """Measure a room at once: bare app and make serve, burst and steady sessions."""
    parser = argparse.ArgumentParser(prog="python -m bench.room")
    parser.add_argument("--burst", type=int, default=50)
    parser.add_argument("--bursts", type=int, default=3, help="bursts per server (median p95)")
    parser.add_argument("--steady", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=3.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--page", default="present")
    parser.add_argument("--reruns", type=int, default=20, help="AppTest reruns per page")
    args = parser.parse_args()
    load_before = os.getloadavg()
    database = ROOT / "build" / "bench-room.sqlite"
    env = {"DATABASE_URL": f"sqlite:///{database}"}
    with tempfile.TemporaryDirectory(prefix="jmb-room-") as tmp:
        folder = Path(tmp)
        bare_first = _first_runs(BARE, {}, "", ("",), folder / "bare-one")
        app_first = _first_runs(ROOT / "web.py", env, args.page, WARM_PAGES, folder / "one")
        # the floor: the bare app in one process, reached directly (no nginx)
        port, worker = free_ports(2)
        with cluster(
            port, 1, script=BARE, worker_ports=[worker], folder=folder / "bare"
        ) as running:
            bare = _measure(running, "", ("",), args, direct=True)
        port, *workers = free_ports(1 + args.workers)
        with cluster(
            port, args.workers, env=env, worker_ports=workers, folder=folder / "serve"
        ) as running:
            app = _measure(running, args.page, WARM_PAGES, args)
    bare["first_run_median_s"], app["first_run_median_s"] = bare_first, app_first
    app["rerun_ms"] = rerun_times(env, args.reruns)
    results = {
        "machine": machine(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average_before": [round(v, 1) for v in load_before],
        "settings": vars(args),
        "budgets": BUDGETS,
        "bare": bare,
        "app": app,
        "ratios": ratios(bare, app),
    }
    save(results)
    print_room(results)
    return 0


def rerun_times(env: dict[str, str], runs: int) -> dict:
    """bench.pages in a subprocess on the bundled data: median/p95 ms of a rerun per page (the
    script thread, serialisation of its elements included), wall and CPU."""
    out = ROOT / "artifacts" / "bench-room-pages.json"
    command = [sys.executable, "-m", "bench.pages", str(out), str(runs)]
    subprocess.run(command, cwd=ROOT, env={**os.environ, **env}, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def ratios(bare: dict, app: dict) -> dict:
    """The dashboard's numbers as multiples of the bare app's in the same run."""
    return {
        "first_run": _ratio(app["first_run_median_s"], bare["first_run_median_s"]),
        "burst_p95": _ratio(app["burst"]["p95_s"], bare["burst"]["p95_s"]),
        "steady_p95": _ratio(app["steady"]["p95_s"], bare["steady"]["p95_s"]),
    }


def _ratio(value: float | None, floor: float | None) -> float | None:
    return round(value / floor, 2) if value and floor else None


def machine() -> str:
    """This machine in one line: host, cores, CPU model, Python."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kilobytes = int(meminfo.read_text().split("MemTotal:", 1)[1].split()[0])
        memory = f" · {kilobytes / 2**20:.0f} GiB"
    return (
        f"{platform.node()} · {os.cpu_count()} cores · {model or platform.machine()}{memory} · "
        f"Python {platform.python_version()}"
    )


def save(part: dict, key: str = "room") -> None:
    """Merge `part` into artifacts/bench.json under `key` (the other parts of `make bench`
    write the rest)."""
    out = ROOT / "artifacts" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    results = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    results[key] = part
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {out} ({key})")


def verdicts(room: dict) -> list[tuple[str, bool]]:
    """(budget line, met) for every budget of the room load."""
    app, ratio, settings = room["app"], room["ratios"], room["settings"]
    burst, steady = app["burst"], app["steady"]
    first_line = f"new session's first run {ratio['first_run']}× the bare app's (≤ 2.0×)"
    burst_line = (
        f"{settings['burst']}-session burst on /{settings['page']} p95 {burst['p95_s']} s = "
        f"{ratio['burst_p95']}× the bare app's (≤ 1.0×), {burst['errors']} errors"
    )
    steady_line = (
        f"{settings['steady']} steady sessions p95 {steady['p95_s']} s (≤ 0.5 s), "
        f"{steady['errors']} errors (0)"
    )
    slow = {
        page: row["median_ms"]
        for page, row in app.get("rerun_ms", {}).items()
        if row["median_ms"] > BUDGETS["rerun_median_ms"]
    }
    rerun_line = f"rerun median server time ≤ 60 ms on every page; over: {slow or 'none'}"
    measured = [(rerun_line, not slow)] if app.get("rerun_ms") else []
    return measured + [
        (first_line, (ratio["first_run"] or 1e9) <= BUDGETS["first_run_ratio"]),
        (burst_line, (ratio["burst_p95"] or 1e9) <= BUDGETS["burst_p95_ratio"]
         and not burst["errors"]),
        (steady_line, (steady["p95_s"] or 1e9) <= BUDGETS["steady_p95_s"]
         and steady["errors"] == 0),
    ]  # fmt: skip


def print_room(room: dict) -> None:
    """The room results and their budgets, one line each."""
    s = room["settings"]
    print(f"\n{room['machine']} · {room['date']} · make serve with {s['workers']} processes")
    for name in ("bare", "app"):
        row = room[name]
        print(
            f"  {name:4} first run {row['first_run_median_s']} s · burst {s['burst']}: median "
            f"{row['burst']['median_s']} p95 {row['burst']['p95_s']} s, {row['burst']['errors']} "
            f"errors · steady {s['steady']}: {row['steady']['runs']} runs, median "
            f"{row['steady']['median_s']} p95 {row['steady']['p95_s']} s, "
            f"{row['steady']['errors']} errors; burst server CPU "
            f"{row['burst'].get('server_cpu_s_per_session')} s a session"
        )
    reruns = ", ".join(
        f"{page.removesuffix('.py')} {row['median_ms']:.0f}"
        for page, row in room["app"].get("rerun_ms", {}).items()
    )
    print(f"  rerun median ms (AppTest script thread, bundled data): {reruns}")
    for line, met in verdicts(room):
        print(f"  {'ok  ' if met else 'OVER'} {line}")


if __name__ == "__main__":
    sys.exit(main())
