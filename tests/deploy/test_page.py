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


def test_the_window_width_and_density_are_written_before_streamlit_connects():
    """The map's first run reads them from the websocket handshake's cookies (ui.map_cache:
    map_is_narrow, picture_density): they must be written before Streamlit's module loads."""
    html = page.page_html()
    module = html.index('<script type="module"')
    assert html.index(f"document.cookie='{page.VIEWPORT_COOKIE}='+window.innerWidth") < module
    assert html.index(f"document.cookie='{page.DPR_COOKIE}='+window.devicePixelRatio") < module


def test_a_streamlit_page_it_does_not_recognise_is_served_as_streamlit_wrote_it(caplog):
    caplog.set_level(logging.WARNING)
    odd = "<html><head><title>X</title></head><body></body></html>"
    assert page.adapt(odd, ["present"], "看板", "需要 JS") == odd
    assert len(caplog.records) == 3  # lang, title, noscript: each said


def _streamlit_like():
    """Streamlit's own answers, in small: its index.html for pages (as a file), other things."""
    from starlette.applications import Starlette
    from starlette.responses import FileResponse, HTMLResponse, JSONResponse
    from starlette.routing import Route

    async def other_html(_request):
        return HTMLResponse("<p>" + "x" * (len(page.streamlit_index().read_bytes()) - 7) + "</p>")

    async def health(_request):
        return JSONResponse({"ok": True})

    async def index(_request):
        return FileResponse(page.streamlit_index())

    return Starlette(
        routes=[
            Route("/component/x.html", other_html),
            Route("/_stcore/health", health),
            Route("/{path:path}", index, methods=["GET", "HEAD", "POST"]),
        ]
    )


def test_wherever_streamlit_answers_with_its_page_the_app_answers_with_its_own():
    from starlette.middleware.gzip import GZipMiddleware

    app = page.AppPage(_streamlit_like())
    gzipped = page.AppPage(GZipMiddleware(_streamlit_like(), minimum_size=500))  # as Streamlit's
    for path in ["/", "/present", "/other-fields", "/nonsense"]:
        for server, headers in ((app, {}), (gzipped, {"Accept-Encoding": "gzip"})):
            status, answer, body = call(server, path, headers=headers)
            assert status == 200 and body == page.page_html(), path
            assert int(answer["content-length"]) == len(page.page_html().encode())
            assert "content-encoding" not in answer
            assert "etag" not in answer and "last-modified" not in answer  # nothing stale kept
    status, headers, body = call(app, "/present", "HEAD")
    assert status == 200 and body == ""
    assert int(headers["content-length"]) == len(page.page_html().encode())


def test_every_other_answer_passes_as_it_was():
    app = page.AppPage(_streamlit_like())
    same_length_html = call(app, "/component/x.html")[2]
    assert same_length_html.startswith("<p>xxx") and len(same_length_html) == len(
        page.streamlit_index().read_bytes()
    )
    assert call(app, "/_stcore/health")[2] == '{"ok":true}'
    assert call(app, "/present", "POST")[2] == page.streamlit_index().read_text(encoding="utf-8")


def test_an_address_below_a_page_goes_to_the_page_not_to_a_blank_screen():
    app = page.AppPage(_streamlit_like())
    status, headers, body = call(app, "/present/2")
    assert (status, headers["location"], body) == (302, "../present", "")
    assert call(app, "/x/present/%E6%95%99")[1]["location"] == "../../x"
    assert call(app, "/present/2", "HEAD")[0] == 302
    under_base = page.AppPage(_streamlit_like(), base_url_path="/jmb/")
    assert call(under_base, "/jmb/present")[2] == page.page_html()
    assert call(under_base, "/jmb/present/2")[1]["location"] == "../present"
    assert call(under_base, "/jmbx/present")[0] == 302  # not the base: below /jmbx


def test_repeated_slashes_lead_to_the_same_address_never_to_another_host():
    app = page.AppPage(_streamlit_like())
    assert call(app, "//present")[1]["location"] == "/present"
    assert call(app, "//evil.test/x")[1]["location"] == "/evil.test/x"
    assert call(app, "///")[1]["location"] == "/"
    assert call(app, "/a//b")[1]["location"] == "../a"  # then a single-slash address
