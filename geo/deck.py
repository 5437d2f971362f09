"""pydeck decks with no basemap and no outside request: our boundaries, flying lines, labels."""

from __future__ import annotations

import json
import math

import geopandas as gpd
import pandas as pd
import pydeck as pdk
from PIL import ImageColor

from geo.arcs import MAP_HEIGHT_PX, MAP_WIDTH_PX, MapView, pair_tip
from geo.labels import LABEL_SIZE_PX, declutter_labels, node_records, region_labels, to_pixels
from geo.raster import DENSITY, find_cjk_font, label_picture
from geo.regions import LAYER_CHOROPLETH, LAYER_REGIONS, SEQUENTIAL, Size, region_layers
from geo.selection import relation_rows, spot_key, spot_title, summary_of
from metrics.vocab import FIELD_COLORS, STATUS_LABELS

# Moved to geo.labels and geo.regions; kept importable from here.
__all__ = [
    "LAYER_CHOROPLETH", "LAYER_REGIONS", "SEQUENTIAL",
    "build_deck", "declutter_labels", "node_records", "to_pixels",
]  # fmt: skip
FONT = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, sans-serif"
# Dots and labels are drawn over the lines whatever their height (no depth test).
ON_TOP = {"depthCompare": "always", "depthTest": False}
PROJECTOR_SCALE = 1.5  # 投影模式: labels, lines and dots this much larger
# The tooltip's markup lives here, never in the data: the front end escapes every {value}, so a
# quote shows as text (no visible tags), and line breaks in a value come from pre-line.
TOOLTIP = {
    "html": '<div style="font-weight:700;margin-bottom:4px">{tip_title}</div>'
    '<div style="white-space:pre-line">{tip_body}</div>',
    "style": {
        "fontSize": "14px",
        "lineHeight": "1.5",
        "maxWidth": "300px",
        "whiteSpace": "normal",
        "overflowWrap": "anywhere",
        "backgroundColor": "#101828",
        "color": "#ffffff",
        "borderRadius": "6px",
        "padding": "8px 10px",
    },
}
ALPHA = {"achieved": 235, "planned": 110}
LAYER_ARCS, LAYER_NODES, LAYER_LABELS = "arcs", "nodes", "labels"


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


def spot_tips(
    pairs: pd.DataFrame, links: pd.DataFrame | None, keyed: dict | None = None
) -> dict[tuple, dict]:
    """Per pair of dots: a plain-text tooltip of every link between them (the places at both
    dots, distinct relations by status and field, the first sentence): the same title and
    summary a click on the line writes beside the map. The link ids are not sent: a click names
    the line's two places, and the server finds its links (geo.selection.pick_pair); sending
    them on every line of a dot pair was half of a 5,000-link map's JSON (2.0 of 4.1 MB).
    `keyed`: relation_rows(links), when the caller has it already."""
    groups: dict[tuple, list] = {}
    for row in pairs.itertuples(index=False):
        groups.setdefault(spot_key(row), []).append(row)
    if keyed is None:
        keyed = relation_rows(links) if links is not None else {}
    tips = {}
    for key, rows in groups.items():
        ids = [i for r in rows for i in r.link_ids.split("、")]
        title, body = pair_tip(rows[0])
        if len(rows) > 1 or links is not None:
            if links is not None:
                summary = summary_of(keyed[i] for i in ids if i in keyed)
            else:
                counted = {s: sum(r.count for r in rows if r.status == s) for s in ALPHA}
                summary = " · ".join(f"{STATUS_LABELS[s]} {n} 条" for s, n in counted.items() if n)
            title = spot_title(rows)
            body = f"{summary}\n“{rows[0].quote}”\n《{rows[0].source_title}》"
        tips[key] = {"tip_title": title, "tip_body": body}
    return tips


def arc_records(
    pairs: pd.DataFrame,
    links: pd.DataFrame | None = None,
    scale: float = 1.0,
    keyed: dict | None = None,
) -> list[dict]:
    """ArcLayer rows: colour by field, width by number of links, pale end = where it starts.
    Hover and click take every relation between the two dots (see spot_tips)."""
    tips = spot_tips(pairs, links, keyed)
    records = []
    for row in pairs.itertuples(index=False):
        color = list(ImageColor.getrgb(FIELD_COLORS.get(row.field, "#666666")))
        alpha = ALPHA[row.status]
        outward = row.direction == "to_partner"
        start, end = (
            ((row.to_x, row.to_y), (row.from_x, row.from_y))
            if outward
            else ((row.from_x, row.from_y), (row.to_x, row.to_y))
        )
        pale = color if row.direction == "both" else lighten(color)
        width = 2 + 1.5 * math.sqrt(row.count) + (1 if row.status == "achieved" else 0)
        records.append(
            {
                "source": list(start),
                "target": list(end),
                "source_color": [*pale, alpha],
                "target_color": [*color, alpha],
                "width": round(width * scale, 1),
                "from_name": row.from_name,
                "to_name": row.to_name,
                **tips[spot_key(row)],
            }
        )
    return records


def label_layer(
    nodes: list[dict], label_size: int, state: pdk.ViewState, size: Size, density: int = DENSITY
) -> pdk.Layer:
    """The place names: one server-drawn picture when a CJK font is installed (no font atlas
    and no text program for the browser to build on the first open), else a TextLayer."""
    named = [n for n in nodes if n["label"]]
    font = find_cjk_font()
    if font is not None:
        image, bounds = label_picture(
            named,
            str(font),
            label_size,
            (state.longitude, state.latitude),
            state.zoom,
            *size,
            density,
        )
        return pdk.Layer(
            "BitmapLayer",
            id=LAYER_LABELS,
            image=pdk.types.String(image),
            bounds=bounds,
            parameters=ON_TOP,
        )
    return pdk.Layer(
        "TextLayer",
        id=LAYER_LABELS,
        data=named,
        get_position="position",
        get_text="label",
        get_size=label_size,
        get_color=[16, 24, 40, 255],
        get_pixel_offset="offset",
        get_text_anchor="anchor",
        get_alignment_baseline=pdk.types.String("center"),
        font_family=pdk.types.String(FONT),
        # CJK glyphs: the default character set is ASCII only. Plain strings would become accessors.
        character_set=pdk.types.String("auto"),
        # A white halo keeps a name legible where lines cross it (no background box: one
        # WebGL program less to build).
        outline_width=3,
        outline_color=[255, 255, 255, 255],
        font_settings={"sdf": True},
        parameters=ON_TOP,
    )


def build_deck(
    view: MapView,
    boundaries: list[tuple[str, gpd.GeoDataFrame]],
    pairs: pd.DataFrame,
    places: pd.DataFrame,
    choropleth: pd.DataFrame | None = None,
    frame: tuple[float, float, float, float] | None = None,
    projector: bool = False,
    links: pd.DataFrame | None = None,
    size: Size = (MAP_WIDTH_PX, MAP_HEIGHT_PX),
    density: int = DENSITY,
) -> pdk.Deck:
    """The map, one layer per purpose: boundaries (one picture; a choropleth on the view's chosen
    set), flying lines, place dots, labels (and the names of the view's `region_labels` areas). `frame` (default: the view's) is what the map shows,
    `size` the map's pixels it is framed and labelled for (a phone's map is narrower), `density`
    its pictures' pixels per screen pixel (a phone's screen has more).

    map_provider=None with pydeck's default style: Streamlit then draws no basemap and sends no
    request (an explicit map_style=None makes its front end fetch Carto's style).
    """
    frame = frame or view.frame
    scale = PROJECTOR_SCALE if projector else 1.0
    label_size = round(LABEL_SIZE_PX * scale)
    state = view_state(frame, *size)
    keyed = relation_rows(links) if links is not None else None  # once, for lines and dots
    nodes = declutter_labels(node_records(pairs, places, keyed), frame, label_size, *size)
    areas = dict(boundaries).get(view.region_labels) if view.region_labels else None
    names = [] if areas is None else region_labels(areas, nodes, frame, label_size, *size)
    layers = [
        *region_layers(view, boundaries, choropleth, state, frame, size, density),
        pdk.Layer(
            "ArcLayer",
            id=LAYER_ARCS,
            data=arc_records(pairs, links, scale, keyed),
            get_source_position="source",
            get_target_position="target",
            get_source_color="source_color",
            get_target_color="target_color",
            get_width="width",
            get_height=0.35,
            width_units=pdk.types.String("pixels"),
            pickable=True,
            auto_highlight=True,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            id=LAYER_NODES,
            data=nodes,
            get_position="position",
            get_fill_color="color",
            get_radius=f"radius * {scale}",
            radius_units=pdk.types.String("pixels"),
            stroked=True,
            get_line_color=[255, 255, 255],
            line_width_min_pixels=1,
            pickable=True,
            parameters=ON_TOP,
        ),
        label_layer(nodes + names, label_size, state, size, density),
    ]
    return FrozenDeck(layers=layers, initial_view_state=state, map_provider=None, tooltip=TOOLTIP)
