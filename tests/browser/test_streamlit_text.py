"""Streamlit's own front end speaks Chinese: every page at 1366×768 and 390×844, the unknown-page
dialog, an opened column menu, a dropdown with no match, the uploader after login; and a click on
数量 sorts the figures by value while each cell keeps its qualifier and unit."""

import re

import pytest

from tests.browser.conftest import PageWatch
from tests.browser.test_first_screen import LAPTOP, PAGES, PHONE, open_filters

# Streamlit's English UI words (the dataframe menu, dialogs, uploader, pagination, dropdowns).
ENGLISH = re.compile(
    r"\b(Sort ascending|Sort descending|Statistics|Autosize|Pin column|Unpin column|Hide column|"
    r"Page not found|does not seem to exist|main page|No results|Upload|per file|file upload|"
    r"Drag and drop|Skip to main content|Previous page|Next page|Pagination|Select all|Download|"
    r"Search|Fullscreen|Show/hide|Copy column name|Clear all|Running)\b"
)
# Every text node (visible or kept for screen readers, like the skip link) and every
# aria-label, title and placeholder in the document.
ALL_TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && !node.parentElement.closest('script,style,noscript')) {
      out.push(node.textContent.trim());
    }
  }
  for (const element of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      if (element.getAttribute(name)) out.push(element.getAttribute(name));
    }
  }
  return out.filter(Boolean);
}"""


def open_at(browser, server, path: str, size=LAPTOP, ready="[data-testid=stMainBlockContainer] h1"):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="zh-CN")
    watched = PageWatch(context.new_page())
    watched.open(f"{server}/{path}", ready=ready)
    # The translator arrives with the page's first elements (its chunk loads lazily).
    watched.page.wait_for_function("window.__jmbFrontendText === true", timeout=15000)
    return watched


def english_on(page) -> list[str]:
    return [text for text in page.evaluate(ALL_TEXT) if ENGLISH.search(text)]


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
@pytest.mark.parametrize("path", PAGES)
def test_no_streamlit_english_on_any_page(browser, server, path, size):
    watched = open_at(browser, server, path, size)
    watched.page.wait_for_timeout(300)
    assert english_on(watched.page) == [], f"/{path}"
    assert watched.page.locator("a", has_text="跳到正文").count() == 1
    watched.assert_clean()
    watched.page.context.close()


def test_an_unknown_page_says_so_in_chinese(browser, server):
    watched = open_at(browser, server, "nonexistent-page", ready="[role=dialog]")
    dialog = watched.page.locator("[role=dialog]")
    dialog.get_by_role("heading", name="页面不存在").wait_for(timeout=10000)
    assert "已打开首页" in dialog.inner_text()
    assert english_on(watched.page) == []
    watched.page.context.close()


def amount_header(page, field: str):
    """(x, y) of the 数量 header's centre and of its menu button in `field`'s figure table (the
    grid is a canvas; it holds more columns than fit, so none is stretched)."""
    from metrics.load import load_dataset
    from metrics.paths import data_dir
    from metrics.tables import figure_table
    from ui.tables import amount_width

    data = load_dataset(data_dir())
    table = figure_table(data.figures, data.sources)
    width = amount_width(table.loc[table["field"] == field, "display"])
    grid = page.locator("[data-testid=stDataFrame]").first.bounding_box()
    left, y = grid["x"], grid["y"] + 17
    return (left + width / 2, y), (left + width - 16, y)


def test_the_column_menu_is_chinese_and_amounts_sort_by_value(browser, server):
    watched = open_at(browser, server, "education", ready="[data-testid=stDataFrame]")
    page = watched.page
    page.locator("[data-testid=stDataFrame]").first.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    (centre, menu) = amount_header(page, "教育")
    page.mouse.move(*centre)
    page.mouse.click(*menu)
    page.get_by_text("升序排列").wait_for(timeout=10000)
    assert page.get_by_text("隐藏此列").is_visible()
    assert english_on(page) == []
    page.get_by_text("升序排列").click()
    page.wait_for_timeout(800)
    # The grid's accessible copy holds the values (the canvas shows 3个月, 20名, 5000余名 …;
    # sorted as text, 20名 came first and 3个月 after 230余名).
    grid = page.locator("[data-testid=stDataFrame]").first
    values = [float(v) for v in grid.locator("td[aria-colindex='1']").all_inner_texts()]
    assert values == [3, 20, 23, 50, 230, 5000], values
    watched.assert_clean()
    page.context.close()


@pytest.mark.parametrize(
    ("path", "where"),
    [("", "[data-testid=stPopoverBody] [data-testid=stMultiSelect]"),
     ("sources", "[data-testid=stMainBlockContainer] [data-testid=stSelectbox]")],
    ids=["field-filter", "source-file"],
)  # fmt: skip
def test_a_dropdown_without_a_match_says_so_in_chinese(browser, server, path, where):
    watched = open_at(browser, server, path)
    page = watched.page
    if "stPopoverBody" in where:
        open_filters(page)
    page.locator(where).first.locator("input").click()
    page.keyboard.type("qqq")
    page.get_by_text("无匹配项").wait_for(timeout=10000)
    assert english_on(page) == []
    page.context.close()


def test_the_uploaders_are_chinese_after_login(browser, server):
    from store.auth import add_editor
    from store.db import open_store

    engine = open_store()
    add_editor(engine, "text-editor", "text pass 1", "上传编辑")
    engine.dispose()
    watched = open_at(browser, server, "maintain", ready="[data-testid=stAlert]")
    page = watched.page
    page.get_by_test_id("stExpander").get_by_text("编辑登录").click()
    page.get_by_label("用户名").fill("text-editor")
    page.get_by_label("密码").fill("text pass 1")
    page.get_by_role("button", name="登录").click()
    page.get_by_role("button", name="保存修改").wait_for(timeout=30000)
    for tab in ("导入报告", "备份与批量导入"):
        page.get_by_role("tab", name=tab).click()
        uploader = page.locator("[data-testid=stFileUploader] >> visible=true").first
        uploader.wait_for(timeout=10000)
        page.wait_for_timeout(300)
        assert "单个文件不超过" in uploader.inner_text()
        assert english_on(page) == [], tab
    watched.assert_clean()
    page.context.close()
