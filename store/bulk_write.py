"""Writing a previewed bulk import: a few statements per table (bulk insert, one executemany
update, bulk audit rows) in the caller's transaction, not one round trip per row. Rows changed
or created by someone else since the preview are refused, and nothing is written."""

from __future__ import annotations

import json

import pandas as pd
import sqlalchemy as sa

from store import schema
from store.db import now
from store.edit import StoreError
from store.import_rows import records, select_in


def _stale_keys(current: pd.DataFrame, key: str, creates: list[dict], updates: list) -> list[str]:
    """Keys changed since the preview: created meanwhile, or updated to another version."""
    versions = dict(zip(current[key].tolist(), current["version"].tolist(), strict=True))
    created = [r[key] for r in creates if r[key] in versions]
    moved = [r[key] for r, version in updates if versions.get(r[key]) != version]
    return created + moved


def _audit_rows(name: str, key: str, plan_rows: dict, actor: str, note: str) -> list[dict]:
    """The audit rows of a table's creates and updates (before/after as JSON)."""

    def dump(value) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False, default=str)

    at = now()
    return [
        {
            "at": at,
            "actor": actor,
            "action": "import",
            "table_name": name,
            "row_id": row_id,
            "before": dump(before),
            "after": dump(after),
            "reason": note,
        }
        for row_id, before, after in plan_rows
    ]


def _changes(current: pd.DataFrame, key: str, updates: list) -> list[tuple[str, dict, dict]]:
    """(key, stored values, new values) of the columns each update changes."""
    stored = {row[key]: row for row in records(current)}
    changes = []
    for record, _version in updates:
        before = stored[record[key]]
        changed = {c: v for c, v in record.items() if before[c] != v}
        changes.append((record[key], {c: before[c] for c in changed}, changed))
    return changes


def apply_table(
    connection: sa.Connection, name: str, creates: list[dict], updates: list, actor: str, note: str
) -> None:
    """Write one table's previewed rows in the caller's transaction, in a few statements (bulk
    insert, executemany update, bulk audit), after checking that none of them changed since the
    preview (StoreError, nothing written)."""
    table = schema.CURATED[name]
    key = schema.KEYS[name]
    keys = [r[key] for r in creates] + [r[key] for r, _ in updates]
    current = select_in(connection, table, key, keys)
    stale = _stale_keys(current, key, creates, updates)
    if stale:
        raise StoreError(f"{stale[0]} 等 {len(stale)} 行在预览后已被他人修改或新增，请重新预览")
    last = connection.execute(sa.select(sa.func.max(table.c.seq))).scalar() or 0
    if creates:
        rows = [{**r, "seq": last + offset} for offset, r in enumerate(creates, start=1)]
        connection.execute(table.insert(), rows)
    changes = _changes(current, key, updates)
    if updates:
        columns = [c for c in updates[0][0] if c != key]
        statement = (
            table.update()
            .where(table.c[key] == sa.bindparam("_key"))
            .where(table.c.version == sa.bindparam("_version"))
            .values({**{c: sa.bindparam(f"_{c}") for c in columns}, "version": table.c.version + 1})
        )
        params = [
            {"_key": r[key], "_version": v, **{f"_{c}": r[c] for c in columns}} for r, v in updates
        ]
        result = connection.execute(statement, params)
        if connection.dialect.supports_sane_multi_rowcount and result.rowcount != len(params):
            raise StoreError("有数据在预览后已被他人修改，请重新预览")
    audited = [(r[key], None, r) for r in creates] + changes
    if audited:
        connection.execute(schema.audit.insert(), _audit_rows(name, key, audited, actor, note))
