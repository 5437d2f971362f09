"""总览's 京蒙结对 table: every pair counted, so its totals are the relations chart's."""

import re

from metrics.load import load_dataset
from metrics.paths import data_dir
from metrics.places import city_of
from metrics.relations import city_pairs, in_scope
from ui.headline import pairs_html


def pairs():
    data = load_dataset(data_dir())
    links = in_scope(data.links, data.places, "jingmeng")
    return city_pairs(links, data.places, city_of(data.places))


def rows(html: str) -> list[tuple[str, int, int]]:
    found = re.findall(r"<td>([^<]+)</td><td class='n'>(\d+)</td><td class='n'>(\d+)</td>", html)
    return [(name, int(a), int(p)) for name, a, p in found]


def test_the_table_names_every_pair_and_totals_like_the_chart():
    table = pairs()
    shown = rows(pairs_html(table))
    assert shown[-1] == ("合计", 25, 15)  # the chart: 25 已实现, 15 计划 in the 京蒙 scope
    assert any("科创园" in name for name, _, _ in shown)
    assert sum(p for _, _, p in shown[:-1]) == 15


def test_pairs_past_the_limit_are_summed_not_dropped():
    table = pairs()
    shown = rows(pairs_html(table, limit=4))
    assert shown[4][0] == f"其余 {len(table) - 4} 对"
    assert sum(a for _, a, _ in shown[:-1]) == shown[-1][1] == 25
    assert sum(p for _, _, p in shown[:-1]) == shown[-1][2] == 15
