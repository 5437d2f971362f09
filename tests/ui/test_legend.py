"""The map's legend, and what a click on the map picks (in the form ?pick= carries)."""

import pandas as pd

from ui.legend import clicked, map_legend_html


class Event:
    def __init__(self, objects):
        self.selection = {"indices": {}, "objects": objects}


def test_a_clicked_line_is_named_by_its_two_ends_as_the_url_carries_it():
    event = Event({"arcs": [{"link_ids": "l1、l2", "from_name": "北京市", "to_name": "乌海市"}]})
    assert clicked(event) == "北京市—乌海市"


def test_a_clicked_place_is_named_by_its_dot_and_a_banner_by_its_name():
    assert clicked(Event({"nodes": [{"names": "东城区、王府井", "name": "东城区"}]})) == "东城区"
    assert (
        clicked(Event({"regions-choropleth": [{"properties": {"name": "达拉特旗"}}]})) == "达拉特旗"
    )


def test_no_selection_selects_nothing():
    assert clicked(None) == ""
    assert clicked(Event({"arcs": []})) == ""


def test_legend_lists_the_fields_drawn_and_the_choropleth_scale():
    pairs = pd.DataFrame({"field": ["医疗", "教育"]})
    html = map_legend_html(pairs, choropleth=True)
    assert html.index("教育") < html.index("医疗")
    assert "任务条数" in html
