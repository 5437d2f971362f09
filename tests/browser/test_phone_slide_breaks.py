"""汇报模式 on a phone (390×844 and 360 px) as a reviewer read it: a 其中 line keeps its indent when
it wraps, subtitles and footers wrap between words (not 内蒙古区内联 / 动), a date stays whole
(not 2025- / 03-21), a number stays with its unit."""

import pytest

from tests.browser.test_slide_words import LINES_JS, SLIDE, open_slide

# Every line's text and left edge, as the browser laid it out (invisible marks left out).
LINE_BOXES_JS = """(el) => {
  const out = []; let line = "", top = null, left = null;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let i = 0; i < node.length; i++) {
      if ("\\u200b\\u2060".includes(node.data[i])) continue;
      range.setStart(node, i); range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      if (top !== null && Math.abs(box.top - top) > 3) { out.push([line, left]); line = ""; left = null; }
      if (left === null) left = box.left;
      top = box.top; line += node.data[i];
    }
  }
  out.push([line, left]);
  return out;
}"""


def clean(lines: list[str]) -> list[str]:
    return [line.replace("\u2060", "").replace("\xa0", " ").strip() for line in lines]


@pytest.mark.parametrize("width", [390, 360])
def test_a_wrapped_part_line_keeps_its_indent(browser, server, width):
    context, watched = open_slide(browser, server, 5, width, 844, phone=True)
    page = watched.page
    sub = page.locator(f"{SLIDE} .slide-list .li.sub").first
    boxes = sub.evaluate(LINE_BOXES_JS)
    assert len(boxes) >= 2, boxes  # 其中 4家：率先入驻乌海· / 信息谷创新中心的企业
    assert boxes[0][0].startswith("其中 4家")
    whole = page.locator(f"{SLIDE} .slide-list .li").first.evaluate(LINE_BOXES_JS)
    assert all(left > whole[0][1] + 16 for _, left in boxes), (boxes, whole)  # under its whole
    assert all(left >= boxes[0][1] - 1 for _, left in boxes[1:]), boxes  # not back to the edge
    watched.screenshot(f"present-phone-part-indent-{width}")
    watched.assert_clean()
    context.close()


def test_subtitles_and_footers_wrap_between_words_on_a_phone(browser, server):
    context, watched = open_slide(browser, server, 8, 390, 844, phone=True)  # the map
    page = watched.page
    subtitle = [
        line for el in page.locator(f"{SLIDE} .slide-sub").all() for line in el.evaluate(LINES_JS)
    ]
    subtitle = clean(subtitle)
    assert len(subtitle) > 2, subtitle  # the phone wraps them
    assert any("内蒙古区内联动" in line for line in subtitle), subtitle
    assert any("（每句每对地点计一次）" in line for line in subtitle), subtitle
    footer = clean(page.locator(f"{SLIDE} .slide-footer").evaluate(LINES_JS))
    assert any("2025年" in line for line in footer), footer  # was 2025 / 年
    watched.screenshot("present-phone-map-subtitle")
    context.close()


def test_the_sources_slide_keeps_a_date_whole_on_a_phone(browser, server):
    context, watched = open_slide(browser, server, 10, 390, 844, phone=True)
    page = watched.page
    lines = clean(page.locator(f"{SLIDE} .slide-list").evaluate(LINES_JS))
    assert any("2025-03-21" in line for line in lines), lines  # was 2025- / 03-21
    footer = clean(page.locator(f"{SLIDE} .slide-footer").evaluate(LINES_JS))
    assert any("第 10/10 页" in line for line in footer), footer
    watched.screenshot("present-phone-sources")
    watched.assert_clean()
    context.close()


def test_a_number_stays_with_its_unit_in_a_wrapped_subtitle_at_1366(browser, server):
    # 其他领域's subtitle (its fields, 6 个目标, 已实现 2 条、计划 6 条) fits one line at 1366×768
    # since 文旅 has its own slide; a laptop with a bookmarks bar (640 px high) wraps it
    context, watched = open_slide(browser, server, 7, 1366, 640)
    lines = clean(watched.page.locator(f"{SLIDE} .slide-sub").evaluate(LINES_JS))
    assert len(lines) == 2, lines
    assert not any(line[-1].isdigit() for line in lines[:-1]), lines  # was 计划 6 / 条
    assert not any(line[0] == "条" for line in lines[1:]), lines
    watched.screenshot("present-slide-7-1366x640")
    context.close()
