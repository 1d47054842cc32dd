"""The database schema: one set of tables for SQLite and PostgreSQL (SQLAlchemy 2.x Core).

documents   one row per article read; near-duplicates point at their original (duplicate_of); `language`
            the language it is written in ("en", "ru"; migration 0006)
entities    one row per country, organization, person or place however it is spelled, in whichever script;
aliases     every spelling seen (normalised), so later articles resolve to the same entity, and its
            `latin` key (store.normalize.latin_key: "Токаев" and "Tokayev" both "tokaev"), indexed, so a
            name written in Cyrillic finds the entity known by its English spelling and the reverse
mentions    where each entity is named in each document (character offsets)
events      one row per happening, however many articles report it, with its name when an article
            gives one (the first article that does);
event_sources  each article's report of it: evidence offsets, the status and date it gave
event_parties  the event's countries and blocs, for filtering
figures     one row per figure per article, with its evidence; `conflict` marks figures that
            other articles report differently for the same indicator, parties and period;
            `period_start`/`period_end` ('YYYY-MM', '' without a period) and `point_key` (the point the
            figure belongs to and its place in time: accordwatch.store.points) let queries group,
            order and page points in the database
figure_parties, document_countries, document_sectors, event_sectors  lookups for queries
sources     feeds and pages accordwatch watch polls, with their health (migration 0008)
alerts      saved searches: filters, and where to tell of new matches (webhook, email)
deliveries  the ledger of what each alert delivered where, so that nothing is sent twice
users, sessions, api_tokens   accounts and roles, login sessions and API tokens (hashes only; migration 0009)
reviews     people's confirmations, corrections and rejections of facts, keyed by article and span: the
            overlay store.overlay applies to figures and events (which carry review, reviewed_by, _at); and
            of an article's people, organizations and countries, and merges and splits of entities: the
            overlay store.entity_overlay applies to mentions, document_countries (review marks too) and entities
audit_log   every change: who, when, what, before and after
store_state one row per setting; "version" grows with every write that changes the data, so
            readers can cache what they computed from it
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

metadata = MetaData()

# compared bytewise on both backends (SQLite's default BINARY collation, PostgreSQL's "C"), as Python
# compares the strings: the order of figure points depends on it
_BYTEWISE_KEY = Text().with_variant(Text(collation="C"), "postgresql")
_BYTEWISE_MONTH = String(7).with_variant(String(7, collation="C"), "postgresql")


def _latin_default(context):
    """aliases.latin for an insert that does not give it (store.resolve gives it)."""
    from .normalize import latin_key

    return latin_key(context.get_current_parameters()["alias"])


def _point_default(column: str):
    """A column default that derives `column` from the figure's other values (store.points), for an
    insert that does not give it (store.write gives it)."""
    def default(context):
        from .points import row_point_columns

        return row_point_columns(context.get_current_parameters())[column]
    return default

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("outlet", Text),
    Column("dateline", Text),
    Column("text", Text, nullable=False),
    Column("minhash", LargeBinary),
    Column("duplicate_of", Integer, ForeignKey("documents.id")),
    Column("similarity", Float),
    Column("ingested_at", DateTime(timezone=True), server_default=func.now()),
    Column("language", String(8), nullable=False, server_default="en"),   # "en" | "ru" (migration 0006)
)
Index("ix_documents_published", documents.c.published)
Index("ix_documents_language", documents.c.language)
Index("ix_documents_duplicate_of", documents.c.duplicate_of)

minhash_bands = Table(
    "minhash_bands", metadata,
    Column("band", Integer, primary_key=True),
    Column("bucket", String(40), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),          # country | organization | person | place
    Column("key", String(300), nullable=False),          # normalised canonical name or code
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("title", Text),                               # a person's office
    Column("org_kind", String(40)),                      # company, ministry, bank, ...
    UniqueConstraint("kind", "key", name="uq_entities_kind_key"),
)
Index("ix_entities_country", entities.c.country)

aliases = Table(
    "aliases", metadata,
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
    Column("alias", String(300), primary_key=True),      # normalised spelling
    Column("kind", String(16), nullable=False),
    # the alias in Latin letters, transliteration variants folded (migration 0006): matching across scripts
    Column("latin", String(300), nullable=False, server_default="", default=_latin_default),
)
Index("ix_aliases_kind_alias", aliases.c.kind, aliases.c.alias)
Index("ix_aliases_kind_latin", aliases.c.kind, aliases.c.latin)

mentions = Table(
    "mentions", metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("review", String(10)),                        # confirmed | corrected (migration 0011); NULL: unreviewed
    Column("reviewed_by", String(64)),
    Column("reviewed_at", String(32)),
)
# an entity's articles from the index alone (listing entities counts them for every entity)
Index("ix_mentions_entity_document", mentions.c.entity_id, mentions.c.document_id)

document_countries = Table(
    "document_countries", metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("code", String(8), primary_key=True),
    Column("review", String(10)),                        # confirmed | corrected (migration 0011); NULL: unreviewed
    Column("reviewed_by", String(64)),
    Column("reviewed_at", String(32)),
)
Index("ix_document_countries_code", document_countries.c.code)

document_sectors = Table(
    "document_sectors", metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("sector", String(40), primary_key=True),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("type", String(20), nullable=False),
    Column("instrument", String(20)),
    Column("status", String(12), nullable=False),        # the most advanced status reported
    Column("parties", String(200), nullable=False),      # sorted codes joined by "|"
    Column("date", String(10)),
    Column("location", Text),
    Column("organizations", Text),                       # names joined by "|"
    Column("first_document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("name", Text),                                # what the articles call it (migration 0005); may be NULL
    Column("review", String(10)),                        # confirmed | corrected (migration 0009); NULL: unreviewed
    Column("reviewed_by", String(64)),
    Column("reviewed_at", String(32)),
)
Index("ix_events_type_parties", events.c.type, events.c.parties)
Index("ix_events_date", events.c.date)

event_sources = Table(
    "event_sources", metadata,
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("status", String(12), nullable=False),
    Column("date", String(10)),
)
Index("ix_event_sources_document", event_sources.c.document_id)

event_parties = Table(
    "event_parties", metadata,
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Column("code", String(8), primary_key=True),
)
Index("ix_event_parties_code_event", event_parties.c.code, event_parties.c.event_id)

event_sectors = Table(
    "event_sectors", metadata,
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Column("sector", String(40), primary_key=True),
)

figures = Table(
    "figures", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("indicator", String(20), nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", String(20), nullable=False),
    Column("period", String(20)),
    Column("parties", String(200), nullable=False),
    Column("from_code", String(8)),
    Column("to_code", String(8)),
    Column("change_pct", Float),
    Column("kind", String(8), nullable=False),
    Column("approximate", Boolean, nullable=False, default=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("conflict", Boolean, nullable=False, default=False),
    Column("period_start", _BYTEWISE_MONTH, nullable=False, server_default="", default=_point_default("period_start")),
    Column("period_end", _BYTEWISE_MONTH, nullable=False, server_default="", default=_point_default("period_end")),
    Column("point_key", _BYTEWISE_KEY, nullable=False, server_default="", default=_point_default("point_key")),
    Column("review", String(10)),                        # confirmed | corrected (migration 0009); NULL: unreviewed
    Column("reviewed_by", String(64)),
    Column("reviewed_at", String(32)),
    UniqueConstraint("document_id", "start", name="uq_figures_document_start"),
)
Index("ix_figures_group", figures.c.indicator, figures.c.parties, figures.c.period)
# what paging points reads: the key, the article (is it a near-duplicate?) and the common filters
Index("ix_figures_point", figures.c.point_key, figures.c.document_id, figures.c.kind, figures.c.indicator)
# what counting the partner network reads: figures and their articles per parties cell
Index("ix_figures_parties", figures.c.parties, figures.c.document_id)

figure_parties = Table(
    "figure_parties", metadata,
    Column("figure_id", Integer, ForeignKey("figures.id"), primary_key=True),
    Column("code", String(8), primary_key=True),
)
Index("ix_figure_parties_code_figure", figure_parties.c.code, figure_parties.c.figure_id)

store_state = Table(
    "store_state", metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Integer, nullable=False),
)

# ---- watch (migration 0008): what accordwatch.watch polls and whom it tells ----
sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("name", Text),
    Column("every_seconds", Integer, nullable=False),     # how often it is polled
    Column("etag", Text),                                 # the validators of its last answer, for conditional GETs
    Column("last_modified", Text),
    Column("last_poll", String(32)),                      # ISO 8601 UTC times
    Column("last_success", String(32)),
    Column("last_error", Text),
    Column("failures", Integer, nullable=False, default=0),   # in a row: the backoff grows with them
    Column("articles_added", Integer, nullable=False, default=0),
    Column("next_poll", String(32), nullable=False),
    Column("created", String(32), nullable=False),
)
Index("ix_sources_next_poll", sources.c.next_poll)

alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("filters", Text, nullable=False),              # JSON: the filters of the events and figures API
    Column("webhook_url", Text),
    Column("webhook_secret", Text),                       # the HMAC-SHA256 key of its deliveries
    Column("email", Text),
    # what existed when it was saved is not news: only events and figures with higher ids are delivered
    Column("since_event_id", Integer, nullable=False, default=0),
    Column("since_figure_id", Integer, nullable=False, default=0),
    Column("created", String(32), nullable=False),
)

deliveries = Table(
    "deliveries", metadata,
    Column("id", Integer, primary_key=True),
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
    Column("item_kind", String(8), nullable=False),       # event | figure
    Column("item_id", Integer, nullable=False),
    Column("channel", String(8), nullable=False),         # webhook | email
    Column("status", String(10), nullable=False),         # pending | delivered | failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("next_attempt", String(32), nullable=False),
    Column("delivered_at", String(32)),
    Column("created", String(32), nullable=False),
    # the ledger: one delivery per alert, item and channel, however often the watch restarts
    UniqueConstraint("alert_id", "item_kind", "item_id", "channel", name="uq_deliveries_item"),
)
Index("ix_deliveries_due", deliveries.c.status, deliveries.c.next_attempt)

# ---- review (migration 0009): who may change what, what they changed, and why it stays ----
users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),        # Argon2id (argon2-cffi), never the password
    Column("role", String(8), nullable=False),            # viewer | editor | admin
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", String(32)),                   # ISO 8601 UTC: too many wrong passwords in a row
    Column("created", String(32), nullable=False),
)

sessions = Table(
    "sessions", metadata,
    Column("token_hash", String(64), primary_key=True),   # SHA-256 of the cookie's random token
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("created", String(32), nullable=False),
    Column("expires", String(32), nullable=False),
)
Index("ix_sessions_user", sessions.c.user_id)

api_tokens = Table(
    "api_tokens", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(64), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),   # SHA-256 of the token, shown once
    Column("created", String(32), nullable=False),
    Column("last_used", String(32)),
)

reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True),
    # the fact reviewed: its kind and where its article states it (document, start, end), which a
    # re-extraction of the same text states again; the overlay store.overlay applies to stored rows
    # figure | event; person | organization | country (an article's mention of one: migration 0011);
    # merge | split (of entities, named by `subject`: review.entities)
    Column("kind", String(16), nullable=False),
    Column("document_hash", String(64), nullable=False),   # documents.content_hash: the article in any database
                                                           # ('' for a merge or a split: no article)
    Column("document_id", Integer, ForeignKey("documents.id")),   # where it is stored here (NULL: not yet)
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("action", String(8), nullable=False),          # confirm | correct | reject
    Column("fields", Text, nullable=False),               # JSON: the corrected values (correct), else {}
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("user_name", String(64), nullable=False),      # kept when the account is removed
    Column("at", String(32), nullable=False),
    # what a span does not name (migration 0011): a country review's code; a merge's "kind:key" of the entity
    # merged away, a split's "kind:alias" of the spelling split off; '' for the rest
    Column("subject", String(300), nullable=False, server_default="", default=""),
    # the latest review of a fact
    UniqueConstraint("kind", "document_hash", "start", "end", "subject", name="uq_reviews_fact"),
)
Index("ix_reviews_document", reviews.c.document_hash)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", String(32), nullable=False),
    Column("user_name", String(64), nullable=False),
    Column("action", String(32), nullable=False),         # review.correct, user.add, user.passwd, login.failed, ...
    Column("target", Text, nullable=False),               # "figure 12 (document 3, 540-552)", "user alice"
    Column("before", Text),                               # JSON
    Column("after", Text),                                # JSON
    Column("document_id", Integer),                       # the article of a review of its facts (migration 0011)
)
Index("ix_audit_target", audit_log.c.target)
Index("ix_audit_document", audit_log.c.document_id)

ALL_TABLES = [t.name for t in metadata.sorted_tables]
