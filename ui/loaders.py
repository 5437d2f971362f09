"""Cached loaders: the store is opened once per server; the dataset is read and validated once per
data revision (every committed change bumps it), not on each rerun.

The revision itself is asked of the database at most once per REVISION_TTL_S per process (not
once per session and rerun): a room of 50 sessions costs one query a second, not 50. A write
committed through this process forgets the remembered revision at once, so its own sessions see
an edit at their next rerun; sessions on other server processes see it within REVISION_TTL_S.
"""

from __future__ import annotations

import atexit
import logging
import threading
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from metrics.load import Dataset, load_dataset
from metrics.paths import data_dir
from metrics.validate import DataError
from store import last_good, reload
from store.db import data_revision, database_url, open_store
from store.recent import RecentReads
from store.tracker import load_updates
from ui import memory
from ui.labels import LABELS

_SEPARATOR = "#rev"
REVISION_TTL_S = 1.0
# A revision that loaded is kept as the store's last good one this long after it loaded, in the
# background: not while the views of the new revision are computed (at region scale the save
# takes ~0.1 s of the GIL and made the first view after an edit 0.1-0.7 s slower). A newer
# revision loaded meanwhile is kept instead.
LAST_GOOD_DELAY_S = 5.0
_log = logging.getLogger("jmb.loaders")
# The newest dataset that loaded in this process, per database, with its revision; and why a
# revision did not load (key → message, with which revision is shown instead).
_last_good: dict[str, tuple[int, Dataset]] = {}
_problems: dict[str, str] = {}
_saving = threading.Lock()  # one background save of the last good dataset at a time
_savers: list[threading.Thread] = []
_hurry = threading.Event()  # set: pending saves start now (wait_for_saves)
memory.configure()


# The data revision per database url, asked of the database at most once every REVISION_TTL_S.
_revisions = RecentReads(REVISION_TTL_S, data_revision)


@st.cache_resource(show_spinner=False)
def _engine(url: str, folder: str) -> sa.Engine:
    return open_store(url, Path(folder))


def engine() -> sa.Engine:
    """The store in use ($DATABASE_URL or the SQLite file for the data folder), migrated and
    seeded on first use."""
    return _engine(database_url(), str(data_dir()))


def data_key() -> str:
    """'<database url>#rev<N>': names the data as it is now; caches are keyed by it."""
    url = database_url()
    return f"{url}{_SEPARATOR}{_revisions.get(url, engine)}"


def _engine_of(key: str) -> sa.Engine:
    return _engine(key.rsplit(_SEPARATOR, 1)[0], str(data_dir()))


class _Latest:
    """Reloads from the newest snapshot of the store (store/reload.py keeps it per engine: the
    last one read, or the one an edit saved through this process checked), so the next
    revision re-reads only what changed. Process-wide; one reload at a time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.updates: dict[str, tuple[sa.Engine, int, pd.DataFrame]] = {}

    def dataset(self, engine: sa.Engine) -> Dataset:
        with self.lock:
            return reload.refresh(engine, reload.latest(engine)).data

    def task_updates(self, url: str, engine: sa.Engine) -> pd.DataFrame:
        with self.lock:
            held, since, frame = self.updates.get(url, (None, -1, None))
            revision, written = reload.updates_written(engine, since)
            if held is not engine or written:
                frame = load_updates(engine)
            self.updates[url] = (engine, revision, frame)
            return frame


_latest = _Latest()


@st.cache_resource(show_spinner=False, max_entries=2)
def dataset_at(key: str) -> Dataset:
    """The validated dataset at one revision (shared read-only by every session; never mutate).
    After an edit only the changed rows are read and validated again (store/reload.py).
    When the stored data does not load, the last revision that did (kept in the store, so a
    fresh process shows it too; else the bundled data), so the pages stay usable;
    `problem(key)` then says why."""
    url, revision = key.rsplit(_SEPARATOR, 1)
    engine = _engine_of(key)
    try:
        data = _latest.dataset(engine)
    except DataError as error:
        _log.error("stored data at %s does not load: %s", key, error)
        data, shown = _fallback(url, engine)
        _problems[key] = str(error) + shown
        return data
    finally:
        memory.release(force=True)  # reading 100k rows leaves ~150 MB of freed rows behind
    _last_good[url] = (int(revision), data)
    saver = threading.Thread(
        target=_keep_good, args=(url, engine, int(revision), data), daemon=True
    )
    _savers[:] = [t for t in _savers if t.is_alive()] + [saver]
    saver.start()
    return data


def _fallback(url: str, engine: sa.Engine) -> tuple[Dataset, str]:
    """The newest dataset that loaded (this process's or the store's), and a note saying when."""
    held = _last_good.get(url)
    try:
        kept = last_good.load(engine)
    except Exception:  # noqa: BLE001 — a damaged snapshot must not hide the page
        _log.exception("the last good dataset of %s cannot be read", url)
        kept = None
    newest = max((c for c in (held, kept) if c), key=lambda c: c[0], default=None)
    if newest is None:
        return load_dataset(data_dir()), ""
    at = last_good.revision_time(engine, newest[0])
    return newest[1], LABELS["data_fallback_as_of"].format(at=at) if at else ""


def _keep_good(url: str, engine: sa.Engine, revision: int, data: Dataset) -> None:
    """Keep a dataset that loaded as the store's last good one (in the background, after
    LAST_GOOD_DELAY_S, unless a newer revision has loaded by then)."""
    _hurry.wait(LAST_GOOD_DELAY_S)
    if _last_good.get(url, (revision,))[0] > revision:
        return  # the newer revision's own save keeps it
    with _saving:
        try:
            last_good.save(engine, revision, data)
        except Exception:  # noqa: BLE001 — the page has its data; only the fallback is older
            _log.exception("keeping revision %s as the last good dataset failed", revision)


def wait_for_saves() -> None:
    """Save the last good dataset now and return once the background saves have ended (tests,
    benchmarks)."""
    _hurry.set()
    try:
        for saver in _savers[:]:  # a copy: other threads replace the list
            saver.join()
    finally:
        _hurry.clear()


# A process that ends within LAST_GOOD_DELAY_S of a load keeps that revision on its way out.
atexit.register(wait_for_saves)


def problem(key: str) -> str | None:
    """Why the data at `key` did not load (the pages show an earlier revision), or None."""
    return _problems.get(key)


@st.cache_resource(show_spinner=False, max_entries=2)
def updates_at(key: str) -> pd.DataFrame:
    """The tracker's status updates at one revision (read again only when updates were added)."""
    return _latest.task_updates(key.rsplit(_SEPARATOR, 1)[0], _engine_of(key))


@st.cache_resource(show_spinner=False, max_entries=2)
def last_edit_at(key: str) -> str:
    """When the data was last changed in the store (the newest audit row's date), or ''."""
    from store.audit import history

    newest = history(_engine_of(key), limit=1)
    return str(newest["at"].iloc[0])[:10] if not newest.empty else ""
