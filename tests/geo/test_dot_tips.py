"""A map dot's tooltip counts each place's relations by status, as the lines' tooltips and
metrics.relations do: 已实现 and 计划 apart, never added up (the 北京市 dot said 20 条 for
11 已实现 + 9 计划, and 鄂尔多斯市 9 条 for 9 计划)."""

import json

import pytest

from geo.arcs import MAP_VIEWS, frame_pairs, link_pairs
from geo.deck import LAYER_NODES, build_deck
from geo.labels import node_records
from geo.selection import relation_rows
from metrics.load import load_dataset
from metrics.relations import count_relations, in_scope
from metrics.vocab import STATUS_LABELS
from tests.conftest import DATA


@pytest.fixture(scope="module")
def drawn():
    data = load_dataset(DATA)
    links = in_scope(data.links, data.places, "jingmeng")
    pairs = frame_pairs(link_pairs(links, data.places, data.sources), MAP_VIEWS["jingmeng"].frame)
    return data, links, pairs


def honest(links, pairs, name: str) -> str:
    """The place's drawn relations counted by metrics.relations, worded by status."""
    touching = pairs[(pairs["from_name"] == name) | (pairs["to_name"] == name)]
    ids = {i for value in touching["link_ids"] for i in value.split("、")}
    counts = count_relations(links[links["link_id"].isin(ids)])
    return "、".join(f"{STATUS_LABELS[s]} {n} 条" for s, n in counts.items() if n)


def test_the_beijing_dot_keeps_achieved_and_planned_apart(drawn):
    data, links, pairs = drawn
    nodes = node_records(pairs, data.places, relation_rows(links))
    tips = {n["name"]: n["tip_body"].split("\n") for n in nodes}
    assert "北京市：已实现 11 条、计划 9 条" in tips["北京市"]
    assert "海淀区：已实现 1 条、计划 1 条" in tips["海淀区"]
    assert "鄂尔多斯市：计划 9 条" in tips["鄂尔多斯市"]  # no 已实现 0 条, and the kind is named


def test_every_place_on_every_dot_counts_as_metrics_relations(drawn):
    data, links, pairs = drawn
    for node in node_records(pairs, data.places, relation_rows(links)):
        names = node["names"].split("、")
        lines = node["tip_body"].split("\n")[: len(names)]  # an edge dot adds its arrow's note
        for line, name in zip(lines, names, strict=True):
            assert line == f"{name}：{honest(links, pairs, name)}"
        # the dot's size still takes all its links (achieved and planned)
        assert node["links"] >= sum(
            count_relations(links[links["from_name"].isin(node["names"].split("、"))]).values()
        )


def test_the_deck_the_page_draws_carries_those_tooltips(drawn, tmp_path):
    from geo.boundaries import load_boundary_set

    data, links, pairs = drawn
    view = MAP_VIEWS["jingmeng"]
    frames = [(name, load_boundary_set(name, tmp_path)) for name in view.boundary_sets]
    spec = json.loads(build_deck(view, frames, pairs, data.places, links=links).to_json())
    dots = next(layer for layer in spec["layers"] if layer["id"] == LAYER_NODES)["data"]
    bodies = [dot["tip_body"] for dot in dots]
    assert any("北京市：已实现 11 条、计划 9 条" in body for body in bodies)
    assert not any("北京市：20 条" in body for body in bodies)
