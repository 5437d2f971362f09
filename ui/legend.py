"""The map's legend and what a click on the map selects."""

from __future__ import annotations

from html import escape

import pandas as pd

from geo.deck import ALPHA, LAYER_ARCS, LAYER_NODES, LAYER_REGIONS, SEQUENTIAL
from metrics.vocab import FIELD_COLORS, field_order
from ui.labels import LABELS, STATUS_LABELS


def map_legend_html(pairs: pd.DataFrame, choropleth: bool = False) -> str:
    """Field colours present on the map, achieved vs planned, direction, dots, choropleth scale."""
    fields = sorted(set(pairs["field"]), key=field_order) if not pairs.empty else []
    swatches = "".join(
        f'<div><span style="display:inline-block;width:28px;height:6px;background:{FIELD_COLORS[f]};'
        f'vertical-align:middle;margin-right:8px;border-radius:3px"></span>{escape(f)}</div>'
        for f in fields
    )
    achieved, planned = ALPHA["achieved"] / 255, ALPHA["planned"] / 255
    return (
        '<div style="font-size:15px;line-height:1.8;color:#101828;border:1px solid #d0d5dd;'
        'border-radius:8px;padding:10px 14px;background:#fff">'
        f"<b>{LABELS['map_legend']}</b>{swatches}"
        f'<div style="margin-top:6px"><span style="display:inline-block;width:28px;height:6px;'
        f'background:rgba(16,24,40,{achieved});vertical-align:middle;margin-right:8px"></span>'
        f"{STATUS_LABELS['achieved']}{LABELS['legend_achieved']}</div>"
        f'<div><span style="display:inline-block;width:28px;height:4px;'
        f'background:rgba(16,24,40,{planned});vertical-align:middle;margin-right:8px"></span>'
        f"{STATUS_LABELS['planned']}{LABELS['legend_planned']}</div>"
        f"<div>{LABELS['map_direction']}</div>"
        f"<div>{LABELS['map_width']}</div>"
        f'<div><span style="color:#b22222">●</span> {LABELS["legend_beijing"]}　'
        f'<span style="color:#0b5cad">●</span> {LABELS["legend_local"]}　'
        f'<span style="color:#5a5a5a">●</span> {LABELS["legend_other"]}</div>'
        + (choropleth_legend_html() if choropleth else "")
        + "</div>"
    )


def choropleth_legend_html() -> str:
    """The banner colour scale: number of plan tasks that name the banner."""
    steps = "".join(
        f'<span style="display:inline-block;width:24px;height:14px;background:rgb{tuple(c)}"></span>'
        for c in SEQUENTIAL
    )
    few, many = LABELS["legend_few"], LABELS["legend_many"]
    return f'<div style="margin-top:6px">{LABELS["map_choropleth"]}<br>{few} {steps} {many}</div>'


def selection(event: object, links: pd.DataFrame) -> tuple[list[str], str]:
    """The link ids a map click selects (an arc, a place or a banner) and a label for it."""
    selected = getattr(event, "selection", None) or {}
    objects = selected.get("objects", {}) if isinstance(selected, dict) else {}
    for layer, found in objects.items():
        if not found:
            continue
        chosen = found[0]
        if layer == LAYER_ARCS:
            return chosen["link_ids"].split("、"), f"{chosen['from_name']} — {chosen['to_name']}"
        if layer in (LAYER_NODES,) or layer.startswith(LAYER_REGIONS):
            props = chosen.get("properties", chosen)
            names = set(str(props.get("names", props.get("name", ""))).split("、"))
            touching = links[links["from_name"].isin(names) | links["to_name"].isin(names)]
            return list(touching["link_id"]), "、".join(sorted(names))
    return [], ""
