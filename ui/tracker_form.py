"""The 报送进展 form of 行动方案: a month's status and note for a task, optionally a value against
one of its targets with its source quote; the store checks and writes it (store/tracker.py)."""

from __future__ import annotations

import streamlit as st

from metrics.citation import source_titles
from metrics.load import Dataset
from metrics.markdown import escape_markdown
from metrics.vocab import TASK_STATUSES
from store.edit import StoreError
from store.tracker import add_update
from ui import loaders
from ui.labels import LABELS


def _value_inputs(data: Dataset, targets: list[str]) -> tuple[str, float, str, str]:
    """The target, value, source and quote inputs of a report with a value."""
    labels = dict(zip(data.figures["figure_id"], data.figures["indicator"], strict=True))
    figure_id = st.selectbox(
        LABELS["tracker_target"], targets, format_func=lambda f: f"{f} {labels.get(f, '')}"
    )
    value = st.number_input(LABELS["tracker_value"], value=0.0, step=1.0, key="tr_value")
    titles = source_titles(data.sources)
    source_id = st.selectbox(
        LABELS["tracker_source"], list(titles), format_func=lambda s: titles[s], key="tr_source"
    )
    quote = st.text_area(LABELS["tracker_quote"], key="tr_quote")
    return figure_id, value, source_id, quote


def update_form(data: Dataset, task_id: str, targets: list[str], editor: str, month: str) -> None:
    """The form an editor reports a task's progress with; saves it or shows the store's message."""
    st.subheader(LABELS["tracker_form_header"])
    with_value = bool(targets) and st.toggle(LABELS["tracker_with_value"], key="tr_with_value")
    if not targets:
        st.caption(LABELS["tracker_no_targets"])
    with st.form("tr_update", clear_on_submit=False):
        month_in = st.text_input(LABELS["tracker_month"], value=month, key="tr_month")
        status_in = st.radio(
            LABELS["tracker_status"], TASK_STATUSES, horizontal=True, index=1, key="tr_status_in"
        )
        note = st.text_area(LABELS["tracker_note"], key="tr_note")
        figure_id, value, source_id, quote = "", None, "", ""
        if with_value:
            figure_id, value, source_id, quote = _value_inputs(data, targets)
        if st.form_submit_button(LABELS["tracker_submit"], type="primary"):
            try:
                add_update(
                    loaders.engine(), task_id, month_in.strip(), status_in, note, editor,
                    figure_id=figure_id, achieved_value=value, quote=quote.strip(),
                    source_id=source_id,
                )  # fmt: skip
            except StoreError as error:
                st.error(escape_markdown(str(error)))
            else:
                st.success(LABELS["tracker_saved"].format(task=task_id, month=month_in))
