"""Keep the server's resident memory close to what it holds.

Measured at region scale (100k figures, 3 sessions opening every page, `make bench`): 583 MB.
Three causes, three fixes (465 MB with all three):
- pyarrow's default mimalloc pool kept ~150 MB of freed string buffers after a load
  → Arrow buffers come from the system allocator (`configure`);
- glibc gives each thread its own arena and Streamlit runs every script in a new thread, so
  freed intermediates stayed mapped and grew with each session → `make run` (and the bench)
  start the server with MALLOC_ARENA_MAX=2; it must be set before the process starts;
- a region-wide load or deck leaves 50–150 MB freed but mapped → `release` after a dataset
  load and after each script run (under 1 ms when there is nothing to return).
"""

from __future__ import annotations

import ctypes
import ctypes.util

import pyarrow as pa


def _libc():
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


def release() -> None:
    """Return freed heap pages to the operating system (glibc only; elsewhere a no-op)."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)
