"""合作地图 in a window 360 or 390 px wide whose browser does not say it is a phone: the page
measures its map, reloads once and gets the phone's frame, so 乌海's partner 北京市 → stays on
the map; at 1366 nothing reloads. A dot's hover counts 已实现 and 计划 apart (H18c)."""

import pytest

from geo.arcs import MAP_HEIGHT_PX, PHONE_HEIGHT_PX
from tests.browser.conftest import PageWatch
from tests.browser.test_map_and_phone import MAP
from tests.browser.test_map_pick import TIP


def framed_map(browser, server, width, height, view):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    watched = PageWatch(context.new_page())
    loads = []
    watched.page.on("load", lambda: loads.append(1))
    watched.open(f"{server}/map?view={view}", ready=MAP)
    watched.page.wait_for_timeout(2500)  # the width check and its one reload
    watched.page.wait_for_selector(MAP, timeout=30000)
    watched.page.wait_for_function(
        "!document.querySelector('[data-testid=stStatusWidget]')", timeout=30000
    )
    return watched, loads


@pytest.mark.parametrize("width", [360, 390])
def test_a_narrow_desktop_window_gets_the_phone_frame_after_one_reload(browser, server, width):
    watched, loads = framed_map(browser, server, width, 844, "乌海")
    page = watched.page
    deck = page.locator("[data-testid=stDeckGlJsonChart]").bounding_box()
    assert round(deck["height"]) == PHONE_HEIGHT_PX, deck  # framed as on a phone
    assert len(loads) == 2, loads  # one reload, not a loop
    page.goto(f"{server}/map?view=京蒙总览")  # the next open knows the width: no reload
    page.wait_for_selector(MAP, timeout=30000)
    page.wait_for_timeout(2000)
    assert len(loads) == 3
    assert round(page.locator("[data-testid=stDeckGlJsonChart]").bounding_box()["height"]) == (
        PHONE_HEIGHT_PX
    )
    watched.screenshot(f"map-narrow-desktop-{width}")
    watched.assert_clean()
    page.context.close()


def test_a_laptop_keeps_its_frame_and_a_dot_names_each_kind(browser, server):
    watched, loads = framed_map(browser, server, 1366, 768, "京蒙总览")
    page = watched.page
    deck = page.locator("[data-testid=stDeckGlJsonChart]").bounding_box()
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
