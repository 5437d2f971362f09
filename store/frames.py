"""The curated tables read from the store → the validated dataset (the same checks as the CSVs),
and the table names editors read in messages."""

from __future__ import annotations

import pandas as pd

from metrics.load import Dataset
from metrics.validate import (
    DataError,
    cross_check,
    validate_figures,
    validate_links,
    validate_places,
    validate_sources,
    validate_tasks,
)

# Table names as editors read them in messages.
TABLE_NAMES = {
    "sources": "来源",
    "places": "地点",
    "figures": "指标",
    "links": "合作关系",
    "tasks": "任务",
}


def check_duplicates(figures: pd.DataFrame) -> None:
    """Every figure marked as a repeat names a stored figure."""
    dangling = figures[
        (figures["duplicate_of"] != "") & ~figures["duplicate_of"].isin(set(figures["figure_id"]))
    ]
    if len(dangling):
        row = dangling.iloc[0]
        raise DataError(
            f"{TABLE_NAMES['figures']}（{row['figure_id']}）：重复的原指标“{row['duplicate_of']}”不存在"
        )


def validate_frames(frames: dict[str, pd.DataFrame]) -> Dataset:
    """The curated tables as read from the store (every row, in store order) → the dataset,
    validated exactly like the CSVs."""
    sources = validate_sources(frames["sources"].drop(columns="text"), TABLE_NAMES["sources"])
    texts = dict(zip(frames["sources"]["source_id"], frames["sources"]["text"], strict=True))
    check_duplicates(frames["figures"])
    return cross_check(
        Dataset(
            sources,
            texts,
            # A figure repeating one from another report is kept in the store, never counted.
            validate_figures(
                frames["figures"][frames["figures"]["duplicate_of"] == ""], TABLE_NAMES["figures"]
            ),
            validate_links(frames["links"], TABLE_NAMES["links"]),
            validate_tasks(frames["tasks"], TABLE_NAMES["tasks"]),
            validate_places(frames["places"], TABLE_NAMES["places"]),
        ),
        TABLE_NAMES,
    )
