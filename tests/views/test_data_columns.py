"""数据表 shows the columns that fit beside the sidebar at 1366 px, says how many of all it shows,
and lets the user add the others (kept when the user leaves the page and comes back)."""

from pathlib import Path

from tests.views.conftest import open_page

FIRST = ["数量", "类型", "领域", "指标", "地区", "合作方"]


def _shown(at) -> list[str]:
    return list(at.dataframe[0].proto.column_order)


def _button(at) -> str:
    return at.get("popover")[0].proto.popover.label


def test_the_data_table_starts_with_the_columns_that_fit_and_says_there_are_more(app):
    at = open_page(app, "data.py")
    assert _shown(at) == FIRST
    assert "显示 6 列 / 共 18 列" in _button(at)


def test_a_picked_column_shows_in_table_order_and_stays_after_a_page_switch(app):
    at = open_page(app, "data.py")
    at.multiselect(key="w_data_columns").select("原文引文").select("限定").run()
    assert _shown(at) == ["数量", "类型", "领域", "指标", "限定", "地区", "合作方", "原文引文"]
    assert "显示 8 列" in _button(at)
    at.switch_page(str(Path("views") / "sources.py")).run()
    at.switch_page(str(Path("views") / "data.py")).run()
    assert not at.exception
    assert "原文引文" in _shown(at) and "显示 8 列" in _button(at)


def test_no_column_picked_shows_the_first_ones_rather_than_an_empty_table(app):
    at = open_page(app, "data.py")
    picker = at.multiselect(key="w_data_columns")
    for name in FIRST:
        picker = picker.unselect(name)
    picker.run()
    assert not at.exception and _shown(at) == FIRST
