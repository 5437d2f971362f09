"""The six filters sit behind one 筛选 button in the sidebar: it says how many are set, opens
all six at once, stays open while they are changed, and the page follows each change (laptop
and phone)."""

import pytest

from tests.browser.conftest import PageWatch
from tests.browser.test_first_screen import FILTERS_BUTTON, LAPTOP, PHONE, open_filters


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_filter_button_opens_the_filters_and_counts_them(browser, server, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="zh-CN")
    watched = PageWatch(context.new_page())
    watched.open(f"{server}/", ready=".kpi")
    page = watched.page
    if size == PHONE:  # the sidebar starts closed on a phone
        page.get_by_test_id("stExpandSidebarButton").click()
    button = page.locator(FILTERS_BUTTON).first
    assert button.inner_text().startswith("筛选：全部数据")
    assert page.locator("[data-testid=stMultiSelect]").count() == 0  # built once opened
    filters = open_filters(page)
    assert filters.count() == 6
    filters.first.locator("input").click()
    page.get_by_role("option", name="医疗").click()
    page.wait_for_function("location.search.includes('field=')", timeout=15000)
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=15000)
    assert button.inner_text().startswith("筛选：已设 1 项")
    assert page.locator("[data-testid=stPopoverBody]").is_visible()  # still open for the next
    assert "领域：医疗" in page.locator("[data-testid=stMainBlockContainer]").inner_text()
    watched.screenshot(f"filters-open-{size[0]}")
    watched.assert_clean()
    context.close()
