"""What a click on the map selects: an arc's links, a place's links, a banner's links."""

import pandas as pd

from ui.legend import map_legend_html, selection

LINKS = pd.DataFrame(
    {
        "link_id": ["l1", "l2", "l3"],
        "from_name": ["东城区", "海淀区", "准格尔旗"],
        "to_name": ["乌海市", "乌海市", "达拉特旗"],
    }
)


class Event:
    def __init__(self, objects):
        self.selection = {"indices": {}, "objects": objects}


def test_selecting_an_arc_selects_its_links():
    event = Event({"arcs": [{"link_ids": "l1、l2", "from_name": "北京市", "to_name": "乌海市"}]})
    assert selection(event, LINKS) == (["l1", "l2"], "北京市 — 乌海市")


def test_selecting_a_place_selects_every_link_touching_it():
    event = Event({"nodes": [{"names": "东城区、王府井", "name": "东城区"}]})
    assert selection(event, LINKS)[0] == ["l1"]


def test_selecting_a_banner_selects_its_links():
    event = Event({"regions-1": [{"properties": {"name": "达拉特旗"}}]})
    assert selection(event, LINKS) == (["l3"], "达拉特旗")


def test_no_selection_selects_nothing():
    assert selection(None, LINKS) == ([], "")
    assert selection(Event({"arcs": []}), LINKS) == ([], "")


def test_legend_lists_the_fields_drawn_and_the_choropleth_scale():
    pairs = pd.DataFrame({"field": ["医疗", "教育"]})
    html = map_legend_html(pairs, choropleth=True)
    assert html.index("教育") < html.index("医疗")
    assert "任务条数" in html
