"""What wraps every page run, so app.py stays a router: the sign-in gate before the page, then
the page (an unexpected error becomes a Chinese message), then memory release and the run log."""

from __future__ import annotations

import time
from collections.abc import Callable

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ui import auth, errors, memory, runlog
from ui.labels import LABELS


def run(navigation: Callable[[], StreamlitPage]) -> None:
    """Gate, build the navigation (`navigation()`), run the chosen page, release and log."""
    started = time.perf_counter()
    try:
        auth.gate()
    except Exception:  # noqa: BLE001 — no traceback, and no page without the gate's say
        st.error(LABELS["error_unexpected"].format(error_id=errors.log_error("auth")))
        st.stop()
    page = navigation()
    try:
        errors.guarded(page.run, page.url_path)
    finally:
        memory.release()  # a page's one-off intermediates (e.g. a region-wide deck) back to the OS
        runlog.record(page.url_path, started)
