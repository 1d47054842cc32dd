"""Full-text search over articles: FTS5 on SQLite, tsvector on PostgreSQL (migration 0002).

One query language on both backends, read here (parse) and written out for each engine, so that
whatever a person types is a search and never a syntax error of the engine:

    pipeline                 the word (stemmed: pipelines, pipeline's)
    oil gas, oil AND gas     both words
    oil OR gas               either
    oil NOT gas              oil, without gas
    "oil pipeline"           the words next to each other, in this order
    pipe*                    a word starting with pipe
    (oil OR gas) AND Baku    grouping

AND, OR and NOT are operators in capitals only, and only where they join two terms ("pipeline AND" is
the word pipeline; "and" is a word). Any other punctuation (hyphens, colons, apostrophes, brackets that
do not pair, a quote that does not close) joins nothing: "Kazakh-Romanian" is the phrase kazakh
romanian, "$2.9" is 2.9, "C5+1:" is c5 1, "Nur-Sultan's" is nur sultan's. A query without a word
("--", "()") raises SearchSyntaxError.

On SQLite every term goes to FTS5 as a quoted string (the engine's own tokenizer splits it); on
PostgreSQL each term is a bound parameter of phraseto_tsquery, combined with the tsquery operators
&&, || and !!. The user's text reaches neither engine as syntax.

Russian (store/fulltext.py has the indexes): case folds on both backends (Товарооборот = товарооборот).
PostgreSQL stems Russian words as it stems English ones (each article through the configuration of its
language; a term is looked up in both): товарооборот finds товарооборота. SQLite's index holds Russian
words as written, so a term of one Russian word is looked up in every form of the word (word_forms:
товарооборот, товарооборота, товарооборотом, ...); a phrase of several Russian words is matched as
written, and prefix* works on both. `language` keeps the articles in one language ("en", "ru").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from ..store import fulltext
from .common import QueryError, SearchSyntaxError, check_language, check_limit

MARK = ("«", "»")   # around matched words in snippets
OPERATORS = ("AND", "OR", "NOT")

# bm25 weighs a hit in the title five times a hit in the text; lower is better, so the score is -bm25.
_SQLITE = """
    SELECT d.id AS document_id, d.title, d.published, d.outlet, d.source, d.url, d.language,
           snippet(documents_fts, -1, :open, :close, '…', 16) AS snippet,
           -bm25(documents_fts, 5.0, 1.0) AS score
    FROM documents_fts JOIN documents AS d ON d.id = documents_fts.rowid
    WHERE documents_fts MATCH :q AND (:all OR d.duplicate_of IS NULL){language}
    ORDER BY score DESC, d.id
    LIMIT :limit
"""

# The vector expression is the one the GIN index of migration 0007 is built on (store.fulltext), so the
# index serves it.
_POSTGRES = """
    SELECT d.id AS document_id, d.title, d.published, d.outlet, d.source, d.url, d.language,
           ts_headline({config}, d.text, q,
                       'StartSel=' || :open || ', StopSel=' || :close || ', MaxWords=30, MinWords=12')
               AS snippet,
           ts_rank({vector}, q) AS score
    FROM documents AS d, ({tsquery}) AS t(q)
    WHERE {vector} @@ q
      AND (:all OR d.duplicate_of IS NULL){language}
    ORDER BY score DESC, d.id
    LIMIT :limit
"""
_LANGUAGE = " AND d.language = :language"


# 1. the query language -------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    """The words of `text` next to each other, as the engine's own tokenizer splits it (one word is a
    phrase of one); `prefix`: the last word may go on. `text` holds at least one word."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class All:
    """Every one of `include`, none of `exclude` (`include` is never empty)."""

    include: tuple[Any, ...]
    exclude: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Any_:
    """At least one of `options`."""

    options: tuple[Any, ...]


_WORD = re.compile(r"[^\W_]+")
# a quoted phrase (a quote that closes), a bracket, or a run of anything else up to a space, quote or bracket
_TOKEN = re.compile(r'"([^"]*)"|([()])|([^\s"()]+|")')


def words(text: str) -> tuple[str, ...]:
    """The words of `text`: runs of letters and digits ("Kazakh-Romanian $2.9" -> Kazakh, Romanian, 2, 9)."""
    return tuple(_WORD.findall(text))


def _tokens(q: str) -> list[tuple[str, Any]]:
    """("op", "AND"|"OR"|"NOT") | ("(", None) | (")", None) | ("term", Term); terms without a word are dropped."""
    out: list[tuple[str, Any]] = []
    for m in _TOKEN.finditer(q):
        phrase, bracket, bare = m.groups()
        if bracket:
            out.append((bracket, None))
        elif phrase is not None:
            if words(phrase):
                out.append(("term", Term(phrase)))
        elif bare in OPERATORS:
            out.append(("op", bare))
        else:
            prefix = bare.endswith("*") and bool(_WORD.search(bare[-2:-1] or ""))
            if words(bare):
                out.append(("term", Term(bare[:-1] if prefix else bare, prefix)))
    return out


class _Parser:
    """or := and (OR and)*;  and := unit ([AND] unit | NOT unit)*;  unit := term | ( or ).
    An operator that joins nothing is dropped, brackets that do not pair are ignored."""

    def __init__(self, tokens: list[tuple[str, Any]]) -> None:
        self.tokens = self._paired(tokens)
        self.i = 0

    @staticmethod
    def _paired(tokens: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
        opens: list[int] = []
        drop: set[int] = set()
        for i, (kind, _) in enumerate(tokens):
            if kind == "(":
                opens.append(i)
            elif kind == ")":
                if opens:
                    opens.pop()
                else:
                    drop.add(i)
        drop.update(opens)
        return [t for i, t in enumerate(tokens) if i not in drop]

    def peek(self) -> tuple[str, Any] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> Any | None:
        node = self.or_()
        while self.peek() is not None:       # a stray ")" or operator left over: read on after it
            self.i += 1
            rest = self.or_()
            node = rest if node is None else node if rest is None else All((node, rest))
        return node

    def or_(self) -> Any | None:
        options = []
        while True:
            node = self.and_()
            if node is not None:
                options.append(node)
            if self.peek() == ("op", "OR"):
                self.i += 1
                continue
            break
        if not options:
            return None
        return options[0] if len(options) == 1 else Any_(tuple(options))

    def and_(self) -> Any | None:
        include, exclude = [], []
        negate = False
        while (tok := self.peek()) is not None:
            kind, value = tok
            if kind == "op" and value == "OR" or kind == ")":
                break
            self.i += 1
            if kind == "op":
                negate = value == "NOT" and bool(include)   # NOT with nothing before it in its group: dropped
                continue
            node = tok[1] if kind == "term" else self._group()
            if node is not None:
                (exclude if negate else include).append(node)
            negate = False
        if not include:
            return None
        if len(include) == 1 and not exclude:
            return include[0]
        return All(tuple(include), tuple(exclude))

    def _group(self) -> Any | None:
        node = self.or_()
        if self.peek() == (")", None):
            self.i += 1
        return node


def parse(q: str, plain: bool = False) -> Any:
    """The query tree of `q` (Term, All, Any_); with `plain`, every word of it, operators included, as
    one All of words. Raises SearchSyntaxError when `q` holds no word. A NUL character is a space (SQLite
    would end the engine's query string at it, PostgreSQL refuses it in text)."""
    q = (q or "").replace("\x00", " ")
    if plain:
        node = All(tuple(Term(w) for w in (q or "").split() if words(w))) if words(q or "") else None
        if node is not None and len(node.include) == 1:
            node = node.include[0]
    else:
        node = _Parser(_tokens(q or "")).parse()
    if node is None:
        raise SearchSyntaxError(f"nothing to search for in {q!r}: give one or more words" if q and q.strip()
                                else "nothing to search for: give one or more words")
    return node


# 2. the engines' forms -------------------------------------------------------------------------

_CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff]+$")
MAX_FORMS = 64


def word_forms(word: str) -> tuple[str, ...]:
    """Every form of a Russian word, itself first (pymorphy3's lexemes of each of its readings, ё also
    written е): "товарооборот" -> товарооборот, товарооборота, товарообороту, ... At most MAX_FORMS; a word
    in another script is only itself."""
    low = word.lower()
    if not _CYRILLIC_WORD.match(low):
        return (word,)
    from ..extract.morph import parses

    forms = dict.fromkeys([low])
    for reading in parses(low):
        for form in reading.lexeme:
            forms[form.word] = None
            forms[form.word.replace("ё", "е")] = None
    return tuple(forms)[:MAX_FORMS]


def _fts5_string(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def fts5_query(node: Any) -> str:
    """The FTS5 form of a query tree: every term a quoted string ("Kazakh-Romanian", "pipe"*); a term of
    one Russian word, each of its forms (word_forms) joined by OR."""
    if isinstance(node, Term):
        found = words(node.text)
        if not node.prefix and len(found) == 1 and len(forms := word_forms(found[0])) > 1:
            return "(" + " OR ".join(map(_fts5_string, forms)) + ")"
        return _fts5_string(node.text) + ("*" if node.prefix else "")
    if isinstance(node, Any_):
        return "(" + " OR ".join(fts5_query(n) for n in node.options) + ")"
    out = " AND ".join(fts5_query(n) for n in node.include)
    for n in node.exclude:
        out = f"({out}) NOT {fts5_query(n)}"
    return f"({out})"


def tsquery_sql(node: Any, params: dict[str, Any]) -> str:
    """The PostgreSQL tsquery expression of a query tree, each term's text a bound parameter added to
    `params` (phraseto_tsquery; a prefix term's last word through to_tsquery as 'word':* of letters and
    digits only), folded as the index folds the text (store.fulltext.fold) and read by every configuration
    a document may be indexed with (English, Russian), any of which may match."""
    if isinstance(node, Term):
        head, last = node.text, None
        if node.prefix:
            *_, m = _WORD.finditer(node.text)
            head, last = node.text[:m.start()], m.group()
        names = []
        if words(head):
            name = f"t{len(params)}"
            # a hyphenated word is its words, as on SQLite ("Kazakhstan-Romania" finds "Kazakhstan, Romania");
            # PostgreSQL's parser would also want the whole compound
            params[name] = fulltext.fold(head.replace("-", " "))
            names.append(("phraseto_tsquery", name))
        if last is not None:
            name = f"t{len(params)}"
            params[name] = f"'{fulltext.fold(last)}':*"   # letters and digits only (words()): nothing to escape
            names.append(("to_tsquery", name))
        options = []
        for config in fulltext.CONFIGS:
            parts = [f"{fn}('{config}', :{name})" for fn, name in names]
            options.append(parts[0] if len(parts) == 1 else f"tsquery_phrase({parts[0]}, {parts[1]})")
        return "(" + " || ".join(options) + ")"
    if isinstance(node, Any_):
        return "(" + " || ".join(tsquery_sql(n, params) for n in node.options) + ")"
    out = " && ".join(tsquery_sql(n, params) for n in node.include)
    for n in node.exclude:
        out = f"{out} && !!{tsquery_sql(n, params)}"
    return f"({out})"


def plain_query(q: str) -> str:
    """An FTS5 query that matches the words of `q` as words (all of them), whatever punctuation they hold:
    'Kazakh-Romanian $2.9' -> '"Kazakh" AND "Romanian" AND "2" AND "9"'."""
    return fts5_query(parse(q, plain=True)).strip("()")


# 3. search --------------------------------------------------------------------------------------

def search(engine: Engine, q: str, limit: int = 20, include_duplicates: bool = False,
           plain: bool = False, language: str | None = None) -> list[dict[str, Any]]:
    """Articles matching `q`, best first:

    [{"document_id", "title", "published", "outlet", "source", "url", "language", "snippet", "score"}, ...]

    `snippet` is a stretch of the article (on one line) with the matched words between « and »; a higher
    `score` is a better match (its scale differs between SQLite and PostgreSQL). `q` is read by the
    query language of this module's docstring, the same on both backends (words, "phrases", AND, OR,
    NOT, prefix*, brackets; any other punctuation is no syntax); with `plain`, operators are words too.
    A query with no word in it raises SearchSyntaxError. Near-duplicate articles are left out unless
    `include_duplicates`; `language` ("en", "ru") keeps the articles written in it (BadFilter for
    another value)."""
    if not q or not q.strip():
        raise SearchSyntaxError("nothing to search for: give one or more words")
    check_limit(limit)
    language = check_language(language)
    node = parse(q, plain)
    params: dict[str, Any] = {"limit": limit, "all": bool(include_duplicates), "open": MARK[0], "close": MARK[1]}
    if language is not None:
        params["language"] = language
    where = _LANGUAGE if language is not None else ""
    if engine.dialect.name == "sqlite":
        sql = text(_SQLITE.format(language=where))
        params["q"] = fts5_query(node)
    else:
        sql = text(_POSTGRES.format(tsquery="SELECT " + tsquery_sql(node, params), vector=fulltext.vector("d."),
                                    config=fulltext.config_sql("d."), language=where))
    try:
        with engine.connect() as conn:
            rows = conn.execute(sql, params).mappings().all()
    except DBAPIError as e:
        reason = str(e.orig).strip() if e.orig is not None else str(e)
        if "no such table" in reason:
            raise QueryError(f"the database has no full-text index ({reason}): open it once with a current "
                             "accordwatch to migrate it") from e
        raise QueryError(f"search for {q!r} failed: {reason}") from e
    return [{**row, "snippet": " ".join((row["snippet"] or "").split()), "score": round(float(row["score"]), 6)}
            for row in rows]
