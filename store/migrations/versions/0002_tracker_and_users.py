"""Monthly task status updates (the tracker) and editor accounts.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, server_default="")


def upgrade() -> None:
    op.create_table(
        "task_updates",
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
    op.create_index("task_updates_task", "task_updates", ["task_id", "month"])
    op.create_table(
        "users",
        sa.Column("username", sa.Text, primary_key=True),
        _text("password_hash"),
        _text("display_name"),
        _text("role"),
        _text("created_at"),
    )


def downgrade() -> None:
    op.drop_table("users")
    op.drop_table("task_updates")
