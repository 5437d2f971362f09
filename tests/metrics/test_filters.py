"""Shared filters: applying them, place hierarchy, and the URL round trip."""

import pandas as pd
import pytest

from metrics.filters import (
    FilterOptions,
    Filters,
    descendants,
    filter_figures,
    filter_links,
    filter_options,
    filters_from_query,
    filters_to_query,
)

PLACES = pd.DataFrame(
    {
        "name": ["北京市", "东城区", "王府井", "内蒙古自治区", "鄂尔多斯市", "达拉特旗", "乌海市"],
        "parent": ["", "北京市", "东城区", "", "内蒙古自治区", "鄂尔多斯市", "内蒙古自治区"],
        "side": ["beijing"] * 3 + ["inner_mongolia"] * 4,
    }
)
FIGURES = pd.DataFrame(
    {
        "figure_id": ["f1", "f2", "f3"],
        "source_id": ["news", "news", "plan"],
        "field": ["医疗", "教育", "产业"],
        "place": ["乌海市", "乌海市", "达拉特旗"],
        "partner": ["北京市", "东城区", ""],
        "kind": ["achievement", "achievement", "target"],
        "period": ["2025", "2025", "2025"],
    }
)
LINKS = pd.DataFrame(
    {
        "link_id": ["l1", "l2", "l3"],
        "source_id": ["news", "plan", "plan"],
        "field": ["文旅", "产业", "教育"],
        "from_name": ["王府井", "鄂尔多斯市", "东城区"],
        "to_name": ["乌海市", "达拉特旗", "鄂尔多斯市"],
        "status": ["achieved", "planned", "planned"],
    }
)
SOURCES = pd.DataFrame({"source_id": ["news", "plan"]})


def test_descendants_include_everything_below():
    assert descendants(PLACES, ["北京市"]) == {"北京市", "东城区", "王府井"}
    assert descendants(PLACES, ["达拉特旗"]) == {"达拉特旗"}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["f1", "f2", "f3"]),
        (Filters(field=("医疗", "产业")), ["f1", "f3"]),
        (Filters(place=("鄂尔多斯市",)), ["f3"]),
        (Filters(partner=("北京市",)), ["f1", "f2"]),
        (Filters(partner=("东城区",)), ["f2"]),
        (Filters(source=("plan",)), ["f3"]),
        (Filters(kind=("achievement",)), ["f1", "f2"]),
        (Filters(period=("2024",)), []),
        (Filters(field=("教育",), partner=("北京市",)), ["f2"]),
    ],
)
def test_filter_figures(filters, expected):
    assert list(filter_figures(FIGURES, filters, PLACES)["figure_id"]) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(place=("鄂尔多斯市",)), ["l2", "l3"]),
        (Filters(partner=("北京市",)), ["l1", "l3"]),
        (Filters(kind=("target",)), ["l2", "l3"]),
        (Filters(field=("文旅",)), ["l1"]),
    ],
)
def test_filter_links(filters, expected):
    assert list(filter_links(LINKS, filters, PLACES)["link_id"]) == expected


def test_filter_options_separate_the_two_sides():
    options = filter_options(FIGURES, LINKS, SOURCES, PLACES)
    assert options.place == ("鄂尔多斯市", "达拉特旗", "乌海市")
    assert options.partner == ("北京市", "东城区", "王府井")
    assert options.field == ("教育", "医疗", "文旅", "产业")
    assert options.period == ("2025",)


def test_filters_round_trip_through_the_url():
    options = filter_options(FIGURES, LINKS, SOURCES, PLACES)
    filters = Filters(field=("教育", "医疗"), place=("乌海市",), kind=("target",))
    query = filters_to_query(filters)
    assert query == {"field": "教育,医疗", "place": "乌海市", "kind": "target"}
    assert filters_from_query(query, options) == (filters, {})


def test_filters_from_query_drops_and_reports_unknown_values():
    options = FilterOptions(("教育",), ("乌海市",), (), (), ("achievement",), ())
    filters, unknown = filters_from_query(
        {"field": "教育,<script>", "place": "火星", "kind": ""}, options
    )
    assert filters == Filters(field=("教育",))
    assert unknown == {"field": ["<script>"], "place": ["火星"]}


def test_filters_describe_what_is_active():
    filters = Filters(field=("教育",))
    assert filters.active() == {"field": ("教育",)}
    assert not filters.is_empty() and Filters().is_empty()


def test_describe_filters_names_each_active_filter_in_chinese():
    from metrics.filters import describe_filters

    filters = Filters(field=("教育", "医疗"), kind=("achievement",), source=("news",))
    assert describe_filters(filters, {"news": "新闻"}) == "领域：教育、医疗；来源：新闻；类型：成果"
    assert describe_filters(Filters(), {}) == ""
