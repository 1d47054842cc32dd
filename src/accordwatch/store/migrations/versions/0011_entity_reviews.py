"""entity reviews: people's reviews of an article's people, organizations and countries, and merges and
splits of entities, live in `reviews` too: its `kind` widens to 16 characters ("organization"), and a new
`subject` (NOT NULL, '' for figures and events) names what a span cannot: a country review's code, a
merge's or a split's entity; the unique key of a review becomes (kind, document_hash, start, end, subject).
`mentions` and `document_countries` get the review marks figures and events have (`review`, `reviewed_by`,
`reviewed_at`). `audit_log.document_id` (nullable, indexed) names the article of a review of its facts
(backfilled from the targets "... (article N, ...)"), so that an article's history is one index lookup.

Revision ID: 0011
Revises: 0010
"""
import re

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

MARKS = ("review", "reviewed_by", "reviewed_at")
_ARTICLE = re.compile(r"\(article (\d+)[,)]")


def _marks() -> list[sa.Column]:
    return [sa.Column("review", sa.String(10), nullable=True), sa.Column("reviewed_by", sa.String(64), nullable=True),
            sa.Column("reviewed_at", sa.String(32), nullable=True)]


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch_op:
        batch_op.alter_column("kind", existing_type=sa.String(8), type_=sa.String(16), existing_nullable=False)
        batch_op.add_column(sa.Column("subject", sa.String(300), nullable=False, server_default=""))
        batch_op.drop_constraint("uq_reviews_fact", type_="unique")
        batch_op.create_unique_constraint("uq_reviews_fact", ["kind", "document_hash", "start", "end", "subject"])
    for table in ("mentions", "document_countries"):
        with op.batch_alter_table(table) as batch_op:
            for column in _marks():
                batch_op.add_column(column)
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.add_column(sa.Column("document_id", sa.Integer(), nullable=True))
    op.create_index("ix_audit_document", "audit_log", ["document_id"])
    conn = op.get_bind()
    a = sa.table("audit_log", sa.column("id", sa.Integer), sa.column("target", sa.Text),
                 sa.column("document_id", sa.Integer))
    rows = conn.execute(sa.select(a.c.id, a.c.target).where(a.c.target.like("% (article %"))).all()
    for id_, target in rows:
        if m := _ARTICLE.search(target):
            conn.execute(sa.update(a).where(a.c.id == id_).values(document_id=int(m[1])))


def downgrade() -> None:
    op.drop_index("ix_audit_document", "audit_log")
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_column("document_id")
    for table in ("document_countries", "mentions"):
        with op.batch_alter_table(table) as batch_op:
            for column in reversed(MARKS):
                batch_op.drop_column(column)
    r = sa.table("reviews", sa.column("kind", sa.String), sa.column("subject", sa.String))
    op.execute(sa.delete(r).where(r.c.kind.not_in(("figure", "event"))))   # entity reviews: 0010 has no room for them
    with op.batch_alter_table("reviews") as batch_op:
        batch_op.drop_constraint("uq_reviews_fact", type_="unique")
        batch_op.create_unique_constraint("uq_reviews_fact", ["kind", "document_hash", "start", "end"])
        batch_op.drop_column("subject")
        batch_op.alter_column("kind", existing_type=sa.String(16), type_=sa.String(8), existing_nullable=False)
