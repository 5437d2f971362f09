"""Native, editable PPTX bar charts whose every point carries the web's label as a custom data label
(250余人次, 50亿元以上（目标）), while the point's value stays the number so the chart can be edited."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from PIL import ImageColor
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_TICK_LABEL_POSITION,
    XL_TICK_MARK,
)
from pptx.enum.dml import MSO_PATTERN
from pptx.util import Pt

from metrics.charts import bar_labels
from metrics.display import TARGET, kind_label
from metrics.quantity import SCALES, format_number

if TYPE_CHECKING:
    from pptx.chart.chart import Chart
    from pptx.slide import Slide

EAST_ASIAN_FONT = "Microsoft YaHei"
MUTED = RGBColor(0x47, 0x54, 0x67)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
LABEL_SIZE = 14
HEADROOM = 1.6  # value axis maximum over the longest bar: room for the label outside its end


def series_of(chart: pd.DataFrame) -> list[tuple[str, list[bool]]]:
    """(name, points held) per kind present: 成果 solid, 目标 hatched; one kind gives one series."""
    kinds = chart["kind"] if "kind" in chart else pd.Series("", index=chart.index)
    is_target = (kinds == TARGET).tolist()
    if all(is_target):
        return [(kind_label(TARGET), is_target)]
    if not any(is_target):
        return [("", [True] * len(chart))]
    return [
        (kind_label("achievement"), [not t for t in is_target]),
        (kind_label(TARGET), is_target),
    ]


def add_bar_chart(
    slide: Slide, chart: pd.DataFrame, unit: str, title: str, box: tuple, color: str
) -> Chart:
    """Add a horizontal bar chart of `chart` in `box` (left, top, width, height); return it."""
    # `chart` columns: indicator, place, value, bar_text, kind.
    values = chart["value"].astype(float)
    scale_word = format_number(float(values.max()))[1]
    divisor = SCALES.get(scale_word, 1)
    data = CategoryChartData(number_format="0.##")
    data.categories = bar_labels(chart)
    series = series_of(chart)
    for name, holds in series:
        data.add_series(
            name or f"{scale_word}{unit}",
            [v / divisor if held else None for v, held in zip(values, holds, strict=True)],
        )
    graphic = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *box, data)
    result = graphic.chart
    result.has_title = True
    result.chart_title.text_frame.text = title.replace(f"单位：{unit}", f"单位：{scale_word}{unit}")
    _font(result.chart_title.text_frame.paragraphs[0].runs[0], LABEL_SIZE, MUTED)
    result.has_legend = len(series) > 1
    if result.has_legend:
        result.legend.position = XL_LEGEND_POSITION.BOTTOM
        result.legend.include_in_layout = False
        result.legend.font.size = Pt(LABEL_SIZE)
    plot = result.plots[0]
    plot.gap_width, plot.overlap = 60, 100
    for (name, holds), drawn in zip(series, plot.series, strict=True):
        _fill(drawn, color, hatched=name == kind_label(TARGET))
        for index, held in enumerate(holds):
            if held:
                _point_label(drawn.points[index], chart["bar_text"].iloc[index])
    result.category_axis.tick_labels.font.size = Pt(LABEL_SIZE)
    result.category_axis.reverse_order = True
    result.value_axis.has_major_gridlines = False
    result.value_axis.maximum_scale = float(values.max() / divisor) * HEADROOM
    result.value_axis.minimum_scale = 0
    # every bar carries its own label: value ticks would only repeat them, without qualifiers
    result.value_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
    result.value_axis.major_tick_mark = XL_TICK_MARK.NONE
    result.font.name = EAST_ASIAN_FONT
    return result


def rgb(color: str) -> RGBColor:
    """A '#rrggbb' colour as python-pptx's RGBColor (parsed by Pillow's ImageColor)."""
    return RGBColor(*ImageColor.getrgb(color)[:3])


def _fill(series, color: str, hatched: bool) -> None:
    rgb_color = rgb(color)
    fill = series.format.fill
    if hatched:
        fill.patterned()
        fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
        fill.fore_color.rgb, fill.back_color.rgb = rgb_color, WHITE
        series.format.line.color.rgb = rgb_color
    else:
        fill.solid()
        fill.fore_color.rgb = rgb_color


def _point_label(point, text: str) -> None:
    """A custom data label: the web label as rich text (c:dLbl/c:tx/c:rich), outside the bar."""
    label = point.data_label
    frame = label.text_frame
    frame.text = text
    frame.word_wrap = False
    _font(frame.paragraphs[0].runs[0], LABEL_SIZE)
    label.position = XL_LABEL_POSITION.OUTSIDE_END


def _font(run, size: int, color: RGBColor | None = None) -> None:
    run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = color
