"""The tables pages show and the rows behind the KPI cards."""

import pandas as pd

from metrics.tables import kpi_cards, search_table, task_table

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


def test_kpi_cards_put_headlines_first_and_format_with_qualifiers():
    cards = kpi_cards(make_figures(), SOURCES)
    assert list(cards["figure_id"]) == ["f3", "f1", "f2"]
    assert list(cards["display"]) == ["50亿元以上", "250余人次", "近百家"]
    assert cards.loc[0, "source_title"] == "新闻"
    assert cards.loc[1, "color"].startswith("#")


def test_search_table_needs_every_word():
    figures = make_figures()
    assert list(search_table(figures, "专家 250", ["indicator", "quote"])["figure_id"]) == ["f1"]
    assert search_table(figures, "  ", ["quote"]).equals(figures)
    assert search_table(figures, "高铁", ["quote"]).empty


def test_task_table_writes_targets_out():
    tasks = pd.DataFrame({"task_id": ["1.3", "1.4"], "targets": ["f3", ""]})
    shown = task_table(tasks, make_figures())
    assert list(shown["target_display"]) == ["项目规模：50亿元以上", ""]


def test_kpi_cards_with_a_limit_are_the_first_cards_of_the_full_list():
    full = kpi_cards(make_figures(), SOURCES)
    pd.testing.assert_frame_equal(kpi_cards(make_figures(), SOURCES, 2), full.head(2))
