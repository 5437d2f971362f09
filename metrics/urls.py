"""Permalinks: the address that reproduces a view (what the QR code of 汇报模式 encodes)."""

from __future__ import annotations

import re
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


def slide_in_url(requested: str, total: int) -> tuple[int, str]:
    """The 1-based slide a URL's `slide=` asks for and what became of it: 'ok'; 'past_end' (a
    number after the last slide, however long: the last slide); 'bad' (², -1, 0, text: slide 1)."""
    if not re.fullmatch(r"[0-9]+", requested) or int(requested[:7]) == 0:
        return 1, "bad"
    if len(requested) > 6 or int(requested) > total:
        return total, "past_end"
    return int(requested), "ok"
