"""编辑登录 kept HttpOnly under `make run` too: the two endpoints nginx serves under `make serve`
(deploy/nginx-site.conf, `location = /_jmb/login` and `/_jmb/logout`), for web.py.

The app's one-pixel iframe posts the signed token in a header (ui/login_cookie.py) and the answer
stores it HttpOnly, SameSite=Strict (Secure under https), which no page script can read. Like
nginx, these check only the token's shape; the app checks signature, expiry and revocation
whenever it reads the cookie. A middleware tells the app the endpoints exist (the header nginx
sends), so the app posts there instead of setting the cookie by script."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ui.login_cookie import COOKIE, PROXY_HEADER

TOKEN = re.compile(r"[A-Za-z0-9_.-]{20,512}")
MAX_AGE = re.compile(r"[0-9]{1,8}")
_HEADER = PROXY_HEADER.lower().encode()


def _secure(request: Request) -> bool:
    """Whether the browser reached the app over https (directly or through a proxy that says so)."""
    forwarded = request.headers.get("x-forwarded-proto", "")
    return request.url.scheme == "https" or forwarded.split(",")[0].strip() == "https"


def _cookie(request: Request, value: str, max_age: int) -> Response:
    """A 204 answer that sets (or, with max_age 0, removes) the login cookie."""
    answer = Response(status_code=204)
    answer.set_cookie(
        COOKIE, value, max_age=max_age, path="/", httponly=True, samesite="strict",
        secure=_secure(request),
    )  # fmt: skip
    return answer


async def login(request: Request) -> Response:
    """POST with X-JMB-Login (the signed token) and X-JMB-Max-Age: store it HttpOnly."""
    token = request.headers.get("x-jmb-login", "")
    max_age = request.headers.get("x-jmb-max-age", "")
    if not (TOKEN.fullmatch(token) and MAX_AGE.fullmatch(max_age)):
        return Response(status_code=400)
    return _cookie(request, token, int(max_age))


async def logout(request: Request) -> Response:
    """POST with X-JMB-Logout: 1: remove the login cookie."""
    if request.headers.get("x-jmb-logout") != "1":
        return Response(status_code=400)
    return _cookie(request, "", 0)


def routes() -> list[Route]:
    """The two endpoints (POST only)."""
    return [
        Route("/_jmb/login", login, methods=["POST"]),
        Route("/_jmb/logout", logout, methods=["POST"]),
    ]


class CookieEndpoint:
    """ASGI middleware: every request reaching the app carries the header that says these
    endpoints exist (whatever the browser sent in its place)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != _HEADER]
            scope = {**scope, "headers": [*headers, (_HEADER, b"1")]}
        await self.app(scope, receive, send)
