"""Flying lines: grouping, both ends placed, off-frame partners on the frame's edge, tooltips."""

import math

import pandas as pd
import pytest

from geo.arcs import (
    MAP_HEIGHT_PX,
    MAP_VIEWS,
    MAP_WIDTH_PX,
    clamp_to_frame,
    content_frame,
    frame_pairs,
    is_inside,
    link_pairs,
    pair_tip,
)
from metrics.load import load_dataset
from metrics.validate import DataError
from tests.conftest import DATA

PLACES = pd.DataFrame(
    {
        "name": ["北京市", "东城区", "乌海市", "德国"],
        "lon": [116.4, 116.42, 106.8, 10.45],
        "lat": [39.9, 39.93, 39.66, 51.17],
        "side": ["beijing", "beijing", "inner_mongolia", "other"],
        "kind": ["province", "county", "city", "country"],
    }
)
SOURCES = pd.DataFrame({"source_id": ["s"], "title": ["新闻"]})


def make_links(**overrides) -> pd.DataFrame:
    links = {
        "link_id": ["l1", "l2", "l3"],
        "source_id": ["s", "s", "s"],
        "quote": ["甲", "乙", "丙"],
        "from_name": ["东城区", "东城区", "德国"],
        "to_name": ["乌海市", "乌海市", "乌海市"],
        "field": ["教育", "教育", "对外开放"],
        "link_type": ["跟岗", "培训", "企业合作"],
        "status": ["achieved", "achieved", "planned"],
        "direction": ["to_partner", "to_partner", "both"],
    }
    return pd.DataFrame({**links, **overrides})


def test_link_pairs_group_links_between_the_same_two_places():
    pairs = link_pairs(make_links(), PLACES, SOURCES)
    first = pairs.iloc[0]
    assert (first["count"], first["link_ids"], first["link_types"]) == (2, "l1、l2", "跟岗、培训")
    assert (first["from_lon"], first["to_lat"]) == (116.42, 39.66)


def test_link_pairs_reject_a_place_without_coordinates():
    with pytest.raises(DataError, match="火星"):
        link_pairs(make_links(from_name=["火星", "东城区", "德国"]), PLACES, SOURCES)


def test_every_real_link_has_both_ends_on_the_map():
    data = load_dataset(DATA)
    pairs = link_pairs(data.links, data.places, data.sources)
    assert pairs["count"].sum() == len(data.links)
    assert pairs[["from_lon", "from_lat", "to_lon", "to_lat"]].notna().all().all()


@pytest.mark.parametrize(
    ("inside", "outside", "expected"),
    [
        ((5, 5), (20, 5), (10, 5)),  # leaves through the east edge
        ((5, 5), (5, -10), (5, 0)),  # through the south edge
        ((5, 5), (15, 15), (10, 10)),  # through the corner
        ((5, 5), (8, 8), (8, 8)),  # already inside: unchanged
    ],
)
def test_clamp_to_frame_stops_at_the_edge(inside, outside, expected):
    assert clamp_to_frame(inside, outside, (0, 0, 10, 10)) == pytest.approx(expected)


def test_frame_pairs_keeps_lines_with_one_end_inside_and_names_the_far_end():
    frame = MAP_VIEWS["jingmeng"].frame
    pairs = frame_pairs(link_pairs(make_links(), PLACES, SOURCES), frame)
    germany = pairs[pairs["from_name"] == "德国"].iloc[0]
    assert germany["off_frame"] == "德国"
    assert germany["from_x"] == pytest.approx(frame[0])
    assert pairs[pairs["from_name"] == "东城区"]["off_frame"].iloc[0] == ""


def test_frame_pairs_drops_lines_entirely_outside_the_frame():
    links = make_links(from_name=["德国"] * 3, to_name=["北京市"] * 3)
    assert frame_pairs(link_pairs(links, PLACES, SOURCES), MAP_VIEWS["wuhai"].bbox).empty


def test_pair_tip_is_plain_text_with_the_quote_as_written():
    links = make_links(quote=["<img src=x onerror=alert(1)>", "乙", "丙"])
    title, body = pair_tip(next(link_pairs(links, PLACES, SOURCES).itertuples(index=False)))
    # Plain text: the map's front end escapes it, so markup in a document shows as text.
    assert title.startswith("东城区 — 乌海市") and "内蒙古 → 合作方" in body
    assert "“<img src=x onerror=alert(1)>”" in body and "<br>" not in body + title


def test_content_frame_zooms_to_the_places_inside_the_view():
    pairs = link_pairs(make_links(), PLACES, SOURCES)
    view = MAP_VIEWS["wuhai"].frame
    frame = content_frame(pairs, view)
    assert (frame[2] - frame[0]) < (view[2] - view[0])  # tighter than the whole 乌海 view
    assert is_inside((106.8, 39.66), frame)  # 乌海市 is still on the map


def test_content_frame_of_nothing_inside_is_the_whole_view():
    pairs = link_pairs(make_links(), PLACES, SOURCES)
    far = (0.0, 0.0, 1.0, 1.0)
    assert content_frame(pairs, far)[0] <= 0.0


@pytest.mark.parametrize("key", list(MAP_VIEWS))
def test_every_view_frame_contains_its_bbox_and_has_the_panel_shape(key):
    view = MAP_VIEWS[key]
    west, south, east, north = view.frame
    assert west <= view.bbox[0] and east >= view.bbox[2]
    assert south <= view.bbox[1] and north >= view.bbox[3]
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    assert (east - west) / ((north - south) * stretch) == pytest.approx(
        MAP_WIDTH_PX / MAP_HEIGHT_PX, rel=0.02
    )
