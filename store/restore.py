"""Restore a backup zip (`python -m store export`) into an empty database: every table as it was,
row order, versions, task updates and the audit history included. Accounts are never in a backup.
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import sqlalchemy as sa

from ingest.limits import ArchiveError, check_archive
from metrics.export import restore
from store import schema
from store.backup import MAX_UNPACKED_BYTES
from store.db import upgrade, write
from store.edit import StoreError

# In load order; accounts (users) are never backed up.
RESTORED = (*schema.CURATED, "task_updates", "audit")
_SERIAL = {"task_updates": "update_id", "audit": "id"}


def _table(name: str) -> sa.Table:
    return schema.CURATED[name] if name in schema.CURATED else getattr(schema, name)


def _typed(frame: pd.DataFrame, table: sa.Table) -> list[dict]:
    """CSV text back to the column types ('' is NULL where the column allows it)."""
    records = frame.map(restore).to_dict("records")
    kinds = {c.name: (c.type.python_type, c.nullable) for c in table.columns}
    for record in records:
        for column, value in record.items():
            kind, nullable = kinds[column]
            if value == "" and (nullable or kind is not str):
                record[column] = None
            elif kind in (int, float):
                record[column] = kind(value)
    return records


def read_backup(raw: bytes) -> dict[str, list[dict]]:
    """The rows of every restored table in a backup zip; raises StoreError when incomplete."""
    try:
        check_archive(raw, "备份文件", MAX_UNPACKED_BYTES)
    except ArchiveError as error:
        raise StoreError(str(error)) from error
    rows: dict[str, list[dict]] = {}
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        names = set(zf.namelist())
        for name in RESTORED:
            if f"{name}.csv" not in names:
                raise StoreError(f"备份中缺少 {name}.csv，无法恢复")
            frame = pd.read_csv(zf.open(f"{name}.csv"), dtype=str, keep_default_na=False)
            frame.columns = [c.lstrip("\ufeff") for c in frame.columns]
            if name == "sources":
                frame["text"] = [
                    zf.read(f"raw/{source_id}.txt").decode("utf-8")
                    for source_id in frame["source_id"].map(restore)
                ]
            table = _table(name)
            unknown = set(frame.columns) - {c.name for c in table.columns}
            if unknown:
                raise StoreError(f"{name}.csv 中有未知列：{'、'.join(sorted(unknown))}")
            rows[name] = _typed(frame, table)
    return rows


def restore_backup(engine: sa.Engine, raw: bytes) -> dict[str, int]:
    """Fill an empty database from a backup (schema migrated first); returns rows per table."""
    rows = read_backup(raw)
    upgrade(engine)
    with write(engine, check=False) as connection:
        for name in (*RESTORED, "users"):
            if connection.execute(sa.select(sa.func.count()).select_from(_table(name))).scalar():
                raise StoreError("只能恢复到空数据库：目标数据库中已有数据")
        for name in RESTORED:
            if rows[name]:
                connection.execute(_table(name).insert(), rows[name])
        if connection.dialect.name == "postgresql":  # explicit ids: move the sequences on
            for name, column in _SERIAL.items():
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{name}', '{column}'), "
                    f"COALESCE((SELECT MAX({column}) FROM {name}), 0) + 1, false)"
                )
    return {name: len(records) for name, records in rows.items()}
