"""Place names: aliases to canonical names, and the city each place belongs to."""

from __future__ import annotations

import pandas as pd


def split_aliases(aliases: str) -> list[str]:
    """'北理工附中|北京理工大学附中' → ['北理工附中', '北京理工大学附中']."""
    return [alias for alias in aliases.split("|") if alias]


def place_aliases(places: pd.DataFrame) -> dict[str, str]:
    """Every name and alias → its canonical place name."""
    index: dict[str, str] = {}
    for name, aliases in zip(places["name"], places["aliases"], strict=True):
        for alias in [name, *split_aliases(aliases)]:
            index.setdefault(alias, name)
    return index


def city_of(places: pd.DataFrame) -> dict[str, str]:
    """Each place → the city, league or region it belongs to (a banner → 鄂尔多斯市)."""
    parent = dict(zip(places["name"], places["parent"], strict=True))
    kind = dict(zip(places["name"], places["kind"], strict=True))
    top_levels = ("province", "country")
    result = {}
    for name in places["name"]:
        current = name
        while (
            kind.get(current) != "city"
            and parent.get(current)
            and kind.get(parent[current]) not in top_levels
        ):
            current = parent[current]
        result[name] = current
    return result
