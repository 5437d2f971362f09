"""Tables as users see them: Chinese headers, labels instead of codes, quotes in full."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler
from streamlit.delta_generator import DeltaGenerator
from streamlit.elements.arrow import DataframeState

from metrics.export import filters_sheet, labelled, to_csv_bytes, to_xlsx_bytes
from metrics.markdown import escape_markdown
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


def figure_dataframe(
    table: pd.DataFrame,
    key: str,
    selectable: bool = False,
    selected: int = -1,
    columns: list[str] | None = None,
) -> DeltaGenerator | DataframeState:
    """Show figures (`columns`: the display headers to show, all when None); with `selectable`,
    one row can be picked (`selected`: the row picked at the start, e.g. from the URL) and the
    selection is returned."""
    styler, widths, order = _figure_display(table)
    if columns is not None:
        order = [column for column in order if column in columns]
    options = {"on_select": "rerun", "selection_mode": "single-row"} if selectable else {}
    if selectable and selected >= 0:
        options["selection_default"] = {"selection": {"rows": [selected]}}
    amount = FIGURE_COLUMN_LABELS["display"]
    return st.dataframe(
        styler,
        hide_index=True,
        key=key,
        column_config={
            name: st.column_config.Column(width=width, alignment="left")
            if name == amount
            else st.column_config.TextColumn(width=width)
            for name, width in widths.items()
        }
        | {FIGURE_COLUMN_LABELS["quote"]: st.column_config.TextColumn(**WIDE)},
        column_order=order,
        **options,
    )


def _figure_styler(table: pd.DataFrame) -> tuple[Styler, dict[str, int], list[str]]:
    """The figures' display Styler (amounts_by_value, answers kept), the pixel widths of its
    short columns (each fits its longest value: figure_widths) and the column order (数量
    first, then its 类型 成果/目标: on a phone the first columns are all that show without a
    sideways swipe)."""
    shown = figures_for_display(table).reset_index(drop=True)
    amount = FIGURE_COLUMN_LABELS["display"]
    styler = amounts_by_value(shown, amount, FIGURE_COLUMN_LABELS["value"])
    kind = FIGURE_COLUMN_LABELS["kind_label"]  # 成果 or 目标 right beside its number
    order = [amount, kind, *(c for c in shown.columns if c not in (amount, kind))]
    return styled.frozen(styler), figure_widths(shown), order


_figure_display = styled.Memo(_figure_styler)

# 数据表's columns until the user picks others: what fits beside the sidebar at 1366×768 (a
# 906 px column: these take 814 px with the selection box; 限定 as well took 961 and cut
# 合作方). The amount keeps its qualifier (250余人次); a picked row shows every column's value.
FIRST_COLUMNS = ("display", "kind_label", "field", "indicator", "place", "partner")
STATE_COLUMNS = "data_columns"  # the session's choice, kept across page switches


def figure_column_names() -> list[str]:
    """The headers of the figure table in the order it shows them (数量 and 类型 first)."""
    first = [FIGURE_COLUMN_LABELS["display"], FIGURE_COLUMN_LABELS["kind_label"]]
    return first + [name for name in FIGURE_COLUMN_LABELS.values() if name not in first]


def field_page_columns() -> list[str]:
    """A field page's figure table: every column but 领域 (the page's own, the same on every
    row) and 限定 (数量 keeps it: 250余人次), so 原文引文 starts inside a 1366 px screen."""
    dropped = {FIGURE_COLUMN_LABELS["field"], FIGURE_COLUMN_LABELS["qualifier_label"]}
    return [name for name in figure_column_names() if name not in dropped]


def shown_columns(picked: list[str]) -> list[str]:
    """The picked headers in the table's order; FIRST_COLUMNS' when none is picked."""
    names = figure_column_names()
    chosen = [name for name in names if name in picked]
    return chosen or [FIGURE_COLUMN_LABELS[c] for c in FIRST_COLUMNS]


def column_picker(key: str) -> list[str]:
    """A button that says how many of the table's columns show ('列：显示 6 / 共 18') and opens
    the list to pick them from; returns the headers to show (kept for the session)."""
    names = figure_column_names()
    if key not in st.session_state:
        first = [FIGURE_COLUMN_LABELS[c] for c in FIRST_COLUMNS]
        st.session_state[key] = list(st.session_state.get(STATE_COLUMNS, first))
    shown = shown_columns(st.session_state[key])
    label = LABELS["data_columns"].format(shown=len(shown), total=len(names))
    with st.popover(label, icon=":material/view_column:", key=f"{key}_box"):
        st.multiselect(
            LABELS["data_columns_pick"],
            names,
            key=key,
            on_change=lambda: st.session_state.update({STATE_COLUMNS: st.session_state[key]}),
        )
        st.caption(LABELS["data_columns_help"])
    return shown  # once per table content, for every session


# A cell's text is 14 px (a Chinese character 14 px, a digit or Latin letter ~0.6 of it) with
# 8 px padding each side. Each short column fits its longest value on the rows shown (指标 up
# to 28 characters, then cut: the picked row shows it whole, tables.row_summary).
CHAR_PX, CELL_PAD_PX = 14, 18
FITTED_COLUMNS = {
    "field": 6,
    "indicator": 28,
    "qualifier_label": 14,
    "kind_label": 4,
    "place": 8,
    "partner": 10,
}  # fmt: skip  (the most characters a column shows)


def fit_width(values: pd.Series, header: str, most: float) -> int:
    """Pixels for a text column so that its longest value (and its header) shows whole, but at
    most `most` characters wide."""
    longest = max((em_width(str(v)) for v in values.dropna()), default=0.0)
    return round(min(most, max(longest, em_width(header) + 1)) * CHAR_PX + CELL_PAD_PX)


def figure_widths(shown: pd.DataFrame) -> dict[str, int]:
    """The pixel width of 数量 and of each short column of figures_for_display's table."""
    amount = FIGURE_COLUMN_LABELS["display"]
    widths = {amount: amount_width(shown[amount])}
    for column, most in FITTED_COLUMNS.items():
        header = FIGURE_COLUMN_LABELS[column]
        widths[header] = fit_width(shown[header], header, most)
    return widths


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


def row_position(table: pd.DataFrame, figure_id: str) -> int:
    """Where the figure `figure_id` is among the rows of `table` (-1: not there)."""
    found = (table["figure_id"] == figure_id).to_numpy().nonzero()[0] if figure_id else []
    return int(found[0]) if len(found) else -1


def row_summary(row: pd.Series) -> str:
    """A picked figure whole, as markdown: amount, indicator, kind, qualifier, place, partner
    (what a narrow column or a phone's screen may cut)."""
    partner = f" · {row['partner']}" if row["partner"] else ""
    return LABELS["data_selected_row"].format(
        amount=escape_markdown(row["display"]),
        indicator=escape_markdown(row["indicator"]),
        kind=KIND_LABELS.get(row["kind"], row["kind"]),
        qualifier=QUALIFIER_LABELS.get(row["qualifier"], row["qualifier"]),
        place=escape_markdown(row["place"]),
        partner=escape_markdown(partner),
    )


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
