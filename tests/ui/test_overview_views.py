"""总览's cached views work from one relation index per revision and share their counts: what they
show is what the full computation (filter the links, then count) shows, for every filter."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from bench.generate import generate
from metrics.filters import Filters, filter_figures, filter_links
from metrics.headline import field_summary
from metrics.load import load_dataset
from metrics.paths import data_dir
from metrics.places import city_of
from metrics.relations import (
    SCOPES,
    city_pairs,
    in_scope,
    relations_by_field,
    relations_by_partner,
)
from ui import cache, headline

BUNDLED = "sqlite:///bundled#rev1"
REGION = "sqlite:///region#rev1"


@pytest.fixture(scope="module")
def datasets(tmp_path_factory):
    region = generate(tmp_path_factory.mktemp("data") / "region", figures=600, links=300, tasks=5)
    return {BUNDLED: load_dataset(data_dir()), REGION: load_dataset(region)}


@pytest.fixture
def revisions(monkeypatch, datasets):
    monkeypatch.setattr(cache.loaders, "dataset_at", datasets.__getitem__)
    cache.clear_views()
    yield datasets
    cache.clear_views()


def _filter_sets(data) -> list[Filters]:
    fields = list(dict.fromkeys(data.links["field"]))[:5]
    places = list(dict.fromkeys(data.links["to_name"]))[:2]
    partners = list(dict.fromkeys(data.links["from_name"]))[:2]
    chosen = [Filters()]
    chosen += [Filters(field=tuple(c)) for r in (1, 2) for c in itertools.combinations(fields, r)]
    chosen += [Filters(place=(p,)) for p in places] + [Filters(partner=(p,)) for p in partners]
    chosen += [Filters(kind=("target",)), Filters(field=(fields[0],), kind=("achievement",))]
    chosen += [Filters(source=(data.sources["source_id"].iloc[0],))]
    return chosen


def test_the_overview_counts_are_the_full_computation_for_every_filter_and_scope(
    revisions,
) -> None:
    for key, data in revisions.items():
        cities = city_of(data.places)
        for filters in _filter_sets(data):
            links = filter_links(data.links, filters, data.places)
            figures = filter_figures(data.figures, filters, data.places)
            expected_pairs = city_pairs(in_scope(links, data.places), data.places, cities)
            pd.testing.assert_frame_equal(cache.board_pairs(key, filters), expected_pairs)
            partners = relations_by_partner(links, data.places).head(12)
            chart = cache.partner_chart(key, filters, False)
            assert (chart is None) == partners.empty
            if chart is not None:
                assert list(chart.data[0].customdata[:, 0]) == list(partners["partner"])[::-1]
            for scope in SCOPES:
                shown = in_scope(links, data.places, scope)
                expected = relations_by_field(shown)
                pd.testing.assert_frame_equal(cache.field_relations(key, filters, scope), expected)
                summary = field_summary(figures, shown)
                assert cache.board_fields_html(key, filters, scope) == headline.fields_html(summary)


def test_the_field_chart_draws_the_counts_of_its_scope(revisions) -> None:
    data = revisions[BUNDLED]
    for scope in SCOPES:
        expected = relations_by_field(in_scope(data.links, data.places, scope))
        chart = cache.relation_field_chart(BUNDLED, Filters(), scope, False)
        achieved, planned = chart.data[0], chart.data[1]
        bars = {y: (a, p) for y, a, p in zip(achieved.y, achieved.x, planned.x, strict=True)}
        assert bars == {r.field: (r.achieved, r.planned) for r in expected.itertuples(index=False)}


def test_a_new_revision_gets_its_own_relation_index(revisions, monkeypatch) -> None:
    data = revisions[BUNDLED]
    before = cache.field_relations(BUNDLED, Filters(), "jingmeng")
    fewer = data.links[data.links["field"] != "医疗"]
    edited = {**revisions, "sqlite:///bundled#rev2": type(data)(**{**vars(data), "links": fewer})}
    monkeypatch.setattr(cache.loaders, "dataset_at", edited.__getitem__)
    after = cache.field_relations("sqlite:///bundled#rev2", Filters(), "jingmeng")
    assert "医疗" in set(before["field"]) and "医疗" not in set(after["field"])
