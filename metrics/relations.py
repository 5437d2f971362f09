"""Honest relation counts: one relation per (source sentence, pair of places), by status and scope.

links.csv keeps one row per detail (a sentence naming 2 senders, 4 receivers and 2 fields becomes
16 rows). A count shown to a viewer counts what the sentence says: each pair of places once per
sentence (and, within a field, once per sentence and pair). 已实现 and 计划 are never added up.
"""

from __future__ import annotations

import pandas as pd

from metrics.vocab import (
    BEIJING_SIDE,
    FIELDS,
    LOCAL_SIDE,
    OTHER_SIDE,
    PRIMARY_FIELDS,
    field_order,
)

# Which relations a count takes in: those with a Beijing side (the default), those with any
# partner outside Inner Mongolia, or those between two places inside Inner Mongolia.
SCOPES = ("jingmeng", "partners", "inner")
STATUSES = ("achieved", "planned")
OTHER = "其他"  # the fields after PRIMARY_FIELDS (教育 医疗 科创 文旅), grouped


def sides(links: pd.DataFrame, places: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The side (beijing / inner_mongolia / other) of each link's from and to place."""
    side = dict(zip(places["name"], places["side"], strict=True))
    return links["from_name"].map(side).fillna(OTHER_SIDE), links["to_name"].map(side).fillna(
        OTHER_SIDE
    )


def in_scope(links: pd.DataFrame, places: pd.DataFrame, scope: str = "jingmeng") -> pd.DataFrame:
    """The links a count in `scope` takes in (see SCOPES); an unknown scope is an error."""
    if scope not in SCOPES:
        raise ValueError(f"未知的统计口径：{scope}")
    start, end = sides(links, places)
    if scope == "jingmeng":
        keep = (start == BEIJING_SIDE) | (end == BEIJING_SIDE)
    elif scope == "partners":
        keep = (start != LOCAL_SIDE) | (end != LOCAL_SIDE)
    else:
        keep = (start == LOCAL_SIDE) & (end == LOCAL_SIDE)
    return links[keep]


def relation_keys(links: pd.DataFrame) -> pd.DataFrame:
    """Each link's relation key: source, sentence (quote) and the unordered pair of places.

    Output columns: source_id, quote, pair, status, field, partner, local (one row per link).
    """
    first = links[["from_name", "to_name"]].min(axis=1)
    second = links[["from_name", "to_name"]].max(axis=1)
    return pd.DataFrame(
        {
            "source_id": links["source_id"],
            "quote": links["quote"],
            "pair": first + "—" + second,
            "status": links["status"],
            "field": links["field"],
            "from_name": links["from_name"],
            "to_name": links["to_name"],
        },
        index=links.index,
    )


def count_relations(links: pd.DataFrame) -> dict[str, int]:
    """Distinct (source, sentence, pair) per status: {'achieved': n, 'planned': m}."""
    keys = relation_keys(links).drop_duplicates(["source_id", "quote", "pair", "status"])
    counts = keys["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in STATUSES}


def field_group(field: str) -> str:
    """教育/医疗/科创/文旅 as themselves, every other field as 其他."""
    return field if field in PRIMARY_FIELDS else OTHER


def relations_by_field(links: pd.DataFrame, grouped: bool = True) -> pd.DataFrame:
    """Distinct relations per field and status (a sentence naming two fields counts in each).

    With `grouped`, the plan's other fields are summed as 其他 (each relation once there too).
    Output columns: field, achieved, planned; vocabulary order, 其他 last.
    """
    keys = relation_keys(links)
    if grouped:
        keys = keys.assign(field=keys["field"].map(field_group))
    keys = keys.drop_duplicates(["source_id", "quote", "pair", "status", "field"])
    table = keys.groupby(["field", "status"]).size().unstack(fill_value=0)
    table = table.reindex(columns=list(STATUSES), fill_value=0).rename_axis(columns=None)
    table = table.reset_index()
    order = {**{f: field_order(f) for f in table["field"]}, OTHER: len(FIELDS) + 1}
    table = table.sort_values("field", key=lambda s: s.map(order)).reset_index(drop=True)
    return table.astype({"achieved": int, "planned": int})


def relations_by_partner(links: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Distinct relations per partner outside Inner Mongolia, by status, most first.

    A place inside Inner Mongolia is never ranked as a partner (东胜区 sending doctors to 乌审旗
    is not a partner of the region). Output columns: partner, achieved, planned, total, field
    (the partner's most frequent field).
    """
    links = links.reset_index(drop=True)
    start, end = sides(links, places)
    keys = relation_keys(links)
    outside = pd.concat(
        [
            keys[start != LOCAL_SIDE].assign(partner=keys["from_name"]),
            keys[(end != LOCAL_SIDE) & (start == LOCAL_SIDE)].assign(partner=keys["to_name"]),
        ]
    )
    columns = ["partner", "achieved", "planned", "total", "field"]
    if outside.empty:
        return pd.DataFrame(columns=columns)
    fields = (
        (outside.groupby(["partner", "field"]).size().sort_values(ascending=False).reset_index())
        .drop_duplicates("partner")
        .set_index("partner")["field"]
    )
    distinct = outside.drop_duplicates(["partner", "source_id", "quote", "pair", "status"])
    table = distinct.groupby(["partner", "status"]).size().unstack(fill_value=0)
    table = table.reindex(columns=list(STATUSES), fill_value=0).rename_axis(columns=None)
    table = table.assign(total=table["achieved"] + table["planned"], field=fields).reset_index()
    table = table.sort_values(["total", "achieved", "partner"], ascending=[False, False, True])
    return table[columns].reset_index(drop=True)


def city_pairs(links: pd.DataFrame, places: pd.DataFrame, cities: dict[str, str]) -> pd.DataFrame:
    """Distinct relations between a partner city/district and an Inner Mongolia city, by status.

    `cities` maps each place to the city it belongs to (metrics.places.city_of). Output columns:
    partner, local, achieved, planned, total; most first.
    """
    links = links.reset_index(drop=True)
    start, end = sides(links, places)
    keys = relation_keys(links)
    flipped = (start == LOCAL_SIDE) & (end != LOCAL_SIDE)
    partner = keys["from_name"].where(~flipped, keys["to_name"])
    local = keys["to_name"].where(~flipped, keys["from_name"])
    keys = keys.assign(partner=partner.map(lambda n: cities.get(n, n)), local=local.map(cities))
    distinct = keys.drop_duplicates(["partner", "local", "source_id", "quote", "pair", "status"])
    table = distinct.groupby(["partner", "local", "status"]).size().unstack(fill_value=0)
    table = table.reindex(columns=list(STATUSES), fill_value=0).rename_axis(columns=None)
    table = table.assign(total=table["achieved"] + table["planned"]).reset_index()
    return table.sort_values(["achieved", "total"], ascending=False).reset_index(drop=True)
