"""`make bench`, part "first view after a saved edit" at region scale (budget ≤ 0.5 s).

python -m bench.edit [--save]  (uses $JMB_DATA_DIR and $DATABASE_URL; `make bench` points
them at the 100k-figure region set). A viewer has the overview open; an editor saves one figure;
the viewer's next rerun is timed (the script thread: the dataset of the new revision, the filter
options and the overview's views). A full load of the same store is timed next to it.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from bench.pages import CPU_TIMES, SCRIPT_TIMES
from store.db import load_store
from store.edit import get_row, update_row

ROOT = Path(__file__).resolve().parents[1]
BUDGET_S = 0.5
EDITS = 3


def first_views(edits: int = EDITS) -> tuple[list[float], list[float]]:
    """Seconds (wall, CPU of the script thread) of the overview's first rerun after each of
    `edits` saved edits."""
    from streamlit.testing.v1 import AppTest

    from ui import loaders

    at = AppTest.from_file(ROOT / "app.py", default_timeout=300).run()
    at.run()
    engine = loaders.engine()
    figure_id = loaders.dataset_at(loaders.data_key()).figures["figure_id"].iloc[-1]
    times, cpu = [], []
    for number in range(edits):
        row = get_row(engine, "figures", figure_id)
        changes = {"indicator": f"{row['indicator'].split('·')[0]}·{number}"}
        update_row(engine, "figures", figure_id, row["version"], changes, "基准", "bench")
        SCRIPT_TIMES.clear()
        CPU_TIMES.clear()
        at.run()
        if at.exception:
            raise RuntimeError(at.exception[0].value)
        times.append(SCRIPT_TIMES[-1] / 1000)
        cpu.append(CPU_TIMES[-1] / 1000)
    return times, cpu


def main() -> dict:
    """Time the first view after a saved edit at region scale; return the measurements."""
    from bench.room import machine

    load_before = [round(v, 1) for v in os.getloadavg()]
    times, cpu = first_views()
    from ui import loaders

    started, started_cpu = time.perf_counter(), time.thread_time()
    load_store(loaders.engine())
    full, full_cpu = time.perf_counter() - started, time.thread_time() - started_cpu
    result = {
        "first_view_after_edit_s": round(statistics.median(times), 3),
        "first_view_after_edit_cpu_s": round(statistics.median(cpu), 3),
        "runs_s": [round(t, 3) for t in times],
        "full_load_s": round(full, 3),
        "full_load_cpu_s": round(full_cpu, 3),
        "budget_s": BUDGET_S,
        "machine": machine(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average_before": load_before,
    }
    ok = "ok" if result["first_view_after_edit_s"] <= BUDGET_S else "OVER"
    print(
        f"first view after a saved edit: median {result['first_view_after_edit_s']} s of "
        f"{result['runs_s']} (≤ {BUDGET_S} s: {ok}; CPU {result['first_view_after_edit_cpu_s']}"
        f" s); a full load of the same store {result['full_load_s']} s "
        f"(CPU {result['full_load_cpu_s']} s)"
    )
    return result


if __name__ == "__main__":
    # python -m bench.edit [--save]: --save merges the result into artifacts/bench.json
    result = main()
    if "--save" in sys.argv[1:]:
        from bench.room import save

        save(result, "edit_region")
