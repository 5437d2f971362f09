"""The briefing deck for a filtered view: editable PPTX, native charts, sources in every note."""

from __future__ import annotations

import io

import geopandas as gpd
import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from briefing.charts import add_bar_chart, rgb
from briefing.map_image import LABEL_FONT_PX, PHONE_LABEL_FONT_PX, PICTURE_PX, render_map_png
from briefing.slides import (  # noqa: F401  (the deck's public names, used by pages and tests)
    CHART_BARS,
    LIST_ROWS,
    NOTED_ROWS,
    TEXT,
    SlidePlan,
    describe_scope,
    link_counts,
    plan_slides,
)
from geo.arcs import MAP_VIEWS, frame_pairs, link_pairs
from geo.deck import declutter_labels, node_records
from metrics.citation import sources_as_of, titles_line
from metrics.colors import text_shade
from metrics.display import is_target, kind_label, marked_label
from metrics.filters import Filters, filter_links
from metrics.linebreak import wrap_text
from metrics.load import Dataset
from metrics.vocab import FIELD_COLORS

# Explicit fonts: 微软雅黑 for Chinese (PowerPoint and WPS on Windows), Arial for Latin; a
# machine without them substitutes its own CJK font (LibreOffice picks Noto Sans CJK).
EAST_ASIAN_FONT, LATIN_FONT = "Microsoft YaHei", "Arial"
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 16:9, 13.333 × 7.5 in
INK, MUTED = RGBColor(0x10, 0x18, 0x28), RGBColor(0x47, 0x54, 0x67)
FOOTER_SOURCES = 3  # titles named in a slide's footer; the notes and 来源 slide list them all


# The page's phone picture: twice a phone's 356×440 CSS pixels, portrait, its names as large on
# the phone as the laptop picture's are on a laptop (the 16:10 picture shrank them to ~6 px).
PHONE_PICTURE_PX = (712, 880)


def map_picture(
    data: Dataset,
    links: pd.DataFrame,
    boundaries: dict[str, gpd.GeoDataFrame],
    size: tuple[int, int] = PICTURE_PX,
) -> bytes:
    """The 京蒙 link map of `links` as a PNG of `size` pixels, its names placed for that size."""
    view = MAP_VIEWS["jingmeng"]
    pairs = frame_pairs(link_pairs(links, data.places, data.sources), view.frame)
    nodes = node_records(pairs, data.places)
    if size == PICTURE_PX:  # the names the 京蒙 map shows; other sizes: the picture's own choice
        nodes = declutter_labels(nodes, view.frame)
    frames = [boundaries[name] for name in view.boundary_sets if name in boundaries]
    label_px = LABEL_FONT_PX if size == PICTURE_PX else PHONE_LABEL_FONT_PX
    return render_map_png(frames, pairs, nodes, view.frame, size, label_px)


def phone_map_png(
    data: Dataset, filters: Filters, boundaries: dict[str, gpd.GeoDataFrame]
) -> bytes:
    """The map slide's picture for a phone: the same links as map_slide, PHONE_PICTURE_PX."""
    links = filter_links(data.links, filters, data.places)
    return map_picture(data, links, boundaries, PHONE_PICTURE_PX)


def map_slide(
    data: Dataset, links: pd.DataFrame, boundaries: dict[str, gpd.GeoDataFrame]
) -> SlidePlan:
    """The link map as a picture drawn offline (every line of `links`; its subtitle counts the
    京蒙 ones and says what the others are)."""
    from briefing.captions import map_subtitle

    pairs = frame_pairs(link_pairs(links, data.places, data.sources), MAP_VIEWS["jingmeng"].frame)
    return SlidePlan(
        "map",
        TEXT["map"],
        map_subtitle(links, data.places),
        image=map_picture(data, links, boundaries),
        source_ids=list(dict.fromkeys(links["source_id"])),
        notes=[TEXT["map_note"].format(n=len(pairs))],
    )


def source_line(source_ids: list[str], sources: pd.DataFrame) -> str:
    """《甲》；《乙》；《丙》 等 12 份来源 — the first FOOTER_SOURCES titles, then a count."""
    return titles_line(source_ids, sources, FOOTER_SOURCES, TEXT["sources_more"])


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


def _text(slide: Slide, box: tuple, lines, size, bold=False, color=INK) -> Shape:
    """A text box at box = (left, top, width, height); `lines` one paragraph each: a string, a
    (text, size, bold, color) tuple, or a list of such tuples (runs of one paragraph)."""
    shape = slide.shapes.add_textbox(*box)
    frame = shape.text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines if isinstance(lines, list) else [lines]):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        for text, *style in (
            line if isinstance(line, list) else [line if isinstance(line, tuple) else (line,)]
        ):
            run = paragraph.add_run()
            run.text = text
            _set_font(run, *(style or [size, bold, color]))
    return shape


def _footer(slide, plan: SlidePlan, data: Dataset, number: int) -> None:
    named = source_line(plan.source_ids, data.sources)
    text = f"来源：{named or '—'} · 来源截至：{sources_as_of(data.sources)} · {number}"
    box = (Inches(0.5), HEIGHT - Inches(0.55), WIDTH - Inches(1), Inches(0.4))
    _text(slide, box, text, 11, color=MUTED)


def _title(slide, plan: SlidePlan) -> int:
    """The slide's title and its subtitle (broken between words); the subtitle's line count."""
    _text(slide, (Inches(0.5), Inches(0.3), WIDTH - Inches(1), Inches(0.8)), plan.title, 34, True)
    if not plan.subtitle:
        return 0
    box = (Inches(0.5), Inches(1.05), WIDTH - Inches(1), Inches(0.5))
    lines = wrapped(plan.subtitle.split("\n"), box[2], 16)
    _text(slide, box, lines, 16, color=MUTED)
    return len(lines)


def _color(name: str) -> RGBColor:
    """A field's colour as the text of an amount (darkened to read on white, as on the tiles)."""
    return rgb(text_shade(FIELD_COLORS.get(name, "#101828")))


def _kpis(slide, plan: SlidePlan) -> None:
    """Results on the upper row, targets on the lower, each row headed by its kind; every card
    is one text box (value, then kind · indicator, then place · field)."""
    mixed = plan.rows["kind"].map(is_target).nunique() > 1
    for row, (target, cards) in enumerate(plan.rows.groupby(plan.rows["kind"].map(is_target))):
        top = Inches(1.85 + row * 2.55) if mixed else Inches(2.0)
        if mixed:
            head = kind_label("target" if target else "achievement")
            _text(slide, (Inches(0.5), top, Inches(2), Inches(0.4)), head, 16, True, MUTED)
        for column, card in enumerate(cards.itertuples(index=False)):
            box = (Inches(0.5 + column * 3.1), top + Inches(0.4), Inches(2.95), Inches(2.0))
            value = [(card.display, 30, True, _color(card.field))]
            if is_target(card.kind):  # the mark sits on the number itself: 50亿元以上（目标）
                value = [(card.display, 26, True, _color(card.field))]
                value.append((marked_label("", card.kind), 14, True, MUTED))
            lines = [
                value,
                *((piece, 14, False, INK) for piece in wrapped([card.indicator], box[2], 14)),
                (f"{card.place} · {card.field}", 12, False, MUTED),
            ]
            _text(slide, box, lines, 14)


def _lists(slide, plan: SlidePlan, subtitle_lines: int) -> None:
    has_chart = not plan.chart.empty
    if has_chart:
        box = (Inches(0.5), Inches(1.7), Inches(7.2), Inches(5.1))
        add_bar_chart(
            slide, plan.chart, plan.chart_unit, plan.chart_title, box,
            FIELD_COLORS.get(plan.field, "#0B5CAD"),
        )  # fmt: skip
    left = Inches(8.0) if has_chart else Inches(0.5)
    top = Inches(1.9 if subtitle_lines < 2 else 2.3)
    size = 14 if has_chart else 18
    width = WIDTH - left - Inches(0.5)
    _text(slide, (left, top, width, Inches(4.6)), wrapped(plan.lines, width, size), size)


def wrapped(lines: list[str], width: Emu, size: int) -> list[str]:
    """`lines` pre-broken between words (metrics.linebreak) for a text box `width` wide at
    `size` pt: PowerPoint, WPS and LibreOffice break Chinese between any two characters
    (…创新中心的企 / 业). A continued line keeps its line's indent."""
    # the box's 0.1 in insets on each side, and half an em for fonts wider than the estimate
    em = (width / 914400 - 0.2) * 72 / size - 0.5
    out = []
    for line in lines:
        indent = line[: len(line) - len(line.lstrip("\u3000"))]
        first, *rest = wrap_text(line, em)
        out += [first, *(indent + more for more in rest)]
    return out


def draw_slide(presentation: Presentation, plan: SlidePlan, data: Dataset, number: int) -> None:
    """Add one slide for `plan` to the presentation, with its footer and notes."""
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])  # blank
    subtitle_lines = 0
    if plan.kind == "title":
        _text(
            slide,
            (Inches(0.8), Inches(2.3), WIDTH - Inches(1.6), Inches(1.2)),
            plan.title,
            48,
            True,
        )
        box = (Inches(0.8), Inches(3.7), WIDTH - Inches(1.6), Inches(1.4))
        _text(slide, box, wrapped(plan.subtitle.split("\n"), box[2], 22), 22, color=MUTED)
    else:
        subtitle_lines = _title(slide, plan)
    if plan.kind == "kpis":
        _kpis(slide, plan)
    elif plan.kind in ("field", "other", "plan"):
        _lists(slide, plan, subtitle_lines)
    elif plan.kind == "map":  # under a one- or two-line subtitle, above the footer
        top = 1.55 + 0.3 * (subtitle_lines - 1)
        picture = io.BytesIO(plan.image)
        slide.shapes.add_picture(picture, Inches(1.6), Inches(top), height=Inches(6.9 - top))
    elif plan.kind == "sources":
        box = (Inches(0.5), Inches(1.8), WIDTH - Inches(1), Inches(4.8))
        _text(slide, box, wrapped(source_rows(plan.rows), box[2], 20), 20)
    _footer(slide, plan, data, number)
    notes = [plan.title, plan.subtitle, *plan.notes]
    slide.notes_slide.notes_text_frame.text = "\n".join(line for line in notes if line)


def source_rows(sources: pd.DataFrame) -> list[str]:
    """'《title》 publisher 文号 date' per source (the 数据来源 slide), then '　　提供：数字、合作关系'
    when the rows say what it supplied (briefing.captions.supplied_by)."""
    lines = []
    for r in sources.itertuples(index=False):
        line = f"《{r.title}》 {r.publisher or r.author} {r.doc_number} {r.published}".strip()
        supplied = getattr(r, "supplied", "")
        lines.append(line)
        if supplied:
            lines.append(TEXT["supplied"].format(what=supplied))
    return lines


def build_briefing(
    data: Dataset,
    filters: Filters,
    boundaries: dict[str, gpd.GeoDataFrame] | None = None,
) -> bytes:
    """The whole deck as .pptx bytes (what the CLI writes and the download button serves)."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Emu(WIDTH), Emu(HEIGHT)
    presentation.core_properties.title = TEXT["title"]
    presentation.core_properties.subject = describe_scope(filters, data)
    for number, plan in enumerate(plan_slides(data, filters, boundaries), start=1):
        draw_slide(presentation, plan, data, number)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
