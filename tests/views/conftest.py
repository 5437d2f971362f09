"""AppTest helpers: run the real app, with a clean cache and session for each test."""

from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = sorted(p.name for p in (ROOT / "views").glob("*.py"))


@pytest.fixture
def app(monkeypatch) -> AppTest:
    """A fresh AppTest of app.py on the bundled data (not yet run)."""
    monkeypatch.delenv("JMB_DATA_DIR", raising=False)
    st.cache_resource.clear()
    return AppTest.from_file(ROOT / "app.py", default_timeout=30)


def open_page(app: AppTest, page: str, **query: str) -> AppTest:
    """Run the app once, then switch to views/<page>; query parameters are set first."""
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    return app.switch_page(str(Path("views") / page)).run()


def html_text(at: AppTest) -> str:
    """All st.html bodies of the page, joined, without the app's own fixed translator script
    (ui/frontend_text.py; it rides in the page's style element), so that any other <script>
    still shows up; as a reader reads it: without the invisible line-break marks
    (metrics/linebreak.line_marks), a no-break space as a space."""
    from metrics.linebreak import NO_BREAK_SPACE, SOFT_BREAK, WORD_JOINER
    from ui.frontend_text import script

    own = script().strip()
    text = "".join(e.proto.body.replace(own, "") for e in at.get("html"))
    return text.replace(SOFT_BREAK, "").replace(WORD_JOINER, "").replace(NO_BREAK_SPACE, " ")


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def query_value(at: AppTest, key: str) -> str:
    """A query parameter as one string (AppTest may hold it as a one-element list)."""
    value = at.query_params.get(key, "")
    return value[0] if isinstance(value, list) else value


def record_counts(at: AppTest) -> tuple[str, str]:
    """(figures, links) as the 数据表 page counts them under the current filters."""
    at.switch_page("views/data.py").run()
    labels = [tab.label for tab in at.tabs]
    return tuple(label.split("（")[1].rstrip("）") for label in labels[:2])


EDITOR_PASSWORD = "correct horse 1"


@pytest.fixture
def store(fresh_store):
    """A fresh store with one editor account, 张编辑 (login zhang, password EDITOR_PASSWORD)."""
    from store.auth import add_editor
    from store.db import open_store

    st.cache_resource.clear()
    engine = open_store(fresh_store)
    add_editor(engine, "zhang", EDITOR_PASSWORD, "张编辑")
    return engine


def displayed_table(element) -> pd.DataFrame:
    """A dataframe element as the viewer reads it: the Styler's display text where the data
    holds something else (数量 holds the value, so a click on its header sorts by value)."""
    import pyarrow as pa

    styler = element.proto.arrow_data.styler
    if not styler.display_values:
        return element.value
    return pa.ipc.open_stream(styler.display_values).read_all().to_pandas()


def open_login_box(at: AppTest) -> AppTest:
    """Open the sidebar's 编辑登录 box, as a click on it does (its form is built once open)."""
    from ui.auth import LOGIN_OPEN

    at.session_state[LOGIN_OPEN] = True
    return at.run()
