"""The server's memory settings (ui/memory.py): what `make run` and `make bench` serve with."""

import re

import pyarrow as pa

from bench.browser import SERVER_ENV
from tests.conftest import ROOT
from ui import loaders, memory


def test_the_app_takes_arrow_buffers_from_the_system_allocator():
    # Importing the loaders configures the pool (mimalloc kept ~150 MB of freed buffers).
    assert loaders.memory is memory
    assert pa.default_memory_pool().backend_name == "system"
    memory.release()  # never raises, on glibc or elsewhere


def test_make_run_and_the_bench_serve_with_the_same_malloc_arenas():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    arenas = re.search(r"^MALLOC_ARENA_MAX \?= (\d+)$", makefile, re.MULTILINE).group(1)
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "MALLOC_ARENA_MAX=$(MALLOC_ARENA_MAX)" in run and "streamlit run app.py" in run
    assert SERVER_ENV["MALLOC_ARENA_MAX"] == arenas
