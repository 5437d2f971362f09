"""汇报模式 and the PPTX count what they list the same way on every slide: a reviewer read
其他领域's '7 个数字' against 行动方案's '6 个目标' (50亿元以上 and 2个 listed apart on one, as one
target on the other), and 文旅's slide listed '乌海市 → 北京市：推介会' twice for two events."""

import pandas as pd
import pytest

from briefing.deck import build_briefing
from briefing.slides import link_lines, plan_slides
from metrics.filters import Filters
from tests.briefing.test_deck import DATASET, open_deck, slide_text


def _slide(plans, kind):
    return next(p for p in plans if p.kind == kind)


def test_other_fields_and_the_plan_count_the_same_targets_in_the_same_words():
    plans = plan_slides(DATASET, Filters())
    other, plan = _slide(plans, "other"), _slide(plans, "plan")
    assert "6 个目标" in other.subtitle and "个数字" not in other.subtitle
    assert "6 个目标" in plan.subtitle
    figure_lines = [line for line in other.lines if "（目标）" in line]
    assert len(figure_lines) == 6  # as many lines as the subtitle counts
    assert "产业 · 2个，每个50亿元以上（目标）　引进50亿元以上重点项目（鄂尔多斯市）" in other.lines
    assert not any(line.startswith("产业 · 50亿元以上") for line in other.lines)
    assert "2个，每个50亿元以上（目标）　引进50亿元以上重点项目" in plan.lines


def test_field_slides_say_they_count_results():
    plans = plan_slides(DATASET, Filters())
    education = next(p for p in plans if p.title == "教育")
    assert education.subtitle.startswith("6 个成果数字 · ")


def test_a_slide_mixing_results_and_targets_counts_each_kind():
    plans = plan_slides(DATASET, Filters(field=("科创", "产业")))
    subtitles = [p.subtitle for p in plans if p.kind in ("field", "other")]
    assert any("个成果数字" in s for s in subtitles) and any("1 个目标" in s for s in subtitles)


@pytest.fixture(scope="module")
def pptx_texts():
    deck = open_deck(build_briefing(DATASET, Filters()))
    return [slide_text(s) for s in deck.slides]


def test_the_pptx_counts_as_the_page_does(pptx_texts):
    other = next(t for t in pptx_texts if t.startswith("其他领域"))
    plan = next(t for t in pptx_texts if t.startswith("行动方案任务与目标"))
    assert "6 个目标" in other and "6 个目标" in plan
    assert "个数字" not in other.split("\n", 2)[1]  # the subtitle
    listed = [t.split("\n", 1)[1] for t in (other, plan)]  # under the title
    assert [text.count("（目标）") for text in listed] == [6, 6]


def test_two_events_between_the_same_places_read_as_two_on_the_page_and_in_the_pptx():
    culture = next(p for p in plan_slides(DATASET, Filters(field=("文旅",))) if p.title == "文旅")
    assert len(set(culture.lines)) == len(culture.lines) == 6
    assert "乌海市 → 北京市：“葡萄乌海 沙漠看海”推介会" in culture.lines
    assert "乌海市 → 北京市：“沙漠看海·中国乌海”文旅招商会" in culture.lines
    assert "北京市 → 乌海市：展销活动" in culture.lines  # a line alone keeps its short form
    deck = open_deck(build_briefing(DATASET, Filters(field=("文旅",))))
    text = next(slide_text(s) for s in deck.slides if slide_text(s).startswith("文旅"))
    assert "“葡萄乌海 沙漠看海”推介会" in text and "“沙漠看海·中国乌海”文旅招商会" in text


def _links(*quotes: str) -> pd.DataFrame:
    base = {"from_name": "北京市", "to_name": "乌海市", "link_type": "推介会", "status": "achieved"}
    return pd.DataFrame([{**base, "direction": "to_local", "quote": q} for q in quotes])


def test_long_quotes_name_a_relation_by_its_quoted_name_or_beginning():
    lines = link_lines(
        _links(
            "在北京举办“葡萄乌海 沙漠看海”推介会，吸引众多游客与客商参加",
            "在北京举办乌海市文化旅游推介会，吸引众多游客与客商参加洽谈合作",
        )
    )
    assert lines == [
        "北京市 → 乌海市：推介会“葡萄乌海 沙漠看海”",
        "北京市 → 乌海市：推介会（在北京举办乌海市文化…）",
    ]


def test_the_same_relation_twice_is_not_renamed():
    assert (
        link_lines(_links("乌兰牧骑赴京演出", "乌兰牧骑赴京演出"))
        == ["北京市 → 乌海市：推介会"] * 2
    )
