"""Cached loaders: the store is opened once per server; the dataset is read and validated once per
data revision (every committed change bumps it), not on each rerun."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from metrics.load import DataError, Dataset, load_dataset
from metrics.paths import data_dir
from store.db import data_revision, database_url, load_store, open_store
from store.tracker import load_updates
from ui import memory

_SEPARATOR = "#rev"
_log = logging.getLogger("jmb.loaders")
# The newest dataset that loaded, per database, and why a revision did not (key → message).
_last_good: dict[str, Dataset] = {}
_problems: dict[str, str] = {}
memory.configure()


@st.cache_resource(show_spinner=False)
def _engine(url: str, folder: str) -> sa.Engine:
    return open_store(url, Path(folder))


def engine() -> sa.Engine:
    """The store in use ($DATABASE_URL or the SQLite file for the data folder), migrated and
    seeded on first use."""
    return _engine(database_url(), str(data_dir()))


def data_key() -> str:
    """'<database url>#rev<N>': names the data as it is now; caches are keyed by it."""
    return f"{database_url()}{_SEPARATOR}{data_revision(engine())}"


def _engine_of(key: str) -> sa.Engine:
    return _engine(key.rsplit(_SEPARATOR, 1)[0], str(data_dir()))


@st.cache_resource(show_spinner=False, max_entries=2)
def dataset_at(key: str) -> Dataset:
    """The validated dataset at one revision (shared read-only by every session; never mutate).
    When the stored data does not load, the last revision that did (else the bundled data), so
    the pages stay usable; `problem(key)` then says why."""
    url = key.rsplit(_SEPARATOR, 1)[0]
    try:
        data = load_store(_engine_of(key))
    except DataError as error:
        _log.error("stored data at %s does not load: %s", key, error)
        _problems[key] = str(error)
        return _last_good.get(url) or load_dataset(data_dir())
    finally:
        memory.release()  # reading 100k rows leaves ~150 MB of freed rows and SQL results behind
    _last_good[url] = data
    return data


def problem(key: str) -> str | None:
    """Why the data at `key` did not load (the pages show an earlier revision), or None."""
    return _problems.get(key)


@st.cache_resource(show_spinner=False, max_entries=2)
def updates_at(key: str) -> pd.DataFrame:
    """The tracker's status updates at one revision."""
    return load_updates(_engine_of(key))


@st.cache_resource(show_spinner=False, max_entries=2)
def last_edit_at(key: str) -> str:
    """When the data was last changed in the store (the newest audit row's date), or ''."""
    from store.edit import history

    newest = history(_engine_of(key), limit=1)
    return str(newest["at"].iloc[0])[:10] if not newest.empty else ""
