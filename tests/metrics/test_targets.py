"""Plan targets: what meeting one takes, grouped as the plan states them, progress reported."""

import pandas as pd
import pytest

from metrics.targets import (
    covering_quote,
    is_met,
    progress_of,
    target_ids,
    target_progress,
    threshold,
)
from tests.metrics.test_tracker import DATA, updates


@pytest.mark.parametrize(
    ("qualifier", "target", "achieved", "met"),
    [
        ("at_least", 50e8, 50e8, True),  # 50亿元以上: reaching it counts
        ("at_least", 50e8, 49e8, False),
        ("exact", 2, 2, True),
        ("exact", 2, 1, False),
        ("more_than", 250, 250, False),  # 250余 must be exceeded
        ("more_than", 250, 251, True),
        ("about", 1000, 960, True),  # 近千: within 5%
        ("about", 1000, 900, False),
        ("growth_at_least", 20, 21.5, True),  # 增长20%以上
        ("growth_at_least", 20, 19.9, False),
    ],
)
def test_targets_are_met_by_their_qualifier(qualifier, target, achieved, met):
    assert is_met(qualifier, target, achieved) is met


def test_target_progress_uses_the_latest_achieved_value_with_its_quote():
    progress = target_progress(
        DATA.figures,
        DATA.tasks,
        updates(
            {
                "task_id": "1.3",
                "month": "2026-10",
                "status": "推进中",
                "figure_id": "ordos-02",
                "achieved_value": 1.0,
                "quote": "旧",
            },
            {
                "task_id": "1.3",
                "month": "2026-11",
                "status": "已完成",
                "figure_id": "ordos-02",
                "achieved_value": 2.0,
                "quote": "新",
            },
        ),
        DATA.texts,
    ).set_index("figure_id")
    assert progress.loc["ordos-02", "achieved"] == "2个"
    assert progress.loc["ordos-02", "quote"] == "新"
    assert (
        progress.loc["ordos-02", "result"] == "已达成" and progress.loc["ordos-02", "share"] == 1.0
    )


def test_an_unreported_target_reads_not_reported_not_failed():
    progress = target_progress(DATA.figures, DATA.tasks, updates(), DATA.texts)
    progress = progress.set_index("figure_id")
    assert progress.loc["ordos-07", "target"] == "增长20%以上"
    assert progress.loc["ordos-07", "result"] == "未报送"
    assert progress.loc["ordos-07", "achieved"] == "" and pd.isna(progress.loc["ordos-07", "share"])
    assert set(progress["result"]) == {"未报送"}


def test_targets_are_grouped_as_the_plan_states_them():
    progress = target_progress(DATA.figures, DATA.tasks, updates(), DATA.texts)
    # 2个 and 50亿元以上 are one target: 帮助引进50亿元以上重点项目2个
    assert "ordos-01" not in set(progress["figure_id"])
    assert len(progress) == 6
    grouped = progress.set_index("figure_id").loc["ordos-02"]
    assert grouped["target"] == "2个，每个50亿元以上"
    assert grouped["plan_quote"] == "帮助引进50亿元以上重点项目2个"
    assert grouped["plan_quote"] in DATA.texts["ordos-plan-2025"]
    assert grouped["rule"] == "≥ 2个"
    assert progress.set_index("figure_id").loc["ordos-05", "rule"] == "≥ 千名"


def test_a_reported_value_below_a_floor_is_not_met_and_shows_its_share():
    progress = target_progress(
        DATA.figures,
        DATA.tasks,
        updates(
            {
                "task_id": "5.1",
                "month": "2026-11",
                "status": "推进中",
                "figure_id": "ordos-07",
                "achieved_value": 15.0,
                "quote": "增长15%",
            }
        ),
        DATA.texts,
    ).set_index("figure_id")
    assert progress.loc["ordos-07", "result"] == "未达成"
    assert progress.loc["ordos-07", "share"] == pytest.approx(0.75)
    assert progress.loc["ordos-07", "rule"] == "≥ 20%"


def test_threshold_and_covering_quote():
    assert threshold("more_than", "10家") == "> 10家"
    assert threshold("at_least", "50亿元") == "≥ 50亿元"
    assert covering_quote("甲乙丙丁", ["甲乙", "乙丙"]) == "甲乙丙"
    assert covering_quote("甲乙丙丁", ["甲", "丁"]) == "甲"  # apart: no invented span


def test_targets_of_a_task_and_progress_of_shown_tasks():
    progress = target_progress(DATA.figures, DATA.tasks, updates())
    ids = target_ids(progress, "1.3")
    assert ids and set(progress[progress["figure_id"].isin(ids)]["task_id"]) == {"1.3"}
    assert target_ids(pd.DataFrame(), "1.3") == []
    only = progress_of(progress, pd.Series(["1.3"]))
    assert set(only["task_id"]) == {"1.3"}
    assert progress_of(pd.DataFrame(), pd.Series(["1.3"])).empty
