"""行动方案's line under its title says the whole plan's count, and the filtered part apart:
under 领域=医疗 it read '…的 2 项任务', as if the plan had 2 tasks."""

from tests.views.conftest import open_page


def _caption(at) -> str:
    return next(c.value for c in at.caption if "项任务" in c.value)


def test_a_filter_shows_the_plan_count_and_the_filtered_part(app):
    at = open_page(app, "tracker.py", field="医疗")
    assert not at.exception
    caption = _caption(at)
    assert "共 26 项任务，当前筛选下显示其中 2 项" in caption
    assert "的 2 项任务" not in caption
    assert {m.label: m.value for m in at.metric}["任务"] == "2"  # the part the metrics count


def test_without_a_filter_the_plan_count_stands_alone(app):
    caption = _caption(open_page(app, "tracker.py"))
    assert "的 26 项任务" in caption and "当前筛选下" not in caption
