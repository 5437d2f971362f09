"""Map labels stay wholly inside the map's pixels; an edge dot explains its arrow on hover."""

import pytest

from geo.arcs import (
    MAP_HEIGHT_PX,
    MAP_VIEWS,
    MAP_WIDTH_PX,
    PHONE_HEIGHT_PX,
    PHONE_WIDTH_PX,
    content_frame,
    fit_to_panel,
    frame_pairs,
    link_pairs,
)
from geo.boundaries import load_boundary_set
from geo.labels import (
    EDGE_MARGIN_PX,
    OFF_FRAME_NOTE,
    declutter_labels,
    node_records,
    overlap,
    region_labels,
    shift_inside,
    to_pixels,
)
from metrics.load import load_dataset
from tests.conftest import DATA

ARROWS = "→←↑↓"
LAPTOP_MAP_WIDTH_PX = 631  # the map column measured at 1366×768


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA)


def test_the_frame_fits_the_measured_laptop_map():
    assert MAP_WIDTH_PX <= LAPTOP_MAP_WIDTH_PX and MAP_HEIGHT_PX <= 540


SIZES = {"laptop": (MAP_WIDTH_PX, MAP_HEIGHT_PX), "phone": (PHONE_WIDTH_PX, PHONE_HEIGHT_PX)}


@pytest.fixture(scope="module")
def areas(tmp_path_factory):
    """The boundary sets whose names a view writes on the map (乌海's districts)."""
    cache = tmp_path_factory.mktemp("geo")
    return {
        view.region_labels: load_boundary_set(view.region_labels, cache)
        for view in MAP_VIEWS.values()
        if view.region_labels
    }


def map_labels(data, areas, view_key, size):
    """Every name drawn on a view at a map size: the dots' names and the areas' names."""
    view = MAP_VIEWS[view_key]
    pairs = link_pairs(data.links, data.places, data.sources)
    frame = content_frame(pairs, fit_to_panel(view.bbox, *size), size=size)
    nodes = declutter_labels(node_records(frame_pairs(pairs, frame), data.places), frame, 15, *size)
    names = (
        region_labels(areas[view.region_labels], nodes, frame, 15, *size)
        if view.region_labels
        else []
    )
    return nodes, names


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("view_key", list(MAP_VIEWS))
def test_every_label_box_lies_inside_the_map(data, areas, view_key, size):
    width, height = SIZES[size]
    nodes, names = map_labels(data, areas, view_key, SIZES[size])
    labelled = [n for n in nodes if n["label"]] + names
    assert labelled
    for node in labelled:
        left, top, right, bottom = node["box"]
        assert left >= EDGE_MARGIN_PX - 0.1 and top >= EDGE_MARGIN_PX - 0.1, node["label"]
        assert right <= width - EDGE_MARGIN_PX + 0.1, node["label"]
        assert bottom <= height - EDGE_MARGIN_PX + 0.1, node["label"]
    boxes = [n["box"] for n in labelled]
    assert not any(overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    edge = [n for n in labelled if n["label"][-1:] in ARROWS]
    if view_key == "ordos" and size == "laptop":
        assert {"北京市 →", "兴安盟 →", "上海市 →"} <= {n["label"] for n in edge}
    for node in nodes:
        if node["tip_title"][-1:] in ARROWS:
            assert OFF_FRAME_NOTE in node["tip_body"]


def test_a_box_past_the_right_edge_moves_left_by_the_overrun():
    assert shift_inside((600, 100, 660, 120), 640, 540) == (640 - EDGE_MARGIN_PX - 660, 0.0)
    assert shift_inside((-10, -5, 40, 10), 640, 540) == (EDGE_MARGIN_PX + 10, EDGE_MARGIN_PX + 5)
    assert shift_inside((10, 10, 40, 30), 640, 540) == (0.0, 0.0)


@pytest.mark.parametrize("size", list(SIZES))
def test_the_wuhai_view_names_its_three_districts(data, areas, size):
    nodes, names = map_labels(data, areas, "wuhai", SIZES[size])
    assert {n["label"] for n in names} == {"海勃湾区", "乌达区", "海南区"}
    # Clear of every dot: a district's name never hides a partner.
    for name in names:
        for node in nodes:
            x, y = to_pixels(node["position"], node_frame(data, SIZES[size]), *SIZES[size])
            r = node["radius"]
            assert not overlap(name["box"], (x - r, y - r, x + r, y + r)), name["label"]


def node_frame(data, size):
    pairs = link_pairs(data.links, data.places, data.sources)
    return content_frame(pairs, fit_to_panel(MAP_VIEWS["wuhai"].bbox, *size), size=size)


def test_an_off_map_place_points_the_way_it_lies(data):
    """A reviewer saw 蒙古国 → at the top and 粤港澳大湾区 → at the bottom: the arrow of a place
    beyond the frame points to the edge its line runs to."""
    view = MAP_VIEWS["jingmeng"]
    pairs = link_pairs(data.links, data.places, data.sources)
    frame = content_frame(pairs, fit_to_panel(view.bbox, *SIZES["laptop"]), size=SIZES["laptop"])
    labels = {n["label"] for n in node_records(frame_pairs(pairs, frame), data.places)}
    assert {"蒙古国 ↑", "粤港澳大湾区 ↓", "欧洲 ←", "兴安盟 →"} <= labels
