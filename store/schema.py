"""The current (head) schema as SQLAlchemy Core tables. Migrations under migrations/versions/ build
it; this module is what queries use. Keep the two in step (a test compares them)."""

from __future__ import annotations

import sqlalchemy as sa

from metrics.columns import (
    FIGURE_COLUMNS,
    LINK_COLUMNS,
    PLACE_COLUMNS,
    RELATION_COLUMNS,
    SOURCE_COLUMNS,
    TASK_COLUMNS,
)

metadata = sa.MetaData()


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, server_default="")


def _version() -> sa.Column:
    # Optimistic concurrency: every update checks and bumps it.
    return sa.Column("version", sa.Integer, nullable=False, server_default="1")


def _seq() -> sa.Column:
    # Row order as curated (CSV order; new rows go last): PostgreSQL has no rowid.
    return sa.Column("seq", sa.Integer, nullable=False, server_default="0")


def _curated(name: str, columns: list[str], extra: tuple[str, ...] = (), floats=()) -> sa.Table:
    """A curated table: the CSV's columns (key first, all text but `floats`), then row order and
    version. The CSV column lists are the loader's, so the two cannot drift apart."""
    key, *rest = columns
    return sa.Table(
        name,
        metadata,
        sa.Column(key, sa.Text, primary_key=True),
        *(
            sa.Column(c, sa.Float, nullable=False) if c in floats else _text(c)
            for c in [*rest, *extra]
        ),
        _seq(),
        _version(),
    )


sources = _curated("sources", SOURCE_COLUMNS, ("sha256", "retrieved", "license", "note", "text"))
places = _curated("places", PLACE_COLUMNS, ("coord_source", "note"), floats={"lon", "lat"})
figures = _curated(
    "figures",
    FIGURE_COLUMNS,
    # duplicate_of: migration 0003; part_of, describes (RELATION_COLUMNS): migration 0004
    ("headline", "note", "duplicate_of", *RELATION_COLUMNS),
    floats={"value"},
)
links = _curated("links", LINK_COLUMNS, ("note",))
tasks = _curated("tasks", TASK_COLUMNS)

audit = sa.Table(
    "audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _text("at"),
    _text("actor"),
    _text("action"),
    _text("table_name"),
    _text("row_id"),
    sa.Column("before", sa.Text, nullable=True),
    sa.Column("after", sa.Text, nullable=True),
    _text("reason"),
)

task_updates = sa.Table(
    "task_updates",
    metadata,
    sa.Column("update_id", sa.Integer, primary_key=True, autoincrement=True),
    _text("task_id"),
    _text("month"),
    _text("status"),
    _text("note"),
    _text("figure_id"),
    sa.Column("achieved_value", sa.Float, nullable=True),
    _text("quote"),
    _text("source_id"),
    _text("author"),
    _text("created_at"),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("username", sa.Text, primary_key=True),
    _text("password_hash"),
    _text("display_name"),
    _text("role"),
    _text("created_at"),
)

# Migration 0005. Server-side state that is never backed up: the login-token secret (name → value),
# tokens revoked by 退出登录 before they expire, and the parts of the last dataset that loaded.
app_state = sa.Table(
    "app_state",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    _text("value"),
)
revoked_logins = sa.Table(
    "revoked_logins",
    metadata,
    sa.Column("token_id", sa.Text, primary_key=True),
    _text("username"),
    sa.Column("expires_at", sa.Float, nullable=False),
)
last_good = sa.Table(
    "last_good",
    metadata,
    sa.Column("part", sa.Text, primary_key=True),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

# Tables whose rows editors change one by one (key column first), in load order.
CURATED: dict[str, sa.Table] = {
    "sources": sources,
    "places": places,
    "figures": figures,
    "links": links,
    "tasks": tasks,
}
KEYS: dict[str, str] = {
    "sources": "source_id",
    "places": "name",
    "figures": "figure_id",
    "links": "link_id",
    "tasks": "task_id",
}


def data_columns(table: sa.Table) -> list[str]:
    """The columns a CSV of this table carries (all but row order and version)."""
    return [c.name for c in table.columns if c.name not in ("version", "seq")]
