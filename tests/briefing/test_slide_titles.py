"""A slide's title says what it holds: a reviewer read 「其他领域（目标）」 over a slide whose last line
counted 文旅 已实现 6 条, with 文旅 — one of the four main fields, relations but no figures — filed
under 其他领域. The page and the PPTX draw the same plans, so both read the same."""

import pandas as pd
import pytest

from briefing.deck import build_briefing
from briefing.slides import plan_slides, titled
from metrics.filters import Filters
from tests.briefing.test_deck import DATASET, open_deck, slide_text

FILTERS = [
    Filters(),
    Filters(place=("乌海市",)),
    Filters(place=("鄂尔多斯市",)),
    Filters(kind=("target",)),
    Filters(field=("文旅", "产业")),
    Filters(field=("医疗", "文旅", "能源")),
]


def test_the_full_deck_shows_culture_under_its_own_name_and_says_why_it_has_no_chart():
    plans = plan_slides(DATASET, Filters())
    culture = next(p for p in plans if p.title == "文旅")
    assert culture.kind == "field" and culture.chart.empty
    assert culture.subtitle == "无数字，列出合作关系 · 京蒙合作关系：已实现 6 条"
    assert len(culture.lines) == 6 and "乌海市 → 北京市：演出" in culture.lines
    other = next(p for p in plans if p.kind == "other")
    assert other.title == "其他领域：目标与合作关系"  # its targets, and relations partly achieved
    assert "文旅" not in other.subtitle and not any("文旅" in line for line in other.lines)


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_no_title_calls_a_slide_targets_while_it_counts_achieved_relations(filters):
    for plan in plan_slides(DATASET, filters):
        if "已实现" in plan.subtitle or any("已实现" in line for line in plan.lines):
            assert not plan.title.endswith(("（目标）", "（计划）", "（目标与计划）")), plan.title
        if "计划" in plan.subtitle and plan.kind in ("kpis", "field", "other"):
            assert not plan.title.endswith("（目标）"), plan.title  # planned relations are no 目标


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_a_main_field_is_never_filed_under_a_bare_other_fields(filters):
    for plan in plan_slides(DATASET, filters):
        if plan.kind == "other":
            named = plan.subtitle.split(" · ")[0].split("、")
            main = [n for n in named if n in ("教育", "医疗", "科创", "文旅")]
            assert all(n in plan.title for n in main), (plan.title, named)
            assert plan.title.startswith("其他领域") == (not main)


def test_a_thin_main_field_is_named_with_the_others():
    plans = plan_slides(DATASET, Filters(place=("鄂尔多斯市",)))
    other = next(p for p in plans if p.kind == "other")
    # all 鄂尔多斯 figures are targets, all its 京蒙 relations planned
    assert other.title == "教育、文旅及其他领域（目标与计划）"
    assert next(p for p in plans if p.kind == "kpis").title == "主要数字（目标与计划）"
    assert next(p for p in plans if p.title.startswith("医疗")).title == "医疗（计划）"


def test_titles_name_each_mix_of_kinds_and_statuses():
    targets, results = pd.Series(["target"]), pd.Series(["achievement"])
    assert titled("其他领域", targets) == "其他领域（目标）"
    assert titled("其他领域", targets, pd.Series(["achieved", "planned"])) == (
        "其他领域：目标与合作关系"
    )
    assert titled("其他领域", targets, pd.Series(["planned"])) == "其他领域（目标与计划）"
    assert titled("医疗", pd.Series(dtype=object), pd.Series(["planned"])) == "医疗（计划）"
    assert titled("文旅", pd.Series(dtype=object), pd.Series(["achieved"])) == "文旅"
    assert titled("教育", pd.concat([results, targets])) == "教育：成果与目标"


def test_the_pptx_carries_the_same_titles_and_subtitles_as_the_page():
    plans = plan_slides(DATASET, Filters())
    deck = open_deck(build_briefing(DATASET, Filters()))
    texts = [slide_text(s) for s in deck.slides]
    assert [t.split("\n")[0] for t in texts] == [p.title for p in plans]
    culture = next(t for t in texts if t.startswith("文旅\n"))
    assert "无数字，列出合作关系" in culture and "已实现 6 条" in culture
    other = next(t for t in texts if t.startswith("其他领域"))
    assert other.startswith("其他领域：目标与合作关系\n") and "（目标）\n" not in other[:20]
