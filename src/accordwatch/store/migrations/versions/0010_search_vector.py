"""full-text search on PostgreSQL reads a stored vector: `documents.search_vector`, a generated column
holding what store.fulltext.tsvector() computes, with the GIN index ix_documents_fts on it (was on the
expression). A query whose word is in most articles is answered by reading the table, and every row
then had its vector computed again (2.3 s for a common word in 3,000 articles); ranking did too. SQLite
(FTS5) is unchanged.

Revision ID: 0010
Revises: 0009
"""
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# what accordwatch.store.fulltext.tsvector() gives (written out, as in 0007: this revision always builds
# what it built when it was written; tests/test_multilingual_store.py checks that the two agree)
TSVECTOR = ("to_tsvector(CASE WHEN language = 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END, "
            "translate(coalesce(title, '') || ' ' || text, "
            "'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІЎҲЄЇÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ«»„“”‘’‚‹›—–‑‒―…•·№°"
            "\u00a0\u2009\u202f', "
            "'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіўҳєїàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþ"
            + " " * 23 + "'))")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute(f"ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({TSVECTOR}) STORED")
    op.execute("DROP INDEX ix_documents_fts")
    op.execute("CREATE INDEX ix_documents_fts ON documents USING gin (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("DROP INDEX ix_documents_fts")
    op.execute("ALTER TABLE documents DROP COLUMN search_vector")
    op.execute(f"CREATE INDEX ix_documents_fts ON documents USING gin ({TSVECTOR})")
