"""Load the curated CSV tables (checked by metrics/validate.py); a bad row fails with its id and
the reason."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from metrics.columns import (
    FIGURE_COLUMNS,
    LINK_COLUMNS,
    PLACE_COLUMNS,
    SOURCE_COLUMNS,
    TASK_COLUMNS,
)
from metrics.validate import (
    DataError,
    cross_check,
    fail,
    validate_figures,
    validate_links,
    validate_places,
    validate_sources,
    validate_tasks,
)


@dataclass(frozen=True)
class Dataset:
    """All curated tables, validated against each other and against the source texts."""

    sources: pd.DataFrame
    texts: dict[str, str]
    figures: pd.DataFrame
    links: pd.DataFrame
    tasks: pd.DataFrame
    places: pd.DataFrame


def read_table(path: Path, required: list[str]) -> pd.DataFrame:
    """Read a UTF-8 CSV as text columns (empty cells stay ''), checking the required columns."""
    if not path.exists():
        raise DataError(f"{path.name}：文件不存在")
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [column for column in required if column not in table.columns]
    if missing:
        raise DataError(f"{path.name}：缺少列 {', '.join(missing)}")
    return table


def load_sources(path: Path) -> pd.DataFrame:
    """sources.csv → one row per document; checks ids, kinds and ISO dates."""
    return validate_sources(read_table(path, SOURCE_COLUMNS), path.name)


def load_source_texts(sources: pd.DataFrame, data_dir: Path) -> dict[str, str]:
    """The verbatim text of each source, keyed by source_id (UTF-8, read without newline changes)."""
    texts: dict[str, str] = {}
    checksums = sources["sha256"] if "sha256" in sources else [""] * len(sources)
    for source_id, relative, checksum in zip(
        sources["source_id"], sources["path"], checksums, strict=True
    ):
        path = data_dir / relative
        if not path.exists():
            raise fail("sources.csv", source_id, f"原文文件 {relative} 不存在")
        raw = path.read_bytes()
        if checksum and hashlib.sha256(raw).hexdigest() != checksum:
            raise fail("sources.csv", source_id, f"原文文件 {relative} 已被改动（SHA-256 不符）")
        try:
            texts[source_id] = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise fail("sources.csv", source_id, f"原文文件 {relative} 不是 UTF-8") from error
    return texts


def load_places(path: Path) -> pd.DataFrame:
    """places.csv → one row per place or institution, lon/lat as floats; checks parents and codes."""
    return validate_places(read_table(path, PLACE_COLUMNS), path.name)


def load_figures(path: Path) -> pd.DataFrame:
    """figures.csv → one row per reported quantity; value as float (base units)."""
    return validate_figures(read_table(path, FIGURE_COLUMNS), path.name)


def load_links(path: Path) -> pd.DataFrame:
    """links.csv → one row per cooperation relation between two places or institutions."""
    return validate_links(read_table(path, LINK_COLUMNS), path.name)


def load_tasks(path: Path) -> pd.DataFrame:
    """tasks.csv → one row per action-plan task; `responsible` holds units joined by 、."""
    return validate_tasks(read_table(path, TASK_COLUMNS), path.name)


def load_dataset(data_dir: Path) -> Dataset:
    """Load every curated table under data_dir and validate them against each other."""
    sources = load_sources(data_dir / "sources.csv")
    texts = load_source_texts(sources, data_dir)
    return cross_check(
        Dataset(
            sources,
            texts,
            load_figures(data_dir / "figures.csv"),
            load_links(data_dir / "links.csv"),
            load_tasks(data_dir / "tasks.csv"),
            load_places(data_dir / "places.csv"),
        ),
        CSV_NAMES,
    )


CSV_NAMES = {t: f"{t}.csv" for t in ("sources", "figures", "links", "tasks", "places")}
