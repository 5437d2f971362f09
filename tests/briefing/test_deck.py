"""The PPTX deck: opens, 16:9, native charts holding the data, sources and quotes in the notes."""

import dataclasses
import io
import subprocess
import sys

import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from briefing.deck import (
    CHART_BARS,
    LIST_ROWS,
    NOTED_ROWS,
    build_briefing,
    plan_slides,
    source_line,
)
from geo.boundaries import load_boundary_set
from metrics.filters import Filters
from metrics.load import load_dataset
from tests.conftest import DATA, ROOT

DATASET = load_dataset(DATA)


def open_deck(data: bytes) -> Presentation:
    return Presentation(io.BytesIO(data))


def slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def charts_of(slide) -> list:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


@pytest.fixture(scope="module")
def full_deck():
    return open_deck(build_briefing(DATASET, Filters()))


def test_full_deck_has_one_slide_per_part_and_merges_thin_fields(full_deck):
    titles = [slide_text(s).split("\n")[0] for s in full_deck.slides]
    # title, KPIs, the three fields with figures, 文旅 (no figure, six relations: a main field,
    # not an "other" one), the thin ones together (targets and relations, so said), plan,
    # sources (no map without boundaries)
    assert titles == [
        "京蒙协作成果汇报",
        "主要数字：成果与目标",
        "教育",
        "医疗",
        "科创",
        "文旅",
        "其他领域：目标与合作关系",
        "行动方案任务与目标",
        "数据来源",
    ]
    other = slide_text(full_deck.slides[6])
    thin = set(DATASET.figures["field"]) | set(DATASET.links["field"])
    assert all(name in other for name in thin - {"教育", "医疗", "科创", "文旅"})
    assert "文旅" not in other
    for slide in full_deck.slides:
        assert "0 个数字" not in slide_text(slide)
        assert len(slide_text(slide).splitlines()) >= 3  # no slide of a title and a footer only
    assert full_deck.slide_width * 9 == full_deck.slide_height * 16


def test_kpi_slide_shows_the_headline_figures(full_deck):
    text = slide_text(full_deck.slides[1])
    for shown in ("250余人次", "630余例次", "14场", "9家", "50亿元以上"):
        assert shown in text


def test_field_chart_is_native_and_holds_the_data(full_deck):
    education = next(s for s in full_deck.slides if slide_text(s).startswith("教育"))
    chart = charts_of(education)[0]
    expected = DATASET.figures[
        (DATASET.figures["field"] == "教育") & (DATASET.figures["unit"] == "名")
    ]
    assert list(chart.plots[0].categories) == list(expected["indicator"])
    assert list(chart.series[0].values) == list(expected["value"])  # editable numbers


def test_plan_chart_counts_tasks_per_section(full_deck):
    plan = next(s for s in full_deck.slides if slide_text(s).startswith("行动方案任务与目标"))
    values = list(charts_of(plan)[0].series[0].values)
    assert values == [5, 4, 7, 6, 3, 1] and sum(values) == len(DATASET.tasks)
    assert "4条" in slide_text(plan) and "增长20%以上" in slide_text(plan)


def test_every_slide_has_a_source_footer_and_notes_with_quotes(full_deck):
    for slide in full_deck.slides:
        # The sources' own date; the news feature gives only its year, so only the year is true.
        assert "来源截至：2025年" in slide_text(slide)
        assert "2026-11-22" not in slide_text(slide)  # not the day they were imported
    notes = full_deck.slides[1].notes_slide.notes_text_frame.text
    assert "“北京医疗机构累计派专家250余人次”——《京蒙携手 双向奔赴" in notes


def test_quotes_in_notes_are_verbatim(full_deck):
    quotes = set(DATASET.figures["quote"])
    for slide in full_deck.slides:
        for line in slide.notes_slide.notes_text_frame.text.splitlines():
            if (
                "：“" in line
                and "”——《" in line
                and line.split("：“", 1)[1].split("”——《")[0] in quotes
            ):
                break
    noted = "\n".join(s.notes_slide.notes_text_frame.text for s in full_deck.slides)
    assert all(f"“{quote}”" in noted for quote in quotes)


def test_chinese_text_has_an_explicit_east_asian_font(full_deck):
    run = full_deck.slides[0].shapes[0].text_frame.paragraphs[0].runs[0]
    assert run._r.find(qn("a:rPr")).find(qn("a:ea")).get("typeface") == "Microsoft YaHei"


def test_a_filtered_deck_keeps_to_its_filter():
    deck = open_deck(build_briefing(DATASET, Filters(field=("医疗",), place=("乌海市",))))
    titles = [slide_text(s).split("\n")[0] for s in deck.slides]
    # No task of the 鄂尔多斯 plan is about 医疗 in 乌海市: no plan slide rather than an empty one.
    assert titles == ["京蒙协作成果汇报", "主要数字", "医疗", "数据来源"]
    assert "领域：医疗；内蒙古地区：乌海市" in slide_text(deck.slides[0])
    assert list(charts_of(deck.slides[2])[0].series[0].values) == [250, 3900, 4900]


def test_the_plan_slide_keeps_to_the_filter_and_names_what_cannot_apply():
    plans = plan_slides(DATASET, Filters(field=("医疗",), kind=("achievement",)))
    plan = next(p for p in plans if p.kind == "plan")
    assert "共 26 项任务，筛选涉及其中 2 项" in plan.subtitle  # 1.3 and 3.5 speak of 医疗
    assert "领域：医疗" in plan.subtitle and "“类型”不适用于方案任务" in plan.subtitle
    # their targets are 产业's (50亿元以上 projects), not 医疗's: the tasks are listed instead
    assert [line.split("（")[0] for line in plan.lines] == [
        "1.3 建立双向帮扶机制",
        "3.5 多维引进“京医”",
    ]
    assert "个目标" not in plan.subtitle and plan.chart.empty  # no '0 个目标', no 1项/1项 chart
    assert not any("千名" in line or "50亿" in line for line in plan.lines)


def test_the_map_slide_is_a_picture_drawn_offline(tmp_path):
    boundaries = {name: load_boundary_set(name, tmp_path) for name in ("beijing", "ordos", "wuhai")}
    plans = plan_slides(DATASET, Filters(field=("教育",)), boundaries)
    map_plan = next(p for p in plans if p.kind == "map")
    assert map_plan.image.startswith(b"\x89PNG")
    deck = open_deck(build_briefing(DATASET, Filters(field=("教育",)), boundaries))
    map_slide = next(s for s in deck.slides if slide_text(s).startswith("京蒙合作关系图"))
    assert any(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in map_slide.shapes)


def run_cli(*args: str):
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_writes_the_deck(tmp_path):
    out = tmp_path / "医疗.pptx"
    result = run_cli("--out", str(out), "--field", "医疗", "--place", "乌海市", "--no-map")
    assert result.returncode == 0, result.stderr
    assert "已生成" in result.stdout
    assert len(open_deck(out.read_bytes()).slides) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--field", "体育"], "无法识别的 --field：体育"),
        (["--place", "<script>"], "无法识别的 --place：<script>"),
    ],
)
def test_cli_rejects_unknown_filters_and_writes_nothing(tmp_path, args, message):
    out = tmp_path / "x.pptx"
    result = run_cli("--out", str(out), "--no-map", *args)
    assert result.returncode == 2 and message in result.stderr
    assert not out.exists()


def test_cli_rejects_a_wrong_extension(tmp_path):
    result = run_cli("--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 2 and ".pptx" in result.stderr


def test_a_region_wide_field_slide_keeps_to_what_a_slide_can_hold():
    # 500 education figures (copies of the real ones, each keeping its verbatim quote): the
    # chart shows the 20 largest of the main unit, the notes quote every figure on the slide
    # and say how many more the 数据表 page lists.
    base = DATASET.figures[DATASET.figures["field"] == "教育"]
    many = pd.concat(
        [
            base.assign(figure_id=base["figure_id"] + f"-{i}", value=base["value"] + i)
            for i in range(84)
        ]
    )
    data = dataclasses.replace(DATASET, figures=many)
    plan = next(p for p in plan_slides(data, Filters()) if p.title == "教育")
    assert len(plan.lines) == LIST_ROWS
    assert len(plan.chart) == CHART_BARS
    assert max(plan.chart["value"]) == many.loc[many["unit"] == plan.chart_unit, "value"].max()
    assert len(plan.rows) == LIST_ROWS
    notes = "\n".join(plan.notes)
    shown = set(plan.chart["indicator"]) | set(plan.rows["indicator"])
    assert all(f"{indicator}：“" in notes for indicator in shown)
    # The 20 largest are the last copies, so they and the first 68 rows are all distinct.
    figure_notes = [n for n in plan.notes if n.split("：", 1)[0] in set(many["indicator"])]
    assert len(figure_notes) == CHART_BARS + LIST_ROWS + NOTED_ROWS
    assert f"另有 {len(many) - len(figure_notes)} 个数字未在此列出" in notes
    deck = open_deck(build_briefing(data, Filters()))
    slide = next(s for s in deck.slides if slide_text(s).startswith("教育"))
    chart = charts_of(slide)[0]
    assert len(list(chart.series[0].values)) == CHART_BARS
    # equal indicators would merge into one bar: every bar has its own category
    assert len(set(chart.plots[0].categories)) == CHART_BARS


def test_a_footer_names_three_sources_and_counts_the_rest():
    sources = pd.DataFrame(
        {"source_id": [f"s{i}" for i in range(5)], "title": [f"报告{i}" for i in range(5)]}
    )
    assert source_line(["s0", "s1"], sources) == "《报告0》；《报告1》"
    assert source_line([f"s{i}" for i in range(5)], sources) == (
        "《报告0》；《报告1》；《报告2》 等 5 份来源"
    )


@pytest.mark.parametrize("field", ["教育", "医疗", "科创"])
def test_field_slides_count_relations_as_总览_does(field):
    """A field slide counts 京蒙 relations once per (sentence, pair), 已实现 and 计划 apart: the
    same numbers as metrics.relations, never the raw link rows (one sentence can make 16)."""
    from metrics.filters import filter_links
    from metrics.relations import count_relations, in_scope

    plans = plan_slides(DATASET, Filters())
    subtitle = next(p.subtitle for p in plans if p.title.startswith(field))
    links = filter_links(DATASET.links, Filters(field=(field,)), DATASET.places)
    honest = count_relations(in_scope(links, DATASET.places))
    raw = links["status"].value_counts()
    assert f"已实现 {honest['achieved']} 条" in subtitle or not honest["achieved"]
    assert f"计划 {honest['planned']} 条" in subtitle or not honest["planned"]
    assert (honest["achieved"], honest["planned"]) != (raw.get("achieved"), raw.get("planned"))


def test_the_plan_slide_counts_tasks_as_the_page_does():
    plan = next(p for p in plan_slides(DATASET, Filters()) if p.kind == "plan")
    assert plan.subtitle.startswith("鄂府发〔2025〕8号 · 26 项任务")  # 行动方案: 共 26 项任务
    assert "筛选涉及" not in plan.subtitle and set(plan.chart["bar_text"].str[-1]) == {"项"}
