"""The deck as a reviewer read it: each source says what it supplied, the map slide says what
its other lines are (counted like the 京蒙 ones), and no slide text is broken inside a word."""

import io

import pytest
from pptx import Presentation
from pptx.util import Emu

from briefing.captions import map_subtitle
from briefing.deck import build_briefing, plan_slides, source_rows
from briefing.slides import status_counts
from geo.boundaries import load_boundary_set
from metrics.filters import Filters
from metrics.linebreak import text_em
from metrics.load import load_dataset
from metrics.relations import in_scope, sides
from tests.conftest import DATA

DATASET = load_dataset(DATA)
MEDICAL = Filters(field=("医疗",))


def sources_plan(filters: Filters):
    return next(p for p in plan_slides(DATASET, filters) if p.kind == "sources")


def test_the_medical_deck_says_the_plan_supplied_relations_not_figures():
    lines = source_rows(sources_plan(MEDICAL).rows)
    plan = lines.index(next(line for line in lines if "鄂尔多斯市区域合作深化行动方案" in line))
    news = lines.index(next(line for line in lines if "京蒙携手" in line))
    assert lines[plan + 1].strip() == "提供：合作关系、方案任务"  # its 医疗 links, tasks 1.3, 3.5
    assert lines[news + 1].strip() == "提供：数字、合作关系"  # every 医疗 figure is the news'


def test_the_full_deck_credits_the_plan_with_its_targets_too():
    lines = source_rows(sources_plan(Filters()).rows)
    assert "\u3000\u3000提供：数字、合作关系、方案任务" in lines


@pytest.fixture(scope="module")
def boundaries(tmp_path_factory):
    cache = tmp_path_factory.mktemp("geo")
    return {
        name: load_boundary_set(name, cache) for name in ("provinces", "beijing", "ordos", "wuhai")
    }


def test_the_map_slide_counts_the_other_partners_and_inner_lines_it_draws(boundaries):
    plan = next(p for p in plan_slides(DATASET, Filters(), boundaries) if p.kind == "map")
    first, second = plan.subtitle.split("\n")
    assert first.startswith("京蒙合作关系：已实现 25 条、计划 15 条")
    links, places = DATASET.links, DATASET.places
    start, end = sides(links, places)
    jingmeng = links.index.isin(in_scope(links, places).index)
    inner = links.index.isin(in_scope(links, places, "inner").index)
    others = links[~jingmeng & ~inner]
    assert ((start[~jingmeng & ~inner] == "other") | (end[~jingmeng & ~inner] == "other")).all()
    assert "区外其他合作方（" in second and f"）：{status_counts(others)}" in second
    assert f"内蒙古区内联动：{status_counts(links[inner])}" in second
    assert status_counts(links[inner]) == "计划 26 条"
    # every line drawn is one of the three kinds the subtitle names
    assert jingmeng.sum() + (~jingmeng & inner).sum() + len(others) == len(links)


def test_a_map_of_beijing_lines_only_says_nothing_more():
    links = DATASET.links[DATASET.links["from_name"] == "北京市"].head(3)
    assert "\n" not in map_subtitle(links, DATASET.places)


def box_em(shape, size_pt: float) -> float:
    return (shape.width / Emu(914400) - 0.2) * 72 / size_pt


@pytest.mark.parametrize("filters", [Filters(), MEDICAL])
def test_no_text_box_needs_the_renderer_to_break_a_line(filters, boundaries):
    """Every paragraph of a list, card or sources box fits its box: PowerPoint, WPS and
    LibreOffice then break no Chinese word (they split 企业 between any two characters)."""
    deck = Presentation(io.BytesIO(build_briefing(DATASET, filters, boundaries)))
    checked = 0
    for slide in deck.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame or shape.top < Emu(914400 * 1.6):
                continue  # titles and subtitles span the slide
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs if len(paragraph.runs) == 1 else []:  # one size
                    if run.font.size and run.font.size.pt >= 12 and "来源：" not in run.text:
                        assert text_em(paragraph.text) <= box_em(shape, run.font.size.pt), (
                            paragraph.text
                        )
                        checked += 1
    assert checked > 20


def test_the_innovation_list_keeps_enterprises_whole():
    plan = next(p for p in plan_slides(DATASET, Filters(field=("科创",))) if p.kind == "field")
    deck = Presentation(io.BytesIO(build_briefing(DATASET, Filters(field=("科创",)))))
    texts = [
        p.text
        for s in deck.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
    ]
    joined = "\n".join(texts)
    assert "企\n" not in joined and "\n业" not in joined
    assert any(line.strip() == "信息谷创新中心的企业" for line in texts)  # its own line, whole
    assert plan.lines  # the same lines the page shows
