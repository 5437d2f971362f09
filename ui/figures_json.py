"""Plotly figures shared by every session, turned into JSON once instead of on every run.

`st.plotly_chart` calls `figure.to_dict()` (a deep copy) and `plotly.io.to_json` on every run of
every session: 2–5 ms a chart, paid per person per click. A figure from `ui.cache` is shared
read-only, so `share` makes its `to_dict()` return one remembered dict, and `plotly.io.to_json`
(wrapped here, once) returns that dict's remembered JSON. Any other figure or call is untouched.
Never mutate a shared figure: its JSON would not follow.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io


class FigureDict(dict):
    """A shared figure's to_dict(), carrying its JSON once made."""

    json: str | None = None


class SharedFigure(go.Figure):
    """A figure whose dict (and JSON) are computed once."""

    def to_dict(self) -> dict:
        cached = self.__dict__.get("_shared_dict")
        if cached is None:
            cached = FigureDict(super().to_dict())
            self.__dict__["_shared_dict"] = cached
        return cached


def share(figure: go.Figure) -> go.Figure:
    """Mark `figure` as shared and never mutated (returns it)."""
    figure.__class__ = SharedFigure
    return figure


_plain_to_json = plotly.io.to_json


def to_json(fig, *args, **kwargs) -> str:
    """plotly.io.to_json, remembering the JSON of a shared figure's dict (Streamlit's call)."""
    if isinstance(fig, FigureDict) and not args and kwargs == {"validate": False}:
        if fig.json is None:
            fig.json = _plain_to_json(fig, validate=False)
        return fig.json
    return _plain_to_json(fig, *args, **kwargs)


if getattr(plotly.io.to_json, "__module__", "") != __name__:
    plotly.io.to_json = to_json
