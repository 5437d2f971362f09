"""Shared test helpers: the repository root and a copy of the bundled data to break on purpose."""

import shutil
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
