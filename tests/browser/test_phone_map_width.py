"""合作地图 on the narrow phones people carry (360 to 390 px wide): the map is at least as wide as
the server framed and labelled it for, so no label lies past its right edge (at 360 px, a map
framed for 356 px cut 北京市 → on 鄂尔多斯旗区)."""

import pytest

from geo.arcs import PHONE_HEIGHT_PX, PHONE_WIDTH_PX
from tests.browser.conftest import PageWatch
from tests.browser.test_map_and_phone import MAP, PHONE_AGENT


@pytest.mark.parametrize("width", [360, 375, 390])
@pytest.mark.parametrize("view", ["鄂尔多斯旗区", "乌海"])
def test_the_phone_map_holds_its_frame_from_360_to_390_px(browser, server, width, view):
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        user_agent=PHONE_AGENT,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
    )
    watched = PageWatch(context.new_page())
    watched.open(f"{server}/map?view={view}", ready=MAP)
    page = watched.page
    page.wait_for_timeout(1000)
    deck = page.locator("[data-testid=stDeckGlJsonChart]").bounding_box()
    assert deck["width"] >= PHONE_WIDTH_PX, deck  # every label box the server placed is inside
    assert deck["height"] >= PHONE_HEIGHT_PX - 1, deck
    assert deck["x"] >= 0 and deck["x"] + deck["width"] <= width, deck
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    watched.screenshot(f"map-phone-{view}-{width}")
    watched.assert_clean()
    context.close()
