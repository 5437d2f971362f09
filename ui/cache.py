"""Per-view results cached across reruns and sessions, keyed by hashable inputs (never frames).

Everything here is computed from the dataset at `path` and a `Filters` value; reruns with the
same inputs reuse the frames, HTML and plotly figures. They are shared read-only: never mutate.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics.filters import Filters, filter_figures, filter_links
from metrics.views import (
    counts_by_field,
    counts_by_kind,
    counts_by_place,
    figure_table,
    kpi_cards,
    link_table,
    links_by_partner,
)
from ui import cards, charts, loaders

ENTRIES = 512  # distinct filter combinations kept per function


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def figures(path: str, filters: Filters) -> pd.DataFrame:
    data = loaders.dataset_at(Path(path))
    return filter_figures(data.figures, filters, data.places)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def links(path: str, filters: Filters) -> pd.DataFrame:
    data = loaders.dataset_at(Path(path))
    return filter_links(data.links, filters, data.places)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def figure_rows(path: str, filters: Filters) -> pd.DataFrame:
    """figure_table of the filtered figures."""
    return figure_table(figures(path, filters), loaders.dataset_at(Path(path)).sources)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def link_rows(path: str, filters: Filters) -> pd.DataFrame:
    """link_table of the filtered links."""
    return link_table(links(path, filters), loaders.dataset_at(Path(path)).sources)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def cards_html(path: str, filters: Filters, limit: int | None = None) -> tuple[str, int]:
    """The KPI grid's HTML for the filtered figures (first `limit`), and how many there are."""
    rows = kpi_cards(figures(path, filters), loaders.dataset_at(Path(path)).sources)
    return cards.cards_html(rows.head(limit) if limit else rows), len(rows)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def field_chart(path: str, filters: Filters, projector: bool) -> go.Figure:
    return charts.field_counts_chart(
        counts_by_field(figures(path, filters), links(path, filters)), projector
    )


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def place_chart(path: str, filters: Filters, projector: bool) -> go.Figure:
    places = loaders.dataset_at(Path(path)).places
    return charts.place_counts_chart(
        counts_by_place(figures(path, filters), links(path, filters), places), projector
    )


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def kind_chart(path: str, filters: Filters, projector: bool) -> go.Figure:
    return charts.kind_chart(counts_by_kind(figures(path, filters)), projector)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def indicator_charts(path: str, filters: Filters, projector: bool) -> dict[str, go.Figure]:
    """One chart per unit that has two or more figures (one bar compares nothing)."""
    table = figure_rows(path, filters)
    counts = table["unit"].value_counts()
    units = [u for u in dict.fromkeys(table["unit"]) if counts[u] > 1]
    return {u: charts.indicator_chart(table[table["unit"] == u], u, projector) for u in units}


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def partner_chart(path: str, filters: Filters, projector: bool) -> go.Figure:
    return charts.partner_chart(links_by_partner(links(path, filters)), projector)
