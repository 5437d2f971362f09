"""Who is editing: a login box in the sidebar, the editor's name in the session, kept across
page reloads by a signed login cookie (ui/login_cookie.py, store/login_token.py).

Viewing needs no login unless JMB_REQUIRE_LOGIN=1 (or `[auth] require_login = true` in
secrets). Accounts: `[editors]` in .streamlit/secrets.toml (Argon2 hashes) or the database
(`python -m store add-editor NAME`). With Streamlit's OIDC settings in `[auth]` (redirect_uri,
cookie_secret, client_id, client_secret, server_metadata_url) the login area also offers
统一身份认证登录; `[oidc_editors]` lists who may edit that way (e-mail or name → display name).
"""

from __future__ import annotations

import os
import time

import streamlit as st
from streamlit.runtime.secrets import secrets_singleton

from metrics.markdown import escape_markdown
from store import account_marks, login_token
from store.auth import LockedError, authenticate, oidc_editor, record_event
from store.db import database_url
from ui import frontend_text, loaders, login_cookie
from ui.labels import LABELS

SESSION_EDITOR = "auth_editor"
_TOKEN = "auth_token"  # the login cookie's token of this session (revoked by 退出登录)
_VIA_OIDC = "auth_oidc"  # signed in through st.login
_COOKIE_SEEN = "auth_cookie_seen"  # the cookie is read once per session (a reload is a new one)
_PENDING = "auth_cookie_pending"  # "set:<token>" or "clear": done by the next run's component
_USER = "auth_user"  # the account the token signs in
_CHECKED = "auth_checked"  # (account mark, configured hash) the token was last checked at
_CONFIGURED = "auth_configured"  # the account is one of secrets.toml's [editors]


# Without a secrets.toml, every st.secrets read looks for one again (home folder, config
# options, two paths: ~1 ms of every run). A missing file is looked for again after this long.
_NO_SECRETS_S = 5.0
_no_secrets_until = [0.0]


def _secrets(section: str) -> dict:
    secrets = st.secrets
    if secrets is secrets_singleton and time.monotonic() < _no_secrets_until[0]:
        return {}
    try:
        return dict(secrets.get(section, {}))
    except FileNotFoundError:  # no secrets.toml (StreamlitSecretNotFoundError subclasses it)
        if secrets is secrets_singleton:
            _no_secrets_until[0] = time.monotonic() + _NO_SECRETS_S
        return {}


def login_required() -> bool:
    """Whether every page asks for a sign-in (JMB_REQUIRE_LOGIN=1 or `[auth] require_login`)."""
    if os.environ.get("JMB_REQUIRE_LOGIN", "") == "1":
        return True
    return bool(_secrets("auth").get("require_login", False))


def oidc_configured() -> bool:
    """Streamlit's st.login is set up (`[auth]` names a redirect URI and an identity provider)."""
    section = _secrets("auth")
    return bool(section.get("redirect_uri")) and (
        bool(section.get("client_id")) or any(isinstance(v, dict) for v in section.values())
    )


def editor() -> str | None:
    """The logged-in editor's name, or None for a viewer."""
    return st.session_state.get(SESSION_EDITOR)


def _sign_in(display: str, token: str = "", username: str = "", cookie: bool = True) -> None:
    st.session_state[SESSION_EDITOR] = display
    if token:
        st.session_state[_TOKEN] = token
        st.session_state[_USER] = username
        st.session_state[_CONFIGURED] = username in _secrets("editors")
        st.session_state[_CHECKED] = _account_state(username)
        if cookie:
            st.session_state[_PENDING] = f"set:{token}"


def _account_state(username: str) -> tuple[str, str]:
    """What ends a sign-in when it changes: the account's mark (any process's 退出登录, failed
    login, new password) and, for an account configured in secrets.toml, its hash there."""
    mark = account_marks.mark_of(database_url(), loaders.engine, username)
    if not st.session_state.get(_CONFIGURED):
        return mark, ""  # (reading st.secrets without a secrets file costs ~0.1 ms)
    return mark, str(_secrets("editors").get(username, ""))


def _still_signed_in() -> None:
    """A session signed in by token loses edit rights at its next rerun once the sign-in ended
    anywhere (退出登录 in another tab or process, a new password, a locked account): its token is
    checked again whenever its account's mark or configured hash changed; else nothing is read."""
    username = st.session_state.get(_USER)
    if not username or not editor():
        return
    state = _account_state(username)
    if st.session_state.get(_CHECKED) == state:
        return
    try:
        login_token.check(loaders.engine(), st.session_state.get(_TOKEN, ""), _secrets("editors"))
    except login_token.TokenError as error:
        for key in (SESSION_EDITOR, _TOKEN, _USER, _CHECKED, _CONFIGURED):
            st.session_state.pop(key, None)
        st.session_state[_PENDING] = "clear"
        st.toast(str(error))
        return
    st.session_state[_CHECKED] = state


def _take_password(key: str) -> None:
    """On 登录: move the typed password out of its box (which then shows empty) and keep the
    user name in its own, so a wrong password is retyped alone."""
    st.session_state[f"{key}_sent"] = st.session_state.get(f"{key}_pw", "")
    st.session_state[f"{key}_pw"] = ""


def _login_form(key: str) -> None:
    with st.form(key, border=False):
        username = st.text_input(LABELS["login_user"], key=f"{key}_user").strip()
        st.text_input(LABELS["login_password"], type="password", key=f"{key}_pw")
        if st.form_submit_button(LABELS["login_submit"], on_click=_take_password, args=(key,)):
            password = st.session_state.pop(f"{key}_sent", "")
            configured = _secrets("editors")
            try:
                name = authenticate(loaders.engine(), username, password, configured)
            except LockedError as error:
                st.error(LABELS["login_locked"].format(minutes=error.minutes))
                return
            if name:
                token = login_token.issue(loaders.engine(), username, configured)
                _sign_in(name, token, username)
                st.rerun()
            st.error(LABELS["login_failed"])
    if oidc_configured() and st.button(LABELS["login_oidc"], key=f"{key}_oidc"):
        st.login()


def _logout() -> None:
    token = st.session_state.pop(_TOKEN, "")
    for key in (_USER, _CHECKED, _CONFIGURED):
        st.session_state.pop(key, None)
    if token:
        login_token.revoke(loaders.engine(), token)
    st.session_state.pop(SESSION_EDITOR, None)
    st.session_state[_PENDING] = "clear"
    if st.session_state.pop(_VIA_OIDC, False):
        st.logout()  # ends Streamlit's own identity cookie too, then reruns
    st.rerun()


LOGIN_OPEN = "auth_login_open"  # session key: whether the sidebar's login box is open


def sidebar_login() -> str | None:
    """The sidebar's login box (or the logged-in name and a logout button); returns the editor."""
    with st.sidebar:
        name = editor()
        if name:
            st.caption(LABELS["login_as"].format(name=escape_markdown(name)))
            if st.button(LABELS["logout"], key="auth_logout"):
                _logout()
        else:
            # The form is built only once the box is opened (a rerun): every first open of a
            # page with this box would otherwise load and draw two text inputs nobody sees.
            box = st.expander(LABELS["login_header"], key=LOGIN_OPEN, on_change="rerun")
            with box:
                if box.open:
                    _login_form("auth_sidebar")
    return editor()


def _from_cookie() -> None:
    """A new session (a reload) takes the editor from the login cookie, once."""
    if st.session_state.get(_COOKIE_SEEN) or editor():
        return
    st.session_state[_COOKIE_SEEN] = True
    if not login_cookie.present(st.context.cookies):
        return  # most visitors (a room scanning a QR code): no database, no secrets read
    restored = login_cookie.restore(st.context.cookies, loaders.engine(), _secrets("editors"))
    if restored.signed_in:
        _sign_in(restored.signed_in.display, restored.token, restored.signed_in.username, False)
    elif restored.token:
        st.session_state[_PENDING] = "clear"  # a refused cookie is not sent again
        if restored.notice:
            st.toast(restored.notice)


def _from_oidc() -> None:
    """A user signed in through the unified identity provider edits if `[oidc_editors]` says so."""
    if editor() or not oidc_configured() or not st.user.get("is_logged_in"):
        return
    email, name = st.user.get("email"), st.user.get("name")
    display = oidc_editor(email, name, _secrets("oidc_editors"))
    if display is None:
        st.sidebar.warning(
            LABELS["login_oidc_refused"].format(who=escape_markdown(email or name or ""))
        )
        if st.sidebar.button(LABELS["logout"], key="auth_oidc_logout"):
            st.logout()
        return
    _sign_in(display)
    st.session_state[_VIA_OIDC] = True
    record_event(loaders.engine(), str(email or name), "login_oidc", LABELS["login_oidc"])


def _apply_pending_cookie() -> None:
    pending = st.session_state.pop(_PENDING, "")
    if not pending:
        return
    proxy = login_cookie.by_proxy(st.context.headers)
    if pending.startswith("set:"):
        login_cookie.set_in_browser(pending[4:], proxy)
    elif pending == "clear":
        login_cookie.clear_in_browser(proxy)


def gate() -> None:
    """Restore a sign-in (cookie or OIDC); when viewing needs a login, show the form and stop the
    page until someone logs in."""
    _from_cookie()
    _still_signed_in()
    _from_oidc()
    _apply_pending_cookie()
    if login_required() and not editor():
        st.title(LABELS["app_title"])
        st.info(LABELS["login_required"])
        _login_form("auth_gate")
        frontend_text.install_if_missing()  # no page style on the form: Streamlit's texts too
        st.stop()
