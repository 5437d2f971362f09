"""总览 page: KPI cards from the data, counts, the field filter, and safe rendering."""

import pandas as pd
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.views.conftest import html_text, metric_values, query_value


def test_overview_shows_counts_and_the_headline_figures(app):
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "京蒙协作成果看板"
    assert metric_values(at) == {"数字": "24", "合作关系": "121", "方案任务": "26", "来源文件": "2"}
    html = html_text(at)
    for shown in ("250余人次", "630余例次", "14场", "9家", "50亿元以上", "近百家", "千名"):
        assert shown in html
    assert "“已引入9家人驻乌海·信息谷创新中心”" in html
    assert "鄂府发〔2025〕8号" in html
    assert "另有 12 个数字" in at.caption[-1].value


def test_overview_says_when_the_data_was_updated(app):
    at = app.run()
    assert any("数据更新：2026-11-22" in c.value for c in at.caption)


def test_headline_cards_come_first_in_their_order(app):
    html = html_text(app.run())
    positions = [
        html.index(text) for text in ("250余人次", "630余例次", "14场", "9家", "50亿元以上")
    ]
    assert positions == sorted(positions)


def test_field_filter_narrows_cards_and_writes_the_url(app):
    at = app.run()
    at.multiselect(key="w_field").select("医疗").run()
    assert metric_values(at)["数字"] == "5"
    assert metric_values(at)["来源文件"] == "1"
    html = html_text(at)
    assert "630余例次" in html and "14场" not in html
    assert query_value(at, "field") == "医疗"
    assert "当前筛选：领域：医疗" in [c.value for c in at.caption]


def test_clearing_the_filters_restores_everything_and_the_url(app):
    at = app.run()
    at.multiselect(key="w_field").select("教育").run()
    at.button(key="w_reset").click().run()
    assert metric_values(at)["数字"] == "24"
    assert "field" not in at.query_params
    assert at.multiselect(key="w_field").value == []


def test_a_filter_without_data_says_which_filter_to_relax(app):
    app.query_params["field"] = "生态"
    app.query_params["kind"] = "achievement"
    at = app.run()
    info = at.info[0].value
    assert "放宽" in info and "“领域”" in info and "“类型”" in info


def test_projector_mode_is_a_toggle_mirrored_to_the_url(app):
    at = app.run()
    at.toggle(key="w_projector").set_value(True).run()
    assert query_value(at, "projector") == "1"
    assert "font-size: 20px" in html_text(at)


def test_hostile_text_in_the_data_is_shown_not_executed(data_copy, monkeypatch, fresh_store):
    hostile = "<script>alert('x')</script>派专家250余人次"
    raw = data_copy / "raw" / "wuhai-news-2025.txt"
    raw.write_text(raw.read_text(encoding="utf-8") + hostile, encoding="utf-8")
    sources = pd.read_csv(data_copy / "sources.csv", dtype=str, keep_default_na=False)
    sources["sha256"] = ""
    sources.to_csv(data_copy / "sources.csv", index=False)
    figures = pd.read_csv(data_copy / "figures.csv", dtype=str, keep_default_na=False)
    figures.loc[figures["figure_id"] == "wuhai-08", "quote"] = hostile
    figures.to_csv(data_copy / "figures.csv", index=False)
    monkeypatch.setenv("JMB_DATA_DIR", str(data_copy))
    st.cache_resource.clear()
    at = AppTest.from_file(ROOT / "app.py", default_timeout=30).run()
    assert not at.exception
    html = html_text(at)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<script" not in html
    at.query_params["doc"] = "wuhai-news-2025"
    at.switch_page("views/sources.py").run()
    document = html_text(at)
    assert "<script" not in document
    assert "&lt;script&gt;" in document
