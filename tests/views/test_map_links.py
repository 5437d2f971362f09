"""合作地图 from a shared link: the view named as its button reads (?view=乌海), and what was picked
on the map (?pick=北京市—乌海市) reopened with its summary, its table and its sources."""

import json

import pytest

from tests.views.conftest import open_page, query_value
from tests.views.test_hostile_urls import VALUES, shown


def view_centre(at) -> float:
    """The longitude the map opens on (the deck's initial view)."""
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    return spec["initialViewState"]["longitude"]


def picked_line(at) -> str:
    return next((m.value for m in at.markdown if "地图上选中" in m.value), "")


@pytest.mark.parametrize("asked", ["乌海", "wuhai", "乌海市"])
def test_the_wuhai_view_opens_from_its_chinese_name_and_the_url_says_it_in_chinese(app, asked):
    at = open_page(app, "map.py", view=asked)
    assert not at.exception and not at.warning
    assert 106.2 < view_centre(at) < 107.5  # 乌海, not the 京蒙 overview
    assert query_value(at, "view") == "乌海"


def test_choosing_a_view_writes_its_button_name_to_the_url(app):
    at = open_page(app, "map.py")
    at.session_state["w_map_view"] = "鄂尔多斯旗区"
    at.run()
    assert query_value(at, "view") == "鄂尔多斯旗区"


def test_an_unknown_view_name_is_refused_in_chinese_and_the_overview_shown(app):
    at = open_page(app, "map.py", view="火星")
    assert "网址中的地图视图“火星”无法识别" in at.warning[0].value and not at.exception
    assert query_value(at, "view") == "京蒙总览"


def test_a_shared_pick_reopens_the_line_with_every_relation_it_carries(app):
    at = open_page(app, "map.py", view="乌海", pick="北京市—乌海市")
    assert not at.exception and not at.warning
    line = picked_line(at)
    assert "北京市等 3 处 — 乌海市：已实现 13 条（教育 1、医疗 3、科创 4、文旅 4、产业 1）" in line
    # The details open on the picked relations: the table lists exactly those 13.
    table = at.dataframe[0].value
    assert len(table) == 13 and set(table["内蒙古一侧"]) == {"乌海市"}
    assert {"北京市", "京城名医馆", "乌海·北京科创飞地"} == set(table["合作方"])
    assert query_value(at, "pick") == "北京市—乌海市"
    at.run()  # a rerun (any widget) keeps the pick
    assert picked_line(at) == line and query_value(at, "pick") == "北京市—乌海市"


def test_a_shared_pick_of_a_place_names_the_places_on_its_dot(app):
    at = open_page(app, "map.py", view="乌海", pick="乌海市")
    assert "乌海市等 2 处：已实现 25 条（教育 6、" in picked_line(at)


@pytest.mark.parametrize("pick", ["火星—乌海市", "北京市—鄂尔多斯市", "wuhai-l001"])
def test_a_pick_not_on_this_map_gets_a_chinese_notice_and_is_dropped(app, pick):
    at = open_page(app, "map.py", view="乌海", pick=pick)
    assert not at.exception
    assert f"网址中的地图选中项“{pick}”无法识别，已忽略。" in [w.value for w in at.warning]
    assert picked_line(at) == "" and query_value(at, "pick") == ""
    at.run()  # said once, not on every rerun
    assert not at.warning


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_a_hostile_pick_is_shown_inert(app, value):
    at = open_page(app, "map.py", pick=value)
    assert not at.exception, at.exception
    from tests.views.test_hostile_urls import UNESCAPED

    for text in shown(at):
        assert not UNESCAPED.search(text), text[:200]
