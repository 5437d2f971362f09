"""Tables as users see them: Chinese headers, labels instead of codes, quotes in full."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from metrics.export import filters_sheet, labelled, to_csv_bytes, to_xlsx_bytes
from ui import styled
from ui.headline import em_width
from ui.labels import (
    DIRECTION_LABELS,
    FIGURE_COLUMN_LABELS,
    FILTER_LABELS,
    KIND_LABELS,
    LABELS,
    LINK_COLUMN_LABELS,
    QUALIFIER_LABELS,
    SEARCH_LABEL,
    SHEET_FIGURES,
    SHEET_FILTERS,
    SHEET_SOURCES,
    SOURCE_COLUMN_LABELS,
    SOURCE_KIND_LABELS,
    STATUS_LABELS,
    TASK_COLUMN_LABELS,
)

WIDE = {"width": "large"}


def figures_for_display(table: pd.DataFrame) -> pd.DataFrame:
    """Figure rows (metrics.tables.figure_table) with Chinese headers and labels."""
    return labelled(
        table.assign(
            kind_label=table["kind"].map(KIND_LABELS),
            qualifier_label=table["qualifier"].map(QUALIFIER_LABELS),
        ),
        FIGURE_COLUMN_LABELS,
    )


def links_for_display(table: pd.DataFrame) -> pd.DataFrame:
    """Link rows (metrics.tables.link_table) with Chinese headers and labels."""
    return labelled(
        table.assign(
            status_label=table["status"].map(STATUS_LABELS),
            direction_label=table["direction"].map(DIRECTION_LABELS),
        ),
        LINK_COLUMN_LABELS,
    )


def sources_for_display(sources: pd.DataFrame) -> pd.DataFrame:
    """Source rows with Chinese headers, without internal columns (path, sha256, seq, note)."""
    return labelled(
        sources.assign(kind_label=sources["kind"].map(SOURCE_KIND_LABELS).fillna(sources["kind"])),
        SOURCE_COLUMN_LABELS,
    )


def tasks_for_display(table: pd.DataFrame) -> pd.DataFrame:
    """Task rows (metrics.tables.task_table) with Chinese headers."""
    return labelled(table, TASK_COLUMN_LABELS)


def figures_workbook(
    figures: pd.DataFrame, sources: pd.DataFrame, active: dict[str, tuple[str, ...]]
) -> bytes:
    """The Excel download: the figures as the table shows them, their sources, the filters."""
    return to_xlsx_bytes(
        {
            SHEET_FIGURES: figures_for_display(figures),
            SHEET_SOURCES: sources_for_display(sources),
            SHEET_FILTERS: filters_sheet(active, {**FILTER_LABELS, "search": SEARCH_LABEL}),
        }
    )


def figures_csv(figures: pd.DataFrame) -> bytes:
    """The CSV download: the figures as the table shows them (UTF-8 with BOM)."""
    shown = figures_for_display(figures)
    value = FIGURE_COLUMN_LABELS["value"]
    return to_csv_bytes(shown.assign(**{value: shown[value].map(plain_number)}))


def figure_dataframe(table: pd.DataFrame, key: str, selectable: bool = False):
    """Show figures; with `selectable`, one row can be picked and the selection is returned."""
    styler, width, order = _figure_display(table)
    amount = FIGURE_COLUMN_LABELS["display"]
    options = {"on_select": "rerun", "selection_mode": "single-row"} if selectable else {}
    return st.dataframe(
        styler,
        hide_index=True,
        key=key,
        column_config={
            **FIGURE_COLUMN_WIDTHS,
            amount: st.column_config.Column(width=width, alignment="left"),
        },
        column_order=order,
        **options,
    )


def _figure_styler(table: pd.DataFrame) -> tuple[Styler, int, list[str]]:
    """The figures' display Styler (amounts_by_value, answers kept), the 数量 column width and
    the column order (数量 first: on a phone the first columns are all that show without a
    sideways swipe)."""
    shown = figures_for_display(table).reset_index(drop=True)
    amount = FIGURE_COLUMN_LABELS["display"]
    styler = amounts_by_value(shown, amount, FIGURE_COLUMN_LABELS["value"])
    order = [amount, *(c for c in shown.columns if c != amount)]
    return styled.frozen(styler), amount_width(shown[amount]), order


_figure_display = styled.Memo(_figure_styler)  # once per table content, for every session
# At 1366×768 (sidebar open) the columns up to 合作方 fit the page without a sideways scroll
# (14 px a Chinese character, 16 px padding); 指标 shows about 20 characters, 原文 is wide.
FIGURE_COLUMN_WIDTHS = {
    FIGURE_COLUMN_LABELS["field"]: st.column_config.TextColumn(width=72),
    FIGURE_COLUMN_LABELS["indicator"]: st.column_config.TextColumn(width=300),
    FIGURE_COLUMN_LABELS["qualifier_label"]: st.column_config.TextColumn(width=116),
    FIGURE_COLUMN_LABELS["kind_label"]: st.column_config.TextColumn(width=48),
    FIGURE_COLUMN_LABELS["place"]: st.column_config.TextColumn(width=84),
    FIGURE_COLUMN_LABELS["partner"]: st.column_config.TextColumn(width=120),
    FIGURE_COLUMN_LABELS["quote"]: st.column_config.TextColumn(**WIDE),
}


def amounts_by_value(shown: pd.DataFrame, amount: str, value: str) -> Styler:
    """The table with `amount` holding the number (so a click on its header sorts by value)
    while each cell still shows the text with its qualifier and unit (250余人次, 近百家);
    `value` shows whole numbers without '.0'."""
    texts = shown[amount].astype(str).tolist()
    numbers = pd.to_numeric(shown[value], errors="coerce")
    styler = shown.assign(**{amount: numbers}).style
    for row, text in enumerate(texts):
        styler = styler.format(lambda _v, text=text: text, subset=pd.IndexSlice[[row], [amount]])
    return styler.format(plain_number, subset=[value])


def plain_number(value: object) -> str:
    """7 for 7.0, 0.2 for 0.2, '' for a missing number."""
    if value is None or pd.isna(value):
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:g}"


def amount_width(amounts: pd.Series) -> int:
    """Pixels for the 数量 column so that the longest amount (增长20%以上, 3900余人次) shows whole."""
    longest = max((em_width(str(a)) for a in amounts), default=4.0)
    return int(min(320, max(96, longest * 15 + 30)))


def link_dataframe(table: pd.DataFrame, key: str) -> None:
    """Show links with their quotes."""
    st.dataframe(
        _link_display(table),
        hide_index=True,
        key=key,
        column_config={LINK_COLUMN_LABELS["quote"]: st.column_config.TextColumn(**WIDE)},
    )


def task_dataframe(table: pd.DataFrame, key: str) -> None:
    """Show tasks with their responsible units and targets."""
    st.dataframe(
        _task_display(table),
        hide_index=True,
        key=key,
        column_config={TASK_COLUMN_LABELS["text"]: st.column_config.TextColumn(**WIDE)},
    )


_link_display = styled.Memo(links_for_display)  # shared read-only: never mutate
_task_display = styled.Memo(tasks_for_display)


PAGE_SIZE = 500  # rows sent to the browser at once: 100,000 rows took 3 s per rerun


def paged(table: pd.DataFrame, key: str, size: int = PAGE_SIZE) -> pd.DataFrame:
    """The rows of the page the user is on; a page picker appears when there is more than one.
    Sorting and search apply to the whole table before paging; downloads take every row."""
    pages = max(1, -(-len(table) // size))
    if pages == 1:
        return table
    number = st.pagination(pages, key=key)
    st.caption(
        LABELS["table_page_caption"].format(
            pages=pages,
            rows=len(table),
            first=(number - 1) * size + 1,
            last=min(number * size, len(table)),
        )
    )
    return table.iloc[(number - 1) * size : number * size]
