"""The current (head) schema as SQLAlchemy Core tables. Migrations under migrations/versions/ build
it; this module is what queries use. Keep the two in step (a test compares them)."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, server_default="")


def _version() -> sa.Column:
    # Optimistic concurrency: every update checks and bumps it.
    return sa.Column("version", sa.Integer, nullable=False, server_default="1")


def _seq() -> sa.Column:
    # Row order as curated (CSV order; new rows go last): PostgreSQL has no rowid.
    return sa.Column("seq", sa.Integer, nullable=False, server_default="0")


sources = sa.Table(
    "sources",
    metadata,
    sa.Column("source_id", sa.Text, primary_key=True),
    *(
        _text(c)
        for c in [
            "title",
            "publisher",
            "author",
            "doc_number",
            "published",
            "period",
            "kind",
            "path",
            "sha256",
            "retrieved",
            "license",
            "note",
            "text",
        ]
    ),
    _seq(),
    _version(),
)

figures = sa.Table(
    "figures",
    metadata,
    sa.Column("figure_id", sa.Text, primary_key=True),
    _text("source_id"),
    _text("quote"),
    _text("amount"),
    sa.Column("value", sa.Float, nullable=False),
    *(
        _text(c)
        for c in [
            "unit",
            "qualifier",
            "kind",
            "field",
            "indicator",
            "place",
            "partner",
            "period",
            "headline",
            "note",
        ]
    ),
    _text("duplicate_of"),  # added by migration 0003
    _seq(),
    _version(),
)

links = sa.Table(
    "links",
    metadata,
    sa.Column("link_id", sa.Text, primary_key=True),
    *(
        _text(c)
        for c in [
            "source_id",
            "quote",
            "from_name",
            "to_name",
            "field",
            "link_type",
            "status",
            "direction",
            "note",
        ]
    ),
    _seq(),
    _version(),
)

tasks = sa.Table(
    "tasks",
    metadata,
    sa.Column("task_id", sa.Text, primary_key=True),
    *(
        _text(c)
        for c in [
            "source_id",
            "section_no",
            "section",
            "item_no",
            "title",
            "text",
            "responsible",
            "targets",
        ]
    ),
    _seq(),
    _version(),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    _text("aliases"),
    _text("kind"),
    _text("adcode"),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("lat", sa.Float, nullable=False),
    *(_text(c) for c in ["parent", "side", "coord_source", "note"]),
    _seq(),
    _version(),
)

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
