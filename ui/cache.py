"""Per-view results cached across reruns and sessions, keyed by hashable inputs (never frames).

Everything here is computed from the dataset at `path` and a `Filters` value; reruns with the
same inputs reuse the frames, HTML and plotly figures. They are shared read-only: never mutate.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics.filters import Filters, filter_figures, filter_links
from metrics.relations import in_scope, relations_by_field, relations_by_partner
from metrics.tables import figure_table, kpi_cards, link_table
from metrics.vocab import FIELD_COLORS, LOCAL_SIDE
from ui import cards, charts, loaders
from ui.labels import LABELS

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


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def relation_field_chart(path: str, filters: Filters, scope: str, projector: bool) -> go.Figure:
    """Distinct relations per field group (已实现 / 计划) in `scope`; a bar's key is its fields."""
    from metrics.headline import quick_fields
    from metrics.relations import OTHER

    data = loaders.dataset_at(path)
    table = relations_by_field(in_scope(links(path, filters), data.places, scope))
    available = tuple(dict.fromkeys(links(path, filters)["field"]))
    keys = [",".join(quick_fields(f, available)) if f == OTHER else f for f in table["field"]]
    colors = table["field"].map(FIELD_COLORS).fillna("#667085")
    return charts.relation_bars(table.assign(key=keys, color=colors), "field", projector)


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def indicator_charts(path: str, filters: Filters, projector: bool) -> dict[str, go.Figure]:
    """One chart per unit that has two or more figures (one bar compares nothing)."""
    table = figure_rows(path, filters)
    counts = table["unit"].value_counts()
    units = [u for u in dict.fromkeys(table["unit"]) if counts[u] > 1]
    return {
        u: charts.indicator_chart(_largest(table[table["unit"] == u]), u, projector) for u in units
    }


CHART_BARS = 20  # bars per indicator chart; more are unreadable (the table lists them all)


def _largest(rows: pd.DataFrame) -> pd.DataFrame:
    """At most CHART_BARS rows, the largest values, in their table order."""
    if len(rows) <= CHART_BARS:
        return rows
    return rows.loc[rows["value"].nlargest(CHART_BARS).index.sort_values()]


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def partner_chart(path: str, filters: Filters, projector: bool, top: int = 12) -> go.Figure | None:
    """Distinct relations per partner outside Inner Mongolia (never its own districts)."""
    return partner_chart_of(links(path, filters), loaders.dataset_at(path).places, projector, top)


def partner_chart_of(
    shown: pd.DataFrame, places: pd.DataFrame, projector: bool, top: int = 12
) -> go.Figure | None:
    """partner_chart for any set of links (a map selection); None when no partner is outside."""
    table = relations_by_partner(shown, places).head(top)
    if table.empty:
        return None
    colors = table["field"].map(FIELD_COLORS).fillna("#667085")
    return charts.relation_bars(
        table.assign(key=table["partner"], color=colors), "partner", projector, "partner_hover"
    )


@st.cache_resource(show_spinner=False)
def boundary_set(name: str):
    """A simplified boundary set (GeoDataFrame), read once per server; derived files in build/."""
    from geo.boundaries import load_boundary_set
    from metrics.paths import ROOT

    return load_boundary_set(name, ROOT / "build" / "geo")


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def map_pairs(path: str, filters: Filters, view_key: str) -> tuple[pd.DataFrame, tuple]:
    """The filtered links as flying lines, and the frame that holds them (within the view)."""
    from geo.arcs import MAP_VIEWS, content_frame, frame_pairs, link_pairs

    data = loaders.dataset_at(path)
    pairs = link_pairs(links(path, filters), data.places, data.sources)
    frame = content_frame(pairs, MAP_VIEWS[view_key].frame)
    return frame_pairs(pairs, frame), frame


@st.cache_resource(show_spinner=False, max_entries=ENTRIES)
def map_deck(path: str, filters: Filters, view_key: str, projector: bool = False):
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
    pairs, frame = map_pairs(path, filters, view_key)
    return build_deck(
        view, frames, pairs, data.places, choropleth, frame, projector, links(path, filters)
    )


def choropleth_values(profiles: pd.DataFrame) -> pd.DataFrame:
    """Banner profiles as choropleth rows: value = task count, tip_body = positioning, tasks."""
    tips = [
        LABELS["choropleth_tip"].format(
            positioning=r.positioning or "—", count=r.task_count, ids=r.task_ids
        )
        for r in profiles.itertuples(index=False)
    ]
    return pd.DataFrame(
        {"name": profiles["name"], "value": profiles["task_count"], "tip_body": tips}
    )


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
    for function in (figures, links, figure_rows, link_rows, cards_html, relation_field_chart,
                     indicator_charts, partner_chart, map_pairs, map_deck,
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
    from metrics.targets import target_progress as compute

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
    from metrics.tables import task_table

    data = loaders.dataset_at(path)
    return task_table(data.tasks, data.figures)


@st.cache_resource(show_spinner=False, max_entries=4)
def unit_load(path: str, month: str) -> pd.DataFrame:
    from metrics.tracker import unit_load as compute

    return compute(task_status(path, month))


@st.cache_resource(show_spinner=False, max_entries=6)
def record_labels(path: str, table: str) -> dict[str, str]:
    """The editor's record picker labels for one table."""
    from metrics.selection import record_labels as compute

    return compute(getattr(loaders.dataset_at(path), table), table)


@st.cache_resource(show_spinner=False, max_entries=8)
def report_candidates(path: str, text: str) -> pd.DataFrame:
    """Candidate figures of an uploaded or pasted report (kept while the editor reviews it)."""
    from ingest.extract import PlaceMatcher, extract_candidates

    places = loaders.dataset_at(path).places
    local = places[places["side"] == LOCAL_SIDE]
    return extract_candidates(text, PlaceMatcher.from_places(local))
