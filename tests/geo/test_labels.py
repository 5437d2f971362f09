"""Map labels stay wholly inside the map's pixels; an edge dot explains its arrow on hover."""

import pytest

from geo.arcs import MAP_HEIGHT_PX, MAP_VIEWS, MAP_WIDTH_PX, content_frame, frame_pairs, link_pairs
from geo.labels import EDGE_MARGIN_PX, OFF_FRAME_NOTE, declutter_labels, node_records, shift_inside
from metrics.load import load_dataset
from tests.conftest import DATA

LAPTOP_MAP_WIDTH_PX = 631  # the map column measured at 1366×768


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA)


def test_the_frame_fits_the_measured_laptop_map():
    assert MAP_WIDTH_PX <= LAPTOP_MAP_WIDTH_PX and MAP_HEIGHT_PX <= 540


@pytest.mark.parametrize("view_key", list(MAP_VIEWS))
def test_every_label_box_lies_inside_the_map(data, view_key):
    pairs = link_pairs(data.links, data.places, data.sources)
    frame = content_frame(pairs, MAP_VIEWS[view_key].frame)
    nodes = declutter_labels(node_records(frame_pairs(pairs, frame), data.places), frame)
    labelled = [n for n in nodes if n["label"]]
    assert labelled
    for node in labelled:
        left, top, right, bottom = node["box"]
        assert left >= EDGE_MARGIN_PX - 0.1 and top >= EDGE_MARGIN_PX - 0.1, node["label"]
        assert right <= MAP_WIDTH_PX - EDGE_MARGIN_PX + 0.1, node["label"]
        assert bottom <= MAP_HEIGHT_PX - EDGE_MARGIN_PX + 0.1, node["label"]
    edge = [n for n in labelled if n["label"].endswith("→")]
    if view_key == "ordos":
        assert {"北京市 →", "兴安盟 →", "上海市 →"} <= {n["label"] for n in edge}
    for node in nodes:
        if "→" in node["tip_title"]:
            assert OFF_FRAME_NOTE in node["tip_body"]


def test_a_box_past_the_right_edge_moves_left_by_the_overrun():
    assert shift_inside((600, 100, 660, 120), 640, 540) == (640 - EDGE_MARGIN_PX - 660, 0.0)
    assert shift_inside((-10, -5, 40, 10), 640, 540) == (EDGE_MARGIN_PX + 10, EDGE_MARGIN_PX + 5)
    assert shift_inside((10, 10, 40, 30), 640, 540) == (0.0, 0.0)
