"""Box selection on a field chart, the map framed and labelled for a phone, and bar labels that
fit a phone's width (issue 14)."""

import json

from geo.arcs import PHONE_WIDTH_PX
from tests.browser.conftest import SCREENSHOTS, PageWatch

PHONE = {"width": 390, "height": 844}
# What an iPhone's browser says: the server then frames and labels the map for a phone.
PHONE_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
MAP = "[data-testid=stDeckGlJsonChart] canvas"


def phone_page(browser):
    context = browser.new_context(
        viewport=PHONE, user_agent=PHONE_AGENT, is_mobile=True, has_touch=True, locale="zh-CN"
    )
    return PageWatch(context.new_page())


def test_a_box_drag_selects_several_bars_into_the_url_and_the_selection_line(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    watched = PageWatch(context.new_page())
    watched.open(f"{server}/medical", ready=".js-plotly-plot .main-svg")
    page = watched.page
    chart = page.locator("[data-testid=stPlotlyChart]").first
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    titles = chart.locator(".modebar-btn").evaluate_all(
        "els => els.map(e => e.getAttribute('data-title'))"
    )
    assert titles and all(t and not t.isascii() for t in titles), titles  # Chinese tooltips
    chart.locator(".modebar-btn[data-val=select]").click(force=True)
    area = chart.locator(".nsewdrag").first.bounding_box()
    page.mouse.move(area["x"] + 2, area["y"] + 2)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] - 2, area["y"] + area["height"] * 0.8, steps=12)
    page.mouse.up()
    page.wait_for_function(
        "new URLSearchParams(location.search).get('pick')?.split(',').length >= 2",
        timeout=15000,
    )
    page.wait_for_function(
        "document.querySelector('[data-testid=stMainBlockContainer]').innerText.includes('图中选中')",
        timeout=15000,
    )
    page.screenshot(path=str(SCREENSHOTS / "field-box-select.png"))
    watched.assert_clean()
    context.close()


def test_the_map_on_a_phone_is_framed_for_its_width_and_no_label_is_cut(browser, server):
    watched = phone_page(browser)
    watched.open(f"{server}/map", ready=MAP)
    page = watched.page
    page.wait_for_timeout(1500)
    deck = page.locator("[data-testid=stDeckGlJsonChart]").bounding_box()
    assert deck["x"] >= 0 and deck["x"] + deck["width"] <= PHONE["width"]
    # The server framed and placed the labels for PHONE_WIDTH_PX: the map is at least that wide,
    # so every label box it computed lies inside the canvas.
    assert deck["width"] >= PHONE_WIDTH_PX
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.screenshot(path=str(SCREENSHOTS / "map-phone.png"))
    watched.assert_clean()
    page.context.close()


def test_bar_labels_fit_a_phone(browser, server):
    watched = phone_page(browser)
    watched.open(f"{server}/medical", ready=".js-plotly-plot .main-svg")
    page = watched.page
    page.wait_for_timeout(1000)
    spans = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')].flatMap(chart => {
          const edge = chart.getBoundingClientRect().right;
          return [...chart.querySelectorAll('text.bartext')].map(t =>
            [t.textContent, t.getBoundingClientRect().right, edge]);
        })"""
    )
    assert any("4900余人次" in text for text, _, _ in spans)
    cut = [text for text, right, edge in spans if right > edge]
    assert cut == [], (
        f"bar labels cut at the chart's right edge: {json.dumps(cut, ensure_ascii=False)}"
    )
    page.screenshot(path=str(SCREENSHOTS / "medical-phone.png"))
    page.context.close()
