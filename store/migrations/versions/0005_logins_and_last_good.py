"""Sign-ins that survive a reload (a server secret, revoked tokens) and the last dataset that
loaded cleanly (so a fresh process can fall back to exactly that revision).

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.create_table(
        "app_state",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "revoked_logins",
        sa.Column("token_id", sa.Text, primary_key=True),
        sa.Column("username", sa.Text, nullable=False, server_default=""),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_table(
        "last_good",
        sa.Column("part", sa.Text, primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("last_good")
    op.drop_table("revoked_logins")
    op.drop_table("app_state")
