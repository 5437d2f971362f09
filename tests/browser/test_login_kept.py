"""In a real browser: an editor who logs in is still signed in after a reload; after 退出登录 a
reload shows a viewer. The cookie is HttpOnly, so page scripts cannot read it: set by web.py's
endpoint under `make run`, by nginx under `make serve`."""

from collections.abc import Iterator

import pytest

from deploy.serve import cluster, free_ports, nginx_binary
from store.auth import add_editor
from store.db import open_store
from tests.browser.conftest import PageWatch, run_server

PASSWORD = "correct horse 1"
SIGNED_IN = "已登录：张编辑（编辑）"


def _store(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    engine = open_store(url)
    add_editor(engine, "zhang", PASSWORD, "张编辑")
    engine.dispose()
    return url


@pytest.fixture
def plain_server(tmp_path, monkeypatch) -> Iterator[str]:
    monkeypatch.setenv("DATABASE_URL", _store(tmp_path))
    yield from run_server("login-server")


@pytest.fixture
def nginx_server(tmp_path) -> Iterator[str]:
    try:
        nginx_binary()
    except RuntimeError:
        pytest.skip("nginx is not installed (make serve installs it)")
    env = {"DATABASE_URL": _store(tmp_path)}
    port, worker = free_ports(2)
    with cluster(port, 1, env=env, worker_ports=[worker], folder=tmp_path / "n") as up:
        yield up.url


def _login_cookie(context) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == "jmb_login"), None)


def _sidebar_text(page) -> str:
    return page.locator("[data-testid=stSidebar]").inner_text()


def _open_sidebar(page) -> None:
    """On a phone the sidebar starts collapsed."""
    expand = page.locator("[data-testid=stExpandSidebarButton]")
    if expand.is_visible():
        expand.click()
    page.locator("[data-testid=stSidebarUserContent]").wait_for(timeout=10000)


def _reload_and_wait(watch: PageWatch, url: str) -> None:
    watch.open(url)
    watch.page.wait_for_selector(
        "[data-testid=stSidebar] [data-testid=stExpander], "
        "[data-testid=stSidebar] button:has-text('退出登录')",
        state="attached",
    )


def _kept_across_reloads(browser, base: str, name: str, width: int, height: int) -> dict:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    watch = PageWatch(page)
    url = f"{base}/maintain"
    _reload_and_wait(watch, url)
    _open_sidebar(page)
    page.get_by_text("编辑登录", exact=True).click()
    page.get_by_label("用户名").fill("zhang")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    page.get_by_text(SIGNED_IN).wait_for(timeout=30000)
    for _ in range(50):
        if _login_cookie(context):
            break
        page.wait_for_timeout(200)
    cookie = _login_cookie(context)
    assert cookie, "the login cookie was set"
    watch.screenshot(f"login-just-signed-in-{name}-{width}")
    _reload_and_wait(watch, url)
    _open_sidebar(page)
    page.get_by_text(SIGNED_IN).wait_for(timeout=30000)
    watch.screenshot(f"login-kept-{name}-{width}")
    page.get_by_role("button", name="退出登录").click()
    page.get_by_text("编辑登录", exact=True).wait_for(timeout=30000)
    for _ in range(50):
        if not _login_cookie(context):
            break
        page.wait_for_timeout(200)
    assert _login_cookie(context) is None, "退出登录 removed the cookie"
    _reload_and_wait(watch, url)
    _open_sidebar(page)
    page.get_by_text("编辑登录", exact=True).wait_for(timeout=30000)
    assert SIGNED_IN not in _sidebar_text(page)
    watch.screenshot(f"login-signed-out-{name}-{width}")
    watch.assert_clean()
    context.close()
    return cookie


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (390, 844)])
def test_signed_in_across_a_reload_until_logout(browser, plain_server, width, height):
    cookie = _kept_across_reloads(browser, plain_server, "plain", width, height)
    assert cookie["sameSite"] == "Strict" and cookie["httpOnly"]  # web.py's endpoint (make run)
    assert PASSWORD not in cookie["value"]


def test_behind_nginx_the_login_cookie_is_httponly(browser, nginx_server):
    cookie = _kept_across_reloads(browser, nginx_server, "nginx", 1366, 768)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
