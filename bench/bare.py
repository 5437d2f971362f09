"""The floor: a one-line Streamlit page. Browser times of the dashboard are reported against it."""

import streamlit as st

st.write("ok")
