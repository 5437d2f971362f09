"""Place dots and their labels: one dot per drawn position, few labels, none overlapping or cut."""

from __future__ import annotations

import math

import pandas as pd
import shapely

from geo.arcs import MAP_HEIGHT_PX, MAP_WIDTH_PX
from metrics.vocab import BEIJING_SIDE, LOCAL_SIDE

LABEL_SIZE_PX = 15
MAX_LABELS = 12  # more names than this on one map is a list, not a map
EDGE_SHARE = 0.18  # a label this close to the left/right edge is anchored inwards
EDGE_MARGIN_PX = 4  # a label box keeps this far from the map's edges
OFF_FRAME_NOTE = "箭头表示该地在本图范围外、在箭头所指方向，连线画到图边"
EDGE_ARROWS = {"right": "→", "left": "←", "top": "↑", "bottom": "↓"}
SIDE_COLORS = {BEIJING_SIDE: [178, 34, 34], LOCAL_SIDE: [11, 92, 173]}
OTHER_COLOR = [90, 90, 90]


def end_title(names: list[str]) -> str:
    """A dot (or one end of a line): its place, or its first place and how many share the dot."""
    return names[0] if len(names) == 1 else f"{names[0]}等 {len(names)} 处"


def node_records(
    pairs: pd.DataFrame, places: pd.DataFrame, relations: dict[str, tuple] | None = None
) -> list[dict]:
    """One dot per drawn position, labelled with its main place (districts before institutions).

    Institutions without their own coordinates sit on their district's point: they share the dot
    and are listed in its tooltip, each with its relations by status as the lines' tooltips count
    them ('北京市：已实现 11 条、计划 9 条'; `relations` is geo.selection.relation_rows of the
    links; without it each link counts as one). The dot's size and rank take all its links. An
    off-frame partner drawn at the edge is marked with →. Tooltip text is plain (tip_title,
    tip_body with line breaks): the front end escapes it.
    """
    side = dict(zip(places["name"], places["side"], strict=True))
    kind = dict(zip(places["name"], places["kind"], strict=True))
    spots: dict[tuple[float, float], dict] = {}
    keys: dict[str, set] = {}  # place → relation keys of its drawn lines
    known = relations or {}
    for row in pairs.itertuples(index=False):
        found = [known.get(i, (i, "", "", row.status, row.field)) for i in row.link_ids.split("、")]
        for name, x, y in (
            (row.from_name, row.from_x, row.from_y),
            (row.to_name, row.to_x, row.to_y),
        ):
            spot = spots.setdefault(
                (round(x, 4), round(y, 4)), {"position": [x, y], "names": {}, "off": set()}
            )
            spot["names"][name] = spot["names"].get(name, 0) + row.count
            keys.setdefault(name, set()).update(found)
            if name == row.off_frame:
                spot["off"].add(name)
    extent = _extent([spot["position"] for spot in spots.values()])
    return [_node(spot, extent, (side, kind), keys) for spot in spots.values()]


def _node(
    spot: dict, extent: tuple[float, float, float, float], sides: tuple[dict, dict], keys: dict
) -> dict:
    """A dot's record from its places' link counts and relation keys (see node_records)."""
    from geo.selection import summary_of  # geo.selection builds on this module

    side, kind = sides
    names = sorted(spot["names"], key=lambda n: (kind.get(n) == "institution", -spot["names"][n]))
    arrow = EDGE_ARROWS[edge_of(spot["position"], extent)] if spot["off"] else ""
    label = f"{names[0]} {arrow}" if arrow else names[0]
    links = sum(spot["names"].values())
    return {
        "name": names[0],
        "names": "、".join(names),
        "label": label,
        "position": spot["position"],
        "links": links,
        "color": [*SIDE_COLORS.get(side.get(names[0], ""), OTHER_COLOR), 230],
        "radius": 5 + 2 * math.sqrt(links),
        "tip_title": label if len(names) == 1 else end_title(names),
        "tip_body": "\n".join(f"{n}：{summary_of(keys[n], by_field=False)}" for n in names[:12])
        + (f"\n…… 另有 {len(names) - 12} 处" if len(names) > 12 else "")
        + (f"\n{OFF_FRAME_NOTE}" if spot["off"] else ""),
    }


def _extent(positions: list[list[float]]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in positions], [p[1] for p in positions]
    return min(xs), min(ys), max(xs), max(ys)


def edge_of(position: list[float], extent: tuple[float, float, float, float]) -> str:
    """Which edge of the drawn extent (west, south, east, north) a point pinned to the frame
    lies on: 'right', 'left', 'top' or 'bottom' (the nearest, as a share of the extent; a
    corner counts as its side, the way a reader follows a line east or west)."""
    west, south, east, north = extent
    x, y = position
    width, height = max(east - west, 1e-9), max(north - south, 1e-9)
    gaps = {
        "right": (east - x) / width,
        "left": (x - west) / width,
        "top": (north - y) / height,
        "bottom": (y - south) / height,
    }
    return min(gaps, key=gaps.get)  # dict order breaks ties: right/left before top/bottom


def to_pixels(
    position: list[float],
    bbox: tuple[float, float, float, float],
    width_px: int = MAP_WIDTH_PX,
    height_px: int = MAP_HEIGHT_PX,
) -> tuple[float, float]:
    """Approximate screen position of a point in the view (equirectangular, latitude stretched)."""
    west, south, east, north = bbox
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    scale = min(width_px / (east - west), height_px / ((north - south) * stretch))
    return (position[0] - west) * scale, (north - position[1]) * scale * stretch


def label_box(
    x: float, y: float, text: str, anchor: str, size: int, below: bool = False, radius: float = 6
) -> tuple[float, float, float, float]:
    """The pixel box a label takes: above (or below) its dot, growing right, left or both ways."""
    width = len(text) * (size + 1) + 8
    left = {"start": x - 4, "end": x - width + 4}.get(anchor, x - width / 2)
    top = y + radius + 2 if below else y - radius - size - 8
    return (left, top - 2, left + width, top + size + 8)


def shift_inside(
    box: tuple[float, float, float, float], width_px: float, height_px: float
) -> tuple[float, float]:
    """How far to move a label box so it lies wholly inside the map (with EDGE_MARGIN_PX)."""
    left, top, right, bottom = box
    low_x, high_x = EDGE_MARGIN_PX, width_px - EDGE_MARGIN_PX
    low_y, high_y = EDGE_MARGIN_PX, height_px - EDGE_MARGIN_PX
    dx = low_x - left if left < low_x else high_x - right if right > high_x else 0.0
    dy = low_y - top if top < low_y else high_y - bottom if bottom > high_y else 0.0
    return dx, dy


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether two pixel boxes (left, top, right, bottom) overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def placed_box(
    text: str,
    at: tuple[float, float],
    anchor: str,
    size: int,
    below: bool,
    radius: float,
    frame: tuple[float, float],
) -> tuple[tuple[float, float, float, float], list[float]]:
    """A label's box shifted wholly inside the frame, and its pixel offset from the dot."""
    box = label_box(at[0], at[1], text, anchor, size, below, radius)
    dx, dy = shift_inside(box, *frame)
    lift = radius + size / 2 + 2
    offset = [round(dx, 1), round((lift if below else -lift) + dy, 1)]
    return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy), offset


def declutter_labels(
    nodes: list[dict],
    bbox: tuple[float, float, float, float],
    size: int = LABEL_SIZE_PX,
    width_px: int = MAP_WIDTH_PX,
    height_px: int = MAP_HEIGHT_PX,
) -> list[dict]:
    """Label the most linked places first, at most MAX_LABELS, never overlapping one another.

    A label near the left or right edge grows inwards (text_anchor start/end) and is shifted
    wholly inside the map's pixels, so it is never cut (an edge dot's label ends left of it).
    Places left unlabelled keep their dot and tooltip: nothing is hidden, only unnamed.
    """
    placed: list[tuple[float, float, float, float]] = []
    right, bottom = to_pixels([bbox[2], bbox[1]], bbox, width_px, height_px)  # the frame's size
    ranked = sorted(nodes, key=lambda n: -n["links"])
    texts = {id(n): n["label"] for n in ranked}
    # First every name on its usual side (above its dot, under it near the top edge); then the
    # names that found no room there try the other side of their dot.
    for flip in (False, True):
        for node in ranked:
            if flip and node["label"]:
                continue
            if len(placed) >= MAX_LABELS:
                node["label"] = ""
                continue
            x, y = to_pixels(node["position"], bbox, width_px, height_px)
            anchor = (
                "start"
                if x < right * EDGE_SHARE
                else "end"
                if x > right * (1 - EDGE_SHARE)
                else "middle"
            )
            radius = node.get("radius", 6)
            below = (y < size + radius + 14) != flip
            box, offset = placed_box(
                texts[id(node)], (x, y), anchor, size, below, radius, (right, bottom)
            )
            if any(overlap(box, b) for b in placed):
                node["label"] = ""
                continue
            node.update(anchor=anchor, offset=offset, box=[round(v, 1) for v in box])
            node["label"] = texts[id(node)]
            placed.append(box)
    for node in ranked:
        node.setdefault("anchor", "middle")
        node.setdefault("offset", [0.0, 0.0])
    return nodes


REGION_TEXT = [71, 84, 103, 255]  # area names: muted, so they read as areas, not as partners
REGION_TRIES = 9  # a grid of this many points a side inside an area, tried nearest-first


def area_points(geometry, bbox: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """Points inside the part of an area the frame shows: its representative point first, then
    a grid of points inside it, nearest first (where a name may go if the first is taken)."""
    seen = geometry.intersection(shapely.box(*bbox))
    if seen.is_empty or seen.area == 0:
        return []
    first = seen.representative_point()
    west, south, east, north = seen.bounds
    grid = [
        shapely.Point(
            west + (east - west) * (i + 0.5) / REGION_TRIES,
            south + (north - south) * (j + 0.5) / REGION_TRIES,
        )
        for i in range(REGION_TRIES)
        for j in range(REGION_TRIES)
    ]
    inside = sorted((p for p in grid if seen.contains(p)), key=first.distance)
    return [(p.x, p.y) for p in (first, *inside)]


def taken_boxes(
    nodes: list[dict], bbox: tuple[float, float, float, float], width_px: int, height_px: int
) -> list[tuple[float, ...]]:
    """The pixel boxes the dots and their names already take."""
    boxes = [tuple(n["box"]) for n in nodes if n.get("label") and n.get("box")]
    for node in nodes:
        x, y = to_pixels(node["position"], bbox, width_px, height_px)
        r = node.get("radius", 6) + 2
        boxes.append((x - r, y - r, x + r, y + r))
    return boxes


def region_labels(
    regions,
    nodes: list[dict],
    bbox: tuple[float, float, float, float],
    size: int = LABEL_SIZE_PX,
    width_px: int = MAP_WIDTH_PX,
    height_px: int = MAP_HEIGHT_PX,
) -> list[dict]:
    """The names of the areas (a GeoDataFrame's name, geometry) the frame shows, each centred on
    a point inside its visible part, wholly inside the map and clear of the dots and their names.
    An area with no free room keeps its outline, unnamed."""
    placed = taken_boxes(nodes, bbox, width_px, height_px)
    right, bottom = to_pixels([bbox[2], bbox[1]], bbox, width_px, height_px)
    labels = []
    for name, geometry in zip(regions["name"], regions.geometry, strict=True):
        half_w, half_h = (len(name) * (size + 1) + 8) / 2, (size + 8) / 2
        for point in area_points(geometry, bbox):
            x, y = to_pixels(list(point), bbox, width_px, height_px)
            box = (x - half_w, y - half_h, x + half_w, y + half_h)
            if shift_inside(box, right, bottom) != (0.0, 0.0) or any(
                overlap(box, b) for b in placed
            ):
                continue
            placed.append(box)
            labels.append(
                {
                    "label": name,
                    "position": list(point),
                    "anchor": "middle",
                    "offset": [0.0, 0.0],
                    "box": [round(v, 1) for v in box],
                    "text_color": REGION_TEXT,
                }
            )
            break
    return labels
