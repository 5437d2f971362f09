"""合作地图 in any window, whether or not its browser says it is a phone: the map opens framed for
the column it has, at once (the page wrote the window's width before connecting; no measuring,
no reload), so 乌海's partner 北京市 → stays on the map and a 1366 laptop keeps the wide frame.
A dot's hover counts 已实现 and 计划 apart (H18c)."""

import pytest

from geo.arcs import MAP_HEIGHT_PX, MAP_WIDTH_PX, PHONE_HEIGHT_PX, PHONE_WIDTH_PX
from tests.browser.conftest import PageWatch
from tests.browser.test_map_and_phone import MAP
from tests.browser.test_map_pick import TIP
from ui.map_cache import NARROW_BELOW_PX

DECK = "[data-testid=stDeckGlJsonChart]"


def framed_map(browser, server, width, height, view):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    watched = PageWatch(context.new_page())
    loads = []
    watched.page.on("load", lambda: loads.append(1))
    watched.open(f"{server}/map?view={view}", ready=MAP)
    watched.page.wait_for_function(
        "!document.querySelector('[data-testid=stStatusWidget]')", timeout=30000
    )
    watched.page.wait_for_timeout(1000)  # time for a reload, were there one
    return watched, loads


@pytest.mark.parametrize("width", [360, 390, 700, 1280, NARROW_BELOW_PX - 1, NARROW_BELOW_PX, 1366])
def test_the_map_opens_framed_for_its_column_without_a_reload(browser, server, width):
    watched, loads = framed_map(browser, server, width, 844, "乌海")
    page = watched.page
    deck = page.locator(DECK).bounding_box()
    narrow = width < NARROW_BELOW_PX
    assert round(deck["height"]) == (PHONE_HEIGHT_PX if narrow else MAP_HEIGHT_PX), deck
    assert deck["width"] >= (PHONE_WIDTH_PX if narrow else MAP_WIDTH_PX), deck  # the frame fits
    assert len(loads) == 1, loads
    if width in (390, 1366):
        watched.screenshot(f"map-opened-at-{width}")
    watched.assert_clean()
    page.context.close()


def test_a_laptop_keeps_its_frame_and_a_dot_names_each_kind(browser, server):
    watched, loads = framed_map(browser, server, 1366, 768, "京蒙总览")
    page = watched.page
    deck = page.locator(DECK).bounding_box()
    assert round(deck["height"]) == MAP_HEIGHT_PX and len(loads) == 1
    tips = set()
    for gx in range(8, 40):  # the Inner Mongolia dots sit in the map's left half
        page.mouse.move(deck["x"] + deck["width"] * gx / 100, deck["y"] + deck["height"] * 0.51)
        page.wait_for_timeout(40)
        tip = page.evaluate(TIP)
        if tip and " — " not in tip.split("\n")[0]:
            tips.add(tip)
    bodies = "\n".join(tips)
    assert "乌海市：已实现 24 条" in bodies, tips
    assert "鄂尔多斯市：计划 9 条" in bodies, tips
    assert "：9 条" not in bodies and "：24 条" not in bodies
    watched.assert_clean()
    page.context.close()
