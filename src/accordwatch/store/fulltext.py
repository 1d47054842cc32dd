"""The full-text index of the articles, in English and Russian (migration 0007; 0002 made the first one).

SQLite   an FTS5 table over title and text (external content: the writer adds each article's row), with
         the tokenizer TOKENIZE: unicode61 folds case in every script (Казахстан = казахстан) and,
         with remove_diacritics 2, accents (Türkiye = Turkiye); porter stems English words. Russian words
         are indexed as written: query.search looks a Russian word up in all its forms (pymorphy3's
         lexeme: товарооборот finds товарооборота, товарооборотом), and a prefix (товарооборот*) finds
         every word that starts with it.
PostgreSQL  a GIN index on documents.search_vector (migration 0010), a stored column holding what
         tsvector() computes (the writer fills it since migration 0012): each article through the text
         search configuration of its language ('english', or 'russian' for documents.language = 'ru':
         Snowball stems Russian words, товарооборота -> товарооборот, and folds ё into е; English words
         in a Russian article are stemmed as English), its text first folded by fold_sql: Cyrillic and
         Latin-1 capitals lower-cased and punctuation beyond ASCII («», —) made spaces, so that words are
         split and case folds even in a database whose LC_CTYPE is C (where PostgreSQL lower-cases ASCII
         only and takes any other character for a letter). A query term is looked up in both
         configurations (query.search), folded the same way. Accents are not folded (Türkiye is not
         Turkiye) but by the Russian stemmer (ё = е).

The expression is spelled out here and, unchanged, in migrations 0007, 0010 and 0012; queries read the stored
column (vector()), so a common word costs no recomputation (tests/test_store_backends.py checks that a
query uses the index). Since migration 0012 the writer fills the column (insert_sql): the server's
translate() walked its hundred-odd characters for every character of an article (0.36 ms an article, a
quarter of the server's work in an ingest), where fold() is a table lookup (10 us); the stored vectors
are those of tsvector() (tests/test_multilingual_store.py compares them).
"""
from __future__ import annotations

import numpy as np

TOKENIZE = "porter unicode61 remove_diacritics 2"

# capitals whose lower case is one character: Russian, the Kazakh, Uzbek (Cyrillic) and Belarusian letters,
# and Latin-1 (PostgreSQL lower-cases ASCII itself in any locale)
UPPER = ("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ" "ӘҒҚҢӨҰҮҺІЎҲЄЇ" "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ")
LOWER = UPPER.lower()
assert len(UPPER) == len(LOWER)
# punctuation and spaces beyond ASCII, read as spaces: in a C locale PostgreSQL's parser takes every
# character beyond ASCII for a letter, so «КазМунайГаз» would be one word with its quotes
SEPARATORS = "«»„“”‘’‚‹›—–‑‒―…•·№°\u00a0\u2009\u202f"
FOLD_FROM = UPPER + SEPARATORS
FOLD_TO = LOWER + " " * len(SEPARATORS)
# the folded code point of every code point of the Basic Multilingual Plane (all of FOLD_FROM's)
_FOLD_TABLE = np.arange(0x10000, dtype=np.uint32)
_FOLD_TABLE[[ord(c) for c in FOLD_FROM]] = [ord(c) for c in FOLD_TO]


def fold(text: str) -> str:
    """`text` with the capitals of UPPER in lower case and SEPARATORS as spaces, as fold_sql folds the
    indexed text: the string's code points looked up in a table at once (str.translate's per-character
    lookup took 40-60 ns a character)."""
    if text.isascii():   # every character folded is beyond ASCII
        return text
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    folded = np.where(points < 0x10000, _FOLD_TABLE[points & 0xFFFF], points).astype("<u4")
    return folded.tobytes().decode("utf-32-le", "surrogatepass")


def fold_sql(expr: str) -> str:
    """The SQL of `expr` folded as fold() folds a string."""
    return f"translate({expr}, '{FOLD_FROM}', '{FOLD_TO}')"


def config_sql(prefix: str = "") -> str:
    """The text search configuration of a document (`prefix`: the table's alias and a dot)."""
    return f"CASE WHEN {prefix}language = 'ru' THEN '{config('ru')}'::regconfig ELSE '{config(None)}'::regconfig END"


def tsvector(prefix: str = "") -> str:
    """The indexed vector of a document (`prefix`: the table's alias and a dot, "d." in a query)."""
    body = fold_sql(f"coalesce({prefix}title, '') || ' ' || {prefix}text")
    return f"to_tsvector({config_sql(prefix)}, {body})"


def config(language: str | None) -> str:
    """The text search configuration of a document in `language` (config_sql's choice in SQL)."""
    return "russian" if language == "ru" else "english"


def insert_sql(cols: tuple[str, ...]) -> str:
    """PostgreSQL: an INSERT of a document's columns `cols` and its stored vector, computed from two more
    parameters, the configuration and the folded text (insert_params)."""
    names = ", ".join(f'"{c}"' for c in cols)
    return (f"INSERT INTO documents ({names}, search_vector) "
            f"VALUES ({', '.join(['%s'] * len(cols))}, to_tsvector(%s::regconfig, %s))")


def insert_params(row: dict, cols: tuple[str, ...]) -> tuple:
    """The parameters of insert_sql(cols) for a document's row (a dict with these columns, title, text
    and language): what tsvector() computed from the row, folded here."""
    return (*(row[c] for c in cols), config(row["language"]), fold(f"{row['title'] or ''} {row['text']}"))


def vector(prefix: str = "") -> str:
    """The stored vector a query reads on PostgreSQL (`prefix`: the table's alias and a dot)."""
    return f"{prefix}search_vector"


CONFIGS = ("english", "russian")   # every configuration a document may be indexed with
