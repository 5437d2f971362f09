"""Splicing a table read in store order: the rows that changed put in place of the old ones,
new rows after them, built from slices of the old table so the unchanged rows are neither
filtered nor sorted again (store/reload.py)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa


def _positions(keys: pd.Series, wanted: pd.Series) -> np.ndarray:
    """The position of each `wanted` key among the unique `keys`, -1 when absent (without
    hashing every key into an index: 100k figures)."""
    hits = np.flatnonzero(keys.isin(wanted).to_numpy())
    where = dict(zip(keys.iloc[hits].tolist(), hits.tolist(), strict=True))
    return np.array([where.get(k, -1) for k in wanted.tolist()], dtype=np.int64)


def compacted(frame: pd.DataFrame, most: int = 1) -> pd.DataFrame:
    """`frame` with each Arrow string column in one piece again when spliced from more than
    `most`: filtering a column of many pieces takes several times longer, on every view."""
    pieced = {}
    for column in frame.columns:
        array = frame[column].array
        if isinstance(array, pd.arrays.ArrowStringArray):
            chunks = array.__arrow_array__()
            if chunks.num_chunks > most:
                whole = pa.chunked_array([chunks.combine_chunks()])
                pieced[column] = pd.arrays.ArrowStringArray(whole, dtype=array.dtype)
    return frame.assign(**pieced) if pieced else frame


def splice_sorted(frame: pd.DataFrame, drop: np.ndarray, rows: pd.DataFrame) -> pd.DataFrame:
    """`frame` (index labels increasing) without its rows at positions `drop`, with `rows` put
    in by their labels: pieced together from slices of `frame`, so the unchanged rows are not
    filtered or sorted (a boolean mask or a sort over 100k figures costs 15-40 ms a table)."""
    rows = rows.sort_index()
    at = np.searchsorted(frame.index.to_numpy(), rows.index.to_numpy())
    dropped = set(drop.tolist())
    pieces, cursor = [], 0
    for cut in sorted(dropped | set(at.tolist())):
        pieces += [frame.iloc[cursor:cut], rows[at == cut]]
        cursor = cut + 1 if cut in dropped else cut
    pieces = [piece for piece in [*pieces, frame.iloc[cursor:]] if len(piece)]
    return pd.concat(pieces) if pieces else frame.iloc[:0]


@dataclass(frozen=True)
class Change:
    """One table's changed rows as read now, labelled by their position in the new table, and
    the positions of those that were there before."""

    rows: pd.DataFrame
    updated: np.ndarray


def splice(frame: pd.DataFrame, rows: pd.DataFrame, key: str) -> tuple[pd.DataFrame, Change] | None:
    """`frame` (store order, index 0..n-1) with `rows` in place of the rows of the same key and
    new rows after them in store order (seq, key): what a full read returns. None when a new
    row would not come last (only a full read knows its place)."""
    rows = rows.astype(frame.dtypes.to_dict())[list(frame.columns)]
    positions = _positions(frame[key], rows[key])
    updated, created = rows[positions >= 0], rows[positions < 0]
    if len(created) and created["seq"].min() <= frame["seq"].max():
        return None
    updated = updated.set_axis(positions[positions >= 0])
    created = created.sort_values(["seq", key]).set_axis(
        range(len(frame), len(frame) + len(created))
    )
    labelled = pd.concat([updated, created])
    spliced = splice_sorted(frame, updated.index.to_numpy(), labelled).reset_index(drop=True)
    # only read again at the next change: pieces are joined once they pile up
    return compacted(spliced, most=32), Change(labelled, updated.index.to_numpy())
