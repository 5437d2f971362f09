"""A page's own address (/present from a QR code, /education from a shared link) connects at once,
and the tab reads Chinese before the first run (deploy/page.py, served by web.py as `make run`)."""

import pytest

from deploy.page import page_html
from ui.labels import LABELS


@pytest.mark.parametrize(
    ("path", "root"),
    [
        ("/present", "http://jmb.test/"),
        ("/present/", "http://jmb.test/"),
        ("//present", "http://jmb.test/"),
        ("/other-fields?field=教育", "http://jmb.test/"),
        ("/jmb/present", "http://jmb.test/jmb/"),  # behind a proxy that adds a prefix
        ("/", None),  # the root: Streamlit finds it itself, at once
        ("/jmb", None),  # the app's root under a prefix
        ("/nonsense", None),  # an unknown address: Streamlit's own way (it says the page is gone)
    ],
)
def test_the_page_tells_streamlit_the_apps_root_only_on_a_known_pages_address(browser, path, root):
    context = browser.new_context()
    page = context.new_page()
    page.route("**/static/**", lambda route: route.abort())  # only the page's own script runs
    page.route(
        "http://jmb.test/**",
        lambda route: route.fulfill(body=page_html(), content_type="text/html; charset=utf-8"),
    )
    page.goto(f"http://jmb.test{path}")
    assert page.evaluate("window.__streamlit && window.__streamlit.BACKEND_BASE_URL") == root
    context.close()


def test_a_deep_link_asks_only_the_apps_root_and_reads_chinese_from_the_start(watched, server):
    asked = []
    watched.page.on("request", lambda request: asked.append(request.url))
    watched.page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => { window.__first ="
        " [document.title, document.documentElement.lang]; });"
    )
    watched.open(f"{server}/present", ready=".slide-footer")
    assert watched.page.evaluate("window.__first") == [LABELS["app_title"], "zh-CN"]
    probes = [url for url in asked if "/_stcore/" in url and "/present/_stcore/" in url]
    assert probes == []
    assert f"{server}/_stcore/health" in asked
    watched.assert_clean()


def test_an_unknown_address_reads_chinese_from_the_start_too(browser, server):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(f"{server}/no-such-page/x", wait_until="domcontentloaded")
    assert page.title() == LABELS["app_title"]
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    context.close()


def test_an_address_below_a_page_opens_the_page(watched, server):
    watched.open(f"{server}/present/2?slide=2", ready=".slide-footer")
    assert watched.page.url == f"{server}/present?slide=2"
    watched.assert_clean()
