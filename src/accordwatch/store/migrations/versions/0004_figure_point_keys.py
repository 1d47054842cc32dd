"""figure point keys: period_start / period_end ('YYYY-MM', '' without a period) and point_key (the
figure's point and its place in time, see accordwatch.store.points), filled for the figures already
stored, and an index on it, so that the database groups, orders, counts and pages figure points; an
index of figures by parties and article, for counting the partner network; mentions indexed by entity
and article (was: entity), for counting an entity's articles

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 5000
# compared bytewise on both backends: SQLite's default BINARY collation, PostgreSQL's "C"
KEY_TYPE = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")
PERIOD_TYPE = sa.String(length=7).with_variant(sa.String(length=7, collation="C"), "postgresql")


def _backfill(conn) -> None:
    """Fill the new columns of every figure, in batches, with the function store.write uses."""
    from accordwatch.store.points import point_columns

    figures = sa.table("figures", sa.column("id"), sa.column("indicator"), sa.column("parties"),
                       sa.column("from_code"), sa.column("to_code"), sa.column("unit"), sa.column("period"),
                       sa.column("kind"), sa.column("value"), sa.column("period_start"), sa.column("period_end"),
                       sa.column("point_key"))
    update = (sa.update(figures).where(figures.c.id == sa.bindparam("_id"))
              .values(period_start=sa.bindparam("_start"), period_end=sa.bindparam("_end"),
                      point_key=sa.bindparam("_key")))
    last = None
    while True:
        stmt = (sa.select(figures.c.id, figures.c.indicator, figures.c.parties, figures.c.from_code,
                          figures.c.to_code, figures.c.unit, figures.c.period, figures.c.kind, figures.c.value)
                .order_by(figures.c.id).limit(BATCH))
        if last is not None:
            stmt = stmt.where(figures.c.id > last)
        rows = conn.execute(stmt).all()
        if not rows:
            return
        params = []
        for r in rows:
            cols = point_columns(r.indicator, r.parties, r.from_code, r.to_code, r.unit, r.period, r.kind, r.value)
            params.append({"_id": r.id, "_start": cols["period_start"], "_end": cols["period_end"],
                           "_key": cols["point_key"]})
        conn.execute(update, params)
        last = rows[-1].id


def upgrade() -> None:
    with op.batch_alter_table("figures") as batch_op:
        batch_op.add_column(sa.Column("period_start", PERIOD_TYPE, nullable=False, server_default=""))
        batch_op.add_column(sa.Column("period_end", PERIOD_TYPE, nullable=False, server_default=""))
        batch_op.add_column(sa.Column("point_key", KEY_TYPE, nullable=False, server_default=""))
    conn = op.get_bind()
    _backfill(conn)
    with op.batch_alter_table("figures") as batch_op:
        batch_op.create_index("ix_figures_point", ["point_key", "document_id", "kind", "indicator"], unique=False)
        batch_op.create_index("ix_figures_parties", ["parties", "document_id"], unique=False)
    with op.batch_alter_table("mentions") as batch_op:   # the same index, carrying the article
        batch_op.drop_index("ix_mentions_entity")
        batch_op.create_index("ix_mentions_entity_document", ["entity_id", "document_id"], unique=False)
    if conn.dialect.name == "sqlite" and conn.execute(sa.text("SELECT 1 FROM figures LIMIT 1")).first():
        # statistics for the new indexes, as store.write keeps them after an ingest (PostgreSQL's
        # autovacuum gathers its own)
        op.execute("ANALYZE figures")
        op.execute("ANALYZE mentions")


def downgrade() -> None:
    with op.batch_alter_table("mentions") as batch_op:
        batch_op.drop_index("ix_mentions_entity_document")
        batch_op.create_index("ix_mentions_entity", ["entity_id"], unique=False)
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not the copy of the table batch mode would make
    # otherwise: dropping the old figures table breaks the foreign keys of figure_parties
    with op.batch_alter_table("figures", recreate="never") as batch_op:
        batch_op.drop_index("ix_figures_parties")
        batch_op.drop_index("ix_figures_point")
        batch_op.drop_column("point_key")
        batch_op.drop_column("period_end")
        batch_op.drop_column("period_start")
