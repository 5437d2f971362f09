"""What a click on the map picks: one name a URL can carry, the same links again, one summary."""

import pytest

from geo.arcs import MAP_VIEWS, content_frame, find_view, frame_pairs, link_pairs
from geo.selection import pair_ends, relation_summary, resolve_pick
from metrics.load import load_dataset
from metrics.relations import count_relations, in_scope, relations_by_field
from tests.conftest import DATA


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def wuhai_pairs(data):
    pairs = link_pairs(data.links, data.places, data.sources)
    return frame_pairs(pairs, content_frame(pairs, MAP_VIEWS["wuhai"].frame))


def test_a_line_picks_every_relation_between_its_two_dots_and_says_so(data, wuhai_pairs):
    ids, title = resolve_pick("北京市—乌海市", wuhai_pairs, data.places)
    picked = data.links[data.links["link_id"].isin(ids)]
    # 京城名医馆 and the 科创飞地 sit on 北京市's dot: the line carries their relations too.
    assert {"北京市", "京城名医馆", "乌海·北京科创飞地"} == set(picked["from_name"])
    assert title == "北京市等 3 处 — 乌海市"
    summary = relation_summary(picked)
    assert summary.startswith(f"已实现 {len(picked)} 条（教育 ")
    assert "医疗 3" in summary and "计划" not in summary


def test_either_order_and_a_typed_dash_pick_the_same_line(data, wuhai_pairs):
    picked = resolve_pick("北京市—乌海市", wuhai_pairs, data.places)
    assert resolve_pick("乌海市-北京市", wuhai_pairs, data.places) == picked
    assert resolve_pick(" 乌海市 ~ 北京市 ", wuhai_pairs, data.places) == picked
    assert pair_ends("北京市—乌海市") == ["北京市", "乌海市"]


def test_a_place_picks_every_place_on_its_dot(data, wuhai_pairs):
    ids, title = resolve_pick("乌海市", wuhai_pairs, data.places)
    picked = data.links[data.links["link_id"].isin(ids)]
    assert title == "乌海市等 2 处"  # 乌海·信息谷创新中心 shares 乌海市's point
    assert "乌海·信息谷创新中心" in set(picked["to_name"])


def test_a_banner_of_the_coloured_set_is_picked_even_without_a_dot(data):
    jingmeng = in_scope(data.links, data.places, "jingmeng")  # no banner has a line of its own
    pairs = link_pairs(jingmeng, data.places, data.sources)
    framed = frame_pairs(pairs, content_frame(pairs, MAP_VIEWS["ordos"].frame))
    assert resolve_pick("杭锦旗", framed, data.places) is None
    assert resolve_pick("杭锦旗", framed, data.places, frozenset({"杭锦旗"})) == ([], "杭锦旗")


def test_a_plan_keeps_its_relations_apart_from_achievements(data):
    planned = data.links[
        data.links["from_name"].eq("乌海市") & data.links["to_name"].eq("鄂尔多斯市")
    ]
    assert relation_summary(planned).startswith("计划 ")
    assert "已实现" not in relation_summary(planned)


@pytest.mark.parametrize("token", ["火星—乌海市", "火星", "", "—", "北京市—乌海市—东城区"])
def test_a_name_not_on_this_map_picks_nothing(data, wuhai_pairs, token):
    assert resolve_pick(token, wuhai_pairs, data.places) is None


def test_a_view_is_found_by_its_button_name_an_alias_or_its_key():
    assert find_view("乌海") == find_view("乌海市") == find_view("wuhai") == "wuhai"
    assert find_view("鄂尔多斯旗区") == "ordos"
    assert find_view("火星") is None and find_view("") is None


@pytest.mark.parametrize("place", ["乌海市", "鄂尔多斯市", "北京市", "东胜区", "准格尔旗"])
def test_the_summary_counts_as_the_rest_of_the_dashboard_does(data, place):
    links = data.links[data.links["from_name"].eq(place) | data.links["to_name"].eq(place)]
    counted, by_field = count_relations(links), relations_by_field(links, grouped=False)
    expected = "；".join(
        f"{label} {counted[status]} 条（"
        + "、".join(
            f"{r.field} {getattr(r, status)}" for r in by_field.itertuples() if getattr(r, status)
        )
        + "）"
        for status, label in (("achieved", "已实现"), ("planned", "计划"))
        if counted[status]
    )
    assert relation_summary(links) == expected
