"""汇报模式: slides follow the filters, step with prev/next, keep their place in the URL."""

import base64
import html
import io
import json
import re

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.views.conftest import html_text, open_page, query_value
from ui import slides


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
    assert "<summary>分享本视图（二维码）</summary>" in html_text(at)  # a closed share box
    assert at.button(key="w_exit").label == "退出汇报"  # a button, not a plain link


def test_the_qr_code_is_a_png_of_the_address_shown_under_it(app):
    """The picture is inline (no JPEG re-encoding per visitor): a PNG of the permalink."""
    at = open_page(app, "present.py", field="医疗", slide="2")
    url = html.unescape(re.search(r'<code class="present-url">([^<]+)</code>', html_text(at))[1])
    assert "field=%E5%8C%BB%E7%96%97" in url and "slide=2" in url
    found = re.search(r'<img src="data:image/png;base64,([^"]+)"', html_text(at))
    png = base64.b64decode(found.group(1))
    assert png.startswith(b"\x89PNG") and png == slides.qr_png(url)
    assert 200 <= Image.open(io.BytesIO(png)).width <= slides.QR_PX  # whole modules, scannable


def test_a_phone_opening_the_qr_address_sees_the_presenters_slide(app):
    """A new session (the audience) with the filter and slide in its URL gets the same slide
    as the presenter, and neither session draws the hidden sidebar's widgets."""
    presenter = open_page(app, "present.py", field="医疗")
    presenter.button(key="w_next").click().run()
    presenter.button(key="w_next").click().run()
    assert query_value(presenter, "slide") == "3"
    phone = AppTest.from_file(ROOT / "app.py", default_timeout=30)
    phone.query_params.update({"field": "医疗", "slide": "3"})
    phone = phone.run().switch_page("views/present.py").run()
    shown = html_text(phone)
    assert "第 3/6 页" in shown and "领域：医疗" in phone.markdown[-1].value
    assert shown == html_text(presenter)
    assert not phone.sidebar.get("multiselect") and not phone.sidebar.toggle


def test_leaving_the_presentation_keeps_the_filters_for_the_sidebar(app):
    """汇报模式 draws no sidebar widget; the filter from the URL is still the sidebar's after."""
    at = open_page(app, "present.py", field="医疗", projector="1")
    assert not at.get("multiselect") and "font-size: 20px" in html_text(at)
    at.button(key="w_exit").click().run()
    assert at.multiselect(key="w_field").value == ["医疗"]
    assert at.toggle(key="w_projector").value is True


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
    assert any("5项" in trace.get("text", []) for trace in charted)


@pytest.mark.parametrize("phone", [True, False])
def test_the_map_slide_on_a_phone_shows_the_phone_picture(app, monkeypatch, phone):
    """A phone gets the map framed for it (portrait, names as large as on a laptop); a laptop
    keeps the slide's 16:10 picture."""
    from ui import cache, map_cache

    asked = []
    real = cache.briefing_phone_map
    monkeypatch.setattr(map_cache, "is_phone", lambda: phone)
    monkeypatch.setattr(cache, "briefing_phone_map", lambda *a: asked.append(a) or real(*a))
    at = open_page(app, "present.py")
    while not any("京蒙合作关系图" in h.proto.body for h in at.get("html")):
        at.button(key="w_next").click().run()
    assert not at.exception
    assert len(at.get("image")) == 1
    assert bool(asked) is phone
