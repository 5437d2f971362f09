"""The overview's headline board: the results and targets to see first, each field in one line."""

from __future__ import annotations

import numpy as np
import pandas as pd

from metrics.display import figure_labels
from metrics.relations import OTHER, field_group, relations_by_field
from metrics.vocab import FIELD_COLORS, PRIMARY_FIELDS

OTHER_COLOR = "#667085"
# What a tile shows (figure_labels reads value, unit, qualifier, amount): read only these of the
# few rows shown, not every column.
TILE_COLUMNS = ["figure_id", "value", "unit", "qualifier", "amount", "indicator", "place", "field"]


def headline_tiles(figures: pd.DataFrame, kind: str, limit: int) -> pd.DataFrame:
    """The `limit` most important figures of one kind (headline rank first, then the rest in
    data order), with the source's own phrase as their label.

    Output columns: figure_id, label, indicator, place, field, color, quote, kind.
    """
    mine = (figures["kind"] == kind).to_numpy(dtype=bool)
    columns = [c for c in [*TILE_COLUMNS, "quote", "kind"] if c in figures.columns]
    return _tiles(figures[columns].iloc[_top_positions(_ranks(figures), mine, limit)])


def _ranks(figures: pd.DataFrame) -> np.ndarray:
    """Each figure's headline rank, infinity when it has none."""
    return headline_ranks(figures["headline"])


def headline_ranks(headline: pd.Series) -> np.ndarray:
    """The headline rank of each row, infinity where none is given (only the few non-empty
    values are parsed: 100k figures)."""
    ranks = np.full(len(headline), float("inf"))
    given = np.flatnonzero((headline.fillna("") != "").to_numpy(dtype=bool))
    parsed = pd.to_numeric(headline.iloc[given], errors="coerce").to_numpy(dtype=float)
    ranks[given] = np.where(np.isnan(parsed), float("inf"), parsed)
    return ranks


def _top_positions(ranks: np.ndarray, mask: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the first `limit` rows in `mask` by headline rank, then data order."""
    positions = np.flatnonzero(mask)
    ranked = ranks[positions]
    finite = np.isfinite(ranked)
    # Only ranked rows and the first `limit` unranked ones can be among the first `limit`.
    candidates = np.concatenate([positions[finite], positions[~finite][:limit]])
    order = np.lexsort((candidates, ranks[candidates]))
    return candidates[order][:limit]


def _tiles(rows: pd.DataFrame) -> pd.DataFrame:
    """The tile rows (figure_id, label, indicator, place, field, color, quote, kind)."""
    return pd.DataFrame(
        {
            "figure_id": rows["figure_id"],
            "label": figure_labels(rows),
            "indicator": rows["indicator"],
            "place": rows["place"],
            "field": rows["field"],
            "color": rows["field"].map(FIELD_COLORS).fillna(OTHER_COLOR),
            "quote": rows["quote"],
            "kind": rows["kind"],
        }
    ).reset_index(drop=True)


def field_summary(
    figures: pd.DataFrame,
    links: pd.DataFrame | None = None,
    per_field: int = 2,
    relations: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per field group (教育 医疗 科创 文旅 其他) that has figures or relations.

    `relations` is relations_by_field of the links when it is at hand already (else computed).
    Output columns: field, results (the first `per_field` result labels with their indicator),
    result_count, target_count, achieved, planned (distinct relations), color.
    """
    fields = [*PRIMARY_FIELDS, OTHER]
    codes, names = pd.factorize(figures["field"])  # a missing field (-1) counts as 其他
    groups = np.array([fields.index(field_group(n)) for n in names] + [len(fields) - 1])[codes]
    achievement = (figures["kind"] == "achievement").to_numpy(dtype=bool)
    target = (figures["kind"] == "target").to_numpy(dtype=bool)
    ranks = _ranks(figures)
    relations = relations if relations is not None else relations_by_field(links)
    relations = relations.set_index("field")
    present = np.bincount(groups, minlength=len(fields)) > 0
    results = np.bincount(groups[achievement], minlength=len(fields))
    targets = np.bincount(groups[target], minlength=len(fields))
    shown = [i for i, f in enumerate(fields) if present[i] or f in relations.index]
    tops = [_top_positions(ranks, (groups == i) & achievement, per_field) for i in shown]
    # One read of the few top rows (100k rows are costly to index column by column).
    columns = [c for c in TILE_COLUMNS if c in figures.columns]
    top_rows = figures[columns].iloc[np.concatenate([[], *tops]).astype(int)]
    texts = [
        f"{indicator} {label}"
        for indicator, label in zip(
            top_rows["indicator"].tolist(), figure_labels(top_rows).tolist(), strict=True
        )
    ]
    rows, start = [], 0
    for i, top in zip(shown, tops, strict=True):
        field = fields[i]
        rows.append(
            {
                "field": field,
                "results": "；".join(texts[start : start + len(top)]),
                "result_count": int(results[i]),
                "target_count": int(targets[i]),
                "achieved": int(relations["achieved"].get(field, 0)),
                "planned": int(relations["planned"].get(field, 0)),
                "color": FIELD_COLORS.get(field, OTHER_COLOR),
            }
        )
        start += len(top)
    columns = ["field", "results", "result_count", "target_count", "achieved", "planned", "color"]
    return pd.DataFrame(rows, columns=columns)


def source_dates(sources: pd.DataFrame) -> list[tuple[str, str]]:
    """(title, date) of each source: its publication date, or its period when it states none."""
    blank = [""] * len(sources)
    published = sources["published"].tolist() if "published" in sources else blank
    periods = sources["period"].tolist() if "period" in sources else blank
    dated = []
    for title, date, period in zip(sources["title"].tolist(), published, periods, strict=True):
        day, year = str(date or ""), str(period or "")
        dated.append((title, day or (f"{year}年（未注明具体日期）" if year else "")))
    return dated


QUICK_ALL = "全部"
QUICK_CHOICES = (QUICK_ALL, *PRIMARY_FIELDS, OTHER)


def quick_fields(choice: str, available: tuple[str, ...]) -> list[str]:
    """The field filter a quick switch choice stands for (全部 → none, 其他 → the plan's others)."""
    if choice == OTHER:
        return [f for f in available if f not in PRIMARY_FIELDS]
    return [choice] if choice in PRIMARY_FIELDS else []


def quick_choice(selected: tuple[str, ...], available: tuple[str, ...]) -> str | None:
    """The quick switch position that matches a field filter, None for any other selection."""
    for choice in QUICK_CHOICES:
        if set(quick_fields(choice, available)) == set(selected):
            return choice
    return None
