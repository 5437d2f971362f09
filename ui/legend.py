"""The map's legend and what a click on the map picks (kept in the session and in ?pick=)."""

from __future__ import annotations

from html import escape

import pandas as pd
import streamlit as st

from geo.deck import ALPHA, LAYER_ARCS, LAYER_NODES, LAYER_REGIONS, SEQUENTIAL
from geo.selection import PAIR_SEPARATOR
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


STATE_PICK = "map_pick"  # (the map chart's key, its last click, what is picked)
KEY_PICK = "pick"  # URL parameter: ?pick=北京市—乌海市 (a line) or ?pick=乌海市 (a place, a banner)


def clicked(event: object) -> str:
    """What the map's selection holds, in the form ?pick= carries ('' for nothing)."""
    selected = getattr(event, "selection", None) or {}
    objects = selected.get("objects", {}) if isinstance(selected, dict) else {}
    for layer, found in objects.items():
        if not found:
            continue
        chosen = found[0]
        if layer == LAYER_ARCS:
            return f"{chosen['from_name']}{PAIR_SEPARATOR}{chosen['to_name']}"
        if layer == LAYER_NODES or layer.startswith(LAYER_REGIONS):
            return str(chosen.get("properties", chosen).get("name", ""))
    return ""


def current_pick(event: object, chart_key: str) -> tuple[str, bool]:
    """What is picked on the map, and whether it came from the URL: a new (or cleared) click
    wins; otherwise what this chart had picked stays; a session's first run takes ?pick=
    (a shared link or a reload). Another view or scope (another chart) starts with nothing."""
    click = clicked(event)
    held = st.session_state.get(STATE_PICK)
    from_url = held is None
    chart, seen, token = held or (chart_key, "", st.query_params.get(KEY_PICK, ""))
    if chart != chart_key:
        seen, token = "", ""
    if click != seen:
        token, from_url = click, False
    st.session_state[STATE_PICK] = (chart_key, click, token)
    return token, from_url


def keep_pick(chart_key: str, token: str) -> None:
    """Hold `token` as the map's pick (or nothing) and mirror it to ?pick=."""
    chart, seen, _ = st.session_state.get(STATE_PICK, (chart_key, "", ""))
    st.session_state[STATE_PICK] = (chart, seen, token)
    if token:
        if st.query_params.get(KEY_PICK) != token:
            st.query_params[KEY_PICK] = token
    elif KEY_PICK in st.query_params:
        del st.query_params[KEY_PICK]
