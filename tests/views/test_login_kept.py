"""Editors stay signed in across a reload (the login cookie), 退出登录 ends it, a refused cookie
is a Chinese notice at most; 统一身份认证登录 shows only where [auth] configures it, and signs in
only the identities [oidc_editors] lists."""

import pytest
from streamlit.runtime.context import ContextProxy
from streamlit.testing.v1 import AppTest

from store import login_token
from store.auth import oidc_editor
from tests.conftest import ROOT
from tests.views.conftest import EDITOR_PASSWORD, open_login_box, open_page
from ui import login_cookie

OIDC = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a cookie secret of some length",
    "client_id": "jmb",
    "client_secret": "s",
    "server_metadata_url": "http://localhost:9/.well-known/openid-configuration",
}


def new_app() -> AppTest:
    return AppTest.from_file(ROOT / "app.py", default_timeout=30)


def with_cookies(monkeypatch, cookies: dict) -> None:
    """The browser's cookies as st.context shows them (AppTest cannot send any)."""
    monkeypatch.setattr(ContextProxy, "cookies", property(lambda _self: cookies))


def buttons(at: AppTest) -> set[str]:
    return {b.label for b in at.button}


def scripts(at: AppTest) -> str:
    return " ".join(str(element.proto) for element in at.get("iframe"))


def test_restore_names_the_editor_and_says_why_a_cookie_is_refused(store, monkeypatch):
    token = login_token.issue(store, "zhang")
    assert login_cookie.restore({}, store, {}) == login_cookie.Restored()
    assert login_cookie.restore({"jmb_login": token}, store, {}).signed_in.display == "张编辑"
    refused = login_cookie.restore({"jmb_login": token + "x"}, store, {})
    assert refused.signed_in is None and refused.notice == "登录凭据无效，请重新登录。"
    login_token.revoke(store, token)
    revoked = login_cookie.restore({"jmb_login": token}, store, {})
    assert revoked.signed_in is None and revoked.notice == ""  # 退出登录 needs no notice


def test_a_password_login_sets_the_cookie_and_a_new_session_with_it_is_signed_in(
    store, monkeypatch
):
    at = open_page(new_app(), "maintain.py")
    open_login_box(at)
    at.text_input(key="auth_sidebar_user").input("zhang")
    at.text_input(key="auth_sidebar_pw").input(EDITOR_PASSWORD)
    at = next(b for b in at.button if b.label == "登录").click().run()
    token = at.session_state["auth_token"]
    assert "jmb_login" in scripts(at) and token in scripts(at)
    assert EDITOR_PASSWORD not in scripts(at)
    with_cookies(monkeypatch, {"jmb_login": token})
    reloaded = open_page(new_app(), "maintain.py")  # a reload is a new session
    assert not reloaded.exception
    assert "已登录：张编辑（编辑）" in [c.value for c in reloaded.sidebar.caption]
    assert "退出登录" in buttons(reloaded)
    reloaded = next(b for b in reloaded.button if b.label == "退出登录").click().run()
    assert "Max-Age=0" in scripts(reloaded)
    with pytest.raises(login_token.RevokedError):
        login_token.resolve(store, token)
    again = new_app().run()
    assert not again.toast  # a revoked cookie needs no notice
    again = again.switch_page("views/maintain.py").run()
    assert "退出登录" not in buttons(again)


def test_an_expired_cookie_is_a_chinese_notice_not_an_error(store, monkeypatch):
    token = login_token.issue(store, "zhang")
    monkeypatch.setenv(login_token.HOURS_ENV, "1")
    later = login_token.time.time() + 3601
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: later)
    with_cookies(monkeypatch, {"jmb_login": token})
    at = new_app().run()  # the reloaded page's first run reads the cookie
    assert not at.exception and not at.error
    assert [t.value for t in at.toast] == ["登录已过期，请重新登录。"]
    assert "Max-Age=0" in scripts(at)  # the refused cookie is cleared
    at = at.switch_page("views/maintain.py").run()
    assert "退出登录" not in buttons(at)


def test_without_auth_settings_no_unified_login_is_offered(store):
    at = open_page(new_app(), "maintain.py")
    assert "统一身份认证登录" not in buttons(at)


def test_with_auth_settings_the_unified_login_is_offered(store):
    at = new_app()
    at.secrets["auth"] = OIDC
    at = open_login_box(open_page(at, "maintain.py"))
    assert "统一身份认证登录" in buttons(at)


def test_an_allowed_oidc_user_edits_and_another_is_refused_in_chinese(store):
    at = new_app()
    at.secrets["auth"] = OIDC
    at.secrets["oidc_editors"] = {"wang@ordos.gov.cn": "王编辑"}
    at.user = {"is_logged_in": True, "email": "Wang@Ordos.gov.cn", "name": "王五"}
    at = open_page(at, "maintain.py")
    assert "已登录：王编辑（编辑）" in [c.value for c in at.sidebar.caption]
    stranger = new_app()
    stranger.secrets["auth"] = OIDC
    stranger.secrets["oidc_editors"] = {"wang@ordos.gov.cn": "王编辑"}
    stranger.user = {"is_logged_in": True, "email": "li@example.cn", "name": "李四"}
    stranger = open_page(stranger, "maintain.py")
    assert "没有编辑权限" in stranger.sidebar.warning[0].value
    assert "保存修改" not in buttons(stranger)


@pytest.mark.parametrize(
    ("email", "name", "allowed", "expected"),
    [
        ("wang@ordos.gov.cn", "王五", {"wang@ordos.gov.cn": "王编辑"}, "王编辑"),
        ("WANG@ordos.gov.cn ", None, {"wang@ordos.gov.cn": "王编辑"}, "王编辑"),
        (None, "王五", {"王五": "王编辑"}, "王编辑"),
        ("li@example.cn", "王五", {"wang@ordos.gov.cn": "王编辑"}, None),
        ("wang@ordos.gov.cn.evil", "x", {"wang@ordos.gov.cn": "王编辑"}, None),
        (None, None, {"王五": "王编辑"}, None),
        ("wang@ordos.gov.cn", "王五", {}, None),
        ("", "", {"": "空"}, None),
    ],
)
def test_oidc_users_map_to_editors_only_when_listed(email, name, allowed, expected):
    assert oidc_editor(email, name, allowed) == expected


def test_a_visitor_without_a_login_cookie_is_not_looked_up(store, monkeypatch):
    """A room scanning the QR code: no cookie, so no token check (no database read, no secrets);
    a visitor with one is still looked up."""
    looked_up = []
    monkeypatch.setattr(
        login_cookie, "restore", lambda *args: looked_up.append(args) or login_cookie.Restored()
    )
    at = open_page(new_app(), "present.py")
    assert not at.exception and not looked_up
    with_cookies(monkeypatch, {"jmb_login": "some-token"})
    at = open_page(new_app(), "present.py")
    assert not at.exception and len(looked_up) == 1


def test_the_login_box_shows_its_form_once_opened(store):
    at = open_page(new_app(), "maintain.py")
    assert [e.label for e in at.sidebar.expander] == ["编辑登录"] and not at.text_input
    at = open_login_box(at)
    assert [t.label for t in at.sidebar.text_input] == ["用户名", "密码"]
    assert "登录" in buttons(at) and not at.exception
