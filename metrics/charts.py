"""What a chart needs beyond its numbers: distinct bar labels (briefing/ and ui/ draw with them)."""

from __future__ import annotations

import pandas as pd


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
