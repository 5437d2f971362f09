"""The tables of 行动方案: tasks with coloured status, the units that carry them, target progress
(the rows come from metrics/tracker.py; headers from ui/labels/)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics.vocab import TASK_STATUS_COLORS
from ui import tables
from ui.labels import LABELS, TRACKER_TARGET_COLUMNS, TRACKER_TASK_COLUMNS, TRACKER_UNIT_COLUMNS

TASK_PAGE = 200  # rows per task table (status colours are drawn cell by cell)


def status_style(value: str) -> str:
    """The CSS of a status cell: its status colour, bold."""
    color = TASK_STATUS_COLORS.get(value, "#667085")
    return f"color: {color}; font-weight: 700"


def task_frame(rows: pd.DataFrame, key: str) -> None:
    """One page of tasks: id, title, units, coloured status, last report and this month's flag."""
    rows = tables.paged(rows, key=key, size=TASK_PAGE)
    flags = {True: LABELS["tracker_stale_flag"], False: LABELS["tracker_reported_flag"]}
    table = rows[list(TRACKER_TASK_COLUMNS)].assign(stale=rows["stale"].map(flags))
    table = table.rename(columns=TRACKER_TASK_COLUMNS)
    heads = TRACKER_TASK_COLUMNS
    st.dataframe(
        table.style.map(status_style, subset=[heads["status"]]),
        hide_index=True,
        width="stretch",
        column_config={
            heads["title"]: st.column_config.TextColumn(width="medium"),
            heads["responsible"]: st.column_config.TextColumn(width="medium"),
            heads["note"]: st.column_config.TextColumn(width="large"),
        },
    )


def unit_picker(load: pd.DataFrame) -> str:
    """The unit table, one row selectable; the picked unit or ''."""
    picked = st.dataframe(
        load.rename(columns=TRACKER_UNIT_COLUMNS),
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="tr_units_table",
    )
    rows = picked.selection.rows if picked else []
    return str(load.iloc[rows[0]]["unit"]) if rows else ""


def progress_table(progress: pd.DataFrame) -> None:
    """Target progress: target as written, rule, plan quote, last reported value and share."""
    table = progress[list(TRACKER_TARGET_COLUMNS)].assign(
        achieved=progress["achieved"].replace("", LABELS["tracker_no_value"])
    )
    heads = TRACKER_TARGET_COLUMNS
    st.dataframe(
        table.rename(columns=heads),
        hide_index=True,
        width="stretch",
        column_config={
            heads["share"]: st.column_config.ProgressColumn(
                min_value=0.0, max_value=1.0, format="percent"
            ),
            heads["target"]: st.column_config.TextColumn(width="medium"),
            heads["plan_quote"]: st.column_config.TextColumn(width="medium"),
            heads["quote"]: st.column_config.TextColumn(width="large"),
        },
    )
