"""数据表 as a reviewer saw it: long 指标 and 限定 values shown whole at 1366 px, a picked row
spelled out in full, and 来源's URL parameters (?figure=, ?doc=) answered, never ignored."""

import json

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui.headline import em_width
from ui.labels import QUALIFIER_LABELS

INDICATOR, QUALIFIER = "指标", "限定"


@pytest.fixture(autouse=True)
def bundled_data(monkeypatch):
    monkeypatch.delenv("JMB_DATA_DIR", raising=False)


def first_view(page: str, **query: str) -> AppTest:
    """A session whose first page is views/<page> opened from a URL with `query` (a shared
    link): the page's own parameters are kept on a first run."""
    st.cache_resource.clear()
    at = AppTest.from_file(ROOT / "app.py", default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.switch_page(f"views/{page}").run()


def column_widths(at: AppTest) -> dict[str, int]:
    columns = json.loads(at.dataframe[0].proto.columns)
    return {
        name: config["width"]
        for name, config in columns.items()
        if isinstance(config.get("width"), int)
    }


def text_px(text: str) -> float:
    """What a cell's text takes at the grid's 14 px font, with its 8 px padding each side."""
    return em_width(text) * 14 + 16


def test_long_indicators_and_qualifiers_fit_their_columns():
    at = first_view("data.py")
    widths, table = column_widths(at), at.dataframe[0].value
    longest = max(table[INDICATOR], key=em_width)
    assert longest == "海淀教科院专题培训惠及的教育管理者和骨干教师"  # 22 characters: 300 px cut it
    assert widths[INDICATOR] >= text_px(longest)
    for label in set(table[QUALIFIER]):
        assert widths[QUALIFIER] >= text_px(label), label  # 余/多/超（大于） was cut at 116 px
    assert set(table[QUALIFIER]) <= set(QUALIFIER_LABELS.values())


def test_columns_narrow_to_what_a_filtered_table_holds():
    everything = column_widths(first_view("data.py"))
    medical = column_widths(first_view("data.py", field="医疗"))
    assert medical[INDICATOR] < everything[INDICATOR]  # no empty band on a phone's swipe


def test_the_kind_stands_beside_the_amount():
    at = first_view("data.py")
    assert list(at.dataframe[0].proto.column_order[:2]) == ["数量", "类型"]


def test_a_shared_figure_link_picks_its_row_and_spells_it_out():
    at = first_view("data.py", figure="wuhai-16")
    assert not at.exception and not at.warning
    selection = json.loads(at.dataframe[0].proto.selection_default)["selection"]
    picked = at.dataframe[0].value.iloc[selection["rows"][0]]
    assert picked["编号"] == "wuhai-16"
    summary = at.markdown[0].value
    assert "入驻乌海·信息谷创新中心的企业" in summary and "确数" in summary and "成果" in summary


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ({"figure": "abc"}, "网址中的数字编号“abc”无法识别，已忽略。"),
        ({"doc": "abc"}, "网址中的来源编号“abc”无法识别，已忽略。"),
        ({"figure": "wuhai-16", "field": "医疗"}, "不在当前筛选或搜索结果中"),
    ],
)
def test_an_unusable_sources_parameter_gets_a_chinese_notice_and_leaves_the_url(query, said):
    at = first_view("data.py", **query)
    assert not at.exception
    assert len(at.warning) == 1 and said in at.warning[0].value
    assert not {"figure", "doc"} & set(at.query_params)
    assert len(at.dataframe[0].value) > 0  # the table is still there


def test_a_known_document_on_the_data_page_is_not_reported():
    at = first_view("data.py", doc="wuhai-news-2025")
    assert not at.exception and not at.warning


def test_sources_page_says_when_the_document_in_the_url_does_not_exist():
    at = first_view("sources.py", doc="no-such-doc")
    assert not at.exception
    assert at.warning[0].value == "网址中的来源编号“no-such-doc”不存在，已显示第一份来源。"
    assert at.query_params["doc"] == "ordos-plan-2025"  # the document shown
