"""What every page run sends besides its content: Streamlit's own texts translated exactly once
(also on the sign-in form and on 汇报模式, where it rides in the page's style element), and
汇报模式's first run as few elements as what it shows needs."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.views.conftest import open_page
from ui.frontend_text import script

PAGES = ["overview.py", "map.py", "present.py", "education.py", "tracker.py", "data.py"]


def translators(at: AppTest) -> int:
    return sum(e.proto.body.count(script().strip()) for e in at.get("html"))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_translates_streamlits_own_texts_once(app, page):
    at = open_page(app, page)
    assert not at.exception
    assert translators(at) == 1


def test_the_sign_in_form_translates_too(monkeypatch):
    monkeypatch.setenv("JMB_REQUIRE_LOGIN", "1")
    at = AppTest.from_file(ROOT / "app.py", default_timeout=60).run()
    assert at.get("text_input") and not at.exception  # the form, nothing else
    assert translators(at) == 1


def test_a_room_opening_present_gets_one_slide_element_and_no_share_widget(app):
    """A phone scanning the QR code: the slide is one element, the keys line and the share box
    (QR, address) one more; the only widgets are the four controls (back, next, PPTX, exit)."""
    at = open_page(app, "present.py")
    html = [e.proto.body for e in at.get("html")]
    assert sum('class="slide-frame"' in b for b in html) == 1
    assert sum('class="present-share"' in b and "present-keys" in b for b in html) == 1
    assert not at.expander and not at.code and not at.caption
    widgets = [*at.button, *at.get("download_button")]
    assert len(widgets) == 4
