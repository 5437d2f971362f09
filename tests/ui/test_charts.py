"""ui/charts.py builds its figures as plain dicts: what is drawn is what plotly's validated
update calls drew before (the same JSON reaches the browser), for every table the pages chart."""

import json

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from metrics.load import load_dataset
from metrics.paths import data_dir
from metrics.relations import SCOPES, in_scope, relations_by_field, relations_by_partner
from metrics.vocab import FIELD_COLORS
from ui import charts
from ui.labels import LABELS


def _reference_relation_bars(table, label, projector=False, hover="relation_hover"):
    """relation_bars as it was built before (plotly's update calls, every property validated)."""
    ordered = table.iloc[::-1]
    figure = go.Figure()
    for status, pattern in (("achieved", ""), ("planned", charts.LINK_PATTERN)):
        name = LABELS[f"relation_{status}"]
        figure.add_bar(
            name=name,
            y=[charts.wrap_label(str(v), 12) for v in ordered[label]],
            x=ordered[status],
            orientation="h",
            text=[str(v) if v else "" for v in ordered[status]],
            textposition="outside" if pattern else "inside",
            insidetextanchor="middle",
            textfont={"color": charts.PATTERN_TEXT} if pattern else None,
            marker={
                "color": ordered["color"],
                "pattern": {"shape": pattern, "fgcolor": "#ffffff", "solidity": 0.35},
                "line": {"color": ordered["color"], "width": 1.5},
            },
            customdata=ordered[["key"]].to_numpy(),
            hovertemplate=LABELS[hover].replace("{status}", name),
        )
    total = float((ordered["achieved"] + ordered["planned"]).max() or 1)
    figure.update_layout(
        barmode="stack",
        xaxis={
            "title": LABELS["relation_axis"],
            "range": [0, total * 1.12],
            **({"dtick": 1} if total <= charts.SMALL_COUNT else {"tickformat": "d"}),
        },
        legend={"traceorder": "normal"},
    )
    size = 20 if projector else 15
    figure.update_layout(
        height=max(200, 40 * len(table) + 110),
        font={"family": charts.FONT_FAMILY, "size": size, "color": "#101828"},
        margin={"l": 10, "r": 30, "t": 56 if projector else 44, "b": 10},
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        legend={
            "orientation": "h",
            "xref": "container",
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
        },
        hoverlabel={"font": {"family": charts.FONT_FAMILY, "size": size}},
        clickmode="event+select",
    )
    figure.update_xaxes(gridcolor="#e4e7ec", automargin=True, tickfont={"color": "#101828"})
    figure.update_yaxes(gridcolor="#e4e7ec", automargin=True, tickfont={"color": "#101828"})
    figure.update_traces(cliponaxis=False, selector={"type": "bar"})
    return figure


def _sent(figure: go.Figure) -> dict:
    """The chart as Streamlit sends it to the browser (plotly_chart's spec), parsed."""
    return json.loads(pio.to_json(figure.to_dict(), validate=False))


def _tables() -> list[tuple[pd.DataFrame, str, str]]:
    data = load_dataset(data_dir())
    found = []
    for scope in SCOPES:
        table = relations_by_field(in_scope(data.links, data.places, scope))
        found.append((table.assign(key=table["field"]), "field", "relation_hover"))
    partners = relations_by_partner(data.links, data.places).head(12)
    found.append((partners.assign(key=partners["partner"]), "partner", "partner_hover"))
    medical = relations_by_field(data.links[data.links["field"] == "医疗"])
    found.append((medical.assign(key=medical["field"]), "field", "relation_hover"))
    return [
        (table.assign(color=table["field"].map(FIELD_COLORS).fillna("#667085")), label, hover)
        for table, label, hover in found
    ]


@pytest.mark.parametrize("projector", [False, True])
def test_relation_bars_send_what_the_validated_figure_sent(projector: bool) -> None:
    for table, label, hover in _tables():
        built = charts.relation_bars(table, label, projector, hover)
        assert _sent(built) == _sent(_reference_relation_bars(table, label, projector, hover))
        # and plotly, validating every property, accepts the figure as it is
        assert _sent(go.Figure(built.to_dict())) == _sent(built)
        planned = built.data[1]
        assert planned.marker.pattern.shape == "/" and planned.textposition == "outside"


def test_relation_counts_have_whole_number_ticks() -> None:
    """A reviewer saw 0, 0.5, 1, 1.5, 2 on the axis of 教育's 谁和谁合作 chart: counts of
    relations are whole; a few get a tick each, many get whole-number ticks."""
    for table, label, hover in _tables():
        axis = charts.relation_bars(table, label, False, hover).layout.xaxis
        total = float((table["achieved"] + table["planned"]).max() or 1)
        if total <= charts.SMALL_COUNT:
            assert axis.dtick == 1
        else:
            assert axis.tickformat == "d"
