"""总览: the headline board — results and targets first, then 京蒙结对 and each field."""

import streamlit as st

from metrics.markdown import escape_markdown
from metrics.relations import SCOPES
from ui import cache, cards, charts, headline, loaders, page, state
from ui.labels import LABELS

RESULT_TILES, TARGET_TILES, KPI_LIMIT = 10, 6, 12

ctx = page.start()
figures, links = ctx.figures(), ctx.links()
st.html(headline.BOARD_CSS + (headline.PROJECTOR_BOARD_CSS if ctx.projector else ""))

st.title(LABELS["app_title"])
state.quick_field_switch(ctx.options)
dates = "；".join(
    f"《{title}》{date or LABELS['board_no_date']}"
    for title, date in cache.board_dates(ctx.path, ctx.filters)
)
edited = loaders.last_edit_at(ctx.path)
page.filters_caption(ctx, {"period": LABELS["why_links_period"]}, show=False)
st.caption(
    page.filters_text(ctx)
    + "　·　"
    + LABELS["board_source_dates"].format(dates=escape_markdown(dates) or "—")
    + ("　·　" + LABELS["board_last_edit"].format(date=edited) if edited else "")
)

if figures.empty and links.empty:
    page.empty_state(ctx)
    st.stop()

results = cache.board_tiles_html(ctx.path, ctx.filters, "achievement", RESULT_TILES)
targets = cache.board_tiles_html(ctx.path, ctx.filters, "target", TARGET_TILES)
st.html(
    f'<div class="board-head">{LABELS["board_results"]}</div>'
    + (results or LABELS["board_no_results"])
    + f'<div class="board-head">{LABELS["board_targets"]}</div>'
    + (targets or LABELS["board_no_targets"])
)

left, right = st.columns([2, 3])
with left:
    st.subheader(LABELS["board_pairs_header"])
    st.caption(LABELS["board_pairs_caption"])
    pairs = cache.board_pairs(ctx.path, ctx.filters)
    st.html(headline.pairs_html(pairs))
    st.page_link("views/map.py", label=LABELS["board_pairs_map"])
with right:
    st.subheader(LABELS["board_fields_chart"])
    scope = state.url_choice(
        "scope",
        list(SCOPES),
        LABELS["relation_scope"],
        what=LABELS["relation_scope"],
        key="w_scope",
        format_func=lambda s: LABELS[f"relation_scope_{s}"],
    )

    st.caption(LABELS["board_fields_caption"])
    charts.show(
        cache.relation_field_chart(ctx.path, ctx.filters, scope, ctx.projector),
        key="ov_fields",
        on_pick=state.pick_to_filter("field", "ov_fields"),
    )

st.subheader(LABELS["board_fields_header"])
st.html(cache.board_fields_html(ctx.path, ctx.filters, scope))

st.subheader(LABELS["board_cards_header"])
grid, total = cache.cards_html(ctx.path, ctx.filters, KPI_LIMIT)
st.html(grid)
if total > KPI_LIMIT:
    st.caption(LABELS["kpi_more"].format(n=total - KPI_LIMIT))
cards.source_footer(cache.sources_shown(ctx.path, ctx.filters))
