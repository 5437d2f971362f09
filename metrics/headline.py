"""The overview's headline board: the results and targets to see first, each field in one line."""

from __future__ import annotations

import pandas as pd

from metrics.display import figure_labels
from metrics.relations import OTHER, field_group, relations_by_field
from metrics.vocab import FIELD_COLORS, PRIMARY_FIELDS

OTHER_COLOR = "#667085"


def headline_tiles(figures: pd.DataFrame, kind: str, limit: int) -> pd.DataFrame:
    """The `limit` most important figures of one kind (headline rank first, then the rest in
    data order), with the source's own phrase as their label.

    Output columns: figure_id, label, indicator, place, field, color, quote, kind.
    """
    rows = figures[figures["kind"] == kind]
    rank = pd.to_numeric(rows["headline"], errors="coerce").fillna(float("inf"))
    rows = rows.assign(_rank=rank, _seq=range(len(rows))).sort_values(["_rank", "_seq"])
    rows = rows.head(limit)
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


def field_summary(figures: pd.DataFrame, links: pd.DataFrame, per_field: int = 2) -> pd.DataFrame:
    """One row per field group (教育 医疗 科创 文旅 其他) that has figures or relations.

    Output columns: field, results (the first `per_field` result labels with their indicator),
    result_count, target_count, achieved, planned (distinct relations), color.
    """
    grouped = figures.assign(group=figures["field"].map(field_group))
    relations = relations_by_field(links).set_index("field")
    rows = []
    for field in [*PRIMARY_FIELDS, OTHER]:
        mine = grouped[grouped["group"] == field]
        results = mine[mine["kind"] == "achievement"]
        if mine.empty and field not in relations.index:
            continue
        top = headline_tiles(results, "achievement", per_field)
        rows.append(
            {
                "field": field,
                "results": "；".join(f"{t.indicator} {t.label}" for t in top.itertuples()),
                "result_count": len(results),
                "target_count": int((mine["kind"] == "target").sum()),
                "achieved": int(relations["achieved"].get(field, 0)),
                "planned": int(relations["planned"].get(field, 0)),
                "color": FIELD_COLORS.get(field, OTHER_COLOR),
            }
        )
    columns = ["field", "results", "result_count", "target_count", "achieved", "planned", "color"]
    return pd.DataFrame(rows, columns=columns)


def source_dates(sources: pd.DataFrame) -> list[tuple[str, str]]:
    """(title, date) of each source: its publication date, or its period when it states none."""
    dated = []
    for row in sources.itertuples(index=False):
        published = str(getattr(row, "published", "") or "")
        period = str(getattr(row, "period", "") or "")
        dated.append((row.title, published or (f"{period}年（未注明具体日期）" if period else "")))
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
