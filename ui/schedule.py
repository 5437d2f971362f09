"""The 调度表 widgets on 行动方案: download a month's sheet for a unit, upload filled sheets,
see the dry run per row, apply each file whole (logic in metrics/schedule*.py, store/schedule.py)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from metrics.plan import split_responsible
from metrics.schedule import ALL_UNITS, build_schedule, previous_month
from metrics.schedule_read import WILL_WRITE, parse_schedule, plan_changes
from store.edit import StoreError
from store.schedule import apply_schedule
from ui import loaders, tracker_cache
from ui.labels import LABELS
from ui.page import PageContext

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_MESSAGES = "sc_messages"  # results of the last apply, shown after the rerun


def _months(this_month: str, count: int = 12) -> list[str]:
    months = [this_month]
    while len(months) < count:
        months.append(previous_month(months[-1]))
    return months


def schedule_panel(ctx: PageContext, editor: str, month: str | None = None) -> None:
    """Download and upload of the monthly 调度表, under its own heading."""
    this_month = month or date.today().strftime("%Y-%m")
    data = ctx.data
    st.subheader(LABELS["schedule_header"])
    st.caption(LABELS["schedule_caption"])
    units = sorted({u for r in data.tasks["responsible"] for u in split_responsible(r)})
    left, right = st.columns(2)
    picked_month = left.selectbox(LABELS["schedule_month"], _months(this_month), key="sc_month")
    unit = right.selectbox(LABELS["schedule_unit"], [ALL_UNITS, *units], key="sc_unit")
    updates = loaders.updates_at(ctx.path)
    rows = tracker_cache.schedule_rows(ctx.path, picked_month, unit)
    st.download_button(
        LABELS["schedule_download"],
        data=lambda: build_schedule(rows, picked_month, unit),
        file_name=LABELS["schedule_file"].format(month=picked_month, unit=unit),
        mime=XLSX,
        key="sc_download",
        on_click="ignore",
    )
    if not editor:
        st.caption(LABELS["schedule_login"])
        return
    files = st.file_uploader(
        LABELS["schedule_upload"], type=["xlsx"], accept_multiple_files=True, key="sc_files"
    )
    _show_messages()
    if files:
        _review(files, data, updates, this_month, editor)


def _review(files, data, updates: pd.DataFrame, this_month: str, editor: str) -> None:
    titles = dict(zip(data.tasks["task_id"], data.tasks["title"], strict=True))
    parsed = [(f, parse_schedule(f.getvalue(), f.name, data.tasks, this_month)) for f in files]
    previews = []
    for upload, sheet in parsed:
        if sheet.errors:
            st.error(LABELS["schedule_errors"].format(name=upload.name, n=len(sheet.errors)))
            st.markdown("\n".join(f"- {e}" for e in sheet.errors))
        elif not sheet.rows:
            st.warning(LABELS["schedule_no_rows"].format(name=upload.name))
        else:
            previews.append(plan_changes(sheet, updates, titles))
    if previews:
        st.markdown(f"**{LABELS['schedule_preview']}**")
        st.dataframe(pd.concat(previews), hide_index=True, width="stretch")
    ready = [(u, s) for u, s in parsed if not s.errors and s.rows]
    if ready and st.button(LABELS["schedule_apply"], type="primary", key="sc_apply"):
        messages = []
        for upload, sheet in ready:
            try:
                written = apply_schedule(loaders.engine(), sheet, upload.getvalue(), editor)
            except StoreError as error:
                messages.append(("error", str(error)))
                continue
            key = "schedule_applied" if written else "schedule_nothing"
            messages.append(("success", LABELS[key].format(name=upload.name, n=written)))
        st.session_state[_MESSAGES] = messages
        st.rerun()  # the dry run is drawn again against what is stored now


def _show_messages() -> None:
    for kind, message in st.session_state.pop(_MESSAGES, []):
        (st.success if kind == "success" else st.error)(message)


__all__ = ["WILL_WRITE", "schedule_panel"]
