"""ui/tracker_tables.py: the coloured status column, computed once per table, looks the same."""

import pandas as pd
from streamlit.elements.lib.pandas_styler_utils import marshall_styler
from streamlit.proto.ArrowData_pb2 import ArrowData

from metrics.vocab import TASK_STATUS_COLORS
from ui.tracker_tables import status_style, status_styled


def _table(statuses: list[str]) -> pd.DataFrame:
    count = len(statuses)
    return pd.DataFrame(
        {
            "编号": [f"1.{n}" for n in range(count)],
            "状态": statuses,
            "单位": "市商务局",
            "完成值": [1.5 if n % 2 else float("nan") for n in range(count)],  # shown as 1.500000
        }
    )


def _sent(styler) -> ArrowData:
    """What Streamlit sends for a Styler (its styles and display values)."""
    proto = ArrowData()
    marshall_styler(proto, styler, "unused")
    return proto


def test_a_reused_table_sends_what_a_fresh_styler_sends() -> None:
    statuses = ["已完成", "推进中", "未开始", "已完成"]
    cached = status_styled(_table(statuses), "状态")
    fresh = _table(statuses).style.map(status_style, subset=["状态"]).set_uuid(cached.uuid)
    first, again, expected = _sent(cached), _sent(cached), _sent(fresh)
    assert first == again == expected
    assert TASK_STATUS_COLORS["已完成"] in first.styler.styles
    assert "font-weight: 700" in first.styler.styles


def test_the_same_rows_share_one_styler_and_other_rows_get_their_own() -> None:
    one = status_styled(_table(["已完成", "推进中"]), "状态")
    assert status_styled(_table(["已完成", "推进中"]), "状态") is one
    other = status_styled(_table(["推进中", "已完成"]), "状态")
    assert other is not one
    assert _sent(other).styler.display_values != _sent(one).styler.display_values
