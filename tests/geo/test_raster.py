"""The boundaries picture: Web-Mercator positions as deck.gl draws them, lines where they belong."""

import base64
import io

import geopandas as gpd
import pytest
from PIL import Image
from shapely.geometry import box

from geo.raster import FILL, LINE, boundary_picture, from_world, picture_bounds, to_world


def test_world_pixels_round_trip_and_match_deck_gl():
    assert to_world(0, 0, 0) == pytest.approx((256, 256))
    assert to_world(-180, 0, 1) == pytest.approx((0, 512))
    lon, lat = from_world(*to_world(110.5, 39.6, 5.3), 5.3)
    assert (lon, lat) == pytest.approx((110.5, 39.6))


def test_picture_reaches_past_the_view_on_every_side():
    west, south, east, north = picture_bounds((110.0, 40.0), 6.0, 600, 500)
    assert west < 110 < east and south < 40 < north
    # the view's own edges at zoom 6 (600 px wide) lie inside the picture
    assert from_world(to_world(110, 40, 6)[0] - 300, 0, 6)[0] > west


def picture(square, center=(110.0, 40.0), zoom=6.0):
    frame = gpd.GeoDataFrame({"name": ["甲"]}, geometry=[square], crs="EPSG:4326")
    url, bounds = boundary_picture([(frame, 1.0)], center, zoom, 600, 500)
    assert url.startswith("data:image/png;base64,")
    image = Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("RGBA")
    return image, bounds


def test_a_region_is_filled_inside_outlined_on_its_edge_and_clear_outside():
    image, bounds = picture(box(109.0, 39.0, 111.0, 41.0))
    west, south, east, north = bounds
    zoom = 6.0
    left, top = to_world(west, north, zoom)
    scale = image.width / (to_world(east, south, zoom)[0] - left)

    def pixel(lon, lat):
        x, y = to_world(lon, lat, zoom)
        return image.getpixel((round((x - left) * scale), round((y - top) * scale)))

    assert pixel(110.0, 40.0) == FILL
    assert pixel(109.0, 40.0)[:3] == LINE[:3]
    assert pixel(107.0, 40.0)[3] == 0  # outside every region: transparent


def test_names_are_drawn_cropped_to_themselves_and_larger_in_projector_mode():
    from geo.raster import find_cjk_font, label_picture

    font = find_cjk_font()
    if font is None:
        pytest.skip("no CJK font installed (the map then sends a TextLayer)")
    node = {
        "label": "鄂尔多斯市",
        "position": [110.0, 40.0],
        "offset": [0, -14],
        "anchor": "middle",
    }
    url, (west, _south, east, north) = label_picture(
        [node], str(font), 15, (110.0, 40.0), 6, 600, 500
    )
    assert url.startswith("data:image/png;base64,")
    assert west < 110.0 < east and north > 40.0  # centred on its dot, above it
    _, large = label_picture([node], str(font), 22, (110.0, 40.0), 6, 600, 500)
    assert large[2] - large[0] > east - west
