"""A value read from the store per database url and kept a short while (process-wide): the data
revision (ui/loaders.py) and the accounts' sign-in marks (store/account_marks.py) are each asked
of the database at most once every `ttl_s`, whatever the number of sessions. Any commit through
this process (any engine: the app's, a CLI's, a test's) makes the next read ask again; a read
that overlapped such a commit is not kept."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

import sqlalchemy as sa

T = TypeVar("T")


class RecentReads(Generic[T]):
    """`read(engine)` per database url, kept `ttl_s` seconds."""

    def __init__(self, ttl_s: float, read: Callable[[sa.Engine], T]) -> None:
        self.ttl_s, self.read = ttl_s, read
        self.lock = threading.Lock()
        self.known: dict[str, tuple[float, T]] = {}
        self.generation = 0  # bumped by forget(): a read that overlapped a commit is not kept
        sa.event.listen(sa.Engine, "commit", lambda _connection: self.forget())

    def get(self, url: str, engine: Callable[[], sa.Engine]) -> T:
        """The value for `url`, read through `engine()` when the kept one is stale (most calls
        need no engine, not even the cached lookup of it)."""
        with self.lock:
            found = self.known.get(url)
            if found is not None and time.monotonic() - found[0] < self.ttl_s:
                return found[1]
            generation = self.generation
        value = self.read(engine())
        with self.lock:
            if generation == self.generation:
                self.known[url] = (time.monotonic(), value)
        return value

    def forget(self) -> None:
        """Ask the database next time (after a write)."""
        with self.lock:
            self.known.clear()
            self.generation += 1
