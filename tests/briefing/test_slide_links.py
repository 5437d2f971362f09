"""A slide that lists relations (a field with no figures) lists the ones its subtitle counts, the
way they run, with 计划 marked: a reviewer saw 文旅's slide count 已实现 6 条 and then list five
planned non-Beijing links as if done, with 乌兰牧骑赴京演出 left out."""

import pandas as pd

from briefing.slides import link_line, plan_slides
from metrics.filters import Filters
from tests.briefing.test_deck import DATASET


def _row(**values: str) -> object:
    base = {"from_name": "北京市", "to_name": "乌海市", "link_type": "演出", "status": "achieved"}
    return next(pd.DataFrame([{**base, **values}]).itertuples())


def test_a_relation_reads_the_way_it_runs_and_says_when_it_is_only_planned():
    assert link_line(_row(direction="to_local")) == "北京市 → 乌海市：演出"
    assert link_line(_row(direction="to_partner")) == "乌海市 → 北京市：演出"
    assert link_line(_row(direction="both", status="planned")) == "北京市 ↔ 乌海市：演出（计划）"


def test_the_culture_slide_lists_the_beijing_relations_it_counts():
    slide = next(p for p in plan_slides(DATASET, Filters(field=("文旅",))) if p.title == "文旅")
    assert slide.subtitle == "无数字，列出合作关系 · 京蒙合作关系：已实现 6 条"  # why no chart
    assert len(slide.lines) == 6
    assert "乌海市 → 北京市：演出" in slide.lines  # 乌兰牧骑赴京演出
    assert not any("兴安盟" in line or "长三角" in line or "计划" in line for line in slide.lines)
