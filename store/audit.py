"""The audit log: who changed which row, when, from what to what, and why."""

from __future__ import annotations

import json

import pandas as pd
import sqlalchemy as sa

from store import schema
from store.db import now


def write_audit(
    connection: sa.Connection,
    actor: str,
    action: str,
    name: str,
    row_id: str,
    before: dict | None,
    after: dict | None,
    reason: str,
) -> None:
    """One audit row in the caller's transaction (before/after as JSON, None when absent)."""

    def dump(value: dict | None) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False, default=str)

    connection.execute(
        schema.audit.insert().values(
            at=now(),
            actor=actor,
            action=action,
            table_name=name,
            row_id=row_id,
            before=dump(before),
            after=dump(after),
            reason=reason,
        )
    )


def last_actor(connection: sa.Connection, name: str, key: str) -> str:
    """Who changed the row last, by the audit log ('他人' when it does not say)."""
    audit = schema.audit
    actor = connection.execute(
        sa.select(audit.c.actor)
        .where(audit.c.table_name == name, audit.c.row_id == key)
        .order_by(audit.c.id.desc())
        .limit(1)
    ).scalar()
    return actor or "他人"


def history(
    engine: sa.Engine, name: str | None = None, key: str | None = None, limit: int = 200
) -> pd.DataFrame:
    """Audit rows, newest first, optionally for one table or one row."""
    audit = schema.audit
    query = sa.select(audit).order_by(audit.c.id.desc()).limit(limit)
    if name:
        query = query.where(audit.c.table_name == name)
    if key:
        query = query.where(audit.c.row_id == key)
    with engine.connect() as connection:
        return pd.read_sql(query, connection)
