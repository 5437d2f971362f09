"""Places, boundaries and pydeck map layers; no streamlit."""
