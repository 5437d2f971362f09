"""Filtered views of the curated tables and the rows behind the overview's KPI cards."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from metrics.quantity import format_quantity
from metrics.vocab import FIELD_COLORS, FIELDS, field_order


def parse_field_selection(values: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split requested field names (from a URL or a widget) into known ones and unknown ones."""
    known = [value for value in FIELDS if value in values]
    unknown = [value for value in values if value not in FIELDS]
    return known, unknown


def filter_by_field(table: pd.DataFrame, fields: Sequence[str]) -> pd.DataFrame:
    """Rows whose `field` is one of `fields`; an empty selection means every field."""
    return table[table["field"].isin(fields)] if fields else table


def kpi_cards(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per KPI card, headline figures first, then by field and source order.

    Input: figures (value, unit, qualifier, field, headline, …) and sources (source_id, title, …).
    Output columns: figure_id, field, color, indicator, display, kind, place, partner, quote,
    source_title, publisher, author, doc_number, published, note.
    """
    headline_rank = pd.to_numeric(figures["headline"], errors="coerce")
    cards = figures.assign(
        display=[
            format_quantity(v, u, q)
            for v, u, q in zip(figures["value"], figures["unit"], figures["qualifier"], strict=True)
        ],
        color=figures["field"].map(FIELD_COLORS),
        _rank=headline_rank.fillna(float("inf")),
        _field=figures["field"].map(field_order),
    ).merge(
        sources[["source_id", "title", "publisher", "author", "doc_number", "published"]].rename(
            columns={"title": "source_title"}
        ),
        on="source_id",
        how="left",
        validate="many_to_one",
    )
    cards = cards.sort_values(["_rank", "_field", "source_id", "figure_id"], kind="stable")
    columns = [
        "figure_id",
        "field",
        "color",
        "indicator",
        "display",
        "kind",
        "place",
        "partner",
        "quote",
        "source_title",
        "publisher",
        "author",
        "doc_number",
        "published",
        "note",
    ]
    return cards[columns].reset_index(drop=True)


def count_by_field(table: pd.DataFrame) -> pd.DataFrame:
    """Rows per field in vocabulary order. Output columns: field, count."""
    counts = table.groupby("field").size().rename("count").reset_index()
    return counts.sort_values("field", key=lambda s: s.map(field_order)).reset_index(drop=True)


def sources_behind(table: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The sources that the rows of `table` come from, in sources.csv order."""
    return sources[sources["source_id"].isin(set(table["source_id"]))].reset_index(drop=True)
