"""Bar labels on hatched bars stay readable; headline amounts never break inside."""

from __future__ import annotations

import pandas as pd

from ui import charts
from ui.headline import BOARD_CSS, tiles_html
from ui.slides import SLIDE_CSS, kpis_html


def _hatched_traces(figure):
    for trace in figure.data:
        shape = trace.marker.pattern.shape
        shapes = shape if isinstance(shape, tuple | list) else [shape]
        if any(shapes):
            yield trace


def _readable(trace) -> bool:
    """Text outside the bar, or an explicit dark colour (never plotly's white inside text)."""
    if trace.textposition == "outside":
        return trace.textfont.color is None or trace.textfont.color.lower() != "#ffffff"
    color = trace.insidetextfont.color or trace.textfont.color
    return bool(color) and color.lower() not in ("#ffffff", "white")


def test_planned_relation_bars_label_outside_in_dark_text():
    table = pd.DataFrame(
        {
            "field": ["医疗", "教育"],
            "achieved": [3, 1],
            "planned": [5, 2],
            "color": ["#c0392b", "#2e86de"],
            "key": ["医疗", "教育"],
        }
    )
    hatched = list(_hatched_traces(charts.relation_bars(table, "field")))
    assert hatched, "the 计划 trace is hatched"
    assert all(_readable(t) for t in hatched)


def test_target_indicator_bars_label_readable():
    table = pd.DataFrame(
        {
            "figure_id": ["a", "b"],
            "indicator": ["投资", "投资目标"],
            "value": [10.0, 50.0],
            "display": ["10亿元", "50亿元以上"],
            "field": ["产业", "产业"],
            "quote": ["q", "q"],
            "source_title": ["s", "s"],
            "place": ["鄂尔多斯", "鄂尔多斯"],
            "kind": ["achievement", "target"],
        }
    )
    hatched = list(_hatched_traces(charts.indicator_chart(table, "亿元")))
    assert hatched and all(_readable(t) for t in hatched)


def test_tile_amount_never_wraps_and_shrinks_to_fit():
    tiles = pd.DataFrame(
        {
            "figure_id": ["f1"],
            "label": ["增长20%以上"],
            "indicator": ["合作项目"],
            "place": ["鄂尔多斯"],
            "field": ["产业"],
            "color": ["#123456"],
            "quote": ["增长20%以上"],
        }
    )
    html = tiles_html(tiles, target=True)
    value_rule = BOARD_CSS.split(".tile-value {", 1)[1].split("}", 1)[0]
    assert "white-space:nowrap" in value_rule.replace(" ", "")
    assert "overflow-wrap:anywhere" not in value_rule
    assert "cqi" in value_rule, "font shrinks with the tile width"
    assert "增长20%以上" in html and "--w:" in html


def test_slide_kpi_amount_never_wraps():
    rows = pd.DataFrame(
        {
            "display": ["50亿元以上"],
            "kind": ["target"],
            "indicator": ["投资"],
            "place": ["鄂尔多斯"],
            "field": ["产业"],
        }
    )
    html = kpis_html(rows)
    assert '<span class="n">50亿元以上</span>' in html
    assert ".slide-kpi .n {white-space: nowrap;}" in SLIDE_CSS
