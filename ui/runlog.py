"""Server-side run times of page scripts, for `make bench` and for operators.

With JMB_RUN_LOG=FILE set, every script run appends one line "<unix time>\\t<page>\\t<ms>" to
FILE: what the server took to answer a click, under whatever load it had. Unset: nothing.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

ENV = "JMB_RUN_LOG"
_lock = threading.Lock()


def record(page: str, started: float) -> None:
    """Append the run of `page` that started at perf_counter() `started`, when logging is on."""
    target = os.environ.get(ENV)
    if not target:
        return
    line = (
        f"{time.time():.3f}\t{page or 'overview'}\t{(time.perf_counter() - started) * 1000:.1f}\n"
    )
    with _lock, Path(target).open("a", encoding="utf-8") as log:
        log.write(line)


def read(path: Path) -> list[tuple[float, str, float]]:
    """The (unix time, page, ms) rows of a run log."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stamp, page, ms = line.split("\t")
        rows.append((float(stamp), page, float(ms)))
    return rows
