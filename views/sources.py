"""来源: each document in full with its figures highlighted; ?figure= jumps to one sentence."""

import streamlit as st

from metrics.citation import source_titles
from metrics.display import marked_label
from metrics.highlight import document_segments, quote_in_context
from metrics.markdown import escape_markdown
from metrics.tables import figure_table
from ui import cards, page
from ui.labels import LABELS, SOURCE_KIND_LABELS

KEY_DOC, KEY_FIGURE = "doc", "figure"

ctx = page.start(filters=False)  # a whole document, whatever is filtered
sources = ctx.data.sources
st.title(LABELS["nav_sources"])
st.caption(LABELS["sources_caption"])
page.filters_caption(
    ctx, dict.fromkeys(ctx.filters.names(), LABELS["why_whole_document"]), show=False
)

figure_id = st.query_params.get(KEY_FIGURE, "")
known_figures = ctx.data.figures.set_index("figure_id")
if figure_id and figure_id not in known_figures.index:
    st.warning(LABELS["sources_unknown_figure"].format(figure=escape_markdown(figure_id[:200])))
    figure_id = ""
requested = st.query_params.get(KEY_DOC, "")
if figure_id:
    requested = known_figures.loc[figure_id, "source_id"]
ids = list(sources["source_id"])
if requested and requested not in ids:  # a mistyped or stale ?doc=: say so, show the first
    st.warning(LABELS["sources_unknown_doc"].format(doc=escape_markdown(requested[:200])))
titles = source_titles(sources)
source_id = st.selectbox(
    LABELS["sources_select"],
    ids,
    index=ids.index(requested) if requested in ids else 0,
    format_func=titles.get,
    key="w_doc",
)
st.query_params[KEY_DOC] = source_id
if figure_id and known_figures.loc[figure_id, "source_id"] != source_id:
    figure_id = ""
if not figure_id and KEY_FIGURE in st.query_params:
    del st.query_params[KEY_FIGURE]

source = sources.set_index("source_id").loc[source_id]
text = ctx.data.texts[source_id]
doc_figures = figure_table(ctx.data.figures[ctx.data.figures["source_id"] == source_id], sources)
doc_links = ctx.data.links[ctx.data.links["source_id"] == source_id]

st.subheader(escape_markdown(source["title"]))
st.caption(
    escape_markdown(
        LABELS["sources_meta"].format(
            kind=SOURCE_KIND_LABELS.get(source["kind"], source["kind"]),
            publisher=source["publisher"] or source["author"] or LABELS["unknown"],
            doc_number=source["doc_number"] or "—",
            published=source["published"] or LABELS["unknown"],
            period=source["period"] or LABELS["unknown"],
        )
    )
    + " · "
    + LABELS["sources_figures_in_doc"].format(figures=len(doc_figures), links=len(doc_links))
)

if figure_id:
    row = doc_figures.set_index("figure_id").loc[figure_id]
    before, quote, after = quote_in_context(text, row["quote"])
    focus = escape_markdown(f"{row['indicator']} {marked_label(row['display'], row['kind'])}")
    st.markdown(f"**{LABELS['sources_figure_focus']}：{focus}**")
    st.html(cards.context_html(before, quote, after))

segments = document_segments(text, doc_figures, source["title"])
st.html(cards.document_html(segments, doc_figures, focus=figure_id))
