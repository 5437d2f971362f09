"""Cached loaders: the curated data is read and validated once per server, not on each rerun."""

from pathlib import Path

import streamlit as st

from metrics.load import Dataset, load_dataset
from metrics.paths import data_dir


@st.cache_resource(show_spinner=False)
def _dataset_at(path: str) -> Dataset:
    return load_dataset(Path(path))


def dataset_at(path: Path) -> Dataset:
    """The validated dataset under `path` (shared read-only by every session; never mutate it)."""
    return _dataset_at(str(path))


def dataset() -> Dataset:
    """The validated dataset in use ($JMB_DATA_DIR or the bundled data/)."""
    return dataset_at(data_dir())
