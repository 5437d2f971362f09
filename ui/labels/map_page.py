"""合作地图's own strings (issue 16, H16d): what a click on the map picks, and its URL notice."""

LABELS: dict[str, str] = {
    # ?pick= names what was clicked: a line (两端地点，用“—”连接) or a place or banner.
    "map_pick": "地图选中项",
    # A picked place or line: its places, then relations per status and field (geo.selection).
    "map_pick_summary": "{title}：{relations}",
    "map_pick_none": "{title}：本图当前没有合作关系",
}
