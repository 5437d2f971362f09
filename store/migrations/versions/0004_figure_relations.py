"""A figure can be part of another (`part_of`: 率先入驻 4家 of 入驻 9家) or describe the items another
counts (`describes`: 50亿元以上 per project of 重点项目2个, one target as the plan states it).

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
COLUMNS = ("part_of", "describes")


def upgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        for name in COLUMNS:
            batch.drop_column(name)
