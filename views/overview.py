"""总览: headline KPI cards, counts by field and by place, achievements and targets."""

import streamlit as st

from metrics.views import latest_update, selected_ids, sources_behind
from ui import cache, cards, charts, page
from ui.labels import LABELS

KPI_LIMIT = 12

ctx = page.start()
figures, links = ctx.figures(), ctx.links()

st.title(LABELS["app_title"])
st.caption(LABELS["overview_caption"])
page.filters_caption(ctx)

columns = st.columns(5)
columns[0].metric(LABELS["summary_figures"], len(figures), help=LABELS["summary_count_help"])
columns[1].metric(LABELS["summary_links"], len(links), help=LABELS["summary_count_help"])
columns[2].metric(LABELS["summary_tasks"], len(ctx.data.tasks))
columns[3].metric(LABELS["summary_sources"], len(sources_behind(figures, ctx.data.sources)))
columns[4].caption(LABELS["updated"].format(date=latest_update(ctx.data.sources)))

if figures.empty and links.empty:
    page.empty_state(ctx)
    st.stop()

left, right = st.columns(2)
with left:
    st.subheader(LABELS["by_field_header"])
    field_event = charts.show(
        cache.field_chart(ctx.path, ctx.filters, ctx.projector),
        key="ov_by_field",
        selectable=True,
    )
with right:
    st.subheader(LABELS["by_place_header"])
    place_event = charts.show(
        cache.place_chart(ctx.path, ctx.filters, ctx.projector),
        key="ov_by_place",
        selectable=True,
    )

# Selecting bars narrows the cards below (cross-filtering), on top of the sidebar filters.
chosen = ctx.filters
if picked_fields := selected_ids(field_event):
    chosen = chosen.with_values("field", picked_fields)
if picked_places := selected_ids(place_event):
    chosen = chosen.with_values("place", picked_places)
shown = ctx.figures(chosen)

if not shown.empty:
    st.subheader(LABELS["progress_header"])
    st.caption(LABELS["progress_caption"])
    charts.show(cache.kind_chart(ctx.path, chosen, ctx.projector), key="ov_by_kind")

st.subheader(LABELS["kpi_header"])
if shown.empty:
    page.empty_state(ctx, chosen)
else:
    grid, total = cache.cards_html(ctx.path, chosen, KPI_LIMIT)
    st.html(grid)
    if total > KPI_LIMIT:
        st.caption(LABELS["kpi_more"].format(n=total - KPI_LIMIT))
cards.source_footer(sources_behind(shown if not shown.empty else links, ctx.data.sources))
