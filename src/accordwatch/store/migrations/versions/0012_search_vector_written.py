"""the writer fills `documents.search_vector` (PostgreSQL): the generated column of 0010 becomes a plain one,
its values kept. Generated, every insert ran translate() over the article in the server, which walks the
fold's hundred-odd characters for each character of the text (0.36 ms an article, a quarter of the
server's work in an ingest); the writer now folds the text itself (store.fulltext.fold, a table lookup)
and the server only runs to_tsvector on it: the same vectors (store.fulltext.insert_sql). SQLite (FTS5)
is unchanged.

Revision ID: 0012
Revises: 0011
"""
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# what 0010 made the column (written out: this revision always restores what it replaced)
TSVECTOR = ("to_tsvector(CASE WHEN language = 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END, "
            "translate(coalesce(title, '') || ' ' || text, "
            "'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІЎҲЄЇÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ«»„“”‘’‚‹›—–‑‒―…•·№°"
            "\u00a0\u2009\u202f', "
            "'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіўҳєїàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþ"
            + " " * 23 + "'))")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("ALTER TABLE documents ALTER COLUMN search_vector DROP EXPRESSION")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("DROP INDEX ix_documents_fts")
    op.execute("ALTER TABLE documents DROP COLUMN search_vector")
    op.execute(f"ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({TSVECTOR}) STORED")
    op.execute("CREATE INDEX ix_documents_fts ON documents USING gin (search_vector)")
