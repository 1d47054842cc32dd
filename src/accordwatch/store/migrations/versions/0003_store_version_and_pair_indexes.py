"""a version counter that every write bumps (readers cache by it), and party indexes that carry the
event or figure id, so finding a pair's events and figures never reads the tables themselves

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    state = op.create_table(
        "store_state",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.bulk_insert(state, [{"key": "version", "value": 0}])
    with op.batch_alter_table("event_parties") as batch_op:
        batch_op.drop_index("ix_event_parties_code")
        batch_op.create_index("ix_event_parties_code_event", ["code", "event_id"], unique=False)
    with op.batch_alter_table("figure_parties") as batch_op:
        batch_op.drop_index("ix_figure_parties_code")
        batch_op.create_index("ix_figure_parties_code_figure", ["code", "figure_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("figure_parties") as batch_op:
        batch_op.drop_index("ix_figure_parties_code_figure")
        batch_op.create_index("ix_figure_parties_code", ["code"], unique=False)
    with op.batch_alter_table("event_parties") as batch_op:
        batch_op.drop_index("ix_event_parties_code_event")
        batch_op.create_index("ix_event_parties_code", ["code"], unique=False)
    op.drop_table("store_state")
