"""数据表 and 来源 pages: search, downloads, every figure traced to its sentence."""

import re

import pandas as pd

from tests.views.conftest import displayed_table, html_text, open_page


def test_data_page_lists_every_figure_with_quote_and_source(app):
    at = open_page(app, "data.py")
    table = displayed_table(at.dataframe[0])
    assert len(table) == 24
    row = table[table["编号"] == "wuhai-16"].iloc[0]
    assert row["数量"] == "9家"
    assert row["原文引文"] == "已引入9家人驻乌海·信息谷创新中心"
    assert row["来源"].startswith("京蒙携手")
    assert set(table["数量"]) >= {
        "50亿元以上",
        "增长20%以上",
        "近百家",
        "千名",
    }  # as the source wrote it


def test_data_page_search_narrows_all_three_tables(app):
    at = open_page(app, "data.py")
    at.text_input(key="w_search").input("专家").run()
    figures = displayed_table(at.dataframe[0])
    assert set(figures["编号"]) == {"wuhai-08", "wuhai-09"}
    assert any("（2）" in tab.label for tab in at.tabs)


def test_data_page_search_without_hits_says_what_to_do(app):
    at = open_page(app, "data.py")
    at.text_input(key="w_search").input("不存在的词").run()
    assert not at.exception
    assert "放宽" in at.info[0].value or "没有" in at.info[0].value


def test_data_page_offers_excel_and_csv_downloads(app):
    at = open_page(app, "data.py")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["下载 Excel（含来源和筛选条件）", "下载 CSV（Excel 可直接打开）"]


def test_data_page_shows_links_and_tasks(app):
    at = open_page(app, "data.py")
    links, tasks = at.dataframe[1].value, at.dataframe[2].value
    assert len(links) == 121 and len(tasks) == 26
    task = tasks[tasks["编号"] == "1.3"].iloc[0]
    assert "引进50亿元以上重点项目：2个" in task["目标"]
    assert task["责任单位"] == "各旗区人民政府"


def test_sources_page_renders_the_whole_document_with_marks(app):
    at = open_page(app, "sources.py", doc="wuhai-news-2025")
    html = html_text(at)
    marked = set(" ".join(re.findall(r'data-figures="([^"]+)"', html)).split())
    assert len(marked) == 17  # every figure of the news feature, overlapping quotes included
    assert "北京萃华楼、便宜坊与本地餐饮企业签约" in html
    assert at.selectbox(key="w_doc").value == "wuhai-news-2025"


def test_sources_page_jumps_to_a_figure_sentence(app):
    at = open_page(app, "sources.py", figure="ordos-07")
    html = html_text(at)
    assert at.selectbox(key="w_doc").value == "ordos-plan-2025"
    assert '<div class="ctx">' in html and "<mark>全年进出口总额增长20%以上</mark>" in html
    assert 'class="focus"' in html
    assert any("增长20%以上" in m.value for m in at.markdown)


def test_sources_page_reports_an_unknown_figure(app):
    at = open_page(app, "sources.py", figure="wuhai-99")
    assert "wuhai-99" in at.warning[0].value
    assert not at.exception


def test_a_long_table_is_sent_to_the_browser_a_page_at_a_time(
    app, tmp_path, monkeypatch, fresh_store
):
    from bench.generate import generate

    monkeypatch.setenv(
        "JMB_DATA_DIR", str(generate(tmp_path / "big", figures=1200, links=5, tasks=2))
    )
    at = open_page(app, "data.py")
    assert not at.exception
    assert len(at.dataframe[0].value) == 500
    first = set(at.dataframe[0].value["编号"])
    assert any("共 1200 行，分 3 页" in c.value for c in at.caption)
    at.pagination(key="data_figures_page").set_value(3).run()
    assert len(at.dataframe[0].value) == 200
    assert not first & set(at.dataframe[0].value["编号"])  # another slice of the same table


def test_a_field_page_sends_its_long_figure_table_a_page_at_a_time(
    app, tmp_path, monkeypatch, fresh_store
):
    from bench.generate import generate

    folder = generate(tmp_path / "big", figures=9000, links=5, tasks=2)
    monkeypatch.setenv("JMB_DATA_DIR", str(folder))
    in_field = (pd.read_csv(folder / "figures.csv")["field"] == "教育").sum()
    assert in_field > 500  # 13 fields drawn at random
    at = open_page(app, "education.py")
    assert not at.exception
    assert len(at.dataframe[0].value) == 500
    pages = -(-in_field // 500)
    assert any(f"共 {in_field} 行，分 {pages} 页" in c.value for c in at.caption)
    at.pagination(key="fv_table_page_教育").set_value(int(pages)).run()
    assert len(at.dataframe[0].value) == in_field - 500 * (pages - 1)


def test_a_region_wide_field_chart_keeps_bars_of_one_indicator_apart(
    app, tmp_path, monkeypatch, fresh_store
):
    import json

    from bench.generate import generate

    monkeypatch.setenv(
        "JMB_DATA_DIR", str(generate(tmp_path / "big", figures=3000, links=5, tasks=2))
    )
    at = open_page(app, "education.py")
    bars = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["y"]
    assert len(bars) == 20 and len(set(bars)) == 20  # 培训教师 in 20 places: 20 bars
