"""ui/styled.py and the tables built on it: kept once per content, sent exactly as a fresh one."""

import pandas as pd
import pyarrow as pa
from streamlit.elements.lib.pandas_styler_utils import marshall_styler
from streamlit.proto.ArrowData_pb2 import ArrowData

from metrics.load import load_dataset
from metrics.paths import data_dir
from metrics.tables import figure_table
from ui import styled, tables
from ui.labels import FIGURE_COLUMN_LABELS

AMOUNT, VALUE = FIGURE_COLUMN_LABELS["display"], FIGURE_COLUMN_LABELS["value"]


def _figures() -> pd.DataFrame:
    data = load_dataset(data_dir())
    return figure_table(data.figures, data.sources)


def _sent(styler) -> tuple:
    """What Streamlit sends for a Styler: uuid, caption, CSS and the display values as an Arrow
    table (compared by content: a table cut from a larger one may carry unused buffer bytes)."""
    proto = ArrowData()
    marshall_styler(proto, styler, "unused")
    shown = pa.ipc.open_stream(proto.styler.display_values).read_all()
    return proto.styler.uuid, proto.styler.caption, proto.styler.styles, shown


def _fresh(table: pd.DataFrame, uuid: str):
    shown = tables.figures_for_display(table).reset_index(drop=True)
    return tables.amounts_by_value(shown, AMOUNT, VALUE).set_uuid(uuid)


def test_the_figure_table_sends_what_a_fresh_styler_sends_on_every_run() -> None:
    table = _figures()
    for rows in (table, table.iloc[3:11], table[table["field"] == "医疗"]):
        kept, _width, order = tables._figure_display(rows)
        first, again, expected = _sent(kept), _sent(kept), _sent(_fresh(rows, kept.uuid))
        assert first[:3] == again[:3] == expected[:3]
        assert first[3].equals(again[3]) and first[3].equals(expected[3])
        assert first[3].schema == expected[3].schema
        assert order[0] == AMOUNT
        shown = first[3].to_pandas()
        wording = rows["display"].tolist()  # 250余人次, 近百家 … as the sources wrote them
        assert shown[AMOUNT].tolist() == wording
        assert pd.api.types.is_numeric_dtype(kept.data[AMOUNT])  # what a header click sorts by


def test_the_same_rows_share_one_table_and_other_rows_get_their_own() -> None:
    table = _figures()
    one = tables._figure_display(table.iloc[:5])
    assert tables._figure_display(table.iloc[:5].copy()) is one  # same content, new object
    other = tables._figure_display(table.iloc[1:6])
    assert other is not one
    assert not _sent(other[0])[3].equals(_sent(one[0])[3])


def test_an_edited_cell_is_a_new_content() -> None:
    table = _figures().iloc[:4]
    before = styled.content_key(table)
    edited = table.assign(display=table["display"].where(table.index != 2, "近百家"))
    assert styled.content_key(edited) != before
    assert styled.content_key(table.copy()) == before
    assert styled.content_key(table.set_axis(table.index + 1)) != before
