"""数据表: every figure, link and task, searchable and sortable, with Excel and CSV downloads."""

from datetime import date

import streamlit as st

from metrics.citation import sources_behind
from metrics.highlight import quote_in_context
from metrics.markdown import escape_markdown
from metrics.tables import search_table
from ui import cache, cards, page, state, tables, tracker_cache
from ui.labels import DOWNLOAD_STEM, LABELS

SEARCH_COLUMNS = ["indicator", "quote", "place", "partner", "field", "display", "source_title"]
KEY_FIGURE, KEY_DOC = "figure", "doc"  # 来源's parameters: ?figure= also picks its row here

ctx = page.start()
st.title(LABELS["nav_data"])
st.caption(LABELS["data_caption"])
page.filters_caption(ctx)

query = st.text_input(
    LABELS["data_search"], key="w_search", placeholder=LABELS["data_search_placeholder"]
)
figures = search_table(cache.figure_rows(ctx.path, ctx.filters), query, SEARCH_COLUMNS)
links = search_table(
    cache.link_rows(ctx.path, ctx.filters),
    query,
    ["from_name", "to_name", "quote", "link_type", "field"],
)
tasks = search_table(tracker_cache.task_rows(ctx.path), query, ["title", "text", "responsible"])
if (doc := st.query_params.get(KEY_DOC, "")) and doc not in set(ctx.data.sources["source_id"]):
    state.warn_unknown(LABELS["data_doc_param"], doc)
    del st.query_params[KEY_DOC]

tab_figures, tab_links, tab_tasks = st.tabs(
    [
        f"{LABELS['data_tab_figures']}（{len(figures)}）",
        f"{LABELS['data_tab_links']}（{len(links)}）",
        f"{LABELS['data_tab_tasks']}（{len(tasks)}）",
    ]
)
with tab_figures:
    if figures.empty:
        page.empty_state(ctx)
    else:
        shown = tables.paged(figures, key="data_figures_page")
        wanted = st.query_params.get(KEY_FIGURE, "")
        at = tables.row_position(shown, wanted)
        if wanted and at < 0:  # a shared link's figure: unknown, or not among the rows shown
            if wanted in set(ctx.data.figures["figure_id"]):
                st.warning(LABELS["data_figure_hidden"].format(figure=escape_markdown(wanted)))
            else:
                state.warn_unknown(LABELS["data_figure_param"], wanted)
            del st.query_params[KEY_FIGURE]
        columns = tables.column_picker(key="w_data_columns")
        event = tables.figure_dataframe(
            shown, key="data_figures", selectable=True, selected=at, columns=columns
        )
        rows = event.selection.rows if event else []
        if rows:
            row = shown.iloc[rows[0]]
            st.markdown(tables.row_summary(row))
            before, quote, after = quote_in_context(ctx.data.texts[row["source_id"]], row["quote"])
            st.markdown(f"**{LABELS['data_selected_quote']}**")
            st.html(
                f'<div class="kpi-quote" style="font-size:18px">{cards.escape(before)}'
                f"<mark>{cards.escape(quote)}</mark>{cards.escape(after)}</div>"
            )
            st.page_link(
                "views/sources.py",
                label=LABELS["data_open_source"],
                query_params={"doc": row["source_id"], "figure": row["figure_id"]},
            )
        stamp = date.today().isoformat()
        active = {**ctx.filters.active(), **({"search": (query,)} if query else {})}

        left, right = st.columns(2)
        left.download_button(
            LABELS["data_download_xlsx"],
            data=lambda: tables.figures_workbook(
                figures, sources_behind(figures, ctx.data.sources), active
            ),
            file_name=f"{DOWNLOAD_STEM}{stamp}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="dl_xlsx",
            on_click="ignore",
        )
        right.download_button(
            LABELS["data_download_csv"],
            data=lambda: tables.figures_csv(figures),
            file_name=f"{DOWNLOAD_STEM}{stamp}.csv",
            mime="text/csv",
            key="dl_csv",
            on_click="ignore",
        )
with tab_links:
    tables.link_dataframe(tables.paged(links, key="data_links_page"), key="data_links")
with tab_tasks:
    if not ctx.filters.is_empty():
        st.caption(LABELS["why_tasks"] + "。")
    tables.task_dataframe(tables.paged(tasks, key="data_tasks_page"), key="data_tasks")
cards.source_footer(sources_behind(figures, ctx.data.sources))
