"""Cached loaders: the store is opened once per server; the dataset is read and validated once per
data revision (every committed change bumps it), not on each rerun."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from metrics.load import Dataset
from metrics.paths import data_dir
from store.db import data_revision, database_url, load_store, open_store
from store.tracker import load_updates
from ui import memory

_SEPARATOR = "#rev"
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
    """The validated dataset at one revision (shared read-only by every session; never mutate)."""
    data = load_store(_engine_of(key))
    memory.release()  # reading 100k rows leaves ~150 MB of freed rows and SQL results behind
    return data


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
