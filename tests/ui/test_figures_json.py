"""Shared plotly figures are turned into JSON once, and exactly as plotly would."""

import plotly.graph_objects as go
import plotly.io

from ui import figures_json


def _figure() -> go.Figure:
    return go.Figure(go.Bar(x=["教育", "医疗"], y=[3, 5], text=["3", "5"]))


def test_a_shared_figure_gives_plotlys_own_json_once():
    plain = plotly.io.to_json(_figure().to_dict(), validate=False)
    shared = figures_json.share(_figure())
    first = plotly.io.to_json(shared.to_dict(), validate=False)
    assert first == plain
    assert shared.to_dict() is shared.to_dict()
    assert plotly.io.to_json(shared.to_dict(), validate=False) is first  # remembered


def test_other_figures_and_calls_are_untouched():
    figure = _figure()
    assert figure.to_dict() is not figure.to_dict()
    assert plotly.io.to_json(figure) == figures_json._plain_to_json(figure)
    pretty = plotly.io.to_json(figures_json.share(_figure()).to_dict(), pretty=True)
    assert "\n" in pretty  # other arguments go to plotly unchanged
