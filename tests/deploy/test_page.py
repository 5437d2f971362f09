"""The page every address answers (deploy/page.py): Chinese, and no base-path probe on a page."""

import logging

from deploy import page
from tests.deploy.asgi import call
from ui.labels import LABELS
from ui.routes import url_paths


def test_the_page_is_chinese_from_its_first_byte(caplog):
    caplog.set_level(logging.WARNING)
    html = page.adapt(
        page.streamlit_index().read_text(encoding="utf-8"),
        url_paths(),
        "京蒙协作成果看板",
        "需要 JS",
    )
    assert '<html lang="zh-CN">' in html and 'lang="en"' not in html
    assert "<title>京蒙协作成果看板</title>" in html and "Streamlit</title>" not in html
    assert "<noscript><p>需要 JS</p></noscript>" in html
    assert "enable JavaScript" not in html and "AI agents" not in html
    assert "window.__streamlit" in html
    assert caplog.records == []  # the pinned Streamlit's page has every part adapt() changes


def test_the_page_names_every_page_of_the_navigation_and_only_those():
    html = page.page_html()
    assert LABELS["app_title"] in html and LABELS["page_noscript"] in html
    script = html.split("window.__streamlit")[0].rsplit("<script>", 1)[1]
    assert all(f'"{path}"' in script for path in url_paths())
    assert '"_stcore"' not in script and '""' not in script  # the root keeps Streamlit's way


def test_a_streamlit_page_it_does_not_recognise_is_served_as_streamlit_wrote_it(caplog):
    caplog.set_level(logging.WARNING)
    odd = "<html><head><title>X</title></head><body></body></html>"
    assert page.adapt(odd, ["present"], "看板", "需要 JS") == odd
    assert len(caplog.records) == 3  # lang, title, noscript: each said


def test_the_app_answers_the_root_and_every_page_with_the_page_and_nothing_else():
    from starlette.applications import Starlette

    app = Starlette(routes=page.routes())
    for path in ["/", *(f"/{p}" for p in url_paths())]:
        status, headers, body = call(app, path)
        assert status == 200, path
        assert body == page.page_html() and headers["cache-control"] == "no-cache"
    assert call(app, "/present/_stcore/health")[0] == 404
    assert call(app, "/media/x.png")[0] == 404  # left to Streamlit's own routes

    prefixed = Starlette(routes=page.routes("/jmb/"))
    assert call(prefixed, "/jmb/present")[2] == page.page_html()
    assert call(prefixed, "/present")[0] == 404
