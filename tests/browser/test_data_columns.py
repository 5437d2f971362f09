"""数据表 at 1366×768 beside the open sidebar: the columns shown fit (合作方 ended ~60 px past the
edge, eight more columns hidden to the right without a hint); a button says how many of the
table's columns show and adds the others."""

from tests.browser.conftest import PageWatch

GRID = "[data-testid=stDataFrame]"
# How far the table's content runs past its visible box (glide-data-grid's scroller).
OVERFLOW_JS = """(el) => {
  const scroller = el.querySelector('.dvn-scroller');
  return scroller.scrollWidth - scroller.clientWidth;
}"""


def test_the_data_table_fits_at_1366_and_says_what_else_it_has(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    watched = PageWatch(context.new_page())
    watched.open(f"{server}/data", ready=f"{GRID} canvas")
    page = watched.page
    assert page.locator("[data-testid=stSidebar]").is_visible()
    button = page.locator(".st-key-w_data_columns_box button").first
    assert "显示 6 列 / 共 18 列" in button.inner_text()
    page.wait_for_timeout(800)
    grid = page.locator(GRID).first
    assert grid.evaluate(OVERFLOW_JS) <= 1  # every shown column whole, nothing hidden right
    box = grid.bounding_box()
    assert box["x"] + box["width"] <= 1366 - 60  # inside the page's column
    watched.screenshot("data-columns-1366")

    button.click()
    picker = page.locator(".st-key-w_data_columns input")
    picker.click()
    page.get_by_role("option", name="原文引文").click()
    page.keyboard.press("Escape")
    page.wait_for_function(
        "[...document.querySelectorAll('.st-key-w_data_columns_box button')]"
        ".some(b => b.innerText.includes('显示 7 列'))",
        timeout=15000,
    )
    page.wait_for_timeout(800)
    assert page.locator(GRID).first.evaluate(OVERFLOW_JS) > 100  # the quotes: scroll to read
    watched.screenshot("data-columns-added-1366")
    watched.assert_clean()
    context.close()
