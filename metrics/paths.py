"""Where the curated data lives; the only module that knows the layout of data/."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = ROOT / "data"
DATA_DIR_ENV = "JMB_DATA_DIR"  # point the app at another data folder (tests, staging copies)
GEO_BUILD_DIR = ROOT / "build" / "geo"  # boundary sets built by `python -m geo`
# The boundary sets the national map draws (briefing/ and bench/ use it; ui/cache.py should too).
MAP_SETS: tuple[str, ...] = ("provinces", "beijing", "ordos", "wuhai")


def data_dir() -> Path:
    """The data folder in use: $JMB_DATA_DIR when set, else the bundled data/."""
    return Path(os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR)


DATA_DIR = DEFAULT_DATA_DIR
SOURCES_CSV = DATA_DIR / "sources.csv"
FIGURES_CSV = DATA_DIR / "figures.csv"
TASKS_CSV = DATA_DIR / "tasks.csv"
