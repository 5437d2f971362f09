"""Plotly figures for the pages: field colours everywhere, Chinese labels that are never cut off."""

from __future__ import annotations

import textwrap
from html import escape

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.elements.plotly_chart import PlotlyState

from metrics.charts import bar_labels
from metrics.display import fold_parts, is_target, kind_mix
from metrics.linebreak import wrap_text
from metrics.quantity import format_number
from metrics.vocab import FIELD_COLORS
from ui.labels import LABELS
from ui.labels.pages import MODEBAR_ZH

FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
LINK_PATTERN = "/"
PATTERN_TEXT = "#101828"  # labels of hatched bars: dark, never white on stripes


def wrap_label(text: str, width: int = 12) -> str:
    """Break a long Chinese label into lines of at most `width` characters for an axis (no
    truncation), between words where it can (metrics.linebreak: …中心的<br>企业, not …的企<br>业)."""
    return "<br>".join(wrap_text(text, width)) or text


def text_width_px(text: str, size: float) -> int:
    """About how wide a label is drawn: full-width (CJK) characters a font size, others 0.62."""
    return round(sum(size if ord(c) > 0x2E80 else size * 0.62 for c in text))


# The legend in the top margin, left, never over the bars (a one-bar chart's plot is ~100 px high:
# a legend placed at y=1.12 of the plot covered its top edge).
TOP_LEGEND = {
    "orientation": "h",
    "xref": "container",
    "x": 0,
    "xanchor": "left",
    "yref": "container",
    "y": 1,
    "yanchor": "top",
}


def top_margin(projector: bool) -> int:
    """Pixels above the plot: room for TOP_LEGEND (and the mode bar)."""
    return 56 if projector else 44


def layout_dict(height: int, projector: bool) -> dict:
    """The layout every chart shares (our font, white background, axes that make room for their
    labels), as a plain dict: cheaper than plotly's update_* calls (~25 ms a figure)."""
    size = 20 if projector else 15
    axis = {"gridcolor": "#e4e7ec", "automargin": True, "tickfont": {"color": "#101828"}}
    return {
        "height": height,
        "font": {"family": FONT_FAMILY, "size": size, "color": "#101828"},
        "margin": {"l": 10, "r": 30, "t": top_margin(projector), "b": 10},
        "plot_bgcolor": "#ffffff",
        "paper_bgcolor": "#ffffff",
        "legend": TOP_LEGEND,
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": size}},
        # No dragmode here: an explicit "select" stops a click from selecting a bar (Streamlit
        # 1.67 sets clickmode "event" in box mode); box and lasso are in the mode bar (SELECT_CONFIG).
        "clickmode": "event+select",
        "xaxis": dict(axis),
        "yaxis": dict(axis),
    }


def merged(base: dict, extra: dict) -> dict:
    """`base` with `extra` written over it, nested dicts merged key by key (a new dict)."""
    result = dict(base)
    for key, value in extra.items():
        both = isinstance(value, dict) and isinstance(result.get(key), dict)
        result[key] = merged(result[key], value) if both else value
    return result


def _layout(figure: go.Figure, height: int, projector: bool) -> go.Figure:
    figure.update_layout(layout_dict(height, projector))
    figure.update_traces(cliponaxis=False, selector={"type": "bar"})
    return figure


# No mode bar on a chart that selects nothing: plotly.js ships no zh-CN locale offline.
CHART_CONFIG = {"displaylogo": False, "displayModeBar": False, "locale": "zh-CN"}
# A chart that selects has a small mode bar of our own, in Chinese (plotly's `locales` config):
# a click selects a bar, 框选/套索 then a drag selects several (Streamlit turns click-selection off
# while a box or lasso drag mode is on, so both cannot be the drag default), 缩放 and 还原.
# An explicit button list also leaves out Streamlit's own (English) full-screen button.
SELECT_CONFIG = {
    **CHART_CONFIG,
    "displayModeBar": True,
    "locales": {"zh-CN": {"dictionary": MODEBAR_ZH}},
    "modeBarButtons": [["select2d", "lasso2d", "zoom2d", "resetScale2d"]],
}


def show(
    figure: go.Figure, key: str, selectable: bool = False, on_pick=None
) -> DeltaGenerator | PlotlyState:
    """Draw a chart with our own theme (not Streamlit's); return its selection.

    A selectable chart (or one with `on_pick`, a callback that makes clicked or boxed bars act at
    once, e.g. become a filter) selects by click, box and lasso, with a Chinese mode bar."""
    if not (selectable or on_pick):
        return st.plotly_chart(figure, key=key, theme=None, config=CHART_CONFIG)
    return st.plotly_chart(
        figure,
        key=key,
        theme=None,
        config=SELECT_CONFIG,
        on_select=on_pick or "rerun",
        selection_mode=("points", "box", "lasso"),
    )


SMALL_COUNT = 8  # up to this many relations, a tick per relation


def relation_bars(
    table: pd.DataFrame, label: str, projector: bool = False, hover: str = "relation_hover"
) -> go.Figure:
    """Distinct relations per row (a field or a partner) as horizontal bars, 已实现 solid and
    计划 hatched, stacked; names stay horizontal. Input columns: `label`, achieved, planned,
    color, key (customdata[0]: what a click selects).

    Built as one dict without plotly's per-property validation (1 ms, not 30 ms);
    tests/ui/test_charts.py checks that the validated figure is the same."""
    ordered = table.iloc[::-1]
    names = [wrap_label(str(v), 12) for v in ordered[label]]
    colors = ordered["color"].to_numpy()
    keys = ordered[["key"]].to_numpy()
    traces = []
    for status, pattern in (("achieved", ""), ("planned", LINK_PATTERN)):
        name = LABELS[f"relation_{status}"]
        values = ordered[status].to_numpy()
        trace = {
            "type": "bar",
            "name": name,
            "y": names,
            "x": values,
            "orientation": "h",
            "text": [str(v) if v else "" for v in values],
            # Hatched bars (计划, the top of the stack) carry their number outside, in dark text:
            # white text on stripes cannot be read.
            "textposition": "outside" if pattern else "inside",
            "insidetextanchor": "middle",
            "marker": {
                "color": colors,
                "pattern": {"shape": pattern, "fgcolor": "#ffffff", "solidity": 0.35},
                "line": {"color": colors, "width": 1.5},
            },
            "customdata": keys,
            "hovertemplate": LABELS[hover].replace("{status}", name),
            "cliponaxis": False,
        }
        if pattern:
            trace["textfont"] = {"color": PATTERN_TEXT}
        traces.append(trace)
    total = float((ordered["achieved"] + ordered["planned"]).max() or 1)
    layout = merged(
        layout_dict(max(200, 40 * len(table) + 110), projector),
        {
            "barmode": "stack",
            # Counts of relations: whole numbers on the axis (plotly picks 0.5 steps up to ~4).
            "xaxis": {
                "title": {"text": LABELS["relation_axis"]},
                "range": [0, total * 1.12],
                **({"dtick": 1} if total <= SMALL_COUNT else {"tickformat": "d"}),
            },
            "legend": {"traceorder": "normal"},
        },
    )
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


def _wrapped(text: str, width: int = 24) -> str:
    """Hover text broken into lines of `width` characters (escaped line by line, so no entity is
    split), so a long quote or source title stays inside the chart instead of running off it."""
    return "<br>".join(escape(line) for line in textwrap.wrap(text, width)) or escape(text)


def indicator_chart(table: pd.DataFrame, unit: str, projector: bool = False) -> go.Figure:
    """One unit's figures as horizontal bars labelled as the source wrote them (250余人次,
    50亿元以上（目标）), a part as '其中 4家' on its whole, targets hatched.

    Input columns: figure_id, indicator, value, display, field, quote, source_title, place
    (kind, part_of optional). The hover shows the verbatim quote and its source; customdata[0]
    is the figure_id.
    """
    ordered = fold_parts(table).iloc[::-1]
    kinds = ordered["kind"] if "kind" in ordered else pd.Series("", index=ordered.index)
    scale_word = format_number(float(ordered["value"].max()))[1]
    hover = [
        f"<b>{escape(r.indicator)}</b>：{escape(r.bar_text)}<br>{escape(r.place)}"
        + (f"<br>{escape(r.parts_detail)}" if r.parts_detail else "")
        + f"<br>“{_wrapped(r.quote)}”<br>《{_wrapped(r.source_title)}》"
        for r in ordered.itertuples(index=False)
    ]
    figure = go.Figure(
        go.Bar(
            y=[wrap_label(label, 14) for label in bar_labels(ordered)],
            x=ordered["value"],
            orientation="h",
            text=ordered["bar_text"],
            textposition="outside",
            textfont={"color": PATTERN_TEXT},
            cliponaxis=False,
            marker={
                "color": ordered["field"].map(FIELD_COLORS),
                "pattern": {
                    "shape": [LINK_PATTERN if is_target(k) else "" for k in kinds],
                    "fgcolor": "#ffffff",
                },
            },
            customdata=ordered[["figure_id"]].to_numpy(),
            hovertext=hover,
            hoverinfo="text",
        )
    )
    mix = kind_mix(kinds) if len(kinds) else ""
    unit = unit + LABELS.get(f"chart_kind_{mix}", "")
    figure.update_layout(
        title={"text": LABELS["chart_unit"].format(unit=unit), "x": 0, "font": {"size": 16}},
        xaxis={
            "range": [0, float(ordered["value"].max()) * 1.02],
            "showticklabels": bool(scale_word),
        },
        showlegend=False,
    )
    if scale_word:  # axis ticks in 万/亿 rather than 1e+09
        ticks = _nice_ticks(float(ordered["value"].max()))
        figure.update_xaxes(tickvals=ticks, ticktext=["".join(format_number(t)) for t in ticks])
    else:
        figure.update_xaxes(showticklabels=False)
    figure = _layout(figure, max(220, 70 * len(table) + 90), projector)
    # The labels sit right of their bars (cliponaxis off): a right margin as wide as the longest
    # label keeps it whole at any width, a phone's 390 px included.
    longest = max(text_width_px(str(t), figure.layout.font.size) for t in ordered["bar_text"])
    return figure.update_layout(margin={"r": longest + 12})


def _nice_ticks(maximum: float, count: int = 4) -> list[float]:
    """About `count` round tick values from 0 to `maximum`."""
    step = maximum / count
    magnitude = 10 ** (len(str(int(step))) - 1)
    step = max(magnitude, round(step / magnitude) * magnitude)
    return [step * i for i in range(int(maximum // step) + 2)]
