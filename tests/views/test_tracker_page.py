"""行动方案 page: the shared filters reach the tasks, unreported targets read 未报送, and a filter
that cannot apply to tasks is named in one line."""

from tests.views.conftest import metric_values, open_page


def captions(at) -> str:
    return " ".join(c.value for c in at.caption)


def targets_table(at):
    return next(d.value for d in at.dataframe if "达成条件" in d.value.columns)


def test_the_field_filter_reaches_the_tracker(app):
    at = open_page(app, "tracker.py", field="医疗")
    assert not at.exception
    assert metric_values(at)["任务"] == "2"  # 1.3 and 3.5 speak of 医疗
    assert "领域：医疗" in captions(at)
    # their only target is 产业's 2个50亿元以上 projects, shown with its task
    assert list(targets_table(at)["任务"]) == ["1.3"]


def test_unreported_targets_read_not_reported_grouped_as_the_plan_states_them(app):
    at = open_page(app, "tracker.py")
    table = targets_table(at)
    assert set(table["状态"]) == {"未报送"} and table["进度"].isna().all()
    assert len(table) == 6  # 2个 and 50亿元以上 are one target
    row = table[table["任务"] == "1.3"].iloc[0]
    assert row["目标值"] == "2个，每个50亿元以上"
    assert row["方案原文"] == "帮助引进50亿元以上重点项目2个"


def test_a_filter_that_cannot_apply_to_tasks_says_so(app):
    at = open_page(app, "tracker.py", kind="achievement")
    assert "“类型”筛选不适用于行动方案任务" in captions(at)
    assert metric_values(at)["任务"] == "26"
