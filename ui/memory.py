"""Keep the server's resident memory close to what it holds.

Measured at region scale (100k figures, 3 sessions opening every page, `make bench`): 583 MB.
Three causes, three fixes (465 MB with all three):
- pyarrow's default mimalloc pool kept ~150 MB of freed string buffers after a load
  → Arrow buffers come from the system allocator (`configure`);
- glibc gives each thread its own arena and Streamlit runs every script in a new thread, so
  freed intermediates stayed mapped and grew with each session → `make run` (and the bench)
  start the server with MALLOC_ARENA_MAX=2; it must be set before the process starts;
- a region-wide load or deck leaves 50–150 MB freed but mapped → `release` after a dataset
  load and after script runs (under 1 ms when there is nothing to return).

Measured under a burst (25 sessions opening /present at once, one process, `bench/load.py`):
10–15 s with `malloc_trim` after every run and Python's cyclic collector walking the whole heap,
4 s without both. `malloc_trim` holds the malloc arenas every other script thread allocates from,
and a full collection walks every module and the dataset (~100 ms each). So script runs trim
at most once every TRIM_INTERVAL_S (a dataset load always does), and the first FREEZE_RUNS
runs (which import the libraries the pages use) end with `gc.freeze()`: what exists then is never
walked again by the collector (it is still freed when its references go).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import itertools
import threading
import time

import pyarrow as pa

TRIM_INTERVAL_S = 2.0
FREEZE_RUNS = 20


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


_LIBC = _libc()


def configure() -> None:
    """Arrow buffers from the system allocator (freed memory goes back to malloc at once)."""
    pa.set_memory_pool(pa.system_memory_pool())


_runs = itertools.count()
_last_trim = [float("-inf")]
_lock = threading.Lock()


def release(force: bool = False) -> bool:
    """After a script run: return freed heap pages to the operating system (glibc only) at most
    once every TRIM_INTERVAL_S, or now when `force`; True when it trimmed. The first FREEZE_RUNS
    calls also freeze what the collector would otherwise walk on every full collection."""
    if next(_runs) < FREEZE_RUNS:
        gc.freeze()  # cheap: moves the tracked objects to the permanent generation
    with _lock:
        now = time.monotonic()
        if not force and now - _last_trim[0] < TRIM_INTERVAL_S:
            return False
        _last_trim[0] = now
    if _LIBC is not None:
        _LIBC.malloc_trim(0)
    return True
