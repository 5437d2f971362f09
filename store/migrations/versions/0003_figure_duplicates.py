"""Figures published from a new report that repeat one already stored from another report name it
in `duplicate_of`, so totals never count the same quantity twice.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("duplicate_of", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        batch.drop_column("duplicate_of")
