"""One field's page (教育, 医疗, …): its figures as charts and cards, its links, its sources."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics.filters import descendants
from metrics.views import (
    figure_table,
    kpi_cards,
    link_table,
    links_by_partner,
    selected_ids,
    sources_behind,
)
from ui import cards, charts, page, tables
from ui.labels import LABELS


def render(field: str) -> None:
    """Draw the page of `field`; the sidebar's field filter does not hide the page's own field."""
    ctx = page.start()
    scope = ctx.filters.with_values("field", [field])
    figures, links = ctx.figures(scope), ctx.links(scope)

    st.title(field)
    st.caption(LABELS["field_page_caption"].format(field=field))
    page.filters_caption(ctx)
    if figures.empty and links.empty:
        page.empty_state(ctx, scope)
        return

    picked: list[str] = []
    if not figures.empty:
        table = figure_table(figures, ctx.data.sources)
        # A unit with one figure is a card, not a chart: one bar compares nothing.
        counts = table["unit"].value_counts()
        units = [u for u in dict.fromkeys(table["unit"]) if counts[u] > 1]
        if units:
            st.subheader(LABELS["field_indicators"].format(field=field))
        columns = st.columns(2)
        for index, unit in enumerate(units):
            with columns[index % 2]:
                event = charts.show(
                    charts.indicator_chart(table[table["unit"] == unit], unit, ctx.projector),
                    key=f"fv_{field}_{unit}",
                    selectable=True,
                )
                picked += selected_ids(event)
        if picked:
            st.caption(LABELS["field_selection"].format(n=len(picked)))
            figures = figures[figures["figure_id"].isin(picked)]
            links = _links_near(links, figures, ctx.data.places)
        cards.show_cards(kpi_cards(figures, ctx.data.sources))
        st.subheader(LABELS["field_figure_table"].format(field=field))
        tables.figure_dataframe(figure_table(figures, ctx.data.sources), key=f"fv_table_{field}")

    if not links.empty:
        st.subheader(LABELS["field_links"])
        left, right = st.columns([1, 2])
        with left:
            charts.show(
                charts.partner_chart(links_by_partner(links), ctx.projector),
                key=f"fv_partners_{field}",
            )
        with right:
            tables.link_dataframe(link_table(links, ctx.data.sources), key=f"fv_links_{field}")
    cards.source_footer(
        sources_behind(pd.concat([figures[["source_id"]], links[["source_id"]]]), ctx.data.sources)
    )


def _links_near(links: pd.DataFrame, figures: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Links that touch a place or partner of the selected figures."""
    names = descendants(places, set(figures["place"]) | (set(figures["partner"]) - {""}))
    return links[links["from_name"].isin(names) | links["to_name"].isin(names)]
