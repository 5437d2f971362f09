"""The tables pages, exports and the deck show: figures, links and tasks with their display text
and sources, the rows behind the KPI cards, and a word search over any of them."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from metrics.display import figure_label, figure_labels, part_notes
from metrics.headline import headline_ranks
from metrics.vocab import FIELD_COLORS, field_order


def kpi_cards(
    figures: pd.DataFrame, sources: pd.DataFrame, limit: int | None = None
) -> pd.DataFrame:
    """One row per KPI card, headline figures first, then by field and source order (the first
    `limit` cards only, when given: at region scale formatting every amount takes a second).

    Input: figures (value, unit, qualifier, field, headline, …) and sources (source_id, title, …).
    Output columns: figure_id, field, color, indicator, display, kind, place, partner, quote,
    source_title, publisher, author, doc_number, published, note, part_note (其中 4家 / 属于 9家).
    """
    figures = figures.reset_index(drop=True)
    ranks = headline_ranks(figures["headline"])
    codes, names = pd.factorize(figures["field"])
    fields = np.array([field_order(name) for name in names] + [field_order("")], dtype=float)[codes]
    shown = np.arange(len(figures))
    if limit is not None:
        shown = _first_candidates(figures, ranks, fields, limit)
    # parts and wholes relate among all the figures, not only the shown ones
    notes = _part_notes_of(figures, shown)
    keys = figures[["source_id", "figure_id"]].iloc[shown]
    order = np.lexsort(  # stable: by rank, field, source, id (ids as their sorted codes)
        (
            pd.factorize(keys["figure_id"], sort=True)[0],
            pd.factorize(keys["source_id"], sort=True)[0],
            fields[shown],
            ranks[shown],
        )
    )[:limit]
    rows = figures.iloc[shown[order]]
    # each card's source (a look-up of the few cards shown: a merge costs more than the rest)
    meta = {
        column: dict(zip(sources["source_id"].tolist(), sources[column].tolist(), strict=True))
        for column in ("title", "publisher", "author", "doc_number", "published")
    }
    if len(meta["title"]) < len(sources):
        raise ValueError("sources: a source_id is repeated")
    ids = rows["source_id"].tolist()
    values = {
        "display": figure_labels(rows).tolist(),
        "color": rows["field"].map(FIELD_COLORS).tolist(),
        "part_note": notes[order].tolist(),
        **{
            ("source_title" if column == "title" else column): [
                meta[column].get(i, np.nan) for i in ids
            ]
            for column in meta
        },
    }
    return pd.DataFrame({c: values[c] if c in values else rows[c].tolist() for c in CARD_COLUMNS})


CARD_COLUMNS = [
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
    "part_note",
]


def _first_candidates(
    figures: pd.DataFrame, ranks: np.ndarray, fields: np.ndarray, limit: int
) -> np.ndarray:
    """Positions of the rows that can be among the first `limit` cards: every row whose
    (rank, field) key is below the `limit`-th smallest key, and the first of the rows tied on it
    by source and id."""
    if len(ranks) <= limit:
        return np.arange(len(ranks))
    rank, field = _kth_key(ranks, fields, max(limit, 1))
    before = (ranks < rank) | ((ranks == rank) & (fields < field))
    tied = np.flatnonzero((ranks == rank) & (fields == field))
    keys = figures[["source_id", "figure_id"]].iloc[tied].assign(_pos=tied)
    need = max(limit, 1) - int(before.sum())
    first = keys.sort_values(["source_id", "figure_id"], kind="stable")["_pos"].head(need)
    return np.sort(np.concatenate([np.flatnonzero(before), first.to_numpy()]))


def _kth_key(ranks: np.ndarray, fields: np.ndarray, k: int) -> tuple[float, float]:
    """The k-th smallest (rank, field) key (k ≤ the number of rows): sorting only the few ranked
    rows, and finding the field among the unranked ones by partition, not sorting 100k keys."""
    ranked = np.flatnonzero(ranks < np.inf)
    if len(ranked) >= k:
        kth = ranked[np.lexsort((fields[ranked], ranks[ranked]))[k - 1]]
        return float(ranks[kth]), float(fields[kth])
    unranked = fields[ranks == np.inf]
    return float("inf"), float(np.partition(unranked, k - len(ranked) - 1)[k - len(ranked) - 1])


def _part_notes_of(figures: pd.DataFrame, shown: np.ndarray) -> np.ndarray:
    """part_notes of the rows at positions `shown`, computed on them with their wholes and
    parts only."""
    if len(shown) == len(figures) or "part_of" not in figures:
        return part_notes(figures).to_numpy()[shown]
    if not (figures["part_of"] != "").any():
        return np.full(len(shown), "", dtype=object)
    wholes = figures["part_of"].iloc[shown]
    ids = figures["figure_id"].iloc[shown]
    related = (
        np.isin(np.arange(len(figures)), shown)
        | figures["part_of"].isin(ids)  # parts of a shown figure
        | figures["figure_id"].isin(wholes[wholes != ""])  # wholes of a shown part
    )
    return part_notes(figures[related]).loc[shown].to_numpy()


def single_chunks(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with every Arrow-backed column in one chunk (the same values): a revision read by
    pieces (store/reload.py) holds columns in several chunks, and taking a few rows of such a
    column copies all its chunks first (10 ms instead of 4 for 总览's tiles at region scale)."""
    merged = {}
    for column in frame.columns:
        values = frame[column].array
        arrow = getattr(values, "_pa_array", None)  # pandas' Arrow-backed arrays
        if isinstance(arrow, pa.ChunkedArray) and arrow.num_chunks > 1:
            one = type(values)(pa.chunked_array([arrow.combine_chunks()], type=arrow.type))
            merged[column] = pd.Series(one, index=frame.index, dtype=frame[column].dtype)
    return frame.assign(**merged) if merged else frame


def with_sources(table: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Add source_title, publisher, doc_number and published to rows that have a source_id."""
    meta = sources[["source_id", "title", "publisher", "doc_number", "published"]].rename(
        columns={"title": "source_title"}
    )
    return table.merge(meta, on="source_id", how="left", validate="many_to_one")


def figure_table(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Figures with their display text and source metadata, in field then source order.

    Output columns: figure_id, field, indicator, display, value, unit, qualifier, kind, place,
    partner, period, quote, source_id, source_title, publisher, doc_number, published, note,
    amount, part_of, describes, part_note (其中 4家 / 属于 9家).
    """
    table = with_sources(figures, sources).assign(
        display=figure_labels(figures).to_numpy(),
        part_note=part_notes(figures).to_numpy(),
        _field=figures["field"].map(field_order).to_numpy(),
    )
    table = table.sort_values(["_field", "source_id", "figure_id"], kind="stable")
    columns = [
        "figure_id",
        "field",
        "indicator",
        "display",
        "value",
        "unit",
        "qualifier",
        "kind",
        "place",
        "partner",
        "period",
        "quote",
        "source_id",
        "source_title",
        "publisher",
        "doc_number",
        "published",
        "note",
        "amount",
        "part_of",
        "describes",
        "part_note",
    ]
    return table.reindex(columns=columns, fill_value="").reset_index(drop=True)


def search_table(table: pd.DataFrame, query: str, columns: Sequence[str]) -> pd.DataFrame:
    """Rows where every whitespace-separated word of `query` occurs in one of `columns`."""
    words = query.split()
    if not words:
        return table
    haystack = table[list(columns)].astype(str).agg(" ".join, axis=1)
    keep = pd.Series(True, index=table.index)
    for word in words:
        keep &= haystack.str.contains(word, regex=False, case=False)
    return table[keep]


def link_table(links: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Links with their source titles, in field order."""
    table = with_sources(links, sources).assign(_field=links["field"].map(field_order).to_numpy())
    return (
        table.sort_values(["_field", "source_id", "link_id"], kind="stable")
        .drop(columns="_field")
        .reset_index(drop=True)
    )


def task_table(tasks: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Tasks with their target figures written out ('引进50亿元以上重点项目：2个')."""
    named = {i for ids in tasks["targets"] for i in ids.split("、") if i}
    targets = figures[figures["figure_id"].isin(named)]  # a handful, not every figure
    display = {
        # The column is headed 目标, so the label needs no （目标） of its own.
        row.figure_id: f"{row.indicator}："
        f"{figure_label(row.value, row.unit, row.qualifier, getattr(row, 'amount', ''))}"
        for row in targets.itertuples(index=False)
    }

    def targets_text(ids: str) -> str:
        return "；".join(display[i] for i in ids.split("、") if i in display)

    return tasks.assign(target_display=tasks["targets"].map(targets_text))
