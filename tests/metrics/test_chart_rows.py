"""metrics/chart_rows.py: which figures the field pages' indicator charts draw."""

import pandas as pd

from metrics.chart_rows import CHART_BARS, indicator_groups, largest


def test_a_unit_with_one_figure_gets_no_chart_and_units_keep_the_table_order() -> None:
    table = pd.DataFrame(
        {"unit": ["人次", "家", "人次", "元", "家"], "value": [5.0, 1.0, 7.0, 9.0, 2.0]}
    )
    groups = indicator_groups(table)
    assert list(groups) == ["人次", "家"]  # 元 has one figure: one bar compares nothing
    assert groups["人次"]["value"].tolist() == [5.0, 7.0]


def test_a_long_unit_keeps_its_largest_values_in_table_order() -> None:
    values = [float(v) for v in range(CHART_BARS + 5)][::-1]  # largest first
    rows = pd.DataFrame({"unit": "人次", "value": values[5:] + values[:5]})
    kept = largest(rows)
    assert len(kept) == CHART_BARS
    assert set(kept["value"]) == set(sorted(values)[-CHART_BARS:])
    assert kept.index.is_monotonic_increasing  # the table's order, not sorted by value
