"""The map's pictures are drawn as sharp as the screen that shows them, no sharper: the page
writes window.devicePixelRatio before connecting and the server draws at that density."""

import pytest

from geo.raster import DENSITY, PHONE_DENSITY
from ui.map_cache import density_for


@pytest.mark.parametrize(
    ("written", "phone", "density"),
    [
        ("1", False, 1),  # a 1366×768 office screen: a quarter of the density-2 pixels
        ("1.25", False, 2),  # Windows at 125 %: never blurrier than the screen
        ("1.5", False, 2),
        ("2", False, 2),
        ("2", True, 2),
        ("3", True, 3),
        ("2.625", True, 3),  # many Android phones
        ("4", True, PHONE_DENSITY),  # capped: the picture grows with the square
        ("", False, DENSITY),  # no cookie (a script, an old page): as before
        ("", True, PHONE_DENSITY),
        ("abc", False, DENSITY),
        ("-1", True, PHONE_DENSITY),
        ("inf", False, DENSITY),
        ("nan", False, DENSITY),
    ],
)
def test_pictures_follow_the_screens_density(written, phone, density):
    assert density_for(written, phone) == density
