"""Per-view results cached across reruns and sessions, keyed by hashable inputs (never frames).

Every function here is a cache around logic that lives in metrics/, geo/, briefing/ or
ui/charts.py: its first argument `data_key` names the data at one revision ('<database url>#revN',
from `loaders.data_key()`), so reruns and sessions with the same inputs share the frames, HTML and
plotly figures. They are shared read-only: never mutate.

Each is declared with `@view`, which records it in VIEWS: `clear_views` (called when the data
revision changes) drops every one of them, and tests/ui/test_cache.py fails when a cached
function in ui/ is neither a view nor listed as kept across revisions (KEPT).

Imports inside functions are the heavy ones (geopandas 0.3 s, pydeck 0.2 s, python-pptx and the
deck 1.2 s, the report extractor 0.1 s, measured): only the pages that need them pay for them, on
their first use, not every page's first run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics.chart_rows import CHART_BARS, indicator_groups
from metrics.citation import sources_as_of, sources_behind
from metrics.filters import Filters, filter_figures, filter_links
from metrics.headline import field_summary, headline_tiles, quick_fields, source_dates
from metrics.paths import MAP_SETS
from metrics.places import city_of
from metrics.relations import (
    OTHER,
    field_counts,
    keys_in_scope,
    pair_counts,
    partner_counts,
    relations_by_partner,
)
from metrics.relations import relation_index as compute_relation_index
from metrics.selection import record_labels as compute_record_labels
from metrics.tables import figure_table, kpi_cards, link_table, single_chunks
from metrics.vocab import FIELD_COLORS, LOCAL_SIDE
from ui import cards, charts, headline, loaders, memory

if TYPE_CHECKING:
    import geopandas as gpd

    from briefing.slides import SlidePlan

__all__ = ["CHART_BARS"]  # ui/field_view.py reads the bar limit from here

ENTRIES = 512  # distinct filter combinations kept per function
# A Filters argument is keyed by its repr (a frozen dataclass of string tuples: equal filters,
# equal text): Streamlit's own hashing walks the dataclass field by field, ~0.5 ms a call, and a
# new filter's first view makes ~35 such calls.
HASH_FUNCS = {Filters: repr}
VIEWS: list = []  # every @view function (streamlit CachedFunc), in definition order
# Cached functions in ui/ that hold more than one revision's results or none: not cleared.
KEPT = {
    "ui.cache.boundary_set": "boundary files: the same for every revision of the data",
    "ui.loaders._engine": "the store's connection pool, one per database",
    "ui.loaders.dataset_at": "keyed by revision, at most 2 kept (the current and the one before)",
    "ui.loaders.updates_at": "keyed by revision, at most 2 kept",
    "ui.loaders.last_edit_at": "keyed by revision, at most 2 kept",
}


def view(max_entries: int = ENTRIES) -> Callable:
    """st.cache_resource for a result of one data revision, recorded in VIEWS (`clear_views`
    drops it when the revision changes)."""

    def decorate(function: Callable) -> Callable:
        cached = st.cache_resource(
            show_spinner=False, max_entries=max_entries, hash_funcs=HASH_FUNCS
        )(function)
        VIEWS.append(cached)
        return cached

    return decorate


def clear_views() -> None:
    """Drop every per-view result (after a change to the data; the boundaries stay)."""
    for function in VIEWS:
        function.clear()


@view()
def figures(data_key: str, filters: Filters) -> pd.DataFrame:
    data = loaders.dataset_at(data_key)
    return single_chunks(filter_figures(data.figures, filters, data.places))


@view()
def links(data_key: str, filters: Filters) -> pd.DataFrame:
    data = loaders.dataset_at(data_key)
    return single_chunks(filter_links(data.links, filters, data.places))


@view()
def figure_rows(data_key: str, filters: Filters) -> pd.DataFrame:
    """figure_table of the filtered figures."""
    return figure_table(figures(data_key, filters), loaders.dataset_at(data_key).sources)


@view()
def link_rows(data_key: str, filters: Filters) -> pd.DataFrame:
    """link_table of the filtered links."""
    return link_table(links(data_key, filters), loaders.dataset_at(data_key).sources)


@view()
def cards_html(data_key: str, filters: Filters, limit: int | None = None) -> tuple[str, int]:
    """The KPI grid's HTML for the filtered figures (first `limit`), and how many there are."""
    chosen = figures(data_key, filters)
    rows = kpi_cards(chosen, loaders.dataset_at(data_key).sources, limit or None)
    return cards.cards_html(rows), len(chosen)


@view()
def board_tiles_html(data_key: str, filters: Filters, kind: str, count: int) -> str:
    """总览's headline tiles of one kind (成果 or 目标) under the filters, '' when none."""
    tiles = headline_tiles(figures(data_key, filters), kind, count)
    return "" if tiles.empty else headline.tiles_html(tiles, target=kind == "target")


@view()
def board_dates(data_key: str, filters: Filters) -> list[tuple[str, str]]:
    """(title, date) of every source behind the filtered figures and links."""
    ids = [figures(data_key, filters)["source_id"].unique(), links(data_key, filters)["source_id"]]
    shown = pd.DataFrame({"source_id": [i for column in ids for i in column.tolist()]})
    return source_dates(sources_behind(shown, loaders.dataset_at(data_key).sources))


@view(max_entries=4)
def relation_index(data_key: str) -> pd.DataFrame:
    """Every link's relation key and the sides of its ends, once per revision (the filters and
    scopes below are masks on it)."""
    data = loaders.dataset_at(data_key)
    return compute_relation_index(data.links, data.places)


@view()
def relations_shown(data_key: str, filters: Filters, scope: str | None = None) -> pd.DataFrame:
    """The relation_index rows of the filtered links (those a count in `scope` takes in)."""
    if scope is not None:
        return keys_in_scope(relations_shown(data_key, filters), scope)
    places = loaders.dataset_at(data_key).places
    return filter_links(relation_index(data_key), filters, places)  # the links' own columns


@view()
def field_relations(data_key: str, filters: Filters, scope: str) -> pd.DataFrame:
    """Distinct relations per field group in `scope` (the chart's bars and the summary's)."""
    return field_counts(relations_shown(data_key, filters, scope))


@view()
def board_pairs(data_key: str, filters: Filters) -> pd.DataFrame:
    """京蒙结对 on 总览: the filtered links between Beijing and Inner Mongolia, city by city."""
    places = loaders.dataset_at(data_key).places
    return pair_counts(relations_shown(data_key, filters, "jingmeng"), city_of(places))


@view()
def board_fields_html(data_key: str, filters: Filters, scope: str) -> str:
    """总览's per-field summary (figures and the relations in `scope`) as HTML."""
    relations = field_relations(data_key, filters, scope)
    return headline.fields_html(field_summary(figures(data_key, filters), relations=relations))


@view()
def sources_shown(data_key: str, filters: Filters) -> pd.DataFrame:
    """The sources behind the filtered figures (behind the links when there are no figures)."""
    shown = figures(data_key, filters)
    shown = shown if not shown.empty else links(data_key, filters)
    return sources_behind(shown, loaders.dataset_at(data_key).sources)


@view()
def relation_field_chart(data_key: str, filters: Filters, scope: str, projector: bool) -> go.Figure:
    """Distinct relations per field group (已实现 / 计划) in `scope`; a bar's key is its fields."""
    table = field_relations(data_key, filters, scope)
    available = tuple(dict.fromkeys(relations_shown(data_key, filters)["field"]))
    keys = [",".join(quick_fields(f, available)) if f == OTHER else f for f in table["field"]]
    colors = table["field"].map(FIELD_COLORS).fillna("#667085")
    return charts.relation_bars(table.assign(key=keys, color=colors), "field", projector)


@view()
def indicator_charts(data_key: str, filters: Filters, projector: bool) -> dict[str, go.Figure]:
    """One chart per unit that has two or more figures (metrics.chart_rows.indicator_groups)."""
    groups = indicator_groups(figure_rows(data_key, filters))
    return {unit: charts.indicator_chart(rows, unit, projector) for unit, rows in groups.items()}


@view()
def partner_chart(
    data_key: str, filters: Filters, projector: bool, top: int = 12
) -> go.Figure | None:
    """Distinct relations per partner outside Inner Mongolia (never its own districts)."""
    return _partner_bars(partner_counts(relations_shown(data_key, filters)).head(top), projector)


def partner_chart_of(
    shown: pd.DataFrame, places: pd.DataFrame, projector: bool, top: int = 12
) -> go.Figure | None:
    """partner_chart for any set of links (a map selection); None when no partner is outside."""
    return _partner_bars(relations_by_partner(shown, places).head(top), projector)


def _partner_bars(table: pd.DataFrame, projector: bool) -> go.Figure | None:
    """relation_bars of a relations_by_partner table; None when it is empty."""
    if table.empty:
        return None
    colors = table["field"].map(FIELD_COLORS).fillna("#667085")
    return charts.relation_bars(
        table.assign(key=table["partner"], color=colors), "partner", projector, "partner_hover"
    )


@st.cache_resource(show_spinner=False)
def boundary_set(name: str) -> gpd.GeoDataFrame:
    """A simplified boundary set (GeoDataFrame), read once per server; derived files in build/."""
    from geo.boundaries import load_boundary_set  # geopandas
    from metrics.paths import ROOT

    return load_boundary_set(name, ROOT / "build" / "geo")


@view(max_entries=64)
def briefing_slides(data_key: str, filters: Filters) -> list[SlidePlan]:
    """The slide plans for the presentation page (the same plans the PPTX is drawn from)."""
    from briefing.deck import plan_slides  # python-pptx

    boundaries = {name: boundary_set(name) for name in MAP_SETS}
    plans = plan_slides(loaders.dataset_at(data_key), filters, boundaries)
    # a slide's few rows, sliced from the whole table, would keep it alive (region: 66 MB)
    return [replace(p, rows=memory.owned(p.rows), chart=memory.owned(p.chart)) for p in plans]


@view(max_entries=64)
def briefing_phone_map(data_key: str, filters: Filters) -> bytes:
    """The map slide's picture framed and named for a phone (briefing.deck.PHONE_PICTURE_PX)."""
    from briefing.deck import phone_map_png  # python-pptx

    boundaries = {name: boundary_set(name) for name in MAP_SETS}
    return phone_map_png(loaders.dataset_at(data_key), filters, boundaries)


def briefing_pptx(data_key: str, filters: Filters) -> bytes:
    """The PPTX for the filters, built when the user clicks download (not cached: ~1 s, rare)."""
    from briefing.deck import build_briefing  # python-pptx

    boundaries = {name: boundary_set(name) for name in MAP_SETS}
    return build_briefing(loaders.dataset_at(data_key), filters, boundaries)


@view(max_entries=6)
def record_labels(data_key: str, table: str) -> dict[str, str]:
    """The editor's record picker labels for one table."""
    return compute_record_labels(getattr(loaders.dataset_at(data_key), table), table)


@view(max_entries=8)
def report_candidates(data_key: str, text: str) -> pd.DataFrame:
    """Candidate figures of an uploaded or pasted report (kept while the editor reviews it)."""
    from ingest.extract import PlaceMatcher, extract_candidates  # the place-name matcher

    places = loaders.dataset_at(data_key).places
    local = places[places["side"] == LOCAL_SIDE]
    return extract_candidates(text, PlaceMatcher.from_places(local))


@view()
def sources_updated(data_key: str) -> str:
    """sources_as_of the revision's sources (汇报模式's footer), once per revision."""
    return sources_as_of(loaders.dataset_at(data_key).sources)
