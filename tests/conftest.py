"""Shared test helpers: the repository root and a copy of the bundled data to break on purpose."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ that a test may corrupt without touching the real one."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session", autouse=True)
def test_database(tmp_path_factory) -> Iterator[str]:
    """Every test process uses its own SQLite store (seeded from data/ on first use), never the
    developer's var/jmb.sqlite; tests that write take `fresh_store` instead."""
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'shared.sqlite'}"
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    yield url
    if previous is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = previous


@pytest.fixture
def fresh_store(tmp_path: Path, monkeypatch) -> str:
    """A new, empty SQLite store for this test (DATABASE_URL points at it); returns its URL."""
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("JMB_DATA_DIR", raising=False)
    return url
