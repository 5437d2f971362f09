"""Flying lines: links grouped into place pairs with coordinates, framed for a map view."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from metrics.citation import source_titles
from metrics.validate import DataError
from metrics.vocab import DIRECTION_LABELS, STATUS_LABELS

# The map column measures 631×540 px at 1366×768; framing for a little less keeps every edge in.
MAP_WIDTH_PX, MAP_HEIGHT_PX = 620, 540
# On a phone the map column is the screen less 26 px: 364 px at 390, 334 px at 360. A phone's map
# is framed and labelled for the narrowest (a wider one shows a little more around the frame;
# framed for 356 px, a 360 px phone cut 北京市 → at the right edge).
PHONE_WIDTH_PX, PHONE_HEIGHT_PX = 334, 440


@dataclass(frozen=True)
class MapView:
    """A named map frame: its bounding box (west, south, east, north) and boundary sets."""

    key: str
    label: str
    bbox: tuple[float, float, float, float]
    boundary_sets: tuple[str, ...]
    choropleth: str = ""  # boundary set coloured by data, if any
    region_labels: str = ""  # boundary set whose names are written on the map, if any
    aliases: tuple[str, ...] = ()  # other names a link may use for the view (?view=乌海市)

    @property
    def frame(self) -> tuple[float, float, float, float]:
        """The bbox widened to the map panel's shape: what the user actually sees."""
        return fit_to_panel(self.bbox)


def fit_to_panel(
    bbox: tuple[float, float, float, float],
    width_px: int = MAP_WIDTH_PX,
    height_px: int = MAP_HEIGHT_PX,
) -> tuple[float, float, float, float]:
    """Grow the narrower side of a bbox so it has the panel's aspect ratio (Mercator-stretched)."""
    west, south, east, north = bbox
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    width, height = east - west, (north - south) * stretch
    if width / height < width_px / height_px:
        grow = (height * width_px / height_px - width) / 2
        return (west - grow, south, east + grow, north)
    grow = (width * height_px / width_px - height) / 2 / stretch
    return (west, south - grow, east, north + grow)


MAP_VIEWS: dict[str, MapView] = {
    view.key: view
    for view in (
        MapView(
            "jingmeng",
            "京蒙总览",
            (104.6, 36.4, 119.0, 43.8),
            ("provinces", "beijing", "ordos", "wuhai"),
            aliases=("京蒙",),
        ),
        MapView(
            "inner_mongolia",
            "内蒙古全区",
            (96.5, 36.8, 126.8, 53.6),
            ("provinces", "im_cities"),
            aliases=("内蒙古", "内蒙古自治区"),
        ),
        MapView(
            "ordos",
            "鄂尔多斯旗区",
            (106.2, 37.3, 111.6, 40.95),
            ("im_cities", "ordos", "wuhai"),
            "ordos",
            aliases=("鄂尔多斯", "鄂尔多斯市"),
        ),
        MapView(
            "wuhai",
            "乌海",
            (106.2, 38.9, 107.5, 40.0),
            ("ordos", "wuhai"),
            region_labels="wuhai",
            aliases=("乌海市",),
        ),
    )
}


def find_view(value: str) -> str | None:
    """The key of the view a URL names by its label, an alias or its key ('乌海' → 'wuhai')."""
    wanted = value.strip()
    for view in MAP_VIEWS.values():
        if wanted in (view.key, view.label, *view.aliases):
            return view.key
    return None


def place_coordinates(places: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Every place name → (lon, lat)."""
    return {
        name: (float(lon), float(lat))
        for name, lon, lat in zip(places["name"], places["lon"], places["lat"], strict=True)
    }


def link_pairs(links: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Links grouped by (from, to, field, status, direction): one flying line per group.

    Output columns: from_name, to_name, field, status, direction, count, link_ids, link_types,
    quote (the first link's), source_title, from_lon, from_lat, to_lon, to_lat.
    Both ends must be known places; an unknown one is an error, not a missing line.
    """
    coordinates = place_coordinates(places)
    unknown = sorted((set(links["from_name"]) | set(links["to_name"])) - set(coordinates))
    if unknown:
        raise DataError(f"地图上无法定位：{'、'.join(unknown)}")
    titles = source_titles(sources)
    keys = ["from_name", "to_name", "field", "status", "direction"]
    pairs = (
        links.assign(source_title=links["source_id"].map(titles))
        .groupby(keys, sort=False)
        .agg(
            count=("link_id", "size"),
            link_ids=("link_id", "、".join),
            link_types=("link_type", lambda s: "、".join(dict.fromkeys(s))),
            quote=("quote", "first"),
            source_title=("source_title", "first"),
        )
        .reset_index()
    )
    ends = {
        end: pd.DataFrame(
            [coordinates[name] for name in pairs[f"{end}_name"]],
            columns=[f"{end}_lon", f"{end}_lat"],
        )
        for end in ("from", "to")
    }
    return pd.concat([pairs, ends["from"], ends["to"]], axis=1)


def clamp_to_frame(
    inside: tuple[float, float],
    outside: tuple[float, float],
    bbox: tuple[float, float, float, float],
) -> tuple[float, float]:
    """Where the straight line from `inside` towards `outside` leaves the frame (or `outside`)."""
    west, south, east, north = bbox
    (x0, y0), (x1, y1) = inside, outside
    if west <= x1 <= east and south <= y1 <= north:
        return outside
    step = 1.0
    for edge, start, delta in ((west, x0, x1 - x0), (east, x0, x1 - x0)):
        if delta and 0 < (edge - start) / delta < step:
            step = (edge - start) / delta
    for edge, start, delta in ((south, y0, y1 - y0), (north, y0, y1 - y0)):
        if delta and 0 < (edge - start) / delta < step:
            step = (edge - start) / delta
    return (x0 + (x1 - x0) * step, y0 + (y1 - y0) * step)


def is_inside(point: tuple[float, float], bbox: tuple[float, float, float, float]) -> bool:
    """Whether a (lon, lat) point lies inside a (west, south, east, north) box."""
    west, south, east, north = bbox
    return west <= point[0] <= east and south <= point[1] <= north


def content_frame(
    pairs: pd.DataFrame,
    bbox: tuple[float, float, float, float],
    pad: float = 0.22,
    min_span: float = 0.7,
    size: tuple[int, int] = (MAP_WIDTH_PX, MAP_HEIGHT_PX),
) -> tuple[float, float, float, float]:
    """The part of a view that holds its places: the places inside `bbox`, padded, at least
    `min_span` degrees across, in the shape of a panel of `size` pixels; the whole view when
    nothing is inside."""
    points = [
        point
        for row in pairs.itertuples(index=False)
        for point in ((row.from_lon, row.from_lat), (row.to_lon, row.to_lat))
        if is_inside(point, bbox)
    ]
    if not points:
        return fit_to_panel(bbox, *size)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    span_x, span_y = max(max(xs) - min(xs), min_span), max(max(ys) - min(ys), min_span * 0.6)
    middle_x, middle_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    west, east = middle_x - span_x * (0.5 + pad), middle_x + span_x * (0.5 + pad)
    south, north = middle_y - span_y * (0.5 + pad), middle_y + span_y * (0.5 + pad)
    return fit_to_panel((west, south, east, north), *size)


def frame_pairs(pairs: pd.DataFrame, bbox: tuple[float, float, float, float]) -> pd.DataFrame:
    """Keep pairs with at least one end in the frame; pull the far end onto the frame's edge.

    Adds columns from_x, from_y, to_x, to_y (drawn positions) and off_frame (the name of an end
    that lies outside and was moved to the edge, '' when both are inside).
    """
    rows = []
    for row in pairs.itertuples(index=False):
        start, end = (row.from_lon, row.from_lat), (row.to_lon, row.to_lat)
        start_in, end_in = is_inside(start, bbox), is_inside(end, bbox)
        if not (start_in or end_in):
            continue
        drawn_start = start if start_in else clamp_to_frame(end, start, bbox)
        drawn_end = end if end_in else clamp_to_frame(start, end, bbox)
        off = row.from_name if not start_in else row.to_name if not end_in else ""
        rows.append((*drawn_start, *drawn_end, off))
    kept = pairs[
        [
            is_inside((r.from_lon, r.from_lat), bbox) or is_inside((r.to_lon, r.to_lat), bbox)
            for r in pairs.itertuples(index=False)
        ]
    ].reset_index(drop=True)
    drawn = pd.DataFrame(rows, columns=["from_x", "from_y", "to_x", "to_y", "off_frame"])
    return pd.concat([kept, drawn], axis=1)


def pair_tip(row) -> tuple[str, str]:
    """Plain-text tooltip of a flying line (title, body with line breaks): ends, field, type,
    status, direction, quote, source. The map's front end escapes it; it is never HTML."""
    count = f"（{row.count} 条）" if row.count > 1 else ""
    body = (
        f"{row.field} · {row.link_types} · {STATUS_LABELS[row.status]} · "
        f"{DIRECTION_LABELS[row.direction]}\n“{row.quote}”\n《{row.source_title}》"
    )
    return f"{row.from_name} — {row.to_name}{count}", body
