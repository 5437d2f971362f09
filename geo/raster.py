"""Boundaries drawn once on the server as one Web-Mercator picture (a deck.gl BitmapLayer).

A vector boundary layer costs the browser two WebGL programs (fill and outline) and the
tessellation of every ring before the first frame; one picture costs one trivial program. The
picture is drawn at twice the map's pixels (sharp on high-density screens and at one zoom step;
a phone's at three times: PHONE_DENSITY)
and reaches past the view on every side, so a little panning shows no edge.
"""

from __future__ import annotations

import base64
import functools
import io
import math
from pathlib import Path

import geopandas as gpd
from PIL import Image, ImageDraw, ImageFont

WORLD_PX = 512  # deck.gl: the whole world is 512 px wide at zoom 0
FILL = (242, 244, 247, 255)
LINE = (120, 130, 145, 255)
DENSITY = 2  # picture pixels per screen pixel (laptops and projectors: 1 or 2)
PHONE_DENSITY = 3  # phones draw 3 device pixels per CSS pixel (iPhone, most Android): 2 blurred
SUPERSAMPLE = 1  # drawn this much larger, then shrunk: smooth (antialiased) outlines
REACH = 0.2  # the picture reaches this share of the view's size past each edge
COLOURS = 4  # a palette picture: flat fills and grey lines need few colours, and stay small


def to_world(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web-Mercator pixel position of a point at a zoom (deck.gl's convention)."""
    size = WORLD_PX * 2**zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180) / 360 * size, (1 - y / math.pi) / 2 * size


def from_world(x: float, y: float, zoom: float) -> tuple[float, float]:
    """The (lon, lat) of a Web-Mercator pixel position at a zoom."""
    size = WORLD_PX * 2**zoom
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / size))))
    return x / size * 360 - 180, lat


def picture_bounds(
    center: tuple[float, float], zoom: float, width_px: int, height_px: int
) -> list[float]:
    """[west, south, east, north] of the picture: the view plus REACH on every side."""
    cx, cy = to_world(*center, zoom)
    half_w, half_h = width_px * (0.5 + REACH), height_px * (0.5 + REACH)
    west, north = from_world(cx - half_w, cy - half_h, zoom)
    east, south = from_world(cx + half_w, cy + half_h, zoom)
    return [round(v, 6) for v in (west, south, east, north)]


def _rings(geometry) -> list[list[tuple[float, float]]]:
    polygons = getattr(geometry, "geoms", [geometry])
    return [list(ring.coords) for p in polygons for ring in (p.exterior, *p.interiors)]


def boundary_picture(
    layers: list[tuple[gpd.GeoDataFrame, float]],
    center: tuple[float, float],
    zoom: float,
    width_px: int,
    height_px: int,
    density: int = DENSITY,
) -> tuple[str, list[float]]:
    """Boundaries (each set with its line width in screen px) as a PNG data URL and its bounds,
    `density` picture pixels per screen pixel.

    Every set is filled first and outlined after, so no fill covers a neighbour's border."""
    bounds = picture_bounds(center, zoom, width_px, height_px)
    step = density * SUPERSAMPLE
    size = (round(width_px * (1 + 2 * REACH) * step), round(height_px * (1 + 2 * REACH) * step))
    left, top = to_world(bounds[0], bounds[3], zoom)
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def project(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
        points = (to_world(x, y, zoom) for x, y, *_ in ring)
        return [((x - left) * step, (y - top) * step) for x, y in points]

    rings = [
        (project(r), width) for frame, width in layers for g in frame.geometry for r in _rings(g)
    ]
    for points, _ in rings:
        if len(points) > 2:
            draw.polygon(points, fill=FILL)
    for points, width in rings:
        draw.line(points, fill=LINE, width=max(1, round(width * step)), joint="curve")
    shrunk = image.resize((size[0] // SUPERSAMPLE, size[1] // SUPERSAMPLE), Image.LANCZOS)
    buffer = io.BytesIO()
    shrunk.quantize(COLOURS, method=Image.Quantize.FASTOCTREE).save(buffer, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode(), bounds


def png_url(image: Image.Image) -> str:
    """A picture as a PNG data URL (sent inside the deck's JSON: no request of its own)."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


ANCHORS = {"start": "lm", "middle": "mm", "end": "rm"}  # deck.gl text anchors → Pillow's


def label_picture(
    nodes: list[dict],
    font_path: str,
    size_px: int,
    center: tuple[float, float],
    zoom: float,
    width_px: int,
    height_px: int,
    density: int = DENSITY,
) -> tuple[str, list[float]]:
    """The place names (label, position, offset, anchor), each with a white halo, as one
    transparent picture cropped to them, and its bounds: drawn by the server with a CJK font
    at `density` picture pixels per screen pixel, so the browser builds no font atlas and no
    text program for them."""
    bounds = picture_bounds(center, zoom, width_px, height_px)
    size = (
        round(width_px * (1 + 2 * REACH) * density),
        round(height_px * (1 + 2 * REACH) * density),
    )
    left, top = to_world(bounds[0], bounds[3], zoom)
    image = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(font_path, size_px * density)
    for node in nodes:
        if not node.get("label"):
            continue
        x, y = to_world(*node["position"], zoom)
        dx, dy = node.get("offset", (0, 0))
        draw.text(
            ((x - left + dx) * density, (y - top + dy) * density),
            node["label"],
            font=font,
            fill=tuple(node.get("text_color", (16, 24, 40, 255))),
            anchor=ANCHORS.get(node.get("anchor", "middle"), "mm"),
            stroke_width=3 * density,
            stroke_fill=(255, 255, 255, 235),
        )
    box = image.getbbox() or (0, 0, 1, 1)
    west, north = from_world(left + box[0] / density, top + box[1] / density, zoom)
    east, south = from_world(left + box[2] / density, top + box[3] / density, zoom)
    cropped = image.crop(box).quantize(COLOURS * 4, method=Image.Quantize.FASTOCTREE)
    return png_url(cropped), [round(v, 6) for v in (west, south, east, north)]


FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")
FONT_NAMES = ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "wqy-microhei.ttc")


@functools.cache
def find_cjk_font() -> Path | None:
    """A locally installed font with Chinese glyphs (Debian's fonts-noto-cjk), or None."""
    for directory in map(Path, FONT_DIRS):
        for name in FONT_NAMES:
            found = next(directory.rglob(name), None) if directory.exists() else None
            if found:
                return found
    return None
