"""The map page's cached results: links in the relation scope, flying lines and the deck, for a
laptop-sized or a phone-sized map (keyed by the data revision and hashable inputs, shared
read-only; `@cache.view` so that `cache.clear_views` drops them with the rest)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from deploy.page import DPR_COOKIE, VIEWPORT_COOKIE
from geo.arcs import (
    MAP_HEIGHT_PX,
    MAP_VIEWS,
    MAP_WIDTH_PX,
    PHONE_HEIGHT_PX,
    PHONE_WIDTH_PX,
    content_frame,
    fit_to_panel,
    frame_pairs,
    link_pairs,
)
from geo.raster import DENSITY, PHONE_DENSITY
from geo.selection import relation_summary, resolve_pick
from metrics.filters import Filters
from metrics.relations import in_scope
from metrics.tables import link_table
from ui import cache, charts, loaders
from ui.labels import LABELS

if TYPE_CHECKING:
    import plotly.graph_objects as go
    import pydeck as pdk

ENTRIES = 256
PHONE_AGENTS = ("Mobi", "Android", "iPhone", "iPad")  # what phones' browsers say they are
# Below this window width (CSS px) the map column is narrower than MAP_WIDTH_PX: under 768 px
# the sidebar is closed and the columns stack (<640 px) or the map takes 3 of 4.25 parts; above
# it the map has 3 of 4.25 parts of what the 300 px sidebar leaves (632 px at 1366). A browser
# test checks the map column holds the frame it gets on both sides of this width.
NARROW_BELOW_PX = 1352


def is_phone() -> bool:
    """Whether the browser says it is a phone or tablet (its User-Agent header)."""
    agent = st.context.headers.get("User-Agent", "") or ""
    return any(word in agent for word in PHONE_AGENTS)


def map_is_narrow() -> bool:
    """Whether this browser's map gets the phone's frame: a phone's User-Agent, or a window
    whose map column is narrower than the laptop frame (the width the page wrote to
    VIEWPORT_COOKIE before connecting; a 390 px window whose browser does not say it is a phone
    would cut the edge labels 北京市 →). Without the cookie (an old page, a script): a laptop."""
    if is_phone():
        return True
    width = st.context.cookies.get(VIEWPORT_COOKIE, "") or ""
    return width.isdigit() and int(width) < NARROW_BELOW_PX


def picture_density(phone: bool) -> int:
    """Picture pixels per screen pixel for this browser's map pictures (density_for)."""
    return density_for(st.context.cookies.get(DPR_COOKIE, "") or "", phone)


def density_for(written: str, phone: bool) -> int:
    """Picture pixels per screen pixel for the map's pictures (boundaries, names): the screen's
    own density as the page wrote it (`written`, DPR_COOKIE; a browser zoomed to 150 % says 1.5,
    drawn at 2), from 1 to PHONE_DENSITY. A 1366×768 office screen (1) gets a quarter of the
    pixels of a density-2 picture: less to upload before the map's first frame. Nothing or
    nonsense written: PHONE_DENSITY on a phone, DENSITY elsewhere."""
    try:
        ratio = float(written)
    except ValueError:
        ratio = math.nan
    if not math.isfinite(ratio) or ratio <= 0:
        return PHONE_DENSITY if phone else DENSITY
    return min(PHONE_DENSITY, max(1, math.ceil(ratio - 0.01)))


def map_size(phone: bool) -> tuple[int, int]:
    """The pixels a map is framed and labelled for."""
    return (PHONE_WIDTH_PX, PHONE_HEIGHT_PX) if phone else (MAP_WIDTH_PX, MAP_HEIGHT_PX)


@cache.view(ENTRIES)
def scoped_links(path: str, filters: Filters, scope: str) -> pd.DataFrame:
    """The filtered links in the relation scope (京蒙, all partners, or within Inner Mongolia)."""
    return in_scope(cache.links(path, filters), loaders.dataset_at(path).places, scope)


@cache.view(ENTRIES)
def link_rows(path: str, filters: Filters, scope: str) -> pd.DataFrame:
    """谁和谁合作: the table of the scoped links (with its 领域 column)."""
    return link_table(scoped_links(path, filters, scope), loaders.dataset_at(path).sources)


@cache.view(ENTRIES)
def map_pairs(
    path: str, filters: Filters, scope: str, view_key: str, phone: bool
) -> tuple[pd.DataFrame, tuple]:
    """The scoped links as flying lines, and the frame that holds them (within the view)."""
    data = loaders.dataset_at(path)
    size = map_size(phone)
    pairs = link_pairs(scoped_links(path, filters, scope), data.places, data.sources)
    frame = content_frame(pairs, fit_to_panel(MAP_VIEWS[view_key].bbox, *size), size=size)
    return frame_pairs(pairs, frame), frame


@cache.view(ENTRIES)
def map_deck(
    path: str,
    filters: Filters,
    scope: str,
    view_key: str,
    projector: bool,
    phone: bool,
    density: int,
) -> pdk.Deck:
    """The pydeck map of one view (boundaries picture, choropleth, lines, dots, labels), its
    pictures drawn at `density` (picture_density)."""
    from geo.choropleth import choropleth_values
    from geo.deck import build_deck
    from metrics.plan import banner_profiles

    data = loaders.dataset_at(path)
    view = MAP_VIEWS[view_key]
    frames = [(name, cache.boundary_set(name)) for name in view.boundary_sets]
    choropleth = None
    if view.choropleth:
        names = list(dict(frames)[view.choropleth]["name"])
        choropleth = choropleth_values(banner_profiles(data.tasks, names), LABELS["choropleth_tip"])
    pairs, frame = map_pairs(path, filters, scope, view_key, phone)
    links = scoped_links(path, filters, scope)
    return build_deck(
        view,
        frames,
        pairs,
        data.places,
        choropleth,
        frame,
        projector,
        links,
        map_size(phone),
        density,
    )


@cache.view(ENTRIES)
def picked(
    path: str, filters: Filters, scope: str, view_key: str, phone: bool, token: str
) -> tuple[list[str], str] | None:
    """The link ids a ?pick= value selects on this map and the line that says what they are
    ('北京市等 6 处 — 乌海市：已实现 13 条（教育 3、…）'); None when it names nothing here."""
    data = loaders.dataset_at(path)
    view = MAP_VIEWS[view_key]
    banners = (
        frozenset(cache.boundary_set(view.choropleth)["name"]) if view.choropleth else frozenset()
    )
    pairs, _ = map_pairs(path, filters, scope, view_key, phone)
    found = resolve_pick(token, pairs, data.places, banners)
    if found is None:
        return None
    ids, title = found
    links = scoped_links(path, filters, scope)
    if not ids:
        return ids, LABELS["map_pick_none"].format(title=title)
    relations = relation_summary(links[links["link_id"].isin(ids)])
    return ids, LABELS["map_pick_summary"].format(title=title, relations=relations)


# The details' partner chart sits in a narrow column: its legend goes in a row of its own above
# the plot (the top margin grows to hold it), across the whole chart, so it never covers a bar.


def partner_chart(shown: pd.DataFrame, places: pd.DataFrame, projector: bool) -> go.Figure | None:
    """合作方 of the links the map shows or picked, its legend above the bars (None: no partner)."""
    figure = cache.partner_chart_of(shown, places, projector)
    if figure is not None:
        figure.update_layout(legend=charts.TOP_LEGEND, margin={"t": charts.top_margin(projector)})
    return figure
