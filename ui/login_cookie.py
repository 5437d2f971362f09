"""The login cookie: who a new session's cookie signs in, and setting or clearing it in the browser.

Streamlit has no API that sets a cookie, so a one-pixel iframe (st.iframe, same origin) does it from the browser.
It first asks `/_jmb/login` (nginx under `make serve`, deploy/nginx-site.conf) to set the cookie
HttpOnly; where nothing answers that (plain `make run`), the script sets it itself (then not
HttpOnly). Either way the server checks the signature, expiry and revocation on every read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa
import streamlit as st

from store import login_token

COOKIE = "jmb_login"

_SET = """<script>
const token = %(token)s, maxAge = %(max_age)d, parentDocument = window.parent.document;
const secure = window.parent.location.protocol === "https:" ? "; Secure" : "";
fetch("/_jmb/login", {method: "POST", credentials: "same-origin",
  headers: {"X-JMB-Login": token, "X-JMB-Max-Age": String(maxAge)}})
  .then(r => r.status === 204 && r.headers.get("X-JMB-Cookie") === "httponly")
  .catch(() => false)
  .then(httpOnly => { if (!httpOnly) parentDocument.cookie =
    `%(name)s=${token}; Path=/; Max-Age=${maxAge}; SameSite=Strict${secure}`; });
</script>"""
_CLEAR = """<script>
fetch("/_jmb/logout", {method: "POST", credentials: "same-origin",
  headers: {"X-JMB-Logout": "1"}}).catch(() => null);
window.parent.document.cookie = "%(name)s=; Path=/; Max-Age=0; SameSite=Strict";
</script>"""


@dataclass(frozen=True)
class Restored:
    """What a session's cookie gave: the editor signed in (or None) and a notice to show."""

    signed_in: login_token.SignedIn | None = None
    token: str = ""
    notice: str = ""


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


def set_in_browser(token: str) -> None:
    """Store `token` as the login cookie (HttpOnly where nginx sets it)."""
    script = _SET % {
        "token": json.dumps(token),
        "max_age": login_token.login_seconds(),
        "name": COOKIE,
    }
    st.iframe(script, height=1)


def clear_in_browser() -> None:
    """Remove the login cookie (both the HttpOnly one and a script-set one)."""
    st.iframe(_CLEAR % {"name": COOKIE}, height=1)
