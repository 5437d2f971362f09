"""Permalinks: the address that reproduces a view (what the QR code of 汇报模式 encodes)."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit


def share_url(base: str, params: Mapping[str, str]) -> str:
    """`base` (scheme, host, path) with the view's query parameters, in a stable order.

    Streamlit's st.context.url drops the query string, so a QR code made from it alone would
    open the page without its filters and slide.
    """
    parts = urlsplit(base)
    query = urlencode(sorted((key, value) for key, value in params.items() if value != ""))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
