"""Which figures an indicator chart draws: one chart per unit, the largest values only."""

from __future__ import annotations

import pandas as pd

CHART_BARS = 20  # bars per indicator chart; more are unreadable (the table lists them all)


def largest(rows: pd.DataFrame, limit: int = CHART_BARS) -> pd.DataFrame:
    """At most `limit` rows, the largest values, in their table order."""
    if len(rows) <= limit:
        return rows
    return rows.loc[rows["value"].nlargest(limit).index.sort_values()]


def indicator_groups(table: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Unit → its rows to chart (the largest CHART_BARS), for every unit with two or more rows
    (one bar compares nothing), in the table's order of units."""
    counts = table["unit"].value_counts()
    units = [u for u in dict.fromkeys(table["unit"]) if counts[u] > 1]
    return {u: largest(table[table["unit"] == u]) for u in units}
