"""The shared filters (field, place, partner, source, kind, period) as a value, and applying them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace

import pandas as pd

from metrics.texts import CLAUSE_SEPARATOR, LIST_SEPARATOR, NAME_VALUE
from metrics.vocab import FIELDS, FILTER_LABELS, KIND_LABELS, KINDS, LOCAL_SIDE

# Link statuses answer the same question as figure kinds: done, or planned.
LINK_STATUS_FOR_KIND: dict[str, str] = {"achievement": "achieved", "target": "planned"}
URL_SEPARATOR = ","


@dataclass(frozen=True)
class Filters:
    """What the user has narrowed the view to; an empty tuple means no restriction."""

    field: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    partner: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    period: tuple[str, ...] = ()

    @classmethod
    def names(cls) -> list[str]:
        """The filter names, which are also their URL query parameter names."""
        return [f.name for f in fields(cls)]

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.names())

    def active(self) -> dict[str, tuple[str, ...]]:
        """Only the filters that restrict something."""
        return {name: getattr(self, name) for name in self.names() if getattr(self, name)}

    def with_values(self, name: str, values: Iterable[str]) -> Filters:
        return replace(self, **{name: tuple(values)})


@dataclass(frozen=True)
class FilterOptions:
    """The values each filter may take, in display order."""

    field: tuple[str, ...]
    place: tuple[str, ...]
    partner: tuple[str, ...]
    source: tuple[str, ...]
    kind: tuple[str, ...]
    period: tuple[str, ...]

    def of(self, name: str) -> tuple[str, ...]:
        return getattr(self, name)


def filter_options(
    figures: pd.DataFrame, links: pd.DataFrame, sources: pd.DataFrame, places: pd.DataFrame
) -> FilterOptions:
    """Every value that occurs in the data: places of the Inner Mongolia side, partners, …"""
    side = places.set_index("name")["side"]

    def values(column: pd.Series) -> set[str]:
        # distinct values first: iterating 100k Arrow-backed strings one by one takes seconds
        return set(column.unique().tolist())

    local_names = values(figures["place"]) | values(links["to_name"])
    local_names |= {n for n in values(links["from_name"]) if side.get(n) == LOCAL_SIDE}
    partner_names = values(figures["partner"]) | values(links["from_name"])
    partner_names = {n for n in partner_names if n and side.get(n) != LOCAL_SIDE}
    in_order = list(places["name"])  # places.csv lists places by level, cities before banners
    fields = values(figures["field"]) | values(links["field"])  # once, not once per field
    return FilterOptions(
        field=tuple(f for f in FIELDS if f in fields),
        place=tuple(n for n in in_order if n in local_names),
        partner=tuple(n for n in in_order if n in partner_names),
        source=tuple(sources["source_id"]),
        kind=KINDS,
        period=tuple(sorted(values(figures["period"]) - {""})),
    )


def descendants(places: pd.DataFrame, names: Iterable[str]) -> set[str]:
    """The named places and every place or institution below them (鄂尔多斯市 → 达拉特旗, …)."""
    children: dict[str, list[str]] = {}
    for name, parent in zip(places["name"], places["parent"], strict=True):
        children.setdefault(parent, []).append(name)
    found, stack = set(), list(names)
    while stack:
        name = stack.pop()
        if name not in found:
            found.add(name)
            stack.extend(children.get(name, []))
    return found


def filter_figures(figures: pd.DataFrame, filters: Filters, places: pd.DataFrame) -> pd.DataFrame:
    """Figures matching every active filter; places and partners include what lies below them."""
    keep = pd.Series(True, index=figures.index)
    if filters.field:
        keep &= figures["field"].isin(filters.field)
    if filters.place:
        keep &= figures["place"].isin(descendants(places, filters.place))
    if filters.partner:
        keep &= figures["partner"].isin(descendants(places, filters.partner))
    if filters.source:
        keep &= figures["source_id"].isin(filters.source)
    if filters.kind:
        keep &= figures["kind"].isin(filters.kind)
    if filters.period:
        keep &= figures["period"].isin(filters.period)
    return figures[keep]


def filter_links(links: pd.DataFrame, filters: Filters, places: pd.DataFrame) -> pd.DataFrame:
    """Links matching every active filter (a link's period is its source's; kind → status)."""
    keep = pd.Series(True, index=links.index)
    if filters.field:
        keep &= links["field"].isin(filters.field)
    if filters.place:
        inside = descendants(places, filters.place)
        keep &= links["to_name"].isin(inside) | links["from_name"].isin(inside)
    if filters.partner:
        keep &= links["from_name"].isin(descendants(places, filters.partner))
    if filters.source:
        keep &= links["source_id"].isin(filters.source)
    if filters.kind:
        keep &= links["status"].isin([LINK_STATUS_FOR_KIND[k] for k in filters.kind])
    return links[keep]


def filters_to_query(filters: Filters) -> dict[str, str]:
    """Active filters as URL query parameters: {'field': '教育,医疗'}."""
    return {name: URL_SEPARATOR.join(values) for name, values in filters.active().items()}


def filters_from_query(
    params: Mapping[str, str], options: FilterOptions
) -> tuple[Filters, dict[str, list[str]]]:
    """Read filters from URL query parameters; unknown values are dropped and returned per filter."""
    filters, unknown = Filters(), {}
    for name in Filters.names():
        requested = [v.strip() for v in params.get(name, "").split(URL_SEPARATOR) if v.strip()]
        allowed = options.of(name)
        filters = filters.with_values(name, [v for v in allowed if v in requested])
        if rejected := [v for v in requested if v not in allowed]:
            unknown[name] = rejected
    return filters, unknown


def describe_filters(filters: Filters, source_titles: Mapping[str, str]) -> str:
    """'领域：教育、医疗；类型：成果' for the active filters ('' when nothing is filtered)."""
    return CLAUSE_SEPARATOR.join(
        NAME_VALUE.format(
            name=FILTER_LABELS[name],
            values=LIST_SEPARATOR.join(KIND_LABELS.get(v, source_titles.get(v, v)) for v in values),
        )
        for name, values in filters.active().items()
    )
