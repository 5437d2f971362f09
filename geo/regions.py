"""The map's boundaries: one server-drawn picture, and a choropleth's regions as shapes."""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
import pydeck as pdk
import shapely

from geo.arcs import MAP_WIDTH_PX, MapView
from geo.raster import DENSITY, boundary_picture

LAYER_REGIONS = "regions"
LAYER_CHOROPLETH = f"{LAYER_REGIONS}-choropleth"  # picked like a region (legend.selection)
Size = tuple[int, int]  # the map's width and height in screen pixels
# Sequential, colour-blind safe (viridis, light to dark) for choropleths.
SEQUENTIAL = [(253, 231, 37), (122, 209, 81), (34, 168, 132), (42, 120, 142), (65, 68, 135)]


def in_frame(frame: gpd.GeoDataFrame, bbox: tuple[float, float, float, float]) -> gpd.GeoDataFrame:
    """Only the boundaries that reach into the view (with a margin): less to send and draw."""
    west, south, east, north = bbox
    margin_x, margin_y = (east - west) * 0.25, (north - south) * 0.25
    return frame.cx[west - margin_x : east + margin_x, south - margin_y : north + margin_y]


def simplified(
    frame: gpd.GeoDataFrame, bbox: tuple[float, float, float, float], width_px: int = MAP_WIDTH_PX
) -> gpd.GeoDataFrame:
    """Boundaries in the view, simplified to about half a pixel of it: what the eye can see."""
    shown = in_frame(frame, bbox)
    tolerance = (bbox[2] - bbox[0]) / width_px / 2
    grid = 10 ** math.floor(math.log10(tolerance))  # a decimal grid: short numbers in the JSON
    geometry = shapely.set_precision(
        shown.geometry.simplify(tolerance, preserve_topology=True).values, grid
    )
    return shown.assign(geometry=geometry)


def region_features(
    boundaries: gpd.GeoDataFrame, values: pd.DataFrame | None = None, line: float = 1.0
) -> list[dict]:
    """Boundaries as GeoJSON features; with `values` (name, value, tip_body) a choropleth."""
    by_name = values.set_index("name") if values is not None and not values.empty else None
    top = float(by_name["value"].max()) if by_name is not None else 0.0
    features = []
    for row in boundaries.itertuples(index=False):
        fill, body = [242, 244, 247, 255], ""
        if by_name is not None and row.name in by_name.index:
            value = float(by_name.loc[row.name, "value"])
            step = (
                0
                if top == 0
                else min(len(SEQUENTIAL) - 1, int(value / top * (len(SEQUENTIAL) - 1)))
            )
            fill = [*SEQUENTIAL[step], 200]
            body = str(by_name.loc[row.name, "tip_body"])
        features.append(
            {
                "type": "Feature",
                "geometry": row.geometry.__geo_interface__,
                "properties": {
                    "name": row.name,
                    "fill": fill,
                    "line": line,
                    "tip_title": row.name,
                    "tip_body": body,
                },
            }
        )
    return features


def region_layers(
    view: MapView,
    boundaries: list[tuple[str, gpd.GeoDataFrame]],
    choropleth: pd.DataFrame | None,
    state: pdk.ViewState,
    frame: tuple[float, float, float, float],
    size: Size,
    density: int = DENSITY,
) -> list[pdk.Layer]:
    """The boundaries as one picture (`density` picture pixels a screen pixel); a view's
    choropleth set on top as shapes (hover, click)."""
    drawn = [
        (in_frame(regions, frame), 1.5 if name == "provinces" else 1.0)
        for name, regions in boundaries
        if not (view.choropleth and name == view.choropleth)
    ]
    image, bounds = boundary_picture(
        drawn, (state.longitude, state.latitude), state.zoom, size[0], size[1], density
    )
    layers = [
        pdk.Layer("BitmapLayer", id=LAYER_REGIONS, image=pdk.types.String(image), bounds=bounds)
    ]
    shapes = [
        regions for name, regions in boundaries if view.choropleth and name == view.choropleth
    ]
    if shapes:
        features = region_features(simplified(shapes[0], frame, size[0]), choropleth)
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                id=LAYER_CHOROPLETH,
                data={"type": "FeatureCollection", "features": features},
                stroked=True,
                filled=True,
                get_fill_color="properties.fill",
                get_line_color=[120, 130, 145, 255],
                get_line_width="properties.line",
                line_width_units=pdk.types.String("pixels"),
                pickable=True,
                auto_highlight=True,
            )
        )
    return layers
