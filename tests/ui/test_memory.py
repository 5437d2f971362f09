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
    assert started["argv"][:4] == ["-m", "streamlit", "run", "app.py"]


def test_script_runs_trim_at_most_once_every_interval_and_a_load_always_does():
    memory.release(force=True)
    assert memory.release() is False  # right after a trim: the next script run skips it
    assert memory.release(force=True) is True  # a dataset load trims regardless
