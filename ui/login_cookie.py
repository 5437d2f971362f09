"""The login cookie: who a new session's cookie signs in, and setting or clearing it in the browser.

Streamlit has no API that sets a cookie, so a one-pixel iframe (st.iframe, same origin; in the sidebar, where it
moves nothing) does it from the browser.
Under `make serve` nginx (deploy/nginx-site.conf), under `make run` web.py
(deploy/login_routes.py) says so in a request header and sets the cookie HttpOnly when the iframe
posts the token to `/_jmb/login`; under a bare `streamlit run app.py` the script sets it itself,
then not HttpOnly. Either way the server checks the signature, expiry and revocation on every read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa
import streamlit as st

from store import login_token

COOKIE = "jmb_login"

PROXY_HEADER = "X-Jmb-Cookie-Endpoint"  # nginx or web.py: /_jmb/login and logout are served

_SET_BY_SCRIPT = """<script>
const secure = window.parent.location.protocol === "https:" ? "; Secure" : "";
window.parent.document.cookie =
  `%(name)s=${%(token)s}; Path=/; Max-Age=%(max_age)d; SameSite=Strict${secure}`;
</script>"""
_SET_BY_PROXY = """<script>
fetch("/_jmb/login", {method: "POST", credentials: "same-origin",
  headers: {"X-JMB-Login": %(token)s, "X-JMB-Max-Age": "%(max_age)d"}});
</script>"""
_CLEAR_BY_SCRIPT = """<script>
window.parent.document.cookie = "%(name)s=; Path=/; Max-Age=0; SameSite=Strict";
</script>"""
_CLEAR_BY_PROXY = """<script>
fetch("/_jmb/logout", {method: "POST", credentials: "same-origin",
  headers: {"X-JMB-Logout": "1"}});
</script>"""


@dataclass(frozen=True)
class Restored:
    """What a session's cookie gave: the editor signed in (or None) and a notice to show."""

    signed_in: login_token.SignedIn | None = None
    token: str = ""
    notice: str = ""


def present(cookies: Mapping[str, str]) -> bool:
    """Whether `cookies` hold a login cookie at all (what restore would have to check)."""
    value = cookies.get(COOKIE)
    return isinstance(value, str) and bool(value)  # (AppTest's stand-in cookies are mocks)


def restore(
    cookies: Mapping[str, str], engine: sa.Engine, configured: Mapping[str, str]
) -> Restored:
    """Who the login cookie among `cookies` signs in; a refused cookie gives a Chinese notice
    (none when it was revoked by 退出登录, or when there is no cookie)."""
    token = str(cookies.get(COOKIE, "") or "")
    if not token:
        return Restored()
    try:
        return Restored(login_token.resolve(engine, token, configured), token)
    except login_token.RevokedError:
        return Restored(token=token)
    except login_token.TokenError as error:
        return Restored(token=token, notice=str(error))


def by_proxy(headers: Mapping[str, str]) -> bool:
    """nginx in front or web.py sets the cookie HttpOnly (a header of every request says so)."""
    return headers.get(PROXY_HEADER, "") == "1"


def set_in_browser(token: str, proxy: bool) -> None:
    """Store `token` as the login cookie: by the endpoint (HttpOnly) when `proxy`, else by script."""
    values = {"token": json.dumps(token), "max_age": login_token.login_seconds(), "name": COOKIE}
    st.sidebar.iframe((_SET_BY_PROXY if proxy else _SET_BY_SCRIPT) % values, height=1)


def clear_in_browser(proxy: bool) -> None:
    """Remove the login cookie (by the endpoint when `proxy`: a script cannot see an HttpOnly one)."""
    script = (_CLEAR_BY_PROXY if proxy else _CLEAR_BY_SCRIPT) % {"name": COOKIE}
    st.sidebar.iframe(script, height=1)
