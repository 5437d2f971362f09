"""One field's page (教育, 医疗, …): its figures as charts and cards, its links, its sources."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics.citation import sources_behind
from metrics.filters import descendants
from metrics.selection import selected_ids
from metrics.tables import kpi_cards, link_table
from ui import cache, cards, charts, page, state, tables
from ui.labels import LABELS

CARD_LIMIT = 24  # cards drawn; the table below holds every figure (500 rows a page)


def render(field: str) -> None:
    """Draw the page of `field`; the sidebar's field filter does not hide the page's own field."""
    ctx = page.start()
    scope = ctx.filters.with_values("field", [field])
    figures, links = ctx.figures(scope), ctx.links(scope)

    st.title(field)
    st.caption(LABELS["field_page_caption"].format(field=field))
    not_applied = {"period": LABELS["why_links_period"]}
    if set(ctx.filters.field) - {field}:
        not_applied["field"] = LABELS["why_field_page"].format(field=field)
    page.filters_caption(ctx, not_applied)
    selection_line = st.empty()  # filled once the charts say what is selected
    if figures.empty and links.empty:
        page.empty_state(ctx, scope)
        return
    if figures.empty:  # 文旅: the sources name partners and events but give no numbers
        st.info(LABELS["board_field_none"].format(field=field))

    picked: list[str] = []
    if not figures.empty:
        figures, picked = _figures_part(ctx, field, scope, figures, selection_line)
        if picked:
            links = _links_near(links, figures, ctx.data.places)
    if not links.empty:
        _links_part(ctx, field, scope, links, picked)
    cards.source_footer(
        sources_behind(pd.concat([figures[["source_id"]], links[["source_id"]]]), ctx.data.sources)
    )


def _figures_part(
    ctx, field: str, scope, figures: pd.DataFrame, selection_line
) -> tuple[pd.DataFrame, list[str]]:
    """Charts per unit, cards and the table; returns the figures shown and the picked ids."""
    unit_charts = cache.indicator_charts(ctx.path, scope, ctx.projector)
    if unit_charts:
        st.subheader(LABELS["field_indicators"].format(field=field))
        if any(len(chart.data[0].x) >= cache.CHART_BARS for chart in unit_charts.values()):
            st.caption(LABELS["field_chart_top"].format(n=cache.CHART_BARS))
    picked: list[str] = []
    columns = st.columns(2)
    for index, (unit, chart) in enumerate(unit_charts.items()):
        with columns[index % 2]:
            event = charts.show(chart, key=f"fv_{field}_{unit}", selectable=True)
            picked += selected_ids(event)
    picked = state.mirror_pick(picked, set(figures["figure_id"]), page_key=field)
    table = cache.figure_rows(ctx.path, scope)
    if picked:
        # Cross-filtering: the cards, the table and the links follow the selected bars.
        selection_line.caption(LABELS["field_selection"].format(n=len(picked)))
        figures = figures[figures["figure_id"].isin(picked)]
        table = table[table["figure_id"].isin(picked)]
        cards.show_cards(kpi_cards(figures, ctx.data.sources))
    else:
        grid, total = cache.cards_html(ctx.path, scope, CARD_LIMIT)
        st.html(grid)
        if total > CARD_LIMIT:
            st.caption(LABELS["field_cards_more"].format(n=total - CARD_LIMIT))
    st.subheader(LABELS["field_figure_table"].format(field=field))
    tables.figure_dataframe(
        tables.paged(table, key=f"fv_table_page_{field}"),
        key=f"fv_table_{field}",
        columns=tables.field_page_columns(),
    )
    return figures, picked


def _links_part(ctx, field: str, scope, links: pd.DataFrame, picked: list[str]) -> None:
    """Who works with whom: the partner chart (click to filter) and the relations table."""
    st.subheader(LABELS["field_links"])
    left, right = st.columns([1, 2])
    with left:
        st.caption(LABELS["field_partners_caption"])
        partners = (
            cache.partner_chart_of(links, ctx.data.places, ctx.projector)
            if picked
            else cache.partner_chart(ctx.path, scope, ctx.projector)
        )
        if partners is not None:
            key = f"fv_partners_{field}"
            charts.show(partners, key=key, on_pick=state.pick_to_filter("partner", key))
    with right:
        rows = link_table(links, ctx.data.sources) if picked else cache.link_rows(ctx.path, scope)
        tables.link_dataframe(
            tables.paged(rows, key=f"fv_links_page_{field}"), key=f"fv_links_{field}"
        )


def _links_near(links: pd.DataFrame, figures: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Links that touch a place or partner of the selected figures."""
    names = descendants(places, set(figures["place"]) | (set(figures["partner"]) - {""}))
    return links[links["from_name"].isin(names) | links["to_name"].isin(names)]
