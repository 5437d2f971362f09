"""AppTest helpers: run the real app, with a clean cache and session for each test."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


@pytest.fixture
def app(monkeypatch) -> AppTest:
    """A fresh AppTest of app.py on the bundled data (not yet run)."""
    monkeypatch.delenv("JMB_DATA_DIR", raising=False)
    st.cache_resource.clear()
    return AppTest.from_file(ROOT / "app.py", default_timeout=30)


def html_text(at: AppTest) -> str:
    """All st.html bodies of the page, joined."""
    return "".join(element.proto.body for element in at.get("html"))
