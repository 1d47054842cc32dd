"""languages: the language of each document (`documents.language`, "en" | "ru"; the documents already
stored were all read as English, so they get "en"), and the Latin key of each alias (`aliases.latin`,
store.normalize.latin_key: "Токаев" and "Tokayev" both "tokaev"), filled for the aliases already stored
and indexed with the alias kind, so that a name written in one script resolves to the entity known by
its spelling in the other with one index lookup

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 5000


def _backfill(conn) -> None:
    """Fill aliases.latin, in batches, with the function store.resolve uses."""
    from accordwatch.store.normalize import latin_key

    aliases = sa.table("aliases", sa.column("entity_id"), sa.column("alias"), sa.column("latin"))
    update = (sa.update(aliases)
              .where(aliases.c.entity_id == sa.bindparam("_id"), aliases.c.alias == sa.bindparam("_alias"))
              .values(latin=sa.bindparam("_latin")))
    last = None
    while True:
        stmt = (sa.select(aliases.c.entity_id, aliases.c.alias)
                .order_by(aliases.c.entity_id, aliases.c.alias).limit(BATCH))
        if last is not None:
            stmt = stmt.where(sa.or_(aliases.c.entity_id > last[0],
                                     sa.and_(aliases.c.entity_id == last[0], aliases.c.alias > last[1])))
        rows = conn.execute(stmt).all()
        if not rows:
            return
        conn.execute(update, [{"_id": r.entity_id, "_alias": r.alias, "_latin": latin_key(r.alias)} for r in rows])
        last = (rows[-1].entity_id, rows[-1].alias)


def upgrade() -> None:
    # ALTER TABLE ... ADD COLUMN in place on both backends: a copy of documents or aliases would break
    # the foreign keys pointing at them (and, on SQLite, the full-text table's rowids)
    with op.batch_alter_table("documents", recreate="never") as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=8), nullable=False, server_default="en"))
        batch_op.create_index("ix_documents_language", ["language"], unique=False)
    with op.batch_alter_table("aliases", recreate="never") as batch_op:
        batch_op.add_column(sa.Column("latin", sa.String(length=300), nullable=False, server_default=""))
    conn = op.get_bind()
    _backfill(conn)
    with op.batch_alter_table("aliases", recreate="never") as batch_op:
        batch_op.create_index("ix_aliases_kind_latin", ["kind", "latin"], unique=False)
    if conn.dialect.name == "sqlite" and conn.execute(sa.text("SELECT 1 FROM aliases LIMIT 1")).first():
        op.execute("ANALYZE aliases")


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a copy of the table (see upgrade)
    with op.batch_alter_table("aliases", recreate="never") as batch_op:
        batch_op.drop_index("ix_aliases_kind_latin")
        batch_op.drop_column("latin")
    with op.batch_alter_table("documents", recreate="never") as batch_op:
        batch_op.drop_index("ix_documents_language")
        batch_op.drop_column("language")
