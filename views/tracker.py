"""行动方案: every task of the plan by section and by unit, its monthly status, target progress;
editors report a month's progress here."""

from datetime import date

import pandas as pd
import streamlit as st

from metrics.markdown import escape_markdown
from metrics.tracker import NO_UPDATE, tasks_of_unit, unit_load
from metrics.views import sources_behind
from metrics.vocab import TASK_STATUS_COLORS, TASK_STATUSES
from store.edit import StoreError
from store.tracker import add_update
from ui import auth, cache, cards, loaders, page, tables
from ui.labels import FILTER_LABELS, LABELS, UPDATE_COLUMN_LABELS

TASK_PAGE = 200  # rows per task table (status colours are drawn cell by cell)

ctx = page.start()
editor = auth.sidebar_login()
month = date.today().strftime("%Y-%m")
reached, blind = cache.tasks_reached(ctx.path, ctx.filters)
status = cache.task_status(ctx.path, month)
status = status[status["task_id"].isin(reached["task_id"])]
plans = ctx.data.sources[ctx.data.sources["kind"] == "plan"]
plan = plans.iloc[0] if len(plans) else None

st.title(LABELS["nav_tracker"])
if plan is not None:
    st.caption(
        LABELS["tracker_caption"].format(
            title=plan["title"], doc=plan["doc_number"], n=len(status), month=month
        )
    )
page.filters_caption(ctx)
if blind:
    st.caption(
        LABELS["tracker_filter_blind"].format(names="、".join(FILTER_LABELS[n] for n in blind))
    )

columns = st.columns(5)
for column, (label, count) in zip(
    columns,
    [
        (LABELS["tracker_total"], len(status)),
        (LABELS["tracker_done"], int((status["status"] == "已完成").sum())),
        (LABELS["tracker_doing"], int((status["status"] == "推进中").sum())),
        (LABELS["tracker_late"], int(status["late"].sum())),
        (LABELS["tracker_stale"], int(status["stale"].sum())),
    ],
    strict=True,
):
    column.metric(label, count)

load = unit_load(status) if len(status) else pd.DataFrame(columns=["unit"])
units = sorted(load["unit"])
left, middle, right = st.columns(3)
section = left.selectbox(
    LABELS["tracker_filter_section"],
    ["", *dict.fromkeys(status["section"])],
    format_func=lambda s: s or LABELS["filter_all"],
    key="tr_section",
)
unit = middle.selectbox(
    LABELS["tracker_filter_unit"],
    ["", *units],
    format_func=lambda s: s or LABELS["filter_all"],
    key="tr_unit",
)
statuses = right.multiselect(
    LABELS["tracker_filter_status"],
    [*TASK_STATUSES, NO_UPDATE],
    key="tr_status",
    placeholder=LABELS["filter_all"],
)
shown = status
if section:
    shown = shown[shown["section"] == section]
if unit:
    shown = tasks_of_unit(shown, unit)
if statuses:
    shown = shown[shown["status"].isin(statuses)]


def status_style(value: str) -> str:
    color = TASK_STATUS_COLORS.get(value, "#667085")
    return f"color: {color}; font-weight: 700"


def task_frame(rows: pd.DataFrame, key: str) -> None:
    rows = tables.paged(rows, key=key, size=TASK_PAGE)
    table = pd.DataFrame(
        {
            "编号": rows["task_id"],
            "任务": rows["title"],
            "责任单位": rows["responsible"],
            "状态": rows["status"],
            "最近报送": rows["month"],
            "最近进展": rows["note"],
            "本月": rows["stale"].map({True: LABELS["tracker_stale_flag"], False: "✓"}),
        }
    )
    st.dataframe(
        table.style.map(status_style, subset=["状态"]),
        hide_index=True,
        width="stretch",
        column_config={
            "任务": st.column_config.TextColumn(width="medium"),
            "责任单位": st.column_config.TextColumn(width="medium"),
            "最近进展": st.column_config.TextColumn(width="large"),
        },
    )


tab_sections, tab_units, tab_targets, tab_history = st.tabs(
    [
        LABELS["tracker_tab_sections"],
        LABELS["tracker_tab_units"],
        LABELS["tracker_tab_targets"],
        LABELS["tracker_tab_history"],
    ]
)
with tab_sections:
    if shown.empty:
        st.info(LABELS["tracker_none"])
    for name, rows in shown.groupby("section", sort=False):
        st.subheader(escape_markdown(f"{rows['section_no'].iloc[0]}. {name}"))
        task_frame(rows, key=f"tr_page_{rows['section_no'].iloc[0]}")

with tab_units:
    st.caption(LABELS["tracker_unit_caption"])
    picked = st.dataframe(
        load.rename(
            columns={
                "unit": "责任单位",
                "tasks": "任务数",
                "late": "滞后",
                "done": "已完成",
                "stale": "本月未报送",
            }
        ),
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="tr_units_table",
    )
    rows = picked.selection.rows if picked else []
    if rows:
        chosen = load.iloc[rows[0]]["unit"]
        st.subheader(LABELS["tracker_unit_tasks"].format(unit=escape_markdown(chosen)))
        task_frame(tasks_of_unit(status, chosen), key="tr_page_unit")

with tab_targets:
    st.caption(LABELS["tracker_targets_caption"])
    progress = cache.target_progress(ctx.path)
    if not progress.empty:
        progress = progress[progress["task_id"].isin(status["task_id"])]
    if progress.empty:
        st.info(LABELS["tracker_no_targets_here"])
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    "任务": progress["task_id"],
                    "目标": progress["indicator"],
                    "目标值": progress["target"],
                    "达成条件": progress["rule"],
                    "方案原文": progress["plan_quote"],
                    "最近报送值": progress["achieved"].replace("", "—"),
                    "报送月份": progress["month"],
                    "进度": progress["share"],
                    "状态": progress["result"],
                    "报送引文": progress["quote"],
                }
            ),
            hide_index=True,
            width="stretch",
            column_config={
                "进度": st.column_config.ProgressColumn(
                    min_value=0.0, max_value=1.0, format="percent"
                ),
                "目标值": st.column_config.TextColumn(width="medium"),
                "方案原文": st.column_config.TextColumn(width="medium"),
                "报送引文": st.column_config.TextColumn(width="large"),
            },
        )

with tab_history:
    ids = list(shown["task_id"]) or list(status["task_id"])
    titles = dict(zip(status["task_id"], status["title"], strict=True))
    task_id = st.selectbox(
        LABELS["tracker_pick_task"], ids, format_func=lambda t: f"{t} {titles[t]}", key="tr_task"
    )
    updates = loaders.updates_at(ctx.path)
    history = updates[updates["task_id"] == task_id].sort_values("update_id", ascending=False)
    if history.empty:
        st.caption(LABELS["tracker_history_empty"])
    else:
        history = history.assign(
            achieved=history["achieved_value"].map(lambda v: "" if pd.isna(v) else f"{v:g}")
        )
        st.dataframe(
            history[list(UPDATE_COLUMN_LABELS)].rename(columns=UPDATE_COLUMN_LABELS),
            hide_index=True,
            width="stretch",
        )
    if editor:
        task = status[status["task_id"] == task_id].iloc[0]
        grouped = cache.target_progress(ctx.path)  # one target as the plan states it
        targets = list(grouped[grouped["task_id"] == task_id]["figure_id"]) if len(grouped) else []
        st.subheader(LABELS["tracker_form_header"])
        with_value = bool(targets) and st.toggle(LABELS["tracker_with_value"], key="tr_with_value")
        if not targets:
            st.caption(LABELS["tracker_no_targets"])
        with st.form("tr_update", clear_on_submit=False):
            month_in = st.text_input(LABELS["tracker_month"], value=month, key="tr_month")
            status_in = st.radio(
                LABELS["tracker_status"],
                TASK_STATUSES,
                horizontal=True,
                index=1,
                key="tr_status_in",
            )
            note = st.text_area(LABELS["tracker_note"], key="tr_note")
            figure_id, value, source_id, quote = "", None, "", ""
            if with_value:
                labels = dict(
                    zip(ctx.data.figures["figure_id"], ctx.data.figures["indicator"], strict=True)
                )
                figure_id = st.selectbox(
                    LABELS["tracker_target"],
                    targets,
                    format_func=lambda f: f"{f} {labels.get(f, '')}",
                )
                value = st.number_input(
                    LABELS["tracker_value"], value=0.0, step=1.0, key="tr_value"
                )
                titles_by_source = dict(
                    zip(ctx.data.sources["source_id"], ctx.data.sources["title"], strict=True)
                )
                source_id = st.selectbox(
                    LABELS["tracker_source"],
                    list(titles_by_source),
                    format_func=lambda s: titles_by_source[s],
                    key="tr_source",
                )
                quote = st.text_area(LABELS["tracker_quote"], key="tr_quote")
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
    else:
        st.info(LABELS["login_for_edit"])

from ui.schedule import schedule_panel  # issue 17: the monthly 调度表 round trip

schedule_panel(ctx, editor, month)

behind = pd.concat([status[["source_id"]], loaders.updates_at(ctx.path)[["source_id"]]])
cards.source_footer(sources_behind(behind, ctx.data.sources))
