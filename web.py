"""What `make run` serves (`streamlit run web.py`): Streamlit's server for app.py, with the page
every address answers adapted by deploy/page.py (Chinese, and no base-path probe on a page's own
address) and the HttpOnly login-cookie endpoints of deploy/login_routes.py. Sessions run app.py
exactly as under `streamlit run app.py`."""

import streamlit as st
from starlette.middleware import Middleware
from streamlit import config

from deploy import login_routes, page

app = st.App(
    "app.py",
    routes=login_routes.routes(),
    middleware=[
        Middleware(page.AppPage, base_url_path=config.get_option("server.baseUrlPath")),
        Middleware(login_routes.CookieEndpoint),
    ],
)
