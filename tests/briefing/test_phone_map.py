"""The map slide on a phone: a portrait picture whose names fit, never cut and never overlapping."""

import io

import pytest
from PIL import Image, ImageDraw

from briefing import map_image
from briefing.deck import PHONE_PICTURE_PX, map_picture, phone_map_png
from geo.boundaries import load_boundary_set
from metrics.filters import Filters, filter_links
from metrics.load import load_dataset
from metrics.paths import GEO_BUILD_DIR, MAP_SETS
from tests.conftest import DATA


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def boundaries():
    return {name: load_boundary_set(name, GEO_BUILD_DIR) for name in MAP_SETS}


def drawn_names(monkeypatch, make) -> tuple[list[tuple[str, tuple]], tuple[int, int]]:
    """The names a picture draws, each with its box in the picture's pixels, and its size."""
    names = []
    original = ImageDraw.ImageDraw.text

    def text(self, xy, label, *args, **kwargs):
        keep = {k: kwargs[k] for k in ("font", "anchor", "stroke_width") if k in kwargs}
        names.append((label, self.textbbox(xy, label, **keep)))
        return original(self, xy, label, *args, **kwargs)

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", text)
    picture = Image.open(io.BytesIO(make()))
    return names, picture.size


def test_phone_picture_is_portrait_and_names_both_cities(monkeypatch, data, boundaries):
    names, size = drawn_names(monkeypatch, lambda: phone_map_png(data, Filters(), boundaries))
    assert size == PHONE_PICTURE_PX and size[1] > size[0]
    labels = [label for label, _ in names]
    # the two cities of the dashboard and Beijing are named (the 16:10 picture's choice of names,
    # made for another frame, dropped 乌海市 on the phone)
    assert {"鄂尔多斯市", "乌海市", "北京市"} <= set(labels)
    assert len(labels) <= map_image.MAX_LABELS


@pytest.mark.parametrize("phone", [True, False])
def test_names_lie_inside_the_picture_and_apart(monkeypatch, data, boundaries, phone):
    links = filter_links(data.links, Filters(), data.places)
    size = PHONE_PICTURE_PX if phone else map_image.PICTURE_PX
    names, shown = drawn_names(monkeypatch, lambda: map_picture(data, links, boundaries, size))
    assert shown == size and names
    for label, (left, top, right, bottom) in names:
        assert left >= 0 and right <= size[0] and top >= 0 and bottom <= size[1], label
    boxes = [box for _, box in names]
    for index, a in enumerate(boxes):
        for b in boxes[index + 1 :]:
            assert not map_image._overlap(a, b, gap=0), (a, b)


def test_a_name_at_the_edge_moves_inside():
    assert map_image._inside((-20, 10, 60, 40), (100, 100)) == (6, 10, 86, 40)
    assert map_image._inside((50, -5, 120, 20), (100, 100)) == (24, 6, 94, 31)
