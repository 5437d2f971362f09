"""Hostile URL parameters on every page that reads one: never an exception, and whatever is echoed
back through markdown is escaped (no link, image, HTML or directive can be injected)."""

import re

import pytest

from tests.views.conftest import open_page

VALUES = [
    "[点此重新登录](https://evil.example/login)",
    "![t](http://evil.example/t.png)",
    "<img src=x onerror=alert(1)>",
    ":red[伪造的通知]",
    "²",
    "1" * 5000,
    "教师\x00培训",
    "\ufffe\x1b[2J",
]
PARAMS = [
    ("overview.py", "field"),
    ("overview.py", "place"),
    ("overview.py", "source"),
    ("overview.py", "period"),
    ("map.py", "view"),
    ("present.py", "slide"),
    ("sources.py", "figure"),
    ("sources.py", "doc"),
    ("data.py", "kind"),
]
UNESCAPED = re.compile(r"(?<!\\)(\]\(|<[a-z!/]|:red\[)", re.IGNORECASE)


def shown(at) -> list[str]:
    """Every text the page passed through markdown."""
    elements = [*at.warning, *at.info, *at.error, *at.markdown, *at.caption, *at.success]
    return [str(element.value) for element in elements]


@pytest.mark.parametrize(("page", "param"), PARAMS)
@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_a_hostile_url_value_is_shown_inert(app, page, param, value):
    at = open_page(app, page, **{param: value})
    assert not at.exception, at.exception
    for text in shown(at):
        assert not UNESCAPED.search(text), text[:200]
