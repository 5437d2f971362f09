"""Plotly figures for the pages: field colours everywhere, Chinese labels that are never cut off."""

from __future__ import annotations

import textwrap
from html import escape

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics.display import fold_parts, is_target, kind_mix
from metrics.quantity import format_number
from metrics.views import bar_labels
from metrics.vocab import FIELD_COLORS
from ui.labels import KIND_LABELS, LABELS

FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
LINK_PATTERN = "/"


def wrap_label(text: str, width: int = 12) -> str:
    """Break a long Chinese label into lines of `width` characters for an axis (no truncation)."""
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=True)) or text


def _layout(figure: go.Figure, height: int, projector: bool) -> go.Figure:
    size = 20 if projector else 15
    figure.update_layout(
        height=height,
        font={"family": FONT_FAMILY, "size": size, "color": "#101828"},
        margin={"l": 10, "r": 30, "t": 40, "b": 10},
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        legend={"orientation": "h", "y": 1.12, "x": 0},
        hoverlabel={"font": {"family": FONT_FAMILY, "size": size}},
        dragmode="select",
        clickmode="event+select",
    )
    figure.update_xaxes(gridcolor="#e4e7ec", automargin=True, tickfont={"color": "#101828"})
    figure.update_yaxes(gridcolor="#e4e7ec", automargin=True, tickfont={"color": "#101828"})
    figure.update_traces(cliponaxis=False, selector={"type": "bar"})
    return figure


def show(figure: go.Figure, key: str, selectable: bool = False):
    """Draw a chart with our own theme (not Streamlit's), no plotly logo; return its selection."""
    options = {"on_select": "rerun", "selection_mode": ("points", "box")} if selectable else {}
    return st.plotly_chart(
        figure, key=key, theme=None, config={"displaylogo": False, "locale": "zh-CN"}, **options
    )


def field_counts_chart(counts: pd.DataFrame, projector: bool = False) -> go.Figure:
    """Figures and links per field as grouped bars in the field colours (links hatched).

    Input columns: field, figures, links, color. customdata[0] of every bar is its field.
    """
    figure = go.Figure()
    for column, label, pattern in (
        ("figures", LABELS["series_figures"], ""),
        ("links", LABELS["series_links"], LINK_PATTERN),
    ):
        figure.add_bar(
            name=label,
            x=counts["field"],
            y=counts[column],
            text=counts[column],
            textposition="outside",
            marker={"color": counts["color"], "pattern": {"shape": pattern, "fgcolor": "#ffffff"}},
            customdata=counts[["field"]].to_numpy(),
            hovertemplate=f"%{{x}} · {label}：%{{y}}<extra></extra>",
        )
    figure.update_layout(barmode="group", yaxis_title=LABELS["count_axis"])
    figure.update_yaxes(rangemode="tozero")
    return _layout(figure, 380, projector)


def place_counts_chart(counts: pd.DataFrame, projector: bool = False) -> go.Figure:
    """Figures and links per Inner Mongolia city as horizontal bars; customdata[0] is the place."""
    ordered = counts.iloc[::-1]
    figure = go.Figure()
    for column, label, color in (
        ("figures", LABELS["series_figures"], "#0B5CAD"),
        ("links", LABELS["series_links"], "#7FA7D3"),
    ):
        figure.add_bar(
            name=label,
            y=ordered["place"],
            x=ordered[column],
            orientation="h",
            text=ordered[column],
            textposition="outside",
            marker={"color": color},
            customdata=ordered[["place"]].to_numpy(),
            hovertemplate=f"%{{y}} · {label}：%{{x}}<extra></extra>",
        )
    figure.update_layout(barmode="group", xaxis_title=LABELS["count_axis"])
    return _layout(figure, max(260, 60 * len(counts) + 80), projector)


def kind_chart(counts: pd.DataFrame, projector: bool = False) -> go.Figure:
    """Achievement and target figures per field (成果 solid, 目标 hatched) in field colours."""
    figure = go.Figure()
    for kind, pattern in (("achievement", ""), ("target", LINK_PATTERN)):
        rows = counts[counts["kind"] == kind]
        figure.add_bar(
            name=KIND_LABELS[kind],
            x=rows["field"],
            y=rows["count"],
            text=rows["count"],
            textposition="outside",
            marker={
                "color": rows["field"].map(FIELD_COLORS),
                "pattern": {"shape": pattern, "fgcolor": "#ffffff"},
            },
            customdata=rows[["field"]].to_numpy(),
            hovertemplate=f"%{{x}} · {KIND_LABELS[kind]}：%{{y}} 个数字<extra></extra>",
        )
    figure.update_layout(barmode="group", yaxis_title=LABELS["count_axis"])
    return _layout(figure, 340, projector)


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
        + f"<br>“{'<br>'.join(textwrap.wrap(escape(r.quote), 24))}”<br>《{escape(r.source_title)}》"
        for r in ordered.itertuples(index=False)
    ]
    figure = go.Figure(
        go.Bar(
            y=[wrap_label(label, 14) for label in bar_labels(ordered)],
            x=ordered["value"],
            orientation="h",
            text=ordered["bar_text"],
            textposition="outside",
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
        title={"text": f"单位：{unit}", "x": 0, "font": {"size": 16}},
        xaxis={
            "range": [0, float(ordered["value"].max()) * 1.35],
            "showticklabels": bool(scale_word),
        },
        showlegend=False,
    )
    if scale_word:  # axis ticks in 万/亿 rather than 1e+09
        ticks = _nice_ticks(float(ordered["value"].max()))
        figure.update_xaxes(tickvals=ticks, ticktext=["".join(format_number(t)) for t in ticks])
    else:
        figure.update_xaxes(showticklabels=False)
    return _layout(figure, max(220, 70 * len(table) + 90), projector)


def _nice_ticks(maximum: float, count: int = 4) -> list[float]:
    """About `count` round tick values from 0 to `maximum`."""
    step = maximum / count
    magnitude = 10 ** (len(str(int(step))) - 1)
    step = max(magnitude, round(step / magnitude) * magnitude)
    return [step * i for i in range(int(maximum // step) + 2)]


def partner_chart(counts: pd.DataFrame, projector: bool = False) -> go.Figure:
    """Links per partner as horizontal bars. Input columns: partner, links, color."""
    ordered = counts.iloc[::-1]
    figure = go.Figure(
        go.Bar(
            y=[wrap_label(p, 12) for p in ordered["partner"]],
            x=ordered["links"],
            orientation="h",
            text=ordered["links"],
            textposition="outside",
            marker={"color": ordered["color"]},
            customdata=ordered[["partner"]].to_numpy(),
            hovertemplate="%{y}：%{x} 条合作关系<extra></extra>",
        )
    )
    figure.update_layout(showlegend=False, xaxis_title=LABELS["count_axis"])
    return _layout(figure, max(220, 44 * len(counts) + 90), projector)
