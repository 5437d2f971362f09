"""A page's own URL parameters leave the URL when the user moves on: a link copied on another
page does not carry them (?figure= of 来源, ?slide= of 汇报模式)."""

from tests.views.conftest import html_text, open_page


def test_the_sentence_of_sources_is_dropped_on_leaving_it(app):
    """A card's link opens 来源 at its sentence; moving on to 总览 drops the sentence."""
    at = open_page(app, "sources.py", figure="ordos-07", field="医疗")
    assert "<mark>全年进出口总额增长20%以上</mark>" in html_text(at)
    assert at.query_params["figure"] in ("ordos-07", ["ordos-07"])
    at.switch_page("views/overview.py").run()
    assert "figure" not in at.query_params and "doc" not in at.query_params
    assert at.query_params["field"] in ("医疗", ["医疗"])  # the shared filters stay


def test_a_slide_number_is_dropped_on_other_pages_and_kept_on_its_own(app):
    at = open_page(app, "present.py", slide="3")
    assert at.query_params["slide"] in ("3", ["3"])
    at = at.switch_page("views/data.py").run()
    assert "slide" not in at.query_params and not at.exception
    at = at.switch_page("views/present.py").run()  # back: the slide it was on
    assert at.query_params["slide"] in ("3", ["3"])
