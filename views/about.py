"""关于: data scope (口径), what the qualifiers mean, where the data and boundaries come from."""

import streamlit as st

from geo.boundaries import ATTRIBUTION
from metrics.citation import sources_as_of
from metrics.markdown import markdown_table
from ui import auth, cards, loaders, page
from ui.labels import COLUMN_LABELS, LABELS, QUALIFIER_EXAMPLES, QUALIFIER_LABELS

APPROVAL_ENV = "JMB_MAP_APPROVAL_NO"  # the map page prints its value as 审图号

ctx = page.start(filters=False)  # the page shows all data whatever is filtered
data = ctx.data
st.title(LABELS["nav_about"])
st.caption(LABELS["about_caption"])
page.filters_caption(ctx, dict.fromkeys(ctx.filters.names(), LABELS["why_about"]), show=False)

st.subheader(LABELS["about_scope"])
st.markdown(
    LABELS["about_scope_text"].format(
        sources=len(data.sources),
        figures=len(data.figures),
        links=len(data.links),
        tasks=len(data.tasks),
        places=len(data.places),
    )
)

st.subheader(LABELS["about_qualifiers"])
st.markdown(
    markdown_table(
        [COLUMN_LABELS["qualifier"], LABELS["about_example"]],
        [list(pair) for pair in zip(QUALIFIER_LABELS.values(), QUALIFIER_EXAMPLES, strict=True)],
    )
)

st.subheader(LABELS["about_sources"])
cards.source_footer(data.sources)

st.subheader(LABELS["about_map"])
st.markdown(LABELS["about_map_public"])

if auth.editor():  # library names and settings are for whoever runs the dashboard
    with st.expander(LABELS["about_admin"], expanded=False):
        st.markdown(LABELS["about_admin_text"].format(attribution=ATTRIBUTION, env=APPROVAL_ENV))

st.subheader(LABELS["about_version"])
st.markdown(LABELS["about_sources_as_of"].format(date=sources_as_of(data.sources)))
edited = loaders.last_edit_at(ctx.path)
if edited:
    st.markdown(LABELS["board_last_edit"].format(date=edited))
