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

Measured again at region scale (`make bench`'s memory part, 3 sessions × every page,
2026-11-23): server peak 583–597 MB. What each part held after every page (AppTest, one process,
each Arrow buffer, numpy buffer and Python object counted once, by the first part that reaches
it): 汇报模式's cached slide plans 66 MB, 数据表's unfiltered figure rows (`figure_table` of
100k figures) 49 MB, the dataset 38 MB, the map deck 9 MB, task status updates 8 MB, every other
cache under 3 MB; the reload snapshot's frames as read share the dataset's buffers (0.8 MB of
their own), `_last_good` is the dataset itself, st.cache_data holds nothing. The slide plans
keep a few rows of each field (`head`), and a few rows sliced from an Arrow column keep the
whole column's buffers alive (4 rows of 主要数字: 28 MB). `owned` copies such rows into buffers of
their own: the plans hold 2 MB, the server's peak is 486–508 MB (bundled data: 284 MB, as before).
Next in size: the unfiltered figure rows, 25 of their 35 MB low-cardinality strings (place,
partner, unit, source title…) that categoricals would shrink.

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

import numpy as np
import pandas as pd
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


SLICE_SLACK = 4  # a column whose buffers are this many times what its rows need is copied


def owned(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (the same values) with its Arrow-backed columns in buffers of their own when they
    are a few rows sliced from bigger columns (which they would otherwise keep alive); else
    `frame` itself. (A few rows of a numpy-backed column are copied by pandas already.)"""
    copied = {}
    for column in range(frame.shape[1]):
        values = frame.iloc[:, column].array
        arrow = getattr(values, "_pa_array", None)  # pandas' Arrow-backed arrays
        sliced = isinstance(arrow, pa.ChunkedArray) and (
            arrow.get_total_buffer_size() > SLICE_SLACK * arrow.nbytes + 4096
        )
        if sliced:
            copied[column] = type(values)(arrow.take(np.arange(len(arrow))))
    if not copied:
        return frame
    result = frame.copy(deep=False)
    for column, values in copied.items():
        result.isetitem(
            column, pd.Series(values, index=frame.index, dtype=frame.dtypes.iloc[column])
        )
    return result
