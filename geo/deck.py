"""pydeck decks with no basemap and no outside request: our boundaries, flying lines, labels."""

from __future__ import annotations

import json
import math
from html import escape

import geopandas as gpd
import pandas as pd
import pydeck as pdk

from geo.arcs import MAP_HEIGHT_PX, MAP_WIDTH_PX, MapView, pair_tooltip
from metrics.vocab import FIELD_COLORS

FONT = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, sans-serif"
LABEL_SIZE_PX = 15
ALPHA = {"achieved": 235, "planned": 110}
LAYER_REGIONS, LAYER_ARCS, LAYER_NODES, LAYER_LABELS = "regions", "arcs", "nodes", "labels"
# Sequential, colour-blind safe (viridis, light to dark) for choropleths.
SEQUENTIAL = [(253, 231, 37), (122, 209, 81), (34, 168, 132), (42, 120, 142), (65, 68, 135)]


def hex_to_rgb(color: str) -> list[int]:
    return [int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]


def lighten(rgb: list[int], share: float = 0.6) -> list[int]:
    """Mix a colour with white: the pale start of a flying line shows where it comes from."""
    return [round(c + (255 - c) * share) for c in rgb]


class FrozenDeck(pdk.Deck):
    """A deck whose JSON is computed once, compactly: Streamlit serialises it on every rerun,
    and pydeck's own JSON is indented (five times larger to send)."""

    def to_json(self) -> str:
        if self.__dict__.get("_frozen_json") is None:
            spec = json.loads(super().to_json())
            self.__dict__["_frozen_json"] = json.dumps(
                spec, ensure_ascii=False, separators=(",", ":")
            )
        return self.__dict__["_frozen_json"]


def in_frame(frame: gpd.GeoDataFrame, bbox: tuple[float, float, float, float]) -> gpd.GeoDataFrame:
    """Only the boundaries that reach into the view (with a margin): less to send and draw."""
    west, south, east, north = bbox
    margin_x, margin_y = (east - west) * 0.25, (north - south) * 0.25
    return frame.cx[west - margin_x : east + margin_x, south - margin_y : north + margin_y]


def view_state(
    bbox: tuple[float, float, float, float],
    width_px: int = MAP_WIDTH_PX,
    height_px: int = MAP_HEIGHT_PX,
) -> pdk.ViewState:
    """A view centred on the frame, zoomed so the whole frame fits the map's pixels."""
    west, south, east, north = bbox
    # Web Mercator stretches latitude by 1/cos(lat) around the frame's middle.
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    zoom = min(
        math.log2(width_px * 360 / (512 * (east - west))),  # deck.gl: the world is 512 px at zoom 0
        math.log2(height_px * 360 / (512 * (north - south) * stretch)),
    )
    return pdk.ViewState(
        longitude=(west + east) / 2, latitude=(south + north) / 2, zoom=round(zoom, 2)
    )


def arc_records(pairs: pd.DataFrame) -> list[dict]:
    """ArcLayer rows: colour by field, width by number of links, pale end = where it starts."""
    records = []
    for row in pairs.itertuples(index=False):
        color = hex_to_rgb(FIELD_COLORS.get(row.field, "#666666"))
        alpha = ALPHA[row.status]
        outward = row.direction == "to_partner"
        start, end = (
            ((row.to_x, row.to_y), (row.from_x, row.from_y))
            if outward
            else (
                (row.from_x, row.from_y),
                (row.to_x, row.to_y),
            )
        )
        pale = color if row.direction == "both" else lighten(color)
        records.append(
            {
                "source": list(start),
                "target": list(end),
                "source_color": [*pale, alpha],
                "target_color": [*color, alpha],
                "width": 2 + 1.5 * math.sqrt(row.count) + (1 if row.status == "achieved" else 0),
                "tip": pair_tooltip(row),
                "from_name": row.from_name,
                "to_name": row.to_name,
                "link_ids": row.link_ids,
            }
        )
    return records


def node_records(pairs: pd.DataFrame, places: pd.DataFrame) -> list[dict]:
    """One dot and label per drawn position; an off-frame partner is labelled at the edge with →.

    Institutions without their own coordinates sit on their district's point: they share one
    dot, labelled with the district (or first) name and how many places it stands for, so labels
    never pile up on top of each other. The tooltip lists them all.
    """
    side = dict(zip(places["name"], places["side"], strict=True))
    kind = dict(zip(places["name"], places["kind"], strict=True))
    spots: dict[tuple[float, float], dict] = {}
    for row in pairs.itertuples(index=False):
        for name, x, y in (
            (row.from_name, row.from_x, row.from_y),
            (row.to_name, row.to_x, row.to_y),
        ):
            spot = spots.setdefault((round(x, 4), round(y, 4)), {"position": [x, y], "names": {}})
            spot["names"][name] = spot["names"].get(name, 0) + row.count
            spot.setdefault("off", set())
            if name == row.off_frame:
                spot["off"].add(name)
    nodes = []
    for spot in spots.values():
        names = sorted(
            spot["names"], key=lambda n: (kind.get(n) == "institution", -spot["names"][n])
        )
        label = names[0] + (f" 等{len(names)}处" if len(names) > 1 else "")
        if spot["off"]:
            label += " →"
        color = {"beijing": [178, 34, 34], "inner_mongolia": [11, 92, 173]}.get(
            side.get(names[0]), [90, 90, 90]
        )
        links = sum(spot["names"].values())
        listed = "<br>".join(f"{escape(n)}：{spot['names'][n]} 条" for n in names)
        nodes.append(
            {
                "name": names[0],
                "names": "、".join(names),
                "label": label,
                "position": spot["position"],
                "links": links,
                "color": [*color, 230],
                "radius": 5 + 2 * math.sqrt(links),
                "tip": f"<b>{escape(label)}</b><br>{listed}",
            }
        )
    return nodes


def to_pixels(
    position: list[float], bbox: tuple[float, float, float, float]
) -> tuple[float, float]:
    """Approximate screen position of a point in the view (equirectangular, latitude stretched)."""
    west, south, east, north = bbox
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    scale = min(MAP_WIDTH_PX / (east - west), MAP_HEIGHT_PX / ((north - south) * stretch))
    return (position[0] - west) * scale, (north - position[1]) * scale * stretch


def declutter_labels(nodes: list[dict], bbox: tuple[float, float, float, float]) -> list[dict]:
    """Keep a label only where it does not overlap a more important one (more links first).

    Places whose label is dropped keep their dot and tooltip; nothing is hidden, only unlabelled.
    """
    placed: list[tuple[float, float, float, float]] = []
    for node in sorted(nodes, key=lambda n: -n["links"]):
        x, y = to_pixels(node["position"], bbox)
        half = len(node["label"]) * (LABEL_SIZE_PX + 1) / 2 + 6
        box = (x - half, y - 20 - LABEL_SIZE_PX, x + half, y - 8)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            node["label"] = ""
        else:
            placed.append(box)
    return nodes


def region_features(boundaries: gpd.GeoDataFrame, values: pd.DataFrame | None = None) -> dict:
    """Boundaries as a GeoJSON FeatureCollection; with `values` (name, value, tip) a choropleth."""
    by_name = values.set_index("name") if values is not None and not values.empty else None
    top = float(by_name["value"].max()) if by_name is not None else 0.0
    features = []
    for row in boundaries.itertuples(index=False):
        fill, tip = [242, 244, 247, 255], f"<b>{escape(row.name)}</b>"
        if by_name is not None and row.name in by_name.index:
            value = float(by_name.loc[row.name, "value"])
            step = (
                0
                if top == 0
                else min(len(SEQUENTIAL) - 1, int(value / top * (len(SEQUENTIAL) - 1)))
            )
            fill = [*SEQUENTIAL[step], 200]
            tip = str(by_name.loc[row.name, "tip"])
        features.append(
            {
                "type": "Feature",
                "geometry": row.geometry.__geo_interface__,
                "properties": {"name": row.name, "adcode": row.adcode, "fill": fill, "tip": tip},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def build_deck(
    view: MapView,
    boundaries: list[tuple[str, gpd.GeoDataFrame]],
    pairs: pd.DataFrame,
    places: pd.DataFrame,
    choropleth: pd.DataFrame | None = None,
) -> pdk.Deck:
    """The map: boundary layers (a choropleth on the view's chosen set), flying lines, places.

    map_provider=None with pydeck's default style: Streamlit then draws no basemap and sends no
    request (an explicit map_style=None makes its front end fetch Carto's style).
    """
    layers = []
    for index, (boundary_set, frame) in enumerate(boundaries):
        is_choropleth = bool(view.choropleth) and boundary_set == view.choropleth
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                id=f"{LAYER_REGIONS}-{index}",
                data=region_features(
                    in_frame(frame, view.frame), choropleth if is_choropleth else None
                ),
                stroked=True,
                filled=True,
                get_fill_color="properties.fill",
                get_line_color=[120, 130, 145, 255],
                line_width_min_pixels=1.5 if boundary_set == "provinces" else 1,
                pickable=is_choropleth,
                auto_highlight=is_choropleth,
            )
        )
    layers.append(
        pdk.Layer(
            "ArcLayer",
            id=LAYER_ARCS,
            data=arc_records(pairs),
            get_source_position="source",
            get_target_position="target",
            get_source_color="source_color",
            get_target_color="target_color",
            get_width="width",
            get_height=0.35,
            width_units=pdk.types.String("pixels"),
            pickable=True,
            auto_highlight=True,
        )
    )
    nodes = declutter_labels(node_records(pairs, places), view.frame)
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            id=LAYER_NODES,
            data=nodes,
            get_position="position",
            get_fill_color="color",
            get_radius="radius",
            radius_units=pdk.types.String("pixels"),
            stroked=True,
            get_line_color=[255, 255, 255],
            line_width_min_pixels=1,
            pickable=True,
        )
    )
    layers.append(
        pdk.Layer(
            "TextLayer",
            id=LAYER_LABELS,
            data=nodes,
            get_position="position",
            get_text="label",
            get_size=15,
            get_color=[16, 24, 40, 255],
            get_pixel_offset=[0, -16],
            font_family=pdk.types.String(FONT),
            # CJK glyphs: the default character set is ASCII only. Plain strings would become accessors.
            character_set=pdk.types.String("auto"),
            outline_width=3,
            outline_color=[255, 255, 255, 255],
            font_settings={"sdf": True},
        )
    )
    return FrozenDeck(
        layers=layers,
        initial_view_state=view_state(view.frame),
        map_provider=None,
        tooltip={
            "html": "{tip}",
            "style": {"fontSize": "15px", "maxWidth": "420px", "backgroundColor": "#101828"},
        },
    )
