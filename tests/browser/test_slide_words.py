"""汇报模式 as a reviewer saw it: no word split across lines on slide 5 (企 / 业) at 1366 px or on
a phone, the map slide's place names readable at 1366 px, and a localhost QR code flagged."""

from itertools import pairwise

import pytest

from briefing.map_image import LABEL_FONT_PX, PICTURE_PX
from tests.browser.conftest import PageWatch
from tests.browser.test_map_and_phone import PHONE_AGENT

SLIDE = ":is(.st-key-slide, .slide-frame)"  # a chart or map slide, or one HTML slide
# The text of each line as the browser laid it out (soft breaks left out).
LINES_JS = """(el) => {
  const out = []; let line = "", top = null;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let i = 0; i < node.length; i++) {
      if (node.data[i] === "\\u200b") continue;
      range.setStart(node, i); range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      if (top !== null && Math.abs(box.top - top) > 3) { out.push(line); line = ""; }
      top = box.top; line += node.data[i];
    }
  }
  out.push(line);
  return out;
}"""
SPLIT = [("企", "业"), ("乌海", "市"), ("创新中", "心"), ("乌", "海")]


def open_slide(browser, server, number: int, width: int, height: int, phone: bool = False):
    options = {"viewport": {"width": width, "height": height}, "locale": "zh-CN"}
    if phone:
        options.update(user_agent=PHONE_AGENT, is_mobile=True, has_touch=True)
    context = browser.new_context(**options)
    watched = PageWatch(context.new_page())
    watched.open(f"{server}/present?slide={number}", ready=".slide-footer")
    return context, watched


def assert_no_split(lines: list[str]) -> None:
    for before, after in pairwise(lines):
        for head, tail in SPLIT:
            assert not (before.rstrip().endswith(head) and after.lstrip().startswith(tail)), (
                before,
                after,
            )


def test_slide_5_chart_labels_break_between_words_at_1366(browser, server):
    context, watched = open_slide(browser, server, 5, 1366, 768)
    page = watched.page
    page.wait_for_selector(f"{SLIDE} .ytick text", timeout=30000)
    ticks = page.locator(f"{SLIDE} .ytick text").evaluate_all(
        "els => els.map(e => [...e.querySelectorAll('tspan.line')].map(t => t.textContent)"
        ".concat(e.querySelector('tspan.line') ? [] : [e.textContent]))"
    )
    assert ["入驻乌海·", "信息谷创新中心的企业"] in ticks, ticks  # was …中心的企 / 业
    for lines in ticks:
        assert_no_split(lines)
    list_lines = page.locator(f"{SLIDE} .slide-list").evaluate(LINES_JS)
    assert any("信息谷创新中心的企业" in line for line in list_lines), list_lines
    assert_no_split(list_lines)
    watched.screenshot("present-slide-5-1366")
    watched.assert_clean()
    context.close()


@pytest.mark.parametrize("width", [390, 360])
def test_slide_5_list_breaks_between_words_on_a_phone(browser, server, width):
    context, watched = open_slide(browser, server, 5, width, 844, phone=True)
    lines = watched.page.locator(f"{SLIDE} .slide-list").evaluate(LINES_JS)
    assert len(lines) > 6, lines  # the phone wraps some
    assert_no_split(lines)
    assert any(line.strip() == "（乌海市）" for line in lines), lines  # whole, not 乌海 / 市）
    watched.screenshot(f"present-slide-5-{width}")
    watched.assert_clean()
    context.close()


def test_the_map_slide_names_places_at_a_readable_size_at_1366(browser, server):
    context, watched = open_slide(browser, server, 8, 1366, 768)  # after 文旅 and 其他领域
    picture = watched.page.locator(f"{SLIDE} img").first
    picture.wait_for(timeout=30000)
    shown = picture.evaluate("img => img.getBoundingClientRect().width")
    assert LABEL_FONT_PX * shown / PICTURE_PX[0] >= 13.5, shown  # 26 px names showed at ~10 px
    subtitle = watched.page.locator(f"{SLIDE} .slide-sub").all_inner_texts()
    assert (
        len(subtitle) == 2 and "区外其他合作方" in subtitle[1] and "内蒙古区内联动" in subtitle[1]
    )
    watched.screenshot("present-slide-8-1366")
    watched.assert_clean()
    context.close()


def test_a_localhost_qr_code_warns_that_phones_cannot_open_it(browser, server):
    context, watched = open_slide(browser, server, 1, 1366, 768)
    page = watched.page
    page.get_by_text("分享本视图（二维码）").click()
    warning = page.locator(".slide-share-warn")
    warning.wait_for(timeout=15000)
    assert "手机扫码打不开" in warning.inner_text()
    assert warning.evaluate("e => getComputedStyle(e).color") == "rgb(180, 35, 24)"
    warning.scroll_into_view_if_needed()
    watched.screenshot("present-share-localhost")
    watched.assert_clean()
    context.close()
