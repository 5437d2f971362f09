"""Who is editing: a login box in the sidebar, the editor's name in the session.

Viewing needs no login unless JMB_REQUIRE_LOGIN=1 (or `[auth] require_login = true` in
secrets). Accounts: `[editors]` in .streamlit/secrets.toml (Argon2 hashes) or the database
(`python -m store add-editor NAME`).
"""

from __future__ import annotations

import os

import streamlit as st

from metrics.markdown import escape_markdown
from store.auth import LockedError, authenticate
from ui import loaders
from ui.labels import LABELS

SESSION_EDITOR = "auth_editor"


def _secrets(section: str) -> dict:
    try:
        return dict(st.secrets.get(section, {}))
    except FileNotFoundError:  # no secrets.toml (StreamlitSecretNotFoundError subclasses it)
        return {}


def login_required() -> bool:
    if os.environ.get("JMB_REQUIRE_LOGIN", "") == "1":
        return True
    return bool(_secrets("auth").get("require_login", False))


def editor() -> str | None:
    """The logged-in editor's name, or None for a viewer."""
    return st.session_state.get(SESSION_EDITOR)


def _login_form(key: str) -> None:
    with st.form(key, clear_on_submit=True, border=False):
        username = st.text_input(LABELS["login_user"], key=f"{key}_user")
        password = st.text_input(LABELS["login_password"], type="password", key=f"{key}_pw")
        if st.form_submit_button(LABELS["login_submit"]):
            try:
                name = authenticate(
                    loaders.engine(), username.strip(), password, _secrets("editors")
                )
            except LockedError as error:
                st.error(LABELS["login_locked"].format(minutes=error.minutes))
                return
            if name:
                st.session_state[SESSION_EDITOR] = name
                st.rerun()
            st.error(LABELS["login_failed"])


def sidebar_login() -> str | None:
    """The sidebar's login box (or the logged-in name and a logout button); returns the editor."""
    with st.sidebar:
        name = editor()
        if name:
            st.caption(LABELS["login_as"].format(name=escape_markdown(name)))
            if st.button(LABELS["logout"], key="auth_logout"):
                del st.session_state[SESSION_EDITOR]
                st.rerun()
        else:
            with st.expander(LABELS["login_header"]):
                _login_form("auth_sidebar")
    return editor()


def gate() -> None:
    """When viewing needs a login, show the form and stop the page until someone logs in."""
    if login_required() and not editor():
        st.title(LABELS["app_title"])
        st.info(LABELS["login_required"])
        _login_form("auth_gate")
        st.stop()
