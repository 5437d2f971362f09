"""Place dots and their labels: one dot per drawn position, few labels, none overlapping or cut."""

from __future__ import annotations

import math

import pandas as pd

from geo.arcs import MAP_HEIGHT_PX, MAP_WIDTH_PX

LABEL_SIZE_PX = 15
MAX_LABELS = 12  # more names than this on one map is a list, not a map
EDGE_SHARE = 0.18  # a label this close to the left/right edge is anchored inwards
SIDE_COLORS = {"beijing": [178, 34, 34], "inner_mongolia": [11, 92, 173]}
OTHER_COLOR = [90, 90, 90]


def node_records(pairs: pd.DataFrame, places: pd.DataFrame) -> list[dict]:
    """One dot per drawn position, labelled with its main place (districts before institutions).

    Institutions without their own coordinates sit on their district's point: they share the dot
    and are listed in its tooltip. An off-frame partner drawn at the edge is marked with →.
    Tooltip text is plain (tip_title, tip_body with line breaks): the front end escapes it.
    """
    side = dict(zip(places["name"], places["side"], strict=True))
    kind = dict(zip(places["name"], places["kind"], strict=True))
    spots: dict[tuple[float, float], dict] = {}
    for row in pairs.itertuples(index=False):
        for name, x, y in (
            (row.from_name, row.from_x, row.from_y),
            (row.to_name, row.to_x, row.to_y),
        ):
            spot = spots.setdefault(
                (round(x, 4), round(y, 4)), {"position": [x, y], "names": {}, "off": set()}
            )
            spot["names"][name] = spot["names"].get(name, 0) + row.count
            if name == row.off_frame:
                spot["off"].add(name)
    nodes = []
    for spot in spots.values():
        names = sorted(
            spot["names"], key=lambda n: (kind.get(n) == "institution", -spot["names"][n])
        )
        label = names[0] + (" →" if spot["off"] else "")
        links = sum(spot["names"].values())
        nodes.append(
            {
                "name": names[0],
                "names": "、".join(names),
                "label": label,
                "position": spot["position"],
                "links": links,
                "color": [*SIDE_COLORS.get(side.get(names[0], ""), OTHER_COLOR), 230],
                "radius": 5 + 2 * math.sqrt(links),
                "tip_title": label if len(names) == 1 else f"{names[0]} 等 {len(names)} 处",
                "tip_body": "\n".join(f"{n}：{spot['names'][n]} 条" for n in names[:12])
                + (f"\n…… 另有 {len(names) - 12} 处" if len(names) > 12 else ""),
            }
        )
    return nodes


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


def declutter_labels(
    nodes: list[dict],
    bbox: tuple[float, float, float, float],
    size: int = LABEL_SIZE_PX,
    width_px: int = MAP_WIDTH_PX,
    height_px: int = MAP_HEIGHT_PX,
) -> list[dict]:
    """Label the most linked places first, at most MAX_LABELS, never overlapping one another.

    A label near the left or right edge grows inwards (text_anchor start/end) so it is never cut.
    Places left unlabelled keep their dot and tooltip: nothing is hidden, only unnamed.
    """
    placed: list[tuple[float, float, float, float]] = []
    right = to_pixels([bbox[2], bbox[1]], bbox, width_px, height_px)[0]  # the frame's width
    for node in sorted(nodes, key=lambda n: -n["links"]):
        x, y = to_pixels(node["position"], bbox, width_px, height_px)
        anchor = (
            "start"
            if x < right * EDGE_SHARE
            else "end"
            if x > right * (1 - EDGE_SHARE)
            else "middle"
        )
        radius = node.get("radius", 6)
        below = y < size + radius + 14  # too close to the top edge: the label goes under the dot
        node["anchor"] = anchor
        node["offset"] = [0, radius + size / 2 + 2] if below else [0, -(radius + size / 2 + 2)]
        box = label_box(x, y, node["label"], anchor, size, below, radius)
        overlaps = any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed
        )
        if overlaps or len(placed) >= MAX_LABELS:
            node["label"] = ""
        else:
            placed.append(box)
    return nodes
