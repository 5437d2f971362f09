"""The field chips of 总览 (全部 … 其他) on a phone: one line, nothing pushed off the screen."""

import pytest

from tests.browser.conftest import SCREENSHOTS, PageWatch

CHIPS = "[...document.querySelectorAll('.st-key-w_quick_field button')]"


@pytest.mark.parametrize("size", [(390, 844), (360, 740)])
def test_the_field_chips_share_one_line_of_a_phone(browser, server, size):
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]}, locale="zh-CN", is_mobile=True,
        has_touch=True,
    )  # fmt: skip
    watched = PageWatch(context.new_page())
    watched.open(f"{server}/?field=%E5%8C%BB%E7%96%97", ready=".st-key-w_quick_field button")
    page = watched.page
    chips = page.evaluate(f"{CHIPS}.map(b => [b.innerText, b.getBoundingClientRect().top, "
                          "b.getBoundingClientRect().right])")  # fmt: skip
    assert [text for text, _, _ in chips] == ["全部", "教育", "医疗", "科创", "文旅", "其他"]
    assert len({round(top) for _, top, _ in chips}) == 1, chips
    assert max(right for _, _, right in chips) <= size[0]
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    page.locator(".st-key-w_quick_field").screenshot(
        path=str(SCREENSHOTS / f"chips-{size[0]}x{size[1]}.png")
    )
    watched.assert_clean()
    context.close()
