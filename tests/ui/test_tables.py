"""The figures table: 数量 sorts by value but shows its qualifier; downloads keep whole numbers."""

import io

import pandas as pd

from metrics.load import load_dataset
from metrics.paths import data_dir
from metrics.tables import figure_table
from ui.labels import FIGURE_COLUMN_LABELS
from ui.tables import amounts_by_value, figures_csv, figures_for_display

AMOUNT, VALUE = FIGURE_COLUMN_LABELS["display"], FIGURE_COLUMN_LABELS["value"]


def figures() -> pd.DataFrame:
    data = load_dataset(data_dir())
    return figure_table(data.figures, data.sources)


def test_amount_column_holds_numbers_and_shows_the_source_wording():
    shown = figures_for_display(figures()).reset_index(drop=True)
    styler = amounts_by_value(shown, AMOUNT, VALUE)
    assert pd.api.types.is_numeric_dtype(styler.data[AMOUNT])  # what the grid sorts by
    styler._compute()
    column = list(shown.columns).index(AMOUNT)
    displayed = [
        styler._display_funcs[(row, column)](v) for row, v in enumerate(styler.data[AMOUNT])
    ]
    assert displayed == shown[AMOUNT].tolist()  # 250余人次, 近百家, 50亿元以上 … as written
    assert "近百家" in displayed and "250余人次" in displayed
    value_column = list(shown.columns).index(VALUE)
    values = [styler._display_funcs[(r, value_column)](v) for r, v in enumerate(shown[VALUE])]
    assert "7" in values and "7.0" not in values and "7.000000" not in values


def test_csv_writes_whole_numbers_as_integers():
    table = pd.read_csv(io.BytesIO(figures_csv(figures())), encoding="utf-8-sig", dtype=str)
    row = table[table[AMOUNT] == "7家"].iloc[0]
    assert row[VALUE] == "7"
    assert table[VALUE].str.endswith(".0").sum() == 0


def test_the_sources_sheet_has_no_column_repeating_another():
    from openpyxl import load_workbook

    from metrics.citation import sources_behind
    from ui.labels import SHEET_SOURCES
    from ui.tables import figures_workbook

    table = figures()
    data = load_dataset(data_dir())
    book = load_workbook(
        io.BytesIO(figures_workbook(table, sources_behind(table, data.sources), {}))
    )
    rows = list(book[SHEET_SOURCES].values)
    columns = list(zip(*rows[1:], strict=True))
    assert "类型" in rows[0] and "性质" not in rows[0]
    assert len(set(columns)) == len(columns), rows  # no two columns with the same values
