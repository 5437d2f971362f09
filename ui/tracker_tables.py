"""The tables of 行动方案: tasks with coloured status, the units that carry them, target progress
(the rows come from metrics/tracker.py; headers from ui/labels/)."""

from __future__ import annotations

import threading
from collections import OrderedDict

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from metrics.vocab import TASK_STATUS_COLORS
from ui import styled, tables
from ui.labels import LABELS, TRACKER_TARGET_COLUMNS, TRACKER_TASK_COLUMNS, TRACKER_UNIT_COLUMNS

TASK_PAGE = 200  # rows per task table (status colours are drawn cell by cell)
UNITS_CHARS = 18  # 责任单位 shows up to this many characters before it is cut
STYLED_KEPT = 256  # coloured task tables kept per process, one per distinct content


def status_style(value: str) -> str:
    """The CSS of a status cell: its status colour, bold."""
    color = TASK_STATUS_COLORS.get(value, "#667085")
    return f"color: {color}; font-weight: 700"


class _StyledTables:
    """Coloured task tables, shared by every session of the process.

    Streamlit asks a pandas Styler for every cell's style on every run (`_compute`,
    `_translate`): 7–20 ms a table, ~75 ms a rerun of 行动方案 with its six tables. A table with
    the same rows gets the same Styler, with its cell styles computed once and then answered
    from memory (what Streamlit sends is unchanged: tests/ui/test_tracker_tables.py). Task rows
    that are the same object as before (the page's rows come from ui/cache.py) are found
    without reading them; other rows by their content."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.by_content: OrderedDict[tuple, Styler] = OrderedDict()
        # id(rows) → (rows, its Styler); holding `rows` keeps its id from being reused
        self.by_rows: OrderedDict[int, tuple[pd.DataFrame, Styler]] = OrderedDict()

    def of_tasks(self, rows: pd.DataFrame) -> Styler:
        """The coloured display table of task rows (metrics.tracker.task_status columns)."""
        with self.lock:
            held = self.by_rows.get(id(rows))
            if held is not None and held[0] is rows:
                return held[1]
        styler = self.get(task_display(rows), TRACKER_TASK_COLUMNS["status"])
        with self.lock:
            self.by_rows[id(rows)] = (rows, styler)
            if len(self.by_rows) > STYLED_KEPT:
                self.by_rows.popitem(last=False)
        return styler

    def get(self, table: pd.DataFrame, column: str) -> Styler:
        """`table` with its `column` cells in their status colour (one Styler per content)."""
        key = (  # as text (NaN != NaN), with the dtypes (1 and "1" read the same)
            column,
            tuple(table.columns),
            tuple(table.dtypes.astype(str)),
            tuple(table.index),
            tuple(map(tuple, table.astype(str).to_numpy())),
        )
        with self.lock:
            if key in self.by_content:
                self.by_content.move_to_end(key)
                return self.by_content[key]
            styler = styled.frozen(table.style.map(status_style, subset=[column]))
            self.by_content[key] = styler
            if len(self.by_content) > STYLED_KEPT:
                self.by_content.popitem(last=False)
            return styler


_styled = _StyledTables()


def status_styled(table: pd.DataFrame, column: str) -> Styler:
    """`table` with its `column` cells drawn in their status colour, bold (status_style)."""
    return _styled.get(table, column)


_FLAGS = {True: LABELS["tracker_stale_flag"], False: LABELS["tracker_reported_flag"]}


def task_display(rows: pd.DataFrame) -> pd.DataFrame:
    """Task rows as the table shows them: its columns under their headers, this month's flag."""
    table = rows[list(TRACKER_TASK_COLUMNS)].assign(stale=rows["stale"].map(_FLAGS))
    return table.rename(columns=TRACKER_TASK_COLUMNS)


def task_frame(rows: pd.DataFrame, key: str) -> None:
    """One page of tasks: id, title, units, coloured status, last report and this month's flag."""
    rows = tables.paged(rows, key=key, size=TASK_PAGE)
    heads = TRACKER_TASK_COLUMNS
    # 责任单位 as wide as its longest value (up to UNITS_CHARS), 最近进展 and 本月 as theirs: a
    # reviewer saw the units cut while an empty 最近进展 took the room (1366×768, sidebar open).
    responsible, note, stale = heads["responsible"], heads["note"], heads["stale"]
    st.dataframe(
        _styled.of_tasks(rows),
        hide_index=True,
        width="stretch",
        column_config={
            heads["title"]: st.column_config.TextColumn(width="medium"),
            responsible: st.column_config.TextColumn(
                width=tables.fit_width(rows["responsible"], responsible, UNITS_CHARS)
            ),
            note: st.column_config.TextColumn(width=tables.fit_width(rows["note"], note, 30)),
            stale: st.column_config.TextColumn(
                width=tables.fit_width(pd.Series(list(_FLAGS.values())), stale, 8)
            ),
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


def plan_caption(plan: pd.Series, tasks: pd.DataFrame, shown: int, month: str) -> str:
    """The line under 行动方案's title: the plan's task count, and the part a filter shows when
    it shows fewer (共 26 项任务，当前筛选下显示其中 2 项)."""
    total = int((tasks["source_id"] == plan["source_id"]).sum())
    words = {"title": plan["title"], "doc": plan["doc_number"], "n": shown, "month": month}
    if shown < total:
        return LABELS["tracker_caption_filtered"].format(total=total, **words)
    return LABELS["tracker_caption"].format(**words)
