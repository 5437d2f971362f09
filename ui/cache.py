"""Per-view results cached across reruns and sessions, keyed by hashable inputs (never frames).

Everything here is computed from the dataset at `path` and a `Filters` value; reruns with the
same inputs reuse the frames, HTML and plotly figures. They are shared read-only: never mutate.
"""

from __future__ import annotations

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
from ui import cards, charts, figures_json, loaders

ENTRIES = 512  # distinct filter combinations kept per function


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def figures(path: str, filters: Filters) -> pd.DataFrame:
    data = loaders.dataset_at(path)
    return filter_figures(data.figures, filters, data.places)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def links(path: str, filters: Filters) -> pd.DataFrame:
    data = loaders.dataset_at(path)
    return filter_links(data.links, filters, data.places)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def figure_rows(path: str, filters: Filters) -> pd.DataFrame:
    """figure_table of the filtered figures."""
    return figure_table(figures(path, filters), loaders.dataset_at(path).sources)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def link_rows(path: str, filters: Filters) -> pd.DataFrame:
    """link_table of the filtered links."""
    return link_table(links(path, filters), loaders.dataset_at(path).sources)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def cards_html(path: str, filters: Filters, limit: int | None = None) -> tuple[str, int]:
    """The KPI grid's HTML for the filtered figures (first `limit`), and how many there are."""
    chosen = figures(path, filters)
    rows = kpi_cards(chosen, loaders.dataset_at(path).sources, limit or None)
    return cards.cards_html(rows), len(chosen)


_BUILDERS = {
    "field": charts.field_counts_chart,
    "place": charts.place_counts_chart,
    "kind": charts.kind_chart,
    "partner": charts.partner_chart,
}


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def drawn(builder: str, counts: pd.DataFrame, projector: bool, *extra) -> go.Figure:
    """A chart of `counts` keyed by their content (Streamlit hashes the frame): equal counts
    under another filter or after an edit elsewhere share one figure and its JSON."""
    build = charts.indicator_chart if builder == "indicator" else _BUILDERS[builder]
    return figures_json.share(build(counts, *extra, projector))


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def field_chart(path: str, filters: Filters, projector: bool) -> go.Figure:
    return drawn("field", counts_by_field(figures(path, filters), links(path, filters)), projector)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def place_chart(path: str, filters: Filters, projector: bool) -> go.Figure:
    places = loaders.dataset_at(path).places
    counts = counts_by_place(figures(path, filters), links(path, filters), places)
    return drawn("place", counts, projector)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def kind_chart(path: str, filters: Filters, projector: bool) -> go.Figure:
    return drawn("kind", counts_by_kind(figures(path, filters)), projector)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def indicator_charts(path: str, filters: Filters, projector: bool) -> dict[str, go.Figure]:
    """One chart per unit that has two or more figures (one bar compares nothing)."""
    table = figure_rows(path, filters)
    counts = table["unit"].value_counts()
    units = [u for u in dict.fromkeys(table["unit"]) if counts[u] > 1]
    return {u: drawn("indicator", _largest(table[table["unit"] == u]), projector, u) for u in units}


CHART_BARS = 20  # bars per indicator chart; more are unreadable (the table lists them all)


def _largest(rows: pd.DataFrame) -> pd.DataFrame:
    """At most CHART_BARS rows, the largest values, in their table order."""
    if len(rows) <= CHART_BARS:
        return rows
    return rows.loc[rows["value"].nlargest(CHART_BARS).index.sort_values()]


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def partner_chart(path: str, filters: Filters, projector: bool) -> go.Figure:
    return drawn("partner", links_by_partner(links(path, filters)), projector)


@st.cache_resource(show_spinner=False)
def boundary_set(name: str):
    """A simplified boundary set (GeoDataFrame), read once per server; derived files in build/."""
    from geo.boundaries import load_boundary_set
    from metrics.paths import ROOT

    return load_boundary_set(name, ROOT / "build" / "geo")


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def map_pairs(path: str, filters: Filters, view_key: str) -> pd.DataFrame:
    """The filtered links as flying lines framed for one map view."""
    from geo.arcs import MAP_VIEWS, frame_pairs, link_pairs

    data = loaders.dataset_at(path)
    pairs = link_pairs(links(path, filters), data.places, data.sources)
    return frame_pairs(pairs, MAP_VIEWS[view_key].frame)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def map_deck(path: str, filters: Filters, view_key: str):
    """The pydeck map of one view under the filters (boundaries, choropleth, arcs, labels)."""
    from geo.arcs import MAP_VIEWS
    from geo.deck import build_deck
    from metrics.plan import banner_profiles

    data = loaders.dataset_at(path)
    view = MAP_VIEWS[view_key]
    frames = [(name, boundary_set(name)) for name in view.boundary_sets]
    choropleth = None
    if view.choropleth:
        names = list(dict(frames)[view.choropleth]["name"])
        choropleth = choropleth_values(banner_profiles(data.tasks, names))
    return build_deck(view, frames, map_pairs(path, filters, view_key), data.places, choropleth)


def choropleth_values(profiles: pd.DataFrame) -> pd.DataFrame:
    """Banner profiles as choropleth rows: value = task count, tip = positioning and tasks."""
    from html import escape

    tips = [
        f"<b>{escape(r.name)}</b><br>{escape(r.positioning) or '—'}<br>"
        f"方案任务 {r.task_count} 条（{escape(r.task_ids)}）"
        for r in profiles.itertuples(index=False)
    ]
    return pd.DataFrame({"name": profiles["name"], "value": profiles["task_count"], "tip": tips})


MAP_SETS = ("provinces", "beijing", "ordos", "wuhai")


@st.cache_resource(show_spinner=False, max_entries=64)
def briefing_slides(path: str, filters: Filters):
    """The slide plans for the presentation page (the same plans the PPTX is drawn from)."""
    from briefing.deck import plan_slides

    boundaries = {name: boundary_set(name) for name in MAP_SETS}
    return plan_slides(loaders.dataset_at(path), filters, boundaries)


def briefing_pptx(path: str, filters: Filters) -> bytes:
    """The PPTX for the filters, built when the user clicks download (not cached: ~1 s, rare)."""
    from briefing.deck import build_briefing

    boundaries = {name: boundary_set(name) for name in MAP_SETS}
    return build_briefing(loaders.dataset_at(path), filters, boundaries)


def clear_views() -> None:
    """Drop every per-view result (after a change to the data; the boundaries stay)."""
    for function in (figures, links, figure_rows, link_rows, cards_html, field_chart, place_chart,
                     kind_chart, indicator_charts, partner_chart, map_pairs, map_deck,
                     briefing_slides, task_status, target_progress, tasks_reached, task_rows, unit_load,
                     record_labels):  # fmt: skip
        function.clear()


@st.cache_resource(show_spinner=False, max_entries=4)
def task_status(path: str, month: str) -> pd.DataFrame:
    """Every task with its latest status and the late / not-reported flags for `month`."""
    from metrics.tracker import task_status as compute

    return compute(loaders.dataset_at(path).tasks, loaders.updates_at(path), month)


@st.cache_resource(show_spinner=False, max_entries=4)
def target_progress(path: str) -> pd.DataFrame:
    from metrics.tracker import target_progress as compute

    data = loaders.dataset_at(path)
    return compute(data.figures, data.tasks, loaders.updates_at(path), data.texts)


@st.cache_resource(show_spinner=False, max_entries=32)
def tasks_reached(path: str, filters: Filters) -> tuple[pd.DataFrame, list[str]]:
    """The tasks the filters reach, and the active filters that cannot apply to tasks."""
    from metrics.tracker import tasks_reached as compute

    return compute(loaders.dataset_at(path), filters)


@st.cache_resource(show_spinner=False, max_entries=4)
def task_rows(path: str) -> pd.DataFrame:
    """task_table of every task (targets written out)."""
    from metrics.views import task_table

    data = loaders.dataset_at(path)
    return task_table(data.tasks, data.figures)


@st.cache_resource(show_spinner=False, max_entries=4)
def unit_load(path: str, month: str) -> pd.DataFrame:
    from metrics.tracker import unit_load as compute

    return compute(task_status(path, month))


@st.cache_resource(show_spinner=False, max_entries=6)
def record_labels(path: str, table: str) -> dict[str, str]:
    """The editor's record picker labels for one table."""
    from metrics.views import record_labels as compute

    return compute(getattr(loaders.dataset_at(path), table), table)


@st.cache_resource(show_spinner=False, max_entries=8)
def report_candidates(path: str, text: str) -> pd.DataFrame:
    """Candidate figures of an uploaded or pasted report (kept while the editor reviews it)."""
    from ingest.extract import PlaceMatcher, extract_candidates

    places = loaders.dataset_at(path).places
    local = places[places["side"] == "inner_mongolia"]
    return extract_candidates(text, PlaceMatcher.from_places(local))
