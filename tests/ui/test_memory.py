"""The server's memory settings (ui/memory.py): what `make run` and `make bench` serve with."""

import json
import os
import subprocess
import sys

from bench.browser import SERVER_ENV
from tests.conftest import ROOT
from ui import memory


def test_importing_the_loaders_switches_arrow_to_the_system_allocator():
    """In a fresh interpreter, pyarrow starts on mimalloc; importing ui.loaders must change it
    (mimalloc kept ~150 MB of freed string buffers after a region-wide load)."""
    probe = (
        "import pyarrow as pa; before = pa.default_memory_pool().backend_name; "
        "import ui.loaders; print(before, pa.default_memory_pool().backend_name)"
    )
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    before, after = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert before != "system"  # else the import would have nothing to switch
    assert after == "system"


def test_make_run_starts_the_server_with_the_malloc_arenas_the_bench_uses(tmp_path):
    """`make run` with a stand-in python (in an installed-looking venv) that records how it was
    started: the server process gets the bench's MALLOC_ARENA_MAX and runs app.py."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "activate").touch()
    (venv / ".runtime").touch()  # newer than requirements.txt: make installs nothing
    record = tmp_path / "started.json"
    python = venv / "bin" / "python"
    python.write_text(
        f"#!{sys.executable}\nimport json, os, sys\n"
        f"json.dump({{'arenas': os.environ.get('MALLOC_ARENA_MAX'), 'argv': sys.argv[1:]}}, "
        f"open({str(record)!r}, 'w'))\n"
    )
    python.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    subprocess.run(
        ["make", "--no-print-directory", "run", f"VENV={venv}", f"PY={python}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=True,
    )
    started = json.loads(record.read_text())
    assert started["arenas"] == SERVER_ENV["MALLOC_ARENA_MAX"]
    assert started["argv"][:4] == ["-m", "streamlit", "run", "web.py"]


def test_script_runs_trim_at_most_once_every_interval_and_a_load_always_does():
    memory.release(force=True)
    assert memory.release() is False  # right after a trim: the next script run skips it
    assert memory.release(force=True) is True  # a dataset load trims regardless


def _held(frame) -> int:
    """Bytes of the Arrow buffers `frame`'s columns keep alive."""
    return sum(frame[c].array._pa_array.get_total_buffer_size() for c in frame.columns)


def test_a_few_rows_of_a_big_table_stop_keeping_the_whole_table_alive():
    import pandas as pd

    big = pd.DataFrame(
        {"quote": [f"第{i}条：培训教师{i}名" * 4 for i in range(50_000)], "field": "教育"}
    ).astype("str")
    few = big.sort_values("quote").head(4)
    assert _held(few) > 1_000_000  # a slice holds the whole column's buffers
    kept = memory.owned(few)
    pd.testing.assert_frame_equal(kept, few)  # the same rows, values, dtypes and index
    assert _held(kept) < 10_000
    assert memory.owned(big) is big  # a table that needs its buffers is left alone


def test_the_presentation_s_slide_plans_hold_no_more_than_their_rows(
    fresh_store, tmp_path, monkeypatch
):
    """The cached slide plans (汇报模式, the PPTX) of a 3,000-figure dataset: each plan's rows and
    chart keep only their own buffers (at region scale four 主要数字 rows kept 28 MB alive)."""
    import streamlit as st

    from bench.generate import generate
    from metrics.filters import Filters
    from ui import cache, loaders

    monkeypatch.setenv("JMB_DATA_DIR", str(generate(tmp_path / "region", 3000, 50, 10)))
    st.cache_resource.clear()
    plans = cache.briefing_slides(loaders.data_key(), Filters())
    assert sum(len(p.rows) for p in plans) > 20
    for plan in plans:
        for frame in (plan.rows, plan.chart):
            arrow = [c for c in frame.columns if hasattr(frame[c].array, "_pa_array")]
            rows_bytes = sum(frame[c].array._pa_array.nbytes for c in arrow)
            assert _held(frame[arrow]) <= memory.SLICE_SLACK * rows_bytes + 4096 * len(arrow)
    st.cache_resource.clear()
