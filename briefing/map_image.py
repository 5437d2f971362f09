"""The link map as a PNG, drawn with Pillow from the same boundaries and lines (no browser)."""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd
from PIL import Image, ImageColor, ImageDraw, ImageFont

from geo.boundaries import load_boundary_set
from geo.labels import MAX_LABELS
from metrics.paths import GEO_BUILD_DIR, MAP_SETS
from metrics.vocab import FIELD_COLORS

FONT_DIRS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"]
FONT_NAMES = ["NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "wqy-microhei.ttc"]
PICTURE_PX = (1600, 1000)  # the slide's picture (16:10)
# Place names, in the picture's pixels: 汇报模式 shows the slide's picture ~614 px wide at
# 1366×768 (38 px → ~14.6 px there; 26 px gave ~10 px), a phone its own 712 px picture at 356 px.
LABEL_FONT_PX = 38
PHONE_LABEL_FONT_PX = 26


def find_cjk_font() -> Path | None:
    """A locally installed font with Chinese glyphs (fonts-noto-cjk), or None."""
    for directory in FONT_DIRS:
        for name in FONT_NAMES:
            found = next(directory.rglob(name), None) if directory.exists() else None
            if found:
                return found
    return None


def _projector(
    bbox: tuple[float, float, float, float], width: int, height: int
) -> Callable[[float, float], tuple[float, float]]:
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
    size: tuple[int, int] = PICTURE_PX,
    label_px: int = LABEL_FONT_PX,
) -> bytes:
    """Boundaries, flying lines (field colours; planned paler) and labelled places (names
    `label_px` high) as PNG."""
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
    font = ImageFont.truetype(str(font_path), label_px) if font_path else ImageFont.load_default()
    dots = []
    for node in nodes:
        x, y = project(*node["position"])
        radius = 6 + 2 * math.sqrt(node["links"])
        color = tuple(node["color"][:3])
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=(*color, 235), outline="white"
        )
        dots.append((x, y, radius, node))
    _draw_names(draw, font, dots, size)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _draw_names(draw: ImageDraw.ImageDraw, font, dots: list, size: tuple[int, int]) -> None:
    """Each labelled dot's name above it (below it when that is taken), the most linked first,
    moved inside the picture and left out when it would cover a name already drawn: the picture's
    own pixels decide, whatever frame the labels were chosen for."""
    placed: list[tuple[float, float, float, float]] = []
    for x, y, radius, node in sorted(dots, key=lambda dot: -dot[3]["links"]):
        if not node["label"] or len(placed) >= MAX_LABELS:
            continue
        for anchor, top in (("ms", y - radius - 4), ("mt", y + radius + 4)):
            found = draw.textbbox((x, top), node["label"], font=font, anchor=anchor, stroke_width=4)
            box = _inside(found, size)
            if not any(_overlap(box, other) for other in placed):
                placed.append(box)
                left, upper, *_ = draw.textbbox(
                    (0, 0), node["label"], font=font, anchor="lt", stroke_width=4
                )
                draw.text(
                    (box[0] - left, box[1] - upper),
                    node["label"],
                    font=font,
                    fill=(16, 24, 40),
                    anchor="lt",
                    stroke_width=4,
                    stroke_fill="white",
                )
                break


def _inside(box: tuple, size: tuple[int, int], margin: int = 6) -> tuple[float, ...]:
    """`box` (left, top, right, bottom) moved the least to lie `margin` pixels inside `size`."""
    left, top, right, bottom = box
    dx = max(margin - left, 0) or min(size[0] - margin - right, 0)
    dy = max(margin - top, 0) or min(size[1] - margin - bottom, 0)
    return (left + dx, top + dy, right + dx, bottom + dy)


def _overlap(a: tuple, b: tuple, gap: int = 4) -> bool:
    return not (
        a[2] + gap <= b[0] or b[2] + gap <= a[0] or a[3] + gap <= b[1] or b[3] + gap <= a[1]
    )


def map_boundaries() -> dict[str, gpd.GeoDataFrame]:
    """The boundary sets of the national map, read from build/geo."""
    return {name: load_boundary_set(name, GEO_BUILD_DIR) for name in MAP_SETS}
