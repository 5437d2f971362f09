"""What `make run` serves (`streamlit run web.py`): Streamlit's server for app.py, with the page
every address answers adapted by deploy/page.py (Chinese, and no base-path probe on a page's own
address). Sessions run app.py exactly as under `streamlit run app.py`."""

import streamlit as st
from streamlit import config

from deploy.page import routes

app = st.App("app.py", routes=routes(config.get_option("server.baseUrlPath")))
