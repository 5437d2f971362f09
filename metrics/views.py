"""Filtered views of the curated tables and the rows behind the overview's KPI cards."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from metrics.display import figure_label, figure_labels, part_notes
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
    headline_rank = pd.to_numeric(figures["headline"], errors="coerce")
    cards = figures.assign(
        part_note=part_notes(figures),  # relates parts and wholes among all the figures
        color=figures["field"].map(FIELD_COLORS),
        _rank=headline_rank.fillna(float("inf")),
        _field=figures["field"].map({f: field_order(f) for f in figures["field"].unique()}),
    ).merge(
        sources[["source_id", "title", "publisher", "author", "doc_number", "published"]].rename(
            columns={"title": "source_title"}
        ),
        on="source_id",
        how="left",
        validate="many_to_one",
    )
    cards = cards.sort_values(["_rank", "_field", "source_id", "figure_id"], kind="stable")
    if limit is not None:
        cards = cards.head(limit)
    cards = cards.assign(display=figure_labels(cards).to_numpy())
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
        "part_note",
    ]
    return cards[columns].reset_index(drop=True)


def sources_behind(table: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The sources that the rows of `table` come from, in sources.csv order."""
    return sources[sources["source_id"].isin(table["source_id"].unique())].reset_index(drop=True)


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
    amount, part_of, part_note (其中 4家 / 属于 9家).
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


def city_of(places: pd.DataFrame) -> dict[str, str]:
    """Each place → the city, league or region it belongs to (a banner → 鄂尔多斯市)."""
    parent = dict(zip(places["name"], places["parent"], strict=True))
    kind = dict(zip(places["name"], places["kind"], strict=True))
    top_levels = ("province", "country")
    result = {}
    for name in places["name"]:
        current = name
        while (
            kind.get(current) != "city"
            and parent.get(current)
            and kind.get(parent[current]) not in top_levels
        ):
            current = parent[current]
        result[name] = current
    return result


def sources_as_of(sources: pd.DataFrame) -> str:
    """The most recent date the sources themselves give (publication date, else their year), or ''.

    Not the date they were imported (`retrieved`): a briefing states how current its sources are.
    """
    dates = [str(d) for d in sources.get("published", pd.Series(dtype=str)) if d]
    years = [str(p) for p in sources.get("period", pd.Series(dtype=str)) if p]
    latest = max(dates, default="")
    if years and max(years) > latest[:4]:
        return f"{max(years)}年"
    return latest


def selected_ids(event: object, position: int = 0) -> list[str]:
    """The customdata[position] of every point selected in a plotly chart event, in order."""
    selection = getattr(event, "selection", None) or (
        event.get("selection") if isinstance(event, dict) else None
    )
    points = (
        (selection or {}).get("points", [])
        if isinstance(selection, dict)
        else getattr(selection, "points", [])
    )
    ids: list[str] = []
    for point in points or []:
        data = point.get("customdata")
        value = data[position] if isinstance(data, (list, tuple)) else data
        if value is not None and str(value) not in ids:
            ids.append(str(value))
    return ids


def record_labels(frame: pd.DataFrame, table: str) -> dict[str, str]:
    """'wuhai-08 · 北京医疗机构派出专家 · 250余人次' for every row of figures, links or tasks."""
    if table == "figures":
        keys = frame["figure_id"]
        text = keys + " · " + frame["indicator"] + " · " + frame["amount"]
    elif table == "links":
        keys = frame["link_id"]
        text = (
            keys + " · " + frame["from_name"] + " → " + frame["to_name"]
            + "（" + frame["link_type"] + "）"
        )  # fmt: skip
    else:
        keys = frame["task_id"]
        text = keys + " · " + frame["title"]
    return dict(zip(keys.tolist(), text.tolist(), strict=True))


def bar_labels(table: pd.DataFrame) -> list[str]:
    """One distinct label per figure for a bar chart: the indicator, with its place where the
    indicator repeats (region-wide data has hundreds of 培训教师), then a number where both do.
    A chart axis merges equal labels into one bar, so they must differ."""
    indicators = table["indicator"].astype(str)
    places = table["place"].astype(str) if "place" in table else pd.Series("", index=table.index)
    repeated = indicators.duplicated(keep=False)
    labels = [
        f"{indicator}（{place}）" if again and place else indicator
        for indicator, place, again in zip(indicators, places, repeated, strict=True)
    ]
    seen: dict[str, int] = {}
    distinct = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        distinct.append(label if seen[label] == 1 else f"{label} {seen[label]}")
    return distinct
