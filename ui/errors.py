"""The last line of defence: an unexpected error becomes a Chinese message with an error id; the
traceback goes to the server log only (client.showErrorDetails is off as well)."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

import streamlit as st

from ui.labels import LABELS

_log = logging.getLogger("jmb.errors")


def error_id() -> str:
    """A short id that ties what the user sees to the server log line."""
    return secrets.token_hex(4).upper()


def log_error(where: str) -> str:
    """Log the exception being handled (with its traceback) under a new id; returns the id."""
    found = error_id()
    _log.exception("error %s in %s", found, where)
    return found


def guarded(run: Callable[[], object], where: str) -> None:
    """Run a page; any exception (not Streamlit's own stop/rerun) shows the Chinese message."""
    try:
        run()
    except Exception:  # noqa: BLE001 — every error must end here, not in the browser
        st.error(LABELS["error_unexpected"].format(error_id=log_error(where)))
