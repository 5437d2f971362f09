"""Curated tables (sources, places, figures, links, tasks) with row versions, and the audit log.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, server_default="")


def _version() -> sa.Column:
    return sa.Column("version", sa.Integer, nullable=False, server_default="1")


def _seq() -> sa.Column:
    return sa.Column("seq", sa.Integer, nullable=False, server_default="0")


def upgrade() -> None:
    op.create_table(
        "sources",
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
    op.create_table(
        "places",
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
    op.create_table(
        "figures",
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
        _seq(),
        _version(),
    )
    op.create_table(
        "links",
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
    op.create_table(
        "tasks",
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
    op.create_table(
        "audit",
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
    op.create_index("audit_row", "audit", ["table_name", "row_id"])


def downgrade() -> None:
    for table in ("audit", "tasks", "links", "figures", "places", "sources"):
        op.drop_table(table)
