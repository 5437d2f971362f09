"""The link map as a PNG, drawn with Pillow from the same boundaries and lines (no browser)."""

from __future__ import annotations

import io
import math
from pathlib import Path

import geopandas as gpd
import pandas as pd
from PIL import Image, ImageColor, ImageDraw, ImageFont

from geo.boundaries import load_boundary_set
from metrics.paths import GEO_BUILD_DIR, MAP_SETS
from metrics.vocab import FIELD_COLORS

FONT_DIRS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"]
FONT_NAMES = ["NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "wqy-microhei.ttc"]


def find_cjk_font() -> Path | None:
    """A locally installed font with Chinese glyphs (fonts-noto-cjk), or None."""
    for directory in FONT_DIRS:
        for name in FONT_NAMES:
            found = next(directory.rglob(name), None) if directory.exists() else None
            if found:
                return found
    return None


def _projector(bbox: tuple[float, float, float, float], width: int, height: int):
    west, south, east, north = bbox
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    # 6% margin so labels at the frame's edge (off-frame partners) stay on the picture.
    scale = 0.94 * min(width / (east - west), height / ((north - south) * stretch))
    offset_x = (width - (east - west) * scale) / 2
    offset_y = (height - (north - south) * stretch * scale) / 2

    def project(lon: float, lat: float) -> tuple[float, float]:
        return offset_x + (lon - west) * scale, offset_y + (north - lat) * stretch * scale

    return project


def _rings(geometry) -> list:
    polygons = getattr(geometry, "geoms", [geometry])
    return [list(polygon.exterior.coords) for polygon in polygons]


def _arc_points(start, end, bend: float = 0.18, steps: int = 24) -> list[tuple[float, float]]:
    """A quadratic curve from start to end, bulging to one side like a flying line."""
    (x0, y0), (x1, y1) = start, end
    cx, cy = (x0 + x1) / 2 - (y1 - y0) * bend, (y0 + y1) / 2 + (x1 - x0) * bend
    return [
        (
            (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1,
            (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1,
        )
        for t in (i / steps for i in range(steps + 1))
    ]


def render_map_png(
    boundaries: list[gpd.GeoDataFrame],
    pairs: pd.DataFrame,
    nodes: list[dict],
    bbox: tuple[float, float, float, float],
    size: tuple[int, int] = (1600, 1000),
) -> bytes:
    """Boundaries, flying lines (field colours; planned paler) and labelled places as PNG."""
    # `pairs` comes from geo.arcs.frame_pairs, `nodes` from geo.deck.node_records (+ declutter).
    width, height = size
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image, "RGBA")
    project = _projector(bbox, width, height)
    for frame in boundaries:
        for geometry in frame.geometry:
            for ring in _rings(geometry):
                points = [project(x, y) for x, y in ring]
                draw.polygon(points, fill=(242, 244, 247, 255), outline=(120, 130, 145, 255))
    for row in pairs.itertuples(index=False):
        red, green, blue = ImageColor.getrgb(FIELD_COLORS.get(row.field, "#666666"))[:3]
        alpha = 235 if row.status == "achieved" else 110
        line_width = int(3 + 1.5 * math.sqrt(row.count))
        curve = _arc_points(project(row.from_x, row.from_y), project(row.to_x, row.to_y))
        draw.line(curve, fill=(red, green, blue, alpha), width=line_width, joint="curve")
    font_path = find_cjk_font()
    font = ImageFont.truetype(str(font_path), 26) if font_path else ImageFont.load_default()
    for node in nodes:
        x, y = project(*node["position"])
        radius = 6 + 2 * math.sqrt(node["links"])
        color = tuple(node["color"][:3])
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=(*color, 235), outline="white"
        )
        if node["label"]:
            draw.text(
                (x, y - radius - 4),
                node["label"],
                font=font,
                fill=(16, 24, 40),
                anchor="ms",
                stroke_width=4,
                stroke_fill="white",
            )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def map_boundaries() -> dict[str, gpd.GeoDataFrame]:
    """The boundary sets of the national map, read from build/geo."""
    return {name: load_boundary_set(name, GEO_BUILD_DIR) for name in MAP_SETS}
