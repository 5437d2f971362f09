"""The pydeck spec: no basemap, no outside URL, CJK labels, legible, direction visible."""

import json

import pandas as pd
import pytest

from geo.arcs import MAP_VIEWS, frame_pairs, link_pairs
from geo.boundaries import load_boundary_set
from geo.deck import (
    TOOLTIP,
    arc_records,
    build_deck,
    declutter_labels,
    lighten,
    node_records,
    to_pixels,
    view_state,
)
from geo.selection import pick_pair
from metrics.load import load_dataset
from tests.conftest import DATA


@pytest.fixture(scope="module")
def ordos_pairs():
    data = load_dataset(DATA)
    return frame_pairs(link_pairs(data.links, data.places, data.sources), MAP_VIEWS["ordos"].bbox)


@pytest.fixture(scope="module")
def spec(tmp_path_factory, ordos_pairs):
    data = load_dataset(DATA)
    view = MAP_VIEWS["ordos"]
    cache = tmp_path_factory.mktemp("geo")
    frames = [(name, load_boundary_set(name, cache)) for name in ("ordos", "wuhai")]
    pairs = ordos_pairs
    values = pd.DataFrame({"name": ["达拉特旗"], "value": [3], "tip_body": ["能源 <b>基地</b>"]})
    deck = build_deck(view, frames, pairs, data.places, values, links=data.links)
    return json.loads(deck.to_json())


@pytest.fixture(scope="module")
def projected(tmp_path_factory):
    data = load_dataset(DATA)
    view = MAP_VIEWS["ordos"]
    frames = [("ordos", load_boundary_set("ordos", tmp_path_factory.mktemp("geo")))]
    pairs = frame_pairs(link_pairs(data.links, data.places, data.sources), view.bbox)
    return json.loads(build_deck(view, frames, pairs, data.places, projector=True).to_json())


def test_deck_has_no_map_provider_and_no_outside_url(spec):
    text = json.dumps(spec)
    assert "http" not in text
    assert spec.get("mapProvider") is None
    # pydeck's default style placeholder; an explicit None makes Streamlit fetch Carto's style.
    assert spec["mapStyle"] == "__MAP_STYLE__"


def test_constant_strings_are_not_turned_into_accessors(spec):
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert layers["arcs"]["widthUnits"] == "pixels"
    assert layers["regions"]["image"].startswith("data:image/png;base64,")
    assert layers["labels"]["image"].startswith("data:image/png;base64,")


def test_without_a_cjk_font_the_names_are_a_text_layer(monkeypatch, tmp_path):
    import geo.deck

    monkeypatch.setattr(geo.deck, "find_cjk_font", lambda: None)
    data = load_dataset(DATA)
    view = MAP_VIEWS["wuhai"]
    frames = [("wuhai", load_boundary_set("wuhai", tmp_path))]
    pairs = frame_pairs(link_pairs(data.links, data.places, data.sources), view.frame)
    layers = {
        layer["id"]: layer
        for layer in json.loads(build_deck(view, frames, pairs, data.places).to_json())["layers"]
    }
    assert layers["labels"]["@@type"] == "TextLayer"
    assert layers["labels"]["characterSet"] == "auto"
    assert not layers["labels"]["fontFamily"].startswith("@@=")


def test_tooltip_markup_is_in_the_template_and_the_data_is_plain_text(spec):
    assert "{tip_title}" in TOOLTIP["html"] and "{tip_body}" in TOOLTIP["html"]
    layers = {layer["id"]: layer for layer in spec["layers"]}
    for arc in layers["arcs"]["data"]:
        assert "<" not in arc["tip_title"] + arc["tip_body"]
    for node in layers["nodes"]["data"]:
        assert "<br>" not in node["tip_body"] and node["tip_title"]


def test_one_layer_per_purpose(spec):
    # The boundaries are one picture; only the choropleth's banners are shapes (hover, click).
    ids = [layer["id"] for layer in spec["layers"]]
    assert ids == ["regions", "regions-choropleth", "arcs", "nodes", "labels"]
    types = [layer["@@type"] for layer in spec["layers"]]
    # Names drawn by the server too (fonts-noto-cjk): three kinds of WebGL program, not six.
    assert types == ["BitmapLayer", "GeoJsonLayer", "ArcLayer", "ScatterplotLayer", "BitmapLayer"]
    assert spec["layers"][0]["image"].startswith("data:image/png;base64,")


def test_a_view_without_choropleth_sends_its_boundaries_as_one_small_picture(tmp_path):
    data = load_dataset(DATA)
    view = MAP_VIEWS["jingmeng"]
    frames = [(name, load_boundary_set(name, tmp_path)) for name in view.boundary_sets]
    pairs = frame_pairs(link_pairs(data.links, data.places, data.sources), view.frame)
    spec = json.loads(build_deck(view, frames, pairs, data.places, links=data.links).to_json())
    assert spec["layers"][0]["@@type"] == "BitmapLayer"
    assert "GeoJsonLayer" not in {layer["@@type"] for layer in spec["layers"]}
    west, south, east, north = spec["layers"][0]["bounds"]
    frame = view.frame
    assert west < frame[0] and south < frame[1] and east > frame[2] and north > frame[3]
    # 182 KB for the same input when boundaries and names were vector layers
    assert len(json.dumps(spec, ensure_ascii=False).encode()) < 150_000


def test_projector_mode_enlarges_labels_and_lines(spec, projected):
    normal = {layer["id"]: layer for layer in spec["layers"]}
    large = {layer["id"]: layer for layer in projected["layers"]}

    assert large["labels"]["image"] != normal["labels"]["image"]
    assert max(a["width"] for a in large["arcs"]["data"]) > max(
        a["width"] for a in normal["arcs"]["data"]
    )


def test_every_line_between_two_dots_tells_and_selects_all_their_links(spec, ordos_pairs):
    """Lines of different fields between the same two dots show the same tooltip, and a click
    on any of them (it sends the line's two names) selects every link between the dots."""
    arcs = {layer["id"]: layer for layer in spec["layers"]}["arcs"]["data"]
    by_ends = {}
    for arc in arcs:
        ends = tuple(sorted([tuple(arc["source"]), tuple(arc["target"])]))
        ids, _title = pick_pair([arc["from_name"], arc["to_name"]], ordos_pairs)
        by_ends.setdefault(ends, set()).add((tuple(ids), arc["tip_title"], arc["tip_body"]))
        assert "link_ids" not in arc  # resolved on the server, not sent with every line
    assert all(len(found) == 1 for found in by_ends.values())
    shared = [ends for ends, found in by_ends.items() if len(next(iter(found))[0]) > 1]
    assert shared  # the bundled map has dots joined by several links
    every = {i for r in ordos_pairs.itertuples() for i in r.link_ids.split("、")}
    assert {i for found in by_ends.values() for ids, *_ in found for i in ids} == every


def test_choropleth_colours_only_banners_with_values(spec):
    features = {layer["id"]: layer for layer in spec["layers"]}["regions-choropleth"]["data"][
        "features"
    ]
    fills = {f["properties"]["name"]: f["properties"]["fill"] for f in features}
    tips = {f["properties"]["name"]: f["properties"]["tip_body"] for f in features}
    assert tips["达拉特旗"] == "能源 <b>基地</b>"  # text; the front end escapes it
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
    placed = [n for n in declutter_labels(nodes, bbox) if n["label"]]
    # Three dots on one spot: the first name above, the second below, the third unnamed.
    assert [n["label"] for n in placed] == ["北京市", "东城区", "乌海市"]
    assert placed[0]["offset"][1] < 0 < placed[1]["offset"][1]
    boxes = [n["box"] for n in placed]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_labels_at_the_edges_grow_inwards():
    bbox = (100.0, 30.0, 110.0, 40.0)
    nodes = [
        {"label": "左边的地方", "position": [100.2, 35.0], "links": 3},
        {"label": "右边的地方", "position": [109.8, 35.0], "links": 2},
        {"label": "顶上", "position": [105.0, 39.95], "links": 1},
    ]
    placed = {n["label"]: n for n in declutter_labels(nodes, bbox)}
    assert placed["左边的地方"]["anchor"] == "start"
    assert placed["右边的地方"]["anchor"] == "end"
    assert placed["顶上"]["offset"][1] > 0  # under its dot, not above the top edge


def test_view_state_fits_the_frame():
    bbox = MAP_VIEWS["jingmeng"].bbox
    state = view_state(bbox)
    assert bbox[0] < state.longitude < bbox[2] and 4.5 < state.zoom < 8
    assert to_pixels([bbox[0], bbox[3]], bbox) == (0, 0)


@pytest.mark.parametrize("key", list(MAP_VIEWS))
def test_a_phone_map_places_every_label_inside_its_narrower_frame(tmp_path_factory, key):
    from geo.arcs import PHONE_HEIGHT_PX, PHONE_WIDTH_PX, content_frame, fit_to_panel

    data = load_dataset(DATA)
    view = MAP_VIEWS[key]
    size = (PHONE_WIDTH_PX, PHONE_HEIGHT_PX)
    pairs = link_pairs(data.links, data.places, data.sources)
    frame = content_frame(pairs, fit_to_panel(view.bbox, *size), size=size)
    cache = tmp_path_factory.getbasetemp() / "geo-phone"
    frames = [(name, load_boundary_set(name, cache)) for name in view.boundary_sets]
    deck = build_deck(view, frames, frame_pairs(pairs, frame), data.places, frame=frame, size=size)
    labels = {layer["id"]: layer for layer in json.loads(deck.to_json())["layers"]}["labels"]
    west, south, east, north = labels["bounds"]  # the names' picture lies inside the frame
    assert frame[0] <= west and east <= frame[2] and frame[1] <= south and north <= frame[3]
    nodes = declutter_labels(node_records(frame_pairs(pairs, frame), data.places), frame, 15, *size)
    named = [n for n in nodes if n["label"]]
    assert named, "no place is named on the phone's map"
    for node in named:
        left, top, right, bottom = node["box"]
        assert left >= 0 and right <= PHONE_WIDTH_PX, (node["label"], node["box"])
        assert top >= 0 and bottom <= PHONE_HEIGHT_PX, (node["label"], node["box"])


def _picture_px(data_url: str) -> tuple[int, int]:
    import base64
    import io

    from PIL import Image

    return Image.open(io.BytesIO(base64.b64decode(data_url.split(",", 1)[1]))).size


def test_a_phone_map_draws_its_pictures_for_a_phones_three_pixels_a_point(tmp_path):
    from geo.arcs import PHONE_HEIGHT_PX, PHONE_WIDTH_PX
    from geo.raster import PHONE_DENSITY, REACH

    data = load_dataset(DATA)
    view = MAP_VIEWS["wuhai"]
    size = (PHONE_WIDTH_PX, PHONE_HEIGHT_PX)
    frames = [(name, load_boundary_set(name, tmp_path)) for name in view.boundary_sets]
    pairs = frame_pairs(link_pairs(data.links, data.places, data.sources), view.frame)

    def layers(density: int) -> dict:
        deck = build_deck(view, frames, pairs, data.places, size=size, density=density)
        return {layer["id"]: layer for layer in json.loads(deck.to_json())["layers"]}

    sharp, laptop = layers(PHONE_DENSITY), layers(2)
    assert PHONE_DENSITY == 3  # an iPhone's or a common Android's device pixels per CSS pixel
    width, _ = _picture_px(sharp["regions"]["image"])
    assert width == round(PHONE_WIDTH_PX * (1 + 2 * REACH) * 3)  # was 2 px a point: blurred
    assert sharp["regions"]["bounds"] == laptop["regions"]["bounds"]  # same place on the map
    names, names_before = (
        _picture_px(sharp["labels"]["image"]),
        _picture_px(laptop["labels"]["image"]),
    )
    assert names[0] >= names_before[0] * 1.4 and names[1] >= names_before[1] * 1.4
