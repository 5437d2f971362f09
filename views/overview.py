"""总览: headline KPI cards with their quotes, filterable by field."""

import streamlit as st

from metrics.views import filter_by_field, kpi_cards, sources_behind
from ui import cards, loaders, state
from ui.labels import LABELS

data = loaders.dataset()
fields = state.field_filter()
figures = filter_by_field(data.figures, fields)
links = filter_by_field(data.links, fields)

st.title(LABELS["app_title"])
st.caption(LABELS["overview_caption"])

columns = st.columns(4)
columns[0].metric(LABELS["summary_figures"], len(figures))
columns[1].metric(LABELS["summary_links"], len(links))
columns[2].metric(LABELS["summary_tasks"], len(data.tasks))
columns[3].metric(LABELS["summary_sources"], len(sources_behind(figures, data.sources)))

st.subheader(LABELS["kpi_header"])
if figures.empty:
    st.info(LABELS["empty_field"].format(fields="、".join(fields)))
else:
    cards.show_cards(kpi_cards(figures, data.sources))
    cards.source_footer(sources_behind(figures, data.sources))
