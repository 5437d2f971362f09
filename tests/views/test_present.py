"""汇报模式: slides follow the filters, step with prev/next, keep their place in the URL."""

import json
import re

import pytest

from tests.views.conftest import html_text, open_page, query_value


def test_present_starts_at_the_title_slide_with_the_scope(app):
    at = open_page(app, "present.py", field="医疗")
    html = html_text(at)
    assert "京蒙协作成果汇报" in html and "领域：医疗" in html
    assert "第 1/6 页" in html
    assert at.button(key="w_prev").disabled


def test_next_and_previous_move_through_the_slides_and_the_url(app):
    at = open_page(app, "present.py", field="医疗")
    at.button(key="w_next").click().run()
    assert "主要数字" in html_text(at) and "630余例次" in html_text(at)
    assert query_value(at, "slide") == "2"
    at.button(key="w_next").click().run()
    at.button(key="w_prev").click().run()
    assert query_value(at, "slide") == "2"


def test_a_slide_number_in_the_url_opens_that_slide(app):
    at = open_page(app, "present.py", field="医疗", slide="6")
    assert "数据来源" in html_text(at)
    assert at.button(key="w_next").disabled


@pytest.mark.parametrize("past", ["99", "99999999", "1" * 5000])
def test_a_slide_past_the_end_shows_the_last_slide_and_says_so(app, past):
    at = open_page(app, "present.py", slide=past)
    assert past[:40] in at.warning[0].value and "最后一页" in at.warning[0].value
    assert not at.exception
    total = re.search(r"第 \d+/(\d+) 页", html_text(at)).group(1)
    assert f"第 {total}/{total} 页" in html_text(at)


@pytest.mark.parametrize("bad", ["0", "²", "-1", "abc"])
def test_a_bad_slide_number_is_reported(app, bad):
    at = open_page(app, "present.py", slide=bad)
    assert "无效" in at.warning[0].value and not at.exception
    assert "第 1/" in html_text(at)


def test_present_offers_the_pptx_and_a_qr_code(app):
    at = open_page(app, "present.py")
    assert [b.proto.label for b in at.get("download_button")] == [
        "下载 PPTX（可在 PowerPoint、WPS 中编辑）"
    ]
    assert at.expander[0].label == "分享本视图（二维码）"
    assert len(at.get("image")) == 1  # the QR code of the permalink
    assert at.button(key="w_exit").label == "退出汇报"  # a button, not a plain link


def test_every_slide_of_the_full_deck_draws(app):
    at = open_page(app, "present.py")
    total = int(re.search(r"第 1/(\d+) 页", html_text(at)).group(1))
    charted = []
    for number in range(2, total + 1):
        at.button(key="w_next").click().run()
        assert not at.exception, f"slide {number}: {at.exception[0].value}"
        assert f"第 {number}/{total} 页" in html_text(at)
        charted += [json.loads(c.proto.spec)["data"][0] for c in at.get("plotly_chart")]
    # the 行动方案 slide charts tasks per section (its rows have no place)
    assert any("5条" in trace.get("text", []) for trace in charted)
