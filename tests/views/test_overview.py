"""总览 page: KPI cards from the data, counts, the field filter, and safe rendering."""

import base64

import numpy as np
import pandas as pd
import plotly.io
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.views.conftest import html_text, metric_values, query_value


def test_overview_leads_with_results_then_targets_each_linked_to_its_sentence(app):
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "京蒙协作成果看板"
    assert metric_values(at) == {}  # record counts live on 数据表 and 关于
    html = html_text(at)
    results, targets = html.index("主要成果"), html.index("行动方案目标")
    for shown in ("250余人次", "630余例次", "14场", "9家", "近百家"):
        assert results < html.index(shown) < targets
    for shown in ("50亿元以上", "千名", "增长20%以上"):
        assert html.index(shown) > targets
    assert 'href="sources?figure=wuhai-08"' in html
    assert "“已引入9家人驻乌海·信息谷创新中心”" in html  # cards with quotes further down
    assert "鄂府发〔2025〕8号" in html


def test_overview_shows_the_sources_dates_and_the_last_edit_apart(app):
    caption = " ".join(c.value for c in app.run().caption)
    assert "《鄂尔多斯市区域合作深化行动方案》2025-03-21" in caption
    assert "2025年（未注明具体日期）" in caption
    assert "数据最后编辑：" in caption
    assert "2026-11-22（最近收录" not in caption  # the import date is not a source date


def test_headline_tiles_come_in_their_order(app):
    html = html_text(app.run())
    positions = [html.index(text) for text in ("250余人次", "630余例次", "14场", "9家")]
    assert positions == sorted(positions)


def test_quick_field_switch_sets_the_sidebar_filter_and_the_url(app):
    at = app.run()
    at.segmented_control(key="w_quick_field").set_value("医疗").run()
    assert at.multiselect(key="w_field").value == ["医疗"]
    assert query_value(at, "field") == "医疗"
    html = html_text(at)
    assert "630余例次" in html and "14场" not in html
    assert any("当前筛选：领域：医疗" in c.value for c in at.caption)


def test_quick_field_switch_follows_the_sidebar(app):
    at = app.run()
    at.multiselect(key="w_field").select("科创").run()
    assert at.segmented_control(key="w_quick_field").value == "科创"
    at.multiselect(key="w_field").select("教育").run()
    assert at.segmented_control(key="w_quick_field").value is None  # 科创+教育: no one button


def test_other_fields_switch_selects_the_plans_other_fields(app):
    at = app.run()
    at.segmented_control(key="w_quick_field").set_value("其他").run()
    chosen = at.multiselect(key="w_field").value
    assert "能源" in chosen and "教育" not in chosen
    assert "50亿元以上" in html_text(at) and "250余人次" not in html_text(at)


def test_a_field_without_figures_says_the_sources_report_none(app):
    app.query_params["field"] = "文旅"
    at = app.run()
    assert "来源未报告文旅领域的具体数字" in html_text(at)


def test_relation_counts_keep_achieved_and_planned_apart_by_scope(app):
    at = app.run()
    traces = plotly.io.from_json(at.get("plotly_chart")[0].proto.spec).data
    assert [t.name for t in traces] == ["已实现", "计划"]
    x = traces[0].x
    if isinstance(x, dict):  # plotly sends numbers as typed arrays
        x = np.frombuffer(base64.b64decode(x["bdata"]), dtype=x["dtype"]).tolist()
    achieved = dict(zip(traces[0].y, x, strict=True))
    assert achieved["教育"] == 6  # 京蒙 relations, each (sentence, pair) once
    at.segmented_control(key="w_scope").set_value("inner").run()
    assert query_value(at, "scope") == "inner"
    assert "合作关系：已实现 0 · 计划 8" in html_text(at)  # 教育 inside Inner Mongolia


def test_clearing_the_filters_restores_everything_and_the_url(app):
    at = app.run()
    at.multiselect(key="w_field").select("教育").run()
    at.button(key="w_reset").click().run()
    assert "field" not in at.query_params
    assert at.multiselect(key="w_field").value == []
    assert at.segmented_control(key="w_quick_field").value == "全部"


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
    assert "font-size: 20px" in html_text(at) and ".tile-value {--max:40px;}" in html_text(at)


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
