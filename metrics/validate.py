"""The data contract of the curated tables: each table's own checks (ids, vocabulary, amount ↔
value) and the checks across tables (quotes verbatim in their sources, places known, relations,
task targets). Shared by the CSV loader, the store's edits, imports and reloads."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from metrics.columns import RELATION_COLUMNS
from metrics.places import place_aliases, split_aliases
from metrics.quantity import SCALES, Quantity, QuantityError, parse_quantity
from metrics.texts import COLUMN_LABELS
from metrics.vocab import (
    DIRECTIONS,
    FIELDS,
    KINDS,
    LINK_STATUSES,
    PLACE_KINDS,
    QUALIFIERS,
    SOURCE_KINDS,
    UNITS,
)

if TYPE_CHECKING:  # only for the annotation: metrics.load imports this module
    from metrics.load import Dataset


# COLUMN_LABELS (metrics.texts): the columns' display names, also in messages an editor reads.


class DataError(ValueError):
    """A curated table breaks the data contract; the message names the table, row and reason."""


def fail(table: str, row_id: str, reason: str) -> DataError:
    """The error for one row: '表（编号）：原因'."""
    return DataError(f"{table}（{row_id}）：{reason}")


def check_unique(table: pd.DataFrame, column: str, name: str) -> None:
    """Every row has a non-empty `column`, and no two rows share one."""
    empty = table[table[column].str.strip() == ""]
    if not empty.empty:
        raise fail(name, f"第{empty.index[0] + 2}行", f"{column} 为空")
    repeated = table[table[column].duplicated()]
    if not repeated.empty:
        raise fail(name, repeated[column].iloc[0], f"{column} 重复")


def check_vocabulary(
    table: pd.DataFrame, id_column: str, column: str, allowed: Iterable[str], name: str
) -> None:
    """Every value of `column` is one of `allowed`; the first that is not is named."""
    unknown = table[~table[column].isin(allowed)]
    if not unknown.empty:
        row = unknown.iloc[0]
        label = COLUMN_LABELS.get(column, column)
        raise fail(name, row[id_column], f"{label}“{row[column]}”不在允许的取值中")


def validate_sources(sources: pd.DataFrame, name: str = "sources.csv") -> pd.DataFrame:
    """Check a sources frame (ids, kinds, ISO dates); returns it."""
    check_unique(sources, "source_id", name)
    check_vocabulary(sources, "source_id", "kind", SOURCE_KINDS, name)
    dated = sources[sources["published"] != ""]
    bad_dates = dated[pd.to_datetime(dated["published"], format="%Y-%m-%d", errors="coerce").isna()]
    if not bad_dates.empty:
        raise fail(name, bad_dates["source_id"].iloc[0], "published 不是 YYYY-MM-DD 日期")
    return sources


def validate_places(places: pd.DataFrame, name: str = "places.csv") -> pd.DataFrame:
    """Check a places frame; returns it with lon/lat as floats."""
    check_unique(places, "name", name)
    check_vocabulary(places, "name", "kind", PLACE_KINDS, name)
    places = places.assign(
        lon=pd.to_numeric(places["lon"], errors="coerce"),
        lat=pd.to_numeric(places["lat"], errors="coerce"),
    )
    names = set(places["name"])
    for row in places.itertuples(index=False):
        if not (-180 <= row.lon <= 180 and -90 <= row.lat <= 90):
            raise fail(name, row.name, "经纬度缺失或超出范围")
        if row.adcode and not (len(row.adcode) == 6 and row.adcode.isdigit()):
            raise fail(name, row.name, f"行政区划代码“{row.adcode}”不是6位数字")
        if row.parent and row.parent not in names:
            raise fail(name, row.name, f"上级“{row.parent}”不在地点表中")
    aliases = place_aliases(places)
    if len(aliases) != sum(1 + len(split_aliases(a)) for a in places["aliases"]):
        raise DataError(f"{name}：别名与其他地点重名")
    return places


def validate_figures(
    figures: pd.DataFrame, name: str = "figures.csv", parsed: Mapping[str, Quantity] | None = None
) -> pd.DataFrame:
    """Check a figures frame (ids, vocabulary, amount ↔ value); returns it with value as float.
    `parsed`: amounts the caller has parsed already, by figure_id (an edit), not parsed again."""
    check_unique(figures, "figure_id", name)
    values = pd.to_numeric(figures["value"], errors="coerce")
    bad = figures[values.isna() | (values < 0)]
    if not bad.empty:
        raise fail(name, bad["figure_id"].iloc[0], "数值必须是非负数")
    figures = figures.assign(value=values.astype(float))
    figures = figures.assign(**{c: "" for c in RELATION_COLUMNS if c not in figures})
    for column, allowed in (
        ("unit", UNITS),
        ("qualifier", QUALIFIERS),
        ("kind", KINDS),
        ("field", FIELDS),
    ):
        check_vocabulary(figures, "figure_id", column, allowed, name)
    # Plain lists: iterating pandas' Arrow-backed strings row by row is ten times slower.
    columns = ["figure_id", "quote", "amount", "value", "unit", "qualifier", "indicator"]
    for row in zip(*(figures[c].tolist() for c in columns), strict=True):
        check_amount(FigureRow(*row), name, (parsed or {}).get(row[0]))
    return figures


def check_relations(figures: pd.DataFrame, name: str, only: set[str] | None = None) -> None:
    """`part_of` names another figure of the same unit and kind that is not smaller; `describes`
    names another figure of the same source. `only`: check just these rows (an edit)."""
    related = figures[((figures["part_of"] != "") | (figures["describes"] != "")).to_numpy()]
    if only is not None:
        related = related[related["figure_id"].isin(only)]
    # Only the figures named: indexing all 100k ids of a region costs 20 ms.
    named = (set(related["part_of"]) | set(related["describes"])) - {""}
    by_id = figures[figures["figure_id"].isin(named).to_numpy()].set_index("figure_id")
    for row in related.itertuples(index=False):
        for column in RELATION_COLUMNS:
            other = getattr(row, column)
            if not other:
                continue
            if other == row.figure_id or other not in by_id.index:
                raise fail(name, row.figure_id, f"{column}“{other}”不是另一个已有的数字")
            whole = by_id.loc[other]
            if column == "part_of" and (
                (whole["unit"], whole["kind"]) != (row.unit, row.kind) or whole["value"] < row.value
            ):
                raise fail(name, row.figure_id, f"part_of“{other}”的单位或类型不同，或小于其部分")
            if column == "describes" and whole["source_id"] != row.source_id:
                raise fail(name, row.figure_id, f"describes“{other}”不在同一来源中")


@dataclass(frozen=True)
class FigureRow:
    """The columns of one figure that its amount check reads."""

    figure_id: str
    quote: str
    amount: str
    value: float
    unit: str
    qualifier: str
    indicator: str


def _table_cell_matches(parsed: Quantity, row: FigureRow) -> bool:
    """A bare number in a table row (cells joined by ' | ') takes its unit, scale (万元, 亿元) and
    growth from the table's header or unit column: it matches at one of the scales."""
    if " | " not in row.quote or parsed.unit not in ("", row.unit):
        return False
    if parsed.qualifier != row.qualifier and (parsed.unit, row.qualifier) != ("%", "growth"):
        return False
    return any(
        math.isclose(parsed.value * scale, row.value) for scale in (1, SCALES["万"], SCALES["亿"])
    )


def check_amount(row: FigureRow, name: str, parsed: Quantity | None = None) -> None:
    """The `amount` phrase sits in the quote and parses (unless given `parsed`) to exactly value,
    unit and qualifier."""
    if not row.indicator.strip():
        raise fail(name, row.figure_id, "指标名称为空")
    if not row.amount or row.amount not in row.quote:
        raise fail(name, row.figure_id, f"数量“{row.amount}”不在引文中")
    if parsed is None:
        try:
            parsed = parse_quantity(row.amount)
        except QuantityError as error:
            raise fail(name, row.figure_id, str(error)) from error
    same = math.isclose(parsed.value, row.value) and (parsed.unit, parsed.qualifier) == (
        row.unit,
        row.qualifier,
    )
    if not same and not _table_cell_matches(parsed, row):
        raise fail(
            name,
            row.figure_id,
            f"“{row.amount}”应为 {parsed.value:g} {parsed.unit} {parsed.qualifier}，"
            f"表中为 {row.value:g} {row.unit} {row.qualifier}",
        )


def validate_links(links: pd.DataFrame, name: str = "links.csv") -> pd.DataFrame:
    """Check a links frame (ids, vocabulary, two different ends); returns it."""
    check_unique(links, "link_id", name)
    for column, allowed in (
        ("field", FIELDS),
        ("status", LINK_STATUSES),
        ("direction", DIRECTIONS),
    ):
        check_vocabulary(links, "link_id", column, allowed, name)
    same = links[links["from_name"] == links["to_name"]]
    if not same.empty:
        raise fail(name, same["link_id"].iloc[0], "两端是同一地点")
    return links


def validate_tasks(tasks: pd.DataFrame, name: str = "tasks.csv") -> pd.DataFrame:
    """Check a tasks frame (ids, responsible units); returns it."""
    check_unique(tasks, "task_id", name)
    no_unit = tasks[tasks["responsible"].str.strip() == ""]
    if not no_unit.empty:
        raise fail(name, no_unit["task_id"].iloc[0], "缺少责任单位")
    return tasks


def check_quotes(table: pd.DataFrame, id_column: str, texts: dict[str, str], name: str) -> None:
    """Every row's source is known and its quote is a verbatim substring of that source."""
    for row_id, source_id, quote in zip(
        table[id_column].tolist(), table["source_id"].tolist(), table["quote"].tolist(), strict=True
    ):
        if source_id not in texts:
            raise fail(name, row_id, f"来源“{source_id}”不存在")
        if not quote or quote not in texts[source_id]:
            raise fail(name, row_id, "引文不是来源原文的原样片段")


def check_places(
    table: pd.DataFrame, id_column: str, columns: list[str], places: pd.DataFrame, name: str
) -> None:
    """Every non-empty place name in `columns` is a known place or alias."""
    aliases = place_aliases(places)
    for column in columns:
        for row_id, value in zip(table[id_column].tolist(), table[column].tolist(), strict=True):
            if value and value not in aliases:
                raise fail(
                    name, row_id, f"{COLUMN_LABELS.get(column, column)}“{value}”不是已登记的地点"
                )


def cross_check(data: Dataset, names: dict[str, str]) -> Dataset:
    """Validate the tables against each other: quotes verbatim in their sources, places known,
    task texts verbatim in their plan, task targets existing. `names` labels the tables in errors."""
    texts, figures, links, tasks = data.texts, data.figures, data.links, data.tasks
    check_quotes(figures, "figure_id", texts, names["figures"])
    check_relations(figures, names["figures"])
    check_quotes(links, "link_id", texts, names["links"])
    check_places(figures, "figure_id", ["place", "partner"], data.places, names["figures"])
    check_places(links, "link_id", ["from_name", "to_name"], data.places, names["links"])
    check_tasks(tasks, texts, set(figures["figure_id"]), names["tasks"])
    return data


def check_tasks(
    tasks: pd.DataFrame, texts: dict[str, str], figure_ids: set[str], name: str
) -> None:
    """Every task's text is verbatim in its plan and every target it names is a known figure."""
    for row in tasks.itertuples(index=False):
        if row.source_id not in texts or row.text not in texts[row.source_id]:
            raise fail(name, row.task_id, "任务原文不是来源原文的原样片段")
        unknown = set(filter(None, row.targets.split("、"))) - figure_ids
        if unknown:
            raise fail(name, row.task_id, f"目标 {', '.join(sorted(unknown))} 不存在")
