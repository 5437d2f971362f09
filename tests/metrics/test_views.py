"""Filtered views and the rows behind the KPI cards."""

import pandas as pd

from metrics.views import count_by_field, filter_by_field, kpi_cards, parse_field_selection

SOURCES = pd.DataFrame(
    {
        "source_id": ["s1"],
        "title": ["新闻"],
        "publisher": [""],
        "author": ["赵辉"],
        "doc_number": [""],
        "published": [""],
    }
)


def make_figures() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "figure_id": ["f1", "f2", "f3"],
            "source_id": ["s1", "s1", "s1"],
            "quote": ["派专家250余人次", "对接近百家企业", "引进50亿元以上重点项目"],
            "value": [250.0, 100.0, 5e9],
            "unit": ["人次", "家", "元"],
            "qualifier": ["more_than", "about", "at_least"],
            "kind": ["achievement", "achievement", "target"],
            "field": ["医疗", "科创", "产业"],
            "indicator": ["专家", "对接企业", "项目规模"],
            "place": ["乌海市"] * 3,
            "partner": ["北京市", "", ""],
            "headline": ["2", "", "1"],
            "note": ["", "", ""],
        }
    )


def test_parse_field_selection_keeps_vocabulary_order_and_reports_unknowns():
    known, unknown = parse_field_selection(["文旅", "体育", "教育"])
    assert known == ["教育", "文旅"]
    assert unknown == ["体育"]


def test_filter_by_field_with_no_selection_keeps_everything():
    figures = make_figures()
    assert len(filter_by_field(figures, [])) == 3
    assert list(filter_by_field(figures, ["医疗", "产业"])["figure_id"]) == ["f1", "f3"]


def test_kpi_cards_put_headlines_first_and_format_with_qualifiers():
    cards = kpi_cards(make_figures(), SOURCES)
    assert list(cards["figure_id"]) == ["f3", "f1", "f2"]
    assert list(cards["display"]) == ["50亿元以上", "250余人次", "近百家"]
    assert cards.loc[0, "source_title"] == "新闻"
    assert cards.loc[1, "color"].startswith("#")


def test_count_by_field_follows_the_vocabulary_order():
    counts = count_by_field(make_figures())
    assert list(counts["field"]) == ["医疗", "科创", "产业"]
    assert list(counts["count"]) == [1, 1, 1]
