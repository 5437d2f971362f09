"""Which records a viewer or editor picked: plotly selection events and the editor's picker labels."""

from __future__ import annotations

import pandas as pd


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
