"""汇报模式 at 1366×768: the key hint is inside the window and a target's （目标） mark stays on
its amount's line (50亿元以上（目标）), in normal and in projector mode."""

import pytest

from tests.browser.test_streamlit_text import open_at


@pytest.mark.parametrize("query", ["slide=2", "slide=2&projector=1"], ids=["normal", "projector"])
def test_slide_controls_fit_and_target_marks_stay_on_the_line(browser, server, query):
    watched = open_at(browser, server, f"present?{query}", ready=".slide-kpi")
    page = watched.page
    page.wait_for_timeout(500)
    hint = page.get_by_text("可用翻页笔或键盘翻页").bounding_box()
    assert hint["y"] + hint["height"] <= 768, hint
    for value in page.locator(".slide-kpi.target .v").all():
        number, mark = value.locator(".n").bounding_box(), value.locator(".m").bounding_box()
        assert mark["y"] < number["y"] + number["height"], value.inner_text()  # same line
    watched.assert_clean()
    page.context.close()
