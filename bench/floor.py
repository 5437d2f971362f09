"""Library floors: a one-line page plus one trivial chart of the library the dashboard draws with
(?chart=plotly or ?chart=deck). What plotly.js or deck.gl alone add to any page on this machine."""

import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

st.write("ok")
if st.query_params.get("chart") == "plotly":
    st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])), theme=None)
elif st.query_params.get("chart") == "deck":
    layer = pdk.Layer("ScatterplotLayer", data=[{"p": [111.0, 40.0]}], get_position="p")
    view = pdk.ViewState(longitude=111.0, latitude=40.0, zoom=4)
    st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=view, map_provider=None))
