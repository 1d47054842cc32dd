"""review: accounts (`users`, `sessions`, `api_tokens`: hashes only), `reviews` (confirmations,
corrections and rejections of facts, keyed by article and span), `audit_log`, and the review marks on
figures and events (`review`, `reviewed_by`, `reviewed_at`; NULL for what no one reviewed)

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

MARKS = ("review", "reviewed_by", "reviewed_at")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.String(32)),
        sa.Column("created", sa.String(32), nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created", sa.String(32), nullable=False),
        sa.Column("expires", sa.String(32), nullable=False),
    )
    op.create_index("ix_sessions_user", "sessions", ["user_id"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created", sa.String(32), nullable=False),
        sa.Column("last_used", sa.String(32)),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("document_hash", sa.String(64), nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.UniqueConstraint("kind", "document_hash", "start", "end", name="uq_reviews_fact"),
    )
    op.create_index("ix_reviews_document", "reviews", ["document_hash"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("before", sa.Text()),
        sa.Column("after", sa.Text()),
    )
    op.create_index("ix_audit_target", "audit_log", ["target"])
    for table in ("figures", "events"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("review", sa.String(10), nullable=True))
            batch_op.add_column(sa.Column("reviewed_by", sa.String(64), nullable=True))
            batch_op.add_column(sa.Column("reviewed_at", sa.String(32), nullable=True))


def downgrade() -> None:
    for table in ("events", "figures"):
        with op.batch_alter_table(table, recreate="never") as batch_op:
            for column in reversed(MARKS):
                batch_op.drop_column(column)
    op.drop_index("ix_audit_target", "audit_log")
    op.drop_table("audit_log")
    op.drop_index("ix_reviews_document", "reviews")
    op.drop_table("reviews")
    op.drop_table("api_tokens")
    op.drop_index("ix_sessions_user", "sessions")
    op.drop_table("sessions")
    op.drop_table("users")
