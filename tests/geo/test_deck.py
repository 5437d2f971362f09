"""The pydeck spec: no basemap, no outside URL, CJK labels, legible, direction visible."""

import json

import pandas as pd
import pytest

from geo.arcs import MAP_VIEWS, frame_pairs, link_pairs
from geo.boundaries import load_boundary_set
from geo.deck import arc_records, build_deck, declutter_labels, lighten, to_pixels, view_state
from metrics.load import load_dataset
from tests.conftest import DATA


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    data = load_dataset(DATA)
    view = MAP_VIEWS["ordos"]
    cache = tmp_path_factory.mktemp("geo")
    frames = [(name, load_boundary_set(name, cache)) for name in ("ordos", "wuhai")]
    pairs = frame_pairs(link_pairs(data.links, data.places, data.sources), view.bbox)
    values = pd.DataFrame({"name": ["达拉特旗"], "value": [3], "tip": ["达拉特旗"]})
    return json.loads(build_deck(view, frames, pairs, data.places, values).to_json())


def test_deck_has_no_map_provider_and_no_outside_url(spec):
    text = json.dumps(spec)
    assert "http" not in text
    assert spec.get("mapProvider") is None
    # pydeck's default style placeholder; an explicit None makes Streamlit fetch Carto's style.
    assert spec["mapStyle"] == "__MAP_STYLE__"


def test_constant_strings_are_not_turned_into_accessors(spec):
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert layers["labels"]["characterSet"] == "auto"
    assert layers["arcs"]["widthUnits"] == "pixels"
    assert not layers["labels"]["fontFamily"].startswith("@@=")


def test_choropleth_colours_only_banners_with_values(spec):
    features = spec["layers"][0]["data"]["features"]
    fills = {f["properties"]["name"]: f["properties"]["fill"] for f in features}
    assert fills["达拉特旗"] != fills["乌审旗"]
    assert fills["乌审旗"] == [242, 244, 247, 255]


def test_arc_direction_runs_from_pale_to_full_colour():
    pairs = pd.DataFrame(
        [
            {"field": "教育", "status": "achieved", "direction": "to_partner", "count": 1,
             "from_x": 116.4, "from_y": 39.9, "to_x": 106.8, "to_y": 39.7, "from_name": "东城区",
             "to_name": "乌海市", "link_ids": "l1", "link_types": "跟岗", "quote": "q",
             "source_title": "t"},
        ]
    )  # fmt: skip
    arc = arc_records(pairs)[0]
    assert arc["source"] == [106.8, 39.7]  # teachers go from 乌海 to Beijing
    assert arc["source_color"][:3] == lighten(arc["target_color"][:3])


def test_declutter_labels_leaves_no_overlapping_labels():
    bbox = MAP_VIEWS["jingmeng"].bbox
    nodes = [
        {"label": name, "position": [116.4 + i * 0.01, 39.9], "links": 10 - i}
        for i, name in enumerate(["北京市", "东城区", "海淀区"])
    ] + [{"label": "乌海市", "position": [106.8, 39.66], "links": 5}]
    kept = [n["label"] for n in declutter_labels(nodes, bbox) if n["label"]]
    assert kept == ["北京市", "乌海市"]


def test_view_state_fits_the_frame():
    bbox = MAP_VIEWS["jingmeng"].bbox
    state = view_state(bbox)
    assert bbox[0] < state.longitude < bbox[2] and 5 < state.zoom < 8
    assert to_pixels([bbox[0], bbox[3]], bbox) == (0, 0)
