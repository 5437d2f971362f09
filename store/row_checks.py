"""The data contract of one edited row, in the editor's words: free text without markup or
control characters, the amount parsed once, the loader's column checks, relations between
figures, quotes verbatim in their source and places known (store/edit.py writes the row)."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import sqlalchemy as sa

from metrics.quantity import Quantity, QuantityError, parse_quantity
from metrics.validate import (
    DataError,
    check_places,
    check_quotes,
    check_relations,
    validate_figures,
    validate_links,
    validate_tasks,
)
from store import limits, schema
from store.errors import StoreError
from store.frames import TABLE_NAMES

# Free-text columns never carry markup: the quote and task text are checked against the source.
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_VERBATIM_COLUMNS = {"quote", "text"}
AMOUNT_MISSING = "请填写数量，例如 250余人次。"
AMOUNT_WITHOUT_UNIT = "数量“{amount}”没有单位：请连同单位填写，例如 250余人次、2.5亿元。"


def check_plain_text(value: str, label: str, column: str = "") -> None:
    """Refuse markup such as <script>, control characters and over-long text in a free-text
    value (`column` names its length limit, see store.limits)."""
    check_limits(value, label, column)
    if isinstance(value, str) and MARKUP.search(value):
        raise StoreError(f"{label}中不能包含 HTML 标记（如 <script>），请删去尖括号内容后再保存")


def check_limits(value: str, label: str, column: str = "") -> None:
    """store.limits.check_text, raising StoreError."""
    try:
        limits.check_text(value, label, column)
    except limits.LimitError as error:
        raise StoreError(str(error)) from error


def parse_amount(amount: str) -> Quantity:
    """The amount an editor typed (250余人次) as a quantity: the one parse of a figure edit."""
    if not str(amount).strip():
        raise StoreError(AMOUNT_MISSING)
    try:
        quantity = parse_quantity(amount)
    except QuantityError as error:
        raise StoreError(f"数量无法解析：{error}") from error
    if not quantity.unit:
        raise StoreError(AMOUNT_WITHOUT_UNIT.format(amount=amount))
    return quantity


def with_quantity(
    name: str, changes: dict[str, Any], current: dict | None = None
) -> tuple[dict[str, Any], Quantity | None]:
    """A figure's changes with value, unit and qualifier filled in from its amount text, when the
    amount comes without them (the editor's form), and the quantity parsed; else as they are.
    An amount equal to the `current` row's is left alone: the stored value stays as it is (a
    table cell's bare 2.5 took its 亿元 from the table header, which the amount does not say)."""
    if name != "figures" or "amount" not in changes or "value" in changes:
        return changes, None
    if current is not None and changes["amount"] == current["amount"]:
        return changes, None
    quantity = parse_amount(changes["amount"])
    filled = {"value": quantity.value, "unit": quantity.unit, "qualifier": quantity.qualifier}
    return changes | filled, quantity


def fetch_row(connection: sa.Connection, table: sa.Table, key: str) -> dict | None:
    """The row with primary key `key` in the caller's transaction, or None."""
    key_column = table.c[schema.KEYS[table.name]]
    found = connection.execute(sa.select(table).where(key_column == key)).mappings().first()
    return dict(found) if found else None


def _texts(connection: sa.Connection, source_id: str) -> dict[str, str]:
    found = connection.execute(
        sa.select(schema.sources.c.text).where(schema.sources.c.source_id == source_id)
    ).scalar()
    return {source_id: found} if found is not None else {}


def _places(connection: sa.Connection) -> pd.DataFrame:
    return pd.read_sql(sa.select(schema.places.c.name, schema.places.c.aliases), connection)


def _check_figure_relations(connection: sa.Connection, row: pd.Series, label: str) -> None:
    """The edited figure's part_of/describes, and those of the figures that name it, still hold."""
    figures = schema.figures
    named = {row["part_of"], row["describes"]} - {""}
    others = pd.read_sql(
        sa.select(figures).where(
            figures.c.figure_id.in_(named)
            | (figures.c.part_of == row["figure_id"])
            | (figures.c.describes == row["figure_id"])
        ),
        connection,
    )
    others = others[others["figure_id"] != row["figure_id"]]
    frame = pd.concat([pd.DataFrame([row]), others], ignore_index=True)
    dependents = set(others.loc[~others["figure_id"].isin(named), "figure_id"])
    check_relations(frame, label, only={row["figure_id"], *dependents})


def validate_row(
    connection: sa.Connection, name: str, row: dict[str, Any], quantity: Quantity | None = None
) -> None:
    """The data contract for one row, in the editor's words; raises StoreError. `quantity`: the
    figure's amount as with_quantity parsed it (not parsed again)."""
    label = TABLE_NAMES[name]
    for column, value in row.items():
        if column in _VERBATIM_COLUMNS:
            check_limits(value, f"{label}的“{column}”", column)
        else:
            check_plain_text(value, f"{label}的“{column}”", column)
    frame = pd.DataFrame([row])
    try:
        if name == "figures":
            _check_figure(connection, frame, row, label, quantity)
        elif check := _ROW_CHECKS.get(name):
            check(connection, frame, row, label)
    except StoreError:
        raise
    except (DataError, limits.LimitError) as error:
        raise StoreError(str(error)) from error
    except (TypeError, ValueError) as error:
        raise StoreError(f"{label}：数值“{row.get('value')}”不是数字") from error


def _check_figure(
    connection: sa.Connection,
    frame: pd.DataFrame,
    row: dict,
    label: str,
    quantity: Quantity | None = None,
) -> None:
    """A figure: a quote, the loader's column checks, value limits, relations, provenance."""
    if not str(row.get("quote", "")).strip():
        raise StoreError("新指标必须有引文：请从来源原文中复制包含该数字的原句")
    parsed = {row["figure_id"]: quantity} if quantity else None
    frame = validate_figures(frame, label, parsed)
    limits.check_value(float(row["value"]))
    _check_duplicate_of(connection, row)
    _check_figure_relations(connection, frame.iloc[0], label)
    check_quotes(frame, "figure_id", _texts(connection, row["source_id"]), label)
    check_places(frame, "figure_id", ["place", "partner"], _places(connection), label)


def _check_link(connection: sa.Connection, frame: pd.DataFrame, row: dict, label: str) -> None:
    """A link: the loader's column checks, its quote verbatim, both places known."""
    validate_links(frame, label)
    check_quotes(frame, "link_id", _texts(connection, row["source_id"]), label)
    check_places(frame, "link_id", ["from_name", "to_name"], _places(connection), label)


def _check_task(connection: sa.Connection, frame: pd.DataFrame, row: dict, label: str) -> None:
    """A task: the loader's column checks, its text verbatim in the plan, its targets stored."""
    validate_tasks(frame, label)
    text = _texts(connection, row["source_id"]).get(row["source_id"])
    if text is None or row["text"] not in text:
        raise StoreError(f"{label}（{row['task_id']}）：任务原文不是来源原文的原样片段")
    targets = set(filter(None, row["targets"].split("、")))
    known = set(
        connection.execute(
            sa.select(schema.figures.c.figure_id).where(schema.figures.c.figure_id.in_(targets))
        ).scalars()
    )
    if targets - known:
        missing = "、".join(sorted(targets - known))
        raise StoreError(f"{label}（{row['task_id']}）：目标 {missing} 不存在")


_ROW_CHECKS = {"links": _check_link, "tasks": _check_task}  # figures: _check_figure


def _check_duplicate_of(connection: sa.Connection, row: dict[str, Any]) -> None:
    duplicate = row.get("duplicate_of", "")
    if not duplicate:
        return
    if duplicate == row["figure_id"]:
        raise StoreError(f"指标（{row['figure_id']}）不能标为自己的重复")
    if fetch_row(connection, schema.figures, duplicate) is None:
        raise StoreError(f"指标（{row['figure_id']}）：重复的原指标“{duplicate}”不存在")


def require_editor(actor: str, reason: str) -> None:
    """Refuse a write without a logged-in editor, or with markup in its reason."""
    if not actor.strip():
        raise StoreError("请先以编辑账号登录")
    check_plain_text(reason, "修改说明", "reason")
