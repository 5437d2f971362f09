"""The map's switches on a phone: all four views on one row at 390 and 360 px (乌海 wrapped
onto a row of its own), the three scopes on one row too, the map under them drawn and nothing
sent off the machine."""

import pytest

from tests.browser.conftest import PageWatch
from tests.browser.test_map_and_phone import MAP, PHONE_AGENT


@pytest.mark.parametrize("width", [390, 360])
def test_the_view_switch_is_one_row_on_a_phone(browser, server, width):
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        user_agent=PHONE_AGENT,
        is_mobile=True,
        has_touch=True,
        device_scale_factor=3,
        locale="zh-CN",
    )
    watched = PageWatch(context.new_page())
    watched.open(f"{server}/map?view=乌海", ready=MAP)
    boxes = watched.page.locator(".st-key-w_map_view button").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return [e.innerText, r.top, r.left, r.right]; })"
    )
    assert [text for text, *_ in boxes] == ["京蒙总览", "内蒙古全区", "鄂尔多斯旗区", "乌海"]
    assert len({round(top) for _, top, _, _ in boxes}) == 1, boxes  # one row
    assert boxes[-1][3] <= width, boxes  # 乌海 whole on the screen
    scopes = watched.page.locator(".st-key-w_map_scope button").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.top, r.right]; })"
    )
    assert len(scopes) == 3 and len({round(top) for top, _ in scopes}) == 1, scopes
    assert scopes[-1][1] <= width, scopes  # 内蒙古区内联动 whole on the screen
    chosen = watched.page.locator(".st-key-w_map_view button[aria-checked=true]").inner_text()
    assert chosen == "乌海"
    watched.screenshot(f"map-phone-views-{width}")
    watched.assert_clean()
    context.close()
