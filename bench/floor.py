"""Library floors: a one-line page plus one trivial chart of each library the dashboard draws with
(?chart=plotly, ?chart=deck, ?chart=table — Streamlit's own data grid, loaded lazily like the
others — or several, comma-separated; ?chart=both: plotly and deck). What plotly.js and deck.gl alone add
to any page on this machine; `python -m bench` compares each page with the floor of the libraries
its first run draws (bench/browser.py FLOOR_BUDGETS).
?chart=switch: a segmented control above one plotly chart whose bars it changes (the floor of a
filter change in a real tab, bench/tab.py)."""

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

st.write("ok")
chart = st.query_params.get("chart")
charts = set((chart or "").split(","))
if charts & {"plotly", "both"}:
    st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])), theme=None)
if charts & {"deck", "both"}:
    layer = pdk.Layer("ScatterplotLayer", data=[{"p": [111.0, 40.0]}], get_position="p")
    view = pdk.ViewState(longitude=111.0, latitude=40.0, zoom=4)
    st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=view, map_provider=None))
if "table" in charts:
    st.dataframe(pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}), hide_index=True)
if chart == "switch":
    choices = ["全部", "教育", "医疗", "科创", "文旅"]
    picked = st.segmented_control("领域", choices, default="全部", key="w_switch")
    height = choices.index(picked or "全部") + 1
    st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, height])), theme=None)
