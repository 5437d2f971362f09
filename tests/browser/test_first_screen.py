"""What a new user sees first, on a laptop (1366×768) and a phone (390×844): results in the first
viewport, no horizontal overflow, the sidebar closed on the phone, map tooltips as text, a bar
click that filters and changes the URL, and no English UI words anywhere."""

import re
import time

import pytest

from tests.browser.conftest import SCREENSHOTS, PageWatch
from tests.browser.test_map_and_phone import PHONE_AGENT
from tests.conftest import ROOT

LAPTOP, PHONE = (1366, 768), (390, 844)
DOCS = ROOT / "docs"
# Words of Streamlit's, plotly's and the table's own English UI that must never reach a viewer.
ENGLISH_UI = re.compile(
    r"\b(Select all|Select \d+ matches|Download|Search|Fullscreen|Show/hide|Zoom|Pan|Autoscale|"
    r"Reset axes|Box Select|Lasso|Produced with Plotly|No results|Deploy|Rerun|Running|"
    r"Choose an option|Clear all|Copy|Ask Google)\b"
)
VISIBLE_TEXT = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const shown = [];
  let node;
  while ((node = walker.nextNode())) {
    const text = node.textContent.trim();
    const element = node.parentElement;
    if (!text || !element || element.closest('script,style,noscript')) continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0) continue;
    shown.push(text);
  }
  return shown;
}"""
PAGES = ["", "map", "education", "medical", "innovation", "culture", "other-fields", "data",
         "sources", "about", "tracker", "maintain"]  # fmt: skip


def open_at(browser, server, path: str, size, ready: str) -> PageWatch:
    viewport = {"width": size[0], "height": size[1]}
    if (
        size == PHONE
    ):  # a real phone's browser, as the QR code's audience has (the map frames by it)
        context = browser.new_context(
            viewport=viewport,
            user_agent=PHONE_AGENT,
            is_mobile=True,
            has_touch=True,
            locale="zh-CN",
        )
    else:
        context = browser.new_context(viewport=viewport, locale="zh-CN")
    watched = PageWatch(context.new_page())
    watched.open(f"{server}/{path}", ready=ready)
    return watched


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_headline_results_are_in_the_first_viewport(browser, server, size):
    watched = open_at(browser, server, "", size, ".tile")
    page = watched.page
    height = size[1]
    tiles = page.locator("a.tile")
    first = tiles.first.bounding_box()
    assert first["y"] + first["height"] <= height, "the first result is below the fold"
    if size == LAPTOP:
        # Every result tile and the first row of targets: the five-second test.
        last_target = page.locator("a.tile.target").first.bounding_box()
        assert last_target["y"] + last_target["height"] <= height
        assert "250余人次" in tiles.first.inner_text()
    else:
        # Tiles stack two to a row on a phone.
        second, third = tiles.nth(1).bounding_box(), tiles.nth(2).bounding_box()
        assert second["y"] == first["y"] and third["y"] > first["y"]
    name = "laptop" if size == LAPTOP else "phone"
    page.screenshot(path=str(DOCS / f"screenshot-overview-{name}.png"))
    watched.assert_clean()
    page.context.close()


@pytest.mark.parametrize("path", ["", "map", "medical", "data", "about"])
def test_phone_has_no_horizontal_overflow_and_a_closed_sidebar(browser, server, path):
    watched = open_at(browser, server, path, PHONE, "[data-testid=stMainBlockContainer] h1")
    page = watched.page
    time.sleep(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE[0]
    overflowing = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid=stMainBlockContainer] *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                      && !e.closest('[data-testid=stDataFrame],[data-testid=stDeckGlJsonChart],'
                                    + '[data-testid=stPlotlyChart],[data-testid=stTabs]'))
            .map(e => e.tagName + '.' + e.className).slice(0, 5)"""
    )
    assert overflowing == []
    sidebar = page.locator("[data-testid=stSidebar]")
    assert sidebar.get_attribute("aria-expanded") == "false" or not sidebar.is_visible()
    h1 = page.locator("h1").first.bounding_box()
    assert 0 <= h1["x"] < 60  # the content, not the sidebar, is what shows first
    page.context.close()


def test_map_tooltip_renders_as_text_without_tags(browser, server):
    watched = open_at(browser, server, "map", LAPTOP, "[data-testid=stDeckGlJsonChart] canvas")
    page = watched.page
    page.wait_for_timeout(2000)
    deck = page.locator("[data-testid=stDeckGlJsonChart]").bounding_box()
    tip = None
    for gy in range(10, 95, 5):
        for gx in range(10, 95, 5):
            page.mouse.move(
                deck["x"] + deck["width"] * gx / 100, deck["y"] + deck["height"] * gy / 100
            )
            tip = page.evaluate(
                "(() => { const t = document.querySelector('.deck-tooltip');"
                " return t && t.style.display !== 'none' ? t.innerText : null })()"
            )
            if tip:
                break
        if tip:
            break
    assert tip, "no tooltip anywhere on the map"
    assert not re.search(r"</?(b|i|br|div)\b", tip), tip
    assert "—" in tip or "条" in tip
    page.screenshot(path=str(SCREENSHOTS / "map-tooltip.png"))
    watched.assert_clean()
    page.context.close()


def test_map_is_above_the_fold_on_a_laptop(browser, server):
    watched = open_at(browser, server, "map", LAPTOP, "[data-testid=stDeckGlJsonChart] canvas")
    page = watched.page
    page.wait_for_timeout(1500)
    deck = page.locator("[data-testid=stDeckGlJsonChart]").bounding_box()
    assert deck["y"] < LAPTOP[1] / 2 and deck["y"] + deck["height"] <= LAPTOP[1] + 1
    page.screenshot(path=str(DOCS / "screenshot-map-laptop.png"))
    page.context.close()
    phone = open_at(browser, server, "map", PHONE, "[data-testid=stDeckGlJsonChart] canvas")
    phone.page.wait_for_timeout(1500)
    phone.page.screenshot(path=str(DOCS / "screenshot-map-phone.png"))
    phone.page.context.close()


def test_a_click_on_a_bar_filters_and_changes_the_url(browser, server):
    watched = open_at(browser, server, "", LAPTOP, ".js-plotly-plot")
    page = watched.page
    chart = page.locator("[data-testid=stPlotlyChart]").first
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    # The first trace holds 已实现 per field, listed bottom-up; its last point is 教育.
    bar = chart.locator(".trace.bars").first.locator(".point").last.bounding_box()
    x, y = bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2
    page.mouse.move(x - 3, y)
    page.mouse.move(x, y)
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    page.wait_for_function(
        "decodeURIComponent(location.search).includes('field=教育')", timeout=15000
    )
    page.wait_for_function(
        "document.querySelector('[data-testid=stMainBlockContainer]').innerText"
        ".includes('当前筛选：领域：教育')",
        timeout=15000,
    )
    watched.assert_clean()
    page.context.close()


FILTERS_BUTTON = "[data-testid=stSidebar] [data-testid=stPopover] button"


def open_filters(page):
    """Open the sidebar's 筛选 popover (when the page has one); its multiselects."""
    button = page.locator(FILTERS_BUTTON)
    if button.count():
        button.first.click()
        page.locator("[data-testid=stPopoverBody] [data-testid=stMultiSelect]").first.wait_for()
    return page.locator("[data-testid=stPopoverBody] [data-testid=stMultiSelect]")


@pytest.mark.parametrize("path", PAGES)
def test_no_english_ui_words_are_visible(browser, server, path):
    ready = "[data-testid=stMainBlockContainer] h1"
    watched = open_at(browser, server, path, LAPTOP, ready)
    page = watched.page
    page.wait_for_timeout(1500)
    # Open the filters and the first filter's dropdown too: that is where "Select all" used to be.
    multiselect = open_filters(page)
    if multiselect.count():
        box = multiselect.first.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 15)
        page.wait_for_timeout(800)
    charts = page.locator("[data-testid=stPlotlyChart], [data-testid=stDataFrame]").all()
    for chart in [c for c in charts if c.is_visible()][:2]:
        chart.hover()  # toolbars and mode bars appear on hover
    english = [t for t in page.evaluate(VISIBLE_TEXT) if ENGLISH_UI.search(t)]
    assert english == [], f"English UI text on /{path}: {english}"
    page.context.close()
