"""What wraps every page run, so app.py stays a router: the sign-in gate before the page, then
the page (an unexpected error becomes a Chinese message), then memory release and the run log."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui import auth, errors, frontend_text, memory, routes, runlog, state
from ui.labels import LABELS

Pages = Mapping[str, Sequence[StreamlitPage]]

# The st.Page objects of each app folder, built on the process's first run: building them
# resolves and checks every page file (~2 ms a run, paid by every new session otherwise).
_built: dict[Path | None, Pages] = {}


def navigation(pages: Callable[[], Pages]) -> StreamlitPage:
    """st.navigation over `pages()` (built once per process); each run gets its own copies, since
    st.navigation marks the page it returns as callable once."""
    context = get_script_run_ctx()
    folder = context.pages_manager.main_script_parent if context else None
    built = _built.get(folder)
    if built is None:
        built = _built[folder] = pages()
    fresh = {section: [copy.copy(page) for page in group] for section, group in built.items()}
    return st.navigation(fresh, expanded=True)


def run(pages: Callable[[], Pages]) -> None:
    """Gate, build the navigation over `pages()`, run the chosen page, release and log."""
    started = time.perf_counter()
    frontend_text.begin_run()
    try:
        auth.gate()
    except Exception:  # noqa: BLE001 — no traceback, and no page without the gate's say
        st.error(LABELS["error_unexpected"].format(error_id=errors.log_error("auth")))
        frontend_text.install_if_missing()
        st.stop()
    page = navigation(pages)
    state.drop_other_pages_params(page.url_path)
    try:
        errors.guarded(page.run, page.url_path)
        frontend_text.install_if_missing()  # a page that failed before page.start
    finally:
        memory.release()  # a page's one-off intermediates (e.g. a region-wide deck) back to the OS
        runlog.record(page.url_path, started)


def main() -> None:
    """What app.py runs: the page settings, Streamlit's own English texts in Chinese (every page),
    then the pages of ui/routes.py."""
    st.set_page_config(page_title=LABELS["app_title"], layout="wide", initial_sidebar_state="auto")
    run(routes.pages)  # the translator of Streamlit's own texts comes with the page's style
