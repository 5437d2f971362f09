"""Honest relation counts: once per (sentence, pair), 已实现 and 计划 apart, scoped."""

import pandas as pd
import pytest

from metrics.relations import (
    city_pairs,
    count_relations,
    in_scope,
    relations_by_field,
    relations_by_partner,
)

PLACES = pd.DataFrame(
    {
        "name": ["海淀区", "北京市", "乌海市", "东胜区", "康巴什区", "乌审旗", "杭锦旗", "上海市"],
        "side": ["beijing", "beijing"] + ["inner_mongolia"] * 5 + ["other"],
    }
)
SPREAD = "东胜区、康巴什区向乌审旗、杭锦旗输出教育、医疗资源"


def links(rows):
    return pd.DataFrame(
        rows, columns=["link_id", "source_id", "quote", "from_name", "to_name", "field", "status"]
    )


def spread_sentence():
    """One plan sentence: 2 senders × 2 receivers × 2 fields = 8 detail rows."""
    rows = []
    for sender in ("东胜区", "康巴什区"):
        for receiver in ("乌审旗", "杭锦旗"):
            for field in ("教育", "医疗"):
                rows.append((f"l{len(rows)}", "plan", SPREAD, sender, receiver, field, "planned"))
    return links(rows)


def test_count_relations_counts_each_pair_of_a_sentence_once():
    assert count_relations(spread_sentence()) == {"achieved": 0, "planned": 4}


def test_count_relations_keeps_achieved_and_planned_apart():
    table = links(
        [
            ("a", "news", "海淀区与乌海市结对", "海淀区", "乌海市", "教育", "achieved"),
            ("b", "news", "海淀区与乌海市结对", "乌海市", "海淀区", "教育", "achieved"),
            ("c", "plan", "推动海淀区与乌海市合作", "海淀区", "乌海市", "教育", "planned"),
        ]
    )
    # a and b are one pair in one sentence, whatever the direction.
    assert count_relations(table) == {"achieved": 1, "planned": 1}


def test_relations_by_field_counts_a_two_field_sentence_in_each_field():
    table = relations_by_field(spread_sentence())
    assert table.set_index("field")["planned"].to_dict() == {"教育": 4, "医疗": 4}


def test_relations_by_field_groups_other_fields_once():
    table = links(
        [
            ("a", "plan", "s1", "海淀区", "乌海市", "能源", "planned"),
            ("b", "plan", "s1", "海淀区", "乌海市", "产业", "planned"),
            ("c", "news", "s2", "海淀区", "乌海市", "教育", "achieved"),
        ]
    )
    counted = relations_by_field(table)
    assert list(counted["field"]) == ["教育", "其他"]
    assert counted.set_index("field").loc["其他", "planned"] == 1


@pytest.mark.parametrize(
    ("scope", "expected"),
    [("jingmeng", {"a"}), ("partners", {"a", "c"}), ("inner", {"b"})],
)
def test_in_scope_picks_beijing_partner_or_inner_links(scope, expected):
    table = links(
        [
            ("a", "news", "s", "海淀区", "乌海市", "教育", "achieved"),
            ("b", "plan", "s", "东胜区", "乌审旗", "教育", "planned"),
            ("c", "plan", "s", "上海市", "乌海市", "能源", "planned"),
        ]
    )
    assert set(in_scope(table, PLACES, scope)["link_id"]) == expected


def test_in_scope_refuses_an_unknown_scope():
    with pytest.raises(ValueError, match="口径"):
        in_scope(spread_sentence(), PLACES, "everything")


def test_relations_by_partner_never_ranks_inner_mongolia_places():
    table = pd.concat(
        [
            spread_sentence(),
            links([("x", "news", "s", "海淀区", "乌海市", "教育", "achieved")]),
        ]
    )
    ranked = relations_by_partner(table, PLACES)
    assert list(ranked["partner"]) == ["海淀区"]
    assert ranked.loc[0, ["achieved", "planned"]].tolist() == [1, 0]


def test_city_pairs_rolls_places_up_to_their_city():
    table = links(
        [
            ("a", "news", "s1", "海淀区", "乌海市", "教育", "achieved"),
            ("b", "news", "s2", "北京市", "乌海市", "医疗", "achieved"),
            ("c", "plan", "s3", "乌海市", "海淀区", "科创", "planned"),
        ]
    )
    cities = {"海淀区": "北京市", "北京市": "北京市", "乌海市": "乌海市"}
    pairs = city_pairs(table, PLACES, cities)
    assert pairs[["partner", "local", "achieved", "planned"]].values.tolist() == [
        ["北京市", "乌海市", 2, 1]
    ]
