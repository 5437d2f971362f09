"""The server's memory settings (ui/memory.py): what `make run` and `make bench` serve with."""

import re
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
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[1] == "system"
    memory.release()  # never raises, on glibc or elsewhere


def test_make_run_serves_with_the_malloc_arenas_the_bench_uses():
    """`make -n run` prints the command make would run: it must set the same arenas as the bench."""
    dry_run = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    serve = next(line for line in dry_run.splitlines() if "streamlit run app.py" in line)
    arenas = re.search(r"MALLOC_ARENA_MAX=(\d+)", serve)
    assert arenas and arenas.group(1) == SERVER_ENV["MALLOC_ARENA_MAX"]


def test_script_runs_trim_at_most_once_every_interval_and_a_load_always_does():
    memory.release(force=True)
    assert memory.release() is False  # right after a trim: the next script run skips it
    assert memory.release(force=True) is True  # a dataset load trims regardless
