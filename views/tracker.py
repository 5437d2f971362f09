"""行动方案: every task of the plan by section and by unit, its monthly status, target progress;
editors report a month's progress here (logic in metrics/tracker.py, widgets in ui/tracker_*)."""

from datetime import date

import streamlit as st

from metrics.markdown import escape_markdown
from metrics.targets import progress_of, target_ids
from metrics.tracker import NO_UPDATE, status_counts, tasks_of_unit
from metrics.vocab import TASK_STATUSES
from ui import auth, cards, page, tracker_cache
from ui.labels import FILTER_LABELS, LABELS, UPDATE_COLUMN_LABELS
from ui.tracker_form import update_form
from ui.tracker_tables import plan_caption, progress_table, task_frame, unit_picker

ctx = page.start()
editor = auth.sidebar_login()
month = date.today().strftime("%Y-%m")
status, blind, load = tracker_cache.tracker_status(ctx.path, month, ctx.filters)
plans = ctx.data.sources[ctx.data.sources["kind"] == "plan"]
plan = plans.iloc[0] if len(plans) else None

st.title(LABELS["nav_tracker"])
if plan is not None:
    st.caption(plan_caption(plan, ctx.data.tasks, len(status), month))
page.filters_caption(ctx)
if blind:
    st.caption(
        LABELS["tracker_filter_blind"].format(names="、".join(FILTER_LABELS[n] for n in blind))
    )

for column, (key, count) in zip(st.columns(5), status_counts(status).items(), strict=True):
    column.metric(LABELS[f"tracker_{key}"], count)

left, middle, right = st.columns(3)
section = left.selectbox(
    LABELS["tracker_filter_section"],
    ["", *dict.fromkeys(status["section"])],
    format_func=lambda s: s or LABELS["filter_all"],
    key="tr_section",
)
unit = middle.selectbox(
    LABELS["tracker_filter_unit"],
    ["", *sorted(load["unit"])],
    format_func=lambda s: s or LABELS["filter_all"],
    key="tr_unit",
)
statuses = right.multiselect(
    LABELS["tracker_filter_status"],
    [*TASK_STATUSES, NO_UPDATE],
    key="tr_status",
    placeholder=LABELS["filter_all"],
)
shown, sections = tracker_cache.tracker_sections(
    ctx.path, month, ctx.filters, section, unit, tuple(statuses)
)

tab_sections, tab_units, tab_targets, tab_history = st.tabs(
    [LABELS[f"tracker_tab_{name}"] for name in ("sections", "units", "targets", "history")]
)
with tab_sections:
    if shown.empty:
        st.info(LABELS["tracker_none"])
    for number, name, rows in sections:
        st.subheader(escape_markdown(f"{number}. {name}"))
        task_frame(rows, key=f"tr_page_{number}")

with tab_units:
    st.caption(LABELS["tracker_unit_caption"])
    chosen = unit_picker(load)
    if chosen:
        st.subheader(LABELS["tracker_unit_tasks"].format(unit=escape_markdown(chosen)))
        task_frame(tasks_of_unit(status, chosen), key="tr_page_unit")

with tab_targets:
    st.caption(LABELS["tracker_targets_caption"])
    progress = progress_of(tracker_cache.target_progress(ctx.path), status["task_id"])
    if progress.empty:
        st.info(LABELS["tracker_no_targets_here"])
    else:
        progress_table(progress)

with tab_history:
    ids = list(shown["task_id"]) or list(status["task_id"])
    titles = dict(zip(status["task_id"], status["title"], strict=True))
    task_id = st.selectbox(
        LABELS["tracker_pick_task"], ids, format_func=lambda t: f"{t} {titles[t]}", key="tr_task"
    )
    history = tracker_cache.history_of(ctx.path, task_id)
    if history.empty:
        st.caption(LABELS["tracker_history_empty"])
    else:
        st.dataframe(
            history[list(UPDATE_COLUMN_LABELS)].rename(columns=UPDATE_COLUMN_LABELS),
            hide_index=True,
            width="stretch",
        )
    if editor:
        targets = target_ids(
            tracker_cache.target_progress(ctx.path), task_id
        )  # as the plan states them
        update_form(ctx.data, task_id, targets, editor, month)
    else:
        st.info(LABELS["login_for_edit"])

from ui.schedule import schedule_panel  # issue 17: the monthly 调度表 round trip

schedule_panel(ctx, editor, month)

cards.source_footer(tracker_cache.tracker_sources(ctx.path, month, ctx.filters))
