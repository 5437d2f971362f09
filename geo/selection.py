"""What a click on the map picks, named the way a URL carries it (?pick=北京市—乌海市 for a line,
?pick=乌海市 for a place or a banner), the links that name selects again on the same map, and the
one summary of them that the hover and the page show."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import pandas as pd

from geo.labels import end_title, node_records
from metrics.relations import STATUSES, relation_keys
from metrics.vocab import STATUS_LABELS, field_order

PAIR_SEPARATOR = "—"  # between the two ends of a line in ?pick=
# What a person may type between the two ends instead (no place name holds one of them).
TYPED_SEPARATORS = re.compile(r"\s*[—－~～-]+\s*")


def spot_key(row) -> tuple:
    """The two drawn ends of a line, unordered: lines between the same two dots share it."""
    ends = sorted(
        [(round(row.from_x, 4), round(row.from_y, 4)), (round(row.to_x, 4), round(row.to_y, 4))]
    )
    return tuple(ends)


def spot_title(rows: list) -> str:
    """'北京市等 6 处 — 乌海市': the places at each of the two dots the lines join."""
    ends: dict[tuple, dict[str, None]] = {}
    for row in rows:
        for name, x, y in (
            (row.from_name, row.from_x, row.from_y),
            (row.to_name, row.to_x, row.to_y),
        ):
            ends.setdefault((round(x, 4), round(y, 4)), {})[name] = None
    return " — ".join(end_title(list(names)) for names in ends.values())


def relation_rows(links: pd.DataFrame) -> dict[str, tuple[str, str, str, str, str]]:
    """Each link id → its relation key (source, sentence, pair of places, status) and field:
    the same key metrics.relations counts by, read once for a whole map."""
    keys = relation_keys(links)
    columns = [keys[c] for c in ("source_id", "quote", "pair", "status", "field")]
    return dict(zip(links["link_id"], zip(*columns, strict=True), strict=True))


def summary_of(keys: Iterable[tuple[str, str, str, str, str]], by_field: bool = True) -> str:
    """'已实现 13 条（教育 3、医疗 3）；计划 2 条（能源 2）' from relation keys: distinct relations
    per status, and per field within it (metrics.relations' count); never added up. Without
    `by_field` (a dot's place): '已实现 11 条、计划 9 条'. A status with none is left out."""
    keys = set(keys)
    totals = Counter(relation[3] for relation in {key[:4] for key in keys})
    if not by_field:
        return "、".join(f"{STATUS_LABELS[s]} {totals[s]} 条" for s in STATUSES if totals[s])
    fields = Counter((key[3], key[4]) for key in keys)
    parts = []
    for status in STATUSES:
        if totals[status]:
            named = sorted((f for s, f in fields if s == status), key=field_order)
            listed = "、".join(f"{field} {fields[status, field]}" for field in named)
            parts.append(f"{STATUS_LABELS[status]} {totals[status]} 条（{listed}）")
    return "；".join(parts)


def relation_summary(links: pd.DataFrame) -> str:
    """summary_of the relations of some links (a pick, a line's tooltip)."""
    return summary_of(relation_rows(links).values())


def pair_ends(token: str) -> list[str]:
    """The names a ?pick= value holds: two for a line ('北京市—乌海市'), one for a place."""
    return [name for name in TYPED_SEPARATORS.split(token.strip()) if name]


def pick_pair(ends: list[str], pairs: pd.DataFrame) -> tuple[list[str], str] | None:
    """Every link between the two dots where the named places are drawn, and their title."""
    wanted = set(ends)
    keys = {
        spot_key(row)
        for row in pairs.itertuples(index=False)
        if {row.from_name, row.to_name} == wanted
    }
    if not keys:
        return None
    rows = [row for row in pairs.itertuples(index=False) if spot_key(row) in keys]
    ids = list(dict.fromkeys(i for row in rows for i in row.link_ids.split("、")))
    return ids, spot_title(rows)


def pick_place(
    name: str, pairs: pd.DataFrame, places: pd.DataFrame, regions: frozenset[str]
) -> tuple[list[str], str] | None:
    """Every drawn link of the dot a place sits on (all of the dot's places), or of a banner
    of the view's coloured set; None when the name is neither on this map."""
    names = [name] if name in regions else []
    title = name
    for node in node_records(pairs, places):
        at_dot = node["names"].split("、")
        if name in at_dot:
            names, title = at_dot, end_title(at_dot)
            break
    if not names:
        return None
    touching = pairs[pairs["from_name"].isin(names) | pairs["to_name"].isin(names)]
    ids = list(dict.fromkeys(i for value in touching["link_ids"] for i in value.split("、")))
    return ids, title


def resolve_pick(
    token: str, pairs: pd.DataFrame, places: pd.DataFrame, regions: frozenset[str] = frozenset()
) -> tuple[list[str], str] | None:
    """The link ids and title a ?pick= value selects on a map; None when it names nothing there."""
    ends = pair_ends(token)
    if len(ends) == 2:
        return pick_pair(ends, pairs)
    if len(ends) == 1:
        return pick_place(ends[0], pairs, places, regions)
    return None
