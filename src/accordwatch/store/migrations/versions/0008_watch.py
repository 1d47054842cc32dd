"""watch: `sources` (feeds and pages polled on a schedule, with their validators and health), `alerts`
(saved searches and where to deliver their news) and `deliveries` (the ledger: one row per alert, item
and channel, so that a restart never sends twice and never skips)

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("url", sa.Text(), nullable=False, unique=True),
        sa.Column("name", sa.Text()),
        sa.Column("every_seconds", sa.Integer(), nullable=False),
        sa.Column("etag", sa.Text()),
        sa.Column("last_modified", sa.Text()),
        sa.Column("last_poll", sa.String(32)),
        sa.Column("last_success", sa.String(32)),
        sa.Column("last_error", sa.Text()),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("articles_added", sa.Integer(), nullable=False),
        sa.Column("next_poll", sa.String(32), nullable=False),
        sa.Column("created", sa.String(32), nullable=False),
    )
    op.create_index("ix_sources_next_poll", "sources", ["next_poll"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False, unique=True),
        sa.Column("filters", sa.Text(), nullable=False),
        sa.Column("webhook_url", sa.Text()),
        sa.Column("webhook_secret", sa.Text()),
        sa.Column("email", sa.Text()),
        sa.Column("since_event_id", sa.Integer(), nullable=False),
        sa.Column("since_figure_id", sa.Integer(), nullable=False),
        sa.Column("created", sa.String(32), nullable=False),
    )
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("alert_id", sa.Integer(), sa.ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item_kind", sa.String(8), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(8), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text()),
        sa.Column("next_attempt", sa.String(32), nullable=False),
        sa.Column("delivered_at", sa.String(32)),
        sa.Column("created", sa.String(32), nullable=False),
        sa.UniqueConstraint("alert_id", "item_kind", "item_id", "channel", name="uq_deliveries_item"),
    )
    op.create_index("ix_deliveries_due", "deliveries", ["status", "next_attempt"])


def downgrade() -> None:
    op.drop_index("ix_deliveries_due", "deliveries")
    op.drop_table("deliveries")
    op.drop_table("alerts")
    op.drop_index("ix_sources_next_poll", "sources")
    op.drop_table("sources")
