"""京蒙协作成果看板: the router; every page lives in views/ (not pages/: see README, "Layout")."""

import streamlit as st

from ui.labels import LABELS

st.set_page_config(page_title=LABELS["app_title"], layout="wide", initial_sidebar_state="expanded")
st.navigation(
    [st.Page("views/overview.py", title=LABELS["nav_overview"], url_path="overview", default=True)]
).run()
