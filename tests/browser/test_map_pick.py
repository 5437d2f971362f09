"""A click on a map line as an official would make it: the hover and the line beside the map name
every relation at the two dots, the pick is in the URL and a reload reopens it, and the partner
chart's legend sits clear of its bars (issue 16, H16d)."""

from urllib.parse import unquote

from tests.browser.conftest import SCREENSHOTS, PageWatch
from tests.browser.test_map_and_phone import MAP, phone_page

LAPTOP = {"width": 1366, "height": 768}
TIP = (
    "(() => { const t = document.querySelector('.deck-tooltip');"
    " return t && t.style.display !== 'none' ? t.innerText : null })()"
)
PICKED = (
    "(() => { const e = [...document.querySelectorAll('[data-testid=stMarkdownContainer]')]"
    ".find(e => e.innerText.startsWith('地图上选中'));"
    " return e ? {text: e.innerText, bottom: e.getBoundingClientRect().bottom} : null })()"
)
SUMMARY = "北京市等 3 处 — 乌海市：已实现 13 条（教育 1、医疗 3、科创 4、文旅 4、产业 1）"


def find_line(page) -> tuple[float, float, str]:
    """Hover across the middle of the 乌海 map until a line's tooltip shows."""
    deck = page.locator("[data-testid=stDeckGlJsonChart]").bounding_box()
    for gx in range(40, 96, 3):
        for gy in range(40, 60):
            x, y = deck["x"] + deck["width"] * gx / 100, deck["y"] + deck["height"] * gy / 100
            page.mouse.move(x, y)
            page.wait_for_timeout(40)
            tip = page.evaluate(TIP)
            if tip and " — " in tip.split("\n")[0]:
                return x, y, tip
    raise AssertionError("no line's tooltip on the 乌海 map")


def open_wuhai(watched: PageWatch, server: str) -> None:
    watched.open(f"{server}/map?view=乌海", ready=MAP)
    watched.page.wait_for_timeout(1500)


def test_a_clicked_line_is_summarised_kept_in_the_url_and_reopened_on_reload(browser, server):
    context = browser.new_context(viewport=LAPTOP, locale="zh-CN")
    watched = PageWatch(context.new_page())
    open_wuhai(watched, server)
    page = watched.page
    x, y, tip = find_line(page)
    assert tip.startswith("北京市等 3 处 — 乌海市\n已实现 13 条（教育 1、") and "《" in tip
    page.screenshot(path=str(SCREENSHOTS / "map-pick-hover.png"))
    page.mouse.click(x, y)
    page.wait_for_function("location.search.includes('pick=')", timeout=15000)
    page.wait_for_function(f"{PICKED} !== null", timeout=15000)
    picked = page.evaluate(PICKED)
    assert SUMMARY in picked["text"] and picked["bottom"] <= LAPTOP["height"]  # above the fold
    assert "pick=北京市—乌海市" in unquote(page.url) and "view=乌海" in unquote(page.url)
    page.screenshot(path=str(SCREENSHOTS / "map-pick-laptop.png"))
    page.reload()
    page.wait_for_selector(MAP, timeout=30000)
    page.wait_for_function(f"{PICKED} !== null", timeout=15000)
    assert SUMMARY in page.evaluate(PICKED)["text"]
    assert "pick=北京市—乌海市" in unquote(page.url)
    # The details opened on the pick: the partner chart's legend is above its bars, not on them.
    chart = page.locator("[data-testid=stPlotlyChart]").first
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    legend, plot = (
        chart.locator(selector).first.bounding_box() for selector in ("g.legend", ".nsewdrag")
    )
    assert legend["y"] + legend["height"] <= plot["y"] + 1, (legend, plot)
    chart.screenshot(path=str(SCREENSHOTS / "map-pick-partners.png"))
    watched.assert_clean()
    context.close()


def test_a_tapped_line_on_a_phone_is_summarised_under_the_map(browser, server):
    watched = phone_page(browser)
    open_wuhai(watched, server)
    page = watched.page
    x, y, _ = find_line(page)
    page.touchscreen.tap(x, y)
    page.wait_for_function(f"{PICKED} !== null", timeout=15000)
    assert SUMMARY in page.evaluate(PICKED)["text"]
    assert "pick=北京市—乌海市" in unquote(page.url)
    page.screenshot(path=str(SCREENSHOTS / "map-pick-phone.png"), full_page=True)
    watched.assert_clean()
    page.context.close()
