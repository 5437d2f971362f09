"""Streamlit helpers: cached loaders, shared filters, URL state, cards and source footers."""
