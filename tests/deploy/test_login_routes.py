"""web.py's login-cookie endpoints (deploy/login_routes.py): what nginx does under make serve."""

from starlette.applications import Starlette

from deploy import login_routes
from tests.deploy.asgi import call

APP = Starlette(routes=login_routes.routes())
TOKEN = "v1.abcdefghijklmnopqrstuvwxyz0123456789_-"


def test_a_signed_token_is_stored_httponly_strict_and_secure_only_over_https():
    status, headers, _ = call(
        APP, "/_jmb/login", "POST", {"X-JMB-Login": TOKEN, "X-JMB-Max-Age": "604800"}
    )
    assert status == 204
    cookie = headers["set-cookie"]
    assert cookie.startswith(f"jmb_login={TOKEN};")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Max-Age=604800" in cookie
    assert "Path=/" in cookie and "Secure" not in cookie
    behind_https = call(
        APP, "/_jmb/login", "POST",
        {"X-JMB-Login": TOKEN, "X-JMB-Max-Age": "60", "X-Forwarded-Proto": "https"},
    )  # fmt: skip
    assert "Secure" in behind_https[1]["set-cookie"]


def test_anything_but_a_token_shaped_header_is_refused_and_sets_nothing():
    for headers in (
        {},
        {"X-JMB-Login": "short", "X-JMB-Max-Age": "60"},
        {"X-JMB-Login": TOKEN + ";Domain=evil.test", "X-JMB-Max-Age": "60"},
        {"X-JMB-Login": TOKEN, "X-JMB-Max-Age": "-1"},
        {"X-JMB-Login": TOKEN, "X-JMB-Max-Age": "123456789"},
    ):
        status, answer, _ = call(APP, "/_jmb/login", "POST", headers)
        assert status == 400 and "set-cookie" not in answer, headers
    status, answer, _ = call(APP, "/_jmb/login", "GET", {"X-JMB-Login": TOKEN})
    assert status == 405 and "set-cookie" not in answer


def test_logout_removes_the_cookie_only_when_asked_by_the_app():
    status, headers, _ = call(APP, "/_jmb/logout", "POST", {"X-JMB-Logout": "1"})
    assert status == 204
    assert (
        headers["set-cookie"].startswith('jmb_login="";') and "Max-Age=0" in headers["set-cookie"]
    )
    assert call(APP, "/_jmb/logout", "POST")[0] == 400


def test_the_app_is_told_the_endpoints_exist_whatever_the_browser_sent():
    seen = []

    async def echo(scope, receive, send):
        seen.append(scope["headers"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    app = login_routes.CookieEndpoint(echo)
    call(app, "/", headers={"X-Jmb-Cookie-Endpoint": "0"})
    call(app, "/")
    for headers in seen:
        assert [v for k, v in headers if k == b"x-jmb-cookie-endpoint"] == [b"1"]
