"""Honest relation counts: one relation per (source sentence, pair of places), by status and scope.

links.csv keeps one row per detail (a sentence naming 2 senders, 4 receivers and 2 fields becomes
16 rows). A count shown to a viewer counts what the sentence says: each pair of places once per
sentence (and, within a field, once per sentence and pair). 已实现 and 计划 are never added up.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
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
    side = dict(zip(places["name"].tolist(), places["side"].tolist(), strict=True))

    def of(names: pd.Series) -> pd.Series:
        found = [side.get(name, OTHER_SIDE) for name in names.tolist()]
        return pd.Series(found, index=names.index, dtype="str")

    return of(links["from_name"]), of(links["to_name"])


def _scope_mask(start: pd.Series, end: pd.Series, scope: str) -> pd.Series:
    """Which links (by the sides of their ends) a count in `scope` takes in."""
    if scope not in SCOPES:
        raise ValueError(f"未知的统计口径：{scope}")
    if scope == "jingmeng":
        return (start == BEIJING_SIDE) | (end == BEIJING_SIDE)
    if scope == "partners":
        return (start != LOCAL_SIDE) | (end != LOCAL_SIDE)
    return (start == LOCAL_SIDE) & (end == LOCAL_SIDE)


def in_scope(links: pd.DataFrame, places: pd.DataFrame, scope: str = "jingmeng") -> pd.DataFrame:
    """The links a count in `scope` takes in (see SCOPES); an unknown scope is an error."""
    start, end = sides(links, places)
    return links[_scope_mask(start, end, scope)]


def relation_keys(links: pd.DataFrame) -> pd.DataFrame:
    """Each link's relation key: source, sentence (quote) and the unordered pair of places.

    Output columns: source_id, quote, pair, status, field, from_name, to_name (one row per link).
    """
    starts, ends = links["from_name"].tolist(), links["to_name"].tolist()
    pairs = [f"{a}—{b}" if a <= b else f"{b}—{a}" for a, b in zip(starts, ends, strict=True)]
    return pd.DataFrame(
        {
            "source_id": links["source_id"],
            "quote": links["quote"],
            "pair": pd.Series(pairs, index=links.index, dtype="str"),
            "status": links["status"],
            "field": links["field"],
            "from_name": links["from_name"],
            "to_name": links["to_name"],
        },
        index=links.index,
    )


def relation_index(links: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """relation_keys with the side of each end (from_side, to_side), worked out once for a
    whole set of links: a filter or a scope is then a mask on it (keys_in_scope), and the counts
    below take it as they are (field_counts, pair_counts, partner_counts)."""
    start, end = sides(links, places)
    return relation_keys(links).assign(from_side=start, to_side=end)


def keys_in_scope(index: pd.DataFrame, scope: str) -> pd.DataFrame:
    """The rows of a relation_index that a count in `scope` takes in."""
    return index[_scope_mask(index["from_side"], index["to_side"], scope)]


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
    return field_counts(relation_keys(links), grouped)


def field_counts(keys: pd.DataFrame, grouped: bool = True) -> pd.DataFrame:
    """relations_by_field of links given by their relation_keys (or relation_index).

    Counted over Python sets of the few key columns: a page shows it for every filter, and
    pandas' drop_duplicates and groupby cost ~5 ms even on a hundred rows."""
    fields = keys["field"].tolist()
    if grouped:
        groups = {f: field_group(f) for f in set(fields)}
        fields = [groups[f] for f in fields]
    columns = [keys[c].tolist() for c in ("source_id", "quote", "pair", "status")]
    distinct = set(zip(*columns, fields, strict=True))
    counts = Counter((field, status) for *_, status, field in distinct)
    names = {field for field, _status in counts}
    order = {**{f: field_order(f) for f in names}, OTHER: len(FIELDS) + 1}
    rows = [
        (field, counts[(field, "achieved")], counts[(field, "planned")])
        for field in sorted(names, key=lambda f: (order[f], f))
    ]
    table = pd.DataFrame(rows, columns=["field", *STATUSES])
    return table.astype({"field": "str", **{s: int for s in STATUSES}})


def relations_by_partner(links: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Distinct relations per partner outside Inner Mongolia, by status, most first.

    A place inside Inner Mongolia is never ranked as a partner (东胜区 sending doctors to 乌审旗
    is not a partner of the region). Output columns: partner, achieved, planned, total, field
    (the partner's most frequent field).
    """
    return partner_counts(relation_index(links, places))


def partner_counts(index: pd.DataFrame) -> pd.DataFrame:
    """relations_by_partner of links given by their relation_index."""
    keys = index.reset_index(drop=True)
    start, end = keys["from_side"], keys["to_side"]
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
    return pair_counts(relation_index(links, places), cities)


def pair_counts(index: pd.DataFrame, cities: dict[str, str]) -> pd.DataFrame:
    """city_pairs of links given by their relation_index (counted over Python sets, as
    field_counts; a place without a city is left out)."""
    distinct = set()
    columns = [
        "from_name",
        "to_name",
        "source_id",
        "quote",
        "pair",
        "status",
        "from_side",
        "to_side",
    ]
    for start, end, source, quote, pair, status, side_start, side_end in zip(
        *(index[c].tolist() for c in columns), strict=True
    ):
        if side_start == LOCAL_SIDE and side_end != LOCAL_SIDE:
            start, end = end, start
        local = cities.get(end)
        if isinstance(local, str):
            distinct.add((cities.get(start, start), local, source, quote, pair, status))
    counts = Counter((partner, local, status) for partner, local, *_, status in distinct)
    pairs = sorted({(partner, local) for partner, local, _status in counts})
    table = pd.DataFrame(
        {
            "partner": pd.Series([p for p, _ in pairs], dtype="str"),
            "local": pd.Series([c for _, c in pairs], dtype="str"),
            **{s: np.array([counts[(p, c, s)] for p, c in pairs], dtype=int) for s in STATUSES},
        }
    )
    table = table.assign(total=table["achieved"] + table["planned"])
    return table.sort_values(["achieved", "total"], ascending=False).reset_index(drop=True)
