"""Every change to the curated tables: validated (store/row_checks.py), in one transaction, with
its audit row.

Rows carry a `version`; an update names the version it was based on and fails with
`ConflictError` (holding the current row) when someone else changed the row in between, so
nothing is ever silently overwritten.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from store import schema
from store.audit import last_actor, write_audit
from store.db import write
from store.errors import ConflictError, StoreError
from store.frames import TABLE_NAMES
from store.row_checks import (
    MARKUP,
    check_limits,
    check_plain_text,
    fetch_row,
    parse_amount,
    require_editor,
    validate_row,
    with_quantity,
)

# The names other modules import from here (the checks live in store/row_checks.py).
__all__ = [
    "MARKUP",
    "ConflictError",
    "StoreError",
    "check_limits",
    "check_plain_text",
    "create_row",
    "fetch_row",
    "get_row",
    "parse_amount",
    "update_row",
    "validate_row",
    "with_quantity",
]
EDITABLE = ("figures", "links", "tasks")


def _table(name: str) -> sa.Table:
    if name not in EDITABLE:
        raise StoreError(f"不能编辑“{name}”表")
    return schema.CURATED[name]


def get_row(engine: sa.Engine, name: str, key: str) -> dict | None:
    """The row as stored now (with its version), or None."""
    with engine.connect() as connection:
        return fetch_row(connection, _table(name), key)


def update_row(
    engine: sa.Engine,
    name: str,
    key: str,
    expected_version: int,
    changes: dict[str, Any],
    actor: str,
    reason: str = "",
) -> dict:
    """Apply `changes` to the row if it is still at `expected_version`; returns the new row."""
    require_editor(actor, reason)
    table = _table(name)
    key_column = table.c[schema.KEYS[name]]
    allowed = set(schema.data_columns(table)) - {schema.KEYS[name]}
    unknown = set(changes) - allowed
    if unknown:
        raise StoreError(f"不能修改的列：{'、'.join(sorted(unknown))}")
    check_limits(key, "编号")
    with write(engine) as connection:
        current = fetch_row(connection, table, key)
        if current is None:
            raise StoreError(f"{TABLE_NAMES[name]}“{key}”不存在（可能已被他人删除）")
        # the amount is parsed (and the value taken from it) only when the editor changed it
        changes, quantity = with_quantity(name, changes, current)
        if current["version"] != expected_version:
            raise ConflictError(
                f"{TABLE_NAMES[name]}“{key}”在您打开后已被 {last_actor(connection, name, key)} "
                "修改。下面是最新内容，请在此基础上重新修改。",
                current,
            )
        changed = {c: v for c, v in changes.items() if current[c] != v}
        if not changed:
            return current
        merged = {c: current[c] for c in schema.data_columns(table)} | changed
        validate_row(connection, name, merged, quantity)
        result = connection.execute(
            table.update()
            .where(key_column == key, table.c.version == expected_version)
            .values(**changed, version=expected_version + 1)
        )
        if result.rowcount != 1:  # another writer got in between our read and our update
            raise ConflictError(
                f"{TABLE_NAMES[name]}“{key}”刚被他人修改，请查看最新内容后重试。",
                fetch_row(connection, table, key),
            )
        before = {c: current[c] for c in changed}
        write_audit(connection, actor, "update", name, key, before, changed, reason)
        return fetch_row(connection, table, key)


def create_row(
    engine: sa.Engine, name: str, row: dict[str, Any], actor: str, reason: str = ""
) -> dict:
    """Insert a new row (validated; its key must be new); returns it as stored."""
    require_editor(actor, reason)
    table = _table(name)
    key = schema.KEYS[name]
    row, quantity = with_quantity(name, row)
    record = {c: row.get(c, "") for c in schema.data_columns(table)}
    if not str(record[key]).strip():
        raise StoreError(f"{TABLE_NAMES[name]}编号不能为空")
    check_limits(record[key], "编号")
    with write(engine) as connection:
        if fetch_row(connection, table, record[key]) is not None:
            raise StoreError(f"{TABLE_NAMES[name]}编号“{record[key]}”已存在，不能覆盖")
        validate_row(connection, name, record, quantity)
        last = connection.execute(sa.select(sa.func.max(table.c.seq))).scalar() or 0
        connection.execute(table.insert().values(**record, seq=last + 1))
        write_audit(connection, actor, "create", name, record[key], None, record, reason)
        return fetch_row(connection, table, record[key])
