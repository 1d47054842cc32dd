"""full-text search in English and Russian (store/fulltext.py says what each backend does): on SQLite the
FTS5 table is made again with remove_diacritics 2 (0002 had unicode61's default, 1) and filled from the
articles; on PostgreSQL the GIN index is made again on each article's text, lower-cased for Cyrillic and
Latin-1 capitals and with punctuation beyond ASCII as spaces, through the configuration of its language
('russian' for documents.language = 'ru', 'english' otherwise)

Revision ID: 0007
Revises: 0006
"""
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# what accordwatch.store.fulltext gives (TOKENIZE, tsvector()); written out, so that this revision always
# builds what it built when it was written (tests/test_multilingual_store.py checks the two agree)
TOKENIZE = "porter unicode61 remove_diacritics 2"
TSVECTOR = ("to_tsvector(CASE WHEN language = 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END, "
            "translate(coalesce(title, '') || ' ' || text, "
            "'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІЎҲЄЇÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ«»„“”‘’‚‹›—–‑‒―…•·№°"
            "\u00a0\u2009\u202f', "
            "'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіўҳєїàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþ"
            + " " * 23 + "'))")   # capitals to lower case, punctuation beyond ASCII (23 characters) to spaces

OLD_TOKENIZE = "porter unicode61"
OLD_TSVECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"


def _fts5(tokenize: str) -> None:
    op.execute("DROP TABLE documents_fts")
    op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
               f"content_rowid='id', tokenize='{tokenize}')")
    # what store.write indexes: each article extracted (near-duplicates are not), its title or ''
    op.execute("INSERT INTO documents_fts(rowid, title, text) "
               "SELECT id, coalesce(title, ''), text FROM documents WHERE duplicate_of IS NULL")


def _gin(expr: str) -> None:
    op.execute("DROP INDEX ix_documents_fts")
    op.execute(f"CREATE INDEX ix_documents_fts ON documents USING gin ({expr})")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _fts5(TOKENIZE)
    else:
        _gin(TSVECTOR)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _fts5(OLD_TOKENIZE)
    else:
        _gin(OLD_TSVECTOR)
