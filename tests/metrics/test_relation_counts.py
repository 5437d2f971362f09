"""The relation counts the pages draw (counted over Python sets, once per revision's relation
index) are what the pandas computation they replaced gave, on the bundled data, a generated
region and random links (places without a city, several fields per sentence, both statuses)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from bench.generate import generate
from metrics.load import load_dataset
from metrics.paths import data_dir
from metrics.places import city_of
from metrics.relations import (
    OTHER,
    SCOPES,
    STATUSES,
    city_pairs,
    field_group,
    in_scope,
    relation_keys,
    relations_by_field,
    sides,
)
from metrics.vocab import FIELDS, LOCAL_SIDE, field_order


def _reference_by_field(links: pd.DataFrame, grouped: bool = True) -> pd.DataFrame:
    """relations_by_field as pandas computed it before."""
    keys = relation_keys(links)
    if grouped:
        keys = keys.assign(field=keys["field"].map(field_group))
    keys = keys.drop_duplicates(["source_id", "quote", "pair", "status", "field"])
    table = keys.groupby(["field", "status"]).size().unstack(fill_value=0)
    table = table.reindex(columns=list(STATUSES), fill_value=0).rename_axis(columns=None)
    table = table.reset_index()
    order = {**{f: field_order(f) for f in table["field"]}, OTHER: len(FIELDS) + 1}
    table = table.sort_values("field", key=lambda s: s.map(order)).reset_index(drop=True)
    return table.astype({"achieved": int, "planned": int})


def _reference_pairs(links: pd.DataFrame, places: pd.DataFrame, cities: dict) -> pd.DataFrame:
    """city_pairs as pandas computed it before."""
    links = links.reset_index(drop=True)
    start, end = sides(links, places)
    keys = relation_keys(links)
    flipped = (start == LOCAL_SIDE) & (end != LOCAL_SIDE)
    partner = keys["from_name"].where(~flipped, keys["to_name"])
    local = keys["to_name"].where(~flipped, keys["from_name"])
    keys = keys.assign(partner=partner.map(lambda n: cities.get(n, n)), local=local.map(cities))
    distinct = keys.drop_duplicates(["partner", "local", "source_id", "quote", "pair", "status"])
    table = distinct.groupby(["partner", "local", "status"]).size().unstack(fill_value=0)
    table = table.reindex(columns=list(STATUSES), fill_value=0).rename_axis(columns=None)
    table = table.assign(total=table["achieved"] + table["planned"]).reset_index()
    return table.sort_values(["achieved", "total"], ascending=False).reset_index(drop=True)


def _random_links(data, seed: int, count: int = 400) -> pd.DataFrame:
    """Links drawn from a dataset's own links, ends and fields shuffled (repeats kept)."""
    rng = np.random.default_rng(seed)
    pick = data.links.iloc[rng.integers(0, len(data.links), count)].reset_index(drop=True)
    names = pd.concat([data.links["from_name"], data.links["to_name"]]).unique()
    fields = data.links["field"].unique()
    return pick.assign(
        from_name=rng.choice(names, count),
        to_name=np.where(rng.random(count) < 0.5, pick["to_name"], rng.choice(names, count)),
        field=np.where(rng.random(count) < 0.3, rng.choice(fields, count), pick["field"]),
        status=rng.choice(list(STATUSES), count),
        quote=pick["quote"].where(rng.random(count) < 0.7, pick["quote"].iloc[0]),
    )


@pytest.fixture(scope="module")
def datasets(tmp_path_factory):
    region = generate(tmp_path_factory.mktemp("data") / "region", figures=300, links=400, tasks=5)
    return [load_dataset(data_dir()), load_dataset(region)]


def test_field_and_pair_counts_are_the_pandas_computation(datasets) -> None:
    for data in datasets:
        cities = city_of(data.places)
        samples = [data.links] + [_random_links(data, seed) for seed in range(6)]
        for links in samples:
            for scope in SCOPES:
                shown = in_scope(links, data.places, scope)
                for grouped in (True, False):
                    pd.testing.assert_frame_equal(
                        relations_by_field(shown, grouped), _reference_by_field(shown, grouped)
                    )
            shown = in_scope(links, data.places)
            pd.testing.assert_frame_equal(
                city_pairs(shown, data.places, cities), _reference_pairs(shown, data.places, cities)
            )


def test_no_links_count_nothing(datasets) -> None:
    data = datasets[0]
    none = data.links.iloc[:0]
    assert relations_by_field(none).empty
    assert list(relations_by_field(none).columns) == ["field", "achieved", "planned"]
    pairs = city_pairs(none, data.places, city_of(data.places))
    assert pairs.empty and list(pairs.columns) == ["partner", "local", *STATUSES, "total"]
